//! Calendar import storage: the categorisation rules (table `calendar_rules`), who "me" and
//! "my company" are (settings), and the time-entry sink a committed import writes through.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, OptionalExtension as _, params};

use super::{StoreError, settings, time};
use crate::import::preview::{CommitPlan, ExistingEntry, Key, ProposedEntry};
use crate::import::rules::{Outcome, Rule, TeamMember, default_rules};
use crate::model::TimeEntryId;
use crate::model::architect::Choice as _;
use crate::model::split::Category;
use crate::model::time_entry::{EntrySource, TimeEntryFields};

/// The manager's own e-mail addresses, one per line.
pub const MY_EMAILS: &str = "my_emails";
/// The company's e-mail domains, one per line.
pub const COMPANY_DOMAINS: &str = "company_domains";
/// The folder the last calendar file was imported from, offered again next time.
pub const LAST_IMPORT_FOLDER: &str = "calendar_import_folder";
/// Set once the manager has saved rules, so an emptied list stays empty.
const RULES_SAVED: &str = "calendar_rules_saved";

/// The rules in order; the shipped defaults until the manager saves their own.
pub fn rules(conn: &Connection) -> Result<Vec<Rule>, StoreError> {
    let mut statement =
        conn.prepare_cached("SELECT name, conditions, outcome FROM calendar_rules ORDER BY position")?;
    let rows = statement.query_map([], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?))
    })?;
    let mut rules = Vec::new();
    for row in rows {
        let (name, conditions, outcome) = row?;
        let conditions = serde_json::from_str(&conditions).map_err(|e| {
            StoreError::Unsupported(format!(
                "the calendar rule \"{name}\" has conditions this version cannot read ({e})"
            ))
        })?;
        let outcome = outcome_from_key(&outcome).ok_or_else(|| {
            StoreError::Unsupported(format!(
                "the calendar rule \"{name}\" has an unknown result \"{outcome}\""
            ))
        })?;
        rules.push(Rule { name, conditions, outcome });
    }
    if rules.is_empty() && settings::get(conn, RULES_SAVED)?.is_none() {
        return Ok(default_rules());
    }
    Ok(rules)
}

/// Replaces the rules (call inside a transaction).
pub fn save_rules(conn: &Connection, rules: &[Rule]) -> Result<(), StoreError> {
    conn.execute("DELETE FROM calendar_rules", [])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO calendar_rules (position, name, conditions, outcome) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, rule) in rules.iter().enumerate() {
        let conditions = serde_json::to_string(&rule.conditions)
            .map_err(|e| StoreError::Unsupported(format!("cannot store the rule \"{}\": {e}", rule.name)))?;
        insert.execute(params![
            i64::try_from(position).unwrap_or(i64::MAX),
            rule.name.trim(),
            conditions,
            rule.outcome.key()
        ])?;
    }
    settings::set(conn, RULES_SAVED, "1")?;
    Ok(())
}

/// A settings list (one value per line; commas and semicolons also separate).
pub fn list_setting(conn: &Connection, key: &str) -> Result<Vec<String>, StoreError> {
    Ok(settings::get(conn, key)?.map(|v| split_list(&v)).unwrap_or_default())
}

pub fn split_list(value: &str) -> Vec<String> {
    value
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Every architect's e-mail address and whose it is, and whether they are still on the team
/// (a meeting from before someone left is still filed under them).
pub fn team_members(conn: &Connection) -> Result<Vec<TeamMember>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT lower(trim(email)), id, status != 'left' FROM architects WHERE trim(email) != '' ORDER BY id",
    )?;
    let members = statement
        .query_map([], |row| Ok(TeamMember { email: row.get(0)?, id: row.get(1)?, current: row.get(2)? }))?
        .collect::<Result<_, _>>()?;
    Ok(members)
}

/// Minutes per day from `from` to `to` (exclusive) that no calendar import wrote: with the
/// imported ones, a day holds at most 24 h.
pub fn minutes_by_hand(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashMap<NaiveDate, u32>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT entry_date, sum(minutes) FROM time_entries \
         WHERE source != 'calendar' AND entry_date >= ?1 AND entry_date < ?2 GROUP BY entry_date",
    )?;
    let days = statement.query_map(params![from, to], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(days.collect::<Result<_, _>>()?)
}

/// The manager's choices per occurrence (event UID and recurrence id), over what the rules
/// decide.
pub fn choices(conn: &Connection) -> Result<HashMap<Key, Outcome>, StoreError> {
    let mut statement =
        conn.prepare_cached("SELECT event_uid, recurrence_id, outcome FROM calendar_choices")?;
    let rows = statement.query_map([], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?))
    })?;
    let mut choices = HashMap::new();
    for row in rows {
        let (uid, recurrence_id, outcome) = row?;
        let outcome = outcome_from_key(&outcome).ok_or_else(|| {
            StoreError::Unsupported(format!("the choice for calendar event {uid} is unknown: \"{outcome}\""))
        })?;
        choices.insert((uid, (!recurrence_id.is_empty()).then_some(recurrence_id)), outcome);
    }
    Ok(choices)
}

/// Remembers the manager's choice for one occurrence, over what the rules decide.
pub fn remember_choice(
    conn: &Connection,
    uid: &str,
    recurrence_id: Option<&str>,
    outcome: Outcome,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO calendar_choices (event_uid, recurrence_id, outcome) VALUES (?1, ?2, ?3) \
         ON CONFLICT (event_uid, recurrence_id) DO UPDATE SET outcome = excluded.outcome",
    )?
    .execute(params![uid, recurrence_id.unwrap_or_default(), outcome.key()])?;
    Ok(())
}

/// Forgets the choice for one occurrence (only if it is `only`, when given): the rules decide.
pub fn forget_choice(
    conn: &Connection,
    uid: &str,
    recurrence_id: Option<&str>,
    only: Option<Outcome>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "DELETE FROM calendar_choices WHERE event_uid = ?1 AND recurrence_id = ?2 AND (?3 IS NULL OR outcome = ?3)",
    )?
    .execute(params![uid, recurrence_id.unwrap_or_default(), only.map(Outcome::key)])?;
    Ok(())
}

/// What editing an imported entry on the Time screen means for the next import of its
/// calendar: a new category is the manager's choice for that occurrence, a deleted entry one
/// to ignore, and an entry brought back by Undo is no longer ignored. Without this, importing
/// the calendar again would quietly undo the edit.
pub fn follow_edit(
    conn: &Connection,
    before: Option<&TimeEntryFields>,
    after: Option<&TimeEntryFields>,
) -> Result<(), StoreError> {
    let key = |f: &TimeEntryFields| match &f.source {
        EntrySource::Calendar { event_uid, recurrence_id } => {
            Some((event_uid.clone(), recurrence_id.clone(), f.category))
        }
        EntrySource::Manual => None,
    };
    match (before.and_then(key), after.and_then(key)) {
        // Edited: a category changed by hand is remembered.
        (Some((_, _, old)), Some((uid, rid, new))) if old != new => {
            remember_choice(conn, &uid, rid.as_deref(), Outcome::Category(new))
        }
        // Deleted: the next import leaves it out.
        (Some((uid, rid, _)), None) => remember_choice(conn, &uid, rid.as_deref(), Outcome::Ignore),
        // Brought back: no longer ignored.
        (None, Some((uid, rid, _))) => forget_choice(conn, &uid, rid.as_deref(), Some(Outcome::Ignore)),
        _ => Ok(()),
    }
}

fn outcome_from_key(key: &str) -> Option<Outcome> {
    match key {
        "ignore" => Some(Outcome::Ignore),
        key => Category::parse(key).map(Outcome::Category),
    }
}

/// Entries earlier calendar imports wrote with a date in `from..to`.
pub fn existing(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<ExistingEntry>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT id, event_uid, recurrence_id, entry_date, start_time, minutes, category, description, \
         architect_id, calendar FROM time_entries WHERE source = 'calendar' AND entry_date >= ?1 AND entry_date < ?2",
    )?;
    let rows = statement.query_map(params![from, to], |row| {
        let start: Option<String> = row.get(4)?;
        Ok(ExistingEntry {
            id: row.get(0)?,
            event_uid: row.get(1)?,
            recurrence_id: row.get(2)?,
            entry_date: row.get(3)?,
            start_time: match start {
                Some(text) => Some(
                    NaiveTime::parse_from_str(&text, "%H:%M")
                        .map_err(|_| super::time::conversion_error(4, format!("{text:?} is not a time")))?,
                ),
                None => None,
            },
            minutes: row.get(5)?,
            // The same reading as every time entry: an unknown category is an error, never
            // quietly counted as Business.
            category: super::time::category_at(row, 6)?,
            description: row.get(7)?,
            architect: row.get(8)?,
            calendar: row.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Writes a commit plan (call inside a transaction: the caller's, so an import is all or nothing
/// together with whatever else the transaction holds). Every entry is checked as one typed in
/// would be, and every day it touches must still hold at most 24 h.
pub fn write_plan(tx: &Connection, plan: &CommitPlan) -> Result<(), StoreError> {
    let mut days = BTreeSet::new();
    for &id in &plan.deletes {
        let date: Option<NaiveDate> = tx
            .prepare_cached(
                "DELETE FROM time_entries WHERE id = ?1 AND source = 'calendar' RETURNING entry_date",
            )?
            .query_row([id], |row| row.get(0))
            .optional()?;
        days.extend(date);
    }
    for (id, entry) in &plan.updates {
        let id = TimeEntryId(*id);
        let imported: bool = tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM time_entries WHERE id = ?1 AND source = 'calendar')",
            )?
            .query_row([id], |row| row.get(0))?;
        if !imported {
            return Err(StoreError::NotFound(format!(
                "the imported entry \"{}\" (it changed since the preview; import again)",
                entry.description
            )));
        }
        let fields = fields(tx, entry)?;
        days.insert(fields.date);
        time::update_row(tx, id, &fields)?;
    }
    let calendar = Some(plan.calendar.as_str()).filter(|c| !c.is_empty());
    for entry in &plan.inserts {
        let fields = fields(tx, entry)?;
        days.insert(fields.date);
        let id = time::insert_row(tx, None, &fields)?;
        tx.prepare_cached("UPDATE time_entries SET calendar = ?2 WHERE id = ?1")?
            .execute(params![id, calendar])?;
        // The calendar knows when a one-on-one really started and how long it took: its entry
        // replaces the one the held meeting logged with its guessed length, so it counts once.
        if let (Some(architect), Category::Coaching) = (fields.architect, fields.category) {
            tx.prepare_cached(
                "DELETE FROM time_entries WHERE one_on_one_id IS NOT NULL AND architect_id = ?1 \
                 AND entry_date = ?2",
            )?
            .execute(params![architect, fields.date])?;
        }
    }
    for &id in &plan.claims {
        tx.prepare_cached(
            "UPDATE time_entries SET calendar = ?2 WHERE id = ?1 AND source = 'calendar' AND calendar IS NULL",
        )?
        .execute(params![id, calendar])?;
    }
    for ((uid, recurrence_id), outcome) in &plan.choices {
        match outcome {
            Some(outcome) => remember_choice(tx, uid, recurrence_id.as_deref(), *outcome)?,
            None => forget_choice(tx, uid, recurrence_id.as_deref(), None)?,
        }
    }
    time::check_days(tx, days)
}

/// The time entry an imported occurrence becomes, checked as one typed in would be.
fn fields(conn: &Connection, entry: &ProposedEntry) -> Result<TimeEntryFields, StoreError> {
    if let Some(architect) = entry.architect {
        let exists: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM architects WHERE id = ?1)")?
            .query_row([architect], |row| row.get(0))?;
        if !exists {
            return Err(StoreError::NotFound(format!(
                "architect #{architect}, who \"{}\" was with (deleted since the preview; import again)",
                entry.description
            )));
        }
    }
    let fields = TimeEntryFields {
        date: entry.entry_date,
        start_time: entry.start_time,
        minutes: entry.minutes,
        category: entry.category,
        description: entry.description.clone(),
        architect: entry.architect,
        // An import never names an account or initiative (and never takes one away: see
        // `time::update_row`).
        link: None,
        source: EntrySource::Calendar {
            event_uid: entry.event_uid.clone(),
            recurrence_id: entry.recurrence_id.clone(),
        },
    };
    Ok(fields.validated()?)
}

/// Checks and stores who "me" is and the company's domains (call inside a transaction).
/// Each address must look like one; each domain like `contoso.com`. Nothing is saved when one
/// is wrong, and the message names it.
pub fn save_identity(conn: &Connection, my_emails: &str, company_domains: &str) -> Result<(), StoreError> {
    use crate::model::ValidationError;
    use crate::model::text;
    let emails: Vec<String> = split_list(my_emails)
        .iter()
        .map(|e| text::email("my e-mail addresses", e))
        .collect::<Result<_, _>>()?;
    let mut domains = Vec::new();
    for domain in split_list(company_domains) {
        let domain = domain.trim_start_matches('@').to_owned();
        let valid = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        if !valid {
            return Err(ValidationError::new(
                "company domains",
                format!("{domain:?} is not a domain (e.g. contoso.com)"),
            )
            .into());
        }
        domains.push(domain);
    }
    settings::set(conn, MY_EMAILS, &emails.join("\n"))?;
    settings::set(conn, COMPANY_DOMAINS, &domains.join("\n"))?;
    Ok(())
}
