//! Pure domain types and rules: no SQL, no egui.

pub mod architect;
pub mod ids;
pub mod lists;
pub mod text;

pub use architect::{Architect, ArchitectFields, Cadence, Readiness, Status};
pub use ids::{ArchitectId, ListItemId};
pub use lists::{ListItem, ListKind};
pub use text::ValidationError;
