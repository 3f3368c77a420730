//! The weekly prep cards read the development plan and the manager's time: goals due or
//! stalled, certifications needing attention, what changed since the last one-on-one, and the
//! week's split, from the same database the other screens write.

use crate::common;

use leadline::model::fiscal::IsoWeek;
use leadline::model::goal::GoalFields;
use leadline::model::split::Category;
use leadline::model::time_entry::TimeEntryFields;
use leadline::session::Command;
use leadline::session::DevCommand;
use leadline::store::{architects, prep};

#[test]
fn a_goal_due_soon_a_certification_expiring_and_the_weeks_split_reach_the_prep_card() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut store = common::session(&path);
    let ana = common::add_architect(&mut store, "Ana López", leadline::model::Cadence::Weekly);
    let today = common::today();
    // A goal due in ten days, never moved since it was created today.
    let goal = GoalFields {
        description: "Deliver the AKS landing zone workshop".into(),
        target_on: Some(today + chrono::Days::new(10)),
        ..Default::default()
    };
    common::apply(&mut store, Command::Development(DevCommand::AddGoal { architect: ana, fields: goal }));
    // AZ-305 earned 11 months ago: it expires within 60 days.
    let catalogue = leadline::store::certifications::catalogue(store.conn()).unwrap();
    let az305 = catalogue.iter().find(|c| c.code == "AZ-305").expect("seeded").id;
    let earned_on = today - chrono::Days::new(320);
    common::apply(
        &mut store,
        Command::Development(DevCommand::RecordCertEarned { architect: ana, cert: az305, earned_on }),
    );
    // Three hours of coaching logged this week.
    let coaching = TimeEntryFields::manual(today, 180, Category::Coaching, "One-on-ones");
    common::apply(&mut store, Command::AddTimeEntry(coaching));

    let sheet = prep::sheet(store.conn(), IsoWeek::of(today), today).unwrap();
    let card = sheet.due.iter().find(|c| c.name == "Ana López").expect("Ana is due: never met");
    assert_eq!(card.goals.len(), 1, "{:?}", card.goals);
    assert_eq!(card.goals[0].description, "Deliver the AKS landing zone workshop");
    assert_eq!(card.certs.len(), 1, "{:?}", card.certs);
    assert_eq!(card.certs[0].code, "AZ-305");
    assert!(card.certs[0].state.starts_with("expires in"), "{}", card.certs[0].state);
    assert!(card.changes.iter().any(|c| c.text == "Earned AZ-305"), "{:?}", card.changes);
    let split = sheet.week_split.expect("time was logged this week");
    assert_eq!(split.split.minutes(Category::Coaching), 180);
    assert_eq!(architects::list(store.conn()).unwrap().len(), 1);
}

#[test]
fn goals_are_found_by_the_global_search_and_offered_for_review_in_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut store = common::session(&path);
    let ana = common::add_architect(&mut store, "Ana López", leadline::model::Cadence::Weekly);
    let goal =
        GoalFields { description: "Présenter l'architecture Kubernetes".into(), ..Default::default() };
    common::apply(&mut store, Command::Development(DevCommand::AddGoal { architect: ana, fields: goal }));

    let hits = leadline::store::search::search(store.conn(), "presenter kubernetes", 50).unwrap();
    assert_eq!(hits.total, 1, "accents folded, the goal found");
    let (indexed, expected) = leadline::store::search::entry_counts(store.conn()).unwrap();
    assert_eq!(indexed, expected, "the index holds the goal");

    let meeting = common::start(&mut store, ana, common::today(), &[]);
    drop(store);
    let view = {
        let store = common::session(&path);
        let selection = leadline::session::Selection { meeting: Some(meeting), ..Default::default() };
        leadline::session::ViewModel::load_with(store.store(), common::today(), None, &selection).unwrap()
    };
    let choices = &view.meeting.expect("the meeting is open").goal_choices;
    assert_eq!(choices.len(), 1);
    assert_eq!(choices[0].1, "Présenter l'architecture Kubernetes");
}
