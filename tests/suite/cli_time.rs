//! `leadline time`, run as the built binary: log entries whose totals are known, then check
//! what the summaries print in every format, and that bad input is refused with nothing saved.

use crate::common;

use std::path::Path;

use crate::common::{leadline, leadline_ok, stderr};

/// The cells of a table line, split on runs of two or more spaces.
fn cells(line: &str) -> Vec<String> {
    line.split("  ").map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect()
}

fn line_starting<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines().find(|l| l.starts_with(start)).unwrap_or_else(|| panic!("no line {start:?} in\n{text}"))
}

/// Week 2026-W48: coaching 90 + 150, market 120, business 120 = 8 h at 50/25/25.
/// Also 1 h of coaching in W47 (same quarter) and 10 h of market on 30 September (FY27 Q1).
fn log_known_week(db: &Path) {
    leadline_ok(db, &["team", "add", "--name", "Amara Okafor"]);
    let out = leadline_ok(
        db,
        &[
            "time",
            "add",
            "--date",
            "2026-11-23",
            "--minutes",
            "90",
            "--category",
            "coaching",
            "--note",
            "1:1 with Amara",
            "--architect",
            "amara",
        ],
    );
    assert!(out.starts_with("Logged 1 h 30 min of Coaching on Mon 2026-11-23 with Amara Okafor"), "{out}");
    leadline_ok(
        db,
        &["time", "add", "--date", "2026-11-24", "--duration", "2h30", "--category", "1", "--note", "Hiring"],
    );
    leadline_ok(
        db,
        &[
            "time",
            "add",
            "--date",
            "2026-11-24",
            "--duration",
            "2h",
            "--category",
            "market",
            "--start",
            "09:00",
        ],
    );
    let out = leadline_ok(
        db,
        &["time", "add", "--date", "2026-11-27", "--minutes", "120", "--category", "business"],
    );
    assert!(
        out.contains(
            "Week 2026-W48 so far: 8.0 h; Coaching 50 %, Market building 25 %, Business management 25 %"
        ),
        "{out}"
    );
    leadline_ok(db, &["time", "add", "--date", "2026-11-16", "--duration", "1h", "--category", "Coaching"]);
    leadline_ok(
        db,
        &["time", "add", "--date", "2026-09-30", "--duration", "10h", "--category", "Market building"],
    );
}

#[test]
fn a_week_summary_prints_known_totals_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::db_in(&dir);
    log_known_week(&db);
    let table = leadline_ok(&db, &["time", "summary", "--week", "2026-W48"]);
    assert!(
        table.starts_with(
            "Week 2026-W48 (Mon 23 Nov – Sun 29 Nov 2026): 8.0 h logged, against the FY27 Q2 targets \
             (50 / 30 / 20, ±5 points)"
        ),
        "{table}"
    );
    assert_eq!(
        cells(line_starting(&table, "CATEGORY")),
        ["CATEGORY", "HOURS", "SHARE", "TARGET", "DRIFT", "STATUS"]
    );
    assert_eq!(
        cells(line_starting(&table, "Coaching")),
        ["Coaching", "4.0 h", "50 %", "50 %", "+0", "on track"]
    );
    assert_eq!(
        cells(line_starting(&table, "Market building")),
        ["Market building", "2.0 h", "25 %", "30 %", "-5", "on track"]
    );
    assert_eq!(
        cells(line_starting(&table, "Business management")),
        ["Business management", "2.0 h", "25 %", "20 %", "+5", "on track"]
    );
    assert_eq!(cells(line_starting(&table, "Total")), ["Total", "8.0 h"]);
    assert!(table.contains("\nOn target: every category within ±5 points\n"), "{table}");
}

#[test]
fn a_quarter_summary_counts_each_entry_in_the_quarter_of_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::db_in(&dir);
    log_known_week(&db);
    let table = leadline_ok(&db, &["time", "summary", "--quarter", "FY27Q2"]);
    assert!(table.starts_with("FY27 Q2 (Oct – Dec 2026): 9.0 h logged"), "{table}");
    assert_eq!(cells(line_starting(&table, "Coaching")), ["Coaching", "5.0 h", "56 %", "50 %", "+6", "over"]);
    assert_eq!(
        cells(line_starting(&table, "Market building")),
        ["Market building", "2.0 h", "22 %", "30 %", "-8", "under"]
    );
    // 30 % of 9 h is 2 h 42 min: 42 minutes short, said roughly.
    assert!(
        table.contains("Market building 22 % vs 30 % target: about 40 min short this quarter"),
        "{table}"
    );
    assert!(table.contains("Rest of the quarter (5 weeks at about"), "{table}");
    assert_eq!(cells(line_starting(&table, "2026-W47")), ["2026-W47", "1.0 h", "100 %", "0 %", "0 %"]);
    assert_eq!(cells(line_starting(&table, "2026-W49")), ["2026-W49", "0.0 h", "-", "-", "-"]);

    let q1 = leadline_ok(&db, &["time", "summary", "--quarter", "FY27 Q1", "--format", "json"]);
    let q1: serde_json::Value = serde_json::from_str(&q1).unwrap();
    assert_eq!(q1["total_minutes"], 600);
    assert_eq!(q1["categories"][1]["share_pct"], 100.0);
}

#[test]
fn csv_and_json_carry_the_same_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::db_in(&dir);
    log_known_week(&db);
    let csv = leadline_ok(&db, &["time", "summary", "--week", "2026-W48", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        [
            "period,category,minutes,hours,share_pct,target_pct,drift_points,status",
            "2026-W48,coaching,240,4.0,50.0,50,0.0,on_track",
            "2026-W48,market,120,2.0,25.0,30,-5.0,on_track",
            "2026-W48,business,120,2.0,25.0,20,5.0,on_track",
            "2026-W48,total,480,8.0,100.0,100,,",
        ]
    );
    let json = leadline_ok(&db, &["time", "summary", "--quarter", "fy27 q2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(json["kind"], "quarter");
    assert_eq!(json["period"], "FY27 Q2");
    assert_eq!(json["first_day"], "2026-10-01");
    assert_eq!(json["last_day"], "2026-12-31");
    assert_eq!(json["total_minutes"], 540);
    assert_eq!(json["targets"]["coaching_pct"], 50);
    let coaching = &json["categories"][0];
    assert_eq!(coaching["category"], "coaching");
    assert_eq!(coaching["minutes"], 300);
    assert_eq!(coaching["share_pct"], 55.6);
    assert_eq!(coaching["drift_points"], 5.6);
    assert_eq!(coaching["status"], "over");
    assert_eq!(json["drift"], "Market building 22 % vs 30 % target: about 40 min short this quarter");
}

#[test]
fn an_empty_week_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::db_in(&dir);
    log_known_week(&db);
    let table = leadline_ok(&db, &["time", "summary", "--week", "2026-W30"]);
    assert!(table.contains("0.0 h logged"), "{table}");
    assert!(table.contains("Nothing logged this week yet"), "{table}");
    assert_eq!(cells(line_starting(&table, "Coaching")), ["Coaching", "0.0 h", "0 %", "50 %", "no data"]);
    // Without --week or --quarter: this week.
    let this_week = leadline_ok(&db, &["time", "summary", "--format", "json"]);
    assert!(this_week.contains("\"period\": \"2026-W48\""), "{this_week}");
}

#[test]
fn bad_input_is_refused_naming_the_value_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::db_in(&dir);
    log_known_week(&db);
    let total = |db: &Path| {
        let json = leadline_ok(db, &["time", "summary", "--week", "2026-W48", "--format", "json"]);
        serde_json::from_str::<serde_json::Value>(&json).unwrap()["total_minutes"].as_u64().unwrap()
    };
    let before = total(&db);
    let cases: &[(&[&str], &str)] = &[
        (
            &["--minutes", "30", "--category", "hiring"],
            "\"hiring\" is not a category (expected coaching, market or business, or 1, 2 or 3)",
        ),
        (
            &["--minutes", "0", "--category", "coaching"],
            "minutes: 0 is too short: a time entry needs at least 1 minute",
        ),
        (&["--minutes", "-30", "--category", "coaching"], "minutes: -30 is negative"),
        (
            &["--minutes", "1h30", "--category", "coaching"],
            "minutes: \"1h30\" is not a whole number of minutes (for 1h30 or 1.5h use --duration)",
        ),
        (
            &["--duration", "abc", "--category", "coaching"],
            "duration: \"abc\" is not a duration (expected e.g. 90, 1h30, 1.5h or 0:45)",
        ),
        (
            &["--duration", "25h", "--category", "coaching"],
            "duration: \"25h\" is more than 24 h (1440 min), the length of a day",
        ),
        (
            &["--date", "2026-02-30", "--minutes", "30", "--category", "coaching"],
            "date: 2026-02-30 is not a day in the calendar",
        ),
        (
            &["--date", "2026-11-24", "--duration", "20h", "--category", "coaching"],
            "minutes: 20 h on 2026-11-24 would make 24 h 30 min that day (4 h 30 min already logged); a day has only 24 h",
        ),
        (
            &["--minutes", "30", "--category", "coaching", "--architect", "Zed"],
            "architect: nobody on the team is called “Zed”",
        ),
        (
            &["--minutes", "30", "--category", "coaching", "--start", "25:00"],
            "start: \"25:00\" is not a time of day (00:00 to 23:59)",
        ),
    ];
    for (args, message) in cases {
        let mut full = vec!["time", "add"];
        if !args.contains(&"--date") {
            full.extend_from_slice(&["--date", "2026-11-24"]);
        }
        full.extend_from_slice(args);
        let output = leadline(&db, &full);
        assert!(!output.status.success(), "{args:?} should fail");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
    }
    // One of --minutes and --duration is needed.
    let output = leadline(&db, &["time", "add", "--category", "coaching"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("--minutes"), "{}", stderr(&output));
    assert_eq!(total(&db), before, "nothing was saved");
}

#[test]
fn a_start_time_is_read_the_way_the_app_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::db_in(&dir);
    for start in ["930", "2pm"] {
        let args =
            ["time", "add", "--date", "2026-11-24", "--minutes", "30", "--category", "1", "--start", start];
        leadline_ok(&db, &args);
    }
    let store = common::read_db(&db);
    let day = common::day(2026, 11, 24);
    let starts: Vec<String> = leadline::store::time::list_between(store.conn(), day, day)
        .unwrap()
        .iter()
        .map(|e| e.fields.start_time.map(|t| t.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(starts, ["09:30:00", "14:00:00"]);
}

#[test]
fn bad_week_and_quarter_labels_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::db_in(&dir);
    log_known_week(&db);
    for (args, message) in [
        (["--quarter", "FY27Q5"], "\"FY27Q5\" is not a fiscal quarter (expected e.g. FY27 Q2)"),
        (["--quarter", "Q2"], "\"Q2\" is not a fiscal quarter"),
        (["--week", "2027-W53"], "\"2027-W53\" does not exist: 2027 has only 52 ISO weeks"),
        (["--week", "48"], "\"48\" is not an ISO week (expected e.g. 2026-W48)"),
    ] {
        let mut full = vec!["time", "summary"];
        full.extend_from_slice(&args);
        let output = leadline(&db, &full);
        assert!(!output.status.success(), "{args:?} should fail");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
    }
    let both = leadline(&db, &["time", "summary", "--week", "2026-W48", "--quarter", "FY27Q2"]);
    assert!(!both.status.success(), "a week or a quarter, not both");
}

#[test]
fn a_summary_never_creates_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let output = leadline(&db, &["time", "summary"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("there is no database at"), "{}", stderr(&output));
    assert!(!db.exists());
}
