//! One VEVENT's properties read into an `Event`: its times with their zones, length, repeat
//! rules, extra and excluded dates, the occurrence it changes, and who is invited. What is
//! read tolerantly (spaces around a value, a date-time under VALUE=DATE, Google's `Z` on a
//! date, an empty TZID) is read and named in a warning with its line.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::Warning;
use super::event::{Attendee, Event, ExtraDate, Length, PartStat, Stamp};
use super::props::{Node, Prop};
use super::values::{looks_like_duration, parse_date, parse_date_time, parse_duration, shown};
use super::zones::{Zone, Zones};

pub struct Reader {
    pub zones: Zones,
    /// Google's X-WR-TIMEZONE, when it names a zone.
    pub xwr: Option<Zone>,
    unknown_zones: HashSet<String>,
    pub warnings: Vec<Warning>,
}

impl Reader {
    pub fn new(zones: Zones, xwr: Option<Zone>, warnings: Vec<Warning>) -> Self {
        Self { zones, xwr, unknown_zones: HashSet::new(), warnings }
    }

    pub fn event(&mut self, node: &Node) -> Option<Event> {
        let summary = self.capped(node.prop("SUMMARY"), "title", MAX_TITLE_CHARS);
        let Some(start_prop) = node.prop("DTSTART") else {
            let name = if summary.is_empty() { String::new() } else { format!("\"{summary}\" ") };
            self.warnings.push(Warning::at(
                node.line,
                format!("the event {name}has no start (DTSTART) and was left out"),
            ));
            return None;
        };
        let Some(start) = self.stamp(start_prop, &start_prop.value) else {
            self.warnings.push(Warning::at(
                start_prop.line,
                format!(
                    "the event \"{summary}\" has a start that cannot be read (\"{}\") and was left out",
                    shown(&start_prop.value)
                ),
            ));
            return None;
        };
        // An all-day start should carry no zone (RFC 5545 §3.3.4); when it does, the zone
        // still says on whose clock the producer wrote a UTC end of its repeats.
        let start_zone = match (&start, start_prop.param("TZID")) {
            (Stamp::Date(_), Some(tzid)) if !tzid.trim().is_empty() => self.zones.resolve(tzid),
            _ => None,
        };
        let length = self.length(node, &summary);
        let rdates = self.extra_dates(node, &summary);
        let exdates = self.excluded_dates(node, &summary);
        let recurrence_prop = node.prop("RECURRENCE-ID");
        let recurrence_id = recurrence_prop.and_then(|p| self.stamp(p, &p.value));
        if let (Some(prop), None) = (recurrence_prop, &recurrence_id) {
            self.warnings.push(Warning::at(
                prop.line,
                format!(
                    "the change to \"{summary}\" names an occurrence that cannot be read (RECURRENCE-ID \
                     \"{}\"); it is imported as a meeting of its own",
                    shown(&prop.value)
                ),
            ));
        }
        let this_and_future = recurrence_prop.and_then(|p| p.param("RANGE")).is_some_and(|range| {
            if range.trim().eq_ignore_ascii_case("THISANDFUTURE") {
                return true;
            }
            if let Some(prop) = recurrence_prop {
                self.warnings.push(Warning::at(
                    prop.line,
                    format!("RANGE={range} is not read; the change to \"{summary}\" applies to that occurrence only"),
                ));
            }
            false
        });
        let uid = match node.prop("UID").filter(|p| !p.value.trim().is_empty()) {
            Some(uid) => self.capped(Some(uid), "UID", MAX_UID_CHARS).trim().to_owned(),
            None => synthetic_uid(&summary, &start_prop.value, node.value("DTEND").unwrap_or_default()),
        };
        let attendee_props: Vec<&Prop> = node.props("ATTENDEE").collect();
        if attendee_props.len() > MAX_ATTENDEES {
            self.warnings.push(Warning::at(
                node.line,
                format!(
                    "the event \"{}\" lists {} attendees; only the first {MAX_ATTENDEES} are read",
                    shown(&summary),
                    attendee_props.len()
                ),
            ));
        }
        Some(Event {
            line: node.line,
            uid,
            status: short(node.value("STATUS").unwrap_or_default().trim(), MAX_WORD_CHARS),
            transp: short(node.value("TRANSP").unwrap_or_default().trim(), MAX_WORD_CHARS),
            organizer: node.prop("ORGANIZER").map(email_of).filter(|e| !e.is_empty()),
            attendees: attendee_props
                .iter()
                .take(MAX_ATTENDEES)
                .map(|p| Attendee {
                    email: email_of(p),
                    name: short(p.param("CN").unwrap_or_default(), MAX_ADDRESS_CHARS),
                    partstat: PartStat::parse(p.param("PARTSTAT")),
                    resource: p.param("CUTYPE").is_some_and(|c| {
                        c.eq_ignore_ascii_case("ROOM") || c.eq_ignore_ascii_case("RESOURCE")
                    }),
                })
                .collect(),
            start,
            start_zone,
            length,
            rrules: node.props("RRULE").map(|p| (p.value.clone(), p.line)).collect(),
            rdates,
            exdates,
            recurrence_date: recurrence_prop.and_then(|p| written_date(&p.value)),
            recurrence_id,
            this_and_future,
            sequence: node.value("SEQUENCE").and_then(|s| s.trim().parse().ok()).unwrap_or(0),
            dtstamp: node.value("DTSTAMP").and_then(parse_date_time).map(|(wall, _)| wall),
            summary,
        })
    }

    /// DTEND, else DURATION, else the default (a day for a date, nothing for a time).
    fn length(&mut self, node: &Node, summary: &str) -> Length {
        if let Some(end) = node.prop("DTEND") {
            if let Some(stamp) = self.stamp(end, &end.value) {
                return Length::End(stamp);
            }
            self.warnings.push(Warning::at(
                end.line,
                format!("the end of \"{summary}\" cannot be read; it is taken as its start"),
            ));
            return Length::Default;
        }
        let Some(duration) = node.prop("DURATION") else { return Length::Default };
        self.note_spaces(duration, &duration.value);
        if let Some(delta) = parse_duration(&duration.value) {
            Length::Duration(delta)
        } else {
            self.warnings.push(Warning::at(
                duration.line,
                format!("the duration \"{}\" cannot be read", duration.value),
            ));
            Length::Default
        }
    }

    /// RDATE values: dates, date-times, or periods (`start/end` or `start/duration`, RFC 5545
    /// §3.3.9), each an occurrence; a period gives its own length.
    fn extra_dates(&mut self, node: &Node, summary: &str) -> Vec<ExtraDate> {
        let mut dates = Vec::new();
        for prop in node.props("RDATE") {
            let declared_period =
                prop.param("VALUE").is_some_and(|v| v.trim().eq_ignore_ascii_case("PERIOD"));
            let mut warned_period = false;
            for value in prop.value.split(',') {
                let read = match value.split_once('/') {
                    Some((start, end)) => {
                        if !declared_period && !warned_period {
                            warned_period = true;
                            self.warnings.push(Warning::at(
                                prop.line,
                                format!(
                                    "RDATE \"{value}\" is a period without VALUE=PERIOD; it is read as a period"
                                ),
                            ));
                        }
                        self.period(prop, start, end)
                    }
                    None => self.stamp(prop, value).map(|at| ExtraDate { at, period: None }),
                };
                match read {
                    Some(date) => dates.push(date),
                    None => self.warnings.push(Warning::at(
                        prop.line,
                        format!(
                            "the extra date \"{}\" of \"{}\" cannot be read; it is left out",
                            shown(value.trim()),
                            shown(summary)
                        ),
                    )),
                }
            }
        }
        dates
    }

    fn period(&mut self, prop: &Prop, start: &str, end: &str) -> Option<ExtraDate> {
        let at = self.stamp(prop, start)?;
        let period = if looks_like_duration(end) {
            Length::Duration(parse_duration(end)?)
        } else {
            Length::End(self.stamp(prop, end)?)
        };
        Some(ExtraDate { at, period: Some(period) })
    }

    fn excluded_dates(&mut self, node: &Node, summary: &str) -> Vec<Stamp> {
        let mut dates = Vec::new();
        for prop in node.props("EXDATE") {
            for value in prop.value.split(',') {
                match self.stamp(prop, value) {
                    Some(stamp) => dates.push(stamp),
                    None => self.warnings.push(Warning::at(
                        prop.line,
                        format!(
                            "the excluded date \"{}\" of \"{}\" cannot be read; that occurrence is kept",
                            shown(value.trim()),
                            shown(summary)
                        ),
                    )),
                }
            }
        }
        dates
    }

    /// A text property's value, cut to `max` characters with a warning when longer: every
    /// occurrence of a series carries it, and a damaged file's 300 KB title repeated 20,000
    /// times would stall the preview and fill the memory.
    fn capped(&mut self, prop: Option<&Prop>, what: &str, max: usize) -> String {
        let Some(prop) = prop else { return String::new() };
        let count = prop.value.chars().count();
        if count <= max {
            return prop.value.clone();
        }
        self.warnings.push(Warning::at(
            prop.line,
            format!("the {what} is {count} characters long; only the first {max} are read"),
        ));
        prop.value.chars().take(max).collect()
    }

    /// A warning for a value written with spaces around it, which is read without them.
    fn note_spaces(&mut self, prop: &Prop, value: &str) {
        if value.trim() != value && !value.trim().is_empty() {
            self.warnings.push(Warning::at(
                prop.line,
                format!(
                    "{} \"{}\" has spaces around its value; it is read as \"{}\"",
                    prop.name,
                    shown(value),
                    shown(value.trim())
                ),
            ));
        }
    }

    /// Reads a DATE or DATE-TIME value of `prop`. Google's X-WR-TIMEZONE turns floating and
    /// UTC times into that zone's wall clock, as Google Calendar shows them (a weekly 17:00
    /// meeting stays at 17:00 local across daylight saving).
    pub fn stamp(&mut self, prop: &Prop, value: &str) -> Option<Stamp> {
        self.note_spaces(prop, value);
        let value = value.trim();
        let declared_date = prop.param("VALUE").is_some_and(|v| v.trim().eq_ignore_ascii_case("DATE"));
        if let Some(date) = parse_date(value) {
            return Some(Stamp::Date(date));
        }
        if let Some(date) = value.strip_suffix(['Z', 'z']).and_then(parse_date) {
            self.warnings.push(Warning::at(
                prop.line,
                format!(
                    "{} \"{value}\" is a date with a Z (as Google writes it); it is read as the date {date}",
                    prop.name
                ),
            ));
            return Some(Stamp::Date(date));
        }
        let (wall, utc) = parse_date_time(value)?;
        if declared_date {
            self.warnings.push(Warning::at(
                prop.line,
                format!(
                    "{} says VALUE=DATE, but \"{value}\" is a date and time; it is read as the date and time",
                    prop.name
                ),
            ));
        }
        let stamp = if utc {
            Stamp::Zoned { wall, zone: Zone::Utc }
        } else if let Some(tzid) = prop.param("TZID") {
            if tzid.trim().trim_matches('"').trim().is_empty() {
                self.warnings.push(Warning::at(
                    prop.line,
                    format!("{} has an empty TZID; \"{value}\" is read as UTC", prop.name),
                ));
                Stamp::Zoned { wall, zone: Zone::Utc }
            } else if let Some(zone) = self.zones.resolve(tzid) {
                Stamp::Zoned { wall, zone }
            } else {
                if self.unknown_zones.insert(tzid.to_owned()) {
                    self.warnings.push(Warning::at(
                        prop.line,
                        format!(
                            "unknown time zone \"{}\": its times are imported as written, as local \
                             wall-clock times (not converted); check them",
                            shown(tzid)
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

/// The longest title read: far beyond any meeting's, and what the preview shows is shorter.
const MAX_TITLE_CHARS: usize = 1000;
/// The longest UID read (Outlook's are about 120 characters).
const MAX_UID_CHARS: usize = 1000;
/// The most attendees read per event: an all-hands has hundreds.
const MAX_ATTENDEES: usize = 2000;
/// E-mail addresses (at most 254 characters) and names are cut quietly past this: they are
/// matched against the team, never shown in full.
const MAX_ADDRESS_CHARS: usize = 320;
/// STATUS and TRANSP are single words.
const MAX_WORD_CHARS: usize = 40;

/// At most `max` characters of `text`.
fn short(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The date a value is written with (its first eight digits), whatever zone it names.
fn written_date(value: &str) -> Option<NaiveDate> {
    parse_date(value.trim().get(..8)?)
}

/// The address from `mailto:x@y` (any case), or the EMAIL parameter Apple adds.
fn email_of(prop: &Prop) -> String {
    let value = prop.value.trim();
    let address = match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &value[7..],
        _ => prop.param("EMAIL").unwrap_or(if value.contains('@') { value } else { "" }),
    };
    short(address.trim(), MAX_ADDRESS_CHARS).to_ascii_lowercase()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_without_uid_get_a_stable_key() {
        let a = synthetic_uid("Lunch", "20260105T120000", "20260105T130000");
        assert_eq!(a, synthetic_uid("Lunch", "20260105T120000", "20260105T130000"));
        assert_ne!(a, synthetic_uid("Lunch", "20260106T120000", "20260106T130000"));
        assert!(a.starts_with("leadline-no-uid-"));
    }

    #[test]
    fn the_written_date_of_a_recurrence_id_ignores_its_zone() {
        assert_eq!(written_date("20030101T000000Z"), NaiveDate::from_ymd_opt(2003, 1, 1));
        assert_eq!(written_date("20030101"), NaiveDate::from_ymd_opt(2003, 1, 1));
        assert_eq!(written_date("2003"), None);
        assert_eq!(written_date("2003ÄÄ0101"), None);
    }
}
