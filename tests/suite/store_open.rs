//! Opening database files: new, healthy, damaged, foreign and from the future. Every refusal
//! names the file and leaves it byte-for-byte as it was.

use crate::common;

use std::path::Path;

use leadline::model::{ArchitectFields, Status};
use leadline::session::{Command, Origin};
use leadline::store::{LATEST_VERSION, Store, StoreError, architects, check};

fn fingerprint(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

fn fields(name: &str) -> ArchitectFields {
    ArchitectFields { name: name.into(), ..ArchitectFields::default() }
}

#[test]
fn a_new_database_is_created_with_every_migration_and_the_default_lists() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    let store = common::session(&path);
    let report = check::full_check(store.conn()).unwrap();
    assert!(report.is_ok(), "{report:?}");
    assert_eq!(report.schema_version, LATEST_VERSION);
    let counts: std::collections::HashMap<_, _> = report.row_counts.into_iter().collect();
    assert_eq!(counts["career_levels"], 5);
    assert_eq!(counts["solution_areas"], 6);
    assert_eq!(counts["architects"], 0);
    let journal: String = store.conn().pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(journal, "wal");
    let foreign_keys: i64 = store.conn().pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(foreign_keys, 1);
    let synchronous: i64 = store.conn().pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
    assert_eq!(synchronous, 2, "synchronous=FULL");
}

#[test]
fn reopening_keeps_what_was_saved_and_does_not_migrate_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.db");
    {
        let mut store = common::session(&path);
        store.run(Origin::SCRIPT, Command::AddArchitect(fields("Ana Lopez"))).unwrap();
    }
    let store = common::session(&path);
    let all = architects::list(store.conn()).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].fields.name, "Ana Lopez");
    assert_eq!(
        leadline::store::lists::list(store.conn(), leadline::model::ListKind::CareerLevel).unwrap().len(),
        5
    );
}

#[cfg(unix)]
#[test]
fn a_new_database_in_a_missing_folder_gets_a_private_folder_and_file() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep").join("er").join("leadline.db");
    let store = common::session(&path);
    drop(store);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.path().join("deep")), 0o700);
    assert_eq!(mode(&dir.path().join("deep").join("er")), 0o700);
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "Dear diary, this is not a database. ".repeat(20)).unwrap();
    let before = fingerprint(&path);
    let error = Store::open(&path).err().expect("refused");
    assert!(matches!(error, StoreError::NotADatabase { .. }), "{error}");
    assert!(error.to_string().contains("notes.db"), "names the file: {error}");
    assert_eq!(fingerprint(&path), before);
    assert!(!dir.path().join("notes.db-wal").exists(), "no journal created beside it");
}

#[test]
fn a_truncated_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let bytes = fingerprint(&path);
    assert!(bytes.len() > 8192, "demo database spans several pages");
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let before = fingerprint(&path);
    let error = Store::open(&path).err().expect("refused");
    assert!(error.to_string().contains("truncated"), "{error}");
    assert_eq!(fingerprint(&path), before);
}

#[test]
fn a_database_cut_inside_its_header_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let bytes = fingerprint(&path);
    std::fs::write(&path, &bytes[..60]).unwrap();
    let error = Store::open(&path).err().expect("refused");
    assert!(matches!(error, StoreError::NotADatabase { .. }), "{error}");
    assert_eq!(fingerprint(&path), bytes[..60]);
}

#[test]
fn a_database_with_damaged_pages_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut bytes = fingerprint(&path);
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    // Scribble over the second page (a b-tree page of the schema's tables).
    for byte in &mut bytes[page_size..page_size + 200] {
        *byte = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let error = Store::open(&path).err().expect("refused");
    assert!(matches!(error, StoreError::Corrupt { .. } | StoreError::NotADatabase { .. }), "{error}");
    assert_eq!(fingerprint(&path), bytes);
}

#[test]
fn a_database_from_a_newer_leadline_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 7).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = fingerprint(&path);
    let error = Store::open(&path).err().expect("refused");
    let message = error.to_string();
    assert!(matches!(error, StoreError::TooNew { .. }), "{message}");
    assert!(message.contains("newer Leadline"), "{message}");
    assert!(message.contains(&format!("schema version {}", LATEST_VERSION + 7)), "{message}");
    assert_eq!(fingerprint(&path), before, "byte-for-byte unchanged");
}

#[test]
fn impossible_dates_never_reach_the_table_even_through_raw_sql() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dates.db");
    let mut store = common::session(&path);
    let sql_error = store
        .conn()
        .execute(
            "INSERT INTO architects (name, started_on, created_at, updated_at) VALUES ('X', '2026-02-30', '', '')",
            [],
        )
        .unwrap_err();
    assert!(sql_error.to_string().contains("CHECK"), "{sql_error}");
    let mut bad = fields("Ana");
    bad.started_on = None;
    store.run(Origin::SCRIPT, Command::AddArchitect(bad)).unwrap();
    assert_eq!(architects::list(store.conn()).unwrap().len(), 1);
}

#[test]
fn a_failed_write_rolls_back_the_whole_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("atomic.db");
    let mut store = Store::open(&path).unwrap();
    let result = store.transact(|tx| {
        architects::insert(tx, &fields("First"), common::today())?;
        architects::insert(tx, &fields("   "), common::today())
    });
    let error = result.unwrap_err();
    assert_eq!(error.to_string(), "name: must not be empty");
    assert!(architects::list(store.conn()).unwrap().is_empty(), "the first insert was rolled back too");
}

#[test]
fn text_with_emoji_and_right_to_left_marks_round_trips_exactly_and_nul_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("text.db");
    let mut store = common::session(&path);
    let name = "Zoë 👩🏽‍💻 \u{200F}نور";
    let mut f = fields(name);
    f.aspiration = "Lead 🚀 the \u{202e}reversed\u{202c} practice\nsecond line".into();
    store.run(Origin::SCRIPT, Command::AddArchitect(f.clone())).unwrap();
    let stored = &architects::list(store.conn()).unwrap()[0];
    assert_eq!(stored.fields.name, name);
    assert_eq!(stored.fields.aspiration, f.aspiration);

    let with_nul = fields("Bad\0Name");
    let error = store.run(Origin::SCRIPT, Command::AddArchitect(with_nul)).unwrap_err();
    assert!(error.to_string().contains("NUL"), "{error}");
    assert_eq!(architects::list(store.conn()).unwrap().len(), 1);
}

#[test]
fn an_architect_can_be_deleted_only_when_nothing_refers_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("refs.db");
    let mut store = common::session(&path);
    // A table from a later migration that refers to architects is found through the schema.
    store
        .conn()
        .execute_batch(
            "CREATE TABLE test_references (id INTEGER PRIMARY KEY, architect_id INTEGER NOT NULL REFERENCES architects (id))",
        )
        .unwrap();
    let keep = store.run(Origin::SCRIPT, Command::AddArchitect(fields("Kept"))).unwrap();
    let leadline::session::Done::ArchitectAdded(keep) = keep else { panic!("added") };
    let gone = store.run(Origin::SCRIPT, Command::AddArchitect(fields("Gone"))).unwrap();
    let leadline::session::Done::ArchitectAdded(gone) = gone else { panic!("added") };
    store.conn().execute("INSERT INTO test_references (architect_id) VALUES (?1)", [keep]).unwrap();

    let error = store.run(Origin::SCRIPT, Command::DeleteArchitect(keep)).unwrap_err();
    assert!(error.to_string().contains("1 test references refer to them"), "{error}");
    assert!(error.to_string().contains("Mark them as left"), "{error}");
    store.run(Origin::SCRIPT, Command::DeleteArchitect(gone)).unwrap();
    let names: Vec<_> = architects::list(store.conn()).unwrap().into_iter().map(|a| a.fields.name).collect();
    assert_eq!(names, ["Kept"]);
    store.run(Origin::SCRIPT, Command::SetArchitectStatus { id: keep, status: Status::Left }).unwrap();
    assert_eq!(architects::get(store.conn(), keep).unwrap().fields.status, Status::Left);
}

#[test]
fn the_demo_team_is_deterministic_and_refuses_a_database_with_people() {
    let dump = |path: &Path| {
        let store = Store::open(path).unwrap();
        serde_json::to_string(&architects::list(store.conn()).unwrap()).unwrap()
    };
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (pa, pb) = (common::demo_db(&a), common::demo_db(&b));
    assert_eq!(dump(&pa), dump(&pb));

    let mut store = common::session(&pa);
    let error = store.run(Origin::SCRIPT, Command::LoadDemo(leadline::demo::DemoSize::Small)).unwrap_err();
    assert!(error.to_string().contains("only goes into an empty database"), "{error}");
    // The large demo (unique names among 100) is checked once, in
    // development::the_large_demo_loads_consistently: loading it is the suite's costliest step.
}

/// A write that finds the disk full (SQLite's `SQLITE_FULL`, here from a page limit) says so in
/// plain words and saves nothing; the command line prints the same words, without SQLite's code.
#[test]
fn a_full_disk_is_said_in_plain_words_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut session = common::session(&path);
    // No free pages left inside the file, and it may not grow: the next new page fails.
    session.conn().execute_batch("VACUUM").unwrap();
    let pages: i64 = session.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    session.conn().pragma_update(None, "max_page_count", pages).unwrap();
    let fields = ArchitectFields {
        aspiration: "x".repeat(4_900),
        readiness_evidence: "y".repeat(4_900),
        ..fields("Too Much")
    };
    let message = common::refused(&mut session, Command::AddArchitect(fields));
    assert_eq!(
        message,
        "the disk holding the database is full: nothing was saved. Free some space, then try again."
    );
    assert_eq!(common::count(&session, "architects"), 10, "nothing was saved");
    assert!(!message.contains("Error code"), "{message}");
}

/// A device is not a folder: `--db /dev/null` is refused as what it is, and left alone.
#[cfg(unix)]
#[test]
fn a_device_as_the_database_is_refused_as_a_device_not_a_folder() {
    let error = Store::open(Path::new("/dev/null")).err().expect("refused");
    assert!(matches!(error, StoreError::NotADatabase { .. }), "{error}");
    let output = common::leadline(Path::new("/dev/null"), &["team", "list"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        common::stderr(&output).trim(),
        "error: /dev/null is not a Leadline database (it is a device or other special file, not an \
         ordinary file). The file was not changed."
    );
    // A folder still reads as a folder.
    let dir = tempfile::tempdir().unwrap();
    let error = Store::open(dir.path()).err().expect("refused");
    assert!(error.to_string().contains("(it is a folder, not a file)"), "{error}");
}
