//! The development part of the view model: each architect's plan, skills and certifications with
//! their flags and states worked out, and the team-wide views (heat-map, biggest gaps,
//! certification coverage and expiries, readiness, goals needing attention). Built after each
//! write from a handful of whole-table reads; the screens and the command line only read it.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use crate::model::architect::Choice as _;
use crate::model::certification::{self, CatalogueCert, CertKind, CertRecord, CertState};
use crate::model::goal::{self, Goal, GoalFlags, ProgressPoint};
use crate::model::lists::name_of;
use crate::model::skills::{self, Competency, SkillLevel};
use crate::model::{
    Architect, ArchitectId, CertId, CertRecordId, CompetencyId, GoalId, ListItem, Readiness, Status,
};
use crate::store::skills::SkillChange;
use crate::store::{StoreError, certifications, goals, skills as skill_store};

/// How far ahead the team view lists expiries.
pub const EXPIRY_HORIZON_DAYS: u64 = 90;
/// How many of the biggest skill gaps the team view lists.
pub const BIGGEST_GAPS_SHOWN: usize = 12;

#[derive(Debug, Clone, Default)]
pub struct DevelopmentView {
    pub stalled_days: u32,
    pub competencies: Vec<Competency>,
    /// Architects rated in each competency, for "used by N architects' skill levels".
    pub competency_users: HashMap<CompetencyId, usize>,
    pub catalogue: Vec<CatalogueCert>,
    /// Architects holding each catalogue entry.
    pub cert_holders: HashMap<CertId, usize>,
    /// Everyone, including those who left (their page still shows their history).
    pub people: HashMap<ArchitectId, PersonDevelopment>,
    /// The current team (active and on leave), by name: the rows of the team views.
    pub current: Vec<ArchitectId>,
    pub heatmap: Vec<HeatmapRow>,
    pub biggest_gaps: Vec<GapRow>,
    pub coverage: Vec<AreaCoverage>,
    /// The current team's certifications expiring in the next [`EXPIRY_HORIZON_DAYS`] days.
    pub expiring: Vec<ExpiryRow>,
    pub readiness: Vec<ReadinessRow>,
    /// The current team's goals that are overdue, stalled or due soon.
    pub attention: Vec<AttentionRow>,
}

/// One architect's development.
#[derive(Debug, Clone, Default)]
pub struct PersonDevelopment {
    /// Open goals first, then by target date.
    pub goals: Vec<GoalRow>,
    /// One row per competency, in the list's order, rated or not.
    pub skills: Vec<SkillRow>,
    /// By exam code.
    pub certs: Vec<CertRow>,
    /// Every dated change of a rating, newest first.
    pub skill_history: Vec<SkillChange>,
}

#[derive(Debug, Clone)]
pub struct GoalRow {
    pub goal: Goal,
    pub history: Vec<ProgressPoint>,
    pub last_moved_on: NaiveDate,
    pub days_since_moved: i64,
    /// Days from today to the target date: negative when overdue.
    pub days_to_target: Option<i64>,
    pub flags: GoalFlags,
}

#[derive(Debug, Clone)]
pub struct SkillRow {
    pub competency: CompetencyId,
    pub name: String,
    pub level: Option<SkillLevel>,
}

impl SkillRow {
    /// Levels still to go: positive is a gap, zero or less means the target is met.
    pub fn gap(&self) -> Option<i8> {
        self.level.map(|l| skills::gap(l.current, l.target))
    }
}

#[derive(Debug, Clone)]
pub struct CertRow {
    pub record: CertRecord,
    pub code: String,
    pub name: String,
    pub kind: CertKind,
    pub expires_on: Option<NaiveDate>,
    /// The state today, or why the stored dates break the lifecycle (a hand-edited file).
    pub state: Result<CertState, String>,
    pub window_opens_on: Option<NaiveDate>,
}

impl CertRow {
    /// Valid today (including in its renewal window or expiring soon, and fundamentals).
    pub fn is_current(&self) -> bool {
        matches!(self.state, Ok(state) if !matches!(state, CertState::Expired { .. }))
    }
}

#[derive(Debug, Clone)]
pub struct HeatmapRow {
    pub architect: ArchitectId,
    pub name: String,
    /// (current, target) per competency in the list's order; `None` when not rated.
    pub cells: Vec<Option<(u8, u8)>>,
    /// Sum of the positive gaps, for sorting by "most to develop".
    pub total_gap: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapRow {
    pub architect: ArchitectId,
    pub name: String,
    pub competency: String,
    pub current: u8,
    pub target: u8,
    pub gap: i8,
}

#[derive(Debug, Clone, Default)]
pub struct AreaCoverage {
    pub area: String,
    pub architects: usize,
    /// With at least one current role-based or specialty certification.
    pub certified: usize,
    /// Whose only current certifications are fundamentals.
    pub fundamentals_only: usize,
    pub uncertified: usize,
    /// Current certifications held in the area: (code, holders), most held first.
    pub held: Vec<(String, usize)>,
    /// Certifications in the area expiring in the next [`EXPIRY_HORIZON_DAYS`] days.
    pub expiring: usize,
}

#[derive(Debug, Clone)]
pub struct ExpiryRow {
    pub architect: ArchitectId,
    pub name: String,
    pub record: CertRecordId,
    pub code: String,
    pub cert_name: String,
    pub expires_on: NaiveDate,
    pub days_left: i64,
    pub state: CertState,
}

#[derive(Debug, Clone)]
pub struct ReadinessRow {
    pub architect: ArchitectId,
    pub name: String,
    pub level: String,
    pub target_role: String,
    pub readiness: Readiness,
    pub assessed_on: Option<NaiveDate>,
    pub evidence: String,
}

#[derive(Debug, Clone)]
pub struct AttentionRow {
    pub architect: ArchitectId,
    pub name: String,
    pub goal: GoalId,
    pub description: String,
    pub progress_pct: u8,
    pub target_on: Option<NaiveDate>,
    pub days_to_target: Option<i64>,
    pub days_since_moved: i64,
    pub flags: GoalFlags,
}

impl DevelopmentView {
    pub fn load(
        conn: &rusqlite::Connection,
        today: NaiveDate,
        architects: &[Architect],
        levels: &[ListItem],
        areas: &[ListItem],
    ) -> Result<Self, StoreError> {
        let stalled_days = goals::stalled_days(conn)?;
        let competencies = skill_store::competencies(conn)?;
        let catalogue = certifications::catalogue(conn)?;
        let mut view = Self {
            stalled_days,
            competency_users: skill_store::competency_users(conn)?,
            cert_holders: certifications::holders(conn)?,
            people: architects.iter().map(|a| (a.id, PersonDevelopment::default())).collect(),
            ..Self::default()
        };

        let mut history = goals::history(conn)?;
        let windows = crate::store::onboarding::goal_windows(conn)?;
        for goal in goals::list(conn)? {
            let points = history.remove(&goal.id).unwrap_or_default();
            let opens_on = windows.get(&goal.id).copied();
            let row = goal_row(goal, points, opens_on, today, stalled_days);
            if let Some(person) = view.people.get_mut(&row.goal.architect) {
                person.goals.push(row);
            }
        }

        let mut ratings: HashMap<(ArchitectId, CompetencyId), SkillLevel> =
            skill_store::levels(conn)?.into_iter().map(|l| ((l.architect, l.competency), l)).collect();
        let mut skill_history = skill_store::history(conn)?;
        for (id, person) in &mut view.people {
            person.skill_history = skill_history.remove(id).unwrap_or_default();
            person.skill_history.reverse();
            person.skills = skill_rows(&competencies, |c| ratings.remove(&(*id, c)));
        }

        let entries: HashMap<CertId, &CatalogueCert> = catalogue.iter().map(|c| (c.id, c)).collect();
        for record in certifications::records(conn)? {
            let Some(entry) = entries.get(&record.cert) else { continue };
            let row = cert_row(record, entry, today);
            if let Some(person) = view.people.get_mut(&row.record.architect) {
                person.certs.push(row);
            }
        }
        for person in view.people.values_mut() {
            person.certs.sort_by(|a, b| a.code.cmp(&b.code));
        }
        view.competencies = competencies;
        view.catalogue = catalogue;
        view.rebuild_team_views(today, architects, levels, areas);
        Ok(view)
    }

    /// Reads again the plans, skills and certifications of `ids` only (after a write that
    /// touched them), then the team views from what is in memory: a goal's progress does not
    /// re-read a hundred plans.
    pub fn reload_people(
        &mut self,
        conn: &rusqlite::Connection,
        today: NaiveDate,
        ids: impl IntoIterator<Item = ArchitectId>,
        team: (&[Architect], &[ListItem], &[ListItem]),
    ) -> Result<(), StoreError> {
        for id in ids {
            let person = self.load_person(conn, id, today)?;
            self.people.insert(id, person);
        }
        self.competency_users = skill_store::competency_users(conn)?;
        self.cert_holders = certifications::holders(conn)?;
        let (architects, levels, areas) = team;
        self.rebuild_team_views(today, architects, levels, areas);
        Ok(())
    }

    fn load_person(
        &self,
        conn: &rusqlite::Connection,
        id: ArchitectId,
        today: NaiveDate,
    ) -> Result<PersonDevelopment, StoreError> {
        let mut history = goals::history_of(conn, id)?;
        let windows = crate::store::onboarding::goal_windows_of(conn, id)?;
        let goals = goals::list_of(conn, id)?
            .into_iter()
            .map(|goal| {
                let points = history.remove(&goal.id).unwrap_or_default();
                let opens_on = windows.get(&goal.id).copied();
                goal_row(goal, points, opens_on, today, self.stalled_days)
            })
            .collect();
        let mut ratings: HashMap<CompetencyId, SkillLevel> =
            skill_store::levels_of(conn, id)?.into_iter().map(|l| (l.competency, l)).collect();
        let mut skill_history = skill_store::history_of(conn, id)?;
        skill_history.reverse();
        let entries: HashMap<CertId, &CatalogueCert> = self.catalogue.iter().map(|c| (c.id, c)).collect();
        let mut certs: Vec<CertRow> = certifications::records_of(conn, id)?
            .into_iter()
            .filter_map(|record| {
                let entry = entries.get(&record.cert)?;
                Some(cert_row(record, entry, today))
            })
            .collect();
        certs.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(PersonDevelopment {
            goals,
            skills: skill_rows(&self.competencies, |c| ratings.remove(&c)),
            certs,
            skill_history,
        })
    }

    /// The team-wide views, from the people in memory.
    pub fn rebuild_team_views(
        &mut self,
        today: NaiveDate,
        architects: &[Architect],
        levels: &[ListItem],
        areas: &[ListItem],
    ) {
        self.current = architects.iter().filter(|a| a.fields.status != Status::Left).map(|a| a.id).collect();
        let team: Vec<&Architect> = architects.iter().filter(|a| a.fields.status != Status::Left).collect();
        self.heatmap = self.heatmap_rows(&team);
        self.biggest_gaps = self.gap_rows(&team);
        self.expiring = self.expiring_within(&team, EXPIRY_HORIZON_DAYS, today);
        self.coverage = self.coverage_rows(&team, areas, today);
        self.readiness = readiness_rows(&team, levels);
        self.attention = self.attention_rows(&team);
    }

    pub fn person(&self, id: ArchitectId) -> Option<&PersonDevelopment> {
        self.people.get(&id)
    }

    fn heatmap_rows(&self, team: &[&Architect]) -> Vec<HeatmapRow> {
        team.iter()
            .map(|a| {
                let cells: Vec<Option<(u8, u8)>> = self
                    .people
                    .get(&a.id)
                    .map(|p| p.skills.iter().map(|s| s.level.map(|l| (l.current, l.target))).collect())
                    .unwrap_or_default();
                let total_gap = cells
                    .iter()
                    .flatten()
                    .map(|&(current, target)| i32::from(skills::gap(current, target).max(0)))
                    .sum();
                HeatmapRow { architect: a.id, name: a.fields.name.clone(), cells, total_gap }
            })
            .collect()
    }

    fn gap_rows(&self, team: &[&Architect]) -> Vec<GapRow> {
        // (name, competency, current, target) as the model ranks them, and the architect of each.
        let mut entries: Vec<(String, String, u8, u8)> = Vec::new();
        let mut owners: Vec<ArchitectId> = Vec::new();
        for architect in team {
            let Some(person) = self.people.get(&architect.id) else { continue };
            for skill in &person.skills {
                if let Some(level) = skill.level {
                    entries.push((
                        architect.fields.name.clone(),
                        skill.name.clone(),
                        level.current,
                        level.target,
                    ));
                    owners.push(architect.id);
                }
            }
        }
        skills::biggest_gaps(&entries, BIGGEST_GAPS_SHOWN)
            .into_iter()
            .filter_map(|gap| {
                // Two architects may share a name: find the entry the gap borrows from.
                let index = entries.iter().position(|e| {
                    std::ptr::eq(e.0.as_str(), gap.architect) && std::ptr::eq(e.1.as_str(), gap.competency)
                })?;
                Some(GapRow {
                    architect: owners[index],
                    name: gap.architect.to_owned(),
                    competency: gap.competency.to_owned(),
                    current: gap.current,
                    target: gap.target,
                    gap: gap.gap,
                })
            })
            .collect()
    }

    /// The team's certifications whose expiry falls from today to `days` ahead, soonest first.
    pub fn expiring_within(&self, team: &[&Architect], days: u64, today: NaiveDate) -> Vec<ExpiryRow> {
        let until = today.checked_add_days(Days::new(days)).unwrap_or(NaiveDate::MAX);
        let mut rows: Vec<ExpiryRow> = team
            .iter()
            .flat_map(|a| {
                let certs = self.people.get(&a.id).map_or(&[][..], |p| p.certs.as_slice());
                certs.iter().filter_map(move |cert| {
                    let expires_on = cert.expires_on.filter(|d| (today..=until).contains(d))?;
                    let state = cert.state.clone().ok()?;
                    Some(ExpiryRow {
                        architect: a.id,
                        name: a.fields.name.clone(),
                        record: cert.record.id,
                        code: cert.code.clone(),
                        cert_name: cert.name.clone(),
                        expires_on,
                        days_left: (expires_on - today).num_days(),
                        state,
                    })
                })
            })
            .collect();
        rows.sort_by(|a, b| a.expires_on.cmp(&b.expires_on).then_with(|| a.name.cmp(&b.name)));
        rows
    }

    fn coverage_rows(&self, team: &[&Architect], areas: &[ListItem], today: NaiveDate) -> Vec<AreaCoverage> {
        let until = today.checked_add_days(Days::new(EXPIRY_HORIZON_DAYS)).unwrap_or(NaiveDate::MAX);
        let mut groups: Vec<(String, Vec<&Architect>)> =
            areas.iter().map(|area| (area.name.clone(), Vec::new())).collect();
        let mut unassigned = Vec::new();
        for architect in team {
            match areas.iter().position(|area| Some(area.id) == architect.fields.solution_area) {
                Some(index) => groups[index].1.push(architect),
                None => unassigned.push(*architect),
            }
        }
        if !unassigned.is_empty() {
            groups.push(("No solution area".to_owned(), unassigned));
        }
        groups
            .into_iter()
            .filter(|(_, members)| !members.is_empty())
            .map(|(area, members)| {
                let mut coverage =
                    AreaCoverage { area, architects: members.len(), ..AreaCoverage::default() };
                let mut held: HashMap<&str, usize> = HashMap::new();
                for architect in members {
                    let certs = self.people.get(&architect.id).map_or(&[][..], |p| p.certs.as_slice());
                    let current: Vec<&CertRow> = certs.iter().filter(|c| c.is_current()).collect();
                    if current.iter().any(|c| c.kind.expires()) {
                        coverage.certified += 1;
                    } else if current.is_empty() {
                        coverage.uncertified += 1;
                    } else {
                        coverage.fundamentals_only += 1;
                    }
                    for cert in current {
                        *held.entry(cert.code.as_str()).or_default() += 1;
                        if cert.expires_on.is_some_and(|d| d <= until) {
                            coverage.expiring += 1;
                        }
                    }
                }
                let mut held: Vec<(String, usize)> =
                    held.into_iter().map(|(code, count)| (code.to_owned(), count)).collect();
                held.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                coverage.held = held;
                coverage
            })
            .collect()
    }

    fn attention_rows(&self, team: &[&Architect]) -> Vec<AttentionRow> {
        let mut rows: Vec<AttentionRow> = team
            .iter()
            .flat_map(|a| {
                let goals = self.people.get(&a.id).map_or(&[][..], |p| p.goals.as_slice());
                goals.iter().filter(|g| g.flags.any()).map(|g| AttentionRow {
                    architect: a.id,
                    name: a.fields.name.clone(),
                    goal: g.goal.id,
                    description: g.goal.fields.description.clone(),
                    progress_pct: g.goal.fields.progress_pct,
                    target_on: g.goal.fields.target_on,
                    days_to_target: g.days_to_target,
                    days_since_moved: g.days_since_moved,
                    flags: g.flags,
                })
            })
            .collect();
        rows.sort_by(|a, b| {
            let rank =
                |r: &AttentionRow| (!r.flags.overdue, !r.flags.stalled, r.days_to_target.unwrap_or(i64::MAX));
            rank(a).cmp(&rank(b)).then_with(|| a.name.cmp(&b.name))
        });
        rows
    }
}

/// One row per competency, in the list's order, with the rating `rating` finds (if any).
fn skill_rows(
    competencies: &[Competency],
    mut rating: impl FnMut(CompetencyId) -> Option<SkillLevel>,
) -> Vec<SkillRow> {
    competencies
        .iter()
        .map(|c| SkillRow { competency: c.id, name: c.name.clone(), level: rating(c.id) })
        .collect()
}

/// `opens_on`: for a goal of an onboarding plan, the day its window opens; it is not stalled
/// before (the day-90 goal is not worked on in the first weeks).
fn goal_row(
    goal: Goal,
    history: Vec<ProgressPoint>,
    opens_on: Option<NaiveDate>,
    today: NaiveDate,
    stalled_days: u32,
) -> GoalRow {
    let last_moved_on = goal::last_moved(goal.created_on, &history);
    let flags = GoalFlags::compute(
        goal.fields.status,
        goal::stalled_clock_start(goal.created_on, opens_on),
        goal.fields.target_on,
        &history,
        today,
        stalled_days,
    );
    GoalRow {
        days_since_moved: (today - last_moved_on).num_days(),
        days_to_target: goal.fields.target_on.map(|t| (t - today).num_days()),
        last_moved_on,
        flags,
        history,
        goal,
    }
}

fn cert_row(record: CertRecord, entry: &CatalogueCert, today: NaiveDate) -> CertRow {
    let expiry = certification::expiry(entry.kind, record.earned_on, &record.renewals);
    let expires_on = expiry.ok().flatten();
    CertRow {
        state: expiry.map(|e| CertState::on(e, today)).map_err(|e| e.to_string()),
        window_opens_on: expires_on.map(certification::renewal_window_opens),
        expires_on,
        code: entry.code.clone(),
        name: entry.name.clone(),
        kind: entry.kind,
        record,
    }
}

/// Ready now first, then 1-2 years, 3+ years, not assessed; within each, the longest-standing
/// assessment first ("since when").
fn readiness_rows(team: &[&Architect], levels: &[ListItem]) -> Vec<ReadinessRow> {
    let mut rows: Vec<ReadinessRow> = team
        .iter()
        .map(|a| ReadinessRow {
            architect: a.id,
            name: a.fields.name.clone(),
            level: name_of(levels, a.fields.level).to_owned(),
            target_role: name_of(levels, a.fields.target_level).to_owned(),
            readiness: a.fields.readiness,
            assessed_on: a.fields.readiness_assessed_on,
            evidence: a.fields.readiness_evidence.clone(),
        })
        .collect();
    let rank = |r: &Readiness| Readiness::ALL.iter().position(|x| x == r).unwrap_or(usize::MAX);
    rows.sort_by(|a, b| {
        rank(&a.readiness)
            .cmp(&rank(&b.readiness))
            .then_with(|| a.assessed_on.is_none().cmp(&b.assessed_on.is_none()))
            .then_with(|| a.assessed_on.cmp(&b.assessed_on))
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}
