//! Backups, restore, export and import from the command line, run as the built binary.

use std::path::Path;
use std::process::Output;
use std::sync::OnceLock;

use crate::common::{self, leadline, leadline_ok, stderr, stdout};

#[test]
fn export_import_export_round_trip_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    leadline_ok(&a, &["demo"]);
    let first = dir.path().join("first.json");
    leadline_ok(&a, &["export", "json", "--out", first.to_str().unwrap()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&first).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "an export is readable by its owner only");
    }
    let import = leadline_ok(&b, &["import", "json", first.to_str().unwrap()]);
    assert!(import.contains("Imported"), "{import}");
    // A backup was taken before the import wrote anything: it holds the data from before.
    let backups: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&b, &["backups", "--format", "json"]))).unwrap();
    let before = backups
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["reason"] == "pre-import")
        .expect("a pre-import backup");
    let copy = rusqlite::Connection::open(before["path"].as_str().unwrap()).unwrap();
    let people: i64 = copy.query_row("SELECT count(*) FROM architects", [], |r| r.get(0)).unwrap();
    assert_eq!(people, 0, "the backup is of the database before the import");
    let second = leadline(&b, &["export", "json"]);
    assert_eq!(stdout(&second), std::fs::read_to_string(&first).unwrap());
    let document: serde_json::Value = serde_json::from_str(&stdout(&second)).unwrap();
    assert_eq!(document["format"], "leadline-export");
    assert_eq!(document["version"], 1);
    assert_eq!(document["tables"]["architects"].as_array().unwrap().len(), 10);
}

/// The small demo team as `leadline export json` writes it, made by the binary once per test
/// run (a `leadline demo` and an export in each of these tests was most of their time).
fn demo_export() -> &'static serde_json::Value {
    static EXPORT: OnceLock<serde_json::Value> = OnceLock::new();
    EXPORT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("source.db");
        leadline_ok(&source, &["demo"]);
        serde_json::from_str(&stdout(&leadline(&source, &["export", "json"]))).unwrap()
    })
}

/// Writes a demo export with one change made by `edit`, and tries to import it.
fn import_edited(
    edit: impl FnOnce(&mut serde_json::Value),
) -> (Output, std::path::PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut document = demo_export().clone();
    edit(&mut document);
    let file = dir.path().join("edited.json");
    std::fs::write(&file, serde_json::to_string(&document).unwrap()).unwrap();
    let target = dir.path().join("target.db");
    let output = leadline(&target, &["import", "json", file.to_str().unwrap()]);
    (output, target, dir)
}

/// The import was refused with `expected`, and the database it was to create does not exist:
/// no empty new file (nor its lock, journal or backups folder) is left behind.
fn assert_refused_and_empty(output: &Output, target: &Path, expected: &str) {
    assert_eq!(output.status.code(), Some(1), "refused: {}", stderr(output));
    assert!(stderr(output).contains(expected), "expected {expected:?} in: {}", stderr(output));
    assert!(stderr(output).contains("nothing was changed"), "{}", stderr(output));
    let folder = target.parent().unwrap();
    let mut left: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["edited.json"], "{}", folder.display());
}

#[test]
fn an_import_with_an_unknown_field_is_refused_naming_the_record() {
    let (output, target, _dir) = import_edited(|d| {
        d["tables"]["architects"][1]["nickname"] = serde_json::json!("Ama");
    });
    assert_refused_and_empty(&output, &target, "architects record #2 (id 2): unknown field \"nickname\"");
}

/// A refused import into a folder that did not exist takes the folders it made away again.
#[test]
fn a_refused_import_into_a_new_folder_leaves_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, r#"{"format": "leadline-export", "version": 2, "tables": {}}"#).unwrap();
    let target = dir.path().join("new").join("place").join("leadline.db");
    let output = leadline(&target, &["import", "json", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("nothing was changed"), "{}", stderr(&output));
    assert!(!dir.path().join("new").exists(), "the folders made for the new file are gone");
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
    leadline_ok(&db, &["demo"]);
    let file = dir.path().join("x.json");
    std::fs::write(&file, stdout(&leadline(&db, &["export", "json"]))).unwrap();
    let output = leadline(&db, &["import", "json", file.to_str().unwrap()]);
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("the database is not empty (") && message.contains("architects: 10 rows"),
        "{message}"
    );
}

#[test]
fn backup_backups_and_restore_bring_back_earlier_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.db");
    leadline_ok(&db, &["demo"]);
    leadline_ok(&db, &["backup"]);
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&db, &["backups", "--format", "json"]))).unwrap();
    let backup_path = listed[0]["path"].as_str().unwrap().to_owned();
    assert_eq!(listed[0]["reason"], "manual");

    leadline_ok(&db, &["team", "add", "--name", "After The Backup"]);
    assert!(stdout(&leadline(&db, &["team", "list"])).contains("After The Backup"));

    let restored = leadline_ok(&db, &["restore", &backup_path]);
    assert!(restored.contains("backed up first"), "{restored}");
    assert!(!stdout(&leadline(&db, &["team", "list"])).contains("After The Backup"));

    // The data from before the restore is itself in a backup.
    let listed: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&db, &["backups", "--format", "json"]))).unwrap();
    assert!(listed.as_array().unwrap().iter().any(|b| b["reason"] == "pre-restore"));
}

#[test]
fn roster_csv_export_lists_everyone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("csv.db");
    leadline_ok(&db, &["demo"]);
    let csv = stdout(&leadline(&db, &["export", "csv", "roster"]));
    assert_eq!(csv.lines().count(), 11, "{csv}");
    assert!(csv.contains("Grace Mensah"), "those who left are in the export");
}

#[test]
fn the_command_line_checks_every_page_once_a_day_and_check_always() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);
    let stamp = leadline::store::checked_stamp(&db);
    assert!(!stamp.exists(), "a new file was never checked page by page");

    // The first call checks every page and says so beside the file.
    common::leadline_ok(&db, &["time", "summary", "--quarter", "FY27Q2"]);
    assert!(stamp.exists(), "{} records the passed check", stamp.display());

    // Damage that only a page-by-page check sees: later calls that day do not look for it...
    common::damage_index(&db, "time_entries_one_on_one");
    common::leadline_ok(&db, &["time", "summary", "--quarter", "FY27Q2"]);
    // ...but `leadline check` always does.
    let checked = common::leadline(&db, &["check"]);
    assert!(!checked.status.success(), "check finds the damage: {}", common::stdout(&checked));

    // A day later the next call checks again, refuses the file and forgets the stamp.
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(48);
    std::fs::File::options().write(true).open(&stamp).unwrap().set_modified(two_days_ago).unwrap();
    let refused = common::leadline(&db, &["time", "summary", "--quarter", "FY27Q2"]);
    assert!(!refused.status.success());
    let message = common::stderr(&refused);
    assert!(message.contains("damaged") || message.contains("malformed"), "{message}");
    assert!(!stamp.exists(), "a failed check leaves no stamp");
}

/// A writer killed in the middle of its work (its write-ahead log left beside the file while
/// nobody has it open) makes the next call check every page, however recent the last check.
#[cfg(unix)]
#[test]
fn after_a_writer_was_killed_the_next_call_checks_every_page() {
    use std::io::BufRead as _;
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);
    common::leadline_ok(&db, &["time", "summary", "--quarter", "FY27Q2"]);
    common::damage_index(&db, "time_entries_one_on_one");
    common::leadline_ok(&db, &["time", "summary", "--quarter", "FY27Q2"]);

    let mut writer = std::process::Command::new(env!("CARGO_BIN_EXE_leadline"))
        .arg("--db")
        .arg(&db)
        .args(["write-loop", "100000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(writer.stdout.take().unwrap()).lines();
    // Killed once it has committed a few writes: a handshake, not a sleep.
    for _ in 0..3 {
        lines.next().expect("a committed write").unwrap();
    }
    writer.kill().unwrap();
    writer.wait().unwrap();

    let refused = common::leadline(&db, &["time", "summary", "--quarter", "FY27Q2"]);
    assert!(!refused.status.success(), "the damage was found: {}", common::stdout(&refused));
    let message = common::stderr(&refused);
    assert!(message.contains("damaged") || message.contains("malformed"), "{message}");
}
