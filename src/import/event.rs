//! A calendar's events as read: each VEVENT's times (with their zones resolved), length,
//! recurrence, status, free/busy, organizer and attendees. Reading a file into them is
//! `parse`.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::Warning;
use super::zones::Zone;

/// A DATE or DATE-TIME value with its zone.
#[derive(Debug, Clone)]
pub enum Stamp {
    Date(NaiveDate),
    Floating(NaiveDateTime),
    Zoned { wall: NaiveDateTime, zone: Zone },
}

impl Stamp {
    /// The wall-clock time (midnight for a date).
    pub fn wall(&self) -> NaiveDateTime {
        match self {
            Self::Date(date) => date.and_time(chrono::NaiveTime::MIN),
            Self::Floating(wall) | Self::Zoned { wall, .. } => *wall,
        }
    }

    /// This time as a wall-clock time in `zone` (floating and date values are taken as
    /// already being wall-clock times there).
    pub fn wall_in(&self, zone: &Zone) -> NaiveDateTime {
        match self {
            Self::Zoned { wall, zone: own } => match own.to_utc(*wall) {
                Some(instant) => zone.to_wall(instant),
                None => *wall,
            },
            other => other.wall(),
        }
    }

    /// A key that is equal for two writings of the same moment: the instant in UTC for a
    /// zoned time, the wall clock otherwise.
    pub fn same_moment_key(&self) -> (bool, NaiveDateTime) {
        match self {
            Self::Date(_) => (true, self.wall()),
            Self::Floating(wall) => (false, *wall),
            Self::Zoned { wall, zone } => (false, zone.to_utc(*wall).map_or(*wall, |utc| utc.naive_utc())),
        }
    }
}

/// How long each occurrence lasts.
#[derive(Debug, Clone)]
pub enum Length {
    End(Stamp),
    /// DURATION, applied to the wall clock.
    Duration(TimeDelta),
    /// Neither: a day for a date, nothing for a time (RFC 5545 §3.6.1).
    Default,
}

/// An RDATE: one more occurrence, with its own length when written as a period.
#[derive(Debug, Clone)]
pub struct ExtraDate {
    pub at: Stamp,
    pub period: Option<Length>,
}

/// What an attendee answered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartStat {
    NeedsAction,
    Accepted,
    Declined,
    Tentative,
    Delegated,
    Other,
}

impl PartStat {
    pub(super) fn parse(value: Option<&str>) -> Self {
        match value.map(str::to_ascii_uppercase).as_deref() {
            None | Some("NEEDS-ACTION") => Self::NeedsAction,
            Some("ACCEPTED") => Self::Accepted,
            Some("DECLINED") => Self::Declined,
            Some("TENTATIVE") => Self::Tentative,
            Some("DELEGATED") => Self::Delegated,
            Some(_) => Self::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Attendee {
    /// Lower-cased; empty when the file gives none.
    pub email: String,
    pub name: String,
    pub partstat: PartStat,
    /// A room or equipment (CUTYPE=ROOM/RESOURCE), not a person.
    pub resource: bool,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub line: usize,
    pub uid: String,
    pub summary: String,
    pub status: String,
    pub transp: String,
    pub organizer: Option<String>,
    pub attendees: Vec<Attendee>,
    pub start: Stamp,
    /// For an all-day start written with a TZID: that zone, on whose clock a UTC UNTIL of its
    /// repeats was written.
    pub start_zone: Option<Zone>,
    pub length: Length,
    /// Every RRULE value and its line: the repeats are the union of them all (RFC 5545
    /// §3.8.5.3 allows one; files with several mean all of them).
    pub rrules: Vec<(String, usize)>,
    pub rdates: Vec<ExtraDate>,
    pub exdates: Vec<Stamp>,
    /// For a change to one occurrence of a series: the occurrence it changes.
    pub recurrence_id: Option<Stamp>,
    /// The date that RECURRENCE-ID is written with, whatever zone it names: all-day
    /// occurrences are matched by it.
    pub recurrence_date: Option<NaiveDate>,
    /// RANGE=THISANDFUTURE: the change applies to its occurrence and every later one.
    pub this_and_future: bool,
    /// SEQUENCE (revision; 0 when absent) and DTSTAMP: which of two copies is newer.
    pub sequence: i64,
    pub dtstamp: Option<NaiveDateTime>,
}

impl Event {
    pub fn is_series(&self) -> bool {
        !self.rrules.is_empty() || !self.rdates.is_empty()
    }

    /// `"Weekly sync" ` for a warning, or nothing for an event without a title.
    pub fn quoted_summary(&self) -> String {
        if self.summary.is_empty() { String::new() } else { format!("\"{}\" ", self.summary) }
    }
}

/// Everything read from one file.
#[derive(Debug)]
pub struct Calendar {
    pub events: Vec<Event>,
    pub warnings: Vec<Warning>,
    /// The zone the calendar's owner works in: X-WR-TIMEZONE, else the first VTIMEZONE that
    /// resolves, else UTC. Used only where a file leaves the zone implicit (Outlook writes an
    /// all-day series' UNTIL as that zone's midnight in UTC).
    pub home_zone: Zone,
    /// Which calendar this is, as far as the file tells: the vendor of the program that wrote
    /// it and the calendar's name (`Apple Inc.|Work`). Stable across exports and program
    /// updates, so entries a calendar brought are told from another calendar's.
    pub identity: String,
}
