//! The same event written more than once: an updated meeting exported with its old copy, or a
//! calendar merged into itself. One copy is kept, the newest revision: the highest SEQUENCE
//! (RFC 5545 §3.8.7.4 counts revisions with it), then the latest DTSTAMP, then the first in
//! the file. The warning names every copy's line, the one kept and why.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::Warning;
use super::event::{Event, Stamp};

/// A copy's identity: its UID and, for a change to one occurrence, which occurrence.
type Key = (String, Option<(bool, NaiveDateTime)>);

/// The events with every older copy taken out, in file order.
pub fn keep_newest(events: Vec<Event>, warnings: &mut Vec<Warning>) -> Vec<Event> {
    let mut groups: HashMap<Key, Vec<usize>> = HashMap::new();
    for (index, event) in events.iter().enumerate() {
        let key = (event.uid.clone(), event.recurrence_id.as_ref().map(Stamp::same_moment_key));
        groups.entry(key).or_default().push(index);
    }
    let mut dropped = vec![false; events.len()];
    let mut repeated: Vec<&Vec<usize>> = groups.values().filter(|copies| copies.len() > 1).collect();
    repeated.sort_by_key(|copies| copies[0]);
    for copies in repeated {
        // Newest first; among equals the first in the file (`min_by_key` on a reversed key
        // keeps the earliest of equals).
        let Some(&kept) = copies
            .iter()
            .min_by_key(|&&i| (std::cmp::Reverse(events[i].sequence), std::cmp::Reverse(events[i].dtstamp)))
        else {
            continue;
        };
        for &index in copies {
            dropped[index] = index != kept;
        }
        warnings.push(Warning::at(events[kept].line, describe(&events, copies, kept)));
    }
    events.into_iter().zip(dropped).filter(|(_, dropped)| !dropped).map(|(event, _)| event).collect()
}

fn describe(events: &[Event], copies: &[usize], kept: usize) -> String {
    let event = &events[kept];
    let lines: Vec<String> = copies.iter().map(|&i| events[i].line.to_string()).collect();
    let subject = if event.recurrence_id.is_some() {
        format!("the change to one occurrence of {}", event.quoted_summary())
    } else {
        format!("the event {}", event.quoted_summary())
    };
    let others = copies.iter().filter(|&&i| i != kept).map(|&i| &events[i]);
    let highest_other_sequence = others.clone().map(|e| e.sequence).max().unwrap_or(event.sequence);
    let latest_other_stamp = others.map(|e| e.dtstamp).max().flatten();
    let why = if event.sequence > highest_other_sequence {
        format!("its SEQUENCE ({}) is the highest", event.sequence)
    } else if event.dtstamp.is_some_and(|own| latest_other_stamp.is_none_or(|other| own > other)) {
        format!(
            "it was stamped last (DTSTAMP {})",
            event.dtstamp.map(|s| s.format("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default()
        )
    } else {
        "the copies are the same revision, so the first is kept".into()
    };
    format!(
        "{subject}(UID {}) is in the file {} times (lines {}); the copy at line {} is kept and the \
         others are skipped: {why}",
        event.uid,
        copies.len(),
        lines.join(", "),
        event.line
    )
}
