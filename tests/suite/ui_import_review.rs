//! Reviewing a calendar import before committing it: a day the import would fill past 24 h
//! blocks the import until the manager leaves out the occurrence they did not attend, any
//! occurrence a rule decided can be counted differently, and a meeting with one architect is
//! filed under them.

use crate::common;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use leadline::model::time_entry::TimeEntryFields;
use leadline::model::{ArchitectFields, ArchitectId, Cadence, split::Category};
use leadline::session::Command;

/// Monday 23 November 2026, in the current fiscal quarter: a one-on-one with Ana, an
/// all-day workshop and an all-day partner summit (8 h each), and a forecast call.
const WEEK: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n\
BEGIN:VEVENT\r\nUID:one\r\nSUMMARY:Ana 1:1\r\nDTSTART;TZID=Europe/Berlin:20261123T090000\r\n\
DTEND;TZID=Europe/Berlin:20261123T093000\r\nORGANIZER:mailto:me@contoso.com\r\n\
ATTENDEE;PARTSTAT=ACCEPTED:mailto:Ana.Lima@contoso.com\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:workshop\r\nSUMMARY:Envisioning workshop\r\nDTSTART;VALUE=DATE:20261123\r\n\
DTEND;VALUE=DATE:20261124\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:summit\r\nSUMMARY:Partner summit\r\nDTSTART;VALUE=DATE:20261123\r\n\
DTEND;VALUE=DATE:20261124\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:forecast\r\nSUMMARY:Forecast call\r\nDTSTART;TZID=Europe/Berlin:20261124T140000\r\n\
DTEND;TZID=Europe/Berlin:20261124T150000\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

/// A team with Ana (with her e-mail) and 8 h logged by hand on that Monday.
fn team_with_a_full_monday(dir: &tempfile::TempDir) -> (PathBuf, ArchitectId) {
    let path = common::db_in(dir);
    let mut store = common::session(&path);
    let ana = match common::apply(
        &mut store,
        Command::AddArchitect(ArchitectFields {
            name: "Ana Lima".into(),
            email: "ana.lima@contoso.com".into(),
            cadence: Cadence::Weekly,
            ..Default::default()
        }),
    ) {
        leadline::session::Done::ArchitectAdded(id) => id,
        other => panic!("unexpected {other:?}"),
    };
    let by_hand = TimeEntryFields::manual(common::day(2026, 11, 23), 480, Category::Business, "Offsite");
    common::apply(&mut store, Command::AddTimeEntry(by_hand));
    (path, ana)
}

/// (description, category, architect) of every imported entry, by date and time.
fn imported(path: &Path) -> Vec<(String, String, Option<i64>)> {
    let db = common::read_db(path);
    let mut statement = db
        .conn()
        .prepare(
            "SELECT description, category, architect_id FROM time_entries WHERE source = 'calendar' \
             ORDER BY entry_date, start_time",
        )
        .unwrap();
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_day_past_24_hours_blocks_the_import_until_the_occurrence_not_attended_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ana) = team_with_a_full_monday(&dir);
    let file = dir.path().join("week.ics");
    std::fs::write(&file, WEEK).unwrap();
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, file);

    // The one-on-one with Ana is filed under her.
    harness.get_by_label("Ana 1:1  with Ana Lima");
    // 8 h by hand + two 8 h all-day events + the 30 min one-on-one.
    harness.get_by_label_contains("Mon 23 Nov 2026 would hold 24 h 30 min (8 h of it logged by hand)");
    let import = harness.get_by_label_contains("Import 4 entries");
    assert!(import.accesskit_node().is_disabled(), "nothing is imported while a day holds more than 24 h");

    // The manager was not at the partner summit: leave it out of this import.
    harness.get_by_label("Change: Partner summit on 2026-11-23").click();
    harness.run();
    harness.get_by_label("Ignore: Partner summit on 2026-11-23").click();
    harness.run();
    assert!(harness.query_by_label_contains("would hold").is_none(), "the day fits again");
    harness.get_by_label_contains("(your choice; was Workshops and events)");

    harness.get_by_label("Import 3 entries").click();
    harness.run();
    assert_eq!(
        imported(&path),
        [
            ("Envisioning workshop".to_owned(), "market".to_owned(), None),
            ("Ana 1:1".to_owned(), "coaching".to_owned(), Some(ana.0)),
            ("Forecast call".to_owned(), "business".to_owned(), None),
        ]
    );
}

#[test]
fn an_occurrence_a_rule_decided_can_be_counted_differently_and_set_back() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = team_with_a_full_monday(&dir);
    let file = dir.path().join("week.ics");
    std::fs::write(&file, WEEK.replace("UID:summit", "UID:summit\r\nSTATUS:CANCELLED")).unwrap();
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, file.clone());

    // The forecast call was really a customer meeting: market building, not business.
    harness.get_by_label("Change: Forecast call on 2026-11-24").click();
    harness.run();
    harness.get_by_label("Market: Forecast call on 2026-11-24").click();
    harness.run();
    harness.get_by_label_contains("(your choice; was Forecast, pipeline");
    // Changing the range rebuilds the preview; the choice stays.
    harness.get_by_label("Update preview").click();
    harness.run();
    harness.get_by_label_contains("(your choice; was Forecast, pipeline");
    // And back: the rule decides again.
    harness.get_by_label("Change: Forecast call on 2026-11-24").click();
    harness.run();
    harness.get_by_label("Back to the rule: Forecast call on 2026-11-24").click();
    harness.run();
    assert!(harness.query_by_label_contains("(your choice").is_none());

    harness.get_by_label("Change: Forecast call on 2026-11-24").click();
    harness.run();
    harness.get_by_label("Market: Forecast call on 2026-11-24").click();
    harness.run();
    harness.get_by_label("Import 3 entries").click();
    harness.run();
    let forecast = imported(&path).into_iter().find(|(title, ..)| title == "Forecast call").unwrap();
    assert_eq!(forecast.1, "market");

    // Importing the same calendar again keeps the choice: nothing changes.
    common::drop_file(&mut harness, file);
    harness.get_by_label_contains("0 new, 0 changed, 3 unchanged");
    harness.get_by_label("Nothing to import");
    // What an earlier import holds as it is stays out of the way until asked for.
    assert!(harness.query_by_label_contains("(your choice").is_none(), "unchanged rows are hidden");
    harness.get_by_label("Show the 3 unchanged").click();
    harness.run();
    harness.get_by_label_contains("(your choice; was Forecast, pipeline");
}

#[test]
fn entries_from_another_calendar_can_be_kept_and_stay_kept_when_the_preview_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = team_with_a_full_monday(&dir);
    let work = dir.path().join("work.ics");
    std::fs::write(&work, WEEK.replace("UID:summit", "UID:summit\r\nSTATUS:CANCELLED")).unwrap();
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, work);
    harness.get_by_label("Import 3 entries").click();
    harness.run();

    // A second calendar the file cannot tell from the first (the same program, no calendar
    // name) with only a customer workshop on Wednesday.
    let personal = dir.path().join("personal.ics");
    let workshop = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:cw\r\n\
        SUMMARY:Customer workshop\r\nDTSTART;TZID=Europe/Berlin:20261125T100000\r\n\
        DTEND;TZID=Europe/Berlin:20261125T120000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    std::fs::write(&personal, workshop).unwrap();
    common::drop_file(&mut harness, personal);
    harness.get_by_label("Import 1 entry, remove 3");
    harness.get_by_label_contains("3 entries imported before are no longer in this calendar").click();
    harness.run();
    harness.get_by_label("Keep them: they came from another calendar").click();
    harness.run();
    harness.get_by_label("Import 1 entry");
    harness.get_by_label("Update preview").click();
    harness.run();
    harness.get_by_label("Import 1 entry").click();
    harness.run();
    let titles: Vec<String> = imported(&path).into_iter().map(|(title, ..)| title).collect();
    assert_eq!(titles, ["Envisioning workshop", "Ana 1:1", "Forecast call", "Customer workshop"]);
}

#[test]
fn a_calendar_with_another_name_leaves_the_first_ones_entries_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = team_with_a_full_monday(&dir);
    let work = dir.path().join("work.ics");
    let named =
        WEEK.replace("PRODID:-//Test//EN", "PRODID:-//Apple Inc.//macOS 14.5//EN\r\nX-WR-CALNAME:Work");
    std::fs::write(&work, named.replace("UID:summit", "UID:summit\r\nSTATUS:CANCELLED")).unwrap();
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, work);
    harness.get_by_label("Import 3 entries").click();
    harness.run();

    let personal = dir.path().join("family.ics");
    let workshop = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
        X-WR-CALNAME:Family\r\nBEGIN:VEVENT\r\nUID:cw\r\nSUMMARY:Customer workshop\r\n\
        DTSTART;TZID=Europe/Berlin:20261125T100000\r\nDTEND;TZID=Europe/Berlin:20261125T120000\r\n\
        END:VEVENT\r\nEND:VCALENDAR\r\n";
    std::fs::write(&personal, workshop).unwrap();
    common::drop_file(&mut harness, personal);
    harness.get_by_label_contains("This is the calendar \"Family\". 3 entries from other calendars");
    harness.get_by_label("Import 1 entry").click();
    harness.run();
    assert_eq!(imported(&path).len(), 4, "nothing of the work calendar was removed");
}

#[test]
fn double_booked_meetings_are_marked_and_can_be_shown_alone_until_one_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let file = dir.path().join("busy.ics");
    let meeting = |uid: &str, summary: &str, start: &str, end: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART;TZID=Europe/Berlin:20261124T{start}00\r\n\
             DTEND;TZID=Europe/Berlin:20261124T{end}00\r\nEND:VEVENT\r\n"
        )
    };
    let events = [
        meeting("fc", "Forecast call", "1400", "1500"),
        meeting("ws", "Envisioning workshop", "1430", "1600"),
        meeting("pipe", "Pipeline review", "1700", "1730"),
    ];
    std::fs::write(&file, format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}END:VCALENDAR\r\n", events.concat()))
        .unwrap();
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, file);

    // The start times of both (in this computer's zone) carry the mark.
    assert_eq!(harness.query_all_by_label_contains(" ⚠").count(), 2);
    harness.get_by_label("Show only the 2 double-booked").click();
    harness.run();
    assert!(harness.query_by_label("Pipeline review").is_none(), "only the overlapping pair is shown");
    harness.get_by_label("Forecast call");
    harness.get_by_label("Envisioning workshop");

    harness.get_by_label("Change: Envisioning workshop on 2026-11-24").click();
    harness.run();
    harness.get_by_label("Ignore: Envisioning workshop on 2026-11-24").click();
    harness.run();
    assert!(harness.query_by_label_contains("double-booked").is_none(), "none left: the filter goes");
    assert_eq!(harness.query_all_by_label_contains(" ⚠").count(), 0);
    harness.get_by_label("Pipeline review");
}

#[test]
fn a_calendar_imported_again_unchanged_says_its_rows_are_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let file = dir.path().join("one.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:fc\r\nSUMMARY:Forecast call\r\n\
         DTSTART:20261124T140000Z\r\nDTEND:20261124T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, file.clone());
    harness.get_by_label("Import 1 entry").click();
    harness.run();
    common::drop_file(&mut harness, file);
    harness.get_by_label("Every occurrence is hidden by the ticks above.");
    harness.get_by_label("Show the 1 unchanged").click();
    harness.run();
    assert!(harness.query_by_label("Every occurrence is hidden by the ticks above.").is_none());
    harness.get_by_label("Forecast call");
}

#[test]
fn ignoring_an_unmatched_occurrence_alone_is_remembered_for_the_next_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let file = dir.path().join("dentist.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:dentist\r\nSUMMARY:Dentist\r\n\
         DTSTART:20261124T080000Z\r\nDTEND:20261124T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, file.clone());
    harness.get_by_label("Ignore: Dentist on 2026-11-24").click();
    harness.run();
    // Nothing to write but the choice itself.
    harness.get_by_label("Remember 1 choice").click();
    harness.run();
    let remembered: i64 = common::app_db(&harness)
        .query_row(
            "SELECT count(*) FROM calendar_choices WHERE event_uid = 'dentist' AND outcome = 'ignore'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(remembered, 1);
    common::drop_file(&mut harness, file);
    harness.get_by_label_contains("1 ignored, 0 unassigned");
}
