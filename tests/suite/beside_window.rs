//! The command line beside an open window: `leadline time add` from a terminal while the app
//! has the file open, the window showing it when it next looks, undo that never reverts
//! another program's write, and writers from several processes losing nothing.

use std::collections::BTreeSet;
use std::io::{BufRead as _, BufReader};
use std::process::{Command as Process, Stdio};

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use leadline::model::split::Category;
use leadline::model::time_entry::TimeEntryFields;
use leadline::session::Command;
use leadline::store::{Store, StoreError, architects};

use crate::common;

#[test]
fn with_the_window_open_the_command_line_logs_time_and_the_time_screen_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num4);
    harness.run();

    // Something the window can undo...
    harness.get_all_by_label("Delete Operational reporting").next().expect("a delete button").click();
    harness.run();
    harness.get_by_label("Undo delete of the Mon 23 Nov entry");

    // ...then a terminal logs time while the window stays open.
    common::leadline_ok(
        &path,
        &[
            "time",
            "add",
            "--date",
            "2026-11-27",
            "--minutes",
            "45",
            "--category",
            "market",
            "--note",
            "Summit keynote draft",
        ],
    );
    assert!(
        harness.query_by_label("Delete Summit keynote draft").is_none(),
        "not shown before the window looks again"
    );

    // The window looks again when it gains focus: the entry is on the Time screen.
    harness.event(egui::Event::WindowFocused(true));
    harness.run();
    harness.get_by_label("Delete Summit keynote draft");
    let week = &harness.state().view().time.week_entries;
    assert!(week.iter().any(|e| e.fields.description == "Summit keynote draft" && e.fields.minutes == 45));
    harness.get_by_label_contains("another program");

    // Undo was for the window's own delete, made before the other program wrote: it is gone
    // rather than left to overwrite what came since.
    assert!(harness.query_by_label("Undo delete of the Mon 23 Nov entry").is_none());
    assert!(harness.state().session().and_then(|s| s.undo_step()).is_none());
    let stored = common::read_db(&path)
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM time_entries WHERE description = 'Summit keynote draft'",
            [],
            |row| row.get::<_, i64>(0),
        )
        .unwrap();
    assert_eq!(stored, 1);
}

#[test]
fn a_second_window_and_a_restore_are_refused_while_a_window_is_open_but_reads_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let window = common::live_session(&path);
    let second = Store::open(&path).err().expect("a second window is refused");
    assert!(matches!(second, StoreError::AlreadyOpen { .. }), "{second}");

    let listed = common::leadline_ok(&path, &["team", "list"]);
    assert!(listed.contains("Amara Okafor"), "{listed}");

    let restore = common::leadline(&path, &["restore", "elsewhere.db"]);
    assert!(!restore.status.success());
    let message = common::stderr(&restore);
    assert!(message.contains("Leadline is already open on this file"), "{message}");
    drop(window);
}

/// Two command-line writers (each its own process, one transaction per write) and the app
/// writing at the same time, a few hundred writes in all: every write each of them reported
/// committed is in the file, and the app's view shows the others' after it looks again.
#[test]
fn two_command_line_writers_and_the_app_together_lose_nothing() {
    const EACH: usize = 120;
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut app = common::live_session(&path);
    let writers: Vec<_> = (0..2)
        .map(|_| {
            let mut child = Process::new(env!("CARGO_BIN_EXE_leadline"))
                .arg("--db")
                .arg(&path)
                .args(["--today", &common::today().to_string(), "write-loop", &EACH.to_string()])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let stdout = child.stdout.take().unwrap();
            let reader = std::thread::spawn(move || {
                BufReader::new(stdout)
                    .lines()
                    .map_while(Result::ok)
                    .filter_map(|line| line.strip_prefix("committed ").and_then(|id| id.parse::<i64>().ok()))
                    .collect::<Vec<_>>()
            });
            (child, reader)
        })
        .collect();

    let mut logged = 0_i64;
    for minute in 0..EACH {
        let note = format!("App entry {minute}");
        let fields = TimeEntryFields::manual(common::today(), 1, Category::Business, &note);
        common::apply(&mut app, Command::AddTimeEntry(fields));
        logged += 1;
    }

    let mut committed = BTreeSet::new();
    for (mut child, reader) in writers {
        let status = child.wait().unwrap();
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert!(status.success(), "a command-line writer failed: {stderr}");
        let ids = reader.join().unwrap();
        assert_eq!(ids.len(), EACH, "each writer reports every write committed");
        committed.extend(ids);
    }
    assert_eq!(committed.len(), 2 * EACH, "no id given twice");

    let stored: BTreeSet<i64> =
        architects::list(common::read_db(&path).conn()).unwrap().iter().map(|a| a.id.0).collect();
    assert_eq!(stored, committed, "every architect the writers committed, and nothing else");
    let entries = common::read_db(&path)
        .conn()
        .query_row("SELECT COUNT(*) FROM time_entries WHERE description LIKE 'App entry %'", [], |row| {
            row.get::<_, i64>(0)
        })
        .unwrap();
    assert_eq!(entries, logged, "every entry the app wrote");

    assert!(app.notice_other_writers().unwrap(), "the app notices the others' writes");
    assert_eq!(app.view().architects.len(), 2 * EACH, "and shows them");
    assert!(!app.notice_other_writers().unwrap(), "once");
}
