//! Demo hiring, every date relative to `today`. The small team: two open requisitions with
//! candidates across the stages, plans and scorecards (one scorecard still owed by the manager,
//! an interview coming up); one filled this quarter, its hire on the roster with an onboarding
//! plan half done; a cancelled one whose candidates are due for deletion; and Grace Mensah,
//! who left for a more senior role elsewhere. The large demo: ten years of requisitions for the
//! benchmark, written directly (the history is old; the checks are the store's own tests').

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{Connection, params};

use super::{DemoSize, FIRST_NAMES, LAST_NAMES, Rng};
use crate::model::architect::Choice as _;
use crate::model::candidate::{CandidateFields, Source, Stage};
use crate::model::goal::GoalStatus;
use crate::model::interview::{PolicyAnswer, Rating, Recommendation, Scorecard, SlateReport, StepFields};
use crate::model::onboarding::Hire;
use crate::model::onboarding::{DepartureFields, ItemFields, LeavingReason};
use crate::model::requisition::{RequisitionFields, RequisitionStatus};
use crate::model::{
    ArchitectFields, ArchitectId, CandidateId, CompetencyId, InterviewStepId, ListKind, RequisitionId,
};
use crate::store::{
    StoreError, agenda, architects, candidates, departures, goals, interviews, lists, onboarding,
    one_on_ones, requisitions, skills,
};

pub fn generate(conn: &Connection, size: DemoSize, today: NaiveDate) -> Result<(), StoreError> {
    // A database at a schema from before hiring (a test builds an earlier export this way)
    // gets the rest of the demo and no hiring.
    let has_hiring: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'requisitions'",
        [],
        |row| row.get(0),
    )?;
    if !has_hiring {
        return Ok(());
    }
    match size {
        DemoSize::Small => small(conn, today)?,
        DemoSize::Large => large(conn, today)?,
    }
    let has_profiles: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'hiring_profiles'",
        [],
        |row| row.get(0),
    )?;
    if has_profiles { profiles(conn) } else { Ok(()) }
}

/// A hiring profile for a first-level role, chosen by no requisition yet: what a junior
/// architect is interviewed on, without what the team grows into later.
fn profiles(conn: &Connection) -> Result<(), StoreError> {
    const LATER: [&str; 3] = ["Negotiation & influence", "Customer envisioning", "Cross-group collaboration"];
    let junior = crate::store::hiring_profiles::insert(conn, "Junior architect")?;
    for competency in crate::store::skills::competencies(conn)? {
        if LATER.contains(&competency.name.as_str()) {
            crate::store::hiring_profiles::set_competency(conn, junior, competency.id, false)?;
        }
    }
    Ok(())
}

fn ago(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn ahead(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_add_days(Days::new(days)).unwrap_or(today)
}

fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN))
}

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

/// Evidence a panel might write, by rating.
const EVIDENCE: [&str; 4] = [
    "Could not explain the trade-offs of their own design when asked twice.",
    "Solid on the basics; needed prompting to connect it to the customer's outcome.",
    "Walked through a real migration with clear trade-offs and the customer's numbers.",
    "Reframed the problem around the customer's business case and won the room.",
];

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

fn small(conn: &Connection, today: NaiveDate) -> Result<(), StoreError> {
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

/// Ten years of hiring for the benchmark: three requisitions a quarter, a dozen candidates
/// each, four-step plans and scored interviews; the last two still open with a full pipeline.
fn large(conn: &Connection, today: NaiveDate) -> Result<(), StoreError> {
    let mut rng = Rng::new(0x41_12E5);
    let team = architects::list(conn)?;
    let competencies: Vec<CompetencyId> = skills::competencies(conn)?.iter().map(|c| c.id).collect();
    let mut insert_req = conn.prepare_cached(
        "INSERT INTO requisitions (role, opening_id, opened_on, target_start_on, status, closed_on, status_reason, \
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', '')",
    )?;
    let mut insert_step = conn.prepare_cached(
        "INSERT INTO interview_steps (requisition_id, position, name, interviewer, by_me) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut assess = conn
        .prepare_cached("INSERT INTO interview_step_competencies (step_id, competency_id) VALUES (?1, ?2)")?;
    let mut insert_candidate = conn.prepare_cached(
        "INSERT INTO candidates (requisition_id, name, source, stage, notes, architect_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', '')",
    )?;
    let mut insert_stage = conn.prepare_cached(
        "INSERT INTO candidate_stages (candidate_id, stage, reached_on) VALUES (?1, ?2, ?3)",
    )?;
    let mut insert_interview = conn.prepare_cached(
        "INSERT INTO interviews (candidate_id, step_id, held_at, recommendation, submitted_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut insert_rating = conn.prepare_cached(
        "INSERT INTO scorecard_ratings (interview_id, competency_id, rating, evidence) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut insert_slate = conn.prepare_cached(
        "INSERT INTO slate_reports (requisition_id, stage, reported_on, slate_size, slate_policy, panel_policy) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let time_text = |at: NaiveDateTime| at.format("%Y-%m-%dT%H:%M").to_string();
    let requisitions: u64 = 120;
    let mut hired_index = 0;
    for r in 0..requisitions {
        let open = r >= requisitions - 2;
        let opened = ago(today, if open { 30 + 10 * (requisitions - r) } else { 3650 - 30 * r });
        let length = 35 + rng.below(60) as u64;
        let closes = opened.checked_add_days(Days::new(length)).unwrap_or(opened);
        let (status, closed_on, reason) = if open {
            (RequisitionStatus::Open, None, "")
        } else if r % 9 == 4 {
            (RequisitionStatus::Cancelled, Some(closes), "Headcount moved")
        } else {
            (RequisitionStatus::Filled, Some(closes), "")
        };
        insert_req.execute(params![
            format!("Cloud Solution Architect #{r}"),
            format!("REQ-L-{r:04}"),
            opened,
            closes,
            status.key(),
            closed_on,
            reason
        ])?;
        let requisition = conn.last_insert_rowid();
        let mut steps = Vec::new();
        for (position, chunk) in competencies.chunks(2).enumerate() {
            let interviewer = if position == 0 { String::new() } else { format!("Panel member {position}") };
            let number = i64::try_from(position).unwrap_or(0) + 1;
            insert_step.execute(params![
                requisition,
                number,
                format!("Step {number}"),
                interviewer,
                position == 0
            ])?;
            let step = conn.last_insert_rowid();
            for competency in chunk {
                assess.execute(params![step, competency])?;
            }
            steps.push((step, chunk.to_vec()));
        }
        for (stage, days) in [(Stage::Screen, 10_u64), (Stage::InterviewLoop, 25)] {
            let policy = [PolicyAnswer::Yes, PolicyAnswer::No, PolicyAnswer::NotReported];
            insert_slate.execute(params![
                requisition,
                stage.key(),
                opened.checked_add_days(Days::new(days)).unwrap_or(opened),
                i64::try_from(4 + rng.below(6)).unwrap_or(4),
                rng.pick(&policy).key(),
                rng.pick(&policy).key()
            ])?;
        }
        let count = if open { 30 } else { 12 };
        let hire_at = rng.below(count);
        for c in 0..count {
            let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
            let mut path = vec![Stage::Sourced];
            let depth = if open { rng.below(5) } else { 1 + rng.below(4) };
            path.extend(Stage::PIPELINE.iter().skip(1).take(depth).copied());
            let hired = !open && status == RequisitionStatus::Filled && c == hire_at;
            if hired {
                path = Stage::PIPELINE.to_vec();
                path.push(Stage::Hired);
            } else if !open {
                let last = *path.last().unwrap_or(&Stage::Sourced);
                path.push(match last {
                    Stage::Offer => Stage::Declined,
                    _ if rng.below(3) == 0 => Stage::Withdrawn,
                    _ => Stage::Rejected,
                });
            }
            let architect = hired.then(|| team.get(hired_index % team.len().max(1)).map(|a| a.id)).flatten();
            if hired {
                hired_index += 1;
            }
            let current = *path.last().unwrap_or(&Stage::Sourced);
            let source = *rng.pick(Source::ALL);
            insert_candidate.execute(params![
                requisition,
                name,
                source.key(),
                current.key(),
                "",
                architect
            ])?;
            let candidate = conn.last_insert_rowid();
            let span = if open { (today - opened).num_days().max(1).unsigned_abs() } else { length };
            let mut day = opened;
            for (index, stage) in path.iter().enumerate() {
                if index > 0 {
                    let step = (span / (path.len() as u64 + 1)).max(1);
                    day = day.checked_add_days(Days::new(step.min(span))).unwrap_or(day).min(today);
                }
                insert_stage.execute(params![candidate, stage.key(), day])?;
                if *stage == Stage::InterviewLoop {
                    for (offset, (step, assessed)) in steps.iter().enumerate() {
                        let held =
                            at(day.checked_add_days(Days::new(offset as u64)).unwrap_or(day).min(today), 10);
                        let scored = held.date() < today || !open;
                        let hours = 4 + 12 * i64::try_from(rng.below(4)).unwrap_or(0);
                        let submitted = scored.then(|| held + chrono::Duration::hours(hours));
                        let recommendation = *rng.pick(&[
                            Recommendation::StrongNo,
                            Recommendation::No,
                            Recommendation::Yes,
                            Recommendation::StrongYes,
                        ]);
                        insert_interview.execute(params![
                            candidate,
                            step,
                            time_text(held),
                            submitted.map(|_| recommendation.key()),
                            submitted.map(time_text)
                        ])?;
                        let interview = conn.last_insert_rowid();
                        if submitted.is_some() {
                            for competency in assessed {
                                let index = rng.below(4);
                                let rating = i64::try_from(index).unwrap_or(0) + 1;
                                insert_rating.execute(params![
                                    interview,
                                    competency,
                                    rating,
                                    EVIDENCE[index]
                                ])?;
                            }
                        }
                    }
                }
            }
        }
    }
    // Those who left, and why: half of them into more senior roles.
    let reasons = [
        LeavingReason::Promoted,
        LeavingReason::LateralMove,
        LeavingReason::SeniorRoleElsewhere,
        LeavingReason::LeftCompany,
    ];
    let left = team.iter().filter(|a| a.fields.status == crate::model::Status::Left);
    for (k, architect) in left.enumerate() {
        let started = architect.fields.started_on.unwrap_or(today);
        let reason = reasons[k % reasons.len()];
        let departure = DepartureFields {
            left_on: started
                .checked_add_days(Days::new(((today - started).num_days() / 2).unsigned_abs()))
                .unwrap_or(today),
            reason,
            new_role: if reason.developed_into_senior_role() {
                "Principal Solution Architect".into()
            } else {
                String::new()
            },
            note: String::new(),
        };
        departures::mark_left(conn, architect.id, &departure, today)?;
    }
    Ok(())
}
