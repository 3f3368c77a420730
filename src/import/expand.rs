//! The walk over a calendar's events: each series is expanded by `series` into occurrences
//! inside a date window (the types live in `occurrence`). Recurrence runs on the wall clock of
//! the event's own zone, so a weekly 09:00 meeting stays at 09:00 across daylight saving
//! (RFC 5545 §3.3.10).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;

use super::event::{Calendar, Event};
use super::occurrence::Kind;
pub use super::occurrence::{Expansion, Moment, Occurrence, Window};
use super::{Warning, series};
use crate::crash;

/// Expands every event of `calendar` into the occurrences that overlap `window`, sorted by
/// start. Problems with one series become warnings; the rest of the file still imports. A
/// fault (panic) while expanding one event costs that event only.
pub fn expand(calendar: &Calendar, window: &Window) -> Expansion {
    let _doing = crash::doing("expanding calendar events");
    let mut warnings = calendar.warnings.clone();
    let mut changes: HashMap<&str, Vec<&Event>> = HashMap::new();
    let mut masters: HashSet<&str> = HashSet::new();
    for event in &calendar.events {
        if event.recurrence_id.is_some() {
            changes.entry(event.uid.as_str()).or_default().push(event);
        } else {
            masters.insert(event.uid.as_str());
        }
    }
    let mut occurrences = Vec::new();
    let left_out = |event: &Event, fault: &crash::Caught| {
        Warning::at(
            event.line,
            format!(
                "the event {}(line {}) could not be read and was left out (a fault in the calendar reader: {fault})",
                event.quoted_summary(),
                event.line
            ),
        )
    };
    for event in calendar.events.iter().filter(|e| e.recurrence_id.is_none()) {
        let moved = changes.get(event.uid.as_str()).map(Vec::as_slice).unwrap_or_default();
        match crash::catch_quietly(|| series::series(event, moved, calendar, window)) {
            Ok(Ok(found)) => {
                occurrences.extend(found.occurrences);
                warnings.extend(found.warnings);
            }
            Ok(Err(fault)) | Err(fault) => warnings.push(left_out(event, &fault)),
        }
    }
    // A change whose series is not in the file stands on its own.
    for event in
        calendar.events.iter().filter(|e| e.recurrence_id.is_some() && !masters.contains(e.uid.as_str()))
    {
        let own = Kind::of(&event.start);
        match crash::catch_quietly(|| series::change(event, &own, window, &mut warnings)) {
            Ok(found) => occurrences.extend(found),
            Err(fault) => warnings.push(left_out(event, &fault)),
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
