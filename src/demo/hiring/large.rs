//! The large demo's hiring, for the benchmark: ten years of requisitions written directly.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};

use super::super::{FIRST_NAMES, LAST_NAMES, Rng};
use super::{EVIDENCE, ago, at};
use crate::model::CompetencyId;
use crate::model::architect::Choice as _;
use crate::model::candidate::{Source, Stage};
use crate::model::interview::{PolicyAnswer, Recommendation};
use crate::model::onboarding::{DepartureFields, LeavingReason};
use crate::model::requisition::RequisitionStatus;
use crate::store::{StoreError, architects, departures, skills};

/// Ten years of hiring for the benchmark: three requisitions a quarter, a dozen candidates
/// each, four-step plans and scored interviews; the last two still open with a full pipeline.
pub(super) fn generate(conn: &Connection, today: NaiveDate) -> Result<(), StoreError> {
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
