//! A hire serving a notice period, and what the first weeks show: the hire is recorded weeks
//! before the start (the first one-on-one planned on the first day, the goals dated from it,
//! nobody due before), an onboarding goal is not stalled before its window opens, and a
//! scorecard is owed only once its interview has begun.

use crate::common::{self, apply, count, day, refused};
use crate::hiring::{at_offer, hire_of, hiring, requisition_in};

use leadline::model::Cadence;
use leadline::model::candidate::Stage;
use leadline::model::fiscal::IsoWeek;
use leadline::model::interview::{StepFields, parse_datetime};
use leadline::model::one_on_one::MeetingFields;
use leadline::session::{Command, Done, HiringCommand};
use leadline::store::{architects, goals, interviews, one_on_ones, skills};

#[test]
fn a_hire_two_months_before_the_start_plans_the_first_one_on_one_on_the_first_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let buddy = common::add_architect(&mut session, "Mateo García", Cadence::Weekly);
    let requisition = requisition_in(&mut session, "REQ-1", day(2026, 9, 14));
    let ingrid = at_offer(&mut session, requisition, "Ingrid Solberg");

    // An eight-week notice: the offer accepted on 20 Nov, the start on Monday 25 Jan 2027.
    let start = day(2027, 1, 25);
    let done = apply(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(ingrid, "Ingrid Solberg", start, Some(buddy))))),
    );
    let Done::Hiring(done) = done else { panic!("a hiring answer") };
    assert_eq!(
        done.message,
        "Hired Ingrid Solberg: on the team from 2027-01-25, with 3 onboarding goals and 2 talking points for \
         the first one-on-one"
    );
    let architect = done.architect.expect("the new architect");
    let stored = architects::get(session.conn(), architect).unwrap();
    assert_eq!((stored.fields.started_on, stored.fields.cadence), (Some(start), Cadence::Weekly));
    let meetings = one_on_ones::history(session.conn(), architect).unwrap();
    assert_eq!(meetings.len(), 1);
    assert_eq!((meetings[0].meeting.held_on, meetings[0].points_raised), (start, 2));
    let mut targets: Vec<_> =
        goals::list_of(session.conn(), architect).unwrap().iter().map(|g| g.fields.target_on).collect();
    targets.sort();
    assert_eq!(targets, [Some(day(2027, 2, 24)), Some(day(2027, 2, 24)), Some(day(2027, 3, 26))]);

    // Until then nobody is due: this week's sheet says when she starts.
    let sheet = session.view().prep.as_ref().unwrap();
    assert!(sheet.card(architect).is_none(), "not due before her first day");
    let starting: Vec<_> = sheet.starting.iter().map(|s| (s.name.as_str(), s.starts_on)).collect();
    assert_eq!(starting, [("Ingrid Solberg", start)]);
    assert!(
        leadline::report::prep::markdown(sheet)
            .contains("## Not started yet\n\n- Ingrid Solberg starts on 2027-01-25")
    );

    // The week she starts, her card is there with the plan on day 1.
    let inputs = leadline::store::prep::inputs(session.conn(), IsoWeek::of(start), common::today()).unwrap();
    let first_week = leadline::model::prep::build(&inputs);
    let card = first_week.card(architect).expect("due in her first week");
    assert_eq!(card.onboarding.as_ref().map(|o| o.day), Some(1));
    assert!(first_week.starting.is_empty());

    // Her first meeting, planned 58 days ahead, can be prepared like any other.
    let fields = MeetingFields { held_on: start, mood: None, notes: "Laptop and badge ready".into() };
    apply(&mut session, Command::UpdateOneOnOne { id: meetings[0].meeting.id, fields });
    assert_eq!(
        one_on_ones::get(session.conn(), meetings[0].meeting.id).unwrap().fields.notes,
        "Laptop and badge ready"
    );
}

#[test]
fn a_start_more_than_six_months_ahead_is_refused_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    let requisition = requisition_in(&mut session, "REQ-2", day(2026, 9, 14));
    let ingrid = at_offer(&mut session, requisition, "Ingrid Solberg");
    // Today is 2026-11-28: 183 days ahead is 2027-05-30.
    let message = refused(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(ingrid, "Ingrid Solberg", day(2027, 5, 31), None)))),
    );
    assert_eq!(message, "start date: 2027-05-31 is more than 183 days (six months) ahead; check the year");
    assert_eq!(count(&session, "architects"), 0);
    assert_eq!(count(&session, "one_on_ones"), 0);
    apply(
        &mut session,
        hiring(HiringCommand::Hire(Box::new(hire_of(ingrid, "Ingrid Solberg", day(2027, 5, 30), None)))),
    );
    assert_eq!(count(&session, "architects"), 1, "the last day allowed");
}

#[test]
fn onboarding_goals_are_not_stalled_before_their_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let session = common::live_session(&path);
    let view = session.view();
    let tomas = view.architects.iter().find(|a| a.fields.name == "Tomás Herrera").expect("Tomás").id;
    // Day 41 of his plan: the day-60 goal's window opened on day 31, the day-90 goals' open on
    // day 61. A goal not moved since the hire would have been "stalled" after 30 days.
    let person = view.development.person(tomas).expect("his plan");
    let open: Vec<_> =
        person.goals.iter().filter(|g| leadline::model::goal::is_open(g.goal.fields.status)).collect();
    assert_eq!(open.len(), 3);
    assert!(
        open.iter().all(|g| !g.flags.stalled),
        "{:?}",
        open.iter().map(|g| &g.goal.fields.description).collect::<Vec<_>>()
    );
    assert!(view.development.attention.iter().all(|r| r.architect != tomas || !r.flags.stalled));

    // Five weeks on (Monday 4 Jan 2027): the day-60 goal, untouched since its window opened 47
    // days before, is stalled; the day-90 goals' window opened 17 days before: not yet.
    let inputs =
        leadline::store::prep::inputs(session.conn(), IsoWeek::of(day(2027, 1, 4)), common::today()).unwrap();
    let goals = &inputs.development.get(&tomas).expect("goals on his card").goals;
    let mut flags: Vec<(&str, bool)> = goals.iter().map(|g| (g.description.as_str(), g.stalled)).collect();
    flags.sort_unstable();
    assert_eq!(
        flags,
        [
            ("Earn the role-based certification of your solution area (e.g. AZ-305)", false),
            ("Lead a first customer engagement: a discovery or envisioning session", true),
            ("Present a customer story or demo at the team meeting", false),
        ]
    );
}

#[test]
fn an_interview_later_today_is_not_owed_until_it_has_begun() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::live_session(&path);
    let requisition = requisition_in(&mut session, "REQ-3", day(2026, 9, 14));
    let step =
        StepFields { name: "Hiring manager conversation".into(), interviewer: String::new(), by_me: true };
    apply(&mut session, hiring(HiringCommand::AddStep { requisition, fields: step }));
    let step = interviews::steps_of(session.conn(), requisition).unwrap()[0].id;
    let competency = skills::competencies(session.conn()).unwrap()[0].id;
    apply(&mut session, hiring(HiringCommand::SetStepCompetency { step, competency, assessed: true }));
    for (name, at) in [("Ana López", "2026-11-24 14:00"), ("Ben Okafor", "2026-11-28 15:00")] {
        let candidate = crate::hiring::candidate_in(&mut session, requisition, name, day(2026, 10, 1));
        crate::hiring::move_to(&mut session, candidate, Stage::InterviewLoop, day(2026, 11, 20));
        let held_at = parse_datetime("held", at).unwrap();
        apply(&mut session, hiring(HiringCommand::ScheduleInterview { candidate, step, held_at }));
    }
    let hiring_view = &session.view().hiring;
    let owed = |at: &str| -> Vec<String> {
        hiring_view
            .owed_at(parse_datetime("now", at).unwrap())
            .iter()
            .map(|o| o.candidate_name.clone())
            .collect()
    };
    assert_eq!(owed("2026-11-28 09:30"), ["Ana López"], "Ben's interview is this afternoon");
    assert_eq!(owed("2026-11-28 15:00"), ["Ana López", "Ben Okafor"], "owed once it has begun");
    // Both are this week's interviews either way.
    assert_eq!(hiring_view.interviews_in(IsoWeek::of(common::today())).len(), 2);
}
