//! The command line, run as the built binary.

use crate::common;

use std::process::Command;

use crate::common::{leadline, leadline_ok, stderr, stdout};

#[test]
fn demo_then_check_then_list_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db");

    let demo = leadline_ok(&db, &["demo"]);
    assert!(demo.contains("10 architects"), "{demo}");

    let report = leadline_ok(&db, &["check"]);
    assert!(report.contains("Integrity:      ok"), "{report}");
    assert!(report.contains("Foreign keys:   ok"), "{report}");
    assert!(report.contains("architects                 10"), "{report}");

    let list = leadline_ok(&db, &["team", "list", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&list).expect("valid JSON");
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 9, "the current team: Grace, who left, is not listed");
    let amara = rows.iter().find(|r| r["name"] == "Amara Okafor").expect("Amara listed");
    assert_eq!(amara["level"], "Principal Solution Architect");
    assert_eq!(amara["solution_area"], "Data & AI");
    assert_eq!(amara["cadence"], "biweekly");
    assert_eq!(amara["accounts"], serde_json::json!(["Woodgrove Bank", "Fabrikam Insurance"]));

    let all = leadline(&db, &["team", "list", "--format", "csv", "--all"]);
    let csv = stdout(&all);
    assert_eq!(csv.lines().count(), 11, "header and ten architects:\n{csv}");
    assert!(csv.lines().next().unwrap().starts_with("id,name,title"));
    assert!(csv.contains("Grace Mensah"));

    // A check report, backups and search hits have no CSV form: asking for one is refused.
    for args in [
        &["check", "--format", "csv"][..],
        &["backups", "--format", "csv"],
        &["search", "x", "--format", "csv"],
    ] {
        let refused = leadline(&db, args);
        assert!(!refused.status.success(), "{args:?}");
        let err = stderr(&refused);
        assert!(
            err.contains("invalid value 'csv'") && err.contains("[possible values: table, json]"),
            "{err}"
        );
    }
}

#[test]
fn team_add_validates_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("add.db");

    let empty = leadline(&db, &["team", "add", "--name", "   "]);
    assert!(!empty.status.success());
    assert_eq!(stderr(&empty).trim(), "error: name: must not be empty");

    let bad_date = leadline(&db, &["team", "add", "--name", "Ana", "--start", "2026-02-30"]);
    assert!(!bad_date.status.success());
    assert!(stderr(&bad_date).contains("2026-02-30 is not a day in the calendar"), "{}", stderr(&bad_date));

    let bad_level = leadline(&db, &["team", "add", "--name", "Ana", "--level", "Wizard"]);
    assert!(!bad_level.status.success());
    assert!(stderr(&bad_level).contains("unknown level \"Wizard\""), "{}", stderr(&bad_level));

    let added = leadline_ok(
        &db,
        &[
            "team",
            "add",
            "--name",
            "Ana López",
            "--level",
            "senior solution architect",
            "--area",
            "Security",
            "--start",
            "2025-03-01",
            "--cadence",
            "biweekly",
            "--accounts",
            "Contoso, Fabrikam",
        ],
    );
    assert!(added.starts_with("Added Ana López"));

    let list = leadline(&db, &["team", "list", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1, "only the valid add was saved");
    let ana = &rows[0];
    assert_eq!(ana["name"], "Ana López");
    assert_eq!(ana["level"], "Senior Solution Architect");
    assert_eq!(ana["target_role"], "Principal Solution Architect", "next level on the ladder");
    assert_eq!(ana["started_on"], "2025-03-01");
    assert_eq!(ana["accounts"], serde_json::json!(["Contoso", "Fabrikam"]));

    let table = stdout(&leadline(&db, &["team", "list"]));
    assert!(table.starts_with("NAME"), "{table}");
    assert!(table.contains("Ana López  Senior Solution Architect"), "{table}");
}

#[test]
fn check_fails_on_a_file_that_is_not_a_database_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("photo.db");
    std::fs::write(&db, [0xFF_u8, 0xD8, 0xFF, 0xE0].repeat(100)).unwrap();
    let check = leadline(&db, &["check"]);
    assert!(!check.status.success());
    assert!(stderr(&check).contains("is not a Leadline database"), "{}", stderr(&check));
    assert_eq!(std::fs::read(&db).unwrap(), [0xFF_u8, 0xD8, 0xFF, 0xE0].repeat(100));
}

#[test]
fn reading_commands_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    let list = leadline(&db, &["team", "list"]);
    assert!(!list.status.success());
    assert!(stderr(&list).contains("there is no database at"), "{}", stderr(&list));
    assert!(!db.exists());
}

#[test]
fn check_reports_a_newer_schema_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let check = leadline(&db, &["check"]);
    assert!(!check.status.success());
    assert!(stderr(&check).contains("written by a newer Leadline"), "{}", stderr(&check));
}

#[test]
fn help_lists_the_commands() {
    let output = Command::new(env!("CARGO_BIN_EXE_leadline")).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = stdout(&output);
    for command in ["demo", "check", "team", "--db"] {
        assert!(help.contains(command), "{command} missing from:\n{help}");
    }
}
