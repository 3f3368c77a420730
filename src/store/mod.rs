//! SQLite storage: opening a file safely, migrations, and one module per entity.

pub mod accounts;
pub mod agenda;
pub mod architects;
pub mod backup;
mod business_dates;
pub mod calendar;
pub mod cascade;
pub mod certifications;
pub mod check;
pub mod consumption;
pub mod contacts;
pub mod goals;
pub mod health;
pub mod initiatives;
pub mod lists;
pub mod lock;
pub mod migrations;
pub mod milestones;
pub mod one_on_ones;
pub mod opportunities;
pub mod prep;
pub mod review;
pub mod review_competencies;
pub mod review_data;
pub mod scorecard;
pub mod search;
pub mod settings;
pub mod skills;
pub mod templates;
pub mod time;
pub mod transfer;
pub mod work_links;
// Hiring (issue 13).
pub mod candidates;
pub mod departures;
pub mod hiring_profiles;
pub mod interviews;
pub mod onboarding;
pub mod requisitions;

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::model::ValidationError;

pub use migrations::LATEST_VERSION;

/// What can go wrong opening or writing the database. Each message says which file and what
/// to do, because the user sees it as it is.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a Leadline database ({detail}). The file was not changed.")]
    NotADatabase { path: PathBuf, detail: String },
    #[error("{path} is damaged: {detail}. The file was not changed.")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer Leadline (schema version {found}; this version knows up to {known}). \
         The file was not changed: update Leadline to open it."
    )]
    TooNew { path: PathBuf, found: i64, known: i64 },
    #[error("Leadline is already open on this file ({path}). Close the other window first.")]
    AlreadyOpen { path: PathBuf },
    #[error(
        "Leadline cannot write to {path}: the file or its folder is read-only. Nothing was changed; \
         check the permissions or choose another file with --db."
    )]
    ReadOnly { path: PathBuf },
    #[error("cannot use {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Goal(#[from] crate::model::goal::GoalError),
    #[error(transparent)]
    Skill(#[from] crate::model::skills::SkillError),
    #[error(transparent)]
    Cert(#[from] crate::model::certification::CertError),
    #[error(transparent)]
    Stage(#[from] crate::model::candidate::StageError),
    #[error(transparent)]
    Review(#[from] crate::model::review::ReviewError),
    #[error("{0}")]
    InUse(String),
    #[error("{0}")]
    Unsupported(String),
    #[error("{0} no longer exists")]
    NotFound(String),
    /// SQLite's own error. Not a `source`: the words below already say what it says, and a
    /// full disk is said in plain words instead of "Error code 13".
    #[error("{}", sqlite_message(.0))]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Sqlite(error)
    }
}

/// What the user reads for an error SQLite reported.
fn sqlite_message(error: &rusqlite::Error) -> String {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
        DISK_FULL.to_owned()
    } else {
        format!("database error: {error}")
    }
}

/// A write that found no room (`SQLITE_FULL`): the transaction was rolled back.
pub const DISK_FULL: &str =
    "the disk holding the database is full: nothing was saved. Free some space, then try again.";

/// The open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Released when the store is dropped (or the process ends).
    hold: Hold,
    /// The backup taken before this open upgraded the schema, if any.
    pub migration_backup: Option<backup::BackupInfo>,
}

/// What an open store holds so that others know: a window (or a command that replaces the
/// file) holds the one-instance lock; a command-line call beside a window joins the calls.
/// Only held, never read: dropping it releases the lock.
#[derive(Debug)]
enum Hold {
    Window(#[expect(dead_code, reason = "held for its drop")] lock::InstanceLock),
    Call(#[expect(dead_code, reason = "held for its drop")] lock::CallLock),
}

/// The first bytes of every SQLite 3 file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

impl Store {
    /// Opens (or creates) the database at `path`, refusing anything that is not a healthy
    /// Leadline database of this version or older without writing a byte to it.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_checked(path, true)
    }

    /// Opens like [`Store::open`] for a command-line call: the page-by-page `quick_check` runs
    /// at most once a day per file (when the stamp beside it, [`checked_stamp`], is older than
    /// [`CHECK_EVERY`] or missing) and always before a migration. Header, size, schema version
    /// and the lock are checked every time. `leadline check` runs the full check regardless.
    pub fn open_checked_daily(path: &Path) -> Result<Self, StoreError> {
        let due = !checked_recently(path, std::time::SystemTime::now()) || left_by_a_crash(path);
        Self::open_checked(path, due)
    }

    /// Opens like [`Store::open`] but leaves the page-by-page `quick_check` to the caller, who
    /// runs it in the background with [`health::spawn`]: the window then opens at once, even
    /// on a large file. Header, size, schema version and the instance lock are still checked.
    pub fn open_deferring_check(path: &Path) -> Result<Self, StoreError> {
        Self::open_checked(path, false)
    }

    /// Opens like [`Store::open_checked_daily`] for a command-line call that may run while a
    /// window is open on the file (logging time from a terminal): it does not take the
    /// one-instance lock but joins the calls, so a restore waits for it to finish. Writes are
    /// short transactions that wait for the window's (write-ahead log, busy timeout). A file
    /// to create or to upgrade needs the file to itself: that is opened like
    /// [`Store::open_checked_daily`], and refused while a window has it open.
    pub fn open_beside_window(path: &Path) -> Result<Self, StoreError> {
        if !path.exists() || version_of(path).is_none_or(|version| version < LATEST_VERSION) {
            return Self::open_checked_daily(path);
        }
        let crashed = left_by_a_crash(path);
        let call = lock::join_calls(path)?;
        let due = crashed || !checked_recently(path, std::time::SystemTime::now());
        inspect_existing(path, due)?;
        let (conn, migration_backup) = open_connection(path, true)?;
        Ok(Self { conn, path: path.to_owned(), hold: Hold::Call(call), migration_backup })
    }

    fn open_checked(path: &Path, quick_check: bool) -> Result<Self, StoreError> {
        let exists = path.exists();
        if exists {
            inspect_existing(path, quick_check)?;
        } else {
            create_parent_dirs(path)?;
        }
        let instance_lock = lock::acquire(path)?;
        let (conn, migration_backup) = open_connection(path, exists)?;
        Ok(Self { conn, path: path.to_owned(), hold: Hold::Window(instance_lock), migration_backup })
    }

    /// Replaces the file with `staged` (a verified backup copied beside it) while this store
    /// keeps the one-instance lock, so no other Leadline opens the file midway; then opens the
    /// new file, upgrading it if it came from an older version. The caller backs up the
    /// current data first.
    pub fn replace_with(&mut self, staged: &Path) -> Result<(), StoreError> {
        // Close the old file (checkpointing its journal) before its place is taken. Meanwhile
        // the store holds an empty in-memory database, where every read and write fails: nothing
        // can be written anywhere but the file.
        if matches!(self.hold, Hold::Call(_)) {
            return Err(StoreError::Unsupported(
                "a file is replaced only by a store that holds it alone".into(),
            ));
        }
        // Command-line calls working beside the window finish first and wait meanwhile.
        let _calls = lock::hold_off_calls(&self.path)?;
        let closed = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        if let Err((conn, error)) = closed.close() {
            self.conn = conn;
            return Err(StoreError::Sqlite(error));
        }
        let replaced = backup::commit_restore(staged, &self.path)
            .and_then(|()| inspect_existing(&self.path, true))
            .and_then(|()| open_connection(&self.path, true));
        match replaced {
            Ok((conn, migration_backup)) => {
                self.conn = conn;
                self.migration_backup = migration_backup;
                Ok(())
            }
            Err(error) => {
                // The old file or the new one is in place: keep working on whichever it is.
                if let Ok((conn, _)) = open_connection(&self.path, true) {
                    self.conn = conn;
                }
                Err(error)
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Lends the connection for work that manages its own transaction (an import).
    pub fn with_connection_mut<T>(&mut self, f: impl FnOnce(&mut Connection) -> T) -> T {
        f(&mut self.conn)
    }

    /// Runs `f` in one immediate transaction: committed when it returns `Ok`, rolled back
    /// when it returns `Err`.
    pub fn transact<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// Opens the file for writing with the pragmas every connection needs, and brings its schema
/// up to date (after a verified backup of an older version that holds data).
fn open_connection(
    path: &Path,
    exists: bool,
) -> Result<(Connection, Option<backup::BackupInfo>), StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | if exists { OpenFlags::empty() } else { OpenFlags::SQLITE_OPEN_CREATE };
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| classify_open_error(path, e))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        .map_err(|e| classify_open_error(path, e))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    let version = migrations::version(&conn)?;
    // An upgrade of a file with data is preceded by a verified backup of the old version.
    let migration_backup = if exists && version > 0 && version < LATEST_VERSION {
        Some(backup::take(&conn, path, backup::Reason::BeforeMigration)?)
    } else {
        None
    };
    migrations::migrate(&mut conn).map_err(|e| match e {
        StoreError::Sqlite(e) => classify_open_error(path, e),
        other => other,
    })?;
    // An index folded otherwise than today's queries is built again (once).
    search::refold_if_needed(&mut conn)?;
    restrict_permissions(path);
    Ok((conn, migration_backup))
}

/// Checks an existing file before SQLite opens it for writing: the header, the size, the
/// schema version and a quick integrity check, all read-only.
fn inspect_existing(path: &Path, quick_check: bool) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: path.to_owned(), source };
    let metadata = fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        let detail = if metadata.is_dir() {
            "it is a folder, not a file"
        } else {
            "it is a device or other special file, not an ordinary file"
        };
        return Err(StoreError::NotADatabase { path: path.to_owned(), detail: detail.into() });
    }
    let metadata = if roll_back_hot_journal(path)? { fs::metadata(path).map_err(io)? } else { metadata };
    if metadata.len() == 0 {
        // SQLite treats an empty file as a new database.
        return Ok(());
    }
    let mut header = Vec::with_capacity(HEADER_LEN);
    fs::File::open(path).map_err(io)?.take(HEADER_LEN as u64).read_to_end(&mut header).map_err(io)?;
    if header.len() < HEADER_LEN || !header.starts_with(SQLITE_MAGIC) {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
            detail: "it does not start with the SQLite header".into(),
        });
    }
    check_length(path, &header, metadata.len())?;

    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| classify_open_error(path, e))?;
    let found = migrations::version(&conn).map_err(|e| classify_open_error(path, e))?;
    if found > LATEST_VERSION {
        return Err(StoreError::TooNew { path: path.to_owned(), found, known: LATEST_VERSION });
    }
    if !quick_check {
        return Ok(());
    }
    let problems = check::quick_check(&conn).map_err(|e| classify_open_error(path, e))?;
    if !problems.is_empty() {
        let _ = fs::remove_file(checked_stamp(path));
        return Err(StoreError::Corrupt { path: path.to_owned(), detail: problems.join("; ") });
    }
    record_check(path);
    Ok(())
}

/// How long a passed `quick_check` spares the command line from running it again.
pub const CHECK_EVERY: std::time::Duration = std::time::Duration::from_hours(24);

/// The file beside the database whose modification time says when its last `quick_check`
/// passed: `leadline.db.checked` for `leadline.db`. Empty; removing it only costs one check.
pub fn checked_stamp(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".checked");
    PathBuf::from(name)
}

/// Notes that the page-by-page check of `db` passed just now. A folder that cannot be written
/// only means the next command-line call checks again.
pub fn record_check(db: &Path) {
    let _ = fs::File::create(checked_stamp(db));
}

/// Whether `db` passed its page-by-page check within [`CHECK_EVERY`] before `now`, and is of
/// this version (an upgrade always checks first).
fn checked_recently(db: &Path, now: std::time::SystemTime) -> bool {
    let stamped = fs::metadata(checked_stamp(db)).and_then(|m| m.modified());
    let fresh = stamped.is_ok_and(|at| now.duration_since(at).is_ok_and(|age| age < CHECK_EVERY));
    fresh && version_of(db) == Some(LATEST_VERSION)
}

/// Whether the last program that had `db` open ended without closing it (killed, crashed, the
/// power cut): its write-ahead log is still beside the file while nobody has it open. SQLite
/// closing the last connection empties and removes the log; SQLite replays a left one on the
/// next open, and a page-by-page check then says whether the file took harm.
fn left_by_a_crash(db: &Path) -> bool {
    fs::metadata(wal_path(db)).is_ok_and(|m| m.len() > 0) && lock::nobody_has_it_open(db)
}

fn wal_path(db: &Path) -> PathBuf {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    PathBuf::from(wal)
}

/// The schema version of the file at `db`, read without writing (`None`: unreadable).
fn version_of(db: &Path) -> Option<i64> {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .ok()
        .and_then(|conn| migrations::version(&conn).ok())
}

/// A file cut short: the header says how many pages there are. Only checked when no
/// write-ahead log holds newer pages.
fn check_length(path: &Path, header: &[u8], file_len: u64) -> Result<(), StoreError> {
    if fs::metadata(wal_path(path)).is_ok_and(|m| m.len() > 0) {
        return Ok(());
    }
    let raw_page_size = u16::from_be_bytes([header[16], header[17]]);
    let page_size = if raw_page_size == 1 { 65_536 } else { u64::from(raw_page_size) };
    let page_count = u64::from(u32::from_be_bytes([header[28], header[29], header[30], header[31]]));
    let expected = page_size * page_count;
    if expected > file_len {
        return Err(StoreError::Corrupt {
            path: path.to_owned(),
            detail: format!("the file is truncated ({file_len} bytes, its header says {expected})"),
        });
    }
    Ok(())
}

/// A process killed while it created the file (before the journal turned to WAL) leaves a hot
/// rollback journal beside it. Only a connection that may write can roll it back (SQLite does on
/// its first read), and the read-only checks would call the file read-only instead; so it is
/// rolled back first, bringing the file back to what the last finished transaction wrote, as
/// SQLite requires. Returns whether there was one. A journal of a live writer is not hot: SQLite
/// leaves it alone.
fn roll_back_hot_journal(path: &Path) -> Result<bool, StoreError> {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    if !fs::metadata(&journal).is_ok_and(|m| m.len() > 0) {
        return Ok(false);
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify_open_error(path, e))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
        .map_err(|e| classify_open_error(path, e))?;
    conn.close().map_err(|(_, e)| classify_open_error(path, e))?;
    Ok(true)
}

fn classify_open_error(path: &Path, error: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            StoreError::NotADatabase { path: path.to_owned(), detail: error.to_string() }
        }
        Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path: path.to_owned(), detail: error.to_string() }
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            StoreError::ReadOnly { path: path.to_owned() }
        }
        _ => StoreError::Sqlite(error),
    }
}

/// Creates the folders above a new database, readable by the owner only.
fn create_parent_dirs(path: &Path) -> Result<(), StoreError> {
    let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    if parent.exists() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(parent).map_err(|source| StoreError::Io { path: parent.to_owned(), source })
}

/// Writes an export, a report or a prep sheet to `path`, readable by the owner only (they hold
/// private notes): created `0600`, an existing file made `0600` too, synced before it returns.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |source| StoreError::Io { path: path.to_owned(), source };
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        options.mode(0o600);
        let file = options.open(path).map_err(io)?;
        file.set_permissions(fs::Permissions::from_mode(0o600)).map_err(io)?;
        write_all_synced(file, bytes).map_err(io)
    }
    #[cfg(not(unix))]
    {
        let file = options.open(path).map_err(io)?;
        write_all_synced(file, bytes).map_err(io)
    }
}

fn write_all_synced(mut file: fs::File, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The database and its journal files are readable by the owner only.
fn restrict_permissions(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        for suffix in ["", "-wal", "-shm"] {
            let mut file = path.as_os_str().to_owned();
            file.push(suffix);
            // Best effort: a file SQLite has not created yet inherits the database's mode.
            let _ = fs::set_permissions(PathBuf::from(file), fs::Permissions::from_mode(0o600));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}
