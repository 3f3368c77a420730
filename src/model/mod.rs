//! Pure domain types and rules: no SQL, no egui.

pub mod architect;
pub mod duration;
pub mod fiscal;
pub mod ids;
pub mod lists;
pub mod split;
pub mod text;
pub mod time_entry;
pub mod time_summary;

pub use architect::{Architect, ArchitectFields, Cadence, Readiness, Status};
pub use ids::{ArchitectId, CertId, CertRecordId, CompetencyId, GoalId, ListItemId, TimeEntryId};
pub use lists::{ListItem, ListKind};
pub use text::ValidationError;
pub mod certification;
pub mod goal;
pub mod skills;
