//! Categorisation rules: an ordered list, first match wins. Each rule's conditions must all
//! hold; its result is a category or "ignore". Declined, cancelled and free events are set
//! aside before any rule. An occurrence no rule matches is reported as unmatched, never
//! guessed.

use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use super::event::PartStat;
use super::expand::Occurrence;
use crate::model::ArchitectId;
use crate::model::split::Category;

/// One condition on an occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Condition {
    /// The title contains one of these words or phrases (case-insensitive, whole words:
    /// "rob" does not match "problem").
    TitleHasAny { words: Vec<String> },
    /// The organizer's address is in one of these domains (or their subdomains).
    OrganizerDomain { domains: Vec<String> },
    /// An attendee's address is in one of these domains.
    AttendeeDomain { domains: Vec<String> },
    /// An attendee is on my team (their e-mail is an architect's).
    AttendeeOnTeam,
    /// A person outside my company's domains is invited (rooms do not count).
    HasExternalAttendees,
    /// Lasts at least / at most this many minutes.
    Duration { min_minutes: Option<u32>, max_minutes: Option<u32> },
    /// Is (or is not) an all-day event.
    AllDay { all_day: bool },
}

/// What a matching rule does with the occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Category(Category),
    Ignore,
}

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Self::Category(category) => crate::model::architect::Choice::key(category),
            Self::Ignore => "ignore",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub name: String,
    pub conditions: Vec<Condition>,
    pub outcome: Outcome,
}

impl Rule {
    /// "Make a rule from this": a rule for events with this occurrence's title, with the
    /// result the manager picked. Put first, it decides the next import of the same meeting.
    pub fn from_occurrence(occurrence: &Occurrence, outcome: Outcome) -> Self {
        let title = occurrence.summary.trim();
        Self {
            name: format!("\"{title}\""),
            conditions: vec![Condition::TitleHasAny { words: vec![title.to_owned()] }],
            outcome,
        }
    }
}

impl Condition {
    /// The condition in words, for the rules list: "title has 1:1, one-on-one".
    pub fn describe(&self) -> String {
        match self {
            Self::TitleHasAny { words } => format!("title has {}", words.join(", ")),
            Self::OrganizerDomain { domains } => format!("organizer in {}", domains.join(", ")),
            Self::AttendeeDomain { domains } => format!("an attendee in {}", domains.join(", ")),
            Self::AttendeeOnTeam => "an attendee is on my team".into(),
            Self::HasExternalAttendees => "attendees outside my company".into(),
            Self::Duration { min_minutes, max_minutes } => match (min_minutes, max_minutes) {
                (Some(min), Some(max)) => format!("{min} to {max} min"),
                (Some(min), None) => format!("at least {min} min"),
                (None, Some(max)) => format!("at most {max} min"),
                (None, None) => "any length".into(),
            },
            Self::AllDay { all_day: true } => "all-day".into(),
            Self::AllDay { all_day: false } => "not all-day".into(),
        }
    }
}

/// An architect's address as the import sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMember {
    pub email: String,
    pub id: ArchitectId,
    /// Still on the team (not marked as having left).
    pub current: bool,
}

/// Who "me", "my team" and "my company" are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// The manager's own addresses, lower-case.
    pub my_emails: Vec<String>,
    /// The team's addresses (architects' e-mails), lower-case.
    pub team_emails: Vec<String>,
    /// The company's domains, lower-case (`contoso.com`).
    pub company_domains: Vec<String>,
    /// Which architect each team address belongs to, so an imported meeting with one of
    /// them is filed under them.
    pub architects: HashMap<String, ArchitectId>,
}

impl People {
    /// Normalises the lists as typed in settings: trimmed, lower-case, no blanks, no `@`.
    pub fn new(my_emails: &[String], team_emails: &[String], company_domains: &[String]) -> Self {
        let clean = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|s| s.trim().trim_start_matches('@').to_ascii_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        };
        Self {
            my_emails: clean(my_emails),
            team_emails: clean(team_emails),
            company_domains: clean(company_domains),
            architects: HashMap::new(),
        }
    }

    /// The team from the architects' addresses (lower-case, trimmed): who a meeting was with,
    /// and, for those still on the team, "an attendee is on my team". The manager's own
    /// addresses never count as an architect's.
    #[must_use]
    pub fn with_team(mut self, team: &[TeamMember]) -> Self {
        for member in team {
            let email = member.email.trim().to_ascii_lowercase();
            if email.is_empty() || self.my_emails.contains(&email) {
                continue;
            }
            if member.current && !self.team_emails.contains(&email) {
                self.team_emails.push(email.clone());
            }
            self.architects.insert(email, member.id);
        }
        self
    }

    /// The architect a meeting was with: the one team member among the organizer and the
    /// attendees who did not decline. None when no one or several are (a team meeting is
    /// not one person's time).
    pub fn team_architect(&self, occurrence: &Occurrence) -> Option<ArchitectId> {
        let attendees = occurrence
            .attendees
            .iter()
            .filter(|a| !a.resource && a.partstat != PartStat::Declined)
            .map(|a| a.email.as_str());
        let mut found = None;
        for email in occurrence.organizer.as_deref().into_iter().chain(attendees) {
            if let Some(&id) = self.architects.get(email) {
                match found {
                    None => found = Some(id),
                    Some(other) if other != id => return None,
                    Some(_) => {}
                }
            }
        }
        found
    }
}

/// Why an occurrence is set aside before the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SetAside {
    Cancelled,
    DeclinedByMe,
    Free,
    /// Lasts no time: nothing to count.
    NoDuration,
}

impl SetAside {
    pub fn label(self) -> &'static str {
        match self {
            Self::Cancelled => "cancelled",
            Self::DeclinedByMe => "declined by me",
            Self::Free => "shown as free",
            Self::NoDuration => "lasts no time",
        }
    }
}

/// What the rules make of one occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    Matched { rule: usize, rule_name: String, outcome: Outcome },
    SetAside { reason: SetAside },
    Unmatched,
}

impl Verdict {
    /// The category the occurrence would count towards, if any.
    pub fn category(&self) -> Option<Category> {
        match self {
            Self::Matched { outcome: Outcome::Category(category), .. } => Some(*category),
            _ => None,
        }
    }

    /// A short label for the rule column: the rule's name, the reason it was set aside, or
    /// "unmatched".
    pub fn rule_label(&self) -> String {
        match self {
            Self::Matched { rule_name, .. } => rule_name.clone(),
            Self::SetAside { reason } => format!("({})", reason.label()),
            Self::Unmatched => "(unmatched)".into(),
        }
    }

    pub fn outcome_label(&self) -> &'static str {
        match self {
            Self::Matched { outcome, .. } => outcome.key(),
            Self::SetAside { .. } => "ignore",
            Self::Unmatched => "?",
        }
    }
}

/// Applies the set-aside defaults, then the rules in order. For many occurrences, build a
/// [`Matcher`] once instead.
pub fn categorise(occurrence: &Occurrence, rules: &[Rule], people: &People) -> Verdict {
    Matcher::new(rules, people).categorise(occurrence)
}

/// The rules with their title words normalised once, for categorising many occurrences.
pub struct Matcher<'a> {
    rules: &'a [Rule],
    people: &'a People,
    /// Per rule, per condition: the normalised phrases of a title condition.
    phrases: Vec<Vec<Vec<String>>>,
}

impl<'a> Matcher<'a> {
    pub fn new(rules: &'a [Rule], people: &'a People) -> Self {
        let phrases = rules
            .iter()
            .map(|rule| {
                rule.conditions
                    .iter()
                    .map(|condition| match condition {
                        Condition::TitleHasAny { words } => {
                            words.iter().map(|w| title_words(w)).filter(|w| !w.trim().is_empty()).collect()
                        }
                        _ => Vec::new(),
                    })
                    .collect()
            })
            .collect();
        Self { rules, people, phrases }
    }

    pub fn categorise(&self, occurrence: &Occurrence) -> Verdict {
        let people = self.people;
        if occurrence.is_cancelled() {
            return Verdict::SetAside { reason: SetAside::Cancelled };
        }
        let declined = occurrence
            .attendees
            .iter()
            .any(|a| a.partstat == PartStat::Declined && people.my_emails.contains(&a.email));
        if declined {
            return Verdict::SetAside { reason: SetAside::DeclinedByMe };
        }
        if occurrence.is_free() {
            return Verdict::SetAside { reason: SetAside::Free };
        }
        if occurrence.duration_minutes <= 0 {
            return Verdict::SetAside { reason: SetAside::NoDuration };
        }
        let title = title_words(&occurrence.summary);
        for (index, (rule, phrases)) in self.rules.iter().zip(&self.phrases).enumerate() {
            let all_hold = rule
                .conditions
                .iter()
                .zip(phrases)
                .all(|(condition, phrases)| holds(condition, phrases, occurrence, &title, people));
            if !rule.conditions.is_empty() && all_hold {
                return Verdict::Matched { rule: index, rule_name: rule.name.clone(), outcome: rule.outcome };
            }
        }
        Verdict::Unmatched
    }
}

fn holds(
    condition: &Condition,
    phrases: &[String],
    occurrence: &Occurrence,
    title: &str,
    people: &People,
) -> bool {
    let people_emails = || occurrence.attendees.iter().filter(|a| !a.resource && !a.email.is_empty());
    match condition {
        Condition::TitleHasAny { .. } => phrases.iter().any(|phrase| title.contains(phrase.as_str())),
        Condition::OrganizerDomain { domains } => {
            occurrence.organizer.as_deref().is_some_and(|email| in_domains(email, domains))
        }
        Condition::AttendeeDomain { domains } => people_emails().any(|a| in_domains(&a.email, domains)),
        Condition::AttendeeOnTeam => people_emails().any(|a| people.team_emails.contains(&a.email)),
        Condition::HasExternalAttendees => {
            !people.company_domains.is_empty()
                && people_emails().any(|a| !in_domains(&a.email, &people.company_domains))
        }
        Condition::Duration { min_minutes, max_minutes } => {
            min_minutes.is_none_or(|min| occurrence.duration_minutes >= i64::from(min))
                && max_minutes.is_none_or(|max| occurrence.duration_minutes <= i64::from(max))
        }
        Condition::AllDay { all_day } => occurrence.all_day == *all_day,
    }
}

fn in_domains(email: &str, domains: &[String]) -> bool {
    let Some((_, domain)) = email.rsplit_once('@') else { return false };
    let domain = domain.to_ascii_lowercase();
    domains.iter().map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase()).any(|d| {
        !d.is_empty()
            && (domain == d || domain.strip_suffix(d.as_str()).is_some_and(|rest| rest.ends_with('.')))
    })
}

/// Lower-case words separated by single spaces, with a space at each end for whole-word
/// search. Punctuation splits words, except `:`, `-`, `&` and `/` inside a word ("1:1",
/// "1-1", "Q&A" stay whole; "Review:" is "review").
fn title_words(text: &str) -> String {
    let mut spaced = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        spaced.push(if c.is_alphanumeric() || ":-&/".contains(c) { c } else { ' ' });
    }
    let mut out = String::from(" ");
    for word in
        spaced.split_whitespace().map(|w| w.trim_matches(|c| ":-&/".contains(c))).filter(|w| !w.is_empty())
    {
        out.push_str(word);
        out.push(' ');
    }
    out
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The rules Leadline ships, in order. Set-aside defaults (declined, cancelled, free) come
/// before all of them.
pub fn default_rules() -> Vec<Rule> {
    let title = |name: &str, list: &[&str], outcome| Rule {
        name: name.into(),
        conditions: vec![Condition::TitleHasAny { words: words(list) }],
        outcome,
    };
    vec![
        title(
            "Out of office, focus time, lunch",
            &[
                "out of office",
                "ooo",
                "ooto",
                "vacation",
                "holiday",
                "pto",
                "leave",
                "focus time",
                "focus",
                "lunch",
                "blocker",
                "do not book",
            ],
            Outcome::Ignore,
        ),
        title(
            "One-on-ones",
            &["1:1", "1-1", "1on1", "one-on-one", "one on one", "121", "check-in", "catch-up", "catch up"],
            Outcome::Category(Category::Coaching),
        ),
        title(
            "Interviews and debriefs",
            &[
                "interview",
                "interviews",
                "debrief",
                "hiring",
                "candidate",
                "onboarding",
                "mentoring",
                "coaching",
            ],
            Outcome::Category(Category::Coaching),
        ),
        title(
            "Forecast, pipeline, QBR/MBR, rhythm of business",
            &[
                "forecast",
                "pipeline",
                "qbr",
                "mbr",
                "rob",
                "rhythm of business",
                "business review",
                "deal review",
                "commit call",
                "budget",
                "headcount",
                "planning",
            ],
            Outcome::Category(Category::Business),
        ),
        title(
            "Workshops and events",
            &[
                "workshop",
                "event",
                "conference",
                "summit",
                "webinar",
                "hackathon",
                "meetup",
                "envisioning",
                "briefing",
                "roadshow",
                "keynote",
            ],
            Outcome::Category(Category::Market),
        ),
        Rule {
            name: "External customer meetings".into(),
            conditions: vec![Condition::HasExternalAttendees],
            outcome: Outcome::Category(Category::Market),
        },
        Rule {
            name: "Meetings with my team".into(),
            conditions: vec![Condition::AttendeeOnTeam],
            outcome: Outcome::Category(Category::Coaching),
        },
    ]
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
