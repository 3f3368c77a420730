//! Hiring profiles and the undo of hiring's deletes, through the session: a requisition's plan
//! assesses its profile's competencies (gaps and doubles flagged the same way, a competency
//! outside the profile shown), bad profile input is refused, and deleting a step, a template
//! item, a requisition or a profile comes back whole with Undo, while deleting a candidate
//! offers no undo at all.

use crate::common::{self, apply, count, day, refused};
use crate::hiring::{candidate_in, hiring, requisition_in};

use leadline::model::candidate::Stage;
use leadline::model::interview::{PolicyAnswer, SlateReport, StepFields};
use leadline::model::requisition::RequisitionFields;
use leadline::model::{CompetencyId, HiringProfileId, RequisitionId};
use leadline::session::{HiringCommand, Session};
use leadline::store::{hiring_profiles, interviews, onboarding, requisitions, skills};

fn add_profile(session: &mut Session, name: &str) -> HiringProfileId {
    apply(session, hiring(HiringCommand::AddProfile(name.into())));
    let profiles = hiring_profiles::list(session.conn()).unwrap();
    profiles.iter().find(|p| p.name == name).expect("the new profile").id
}

fn add_step(session: &mut Session, requisition: RequisitionId, name: &str, assesses: &[CompetencyId]) {
    let fields = StepFields { name: name.into(), interviewer: "Priya Nair".into(), by_me: false };
    apply(session, hiring(HiringCommand::AddStep { requisition, fields }));
    let step = interviews::steps_of(session.conn(), requisition).unwrap().last().unwrap().id;
    for competency in assesses {
        apply(
            session,
            hiring(HiringCommand::SetStepCompetency { step, competency: *competency, assessed: true }),
        );
    }
}

fn set_profile(session: &mut Session, id: RequisitionId, profile: Option<HiringProfileId>) {
    let fields = RequisitionFields { profile, ..requisitions::get(session.conn(), id).unwrap().fields };
    apply(session, hiring(HiringCommand::UpdateRequisition { id, fields }));
}

#[test]
fn a_plan_with_a_hiring_profile_flags_gaps_and_doubles_among_the_profiles_competencies_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let matrix: Vec<CompetencyId> =
        skills::competencies(session.conn()).unwrap().iter().map(|c| c.id).collect();
    assert!(matrix.len() >= 4, "the default skills matrix");

    // A new profile starts with the whole matrix; the manager keeps the first three.
    let junior = add_profile(&mut session, "Junior architect");
    assert_eq!(hiring_profiles::get(session.conn(), junior).unwrap().competencies, matrix);
    for competency in &matrix[3..] {
        apply(
            &mut session,
            hiring(HiringCommand::SetProfileCompetency {
                profile: junior,
                competency: *competency,
                included: false,
            }),
        );
    }
    assert_eq!(hiring_profiles::get(session.conn(), junior).unwrap().competencies, matrix[..3]);

    // Step one assesses the first and fourth, step two the first again: the first is a double,
    // the second and third are gaps, the fourth is outside the profile.
    let requisition = requisition_in(&mut session, "REQ-7", day(2026, 10, 5));
    add_step(&mut session, requisition, "Technical deep dive", &[matrix[0], matrix[3]]);
    add_step(&mut session, requisition, "Customer role play", &[matrix[0]]);
    set_profile(&mut session, requisition, Some(junior));
    let detail = session.view().hiring.detail(requisition).expect("an open requisition's page");
    assert_eq!(detail.competencies, matrix[..3]);
    assert_eq!(detail.coverage.gaps, matrix[1..3]);
    assert_eq!(
        detail.coverage.doubles.iter().map(|(c, steps)| (*c, steps.len())).collect::<Vec<_>>(),
        [(matrix[0], 2)]
    );
    assert_eq!(detail.outside_plan, [matrix[3]]);

    // Without the profile the whole matrix is asked for: every other competency is a gap.
    set_profile(&mut session, requisition, None);
    let detail = session.view().hiring.detail(requisition).unwrap();
    assert_eq!(detail.competencies, matrix);
    assert_eq!(detail.coverage.gaps.len(), matrix.len() - 2);
    assert!(detail.outside_plan.is_empty());
}

#[test]
fn bad_profile_input_is_refused_with_a_message_and_nothing_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let junior = add_profile(&mut session, "Junior architect");
    assert_eq!(
        refused(&mut session, hiring(HiringCommand::AddProfile("junior ARCHITECT ".into()))),
        "profile name: there is already a profile “junior ARCHITECT”"
    );
    assert_eq!(
        refused(&mut session, hiring(HiringCommand::RenameProfile { id: junior, name: "  ".into() })),
        "profile name: must not be empty"
    );
    assert_eq!(count(&session, "hiring_profiles"), 1);

    let requisition = requisition_in(&mut session, "REQ-8", day(2026, 10, 5));
    set_profile(&mut session, requisition, Some(junior));
    assert_eq!(
        refused(&mut session, hiring(HiringCommand::DeleteProfile(junior))),
        "the requisition “Cloud Solution Architect, Data & AI” plans its interviews with “Junior architect”; \
         choose another profile there first"
    );
    assert_eq!(count(&session, "hiring_profiles"), 1);
    // A profile that does not exist cannot be chosen.
    let fields = RequisitionFields {
        profile: Some(HiringProfileId(99)),
        ..requisitions::get(session.conn(), requisition).unwrap().fields
    };
    assert_eq!(
        refused(&mut session, hiring(HiringCommand::UpdateRequisition { id: requisition, fields })),
        "that hiring profile no longer exists"
    );
    assert_eq!(requisitions::get(session.conn(), requisition).unwrap().fields.profile, Some(junior));
}

#[test]
fn undo_brings_back_a_deleted_step_template_item_requisition_and_profile_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let matrix: Vec<CompetencyId> =
        skills::competencies(session.conn()).unwrap().iter().map(|c| c.id).collect();
    let requisition = requisition_in(&mut session, "REQ-9", day(2026, 10, 5));
    add_step(&mut session, requisition, "Technical deep dive", &[matrix[0], matrix[1]]);
    add_step(&mut session, requisition, "Customer role play", &[matrix[2]]);
    add_step(&mut session, requisition, "Hiring manager conversation", &[matrix[3]]);
    let plan = interviews::steps_of(session.conn(), requisition).unwrap();

    // The middle step.
    apply(&mut session, hiring(HiringCommand::DeleteStep(plan[1].id)));
    assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some("delete of the step Customer role play"));
    session.undo().expect("undo").1.result.expect("applied");
    assert_eq!(
        interviews::steps_of(session.conn(), requisition).unwrap(),
        plan,
        "same ids, order and competencies"
    );

    // An item of the onboarding template.
    let template = onboarding::template(session.conn()).unwrap();
    apply(&mut session, hiring(HiringCommand::DeleteTemplateItem(template[2].id)));
    assert_eq!(onboarding::template(session.conn()).unwrap().len(), template.len() - 1);
    assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some("removal from the onboarding template"));
    session.undo().expect("undo").1.result.expect("applied");
    assert_eq!(onboarding::template(session.conn()).unwrap(), template);

    // The requisition itself, with its plan and a slate report.
    let report = SlateReport {
        stage: Stage::Screen,
        reported_on: day(2026, 11, 2),
        slate_size: 5,
        slate: PolicyAnswer::Yes,
        panel: PolicyAnswer::NotReported,
    };
    apply(&mut session, hiring(HiringCommand::RecordSlate { requisition, report }));
    let before = requisitions::get(session.conn(), requisition).unwrap();
    apply(&mut session, hiring(HiringCommand::DeleteRequisition(requisition)));
    assert_eq!(count(&session, "interview_steps"), 0);
    assert_eq!(
        session.undo_step().map(|u| u.label.as_str()),
        Some("delete of REQ-9 Cloud Solution Architect, Data & AI")
    );
    session.undo().expect("undo").1.result.expect("applied");
    assert_eq!(requisitions::get(session.conn(), requisition).unwrap(), before);
    assert_eq!(interviews::steps_of(session.conn(), requisition).unwrap(), plan);
    assert_eq!(requisitions::slates_of(session.conn(), requisition).unwrap(), [report]);

    // A profile, with the competencies it was left with.
    let junior = add_profile(&mut session, "Junior architect");
    apply(
        &mut session,
        hiring(HiringCommand::SetProfileCompetency {
            profile: junior,
            competency: matrix[0],
            included: false,
        }),
    );
    let profile = hiring_profiles::get(session.conn(), junior).unwrap();
    apply(&mut session, hiring(HiringCommand::DeleteProfile(junior)));
    assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some("delete of the profile Junior architect"));
    session.undo().expect("undo").1.result.expect("applied");
    assert_eq!(hiring_profiles::get(session.conn(), junior).unwrap(), profile);
    // Ticking a competency back on is undone too.
    apply(
        &mut session,
        hiring(HiringCommand::SetProfileCompetency {
            profile: junior,
            competency: matrix[0],
            included: true,
        }),
    );
    session.undo().expect("undo").1.result.expect("applied");
    assert_eq!(hiring_profiles::get(session.conn(), junior).unwrap(), profile);
}

#[test]
fn deleting_a_candidate_offers_no_undo_that_would_keep_their_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let requisition = requisition_in(&mut session, "REQ-10", day(2026, 10, 5));
    let ana = candidate_in(&mut session, requisition, "Ana López", day(2026, 10, 6));
    crate::hiring::move_to(&mut session, ana, Stage::Screen, day(2026, 10, 9));
    assert!(session.undo_step().is_some(), "the move could be undone");
    apply(&mut session, hiring(HiringCommand::DeleteCandidates(vec![ana])));
    assert!(session.undo_step().is_none(), "nothing to bring her back from");
    assert_eq!(count(&session, "candidates"), 0);
    assert_eq!(count(&session, "candidate_stages"), 0);
}

#[test]
fn undo_puts_back_an_edited_or_moved_step_and_template_item_and_the_purge_setting() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let requisition = requisition_in(&mut session, "REQ-11", day(2026, 10, 5));
    add_step(&mut session, requisition, "Technical deep dive", &[]);
    add_step(&mut session, requisition, "Customer role play", &[]);
    let plan = interviews::steps_of(session.conn(), requisition).unwrap();

    let fields =
        StepFields { name: "Architecture deep dive".into(), interviewer: String::new(), by_me: true };
    apply(&mut session, hiring(HiringCommand::UpdateStep { id: plan[0].id, fields }));
    assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some("edit of the step Technical deep dive"));
    session.undo().expect("undo").1.result.expect("applied");
    assert_eq!(interviews::steps_of(session.conn(), requisition).unwrap(), plan);

    apply(&mut session, hiring(HiringCommand::MoveStep { id: plan[1].id, up: true }));
    let moved: Vec<_> =
        interviews::steps_of(session.conn(), requisition).unwrap().iter().map(|s| s.id).collect();
    assert_eq!(moved, [plan[1].id, plan[0].id]);
    session.undo().expect("undo").1.result.expect("applied");
    let back: Vec<_> =
        interviews::steps_of(session.conn(), requisition).unwrap().iter().map(|s| s.id).collect();
    assert_eq!(back, [plan[0].id, plan[1].id]);

    let template = onboarding::template(session.conn()).unwrap();
    let fields =
        leadline::model::onboarding::ItemFields { text: "Earn AZ-104".into(), ..template[0].fields.clone() };
    apply(&mut session, hiring(HiringCommand::UpdateTemplateItem { id: template[0].id, fields }));
    session.undo().expect("undo").1.result.expect("applied");
    apply(&mut session, hiring(HiringCommand::MoveTemplateItem { id: template[0].id, up: false }));
    session.undo().expect("undo").1.result.expect("applied");
    let after: Vec<_> =
        onboarding::template(session.conn()).unwrap().into_iter().map(|i| (i.id, i.fields)).collect();
    let before: Vec<_> = template.into_iter().map(|i| (i.id, i.fields)).collect();
    assert_eq!(after, before);

    apply(&mut session, hiring(HiringCommand::SetPurgeMonths(6)));
    assert_eq!(session.view().hiring.purge_months, 6);
    session.undo().expect("undo").1.result.expect("applied");
    assert_eq!(session.view().hiring.purge_months, 12);
}
