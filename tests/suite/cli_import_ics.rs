//! `leadline import ics`, run as the built binary: the preview in its three formats, refusals,
//! and the manager's story of importing a quarter, importing it again, and importing after
//! the calendar changed.

use crate::common;

use std::path::Path;

use crate::common::leadline;
use leadline::session::Command as AppCommand;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics").join(name).display().to_string()
}

#[test]
fn tsv_starts_with_the_fixture_columns_then_category_and_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("none.db");
    let file = fixture("google_weekly_moved_overrides_timed_and_allday.ics");
    let args = [
        "import",
        "ics",
        &file,
        "--from",
        "2000-01-01",
        "--to",
        "2030-12-31",
        "--zone",
        "UTC",
        "--dry-run",
        "--format",
        "tsv",
    ];
    let out = leadline(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!db.exists(), "a dry run without a database creates none");
    let printed = text(&out.stdout);
    let mut lines = printed.lines();
    assert_eq!(
        lines.next(),
        Some("start\tend\tduration_minutes\tsummary\tstatus\ttransp\tcategory\trule\tchange")
    );
    let expected =
        std::fs::read_to_string(fixture("google_weekly_moved_overrides_timed_and_allday.expected.tsv"))
            .expect("read");
    let ours: Vec<String> = lines.map(|l| l.split('\t').take(6).collect::<Vec<_>>().join("\t")).collect();
    let theirs: Vec<String> =
        expected.lines().skip(1).map(|l| l.split('\t').take(6).collect::<Vec<_>>().join("\t")).collect();
    assert_eq!(ours, theirs);
    assert!(printed.contains("\tignore\t(shown as free)\tskip"), "{printed}");
    assert!(printed.contains("\t?\t(unmatched)\tunassigned"), "{printed}");
}

#[test]
fn json_preview_carries_rows_and_warnings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = fixture("outlook_exchange2010_weekly_exdate_multi_windows_tz.ics");
    let out = leadline(
        &dir.path().join("none.db"),
        &[
            "import",
            "ics",
            &file,
            "--from",
            "2020-09-01",
            "--to",
            "2020-09-30",
            "--zone",
            "Europe/Berlin",
            "--dry-run",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["from"], "2020-09-01");
    assert!(json["rows"].as_array().is_some_and(|rows| !rows.is_empty()));
    assert!(json["warnings"][0]["message"].as_str().is_some_and(|m| m.contains("Log Yesterday's Jira time")));
    // The warning is also shown to a person reading the terminal.
    assert!(text(&out.stderr).contains("warning: line 152"), "{}", text(&out.stderr));
}

#[test]
fn a_cut_off_file_is_refused_naming_the_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = common::demo_db(&dir);
    let out = leadline(
        &db,
        &[
            "import",
            "ics",
            &fixture("malformed_apple_ical_truncated.ics"),
            "--from",
            "2000-01-01",
            "--to",
            "2030-12-31",
        ],
    );
    assert!(!out.status.success());
    let message = text(&out.stderr);
    assert!(message.contains("was not imported: line 215: the file ends inside the event"), "{message}");
    assert_eq!(count_entries(&db), 0);
}

#[test]
fn bad_arguments_are_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("none.db");
    let file = fixture("thunderbird_daily_cancelled_override.ics");
    let refused = |args: &[&str], message: &str| {
        let out = leadline(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?} must fail: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(message), "{args:?}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "{args:?} printed a preview: {}", text(&out.stdout));
    };
    refused(
        &["import", "ics", &file, "--zone", "Mars/Base", "--dry-run"],
        "--zone \"Mars/Base\" is not a time zone",
    );
    refused(
        &["import", "ics", &file, "--from", "2026-12-01", "--to", "2026-11-01", "--dry-run"],
        "--to 2026-11-01 is before --from 2026-12-01",
    );
    refused(&["import", "ics", "/no/such/file.ics", "--dry-run"], "cannot read /no/such/file.ics");
    // The same refusals without --dry-run create no database either.
    refused(&["import", "ics", &file, "--zone", "Mars/Base"], "--zone \"Mars/Base\" is not a time zone");
    assert!(!db.exists(), "a refused import created {}", db.display());
}

/// A Monday 09:00 meeting in Berlin, the week of the test day.
const BERLIN_MONDAY: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
     BEGIN:VEVENT\r\nUID:standup@contoso.com\r\nSUMMARY:Forecast call\r\n\
     DTSTART;TZID=Europe/Berlin:20261123T090000\r\nDTEND;TZID=Europe/Berlin:20261123T100000\r\n\
     END:VEVENT\r\nEND:VCALENDAR\r\n";

/// Without `--zone`, days are counted in the computer's zone (here set through `TZ`, as a
/// user's shell would): 08:00 UTC is Sunday 22:00 in Honolulu and Monday 13:30 in Kolkata.
#[test]
fn without_zone_days_are_counted_in_the_computers_zone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ics = dir.path().join("berlin.ics");
    std::fs::write(&ics, BERLIN_MONDAY).expect("write");
    for (tz, expected) in [
        ("Pacific/Honolulu", ("2026-11-22".to_owned(), Some("22:00".to_owned()))),
        ("Asia/Kolkata", ("2026-11-23".to_owned(), Some("13:30".to_owned()))),
        ("Europe/Berlin", ("2026-11-23".to_owned(), Some("09:00".to_owned()))),
    ] {
        let db = dir.path().join(format!("{}.db", tz.replace('/', "-")));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_leadline"))
            .env("TZ", tz)
            .arg("--db")
            .arg(&db)
            .args(["--today", &common::today().to_string(), "import", "ics"])
            .arg(&ics)
            .output()
            .expect("run leadline");
        assert!(out.status.success(), "TZ={tz}: {}", text(&out.stderr));
        let stored: Vec<(String, Option<String>)> = entries(&db).into_iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(stored, [expected], "TZ={tz}");
    }
}

/// Entries of an earlier import whose events are not in this file are removed, unless
/// `--keep-gone` says they came from another calendar.
#[test]
fn keep_gone_keeps_what_another_calendar_brought() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = common::db_in(&dir);
    let work = dir.path().join("work.ics");
    std::fs::write(&work, BERLIN_MONDAY).expect("write");
    let personal = dir.path().join("personal.ics");
    std::fs::write(
        &personal,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:dentist@home\r\nSUMMARY:Partner summit\r\n\
         DTSTART:20261125T120000Z\r\nDTEND:20261125T130000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .expect("write");
    let (work, personal) = (work.display().to_string(), personal.display().to_string());
    let import = |file: &str, extra: &[&str]| {
        let mut args = vec!["import", "ics", file, "--zone", "Europe/Berlin"];
        args.extend_from_slice(extra);
        let out = leadline(&db, &args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        text(&out.stderr)
    };
    import(&work, &[]);
    let summaries = || entries(&db).into_iter().map(|e| e.4).collect::<Vec<_>>();
    assert_eq!(summaries(), ["Forecast call"]);

    let kept = import(&personal, &["--keep-gone"]);
    assert!(kept.contains("1 new, 0 changed, 0 removed"), "{kept}");
    assert_eq!(summaries(), ["Forecast call", "Partner summit"]);

    let removed = import(&personal, &[]);
    assert!(removed.contains("0 new, 0 changed, 1 removed"), "{removed}");
    assert_eq!(summaries(), ["Partner summit"]);
}

fn count_entries(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row("SELECT count(*) FROM time_entries WHERE source = 'calendar'", [], |r| r.get(0))
        .expect("count")
}

fn entries(db: &Path) -> Vec<(String, Option<String>, u32, String, String)> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut statement = conn
        .prepare("SELECT entry_date, start_time, minutes, category, description FROM time_entries WHERE source = 'calendar' ORDER BY entry_date, start_time")
        .expect("prepare");
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn week(moved: bool) -> String {
    let ev = |uid: &str, summary: &str, start: &str, end: &str, extra: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART;TZID=W. Europe Standard Time:{start}\r\n\
             DTEND;TZID=W. Europe Standard Time:{end}\r\n{extra}END:VEVENT\r\n"
        )
    };
    let mut events = vec![
        ev("one", "Amara 1:1", "20261102T090000", "20261102T093000", "RRULE:FREQ=WEEKLY;COUNT=3\r\n"),
        ev("fc", "Forecast call", "20261103T140000", "20261103T150000", ""),
        ev(
            "cust",
            "Contoso x Fabrikam",
            "20261104T100000",
            "20261104T113000",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:cio@fabrikam.com\r\n",
        ),
        ev("dentist", "Dentist", "20261105T080000", "20261105T090000", ""),
    ];
    if moved {
        events[1] = ev("fc", "Forecast call", "20261103T140000", "20261103T150000", "STATUS:CANCELLED\r\n");
        events.push(ev(
            "one",
            "Amara 1:1",
            "20261110T160000",
            "20261110T170000",
            "RECURRENCE-ID;TZID=W. Europe Standard Time:20261109T090000\r\n",
        ));
    }
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}END:VCALENDAR\r\n", events.concat())
}

#[test]
fn importing_a_quarter_twice_never_duplicates_and_changes_follow_the_calendar() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = common::demo_db(&dir);
    {
        common::apply(
            &mut common::session(&db),
            AppCommand::SetCalendarIdentity {
                my_emails: "me@contoso.com".into(),
                company_domains: "contoso.com".into(),
            },
        );
    }
    let ics = dir.path().join("calendar.ics");
    std::fs::write(&ics, week(false)).expect("write");
    let ics = ics.display().to_string();
    // Default range: the current fiscal quarter (FY27 Q2: October to December 2026).
    let first = leadline(&db, &["import", "ics", &ics, "--zone", "Europe/Berlin"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(text(&first.stdout).contains("from 2026-10-01 to 2026-12-31"), "{}", text(&first.stdout));
    assert!(text(&first.stderr).contains("5 new, 0 changed, 0 removed"), "{}", text(&first.stderr));
    assert!(text(&first.stderr).contains("1 occurrences match no rule"), "{}", text(&first.stderr));
    let stored = entries(&db);
    assert_eq!(
        stored[0],
        ("2026-11-02".into(), Some("09:00".into()), 30, "coaching".into(), "Amara 1:1".into())
    );
    assert!(stored.contains(&(
        "2026-11-04".into(),
        Some("10:00".into()),
        90,
        "market".into(),
        "Contoso x Fabrikam".into()
    )));
    assert!(stored.contains(&(
        "2026-11-03".into(),
        Some("14:00".into()),
        60,
        "business".into(),
        "Forecast call".into()
    )));

    let again = leadline(&db, &["import", "ics", &ics, "--zone", "Europe/Berlin"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stderr).contains("0 new, 0 changed, 0 removed, 5 unchanged"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(entries(&db), stored);

    std::fs::write(dir.path().join("calendar.ics"), week(true)).expect("write");
    let preview = leadline(&db, &["import", "ics", &ics, "--zone", "Europe/Berlin", "--dry-run"]);
    let table = text(&preview.stdout);
    assert!(table.contains("Forecast call"), "{table}");
    assert!(table.lines().any(|l| l.contains("Forecast call") && l.ends_with("remove")), "{table}");
    assert!(table.lines().any(|l| l.contains("2026-11-10  16:00") && l.ends_with("changed")), "{table}");
    assert_eq!(entries(&db), stored, "a dry run writes nothing");

    let changed = leadline(&db, &["import", "ics", &ics, "--zone", "Europe/Berlin"]);
    assert!(changed.status.success(), "{}", text(&changed.stderr));
    assert!(text(&changed.stderr).contains("0 new, 1 changed, 1 removed"), "{}", text(&changed.stderr));
    let after = entries(&db);
    assert_eq!(after.len(), 4);
    assert!(!after.iter().any(|e| e.4 == "Forecast call"));
    assert!(after.contains(&(
        "2026-11-10".into(),
        Some("16:00".into()),
        60,
        "coaching".into(),
        "Amara 1:1".into()
    )));
}

#[test]
fn a_day_past_24_hours_is_refused_naming_the_day_and_a_commit_is_backed_up_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = common::db_in(&dir);
    let all_day = |uid: &str, summary: &str| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:20261123\r\n\
             DTEND;VALUE=DATE:20261124\r\nEND:VEVENT\r\n"
        )
    };
    let calendar =
        |events: &[String]| format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}END:VCALENDAR\r\n", events.concat());
    let file = dir.path().join("week.ics");
    let four = [
        all_day("a", "Envisioning workshop"),
        all_day("b", "Partner summit"),
        all_day("c", "Customer workshop"),
        all_day("d", "Hackathon workshop"),
    ];
    std::fs::write(&file, calendar(&four)).expect("write");
    let file_arg = file.display().to_string();
    let args = ["import", "ics", &file_arg, "--zone", "Europe/Berlin"];

    let out = leadline(&db, &args);
    assert!(!out.status.success(), "four 8 h all-day events on one day do not fit");
    let err = text(&out.stderr);
    assert!(err.contains("warning: Mon 23 Nov 2026 would hold 32 h; a day has only 24 h"), "{err}");
    assert!(err.contains("nothing was imported: 1 day would hold more than 24 h"), "{err}");
    let store = common::session(&db);
    assert_eq!(common::count(&store, "time_entries"), 0);
    drop(store);

    std::fs::write(&file, calendar(&four[..2])).expect("write");
    let out = leadline(&db, &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let store = common::session(&db);
    assert_eq!(common::count(&store, "time_entries"), 2);
    let backups = leadline::store::backup::list(&db).expect("list");
    assert!(backups.iter().any(|b| b.reason == "pre-import"), "{backups:?}");
}

#[test]
fn double_booked_meetings_are_named_on_standard_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = common::db_in(&dir);
    let file = dir.path().join("busy.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
         BEGIN:VEVENT\r\nUID:fc\r\nSUMMARY:Forecast call\r\nDTSTART:20261124T140000Z\r\nDTEND:20261124T150000Z\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:ws\r\nSUMMARY:Envisioning workshop\r\nDTSTART:20261124T143000Z\r\nDTEND:20261124T160000Z\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n",
    )
    .expect("write");
    let file_arg = file.display().to_string();
    let out = leadline(&db, &["import", "ics", &file_arg, "--zone", "UTC", "--dry-run"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "warning: double-booked on 2026-11-24: \"Forecast call\" at 14:00 and \"Envisioning workshop\" at 14:30 both count in full"
        ),
        "{err}"
    );
}
