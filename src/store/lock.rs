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
    match file.try_lock() {
        Ok(()) => Ok(InstanceLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(StoreError::AlreadyOpen { path: db.to_owned() }),
        Err(TryLockError::Error(source)) => Err(StoreError::Io { path, source }),
    }
}
