//! Panics, contained and reported. A panic hook that writes a short crash report beside the
//! database (what was being done, the version, where, the backtrace; never note text) and the
//! message the next start shows about it; and `catch_quietly`, the net around calls into
//! third-party parsers of untrusted input, whose panic becomes the caller's error (a warning
//! about one event) instead of a closed window.
//!
//! Why a panic caught by `catch_quietly` prints nothing: Rust runs the panic hook *before*
//! unwinding, so the default hook would print "thread 'main' panicked at …" to the terminal
//! for a fault that the caller turns into a warning the manager already sees. One hook serves
//! both needs: inside `catch_quietly` it records where the panic happened and stays silent;
//! anywhere else it writes the report (once `install` named the database) and then hands over
//! to the hook that was there before, so the usual message still reaches the terminal.
//! A panic on one thread never silences another thread's: the quiet count is per thread.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, PoisonError};

use chrono::{DateTime, Utc};

/// Crash reports kept beside a database; older ones are deleted when a new one is written.
pub const KEEP_REPORTS: usize = 5;
/// The longest panic message kept in a report (the rest is cut).
const MAX_MESSAGE_CHARS: usize = 400;

thread_local! {
    /// What this thread is doing, for the report: set by `doing`, always a fixed phrase.
    static DOING: Cell<&'static str> = const { Cell::new("") };
    /// How many `catch_quietly` calls this thread is inside.
    static QUIET: Cell<usize> = const { Cell::new(0) };
    /// The last panic `catch_quietly` caught on this thread, as the hook saw it.
    static CAUGHT: RefCell<Option<Caught>> = const { RefCell::new(None) };
    /// How many panics `catch_quietly` caught on this thread, ever.
    static CAUGHT_COUNT: Cell<usize> = const { Cell::new(0) };
}

/// The database the reports go beside; `None` until `install`.
static REPORT_BESIDE: Mutex<Option<PathBuf>> = Mutex::new(None);
static HOOK: Once = Once::new();

/// Writes a crash report beside `db_path` when anything panics from now on (outside
/// `catch_quietly`). Called once by the app at start; calling it again moves the reports.
pub fn install(db_path: &Path) {
    *REPORT_BESIDE.lock().unwrap_or_else(PoisonError::into_inner) = Some(db_path.to_path_buf());
    ensure_hook();
}

/// Says what the current thread is doing until the returned guard is dropped (then the
/// previous phrase is back). A `&'static str` so no user text can ever reach a report.
pub fn doing(what: &'static str) -> Doing {
    Doing { previous: DOING.with(|doing| doing.replace(what)) }
}

/// Restores the previous "doing" phrase when dropped.
#[must_use = "the phrase holds only while the guard lives"]
pub struct Doing {
    previous: &'static str,
}

impl Drop for Doing {
    fn drop(&mut self) {
        let previous = self.previous;
        let _ = DOING.try_with(|doing| doing.set(previous));
    }
}

/// A panic caught by `catch_quietly`: where it happened and its message with quoted parts
/// left out (they may hold the input being read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caught {
    /// `file:line` of the panic, shortened to the crate's own path (`rrule-0.14.0/src/…`).
    pub location: String,
    pub message: String,
}

impl fmt::Display for Caught {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at {})", self.message, self.location)
    }
}

/// Runs `f`; a panic inside it is caught and returned as `Err`, without printing anything or
/// writing a crash report. For calls into code that may panic on untrusted input (a
/// third-party parser): the caller turns the error into a message about that input.
///
/// Whatever `f` was changing when it panicked may be half-changed: callers use this only
/// for computations whose result they drop on `Err`, which is why the closure is taken as
/// unwind-safe.
pub fn catch_quietly<T>(f: impl FnOnce() -> T) -> Result<T, Caught> {
    ensure_hook();
    QUIET.with(|quiet| quiet.set(quiet.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|quiet| quiet.set(quiet.get().saturating_sub(1)));
    result.map_err(|payload| {
        CAUGHT_COUNT.with(|count| count.set(count.get() + 1));
        CAUGHT.with(|caught| caught.borrow_mut().take()).unwrap_or_else(|| Caught {
            location: "unknown".into(),
            message: redact(payload_text(payload.as_ref())),
        })
    })
}

/// How many panics `catch_quietly` has caught on the current thread. Some callers turn a
/// caught fault into an ordinary outcome (a zone name that faults reads as unknown); tests of
/// damaged input use this to see that no fault happened at all.
pub fn faults_caught_on_this_thread() -> usize {
    CAUGHT_COUNT.with(Cell::get)
}

fn ensure_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.try_with(Cell::get).unwrap_or(0) > 0 {
                let caught =
                    Caught { location: location(info), message: redact(payload_text(info.payload())) };
                let _ = CAUGHT.try_with(|slot| *slot.borrow_mut() = Some(caught));
                return;
            }
            let beside = REPORT_BESIDE.lock().unwrap_or_else(PoisonError::into_inner).clone();
            if let Some(db_path) = beside {
                let text = report_text(&Report::from_hook(info), Utc::now());
                match write_report(&db_path, &text, Utc::now()) {
                    Ok(path) => eprintln!(
                        "Leadline stopped unexpectedly. A crash report was written to {}. \
                         Your data is safe: every change was saved as it was made.",
                        path.display()
                    ),
                    Err(error) => eprintln!("Leadline stopped unexpectedly (no crash report: {error})."),
                }
            }
            previous(info);
        }));
    });
}

/// What a report says about one panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub doing: String,
    pub thread: String,
    pub location: String,
    pub message: String,
    pub backtrace: String,
}

impl Report {
    fn from_hook(info: &PanicHookInfo<'_>) -> Self {
        let doing = DOING.try_with(Cell::get).unwrap_or("");
        Self {
            doing: if doing.is_empty() { "not recorded".into() } else { doing.into() },
            thread: std::thread::current().name().unwrap_or("unnamed").to_owned(),
            location: location(info),
            message: redact(payload_text(info.payload())),
            backtrace: std::backtrace::Backtrace::force_capture().to_string(),
        }
    }
}

/// The report as written to the file.
pub fn report_text(report: &Report, when: DateTime<Utc>) -> String {
    format!(
        "Leadline {version} stopped unexpectedly.\n\n\
         When:    {when}\n\
         Doing:   {doing}\n\
         Thread:  {thread}\n\
         Where:   {location}\n\
         Message: {message}\n\
         System:  {os} {arch}\n\n\
         This report holds no note text: quoted parts of the message are left out.\n\
         Your data is safe: every change is saved in its own transaction as it is made.\n\n\
         Backtrace:\n{backtrace}\n",
        version = env!("CARGO_PKG_VERSION"),
        when = when.format("%Y-%m-%d %H:%M:%S UTC"),
        doing = report.doing,
        thread = report.thread,
        location = report.location,
        message = report.message,
        os = std::env::consts::OS,
        arch = std::env::consts::ARCH,
        backtrace = report.backtrace,
    )
}

/// `leadline.db` -> `leadline.db.crash-`: every report's name starts so.
fn report_prefix(db_path: &Path) -> String {
    let name = db_path.file_name().map_or_else(|| "leadline".into(), |n| n.to_string_lossy().into_owned());
    format!("{name}.crash-")
}

/// The marker naming the report the next start has not told about yet.
fn pending_marker(db_path: &Path) -> PathBuf {
    db_path.with_file_name(format!("{}pending", report_prefix(db_path)))
}

/// Writes a report beside the database (readable by its owner only), marks it as not yet
/// told about, and keeps only the newest `KEEP_REPORTS`. Returns the report's path.
pub fn write_report(db_path: &Path, text: &str, when: DateTime<Utc>) -> std::io::Result<PathBuf> {
    let prefix = report_prefix(db_path);
    let name = format!("{prefix}{}.txt", when.format("%Y%m%dT%H%M%SZ"));
    let path = db_path.with_file_name(&name);
    write_private(&path, text.as_bytes())?;
    write_private(&pending_marker(db_path), name.as_bytes())?;
    if let Some(folder) = path.parent() {
        let folder = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
        let mut reports: Vec<PathBuf> = std::fs::read_dir(folder)?
            .filter_map(Result::ok)
            .filter(|entry| {
                let file = entry.file_name().to_string_lossy().into_owned();
                file.starts_with(&prefix) && Path::new(&file).extension().is_some_and(|e| e == "txt")
            })
            .map(|entry| entry.path())
            .collect();
        // The timestamp in the name sorts as the time does.
        reports.sort();
        let surplus = reports.len().saturating_sub(KEEP_REPORTS);
        for old in &reports[..surplus] {
            let _ = std::fs::remove_file(old);
        }
    }
    Ok(path)
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A session that ended with a panic and has not been told about yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviousCrash {
    pub report: PathBuf,
}

impl PreviousCrash {
    /// What the app shows at start.
    pub fn message(&self) -> String {
        format!(
            "The last session ended unexpectedly. A short report is in {} (it holds no note text; \
             send it with a bug report if you like). Your data is safe: every change was saved as \
             it was made.",
            self.report.display()
        )
    }
}

/// The crash the app has not told about yet, if the last session beside `db_path` ended with
/// one. Reading does not clear it: call `acknowledge` once the message was shown.
pub fn previous_report(db_path: &Path) -> Option<PreviousCrash> {
    let name = std::fs::read_to_string(pending_marker(db_path)).ok()?;
    let name = name.trim();
    // The marker only ever names a report of this database, in its folder.
    if !name.starts_with(&report_prefix(db_path)) || name.contains(['/', '\\']) {
        return None;
    }
    let report = db_path.with_file_name(name);
    report.is_file().then_some(PreviousCrash { report })
}

/// Forgets the crash `previous_report` returned, so the next start says nothing about it.
/// The report itself stays.
pub fn acknowledge(db_path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(pending_marker(db_path)) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

fn location(info: &PanicHookInfo<'_>) -> String {
    info.location().map_or_else(
        || "unknown".into(),
        |at| format!("{}:{}:{}", short_path(at.file()), at.line(), at.column()),
    )
}

/// A dependency's path shortened to its crate folder (`rrule-0.14.0/src/core/rrule.rs`), so
/// the report does not carry the home folder the registry lives in.
fn short_path(file: &str) -> &str {
    let marker = "/registry/src/";
    match file.find(marker) {
        Some(at) => {
            let rest = &file[at + marker.len()..];
            rest.split_once('/').map_or(rest, |(_, crate_path)| crate_path)
        }
        None => file,
    }
}

fn payload_text(payload: &(dyn std::any::Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "(no message)"
    }
}

/// The message with every quoted part replaced by `…`: Rust quotes the data it prints in a
/// panic message (the string being sliced, an error's text), and that data may be a note or
/// a line of the user's calendar. An apostrophe inside a word (`can't`) is not a quote.
pub fn redact(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS));
    let mut closing: Option<char> = None;
    let mut previous: Option<char> = None;
    for c in message.chars() {
        match closing {
            Some(end) if c == end => {
                out.push('…');
                out.push(c);
                closing = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                let opens = match c {
                    '"' | '`' => true,
                    '\'' => !previous.is_some_and(char::is_alphanumeric),
                    _ => false,
                };
                if opens {
                    closing = Some(c);
                }
            }
        }
        previous = Some(c);
    }
    if closing.is_some() {
        out.push('…');
    }
    if out.chars().count() > MAX_MESSAGE_CHARS {
        out = out.chars().take(MAX_MESSAGE_CHARS).chain(['…']).collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).expect("valid").with_timezone(&Utc)
    }

    fn sample() -> Report {
        Report {
            doing: "reading a calendar file".into(),
            thread: "main".into(),
            location: "rrule-0.14.0/src/core/rrule.rs:162:35".into(),
            message: redact(
                "byte index 3 is not a char boundary; it is inside '\u{FFFD}' (bytes 2..5) of `TU\u{FFFD}`",
            ),
            backtrace: "   0: leadline::import::expand::rule_walls\n".into(),
        }
    }

    #[test]
    fn quoted_parts_of_a_panic_message_are_left_out() {
        assert_eq!(
            redact(
                "byte index 3 is not a char boundary; it is inside 'é' (bytes 2..5) of `Call Ana about her divorce`"
            ),
            "byte index 3 is not a char boundary; it is inside '…' (bytes 2..5) of `…`"
        );
        assert_eq!(
            redact(r#"called `Result::unwrap()` on an `Err` value: Custom { error: "private note" }"#),
            r#"called `…` on an `…` value: Custom { error: "…" }"#
        );
        assert_eq!(redact("can't read 'secret"), "can't read '…");
        assert_eq!(redact(&"x".repeat(1000)).chars().count(), MAX_MESSAGE_CHARS + 1);
    }

    #[test]
    fn a_report_says_what_was_done_where_and_which_version_without_the_text() {
        let text = report_text(&sample(), at("2026-11-28T10:15:02Z"));
        assert!(text.starts_with(&format!("Leadline {} stopped unexpectedly.", env!("CARGO_PKG_VERSION"))));
        for expected in [
            "When:    2026-11-28 10:15:02 UTC",
            "Doing:   reading a calendar file",
            "Where:   rrule-0.14.0/src/core/rrule.rs:162:35",
            "of `…`",
            "Your data is safe",
            "Backtrace:\n   0: leadline::import::expand::rule_walls",
        ] {
            assert!(text.contains(expected), "{expected:?} missing from\n{text}");
        }
        assert!(!text.contains("TU\u{FFFD}"), "{text}");
    }

    #[test]
    fn a_written_report_is_told_about_once_acknowledged_and_private() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("leadline.db");
        assert_eq!(previous_report(&db), None);
        let path = write_report(&db, "report", at("2026-11-28T10:15:02Z")).expect("written");
        assert_eq!(path, dir.path().join("leadline.db.crash-20261128T101502Z.txt"));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "report");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).expect("metadata").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let previous = previous_report(&db).expect("told about");
        assert_eq!(previous.report, path);
        let message = previous.message();
        assert!(message.starts_with("The last session ended unexpectedly."), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("Your data is safe"), "{message}");
        // Reading twice tells twice; acknowledging ends it, and the report stays.
        assert_eq!(previous_report(&db), Some(previous));
        acknowledge(&db).expect("acknowledged");
        assert_eq!(previous_report(&db), None);
        assert!(path.is_file());
        acknowledge(&db).expect("twice is fine");
    }

    #[test]
    fn only_the_newest_reports_are_kept_and_another_database_has_its_own() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("leadline.db");
        let other = dir.path().join("demo.db");
        write_report(&other, "other", at("2026-01-01T00:00:00Z")).expect("written");
        for minute in 0..8 {
            write_report(&db, "r", at(&format!("2026-11-28T10:{minute:02}:00Z"))).expect("written");
        }
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| Path::new(n).extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "demo.db.crash-20260101T000000Z.txt",
                "leadline.db.crash-20261128T100300Z.txt",
                "leadline.db.crash-20261128T100400Z.txt",
                "leadline.db.crash-20261128T100500Z.txt",
                "leadline.db.crash-20261128T100600Z.txt",
                "leadline.db.crash-20261128T100700Z.txt",
            ]
        );
        assert_eq!(
            previous_report(&db).map(|p| p.report),
            Some(dir.path().join("leadline.db.crash-20261128T100700Z.txt"))
        );
        assert_eq!(
            previous_report(&other).map(|p| p.report),
            Some(dir.path().join("demo.db.crash-20260101T000000Z.txt"))
        );
    }

    #[test]
    fn a_marker_naming_anything_but_a_report_of_this_database_is_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("leadline.db");
        std::fs::write(dir.path().join("leadline.db"), "data").expect("write");
        std::fs::write(pending_marker(&db), "leadline.db").expect("write");
        assert_eq!(previous_report(&db), None);
        std::fs::write(pending_marker(&db), "leadline.db.crash-../../etc/passwd").expect("write");
        assert_eq!(previous_report(&db), None);
    }

    #[test]
    fn a_panic_inside_catch_quietly_is_returned_with_where_it_happened() {
        let before = faults_caught_on_this_thread();
        let caught = catch_quietly(|| -> u32 { panic!("cannot read \"secret\"") }).expect_err("caught");
        assert_eq!(faults_caught_on_this_thread(), before + 1);
        assert_eq!(caught.message, "cannot read \"…\"");
        assert!(caught.location.starts_with("src/crash.rs:"), "{caught}");
        assert_eq!(catch_quietly(|| 7), Ok(7));
        // Nested: the inner catch takes the panic; the outer one sees a value.
        let nested = catch_quietly(|| catch_quietly(|| -> u8 { panic!("inner") }).is_err());
        assert_eq!(nested, Ok(true));
    }

    #[test]
    fn doing_is_restored_when_its_guard_is_dropped() {
        let read = || DOING.with(Cell::get);
        {
            let _outer = doing("importing a calendar");
            {
                let _inner = doing("expanding a series");
                assert_eq!(read(), "expanding a series");
            }
            assert_eq!(read(), "importing a calendar");
        }
        assert_eq!(read(), "");
    }

    #[test]
    fn registry_paths_are_shortened_to_the_crate() {
        assert_eq!(
            short_path(
                "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/rrule-0.14.0/src/core/rrule.rs"
            ),
            "rrule-0.14.0/src/core/rrule.rs"
        );
        assert_eq!(short_path("src/import/expand.rs"), "src/import/expand.rs");
    }
}
