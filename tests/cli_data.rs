//! Backups, restore, export and import from the command line, run as the built binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn leadline(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leadline"))
        .arg("--db")
        .arg(db)
        .args(["--today", "2026-11-28"])
        .args(args)
        .output()
        .expect("run leadline")
}

fn out(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn err(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn export_import_export_round_trip_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    assert!(leadline(&a, &["demo"]).status.success());
    let first = dir.path().join("first.json");
    let export = leadline(&a, &["export", "json", "--out", first.to_str().unwrap()]);
    assert!(export.status.success(), "{}", err(&export));
    let import = leadline(&b, &["import", "json", first.to_str().unwrap()]);
    assert!(import.status.success(), "{}", err(&import));
    assert!(out(&import).contains("Imported"), "{}", out(&import));
    let second = leadline(&b, &["export", "json"]);
    assert_eq!(out(&second), std::fs::read_to_string(&first).unwrap());
    let document: serde_json::Value = serde_json::from_str(&out(&second)).unwrap();
    assert_eq!(document["format"], "leadline-export");
    assert_eq!(document["version"], 1);
    assert_eq!(document["tables"]["architects"].as_array().unwrap().len(), 9);
}

/// Writes a demo export with one change made by `edit`, and tries to import it.
fn import_edited(
    edit: impl FnOnce(&mut serde_json::Value),
) -> (Output, std::path::PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.db");
    assert!(leadline(&source, &["demo"]).status.success());
    let mut document: serde_json::Value =
        serde_json::from_str(&out(&leadline(&source, &["export", "json"]))).unwrap();
    edit(&mut document);
    let file = dir.path().join("edited.json");
    std::fs::write(&file, serde_json::to_string(&document).unwrap()).unwrap();
    let target = dir.path().join("target.db");
    let output = leadline(&target, &["import", "json", file.to_str().unwrap()]);
    (output, target, dir)
}

fn assert_refused_and_empty(output: &Output, target: &Path, expected: &str) {
    assert!(!output.status.success(), "refused");
    assert!(err(output).contains(expected), "expected {expected:?} in: {}", err(output));
    assert!(err(output).contains("nothing was changed"), "{}", err(output));
    let list = leadline(target, &["team", "list", "--all", "--format", "json"]);
    assert_eq!(out(&list).trim(), "[]", "nothing imported");
}

#[test]
fn an_import_with_a_missing_field_is_refused_naming_the_record() {
    let (output, target, _dir) = import_edited(|d| {
        d["tables"]["architects"][2].as_object_mut().unwrap().remove("name");
    });
    assert_refused_and_empty(&output, &target, "architects record #3 (id 3): missing field \"name\"");
}

#[test]
fn an_import_with_a_wrong_type_is_refused_naming_the_record() {
    let (output, target, _dir) = import_edited(|d| {
        d["tables"]["architects"][0]["level_id"] = serde_json::json!("four");
    });
    assert_refused_and_empty(
        &output,
        &target,
        "architects record #1 (id 1): field \"level_id\" should be an integer",
    );
}

#[test]
fn an_import_with_a_dangling_reference_is_refused_naming_the_record() {
    let (output, target, _dir) = import_edited(|d| {
        d["tables"]["architects"][4]["solution_area_id"] = serde_json::json!(999);
    });
    assert_refused_and_empty(
        &output,
        &target,
        "architects record with id 5: field \"solution_area_id\" refers to a solution_areas record",
    );
}

#[test]
fn an_import_from_a_newer_format_is_refused() {
    let (output, target, _dir) = import_edited(|d| d["version"] = serde_json::json!(2));
    assert_refused_and_empty(&output, &target, "format version 2, newer than this Leadline reads");
}

#[test]
fn an_import_with_an_impossible_date_is_refused_naming_the_record() {
    let (output, target, _dir) = import_edited(|d| {
        d["tables"]["architects"][1]["started_on"] = serde_json::json!("2026-02-30");
    });
    assert_refused_and_empty(&output, &target, "architects record #2 (id 2): CHECK constraint failed");
}

#[test]
fn an_import_into_a_database_with_people_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("full.db");
    assert!(leadline(&db, &["demo"]).status.success());
    let file = dir.path().join("x.json");
    std::fs::write(&file, out(&leadline(&db, &["export", "json"]))).unwrap();
    let output = leadline(&db, &["import", "json", file.to_str().unwrap()]);
    assert!(!output.status.success());
    let message = err(&output);
    assert!(
        message.contains("the database is not empty (") && message.contains("architects: 9 rows"),
        "{message}"
    );
}

#[test]
fn backup_backups_and_restore_bring_back_earlier_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.db");
    assert!(leadline(&db, &["demo"]).status.success());
    let taken = leadline(&db, &["backup"]);
    assert!(taken.status.success(), "{}", err(&taken));
    let listed: serde_json::Value =
        serde_json::from_str(&out(&leadline(&db, &["backups", "--format", "json"]))).unwrap();
    let backup_path = listed[0]["path"].as_str().unwrap().to_owned();
    assert_eq!(listed[0]["reason"], "manual");

    assert!(leadline(&db, &["team", "add", "--name", "After The Backup"]).status.success());
    assert!(out(&leadline(&db, &["team", "list"])).contains("After The Backup"));

    let restored = leadline(&db, &["restore", &backup_path]);
    assert!(restored.status.success(), "{}", err(&restored));
    assert!(out(&restored).contains("backed up first"), "{}", out(&restored));
    assert!(!out(&leadline(&db, &["team", "list"])).contains("After The Backup"));

    // The data from before the restore is itself in a backup.
    let listed: serde_json::Value =
        serde_json::from_str(&out(&leadline(&db, &["backups", "--format", "json"]))).unwrap();
    assert!(listed.as_array().unwrap().iter().any(|b| b["reason"] == "pre-restore"));
}

#[test]
fn roster_csv_export_lists_everyone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("csv.db");
    assert!(leadline(&db, &["demo"]).status.success());
    let csv = out(&leadline(&db, &["export", "csv", "roster"]));
    assert_eq!(csv.lines().count(), 10, "{csv}");
    assert!(csv.contains("Grace Mensah"), "those who left are in the export");
}
