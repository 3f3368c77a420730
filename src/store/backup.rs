//! Verified, rotating backups: `VACUUM INTO` a temporary file, check it, fsync, rename into
//! place. A snapshot that fails any step is deleted and never replaces a good one.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike as _, Duration, Local, NaiveDateTime, Timelike as _};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{StoreError, check};

/// Why a backup was taken; part of its file name so the list reads well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Daily,
    OnQuit,
    Manual,
    BeforeMigration,
    BeforeImport,
    BeforeRestore,
}

impl Reason {
    fn key(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::OnQuit => "quit",
            Self::Manual => "manual",
            Self::BeforeMigration => "pre-migration",
            Self::BeforeImport => "pre-import",
            Self::BeforeRestore => "pre-restore",
        }
    }

    pub fn label(key: &str) -> &'static str {
        match key {
            "daily" => "daily",
            "quit" => "on quit",
            "manual" => "by hand",
            "pre-migration" => "before an upgrade",
            "pre-import" => "before an import",
            "pre-restore" => "before a restore",
            _ => "",
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub taken_at: NaiveDateTime,
    pub size_bytes: u64,
    /// The reason key from the file name (`daily`, `manual`, ...).
    pub reason: String,
}

const STAMP: &str = "%Y%m%d-%H%M%S";

/// `DATA_DIR/backups`, beside the database.
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or_else(|| Path::new(".")).join("backups")
}

fn stem(db: &Path) -> String {
    db.file_stem().map_or_else(|| "leadline".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// Every backup of `db`, newest first.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let dir = backups_dir(db);
    let prefix = format!("{}-", stem(db));
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: dir, source }),
    };
    let mut backups = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix).and_then(|r| r.strip_suffix(".db")) else { continue };
        // NAME-YYYYMMDD-HHMMSS-reason.db
        let (stamp, reason) = rest.split_at(rest.len().min(15));
        let Ok(taken_at) = NaiveDateTime::parse_from_str(stamp, STAMP) else { continue };
        let size_bytes = entry.metadata().map_or(0, |m| m.len());
        backups.push(BackupInfo {
            path: entry.path(),
            taken_at,
            size_bytes,
            reason: reason.trim_start_matches('-').to_owned(),
        });
    }
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.path.cmp(&a.path)));
    Ok(backups)
}

/// Whether the newest backup is older than a day (or there is none).
pub fn is_due(db: &Path, now: NaiveDateTime) -> Result<bool, StoreError> {
    Ok(list(db)?.first().is_none_or(|newest| now - newest.taken_at >= Duration::days(1)))
}

/// Takes a verified backup of the open database and rotates the old ones.
pub fn take(conn: &Connection, db: &Path, reason: Reason) -> Result<BackupInfo, StoreError> {
    take_at(conn, db, reason, Local::now().naive_local())
}

/// `take` with an explicit clock, for tests of rotation.
pub fn take_at(
    conn: &Connection,
    db: &Path,
    reason: Reason,
    now: NaiveDateTime,
) -> Result<BackupInfo, StoreError> {
    // File names hold whole seconds; so does the info returned.
    let now = now.with_nanosecond(0).unwrap_or(now);
    let dir = backups_dir(db);
    create_private_dir(&dir)?;
    let mut final_path = dir.join(format!("{}-{}-{}.db", stem(db), now.format(STAMP), reason.key()));
    // Two backups in the same second (e.g. before an import, then on quit) keep both.
    let mut counter = 1;
    while final_path.exists() {
        counter += 1;
        final_path = dir.join(format!("{}-{}-{}-{counter}.db", stem(db), now.format(STAMP), reason.key()));
    }
    let temp = dir.join(format!(".{}-{}.partial", stem(db), now.format(STAMP)));
    let _ = fs::remove_file(&temp);
    if let Err(error) = write_verified(conn, &temp, &final_path) {
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    let size_bytes = fs::metadata(&final_path).map_or(0, |m| m.len());
    rotate(db, now)?;
    Ok(BackupInfo { path: final_path, taken_at: now, size_bytes, reason: reason.key().to_owned() })
}

fn write_verified(conn: &Connection, temp: &Path, final_path: &Path) -> Result<(), StoreError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| StoreError::Io { path, source }
    };
    let temp_text = temp.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [&temp_text])?;
    // The snapshot is created with the process umask: make it private before anything else.
    set_private(temp)?;
    verify(temp)?;
    fs::File::open(temp).and_then(|f| f.sync_all()).map_err(io(temp))?;
    fs::rename(temp, final_path).map_err(io(final_path))?;
    sync_dir(final_path.parent().unwrap_or_else(|| Path::new(".")));
    Ok(())
}

/// Opens a backup read-only and runs `quick_check`. Errors name the file.
pub fn verify(path: &Path) -> Result<(), StoreError> {
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| StoreError::Corrupt { path: path.to_owned(), detail: e.to_string() })?;
    let problems = check::quick_check(&conn)
        .map_err(|e| StoreError::Corrupt { path: path.to_owned(), detail: e.to_string() })?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Corrupt { path: path.to_owned(), detail: problems.join("; ") })
    }
}

/// The newest backup that passes `quick_check`, for recovering a damaged database.
pub fn newest_good(db: &Path) -> Result<Option<BackupInfo>, StoreError> {
    Ok(list(db)?.into_iter().find(|b| verify(&b.path).is_ok()))
}

/// Keeps every backup of the last 24 hours, and the newest of each of the last 7 days,
/// 4 ISO weeks and 12 months that have backups; deletes the rest.
pub fn rotate(db: &Path, now: NaiveDateTime) -> Result<Vec<PathBuf>, StoreError> {
    let backups = list(db)?;
    let keep = kept(&backups, now);
    let mut removed = Vec::new();
    for (index, backup) in backups.iter().enumerate() {
        if !keep.contains(&index) {
            fs::remove_file(&backup.path)
                .map_err(|source| StoreError::Io { path: backup.path.clone(), source })?;
            removed.push(backup.path.clone());
        }
    }
    Ok(removed)
}

/// Indexes (into the newest-first list) of the backups rotation keeps.
fn kept(backups: &[BackupInfo], now: NaiveDateTime) -> Vec<usize> {
    // A backup taken moments ago (before an import, by hand) is never rotated away at once.
    let mut keep: Vec<usize> = backups
        .iter()
        .enumerate()
        .filter(|(_, b)| now - b.taken_at < Duration::days(1))
        .map(|(i, _)| i)
        .collect();
    let mut pick = |key: &dyn Fn(&BackupInfo) -> (i32, u32), slots: usize| {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        for (index, backup) in backups.iter().enumerate() {
            let k = key(backup);
            if seen.contains(&k) {
                continue;
            }
            if seen.len() == slots {
                break;
            }
            seen.push(k);
            keep.push(index);
        }
    };
    pick(&|b| (b.taken_at.date().year(), b.taken_at.date().ordinal()), 7);
    pick(&|b| (b.taken_at.date().iso_week().year(), b.taken_at.date().iso_week().week()), 4);
    pick(&|b| (b.taken_at.date().year(), b.taken_at.date().month()), 12);
    keep.sort_unstable();
    keep.dedup();
    keep
}

/// Copies a verified backup beside the database as `NAME.restoring`, so that nothing done
/// afterwards (a safety backup and its rotation) can remove the source midway.
pub fn stage_restore(backup: &Path, db: &Path) -> Result<PathBuf, StoreError> {
    verify(backup)?;
    let mut temp = db.as_os_str().to_owned();
    temp.push(".restoring");
    let temp = PathBuf::from(temp);
    fs::copy(backup, &temp).map_err(|source| StoreError::Io { path: temp.clone(), source })?;
    set_private(&temp)?;
    fs::File::open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(|source| StoreError::Io { path: temp.clone(), source })?;
    Ok(temp)
}

/// Puts a staged backup in place of the database. The caller has closed the database (and
/// backed it up) first.
pub fn commit_restore(staged: &Path, db: &Path) -> Result<(), StoreError> {
    verify(staged)?;
    // The old file's journal must not be replayed onto the restored one.
    for suffix in ["-wal", "-shm"] {
        let mut journal = db.as_os_str().to_owned();
        journal.push(suffix);
        let _ = fs::remove_file(PathBuf::from(journal));
    }
    fs::rename(staged, db).map_err(|source| StoreError::Io { path: db.to_owned(), source })?;
    sync_dir(db.parent().unwrap_or_else(|| Path::new(".")));
    Ok(())
}

/// Moves a damaged database (and its journal files) aside as `NAME.corrupt-<timestamp>`,
/// never deleting it. Returns the new path.
pub fn move_aside(db: &Path, now: DateTime<Local>) -> Result<PathBuf, StoreError> {
    let mut target = db.as_os_str().to_owned();
    target.push(format!(".corrupt-{}", now.format(STAMP)));
    let target = PathBuf::from(target);
    fs::rename(db, &target).map_err(|source| StoreError::Io { path: db.to_owned(), source })?;
    for suffix in ["-wal", "-shm"] {
        let mut from = db.as_os_str().to_owned();
        from.push(suffix);
        let mut to = target.as_os_str().to_owned();
        to.push(suffix);
        let _ = fs::rename(PathBuf::from(from), PathBuf::from(to));
    }
    Ok(target)
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|source| StoreError::Io { path: dir.to_owned(), source })
}

fn set_private(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))
            .map_err(|source| StoreError::Io { path: path.to_owned(), source })?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Makes a rename durable. Best effort: not every platform can open a directory.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(stamp: &str) -> BackupInfo {
        BackupInfo {
            path: PathBuf::from(stamp),
            taken_at: NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d %H:%M").unwrap(),
            size_bytes: 0,
            reason: "daily".into(),
        }
    }

    #[test]
    fn rotation_keeps_seven_days_four_weeks_twelve_months() {
        // One backup a day for 400 days, newest first, two on the newest day.
        let start = NaiveDateTime::parse_from_str("2026-11-28 18:00", "%Y-%m-%d %H:%M").unwrap();
        let mut backups = vec![info("2026-11-28 19:00")];
        for day in 0..400 {
            let at = start - Duration::days(day);
            backups.push(info(&at.format("%Y-%m-%d %H:%M").to_string()));
        }
        let now = NaiveDateTime::parse_from_str("2026-11-30 09:00", "%Y-%m-%d %H:%M").unwrap();
        let keep = kept(&backups, now);
        let kept_dates: Vec<String> =
            keep.iter().map(|&i| backups[i].taken_at.format("%Y-%m-%d %H:%M").to_string()).collect();
        assert_eq!(kept_dates[0], "2026-11-28 19:00", "the newest is kept");
        assert!(!kept_dates.contains(&"2026-11-28 18:00".to_owned()), "one per day, after a day");
        // 7 days (Nov 22-28) + weeks W48..W45 newest of each + months Nov..Dec 2025.
        assert!(kept_dates.contains(&"2026-11-22 18:00".to_owned()));
        assert!(!kept_dates.contains(&"2026-11-21 18:00".to_owned()), "W47's newest is Nov 22");
        assert!(kept_dates.contains(&"2026-11-15 18:00".to_owned()), "W46");
        assert!(kept_dates.contains(&"2026-11-08 18:00".to_owned()), "W45");
        assert!(kept_dates.contains(&"2026-10-31 18:00".to_owned()), "October's newest");
        assert!(kept_dates.contains(&"2025-12-31 18:00".to_owned()), "the 12th month");
        assert!(!kept_dates.contains(&"2025-11-30 18:00".to_owned()), "a 13th month is dropped");
        assert_eq!(keep.len(), 7 + 2 + 11, "days, then the weeks and months not already kept");
    }
}

#[cfg(test)]
mod recent_tests {
    use super::*;

    #[test]
    fn backups_of_the_last_day_are_all_kept() {
        let at = |t: &str| BackupInfo {
            path: PathBuf::from(t),
            taken_at: NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M").unwrap(),
            size_bytes: 0,
            reason: "manual".into(),
        };
        let backups =
            [at("2026-11-28 10:05"), at("2026-11-28 10:04"), at("2026-11-27 09:00"), at("2026-11-27 08:00")];
        let now = NaiveDateTime::parse_from_str("2026-11-28 10:06", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(kept(&backups, now), [0, 1, 2], "both of today, the newest of yesterday");
    }
}
