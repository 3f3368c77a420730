//! A hiring profile: a named list of competencies of the skills matrix that an interview plan
//! assesses instead of the whole matrix (a junior role is not interviewed on everything the
//! team grows into). Picked from the matrix so that scorecards rate the same competencies the
//! team is developed on.

use serde::{Deserialize, Serialize};

use super::ids::{CompetencyId, HiringProfileId};
use super::text::{self, ValidationError};

/// Longest profile name: a few words, shown in a combo box.
pub const PROFILE_NAME_MAX_CHARS: usize = 60;

/// A stored hiring profile, its competencies in the skills matrix's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HiringProfile {
    pub id: HiringProfileId,
    pub name: String,
    pub competencies: Vec<CompetencyId>,
}

/// A profile's name as typed: trimmed, required, short.
pub fn validate_name(name: &str) -> Result<String, ValidationError> {
    text::required("profile name", name, PROFILE_NAME_MAX_CHARS)
}

/// The competencies an interview plan assesses: the profile's, or (no profile, or one deleted
/// meanwhile) the whole matrix, in the matrix's order either way.
pub fn plan_competencies(matrix: &[CompetencyId], profile: Option<&HiringProfile>) -> Vec<CompetencyId> {
    match profile {
        Some(profile) => matrix.iter().copied().filter(|c| profile.competencies.contains(c)).collect(),
        None => matrix.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_assesses_the_profile_in_the_matrix_order_or_the_whole_matrix() {
        let matrix = [CompetencyId(3), CompetencyId(1), CompetencyId(2)];
        let profile = HiringProfile {
            id: HiringProfileId(1),
            name: "Junior".into(),
            competencies: vec![CompetencyId(2), CompetencyId(3)],
        };
        assert_eq!(plan_competencies(&matrix, Some(&profile)), [CompetencyId(3), CompetencyId(2)]);
        assert_eq!(plan_competencies(&matrix, None), matrix);
    }

    #[test]
    fn a_profile_needs_a_short_name() {
        assert_eq!(validate_name("  Junior CSA "), Ok("Junior CSA".to_owned()));
        assert!(validate_name("  ").unwrap_err().to_string().contains("profile name"));
        assert!(validate_name(&"x".repeat(PROFILE_NAME_MAX_CHARS + 1)).is_err());
    }
}
