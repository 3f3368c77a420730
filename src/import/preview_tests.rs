//! Preview tests: the story of importing a week, then importing it again after the calendar
//! changed.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::*;
use crate::import::rules::{TeamMember, default_rules};
use crate::import::zones::Zone;
use crate::import::{self, Calendar};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("valid")
}

fn window() -> Window {
    Window { from: day(23), to: day(30), zone: Zone::Iana(chrono_tz::Tz::Europe__Berlin) }
}

const ANA: ArchitectId = ArchitectId(1);
const BEN: ArchitectId = ArchitectId(2);

fn people() -> People {
    let member = |email: &str, id| TeamMember { email: email.into(), id, current: true };
    People::new(&["me@contoso.com".into()], &[], &["contoso.com".into()])
        .with_team(&[member("ana@contoso.com", ANA), member("Ben@Contoso.com ", BEN)])
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
    preview_with(bytes, existing, &HashMap::new())
}

fn preview_with(bytes: &[u8], existing: &[ExistingEntry], by_hand: &HashMap<NaiveDate, u32>) -> Preview {
    preview_remembering(bytes, existing, by_hand, &HashMap::new())
}

fn preview_remembering(
    bytes: &[u8],
    existing: &[ExistingEntry],
    by_hand: &HashMap<NaiveDate, u32>,
    choices: &HashMap<Key, Outcome>,
) -> Preview {
    let rules = default_rules();
    let people = people();
    let expansion = import::read(bytes, &window()).expect("reads");
    Preview::build(
        expansion,
        &window(),
        &Inputs { rules: &rules, people: &people, existing, by_hand, choices, all_day_minutes: 480 },
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
        architect: p.architect,
        calendar: Some(plan.calendar.clone()),
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
    let plan = first.plan();
    let stored = apply(&[], &plan);
    assert_eq!(stored.len(), 4);
    let remembered: HashMap<Key, Outcome> =
        plan.choices.iter().filter_map(|(key, choice)| Some((key.clone(), (*choice)?))).collect();
    assert_eq!(remembered.len(), 1, "the dentist's category is remembered");
    let again = preview_remembering(&bytes, &stored, &HashMap::new(), &remembered);
    let counts = again.counts();
    assert_eq!(
        (counts.unchanged, counts.new, counts.changed, counts.removed, counts.unassigned),
        (4, 0, 0, 0, 0)
    );
    assert!(again.plan().is_empty(), "{:?}", again.plan());
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
        architect: None,
        calendar: None,
    };
    assert!(preview(&calendar(&first_week()), &[outside]).gone.is_empty());
}

#[test]
fn all_day_events_count_a_working_day_on_each_weekday_and_long_events_are_capped() {
    let events = vec![
        "BEGIN:VEVENT\r\nUID:summit\r\nSUMMARY:Partner summit\r\nDTSTART;VALUE=DATE:20261126\r\nDTEND;VALUE=DATE:20261130\r\nEND:VEVENT\r\n".to_owned(),
        "BEGIN:VEVENT\r\nUID:offsite\r\nSUMMARY:Team offsite\r\nDTSTART;VALUE=DATE:20261128\r\nDTEND;VALUE=DATE:20261130\r\nEND:VEVENT\r\n".to_owned(),
        event("long", "Hackathon", "20261123T080000", "20261124T200000", ""),
    ];
    let mut p = preview(&calendar(&events), &[]);
    // Thursday to Sunday: 8 h on Thursday and 8 h on Friday, each an entry of its own.
    let summit: Vec<(NaiveDate, u32, Option<String>)> = p
        .rows
        .iter()
        .filter(|r| r.occurrence.summary == "Partner summit")
        .map(|r| (r.local_date, r.minutes, r.key().1))
        .collect();
    assert_eq!(
        summit,
        [(day(26), 480, Some("#20261126".to_owned())), (day(27), 480, Some("#20261127".to_owned()))]
    );
    // A weekend offsite counts nothing.
    let offsite = p.rows.iter().find(|r| r.occurrence.summary == "Team offsite").expect("row");
    assert_eq!(offsite.minutes, 0);
    assert_eq!(p.counts().occurrences, 3, "the summit is one occurrence");
    // Ignoring Friday leaves Thursday.
    let friday = p.rows.iter().position(|r| r.part == Some(day(27))).expect("friday");
    p.assign(friday, Some(Outcome::Ignore));
    let plan = p.plan();
    let summit_days: Vec<NaiveDate> =
        plan.inserts.iter().filter(|e| e.event_uid == "summit").map(|e| e.entry_date).collect();
    assert_eq!(summit_days, [day(26)]);
    let hackathon = p.rows.iter().find(|r| r.occurrence.summary == "Hackathon").expect("row");
    assert_eq!(hackathon.minutes, MAX_ENTRY_MINUTES);
    assert!(hackathon.note.as_deref().is_some_and(|n| n.contains("24 h")));
}

#[test]
fn a_duplicated_event_is_shown_once_with_a_warning() {
    let twice = vec![event("dup", "Ana 1:1", "20261123T090000", "20261123T093000", ""); 2];
    let p = preview(&calendar(&twice), &[]);
    assert_eq!(p.rows.len(), 1);
    assert!(p.warnings.iter().any(|w| w.message.contains("is in the file 2 times")), "{:?}", p.warnings);
    assert!(Calendar::parse(&calendar(&twice)).is_ok());
}

fn with_attendees(uid: &str, summary: &str, start: &str, attendees: &[(&str, &str)]) -> String {
    let mut lines = String::from("ORGANIZER:mailto:me@contoso.com\r\n");
    for (email, partstat) in attendees {
        let _ = write!(lines, "ATTENDEE;PARTSTAT={partstat}:mailto:{email}\r\n");
    }
    let end = format!("{}T{:02}0000", &start[..8], start[9..11].parse::<u32>().expect("hour") + 1);
    event(uid, summary, start, &end, &lines)
}

#[test]
fn a_meeting_with_one_team_member_is_filed_under_them_and_a_team_meeting_under_no_one() {
    let events = vec![
        with_attendees("a", "Ana 1:1", "20261123T090000", &[("ana@contoso.com", "ACCEPTED")]),
        with_attendees(
            "b",
            "Account planning",
            "20261123T110000",
            &[("BEN@contoso.com", "ACCEPTED"), ("cio@fabrikam.com", "ACCEPTED")],
        ),
        with_attendees(
            "team",
            "Team meeting",
            "20261124T090000",
            &[("ana@contoso.com", "ACCEPTED"), ("ben@contoso.com", "TENTATIVE")],
        ),
        // Ben declined: the meeting was with Ana alone.
        with_attendees(
            "d",
            "Deal review",
            "20261125T090000",
            &[("ana@contoso.com", "ACCEPTED"), ("ben@contoso.com", "DECLINED")],
        ),
        with_attendees("e", "EMEA QBR", "20261126T090000", &[("cio@fabrikam.com", "ACCEPTED")]),
    ];
    let mut p = preview(&calendar(&events), &[]);
    for index in 0..p.rows.len() {
        if p.rows[index].category().is_none() {
            p.assign(index, Some(Outcome::Category(Category::Market)));
        }
    }
    let plan = p.plan();
    let filed: Vec<(&str, Option<ArchitectId>)> =
        plan.inserts.iter().map(|e| (e.description.as_str(), e.architect)).collect();
    assert_eq!(
        filed,
        [
            ("Ana 1:1", Some(ANA)),
            ("Account planning", Some(BEN)),
            ("Team meeting", None),
            ("Deal review", Some(ANA)),
            ("EMEA QBR", None),
        ]
    );
}

#[test]
fn re_importing_after_the_attendees_changed_updates_who_the_meeting_was_with() {
    let before =
        vec![with_attendees("a", "Account planning", "20261123T090000", &[("ana@contoso.com", "ACCEPTED")])];
    let stored = apply(&[], &preview(&calendar(&before), &[]).plan());
    assert_eq!(stored[0].architect, Some(ANA));
    let after =
        vec![with_attendees("a", "Account planning", "20261123T090000", &[("ben@contoso.com", "ACCEPTED")])];
    let p = preview(&calendar(&after), &stored);
    assert_eq!(p.rows[0].change, Change::Changed { id: 1, fields: vec!["architect"] });
    assert_eq!(apply(&stored, &p.plan())[0].architect, Some(BEN));
}

#[test]
fn a_day_filled_past_24_hours_is_reported_until_an_occurrence_is_ignored() {
    // Two all-day workshops and a forecast call on the same Monday: 8 h + 8 h + 1 h.
    let all_day = |uid: &str, summary: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:20261123\r\n\
             DTEND;VALUE=DATE:20261124\r\nEND:VEVENT\r\n"
        )
    };
    let events = vec![
        all_day("w1", "Envisioning workshop"),
        all_day("w2", "Partner summit"),
        event("fc", "Forecast call", "20261123T140000", "20261123T150000", ""),
    ];
    let bytes = calendar(&events);
    let fits = preview(&bytes, &[]);
    assert_eq!(fits.full_days(), [], "17 h fit in a day");
    // With 8 h logged by hand that Monday, the day would hold 25 h.
    let by_hand = HashMap::from([(day(23), 480)]);
    let mut p = preview_with(&bytes, &[], &by_hand);
    let full = p.full_days();
    assert_eq!(full, [FullDay { date: day(23), minutes: 25 * 60, by_hand: 480 }]);
    assert_eq!(
        full[0].to_string(),
        "Mon 23 Nov 2026 would hold 25 h (8 h of it logged by hand); a day has only 24 h"
    );
    // Ignoring the partner summit (the manager was not there) makes the day fit.
    let summit = p.rows.iter().position(|r| r.occurrence.summary == "Partner summit").expect("row");
    p.assign(summit, Some(Outcome::Ignore));
    assert_eq!(p.full_days(), []);
}

#[test]
fn a_second_calendar_keeps_what_the_first_imported_when_asked_and_counts_it_in_the_day() {
    let work = vec![event("ws", "Envisioning workshop", "20261123T080000", "20261123T200000", "")];
    let stored = apply(&[], &preview(&calendar(&work), &[]).plan());
    let personal = vec![event("fc", "Forecast call", "20261123T200000", "20261124T080000", "")];
    let mut p = preview(&calendar(&personal), &stored);
    assert_eq!(p.plan().deletes, [1], "by default, what is not in this file is removed");
    assert_eq!(p.full_days(), []);
    p.keep_gone = true;
    let plan = p.plan();
    assert!(plan.deletes.is_empty());
    assert_eq!(p.counts().removed, 0);
    // 12 h kept from the first calendar + 12 h from this one fill Monday exactly.
    assert_eq!(apply(&stored, &plan).len(), 2);
    assert_eq!(p.full_days(), [], "24 h fit in a day");
    let longer = vec![event("fc", "Forecast call", "20261123T190000", "20261124T080000", "")];
    let mut p = preview(&calendar(&longer), &stored);
    p.keep_gone = true;
    assert_eq!(p.full_days(), [FullDay { date: day(23), minutes: 25 * 60, by_hand: 0 }]);
}

#[test]
fn choices_remembered_from_an_earlier_import_win_over_the_rules_and_only_changes_are_written() {
    let bytes = calendar(&first_week());
    let stored = apply(&[], &preview(&bytes, &[]).plan());
    let fc = ("fc".to_owned(), None);
    let dentist = ("dentist".to_owned(), None);
    let remembered = HashMap::from([
        (fc.clone(), Outcome::Category(Category::Market)),
        (dentist.clone(), Outcome::Ignore),
    ]);
    let mut p = preview_remembering(&bytes, &stored, &HashMap::new(), &remembered);
    let forecast = p.rows.iter().position(|r| r.occurrence.uid == "fc").expect("row");
    let row = &p.rows[forecast];
    assert_eq!(row.category(), Some(Category::Market));
    assert_eq!(row.rule_label(), "(your choice; was Forecast, pipeline, QBR/MBR, rhythm of business)");
    assert_eq!(row.change, Change::Changed { id: 2, fields: vec!["category"] });
    let dentist_row = p.rows.iter().find(|r| r.occurrence.uid == "dentist").expect("row");
    assert_eq!(dentist_row.change, Change::Skip, "an ignored occurrence stays ignored, not unassigned");
    assert!(p.plan().choices.is_empty(), "nothing new to remember");
    // Back to the rule: the choice is forgotten on commit.
    p.assign(forecast, None);
    assert_eq!(p.plan().choices, [(fc, None)]);
    assert_eq!(p.rows[forecast].change, Change::Unchanged { id: 2 });
}

#[test]
fn a_new_choice_is_remembered_and_who_a_meeting_was_with_is_never_taken_away() {
    let bytes = calendar(&first_week());
    let mut first = preview(&bytes, &[]);
    first.assign(2, Some(Outcome::Ignore));
    assert_eq!(first.plan().choices, [(("dentist".to_owned(), None), Some(Outcome::Ignore))]);
    // The manager filed the forecast call under Ben on the Time screen; the calendar has no
    // team member on it.
    let mut stored = apply(&[], &first.plan());
    let forecast = stored.iter_mut().find(|e| e.event_uid == "fc").expect("stored");
    forecast.architect = Some(BEN);
    let again = preview(&bytes, &stored);
    let row = again.rows.iter().find(|r| r.occurrence.uid == "fc").expect("row");
    assert_eq!((row.architect, &row.change), (Some(BEN), &Change::Unchanged { id: 2 }));
}

#[test]
fn a_multi_day_event_across_the_start_of_the_range_counts_only_the_days_inside() {
    let events = vec![
        "BEGIN:VEVENT\r\nUID:conf\r\nSUMMARY:Partner summit\r\nDTSTART;VALUE=DATE:20261119\r\nDTEND;VALUE=DATE:20261125\r\nEND:VEVENT\r\n".to_owned(),
        // Starts on the Sunday before the range, at 22:00: counted in the week before.
        event("late", "Forecast call", "20261122T220000", "20261123T010000", ""),
    ];
    let p = preview(&calendar(&events), &[]);
    let days: Vec<(NaiveDate, bool)> = p.rows.iter().map(|r| (r.local_date, r.is_first_part())).collect();
    assert_eq!(days, [(day(23), true), (day(24), false)]);
}

fn named_calendar(product: &str, name: &str, events: &[String]) -> Vec<u8> {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{product}\r\nX-WR-CALNAME:{name}\r\n{}END:VCALENDAR\r\n",
        events.concat()
    )
    .into_bytes()
}

#[test]
fn a_second_calendar_leaves_the_first_ones_entries_alone_and_counts_them_in_the_day() {
    let work = named_calendar("-//Apple Inc.//macOS 14.5//EN", "Work", &first_week());
    let mut first = preview(&work, &[]);
    first.assign(2, Some(Outcome::Ignore));
    assert_eq!(first.calendar, "Apple Inc.|Work");
    assert_eq!(first.calendar_name(), Some("Work"));
    let stored = apply(&[], &first.plan());
    assert!(stored.iter().all(|e| e.calendar.as_deref() == Some("Apple Inc.|Work")));

    // A personal Google calendar with a 13 h hackathon on the workshop's Thursday (3 h there).
    let personal = named_calendar(
        "-//Google Inc//Google Calendar 70.9054//EN",
        "Personal",
        &[event("hack", "Hackathon workshop", "20261126T080000", "20261126T210000", "")],
    );
    let p = preview(&personal, &stored);
    assert!(p.gone.is_empty(), "the work calendar's entries are not this calendar's to remove");
    assert_eq!(p.other_calendars.len(), 3);
    assert!(p.plan().deletes.is_empty());
    assert_eq!(p.full_days(), [], "3 h + 13 h fit");

    // The work calendar again, after an update of macOS and without the forecast call.
    let mut later = first_week();
    later.remove(1);
    let again = preview(&named_calendar("-//Apple Inc.//macOS 15.0//EN", "Work", &later), &stored);
    assert_eq!(again.gone.iter().map(|e| e.description.as_str()).collect::<Vec<_>>(), ["Forecast call"]);
}

#[test]
fn entries_from_before_calendars_were_told_apart_are_claimed_by_the_calendar_holding_them() {
    let bytes = calendar(&first_week());
    let mut legacy = apply(&[], &preview(&bytes, &[]).plan());
    for entry in &mut legacy {
        entry.calendar = None;
    }
    let mut week = first_week();
    week.remove(1);
    let p = preview(
        &named_calendar("-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "Calendar", &week),
        &legacy,
    );
    let plan = p.plan();
    assert_eq!(plan.calendar, "Microsoft Corporation|Calendar");
    assert_eq!(plan.claims, [1, 3], "the 1:1 and the workshop are this calendar's now");
    // An old entry this calendar does not hold is still listed as gone: it could be its own.
    assert_eq!(p.gone.iter().map(|e| e.id).collect::<Vec<_>>(), [2]);
}

#[test]
fn double_booked_meetings_are_pointed_out_until_one_is_ignored() {
    let events = vec![
        event("fc", "Forecast call", "20261124T140000", "20261124T150000", ""),
        // Overlaps the forecast call by 30 minutes, and the QBR by 15.
        event("ws", "Envisioning workshop", "20261124T143000", "20261124T161500", ""),
        event("qbr", "EMEA QBR", "20261124T160000", "20261124T170000", ""),
        // Back to back with the QBR: not double-booked.
        event("pipe", "Pipeline review", "20261124T170000", "20261124T173000", ""),
    ];
    let mut p = preview(&calendar(&events), &[]);
    let index = |uid: &str| p.rows.iter().position(|r| r.occurrence.uid == uid).expect("row");
    let (fc, ws, qbr, pipe) = (index("fc"), index("ws"), index("qbr"), index("pipe"));
    let pairs = p.double_booked();
    assert_eq!(pairs.get(&fc), Some(&ws));
    assert_eq!(pairs.get(&ws), Some(&fc), "the workshop overlaps the call most (30 min against 15)");
    assert_eq!(pairs.get(&qbr), Some(&ws));
    assert_eq!(pairs.get(&pipe), None);
    // The manager skipped the workshop: nothing is double-booked any more.
    p.assign(ws, Some(Outcome::Ignore));
    assert!(p.double_booked().is_empty());
}
