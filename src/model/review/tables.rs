//! The lists of records under each section of the review: the weeks furthest off target and
//! what the time went on; one-on-ones per architect, overdue actions, carried points, goals,
//! certifications, readiness; the pipeline by stage and the scorecard. Each row links to where
//! its record is.

use super::catalogue::{SectionId, architect_row, category_word, hours, table};
use super::draft::{Table, TableRow};
use super::figures::{ArchitectTab, Link, MeetingList, QuarterFigures};
use crate::model::architect::Choice as _;

fn day(on: chrono::NaiveDate) -> String {
    on.format("%-d %b %Y").to_string()
}

fn total(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub(super) fn tables(id: SectionId, q: &QuarterFigures) -> Vec<Table> {
    match id {
        SectionId::Time => time_tables(q),
        SectionId::Coaching => coaching_tables(q),
        SectionId::Markets => Vec::new(),
        SectionId::Business => business_tables(q),
    }
}

fn time_tables(q: &QuarterFigures) -> Vec<Table> {
    let mut tables = Vec::new();
    let drifts: Vec<TableRow> = q
        .time
        .drifts
        .iter()
        .map(|d| {
            let direction = if d.drift_points > 0.0 { "over" } else { "short" };
            let spent: Vec<String> =
                d.spent_on.iter().map(|a| format!("{} ({})", a.description, hours(a.minutes))).collect();
            TableRow {
                cells: vec![
                    d.week.to_string(),
                    category_word(d.category).to_owned(),
                    format!(
                        "{:.0} % vs {} % ({:.0} pts {direction})",
                        d.share_pct.round(),
                        d.target_pct,
                        d.drift_points.abs().round()
                    ),
                    spent.join("; "),
                ],
                link: Some(Link::Week { week: d.week }),
            }
        })
        .collect();
    if !drifts.is_empty() {
        let n = drifts.len();
        tables.push(table(
            "Biggest drifts",
            vec!["Week", "Category", "Share", "The time went on"],
            drifts,
            total(n),
        ));
    }
    let activities: Vec<TableRow> = q
        .time
        .top_activities
        .iter()
        .map(|a| TableRow {
            cells: vec![
                category_word(a.category).to_owned(),
                a.description.clone(),
                hours(a.minutes),
                if a.entries == 1 { "1 entry".to_owned() } else { format!("{} entries", a.entries) },
            ],
            link: Some(Link::Quarter { quarter: q.quarter }),
        })
        .collect();
    if !activities.is_empty() {
        let n = activities.len();
        tables.push(table(
            "What the time went on",
            vec!["Category", "Activity", "Time", "Entries"],
            activities,
            total(n),
        ));
    }
    tables
}

fn coaching_tables(q: &QuarterFigures) -> Vec<Table> {
    let c = &q.coaching;
    let mut tables = Vec::new();
    let one_on_ones: Vec<TableRow> = c
        .one_on_ones
        .iter()
        .map(|r| TableRow {
            cells: vec![
                r.name.clone(),
                r.cadence.label().to_owned(),
                r.held.to_string(),
                r.due.to_string(),
                r.last.map_or_else(|| "—".to_owned(), |(_, on)| day(on)),
            ],
            link: Some(match r.last {
                Some((meeting, _)) => Link::Meeting { architect: r.architect, meeting },
                None => Link::History { architect: r.architect },
            }),
        })
        .collect();
    if !one_on_ones.is_empty() {
        let n = one_on_ones.len();
        tables.push(table(
            "One-on-ones per architect",
            vec!["Architect", "Cadence", "Held", "Due", "Last held"],
            one_on_ones,
            total(n),
        ));
    }
    let item_rows = |items: &[super::figures::ItemRef], times: bool| -> Vec<TableRow> {
        items
            .iter()
            .map(|i| {
                let when =
                    if times { format!("{} (carried {} times)", day(i.on), i.times) } else { day(i.on) };
                TableRow {
                    cells: vec![i.name.clone(), i.text.clone(), when],
                    link: Some(Link::Meeting { architect: i.architect, meeting: i.meeting }),
                }
            })
            .collect()
    };
    if !c.overdue.is_empty() {
        tables.push(table(
            "Overdue action items",
            vec!["Architect", "Action", "Due"],
            item_rows(&c.overdue, false),
            c.actions_overdue,
        ));
    }
    if !c.carried.is_empty() {
        tables.push(table(
            "Talking points carried more than twice",
            vec!["Architect", "Talking point", "Raised"],
            item_rows(&c.carried, true),
            c.points_carried,
        ));
    }
    if c.energy_scores > 0 {
        let rows = c
            .energy_by_month
            .iter()
            .map(|m| TableRow {
                cells: vec![
                    m.month.format("%B %Y").to_string(),
                    m.scores.to_string(),
                    m.average.map_or_else(|| "—".to_owned(), |a| format!("{a:.1}")),
                ],
                link: Some(Link::OneOnOnes { quarter: q.quarter, list: MeetingList::Energy }),
            })
            .collect::<Vec<_>>();
        let n = rows.len();
        tables.push(table("Energy by month", vec!["Month", "Scores", "Average"], rows, total(n)));
    }
    let goal_rows = |goals: &[super::figures::GoalRef]| -> Vec<TableRow> {
        goals
            .iter()
            .map(|g| {
                architect_row(
                    vec![g.name.clone(), g.description.clone(), day(g.on)],
                    g.architect,
                    ArchitectTab::Plan,
                )
            })
            .collect()
    };
    if !c.completed.is_empty() {
        tables.push(table(
            "Goals completed",
            vec!["Architect", "Goal", "Completed"],
            goal_rows(&c.completed),
            c.goals_completed,
        ));
    }
    if !c.stalled.is_empty() {
        tables.push(table(
            "Goals stalled",
            vec!["Architect", "Goal", "Last moved"],
            goal_rows(&c.stalled),
            c.goals_stalled,
        ));
    }
    if !c.cert_events.is_empty() {
        let rows: Vec<TableRow> = c
            .cert_events
            .iter()
            .map(|e| {
                architect_row(
                    vec![e.name.clone(), e.code.clone(), e.change.word().to_owned(), day(e.on)],
                    e.architect,
                    ArchitectTab::Certifications,
                )
            })
            .collect();
        let all = c.certs_earned + c.certs_renewed + c.certs_expired;
        tables.push(table("Certifications", vec!["Architect", "Certification", "Change", "On"], rows, all));
    }
    if !c.readiness.is_empty() {
        let rows: Vec<TableRow> = c
            .readiness
            .iter()
            .map(|r| {
                architect_row(
                    vec![r.name.clone(), r.readiness.label().to_owned(), day(r.assessed_on)],
                    r.architect,
                    ArchitectTab::Profile,
                )
            })
            .collect();
        let n = rows.len();
        tables.push(table("Readiness assessed", vec!["Architect", "Readiness", "Assessed"], rows, total(n)));
    }
    tables
}

fn business_tables(q: &QuarterFigures) -> Vec<Table> {
    let Some(b) = &q.business else { return Vec::new() };
    let mut tables = Vec::new();
    if !b.won.is_empty() {
        let rows: Vec<TableRow> = b
            .won
            .iter()
            .map(|w| TableRow {
                cells: vec![
                    w.title.clone(),
                    w.account.clone(),
                    day(w.closed_on),
                    format!("${:.0}", w.acr_monthly),
                ],
                link: Some(Link::Win { opportunity: w.opportunity }),
            })
            .collect();
        tables.push(table("Wins", vec!["Opportunity", "Account", "Closed", "Monthly ACR"], rows, b.wins));
    }
    if !b.pipeline.is_empty() {
        let rows: Vec<TableRow> = b
            .pipeline
            .iter()
            .map(|s| TableRow {
                cells: vec![
                    format!("{} {}", s.stage, s.name),
                    s.open.to_string(),
                    format!("${:.0}", s.acr_monthly),
                ],
                link: Some(Link::Business { list: super::figures::BusinessList::Pipeline }),
            })
            .collect();
        let n = rows.len();
        tables.push(table("Pipeline by MCEM stage", vec!["Stage", "Open", "Monthly ACR"], rows, total(n)));
    }
    if !b.scorecard.is_empty() {
        let rows: Vec<TableRow> = b
            .scorecard
            .iter()
            .map(|l| TableRow {
                cells: vec![
                    l.metric.clone(),
                    format!("{}", l.target),
                    l.actual.map_or_else(|| "—".to_owned(), |a| format!("{a}")),
                ],
                link: Some(Link::Business { list: super::figures::BusinessList::Scorecard }),
            })
            .collect();
        let n = rows.len();
        tables.push(table("Scorecard", vec!["Metric", "Target", "Actual"], rows, total(n)));
    }
    tables
}
