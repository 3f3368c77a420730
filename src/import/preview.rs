//! The import preview: every occurrence with its proposed category and the rule that chose
//! it, and the difference from what earlier imports wrote (keyed by UID and recurrence id):
//! new, changed, unchanged, and entries whose occurrence is gone or now ignored, listed for
//! removal. Existing entries come in as a plain list, so this does not depend on the store.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike as _};
use serde::Serialize;

use super::Warning;
use super::expand::{Expansion, Occurrence, Window};
use super::rules::{Matcher, Outcome, People, Rule, Verdict};
use crate::model::ArchitectId;
use crate::model::duration::MAX_MINUTES as DAY_MINUTES;
use crate::model::split::Category;
use days::{counted_minutes, weekday_count, weekdays_in_window};

/// An occurrence's key: its event's UID and recurrence id.
pub type Key = (String, Option<String>);

/// The longest entry the time store takes (one day), and the longest description kept.
pub const MAX_ENTRY_MINUTES: u32 = 1440;
pub const MAX_DESCRIPTION_CHARS: usize = 200;
/// What an all-day event counts per weekday it covers, unless settings say otherwise.
pub const DEFAULT_ALL_DAY_MINUTES: u32 = 480;
/// Later meetings each meeting is compared with for double booking.
const MAX_OVERLAPS_COMPARED: usize = 64;

/// A time entry an earlier calendar import wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExistingEntry {
    pub id: i64,
    pub event_uid: String,
    pub recurrence_id: Option<String>,
    pub entry_date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub minutes: u32,
    pub category: Category,
    pub description: String,
    pub architect: Option<ArchitectId>,
    /// The calendar that brought it (`vendor|name`); none for entries imported before
    /// calendars were told apart.
    pub calendar: Option<String>,
}

impl ExistingEntry {
    fn key(&self) -> Key {
        (self.event_uid.clone(), self.recurrence_id.clone())
    }
}

/// The time entry an occurrence would become.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposedEntry {
    pub event_uid: String,
    pub recurrence_id: Option<String>,
    pub entry_date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub minutes: u32,
    pub category: Category,
    pub description: String,
    /// The one architect on the team the meeting was with, if exactly one was there.
    pub architect: Option<ArchitectId>,
}

/// What committing would do with one occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    New,
    Changed {
        id: i64,
        fields: Vec<&'static str>,
    },
    Unchanged {
        id: i64,
    },
    /// Imported before, now ignored (cancelled, declined, free, or a rule says ignore).
    Remove {
        id: i64,
    },
    /// No rule matched: waits for the manager to assign or ignore it.
    Unassigned,
    /// Ignored and never imported: nothing to do.
    Skip,
}

impl Change {
    pub fn label(&self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Changed { .. } => "changed",
            Self::Unchanged { .. } => "unchanged",
            Self::Remove { .. } => "remove",
            Self::Unassigned => "unassigned",
            Self::Skip => "skip",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub occurrence: Occurrence,
    pub verdict: Verdict,
    /// The manager's own choice for this occurrence (or one kept from an earlier import),
    /// which wins over the verdict.
    pub assigned: Option<Outcome>,
    /// The date and start time it counts on, in the manager's zone.
    pub local_date: NaiveDate,
    pub local_start: Option<NaiveTime>,
    pub minutes: u32,
    /// The one team member among the attendees (or the organizer), if exactly one.
    pub architect: Option<ArchitectId>,
    /// For a multi-day all-day event, the weekday this row counts (one row per weekday).
    pub part: Option<NaiveDate>,
    /// The first of those rows in the range (the one the command line's TSV prints).
    #[serde(skip)]
    first_part: bool,
    pub change: Change,
    pub note: Option<String>,
}

impl Row {
    /// The key of the entry it becomes: its occurrence's, and for one day of a multi-day
    /// all-day event, that day too (`<recurrence id>#20261123`).
    pub fn key(&self) -> Key {
        let recurrence_id = match self.part {
            Some(day) => Some(format!(
                "{}#{}",
                self.occurrence.recurrence_id.as_deref().unwrap_or_default(),
                day.format("%Y%m%d")
            )),
            None => self.occurrence.recurrence_id.clone(),
        };
        (self.occurrence.uid.clone(), recurrence_id)
    }

    /// Whether this row is the occurrence's first (or only) one: a multi-day all-day event
    /// has one row per weekday it covers.
    pub fn is_first_part(&self) -> bool {
        self.first_part
    }

    /// The category it will count towards, if any.
    pub fn category(&self) -> Option<Category> {
        match self.assigned {
            Some(Outcome::Category(category)) => Some(category),
            Some(Outcome::Ignore) => None,
            None => self.verdict.category(),
        }
    }

    pub fn category_label(&self) -> &'static str {
        match self.assigned {
            Some(outcome) => outcome.key(),
            None => self.verdict.outcome_label(),
        }
    }

    pub fn rule_label(&self) -> String {
        match (self.assigned, &self.verdict) {
            (Some(_), Verdict::Unmatched) => "(assigned)".into(),
            (Some(_), verdict) => format!("(your choice; was {})", verdict.rule_label()),
            (None, verdict) => verdict.rule_label(),
        }
    }

    /// The meeting as the business network sees it, if it counts (a category, not ignored):
    /// the organizer and the attendees who did not decline.
    fn meeting(&self) -> Option<crate::model::business::network::Meeting> {
        self.category()?;
        let o = &self.occurrence;
        let emails = o
            .organizer
            .iter()
            .cloned()
            .chain(
                o.attendees
                    .iter()
                    .filter(|a| !a.resource && a.partstat != super::event::PartStat::Declined)
                    .map(|a| a.email.clone()),
            )
            .filter(|e| !e.is_empty())
            .collect();
        Some(crate::model::business::network::Meeting {
            event_uid: o.uid.clone(),
            recurrence_id: o.recurrence_id.clone(),
            on: self.local_date,
            title: o.summary.trim().to_owned(),
            emails,
        })
    }

    fn proposed(&self) -> Option<ProposedEntry> {
        let category = self.category()?;
        (self.minutes > 0).then(|| ProposedEntry {
            event_uid: self.occurrence.uid.clone(),
            recurrence_id: self.key().1,
            entry_date: self.local_date,
            start_time: self.local_start,
            minutes: self.minutes,
            category,
            description: self.occurrence.summary.trim().chars().take(MAX_DESCRIPTION_CHARS).collect(),
            architect: self.architect,
        })
    }
}

/// How many rows of each kind, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub occurrences: usize,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub unassigned: usize,
    pub ignored: usize,
    pub removed: usize,
}

/// What a commit writes, all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CommitPlan {
    pub inserts: Vec<ProposedEntry>,
    pub updates: Vec<(i64, ProposedEntry)>,
    pub deletes: Vec<i64>,
    /// The manager's choices to remember (`Some`) or forget (`None`) per occurrence.
    pub choices: Vec<(Key, Option<Outcome>)>,
    /// The calendar the entries come from, written with the new ones.
    pub calendar: String,
    /// Entries imported before calendars were told apart that this calendar turns out to hold:
    /// they are marked as its own.
    pub claims: Vec<i64>,
    /// The meetings that count, with who attended: an interaction with any contact of the
    /// business network among them.
    pub met: Vec<crate::model::business::network::Meeting>,
}

impl CommitPlan {
    /// Whether committing changes nothing the manager would see (claims are bookkeeping).
    pub fn is_empty(&self) -> bool {
        self.inserts.is_empty()
            && self.updates.is_empty()
            && self.deletes.is_empty()
            && self.choices.is_empty()
    }
}

/// A day the import would fill past 24 h (double-booked meetings, a long all-day event on top
/// of meetings, time logged by hand): the commit is refused until it fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FullDay {
    pub date: NaiveDate,
    /// Everything the day would hold: imported occurrences plus time logged by hand.
    pub minutes: u32,
    /// Of which logged by hand (or by anything but a calendar import).
    pub by_hand: u32,
}

impl std::fmt::Display for FullDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::model::time_entry::overfull_day(self.date, self.minutes, self.by_hand))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub rows: Vec<Row>,
    /// Entries this calendar imported before whose occurrence is no longer in it.
    pub gone: Vec<ExistingEntry>,
    /// Entries in the range that other calendars brought: left alone, and counted in each
    /// day's 24 h.
    pub other_calendars: Vec<ExistingEntry>,
    /// Which calendar this is (`vendor|name`, see `Calendar::identity`).
    pub calendar: String,
    /// Keep the entries in `gone` instead of removing them: they came from another calendar.
    pub keep_gone: bool,
    pub warnings: Vec<Warning>,
    /// When no event falls in the range: the first and last day events of the file fall on,
    /// within [`ELSEWHERE_YEARS`] of it, to offer that range instead.
    pub elsewhere: Option<(NaiveDate, NaiveDate)>,
    #[serde(skip)]
    existing: HashMap<Key, ExistingEntry>,
    #[serde(skip)]
    by_hand: HashMap<NaiveDate, u32>,
    /// The choices remembered from earlier imports, to tell what a commit changes.
    #[serde(skip)]
    choices: HashMap<Key, Outcome>,
}

/// What the preview needs besides the occurrences.
pub struct Inputs<'a> {
    pub rules: &'a [Rule],
    pub people: &'a People,
    pub existing: &'a [ExistingEntry],
    /// Minutes per day in the range that did not come from a calendar import: a day holds
    /// 24 h in all.
    pub by_hand: &'a HashMap<NaiveDate, u32>,
    /// The manager's choices remembered from earlier imports, over what the rules decide.
    pub choices: &'a HashMap<Key, Outcome>,
    pub all_day_minutes: u32,
}

/// How far around an empty range the preview looks for the file's events.
pub const ELSEWHERE_YEARS: i64 = 5;

impl Preview {
    pub fn build(expansion: Expansion, window: &Window, inputs: &Inputs<'_>) -> Self {
        let Expansion { occurrences, mut warnings, calendar } = expansion;
        let existing: HashMap<Key, ExistingEntry> =
            inputs.existing.iter().map(|e| (e.key(), e.clone())).collect();
        let matcher = Matcher::new(inputs.rules, inputs.people);
        let mut seen = HashSet::new();
        let mut rows = Vec::with_capacity(occurrences.len());
        for occurrence in occurrences {
            let key = (occurrence.uid.clone(), occurrence.recurrence_id.clone());
            if !seen.insert(key.clone()) {
                warnings.push(Warning::at(
                    occurrence.line,
                    format!(
                        "\"{}\" appears twice with the same UID and time; the second copy is skipped",
                        occurrence.summary
                    ),
                ));
                continue;
            }
            let verdict = matcher.categorise(&occurrence);
            let architect = inputs.people.team_architect(&occurrence);
            let wall = occurrence.start.wall_in(&window.zone);
            let row = Row {
                local_date: wall.date(),
                local_start: (!occurrence.all_day).then(|| wall.time().with_second(0).unwrap_or(wall.time())),
                occurrence,
                verdict,
                assigned: None,
                minutes: 0,
                architect,
                part: None,
                first_part: true,
                change: Change::Skip,
                note: None,
            };
            let multi_day = row.occurrence.all_day
                && (row.occurrence.end.wall() - row.occurrence.start.wall()).num_days() > 1;
            let count = if multi_day { weekday_count(&row.occurrence) } else { 0 };
            if count > 0 {
                // A conference or an offsite: a working day on each weekday it covers, each on
                // its own day, so no one day holds the whole event.
                let in_range = weekdays_in_window(&row.occurrence, window);
                for (position, (index, day)) in in_range.iter().enumerate() {
                    let mut part = row.clone();
                    part.local_date = *day;
                    part.part = Some(*day);
                    part.first_part = position == 0;
                    part.minutes = inputs.all_day_minutes.min(MAX_ENTRY_MINUTES);
                    part.note = Some(format!(
                        "all-day, weekday {} of {count}: {} h each",
                        index + 1,
                        inputs.all_day_minutes / 60
                    ));
                    part.assigned = inputs.choices.get(&part.key()).copied();
                    rows.push(part);
                }
                continue;
            }
            // Counted on the day it starts: one that starts before the range belongs to the
            // range before.
            if row.local_date < window.from || row.local_date >= window.to {
                continue;
            }
            let (minutes, note) = counted_minutes(&row.occurrence, inputs.all_day_minutes);
            rows.push(Row { assigned: inputs.choices.get(&key).copied(), minutes, note, ..row });
        }
        // By day, all-day first, then by start: a multi-day event's days among the others.
        rows.sort_by_key(|row| (row.local_date, row.local_start.is_some(), row.local_start));
        let keys: HashSet<Key> = rows.iter().map(Row::key).collect();
        // What this calendar brought before and no longer holds; another calendar's entries
        // are left alone (an entry from before calendars were told apart could be either).
        let (mut gone, other_calendars): (Vec<ExistingEntry>, Vec<ExistingEntry>) = inputs
            .existing
            .iter()
            .filter(|e| e.entry_date >= window.from && e.entry_date < window.to && !keys.contains(&e.key()))
            .cloned()
            .partition(|e| e.calendar.as_ref().is_none_or(|c| *c == calendar));
        gone.sort_by_key(|e| (e.entry_date, e.start_time));
        let mut preview = Self {
            from: window.from,
            to: window.to,
            rows,
            gone,
            other_calendars,
            calendar,
            keep_gone: false,
            warnings,
            elsewhere: None,
            existing,
            by_hand: inputs.by_hand.clone(),
            choices: inputs.choices.clone(),
        };
        for index in 0..preview.rows.len() {
            preview.refresh(index);
        }
        preview
    }

    /// The manager's choice for one row ("assign" or "ignore"); `None` goes back to the rules.
    pub fn assign(&mut self, index: usize, outcome: Option<Outcome>) {
        if let Some(row) = self.rows.get_mut(index) {
            row.assigned = outcome;
            self.refresh(index);
        }
    }

    /// Works out a row's change against the earlier import.
    fn refresh(&mut self, index: usize) {
        let Some(row) = self.rows.get_mut(index) else { return };
        let before = self.existing.get(&row.key());
        // An occurrence no rule matches but that the manager assigned in an earlier import
        // keeps that category: re-importing never undoes a manual choice.
        if let (Verdict::Unmatched, None, Some(before)) = (&row.verdict, row.assigned, before) {
            row.assigned = Some(Outcome::Category(before.category));
        }
        // Who a meeting was with is filled in, never taken away: the manager may have set it
        // on the Time screen, and an architect who left is still who it was with.
        if let (None, Some(before)) = (row.architect, before) {
            row.architect = before.architect;
        }
        row.change = match (row.proposed(), before) {
            (Some(proposed), Some(before)) => {
                let fields = differences(&proposed, before);
                if fields.is_empty() {
                    Change::Unchanged { id: before.id }
                } else {
                    Change::Changed { id: before.id, fields }
                }
            }
            (Some(_), None) => Change::New,
            (None, Some(before)) => Change::Remove { id: before.id },
            (None, None) if row.category_label() == "?" => Change::Unassigned,
            (None, None) => Change::Skip,
        };
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            occurrences: self.rows.iter().filter(|row| row.is_first_part()).count(),
            removed: self.gone_removed().len(),
            ..Counts::default()
        };
        for row in &self.rows {
            match row.change {
                Change::New => counts.new += 1,
                Change::Changed { .. } => counts.changed += 1,
                Change::Unchanged { .. } => counts.unchanged += 1,
                Change::Remove { .. } => counts.removed += 1,
                Change::Unassigned => counts.unassigned += 1,
                Change::Skip => counts.ignored += 1,
            }
        }
        counts
    }

    /// Double-booked meetings: for each row that counts and overlaps another that counts, the
    /// index of the one it overlaps most (both would count in full). Only timed occurrences;
    /// a manager usually attends one of two, so the preview points them out.
    pub fn double_booked(&self) -> HashMap<usize, usize> {
        let mut timed: Vec<(NaiveDateTime, NaiveDateTime, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                row.local_start.is_some()
                    && matches!(row.change, Change::New | Change::Changed { .. } | Change::Unchanged { .. })
            })
            .map(|(index, row)| {
                let start = row.local_date.and_time(row.local_start.unwrap_or_default());
                (start, start + chrono::Duration::minutes(i64::from(row.minutes)), index)
            })
            .collect();
        timed.sort_unstable();
        let mut overlaps: HashMap<usize, (i64, usize)> = HashMap::new();
        for (position, &(start, end, index)) in timed.iter().enumerate() {
            // Sorted by start: only the ones after it that start before it ends can overlap.
            // A calendar's meeting overlaps a handful of others; a damaged file's runaway
            // series (every second, an hour long) overlaps thousands, and comparing them all
            // would stall the preview: the nearest few are enough to point it out.
            let followers =
                timed[position + 1..].iter().take_while(|o| o.0 < end).take(MAX_OVERLAPS_COMPARED);
            for &(other_start, other_end, other) in followers {
                let shared = (end.min(other_end) - other_start.max(start)).num_minutes();
                if shared <= 0 {
                    continue;
                }
                for (this, that) in [(index, other), (other, index)] {
                    let best = overlaps.entry(this).or_insert((0, that));
                    if shared > best.0 {
                        *best = (shared, that);
                    }
                }
            }
        }
        overlaps.into_iter().map(|(index, (_, other))| (index, other)).collect()
    }

    /// The days committing would fill past 24 h, by date: what the import keeps (new, changed
    /// and unchanged entries) plus what was logged by hand. Unassigned and ignored
    /// occurrences do not count, so ignoring one of two double-booked meetings fixes a day.
    pub fn full_days(&self) -> Vec<FullDay> {
        let mut totals: HashMap<NaiveDate, u32> = HashMap::new();
        let kept = if self.keep_gone { self.gone.as_slice() } else { &[] };
        for entry in kept.iter().chain(&self.other_calendars) {
            let total = totals.entry(entry.entry_date).or_default();
            *total = total.saturating_add(entry.minutes);
        }
        for row in &self.rows {
            if matches!(row.change, Change::New | Change::Changed { .. } | Change::Unchanged { .. }) {
                let total = totals.entry(row.local_date).or_default();
                *total = total.saturating_add(row.minutes);
            }
        }
        let mut full: Vec<FullDay> = totals
            .into_iter()
            .filter_map(|(date, imported)| {
                let by_hand = self.by_hand.get(&date).copied().unwrap_or(0);
                let minutes = imported.saturating_add(by_hand);
                (minutes > DAY_MINUTES).then_some(FullDay { date, minutes, by_hand })
            })
            .collect();
        full.sort_by_key(|day| day.date);
        full
    }

    /// The calendar's name as the file gives it (X-WR-CALNAME), if it does.
    pub fn calendar_name(&self) -> Option<&str> {
        self.calendar.split_once('|').map(|(_, name)| name).filter(|name| !name.is_empty())
    }

    /// The entries gone from the calendar that a commit removes: all of them, or none when
    /// they are kept.
    fn gone_removed(&self) -> &[ExistingEntry] {
        if self.keep_gone { &[] } else { &self.gone }
    }

    /// What committing writes: new and changed entries, and removals (occurrences gone from
    /// the calendar or now ignored). Unassigned occurrences are left out, never guessed.
    pub fn plan(&self) -> CommitPlan {
        let mut plan = CommitPlan::default();
        for row in &self.rows {
            match (&row.change, row.proposed()) {
                (Change::New, Some(entry)) => plan.inserts.push(entry),
                (Change::Changed { id, .. }, Some(entry)) => plan.updates.push((*id, entry)),
                (Change::Remove { id }, _) => plan.deletes.push(*id),
                _ => {}
            }
        }
        plan.deletes.extend(self.gone_removed().iter().map(|e| e.id));
        plan.calendar.clone_from(&self.calendar);
        plan.claims = self
            .rows
            .iter()
            .filter_map(|row| self.existing.get(&row.key()))
            .filter(|e| e.calendar.is_none())
            .map(|e| e.id)
            .collect();
        for row in &self.rows {
            let key = row.key();
            if self.choices.get(&key).copied() != row.assigned {
                plan.choices.push((key, row.assigned));
            }
        }
        plan.met = self.rows.iter().filter(|row| row.is_first_part()).filter_map(Row::meeting).collect();
        plan
    }
}

fn differences(proposed: &ProposedEntry, before: &ExistingEntry) -> Vec<&'static str> {
    let mut fields = Vec::new();
    if proposed.entry_date != before.entry_date {
        fields.push("date");
    }
    if proposed.start_time != before.start_time {
        fields.push("start");
    }
    if proposed.minutes != before.minutes {
        fields.push("minutes");
    }
    if proposed.category != before.category {
        fields.push("category");
    }
    if proposed.description != before.description {
        fields.push("title");
    }
    if proposed.architect != before.architect {
        fields.push("architect");
    }
    fields
}

#[path = "preview_days.rs"]
mod days;

#[cfg(test)]
#[path = "preview_tests.rs"]
mod tests;
