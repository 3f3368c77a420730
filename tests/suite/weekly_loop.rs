//! The weekly one-on-one loop through the session, as the app drives it: starting a meeting
//! from its card, a meeting only started, undo straight after, certifications that complete
//! their goal, and the time a held one-on-one logs by itself.

use crate::common::{self, apply, day, hold, start};

use leadline::model::Cadence;
use leadline::model::goal::{GoalFields, GoalKind, GoalStatus};
use leadline::model::one_on_one::{MeetingFields, Party};
use leadline::session::{Command, DevCommand, Done, Session};
use leadline::store::{certifications, goals};

fn demo_session(dir: &tempfile::TempDir) -> Session {
    common::live_session(&common::demo_db(dir))
}

fn card<'v>(session: &'v Session, name: &str) -> &'v leadline::model::prep::PrepCard {
    let sheet = session.view().prep.as_ref().expect("a prep sheet");
    sheet.due.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("{name} is not due"))
}

fn is_due(session: &Session, name: &str) -> bool {
    session.view().prep.as_ref().expect("a prep sheet").due.iter().any(|c| c.name == name)
}

fn minutes_logged(session: &Session, architect: leadline::model::ArchitectId) -> Vec<(String, i64, String)> {
    let mut statement = session
        .conn()
        .prepare(
            "SELECT entry_date, minutes, category FROM time_entries \
             WHERE architect_id = ?1 AND one_on_one_id IS NOT NULL ORDER BY entry_date",
        )
        .unwrap();
    statement
        .query_map([architect.0], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn starting_from_a_card_puts_each_item_on_the_agenda_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = demo_session(&dir);
    let mateo = card(&session, "Mateo García");
    let (architect, suggested) = (mateo.architect_id, mateo.suggested.clone());
    let carried: Vec<String> = mateo.carried_points.iter().map(|p| p.fields.text.clone()).collect();
    assert!(!suggested.is_empty() && !carried.is_empty(), "the demo card has both");

    let id = match apply(
        &mut session,
        Command::StartOneOnOne { architect, held_on: common::today(), agenda: suggested },
    ) {
        Done::OneOnOneStarted { id, .. } => id,
        other => panic!("{other:?}"),
    };
    // Everything open for Mateo now: what was carried and what the card suggested.
    let mut open: Vec<String> = session
        .conn()
        .prepare("SELECT text FROM talking_points WHERE architect_id = ?1 AND discussed_in IS NULL")
        .unwrap()
        .query_map([architect.0], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let all = open.len();
    open.sort();
    open.dedup();
    assert_eq!(open.len(), all, "no twins on the agenda of {id:?}: {open:?}");

    // Next week's card carries those items once each, and suggests none of them again.
    session.set_clock(leadline::session::Clock::Fixed(day(2026, 12, 7)));
    let next = card(&session, "Mateo García");
    for point in &next.suggested {
        assert!(
            !next.carried_points.iter().any(|p| p.fields.text == point.text),
            "{} is both carried and suggested",
            point.text
        );
    }
}

#[test]
fn a_meeting_only_started_is_not_held_and_undo_takes_it_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = demo_session(&dir);
    let architect = card(&session, "Lukas Schneider").architect_id;
    let meetings_before = common::count(&session, "one_on_ones");
    let id = start(&mut session, architect, common::today(), &[]);

    // Nothing happened in it: Lukas is still due, his card offers to continue it.
    assert!(is_due(&session, "Lukas Schneider"));
    assert_eq!(card(&session, "Lukas Schneider").started.map(|m| m.id), Some(id));
    let held: i64 =
        session.conn().query_row("SELECT held FROM one_on_ones WHERE id = ?1", [id.0], |r| r.get(0)).unwrap();
    assert_eq!(held, 0);
    assert!(
        minutes_logged(&session, architect).iter().all(|(date, ..)| date != "2026-11-28"),
        "no time logged"
    );

    // Ctrl+Z straight after starting removes the meeting, and says so.
    let (undo, applied) = session.undo().expect("starting can be undone");
    assert!(applied.result.is_ok(), "{:?}", applied.result);
    assert!(undo.label.to_lowercase().contains("one-on-one"), "{}", undo.label);
    assert_eq!(common::count(&session, "one_on_ones"), meetings_before);
}

#[test]
fn undo_straight_after_a_start_never_touches_the_previous_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut session = common::live_session(&path);
    let ana = common::add_architect(&mut session, "Ana Lima", Cadence::Weekly);
    let first = hold(&mut session, ana, day(2026, 11, 20), &[("Pilot review", Party::Them)]);
    let point: i64 = session
        .conn()
        .query_row("SELECT id FROM talking_points WHERE raised_in = ?1", [first.0], |r| r.get(0))
        .unwrap();
    apply(
        &mut session,
        Command::SetDiscussed { id: leadline::model::TalkingPointId(point), meeting: Some(first) },
    );
    start(&mut session, ana, common::today(), &[]);
    let (undo, _) = session.undo().expect("undo the start");
    assert!(!undo.label.contains("tick"), "{}", undo.label);
    let discussed: Option<i64> = session
        .conn()
        .query_row("SELECT discussed_in FROM talking_points WHERE id = ?1", [point], |r| r.get(0))
        .unwrap();
    assert_eq!(discussed, Some(first.0), "the earlier tick stays");
}

#[test]
fn an_overdue_goal_is_overdue_on_the_card_too() {
    let dir = tempfile::tempdir().unwrap();
    let session = demo_session(&dir);
    let mateo = card(&session, "Mateo García");
    let goal = mateo.goals.iter().find(|g| g.description.contains("AZ-204")).expect("the AZ-204 goal");
    assert_eq!(goal.target_on, Some(day(2026, 11, 16)));
    assert_eq!(goal.overdue_days, Some(12));
    let sheet = leadline::report::prep::markdown(session.view().prep.as_ref().unwrap());
    assert!(sheet.contains("overdue by 12 days"), "{sheet}");
}

#[test]
fn a_card_names_each_goal_and_certification_once() {
    let dir = tempfile::tempdir().unwrap();
    let session = demo_session(&dir);
    for card in &session.view().prep.as_ref().unwrap().due {
        let mut subjects: Vec<String> =
            card.goals.iter().map(leadline::model::prep::GoalDue::subject).collect();
        subjects.extend(card.certs.iter().map(leadline::model::prep::CertAlert::subject));
        for subject in &subjects {
            let mentions =
                card.carried_points.iter().filter(|p| p.fields.text.starts_with(subject.as_str())).count()
                    + card.suggested.iter().filter(|p| p.text.starts_with(subject.as_str())).count();
            assert!(mentions <= 1, "{}: {subject} appears {mentions} times besides its section", card.name);
        }
    }
}

#[test]
fn recording_a_certification_earned_completes_its_goal_and_undo_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut session = common::live_session(&path);
    let ana = common::add_architect(&mut session, "Ana Lima", Cadence::Weekly);
    let cert = certifications::catalogue(session.conn())
        .unwrap()
        .into_iter()
        .find(|c| c.code == "AZ-204")
        .expect("AZ-204 in the catalogue")
        .id;
    let fields = GoalFields {
        kind: GoalKind::Certification,
        description: "Earn AZ-204".into(),
        target_on: Some(day(2026, 12, 20)),
        status: GoalStatus::InProgress,
        progress_pct: 70,
        evidence: String::new(),
        cert: Some(cert),
    };
    apply(&mut session, Command::Development(DevCommand::AddGoal { architect: ana, fields }));
    let goal = goals::list_of(session.conn(), ana).unwrap().pop().unwrap();

    apply(
        &mut session,
        Command::Development(DevCommand::RecordCertEarned {
            architect: ana,
            cert,
            earned_on: day(2026, 11, 27),
        }),
    );
    let done = goals::get(session.conn(), goal.id).unwrap();
    assert_eq!((done.fields.status, done.fields.progress_pct), (GoalStatus::Done, 100));

    let (undo, applied) = session.undo().expect("undo the certification");
    assert!(applied.result.is_ok(), "{:?}", applied.result);
    assert!(undo.label.contains("AZ-204"), "{}", undo.label);
    let back = goals::get(session.conn(), goal.id).unwrap();
    assert_eq!((back.fields.status, back.fields.progress_pct), (GoalStatus::InProgress, 70));
    assert!(certifications::records_of(session.conn(), ana).unwrap().is_empty(), "the record is gone too");
}

#[test]
fn a_held_one_on_one_logs_its_length_as_coaching_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut session = common::live_session(&path);
    let ana = common::add_architect(&mut session, "Ana Lima", Cadence::Weekly);
    let id = start(&mut session, ana, day(2026, 11, 26), &[]);
    assert!(minutes_logged(&session, ana).is_empty(), "only started: nothing logged");

    let fields = MeetingFields { held_on: day(2026, 11, 26), mood: Some(4), notes: "Pilot is live".into() };
    apply(&mut session, Command::UpdateOneOnOne { id, fields: fields.clone() });
    assert_eq!(minutes_logged(&session, ana), [("2026-11-26".to_owned(), 30, "coaching".to_owned())]);

    // Editing the notes again logs nothing more; a length set later is what counts.
    apply(
        &mut session,
        Command::UpdateOneOnOne { id, fields: MeetingFields { notes: "Pilot is live!".into(), ..fields } },
    );
    apply(&mut session, Command::SetMeetingLength { id, minutes: Some(45) });
    assert_eq!(minutes_logged(&session, ana), [("2026-11-26".to_owned(), 45, "coaching".to_owned())]);

    // Deleting the meeting takes its time with it.
    apply(&mut session, Command::DeleteOneOnOne(id));
    assert!(minutes_logged(&session, ana).is_empty());
}

#[test]
fn with_the_setting_off_a_held_one_on_one_logs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut session = common::live_session(&path);
    assert!(session.view().time.logs_one_on_ones, "on by default");
    apply(&mut session, Command::SetLogOneOnOneTime(false));
    assert!(!session.view().time.logs_one_on_ones);
    let ana = common::add_architect(&mut session, "Ana Lima", Cadence::Weekly);
    hold(&mut session, ana, day(2026, 11, 26), &[]);
    assert!(minutes_logged(&session, ana).is_empty());
    assert_eq!(common::count(&session, "time_entries"), 0);
}

#[test]
fn a_meeting_length_out_of_range_is_refused_naming_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut session = common::live_session(&path);
    let ana = common::add_architect(&mut session, "Ana Lima", Cadence::Weekly);
    let id = hold(&mut session, ana, day(2026, 11, 26), &[]);
    let message = common::refused(&mut session, Command::SetMeetingLength { id, minutes: Some(600) });
    assert!(message.contains("5 ") && message.contains("480"), "{message}");
    assert_eq!(minutes_logged(&session, ana)[0].1, 30, "the length saved before stays");
}

#[test]
fn my_open_actions_list_only_mine_overdue_first() {
    let dir = tempfile::tempdir().unwrap();
    let session = demo_session(&dir);
    let mine = &session.view().my_actions;
    assert!(!mine.is_empty(), "the demo has actions of the manager's own");
    assert!(mine.iter().all(|a| a.fields.owner == Party::Me && a.done_on.is_none()));
    let overdue: Vec<bool> = mine.iter().map(|a| a.overdue_days(common::today()).is_some()).collect();
    let mut sorted = overdue.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(overdue, sorted, "overdue first");
    assert!(overdue[0], "the demo has an overdue one");
}
