//! The full-text index (`search_index`, FTS5): kept in step with notes, talking points,
//! action items and development goals (description and evidence) by the store functions that
//! write them, rebuilt after an import, and searched. Goal hits open the architect's page.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::StoreError;
use crate::model::ValidationError;
use crate::model::ids::{ArchitectId, OneOnOneId};
use crate::model::search::{self, Hit, HitKind, SearchResults};

/// How many results a search shows: the newest. The total is counted and shown too.
pub const RESULTS_LIMIT: usize = 200;
/// Words of context in a result's snippet.
const SNIPPET_TOKENS: usize = 24;

fn row_id(on: NaiveDate, kind: HitKind, item_id: i64) -> Result<i64, StoreError> {
    search::row_id(on, kind, item_id)
        .ok_or_else(|| StoreError::Unsupported(format!("item #{item_id} has an id too large to index")))
}

/// Puts an item's text in the index (replacing what was there for it). Empty text is left out.
pub fn index_item(
    conn: &Connection,
    kind: HitKind,
    item_id: i64,
    on: NaiveDate,
    architect: ArchitectId,
    meeting: Option<OneOnOneId>,
    text: &str,
) -> Result<(), StoreError> {
    let row = row_id(on, kind, item_id)?;
    conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?.execute([row])?;
    insert_entry(conn, row, architect, meeting, text)
}

/// Adds an entry that is not in the index yet (empty text is left out).
fn insert_entry(
    conn: &Connection,
    row: i64,
    architect: ArchitectId,
    meeting: Option<OneOnOneId>,
    text: &str,
) -> Result<(), StoreError> {
    if !text.trim().is_empty() {
        conn.prepare_cached(
            "INSERT INTO search_index (rowid, body, architect_id, meeting_id) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![row, search::index_body(text), architect, meeting])?;
    }
    Ok(())
}

/// Takes an item out of the index. `on` is the date it was indexed under.
pub fn unindex_item(conn: &Connection, kind: HitKind, item_id: i64, on: NaiveDate) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
        .execute([row_id(on, kind, item_id)?])?;
    Ok(())
}

/// Everything indexed under a meeting (its notes, and the items raised in it), as
/// (kind, id, text), for re-indexing when the meeting's date changes or it is deleted.
fn meeting_entries(
    conn: &Connection,
    meeting: OneOnOneId,
) -> Result<Vec<(HitKind, i64, String)>, StoreError> {
    let mut entries = Vec::new();
    let notes: String = conn
        .prepare_cached("SELECT notes FROM one_on_ones WHERE id = ?1")?
        .query_row([meeting], |r| r.get(0))?;
    entries.push((HitKind::Notes, meeting.0, notes));
    for (kind, sql) in [
        (HitKind::TalkingPoint, "SELECT id, text FROM talking_points WHERE raised_in = ?1"),
        (HitKind::ActionItem, "SELECT id, text FROM action_items WHERE raised_in = ?1"),
    ] {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map([meeting], |r| Ok((kind, r.get(0)?, r.get(1)?)))?;
        for row in rows {
            entries.push(row?);
        }
    }
    Ok(entries)
}

/// Removes a meeting's entries (before it is deleted, or before its date changes).
pub fn unindex_meeting(conn: &Connection, meeting: OneOnOneId, on: NaiveDate) -> Result<(), StoreError> {
    for (kind, id, _) in meeting_entries(conn, meeting)? {
        unindex_item(conn, kind, id, on)?;
    }
    Ok(())
}

/// Indexes a meeting's notes and items under its (current) date.
pub fn index_meeting(
    conn: &Connection,
    meeting: OneOnOneId,
    on: NaiveDate,
    architect: ArchitectId,
) -> Result<(), StoreError> {
    for (kind, id, text) in meeting_entries(conn, meeting)? {
        index_item(conn, kind, id, on, architect, Some(meeting), &text)?;
    }
    Ok(())
}

/// Hook for the development plan: index a goal's searchable text (description and evidence)
/// under `on` (its creation date is a good choice: it never changes).
pub fn index_goal(
    conn: &Connection,
    goal_id: i64,
    architect: ArchitectId,
    on: NaiveDate,
    text: &str,
) -> Result<(), StoreError> {
    index_item(conn, HitKind::Goal, goal_id, on, architect, None, text)
}

/// Hook for the development plan: a goal was deleted.
pub fn unindex_goal(conn: &Connection, goal_id: i64, on: NaiveDate) -> Result<(), StoreError> {
    unindex_item(conn, HitKind::Goal, goal_id, on)
}

/// Builds the index again from the records (after an import, or to repair it). Returns the
/// number of entries.
pub fn rebuild(conn: &Connection) -> Result<usize, StoreError> {
    conn.execute("DELETE FROM search_index", [])?;
    super::settings::set(conn, FOLD_SETTING, FOLD_VERSION)?;
    let sources = [
        (HitKind::Notes, "SELECT id, architect_id, id, held_on, notes FROM one_on_ones WHERE notes <> ''"),
        (
            HitKind::TalkingPoint,
            "SELECT p.id, p.architect_id, p.raised_in, m.held_on, p.text \
             FROM talking_points p JOIN one_on_ones m ON m.id = p.raised_in",
        ),
        (
            HitKind::ActionItem,
            "SELECT a.id, a.architect_id, a.raised_in, m.held_on, a.text \
             FROM action_items a JOIN one_on_ones m ON m.id = a.raised_in",
        ),
        (
            HitKind::Goal,
            "SELECT id, architect_id, NULL, created_on, trim(description || ' ' || evidence) FROM goals",
        ),
    ];
    let mut count = 0;
    for (kind, sql) in sources {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let text: String = row.get(4)?;
            let entry = row_id(row.get(3)?, kind, row.get(0)?)?;
            insert_entry(conn, entry, row.get(1)?, row.get(2)?, &text)?;
            count += 1;
        }
    }
    Ok(count)
}

/// The settings key recording how the index's text was folded, and the current way: an index
/// built another way (before the fold of `model::text::fold_for_match`, or by an older one) is
/// built again when the file is opened, or queries folded today would miss its entries.
const FOLD_SETTING: &str = "search_index_fold";
const FOLD_VERSION: &str = "fold_for_match 1";

/// Rebuilds the index if its text was folded differently from today's queries (see
/// [`FOLD_SETTING`]). Returns whether it did.
pub fn refold_if_needed(conn: &mut Connection) -> Result<bool, StoreError> {
    if super::settings::get(conn, FOLD_SETTING)?.as_deref() == Some(FOLD_VERSION) {
        return Ok(false);
    }
    let tx = conn.transaction()?;
    rebuild(&tx)?;
    tx.commit()?;
    Ok(true)
}

/// Rows in the index and items that should be there: equal when the index is in step.
pub fn entry_counts(conn: &Connection) -> Result<(i64, i64), StoreError> {
    let indexed: i64 = conn.query_row("SELECT count(*) FROM search_index", [], |r| r.get(0))?;
    let expected: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM one_on_ones WHERE trim(notes) <> '') \
         + (SELECT count(*) FROM talking_points) + (SELECT count(*) FROM action_items) \
         + (SELECT count(*) FROM goals)",
        [],
        |r| r.get(0),
    )?;
    Ok((indexed, expected))
}

/// Searches notes, talking points and action items (and goals) for what a person typed.
/// Any input is safe: operators are read as words, and a query with nothing searchable in it
/// returns a message instead of results, never an SQL error.
pub fn search(conn: &Connection, input: &str, limit: usize) -> Result<SearchResults, StoreError> {
    let mut results = SearchResults { query: input.to_owned(), ..SearchResults::default() };
    let Some(query) = search::fts_query(input) else {
        results.message = Some(if input.trim().is_empty() {
            "Type a word to search notes, talking points and action items.".to_owned()
        } else {
            format!("“{}” has no letters or digits to search for.", input.trim())
        });
        return Ok(results);
    };
    // Should the sanitised query still be refused, say so in words rather than show SQL.
    let refused = |_| {
        StoreError::Invalid(ValidationError::new(
            "search",
            format!("could not search for “{}”; try plain words", input.trim()),
        ))
    };
    let total: i64 = conn
        .prepare_cached("SELECT count(*) FROM search_index WHERE search_index MATCH ?1")?
        .query_row([&query], |r| r.get(0))
        .map_err(refused)?;
    results.total = usize::try_from(total).unwrap_or(0);
    let terms = search::query_terms(input);
    let names: HashMap<ArchitectId, String> = conn
        .prepare_cached("SELECT id, name FROM architects")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, architect_id, meeting_id \
         FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![query, i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, ArchitectId>(1)?, r.get::<_, Option<OneOnOneId>>(2)?))
        })
        .map_err(refused)?;
    let found: Vec<_> = rows.collect::<rusqlite::Result<_>>().map_err(refused)?;
    for (row_id, architect_id, meeting_id) in found {
        let Some((on, kind, item_id)) = search::decode_row_id(row_id) else { continue };
        // The index holds folded text; the snippet is cut from the words as written.
        let text = indexed_text(conn, kind, item_id)?.unwrap_or_default();
        let snippet = search::snippet(&text, &terms, SNIPPET_TOKENS);
        results.hits.push(Hit {
            kind,
            item_id,
            architect_id,
            architect_name: names.get(&architect_id).cloned().unwrap_or_else(|| format!("#{architect_id}")),
            meeting_id,
            on,
            snippet: search::flatten_snippet(&snippet),
        });
    }
    Ok(results)
}

/// The text an entry was indexed from, as written (a goal's description and evidence).
fn indexed_text(conn: &Connection, kind: HitKind, item_id: i64) -> Result<Option<String>, StoreError> {
    use rusqlite::OptionalExtension as _;
    if kind == HitKind::Goal {
        return Ok(conn
            .prepare_cached("SELECT trim(description || ' ' || evidence) FROM goals WHERE id = ?1")?
            .query_row([item_id], |r| r.get(0))
            .optional()?);
    }
    item_text(conn, kind, item_id)
}

/// The words of an item as stored, for opening a hit (the snippet may be cut).
pub fn item_text(conn: &Connection, kind: HitKind, item_id: i64) -> Result<Option<String>, StoreError> {
    use rusqlite::OptionalExtension as _;
    let sql = match kind {
        HitKind::Notes => "SELECT notes FROM one_on_ones WHERE id = ?1",
        HitKind::TalkingPoint => "SELECT text FROM talking_points WHERE id = ?1",
        HitKind::ActionItem => "SELECT text FROM action_items WHERE id = ?1",
        HitKind::Goal => return Ok(None),
    };
    Ok(conn.prepare_cached(sql)?.query_row([item_id], |r| r.get(0)).optional()?)
}
