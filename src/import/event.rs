//! A calendar file read into events: each VEVENT's times (with their zones resolved), length,
//! recurrence, status, free/busy, organizer and attendees. Reading never fails on one event:
//! an event that cannot be read is left out with a warning naming it and its line.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::props::{self, Node, Prop};
use super::structure::{self, Document};
use super::vtimezone::Definition;
use super::zones::{Zone, Zones};
use super::{IcsError, Warning, decode};

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
    fn parse(value: Option<&str>) -> Self {
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
    pub length: Length,
    /// RRULE value and its line.
    pub rrule: Option<(String, usize)>,
    pub rdates: Vec<Stamp>,
    pub exdates: Vec<Stamp>,
    pub recurrence_id: Option<Stamp>,
}

impl Event {
    pub fn is_series(&self) -> bool {
        self.rrule.is_some() || !self.rdates.is_empty()
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

        // VTIMEZONEs may come after the events that use them (iCloud writes them last).
        let mut defined = HashMap::new();
        let mut zone_order = Vec::new();
        for block in doc.calendars.iter().flat_map(|c| &c.children).filter(|b| b.name == "VTIMEZONE") {
            match props::read(&doc, block) {
                Ok((node, _)) => {
                    if let Some(definition) = Definition::from_node(&node) {
                        zone_order.push(definition.tzid.clone());
                        defined.insert(definition.tzid.clone(), Arc::new(definition));
                    }
                }
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
                    format!("the calendar's time zone \"{value}\" is unknown; it is not used"),
                ));
            }
            zone
        });
        let home_zone = xwr_zone
            .clone()
            .or_else(|| zone_order.iter().find_map(|tzid| zones.resolve(tzid)))
            .unwrap_or(Zone::Utc);

        let mut reader = Reader { zones, xwr: xwr_zone, unknown_zones: HashSet::new(), warnings };
        let mut events = Vec::new();
        for block in doc.calendars.iter().flat_map(|c| &c.children).filter(|b| b.name == "VEVENT") {
            let begin = doc.lines[block.begin].number;
            match props::read(&doc, block) {
                Ok((node, dropped)) => {
                    for problem in dropped {
                        reader.warnings.push(Warning::at(
                            problem.line,
                            format!("{}; the line was skipped", problem.reason),
                        ));
                    }
                    if let Some(event) = reader.event(&node) {
                        events.push(event);
                    }
                }
                Err(problem) => {
                    let summary = summary_near(&doc, block).map(|s| format!("\"{s}\" ")).unwrap_or_default();
                    reader.warnings.push(Warning::at(
                        problem.line,
                        format!("the event {summary}(line {begin}) was left out: {}", problem.reason),
                    ));
                }
            }
        }
        let identity = identity(
            calendar_property(&doc, "PRODID").map(|(value, _)| value).as_deref(),
            calendar_property(&doc, "X-WR-CALNAME").map(|(value, _)| value).as_deref(),
        );
        Ok(Self { events, warnings: reader.warnings, home_zone, identity })
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

struct Reader {
    zones: Zones,
    xwr: Option<Zone>,
    unknown_zones: HashSet<String>,
    warnings: Vec<Warning>,
}

impl Reader {
    fn event(&mut self, node: &Node) -> Option<Event> {
        let summary = node.value("SUMMARY").unwrap_or_default().to_owned();
        let Some(start_prop) = node.prop("DTSTART") else {
            let name = if summary.is_empty() { String::new() } else { format!("\"{summary}\" ") };
            self.warnings.push(Warning::at(
                node.line,
                format!("the event {name}has no start (DTSTART) and was left out"),
            ));
            return None;
        };
        let Some(start) = self.stamp(start_prop) else {
            self.warnings.push(Warning::at(
                start_prop.line,
                format!(
                    "the event \"{summary}\" has a start that cannot be read (\"{}\") and was left out",
                    start_prop.value
                ),
            ));
            return None;
        };
        let length = if let Some(end) = node.prop("DTEND") {
            if let Some(stamp) = self.stamp(end) {
                Length::End(stamp)
            } else {
                self.warnings.push(Warning::at(
                    end.line,
                    format!("the end of \"{summary}\" cannot be read; it is taken as its start"),
                ));
                Length::Default
            }
        } else if let Some(duration) = node.prop("DURATION") {
            if let Some(delta) = parse_duration(&duration.value) {
                Length::Duration(delta)
            } else {
                self.warnings.push(Warning::at(
                    duration.line,
                    format!("the duration \"{}\" cannot be read", duration.value),
                ));
                Length::Default
            }
        } else {
            Length::Default
        };
        let list = |reader: &mut Self, name: &str| -> Vec<Stamp> {
            node.props(name)
                .flat_map(|p| {
                    p.value
                        .split(',')
                        .map(|v| Prop { value: v.trim().to_owned(), ..p.clone() })
                        .collect::<Vec<_>>()
                })
                .filter_map(|p| reader.stamp(&p))
                .collect()
        };
        let rdates = list(self, "RDATE");
        let exdates = list(self, "EXDATE");
        let recurrence_id = node.prop("RECURRENCE-ID").and_then(|p| self.stamp(p));
        let uid = match node.value("UID").map(str::trim).filter(|u| !u.is_empty()) {
            Some(uid) => uid.to_owned(),
            None => synthetic_uid(&summary, &start_prop.value, node.value("DTEND").unwrap_or_default()),
        };
        Some(Event {
            line: node.line,
            uid,
            summary,
            status: node.value("STATUS").unwrap_or_default().trim().to_owned(),
            transp: node.value("TRANSP").unwrap_or_default().trim().to_owned(),
            organizer: node.prop("ORGANIZER").map(email_of).filter(|e| !e.is_empty()),
            attendees: node
                .props("ATTENDEE")
                .map(|p| Attendee {
                    email: email_of(p),
                    name: p.param("CN").unwrap_or_default().to_owned(),
                    partstat: PartStat::parse(p.param("PARTSTAT")),
                    resource: p.param("CUTYPE").is_some_and(|c| {
                        c.eq_ignore_ascii_case("ROOM") || c.eq_ignore_ascii_case("RESOURCE")
                    }),
                })
                .collect(),
            start,
            length,
            rrule: node.prop("RRULE").map(|p| (p.value.clone(), p.line)),
            rdates,
            exdates,
            recurrence_id,
        })
    }

    /// Reads a DATE or DATE-TIME property. Google's X-WR-TIMEZONE turns floating and UTC
    /// times into that zone's wall clock, as Google Calendar shows them (a weekly 17:00
    /// meeting stays at 17:00 local across daylight saving).
    fn stamp(&mut self, prop: &Prop) -> Option<Stamp> {
        let value = prop.value.trim();
        let is_date = prop.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
            || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
        if is_date {
            return parse_date(value).map(Stamp::Date);
        }
        let (wall, utc) = parse_date_time(value)?;
        let stamp = if utc {
            Stamp::Zoned { wall, zone: Zone::Utc }
        } else if let Some(tzid) = prop.param("TZID") {
            if let Some(zone) = self.zones.resolve(tzid) {
                Stamp::Zoned { wall, zone }
            } else {
                if self.unknown_zones.insert(tzid.to_owned()) {
                    self.warnings.push(Warning::at(
                        prop.line,
                        format!(
                            "unknown time zone \"{tzid}\": its times are imported as written, as local \
                             wall-clock times (not converted); check them"
                        ),
                    ));
                }
                Stamp::Floating(wall)
            }
        } else {
            Stamp::Floating(wall)
        };
        Some(match (&self.xwr, stamp) {
            (Some(home), Stamp::Floating(wall)) => Stamp::Zoned { wall, zone: home.clone() },
            (Some(home), Stamp::Zoned { wall, zone: Zone::Utc }) => {
                Stamp::Zoned { wall: home.to_wall(wall.and_utc()), zone: home.clone() }
            }
            (_, stamp) => stamp,
        })
    }
}

/// The address from `mailto:x@y` (any case), or the EMAIL parameter Apple adds.
fn email_of(prop: &Prop) -> String {
    let value = prop.value.trim();
    let address = match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &value[7..],
        _ => prop.param("EMAIL").unwrap_or(if value.contains('@') { value } else { "" }),
    };
    address.trim().to_ascii_lowercase()
}

/// A stable key for an event without a UID (some exporters omit it), so re-importing the
/// same file finds the same entries. FNV-1a: stable across runs and Rust versions.
fn synthetic_uid(summary: &str, start: &str, end: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in summary.bytes().chain([0]).chain(start.bytes()).chain([0]).chain(end.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("leadline-no-uid-{hash:016x}")
}

pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y%m%d").ok().filter(|_| value.trim().len() == 8)
}

/// `20260105T093000` or `20260105T093000Z`: the wall-clock time and whether it is UTC.
pub fn parse_date_time(value: &str) -> Option<(NaiveDateTime, bool)> {
    let value = value.trim();
    let (body, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (value, false),
    };
    if body.len() != 15 || !body.is_char_boundary(8) || !body[8..].starts_with(['T', 't']) {
        return None;
    }
    let date = parse_date(&body[..8])?;
    let time = chrono::NaiveTime::parse_from_str(&body[9..], "%H%M%S").ok()?;
    Some((date.and_time(time), utc))
}

/// RFC 5545 durations: `PT1H`, `P1D`, `P1W`, `-PT15M`, `P1DT2H30M`.
pub fn parse_duration(value: &str) -> Option<TimeDelta> {
    let value = value.trim();
    let (negative, rest) = match value.as_bytes().first()? {
        b'-' => (true, &value[1..]),
        b'+' => (false, &value[1..]),
        _ => (false, value),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut total = TimeDelta::zero();
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            'T' if number.is_empty() => in_time = true,
            d if d.is_ascii_digit() => number.push(d),
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                any = true;
                let part = match (unit, in_time) {
                    ('W', false) => TimeDelta::try_weeks(n)?,
                    ('D', false) => TimeDelta::try_days(n)?,
                    ('H', true) => TimeDelta::try_hours(n)?,
                    ('M', true) => TimeDelta::try_minutes(n)?,
                    ('S', true) => TimeDelta::try_seconds(n)?,
                    _ => return None,
                };
                total = total.checked_add(&part)?;
            }
        }
    }
    (any && number.is_empty()).then_some(if negative { -total } else { total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_rfc_5545_writes_them() {
        assert_eq!(parse_duration("PT1H"), Some(TimeDelta::hours(1)));
        assert_eq!(parse_duration("P1DT2H30M"), Some(TimeDelta::minutes(24 * 60 + 150)));
        assert_eq!(parse_duration("P2W"), Some(TimeDelta::days(14)));
        assert_eq!(parse_duration("-PT15M"), Some(TimeDelta::minutes(-15)));
        for bad in ["", "P", "PT", "1H", "PH", "P1H", "PT1D", "PT99999999999999999999H"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_times_are_strict() {
        assert!(parse_date_time("20260105T093000Z").is_some_and(|(_, utc)| utc));
        assert!(parse_date_time("20260105T093000").is_some_and(|(_, utc)| !utc));
        for bad in ["20260105", "20260105T0930", "20261305T093000", "2026010ÄT093000", "20260105X093000"] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn events_without_uid_get_a_stable_key() {
        let a = synthetic_uid("Lunch", "20260105T120000", "20260105T130000");
        assert_eq!(a, synthetic_uid("Lunch", "20260105T120000", "20260105T130000"));
        assert_ne!(a, synthetic_uid("Lunch", "20260106T120000", "20260106T130000"));
        assert!(a.starts_with("leadline-no-uid-"));
    }
}
