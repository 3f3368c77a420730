//! The portable JSON export and its import into an empty database.
//!
//! Format (version 1), documented in the README:
//! ```json
//! { "format": "leadline-export", "version": 1, "schema_version": 1,
//!   "tables": { "architects": [ { "id": 1, "name": "Ana", ... } ], ... } }
//! ```
//! Every table of the schema is present, its rows ordered by id, each row an object with
//! every column. Dates are `YYYY-MM-DD` strings. The export holds no timestamp of its own,
//! so exporting the same data twice gives identical files.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, params_from_iter};
use serde_json::{Map, Value as Json};

use super::{LATEST_VERSION, StoreError, check, migrations};

pub const FORMAT_NAME: &str = "leadline-export";
pub const FORMAT_VERSION: i64 = 1;

/// Why an import was refused, naming the record at fault.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("not a Leadline export: {0}")]
    NotAnExport(String),
    #[error(
        "the export is format version {found}, newer than this Leadline reads ({FORMAT_VERSION}); update Leadline"
    )]
    NewerFormat { found: i64 },
    #[error(
        "the export is from a newer Leadline (schema version {found}; this version knows up to {LATEST_VERSION}); update Leadline"
    )]
    SchemaMismatch { found: i64 },
    #[error("the database is not empty ({0}); import only into a new file, e.g. with --db new.db")]
    NotEmpty(String),
    /// `record` reads like "#3 (id 7)": its position in the file and its id.
    #[error("{table} record {record}: {problem}")]
    Record { table: String, record: String, problem: String },
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Store(StoreError::Sqlite(error))
    }
}

/// One column as the schema declares it.
struct ColumnInfo {
    name: String,
    declared_type: String,
    not_null: bool,
    primary_key: bool,
}

fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<ColumnInfo>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
    stmt.query_map([], |row| {
        Ok(ColumnInfo {
            name: row.get(1)?,
            declared_type: row.get::<_, String>(2)?.to_uppercase(),
            not_null: row.get::<_, i64>(3)? != 0,
            primary_key: row.get::<_, i64>(5)? != 0,
        })
    })?
    .collect()
}

/// Tables to export: every table of ours, without SQLite's and FTS's internal ones.
fn exported_tables(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    // FTS5 shadow tables (NAME_data, NAME_idx, ...) belong to a virtual table and are rebuilt.
    let virtual_tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names
        .into_iter()
        .filter(|n| !virtual_tables.iter().any(|v| n.starts_with(&format!("{v}_"))))
        .collect())
}

/// Every record of the database as the versioned JSON document.
pub fn export(conn: &Connection) -> Result<Json, StoreError> {
    let mut tables = Map::new();
    for table in exported_tables(conn)? {
        let cols = columns(conn, &table)?;
        let names: Vec<String> = cols.iter().map(|c| format!("\"{}\"", c.name)).collect();
        let order = if cols.iter().any(|c| c.primary_key) { "ORDER BY 1" } else { "ORDER BY rowid" };
        let sql = format!("SELECT {} FROM \"{table}\" {order}", names.join(", "));
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut records = Vec::new();
        while let Some(row) = rows.next()? {
            let mut record = Map::new();
            for (index, column) in cols.iter().enumerate() {
                let value = match row.get_ref(index)? {
                    ValueRef::Null => Json::Null,
                    ValueRef::Integer(i) => Json::from(i),
                    ValueRef::Real(f) => Json::from(f),
                    ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(_) => {
                        // The schema has no binary columns; one appearing means a foreign table.
                        return Err(StoreError::Unsupported(format!(
                            "{table}.{} holds binary data, which the export format cannot hold",
                            column.name
                        )));
                    }
                };
                record.insert(column.name.clone(), value);
            }
            records.push(Json::Object(record));
        }
        tables.insert(table, Json::Array(records));
    }
    let mut document = Map::new();
    document.insert("format".into(), Json::from(FORMAT_NAME));
    document.insert("version".into(), Json::from(FORMAT_VERSION));
    document.insert("schema_version".into(), Json::from(migrations::version(conn)?));
    document.insert("tables".into(), Json::Object(tables));
    Ok(Json::Object(document))
}

/// Tables whose rows the migrations up to `version` seed (default lists and settings): an
/// import replaces them.
fn seeded_tables(version: i64) -> Result<Vec<String>, StoreError> {
    // A fresh in-memory database at the same schema tells which tables start non-empty.
    let mut fresh = Connection::open_in_memory()?;
    migrations::migrate_to(&mut fresh, version)?;
    Ok(check::row_counts(&fresh)?.into_iter().filter(|(_, n)| *n > 0).map(|(t, _)| t).collect())
}

/// Loads an export into an empty database, all or nothing. Every record is checked before
/// anything is written, and the whole import is one transaction.
pub fn import(conn: &mut Connection, document: &Json) -> Result<usize, ImportError> {
    let object = document
        .as_object()
        .ok_or_else(|| ImportError::NotAnExport("the file is not a JSON object".into()))?;
    if object.get("format").and_then(Json::as_str) != Some(FORMAT_NAME) {
        return Err(ImportError::NotAnExport(format!("\"format\" is not \"{FORMAT_NAME}\"")));
    }
    let version = object
        .get("version")
        .and_then(Json::as_i64)
        .ok_or_else(|| ImportError::NotAnExport("\"version\" is missing or not a number".into()))?;
    if version > FORMAT_VERSION {
        return Err(ImportError::NewerFormat { found: version });
    }
    let schema_version = object
        .get("schema_version")
        .and_then(Json::as_i64)
        .ok_or_else(|| ImportError::NotAnExport("\"schema_version\" is missing or not a number".into()))?;
    if schema_version < 1 {
        return Err(ImportError::NotAnExport(format!(
            "\"schema_version\" {schema_version} is not a version"
        )));
    }
    if schema_version > LATEST_VERSION {
        return Err(ImportError::SchemaMismatch { found: schema_version });
    }
    if schema_version < LATEST_VERSION {
        // Written by an earlier Leadline: load it into a database of that version, let the
        // migrations bring it up to date, as they do for a database file, and import that.
        let mut earlier = Connection::open_in_memory()?;
        migrations::migrate_to(&mut earlier, schema_version)?;
        import_at(&mut earlier, object, schema_version)?;
        migrations::migrate(&mut earlier)?;
        return import(conn, &export(&earlier)?);
    }
    import_at(conn, object, LATEST_VERSION)
}

/// Imports the tables of an export of schema version `version` into a database of that version.
fn import_at(
    conn: &mut Connection,
    object: &serde_json::Map<String, Json>,
    version: i64,
) -> Result<usize, ImportError> {
    let tables = object
        .get("tables")
        .and_then(Json::as_object)
        .ok_or_else(|| ImportError::NotAnExport("\"tables\" is missing or not an object".into()))?;

    let known = exported_tables(conn)?;
    if let Some(unknown) = tables.keys().find(|t| !known.contains(t)) {
        return Err(ImportError::NotAnExport(format!("unknown table \"{unknown}\"")));
    }
    let seeded = seeded_tables(version)?;
    let not_empty: Vec<String> = check::row_counts(conn)?
        .into_iter()
        .filter(|(table, count)| *count > 0 && !seeded.contains(table) && known.contains(table))
        .map(|(table, count)| {
            format!("{table}: {}", crate::model::words::plural(usize::try_from(count).unwrap_or(0), "row"))
        })
        .collect();
    if !not_empty.is_empty() {
        return Err(ImportError::NotEmpty(not_empty.join(", ")));
    }

    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // References are checked once every row is in, so the order of tables does not matter.
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    for table in &seeded {
        tx.execute(&format!("DELETE FROM \"{table}\""), [])?;
    }
    let mut total = 0;
    for table in &known {
        let Some(records) = tables.get(table) else { continue };
        let records = records.as_array().ok_or_else(|| ImportError::Record {
            table: table.clone(),
            record: "list".into(),
            problem: "is not a list of records".into(),
        })?;
        let cols = columns(&tx, table)?;
        let names: Vec<String> = cols.iter().map(|c| format!("\"{}\"", c.name)).collect();
        let placeholders: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        let sql =
            format!("INSERT INTO \"{table}\" ({}) VALUES ({})", names.join(", "), placeholders.join(", "));
        let mut stmt = tx.prepare(&sql)?;
        for (index, record) in records.iter().enumerate() {
            let at = |problem: String| ImportError::Record {
                table: table.clone(),
                record: format!(
                    "#{}{}",
                    index + 1,
                    record.get("id").map(|id| format!(" (id {id})")).unwrap_or_default()
                ),
                problem,
            };
            let values = record_values(record, &cols).map_err(at)?;
            stmt.execute(params_from_iter(values)).map_err(|e| at(e.to_string()))?;
            total += 1;
        }
    }
    let dangling = dangling_references(&tx)?;
    if let Some(problem) = dangling {
        return Err(problem);
    }
    // The search index is not exported: it is built again from the imported records.
    super::search::rebuild(&tx)?;
    tx.commit()?;
    Ok(total)
}

/// Checks one record against the table's columns: every column present, no extra field,
/// each value of the declared type.
fn record_values(record: &Json, cols: &[ColumnInfo]) -> Result<Vec<Value>, String> {
    let object = record.as_object().ok_or("is not an object")?;
    if let Some(extra) = object.keys().find(|k| !cols.iter().any(|c| &c.name == *k)) {
        return Err(format!("unknown field \"{extra}\""));
    }
    cols.iter()
        .map(|column| {
            let Some(value) = object.get(&column.name) else {
                return Err(format!("missing field \"{}\"", column.name));
            };
            let wrong =
                |expected: &str| format!("field \"{}\" should be {expected}, found {value}", column.name);
            match value {
                Json::Null
                    if column.not_null && !(column.primary_key && column.declared_type == "INTEGER") =>
                {
                    Err(format!("field \"{}\" must not be null", column.name))
                }
                Json::Null => Ok(Value::Null),
                _ if column.declared_type == "INTEGER" => {
                    value.as_i64().map(Value::Integer).ok_or_else(|| wrong("an integer"))
                }
                _ if column.declared_type == "REAL" => {
                    value.as_f64().map(Value::Real).ok_or_else(|| wrong("a number"))
                }
                _ if column.declared_type == "TEXT" => {
                    value.as_str().map(|s| Value::Text(s.to_owned())).ok_or_else(|| wrong("text"))
                }
                Json::String(s) => Ok(Value::Text(s.clone())),
                Json::Number(n) => {
                    Ok(n.as_i64().map_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0)), Value::Integer))
                }
                Json::Bool(b) => Ok(Value::Integer(i64::from(*b))),
                _ => Err(wrong("a plain value")),
            }
        })
        .collect()
}

/// The first record whose reference points nowhere, named by table and id.
fn dangling_references(conn: &Connection) -> Result<Option<ImportError>, ImportError> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let mut rows = stmt.query([])?;
    if let Some(row) = rows.next()? {
        let table: String = row.get(0)?;
        let rowid: Option<i64> = row.get(1)?;
        let parent: String = row.get(2)?;
        let fk_index: i64 = row.get(3)?;
        let column: String = conn
            .prepare(&format!("PRAGMA foreign_key_list(\"{table}\")"))?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(3)?)))?
            .filter_map(Result::ok)
            .find(|(id, _)| *id == fk_index)
            .map(|(_, from)| from)
            .unwrap_or_default();
        return Ok(Some(ImportError::Record {
            table,
            record: rowid.map_or_else(String::new, |r| format!("with id {r}")),
            problem: format!("field \"{column}\" refers to a {parent} record that is not in the export"),
        }));
    }
    Ok(None)
}
