//! One Leadline per database: an OS file lock on `NAME.lock` beside the database, released
//! by the OS when the process ends, even after a crash.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::StoreError;

/// Held for as long as the database is open.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Opens (creating, private) the lock file `path` beside the database `db`; a folder that
/// cannot be written is said as a read-only database.
fn open_lock_file(db: &Path, path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::PermissionDenied {
            StoreError::ReadOnly { path: db.to_owned() }
        } else {
            StoreError::Io { path: path.to_owned(), source }
        }
    })
}

/// Takes the lock, or says that another Leadline has the file open.
pub fn acquire(db: &Path) -> Result<InstanceLock, StoreError> {
    let path = lock_path(db);
    let file = open_lock_file(db, &path)?;
    // A lock can be held for a moment by a process this one just forked (until it execs and
    // its copy of the descriptor closes), so a busy lock is tried again briefly before another
    // Leadline is blamed.
    for attempt in 0..=LOCK_RETRIES {
        match file.try_lock() {
            Ok(()) => return Ok(InstanceLock { _file: file }),
            Err(TryLockError::WouldBlock) if attempt < LOCK_RETRIES => std::thread::sleep(LOCK_RETRY_WAIT),
            Err(TryLockError::WouldBlock) => break,
            Err(TryLockError::Error(source)) => return Err(StoreError::Io { path, source }),
        }
    }
    Err(StoreError::AlreadyOpen { path: db.to_owned() })
}

/// How often, and how far apart, a busy lock is tried again: a quarter of a second in all.
const LOCK_RETRIES: u32 = 10;
const LOCK_RETRY_WAIT: std::time::Duration = std::time::Duration::from_millis(25);

/// Held by a command-line call that works beside an open window (a `time add` from a
/// terminal while the app is open): shared among such calls, taken exclusively only for the
/// moment a file is swapped (a restore), so no call reads or writes a file being replaced.
/// On `NAME.calls` beside the database; the window's own lock is [`InstanceLock`].
#[derive(Debug)]
pub struct CallLock {
    _file: File,
}

pub fn calls_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".calls");
    PathBuf::from(name)
}

/// How long a call waits for a swap to finish, or a swap for the calls to finish: swaps and
/// command-line calls last milliseconds, so this only runs out when something is stuck.
const CALL_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Joins the command-line calls working on `db`, waiting while a file is being swapped.
pub fn join_calls(db: &Path) -> Result<CallLock, StoreError> {
    lock_calls(db, false)
}

/// Waits until no command-line call works on `db`, and keeps them out until dropped: taken
/// while the file is swapped.
pub fn hold_off_calls(db: &Path) -> Result<CallLock, StoreError> {
    lock_calls(db, true)
}

fn lock_calls(db: &Path, exclusive: bool) -> Result<CallLock, StoreError> {
    let path = calls_path(db);
    let file = open_lock_file(db, &path)?;
    let started = std::time::Instant::now();
    loop {
        let tried = if exclusive { file.try_lock() } else { file.try_lock_shared() };
        match tried {
            Ok(()) => return Ok(CallLock { _file: file }),
            Err(TryLockError::WouldBlock) if started.elapsed() < CALL_WAIT => {
                std::thread::sleep(LOCK_RETRY_WAIT);
            }
            Err(TryLockError::WouldBlock) => break,
            Err(TryLockError::Error(source)) => return Err(StoreError::Io { path, source }),
        }
    }
    Err(StoreError::InUse(if exclusive {
        format!("a command-line call is still working on {}; try again when it has finished", db.display())
    } else {
        format!("{} is being replaced (a restore); try again in a moment", db.display())
    }))
}

/// Whether nobody has `db` open at this moment: no window and no command-line call. Asks
/// once, without waiting (a busy lock answers no at once).
pub fn nobody_has_it_open(db: &Path) -> bool {
    let free = |path: PathBuf| match OpenOptions::new().write(true).open(path) {
        Ok(file) => file.try_lock().is_ok(),
        // Nobody holds a lock file that is not there (the first to lock makes it): a file
        // copied from elsewhere, or one no command-line call ever joined.
        Err(error) => error.kind() == std::io::ErrorKind::NotFound,
    };
    free(lock_path(db)) && free(calls_path(db))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_lock_files_beside_it_is_open_by_nobody() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("leadline.db");
        assert!(nobody_has_it_open(&db), "no lock file, no call file: nobody");
        let window = acquire(&db).expect("the window's lock");
        assert!(!nobody_has_it_open(&db), "a window has it");
        drop(window);
        assert!(nobody_has_it_open(&db));
        let call = join_calls(&db).expect("a call");
        assert!(!nobody_has_it_open(&db), "a command-line call has it");
        drop(call);
        assert!(nobody_has_it_open(&db));
    }

    #[test]
    fn calls_share_the_file_and_a_swap_waits_for_them_to_finish() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("leadline.db");
        let first = join_calls(&db).expect("a first call");
        let second = join_calls(&db).expect("a second call beside it");
        let (tx, rx) = std::sync::mpsc::channel();
        let path = db.clone();
        let swap = std::thread::spawn(move || {
            let held = hold_off_calls(&path);
            tx.send(()).expect("send");
            held.map(drop)
        });
        // The swap waits while calls work on the file...
        assert!(rx.recv_timeout(std::time::Duration::from_millis(200)).is_err(), "the swap did not wait");
        drop((first, second));
        // ...and goes ahead once they have finished.
        rx.recv_timeout(CALL_WAIT).expect("the swap went ahead");
        swap.join().expect("join").expect("the swap held the file");
        assert!(join_calls(&db).is_ok(), "calls work again after the swap");
    }

    #[test]
    fn the_window_lock_and_the_calls_do_not_exclude_each_other() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("leadline.db");
        let window = acquire(&db).expect("the window");
        let call = join_calls(&db).expect("a call beside the window");
        assert!(matches!(acquire(&db), Err(StoreError::AlreadyOpen { .. })), "a second window is refused");
        assert!(!nobody_has_it_open(&db));
        drop(window);
        assert!(!nobody_has_it_open(&db), "the call still has it");
        drop(call);
        assert!(nobody_has_it_open(&db));
    }
}
