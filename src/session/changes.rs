//! What a write touched, so that only those parts of the view are read again: a time entry
//! refreshes the Time figures, a tick one architect's agenda and prep card, a goal's progress
//! one person's plan. An import, a restore or the demo rebuild everything.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::model::ArchitectId;

/// Some architects, or all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum People {
    #[default]
    Nobody,
    Some(BTreeSet<ArchitectId>),
    Everyone,
}

impl People {
    pub fn one(id: ArchitectId) -> Self {
        Self::Some(BTreeSet::from([id]))
    }

    pub fn is_nobody(&self) -> bool {
        matches!(self, Self::Nobody)
    }

    pub fn contains(&self, id: ArchitectId) -> bool {
        match self {
            Self::Nobody => false,
            Self::Some(ids) => ids.contains(&id),
            Self::Everyone => true,
        }
    }

    pub fn add(&mut self, other: &Self) {
        match (&mut *self, other) {
            (Self::Everyone, _) | (_, Self::Nobody) => {}
            (_, Self::Everyone) => *self = Self::Everyone,
            (Self::Nobody, Self::Some(ids)) => *self = Self::Some(ids.clone()),
            (Self::Some(mine), Self::Some(ids)) => mine.extend(ids.iter().copied()),
        }
    }
}

/// The parts of the view a write may have changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools, reason = "one flag per part of the view, set independently")]
pub struct Changes {
    /// Anything at all (the demo, an import of a whole export, a restore): read everything.
    pub everything: bool,
    /// Architects' profiles, status, the ladder or the solution areas: names and lists appear
    /// on every screen.
    pub roster: bool,
    /// Time entries on these days.
    pub time_days: BTreeSet<NaiveDate>,
    /// Fiscal year start, targets: every time figure.
    pub time_settings: bool,
    /// Goals, skills or certifications of these architects.
    pub development: People,
    /// The catalogue, the competencies or the stalled-days setting: every plan's flags.
    pub development_settings: bool,
    /// One-on-ones and their agendas, of these architects.
    pub meetings: People,
    /// A one-on-one became held, moved or was deleted: the cadence figures of the scorecards.
    /// (The coaching time a held meeting logs is in `time_days`.)
    pub cadence: bool,
    /// Words that search finds (notes, talking points, action items, goals).
    pub search: bool,
    pub templates: bool,
    /// Rules, my addresses, the company's domains, the last import folder.
    pub calendar_settings: bool,
    /// The first-run choice.
    pub onboarding: bool,
    /// Accounts, opportunities, milestones, consumption, initiatives, the network, targets.
    pub business: bool,
    /// A backup was taken or the file replaced: the list of backups.
    pub backups: bool,
    /// Requisitions, candidates, interviews, departures or the onboarding template.
    pub hiring: bool,
    /// A quarterly review's words, state or competencies.
    pub review: bool,
}

impl Changes {
    pub fn everything() -> Self {
        Self { everything: true, ..Self::default() }
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Both changes together.
    pub fn add(&mut self, other: &Self) {
        self.everything |= other.everything;
        self.roster |= other.roster;
        self.time_days.extend(other.time_days.iter().copied());
        self.time_settings |= other.time_settings;
        self.development.add(&other.development);
        self.development_settings |= other.development_settings;
        self.meetings.add(&other.meetings);
        self.cadence |= other.cadence;
        self.search |= other.search;
        self.templates |= other.templates;
        self.calendar_settings |= other.calendar_settings;
        self.onboarding |= other.onboarding;
        self.business |= other.business;
        self.backups |= other.backups;
        self.hiring |= other.hiring;
        self.review |= other.review;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_grow_to_everyone_and_never_shrink() {
        let mut people = People::one(ArchitectId(1));
        people.add(&People::one(ArchitectId(2)));
        assert!(people.contains(ArchitectId(1)) && people.contains(ArchitectId(2)));
        assert!(!people.contains(ArchitectId(3)));
        people.add(&People::Everyone);
        assert!(people.contains(ArchitectId(3)));
        people.add(&People::Nobody);
        assert_eq!(people, People::Everyone);
    }

    #[test]
    fn adding_changes_keeps_every_part_of_both() {
        let mut changes = Changes { templates: true, ..Changes::default() };
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        changes.add(&Changes {
            time_days: BTreeSet::from([day]),
            meetings: People::one(ArchitectId(4)),
            ..Changes::default()
        });
        assert!(changes.templates);
        assert!(changes.time_days.contains(&day));
        assert!(changes.meetings.contains(ArchitectId(4)));
        assert!(!changes.is_empty());
        assert!(Changes::default().is_empty());
    }
}
