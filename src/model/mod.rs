//! Pure domain types and rules: no SQL, no egui.

pub mod architect;
pub mod business;
pub mod duration;
pub mod fiscal;
pub mod fuzzy;
pub mod ids;
pub mod lists;
pub mod notes;
pub mod one_on_one;
pub mod prep;
pub mod review;
pub mod search;
pub mod split;
pub mod text;
pub mod time_entry;
pub mod time_summary;
pub mod words;

pub use architect::{Architect, ArchitectFields, Cadence, Readiness, Status};
pub use ids::{
    AccomplishmentId, AccountId, ActionItemId, ArchitectId, CertId, CertRecordId, CompetencyId, ContactId,
    EventId, GoalId, InitiativeId, InteractionId, ListItemId, MetricId, MilestoneId, OneOnOneId,
    OpportunityId, PriorityId, ReviewCompetencyId, ReviewId, TalkingPointId, TemplateId, TimeEntryId,
};
pub use ids::{CandidateId, HiringProfileId, InterviewId, InterviewStepId, RequisitionId, TemplateItemId};
pub use lists::{DeletedListItem, ListItem, ListKind};
pub use text::ValidationError;
pub mod certification;
pub mod goal;
pub mod skills;
// Hiring (issue 13).
pub mod candidate;
pub mod hiring;
pub mod hiring_profile;
pub mod interview;
pub mod onboarding;
pub mod requisition;
