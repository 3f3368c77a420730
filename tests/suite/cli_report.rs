//! `leadline report prep|history` and `leadline search`, run as the built binary.

use crate::common;

use crate::common::{leadline, leadline_ok, stderr, stdout};

#[test]
fn report_prep_prints_the_weeks_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let sheet = leadline_ok(&db, &["report", "prep", "--week", "2026-W48"]);
    common::check_expected("prep-2026-W48.md", &sheet);
    let this_week = leadline(&db, &["report", "prep"]);
    assert_eq!(stdout(&this_week), sheet, "the week defaults to the current one");
}

#[test]
fn report_prep_writes_a_private_file_with_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let file = dir.path().join("prep.md");
    let output = leadline(&db, &["report", "prep", "--week", "2026-w48", "--out", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("Wrote the prep sheet for 2026-W48 to"), "{}", stderr(&output));
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
        stderr(&output).contains("\"2026-W60\" does not exist: 2026 has only 53 ISO weeks"),
        "{}",
        stderr(&output)
    );
    let output = leadline(&db, &["report", "prep", "--week", "next"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("\"next\" is not an ISO week (expected e.g. 2026-W48)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn report_prep_of_another_week_shows_who_is_due_then() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let text = leadline_ok(&db, &["report", "prep", "--week", "2026-W49"]);
    assert!(text.starts_with("# Prep sheet 2026-W49 (Mon 30 Nov – Sun 6 Dec 2026)"), "{text}");
    assert!(text.contains("## Amara Okafor"), "biweekly: due the week after next\n{text}");
    assert!(text.contains("## Priya Raman"), "met in W48, weekly: due in W49\n{text}");
}

#[test]
fn report_history_finds_the_architect_without_accents_and_says_when_a_name_is_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let text = leadline_ok(&db, &["report", "history", "mateo garcia"]);
    assert!(text.starts_with("# One-on-ones with Mateo García\n"), "{text}");
    assert!(text.contains("## Thu 19 Nov 2026 · energy 2/5"), "{text}");

    let output = leadline(&db, &["report", "history", "lukas"]);
    common::check_expected("history-lukas.md", &stdout(&output));

    let ambiguous = leadline(&db, &["report", "history", "a"]);
    assert!(!ambiguous.status.success());
    assert!(stderr(&ambiguous).contains("could be"), "{}", stderr(&ambiguous));
    let unknown = leadline(&db, &["report", "history", "Zed"]);
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("no architect is called \"Zed\""), "{}", stderr(&unknown));
}

#[test]
fn search_finds_accents_and_never_shows_sql() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::known_db(&dir);
    let text = leadline_ok(&db, &["search", "muller"]);
    assert!(text.contains("Amara Okafor"), "{text}");
    assert!(text.contains("**Müller**"), "{text}");

    let json = leadline(&db, &["search", "northwind", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("valid JSON");
    assert_eq!(document["total"], 2);
    assert_eq!(document["hits"][0]["architect"], "Lukas Schneider");

    for query in ["NEAR(", "\"unbalanced", "a OR b AND NOT c", "col:x ^y"] {
        leadline_ok(&db, &["search", query]);
    }
    let nothing = leadline(&db, &["search", "\"*\""]);
    assert!(!nothing.status.success());
    let message = stderr(&nothing);
    assert!(message.contains("has no letters or digits to search for"), "{message}");
    assert!(!message.to_lowercase().contains("fts5") && !message.to_lowercase().contains("sql"), "{message}");
}

#[test]
fn reports_need_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let output = leadline(&dir.path().join("missing.db"), &["report", "prep"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("there is no database at"), "{}", stderr(&output));
}
