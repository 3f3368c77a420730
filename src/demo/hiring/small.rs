//! The small demo team's hiring: three requisitions with their panels, candidates and
//! interviews, the hire's first weeks, and Grace Mensah's departure.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use super::{EVIDENCE, ago, ahead, at};
use crate::model::candidate::{CandidateFields, Source, Stage};
use crate::model::goal::GoalStatus;
use crate::model::interview::{PolicyAnswer, Rating, Recommendation, Scorecard, SlateReport, StepFields};
use crate::model::onboarding::Hire;
use crate::model::onboarding::{DepartureFields, ItemFields, LeavingReason};
use crate::model::requisition::{RequisitionFields, RequisitionStatus};
use crate::model::{ArchitectFields, ArchitectId, CandidateId, InterviewStepId, ListKind, RequisitionId};
use crate::store::{
    StoreError, agenda, architects, candidates, departures, goals, interviews, lists, onboarding,
    one_on_ones, requisitions, skills,
};

/// The demo team's architects by name.
struct Team(Vec<crate::model::Architect>);

impl Team {
    fn id(&self, name: &str) -> Option<ArchitectId> {
        self.0.iter().find(|a| a.fields.name == name).map(|a| a.id)
    }
}

/// The panel of a requisition: (step, interviewer or "" for me, competencies by index into the
/// skills matrix).
type PanelSpec = &'static [(&'static str, &'static str, &'static [usize])];

/// Four steps assessing every competency once.
const SECURITY_PANEL: PanelSpec = &[
    ("Hiring manager conversation", "", &[2, 6]),
    ("Architecture design session", "Amara Okafor", &[0, 1]),
    ("Customer envisioning role play", "Kenji Watanabe", &[5, 3]),
    ("Stakeholder panel", "Priya Raman", &[4, 7]),
];

/// Three steps: technical depth twice, three competencies by nobody.
const INFRA_PANEL: PanelSpec = &[
    ("Hiring manager conversation", "", &[2, 6]),
    ("Architecture design session", "Lukas Schneider", &[0, 1]),
    ("Hands-on lab", "Mateo García", &[1, 3]),
];

const APPS_PANEL: PanelSpec = &[
    ("Hiring manager conversation", "", &[2, 6, 7]),
    ("Architecture design session", "Amara Okafor", &[0, 1, 4]),
    ("Customer envisioning role play", "Kenji Watanabe", &[5, 3]),
];

fn plan(
    conn: &Connection,
    requisition: RequisitionId,
    panel: PanelSpec,
) -> Result<Vec<InterviewStepId>, StoreError> {
    let competencies = skills::competencies(conn)?;
    let mut steps = Vec::new();
    for (name, interviewer, assessed) in panel {
        let fields = StepFields {
            name: (*name).into(),
            interviewer: (*interviewer).into(),
            by_me: interviewer.is_empty(),
        };
        let step = interviews::add_step(conn, requisition, &fields)?;
        for index in *assessed {
            if let Some(competency) = competencies.get(*index) {
                interviews::set_competency(conn, step, competency.id, true)?;
            }
        }
        steps.push(step);
    }
    Ok(steps)
}

/// Interviews a candidate in the given steps, each a day apart from `first`, scored within a
/// few hours (or left owed when `owed` is that step's index).
fn interview(
    conn: &Connection,
    candidate: CandidateId,
    steps: &[InterviewStepId],
    first: NaiveDate,
    ratings: &[u8],
    recommendation: Recommendation,
    owed: Option<usize>,
) -> Result<(), StoreError> {
    for (index, step) in steps.iter().enumerate() {
        let held_at = at(first.checked_add_days(Days::new(index as u64)).unwrap_or(first), 10);
        let id = interviews::schedule(conn, candidate, *step, held_at)?;
        if owed == Some(index) {
            continue;
        }
        let assessed = interviews::step(conn, *step)?.competencies;
        let scorecard = Scorecard {
            ratings: assessed
                .iter()
                .enumerate()
                .map(|(i, competency)| {
                    let rating = ratings[(index + i) % ratings.len()];
                    Rating {
                        competency: *competency,
                        rating,
                        evidence: EVIDENCE[usize::from(rating - 1)].into(),
                    }
                })
                .collect(),
            recommendation,
            submitted_at: at(held_at.date(), 16),
        };
        interviews::submit(conn, id, &scorecard, at(held_at.date(), 23))?;
    }
    Ok(())
}

/// Adds a candidate sourced `days` days ago and moves them through `stages` (days ago each).
#[allow(clippy::too_many_arguments, reason = "one demo candidate per call, read like a table row")]
fn candidate(
    conn: &Connection,
    today: NaiveDate,
    requisition: RequisitionId,
    name: &str,
    source: Source,
    notes: &str,
    sourced: u64,
    stages: &[(Stage, u64)],
) -> Result<CandidateId, StoreError> {
    let fields = CandidateFields { name: name.into(), source, notes: notes.into(), purge_on: None };
    let id = candidates::insert(conn, requisition, &fields, ago(today, sourced), today)?;
    for (stage, days) in stages {
        candidates::move_to(conn, id, *stage, ago(today, *days), today)?;
    }
    Ok(id)
}

pub(super) fn generate(conn: &Connection, today: NaiveDate) -> Result<(), StoreError> {
    let team = Team(architects::list(conn)?);
    let levels = lists::list(conn, ListKind::CareerLevel)?;
    let areas = lists::list(conn, ListKind::SolutionArea)?;
    let level = |i: usize| levels.get(i).map(|l| l.id);
    let area = |i: usize| areas.get(i).map(|a| a.id);

    // Grace Mensah left for a more senior role elsewhere in the organisation.
    if let Some(grace) = team.id("Grace Mensah") {
        let departure = DepartureFields {
            left_on: ago(today, 150),
            reason: LeavingReason::SeniorRoleElsewhere,
            new_role: "Principal Solution Architect, Global Black Belt team".into(),
            note: "Moved to the global app-innovation black belts; still our go-to for AKS escalations."
                .into(),
        };
        departures::mark_left(conn, grace, &departure, today)?;
    }

    // Her backfill, filled this quarter: Tomás Herrera, on the team for 40 days.
    let opened = ago(today, 130);
    let apps = requisitions::insert(
        conn,
        &RequisitionFields {
            role: "Cloud Solution Architect, Digital & App Innovation".into(),
            opening_id: "REQ-2026-0117".into(),
            level: level(1),
            solution_area: area(2),
            opened_on: opened,
            target_start_on: Some(ago(today, 45)),
            backfill_for: team.id("Grace Mensah"),
            profile: None,
        },
        opened,
    )?;
    let apps_steps = plan(conn, apps, APPS_PANEL)?;
    requisitions::set_slate(
        conn,
        apps,
        &SlateReport {
            stage: Stage::InterviewLoop,
            reported_on: ago(today, 95),
            slate_size: 4,
            slate: PolicyAnswer::Yes,
            panel: PolicyAnswer::Yes,
        },
        today,
    )?;
    let tomas = candidate(
        conn,
        today,
        apps,
        "Tomás Herrera",
        Source::Referral,
        "Referred by Mateo. Led a .NET-to-containers migration at a logistics firm.",
        120,
        &[(Stage::Screen, 110), (Stage::InterviewLoop, 95), (Stage::Debrief, 88), (Stage::Offer, 80)],
    )?;
    interview(conn, tomas, &apps_steps, ago(today, 94), &[4, 3, 3], Recommendation::StrongYes, None)?;
    let nadia = candidate(
        conn,
        today,
        apps,
        "Nadia Petrenko",
        Source::Recruiter,
        "Strong on Kubernetes; wants a hybrid role.",
        118,
        &[(Stage::Screen, 108), (Stage::InterviewLoop, 94)],
    )?;
    interview(conn, nadia, &apps_steps, ago(today, 93), &[3, 3, 4], Recommendation::Yes, None)?;
    for (stage, days) in [(Stage::Debrief, 88), (Stage::Offer, 85), (Stage::Declined, 81)] {
        candidates::move_to(conn, nadia, stage, ago(today, days), today)?;
    }
    let owen = candidate(
        conn,
        today,
        apps,
        "Owen Gallagher",
        Source::Inbound,
        "",
        117,
        &[(Stage::Screen, 107), (Stage::InterviewLoop, 94)],
    )?;
    interview(conn, owen, &apps_steps, ago(today, 92), &[2, 3, 2], Recommendation::No, None)?;
    for (stage, days) in [(Stage::Debrief, 88), (Stage::Rejected, 87)] {
        candidates::move_to(conn, owen, stage, ago(today, days), today)?;
    }
    candidate(
        conn,
        today,
        apps,
        "Lena Vogel",
        Source::Recruiter,
        "",
        116,
        &[(Stage::Screen, 106), (Stage::Withdrawn, 100)],
    )?;
    let start = ago(today, 40);
    let hire = Hire {
        candidate: tomas,
        hired_on: ago(today, 50),
        architect: ArchitectFields {
            name: "Tomás Herrera".into(),
            title: "Cloud Solution Architect".into(),
            email: "tomas.herrera@contoso.com".into(),
            level: level(1),
            solution_area: area(2),
            started_on: Some(start),
            accounts: "Trey Research\nVanArsdel".into(),
            target_level: level(2),
            ..ArchitectFields::default()
        },
        buddy: team.id("Mateo García"),
        items: onboarding::template(conn)?.into_iter().map(|item| item.fields).collect::<Vec<ItemFields>>(),
    };
    let hired = onboarding::hire(conn, &hire, ago(today, 50))?;
    onboard(conn, today, hired.architect, hired.first_one_on_one, start)?;

    // Two open requisitions.
    let opened = ago(today, 54);
    let security = requisitions::insert(
        conn,
        &RequisitionFields {
            role: "Senior Cloud Solution Architect, Security".into(),
            opening_id: "REQ-2026-0142".into(),
            level: level(2),
            solution_area: area(3),
            opened_on: opened,
            target_start_on: Some(ahead(today, 60)),
            backfill_for: None,
            profile: None,
        },
        opened,
    )?;
    let steps = plan(conn, security, SECURITY_PANEL)?;
    for (stage, reported, size, panel) in
        [(Stage::Screen, 40, 7, PolicyAnswer::NotReported), (Stage::InterviewLoop, 20, 4, PolicyAnswer::Yes)]
    {
        let report = SlateReport {
            stage,
            reported_on: ago(today, reported),
            slate_size: size,
            slate: PolicyAnswer::Yes,
            panel,
        };
        requisitions::set_slate(conn, security, &report, today)?;
    }
    let offer = candidate(
        conn,
        today,
        security,
        "Ingrid Solberg",
        Source::Referral,
        "Referred by Priya. Ran the zero-trust programme at a Nordic bank; SC-100 certified.\nAsked about flexible Fridays.",
        48,
        &[(Stage::Screen, 42), (Stage::InterviewLoop, 30), (Stage::Debrief, 22), (Stage::Offer, 6)],
    )?;
    interview(conn, offer, &steps, ago(today, 29), &[4, 3, 4], Recommendation::StrongYes, None)?;
    let debrief = candidate(
        conn,
        today,
        security,
        "Rahul Deshmukh",
        Source::Recruiter,
        "Sentinel and Defender deployments at scale; lighter on executive conversations.",
        45,
        &[(Stage::Screen, 38), (Stage::InterviewLoop, 19), (Stage::Debrief, 4)],
    )?;
    interview(conn, debrief, &steps, ago(today, 18), &[3, 2, 3], Recommendation::Yes, None)?;
    let in_loop = candidate(
        conn,
        today,
        security,
        "Amelia Clarke",
        Source::InternalMove,
        "Internal move from the partner team.",
        30,
        &[(Stage::Screen, 24), (Stage::InterviewLoop, 8)],
    )?;
    // The manager's conversation was three days ago and its scorecard is still owed; the
    // design session is scored; the envisioning role play is planned for next week.
    let loop_steps = [steps[0], steps[1]];
    interview(conn, in_loop, &loop_steps, ago(today, 3), &[3, 4], Recommendation::Yes, Some(0))?;
    interviews::schedule(conn, in_loop, steps[2], at(ahead(today, 3), 14))?;
    candidate(conn, today, security, "Kwame Boateng", Source::Inbound, "", 20, &[(Stage::Screen, 12)])?;
    candidate(conn, today, security, "Sara Lindgren", Source::Recruiter, "", 9, &[])?;
    candidate(conn, today, security, "Diego Alvarez", Source::Referral, "Referred by Lukas.", 5, &[])?;
    candidate(
        conn,
        today,
        security,
        "Mei Chen",
        Source::Recruiter,
        "",
        33,
        &[(Stage::Screen, 27), (Stage::Rejected, 25)],
    )?;

    let opened = ago(today, 20);
    let infra = requisitions::insert(
        conn,
        &RequisitionFields {
            role: "Cloud Solution Architect, Azure Infrastructure".into(),
            opening_id: "REQ-2026-0151".into(),
            level: level(1),
            solution_area: area(0),
            opened_on: opened,
            target_start_on: Some(ahead(today, 75)),
            backfill_for: None,
            profile: None,
        },
        opened,
    )?;
    plan(conn, infra, INFRA_PANEL)?;
    let report = SlateReport {
        stage: Stage::Sourced,
        reported_on: ago(today, 10),
        slate_size: 5,
        slate: PolicyAnswer::NotReported,
        panel: PolicyAnswer::NotReported,
    };
    requisitions::set_slate(conn, infra, &report, today)?;
    candidate(conn, today, infra, "Hamza Yilmaz", Source::Recruiter, "", 15, &[(Stage::Screen, 7)])?;
    candidate(conn, today, infra, "Julia Novak", Source::Inbound, "", 12, &[])?;
    candidate(
        conn,
        today,
        infra,
        "Arjun Mehta",
        Source::Referral,
        "Referred by Daniel before his leave.",
        11,
        &[],
    )?;

    // Cancelled more than a year ago: its candidates are due for deletion.
    let opened = ago(today, 560);
    let old = requisitions::insert(
        conn,
        &RequisitionFields {
            role: "Solution Architect, Modern Work".into(),
            opening_id: "REQ-2025-0088".into(),
            level: level(1),
            solution_area: area(4),
            opened_on: opened,
            target_start_on: None,
            backfill_for: None,
            profile: None,
        },
        opened,
    )?;
    candidate(
        conn,
        ago(today, 500),
        old,
        "Pieter de Vries",
        Source::Recruiter,
        "Teams Phone specialist.",
        40,
        &[(Stage::Screen, 30)],
    )?;
    candidate(conn, ago(today, 500), old, "Yuki Sato", Source::Inbound, "", 35, &[])?;
    requisitions::set_status(
        conn,
        old,
        RequisitionStatus::Cancelled,
        ago(today, 480),
        "Headcount moved to the Modern Work partner team",
        today,
    )?;
    for id in candidates::list_of(conn, old)?.iter().map(|c| c.id) {
        candidates::move_to(conn, id, Stage::Withdrawn, ago(today, 480), today)?;
    }
    Ok(())
}

/// The new hire's first weeks: a weekly one-on-one from the first day, the welcome points
/// discussed, the 30-day goals done and the 60-day one under way.
fn onboard(
    conn: &Connection,
    today: NaiveDate,
    architect: ArchitectId,
    first: crate::model::OneOnOneId,
    start: NaiveDate,
) -> Result<(), StoreError> {
    let agenda = agenda::agenda_of(conn, &one_on_ones::get(conn, first)?)?;
    for (point, _) in &agenda.points {
        agenda::set_discussed(conn, point.id, Some(first))?;
    }
    let notes = [
        "## First day\n- Laptop, accounts and the team channel sorted\n- Met Mateo (buddy)",
        "## Week 2\n- Shadowed Mateo at Trey Research\n- AZ-900 booked",
        "## Week 3\n- Passed AZ-900\n- Second shadowing: VanArsdel architecture review",
        "## Week 4\n- Third shadowing done\n- Preparing a discovery session for VanArsdel",
        "## Week 5\n- Discovery session drafted; dry run with Mateo on Thursday",
    ];
    for (week, note) in notes.iter().enumerate() {
        let held_on = start.checked_add_days(Days::new(7 * week as u64)).unwrap_or(start);
        let meeting =
            if week == 0 { first } else { one_on_ones::start(conn, architect, held_on, &[], today)? };
        let fields = crate::model::one_on_one::MeetingFields {
            held_on,
            mood: Some(if week == 2 { 5 } else { 4 }),
            notes: (*note).into(),
        };
        one_on_ones::update(conn, meeting, &fields, today)?;
    }
    for goal in goals::list_of(conn, architect)? {
        let day = goal.fields.target_on.map_or(0, |target| (target - start).num_days());
        let progress: &[(u64, i64)] = match day {
            30 => &[(25, 50), (19, 100)],
            60 => &[(12, 20), (5, 40)],
            _ => &[],
        };
        for (days_ago, pct) in progress {
            goals::record_progress(conn, goal.id, *pct, ago(today, *days_ago), today)?;
        }
        debug_assert!(day != 30 || goals::get(conn, goal.id)?.fields.status == GoalStatus::Done);
    }
    Ok(())
}
