//! Reading a calendar file into events. Reading never fails on one event: an event that
//! cannot be read is left out with a warning naming it and its line, and a fault in a parser it
//! goes through (a panic) costs only that event.

use std::collections::HashMap;
use std::sync::Arc;

use super::event::Calendar;
use super::props;
use super::reader::Reader;
use super::structure::{self, Document};
use super::values::shown;
use super::vtimezone::Definition;
use super::zones::{Zone, Zones};
use super::{IcsError, Warning, copies, decode};
use crate::crash;

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
