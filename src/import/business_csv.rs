//! CSV import of opportunities or milestones (a CRM export): the first row names the columns,
//! a mapping says which column holds which field (`title=Opportunity Name`; columns named like
//! a field are taken without one), every row is checked and the problems named by row and field,
//! and the preview says what a commit would add or change. A re-import updates by CRM id and
//! never duplicates. Pure: the session looks up what is already stored and commits the plan.

mod mapping;
mod preview;
mod rows;

use serde::Serialize;

pub use mapping::{Field, parse_mapping};
pub use preview::{
    AccountRef, CsvPlan, CsvPreview, Lookups, PlannedMilestone, PlannedOpportunity, PreviewRow, RowChange,
    preview,
};
pub use rows::{MilestoneRow, OpportunityRow, Parsed, Rows, parse};

#[cfg(test)]
use {
    crate::model::business::{McemStage, MilestoneState, OpportunityStatus},
    chrono::NaiveDate,
};

/// The largest file read: a CRM export of a whole territory is a few MB.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// How many problems are listed before "and N more".
pub const MAX_PROBLEMS: usize = 50;

/// What the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum CsvKind {
    Opportunities,
    Milestones,
}

/// Problems collected while reading, each naming the row and the field.
#[derive(Debug, Default)]
struct Problems(Vec<String>);

impl Problems {
    fn add(&mut self, problem: String) {
        self.0.push(problem);
    }

    fn at(&mut self, line: usize, field: Field, message: impl std::fmt::Display) {
        self.add(format!("row {line}, {}: {message}", field.key()));
    }

    fn finish(self) -> Vec<String> {
        let mut list = self.0;
        if list.len() > MAX_PROBLEMS {
            let more = list.len() - MAX_PROBLEMS;
            list.truncate(MAX_PROBLEMS);
            list.push(format!("… and {more} more problems"));
        }
        list
    }
}

#[cfg(test)]
mod tests;
