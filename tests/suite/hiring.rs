//! Hiring through the session, as the app and the command line send it: a hire brings the
//! architect onto the team with the whole onboarding plan or nothing, every bad input is
//! refused with a message and saves nothing, a deleted candidate leaves no trace in the file or
//! the search index, and people who moved on are counted by why they left.

use crate::common::{self, apply, count, day, refused};

use std::path::Path;

use chrono::NaiveDate;
use leadline::model::candidate::{CandidateFields, Source, Stage};
use leadline::model::goal::GoalKind;
use leadline::model::interview::{Rating, Recommendation, Scorecard, StepFields, parse_datetime};
use leadline::model::onboarding::Hire;
use leadline::model::onboarding::{DepartureFields, ItemFields, ItemKind, LeavingReason};
use leadline::model::requisition::{RequisitionFields, RequisitionStatus};
use leadline::model::{ArchitectFields, ArchitectId, Cadence, CandidateId, RequisitionId, Status};
use leadline::session::hiring_view::HiringView;
use leadline::session::{Command, Done, HiringCommand, Session};
use leadline::store::{architects, candidates, goals, interviews, one_on_ones, requisitions, search, skills};

pub(crate) fn hiring(command: HiringCommand) -> Command {
    Command::Hiring(command)
}

pub(crate) fn requisition_in(session: &mut Session, opening: &str, opened_on: NaiveDate) -> RequisitionId {
    let fields = RequisitionFields {
        role: "Cloud Solution Architect, Data & AI".into(),
        opening_id: opening.into(),
        opened_on,
        ..RequisitionFields::default()
    };
    match apply(session, hiring(HiringCommand::AddRequisition(fields))) {
        Done::Hiring(done) => done.requisition.expect("the new requisition"),
        other => panic!("unexpected {other:?}"),
    }
}

pub(crate) fn candidate_in(
    session: &mut Session,
    requisition: RequisitionId,
    name: &str,
    sourced_on: NaiveDate,
) -> CandidateId {
    let fields =
        CandidateFields { name: name.into(), source: Source::Referral, ..CandidateFields::default() };
    match apply(session, hiring(HiringCommand::AddCandidate { requisition, fields, sourced_on })) {
        Done::Hiring(done) => done.candidate.expect("the new candidate"),
        other => panic!("unexpected {other:?}"),
    }
}

pub(crate) fn move_to(session: &mut Session, id: CandidateId, stage: Stage, on: NaiveDate) {
    apply(session, hiring(HiringCommand::MoveCandidate { id, stage, on }));
}

/// A candidate taken to the offer stage: sourced 1 Oct, screen 8 Oct, loop 20 Oct, debrief 2
/// Nov, offer 10 Nov 2026.
pub(crate) fn at_offer(session: &mut Session, requisition: RequisitionId, name: &str) -> CandidateId {
    let id = candidate_in(session, requisition, name, day(2026, 10, 1));
    for (stage, on) in [
        (Stage::Screen, day(2026, 10, 8)),
        (Stage::InterviewLoop, day(2026, 10, 20)),
        (Stage::Debrief, day(2026, 11, 2)),
        (Stage::Offer, day(2026, 11, 10)),
    ] {
        move_to(session, id, stage, on);
    }
    id
}

pub(crate) fn template() -> Vec<ItemFields> {
    vec![
        ItemFields {
            kind: ItemKind::Goal,
            goal_kind: GoalKind::Certification,
            day: 30,
            text: "Earn AZ-900".into(),
        },
        ItemFields {
            kind: ItemKind::Goal,
            goal_kind: GoalKind::Skill,
            day: 30,
            text: "Shadow {buddy} three times".into(),
        },
        ItemFields {
            kind: ItemKind::Goal,
            goal_kind: GoalKind::StretchAssignment,
            day: 60,
            text: "Lead a first customer engagement".into(),
        },
        ItemFields {
            kind: ItemKind::TalkingPoint,
            goal_kind: GoalKind::Other,
            day: 0,
            text: "Welcome: {buddy} is your buddy".into(),
        },
        ItemFields {
            kind: ItemKind::TalkingPoint,
            goal_kind: GoalKind::Other,
            day: 0,
            text: "Your first month".into(),
        },
    ]
}

pub(crate) fn hire_of(
    candidate: CandidateId,
    name: &str,
    start: NaiveDate,
    buddy: Option<ArchitectId>,
) -> Hire {
    Hire {
        candidate,
        hired_on: day(2026, 11, 20),
        architect: ArchitectFields {
            name: name.into(),
            title: "Cloud Solution Architect".into(),
            started_on: Some(start),
            // The hire sets the weekly cadence of the first months whatever the form says.
            cadence: Cadence::Biweekly,
            ..ArchitectFields::default()
        },
        buddy,
        items: template(),
    }
}

#[test]
fn a_hire_adds_the_architect_with_their_onboarding_plan_in_one_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let buddy = common::add_architect(&mut session, "Mateo García", Cadence::Weekly);
    let requisition = requisition_in(&mut session, "REQ-1", day(2026, 9, 14));
    let ingrid = at_offer(&mut session, requisition, "Ingrid Solberg");

    let done = apply(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(
            ingrid,
            "Ingrid Solberg",
            day(2026, 12, 7),
            Some(buddy),
        )))),
    );
    let Done::Hiring(done) = done else { panic!("unexpected {done:?}") };
    let architect = done.architect.expect("the new architect");
    assert_eq!(
        done.message,
        "Hired Ingrid Solberg: on the team from 2026-12-07, with 3 onboarding goals and 2 talking points for the first one-on-one"
    );

    let person = architects::get(session.conn(), architect).unwrap();
    assert_eq!(person.fields.name, "Ingrid Solberg");
    assert_eq!(person.fields.started_on, Some(day(2026, 12, 7)));
    assert_eq!(person.fields.cadence, Cadence::Weekly, "weekly one-on-ones in the first months");
    assert_eq!(person.fields.status, Status::Active);

    // The plan's goals, in the development plan, due 30 and 60 days after the start.
    let mut plan: Vec<(String, Option<NaiveDate>, GoalKind)> = goals::list_of(session.conn(), architect)
        .unwrap()
        .into_iter()
        .map(|g| (g.fields.description, g.fields.target_on, g.fields.kind))
        .collect();
    plan.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        plan,
        [
            ("Earn AZ-900".to_owned(), Some(day(2027, 1, 6)), GoalKind::Certification),
            (
                "Lead a first customer engagement".to_owned(),
                Some(day(2027, 2, 5)),
                GoalKind::StretchAssignment
            ),
            ("Shadow Mateo García three times".to_owned(), Some(day(2027, 1, 6)), GoalKind::Skill),
        ]
    );

    // The first one-on-one on the first day, with the talking points on its agenda.
    let history = one_on_ones::history(session.conn(), architect).unwrap();
    assert_eq!(history.len(), 1);
    let first = one_on_ones::get(session.conn(), history[0].meeting.id).unwrap();
    assert_eq!(first.fields.held_on, day(2026, 12, 7));
    let agenda = leadline::store::agenda::agenda_of(session.conn(), &first).unwrap();
    let points: Vec<&str> = agenda.points.iter().map(|(p, _)| p.fields.text.as_str()).collect();
    assert_eq!(points, ["Welcome: Mateo García is your buddy", "Your first month"]);

    // The requisition is filled on the day the offer was accepted; the candidate is hired.
    let filled = requisitions::get(session.conn(), requisition).unwrap();
    assert_eq!((filled.status, filled.closed_on), (RequisitionStatus::Filled, Some(day(2026, 11, 20))));
    let hired = candidates::get(session.conn(), ingrid).unwrap();
    assert_eq!(hired.stage(), Stage::Hired);
    assert_eq!(hired.reached(Stage::Hired), Some(day(2026, 11, 20)));
    assert_eq!(hired.architect, Some(architect));
    let buddy_of: Option<ArchitectId> = session
        .conn()
        .query_row("SELECT buddy_id FROM onboarding_plans WHERE architect_id = ?1", [architect], |r| r.get(0))
        .unwrap();
    assert_eq!(buddy_of, Some(buddy));
}

#[test]
fn a_hire_on_a_requisition_already_filled_is_refused_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let requisition = requisition_in(&mut session, "REQ-7", day(2026, 9, 14));
    let first = at_offer(&mut session, requisition, "Ingrid Solberg");
    let second = at_offer(&mut session, requisition, "Rahul Deshmukh");
    apply(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(first, "Ingrid Solberg", day(2026, 12, 7), None)))),
    );
    let before = [
        count(&session, "architects"),
        count(&session, "goals"),
        count(&session, "one_on_ones"),
        count(&session, "talking_points"),
    ];

    let message = refused(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(second, "Rahul Deshmukh", day(2026, 12, 7), None)))),
    );
    assert_eq!(
        message,
        "REQ-7 Cloud Solution Architect, Data & AI is already filled by Ingrid Solberg on 2026-11-20; open a new requisition for another hire"
    );
    let after = [
        count(&session, "architects"),
        count(&session, "goals"),
        count(&session, "one_on_ones"),
        count(&session, "talking_points"),
    ];
    assert_eq!(before, after, "nothing saved");
    assert_eq!(candidates::get(session.conn(), second).unwrap().stage(), Stage::Offer);
}

#[test]
fn a_hire_too_far_ahead_before_the_acceptance_with_a_departed_buddy_or_on_a_cancelled_requisition_is_refused()
{
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let requisition = requisition_in(&mut session, "REQ-9", day(2026, 9, 14));
    let ingrid = at_offer(&mut session, requisition, "Ingrid Solberg");
    let grace = common::add_architect(&mut session, "Grace Mensah", Cadence::Weekly);
    let gone = departure(LeavingReason::LeftCompany, day(2026, 11, 2), "");
    apply(&mut session, hiring(HiringCommand::MarkLeft { architect: grace, departure: gone }));

    // Today is 2026-11-28: 183 days ahead is 2027-05-30.
    let cases = [
        (
            hire_of(ingrid, "Ingrid Solberg", day(2027, 6, 30), None),
            "start date: 2027-06-30 is more than 183 days (six months) ahead; check the year",
        ),
        (
            hire_of(ingrid, "Ingrid Solberg", day(2026, 11, 19), None),
            "start date: 2026-11-19 is before the offer was accepted on 2026-11-20",
        ),
        (
            Hire {
                architect: ArchitectFields {
                    started_on: None,
                    ..hire_of(ingrid, "I", day(2026, 12, 7), None).architect
                },
                ..hire_of(ingrid, "I", day(2026, 12, 7), None)
            },
            "start date: a hire needs a start date",
        ),
        (
            hire_of(ingrid, "Ingrid Solberg", day(2026, 12, 7), Some(grace)),
            "buddy: Grace Mensah has left the team",
        ),
    ];
    for (hire, expected) in cases {
        assert_eq!(refused(&mut session, hiring(HiringCommand::Hire(Box::new(hire)))), expected);
    }
    assert_eq!(count(&session, "architects"), 1, "only Grace");
    assert_eq!(count(&session, "goals"), 0);

    apply(
        &mut session,
        hiring(HiringCommand::SetRequisitionStatus {
            id: requisition,
            status: RequisitionStatus::Cancelled,
            on: day(2026, 11, 25),
            reason: "Headcount moved".into(),
        }),
    );
    let message = refused(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(ingrid, "Ingrid Solberg", day(2026, 12, 7), None)))),
    );
    assert_eq!(
        message,
        "REQ-9 Cloud Solution Architect, Data & AI is cancelled; open it again before hiring"
    );
    assert_eq!(count(&session, "architects"), 1);
    assert_eq!(candidates::get(session.conn(), ingrid).unwrap().stage(), Stage::Offer);

    // A requisition with candidates is cancelled, not deleted.
    let message = refused(&mut session, hiring(HiringCommand::DeleteRequisition(requisition)));
    assert_eq!(
        message,
        "REQ-9 Cloud Solution Architect, Data & AI has 1 candidate; cancel it instead (with a reason), or \
         delete them first"
    );
}

#[test]
fn a_hire_with_an_empty_plan_item_is_refused_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let requisition = requisition_in(&mut session, "REQ-8", day(2026, 9, 14));
    let ingrid = at_offer(&mut session, requisition, "Ingrid Solberg");
    let mut hire = hire_of(ingrid, "Ingrid Solberg", day(2026, 12, 7), None);
    hire.items.push(ItemFields {
        kind: ItemKind::Goal,
        goal_kind: GoalKind::Skill,
        day: 30,
        text: "  ".into(),
    });

    let message = refused(&mut session, hiring(HiringCommand::Hire(Box::new(hire))));
    assert_eq!(message, "text: must not be empty");
    assert_eq!(count(&session, "architects"), 0, "no architect either");
    assert_eq!(count(&session, "goals"), 0);
    assert_eq!(requisitions::get(session.conn(), requisition).unwrap().status, RequisitionStatus::Open);
}

#[test]
fn a_stage_dated_before_the_previous_one_is_refused_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let requisition = requisition_in(&mut session, "REQ-2", day(2026, 9, 14));
    let ana = candidate_in(&mut session, requisition, "Ana López", day(2026, 10, 1));
    move_to(&mut session, ana, Stage::Screen, day(2026, 10, 12));

    let message = refused(
        &mut session,
        hiring(HiringCommand::MoveCandidate { id: ana, stage: Stage::InterviewLoop, on: day(2026, 10, 9) }),
    );
    assert_eq!(message, "date: interview loop on 2026-10-09 is before screen on 2026-10-12");
    let stored = candidates::get(session.conn(), ana).unwrap();
    assert_eq!(stored.stage(), Stage::Screen);
    assert_eq!(stored.stages.len(), 2);
}

#[test]
fn an_offer_without_a_debrief_is_refused_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let requisition = requisition_in(&mut session, "REQ-3", day(2026, 9, 14));
    let ana = candidate_in(&mut session, requisition, "Ana López", day(2026, 10, 1));
    move_to(&mut session, ana, Stage::InterviewLoop, day(2026, 10, 20));

    let message = refused(
        &mut session,
        hiring(HiringCommand::MoveCandidate { id: ana, stage: Stage::Offer, on: day(2026, 11, 2) }),
    );
    assert_eq!(message, "stage: an offer needs a debrief first; record the debrief, then the offer");
    assert_eq!(candidates::get(session.conn(), ana).unwrap().stage(), Stage::InterviewLoop);
}

#[test]
fn a_target_start_before_the_opening_is_refused_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let fields = RequisitionFields {
        role: "Cloud Solution Architect".into(),
        opened_on: day(2026, 10, 5),
        target_start_on: Some(day(2026, 9, 1)),
        ..RequisitionFields::default()
    };
    let message = refused(&mut session, hiring(HiringCommand::AddRequisition(fields)));
    assert_eq!(message, "target start: 2026-09-01 is before the opening date 2026-10-05");
    assert_eq!(count(&session, "requisitions"), 0);
}

/// A requisition whose plan has one step (run by the manager) assessing the first two
/// competencies, and a candidate interviewed in it on 24 Nov at 14:00.
fn interviewed(session: &mut Session) -> (leadline::model::InterviewId, Vec<leadline::model::CompetencyId>) {
    let requisition = requisition_in(session, "REQ-4", day(2026, 9, 14));
    let ana = candidate_in(session, requisition, "Ana López", day(2026, 10, 1));
    move_to(session, ana, Stage::InterviewLoop, day(2026, 11, 20));
    let step =
        StepFields { name: "Hiring manager conversation".into(), interviewer: String::new(), by_me: true };
    apply(session, hiring(HiringCommand::AddStep { requisition, fields: step }));
    let step = interviews::steps_of(session.conn(), requisition).unwrap()[0].id;
    let competencies: Vec<_> =
        skills::competencies(session.conn()).unwrap().iter().take(2).map(|c| c.id).collect();
    for competency in &competencies {
        apply(
            session,
            hiring(HiringCommand::SetStepCompetency { step, competency: *competency, assessed: true }),
        );
    }
    let held_at = parse_datetime("held", "2026-11-24 14:00").unwrap();
    apply(session, hiring(HiringCommand::ScheduleInterview { candidate: ana, step, held_at }));
    let interview = interviews::interviews_of(session.conn(), requisition).unwrap()[0].id;
    (interview, competencies)
}

#[test]
fn a_scorecard_rating_without_evidence_is_refused_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let (interview, competencies) = interviewed(&mut session);
    let scorecard = Scorecard {
        ratings: vec![
            Rating {
                competency: competencies[0],
                rating: 3,
                evidence: "Drew the landing zone with its trade-offs".into(),
            },
            Rating { competency: competencies[1], rating: 2, evidence: "   ".into() },
        ],
        recommendation: Recommendation::Yes,
        submitted_at: parse_datetime("submitted", "2026-11-24 17:30").unwrap(),
    };
    let message = refused(&mut session, hiring(HiringCommand::SubmitScorecard { interview, scorecard }));
    assert_eq!(
        message,
        "evidence: the rating of “Technical depth in solution area” needs its evidence: what did the candidate say or do?"
    );
    assert_eq!(count(&session, "scorecard_ratings"), 0);
    assert!(interviews::interview(session.conn(), interview).unwrap().scorecard.is_none(), "still owed");
    let owed = interviews::owed_by_me(session.conn(), common::today()).unwrap();
    assert_eq!(owed.iter().map(|o| o.candidate_name.as_str()).collect::<Vec<_>>(), ["Ana López"]);
}

/// Every byte of the database file (after a checkpoint) and its journal, if any.
fn file_bytes(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    for suffix in ["-wal", "-journal"] {
        let mut journal = path.as_os_str().to_owned();
        journal.push(suffix);
        if let Ok(more) = std::fs::read(std::path::PathBuf::from(journal)) {
            bytes.extend(more);
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn a_deleted_candidate_leaves_no_trace_in_the_database_file_or_the_search_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let name = "Zephyrine Quillfeather";
    let note = "xylocarpous";
    let evidence = "quibblingly";
    {
        let mut session = common::session(&path);
        let (interview, competencies) = interviewed(&mut session);
        let ana = interviews::interview(session.conn(), interview).unwrap().candidate;
        let fields = CandidateFields {
            name: name.into(),
            source: Source::Inbound,
            notes: format!("Met at the summit; {note} background in retail"),
            purge_on: None,
        };
        apply(&mut session, hiring(HiringCommand::UpdateCandidate { id: ana, fields }));
        let scorecard = Scorecard {
            ratings: competencies
                .iter()
                .map(|c| Rating {
                    competency: *c,
                    rating: 3,
                    evidence: format!("Answered {evidence} but well"),
                })
                .collect(),
            recommendation: Recommendation::Yes,
            submitted_at: parse_datetime("submitted", "2026-11-24 16:00").unwrap(),
        };
        apply(&mut session, hiring(HiringCommand::SubmitScorecard { interview, scorecard }));
    }
    // The test means something: the record is in the file before the delete.
    vacuum(&path);
    let before = file_bytes(&path);
    assert!(contains(&before, name) && contains(&before, note) && contains(&before, evidence));

    let mut session = common::session(&path);
    let id: CandidateId =
        session.conn().query_row("SELECT id FROM candidates WHERE name = ?1", [name], |r| r.get(0)).unwrap();
    let done = apply(&mut session, hiring(HiringCommand::DeleteCandidates(vec![id])));
    let Done::Hiring(done) = done else { panic!() };
    assert_eq!(done.message, format!("Deleted {name} and everything recorded about them"));
    assert!(session.undo_step().is_none(), "a real deletion is not undone");
    for word in [name, note, evidence] {
        assert_eq!(search::search(session.conn(), word, 50).unwrap().total, 0, "{word} in the search index");
    }
    for table in ["candidates", "candidate_stages", "interviews", "scorecard_ratings"] {
        assert_eq!(count(&session, table), 0, "{table}");
    }
    // At once, with the app still open: not in the file nor in its write-ahead log.
    let now = file_bytes(&path);
    for word in [name, note, evidence] {
        assert!(!contains(&now, word), "“{word}” is still in the file or its journal while open");
    }
    drop(session);

    vacuum(&path);
    let after = file_bytes(&path);
    for word in [name, note, evidence, "Zephyrine", "Quillfeather"] {
        assert!(!contains(&after, word), "“{word}” is still in the file's bytes");
    }
}

/// Checkpoints the journal into the file and rebuilds it, as the issue asks to check.
fn vacuum(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
}

#[test]
fn candidates_past_their_purge_date_are_listed_twelve_months_after_the_requisition_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let old = requisition_in(&mut session, "REQ-OLD", day(2025, 6, 2));
    let yuki = candidate_in(&mut session, old, "Yuki Sato", day(2025, 6, 10));
    let recent = requisition_in(&mut session, "REQ-NEW", day(2025, 9, 1));
    candidate_in(&mut session, recent, "Pieter de Vries", day(2025, 9, 10));
    let cancel = |id, on| {
        hiring(HiringCommand::SetRequisitionStatus {
            id,
            status: RequisitionStatus::Cancelled,
            on,
            reason: "Headcount moved".into(),
        })
    };
    apply(&mut session, cancel(old, day(2025, 11, 27)));
    apply(&mut session, cancel(recent, day(2025, 11, 29)));

    let due = candidates::purge_due(session.conn(), common::today()).unwrap();
    assert_eq!(
        due.iter().map(|r| (r.name.as_str(), r.purge_on)).collect::<Vec<_>>(),
        [("Yuki Sato", day(2026, 11, 27))]
    );
    let due_ids: Vec<CandidateId> = due.iter().map(|r| r.candidate).collect();
    assert_eq!(due_ids, [yuki]);

    // The setting: six months makes both due.
    apply(&mut session, hiring(HiringCommand::SetPurgeMonths(6)));
    assert_eq!(candidates::purge_due(session.conn(), common::today()).unwrap().len(), 2);
    assert_eq!(
        refused(&mut session, hiring(HiringCommand::SetPurgeMonths(0))),
        "purge after: 0 months is outside 1-60"
    );
}

fn departure(reason: LeavingReason, left_on: NaiveDate, new_role: &str) -> DepartureFields {
    DepartureFields { left_on, reason, new_role: new_role.into(), note: String::new() }
}

#[test]
fn leaving_reasons_are_counted_and_the_two_senior_moves_count_as_developed() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let people: Vec<ArchitectId> = ["Ana", "Ben", "Chloé", "Dev", "Eli", "Farah"]
        .iter()
        .map(|name| common::add_architect(&mut session, name, Cadence::Weekly))
        .collect();
    let leaving = [
        (LeavingReason::Promoted, day(2026, 10, 15), "Principal Solution Architect"),
        (LeavingReason::SeniorRoleElsewhere, day(2026, 11, 2), "Technical Specialist Lead, Security"),
        (LeavingReason::LateralMove, day(2026, 11, 9), ""),
        (LeavingReason::LeftCompany, day(2026, 11, 16), ""),
        (LeavingReason::Other, day(2026, 11, 20), ""),
        // Last quarter: not this one's.
        (LeavingReason::Promoted, day(2026, 9, 30), "Principal Solution Architect"),
    ];
    for (architect, (reason, on, role)) in people.iter().zip(leaving) {
        apply(
            &mut session,
            hiring(HiringCommand::MarkLeft { architect: *architect, departure: departure(reason, on, role) }),
        );
        assert_eq!(architects::get(session.conn(), *architect).unwrap().fields.status, Status::Left);
    }
    let this_quarter = &session.view().hiring.quarters[0];
    assert_eq!(this_quarter.quarter, "FY27 Q2");
    assert_eq!((this_quarter.figures.moved_to_senior_roles, this_quarter.figures.left), (2, 5));
    let last_quarter = &session.view().hiring.quarters[1];
    assert_eq!((last_quarter.figures.moved_to_senior_roles, last_quarter.figures.left), (1, 1));
    let names: Vec<String> = session
        .view()
        .hiring
        .moved_to_senior_roles()
        .iter()
        .map(|d| session.view().architect(d.architect).unwrap().fields.name.clone())
        .collect();
    assert_eq!(names, ["Ben", "Ana", "Farah"], "newest first");

    // A senior move names the new role.
    let gus = common::add_architect(&mut session, "Gus", Cadence::Weekly);
    let message = refused(
        &mut session,
        hiring(HiringCommand::MarkLeft {
            architect: gus,
            departure: departure(LeavingReason::Promoted, day(2026, 11, 20), " "),
        }),
    );
    assert_eq!(message, "new role: say which role they moved into");
    assert_eq!(architects::get(session.conn(), gus).unwrap().fields.status, Status::Active, "nothing saved");
}

#[test]
fn undo_of_marking_as_left_puts_status_and_reason_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let ana = common::add_architect(&mut session, "Ana López", Cadence::Weekly);
    apply(
        &mut session,
        hiring(HiringCommand::MarkLeft {
            architect: ana,
            departure: departure(LeavingReason::Promoted, day(2026, 11, 20), "Principal Solution Architect"),
        }),
    );
    assert_eq!(session.view().hiring.quarters[0].figures.moved_to_senior_roles, 1);
    assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some("status change of Ana López"));

    let (_, applied) = session.undo().expect("undo");
    assert!(applied.is_ok());
    assert_eq!(architects::get(session.conn(), ana).unwrap().fields.status, Status::Active);
    assert_eq!(count(&session, "departures"), 0);
    assert_eq!(session.view().hiring.quarters[0].figures.moved_to_senior_roles, 0);
}

#[test]
fn undo_of_a_stage_move_puts_the_stages_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let requisition = requisition_in(&mut session, "REQ-5", day(2026, 9, 14));
    let ana = candidate_in(&mut session, requisition, "Ana López", day(2026, 10, 1));
    move_to(&mut session, ana, Stage::Screen, day(2026, 10, 12));
    move_to(&mut session, ana, Stage::Rejected, day(2026, 10, 14));
    assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some("move of Ana López"));
    session.undo().expect("undo");
    let stored = candidates::get(session.conn(), ana).unwrap();
    assert_eq!(stored.stage(), Stage::Screen);
    assert_eq!(stored.reached(Stage::Screen), Some(day(2026, 10, 12)));
    assert_eq!(stored.reached(Stage::Rejected), None);
}

#[test]
fn the_demo_plans_show_a_complete_plan_and_one_with_gaps_and_a_double() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let session = common::live_session(&path);
    let view: &HiringView = &session.view().hiring;
    let by_opening = |opening: &str| {
        let row =
            view.requisitions.iter().find(|r| r.requisition.fields.opening_id == opening).expect(opening);
        view.detail(row.requisition.id).expect("open requisitions are loaded")
    };
    assert!(by_opening("REQ-2026-0142").coverage.is_complete());
    let infra = &by_opening("REQ-2026-0151").coverage;
    let gaps: Vec<&str> = infra.gaps.iter().map(|c| view.competency_name(*c)).collect();
    assert_eq!(gaps, ["Negotiation & influence", "Customer envisioning", "Cross-group collaboration"]);
    let doubles: Vec<(&str, usize)> =
        infra.doubles.iter().map(|(c, steps)| (view.competency_name(*c), steps.len())).collect();
    assert_eq!(doubles, [("Technical depth in solution area", 2)]);

    // The demo's pipeline: the security requisition's six in the process (one was rejected),
    // the infrastructure one's three.
    assert_eq!(view.pipeline.in_process(), 9);
    let offer = view.pipeline.columns.iter().find(|c| c.stage == Stage::Offer).unwrap();
    assert_eq!(
        offer.cards.iter().map(|c| (c.name.as_str(), c.days_in_stage)).collect::<Vec<_>>(),
        [("Ingrid Solberg", 6)]
    );
    assert_eq!(view.owed.iter().map(|o| o.candidate_name.as_str()).collect::<Vec<_>>(), ["Amelia Clarke"]);
    assert_eq!(view.purge_due.len(), 2, "the cancelled 2025 requisition's candidates");
    let figures = &view.quarters[0].figures;
    assert_eq!((figures.filled, figures.offers.accepted, figures.offers.declined), (1, 1, 0));
}

#[test]
fn a_new_hires_prep_card_shows_their_onboarding_plan_in_the_first_ninety_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let session = common::live_session(&path);
    let sheet = session.view().prep.as_ref().unwrap();
    let tomas =
        sheet.due.iter().find(|c| c.name == "Tomás Herrera").expect("Tomás is due his weekly one-on-one");
    let onboarding = tomas.onboarding.as_ref().expect("onboarding on the card");
    assert_eq!(onboarding.day, 41, "started 40 days before the test day");
    assert_eq!(onboarding.buddy.as_deref(), Some("Mateo García"));
    let items: Vec<(u16, bool)> = onboarding.items.iter().map(|i| (i.day, i.done)).collect();
    assert_eq!(items, [(30, true), (30, true), (60, false), (90, false), (90, false)], "half done");
    let markdown = leadline::report::prep::markdown(sheet);
    assert!(markdown.contains("### Onboarding: day 41 of 90 · buddy Mateo García"), "{markdown}");
    assert!(markdown.contains("- [x] Day 30: Earn AZ-900 Azure Fundamentals"), "{markdown}");
    // Nobody else is onboarding.
    assert_eq!(sheet.due.iter().filter(|c| c.onboarding.is_some()).count(), 1);
}

#[test]
fn a_new_database_starts_with_the_default_onboarding_template() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let session = common::session(&path);
    let seeded: Vec<(ItemKind, GoalKind, u16, String)> =
        leadline::store::onboarding::template(session.conn())
            .unwrap()
            .into_iter()
            .map(|item| (item.fields.kind, item.fields.goal_kind, item.fields.day, item.fields.text))
            .collect();
    let expected: Vec<(ItemKind, GoalKind, u16, String)> = leadline::model::onboarding::DEFAULT_TEMPLATE
        .iter()
        .map(|(kind, goal_kind, day, text)| (*kind, *goal_kind, *day, (*text).to_owned()))
        .collect();
    assert_eq!(seeded, expected, "migration 0009 seeds model::onboarding::DEFAULT_TEMPLATE");
}

#[test]
fn slates_and_panels_are_counted_per_quarter_from_the_recruiters_aggregate_only() {
    use leadline::model::hiring::PolicyCount;
    use leadline::model::interview::{PolicyAnswer, SlateReport};
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let requisition = requisition_in(&mut session, "REQ-11", day(2026, 9, 14));
    let report = |stage, reported_on, slate_size, slate, panel| SlateReport {
        stage,
        reported_on,
        slate_size,
        slate,
        panel,
    };
    let reports = [
        // Last quarter (FY27 Q1 ends on 30 September).
        report(Stage::Sourced, day(2026, 9, 20), 12, PolicyAnswer::Yes, PolicyAnswer::Yes),
        report(Stage::Screen, day(2026, 10, 5), 6, PolicyAnswer::Yes, PolicyAnswer::NotReported),
        report(Stage::InterviewLoop, day(2026, 11, 2), 3, PolicyAnswer::No, PolicyAnswer::Yes),
        // The recruiter corrects the screen's report: it replaces the first.
        report(Stage::Screen, day(2026, 10, 7), 6, PolicyAnswer::Yes, PolicyAnswer::No),
    ];
    for report in reports {
        apply(&mut session, hiring(HiringCommand::RecordSlate { requisition, report }));
    }
    assert_eq!(count(&session, "slate_reports"), 3);
    let quarters = &session.view().hiring.quarters;
    assert_eq!(quarters[0].quarter, "FY27 Q2");
    assert_eq!(quarters[0].figures.slates, PolicyCount { yes: 1, no: 1, not_reported: 0 });
    assert_eq!(quarters[0].figures.panels, PolicyCount { yes: 1, no: 1, not_reported: 0 });
    assert_eq!(quarters[1].figures.slates, PolicyCount { yes: 1, no: 0, not_reported: 0 });

    // Bad reports are refused by name and change nothing.
    for (bad, expected) in [
        (
            report(Stage::Offer, day(2026, 11, 29), 2, PolicyAnswer::Yes, PolicyAnswer::Yes),
            "reported: 2026-11-29 is in the future",
        ),
        (
            report(Stage::Hired, day(2026, 11, 20), 2, PolicyAnswer::Yes, PolicyAnswer::Yes),
            "stage: a slate is reported for a stage from sourced to offer",
        ),
        (
            report(Stage::Offer, day(2026, 11, 20), 1001, PolicyAnswer::Yes, PolicyAnswer::Yes),
            "slate size: 1001 is more than 1000",
        ),
    ] {
        assert_eq!(
            refused(&mut session, hiring(HiringCommand::RecordSlate { requisition, report: bad })),
            expected
        );
    }
    assert_eq!(count(&session, "slate_reports"), 3);

    // What is stored is the aggregate: nothing in a report points at a person.
    let columns: Vec<String> = session
        .conn()
        .prepare("SELECT name FROM pragma_table_info('slate_reports')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        columns,
        ["requisition_id", "stage", "reported_on", "slate_size", "slate_policy", "panel_policy"]
    );
}

#[test]
fn undo_of_a_hire_takes_the_architect_off_the_team_and_puts_the_offer_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let requisition = requisition_in(&mut session, "REQ-12", day(2026, 9, 14));
    let ingrid = at_offer(&mut session, requisition, "Ingrid Solberg");
    let before = [
        count(&session, "architects"),
        count(&session, "goals"),
        count(&session, "one_on_ones"),
        count(&session, "talking_points"),
        count(&session, "onboarding_plans"),
        count(&session, "candidate_stages"),
    ];
    apply(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(ingrid, "Ingrid Solberg", day(2026, 12, 7), None)))),
    );
    assert_eq!(count(&session, "architects"), 1);
    assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some("hire of Ingrid Solberg"));
    let found = |session: &Session, words: &str| search::search(session.conn(), words, 50).unwrap().total;
    assert!(found(&session, "Lead a first customer engagement") > 0, "the plan's goal is searchable");

    let (_, applied) = session.undo().expect("undo");
    let Ok(Done::Hiring(done)) = applied.result else { panic!("{:?}", applied.result) };
    assert_eq!(done.message, "Ingrid Solberg is a candidate at the offer stage again, not on the team");
    let after = [
        count(&session, "architects"),
        count(&session, "goals"),
        count(&session, "one_on_ones"),
        count(&session, "talking_points"),
        count(&session, "onboarding_plans"),
        count(&session, "candidate_stages"),
    ];
    assert_eq!(before, after, "everything the hire made is gone");
    assert_eq!(found(&session, "Lead a first customer engagement"), 0, "from the search index too");
    assert_eq!(found(&session, "Your first month"), 0);
    let stored = candidates::get(session.conn(), ingrid).unwrap();
    assert_eq!((stored.stage(), stored.architect), (Stage::Offer, None));
    let open = requisitions::get(session.conn(), requisition).unwrap();
    assert_eq!((open.status, open.closed_on), (RequisitionStatus::Open, None));
    assert!(session.view().architects.is_empty());
    // And she can be hired again.
    apply(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(ingrid, "Ingrid Solberg", day(2026, 12, 7), None)))),
    );
    assert_eq!(count(&session, "architects"), 1);
}
