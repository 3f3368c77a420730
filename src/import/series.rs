//! One event's occurrences in the window: its start, its RDATEs (a period with its own
//! length), the union of its RRULEs (checked by `recur`, then expanded by the `rrule`
//! crate), less its EXDATEs, with its changes (RECURRENCE-ID) put in place.
//!
//! Decisions where RFC 5545 leaves room, made once here:
//! - an EXDATE wins over a change to the same occurrence: the change is left out, with a
//!   warning (the producer deleted that occurrence after changing it);
//! - a change to an occurrence the rules do not give stands as a meeting of its own (the
//!   series was moved after the change was made, and the change is still a meeting someone
//!   set), except after the series' end (UNTIL or COUNT): the producer ended the series there,
//!   so what it once changed beyond that end is left out, with a warning;
//! - `RANGE=THISANDFUTURE` moves every later occurrence by the change's shift and gives it
//!   the change's length and details, until a later such change (RFC 5545 §3.8.4.4);
//! - a rule that cannot be read costs its repeats, not the event: the start and RDATEs are
//!   still imported, with a warning (a fault inside the `rrule` crate costs the event).

use std::collections::{BTreeMap, HashSet};
use std::str::FromStr as _;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone as _};
use rrule::{RRule, Unvalidated};

use super::event::{Calendar, Event, Stamp};
use super::occurrence::{Kind, Occurrence, Window, length_of, occurrence, wall_length};
use super::values::shown;
use super::values::{parse_date, parse_date_time};
use super::zones::Zone;
use super::{Warning, recur};
use crate::crash::{self, Caught};

/// Occurrences kept per series inside the window; a rule that repeats every minute for a
/// quarter is a mistake, not a calendar to import.
pub const MAX_PER_SERIES: usize = 20_000;
/// Repeats looked at per series (including those before the window) before giving up.
const MAX_SCANNED: usize = 2_000_000;

/// What one series gives.
pub struct Found {
    pub occurrences: Vec<Occurrence>,
    pub warnings: Vec<Warning>,
}

/// The occurrences of `event` (not itself a change) and of its `changes`. `Err` when the
/// `rrule` crate faulted on one of its rules: the caller leaves the whole event out.
pub fn series(
    event: &Event,
    changes: &[&Event],
    calendar: &Calendar,
    window: &Window,
) -> Result<Found, Caught> {
    let kind = Kind::of(&event.start);
    let start = event.start.wall();
    let mut warnings = Vec::new();
    let length = wall_length(event, &kind, start, &mut warnings);
    let mut occurrences = Vec::new();
    if !event.is_series() {
        occurrences.extend(occurrence(event, &kind, start, length, None, window));
        for change in changes {
            occurrences.extend(self::change(change, &kind, window, &mut warnings));
        }
        return Ok(Found { occurrences, warnings });
    }
    let excluded = Exclusions::new(event, &kind);
    let keyed: Vec<(Option<NaiveDateTime>, &Event)> =
        changes.iter().map(|change| (changed_occurrence(&kind, change), *change)).collect();
    // How far THISANDFUTURE changes move occurrences: the window is widened by as much.
    let moved_by = keyed
        .iter()
        .filter(|(_, change)| change.this_and_future)
        .filter_map(|(key, change)| Some((kind.key(&change.start)? - (*key)?).abs()))
        .max()
        .unwrap_or_default();
    // Window edges on this series' wall clock, widened by a day for zones, the length and moves.
    let (low, high) = match &kind {
        Kind::Zoned(zone) => (zone.to_wall(window.start_utc()), zone.to_wall(window.end_utc())),
        Kind::Date | Kind::Floating => (window.start_wall(), window.end_wall()),
    };
    let day = TimeDelta::days(1);
    let before = length.max(TimeDelta::zero()).checked_add(&moved_by).and_then(|d| d.checked_add(&day));
    let after = moved_by.checked_add(&day);
    let low = before.and_then(|d| low.checked_sub_signed(d)).unwrap_or(NaiveDateTime::MIN);
    let high = after.and_then(|d| high.checked_add_signed(d)).unwrap_or(NaiveDateTime::MAX);

    // Each start, and for an RDATE period its own length.
    let mut walls: BTreeMap<NaiveDateTime, Option<TimeDelta>> = BTreeMap::new();
    walls.insert(start, None);
    for extra in &event.rdates {
        if let Some(wall) = kind.key(&extra.at) {
            let own_length =
                extra.period.as_ref().map(|period| length_of(period, &kind, wall).max(TimeDelta::zero()));
            walls.insert(wall, own_length);
        }
    }
    // The last occurrence when every rule ends (UNTIL or COUNT); `None` when one goes on, or
    // when there is no rule (a list of RDATEs sets no end).
    let mut last = if event.rrules.is_empty() { None } else { walls.keys().next_back().copied() };
    for (rule, line) in &event.rrules {
        match rule_walls(event, rule, &kind, calendar, low, high) {
            Ok(found) => {
                if found.had_spaces {
                    warnings.push(Warning::at(
                        *line,
                        format!(
                            "the repeat rule \"{}\" of {}is written with spaces; it is read without them",
                            shown(rule),
                            event.quoted_summary()
                        ),
                    ));
                }
                if found.limited {
                    warnings.push(Warning::at(
                        *line,
                        format!(
                            "{}repeats more than {MAX_PER_SERIES} times in the range; only the first \
                             {MAX_PER_SERIES} are imported",
                            event.quoted_summary()
                        ),
                    ));
                }
                last = last.zip(found.ended).map(|(a, b)| a.max(b));
                for wall in found.walls {
                    walls.entry(wall).or_insert(None);
                }
            }
            Err(RuleTrouble::NotUnderstood(why)) => {
                last = None;
                let kept = if event.rrules.len() == 1 && event.rdates.is_empty() {
                    "only its first occurrence is imported"
                } else {
                    "its other occurrences are imported"
                };
                warnings.push(Warning::at(
                    *line,
                    format!(
                        "the repeat rule \"{}\" of the event {}(line {}) cannot be read ({why}); \
                         the repeats it describes are left out and {kept}",
                        shown(rule),
                        event.quoted_summary(),
                        event.line
                    ),
                ));
            }
            Err(RuleTrouble::Fault(fault)) => return Err(fault),
        }
    }

    // Which changes stand, and which occurrences they take the place of.
    let mut replaced: HashSet<NaiveDateTime> = HashSet::new();
    let mut from_here_on: Vec<(NaiveDateTime, &Event)> = Vec::new();
    for (key, change) in keyed {
        if let Some(key) = key {
            let day = key.date().format("%Y-%m-%d");
            if excluded.contains(key) {
                warnings.push(Warning::at(
                    change.line,
                    format!(
                        "the change to the {day} occurrence of {}is left out: the series excludes that \
                         occurrence (EXDATE)",
                        event.quoted_summary()
                    ),
                ));
                continue;
            }
            if last.is_some_and(|end| key > end) {
                warnings.push(Warning::at(
                    change.line,
                    format!(
                        "the change to the {day} occurrence of {}is left out: the series ends before it",
                        event.quoted_summary()
                    ),
                ));
                continue;
            }
            if change.this_and_future {
                from_here_on.push((key, change));
            }
            replaced.insert(key);
        }
        occurrences.extend(self::change(change, &kind, window, &mut warnings));
    }
    from_here_on.sort_by_key(|(key, _)| *key);

    for (wall, own_length) in walls {
        if excluded.contains(wall) || replaced.contains(&wall) {
            continue;
        }
        let recurrence_id = Some(kind.recurrence_id(wall));
        let found = match from_here_on.iter().rev().find(|(key, _)| *key <= wall) {
            // A later occurrence of a THISANDFUTURE change: moved as the change moved its own,
            // with the change's length and details.
            Some((key, change)) => {
                let shift = kind.key(&change.start).map_or(TimeDelta::zero(), |moved| moved - *key);
                let own = Kind::of(&change.start);
                let change_length = wall_length(change, &own, change.start.wall(), &mut Vec::new());
                wall.checked_add_signed(shift)
                    .and_then(|moved| occurrence(change, &kind, moved, change_length, recurrence_id, window))
            }
            None => occurrence(event, &kind, wall, own_length.unwrap_or(length), recurrence_id, window),
        };
        occurrences.extend(found);
    }
    Ok(Found { occurrences, warnings })
}

/// A change (RECURRENCE-ID) as an occurrence of its own, at its own time and length, keyed by
/// the occurrence it changes on its series' clock (`series_kind`).
pub fn change(
    change: &Event,
    series_kind: &Kind,
    window: &Window,
    warnings: &mut Vec<Warning>,
) -> Option<Occurrence> {
    let own = Kind::of(&change.start);
    let start = own.key(&change.start).unwrap_or_else(|| change.start.wall());
    let recurrence_id = changed_occurrence(series_kind, change).map(|wall| series_kind.recurrence_id(wall));
    let length = wall_length(change, &own, start, warnings);
    occurrence(change, &own, start, length, recurrence_id, window)
}

/// Which occurrence a change changes, on the series' wall clock. All-day occurrences are
/// matched by the date RECURRENCE-ID is written with: Google writes `20030101T000000Z` for
/// the all-day 1 January, and reading it on X-WR-TIMEZONE's clock would give 31 December
/// west of Greenwich.
fn changed_occurrence(kind: &Kind, change: &Event) -> Option<NaiveDateTime> {
    match kind {
        Kind::Date => change.recurrence_date.map(|date| date.and_time(NaiveTime::MIN)),
        _ => change.recurrence_id.as_ref().and_then(|id| kind.key(id)),
    }
}

/// A series' EXDATEs on its wall clock. A date (VALUE=DATE) on a timed series excludes every
/// occurrence on that day, as the producer meant.
struct Exclusions {
    walls: HashSet<NaiveDateTime>,
    days: HashSet<NaiveDate>,
}

impl Exclusions {
    fn new(event: &Event, kind: &Kind) -> Self {
        let mut walls = HashSet::new();
        let mut days = HashSet::new();
        for excluded in &event.exdates {
            match (kind, excluded) {
                (Kind::Floating | Kind::Zoned(_), Stamp::Date(day)) => {
                    days.insert(*day);
                }
                (kind, excluded) => walls.extend(kind.key(excluded)),
            }
        }
        Self { walls, days }
    }

    fn contains(&self, wall: NaiveDateTime) -> bool {
        self.walls.contains(&wall) || self.days.contains(&wall.date())
    }
}

/// Why a rule gave no repeats.
enum RuleTrouble {
    /// It does not fit the grammar or `rrule` refused it: said in words.
    NotUnderstood(String),
    /// `rrule` panicked on it.
    Fault(Caught),
}

/// The repeats one rule gives.
struct RuleWalls {
    /// Wall-clock starts between the window edges.
    walls: Vec<NaiveDateTime>,
    /// The per-series bound cut them short.
    limited: bool,
    /// The last repeat, when the rule ends (UNTIL or COUNT) before the window's end.
    ended: Option<NaiveDateTime>,
    had_spaces: bool,
}

/// The wall-clock starts an RRULE gives between `low` and `high`. UNTIL is applied here
/// rather than by the `rrule` crate, because real files break its type rules: Outlook writes
/// an all-day series' UNTIL as the local midnight of the last day, in UTC.
fn rule_walls(
    event: &Event,
    rule: &str,
    kind: &Kind,
    calendar: &Calendar,
    low: NaiveDateTime,
    high: NaiveDateTime,
) -> Result<RuleWalls, RuleTrouble> {
    let checked = recur::check(rule).map_err(RuleTrouble::NotUnderstood)?;
    let utc_read_in = event.start_zone.as_ref().unwrap_or(&calendar.home_zone);
    let until = match &checked.until {
        Some(value) => Some(
            until_wall(value, kind, utc_read_in)
                .ok_or_else(|| RuleTrouble::NotUnderstood(format!("its end UNTIL={value} cannot be read")))?,
        ),
        None => None,
    };
    let bounded = until.is_some() || checked.for_rrule.split(';').any(|part| part.starts_with("COUNT="));
    let start = event.start.wall();
    // The rrule crate is a parser of untrusted input: a panic in it is this event's problem.
    crash::catch_quietly(|| {
        let parsed = RRule::<Unvalidated>::from_str(&checked.for_rrule)
            .map_err(|e| RuleTrouble::NotUnderstood(e.to_string()))?;
        let set = parsed
            .build(rrule::Tz::UTC.from_utc_datetime(&start))
            .map_err(|e| RuleTrouble::NotUnderstood(format!("it is not valid: {e}")))?
            .limit();
        let mut walls = Vec::new();
        let mut last = None;
        for (scanned, instant) in set.into_iter().enumerate() {
            let wall = instant.naive_utc();
            if wall > high {
                return Ok(RuleWalls { walls, limited: false, ended: None, had_spaces: checked.had_spaces });
            }
            if until.is_some_and(|u| wall > u) {
                break;
            }
            if scanned >= MAX_SCANNED || walls.len() >= MAX_PER_SERIES {
                return Ok(RuleWalls { walls, limited: true, ended: None, had_spaces: checked.had_spaces });
            }
            last = Some(wall);
            if wall >= low {
                walls.push(wall);
            }
        }
        // The rule ran out. Without UNTIL or COUNT that is the crate's own loop bound (a rule
        // that matches nothing for a long time), not an end the producer wrote.
        let ended = bounded.then(|| last.unwrap_or(start));
        Ok(RuleWalls { walls, limited: false, ended, had_spaces: checked.had_spaces })
    })
    .map_err(RuleTrouble::Fault)?
}

/// UNTIL on the series' wall clock. A UTC UNTIL on a zone-less series (all-day or floating)
/// is read in `utc_read_in`: the zone an all-day start names, else the calendar's home zone,
/// as the client that wrote it meant.
fn until_wall(value: &str, kind: &Kind, utc_read_in: &Zone) -> Option<NaiveDateTime> {
    if let Some(date) = parse_date(value) {
        return Some(match kind {
            Kind::Date => date.and_time(NaiveTime::MIN),
            // A date UNTIL on a timed series includes that whole day.
            Kind::Floating | Kind::Zoned(_) => {
                date.and_hms_opt(23, 59, 59).unwrap_or_else(|| date.and_time(NaiveTime::MIN))
            }
        });
    }
    let (wall, utc) = parse_date_time(value)?;
    Some(match (utc, kind) {
        (false, _) => wall,
        (true, Kind::Zoned(zone)) => zone.to_wall(wall.and_utc()),
        (true, Kind::Date | Kind::Floating) => utc_read_in.to_wall(wall.and_utc()),
    })
}
