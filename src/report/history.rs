//! An architect's one-on-one history as Markdown, newest meeting first: each meeting's agenda
//! as it stood (carried items marked), its action items and its notes.

use std::fmt::Write as _;

use super::one_line;
use crate::model::Architect;
use crate::model::architect::Choice as _;
use crate::model::notes;
use crate::model::one_on_one::{Agenda, OneOnOne, Origin, short_date};

/// The history document. `meetings` in any order; they are written newest first.
pub fn markdown(architect: &Architect, meetings: &[(OneOnOne, Agenda)]) -> String {
    let name = architect.name();
    let mut out = String::new();
    let _ = writeln!(out, "# One-on-ones with {name}\n");
    let mut sorted: Vec<&(OneOnOne, Agenda)> = meetings.iter().collect();
    sorted.sort_by_key(|(meeting, _)| std::cmp::Reverse(meeting.fields.held_on));
    let (Some(first), Some(last)) = (sorted.last(), sorted.first()) else {
        out.push_str("No one-on-ones yet.\n");
        return out;
    };
    let _ = writeln!(
        out,
        "{} · {} from {} to {}.\n",
        architect.fields.cadence.label(),
        crate::model::words::plural(sorted.len(), "one-on-one"),
        first.0.fields.held_on.format("%a %-d %b %Y"),
        last.0.fields.held_on.format("%a %-d %b %Y"),
    );
    for (meeting, agenda) in sorted {
        let held_on = meeting.fields.held_on;
        let mood = meeting.fields.mood.map(|m| format!(" · energy {m}/5")).unwrap_or_default();
        let _ = writeln!(out, "## {}{mood}\n", held_on.format("%a %-d %b %Y"));
        if !agenda.points.is_empty() {
            out.push_str("### Talking points\n\n");
            for (point, origin) in &agenda.points {
                let discussed_here = point.discussed_in == Some(meeting.id);
                let tick = if discussed_here { "x" } else { " " };
                let topic = if point.fields.topic.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", point.fields.topic)
                };
                let mut detail = format!("raised by {}", point.fields.raised_by.name_for(name));
                if let Origin::Carried { since, .. } = origin {
                    let _ = write!(detail, ", carried over since {}", short_date(*since, held_on));
                }
                if !discussed_here && let Some(later) = point.discussed_on.filter(|d| *d > held_on) {
                    let _ = write!(detail, ", discussed {}", short_date(later, held_on));
                }
                let _ = writeln!(out, "- [{tick}] {topic}{} ({detail})", one_line(&point.fields.text));
            }
            out.push('\n');
        }
        if !agenda.actions.is_empty() {
            out.push_str("### Action items\n\n");
            for (action, origin) in &agenda.actions {
                let tick = if action.done_on.is_some() { "x" } else { " " };
                let mut detail = action.fields.owner.name_for(name).to_owned();
                if let Some(due) = action.fields.due_on {
                    let _ = write!(detail, ", due {}", short_date(due, held_on));
                }
                if let Some(done) = action.done_on {
                    let _ = write!(detail, ", done {}", short_date(done, held_on));
                }
                if let Origin::Carried { since, .. } = origin {
                    let _ = write!(detail, ", carried over since {}", short_date(*since, held_on));
                }
                let _ = writeln!(out, "- [{tick}] {} ({detail})", one_line(&action.fields.text));
            }
            out.push('\n');
        }
        if !meeting.fields.notes.trim().is_empty() {
            out.push_str("### Notes\n\n");
            out.push_str(notes::demote_headings(meeting.fields.notes.trim(), 3).trim_end());
            out.push_str("\n\n");
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
