//! The hiring part of the view model: the requisitions, the pipeline, each requisition's page
//! (candidates, plan with its gaps and doubles, interviews and scorecards, slate reports) for
//! those still looking and the one selected, the quarter figures, scorecards the manager
//! owes, interviews around this week, candidates due for deletion, why people left and the
//! onboarding template. Built after each write that touches hiring; the screens, the command
//! line and the quarterly review only read it.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::model::architect::Choice as _;
use crate::model::candidate::{self, Candidate};
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::model::hiring::{self, Coverage, FigureInputs, Pipeline, QuarterFigures, end_of};
use crate::model::hiring_profile::{self, HiringProfile};
use crate::model::interview::{self, Interview, InterviewStep, SlateReport};
use crate::model::onboarding::{Departure, TemplateItem};
use crate::model::requisition::Requisition;
use crate::model::skills::Competency;
use crate::model::{Architect, ArchitectId, CandidateId, CompetencyId, HiringProfileId, RequisitionId};
use crate::store::candidates::PurgeRow;
use crate::store::interviews::InterviewRow;
use crate::store::{
    StoreError, candidates, departures, hiring_profiles, interviews, onboarding, requisitions, skills, time,
};

/// How many fiscal quarters the figures show: this one and the three before.
pub const QUARTERS_SHOWN: usize = 4;
/// Interviews kept in the view around today, for the This week screen's weeks.
const INTERVIEW_WINDOW_DAYS: u64 = 91;

/// A requisition in the list, with its counts and the names it refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequisitionRow {
    pub requisition: Requisition,
    /// Candidates still in the process, and all of them.
    pub in_process: usize,
    pub candidates: usize,
    /// Whose place it fills.
    pub backfill_name: Option<String>,
    /// Who filled it.
    pub filled_by: Option<String>,
    /// Days from opening to closing, or to today while open.
    pub days_open: i64,
}

/// A candidate on a requisition's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateRow {
    pub candidate: Candidate,
    /// Days in the current stage; `None` once the process is over.
    pub days_in_stage: Option<i64>,
    /// When the record is due for deletion (`None` while the requisition is open and no
    /// earlier date is set).
    pub purge_on: Option<NaiveDate>,
}

impl CandidateRow {
    pub fn purge_due(&self, today: NaiveDate) -> bool {
        candidate::purge_due(self.purge_on, today)
    }
}

/// Everything a requisition's page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequisitionDetail {
    pub candidates: Vec<CandidateRow>,
    pub steps: Vec<InterviewStep>,
    /// What the plan assesses: its hiring profile's competencies, or the whole skills matrix,
    /// in the matrix's order.
    pub competencies: Vec<CompetencyId>,
    /// Competencies a step assesses that the plan does not ask for (the profile changed after
    /// they were ticked), in the matrix's order: shown so they can be taken off.
    pub outside_plan: Vec<CompetencyId>,
    pub coverage: Coverage,
    pub interviews: Vec<Interview>,
    pub slates: Vec<SlateReport>,
}

impl RequisitionDetail {
    pub fn step(&self, id: crate::model::InterviewStepId) -> Option<&InterviewStep> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// A candidate's interviews, in plan order.
    pub fn interviews_of(&self, candidate: CandidateId) -> Vec<&Interview> {
        let mut found: Vec<&Interview> =
            self.interviews.iter().filter(|i| i.candidate == candidate).collect();
        found.sort_by_key(|i| self.steps.iter().position(|s| s.id == i.step));
        found
    }
}

/// One fiscal quarter's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterRow {
    pub quarter: String,
    pub figures: QuarterFigures,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct HiringView {
    pub today: NaiveDate,
    /// Open first, then on hold, then closed, newest first.
    pub requisitions: Vec<RequisitionRow>,
    pub pipeline: Pipeline,
    /// The pages of the requisitions still looking and of the one selected.
    pub details: HashMap<RequisitionId, RequisitionDetail>,
    pub selected: Option<RequisitionId>,
    /// The skills matrix: what an interview plan assigns to its steps.
    pub competencies: Vec<Competency>,
    /// Hiring profiles by name: what a requisition's plan can assess instead of the matrix.
    pub profiles: Vec<HiringProfile>,
    /// This quarter first.
    pub quarters: Vec<QuarterRow>,
    /// Interviews the manager runs up to the end of today whose scorecard is not in, oldest
    /// first: those already begun are owed (see [`HiringView::owed_at`]).
    pub owed: Vec<InterviewRow>,
    /// Interviews from three months ago to three months ahead.
    pub interviews: Vec<InterviewRow>,
    pub purge_due: Vec<PurgeRow>,
    pub purge_months: u32,
    pub departures: HashMap<ArchitectId, Departure>,
    pub template: Vec<TemplateItem>,
}

impl HiringView {
    /// Reads everything hiring shows, with `selected`'s page too.
    pub fn load(
        conn: &rusqlite::Connection,
        today: NaiveDate,
        selected: Option<RequisitionId>,
        architects: &[Architect],
    ) -> Result<Self, StoreError> {
        let name_of = |id: ArchitectId| architects.iter().find(|a| a.id == id).map(|a| a.fields.name.clone());
        let counts = candidates::counts(conn)?;
        let filled_by = filled_by(conn)?;
        let requisitions: Vec<RequisitionRow> = requisitions::list(conn)?
            .into_iter()
            .map(|requisition| {
                let (in_process, all) = counts.get(&requisition.id).copied().unwrap_or_default();
                let until = requisition.closed_on.unwrap_or(today);
                RequisitionRow {
                    in_process,
                    candidates: all,
                    backfill_name: requisition.fields.backfill_for.and_then(name_of),
                    filled_by: filled_by.get(&requisition.id).cloned(),
                    days_open: (until - requisition.fields.opened_on).num_days(),
                    requisition,
                }
            })
            .collect();
        let mut view = Self {
            today,
            pipeline: load_pipeline(conn, today)?,
            competencies: skills::competencies(conn)?,
            profiles: hiring_profiles::list(conn)?,
            purge_months: candidates::purge_months(conn)?,
            requisitions,
            ..Self::default()
        };
        let looking: Vec<RequisitionId> = view
            .requisitions
            .iter()
            .filter(|r| !r.requisition.status.is_closed())
            .map(|r| r.requisition.id)
            .collect();
        for id in looking.into_iter().chain(selected) {
            view.load_detail(conn, id)?;
        }
        view.selected = selected;
        view.quarters = quarter_rows(conn, today)?;
        view.owed = interviews::owed_by_me(conn, today)?;
        let from = today.checked_sub_days(Days::new(INTERVIEW_WINDOW_DAYS)).unwrap_or(today);
        let to = today.checked_add_days(Days::new(INTERVIEW_WINDOW_DAYS)).unwrap_or(today);
        view.interviews = interviews::between(conn, from, to)?;
        view.purge_due = candidates::purge_due(conn, today)?;
        view.departures = departures::all(conn)?;
        view.template = onboarding::template(conn)?;
        Ok(view)
    }

    fn load_detail(&mut self, conn: &rusqlite::Connection, id: RequisitionId) -> Result<(), StoreError> {
        if self.details.contains_key(&id) {
            return Ok(());
        }
        let Some(row) = self.requisitions.iter().find(|r| r.requisition.id == id) else {
            return Ok(()); // deleted meanwhile
        };
        let closed_on = row.requisition.closed_on;
        let profile = row.requisition.fields.profile.and_then(|id| self.profiles.iter().find(|p| p.id == id));
        let candidates = candidates::list_of(conn, id)?
            .into_iter()
            .map(|candidate| CandidateRow {
                days_in_stage: hiring::days_in_stage(&candidate.stages, self.today),
                purge_on: candidate::purge_on(candidate.fields.purge_on, closed_on, self.purge_months),
                candidate,
            })
            .collect();
        let steps = interviews::steps_of(conn, id)?;
        let matrix: Vec<CompetencyId> = self.competencies.iter().map(|c| c.id).collect();
        let assessed = hiring_profile::plan_competencies(&matrix, profile);
        let outside_plan = matrix
            .iter()
            .copied()
            .filter(|c| !assessed.contains(c) && steps.iter().any(|s| s.competencies.contains(c)))
            .collect();
        let plan: Vec<_> = steps.iter().map(|s| (s.id, s.competencies.as_slice())).collect();
        let coverage = hiring::plan_coverage(&assessed, &plan);
        let detail = RequisitionDetail {
            candidates,
            competencies: assessed,
            outside_plan,
            coverage,
            steps,
            interviews: interviews::interviews_of(conn, id)?,
            slates: requisitions::slates_of(conn, id)?,
        };
        self.details.insert(id, detail);
        Ok(())
    }

    /// Shows another requisition's page: reads it if it is not in the view yet.
    pub fn select(
        &mut self,
        conn: &rusqlite::Connection,
        id: Option<RequisitionId>,
    ) -> Result<(), StoreError> {
        // Keep the pages of those still looking; drop a closed one no longer selected.
        if let Some(before) = self.selected
            && Some(before) != id
            && self.row(before).is_some_and(|r| r.requisition.status.is_closed())
        {
            self.details.remove(&before);
        }
        self.selected = id;
        match id {
            Some(id) => self.load_detail(conn, id),
            None => Ok(()),
        }
    }

    pub fn row(&self, id: RequisitionId) -> Option<&RequisitionRow> {
        self.requisitions.iter().find(|r| r.requisition.id == id)
    }

    pub fn detail(&self, id: RequisitionId) -> Option<&RequisitionDetail> {
        self.details.get(&id)
    }

    /// A candidate shown on a loaded page, with their requisition.
    pub fn candidate(&self, id: CandidateId) -> Option<(&RequisitionRow, &CandidateRow)> {
        self.details.iter().find_map(|(requisition, detail)| {
            let candidate = detail.candidates.iter().find(|c| c.candidate.id == id)?;
            Some((self.row(*requisition)?, candidate))
        })
    }

    pub fn profile(&self, id: HiringProfileId) -> Option<&HiringProfile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    /// The scorecards owed at `now`: an interview later today is not owed until it has begun.
    pub fn owed_at(&self, now: NaiveDateTime) -> Vec<&InterviewRow> {
        self.owed.iter().filter(|i| i.held_at <= now).collect()
    }

    pub fn competency_name(&self, id: CompetencyId) -> &str {
        self.competencies.iter().find(|c| c.id == id).map_or("(deleted competency)", |c| c.name.as_str())
    }

    /// Interviews in an ISO week, by time.
    pub fn interviews_in(&self, week: IsoWeek) -> Vec<&InterviewRow> {
        self.interviews.iter().filter(|i| IsoWeek::of(i.held_at.date()) == week).collect()
    }

    /// Architects who left for a more senior role, for the team's record.
    pub fn moved_to_senior_roles(&self) -> Vec<&Departure> {
        let mut moved: Vec<&Departure> =
            self.departures.values().filter(|d| d.fields.reason.developed_into_senior_role()).collect();
        moved.sort_by_key(|d| std::cmp::Reverse(d.fields.left_on));
        moved
    }

    /// One candidate's whole record, as exported for a data-subject request; `None` if their
    /// requisition's page is not loaded.
    pub fn candidate_record(&self, id: CandidateId) -> Option<CandidateRecord> {
        let (row, candidate) = self.candidate(id)?;
        let detail = self.detail(row.requisition.id)?;
        let requisition = &row.requisition;
        let c = &candidate.candidate;
        let interviews = detail
            .interviews_of(id)
            .into_iter()
            .map(|interview| {
                let step = detail.step(interview.step);
                InterviewRecord {
                    step: step.map(|s| s.fields.name.clone()).unwrap_or_default(),
                    interviewer: step.map(|s| s.fields.who().to_owned()).unwrap_or_default(),
                    held_at: interview::datetime_text(interview.held_at),
                    scorecard: interview.scorecard.as_ref().map(|card| ScorecardRecord {
                        recommendation: card.recommendation.label().to_owned(),
                        submitted_at: interview::datetime_text(card.submitted_at),
                        ratings: card
                            .ratings
                            .iter()
                            .map(|r| RatingRecord {
                                competency: self.competency_name(r.competency).to_owned(),
                                rating: r.rating,
                                meaning: interview::rating_label(r.rating).to_owned(),
                                evidence: r.evidence.clone(),
                            })
                            .collect(),
                    }),
                }
            })
            .collect();
        Some(CandidateRecord {
            format: "leadline-candidate-record",
            exported_on: self.today,
            name: c.fields.name.clone(),
            source: c.fields.source.label().to_owned(),
            requisition: RequisitionRecord {
                opening_id: requisition.fields.opening_id.clone(),
                role: requisition.fields.role.clone(),
                opened_on: requisition.fields.opened_on,
                status: requisition.status.label().to_owned(),
                closed_on: requisition.closed_on,
            },
            stages: c
                .stages
                .iter()
                .map(|s| StageRecord { stage: s.stage.label().to_owned(), reached_on: s.on })
                .collect(),
            notes: c.fields.notes.clone(),
            interviews,
            hired: c.architect.is_some(),
            purge_on: candidate.purge_on,
        })
    }
}

/// Now on the app's day, to the minute: the system's time of day on `today` (a fixed day in
/// tests and screenshots). A scorecard is owed once its interview has begun.
pub fn now_on(today: NaiveDate) -> NaiveDateTime {
    use chrono::Timelike as _;
    let time = chrono::Local::now().time();
    today.and_hms_opt(time.hour(), time.minute(), 0).unwrap_or_else(|| end_of(today))
}

/// The name of whoever filled each requisition.
fn filled_by(conn: &rusqlite::Connection) -> Result<HashMap<RequisitionId, String>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT requisition_id, name FROM candidates WHERE stage = 'hired'")?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The pipeline of the requisitions still looking: what the Hiring tab opens on.
pub fn load_pipeline(conn: &rusqlite::Connection, today: NaiveDate) -> Result<Pipeline, StoreError> {
    Ok(hiring::pipeline(&candidates::pipeline_inputs(conn)?, today))
}

/// Everything the quarter figures count, from the whole history.
pub fn figure_inputs(conn: &rusqlite::Connection) -> Result<FigureInputs, StoreError> {
    Ok(FigureInputs {
        requisitions: requisitions::dates(conn)?,
        offers: candidates::offer_decisions(conn)?,
        scorecards: interviews::timings(conn)?,
        slates: requisitions::slate_inputs(conn)?,
        departures: departures::inputs(conn)?,
    })
}

/// The figures of a fiscal quarter, as of `now`.
pub fn quarter_figures_of(
    inputs: &FigureInputs,
    quarter: FiscalQuarter,
    start_month: chrono::Month,
    now: NaiveDateTime,
) -> QuarterFigures {
    hiring::quarter_figures(inputs, quarter.start(start_month), quarter.end_inclusive(start_month), now)
}

fn quarter_rows(conn: &rusqlite::Connection, today: NaiveDate) -> Result<Vec<QuarterRow>, StoreError> {
    let start_month = time::time_settings(conn)?.start_month;
    let inputs = figure_inputs(conn)?;
    let mut quarter = FiscalQuarter::of(today, start_month);
    let mut rows = Vec::with_capacity(QUARTERS_SHOWN);
    for _ in 0..QUARTERS_SHOWN {
        rows.push(QuarterRow {
            quarter: quarter.to_string(),
            figures: quarter_figures_of(&inputs, quarter, start_month, end_of(today)),
        });
        quarter = quarter.previous();
    }
    Ok(rows)
}

/// One candidate's record, for a data-subject request: everything Leadline holds about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CandidateRecord {
    pub format: &'static str,
    pub exported_on: NaiveDate,
    pub name: String,
    pub source: String,
    pub requisition: RequisitionRecord,
    pub stages: Vec<StageRecord>,
    pub notes: String,
    pub interviews: Vec<InterviewRecord>,
    pub hired: bool,
    /// When the record is due for deletion.
    pub purge_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequisitionRecord {
    pub opening_id: String,
    pub role: String,
    pub opened_on: NaiveDate,
    pub status: String,
    pub closed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageRecord {
    pub stage: String,
    pub reached_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterviewRecord {
    pub step: String,
    pub interviewer: String,
    pub held_at: String,
    pub scorecard: Option<ScorecardRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScorecardRecord {
    pub recommendation: String,
    pub submitted_at: String,
    pub ratings: Vec<RatingRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingRecord {
    pub competency: String,
    pub rating: u8,
    pub meaning: String,
    pub evidence: String,
}
