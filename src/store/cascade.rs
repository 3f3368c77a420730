//! What a delete takes with it through the schema's foreign keys, read before it happens so that
//! an undo can put every row back as it was: the same ids, the same values, the references the
//! delete set to NULL set again. Found from the schema (`PRAGMA foreign_key_list`), so tables a
//! later migration adds are covered without changing this code.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use super::StoreError;

/// Rows a delete removes or changes, to put back with [`restore`].
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    /// Rows to insert again, each table's before the rows that refer to it.
    rows: Vec<Rows>,
    /// References the delete sets to NULL, with the value to set again.
    nulled: Vec<Nulled>,
}

// SQLite stores no NaN (it reads one back as NULL), so every value equals itself.
impl Eq for Removed {}

#[derive(Debug, Clone, PartialEq)]
struct Rows {
    table: String,
    columns: Vec<String>,
    values: Vec<Vec<Value>>,
}

#[derive(Debug, Clone, PartialEq)]
struct Nulled {
    table: String,
    columns: Vec<String>,
    /// Which row: its rowid, or its primary key in a table without one.
    key_columns: Vec<String>,
    key: Vec<Value>,
    values: Vec<Value>,
}

impl Removed {
    /// How many rows of `table` the delete removes.
    pub fn count(&self, table: &str) -> usize {
        self.rows.iter().filter(|r| r.table == table).map(|r| r.values.len()).sum()
    }
}

/// A foreign key of `child` to `parent`: which columns, and what a delete of the parent does.
struct Reference {
    child: String,
    from: Vec<String>,
    to: Vec<String>,
    on_delete: String,
}

/// The row of `table` whose `id` is given and everything deleting it would remove (ON DELETE
/// CASCADE, to any depth) or change (SET NULL, SET DEFAULT). Call it in the transaction that
/// deletes, just before the delete.
pub fn capture(conn: &Connection, table: &str, id: i64) -> Result<Removed, StoreError> {
    let mut references: HashMap<String, Vec<Reference>> = HashMap::new();
    for child in super::check::table_names(conn)? {
        for reference in references_of(conn, &child)? {
            references.entry(reference.0).or_default().push(reference.1);
        }
    }
    let mut capture = Capture {
        conn,
        references,
        removed: Removed { rows: Vec::new(), nulled: Vec::new() },
        seen: HashSet::new(),
    };
    let key = primary_key(conn, table)?;
    let [key] = key.as_slice() else {
        return Err(StoreError::Unsupported(format!("{table} has no single-column primary key")));
    };
    capture.rows(table, std::slice::from_ref(key), &[Value::Integer(id)])?;
    Ok(capture.removed)
}

/// Puts back what [`capture`] read, after the delete. References are checked when the
/// transaction commits, so the order of the rows within it does not matter.
pub fn restore(conn: &Connection, removed: &Removed) -> Result<(), StoreError> {
    conn.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    for rows in &removed.rows {
        let columns = rows.columns.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ");
        let places = vec!["?"; rows.columns.len()].join(", ");
        let mut insert =
            conn.prepare(&format!("INSERT INTO {} ({columns}) VALUES ({places})", quote(&rows.table)))?;
        for values in &rows.values {
            insert.execute(params_from_iter(values))?;
        }
    }
    for nulled in &removed.nulled {
        let set = nulled.columns.iter().map(|c| format!("{} = ?", quote(c))).collect::<Vec<_>>().join(", ");
        let which =
            nulled.key_columns.iter().map(|c| format!("{} IS ?", quote(c))).collect::<Vec<_>>().join(" AND ");
        conn.prepare(&format!("UPDATE {} SET {set} WHERE {which}", quote(&nulled.table)))?
            .execute(params_from_iter(nulled.values.iter().chain(&nulled.key)))?;
    }
    Ok(())
}

struct Capture<'c> {
    conn: &'c Connection,
    /// By parent table.
    references: HashMap<String, Vec<Reference>>,
    removed: Removed,
    /// (table, the row's values) already taken, so a row reached twice is put back once.
    seen: HashSet<(String, String)>,
}

impl Capture<'_> {
    /// The rows of `table` whose `columns` hold `values`, then what refers to them.
    fn rows(&mut self, table: &str, columns: &[String], values: &[Value]) -> Result<(), StoreError> {
        let names = column_names(self.conn, table)?;
        let found = select(self.conn, table, &names, columns, values)?;
        let mut taken = Vec::new();
        for row in found {
            if self.seen.insert((table.to_owned(), format!("{row:?}"))) {
                taken.push(row);
            }
        }
        if taken.is_empty() {
            return Ok(());
        }
        self.removed.rows.push(Rows {
            table: table.to_owned(),
            columns: names.clone(),
            values: taken.clone(),
        });
        let references = self.references.get(table).map(Vec::as_slice).unwrap_or_default();
        let mut follow = Vec::new();
        for reference in references {
            let to = if reference.to.iter().all(String::is_empty) {
                primary_key(self.conn, table)?
            } else {
                reference.to.clone()
            };
            let positions: Option<Vec<usize>> =
                to.iter().map(|c| names.iter().position(|n| n.eq_ignore_ascii_case(c))).collect();
            let Some(positions) = positions else { continue };
            for row in &taken {
                let parent: Vec<Value> = positions.iter().map(|&i| row[i].clone()).collect();
                if parent.contains(&Value::Null) {
                    continue;
                }
                follow.push((
                    reference.child.clone(),
                    reference.from.clone(),
                    reference.on_delete.clone(),
                    parent,
                ));
            }
        }
        for (child, from, on_delete, parent) in follow {
            match on_delete.to_ascii_uppercase().as_str() {
                "CASCADE" => self.rows(&child, &from, &parent)?,
                "SET NULL" | "SET DEFAULT" => self.nulled(&child, &from, &parent)?,
                // RESTRICT and NO ACTION refuse the delete itself: nothing to put back.
                _ => {}
            }
        }
        Ok(())
    }

    /// The rows of `table` whose `columns` hold `values`, which the delete leaves with a NULL
    /// (or default) reference: which rows, and the values to set again.
    fn nulled(&mut self, table: &str, columns: &[String], values: &[Value]) -> Result<(), StoreError> {
        let key_columns = if has_rowid(self.conn, table)? {
            vec!["rowid".to_owned()]
        } else {
            primary_key(self.conn, table)?
        };
        for key in select(self.conn, table, &key_columns, columns, values)? {
            self.removed.nulled.push(Nulled {
                table: table.to_owned(),
                columns: columns.to_vec(),
                key_columns: key_columns.clone(),
                key,
                values: values.to_vec(),
            });
        }
        Ok(())
    }
}

/// The `wanted` columns of the rows of `table` whose `columns` hold `values`.
fn select(
    conn: &Connection,
    table: &str,
    wanted: &[String],
    columns: &[String],
    values: &[Value],
) -> Result<Vec<Vec<Value>>, StoreError> {
    let which = columns.iter().map(|c| format!("{} IS ?", quote(c))).collect::<Vec<_>>().join(" AND ");
    let list = wanted.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ");
    let mut stmt = conn.prepare(&format!("SELECT {list} FROM {} WHERE {which}", quote(table)))?;
    let rows = stmt
        .query_map(params_from_iter(values), |row| {
            (0..wanted.len()).map(|i| row.get::<_, Value>(i)).collect()
        })?
        .collect::<rusqlite::Result<Vec<Vec<Value>>>>()?;
    Ok(rows)
}

/// The foreign keys of `child`, each as (parent table, reference).
fn references_of(conn: &Connection, child: &str) -> Result<Vec<(String, Reference)>, StoreError> {
    let mut stmt = conn.prepare(&format!("PRAGMA foreign_key_list({})", quote(child)))?;
    // (id, seq, parent, from, to, on_delete); a key of several columns has one row per column.
    let parts = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, Option<String>>(4)?.unwrap_or_default(),
                row.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut keys: Vec<(i64, String, Reference)> = Vec::new();
    for (id, parent, from, to, on_delete) in parts {
        if let Some((_, _, reference)) = keys.iter_mut().find(|(k, _, _)| *k == id) {
            reference.from.push(from);
            reference.to.push(to);
        } else {
            keys.push((
                id,
                parent,
                Reference { child: child.to_owned(), from: vec![from], to: vec![to], on_delete },
            ));
        }
    }
    Ok(keys.into_iter().map(|(_, parent, reference)| (parent, reference)).collect())
}

/// The declared columns of `table` (generated ones are not written).
fn column_names(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", quote(table)))?;
    let names = stmt.query_map([], |row| row.get::<_, String>(1))?.collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// The primary key's columns, in key order.
fn primary_key(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", quote(table)))?;
    let mut key = stmt
        .query_map([], |row| Ok((row.get::<_, i64>(5)?, row.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    key.retain(|(pk, _)| *pk > 0);
    key.sort_by_key(|(pk, _)| *pk);
    Ok(key.into_iter().map(|(_, name)| name).collect())
}

fn has_rowid(conn: &Connection, table: &str) -> Result<bool, StoreError> {
    let without: bool = conn
        .prepare_cached("SELECT wr FROM pragma_table_list WHERE name = ?1 AND schema = 'main'")?
        .query_row([table], |row| row.get(0))?;
    Ok(!without)
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn db() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
             CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE, note TEXT);
             CREATE TABLE grandchild (id INTEGER PRIMARY KEY, child_id INTEGER NOT NULL REFERENCES child (id) ON DELETE CASCADE, amount REAL);
             CREATE TABLE pointer (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE SET NULL);
             CREATE TABLE link (parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE, tag TEXT NOT NULL, PRIMARY KEY (parent_id, tag)) WITHOUT ROWID;
             INSERT INTO parent VALUES (1, 'kept'), (7, 'gone');
             INSERT INTO child VALUES (10, 7, 'a'), (11, 7, NULL), (12, 1, 'other');
             INSERT INTO grandchild VALUES (100, 10, 1.5), (101, 12, 2.0);
             INSERT INTO pointer VALUES (1000, 7), (1001, 1), (1002, NULL);
             INSERT INTO link VALUES (7, 'x'), (1, 'y');",
        )
        .unwrap();
        conn
    }

    fn dump(conn: &Connection) -> String {
        let mut out = String::new();
        for table in ["parent", "child", "grandchild", "pointer", "link"] {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2")).unwrap();
            let width = stmt.column_count();
            let rows = stmt
                .query_map([], |row| {
                    (0..width).map(|i| row.get::<_, Value>(i)).collect::<rusqlite::Result<Vec<_>>>()
                })
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap();
            writeln!(out, "{table}: {rows:?}").unwrap();
        }
        out
    }

    #[test]
    fn a_delete_and_its_cascades_come_back_exactly() {
        let mut conn = db();
        let before = dump(&conn);
        let tx = conn.transaction().unwrap();
        let removed = capture(&tx, "parent", 7).unwrap();
        tx.execute("DELETE FROM parent WHERE id = 7", []).unwrap();
        tx.commit().unwrap();
        assert_eq!(
            (
                removed.count("parent"),
                removed.count("child"),
                removed.count("grandchild"),
                removed.count("link")
            ),
            (1, 2, 1, 1)
        );
        let after_delete = dump(&conn);
        assert_ne!(after_delete, before);
        assert!(after_delete.contains("Integer(1000), Null"), "the pointer was set to NULL: {after_delete}");

        let tx = conn.transaction().unwrap();
        restore(&tx, &removed).unwrap();
        tx.commit().unwrap();
        assert_eq!(dump(&conn), before);
        let broken: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(broken, 0);
    }

    #[test]
    fn a_restore_refused_by_a_newer_row_changes_nothing() {
        let mut conn = db();
        let tx = conn.transaction().unwrap();
        let removed = capture(&tx, "parent", 7).unwrap();
        tx.execute("DELETE FROM parent WHERE id = 7", []).unwrap();
        tx.commit().unwrap();
        conn.execute("INSERT INTO parent VALUES (8, 'gone')", []).unwrap();
        let before = dump(&conn);
        let tx = conn.transaction().unwrap();
        assert!(restore(&tx, &removed).is_err(), "the name is taken again");
        drop(tx);
        assert_eq!(dump(&conn), before);
    }
}
