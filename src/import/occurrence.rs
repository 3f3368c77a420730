//! The types of an expanded calendar (`Window`, `Moment`, `Occurrence`, `Expansion`), how a
//! series' times are read (`Kind`), and one occurrence built from an event: shared by the walk
//! over the events (`expand`) and each series' rules (`series`).

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use serde::Serialize;

use super::Warning;
use super::event::{Attendee, Event, Length, Stamp};
use super::zones::Zone;

/// The dates to import: `from` up to, not including, `to`, in the manager's zone.
#[derive(Debug, Clone)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub zone: Zone,
}

impl Window {
    pub(super) fn start_wall(&self) -> NaiveDateTime {
        self.from.and_time(NaiveTime::MIN)
    }

    pub(super) fn end_wall(&self) -> NaiveDateTime {
        self.to.and_time(NaiveTime::MIN)
    }

    pub(super) fn start_utc(&self) -> DateTime<Utc> {
        self.zone.to_utc(self.start_wall()).unwrap_or_else(|| self.start_wall().and_utc())
    }

    pub(super) fn end_utc(&self) -> DateTime<Utc> {
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
pub(super) enum Kind {
    Date,
    Floating,
    Zoned(Zone),
}

impl Kind {
    pub(super) fn of(stamp: &Stamp) -> Self {
        match stamp {
            Stamp::Date(_) => Self::Date,
            Stamp::Floating(_) => Self::Floating,
            Stamp::Zoned { zone, .. } => Self::Zoned(zone.clone()),
        }
    }

    /// A stamp as a wall-clock time of this series, to compare with its occurrences. A date
    /// never matches a timed series (RFC 5545 wants matching types; so does the reference).
    pub(super) fn key(&self, stamp: &Stamp) -> Option<NaiveDateTime> {
        match (self, stamp) {
            (Self::Date, stamp) => Some(stamp.wall().date().and_time(NaiveTime::MIN)),
            (_, Stamp::Date(_)) => None,
            (Self::Floating, stamp) => Some(stamp.wall()),
            (Self::Zoned(zone), stamp) => Some(stamp.wall_in(zone)),
        }
    }

    pub(super) fn moment(&self, wall: NaiveDateTime) -> Moment {
        match self {
            Self::Date => Moment::Date(wall.date()),
            Self::Floating => Moment::Floating(wall),
            Self::Zoned(zone) => match zone.to_utc(wall) {
                Some(utc) => Moment::Zoned { utc, wall },
                None => Moment::Floating(wall),
            },
        }
    }

    pub(super) fn recurrence_id(&self, wall: NaiveDateTime) -> String {
        match self.moment(wall) {
            Moment::Date(date) => date.format("%Y%m%d").to_string(),
            Moment::Floating(wall) => wall.format("%Y%m%dT%H%M%S").to_string(),
            Moment::Zoned { utc, .. } => utc.format("%Y%m%dT%H%M%SZ").to_string(),
        }
    }
}

/// How long each occurrence lasts on the wall clock of its start.
pub(super) fn wall_length(
    event: &Event,
    kind: &Kind,
    start: NaiveDateTime,
    warnings: &mut Vec<Warning>,
) -> TimeDelta {
    let length = length_of(&event.length, kind, start);
    if length < TimeDelta::zero() {
        warnings.push(Warning::at(
            event.line,
            format!("\"{}\" ends before it starts; it is taken as lasting no time", event.summary),
        ));
        return TimeDelta::zero();
    }
    length
}

/// A length as written, measured on the wall clock of `start` (may be negative).
pub(super) fn length_of(length: &Length, kind: &Kind, start: NaiveDateTime) -> TimeDelta {
    match (length, kind) {
        (Length::End(end), kind) => kind.key(end).unwrap_or_else(|| end.wall()) - start,
        (Length::Duration(delta), _) => *delta,
        (Length::Default, Kind::Date) => TimeDelta::days(1),
        (Length::Default, _) => TimeDelta::zero(),
    }
}

/// One occurrence starting at `wall`, if it overlaps the window.
pub(super) fn occurrence(
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
