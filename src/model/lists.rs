//! The editable lists the roster picks from: career ladder levels and solution areas.

use serde::{Deserialize, Serialize};

use super::ids::ListItemId;

/// Which editable list an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ListKind {
    CareerLevel,
    SolutionArea,
}

impl ListKind {
    pub fn table(self) -> &'static str {
        match self {
            Self::CareerLevel => "career_levels",
            Self::SolutionArea => "solution_areas",
        }
    }

    pub fn singular(self) -> &'static str {
        match self {
            Self::CareerLevel => "career level",
            Self::SolutionArea => "solution area",
        }
    }
}

/// One entry of an editable list, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub id: ListItemId,
    pub name: String,
    pub position: i64,
}

/// A deleted entry and the requisitions that lost it (a requisition keeps no level or area
/// once its entry is deleted), so Undo can put both back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedListItem {
    pub kind: ListKind,
    pub item: ListItem,
    pub requisitions: Vec<super::RequisitionId>,
}

/// Finds an item's name by id, for display.
pub fn name_of(items: &[ListItem], id: Option<ListItemId>) -> &str {
    id.and_then(|id| items.iter().find(|i| i.id == id)).map_or("", |i| i.name.as_str())
}

/// Finds an item by name, case and accents ignored (for the command line).
pub fn find_by_name(items: &[ListItem], name: &str) -> Option<ListItemId> {
    let name = super::text::fold_for_match(name);
    items.iter().find(|i| super::text::fold_for_match(&i.name) == name).map(|i| i.id)
}

/// The level after `level` on the ladder: the default target role.
pub fn next_level(levels: &[ListItem], level: Option<ListItemId>) -> Option<ListItemId> {
    let index = levels.iter().position(|l| Some(l.id) == level)?;
    levels.get(index + 1).map(|l| l.id)
}
