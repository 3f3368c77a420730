//! Talking points and action items: adding, editing, ticking and deleting them, and loading
//! the items a meeting's agenda (or a prep card) is built from.

use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::{StoreError, search};
use crate::model::ValidationError;
use crate::model::architect::Choice;
use crate::model::ids::{ActionItemId, ArchitectId, OneOnOneId, TalkingPointId};
use crate::model::one_on_one::{
    self, ActionFields, ActionItem, Agenda, OneOnOne, Party, PointFields, TalkingPoint,
};
use crate::model::search::HitKind;

fn party(row: &Row<'_>, index: usize) -> rusqlite::Result<Party> {
    let key: String = row.get(index)?;
    Party::from_key(&key).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("unknown party {key:?}").into(),
        )
    })
}

/// Columns of a talking point with its origin and closing meeting dates; `?2` bounds the
/// count of meetings it has been carried into.
const POINT_COLUMNS: &str = "p.id, p.architect_id, p.raised_in, m.held_on, p.text, p.raised_by, p.topic, \
     p.discussed_in, d.held_on, \
     (SELECT count(*) FROM one_on_ones x WHERE x.architect_id = p.architect_id \
      AND x.held_on > m.held_on AND x.held_on <= ?2)";

fn row_to_point(row: &Row<'_>) -> rusqlite::Result<TalkingPoint> {
    Ok(TalkingPoint {
        id: row.get(0)?,
        architect_id: row.get(1)?,
        raised_in: row.get(2)?,
        raised_on: row.get(3)?,
        fields: PointFields { text: row.get(4)?, raised_by: party(row, 5)?, topic: row.get(6)? },
        discussed_in: row.get(7)?,
        discussed_on: row.get(8)?,
        times_carried: row.get(9)?,
    })
}

const ACTION_COLUMNS: &str = "a.id, a.architect_id, a.raised_in, m.held_on, a.text, a.owner, a.due_on, a.done_on, \
     (SELECT count(*) FROM one_on_ones x WHERE x.architect_id = a.architect_id \
      AND x.held_on > m.held_on AND x.held_on <= ?2)";

fn row_to_action(row: &Row<'_>) -> rusqlite::Result<ActionItem> {
    Ok(ActionItem {
        id: row.get(0)?,
        architect_id: row.get(1)?,
        raised_in: row.get(2)?,
        raised_on: row.get(3)?,
        fields: ActionFields { text: row.get(4)?, owner: party(row, 5)?, due_on: row.get(6)? },
        done_on: row.get(7)?,
        times_carried: row.get(8)?,
    })
}

/// Items of `architect` raised up to `upto` that were still open on `closed_since` (points
/// not discussed in a meeting before it, actions not done before it). Each half of the query
/// runs on a small index (open items, or items closed recently), so this stays fast with
/// years of history.
pub fn candidates(
    conn: &Connection,
    architect: ArchitectId,
    upto: NaiveDate,
    closed_since: NaiveDate,
) -> Result<(Vec<TalkingPoint>, Vec<ActionItem>), StoreError> {
    let points_sql = format!(
        "SELECT {POINT_COLUMNS} FROM talking_points p JOIN one_on_ones m ON m.id = p.raised_in \
         LEFT JOIN one_on_ones d ON d.id = p.discussed_in \
         WHERE p.architect_id = ?1 AND p.discussed_in IS NULL AND m.held_on <= ?2 \
         UNION ALL \
         SELECT {POINT_COLUMNS} FROM one_on_ones d JOIN talking_points p ON p.discussed_in = d.id \
         JOIN one_on_ones m ON m.id = p.raised_in \
         WHERE d.architect_id = ?1 AND d.held_on >= ?3 AND m.held_on <= ?2"
    );
    let points = conn
        .prepare_cached(&points_sql)?
        .query_map(params![architect, upto, closed_since], row_to_point)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let actions_sql = format!(
        "SELECT {ACTION_COLUMNS} FROM action_items a JOIN one_on_ones m ON m.id = a.raised_in \
         WHERE a.architect_id = ?1 AND a.done_on IS NULL AND m.held_on <= ?2 \
         UNION ALL \
         SELECT {ACTION_COLUMNS} FROM action_items a JOIN one_on_ones m ON m.id = a.raised_in \
         WHERE a.architect_id = ?1 AND a.done_on >= ?3 AND m.held_on <= ?2"
    );
    let actions = conn
        .prepare_cached(&actions_sql)?
        .query_map(params![architect, upto, closed_since], row_to_action)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((points, actions))
}

/// A meeting's agenda: its own items and everything carried into it.
pub fn agenda_of(conn: &Connection, meeting: &OneOnOne) -> Result<Agenda, StoreError> {
    let held_on = meeting.fields.held_on;
    let (points, actions) = candidates(conn, meeting.architect_id, held_on, held_on)?;
    Ok(one_on_one::agenda(meeting, &points, &actions))
}

/// The architect and date of a meeting.
fn meeting_origin(conn: &Connection, meeting: OneOnOneId) -> Result<(ArchitectId, NaiveDate), StoreError> {
    conn.prepare_cached("SELECT architect_id, held_on FROM one_on_ones WHERE id = ?1")?
        .query_row([meeting], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("one-on-one #{meeting}")))
}

/// Architect, origin meeting and its date of a talking point or action item.
fn item_origin(
    conn: &Connection,
    table: &str,
    id: i64,
    what: &str,
) -> Result<(ArchitectId, OneOnOneId, NaiveDate), StoreError> {
    let sql = format!(
        "SELECT i.architect_id, i.raised_in, m.held_on FROM {table} i JOIN one_on_ones m ON m.id = i.raised_in \
         WHERE i.id = ?1"
    );
    conn.prepare_cached(&sql)?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("{what} #{id}")))
}

pub fn add_point(
    conn: &Connection,
    meeting: OneOnOneId,
    fields: &PointFields,
) -> Result<TalkingPointId, StoreError> {
    let fields = fields.validated()?;
    let (architect, held_on) = meeting_origin(conn, meeting)?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO talking_points (architect_id, raised_in, text, raised_by, topic, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![architect, meeting, fields.text, fields.raised_by.key(), fields.topic, now])?;
    let id = TalkingPointId(conn.last_insert_rowid());
    search::index_item(conn, HitKind::TalkingPoint, id.0, held_on, architect, Some(meeting), &fields.text)?;
    Ok(id)
}

pub fn update_point(conn: &Connection, id: TalkingPointId, fields: &PointFields) -> Result<(), StoreError> {
    let fields = fields.validated()?;
    let (architect, meeting, held_on) = item_origin(conn, "talking_points", id.0, "talking point")?;
    conn.prepare_cached(
        "UPDATE talking_points SET text = ?2, raised_by = ?3, topic = ?4, updated_at = ?5 WHERE id = ?1",
    )?
    .execute(params![id, fields.text, fields.raised_by.key(), fields.topic, Utc::now().to_rfc3339()])?;
    search::index_item(conn, HitKind::TalkingPoint, id.0, held_on, architect, Some(meeting), &fields.text)
}

/// Marks a talking point discussed in `meeting` (or not discussed, with `None`). The meeting
/// must be with the same architect, on or after the day the point was raised.
pub fn set_discussed(
    conn: &Connection,
    id: TalkingPointId,
    meeting: Option<OneOnOneId>,
) -> Result<(), StoreError> {
    let (architect, _, raised_on) = item_origin(conn, "talking_points", id.0, "talking point")?;
    if let Some(meeting) = meeting {
        let (meeting_architect, held_on) = meeting_origin(conn, meeting)?;
        if meeting_architect != architect {
            return Err(
                ValidationError::new("discussed in", "that one-on-one is with another architect").into()
            );
        }
        if held_on < raised_on {
            return Err(ValidationError::new(
                "discussed in",
                format!("the one-on-one of {held_on} is before the point was raised ({raised_on})"),
            )
            .into());
        }
    }
    conn.prepare_cached("UPDATE talking_points SET discussed_in = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, meeting, Utc::now().to_rfc3339()])?;
    Ok(())
}

pub fn delete_point(conn: &Connection, id: TalkingPointId) -> Result<(), StoreError> {
    let (_, _, held_on) = item_origin(conn, "talking_points", id.0, "talking point")?;
    search::unindex_item(conn, HitKind::TalkingPoint, id.0, held_on)?;
    conn.prepare_cached("DELETE FROM talking_points WHERE id = ?1")?.execute([id])?;
    Ok(())
}

pub fn add_action(
    conn: &Connection,
    meeting: OneOnOneId,
    fields: &ActionFields,
) -> Result<ActionItemId, StoreError> {
    let (architect, held_on) = meeting_origin(conn, meeting)?;
    let fields = fields.validated(held_on)?;
    let now = Utc::now().to_rfc3339();
    conn.prepare_cached(
        "INSERT INTO action_items (architect_id, raised_in, text, owner, due_on, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![architect, meeting, fields.text, fields.owner.key(), fields.due_on, now])?;
    let id = ActionItemId(conn.last_insert_rowid());
    search::index_item(conn, HitKind::ActionItem, id.0, held_on, architect, Some(meeting), &fields.text)?;
    Ok(id)
}

pub fn update_action(conn: &Connection, id: ActionItemId, fields: &ActionFields) -> Result<(), StoreError> {
    let (architect, meeting, held_on) = item_origin(conn, "action_items", id.0, "action item")?;
    let fields = fields.validated(held_on)?;
    conn.prepare_cached(
        "UPDATE action_items SET text = ?2, owner = ?3, due_on = ?4, updated_at = ?5 WHERE id = ?1",
    )?
    .execute(params![id, fields.text, fields.owner.key(), fields.due_on, Utc::now().to_rfc3339()])?;
    search::index_item(conn, HitKind::ActionItem, id.0, held_on, architect, Some(meeting), &fields.text)
}

/// Marks an action item done on `done_on`, or open again with `None`.
pub fn set_done(
    conn: &Connection,
    id: ActionItemId,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let (_, _, raised_on) = item_origin(conn, "action_items", id.0, "action item")?;
    let done_on = done_on.map(|d| one_on_one::validate_done_on(d, raised_on, today)).transpose()?;
    conn.prepare_cached("UPDATE action_items SET done_on = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, done_on, Utc::now().to_rfc3339()])?;
    Ok(())
}

pub fn delete_action(conn: &Connection, id: ActionItemId) -> Result<(), StoreError> {
    let (_, _, held_on) = item_origin(conn, "action_items", id.0, "action item")?;
    search::unindex_item(conn, HitKind::ActionItem, id.0, held_on)?;
    conn.prepare_cached("DELETE FROM action_items WHERE id = ?1")?.execute([id])?;
    Ok(())
}

/// The architect a talking point belongs to (to know whose agenda and prep card a change
/// touches).
pub fn point_architect(conn: &Connection, id: TalkingPointId) -> Result<ArchitectId, StoreError> {
    item_origin(conn, "talking_points", id.0, "talking point").map(|(architect, _, _)| architect)
}

/// The architect an action item belongs to.
pub fn action_architect(conn: &Connection, id: ActionItemId) -> Result<ArchitectId, StoreError> {
    item_origin(conn, "action_items", id.0, "action item").map(|(architect, _, _)| architect)
}

/// Every open action item the manager owns, across the team, soonest due first (those without
/// a due date last). `as_of` bounds the count of meetings each was carried into (`?1` is not
/// used: the columns are shared with the per-architect queries, which number it `?2`).
pub fn my_open_actions(conn: &Connection, as_of: NaiveDate) -> Result<Vec<ActionItem>, StoreError> {
    let sql = format!(
        "SELECT {ACTION_COLUMNS} FROM action_items a JOIN one_on_ones m ON m.id = a.raised_in \
         WHERE a.done_on IS NULL AND a.owner = 'me' AND m.held_on <= ?2 \
         ORDER BY a.due_on IS NULL, a.due_on, m.held_on, a.id"
    );
    let actions = conn
        .prepare_cached(&sql)?
        .query_map(params![0, as_of], row_to_action)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(actions)
}

/// The same for one architect (after a change to their meetings).
pub fn my_open_actions_with(
    conn: &Connection,
    architect: ArchitectId,
    as_of: NaiveDate,
) -> Result<Vec<ActionItem>, StoreError> {
    let sql = format!(
        "SELECT {ACTION_COLUMNS} FROM action_items a JOIN one_on_ones m ON m.id = a.raised_in \
         WHERE a.architect_id = ?1 AND a.done_on IS NULL AND a.owner = 'me' AND m.held_on <= ?2"
    );
    let actions = conn
        .prepare_cached(&sql)?
        .query_map(params![architect, as_of], row_to_action)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(actions)
}
