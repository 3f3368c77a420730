//! One-on-ones through the commands the app, the CLI and the tests share: carry-over across
//! weeks, cadence, prep cards built from a real database, and bad input refused.

use crate::common;

use crate::common::{add_architect, apply, count, day, refused, start};
use leadline::model::one_on_one::{ActionFields, Agenda, MeetingFields, Origin, Party, PointFields};
use leadline::model::{ArchitectId, Cadence, OneOnOneId, Status};
use leadline::session::Command;
use leadline::session::Session;
use leadline::store::{agenda, one_on_ones, prep};

fn new_store(dir: &tempfile::TempDir) -> Session {
    common::session(&common::db_in(dir))
}

fn agenda_of(store: &Session, meeting: OneOnOneId) -> Agenda {
    let meeting = one_on_ones::get(store.conn(), meeting).expect("meeting");
    agenda::agenda_of(store.conn(), &meeting).expect("agenda")
}

fn week(label: &str) -> leadline::model::fiscal::IsoWeek {
    label.parse().expect("week")
}

fn action(text: &str, owner: Party, due_on: Option<chrono::NaiveDate>) -> ActionFields {
    ActionFields { text: text.into(), owner, due_on }
}

#[test]
fn an_item_raised_and_not_discussed_is_carried_twice_then_closed_and_gone_from_the_next_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let lukas = add_architect(&mut store, "Lukas Schneider", Cadence::Weekly);

    // Week 46: raised, not discussed; an action due the week after.
    let w46 = start(&mut store, lukas, day(2026, 11, 10), &[("AKS capacity planning", Party::Them)]);
    apply(
        &mut store,
        Command::AddActionItem {
            meeting: w46,
            fields: action("Send the sizing runbook", Party::Them, Some(day(2026, 11, 20))),
        },
    );
    let first = agenda_of(&store, w46);
    assert_eq!(first.points.len(), 1);
    assert_eq!(first.points[0].1, Origin::Here);
    let point = first.points[0].0.id;
    let runbook = first.actions[0].0.id;

    // Week 47: both come along by themselves, marked as carried over since week 46.
    let w47 = start(&mut store, lukas, day(2026, 11, 17), &[]);
    let second = agenda_of(&store, w47);
    assert_eq!(second.points[0].0.id, point, "the same point, not a copy");
    assert_eq!(second.points[0].1, Origin::Carried { since: day(2026, 11, 10), times: 1 });
    assert_eq!(second.actions[0].0.id, runbook);
    assert_eq!(second.actions[0].1, Origin::Carried { since: day(2026, 11, 10), times: 1 });

    // Week 48: carried a second time; now discussed, and the action is done.
    let w48 = start(&mut store, lukas, day(2026, 11, 24), &[]);
    let third = agenda_of(&store, w48);
    assert_eq!(third.points[0].1, Origin::Carried { since: day(2026, 11, 10), times: 2 });
    apply(&mut store, Command::SetDiscussed { id: point, meeting: Some(w48) });
    apply(&mut store, Command::SetActionDone { id: runbook, done_on: Some(day(2026, 11, 24)) });
    let closed = agenda_of(&store, w48);
    assert_eq!(closed.points[0].0.discussed_in, Some(w48), "still shown where it was discussed, ticked");
    assert_eq!(closed.actions[0].0.done_on, Some(day(2026, 11, 24)));

    // Week 49: gone.
    let w49 = start(&mut store, lukas, day(2026, 12, 1), &[]);
    assert_eq!(agenda_of(&store, w49), Agenda::default(), "nothing left to carry");
    // The earlier agendas still tell the story.
    assert_eq!(agenda_of(&store, w47).points.len(), 1);
    // Nothing was ever copied.
    assert_eq!(count(&store, "talking_points"), 1);
    assert_eq!(count(&store, "action_items"), 1);
}

#[test]
fn closing_an_item_in_an_older_meeting_closes_it_on_every_later_agenda() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let priya = add_architect(&mut store, "Priya Raman", Cadence::Weekly);
    let first = start(&mut store, priya, day(2026, 11, 3), &[("SC-100 exam date", Party::Them)]);
    let later = start(&mut store, priya, day(2026, 11, 10), &[]);
    let point = agenda_of(&store, later).points[0].0.id;
    apply(&mut store, Command::SetDiscussed { id: point, meeting: Some(first) });
    assert!(agenda_of(&store, later).points.is_empty());
    // Deleting the meeting that closed it opens it again (its own items go with it).
    let other = start(&mut store, priya, day(2026, 11, 17), &[("Conference talk", Party::Them)]);
    let talk = agenda_of(&store, other)
        .points
        .iter()
        .find(|(p, _)| p.fields.text == "Conference talk")
        .unwrap()
        .0
        .id;
    let closer = start(&mut store, priya, day(2026, 11, 24), &[]);
    apply(&mut store, Command::SetDiscussed { id: talk, meeting: Some(closer) });
    apply(&mut store, Command::DeleteOneOnOne(closer));
    let reopened = one_on_ones::get(store.conn(), other).unwrap();
    let agenda = agenda::agenda_of(store.conn(), &reopened).unwrap();
    assert_eq!(agenda.points.iter().find(|(p, _)| p.id == talk).unwrap().0.discussed_in, None);
}

#[test]
fn a_biweekly_architect_met_last_week_is_not_due_this_week() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let amara = add_architect(&mut store, "Amara Okafor", Cadence::Biweekly);
    let kenji = add_architect(&mut store, "Kenji Watanabe", Cadence::Biweekly);
    let lukas = add_architect(&mut store, "Lukas Schneider", Cadence::Weekly);
    let noor = add_architect(&mut store, "Noor Haddad", Cadence::Weekly);
    let daniel = add_architect(&mut store, "Daniel O'Brien", Cadence::Weekly);
    let grace = add_architect(&mut store, "Grace Mensah", Cadence::Weekly);
    common::hold(&mut store, amara, day(2026, 11, 18), &[]); // W47
    common::hold(&mut store, kenji, day(2026, 11, 11), &[]); // W46
    common::hold(&mut store, lukas, day(2026, 11, 17), &[]); // W47
    apply(&mut store, Command::SetArchitectStatus { id: daniel, status: Status::OnLeave });
    apply(&mut store, Command::SetArchitectStatus { id: grace, status: Status::Left });

    let sheet = prep::sheet(store.conn(), week("2026-W48"), common::today()).unwrap();
    let due: Vec<ArchitectId> = sheet.due.iter().map(|c| c.architect_id).collect();
    assert!(due.contains(&kenji), "biweekly, two weeks since the last one");
    assert!(due.contains(&lukas), "weekly");
    assert!(due.contains(&noor), "never met: due");
    assert!(!due.contains(&amara), "biweekly, met last week: not due");
    assert_eq!(sheet.not_due.len(), 1);
    assert_eq!(sheet.not_due[0].architect_id, amara);
    assert_eq!(sheet.not_due[0].next_due, week("2026-W49"));
    assert_eq!(sheet.on_leave, vec![(daniel, "Daniel O'Brien".to_owned())]);
    assert!(
        sheet.due.iter().all(|c| c.architect_id != grace)
            && sheet.not_due.iter().all(|n| n.architect_id != grace)
    );

    let next = prep::sheet(store.conn(), week("2026-W49"), common::today()).unwrap();
    assert!(next.due.iter().any(|c| c.architect_id == amara), "due the week after");
}

#[test]
fn a_prep_card_from_a_seeded_database_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let mateo = add_architect(&mut store, "Mateo García", Cadence::Weekly);
    let m1 = start(
        &mut store,
        mateo,
        day(2026, 11, 12),
        &[("Wingtip review board", Party::Me), ("Proseware POC scope", Party::Them)],
    );
    apply(
        &mut store,
        Command::UpdateOneOnOne {
            id: m1,
            fields: MeetingFields { held_on: day(2026, 11, 12), mood: Some(4), notes: String::new() },
        },
    );
    let add = |store: &mut Session, meeting, text: &str, owner, due| {
        apply(store, Command::AddActionItem { meeting, fields: action(text, owner, due) });
    };
    add(&mut store, m1, "Share the runbook", Party::Them, Some(day(2026, 11, 16)));
    add(&mut store, m1, "Book the coach", Party::Me, None);
    add(&mut store, m1, "Old item", Party::Them, None);
    let m2 = start(&mut store, mateo, day(2026, 11, 19), &[("Travel load", Party::Them)]);
    apply(
        &mut store,
        Command::UpdateOneOnOne {
            id: m2,
            fields: MeetingFields { held_on: day(2026, 11, 19), mood: Some(2), notes: "Tired".into() },
        },
    );
    add(&mut store, m2, "Find a presentation slot", Party::Me, Some(day(2026, 12, 2)));
    let items = agenda_of(&store, m2);
    let point = |text: &str| items.points.iter().find(|(p, _)| p.fields.text == text).unwrap().0.id;
    let action_id = |text: &str| items.actions.iter().find(|(a, _)| a.fields.text == text).unwrap().0.id;
    apply(&mut store, Command::SetDiscussed { id: point("Proseware POC scope"), meeting: Some(m2) });
    apply(
        &mut store,
        Command::SetActionDone { id: action_id("Book the coach"), done_on: Some(day(2026, 11, 20)) },
    );
    apply(&mut store, Command::SetActionDone { id: action_id("Old item"), done_on: Some(day(2026, 11, 18)) });

    let sheet = prep::sheet(store.conn(), week("2026-W48"), common::today()).unwrap();
    assert_eq!(sheet.as_of, common::today());
    let card = sheet.card(mateo).expect("Mateo is due");
    assert_eq!(card.name, "Mateo García");
    assert_eq!(card.cadence, Cadence::Weekly);
    assert_eq!(card.last.map(|m| (m.id, m.held_on, m.mood)), Some((m2, day(2026, 11, 19), Some(2))));
    assert_eq!(card.days_since_last, Some(9));
    assert_eq!(card.previous_mood, Some(4));

    let carried: Vec<(&str, chrono::NaiveDate, u32, Party)> = card
        .carried_points
        .iter()
        .map(|p| (p.fields.text.as_str(), p.raised_on, p.times_carried, p.fields.raised_by))
        .collect();
    assert_eq!(
        carried,
        [
            ("Wingtip review board", day(2026, 11, 12), 1, Party::Me),
            ("Travel load", day(2026, 11, 19), 0, Party::Them),
        ],
        "oldest first; the discussed one is not there"
    );

    let open: Vec<(&str, Option<i64>)> =
        card.open_actions.iter().map(|a| (a.fields.text.as_str(), a.overdue_days(sheet.as_of))).collect();
    assert_eq!(open, [("Share the runbook", Some(12)), ("Find a presentation slot", None)], "overdue first");
    assert_eq!(card.overdue_count(sheet.as_of), 1);

    let done: Vec<&str> = card.done_since_last.iter().map(|a| a.fields.text.as_str()).collect();
    assert_eq!(done, ["Book the coach"], "done before the last meeting is old news");

    assert!(card.goals.is_empty() && card.certs.is_empty() && card.changes.is_empty());
    assert_eq!(card.suggested.len(), 1);
    assert_eq!(card.suggested[0].topic, "Wellbeing");
    assert!(card.suggested[0].text.contains("2/5"));
}

#[test]
fn bad_input_gets_a_clear_message_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let sofia = add_architect(&mut store, "Sofia Lindqvist", Cadence::Weekly);
    let meeting = start(&mut store, sofia, day(2026, 11, 23), &[]);
    let before = (count(&store, "action_items"), count(&store, "one_on_ones"), count(&store, "search_index"));

    let message =
        refused(&mut store, Command::AddActionItem { meeting, fields: action("   ", Party::Me, None) });
    assert_eq!(message, "action item: must not be empty");

    let message = refused(
        &mut store,
        Command::AddActionItem {
            meeting,
            fields: action("Send the deck", Party::Them, Some(day(2026, 11, 20))),
        },
    );
    assert_eq!(message, "due date: 2026-11-20 is before the one-on-one it comes from (2026-11-23)");

    let message = refused(
        &mut store,
        Command::StartOneOnOne { architect: sofia, held_on: day(2027, 11, 23), agenda: vec![] },
    );
    assert!(message.starts_with("date: 2027-11-23 is more than 31 days ahead"), "{message}");

    let notes = "x".repeat(20_001);
    let message = refused(
        &mut store,
        Command::UpdateOneOnOne {
            id: meeting,
            fields: MeetingFields { held_on: day(2026, 11, 23), mood: None, notes },
        },
    );
    assert_eq!(message, "notes: is 20001 characters long; the limit is 20000");

    let message = refused(
        &mut store,
        Command::UpdateOneOnOne {
            id: meeting,
            fields: MeetingFields { held_on: day(2026, 11, 23), mood: Some(7), notes: String::new() },
        },
    );
    assert_eq!(message, "mood: 7 is outside 1 to 5");

    let message = refused(
        &mut store,
        Command::StartOneOnOne { architect: sofia, held_on: day(2026, 11, 23), agenda: vec![] },
    );
    assert!(message.contains("already a one-on-one with Sofia Lindqvist on 2026-11-23"), "{message}");

    let message = refused(
        &mut store,
        Command::AddTalkingPoint {
            meeting,
            fields: PointFields { text: "\n\t".into(), ..PointFields::default() },
        },
    );
    assert_eq!(message, "talking point: must not be empty");

    assert_eq!(
        (count(&store, "action_items"), count(&store, "one_on_ones"), count(&store, "search_index")),
        before,
        "nothing saved"
    );
    let stored = one_on_ones::get(store.conn(), meeting).unwrap();
    assert_eq!(stored.fields.notes, "", "no notes cut to fit");
}

#[test]
fn a_meeting_keeps_its_place_among_the_others_when_its_date_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let kenji = add_architect(&mut store, "Kenji Watanabe", Cadence::Weekly);
    start(&mut store, kenji, day(2026, 11, 4), &[]);
    let middle = start(&mut store, kenji, day(2026, 11, 11), &[]);
    start(&mut store, kenji, day(2026, 11, 18), &[]);
    let fields = |held_on| MeetingFields { held_on, mood: None, notes: String::new() };

    apply(&mut store, Command::UpdateOneOnOne { id: middle, fields: fields(day(2026, 11, 12)) });
    let message =
        refused(&mut store, Command::UpdateOneOnOne { id: middle, fields: fields(day(2026, 11, 2)) });
    assert!(message.contains("before the previous one with Kenji Watanabe (2026-11-04)"), "{message}");
    let message =
        refused(&mut store, Command::UpdateOneOnOne { id: middle, fields: fields(day(2026, 11, 18)) });
    assert!(message.contains("already a one-on-one with Kenji Watanabe on 2026-11-18"), "{message}");

    apply(
        &mut store,
        Command::AddActionItem {
            meeting: middle,
            fields: action("Draft the agenda", Party::Them, Some(day(2026, 11, 13))),
        },
    );
    let message =
        refused(&mut store, Command::UpdateOneOnOne { id: middle, fields: fields(day(2026, 11, 16)) });
    assert!(
        message.contains("is after 2026-11-13, when an action item from this one-on-one is due"),
        "{message}"
    );
}

#[test]
fn a_one_on_one_cannot_start_with_someone_who_left() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let grace = add_architect(&mut store, "Grace Mensah", Cadence::Weekly);
    apply(&mut store, Command::SetArchitectStatus { id: grace, status: Status::Left });
    let message = refused(
        &mut store,
        Command::StartOneOnOne { architect: grace, held_on: day(2026, 11, 27), agenda: vec![] },
    );
    assert!(message.contains("Grace Mensah has left the team"), "{message}");
}

#[test]
fn templates_are_edited_and_names_stay_unique() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let names = |store: &Session| -> Vec<String> {
        leadline::store::templates::list(store.conn()).unwrap().into_iter().map(|t| t.name).collect()
    };
    assert_eq!(names(&store), ["Career", "Customers", "Wellbeing", "Feedback"]);
    apply(
        &mut store,
        Command::AddTemplate { name: "Hiring".into(), prompt: "Hiring: who should we talk to?".into() },
    );
    let message = refused(
        &mut store,
        Command::AddTemplate { name: "career".into(), prompt: "Another career prompt".into() },
    );
    assert_eq!(message, "template name: there is already a template called “career”");
    let message = refused(&mut store, Command::AddTemplate { name: "Travel".into(), prompt: " ".into() });
    assert_eq!(message, "template text: must not be empty");
    let templates = leadline::store::templates::list(store.conn()).unwrap();
    apply(&mut store, Command::MoveTemplate { id: templates[4].id, up: true });
    apply(&mut store, Command::DeleteTemplate(templates[0].id));
    assert_eq!(names(&store), ["Customers", "Wellbeing", "Hiring", "Feedback"]);
}

#[test]
fn the_demo_team_has_every_kind_of_card_content_this_week() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let store = common::session(&path);
    let sheet = prep::sheet(store.conn(), week("2026-W48"), common::today()).unwrap();
    assert!(sheet.due.iter().any(|c| c.carried_points.iter().any(|p| p.times_carried >= 2)), "carried twice");
    assert!(sheet.due.iter().any(|c| c.overdue_count(sheet.as_of) > 0), "an overdue action");
    assert!(sheet.due.iter().any(|c| c.open_actions.iter().any(|a| a.overdue_days(sheet.as_of).is_none())));
    assert!(sheet.due.iter().any(|c| !c.done_since_last.is_empty()), "done since last time");
    assert!(sheet.due.iter().any(|c| !c.suggested.is_empty()), "a low mood to follow up");
    assert!(!sheet.held.is_empty(), "a one-on-one already held this week");
    assert!(!sheet.not_due.is_empty(), "a biweekly architect not due");
    assert!(!sheet.on_leave.is_empty());
    let (indexed, expected) = leadline::store::search::entry_counts(store.conn()).unwrap();
    assert_eq!(indexed, expected, "the search index is in step with the records");
}
