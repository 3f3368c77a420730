//! The bar for correctness: every real calendar export in `tests/fixtures/ics/` expands to
//! the occurrences an independent library found (its `.expected.tsv`), 2000-01-01 to
//! 2031-01-01, except where its README documents that the reference departs from what the
//! calendar's own client shows; there these tests pin Leadline's reading and say why.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use leadline::import::zones::Zone;
use leadline::import::{self, Calendar, IcsError, Moment, Occurrence, Window};

/// The real exports (see NOTICE.md there) and Leadline's own small calendars, side by side.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics")
}

fn own_fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// Calendars written for Leadline's own tests (of bad input, mostly), not real exports.
const OWN: &[&str] = &[
    "broken_rrule_among_good_events",
    "custom_outlook_zone_declined_and_moved",
    "endless_recurrences",
    "event_without_start",
    "unknown_tzid",
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The reference's window, read in UTC.
fn oracle_window() -> Window {
    Window { from: day(2000, 1, 1), to: day(2031, 1, 1), zone: Zone::Utc }
}

fn read(path: &Path) -> Result<import::expand::Expansion, IcsError> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    import::read(&bytes, &oracle_window())
}

fn escape(summary: &str) -> String {
    summary.replace('\\', "\\\\").replace('\t', "\\t").replace('\r', "\\r").replace('\n', "\\n")
}

/// The first six columns as the reference writes them. `wall_clock` writes times as the
/// event's own wall-clock time without a zone (the reference's `floating` rows).
fn row(o: &Occurrence, wall_clock: bool) -> String {
    let time = |m: Moment| match (m, wall_clock) {
        (Moment::Zoned { wall, .. }, true) => wall.format("%Y-%m-%dT%H:%M:%S").to_string(),
        (m, _) => m.to_string(),
    };
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        time(o.start),
        time(o.end),
        o.duration_minutes,
        escape(&o.summary),
        o.status,
        o.transp
    )
}

/// Leadline's rows for a file, sorted and capped as the reference does.
fn rows(occurrences: &[Occurrence], wall_clock: bool) -> Vec<String> {
    let mut rows: Vec<(String, String, String, String)> = occurrences
        .iter()
        .map(|o| {
            let line = row(o, wall_clock);
            let cols: Vec<&str> = line.split('\t').collect();
            (cols[0].to_owned(), cols[3].to_owned(), cols[1].to_owned(), line.clone())
        })
        .collect();
    rows.sort();
    rows.into_iter().take(2000).map(|r| r.3).collect()
}

fn expected(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("readable expectation");
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 7, "{}: {l:?}", path.display());
            (cols[..6].join("\t"), cols[6].to_owned())
        })
        .collect()
}

fn assert_same(file: &str, ours: &[String], theirs: &[String]) {
    let missing: Vec<_> = theirs.iter().filter(|r| !ours.contains(r)).take(5).collect();
    let extra: Vec<_> = ours.iter().filter(|r| !theirs.contains(r)).take(5).collect();
    assert!(
        ours == theirs,
        "{file}: {} rows, expected {}\n  missing: {missing:#?}\n  extra: {extra:#?}",
        ours.len(),
        theirs.len()
    );
}

/// Files whose rows match the reference exactly.
const EXACT: &[&str] = &[
    "apple_ical2_daily_count_exdate_duration",
    "apple_icloud_multiday_allday_daily_vtimezone_last",
    "apple_macos_tentative_cancelled_attendees",
    "google_weekly_moved_overrides_timed_and_allday",
    // Caveat 2: X-WR-TIMEZONE moves a UTC-anchored weekly series to 17:00 Kyiv wall time, so
    // it is 15:00Z in winter. Leadline agrees with the reference: Google Calendar repeats a
    // meeting on the calendar's own clock, and that is what the manager saw.
    "google_xwr_timezone_biweekly_exdate_list_utc_rrule",
    "outlook2007_tab_folded_attendees_allday_transparent",
    "outlook_exchange2010_weekly_exdate_multi_windows_tz",
    "thunderbird_daily_cancelled_override",
    "windows_calendar_utf16le_bom",
];

#[test]
fn every_real_export_is_covered_by_a_test() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("the fixtures folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".ics").map(str::to_owned))
        .filter(|n| !OWN.contains(&n.as_str()))
        .collect();
    names.sort();
    let covered = [
        "malformed_apple_ical_truncated",
        "outlook_exchange2010_allday_biweekly_moved_overrides_gmt",
        "outlook_owa_display_name_tzid_without_vtimezone",
    ];
    for name in &names {
        assert!(EXACT.contains(&name.as_str()) || covered.contains(&name.as_str()), "{name} has no test");
    }
    assert_eq!(names.len(), EXACT.len() + covered.len());
}

#[test]
fn real_exports_expand_to_the_reference_occurrences() {
    for name in EXACT {
        let ics = fixtures().join(format!("{name}.ics"));
        let expansion = read(&ics).unwrap_or_else(|e| panic!("{name}: {e}"));
        let theirs: Vec<String> =
            expected(&fixtures().join(format!("{name}.expected.tsv"))).into_iter().map(|r| r.0).collect();
        assert_same(name, &rows(&expansion.occurrences, false), &theirs);
    }
}

#[test]
fn outlook_all_day_series_keep_their_last_day_as_outlook_shows_it() {
    // Caveat 1: Exchange writes UNTIL=20200916T230000Z, the local midnight (BST) that starts
    // the last day, 17 September. The reference compares it with the UTC date and drops that
    // day (and 24 September for the other bin). Leadline reads UNTIL on the calendar's own
    // clock (its VTIMEZONE, GMT Standard Time), as Outlook does: 26 rows, not 24.
    let name = "outlook_exchange2010_allday_biweekly_moved_overrides_gmt";
    let expansion = read(&fixtures().join(format!("{name}.ics"))).expect("reads");
    let ours = rows(&expansion.occurrences, false);
    let outlook_only = [
        "2020-09-17\t2020-09-18\t1440\tRefuse black bin\tCONFIRMED\tTRANSPARENT".to_owned(),
        "2020-09-24\t2020-09-25\t1440\tBlue Recycle bin\tCONFIRMED\tTRANSPARENT".to_owned(),
    ];
    for row in &outlook_only {
        assert!(ours.contains(row), "{row} missing");
    }
    let theirs: Vec<String> =
        expected(&fixtures().join(format!("{name}.expected.tsv"))).into_iter().map(|r| r.0).collect();
    let rest: Vec<String> = ours.into_iter().filter(|r| !outlook_only.contains(r)).collect();
    assert_same(name, &rest, &theirs);
    // The three moved occurrences replace the ones they move (16 April -> 17 April, ...).
    assert!(!rest.iter().any(|r| r.starts_with("2020-04-16")));
}

#[test]
fn owa_display_name_zones_are_resolved_and_keep_their_wall_clock_times() {
    // Caveat 3: the reference leaves "(UTC-05:00) Eastern Time (US & Canada)" floating.
    // Leadline finds it in CLDR's Windows display names: New York and Sydney. The wall-clock
    // times match the reference's floating rows; the instants are now real.
    let name = "outlook_owa_display_name_tzid_without_vtimezone";
    let expansion = read(&fixtures().join(format!("{name}.ics"))).expect("reads");
    let expected = expected(&fixtures().join(format!("{name}.expected.tsv")));
    assert!(expected.iter().all(|(_, kind)| kind == "floating"));
    let theirs: Vec<String> = expected.into_iter().map(|r| r.0).collect();
    assert_same(name, &rows(&expansion.occurrences, true), &theirs);
    assert!(expansion.warnings.is_empty(), "{:?}", expansion.warnings);
    let instant = |summary: &str| {
        expansion
            .occurrences
            .iter()
            .find(|o| o.summary == summary)
            .map(|o| o.start.to_string())
            .expect("found")
    };
    assert_eq!(instant(" TEST Syd"), "2020-10-28T02:30:00Z"); // Sydney is UTC+11 in October
    assert_eq!(instant(" TEST"), "2020-10-28T17:30:00Z"); // New York is UTC-4 until 1 November
    assert_eq!(instant(" TEST 3"), "2020-11-02T18:30:00Z"); // and UTC-5 after
}

#[test]
fn a_cut_off_file_is_refused_naming_the_line_and_yields_nothing() {
    let error = read(&fixtures().join("malformed_apple_ical_truncated.ics")).expect_err("refused");
    let IcsError::Truncated { line, begin, .. } = &error else { panic!("unexpected {error:?}") };
    let text = std::fs::read_to_string(fixtures().join("malformed_apple_ical_truncated.ics")).expect("read");
    assert_eq!(*line, text.lines().count());
    assert!(begin < line);
    let message = error.to_string();
    assert!(message.starts_with(&format!("line {line}: the file ends inside the event")), "{message}");
    assert!(message.contains("Nothing was imported"), "{message}");
}

#[test]
fn a_broken_series_is_left_out_with_a_warning_naming_it_and_its_line() {
    let expansion =
        read(&fixtures().join("outlook_exchange2010_weekly_exdate_multi_windows_tz.ics")).expect("reads");
    assert!(!expansion.occurrences.iter().any(|o| o.summary == "Log Yesterday's Jira time"));
    let warning = expansion
        .warnings
        .iter()
        .find(|w| w.message.contains("Log Yesterday's Jira time"))
        .unwrap_or_else(|| panic!("no warning in {:?}", expansion.warnings));
    assert_eq!(warning.line, Some(152), "{warning}"); // the DTSTART line
    assert!(warning.message.contains("(line 145)"), "{warning}");
    assert!(warning.to_string().contains("left out"), "{warning}");
}

#[test]
fn a_utf16_file_with_a_byte_order_mark_is_read() {
    let bytes = std::fs::read(fixtures().join("windows_calendar_utf16le_bom.ics")).expect("read");
    assert_eq!(&bytes[..2], &[0xFF, 0xFE]);
    let calendar = Calendar::parse(&bytes).expect("reads");
    assert_eq!(calendar.events.len(), 3);
    assert_eq!(import::read(&bytes, &oracle_window()).expect("reads").occurrences.len(), 10);
}

#[test]
fn own_fixture_one_bad_rule_costs_only_its_repeats() {
    let expansion = read(&own_fixture("broken_rrule_among_good_events.ics")).expect("reads");
    let summaries: Vec<&str> = expansion.occurrences.iter().map(|o| o.summary.as_str()).collect();
    assert_eq!(summaries.iter().filter(|s| **s == "Team standup").count(), 5, "{summaries:?}");
    assert!(summaries.contains(&"Pipeline review"));
    // RFC 5545: DTSTART is the first occurrence whatever the rule says; only the repeats of a
    // rule that cannot be read (FREQ=FORTNIGHTLY) are lost.
    assert_eq!(summaries.iter().filter(|s| **s == "Broken weekly").count(), 1, "{summaries:?}");
    let warning = expansion.warnings.iter().find(|w| w.message.contains("Broken weekly")).expect("warned");
    assert_eq!(warning.line, Some(22), "{warning}"); // the RRULE line
    assert!(warning.message.contains("only its first occurrence is imported"), "{warning}");
}
