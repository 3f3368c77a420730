//! Newtype ids, so an architect id can never be passed where a list item id is meant.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($name:ident) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(ArchitectId);
id_type!(ListItemId);
id_type!(TimeEntryId);
id_type!(GoalId);
id_type!(CompetencyId);
id_type!(CertId);
// CertId is an entry of the catalogue; CertRecordId is one architect's record of holding one.
id_type!(CertRecordId);
id_type!(OneOnOneId);
id_type!(TalkingPointId);
id_type!(ActionItemId);
id_type!(TemplateId);
// The Business screen: accounts, opportunities and wins with their milestones, market
// initiatives and their events, the business network, the scorecard's targets.
id_type!(AccountId);
id_type!(OpportunityId);
id_type!(MilestoneId);
id_type!(InitiativeId);
id_type!(EventId);
id_type!(ContactId);
id_type!(InteractionId);
id_type!(MetricId);
// Hiring: a requisition, a candidate on it, a step of its interview plan, one interview of a
// candidate in a step, an entry of the onboarding template.
id_type!(RequisitionId);
id_type!(CandidateId);
id_type!(InterviewStepId);
id_type!(InterviewId);
id_type!(TemplateItemId);
// A hiring profile: a named list of competencies an interview plan can assess.
id_type!(HiringProfileId);
// The quarterly review: a quarter's review, its accomplishment bullets and priorities, and the
// competencies the manager rates themselves on.
id_type!(ReviewId);
id_type!(AccomplishmentId);
id_type!(PriorityId);
id_type!(ReviewCompetencyId);
