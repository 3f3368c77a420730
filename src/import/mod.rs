//! Calendar import: an exported `.ics` file becomes categorised time. Reading (`decode`,
//! `structure`, `props`, `event`, `reader`, `values`, `copies`), time zones (`zones`,
//! `vtimezone`), recurrence expansion (`expand`, `series`, with rules checked by `recur`),
//! categorisation (`rules`) and the preview with its diff against earlier imports (`preview`).
//!
//! No input may take the window down: every value handed to a third-party parser (`rrule`,
//! `chrono-tz`, the Windows zone table, `icalendar`'s line parser) is checked first, and each
//! call runs behind `crash::catch_quietly`, so a panic in one of them costs one event (with a
//! warning), never the app.

pub mod business_csv;
mod copies;
pub mod decode;
pub mod event;
pub mod expand;
mod occurrence;
mod parse;
pub mod preview;
mod props;
mod reader;
mod recur;
pub mod rules;
mod series;
mod structure;
mod values;
mod vtimezone;
pub mod zones;

use std::fmt;

pub use event::{Attendee, Calendar, PartStat};
pub use expand::{Moment, Occurrence, Window};

/// Why a file was refused as a whole. Nothing is imported from a refused file; each message
/// names the line at fault where there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    #[error("this is not a calendar file: {0}")]
    NotACalendar(String),
    #[error(
        "line {line}: the file ends inside the {what} that begins at line {begin}; it looks cut off. \
         Nothing was imported: export the calendar again."
    )]
    Truncated { line: usize, begin: usize, what: String },
    #[error("line {line}: END:{found} does not close BEGIN:{open} (line {begin}). Nothing was imported.")]
    Mismatched { line: usize, found: String, open: String, begin: usize },
    #[error("line {line}: END:{found} has no matching BEGIN. Nothing was imported.")]
    UnexpectedEnd { line: usize, found: String },
    #[error(
        "the file is {size_mb} MB; Leadline reads calendars up to {limit_mb} MB. Export a shorter date range."
    )]
    TooLarge { size_mb: u64, limit_mb: u64 },
    #[error("the file cannot be decoded: {0}")]
    Encoding(String),
    #[error(
        "the file could not be read (a fault in the calendar reader: {0}). Nothing was imported; \
         please report this with the file if you can."
    )]
    Fault(String),
}

/// Something the importer worked around: shown to the manager beside the preview, never
/// silently dropped. `line` is the physical line in the file, when one is at fault.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub line: Option<usize>,
    pub message: String,
}

impl Warning {
    pub fn at(line: usize, message: impl Into<String>) -> Self {
        Self { line: Some(line), message: message.into() }
    }

    pub fn general(message: impl Into<String>) -> Self {
        Self { line: None, message: message.into() }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Reads a calendar file's bytes and expands every event into the occurrences that fall in
/// `window`: the one call the CLI, the GUI and the benchmark make.
pub fn read(bytes: &[u8], window: &Window) -> Result<expand::Expansion, IcsError> {
    let _doing = crate::crash::doing("reading a calendar file");
    // Each event is read and expanded behind its own net; this one is for the rest.
    crate::crash::catch_quietly(|| {
        let calendar = Calendar::parse(bytes)?;
        Ok(expand::expand(&calendar, window))
    })
    .map_err(|fault| IcsError::Fault(fault.to_string()))?
}
