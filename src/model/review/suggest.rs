//! Suggested accomplishment bullets drawn from a quarter's figures, each with a stable key (so
//! an accepted or dropped one does not come back), the impact ring and accountability it
//! probably belongs to, and wording the manager can accept as it is or edit.

use serde::Serialize;

use super::figures::{CertChange, QuarterFigures};
use super::words::Ring;
use crate::model::architect::Readiness;
use crate::model::split::Category;
use crate::model::time_summary::hours_text;
use crate::model::words::{plural, plural_with};

/// A bullet the data suggests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub key: String,
    pub text: String,
    pub ring: Ring,
    pub accountability: Option<Category>,
}

fn suggestion(key: &str, text: String, ring: Ring, accountability: Option<Category>) -> Suggestion {
    Suggestion { key: key.to_owned(), text, ring, accountability }
}

/// "A, B and C".
fn names(items: &[String]) -> String {
    super::words::list_words(&items.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The suggestions for a quarter, in the order of the review.
pub fn suggestions(q: &QuarterFigures) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let time = &q.time;
    if time.weeks_logged > 0 {
        out.push(suggestion(
            "time.split",
            format!(
                "Kept my time on the 50/30/20 split in {} of {} weeks; coaching took {:.0} % of {} logged",
                time.weeks_on_target,
                time.weeks_logged,
                time.total.share_pct(Category::Coaching).round(),
                hours_text(time.total.total())
            ),
            Ring::Own,
            None,
        ));
    }
    let c = &q.coaching;
    if c.held > 0 {
        let people = c.one_on_ones.iter().filter(|r| r.held > 0).count();
        out.push(suggestion(
            "coaching.one_on_ones",
            format!(
                "Held {} of the {} one-on-ones due by cadence with {} ({:.0} %)",
                c.held,
                c.due,
                plural(people, "architect"),
                f64::from(c.held) * 100.0 / f64::from(c.due.max(1))
            ),
            Ring::OthersSuccess,
            Some(Category::Coaching),
        ));
    }
    if c.actions_closed > 0 {
        out.push(suggestion(
            "coaching.actions",
            format!(
                "Closed {} from one-on-ones",
                plural(usize::try_from(c.actions_closed).unwrap_or(0), "action item")
            ),
            Ring::Own,
            Some(Category::Coaching),
        ));
    }
    if c.goals_completed > 0 {
        let examples: Vec<String> =
            c.completed.iter().take(3).map(|g| format!("“{}” ({})", g.description, g.name)).collect();
        out.push(suggestion(
            "coaching.goals",
            format!(
                "Coached the team to complete {}: {}",
                plural(usize::try_from(c.goals_completed).unwrap_or(0), "development goal"),
                names(&examples)
            ),
            Ring::OthersSuccess,
            Some(Category::Coaching),
        ));
    }
    let earned: Vec<String> = c
        .cert_events
        .iter()
        .filter(|e| e.change == CertChange::Earned)
        .map(|e| format!("{} ({})", e.code, e.name))
        .collect();
    if c.certs_earned > 0 {
        let renewed = if c.certs_renewed > 0 {
            format!(" and renewed {}", plural(usize::try_from(c.certs_renewed).unwrap_or(0), "more"))
        } else {
            String::new()
        };
        out.push(suggestion(
            "coaching.certifications",
            format!(
                "The team earned {}: {}{renewed}",
                plural(usize::try_from(c.certs_earned).unwrap_or(0), "certification"),
                names(&earned)
            ),
            Ring::OthersSuccess,
            Some(Category::Coaching),
        ));
    }
    if c.skill_gap_after < c.skill_gap_before {
        out.push(suggestion(
            "coaching.skills",
            format!(
                "Closed {} of skill gaps across the team (from {} to {} levels below target)",
                plural(usize::try_from(c.skill_gap_before - c.skill_gap_after).unwrap_or(0), "level"),
                c.skill_gap_before,
                c.skill_gap_after
            ),
            Ring::OthersSuccess,
            Some(Category::Coaching),
        ));
    }
    let ready: Vec<String> =
        c.readiness.iter().filter(|r| r.readiness == Readiness::ReadyNow).map(|r| r.name.clone()).collect();
    if !ready.is_empty() {
        out.push(suggestion(
            "coaching.readiness",
            format!("Prepared {} for the next role: assessed ready now", names(&ready)),
            Ring::OthersSuccess,
            Some(Category::Coaching),
        ));
    }
    if let Some(h) = &q.hiring {
        if h.requisitions_filled > 0 {
            let days =
                h.days_to_fill_average.map(|d| format!(" in {d:.0} days on average")).unwrap_or_default();
            out.push(suggestion(
                "hiring.filled",
                format!(
                    "Filled {}{days}",
                    plural(usize::try_from(h.requisitions_filled).unwrap_or(0), "requisition")
                ),
                Ring::Own,
                Some(Category::Coaching),
            ));
        }
        if h.moved_to_senior_roles > 0 {
            out.push(suggestion(
                "hiring.moved_senior",
                format!(
                    "{} moved into more senior roles",
                    plural_with(usize::try_from(h.moved_to_senior_roles).unwrap_or(0), "person", "people")
                ),
                Ring::OthersSuccess,
                Some(Category::Coaching),
            ));
        }
    }
    if let Some(b) = &q.business {
        if b.events_held > 0 {
            out.push(suggestion(
                "market.events",
                format!(
                    "Held {} with {} attendees",
                    plural(usize::try_from(b.events_held).unwrap_or(0), "market event"),
                    b.event_attendance
                ),
                Ring::Own,
                Some(Category::Market),
            ));
        }
        if b.new_market_wins > 0 {
            out.push(suggestion(
                "market.new_market_wins",
                format!(
                    "Won {} in new markets",
                    plural(usize::try_from(b.new_market_wins).unwrap_or(0), "opportunity")
                ),
                Ring::BuildingOnOthers,
                Some(Category::Market),
            ));
        }
        if b.wins > 0 {
            out.push(suggestion(
                "business.wins",
                format!(
                    "Closed {} with {} of {} having an agreed consumption plan",
                    plural(usize::try_from(b.wins).unwrap_or(0), "win"),
                    b.wins_with_plan,
                    b.wins_total
                ),
                Ring::Own,
                Some(Category::Business),
            ));
        }
    }
    out
}
