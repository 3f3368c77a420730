//! Preview tests: the story of importing a week, then importing it again after the calendar
//! changed.

use chrono::NaiveDate;

use super::*;
use crate::import::rules::default_rules;
use crate::import::zones::Zone;
use crate::import::{self, Calendar};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("valid")
}

fn window() -> Window {
    Window { from: day(23), to: day(30), zone: Zone::Iana(chrono_tz::Tz::Europe__Berlin) }
}

fn people() -> People {
    People::new(&["me@contoso.com".into()], &["ana@contoso.com".into()], &["contoso.com".into()])
}

fn event(uid: &str, summary: &str, start: &str, end: &str, extra: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART;TZID=Europe/Berlin:{start}\r\n\
         DTEND;TZID=Europe/Berlin:{end}\r\n{extra}END:VEVENT\r\n"
    )
}

fn calendar(events: &[String]) -> Vec<u8> {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}END:VCALENDAR\r\n", events.concat()).into_bytes()
}

fn preview(bytes: &[u8], existing: &[ExistingEntry]) -> Preview {
    let rules = default_rules();
    let people = people();
    let expansion = import::read(bytes, &window()).expect("reads");
    Preview::build(
        expansion,
        &window(),
        &Inputs { rules: &rules, people: &people, existing, all_day_minutes: 480 },
    )
}

/// What the sink would hold after committing `plan` over `existing`.
fn apply(existing: &[ExistingEntry], plan: &CommitPlan) -> Vec<ExistingEntry> {
    let mut next_id = existing.iter().map(|e| e.id).max().unwrap_or(0);
    let mut entries: Vec<ExistingEntry> =
        existing.iter().filter(|e| !plan.deletes.contains(&e.id)).cloned().collect();
    let to_existing = |id, p: &ProposedEntry| ExistingEntry {
        id,
        event_uid: p.event_uid.clone(),
        recurrence_id: p.recurrence_id.clone(),
        entry_date: p.entry_date,
        start_time: p.start_time,
        minutes: p.minutes,
        category: p.category,
        description: p.description.clone(),
    };
    for (id, p) in &plan.updates {
        if let Some(e) = entries.iter_mut().find(|e| e.id == *id) {
            *e = to_existing(*id, p);
        }
    }
    for p in &plan.inserts {
        next_id += 1;
        entries.push(to_existing(next_id, p));
    }
    entries
}

fn first_week() -> Vec<String> {
    vec![
        event("one", "Ana 1:1", "20261123T090000", "20261123T093000", "RRULE:FREQ=WEEKLY;COUNT=4\r\n"),
        event("fc", "Forecast call", "20261124T140000", "20261124T150000", ""),
        event("dentist", "Dentist", "20261125T080000", "20261125T090000", ""),
        event("ws", "Envisioning workshop", "20261126T100000", "20261126T130000", ""),
    ]
}

#[test]
fn each_occurrence_shows_its_category_the_rule_and_that_it_is_new() {
    let p = preview(&calendar(&first_week()), &[]);
    let shown: Vec<(String, &str, String, &str)> = p
        .rows
        .iter()
        .map(|r| (r.occurrence.summary.clone(), r.category_label(), r.rule_label(), r.change.label()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Ana 1:1".into(), "coaching", "One-on-ones".into(), "new"),
            (
                "Forecast call".into(),
                "business",
                "Forecast, pipeline, QBR/MBR, rhythm of business".into(),
                "new"
            ),
            ("Dentist".into(), "?", "(unmatched)".into(), "unassigned"),
            ("Envisioning workshop".into(), "market", "Workshops and events".into(), "new"),
        ]
    );
    let first = &p.rows[0];
    assert_eq!(
        (first.local_date, first.local_start, first.minutes),
        (day(23), NaiveTime::from_hms_opt(9, 0, 0), 30)
    );
    assert_eq!(first.occurrence.recurrence_id.as_deref(), Some("20261123T080000Z"));
    let counts = p.counts();
    assert_eq!((counts.new, counts.unassigned, counts.occurrences), (3, 1, 4));
    // Unmatched occurrences are not written until the manager decides.
    assert_eq!(p.plan().inserts.len(), 3);
}

#[test]
fn assigning_an_unmatched_occurrence_makes_it_new_and_ignoring_it_skips_it() {
    let mut p = preview(&calendar(&first_week()), &[]);
    p.assign(2, Some(Outcome::Category(Category::Business)));
    assert_eq!((p.rows[2].change.label(), p.rows[2].rule_label()), ("new", "(assigned)".to_owned()));
    assert_eq!(p.plan().inserts.len(), 4);
    p.assign(2, Some(Outcome::Ignore));
    assert_eq!(p.rows[2].change, Change::Skip);
    p.assign(2, None);
    assert_eq!(p.rows[2].change, Change::Unassigned);
}

#[test]
fn importing_the_same_calendar_twice_changes_nothing() {
    let bytes = calendar(&first_week());
    let mut first = preview(&bytes, &[]);
    first.assign(2, Some(Outcome::Category(Category::Business)));
    let stored = apply(&[], &first.plan());
    assert_eq!(stored.len(), 4);
    let again = preview(&bytes, &stored);
    let counts = again.counts();
    assert_eq!(
        (counts.unchanged, counts.new, counts.changed, counts.removed, counts.unassigned),
        (4, 0, 0, 0, 0)
    );
    assert_eq!(again.plan(), CommitPlan::default());
    // The dentist keeps the category the manager gave it.
    assert_eq!(again.rows[2].category(), Some(Category::Business));
}

#[test]
fn a_changed_calendar_updates_moved_entries_and_lists_gone_and_cancelled_ones_for_removal() {
    let stored = apply(&[], &preview(&calendar(&first_week()), &[]).plan());
    let changed = vec![
        // The 1:1 series, with this week's occurrence moved to Tuesday 10:00 and lengthened.
        event("one", "Ana 1:1", "20261123T090000", "20261123T093000", "RRULE:FREQ=WEEKLY;COUNT=4\r\n"),
        event(
            "one",
            "Ana 1:1",
            "20261124T100000",
            "20261124T110000",
            "RECURRENCE-ID;TZID=Europe/Berlin:20261123T090000\r\n",
        ),
        // The forecast call was cancelled.
        event("fc", "Forecast call", "20261124T140000", "20261124T150000", "STATUS:CANCELLED\r\n"),
        // The workshop is gone; a QBR is new.
        event("qbr", "EMEA QBR", "20261127T130000", "20261127T150000", ""),
    ];
    let p = preview(&calendar(&changed), &stored);
    let by_summary = |s: &str| p.rows.iter().find(|r| r.occurrence.summary == s).expect("row");
    let moved = by_summary("Ana 1:1");
    assert_eq!(moved.change, Change::Changed { id: 1, fields: vec!["date", "start", "minutes"] });
    assert!(matches!(by_summary("Forecast call").change, Change::Remove { id: 2 }));
    assert_eq!(by_summary("EMEA QBR").change, Change::New);
    assert_eq!(p.gone.iter().map(|e| e.description.as_str()).collect::<Vec<_>>(), ["Envisioning workshop"]);
    let plan = p.plan();
    assert_eq!((plan.inserts.len(), plan.updates.len()), (1, 1));
    assert_eq!(plan.deletes, [2, 3]);
    let after = apply(&stored, &plan);
    let mut titles: Vec<_> = after.iter().map(|e| e.description.as_str()).collect();
    titles.sort_unstable();
    assert_eq!(titles, ["Ana 1:1", "EMEA QBR"]);
}

#[test]
fn entries_outside_the_window_are_never_listed_for_removal() {
    let outside = ExistingEntry {
        id: 9,
        event_uid: "old".into(),
        recurrence_id: None,
        entry_date: day(2),
        start_time: None,
        minutes: 60,
        category: Category::Market,
        description: "Old".into(),
    };
    assert!(preview(&calendar(&first_week()), &[outside]).gone.is_empty());
}

#[test]
fn all_day_events_count_a_working_day_per_weekday_and_long_events_are_capped() {
    let events = vec![
        "BEGIN:VEVENT\r\nUID:summit\r\nSUMMARY:Partner summit\r\nDTSTART;VALUE=DATE:20261126\r\nDTEND;VALUE=DATE:20261130\r\nEND:VEVENT\r\n".to_owned(),
        event("long", "Hackathon", "20261123T080000", "20261124T200000", ""),
    ];
    let p = preview(&calendar(&events), &[]);
    let summit = p.rows.iter().find(|r| r.occurrence.summary == "Partner summit").expect("row");
    // Thursday to Sunday: two weekdays of 8 h.
    assert_eq!((summit.minutes, summit.local_start), (960, None));
    let hackathon = p.rows.iter().find(|r| r.occurrence.summary == "Hackathon").expect("row");
    assert_eq!(hackathon.minutes, MAX_ENTRY_MINUTES);
    assert!(hackathon.note.as_deref().is_some_and(|n| n.contains("24 h")));
}

#[test]
fn a_duplicated_event_is_shown_once_with_a_warning() {
    let twice = vec![event("dup", "Ana 1:1", "20261123T090000", "20261123T093000", ""); 2];
    let p = preview(&calendar(&twice), &[]);
    assert_eq!(p.rows.len(), 1);
    assert!(p.warnings.iter().any(|w| w.message.contains("appears twice")));
    assert!(Calendar::parse(&calendar(&twice)).is_ok());
}
