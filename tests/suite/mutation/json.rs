//! `leadline import json` reads a file the user chose: damaged copies of a real export are
//! each imported or refused with a message, never a panic, and a refused import leaves the
//! database as it was.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use leadline::store::{Store, migrations, transfer};
use rusqlite::Connection;
use serde_json::Value;

use super::mutate::{self, Rng};
use super::{full, keep, run_leadline, seed};

/// Rows kept per table from the demo's export: enough for every kind of record and reference,
/// few enough that thousands of imports stay quick.
const KEEP_ROWS: usize = 6;

/// Values put in place of a field's value.
const VALUES: &[&[u8]] = &[
    b"null",
    b"-1",
    b"0",
    b"9223372036854775807",
    b"9223372036854775808",
    b"-9223372036854775809",
    b"1e308",
    b"1e999",
    b"1.5",
    b"true",
    b"[]",
    b"{}",
    b"\"\"",
    b"\"2026-02-30\"",
    b"\"9999-99-99\"",
    b"\"2026-13-01T25:61:00Z\"",
    b"\"\\u0000\"",
    b"\"\\ud800\"",
    b"\"\xff\xfe\"",
    b"\"caf\xc3\"",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"\"leadline-export\"",
    b"1",
    b"2",
    b"7",
    b"999",
];

/// A database of the latest schema, in memory, with nothing imported yet.
fn fresh() -> Connection {
    let mut conn = Connection::open_in_memory().expect("in memory");
    conn.pragma_update(None, "foreign_keys", "ON").expect("pragma");
    migrations::migrate(&mut conn).expect("migrated");
    conn
}

/// The same as a file at `path`, copied from one migrated once: running every migration
/// for each of hundreds of mutants was most of this test's time.
fn fresh_at(path: &Path) -> Connection {
    static MIGRATED: OnceLock<Vec<u8>> = OnceLock::new();
    let migrated = MIGRATED.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("migrated.db");
        let mut conn = Connection::open(&path).expect("open");
        migrations::migrate(&mut conn).expect("migrated");
        drop(conn);
        std::fs::read(&path).expect("read")
    });
    // Never a journal left from the last mutant applied to this one.
    let _ = std::fs::remove_file(path.with_extension("db-journal"));
    std::fs::write(path, migrated).expect("write a fresh database");
    let conn = Connection::open(path).expect("open");
    conn.pragma_update(None, "foreign_keys", "ON").expect("pragma");
    conn
}

/// The small demo team exported by the command line, cut to a few rows per table with every
/// reference still pointing at a kept row. Made once for both tests.
fn export() -> &'static [u8] {
    static EXPORT: OnceLock<Vec<u8>> = OnceLock::new();
    EXPORT.get_or_init(make_export)
}

fn make_export() -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.db");
    let out = dir.path().join("export.json");
    let db_arg = db.to_str().expect("utf-8");
    for args in [
        vec!["--db", db_arg, "--today", "2026-11-28", "demo"],
        vec![
            "--db",
            db_arg,
            "--today",
            "2026-11-28",
            "export",
            "json",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    ] {
        let output = run_leadline(&args);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let mut document: Value = serde_json::from_slice(&std::fs::read(&out).expect("read")).expect("json");
    let conn = fresh();
    let tables = document["tables"].as_object_mut().expect("tables");
    for rows in tables.values_mut() {
        if let Some(rows) = rows.as_array_mut() {
            rows.truncate(KEEP_ROWS);
        }
    }
    // Drop rows whose references point at dropped rows, until none do.
    let references: HashMap<String, Vec<(String, String, String)>> = tables
        .keys()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("PRAGMA foreign_key_list(\"{table}\")")).expect("pragma");
            let list = stmt
                .query_map([], |row| {
                    Ok((row.get::<_, String>(3)?, row.get::<_, String>(2)?, row.get::<_, String>(4)?))
                })
                .expect("query")
                .collect::<Result<Vec<_>, _>>()
                .expect("rows");
            (table.clone(), list)
        })
        .collect();
    loop {
        let present: HashMap<(String, String), HashSet<String>> = references
            .values()
            .flatten()
            .map(|(_, parent, to)| {
                let values = tables
                    .get(parent)
                    .and_then(Value::as_array)
                    .map(|rows| rows.iter().map(|row| row[to].to_string()).collect())
                    .unwrap_or_default();
                ((parent.clone(), to.clone()), values)
            })
            .collect();
        let mut changed = false;
        for (table, list) in &references {
            let Some(rows) = tables.get_mut(table).and_then(Value::as_array_mut) else { continue };
            let before = rows.len();
            rows.retain(|row| {
                list.iter().all(|(from, parent, to)| {
                    row[from].is_null()
                        || present[&(parent.clone(), to.clone())].contains(&row[from].to_string())
                })
            });
            changed |= rows.len() != before;
        }
        if !changed {
            break;
        }
    }
    let bytes = serde_json::to_vec_pretty(&document).expect("serialise");
    // The cut export must import, or every mutant would be refused for the cut alone.
    let imported = transfer::import(&mut fresh(), &document).expect("the cut export imports");
    assert!(imported > 20, "only {imported} records survived the cut");
    bytes
}

/// What importing one mutant into a fresh database at `db` did: `Ok(summary)` or what went
/// wrong.
fn import_mutant(bytes: &[u8], db: &Path) -> Result<String, String> {
    std::panic::catch_unwind(|| {
        let mut conn = fresh_at(db);
        let before = transfer::export(&conn).map_err(|e| e.to_string())?;
        // As the command line reads it: text first, then JSON.
        let Ok(text) = std::str::from_utf8(bytes) else { return Ok("refused: not UTF-8".into()) };
        let document: Value = match serde_json::from_str(text) {
            Ok(document) => document,
            Err(error) => return Ok(format!("refused: not valid JSON ({error})")),
        };
        match transfer::import(&mut conn, &document) {
            Ok(count) => Ok(format!("imported {count} records")),
            Err(error) if error.to_string().trim().is_empty() => Err("refused without a message".into()),
            Err(error) => {
                let after = transfer::export(&conn).map_err(|e| e.to_string())?;
                if after == before {
                    Ok(format!("refused: {error}"))
                } else {
                    Err(format!("refused ({error}), yet the database changed"))
                }
            }
        }
    })
    .unwrap_or_else(|_| Err("panicked (see the message above)".into()))
}

#[test]
fn damaged_exports_are_imported_or_refused_and_a_refusal_changes_nothing() {
    let seed = seed().wrapping_add(2);
    let count = if full() { 3000 } else { 200 };
    let source = export();
    let mut rng = Rng::new(seed);
    let mut imported = 0;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("fresh.db");
    for index in 0..count {
        let mutant = mutate::text(&mut rng, "export.json", source, VALUES);
        match import_mutant(&mutant.bytes, &db) {
            Ok(summary) => imported += usize::from(summary.starts_with("imported")),
            Err(problem) => {
                let kept = keep(&format!("leadline-json-mutant-{seed}-{index}.json"), &mutant.bytes);
                panic!(
                    "seed {seed}, JSON mutant #{index} ({}): {problem}\nthe mutant is kept in {}",
                    mutant.done.join("; "),
                    kept.display()
                );
            }
        }
    }
    // Some mutants only change a value the schema accepts: they must import.
    assert!(imported > 0, "seed {seed}: no mutant was imported; the mutations are too coarse");
}

#[test]
fn damaged_exports_through_the_command_line_exit_with_a_message_and_leave_the_data_alone() {
    let seed = seed().wrapping_add(3);
    let count = if full() { 100 } else { 8 };
    let source = export();
    let dir = tempfile::tempdir().expect("tempdir");
    let template = dir.path().join("template.db");
    drop(Store::open(&template).expect("an empty database"));
    let mut rng = Rng::new(seed);
    for index in 0..count {
        let mutant = mutate::text(&mut rng, "export.json", source, VALUES);
        let case = dir.path().join(format!("case-{index}"));
        std::fs::create_dir(&case).expect("mkdir");
        let db = case.join("leadline.db");
        std::fs::copy(&template, &db).expect("copy");
        let file = case.join("export.json");
        std::fs::write(&file, &mutant.bytes).expect("write");
        let fail = |problem: String| -> ! {
            let kept = keep(&format!("leadline-cli-json-mutant-{seed}-{index}.json"), &mutant.bytes);
            panic!(
                "seed {seed}, command-line JSON mutant #{index} ({}): {problem}\nthe mutant is kept in {}",
                mutant.done.join("; "),
                kept.display()
            )
        };
        let args = ["--db", db.to_str().expect("utf-8"), "import", "json", file.to_str().expect("utf-8")];
        let output = run_leadline(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        match output.status.code() {
            Some(0) => {}
            Some(1) if stderr.contains("error: ") => {
                let store =
                    Store::open(&db).unwrap_or_else(|e| fail(format!("the database cannot be opened: {e}")));
                let empty = Store::open(&template).expect("template");
                let (after, expected) = (transfer::export(store.conn()), transfer::export(empty.conn()));
                if after.map_err(|e| e.to_string()) != expected.map_err(|e| e.to_string()) {
                    fail(format!("refused ({stderr}), yet the database changed"));
                }
            }
            other => fail(format!("exited with {other:?}: {stderr}")),
        }
        if stderr.contains("panicked") {
            fail(format!("a panic was reported: {stderr}"));
        }
    }
}
