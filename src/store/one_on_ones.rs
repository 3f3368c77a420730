//! One-on-one meetings: starting one, editing its date, mood and notes, deleting it, the goals
//! reviewed, and an architect's history.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::{StoreError, agenda, architects, search, settings, time};
use crate::model::ids::{ArchitectId, GoalId, OneOnOneId, TimeEntryId};
use crate::model::one_on_one::{self, MeetingFields, OneOnOne, PointFields};
use crate::model::prep::MeetingRef;
use crate::model::search::HitKind;
use crate::model::split::Category;
use crate::model::time_entry::TimeEntryFields;
use crate::model::{Status, ValidationError};

fn row_to_meeting(row: &Row<'_>) -> rusqlite::Result<OneOnOne> {
    Ok(OneOnOne {
        id: row.get(0)?,
        architect_id: row.get(1)?,
        fields: MeetingFields { held_on: row.get(2)?, mood: row.get(3)?, notes: row.get(4)? },
        goal_ids: Vec::new(),
        held: row.get(5)?,
        minutes: row.get(6)?,
    })
}

fn row_to_ref(row: &Row<'_>) -> rusqlite::Result<MeetingRef> {
    Ok(MeetingRef { id: row.get(0)?, held_on: row.get(1)?, mood: row.get(2)? })
}

pub fn get(conn: &Connection, id: OneOnOneId) -> Result<OneOnOne, StoreError> {
    let mut meeting = conn
        .prepare_cached(
            "SELECT id, architect_id, held_on, mood, notes, held, minutes FROM one_on_ones WHERE id = ?1",
        )?
        .query_row([id], row_to_meeting)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("one-on-one #{id}")))?;
    meeting.goal_ids = conn
        .prepare_cached("SELECT goal_id FROM one_on_one_goals WHERE one_on_one_id = ?1 ORDER BY goal_id")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(meeting)
}

/// The meeting with `architect` on `held_on`, if there is one.
pub fn on_date(
    conn: &Connection,
    architect: ArchitectId,
    held_on: NaiveDate,
) -> Result<Option<OneOnOneId>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM one_on_ones WHERE architect_id = ?1 AND held_on = ?2")?
        .query_row(params![architect, held_on], |r| r.get(0))
        .optional()?)
}

fn taken(
    conn: &Connection,
    architect: ArchitectId,
    held_on: NaiveDate,
    name: &str,
) -> Result<(), StoreError> {
    if on_date(conn, architect, held_on)?.is_some() {
        return Err(ValidationError::new(
            "date",
            format!("there is already a one-on-one with {name} on {held_on}; open that one instead"),
        )
        .into());
    }
    Ok(())
}

/// Starts a one-on-one with `architect` on `held_on`, with `agenda` as its first talking
/// points. Undiscussed points and open actions of earlier meetings are on its agenda by
/// themselves (they are not copied).
pub fn start(
    conn: &Connection,
    architect: ArchitectId,
    held_on: NaiveDate,
    agenda_points: &[PointFields],
    today: NaiveDate,
) -> Result<OneOnOneId, StoreError> {
    let person = architects::get(conn, architect)?;
    if person.fields.status == Status::Left {
        return Err(StoreError::InUse(format!(
            "{} has left the team; mark them as active again to hold a one-on-one",
            person.name()
        )));
    }
    let held_on = one_on_one::validate_held_on(held_on, today)?;
    plan(conn, architect, held_on, agenda_points)
}

/// Plans a meeting on `held_on` with its agenda, with no limit on how far ahead: a hire's
/// first one-on-one on their start date, months after the offer (see `onboarding::hire`).
pub(super) fn plan(
    conn: &Connection,
    architect: ArchitectId,
    held_on: NaiveDate,
    agenda_points: &[PointFields],
) -> Result<OneOnOneId, StoreError> {
    let person = architects::get(conn, architect)?;
    taken(conn, architect, held_on, person.name())?;
    let points = agenda_points.iter().map(PointFields::validated).collect::<Result<Vec<_>, _>>()?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO one_on_ones (architect_id, held_on, mood, notes, created_at, updated_at) \
         VALUES (?1, ?2, NULL, '', ?3, ?3)",
    )?
    .execute(params![architect, held_on, now])?;
    let id = OneOnOneId(conn.last_insert_rowid());
    for point in &points {
        agenda::add_point(conn, id, point)?;
    }
    Ok(id)
}

/// The meetings just before and after `held_on` with the same architect, excluding `except`.
fn neighbours(
    conn: &Connection,
    architect: ArchitectId,
    held_on: NaiveDate,
    except: OneOnOneId,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), StoreError> {
    let before = conn
        .prepare_cached(
            "SELECT max(held_on) FROM one_on_ones WHERE architect_id = ?1 AND held_on < ?2 AND id <> ?3",
        )?
        .query_row(params![architect, held_on, except], |r| r.get(0))?;
    let after = conn
        .prepare_cached(
            "SELECT min(held_on) FROM one_on_ones WHERE architect_id = ?1 AND held_on > ?2 AND id <> ?3",
        )?
        .query_row(params![architect, held_on, except], |r| r.get(0))?;
    Ok((before, after))
}

/// Checks a new date for an existing meeting: it must keep its place among the architect's
/// meetings (their order decides what carries over) and stay on or before the due and done
/// dates of the actions raised in it.
fn check_move(conn: &Connection, meeting: &OneOnOne, to: NaiveDate) -> Result<(), StoreError> {
    let from = meeting.fields.held_on;
    if to == from {
        return Ok(());
    }
    let name = architects::get(conn, meeting.architect_id)?.fields.name;
    taken(conn, meeting.architect_id, to, &name)?;
    let (before, after) = neighbours(conn, meeting.architect_id, from, meeting.id)?;
    let order = "what carries over follows the order of meetings, so start a new one-on-one instead";
    if let Some(before) = before.filter(|b| to <= *b) {
        return Err(ValidationError::new(
            "date",
            format!(
                "{to} would move this one-on-one before the previous one with {name} ({before}); {order}"
            ),
        )
        .into());
    }
    if let Some(after) = after.filter(|a| to >= *a) {
        return Err(ValidationError::new(
            "date",
            format!("{to} would move this one-on-one after the next one with {name} ({after}); {order}"),
        )
        .into());
    }
    let earliest: Option<NaiveDate> = conn
        .prepare_cached(
            "SELECT min(min(coalesce(due_on, '9999-12-31'), coalesce(done_on, '9999-12-31'))) \
             FROM action_items WHERE raised_in = ?1",
        )?
        .query_row([meeting.id], |r| r.get(0))?;
    if let Some(earliest) = earliest.filter(|e| to > *e) {
        return Err(ValidationError::new(
            "date",
            format!("{to} is after {earliest}, when an action item from this one-on-one is due or was done"),
        )
        .into());
    }
    Ok(())
}

/// Saves a meeting's date, mood and notes.
pub fn update(
    conn: &Connection,
    id: OneOnOneId,
    fields: &MeetingFields,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let meeting = get(conn, id)?;
    // A date already stored stays valid (a hire's first one-on-one is planned on their start,
    // months ahead): only a new date is held to the month-ahead limit.
    let today =
        if fields.held_on == meeting.fields.held_on { today.max(meeting.fields.held_on) } else { today };
    let fields = fields.validated(today)?;
    check_move(conn, &meeting, fields.held_on)?;
    let moved = fields.held_on != meeting.fields.held_on;
    if moved {
        search::unindex_meeting(conn, id, meeting.fields.held_on)?;
    }
    conn.prepare_cached(
        "UPDATE one_on_ones SET held_on = ?2, mood = ?3, notes = ?4, updated_at = ?5 WHERE id = ?1",
    )?
    .execute(params![id, fields.held_on, fields.mood, fields.notes, Utc::now().to_rfc3339()])?;
    if moved {
        search::index_meeting(conn, id, fields.held_on, meeting.architect_id)?;
        // The time it logged moves with it.
        if let Some(entry) = logged_entry(conn, id)? {
            let mut logged = time::get(conn, entry)?.fields;
            logged.date = fields.held_on;
            time::update(conn, entry, &logged)?;
        }
    } else {
        search::index_item(
            conn,
            HitKind::Notes,
            id.0,
            fields.held_on,
            meeting.architect_id,
            Some(id),
            &fields.notes,
        )?;
    }
    if !fields.notes.trim().is_empty() || fields.mood.is_some() {
        mark_held(conn, id)?;
    }
    Ok(())
}

/// Deletes a meeting with the talking points and action items raised in it. Points it marked
/// discussed are open again.
pub fn delete(conn: &Connection, id: OneOnOneId) -> Result<(), StoreError> {
    let meeting = get(conn, id)?;
    search::unindex_meeting(conn, id, meeting.fields.held_on)?;
    conn.prepare_cached("DELETE FROM one_on_ones WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// Records which development goals were reviewed (by goal id; replaces the list).
pub fn set_goals(conn: &Connection, id: OneOnOneId, goal_ids: &[GoalId]) -> Result<(), StoreError> {
    get(conn, id)?;
    conn.prepare_cached("DELETE FROM one_on_one_goals WHERE one_on_one_id = ?1")?.execute([id])?;
    let mut insert = conn
        .prepare_cached("INSERT OR IGNORE INTO one_on_one_goals (one_on_one_id, goal_id) VALUES (?1, ?2)")?;
    for goal in goal_ids {
        insert.execute(params![id, goal])?;
    }
    if !goal_ids.is_empty() {
        mark_held(conn, id)?;
    }
    Ok(())
}

/// One line of an architect's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingSummary {
    pub meeting: MeetingRef,
    /// Started but nothing happened in it yet.
    pub held: bool,
    pub notes: String,
    pub points_raised: u32,
    pub points_discussed: u32,
    pub actions_raised: u32,
}

/// An architect's meetings, newest first.
pub fn history(conn: &Connection, architect: ArchitectId) -> Result<Vec<MeetingSummary>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.held_on, m.mood, m.notes, \
         (SELECT count(*) FROM talking_points WHERE raised_in = m.id), \
         (SELECT count(*) FROM talking_points WHERE discussed_in = m.id), \
         (SELECT count(*) FROM action_items WHERE raised_in = m.id), m.held \
         FROM one_on_ones m WHERE m.architect_id = ?1 ORDER BY m.held_on DESC",
    )?;
    let rows = stmt.query_map([architect], |r| {
        Ok(MeetingSummary {
            meeting: row_to_ref(r)?,
            notes: r.get(3)?,
            points_raised: r.get(4)?,
            points_discussed: r.get(5)?,
            actions_raised: r.get(6)?,
            held: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The last two meetings held before `before` (newest first): the last one and the one before
/// it. Meetings only started do not count.
pub fn last_two_before(
    conn: &Connection,
    architect: ArchitectId,
    before: NaiveDate,
) -> Result<Vec<MeetingRef>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, held_on, mood FROM one_on_ones WHERE architect_id = ?1 AND held_on < ?2 AND held = 1 \
         ORDER BY held_on DESC LIMIT 2",
    )?;
    Ok(stmt.query_map(params![architect, before], row_to_ref)?.collect::<rusqlite::Result<_>>()?)
}

/// Meetings from `from` to `to` (both included), oldest first, each with whether it was held.
pub fn between(
    conn: &Connection,
    architect: ArchitectId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(MeetingRef, bool)>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, held_on, mood, held FROM one_on_ones WHERE architect_id = ?1 AND held_on BETWEEN ?2 AND ?3 \
         ORDER BY held_on",
    )?;
    let rows = stmt.query_map(params![architect, from, to], |row| Ok((row_to_ref(row)?, row.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Settings key: whether a held one-on-one logs its time as coaching. On unless it says "off".
pub const LOG_TIME_KEY: &str = "one_on_ones_log_time";

/// Whether held one-on-ones log their time (Settings; on by default).
pub fn logs_time(conn: &Connection) -> Result<bool, StoreError> {
    Ok(settings::get(conn, LOG_TIME_KEY)?.as_deref() != Some("off"))
}

pub fn set_logs_time(conn: &Connection, on: bool) -> Result<(), StoreError> {
    Ok(settings::set(conn, LOG_TIME_KEY, if on { "on" } else { "off" })?)
}

/// Marks a meeting held once something happened in it. The first time, it logs the meeting's
/// length as coaching time on its day, with the architect and linked to the meeting, so it is
/// never logged twice; not when that is turned off, when a calendar import already brought a
/// coaching meeting with them that day, or when the day has no room left (the meeting is held
/// all the same; its time can be logged by hand).
pub fn mark_held(conn: &Connection, id: OneOnOneId) -> Result<(), StoreError> {
    let meeting = get(conn, id)?;
    if meeting.held {
        return Ok(());
    }
    conn.prepare_cached("UPDATE one_on_ones SET held = 1 WHERE id = ?1")?.execute([id])?;
    if !logs_time(conn)? {
        return Ok(());
    }
    let (architect, held_on) = (meeting.architect_id, meeting.fields.held_on);
    let imported: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM time_entries WHERE architect_id = ?1 AND entry_date = ?2 \
             AND source = 'calendar' AND category = 'coaching')",
        )?
        .query_row(params![architect, held_on], |row| row.get(0))?;
    if imported {
        return Ok(());
    }
    let name = architects::get(conn, architect)?.fields.name;
    let fields = TimeEntryFields {
        architect: Some(architect),
        ..TimeEntryFields::manual(
            held_on,
            meeting.length_minutes(),
            Category::Coaching,
            format!("One-on-one with {name}"),
        )
    };
    match time::insert(conn, &fields) {
        Ok(entry) => {
            conn.prepare_cached("UPDATE time_entries SET one_on_one_id = ?2 WHERE id = ?1")?
                .execute(params![entry, id])?;
            Ok(())
        }
        Err(StoreError::Invalid(_)) => Ok(()),
        Err(error) => Err(error),
    }
}

/// The time entry a held meeting logged, if it did and it is still there.
pub fn logged_entry(conn: &Connection, id: OneOnOneId) -> Result<Option<TimeEntryId>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM time_entries WHERE one_on_one_id = ?1")?
        .query_row([id], |row| row.get(0))
        .optional()?)
}

/// Sets how long a meeting lasted (`None`: the default 30 minutes); the time it logged
/// follows, checked like any entry (a day holds 24 h).
pub fn set_minutes(conn: &Connection, id: OneOnOneId, minutes: Option<u32>) -> Result<(), StoreError> {
    if let Some(minutes) = minutes.filter(|m| !one_on_one::MINUTES_RANGE.contains(m)) {
        let (low, high) = (one_on_one::MINUTES_RANGE.start(), one_on_one::MINUTES_RANGE.end());
        return Err(ValidationError::new(
            "length",
            format!("{minutes} minutes is not a meeting's length (from {low} to {high} minutes)"),
        )
        .into());
    }
    get(conn, id)?;
    conn.prepare_cached("UPDATE one_on_ones SET minutes = ?2 WHERE id = ?1")?
        .execute(params![id, minutes])?;
    if let Some(entry) = logged_entry(conn, id)? {
        let mut fields = time::get(conn, entry)?.fields;
        fields.minutes = minutes.unwrap_or(one_on_one::DEFAULT_MINUTES);
        time::update(conn, entry, &fields)?;
    }
    Ok(())
}

/// The meetings just before and after `meeting` with the same architect.
pub fn adjacent(
    conn: &Connection,
    meeting: &OneOnOne,
) -> Result<(Option<OneOnOneId>, Option<OneOnOneId>), StoreError> {
    let (architect, held_on) = (meeting.architect_id, meeting.fields.held_on);
    let previous = conn
        .prepare_cached(
            "SELECT id FROM one_on_ones WHERE architect_id = ?1 AND held_on < ?2 ORDER BY held_on DESC LIMIT 1",
        )?
        .query_row(params![architect, held_on], |r| r.get(0))
        .optional()?;
    let next = conn
        .prepare_cached(
            "SELECT id FROM one_on_ones WHERE architect_id = ?1 AND held_on > ?2 ORDER BY held_on LIMIT 1",
        )?
        .query_row(params![architect, held_on], |r| r.get(0))
        .optional()?;
    Ok((previous, next))
}

/// The latest meeting of `architect` held up to `until`, if any.
pub fn last_held_of(
    conn: &Connection,
    architect: ArchitectId,
    until: NaiveDate,
) -> Result<Option<NaiveDate>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT max(held_on) FROM one_on_ones WHERE architect_id = ?1 AND held_on <= ?2 AND held = 1",
        )?
        .query_row(params![architect, until], |r| r.get(0))?)
}

/// The energy of each architect's last `count` held meetings that recorded one, oldest first:
/// the trend the One-on-ones screen draws.
pub fn energy_trends(conn: &Connection, count: usize) -> Result<HashMap<ArchitectId, Vec<u8>>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT architect_id, mood FROM (SELECT architect_id, mood, held_on, row_number() OVER \
         (PARTITION BY architect_id ORDER BY held_on DESC) AS n FROM one_on_ones \
         WHERE held = 1 AND mood IS NOT NULL) WHERE n <= ?1 ORDER BY architect_id, held_on",
    )?;
    let mut trends: HashMap<ArchitectId, Vec<u8>> = HashMap::new();
    let rows = stmt.query_map([i64::try_from(count).unwrap_or(i64::MAX)], |r| {
        Ok((r.get::<_, ArchitectId>(0)?, r.get::<_, u8>(1)?))
    })?;
    for row in rows {
        let (architect, mood) = row?;
        trends.entry(architect).or_default().push(mood);
    }
    Ok(trends)
}

/// The same for one architect.
pub fn energy_trend_of(
    conn: &Connection,
    architect: ArchitectId,
    count: usize,
) -> Result<Vec<u8>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT mood FROM (SELECT mood, held_on FROM one_on_ones WHERE architect_id = ?1 AND held = 1 \
         AND mood IS NOT NULL ORDER BY held_on DESC LIMIT ?2) ORDER BY held_on",
    )?;
    let rows = stmt.query_map(params![architect, i64::try_from(count).unwrap_or(i64::MAX)], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The latest meeting held up to `until` for every architect who has one.
pub fn last_held(conn: &Connection, until: NaiveDate) -> Result<HashMap<ArchitectId, NaiveDate>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, (SELECT max(held_on) FROM one_on_ones WHERE architect_id = a.id AND held_on <= ?1 \
         AND held = 1) \
         FROM architects a",
    )?;
    let rows =
        stmt.query_map([until], |r| Ok((r.get::<_, ArchitectId>(0)?, r.get::<_, Option<NaiveDate>>(1)?)))?;
    let mut last = HashMap::new();
    for row in rows {
        if let (id, Some(on)) = row? {
            last.insert(id, on);
        }
    }
    Ok(last)
}

/// Every meeting of an architect with its agenda, oldest first (for the history report).
pub fn with_agendas(
    conn: &Connection,
    architect: ArchitectId,
) -> Result<Vec<(OneOnOne, one_on_one::Agenda)>, StoreError> {
    let ids: Vec<OneOnOneId> = conn
        .prepare_cached("SELECT id FROM one_on_ones WHERE architect_id = ?1 ORDER BY held_on")?
        .query_map([architect], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| {
            let meeting = get(conn, id)?;
            let agenda = agenda::agenda_of(conn, &meeting)?;
            Ok((meeting, agenda))
        })
        .collect()
}
