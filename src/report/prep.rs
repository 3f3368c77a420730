//! The week's prep sheet as Markdown: the same sections as the cards on This week, in the
//! same order, with no timestamp of its own (the same data always gives the same text).

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::one_line;
use crate::model::architect::Choice as _;
use crate::model::certification::short_name;
use crate::model::one_on_one::PointFields;
use crate::model::one_on_one::{ActionItem, TalkingPoint, days_ago, short_date, times_carried};
use crate::model::prep::{CertAlert, GoalDue, Onboarding, PrepCard, PrepSheet, WeekSplit};
use crate::model::split::{Category, drift_sentence};

/// "Mon 23 – Sun 29 Nov 2026" for a week.
pub fn week_range(sheet: &PrepSheet) -> String {
    let (monday, sunday) = (sheet.week.monday(), sheet.week.sunday());
    format!("{} – {}", monday.format("%a %-d %b"), sunday.format("%a %-d %b %Y"))
}

/// "energy 3/5 (was 4/5)".
pub fn mood_text(mood: Option<u8>, previous: Option<u8>) -> Option<String> {
    let mood = mood?;
    Some(match previous {
        Some(previous) if previous != mood => format!("energy {mood}/5 (was {previous}/5)"),
        _ => format!("energy {mood}/5"),
    })
}

/// The card's one-line summary under the name.
pub fn card_summary(card: &PrepCard) -> String {
    let mut parts = vec![card.cadence.label().to_owned()];
    match (card.last, card.days_since_last) {
        (Some(last), Some(days)) => {
            parts.push(format!("last one-on-one {} ({})", last.held_on.format("%a %-d %b"), days_ago(days)));
            if let Some(mood) = mood_text(last.mood, card.previous_mood) {
                parts.push(mood);
            }
        }
        _ => parts.push("no one-on-one yet".to_owned()),
    }
    parts.join(" · ")
}

/// "raised by Lukas · since Tue 3 Nov · carried 2×".
pub fn point_detail(point: &TalkingPoint, architect: &str, as_of: NaiveDate) -> String {
    let mut parts = Vec::new();
    if !point.fields.topic.is_empty() {
        parts.push(point.fields.topic.clone());
    }
    parts.push(format!("raised by {}", point.fields.raised_by.name_for(architect)));
    parts.push(format!("since {}", short_date(point.raised_on, as_of)));
    if point.times_carried > 0 {
        parts.push(times_carried(point.times_carried));
    }
    parts.join(" · ")
}

/// "Lukas · due Fri 20 Nov · overdue 8 days".
pub fn action_detail(action: &ActionItem, architect: &str, as_of: NaiveDate) -> String {
    let mut parts = vec![action.fields.owner.name_for(architect).to_owned()];
    if let Some(due) = action.fields.due_on {
        parts.push(format!("due {}", short_date(due, as_of)));
    }
    if let Some(done) = action.done_on.filter(|d| *d <= as_of) {
        parts.push(format!("done {}", short_date(done, as_of)));
    } else if let Some(days) = action.overdue_days(as_of) {
        parts.push(if days == 1 { "overdue 1 day".to_owned() } else { format!("overdue {days} days") });
    }
    parts.join(" · ")
}

/// "overdue by 12 days · on the agenda since Tue 17 Nov".
pub fn goal_detail(goal: &GoalDue, as_of: NaiveDate) -> String {
    let mut parts = vec![goal.flag_text(as_of)];
    if let Some(since) = goal.on_agenda_since {
        parts.push(format!("on the agenda since {}", short_date(since, as_of)));
    }
    parts.join(" · ")
}

/// "renewal window open · Thu 10 Dec · on the agenda since Tue 17 Nov".
pub fn cert_detail(cert: &CertAlert, as_of: NaiveDate) -> String {
    let mut parts = vec![cert.state.clone(), short_date(cert.date, as_of)];
    if let Some(since) = cert.on_agenda_since {
        parts.push(format!("on the agenda since {}", short_date(since, as_of)));
    }
    parts.join(" · ")
}

/// The suggestions a card lists: goals and certifications are suggested too (starting the
/// meeting adds them), but a card shows them once, in their own sections.
pub fn suggestions_shown(card: &PrepCard) -> impl Iterator<Item = &PointFields> {
    card.suggested.iter().filter(|p| p.topic != "Development")
}

/// "with Lukas · due Fri 13 Nov · overdue 15 days": one of the manager's own actions.
pub fn my_action_detail(action: &ActionItem, architect: &str, as_of: NaiveDate) -> String {
    let detail = action_detail(action, architect, as_of);
    // The owner is always "me" here: name the architect instead.
    let rest = detail.split_once(" · ").map_or("", |(_, rest)| rest);
    if rest.is_empty() { format!("with {architect}") } else { format!("with {architect} · {rest}") }
}

/// The week split as "Coaching 42 % (target 50 %) · ..." and its drift sentence.
pub fn split_lines(week_split: &WeekSplit) -> (String, String) {
    let WeekSplit { split, targets } = week_split;
    let shares = Category::ALL
        .iter()
        .map(|&c| format!("{} {:.0} % (target {} %)", c.label(), split.share_pct(c).round(), targets.pct(c)))
        .collect::<Vec<_>>()
        .join(" · ");
    (shares, drift_sentence(split, targets, "week"))
}

/// "Onboarding: day 40 of 90 · buddy Mateo García", over a new hire's plan.
pub fn onboarding_heading(onboarding: &Onboarding) -> String {
    let mut heading =
        format!("Onboarding: day {} of {}", onboarding.day, crate::model::onboarding::ONBOARDING_DAYS);
    if let Some(buddy) = &onboarding.buddy {
        let _ = write!(heading, " · buddy {buddy}");
    }
    heading
}

/// "no open actions", "1 open action", "3 open actions".
pub fn open_actions_text(open: usize) -> String {
    match open {
        0 => "no open actions".to_owned(),
        1 => "1 open action".to_owned(),
        n => format!("{n} open actions"),
    }
}

/// The whole prep sheet.
pub fn markdown(sheet: &PrepSheet) -> String {
    markdown_with_actions(sheet, &[], |_| String::new())
}

/// The whole prep sheet, with the manager's own open action items across the team after the
/// cards (`name_of` names each one's architect).
pub fn markdown_with_actions(
    sheet: &PrepSheet,
    my_actions: &[ActionItem],
    name_of: impl Fn(&ActionItem) -> String,
) -> String {
    let mut out = String::new();
    let as_of = sheet.as_of;
    let _ = writeln!(out, "# Prep sheet {} ({})\n", sheet.week, week_range(sheet));
    let _ = writeln!(
        out,
        "As of {}: {} due, {} held, {} not due, {} on leave.\n",
        as_of.format("%A %-d %B %Y"),
        sheet.due.len(),
        sheet.held.len(),
        sheet.not_due.len(),
        sheet.on_leave.len()
    );
    if let Some(week_split) = &sheet.week_split {
        let (shares, drift) = split_lines(week_split);
        let _ = writeln!(out, "## My week\n\n{shares}\n\n{drift}\n");
    }
    for card in &sheet.due {
        card_markdown(&mut out, card, as_of);
    }
    if !my_actions.is_empty() {
        out.push_str("## My open actions\n\n");
        let mut sorted: Vec<&ActionItem> = my_actions.iter().collect();
        sorted.sort_by_key(|a| a.overdue_days(as_of).is_none());
        for action in sorted {
            let name = name_of(action);
            let flag = if action.overdue_days(as_of).is_some() { "**Overdue:** " } else { "" };
            let _ = writeln!(
                out,
                "- [ ] {flag}{} ({})",
                one_line(&action.fields.text),
                my_action_detail(action, &name, as_of)
            );
        }
        out.push('\n');
    }
    if !sheet.held.is_empty() {
        out.push_str("## Already held this week\n\n");
        for held in &sheet.held {
            let h = &held.held;
            let _ = writeln!(
                out,
                "- {}: {}, {} of {} talking points discussed, {}",
                held.name,
                h.meeting.held_on.format("%a %-d %b"),
                h.points_discussed,
                h.points_total,
                open_actions_text(h.actions_open)
            );
        }
        out.push('\n');
    }
    if !sheet.not_due.is_empty() {
        out.push_str("## Not due this week\n\n");
        for n in &sheet.not_due {
            let _ = writeln!(
                out,
                "- {} ({}): last {}, next due {}",
                n.name,
                n.cadence.label().to_lowercase(),
                short_date(n.last_held_on, as_of),
                n.next_due
            );
        }
        out.push('\n');
    }
    if !sheet.starting.is_empty() {
        out.push_str("## Not started yet\n\n");
        for s in &sheet.starting {
            let _ = writeln!(out, "- {} starts on {}", s.name, s.starts_on);
        }
        out.push('\n');
    }
    if !sheet.on_leave.is_empty() {
        out.push_str("## On leave\n\n");
        for (_, name) in &sheet.on_leave {
            let _ = writeln!(out, "- {name}");
        }
        out.push('\n');
    }
    if sheet.due.is_empty() && sheet.held.is_empty() && sheet.not_due.is_empty() {
        out.push_str("Nobody is due a one-on-one this week.\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn card_markdown(out: &mut String, card: &PrepCard, as_of: NaiveDate) {
    let name = card.name.as_str();
    let _ = writeln!(out, "## {name}\n\n{}\n", card_summary(card));
    if let Some(started) = card.started {
        let _ = writeln!(
            out,
            "Started {}; nothing in it yet, so it does not count as held.\n",
            short_date(started.held_on, as_of)
        );
    }
    if let Some(gist) = &card.last_gist {
        let _ = writeln!(out, "Last time: *{}*\n", one_line(gist));
    }
    if card.is_empty() && card.open_in_notes.is_empty() {
        out.push_str("Nothing carried over and no open actions.\n\n");
    }
    if let Some(onboarding) = &card.onboarding {
        let _ = writeln!(out, "### {}\n", onboarding_heading(onboarding));
        for item in &onboarding.items {
            let tick = if item.done { "x" } else { " " };
            let _ =
                writeln!(out, "- [{tick}] Day {}: {} (due {})", item.day, one_line(&item.text), item.due_on);
        }
        out.push('\n');
    }
    if !card.open_in_notes.is_empty() {
        out.push_str("### Open in the notes\n\n");
        for item in &card.open_in_notes {
            let _ = writeln!(out, "- [ ] {}", one_line(item));
        }
        out.push('\n');
    }
    if !card.carried_points.is_empty() {
        out.push_str("### Carried over\n\n");
        for point in &card.carried_points {
            let _ = writeln!(
                out,
                "- [ ] {} ({})",
                one_line(&point.fields.text),
                point_detail(point, name, as_of)
            );
        }
        out.push('\n');
    }
    if !card.open_actions.is_empty() {
        let overdue = card.overdue_count(as_of);
        let heading = if overdue > 0 {
            format!("### Open actions ({overdue} overdue)")
        } else {
            "### Open actions".to_owned()
        };
        let _ = writeln!(out, "{heading}\n");
        for action in &card.open_actions {
            let flag = if action.overdue_days(as_of).is_some() { "**Overdue:** " } else { "" };
            let _ = writeln!(
                out,
                "- [ ] {flag}{} ({})",
                one_line(&action.fields.text),
                action_detail(action, name, as_of)
            );
        }
        out.push('\n');
    }
    if !card.done_since_last.is_empty() {
        out.push_str("### Done since last time\n\n");
        for action in &card.done_since_last {
            let _ = writeln!(
                out,
                "- [x] {} ({})",
                one_line(&action.fields.text),
                action_detail(action, name, as_of)
            );
        }
        out.push('\n');
    }
    if !card.goals.is_empty() {
        out.push_str("### Goals\n\n");
        for goal in &card.goals {
            let flag = if goal.overdue_days.is_some() { "**Overdue:** " } else { "" };
            let _ = writeln!(out, "- {flag}{} ({})", one_line(&goal.description), goal_detail(goal, as_of));
        }
        out.push('\n');
    }
    if !card.certs.is_empty() {
        out.push_str("### Certifications\n\n");
        for cert in &card.certs {
            let name = one_line(short_name(&cert.name));
            let _ = writeln!(out, "- {} {name} ({})", cert.code, cert_detail(cert, as_of));
        }
        out.push('\n');
    }
    if !card.changes.is_empty() {
        out.push_str("### Since last time\n\n");
        for change in &card.changes {
            let _ = writeln!(out, "- {}: {}", short_date(change.on, as_of), one_line(&change.text));
        }
        out.push('\n');
    }
    let suggested: Vec<_> = suggestions_shown(card).collect();
    if !suggested.is_empty() {
        out.push_str("### Suggested for the agenda\n\n");
        for point in suggested {
            let _ = writeln!(out, "- {}", one_line(&point.text));
        }
        out.push('\n');
    }
}
