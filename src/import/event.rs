//! A calendar file read into events: each VEVENT's times (with their zones resolved), length,
//! recurrence, status, free/busy, organizer and attendees. Reading never fails on one event:
//! an event that cannot be read is left out with a warning naming it and its line, and a
//! fault in a parser it goes through (a panic) costs only that event.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::props;
use super::reader::{Reader, shown};
use super::structure::{self, Document};
use super::vtimezone::Definition;
use super::zones::{Zone, Zones};
use super::{IcsError, Warning, copies, decode};
use crate::crash;

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

impl Calendar {
    /// Reads a file. Refuses (naming the line) a file that is not a calendar, is cut off or
    /// mis-nested; otherwise returns every readable event and a warning for each problem.
    pub fn parse(bytes: &[u8]) -> Result<Self, IcsError> {
        let (text, encoding_warning) = decode::decode(bytes)?;
        let doc = structure::parse(&text)?;
        let mut warnings: Vec<Warning> = encoding_warning.into_iter().collect();
        if let Some(line) = doc.bare_component {
            warnings.push(Warning::at(
                line,
                "the file holds events without the BEGIN:VCALENDAR around them (as some mail \
                 programs attach them); they are read as a calendar",
            ));
        }

        // VTIMEZONEs may come after the events that use them (iCloud writes them last).
        let mut defined = HashMap::new();
        let mut zone_order = Vec::new();
        for block in doc.calendars.iter().flat_map(|c| &c.children).filter(|b| b.name == "VTIMEZONE") {
            let begin = doc.lines[block.begin].number;
            let definition = props::read(&doc, block)
                .map(|(node, _)| crash::catch_quietly(|| Definition::from_node(&node, &mut warnings)));
            match definition {
                Ok(Ok(Some(definition))) => {
                    zone_order.push(definition.tzid.clone());
                    defined.insert(definition.tzid.clone(), Arc::new(definition));
                }
                Ok(Ok(None)) => {}
                Ok(Err(fault)) => warnings.push(Warning::at(
                    begin,
                    format!(
                        "the time zone (line {begin}) could not be read and was skipped (a fault in the \
                         calendar reader: {fault})"
                    ),
                )),
                Err(problem) => {
                    warnings
                        .push(Warning::at(problem.line, format!("time zone skipped: {}", problem.reason)));
                }
            }
        }
        let mut zones = Zones::new(defined);
        let xwr = calendar_property(&doc, "X-WR-TIMEZONE");
        let xwr_zone = xwr.as_ref().and_then(|(value, line)| {
            let zone = zones.resolve(value);
            if zone.is_none() {
                warnings.push(Warning::at(
                    *line,
                    format!("the calendar's time zone \"{}\" is unknown; it is not used", shown(value)),
                ));
            }
            zone
        });
        let home_zone = xwr_zone
            .clone()
            .or_else(|| zone_order.iter().find_map(|tzid| zones.resolve(tzid)))
            .unwrap_or(Zone::Utc);

        let mut reader = Reader::new(zones, xwr_zone, warnings);
        let mut events = Vec::new();
        for block in doc.calendars.iter().flat_map(|c| &c.children).filter(|b| b.name == "VEVENT") {
            let begin = doc.lines[block.begin].number;
            let name =
                || summary_near(&doc, block).map(|s| format!("\"{}\" ", shown(&s))).unwrap_or_default();
            match props::read(&doc, block) {
                Ok((node, dropped)) => {
                    for problem in dropped {
                        reader.warnings.push(Warning::at(
                            problem.line,
                            format!("{}; the line was skipped", problem.reason),
                        ));
                    }
                    // The reader's own warnings for an event that faults are kept: they name
                    // lines of the file that are worth a look either way.
                    match crash::catch_quietly(|| reader.event(&node)) {
                        Ok(Some(event)) => events.push(event),
                        Ok(None) => {}
                        Err(fault) => reader.warnings.push(Warning::at(
                            begin,
                            format!(
                                "the event {}(line {begin}) could not be read and was left out (a fault in \
                                 the calendar reader: {fault})",
                                name()
                            ),
                        )),
                    }
                }
                Err(problem) => {
                    reader.warnings.push(Warning::at(
                        problem.line,
                        format!("the event {}(line {begin}) was left out: {}", name(), problem.reason),
                    ));
                }
            }
        }
        let mut warnings = reader.warnings;
        let events = copies::keep_newest(events, &mut warnings);
        let identity = identity(
            calendar_property(&doc, "PRODID").map(|(value, _)| value).as_deref(),
            calendar_property(&doc, "X-WR-CALNAME").map(|(value, _)| value).as_deref(),
        );
        Ok(Self { events, warnings, home_zone, identity })
    }
}

/// `vendor|name`: the vendor part of PRODID (`-//Apple Inc.//macOS 14.5//EN` gives
/// `Apple Inc.`; versions change with updates, vendors do not) and X-WR-CALNAME.
fn identity(product: Option<&str>, name: Option<&str>) -> String {
    let vendor = product.map_or("", |p| {
        let mut parts = p.split("//").map(str::trim).filter(|s| !s.is_empty() && *s != "-" && *s != "+");
        parts.next().unwrap_or("")
    });
    format!("{vendor}|{}", name.unwrap_or("").trim())
}

/// The SUMMARY of a component that cannot be parsed as a whole, to name it in a warning.
fn summary_near(doc: &Document<'_>, block: &structure::Block) -> Option<String> {
    doc.own_lines(block).find_map(|line| {
        let (name, value) = line.text.split_once(':')?;
        name.split(';').next()?.trim().eq_ignore_ascii_case("SUMMARY").then(|| value.trim().to_owned())
    })
}

/// A property of the VCALENDAR itself, read from its own lines (the calendar as a whole is
/// never handed to the parser, so one bad event cannot hide it).
fn calendar_property(doc: &Document<'_>, wanted: &str) -> Option<(String, usize)> {
    doc.calendars.iter().flat_map(|c| doc.own_lines(c)).find_map(|line| {
        let (name, value) = line.text.split_once(':')?;
        let name = name.split(';').next()?.trim();
        name.eq_ignore_ascii_case(wanted).then(|| (value.trim().to_owned(), line.number))
    })
}
