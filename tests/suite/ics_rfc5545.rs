//! Calendar import against RFC 5545, one small hand-written calendar per rule: the rows each
//! test expects were worked out by hand from the RFC (and the decisions documented in
//! `src/import/series.rs`), never produced by the code under test. Times are written as the
//! fixtures' `.expected.tsv` writes them: `…Z` for an instant, a bare date for an all-day day.

use chrono::NaiveDate;
use leadline::import::expand::Expansion;
use leadline::import::zones::Zone;
use leadline::import::{self, Window};

/// A calendar file from its lines, so a test can count the line numbers its warnings name.
fn file(lines: &[&str]) -> String {
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Reads `text` over `from` up to, not including, `to`, days counted in UTC.
fn read(text: &str, from: NaiveDate, to: NaiveDate) -> Expansion {
    import::read(text.as_bytes(), &Window { from, to, zone: Zone::Utc }).expect("the calendar is read")
}

/// January 2026, where most of these calendars live.
fn january(text: &str) -> Expansion {
    read(text, day(2026, 1, 1), day(2026, 2, 1))
}

/// `start end minutes summary`, in the order the import lists them.
fn rows(expansion: &Expansion) -> Vec<String> {
    expansion
        .occurrences
        .iter()
        .map(|o| format!("{} {} {} {}", o.start, o.end, o.duration_minutes, o.summary))
        .collect()
}

fn warnings(expansion: &Expansion) -> Vec<String> {
    expansion.warnings.iter().map(ToString::to_string).collect()
}

const HEAD: [&str; 3] = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Leadline//RFC 5545 test//EN"];

fn calendar(body: &[&str]) -> String {
    let mut lines = HEAD.to_vec();
    lines.extend_from_slice(body);
    lines.push("END:VCALENDAR");
    file(&lines)
}

/// §3.8.5.2: each period of `RDATE;VALUE=PERIOD` is an occurrence with its own length, given
/// as an end or as a duration. A period written without VALUE=PERIOD is read, and said.
#[test]
fn rdate_periods_are_occurrences_with_their_own_length() {
    let text = calendar(&[
        "BEGIN:VEVENT", // line 4
        "UID:period@leadline.test",
        "SUMMARY:Customer workshop",
        "DTSTART:20240910T090000Z",
        "DURATION:PT1H",
        "RDATE;VALUE=PERIOD:20240913T120000Z/PT2H,20240915T080000Z/20240915T083000Z",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 11
        "UID:period-untyped@leadline.test",
        "SUMMARY:Pilot review",
        "DTSTART:20240916T100000Z",
        "DURATION:PT1H",
        "RDATE:20240918T100000Z/PT45M", // line 16
        "END:VEVENT",
    ]);
    let expansion = read(&text, day(2024, 9, 1), day(2024, 10, 1));
    assert_eq!(
        rows(&expansion),
        [
            "2024-09-10T09:00:00Z 2024-09-10T10:00:00Z 60 Customer workshop",
            "2024-09-13T12:00:00Z 2024-09-13T14:00:00Z 120 Customer workshop",
            "2024-09-15T08:00:00Z 2024-09-15T08:30:00Z 30 Customer workshop",
            "2024-09-16T10:00:00Z 2024-09-16T11:00:00Z 60 Pilot review",
            "2024-09-18T10:00:00Z 2024-09-18T10:45:00Z 45 Pilot review",
        ]
    );
    // A period's occurrence is keyed by its start, as any other (RFC 5545 §3.8.4.4).
    assert_eq!(expansion.occurrences[1].recurrence_id.as_deref(), Some("20240913T120000Z"));
    assert_eq!(
        warnings(&expansion),
        [
            "line 16: RDATE \"20240918T100000Z/PT45M\" is a period without VALUE=PERIOD; it is read as a period"
        ]
    );
}

/// §3.8.5.3: the recurrence set is the union of every RRULE (and RDATE), DTSTART once.
#[test]
fn several_rrule_lines_give_the_union_of_their_occurrences() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:union@leadline.test",
        "SUMMARY:Architecture clinic",
        "DTSTART;TZID=Europe/Berlin:20260105T100000",
        "DTEND;TZID=Europe/Berlin:20260105T110000",
        "RRULE:FREQ=WEEKLY;COUNT=2",
        "RRULE:FREQ=DAILY;INTERVAL=10;COUNT=2",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    // Berlin is UTC+1 in January: 10:00 local is 09:00Z.
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05T09:00:00Z 2026-01-05T10:00:00Z 60 Architecture clinic",
            "2026-01-12T09:00:00Z 2026-01-12T10:00:00Z 60 Architecture clinic",
            "2026-01-15T09:00:00Z 2026-01-15T10:00:00Z 60 Architecture clinic",
        ]
    );
    assert_eq!(warnings(&expansion), Vec::<String>::new());
}

/// §3.8.4.4: `RANGE=THISANDFUTURE` changes that occurrence and every later one: moved by the
/// same shift, with the change's length and title. A later change to one occurrence still
/// replaces just that one, and every occurrence keeps its original key.
#[test]
fn a_change_this_and_future_moves_every_later_occurrence() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:range@leadline.test",
        "SUMMARY:Daily sync",
        "DTSTART:20260105T090000Z",
        "DTEND:20260105T100000Z",
        "RRULE:FREQ=DAILY;COUNT=6",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:range@leadline.test",
        "RECURRENCE-ID;RANGE=THISANDFUTURE:20260107T090000Z",
        "SUMMARY:Daily sync (afternoon)",
        "DTSTART:20260107T140000Z",
        "DTEND:20260107T143000Z",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:range@leadline.test",
        "RECURRENCE-ID:20260109T090000Z",
        "SUMMARY:Daily sync (moved once)",
        "DTSTART:20260109T160000Z",
        "DTEND:20260109T170000Z",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05T09:00:00Z 2026-01-05T10:00:00Z 60 Daily sync",
            "2026-01-06T09:00:00Z 2026-01-06T10:00:00Z 60 Daily sync",
            "2026-01-07T14:00:00Z 2026-01-07T14:30:00Z 30 Daily sync (afternoon)",
            "2026-01-08T14:00:00Z 2026-01-08T14:30:00Z 30 Daily sync (afternoon)",
            "2026-01-09T16:00:00Z 2026-01-09T17:00:00Z 60 Daily sync (moved once)",
            "2026-01-10T14:00:00Z 2026-01-10T14:30:00Z 30 Daily sync (afternoon)",
        ]
    );
    let keys: Vec<&str> = expansion.occurrences.iter().filter_map(|o| o.recurrence_id.as_deref()).collect();
    assert_eq!(
        keys,
        [
            "20260105T090000Z",
            "20260106T090000Z",
            "20260107T090000Z",
            "20260108T090000Z",
            "20260109T090000Z",
            "20260110T090000Z"
        ]
    );
    assert_eq!(warnings(&expansion), Vec::<String>::new());
}

/// §3.8.7.4: SEQUENCE counts revisions. The same UID twice: the highest SEQUENCE wins, then
/// the latest DTSTAMP, then the first copy; the warning names the copies and why one was kept.
#[test]
fn of_two_copies_of_an_event_the_newest_revision_is_kept() {
    let text = calendar(&[
        "BEGIN:VEVENT", // line 4
        "UID:budget@leadline.test",
        "SEQUENCE:0",
        "DTSTAMP:20251201T080000Z",
        "SUMMARY:Budget review",
        "DTSTART:20260105T090000Z",
        "DTEND:20260105T100000Z",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 12: revised later, though stamped earlier and starting later
        "UID:budget@leadline.test",
        "SEQUENCE:2",
        "DTSTAMP:20251120T080000Z",
        "SUMMARY:Budget review (moved to Tuesday)",
        "DTSTART:20260106T130000Z",
        "DTEND:20260106T140000Z",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 20
        "UID:forecast@leadline.test",
        "DTSTAMP:20251201T080000Z",
        "SUMMARY:Forecast call (old time)",
        "DTSTART:20260107T090000Z",
        "DTEND:20260107T093000Z",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 27
        "UID:forecast@leadline.test",
        "DTSTAMP:20251215T080000Z",
        "SUMMARY:Forecast call",
        "DTSTART:20260107T150000Z",
        "DTEND:20260107T153000Z",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 34
        "UID:lunch@leadline.test",
        "SUMMARY:Team lunch",
        "DTSTART:20260108T110000Z",
        "DTEND:20260108T120000Z",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 40
        "UID:lunch@leadline.test",
        "SUMMARY:Team lunch",
        "DTSTART:20260108T110000Z",
        "DTEND:20260108T120000Z",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-06T13:00:00Z 2026-01-06T14:00:00Z 60 Budget review (moved to Tuesday)",
            "2026-01-07T15:00:00Z 2026-01-07T15:30:00Z 30 Forecast call",
            "2026-01-08T11:00:00Z 2026-01-08T12:00:00Z 60 Team lunch",
        ]
    );
    assert_eq!(
        warnings(&expansion),
        [
            "line 12: the event \"Budget review (moved to Tuesday)\" (UID budget@leadline.test) is in the file \
             2 times (lines 4, 12); the copy at line 12 is kept and the others are skipped: its SEQUENCE (2) is \
             the highest",
            "line 27: the event \"Forecast call\" (UID forecast@leadline.test) is in the file 2 times (lines 20, \
             27); the copy at line 27 is kept and the others are skipped: it was stamped last (DTSTAMP \
             2025-12-15 08:00:00)",
            "line 34: the event \"Team lunch\" (UID lunch@leadline.test) is in the file 2 times (lines 34, 40); \
             the copy at line 34 is kept and the others are skipped: the copies are the same revision, so the \
             first is kept",
        ]
    );
}

/// §3.8.5.1: an EXDATE written as a date on a timed series excludes the occurrences on that
/// day, on the series' own clock (20:00 in New York is 01:00Z the next day).
#[test]
fn a_date_exdate_excludes_that_day_of_a_timed_series() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:exdate-date@leadline.test",
        "SUMMARY:Evening call with Seattle",
        "DTSTART;TZID=America/New_York:20260105T200000",
        "DURATION:PT1H",
        "RRULE:FREQ=DAILY;COUNT=3",
        "EXDATE;VALUE=DATE:20260106",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-06T01:00:00Z 2026-01-06T02:00:00Z 60 Evening call with Seattle",
            "2026-01-08T01:00:00Z 2026-01-08T02:00:00Z 60 Evening call with Seattle",
        ]
    );
    assert_eq!(warnings(&expansion), Vec::<String>::new());
}

/// Changes to occurrences the series no longer gives (decided in `src/import/series.rs`): an
/// EXDATE wins over a change to the same occurrence; a change after the series' end (UNTIL)
/// is left out; a change to an occurrence the rule does not give, inside the series, stands.
#[test]
fn changes_to_excluded_or_ended_occurrences_are_left_out_and_others_stand() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:standup@leadline.test",
        "SUMMARY:Standup",
        "DTSTART:20260105T090000Z",
        "DURATION:PT15M",
        "RRULE:FREQ=DAILY;COUNT=3",
        "EXDATE:20260106T090000Z",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 12
        "UID:standup@leadline.test",
        "RECURRENCE-ID:20260106T090000Z",
        "SUMMARY:Standup (moved)",
        "DTSTART:20260106T150000Z",
        "DURATION:PT15M",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:pilot@leadline.test",
        "SUMMARY:Pilot check-in",
        "DTSTART:20260105T130000Z",
        "DURATION:PT30M",
        "RRULE:FREQ=DAILY;UNTIL=20260106T235959Z",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 26
        "UID:pilot@leadline.test",
        "RECURRENCE-ID:20260108T130000Z",
        "SUMMARY:Pilot check-in (moved)",
        "DTSTART:20260108T160000Z",
        "DURATION:PT30M",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:review@leadline.test",
        "SUMMARY:Design review",
        "DTSTART:20260105T100000Z",
        "DURATION:PT1H",
        "RRULE:FREQ=DAILY;COUNT=3",
        "END:VEVENT",
        "BEGIN:VEVENT", // a change keyed 09:00 while the series runs at 10:00
        "UID:review@leadline.test",
        "RECURRENCE-ID:20260106T090000Z",
        "SUMMARY:Design review (extra session)",
        "DTSTART:20260106T150000Z",
        "DURATION:PT1H",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05T09:00:00Z 2026-01-05T09:15:00Z 15 Standup",
            "2026-01-05T10:00:00Z 2026-01-05T11:00:00Z 60 Design review",
            "2026-01-05T13:00:00Z 2026-01-05T13:30:00Z 30 Pilot check-in",
            "2026-01-06T10:00:00Z 2026-01-06T11:00:00Z 60 Design review",
            "2026-01-06T13:00:00Z 2026-01-06T13:30:00Z 30 Pilot check-in",
            "2026-01-06T15:00:00Z 2026-01-06T16:00:00Z 60 Design review (extra session)",
            "2026-01-07T09:00:00Z 2026-01-07T09:15:00Z 15 Standup",
            "2026-01-07T10:00:00Z 2026-01-07T11:00:00Z 60 Design review",
        ]
    );
    assert_eq!(
        warnings(&expansion),
        [
            "line 12: the change to the 2026-01-06 occurrence of \"Standup\" is left out: the series excludes \
             that occurrence (EXDATE)",
            "line 26: the change to the 2026-01-08 occurrence of \"Pilot check-in\" is left out: the series \
             ends before it",
        ]
    );
}

/// An empty or unreadable RRULE costs the repeats, not the meeting: DTSTART is an occurrence
/// whatever the rule says (§3.8.5.3), and the warning names the rule's line.
#[test]
fn an_unreadable_rule_keeps_the_first_occurrence_with_a_warning() {
    let text = calendar(&[
        "BEGIN:VEVENT", // line 4
        "UID:empty-rule@leadline.test",
        "SUMMARY:Kick-off",
        "DTSTART:20260105T090000Z",
        "DURATION:PT1H",
        "RRULE:",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 11
        "UID:negative-count@leadline.test",
        "SUMMARY:Quarterly planning",
        "DTSTART:20260106T090000Z",
        "DURATION:PT2H",
        "RRULE:FREQ=WEEKLY;COUNT=-1",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05T09:00:00Z 2026-01-05T10:00:00Z 60 Kick-off",
            "2026-01-06T09:00:00Z 2026-01-06T11:00:00Z 120 Quarterly planning",
        ]
    );
    assert_eq!(
        warnings(&expansion),
        [
            "line 9: the repeat rule \"\" of the event \"Kick-off\" (line 4) cannot be read (it is empty); the \
             repeats it describes are left out and only its first occurrence is imported",
            "line 16: the repeat rule \"FREQ=WEEKLY;COUNT=-1\" of the event \"Quarterly planning\" (line 11) \
             cannot be read (COUNT=-1 is not a whole number from 1 to 4294967295); the repeats it describes are \
             left out and only its first occurrence is imported",
        ]
    );
}

/// VALUE=DATE on a value that is plainly a date and time: read as what it is, and said.
#[test]
fn a_date_time_marked_as_a_date_is_read_as_the_date_time() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:value-date@leadline.test",
        "SUMMARY:Partner briefing",
        "DTSTART;VALUE=DATE:20260105T140000Z",
        "DTEND;VALUE=DATE:20260105T153000Z",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(rows(&expansion), ["2026-01-05T14:00:00Z 2026-01-05T15:30:00Z 90 Partner briefing"]);
    assert_eq!(
        warnings(&expansion),
        [
            "line 7: DTSTART says VALUE=DATE, but \"20260105T140000Z\" is a date and time; it is read as the \
             date and time",
            "line 8: DTEND says VALUE=DATE, but \"20260105T153000Z\" is a date and time; it is read as the date \
             and time",
        ]
    );
}

/// Google writes the RECURRENCE-ID of an all-day occurrence as midnight UTC; with the
/// calendar on New York's clock that instant is the evening before. The change still
/// replaces the day it names, so no day appears twice.
#[test]
fn an_all_day_change_matches_its_day_whatever_the_calendars_zone() {
    let text = file(&[
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "X-WR-TIMEZONE:America/New_York",
        "BEGIN:VEVENT",
        "UID:offsite@leadline.test",
        "SUMMARY:Offsite",
        "DTSTART;VALUE=DATE:20260105",
        "DTEND;VALUE=DATE:20260106",
        "RRULE:FREQ=DAILY;COUNT=3",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:offsite@leadline.test",
        "RECURRENCE-ID:20260106T000000Z",
        "SUMMARY:Offsite (day 2 in the lab)",
        "DTSTART;VALUE=DATE:20260106",
        "DTEND;VALUE=DATE:20260107",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05 2026-01-06 1440 Offsite",
            "2026-01-06 2026-01-07 1440 Offsite (day 2 in the lab)",
            "2026-01-07 2026-01-08 1440 Offsite",
        ]
    );
    assert_eq!(expansion.occurrences[1].recurrence_id.as_deref(), Some("20260106"));
    assert_eq!(warnings(&expansion), Vec::<String>::new());
}

/// Zone names, values read tolerantly, readings already right, and how files are framed.
#[path = "ics_rfc5545/reading.rs"]
mod reading;
