//! Skills matrix: the default competencies, levels 1-5, and the gaps between current and target.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ArchitectId, CompetencyId};

/// The competencies a new database starts with; the manager edits the list in the app.
pub const DEFAULT_COMPETENCIES: &[&str] = &[
    "Architecture design",
    "Technical depth in solution area",
    "Consultative / solution selling",
    "Presentations & demos",
    "Negotiation & influence",
    "Customer envisioning",
    "Business acumen",
    "Cross-group collaboration",
];

/// Lowest level on the scale.
pub const LEVEL_MIN: u8 = 1;
/// Highest level on the scale.
pub const LEVEL_MAX: u8 = 5;

/// A skill level a user entered that cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SkillError {
    #[error("level: {value} is outside 1-5")]
    LevelOutOfRange { value: i64 },
    #[error("current level: {value} is outside 1-5")]
    CurrentOutOfRange { value: i64 },
    #[error("target level: {value} is outside 1-5")]
    TargetOutOfRange { value: i64 },
}

/// What each level means, so two managers rate alike. Index 0 is level 1.
const LEVEL_LABELS: [&str; 5] = ["Foundational", "Developing", "Proficient", "Advanced", "Expert"];

/// "Proficient" for 3; empty for a level outside the scale.
pub fn level_label(level: u8) -> &'static str {
    usize::from(level).checked_sub(1).and_then(|index| LEVEL_LABELS.get(index)).copied().unwrap_or("")
}

/// A competency of the editable list, in display order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Competency {
    pub id: CompetencyId,
    pub name: String,
    pub position: i64,
}

/// One architect's rating in one competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillLevel {
    pub architect: ArchitectId,
    pub competency: CompetencyId,
    pub current: u8,
    pub target: u8,
    /// When the current or target level last changed.
    pub changed_on: NaiveDate,
}

/// Checks a current and a target level together, naming which one is wrong.
pub fn validate_levels(current: i64, target: i64) -> Result<(u8, u8), SkillError> {
    let current = validate_level(current).map_err(|_| SkillError::CurrentOutOfRange { value: current })?;
    let target = validate_level(target).map_err(|_| SkillError::TargetOutOfRange { value: target })?;
    Ok((current, target))
}

/// Checks a current or target level typed or imported as a plain number.
pub fn validate_level(value: i64) -> Result<u8, SkillError> {
    u8::try_from(value)
        .ok()
        .filter(|level| (LEVEL_MIN..=LEVEL_MAX).contains(level))
        .ok_or(SkillError::LevelOutOfRange { value })
}

/// How many levels `current` is below `target`: positive means there is work to do, zero or
/// negative means the target is met or exceeded. Saturates rather than wraps for levels outside
/// the scale, which validation keeps out anyway.
pub fn gap(current: u8, target: u8) -> i8 {
    let levels = i16::from(target) - i16::from(current);
    i8::try_from(levels).unwrap_or(if levels < 0 { i8::MIN } else { i8::MAX })
}

/// One architect's gap in one competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillGap<'a> {
    pub architect: &'a str,
    pub competency: &'a str,
    pub current: u8,
    pub target: u8,
    pub gap: i8,
}

/// The `n` largest gaps among `entries` of (architect name, competency name, current level,
/// target level), largest first; ties are ordered by architect then competency name,
/// case-insensitively, so the list reads the same on every run. Entries at or above their
/// target are not gaps and are left out, so fewer than `n` may come back.
pub fn biggest_gaps<S: AsRef<str>>(entries: &[(S, S, u8, u8)], n: usize) -> Vec<SkillGap<'_>> {
    let mut gaps: Vec<SkillGap<'_>> = entries
        .iter()
        .map(|(architect, competency, current, target)| SkillGap {
            architect: architect.as_ref(),
            competency: competency.as_ref(),
            current: *current,
            target: *target,
            gap: gap(*current, *target),
        })
        .filter(|entry| entry.gap > 0)
        .collect();
    // Each name is lowered once, not at every comparison: a team's ratings are hundreds.
    gaps.sort_by_cached_key(|g| (std::cmp::Reverse(g.gap), name_key(g.architect), name_key(g.competency)));
    gaps.truncate(n);
    gaps
}

/// Case-insensitive, so "ana" and "Bo" sort as people expect; exact order breaks a tie so the
/// result never depends on input order.
fn name_key(name: &str) -> (String, &str) {
    (name.to_lowercase(), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_list_the_eight_competencies_once_each() {
        assert_eq!(DEFAULT_COMPETENCIES.len(), 8);
        let mut names = DEFAULT_COMPETENCIES.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 8);
        assert!(DEFAULT_COMPETENCIES.contains(&"Customer envisioning"));
    }

    #[test]
    fn levels_run_from_1_to_5() {
        assert_eq!(validate_level(1), Ok(1));
        assert_eq!(validate_level(5), Ok(5));
        assert_eq!(validate_level(0).unwrap_err().to_string(), "level: 0 is outside 1-5");
        assert_eq!(validate_level(6), Err(SkillError::LevelOutOfRange { value: 6 }));
        assert_eq!(validate_level(-3), Err(SkillError::LevelOutOfRange { value: -3 }));
        assert_eq!(validate_level(300), Err(SkillError::LevelOutOfRange { value: 300 }));
    }

    #[test]
    fn gap_is_target_minus_current() {
        assert_eq!(gap(2, 4), 2);
        assert_eq!(gap(3, 3), 0);
        assert_eq!(gap(5, 3), -2);
        assert_eq!(gap(0, 255), i8::MAX);
        assert_eq!(gap(255, 0), i8::MIN);
    }

    #[test]
    fn biggest_gaps_come_first_then_by_name() {
        let entries = [
            ("Bo", "Business acumen", 2, 4),
            ("ana", "Presentations & demos", 1, 4),
            ("Ana", "Architecture design", 3, 5),
            ("Bo", "Architecture design", 1, 3),
            ("Cy", "Customer envisioning", 4, 4),
            ("Cy", "Business acumen", 5, 3),
        ];
        let top = biggest_gaps(&entries, 10);
        let order: Vec<_> = top.iter().map(|g| (g.architect, g.competency, g.gap)).collect();
        assert_eq!(
            order,
            [
                ("ana", "Presentations & demos", 3),
                ("Ana", "Architecture design", 2),
                ("Bo", "Architecture design", 2),
                ("Bo", "Business acumen", 2),
            ],
            "met and exceeded targets are not gaps"
        );
        assert_eq!(biggest_gaps(&entries, 2).len(), 2);
        assert!(biggest_gaps(&entries, 0).is_empty());
    }

    #[test]
    fn biggest_gaps_accept_owned_names() {
        let entries = vec![(String::from("Ana"), String::from("Business acumen"), 1, 5)];
        let top = biggest_gaps(&entries, 3);
        assert_eq!(top[0].architect, "Ana");
        assert_eq!((top[0].current, top[0].target, top[0].gap), (1, 5, 4));
    }

    #[test]
    fn current_and_target_are_checked_by_name() {
        assert_eq!(validate_levels(2, 4), Ok((2, 4)));
        assert_eq!(validate_levels(5, 3), Ok((5, 3)), "a target below current is allowed (re-scoped)");
        assert_eq!(validate_levels(0, 4).unwrap_err().to_string(), "current level: 0 is outside 1-5");
        assert_eq!(validate_levels(3, 6).unwrap_err().to_string(), "target level: 6 is outside 1-5");
    }

    #[test]
    fn levels_have_names() {
        assert_eq!(level_label(1), "Foundational");
        assert_eq!(level_label(5), "Expert");
        assert_eq!(level_label(0), "");
        assert_eq!(level_label(6), "");
    }
}
