//! `leadline report prep|history` and `leadline search`, run as the built binary.

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
fn report_prep_prints_the_weeks_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let output = leadline(&db, &["report", "prep", "--week", "2026-W48"]);
    assert!(output.status.success(), "{}", err(&output));
    common::check_expected("prep-2026-W48.md", &out(&output));
    let this_week = leadline(&db, &["report", "prep"]);
    assert_eq!(out(&this_week), out(&output), "the week defaults to the current one");
}

#[test]
fn report_prep_writes_a_private_file_with_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let file = dir.path().join("prep.md");
    let output = leadline(&db, &["report", "prep", "--week", "2026-w48", "--out", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", err(&output));
    assert!(out(&output).is_empty());
    assert!(err(&output).contains("Wrote the prep sheet for 2026-W48 to"), "{}", err(&output));
    common::check_expected("prep-2026-W48.md", &std::fs::read_to_string(&file).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn report_prep_refuses_a_week_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let output = leadline(&db, &["report", "prep", "--week", "2026-W60"]);
    assert!(!output.status.success());
    assert!(
        err(&output).contains("\"2026-W60\" does not exist: 2026 has only 53 ISO weeks"),
        "{}",
        err(&output)
    );
    let output = leadline(&db, &["report", "prep", "--week", "next"]);
    assert!(!output.status.success());
    assert!(
        err(&output).contains("\"next\" is not an ISO week (expected e.g. 2026-W48)"),
        "{}",
        err(&output)
    );
}

#[test]
fn report_prep_of_another_week_shows_who_is_due_then() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let output = leadline(&db, &["report", "prep", "--week", "2026-W49"]);
    assert!(output.status.success(), "{}", err(&output));
    let text = out(&output);
    assert!(text.starts_with("# Prep sheet 2026-W49 (Mon 30 Nov – Sun 6 Dec 2026)"), "{text}");
    assert!(text.contains("## Amara Okafor"), "biweekly: due the week after next\n{text}");
    assert!(text.contains("## Priya Raman"), "met in W48, weekly: due in W49\n{text}");
}

#[test]
fn report_history_finds_the_architect_without_accents_and_says_when_a_name_is_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let output = leadline(&db, &["report", "history", "mateo garcia"]);
    assert!(output.status.success(), "{}", err(&output));
    let text = out(&output);
    assert!(text.starts_with("# One-on-ones with Mateo García\n"), "{text}");
    assert!(text.contains("## Thu 19 Nov 2026 · energy 2/5"), "{text}");

    let output = leadline(&db, &["report", "history", "lukas"]);
    common::check_expected("history-lukas.md", &out(&output));

    let ambiguous = leadline(&db, &["report", "history", "a"]);
    assert!(!ambiguous.status.success());
    assert!(err(&ambiguous).contains("could be"), "{}", err(&ambiguous));
    let unknown = leadline(&db, &["report", "history", "Zed"]);
    assert!(!unknown.status.success());
    assert!(err(&unknown).contains("no architect is called \"Zed\""), "{}", err(&unknown));
}

#[test]
fn search_finds_accents_and_never_shows_sql() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let output = leadline(&db, &["search", "muller"]);
    assert!(output.status.success(), "{}", err(&output));
    let text = out(&output);
    assert!(text.contains("Amara Okafor"), "{text}");
    assert!(text.contains("**Müller**"), "{text}");

    let json = leadline(&db, &["search", "northwind", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_str(&out(&json)).expect("valid JSON");
    assert_eq!(document["total"], 2);
    assert_eq!(document["hits"][0]["architect"], "Lukas Schneider");

    for query in ["NEAR(", "\"unbalanced", "a OR b AND NOT c", "col:x ^y"] {
        let output = leadline(&db, &["search", query]);
        assert!(output.status.success(), "{query}: {}", err(&output));
    }
    let nothing = leadline(&db, &["search", "\"*\""]);
    assert!(!nothing.status.success());
    let message = err(&nothing);
    assert!(message.contains("has no letters or digits to search for"), "{message}");
    assert!(!message.to_lowercase().contains("fts5") && !message.to_lowercase().contains("sql"), "{message}");
}

#[test]
fn reports_need_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let output = leadline(&dir.path().join("missing.db"), &["report", "prep"]);
    assert!(!output.status.success());
    assert!(err(&output).contains("there is no database at"), "{}", err(&output));
}
