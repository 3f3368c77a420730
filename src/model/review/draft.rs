//! The review draft of one quarter, built from plain inputs: the quarter's figures (live from
//! the records, or frozen when it was finalized), the previous quarter's and the same quarter a
//! year earlier (each frozen where that review was finalized), and what the manager wrote.
//! Every figure carries its comparison with both and where its records are.

use chrono::{Datelike as _, Month, NaiveDate};
use serde::Serialize;

use super::catalogue::{self, SectionId};
use super::data::{QuarterData, figures};
use super::figures::{Link, MeetingList, QuarterFigures};
use super::suggest::{Suggestion, suggestions};
use super::words::{
    Accomplishment, Outcome, Priority, Required, ReviewCompetency, ReviewState, ReviewWords, missing,
};
use crate::model::fiscal::FiscalQuarter;
use crate::model::ids::PriorityId;
use crate::model::split::Category;
use crate::model::time_summary::quarter_months;

/// Where a quarter's figures come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Computed now from the records.
    Live(QuarterData),
    /// Stored when its review was finalized.
    Frozen(QuarterFigures),
}

impl Source {
    pub fn figures(&self) -> QuarterFigures {
        match self {
            Self::Live(data) => figures(data),
            Self::Frozen(figures) => figures.clone(),
        }
    }

    pub fn is_frozen(&self) -> bool {
        matches!(self, Self::Frozen(_))
    }
}

/// Everything a draft is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewInputs {
    pub quarter: FiscalQuarter,
    pub start_month: Month,
    pub today: NaiveDate,
    pub current: Source,
    pub previous: Source,
    pub year_ago: Source,
    pub words: ReviewWords,
    /// The previous quarter's review: its priorities become this quarter's promises, its
    /// ratings are shown beside this quarter's.
    pub previous_words: Option<ReviewWords>,
    /// The role's competencies as Settings lists them.
    pub competencies: Vec<ReviewCompetency>,
}

/// Up, down or level against an earlier quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Arrow {
    Up,
    Down,
    Level,
}

impl Arrow {
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Up => "▲",
            Self::Down => "▼",
            Self::Level => "=",
        }
    }
}

/// One figure against an earlier quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    #[serde(serialize_with = "super::labels::serialize")]
    pub quarter: FiscalQuarter,
    /// `None` when the earlier quarter has no records or the figure was not recorded then.
    pub value: Option<f64>,
    pub delta: Option<f64>,
    pub arrow: Option<Arrow>,
    /// Whether the change is for the better (`None` when neither direction is better).
    pub better: Option<bool>,
    /// Read from that quarter's finalized review.
    pub frozen: bool,
}

/// A figure of the quarter with its comparisons and where its records are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub key: &'static str,
    pub label: &'static str,
    /// `None` when not recorded (the Business and Hiring figures until those screens exist).
    pub value: Option<f64>,
    pub unit: catalogue::Unit,
    /// The value as people read it ("84 %", "12", "3.8 / 5").
    pub text: String,
    /// What the value is made of ("42 of 50 due", "target 50 %").
    pub detail: Option<String>,
    pub previous: Comparison,
    pub year_ago: Comparison,
    pub link: Option<Link>,
}

/// A list of records under a section (per architect, per week…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub title: String,
    pub columns: Vec<&'static str>,
    pub rows: Vec<TableRow>,
    /// Rows left out of a long list (the counts in the figures are complete).
    pub more: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRow {
    pub cells: Vec<String>,
    pub link: Option<Link>,
}

/// A part of the review: where the time went, or one of the three accountabilities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub id: SectionId,
    pub title: &'static str,
    pub category: Option<Category>,
    pub figures: Vec<Figure>,
    pub tables: Vec<Table>,
    /// What is not recorded yet, and where it will come from.
    pub notes: Vec<String>,
}

/// A self-rating row: the competency, this quarter's rating and evidence, last quarter's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingRow {
    pub competency: Option<crate::model::ids::ReviewCompetencyId>,
    pub role: String,
    pub name: String,
    pub rating: Option<u8>,
    pub evidence: String,
    pub last_quarter: Option<u8>,
}

/// One of last quarter's priorities and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Promise {
    pub priority: PriorityId,
    pub text: String,
    pub outcome: Option<Outcome>,
    pub note: String,
}

/// The quarter a comparison is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Compared {
    #[serde(serialize_with = "super::labels::serialize")]
    pub quarter: FiscalQuarter,
    pub frozen: bool,
    pub has_records: bool,
}

/// The review of one quarter: figures, comparisons and the manager's words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewDraft {
    #[serde(serialize_with = "super::labels::serialize")]
    pub quarter: FiscalQuarter,
    /// "Oct – Dec 2026".
    pub months: String,
    pub state: ReviewState,
    /// The figures are the ones stored when the review was finalized.
    pub frozen: bool,
    /// Said at the top when the quarter is still running or holds no records.
    pub notes: Vec<String>,
    pub previous: Compared,
    pub year_ago: Compared,
    pub sections: Vec<Section>,
    /// The figures the sections were built from (the charts read them).
    pub figures: QuarterFigures,
    /// Bullets drawn from the figures, not yet accepted or dropped.
    pub suggestions: Vec<Suggestion>,
    pub accomplishments: Vec<Accomplishment>,
    pub setbacks: String,
    pub priorities: Vec<Priority>,
    pub ratings: Vec<RatingRow>,
    /// Last quarter's priorities, with what happened.
    pub promises: Vec<Promise>,
    /// The required sections still empty.
    pub missing: Vec<Required>,
}

impl ReviewDraft {
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn is_final(&self) -> bool {
        self.state.is_final()
    }

    /// Said above the records behind a coaching figure of a finalized review when they no
    /// longer add up to it: the list is read from today's records, the figure was frozen on
    /// the day the review was finalized, and a record changed in between.
    pub fn records_changed_since_final(&self, list: MeetingList, listed: usize) -> Option<String> {
        let ReviewState::Final { finalized_on } = self.state else { return None };
        let counted = self.figures.coaching.count(list);
        if !self.frozen || usize::try_from(counted).is_ok_and(|counted| counted == listed) {
            return None;
        }
        Some(format!(
            "The review finalized on {} counted {counted}; the records have changed since, and \
             these are today's",
            finalized_on.format("%a %-d %b %Y")
        ))
    }
}

/// Builds the draft.
pub fn build(inputs: &ReviewInputs) -> ReviewDraft {
    let current = inputs.current.figures();
    let previous = inputs.previous.figures();
    let year_ago = inputs.year_ago.figures();
    let compared = |figures: &QuarterFigures, source: &Source| Compared {
        quarter: figures.quarter,
        frozen: source.is_frozen(),
        has_records: figures.has_records,
    };
    let sections = catalogue::sections(
        &current,
        (&previous, inputs.previous.is_frozen()),
        (&year_ago, inputs.year_ago.is_frozen()),
    );
    let words = &inputs.words;
    let suggestions = suggestions(&current)
        .into_iter()
        .filter(|s| {
            !words.dropped.contains(&s.key)
                && !words.accomplishments.iter().any(|a| a.suggestion.as_deref() == Some(s.key.as_str()))
        })
        .collect();
    ReviewDraft {
        quarter: inputs.quarter,
        months: quarter_months(inputs.quarter, inputs.start_month),
        state: words.state,
        frozen: inputs.current.is_frozen(),
        notes: notes(&current, inputs),
        previous: compared(&previous, &inputs.previous),
        year_ago: compared(&year_ago, &inputs.year_ago),
        sections,
        figures: current,
        suggestions,
        accomplishments: words.accomplishments.clone(),
        setbacks: words.setbacks.clone(),
        priorities: words.priorities.clone(),
        ratings: ratings(inputs),
        promises: promises(inputs),
        missing: missing(words, &rated_competencies(inputs)),
    }
}

/// The competencies a review is rated on: Settings' list while it is a draft, the ones it was
/// rated on once final.
fn rated_competencies(inputs: &ReviewInputs) -> Vec<ReviewCompetency> {
    if inputs.words.state.is_final() { Vec::new() } else { inputs.competencies.clone() }
}

fn ratings(inputs: &ReviewInputs) -> Vec<RatingRow> {
    let last = |competency: Option<crate::model::ids::ReviewCompetencyId>, name: &str| {
        let previous = inputs.previous_words.as_ref()?;
        let rating = previous
            .ratings
            .iter()
            .find(|r| competency.is_some() && r.competency == competency)
            .or_else(|| previous.ratings.iter().find(|r| r.name == name))?;
        rating.rating
    };
    let words = &inputs.words;
    if words.state.is_final() {
        // As rated: a competency renamed or removed in Settings since does not change it.
        return words
            .ratings
            .iter()
            .map(|r| RatingRow {
                competency: r.competency,
                role: r.role.clone(),
                name: r.name.clone(),
                rating: r.rating,
                evidence: r.evidence.clone(),
                last_quarter: last(r.competency, &r.name),
            })
            .collect();
    }
    inputs
        .competencies
        .iter()
        .map(|c| {
            let rated = words.rating_of(c);
            RatingRow {
                competency: Some(c.id),
                role: c.role.clone(),
                name: c.name.clone(),
                rating: rated.and_then(|r| r.rating),
                evidence: rated.map(|r| r.evidence.clone()).unwrap_or_default(),
                last_quarter: last(Some(c.id), &c.name),
            }
        })
        .collect()
}

fn promises(inputs: &ReviewInputs) -> Vec<Promise> {
    let Some(previous) = &inputs.previous_words else { return Vec::new() };
    previous
        .priorities
        .iter()
        .map(|p| {
            let outcome = inputs.words.outcomes.iter().find(|o| o.priority == p.id);
            Promise {
                priority: p.id,
                text: p.text.clone(),
                outcome: outcome.and_then(|o| o.outcome),
                note: outcome.map(|o| o.note.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// What the reader should know before the figures: a quarter still running, one with no
/// records, comparisons with quarters that have none.
fn notes(current: &QuarterFigures, inputs: &ReviewInputs) -> Vec<String> {
    let mut notes = Vec::new();
    let quarter = inputs.quarter;
    if let ReviewState::Final { finalized_on } = inputs.words.state {
        notes.push(format!(
            "Finalized on {}: the figures are as they were that day and the text is locked until reopened.",
            long_date(finalized_on)
        ));
    }
    if current.in_progress() {
        notes.push(format!(
            "{quarter} runs until {}: the figures count up to {}.",
            long_date(current.last_day),
            long_date(current.as_of)
        ));
    }
    if !current.has_records {
        notes.push(format!(
            "Nothing was recorded in {quarter} ({}): no time, one-on-ones, goals, certifications or \
             skill ratings fall in it, so every figure is zero.",
            inputs.months_text()
        ));
    }
    notes
}

impl ReviewInputs {
    fn months_text(&self) -> String {
        quarter_months(self.quarter, self.start_month)
    }
}

/// "Thu 31 Dec 2026".
pub fn long_date(day: NaiveDate) -> String {
    if day.year() > 0 { day.format("%a %-d %b %Y").to_string() } else { day.to_string() }
}
