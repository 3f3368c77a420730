//! Events to occurrences inside a date window: RRULE (via the `rrule` crate) with RDATE and
//! EXDATE, DTSTART always counted, RECURRENCE-ID overrides replacing the occurrence they
//! move or cancel. Recurrence runs on the wall clock of the event's own zone, so a weekly
//! 09:00 meeting stays at 09:00 across daylight saving (RFC 5545 §3.3.10).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::str::FromStr as _;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone as _, Utc};
use rrule::{RRule, Unvalidated};
use serde::Serialize;

use super::Warning;
use super::event::{Attendee, Calendar, Event, Length, Stamp, parse_date, parse_date_time};
use super::zones::Zone;

/// Occurrences kept per series inside the window; a rule that repeats every minute for a
/// quarter is a mistake, not a calendar to import.
const MAX_PER_SERIES: usize = 20_000;
/// Repeats looked at per series (including those before the window) before giving up.
const MAX_SCANNED: usize = 2_000_000;

/// The dates to import: `from` up to, not including, `to`, in the manager's zone.
#[derive(Debug, Clone)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub zone: Zone,
}

impl Window {
    fn start_wall(&self) -> NaiveDateTime {
        self.from.and_time(NaiveTime::MIN)
    }

    fn end_wall(&self) -> NaiveDateTime {
        self.to.and_time(NaiveTime::MIN)
    }

    fn start_utc(&self) -> DateTime<Utc> {
        self.zone.to_utc(self.start_wall()).unwrap_or_else(|| self.start_wall().and_utc())
    }

    fn end_utc(&self) -> DateTime<Utc> {
        self.zone.to_utc(self.end_wall()).unwrap_or_else(|| self.end_wall().and_utc())
    }
}

/// When an occurrence starts or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// An all-day date (an end date is exclusive).
    Date(NaiveDate),
    /// A wall-clock time with no zone.
    Floating(NaiveDateTime),
    /// An instant, and the wall-clock time it shows in the event's own zone.
    Zoned { utc: DateTime<Utc>, wall: NaiveDateTime },
}

impl Moment {
    /// The wall-clock time in the event's own zone (midnight for a date).
    pub fn wall(self) -> NaiveDateTime {
        match self {
            Self::Date(date) => date.and_time(NaiveTime::MIN),
            Self::Floating(wall) | Self::Zoned { wall, .. } => wall,
        }
    }

    /// The wall-clock time in `zone`: an instant is converted; dates and floating times are
    /// the same everywhere.
    pub fn wall_in(self, zone: &Zone) -> NaiveDateTime {
        match self {
            Self::Zoned { utc, .. } => zone.to_wall(utc),
            other => other.wall(),
        }
    }
}

impl fmt::Display for Moment {
    /// As the fixtures' `.expected.tsv` writes it: `2026-01-05T08:00:00Z` (UTC),
    /// `2026-01-05T09:00:00` (floating), `2026-01-05` (all-day).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Self::Floating(wall) => write!(f, "{}", wall.format("%Y-%m-%dT%H:%M:%S")),
            Self::Zoned { utc, .. } => write!(f, "{}", utc.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

impl Serialize for Moment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One occurrence of an event.
#[derive(Debug, Clone, Serialize)]
pub struct Occurrence {
    pub uid: String,
    /// The occurrence's original start in the series (`20260105T080000Z`, `20260105T090000`
    /// or `20260105`); `None` for an event that does not repeat. With `uid`, the key that
    /// makes re-imports idempotent.
    pub recurrence_id: Option<String>,
    pub summary: String,
    pub status: String,
    pub transp: String,
    pub organizer: Option<String>,
    pub attendees: Vec<Attendee>,
    pub start: Moment,
    pub end: Moment,
    pub duration_minutes: i64,
    pub all_day: bool,
    /// The line the event (or its override) begins on.
    pub line: usize,
}

impl Occurrence {
    pub fn is_cancelled(&self) -> bool {
        self.status.eq_ignore_ascii_case("CANCELLED")
    }

    pub fn is_free(&self) -> bool {
        self.transp.eq_ignore_ascii_case("TRANSPARENT")
    }
}

#[derive(Debug)]
pub struct Expansion {
    pub occurrences: Vec<Occurrence>,
    pub warnings: Vec<Warning>,
    /// Which calendar the file is (see `Calendar::identity`).
    pub calendar: String,
}

/// How a series' times are read: the zone of its DTSTART.
#[derive(Debug, Clone)]
enum Kind {
    Date,
    Floating,
    Zoned(Zone),
}

impl Kind {
    fn of(stamp: &Stamp) -> Self {
        match stamp {
            Stamp::Date(_) => Self::Date,
            Stamp::Floating(_) => Self::Floating,
            Stamp::Zoned { zone, .. } => Self::Zoned(zone.clone()),
        }
    }

    /// A stamp as a wall-clock time of this series, to compare with its occurrences. A date
    /// never matches a timed series (RFC 5545 wants matching types; so does the reference).
    fn key(&self, stamp: &Stamp) -> Option<NaiveDateTime> {
        match (self, stamp) {
            (Self::Date, stamp) => Some(stamp.wall().date().and_time(NaiveTime::MIN)),
            (_, Stamp::Date(_)) => None,
            (Self::Floating, stamp) => Some(stamp.wall()),
            (Self::Zoned(zone), stamp) => Some(stamp.wall_in(zone)),
        }
    }

    fn moment(&self, wall: NaiveDateTime) -> Moment {
        match self {
            Self::Date => Moment::Date(wall.date()),
            Self::Floating => Moment::Floating(wall),
            Self::Zoned(zone) => match zone.to_utc(wall) {
                Some(utc) => Moment::Zoned { utc, wall },
                None => Moment::Floating(wall),
            },
        }
    }

    fn recurrence_id(&self, wall: NaiveDateTime) -> String {
        match self.moment(wall) {
            Moment::Date(date) => date.format("%Y%m%d").to_string(),
            Moment::Floating(wall) => wall.format("%Y%m%dT%H%M%S").to_string(),
            Moment::Zoned { utc, .. } => utc.format("%Y%m%dT%H%M%SZ").to_string(),
        }
    }
}

/// Expands every event of `calendar` into the occurrences that overlap `window`, sorted by
/// start. Problems with one series become warnings; the rest of the file still imports.
pub fn expand(calendar: &Calendar, window: &Window) -> Expansion {
    let mut warnings = calendar.warnings.clone();
    let mut overrides: HashMap<&str, Vec<&Event>> = HashMap::new();
    let mut masters: HashMap<&str, &Event> = HashMap::new();
    for event in &calendar.events {
        if event.recurrence_id.is_some() {
            overrides.entry(event.uid.as_str()).or_default().push(event);
        } else {
            masters.entry(event.uid.as_str()).or_insert(event);
        }
    }
    let mut occurrences = Vec::new();
    let mut broken: HashSet<&str> = HashSet::new();
    for event in calendar.events.iter().filter(|e| e.recurrence_id.is_none()) {
        let moved = overrides.get(event.uid.as_str()).map(Vec::as_slice).unwrap_or_default();
        match series(event, moved, calendar, window) {
            Ok((found, warning)) => {
                occurrences.extend(found);
                warnings.extend(warning);
            }
            Err(warning) => {
                broken.insert(event.uid.as_str());
                warnings.push(warning);
            }
        }
    }
    for event in calendar.events.iter().filter(|e| e.recurrence_id.is_some()) {
        if broken.contains(event.uid.as_str()) {
            continue;
        }
        let kind =
            masters.get(event.uid.as_str()).map_or_else(|| Kind::of(&event.start), |m| Kind::of(&m.start));
        let own = Kind::of(&event.start);
        let start = own.key(&event.start).unwrap_or_else(|| event.start.wall());
        let rid = event.recurrence_id.as_ref().and_then(|r| kind.key(r).map(|wall| kind.recurrence_id(wall)));
        let length = wall_length(event, &own, start, &mut warnings);
        if let Some(occurrence) = occurrence(event, &own, start, length, rid, window) {
            occurrences.push(occurrence);
        }
    }
    occurrences.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)).then_with(|| a.summary.cmp(&b.summary)));
    Expansion { occurrences, warnings, calendar: calendar.identity.clone() }
}

fn sort_key(occurrence: &Occurrence) -> NaiveDateTime {
    match occurrence.start {
        Moment::Zoned { utc, .. } => utc.naive_utc(),
        other => other.wall(),
    }
}

/// The occurrences of one event that does not override another, in the window.
fn series(
    event: &Event,
    moved: &[&Event],
    calendar: &Calendar,
    window: &Window,
) -> Result<(Vec<Occurrence>, Option<Warning>), Warning> {
    let kind = Kind::of(&event.start);
    let start = event.start.wall();
    let mut scratch = Vec::new();
    let length = wall_length(event, &kind, start, &mut scratch);
    if !event.is_series() {
        let found = occurrence(event, &kind, start, length, None, window);
        return Ok((found.into_iter().collect(), scratch.pop()));
    }
    let replaced: HashSet<NaiveDateTime> =
        moved.iter().filter_map(|o| o.recurrence_id.as_ref().and_then(|r| kind.key(r))).collect();
    let excluded: HashSet<NaiveDateTime> = event.exdates.iter().filter_map(|x| kind.key(x)).collect();
    // Window edges on this series' wall clock, widened by a day for zones and the length.
    let (low, high) = match &kind {
        Kind::Zoned(zone) => (zone.to_wall(window.start_utc()), zone.to_wall(window.end_utc())),
        Kind::Date | Kind::Floating => (window.start_wall(), window.end_wall()),
    };
    let low = low - length.max(TimeDelta::zero()) - TimeDelta::days(1);
    let high = high + TimeDelta::days(1);

    let mut walls = BTreeSet::new();
    walls.insert(start);
    walls.extend(event.rdates.iter().filter_map(|r| kind.key(r)));
    let mut warning = scratch.pop();
    if let Some((rule, line)) = &event.rrule {
        let (found, limited) = rule_walls(event, rule, *line, &kind, calendar, low, high)?;
        walls.extend(found);
        if limited {
            warning = Some(Warning::at(
                *line,
                format!(
                    "\"{}\" repeats more than {MAX_PER_SERIES} times in the range; only the first \
                     {MAX_PER_SERIES} are imported",
                    event.summary
                ),
            ));
        }
    }
    let found = walls
        .into_iter()
        .filter(|wall| !excluded.contains(wall) && !replaced.contains(wall))
        .filter_map(|wall| occurrence(event, &kind, wall, length, Some(kind.recurrence_id(wall)), window))
        .collect();
    Ok((found, warning))
}

/// The wall-clock starts an RRULE gives between `low` and `high`, and whether the
/// per-series bound cut them short. UNTIL is applied here rather than by the `rrule` crate,
/// because real files break its type rules: Outlook writes an all-day series' UNTIL as the
/// local midnight of the last day, in UTC.
fn rule_walls(
    event: &Event,
    rule: &str,
    line: usize,
    kind: &Kind,
    calendar: &Calendar,
    low: NaiveDateTime,
    high: NaiveDateTime,
) -> Result<(Vec<NaiveDateTime>, bool), Warning> {
    let unreadable = |why: String| {
        Warning::at(
            line,
            format!("the repeating event \"{}\" was left out: its rule \"{rule}\" {why}", event.summary),
        )
    };
    let mut until = None;
    let mut kept = Vec::new();
    for part in rule.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                until =
                    Some(until_wall(value, kind, &calendar.home_zone).ok_or_else(|| {
                        unreadable(format!("has an end (UNTIL={value}) that cannot be read"))
                    })?);
            }
            _ => kept.push(part),
        }
    }
    let parsed = RRule::<Unvalidated>::from_str(&kept.join(";"))
        .map_err(|e| unreadable(format!("cannot be read ({e})")))?;
    let set = parsed
        .build(rrule::Tz::UTC.from_utc_datetime(&event.start.wall()))
        .map_err(|e| unreadable(format!("is not valid ({e})")))?
        .limit();
    let mut walls = Vec::new();
    for (scanned, instant) in set.into_iter().enumerate() {
        let wall = instant.naive_utc();
        if wall > high || until.is_some_and(|u| wall > u) {
            break;
        }
        if scanned >= MAX_SCANNED || walls.len() >= MAX_PER_SERIES {
            return Ok((walls, true));
        }
        if wall >= low {
            walls.push(wall);
        }
    }
    Ok((walls, false))
}

/// UNTIL on the series' wall clock. A UTC UNTIL on a zone-less series (all-day or floating)
/// is read in the calendar's home zone, as the client that wrote it meant.
fn until_wall(value: &str, kind: &Kind, home: &Zone) -> Option<NaiveDateTime> {
    if let Some(date) = parse_date(value) {
        return Some(match kind {
            Kind::Date => date.and_time(NaiveTime::MIN),
            // A date UNTIL on a timed series includes that whole day.
            Kind::Floating | Kind::Zoned(_) => {
                date.and_time(NaiveTime::MIN) + TimeDelta::days(1) - TimeDelta::seconds(1)
            }
        });
    }
    let (wall, utc) = parse_date_time(value)?;
    Some(match (utc, kind) {
        (false, _) => wall,
        (true, Kind::Zoned(zone)) => zone.to_wall(wall.and_utc()),
        (true, Kind::Date | Kind::Floating) => home.to_wall(wall.and_utc()),
    })
}

/// How long each occurrence lasts on the wall clock of its start.
fn wall_length(event: &Event, kind: &Kind, start: NaiveDateTime, warnings: &mut Vec<Warning>) -> TimeDelta {
    let length = match (&event.length, kind) {
        (Length::End(end), kind) => kind.key(end).unwrap_or_else(|| end.wall()) - start,
        (Length::Duration(delta), _) => *delta,
        (Length::Default, Kind::Date) => TimeDelta::days(1),
        (Length::Default, _) => TimeDelta::zero(),
    };
    if length < TimeDelta::zero() {
        warnings.push(Warning::at(
            event.line,
            format!("\"{}\" ends before it starts; it is taken as lasting no time", event.summary),
        ));
        return TimeDelta::zero();
    }
    length
}

/// One occurrence starting at `wall`, if it overlaps the window.
fn occurrence(
    event: &Event,
    kind: &Kind,
    wall: NaiveDateTime,
    length: TimeDelta,
    recurrence_id: Option<String>,
    window: &Window,
) -> Option<Occurrence> {
    let start = kind.moment(wall);
    let end = kind.moment(wall.checked_add_signed(length)?);
    let overlaps = match (start, end) {
        (Moment::Zoned { utc: s, .. }, Moment::Zoned { utc: e, .. }) => {
            s < window.end_utc() && (e > window.start_utc() || (e == s && s >= window.start_utc()))
        }
        (s, e) => {
            let (s, e) = (s.wall(), e.wall());
            s < window.end_wall() && (e > window.start_wall() || (e == s && s >= window.start_wall()))
        }
    };
    if !overlaps {
        return None;
    }
    let duration_minutes = match (start, end) {
        (Moment::Zoned { utc: s, .. }, Moment::Zoned { utc: e, .. }) => (e - s).num_minutes(),
        (s, e) => (e.wall() - s.wall()).num_minutes(),
    };
    Some(Occurrence {
        uid: event.uid.clone(),
        recurrence_id,
        summary: event.summary.clone(),
        status: event.status.clone(),
        transp: event.transp.clone(),
        organizer: event.organizer.clone(),
        attendees: event.attendees.clone(),
        start,
        end,
        duration_minutes,
        all_day: matches!(start, Moment::Date(_)),
        line: event.line,
    })
}
