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

/// Takes the lock, or says that another Leadline has the file open.
pub fn acquire(db: &Path) -> Result<InstanceLock, StoreError> {
    let path = lock_path(db);
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = options.open(&path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::PermissionDenied {
            StoreError::ReadOnly { path: db.to_owned() }
        } else {
            StoreError::Io { path: path.clone(), source }
        }
    })?;
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
