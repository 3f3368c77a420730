//! The quarterly self-review: the figures of a quarter computed from the records (`data`), the
//! figures it shows and compares (`catalogue`), the lists under each section (`tables`),
//! suggested bullets (`suggest`), the manager's own words and their rules (`words`), and the
//! draft that puts them together (`draft`). Pure: no SQL, no egui. `store::review_data` fills
//! the inputs; `report::review` renders the draft.

pub mod catalogue;
pub mod data;
pub mod draft;
pub mod figures;
pub mod suggest;
mod tables;
pub mod words;

pub use catalogue::{SectionId, Unit};
pub use data::QuarterData;
pub use draft::{
    Arrow, Compared, Comparison, Figure, Promise, RatingRow, ReviewDraft, ReviewInputs, Section, Source,
    Table, TableRow, build,
};
pub use figures::{BusinessFigures, HiringFigures, Link, QuarterFigures};
pub use suggest::Suggestion;
pub use words::{ReviewError, ReviewState, ReviewWords};

/// Fiscal quarters and ISO weeks are written by their labels (`FY27 Q2`, `2026-W48`) in the
/// stored snapshot and the JSON export: readable, and independent of the fiscal start month.
pub mod labels {
    use std::fmt::Display;
    use std::str::FromStr;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<T: Display, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
    where
        T: FromStr,
        T::Err: Display,
        D: Deserializer<'de>,
    {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
