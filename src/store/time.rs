//! Time entries, the time settings (fiscal start month, targets, per-quarter overrides) and the
//! aggregates the week and quarter views are built from.

use chrono::{Month, NaiveDate, NaiveTime, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::{StoreError, settings};
use crate::model::architect::Choice as _;
use crate::model::fiscal::{FiscalQuarter, IsoWeek, start_month_from_number};
use crate::model::split::{Category, Targets};
use crate::model::time_entry::{self, EntrySource, TimeEntry, TimeEntryFields};
use crate::model::time_summary::{DailyMinutes, QuarterSummary, TimeSettings, WeekSummary};
use crate::model::{ArchitectId, TimeEntryId, ValidationError};

/// Settings key: the month the fiscal year starts, 1 to 12.
pub const FISCAL_START_MONTH: &str = "fiscal_start_month";
/// Settings key: the default targets as JSON (`{"coaching_pct":50,...}`).
pub const TIME_TARGETS: &str = "time_targets";

const COLUMNS: &str = "id, entry_date, start_time, minutes, category, description, architect_id, source, \
     event_uid, recurrence_id, account_id, initiative_id";

/// Start times are stored as `HH:MM`: minutes are the finest grain a calendar gives.
const TIME_FORMAT: &str = "%H:%M";

pub(super) fn conversion_error(index: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, message.into())
}

pub(super) fn category_at(row: &Row<'_>, index: usize) -> rusqlite::Result<Category> {
    let key: String = row.get(index)?;
    Category::from_key(&key).ok_or_else(|| conversion_error(index, format!("unknown category {key:?}")))
}

fn row_to_entry(row: &Row<'_>) -> rusqlite::Result<TimeEntry> {
    let start_time = match row.get::<_, Option<String>>(2)? {
        Some(text) => Some(
            NaiveTime::parse_from_str(&text, TIME_FORMAT)
                .map_err(|_| conversion_error(2, format!("{text:?} is not a time")))?,
        ),
        None => None,
    };
    let source = match row.get::<_, String>(7)?.as_str() {
        "manual" => EntrySource::Manual,
        "calendar" => EntrySource::Calendar { event_uid: row.get(8)?, recurrence_id: row.get(9)? },
        other => return Err(conversion_error(7, format!("unknown source {other:?}"))),
    };
    Ok(TimeEntry {
        id: row.get(0)?,
        fields: TimeEntryFields {
            date: row.get(1)?,
            start_time,
            minutes: row.get(3)?,
            category: category_at(row, 4)?,
            description: row.get(5)?,
            architect: row.get(6)?,
            link: super::work_links::at(row, 10)?,
            source,
        },
    })
}

pub fn get(conn: &Connection, id: TimeEntryId) -> Result<TimeEntry, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM time_entries WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_entry)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("time entry #{id}")))
}

/// Entries from `first` to `last` inclusive, by date, then start time (unknown last), then
/// the order they were logged in.
pub fn list_between(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<TimeEntry>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM time_entries WHERE entry_date BETWEEN ?1 AND ?2 \
         ORDER BY entry_date, start_time IS NULL, start_time, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let entries = stmt.query_map(params![first, last], row_to_entry)?.collect::<rusqlite::Result<_>>()?;
    Ok(entries)
}

/// Minutes per day and category from `first` to `last` inclusive: what every chart is built
/// from. Served by the covering index on (date, category, minutes).
pub fn daily_minutes(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<DailyMinutes>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT entry_date, category, sum(minutes) FROM time_entries \
         WHERE entry_date BETWEEN ?1 AND ?2 GROUP BY entry_date, category ORDER BY entry_date, category",
    )?;
    let rows = stmt
        .query_map(params![first, last], |row| Ok((row.get(0)?, category_at(row, 1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Coaching minutes per day and architect from `first` to `last`, by date: what the Time view
/// keeps so that a write re-reads only its own day.
pub fn coaching_by_day(
    conn: &Connection,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<(NaiveDate, ArchitectId, u32)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT entry_date, architect_id, sum(minutes) FROM time_entries WHERE entry_date BETWEEN ?1 AND ?2 \
         AND category = 'coaching' AND architect_id IS NOT NULL GROUP BY entry_date, architect_id \
         ORDER BY entry_date, architect_id",
    )?;
    let rows = stmt.query_map(params![first, last], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Minutes logged on `date`, leaving out the entry `except` (the one being edited).
pub fn day_total(conn: &Connection, date: NaiveDate, except: Option<TimeEntryId>) -> Result<u32, StoreError> {
    let total: i64 = conn
        .prepare_cached(
            "SELECT coalesce(sum(minutes), 0) FROM time_entries WHERE entry_date = ?1 AND id IS NOT ?2",
        )?
        .query_row(params![date, except], |row| row.get(0))?;
    Ok(u32::try_from(total).unwrap_or(u32::MAX))
}

pub fn count(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.prepare_cached("SELECT count(*) FROM time_entries")?.query_row([], |row| row.get(0))?)
}

/// Whether anything was ever logged; unlike a count, it stops at the first row.
pub fn any(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM time_entries)")?.query_row([], |row| row.get(0))?)
}

/// Validates the fields, that the architect exists and that the day keeps to 24 h.
fn checked(
    conn: &Connection,
    fields: &TimeEntryFields,
    except: Option<TimeEntryId>,
) -> Result<TimeEntryFields, StoreError> {
    let fields = fields.validated()?;
    check_links(conn, &fields)?;
    time_entry::check_day_total(fields.date, day_total(conn, fields.date, except)?, fields.minutes)?;
    Ok(fields)
}

/// The architect, account or initiative an entry names exists.
fn check_links(conn: &Connection, fields: &TimeEntryFields) -> Result<(), StoreError> {
    if let Some(architect) = fields.architect {
        let exists: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM architects WHERE id = ?1)")?
            .query_row([architect], |row| row.get(0))?;
        if !exists {
            return Err(StoreError::NotFound(format!("architect #{architect}")));
        }
    }
    super::work_links::check(conn, fields.link)
}

fn source_columns(source: &EntrySource) -> (&'static str, Option<&str>, Option<&str>) {
    match source {
        EntrySource::Manual => ("manual", None, None),
        EntrySource::Calendar { event_uid, recurrence_id } => {
            ("calendar", Some(event_uid.as_str()), recurrence_id.as_deref())
        }
    }
}

/// Adds an entry after validating it; `id` restores a deleted entry under its old id.
fn insert_with_id(
    conn: &Connection,
    id: Option<TimeEntryId>,
    fields: &TimeEntryFields,
) -> Result<TimeEntryId, StoreError> {
    let fields = checked(conn, fields, None)?;
    insert_row(conn, id, &fields)
}

/// Writes a new row as it is: the caller has validated `fields` and keeps the day to 24 h
/// (one entry at a time through [`checked`], or a whole import through [`check_days`]).
pub(super) fn insert_row(
    conn: &Connection,
    id: Option<TimeEntryId>,
    f: &TimeEntryFields,
) -> Result<TimeEntryId, StoreError> {
    let (source, event_uid, recurrence_id) = source_columns(&f.source);
    let (account, initiative) = super::work_links::columns(f.link);
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO time_entries (id, entry_date, start_time, minutes, category, description, architect_id, \
         source, event_uid, recurrence_id, created_at, updated_at, account_id, initiative_id) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13)",
    )?
    .execute(params![
        id,
        f.date,
        f.start_time.map(|t| t.format(TIME_FORMAT).to_string()),
        f.minutes,
        f.category.key(),
        f.description,
        f.architect,
        source,
        event_uid,
        recurrence_id,
        now,
        account,
        initiative,
    ])?;
    Ok(TimeEntryId(conn.last_insert_rowid()))
}

pub fn insert(conn: &Connection, fields: &TimeEntryFields) -> Result<TimeEntryId, StoreError> {
    insert_with_id(conn, None, fields)
}

/// Adds entries at once (the demo writes ten years of them, a day at a time): each checked as
/// [`insert`] checks it, but each day's total read once and kept up to date here rather than
/// summed again from the table before every entry.
pub fn insert_days(conn: &Connection, entries: &[TimeEntryFields]) -> Result<usize, StoreError> {
    let mut totals: Vec<(NaiveDate, u32)> = Vec::new();
    for fields in entries {
        let fields = fields.validated()?;
        check_links(conn, &fields)?;
        let index = if let Some(index) = totals.iter().position(|(date, _)| *date == fields.date) {
            index
        } else {
            totals.push((fields.date, day_total(conn, fields.date, None)?));
            totals.len() - 1
        };
        let total = &mut totals[index].1;
        time_entry::check_day_total(fields.date, *total, fields.minutes)?;
        *total = total.saturating_add(fields.minutes);
        insert_row(conn, None, &fields)?;
    }
    Ok(entries.len())
}

/// Puts a deleted entry back, with its id, so undo leaves no trace of the delete.
pub fn restore(conn: &Connection, entry: &TimeEntry) -> Result<(), StoreError> {
    insert_with_id(conn, Some(entry.id), &entry.fields).map(|_| ())
}

/// Replaces an entry's fields; returns the entry as it was, for undo.
pub fn update(conn: &Connection, id: TimeEntryId, fields: &TimeEntryFields) -> Result<TimeEntry, StoreError> {
    let before = get(conn, id)?;
    let fields = checked(conn, fields, Some(id))?;
    update_row(conn, id, &fields)?;
    super::work_links::set(conn, id, fields.link)?;
    Ok(before)
}

/// Rewrites a row as it is; like [`insert_row`], the caller has validated `fields`. The account
/// or initiative it names is left alone: a calendar import updates entries through here and
/// never takes a link away ([`update`] writes it).
pub(super) fn update_row(conn: &Connection, id: TimeEntryId, f: &TimeEntryFields) -> Result<(), StoreError> {
    let (source, event_uid, recurrence_id) = source_columns(&f.source);
    conn.prepare_cached(
        "UPDATE time_entries SET entry_date = ?2, start_time = ?3, minutes = ?4, category = ?5, \
         description = ?6, architect_id = ?7, source = ?8, event_uid = ?9, recurrence_id = ?10, \
         updated_at = ?11 WHERE id = ?1",
    )?
    .execute(params![
        id,
        f.date,
        f.start_time.map(|t| t.format(TIME_FORMAT).to_string()),
        f.minutes,
        f.category.key(),
        f.description,
        f.architect,
        source,
        event_uid,
        recurrence_id,
        Utc::now().to_rfc3339(),
    ])?;
    Ok(())
}

/// After writing many entries at once (a calendar import): every day in `dates` still holds
/// at most 24 h. The message names the first day that does not.
pub(super) fn check_days(
    conn: &Connection,
    dates: impl IntoIterator<Item = NaiveDate>,
) -> Result<(), StoreError> {
    for date in dates {
        time_entry::check_day_holds(date, day_total(conn, date, None)?)?;
    }
    Ok(())
}

/// Deletes an entry; returns it, so the delete can be undone.
pub fn delete(conn: &Connection, id: TimeEntryId) -> Result<TimeEntry, StoreError> {
    let entry = get(conn, id)?;
    conn.prepare_cached("DELETE FROM time_entries WHERE id = ?1")?.execute([id])?;
    Ok(entry)
}

/// The fiscal start month, default targets and overrides. A setting that cannot be read is
/// reported, not silently replaced by the default.
pub fn time_settings(conn: &Connection) -> Result<TimeSettings, StoreError> {
    let mut time = TimeSettings::default();
    if let Some(text) = settings::get(conn, FISCAL_START_MONTH)? {
        let month = text.trim().parse::<u32>().ok().and_then(|n| start_month_from_number(n).ok());
        time.start_month = month.ok_or_else(|| {
            ValidationError::new(
                "setting fiscal_start_month",
                format!("{text:?} is not a month number 1 to 12"),
            )
        })?;
    }
    if let Some(text) = settings::get(conn, TIME_TARGETS)? {
        let targets: Targets = serde_json::from_str(&text).map_err(|e| {
            ValidationError::new("setting time_targets", format!("{text:?} cannot be read: {e}"))
        })?;
        time.default_targets = targets;
    }
    let mut stmt = conn.prepare_cached(
        "SELECT fiscal_year, quarter, coaching_pct, market_pct, business_pct, tolerance_pct \
         FROM quarter_targets ORDER BY fiscal_year, quarter",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok((
            row.get::<_, i32>(0)?,
            row.get::<_, u8>(1)?,
            Targets {
                coaching_pct: row.get(2)?,
                market_pct: row.get(3)?,
                business_pct: row.get(4)?,
                tolerance_pct: row.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (year, quarter, targets) = row?;
        let quarter = FiscalQuarter::new(year, quarter)
            .map_err(|e| ValidationError::new("quarter targets", e.to_string()))?;
        time.overrides.insert(quarter, targets);
    }
    Ok(time)
}

pub fn set_start_month(conn: &Connection, month: Month) -> Result<(), StoreError> {
    settings::set(conn, FISCAL_START_MONTH, &month.number_from_month().to_string())?;
    Ok(())
}

pub fn set_default_targets(conn: &Connection, targets: &Targets) -> Result<(), StoreError> {
    targets.validate().map_err(|e| ValidationError::new("targets", e.to_string()))?;
    let json = serde_json::to_string(targets)
        .map_err(|e| ValidationError::new("targets", format!("cannot be saved: {e}")))?;
    settings::set(conn, TIME_TARGETS, &json)?;
    Ok(())
}

/// Sets a quarter's own targets, or with `None` returns it to the defaults.
pub fn set_quarter_targets(
    conn: &Connection,
    quarter: FiscalQuarter,
    targets: Option<&Targets>,
) -> Result<(), StoreError> {
    let Some(targets) = targets else {
        conn.prepare_cached("DELETE FROM quarter_targets WHERE fiscal_year = ?1 AND quarter = ?2")?
            .execute(params![quarter.fiscal_year(), quarter.quarter()])?;
        return Ok(());
    };
    targets.validate().map_err(|e| ValidationError::new("targets", format!("{quarter}: {e}")))?;
    conn.prepare_cached(
        "INSERT INTO quarter_targets (fiscal_year, quarter, coaching_pct, market_pct, business_pct, \
         tolerance_pct) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (fiscal_year, quarter) DO UPDATE SET coaching_pct = excluded.coaching_pct, \
         market_pct = excluded.market_pct, business_pct = excluded.business_pct, \
         tolerance_pct = excluded.tolerance_pct",
    )?
    .execute(params![
        quarter.fiscal_year(),
        quarter.quarter(),
        targets.coaching_pct,
        targets.market_pct,
        targets.business_pct,
        targets.tolerance_pct,
    ])?;
    Ok(())
}

/// A week's split, per day and in total. One indexed range query.
pub fn week_summary(
    conn: &Connection,
    week: IsoWeek,
    settings: &TimeSettings,
) -> Result<WeekSummary, StoreError> {
    let daily = daily_minutes(conn, week.monday(), week.sunday())?;
    Ok(WeekSummary::build(week, settings, &daily))
}

/// A quarter's split per week and in total, the trend of the last quarters and the rebalance
/// plan. One indexed range query over the trend's quarters.
pub fn quarter_summary(
    conn: &Connection,
    quarter: FiscalQuarter,
    settings: &TimeSettings,
    today: NaiveDate,
) -> Result<QuarterSummary, StoreError> {
    let first = QuarterSummary::trend_start(quarter, settings.start_month);
    let daily = daily_minutes(conn, first, quarter.end_inclusive(settings.start_month))?;
    Ok(QuarterSummary::build(quarter, settings, today, &daily))
}
