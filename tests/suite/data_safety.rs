//! Data safety: verified backups, crash safety, one instance, damaged files, read-only folders.

use crate::common;

use std::collections::BTreeSet;
use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command as Process, Stdio};

use chrono::NaiveDateTime;
use egui_kittest::kittest::Queryable as _;
use leadline::store::{Store, StoreError, architects, backup, check};

fn hash(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn integrity_ok(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let report = check::full_check(&conn).unwrap();
    assert!(report.integrity_problems.is_empty(), "{:?}", report.integrity_problems);
    assert!(report.foreign_key_problems.is_empty(), "{:?}", report.foreign_key_problems);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_is_a_checked_private_copy_in_the_backups_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db_without_backups(&dir);
    let store = common::session(&path);
    let info = backup::take(store.conn(), &path, backup::Reason::Manual).unwrap();
    assert_eq!(info.path.parent().unwrap(), dir.path().join("backups"));
    assert!(info.size_bytes > 0);
    backup::verify(&info.path).unwrap();
    integrity_ok(&info.path);
    let copy = rusqlite::Connection::open(&info.path).unwrap();
    let names: i64 = copy.query_row("SELECT count(*) FROM architects", [], |r| r.get(0)).unwrap();
    assert_eq!(names, 10);
    #[cfg(unix)]
    {
        assert_eq!(mode(&info.path), 0o600, "set explicitly, whatever the umask");
        assert_eq!(mode(&dir.path().join("backups")), 0o700);
    }
    assert_eq!(backup::list(&path).unwrap(), vec![info]);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
}

#[test]
fn a_failed_snapshot_never_replaces_a_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db_without_backups(&dir);
    let store = common::session(&path);
    let at = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").unwrap();
    let good =
        backup::take_at(store.conn(), &path, backup::Reason::Daily, at("2026-11-27 09:00:00")).unwrap();
    // Something in the way of the snapshot's temporary file makes VACUUM INTO fail.
    let blocker = dir.path().join("backups").join(".leadline-20261128-090000.partial");
    std::fs::create_dir(&blocker).unwrap();
    std::fs::write(blocker.join("x"), "in the way").unwrap();
    let error = backup::take_at(store.conn(), &path, backup::Reason::Daily, at("2026-11-28 09:00:00"));
    assert!(error.is_err(), "the snapshot fails");
    let backups = backup::list(&path).unwrap();
    assert_eq!(backups, vec![good.clone()], "the good backup is still the only one");
    backup::verify(&good.path).unwrap();
}

#[test]
fn a_backup_taken_while_another_connection_writes_passes_integrity_check() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let store = common::session(&path);
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let written = std::sync::Arc::new(AtomicUsize::new(0));
    let writer = {
        let (path, stop, written) = (path.clone(), stop.clone(), written.clone());
        std::thread::spawn(move || {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
            while !stop.load(Ordering::Acquire) {
                let n = written.load(Ordering::Acquire);
                conn.execute(
                    "INSERT INTO architects (name, aspiration, created_at, updated_at) VALUES (?1, ?2, '', '')",
                    (format!("Writer {n}"), "y".repeat(3000)),
                )
                .unwrap();
                written.fetch_add(1, Ordering::AcqRel);
            }
        })
    };
    let mut taken = Vec::new();
    for second in 0..5 {
        // A handshake, not a pause: each backup starts after the writer committed more rows.
        let before = written.load(Ordering::Acquire);
        while written.load(Ordering::Acquire) < before + 3 {
            std::thread::yield_now();
        }
        let at = NaiveDateTime::parse_from_str(&format!("2026-11-28 10:00:0{second}"), "%Y-%m-%d %H:%M:%S")
            .unwrap();
        taken.push(backup::take_at(store.conn(), &path, backup::Reason::Manual, at).unwrap());
    }
    stop.store(true, Ordering::Release);
    writer.join().unwrap();
    let mut copied = Vec::new();
    for info in &taken {
        integrity_ok(&info.path);
        let copy = rusqlite::Connection::open(&info.path).unwrap();
        copied.push(copy.query_row("SELECT count(*) FROM architects", [], |r| r.get::<_, i64>(0)).unwrap());
    }
    assert!(
        copied.windows(2).all(|w| w[0] < w[1]),
        "each backup holds more of the writer's rows: {copied:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_writer_killed_at_random_moments_loses_nothing_it_reported_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let mut rng = leadline::demo::Rng::new(42);
    let mut committed_total = BTreeSet::new();
    for round in 0..50 {
        let mut child = Process::new(env!("CARGO_BIN_EXE_leadline"))
            .arg("--db")
            .arg(&path)
            .args(["write-loop", "1000000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Killed after a random number of reported commits (0: while it opens or creates the
        // file), counted from its output rather than timed, so a loaded machine changes nothing.
        let wanted = rng.below(40);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let committed = |line: &str| line.strip_prefix("committed ").and_then(|id| id.parse::<i64>().ok());
        let mut seen = 0;
        while seen < wanted {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(id) = committed(&line) {
                        committed_total.insert(id);
                        seen += 1;
                    }
                }
                _ => break,
            }
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        committed_total.extend(lines.map_while(Result::ok).filter_map(|line| committed(&line)));

        let store = Store::open(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let report = check::full_check(store.conn()).unwrap();
        assert!(report.integrity_problems.is_empty(), "round {round}: {:?}", report.integrity_problems);
        let ids: BTreeSet<i64> = architects::list(store.conn()).unwrap().iter().map(|a| a.id.0).collect();
        let missing: Vec<_> = committed_total.difference(&ids).collect();
        assert!(missing.is_empty(), "round {round}: committed but lost: {missing:?}");
    }
    assert!(committed_total.len() > 50, "the writer got work done between kills");
}

#[test]
fn a_second_window_on_the_same_file_is_told_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let first = common::session(&path);
    let second = Store::open(&path).err().expect("refused");
    assert!(matches!(second, StoreError::AlreadyOpen { .. }));
    assert!(second.to_string().contains("Leadline is already open on this file"), "{second}");

    // A command that replaces the file is refused too; ordinary commands work beside a window
    // (tests/suite/beside_window.rs).
    let cli = Process::new(env!("CARGO_BIN_EXE_leadline"))
        .arg("--db")
        .arg(&path)
        .args(["restore", "other.db"])
        .output()
        .unwrap();
    assert!(!cli.status.success());
    let stderr = String::from_utf8_lossy(&cli.stderr);
    assert!(stderr.contains("Leadline is already open on this file"), "{stderr}");

    let harness = common::harness(&path);
    harness.get_by_label("Leadline could not open its database");
    harness.get_by_label_contains("Leadline is already open on this file");
    drop(harness);
    drop(first);
    common::session(&path);
}

#[test]
fn a_damaged_database_is_moved_aside_and_the_newest_good_backup_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    {
        let store = common::session(&path);
        backup::take(store.conn(), &path, backup::Reason::Manual).unwrap();
    }
    let mut bytes = hash(&path);
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    for byte in &mut bytes[page_size..page_size + 300] {
        *byte = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();

    let mut harness = common::harness(&path);
    harness.get_by_label("Leadline found its database damaged");
    let moved: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.contains(".corrupt-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(moved.len(), 1, "moved aside, not deleted");
    assert_eq!(hash(&moved[0]), bytes, "the damaged file is kept as it was");

    harness.get_by_label("Restore this backup").click();
    harness.run();
    harness.get_by_label("Amara Okafor");
    drop(harness);
    integrity_ok(&path);
}

/// Overwrites 300 bytes of the second page: `quick_check` fails on the file.
fn damage_second_page(path: &Path) -> Vec<u8> {
    let mut bytes = hash(path);
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    for byte in &mut bytes[page_size..page_size + 300] {
        *byte = 0x5A;
    }
    std::fs::write(path, &bytes).unwrap();
    bytes
}

/// The newest backup is damaged too: the one before it, which passes the check, is offered
/// and restored; the damaged backup is left where it was.
#[test]
fn a_damaged_newer_backup_is_skipped_for_an_older_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let at = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").unwrap();
    let newer = {
        let mut store = common::session(&path);
        backup::take_at(store.conn(), &path, backup::Reason::Manual, at("2026-11-27 09:00:00")).unwrap();
        common::add_architect(&mut store, "Only In The Newer Backup", leadline::model::Cadence::Weekly);
        backup::take_at(store.conn(), &path, backup::Reason::Manual, at("2026-11-28 09:00:00")).unwrap()
    };
    let damaged_backup = damage_second_page(&newer.path);
    damage_second_page(&path);

    let mut harness = common::team_harness(&path);
    harness.get_by_label("Leadline found its database damaged");
    harness.get_by_label("Restore this backup").click();
    harness.run();
    common::go_to_team(&mut harness);
    harness.get_by_label("Amara Okafor");
    let names: Vec<String> =
        architects::list(common::app_db(&harness)).unwrap().into_iter().map(|a| a.fields.name).collect();
    assert_eq!(names.len(), 10, "the older backup's team: {names:?}");
    assert!(!names.contains(&"Only In The Newer Backup".to_owned()));
    drop(harness);
    assert_eq!(hash(&newer.path), damaged_backup, "the damaged backup is kept as it was");
    integrity_ok(&path);
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_gets_a_clear_message_and_keeps_the_data() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let path = data.join("leadline.db");
    {
        common::apply(
            &mut common::session(&path),
            leadline::session::Command::LoadDemo(leadline::demo::DemoSize::Small),
        );
    }
    let before = hash(&path);
    // Decided before the command runs, never from what it prints: root ignores permissions, so
    // as root the command runs as `nobody` (who owns nothing here) through setpriv, from a copy
    // of the binary `nobody` may execute (the build folder may be closed to other users).
    let mut command = if is_root() {
        if Process::new("setpriv").arg("--version").output().is_err() {
            eprintln!("skipped: running as root and setpriv is not available to drop privileges");
            return;
        }
        let binary = dir.path().join("leadline");
        std::fs::copy(env!("CARGO_BIN_EXE_leadline"), &binary).unwrap();
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut c = Process::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&binary);
        // Not root any more: the same call without --db only reads and must work.
        let as_nobody = Process::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&binary)
            .arg("--version")
            .output()
            .unwrap();
        assert!(as_nobody.status.success(), "nobody runs the copy: {}", common::stderr(&as_nobody));
        c
    } else {
        Process::new(env!("CARGO_BIN_EXE_leadline"))
    };
    // Readable by everyone (so `nobody` can read it), writable by no one.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let output =
        command.arg("--db").arg(&path).args(["team", "add", "--name", "New Person"]).output().unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let stderr = common::stderr(&output);
    assert_eq!(output.status.code(), Some(1), "a write into a read-only folder must fail: {stderr}");
    assert!(
        stderr.contains(&format!(
            "Leadline cannot write to {}: the file or its folder is read-only. Nothing was changed",
            path.display()
        )),
        "{stderr}"
    );
    assert_eq!(hash(&path), before, "the data is untouched");
    let store = common::session(&path);
    assert_eq!(architects::list(store.conn()).unwrap().len(), 10);
}

/// Whether the tests run as root (then permissions do not stop writes).
fn is_root() -> bool {
    Process::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A process killed in the middle of a write before the file was in WAL mode (while creating
/// it) leaves a hot rollback journal. The next open rolls it back and opens the file; it once
/// called the file read-only instead (seen in the writer-killed test, round 0, under load).
#[test]
fn a_hot_journal_left_by_a_killed_writer_is_rolled_back_not_called_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    let copy = crashed.join("leadline.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        // A tiny page cache: the transaction's pages go to the file (after the journal) early.
        conn.pragma_update(None, "cache_size", 2).unwrap();
        let tx = conn.transaction().unwrap();
        for n in 0..200 {
            tx.execute(
                "INSERT INTO architects (name, aspiration, created_at, updated_at) VALUES (?1, ?2, '', '')",
                (format!("Never committed {n}"), "z".repeat(3000)),
            )
            .unwrap();
        }
        // The files as a power cut would leave them: the journal is hot, the file half-written.
        std::fs::copy(&path, &copy).unwrap();
        let mut journal = path.as_os_str().to_owned();
        journal.push("-journal");
        assert!(Path::new(&journal).exists(), "the transaction has a rollback journal");
        std::fs::copy(&journal, crashed.join("leadline.db-journal")).unwrap();
        tx.rollback().unwrap();
    }
    let store = Store::open(&copy).unwrap_or_else(|e| panic!("the crashed file opens: {e}"));
    assert_eq!(architects::list(store.conn()).unwrap().len(), 10, "what was committed, nothing more");
    assert!(!crashed.join("leadline.db-journal").exists(), "rolled back");
}

#[test]
fn settings_back_up_now_then_restore_brings_back_the_earlier_roster() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.get_by_label("⚙  Settings").click();
    harness.run();
    let before = backup::list(&path).unwrap().len();
    harness.get_by_label("Back up now").scroll_to_me();
    harness.run();
    harness.get_by_label("Back up now").click();
    harness.run();
    let backups = backup::list(&path).unwrap();
    assert_eq!(backups.len(), before + 1, "a new backup is listed");
    let newest = backups[0].clone();
    assert_eq!(newest.reason, "manual");

    // A change after the backup...
    {
        let store = harness.state().session().unwrap();
        assert_eq!(architects::list(store.conn()).unwrap().len(), 10);
    }
    let noor = leadline::model::ArchitectFields { name: "Noor Haddad".into(), ..Default::default() };
    harness
        .state_mut()
        .send(leadline::session::Origin::SCRIPT, leadline::session::Command::AddArchitect(noor));
    harness.state_mut().apply_outbox();
    harness.run();
    assert_eq!(architects::list(harness.state().session().unwrap().conn()).unwrap().len(), 11);

    // ...is undone by restoring it, after confirming.
    let when = newest.taken_at.format("%Y-%m-%d %H:%M:%S").to_string();
    let restore = format!("Restore the backup of {when} (by hand)");
    harness.get_by_label(&restore).scroll_to_me();
    harness.run();
    harness.get_by_label(&restore).click();
    harness.run();
    harness.get_by_label("Restore this backup?");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(architects::list(harness.state().session().unwrap().conn()).unwrap().len(), 10);
    assert!(
        backup::list(&path).unwrap().iter().any(|b| b.reason == "pre-restore"),
        "the state before is kept"
    );
}

#[test]
fn settings_export_writes_a_json_file_that_imports_into_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let mut harness = common::harness(&path);
    harness.get_by_label("⚙  Settings").click();
    harness.run();
    harness.get_by_label("Export folder").scroll_to_me();
    harness.run();
    let folder = harness.get_by_label("Export folder");
    folder.click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Export folder").type_text(exports.to_str().unwrap());
    harness.run();
    harness.get_by_label("Export everything (JSON)").scroll_to_me();
    harness.run();
    harness.get_by_label("Export everything (JSON)").click();
    harness.run();
    let written: Vec<_> =
        std::fs::read_dir(&exports).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&written[0]).unwrap()).unwrap();
    let target = dir.path().join("copy.db");
    let mut store = common::session(&target);
    let imported = store.import_json(&document).unwrap();
    assert!(imported >= 9, "{imported}");
    assert_eq!(architects::list(store.conn()).unwrap().len(), 10);
}

#[test]
fn settings_choose_folder_sets_the_export_folder_and_cancel_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    let picker = common::FakePicker::default();
    let mut harness = common::harness_with_picker(&path, &picker);
    harness.get_by_label("⚙  Settings").click();
    harness.run();
    harness.get_by_label("Choose folder…").scroll_to_me();
    harness.run();

    // Cancelled: the field keeps what it had, and the status line says so.
    let before = harness.get_by_label("Export folder").value();
    harness.get_by_label("Choose folder…").click();
    harness.run();
    assert_eq!(harness.get_by_label("Export folder").value(), before);
    harness.get_by_label("No folder chosen");

    // Chosen: the exports go there.
    picker.will_answer(Some(exports.clone()));
    harness.get_by_label("Choose folder…").click();
    harness.run();
    let shown = picker.shown();
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[1].kind, leadline::ui::PickKind::Folder);
    assert_eq!(harness.get_by_label("Export folder").value().as_deref(), exports.to_str());
    harness.get_by_label("Export the roster (CSV)").click();
    harness.run();
    let written: Vec<_> = std::fs::read_dir(&exports).unwrap().filter_map(Result::ok).collect();
    assert_eq!(written.len(), 1, "the roster is in the folder chosen: {written:?}");
}

#[test]
fn quitting_after_a_change_takes_a_backup_and_quitting_without_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    assert!(harness.state_mut().backup_on_quit().is_none(), "nothing changed, nothing to back up");

    harness.get_by_label("Lukas Schneider").click();
    harness.run();
    harness.get_by_label("Mark as left").click();
    harness.run();
    // It asks why first (issue 13).
    harness.get_by_label("Left the company").click();
    harness.run();
    harness.get_by_label("Record departure").click();
    harness.run();
    let info = harness.state_mut().backup_on_quit().expect("a change was made").unwrap();
    assert_eq!(info.reason, "quit");
    let copy = rusqlite::Connection::open(&info.path).unwrap();
    let status: String = copy
        .query_row("SELECT status FROM architects WHERE name = 'Lukas Schneider'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "left", "the backup holds the change");
}

/// The window as `leadline` opens it: the page-by-page check runs in the background.
fn deferred_harness(path: &Path) -> egui_kittest::Harness<'static, leadline::app::LeadlineApp> {
    let startup = leadline::app::Startup {
        store: Store::open_deferring_check(path),
        db_path: path.to_owned(),
        today: Some(common::today()),
        zone: common::zone(),
        deferred_check: true,
        file_picker: Box::new(common::FakePicker::default()),
        open_file: None,
    };
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| leadline::app::LeadlineApp::new(cc, startup));
    harness.run();
    harness
}

/// Waits for the background check to answer (a handshake, no clock), then lets the app act on it.
fn after_background_check(harness: &mut egui_kittest::Harness<'static, leadline::app::LeadlineApp>) {
    harness.state_mut().wait_for_background_check();
    harness.run();
}

#[test]
fn the_background_check_finds_damage_after_the_window_opened_and_offers_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    {
        let store = common::session(&path);
        backup::take(store.conn(), &path, backup::Reason::Manual).unwrap();
    }
    // An index the window does not read when it opens: a table the first view reads would fail
    // before the background check runs.
    common::damage_index(&path, "time_entries_one_on_one");
    let error = Store::open(&path).err().expect("the full check sees the damage");
    assert!(matches!(error, StoreError::Corrupt { .. }), "{error}");
    assert!(error.to_string().ends_with("The file was not changed."), "{error}");
    drop(Store::open_deferring_check(&path).expect("the quick open does not read every page"));

    let mut harness = deferred_harness(&path);
    after_background_check(&mut harness);
    harness.get_by_label("Leadline found its database damaged");
    harness.get_by_label("Restore this backup").click();
    harness.run();
    drop(harness);
    integrity_ok(&path);
}

#[test]
fn the_background_check_takes_the_daily_backup_when_one_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db_without_backups(&dir);
    assert!(backup::list(&path).unwrap().is_empty());
    let mut harness = deferred_harness(&path);
    after_background_check(&mut harness);
    assert_eq!(backup::list(&path).unwrap()[0].reason, "daily");
    assert_eq!(harness.state().view().backups.len(), 1, "Settings lists it");
}

/// No daily backup when the newest is less than a day old; one when it is older.
#[test]
fn the_daily_backup_waits_until_the_newest_is_a_day_old() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db_without_backups(&dir);
    let now = chrono::Local::now().naive_local();
    {
        let store = common::session(&path);
        backup::take_at(store.conn(), &path, backup::Reason::Manual, now - chrono::Duration::hours(23))
            .unwrap();
    }
    let mut harness = deferred_harness(&path);
    after_background_check(&mut harness);
    let reasons: Vec<String> = backup::list(&path).unwrap().into_iter().map(|b| b.reason).collect();
    assert_eq!(reasons, ["manual"], "23 hours old: no daily backup");
    drop(harness);

    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db_without_backups(&dir);
    {
        let store = common::session(&path);
        backup::take_at(store.conn(), &path, backup::Reason::Manual, now - chrono::Duration::hours(25))
            .unwrap();
    }
    let mut harness = deferred_harness(&path);
    after_background_check(&mut harness);
    let reasons: Vec<String> = backup::list(&path).unwrap().into_iter().map(|b| b.reason).collect();
    assert_eq!(reasons, ["daily", "manual"], "25 hours old: a daily backup, newest first");
}

/// A file the release before "held" one-on-ones wrote (schema 7, the small demo team made on
/// 2026-11-28), kept as it was: `tests/fixtures/db/schema-7-small-demo.db`.
fn earlier_release_db(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("leadline.db");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/db/schema-7-small-demo.db"), &path)
        .unwrap();
    path
}

#[test]
fn an_export_from_an_earlier_leadline_imports_after_the_migrations_bring_it_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let earlier = rusqlite::Connection::open(earlier_release_db(&dir)).unwrap();
    let document = leadline::store::transfer::export(&earlier).unwrap();
    assert_eq!(document["schema_version"], 7);
    let count_in = |conn: &rusqlite::Connection, sql: &str| -> i64 {
        conn.query_row(sql, [], |row| row.get(0)).unwrap()
    };
    assert_eq!(count_in(&earlier, "SELECT count(*) FROM time_entries"), 2059);

    let dir = tempfile::tempdir().unwrap();
    let mut store = common::session(&common::db_in(&dir));
    let imported = store.import_json(&document).unwrap();
    assert!(imported > 1000, "{imported}");
    let conn = store.conn();
    assert_eq!(architects::list(conn).unwrap().len(), 9);
    assert_eq!(count_in(conn, "SELECT count(*) FROM time_entries"), 2059);
    assert_eq!(count_in(conn, "SELECT count(*) FROM one_on_ones"), 204);
    // The later version's columns are filled by its migration, not left out.
    assert_eq!(
        count_in(conn, "SELECT count(*) FROM one_on_ones WHERE held = 1"),
        count_in(
            &earlier,
            "SELECT count(*) FROM one_on_ones WHERE notes != '' OR mood IS NOT NULL \
             OR EXISTS (SELECT 1 FROM talking_points p WHERE p.discussed_in = one_on_ones.id) \
             OR EXISTS (SELECT 1 FROM action_items a WHERE a.raised_in = one_on_ones.id)"
        )
    );
    assert_eq!(count_in(conn, "SELECT count(*) FROM time_entries WHERE one_on_one_id IS NOT NULL"), 0);

    // One from a later Leadline is refused, naming both versions.
    let mut newer = document.clone();
    newer["schema_version"] = serde_json::json!(leadline::store::LATEST_VERSION + 1);
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::session(&common::db_in(&dir));
    let error = store.import_json(&newer).unwrap_err();
    assert!(error.to_string().contains("from a newer Leadline"), "{error}");
}

#[test]
fn a_file_from_the_earlier_release_opens_after_a_backup_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = earlier_release_db(&dir);
    let store = Store::open(&path).unwrap();
    let backup = store.migration_backup.clone().expect("a backup before the upgrade");
    assert_eq!(backup.reason, "pre-migration");
    let kept = rusqlite::Connection::open(&backup.path).unwrap();
    let version: i64 = kept.query_row("PRAGMA user_version", [], |row| row.get(0)).unwrap();
    assert_eq!(version, 7, "the backup is the file as it was");
    let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |row| row.get(0)).unwrap() };
    assert_eq!(count("PRAGMA user_version"), leadline::store::LATEST_VERSION);
    assert_eq!(count("SELECT count(*) FROM architects"), 9);
    assert_eq!(count("SELECT count(*) FROM one_on_ones"), 204);
    assert_eq!(count("SELECT count(*) FROM time_entries"), 2059);
    // Every meeting with notes counts as held; started-but-empty ones (today's, in the demo) do not.
    assert_eq!(count("SELECT count(*) FROM one_on_ones WHERE notes != '' AND held = 0"), 0);
    assert!(count("SELECT count(*) FROM one_on_ones WHERE held = 1") > 150);
    assert_eq!(count("SELECT count(*) FROM one_on_ones WHERE minutes IS NOT NULL"), 0, "30 min unless set");
}

/// The files the releases before the quarterly review (schema 10) and before the last migration
/// (schema 13) wrote, each the small demo team (see `tests/fixtures/db/README.md`), open after a
/// backup of themselves, and every table they had keeps every row.
#[test]
fn a_file_from_the_release_before_the_last_migration_opens_after_a_backup_and_keeps_every_row() {
    for (file, version) in [("schema-10-small-demo.db", 10), ("schema-13-small-demo.db", 13)] {
        opens_after_a_backup_keeping_every_row(file, version);
    }
}

fn opens_after_a_backup_keeping_every_row(file: &str, version: i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leadline.db");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/db").join(file), &path).unwrap();
    let rows = |conn: &rusqlite::Connection| -> Vec<(String, i64)> {
        let mut tables = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name NOT LIKE 'search_index%' ORDER BY name",
            )
            .unwrap();
        let names: Vec<String> = tables.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        names
            .into_iter()
            .map(|name| {
                let count =
                    conn.query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| r.get(0)).unwrap();
                (name, count)
            })
            .collect()
    };
    let before = rows(&rusqlite::Connection::open(&path).unwrap());
    let count = |table: &str| before.iter().find(|(name, _)| name == table).map(|(_, n)| *n);
    assert_eq!(
        (count("architects"), count("time_entries"), count("candidates")),
        (Some(10), Some(2064), Some(16))
    );

    let store = Store::open(&path).unwrap();
    let backup = store.migration_backup.clone().expect("a backup before the upgrade");
    assert_eq!(backup.reason, "pre-migration");
    let kept = rusqlite::Connection::open(&backup.path).unwrap();
    assert_eq!(kept.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), version, "{file}");
    assert_eq!(rows(&kept), before, "the backup is the file as it was");
    assert_eq!(
        store.conn().query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(),
        leadline::store::LATEST_VERSION
    );
    let after = rows(store.conn());
    for (table, n) in &before {
        if table == "settings" {
            // Opening may add a setting of its own (the search index notes how it folds
            // accents): every setting that was there is still there, with its value.
            let all = |conn: &rusqlite::Connection| -> BTreeSet<(String, String)> {
                let mut statement = conn.prepare("SELECT key, value FROM settings").unwrap();
                statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
            };
            let (old, new) = (all(&kept), all(store.conn()));
            assert_eq!(i64::try_from(old.len()).unwrap(), *n);
            assert!(old.is_subset(&new), "settings keeps its rows: {old:?} in {new:?}");
            continue;
        }
        let now = after.iter().find(|(name, _)| name == table).map(|(_, n)| *n);
        assert_eq!(now, Some(*n), "{table} keeps its rows ({file})");
    }
    integrity_ok(&path);
}

#[test]
fn after_a_crash_the_next_start_says_so_once_where_the_report_is_and_that_the_data_is_safe() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    // What the panic hook leaves behind when a session ends with a panic.
    let report = leadline::crash::write_report(&path, "Leadline stopped unexpectedly.", chrono::Utc::now())
        .expect("write a report");

    let harness = common::harness(&path);
    let told: Vec<String> = harness.state().shell().toasts.texts().into_iter().map(str::to_owned).collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].contains("The last session ended unexpectedly"), "{told:?}");
    assert!(told[0].contains(&report.display().to_string()), "names the report: {told:?}");
    assert!(told[0].contains("Your data is safe"), "{told:?}");
    drop(harness);

    let again = common::harness(&path);
    assert!(again.state().shell().toasts.texts().is_empty(), "told once");
    assert!(report.exists(), "the report itself stays");
}
