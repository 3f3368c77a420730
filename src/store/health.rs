//! The start-up health check off the window's critical path: `quick_check` and, when one is
//! due, the daily backup, on their own connection in a background thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use rusqlite::{Connection, OpenFlags};

use super::{StoreError, backup, check};

/// What the background check found.
#[derive(Debug)]
pub enum Health {
    /// `quick_check` passed; `backup` is the daily backup if one was due.
    Healthy { backup: Option<Result<backup::BackupInfo, String>> },
    /// `quick_check` found problems (or the file could not be read): the app recovers.
    Damaged { detail: String },
}

/// Starts the check of the database at `path`; the answer arrives on the returned channel.
pub fn spawn(path: &Path) -> Receiver<Health> {
    let (sender, receiver) = mpsc::channel();
    let path = path.to_owned();
    std::thread::spawn(move || {
        // The receiver may be gone if the window closed first: nothing left to tell.
        let _ = sender.send(check_and_back_up(&path));
    });
    receiver
}

/// The same work, on the calling thread (benchmarks and tests).
pub fn check_and_back_up(path: &PathBuf) -> Health {
    let conn = match Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        Ok(conn) => conn,
        Err(error) => return Health::Damaged { detail: error.to_string() },
    };
    let _ = conn.busy_timeout(std::time::Duration::from_secs(5));
    match check::quick_check(&conn) {
        // The command line beside the window can skip its own check today.
        Ok(problems) if problems.is_empty() => super::record_check(path),
        Ok(problems) => {
            let _ = std::fs::remove_file(super::checked_stamp(path));
            return Health::Damaged { detail: problems.join("; ") };
        }
        Err(error) => return Health::Damaged { detail: error.to_string() },
    }
    let now = chrono::Local::now().naive_local();
    let backup = match backup::is_due(path, now) {
        Ok(false) => None,
        Ok(true) => Some(backup::take(&conn, path, backup::Reason::Daily).map_err(|e| e.to_string())),
        Err(error) => Some(Err(error.to_string())),
    };
    Health::Healthy { backup }
}

/// Turns a damaged report into the error the recovery screen shows.
pub fn damaged_error(path: &Path, detail: String) -> StoreError {
    StoreError::Corrupt { path: path.to_owned(), detail }
}
