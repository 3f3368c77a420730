//! Bad and unusual calendars: each is refused with a message naming the problem, or imported
//! with a visible warning saying what was assumed. Nothing panics, whatever the bytes.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use chrono_tz::Tz;
use leadline::import::preview::{Inputs, Preview};
use leadline::import::rules::{People, SetAside, Verdict, default_rules};
use leadline::import::zones::Zone;
use leadline::import::{self, Calendar, IcsError, Moment, Window};
use proptest::prelude::*;

fn own(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics").join(name))
        .expect("fixture")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn quarter() -> Window {
    Window { from: day(2026, 10, 1), to: day(2027, 1, 1), zone: Zone::Iana(Tz::Europe__Berlin) }
}

#[test]
fn files_that_are_not_calendars_are_refused_with_what_was_found() {
    for (bytes, expected) in [
        (&b""[..], "the file is empty"),
        (b"Subject,Start Date\nLunch,2026-11-23\n", "line 1 reads \"Subject,Start Date\""),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "but a calendar starts with BEGIN:VCALENDAR"),
        (b"BEGIN:VCARD\nFN:Ana\nEND:VCARD\n", "line 1 reads \"BEGIN:VCARD\""),
    ] {
        let error = import::read(bytes, &quarter()).expect_err("refused");
        assert!(matches!(error, IcsError::NotACalendar(_)), "{error:?}");
        assert!(error.to_string().contains(expected), "{error}");
    }
}

#[test]
fn an_unknown_time_zone_is_imported_as_written_with_a_warning_stating_the_assumption() {
    let expansion = import::read(&own("unknown_tzid.ics"), &quarter()).expect("reads");
    let [call] = expansion.occurrences.as_slice() else { panic!("{:?}", expansion.occurrences) };
    // Never shifted: 15:00 as written, with no zone attached.
    assert_eq!(call.start, Moment::Floating(day(2026, 11, 24).and_hms_opt(15, 0, 0).expect("valid")));
    assert_eq!(call.duration_minutes, 60);
    let [warning] = expansion.warnings.as_slice() else { panic!("{:?}", expansion.warnings) };
    assert_eq!(warning.line, Some(7));
    assert!(warning.message.contains("unknown time zone \"Mars/Olympus_Mons\""), "{warning}");
    assert!(warning.message.contains("as written"), "{warning}");
}

#[test]
fn an_event_with_no_start_is_left_out_with_a_warning_and_the_rest_imports() {
    let expansion = import::read(&own("event_without_start.ics"), &quarter()).expect("reads");
    let summaries: Vec<&str> = expansion.occurrences.iter().map(|o| o.summary.as_str()).collect();
    assert_eq!(summaries, ["Forecast call"]);
    let [warning] = expansion.warnings.as_slice() else { panic!("{:?}", expansion.warnings) };
    assert_eq!(
        warning.to_string(),
        "line 4: the event \"Pipeline review\" has no start (DTSTART) and was left out"
    );
}

#[test]
fn recurrences_without_an_end_are_bounded_by_the_range_and_runaway_rules_by_a_cap() {
    let expansion = import::read(&own("endless_recurrences.ics"), &quarter()).expect("reads");
    let standups = expansion.occurrences.iter().filter(|o| o.summary == "Standup").count();
    assert_eq!(standups, 92, "every day of the quarter, from a series that began in 2015");
    let runaway = expansion.occurrences.iter().filter(|o| o.summary == "Runaway reminder").count();
    assert_eq!(runaway, 20_000);
    let warning = expansion.warnings.iter().find(|w| w.message.contains("Runaway reminder")).expect("warned");
    assert!(warning.message.contains("only the first 20000"), "{warning}");
}

#[test]
fn a_custom_outlook_zone_a_moved_meeting_and_a_declined_invitation() {
    let window =
        Window { from: day(2026, 10, 1), to: day(2026, 12, 1), zone: Zone::Iana(Tz::Europe__Berlin) };
    let expansion = import::read(&own("custom_outlook_zone_declined_and_moved.ics"), &window).expect("reads");
    let team: Vec<(String, Option<&str>)> = expansion
        .occurrences
        .iter()
        .filter(|o| o.summary.starts_with("Team meeting"))
        .map(|o| (o.start.to_string(), o.recurrence_id.as_deref()))
        .collect();
    assert_eq!(
        team,
        [
            ("2026-10-19T08:00:00Z".to_owned(), Some("20261019T080000Z")), // summer time, +02:00
            ("2026-10-26T09:00:00Z".to_owned(), Some("20261026T090000Z")), // winter time, +01:00
            ("2026-11-03T13:00:00Z".to_owned(), Some("20261102T090000Z")), // moved to Tuesday 14:00
            ("2026-11-09T09:00:00Z".to_owned(), Some("20261109T090000Z")),
        ]
    );
    let rules = default_rules();
    let people =
        People::new(&["me@contoso.com".into()], &["ana@contoso.com".into()], &["contoso.com".into()]);
    let preview = Preview::build(
        expansion,
        &window,
        &Inputs {
            rules: &rules,
            people: &people,
            existing: &[],
            by_hand: &std::collections::HashMap::default(),
            choices: &std::collections::HashMap::default(),
            all_day_minutes: 480,
        },
    );
    let pitch = preview.rows.iter().find(|r| r.occurrence.summary == "Vendor pitch").expect("row");
    assert_eq!(pitch.verdict, Verdict::SetAside { reason: SetAside::DeclinedByMe });
    let moved = preview.rows.iter().find(|r| r.occurrence.summary == "Team meeting (moved)").expect("row");
    assert_eq!(moved.category_label(), "coaching");
    assert_eq!(moved.rule_label(), "Meetings with my team");
}

/// A big calendar: 50 MB of events over ten years. It is read (not refused), quickly enough,
/// and only the window's occurrences come out.
#[test]
fn a_50_mb_calendar_is_read_without_trouble() {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Leadline//big test//EN\r\n");
    let mut index = 0u32;
    let first = day(2017, 1, 2);
    let mut date = String::new();
    while text.len() < 50 * 1024 * 1024 {
        // Twenty events a day: the day's text is written once for them.
        if index.is_multiple_of(20) {
            date = (first + chrono::Days::new(u64::from(index / 20))).format("%Y%m%d").to_string();
        }
        let hour = 8 + index % 10;
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:big-{index}@leadline.test\r\nDTSTAMP:20260101T000000Z\r\n\
             SUMMARY:Customer meeting number {index} with a reasonably long title\r\n\
             DTSTART;TZID=Europe/Berlin:{date}T{hour:02}0000\r\nDTEND;TZID=Europe/Berlin:{date}T{hour:02}3000\r\n\
             DESCRIPTION:Agenda: pipeline\\, forecast\\, next steps. Dial-in details follow in the invitation.\r\n\
             END:VEVENT\r\n",
        );
        index += 1;
    }
    text.push_str("END:VCALENDAR\r\n");
    assert!(text.len() >= 50 * 1024 * 1024);
    // How fast is `leadline bench`'s business (its calendar rows), not a clock in a test.
    let expansion = import::read(text.as_bytes(), &quarter()).expect("a big calendar is still a calendar");
    assert!(expansion.warnings.is_empty(), "{:?}", expansion.warnings.first());
    assert_eq!(expansion.occurrences.len(), 92 * 20);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let big = vec![b' '; leadline::import::decode::MAX_BYTES + 1];
    let error = Calendar::parse(&big).expect_err("refused");
    assert!(error.to_string().contains("Leadline reads calendars up to 200 MB"), "{error}");
}

/// Lines a calendar is made of, good and bad, for the property test to shuffle.
const PIECES: &[&str] = &[
    "BEGIN:VCALENDAR",
    "END:VCALENDAR",
    "BEGIN:VEVENT",
    "END:VEVENT",
    "BEGIN:VTIMEZONE",
    "END:VTIMEZONE",
    "BEGIN:STANDARD",
    "END:STANDARD",
    "TZID:Customized Time Zone",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:-075258",
    "DTSTART:16010101T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "UID:a",
    "UID:b",
    "SUMMARY:x\\, y",
    "DTSTART:20261123T090000Z",
    "DTSTART;TZID=Customized Time Zone:20261123T090000",
    "DTSTART;VALUE=DATE:20261123",
    "DTSTART:99991231T235959Z",
    "DTSTART:00010101T000000",
    "DTSTART;TZID=\"W. Europe Standard Time:2020\"",
    "DTEND:20261123T100000Z",
    "DTEND;VALUE=DATE:20261120",
    "DURATION:-P9999999W",
    "DURATION:PT",
    "RRULE:FREQ=SECONDLY",
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "RRULE:FREQ=DAILY;COUNT=4294967295",
    "RRULE:FREQ=WEEKLY;UNTIL=20261201T000000Z;BYDAY=MO,TU",
    "RRULE:FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU",
    "RRULE:FREQ=YEARLY;UNTIL=1",
    "RRULE:",
    "EXDATE:20261124T090000Z,garbage",
    "RDATE;VALUE=DATE:20261125",
    "RECURRENCE-ID:20261124T090000Z",
    "RECURRENCE-ID;VALUE=DATE:2026",
    "STATUS:CANCELLED",
    "TRANSP:TRANSPARENT",
    "ATTENDEE;PARTSTAT=DECLINED:mailto:me@contoso.com",
    "ORGANIZER:",
    " folded",
    "\tfolded",
    "X-WR-TIMEZONE:Europe/Kiev",
    ";;;",
    ":",
    "",
    "\u{FEFF}BEGIN:VCALENDAR",
    "END:",
    "BEGIN:",
];

fn any_window() -> Window {
    Window { from: day(2026, 10, 1), to: day(2027, 1, 1), zone: Zone::Utc }
}

/// Runs a property over `cases` random inputs from a seed that is printed when it fails
/// (`LEADLINE_PROPTEST_SEED=<seed>` replays the same inputs), then shrunk to the smallest input.
fn property<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value)) {
    use proptest::test_runner::{Config, RngSeed, TestRunner};
    let seed =
        std::env::var("LEADLINE_PROPTEST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            use std::hash::{BuildHasher as _, Hasher as _};
            // A new seed each run, from the standard library's per-process random keys.
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write(name.as_bytes());
            hasher.finish()
        });
    let config =
        Config { cases: 256, rng_seed: RngSeed::Fixed(seed), failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new(config);
    if let Err(error) = runner.run(&strategy, |value| {
        test(value);
        Ok(())
    }) {
        panic!("{name} failed with seed {seed} (replay: LEADLINE_PROPTEST_SEED={seed}): {error}");
    }
}

#[test]
fn the_reader_survives_arbitrary_bytes() {
    property(
        "the_reader_survives_arbitrary_bytes",
        proptest::collection::vec(any::<u8>(), 0..2048),
        |bytes| {
            let _ = import::read(&bytes, &any_window());
            let mut framed = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n".to_vec();
            framed.extend_from_slice(&bytes);
            framed.extend_from_slice(b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
            let _ = import::read(&framed, &any_window());
        },
    );
}

#[test]
fn the_reader_survives_shuffled_calendar_lines() {
    property(
        "the_reader_survives_shuffled_calendar_lines",
        proptest::collection::vec(0..PIECES.len(), 0..60),
        |picks| {
            let mut text = String::from("BEGIN:VCALENDAR\r\n");
            for pick in picks {
                text.push_str(PIECES[pick]);
                text.push_str("\r\n");
            }
            let _ = import::read(text.as_bytes(), &any_window());
        },
    );
}
