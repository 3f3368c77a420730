//! Putting development records back as they were, as Undo does: a deleted goal with its history
//! and id, a skill rating with its dated changes, a certification record with its renewals.

use crate::common;

use chrono::{Days, NaiveDate};
use leadline::model::certification::CertRecord;
use leadline::model::goal::{GoalFields, GoalKind, GoalStatus};
use leadline::model::one_on_one::{Party, PointFields};
use leadline::model::{ArchitectId, Cadence, CertId, CompetencyId, GoalId};
use leadline::store::skills::SkillChange;
use leadline::store::{Store, StoreError, certifications, goals, one_on_ones, search, skills};

/// An empty database with one architect, Ana.
fn with_ana() -> (tempfile::TempDir, Store, ArchitectId) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    // The architect comes through the session, as any record; the writes under test are the
    // store's own, on the store.
    let ana = common::add_architect(&mut common::session(&path), "Ana López", Cadence::Weekly);
    (dir, Store::open(&path).unwrap(), ana)
}

/// Runs one store write in a transaction, as a command would, and expects it to work.
fn write<T>(store: &mut Store, f: impl FnOnce(&rusqlite::Connection) -> Result<T, StoreError>) -> T {
    store.transact(|tx| f(tx)).unwrap()
}

/// A goal created a month ago that moved twice since.
fn goal_with_history(store: &mut Store, ana: ArchitectId) -> GoalId {
    let today = common::today();
    let created_on = today - Days::new(30);
    let fields = GoalFields {
        kind: GoalKind::Certification,
        description: "Earn AZ-305 before the Contoso bid".into(),
        target_on: Some(common::day(2027, 3, 31)),
        evidence: "Exam booked for March".into(),
        ..GoalFields::default()
    };
    let id = write(store, |tx| goals::insert(tx, ana, &fields, created_on, today));
    write(store, |tx| goals::record_progress(tx, id, 20, created_on + Days::new(5), today));
    write(store, |tx| goals::record_progress(tx, id, 45, today - Days::new(3), today));
    id
}

fn history_of(store: &Store, id: GoalId) -> Vec<(NaiveDate, u8)> {
    let history = goals::history(store.conn()).unwrap().remove(&id).unwrap_or_default();
    history.iter().map(|p| (p.on, p.progress_pct)).collect()
}

fn search_hits(store: &Store, words: &str) -> usize {
    search::search(store.conn(), words, 10).unwrap().hits.len()
}

#[test]
fn a_deleted_goal_comes_back_under_its_id_with_its_history_search_entry_and_meetings() {
    let (_dir, mut store, ana) = with_ana();
    let id = goal_with_history(&mut store, ana);
    let meeting = write(&mut store, |tx| {
        one_on_ones::start(
            tx,
            ana,
            common::today(),
            &[PointFields { text: "Exam plan".into(), raised_by: Party::Them, topic: String::new() }],
            common::today(),
        )
    });
    write(&mut store, |tx| one_on_ones::set_goals(tx, meeting, &[id]));
    let goal = goals::get(store.conn(), id).unwrap();
    let history = goals::history(store.conn()).unwrap().remove(&id).unwrap();
    let points = history_of(&store, id);
    assert_eq!(search_hits(&store, "Contoso"), 1);

    write(&mut store, |tx| goals::delete(tx, id));
    assert!(goals::get(store.conn(), id).is_err());
    assert!(history_of(&store, id).is_empty(), "the history went with it");
    assert_eq!(search_hits(&store, "Contoso"), 0);

    write(&mut store, |tx| goals::restore(tx, &goal, &history));
    assert_eq!(goals::get(store.conn(), id).unwrap(), goal, "same id, fields and creation date");
    assert_eq!(history_of(&store, id), points);
    assert_eq!(search_hits(&store, "Contoso"), 1, "found by search again");
    assert_eq!(
        one_on_ones::get(store.conn(), meeting).unwrap().goal_ids,
        [id],
        "the meeting that reviewed it still does"
    );
}

#[test]
fn restoring_a_goal_that_exists_puts_back_its_fields_and_history_exactly() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let id = goal_with_history(&mut store, ana);
    let goal = goals::get(store.conn(), id).unwrap();
    let history = goals::history(store.conn()).unwrap().remove(&id).unwrap();
    let points = history_of(&store, id);

    // Progress to 100 % closes it; an edit renames it and changes its evidence.
    write(&mut store, |tx| goals::record_progress(tx, id, 100, today, today));
    let edited =
        GoalFields { description: "Earn AZ-305".into(), ..goals::get(store.conn(), id).unwrap().fields };
    write(&mut store, |tx| goals::update(tx, id, &edited, today));
    assert_eq!(goals::get(store.conn(), id).unwrap().fields.status, GoalStatus::Done);

    write(&mut store, |tx| goals::restore(tx, &goal, &history));
    let restored = goals::get(store.conn(), id).unwrap();
    assert_eq!(restored, goal);
    assert_eq!(restored.fields.status, GoalStatus::InProgress);
    assert_eq!(history_of(&store, id), points, "today's point is gone, not replaced by the old value");
    assert_eq!(goals::list(store.conn()).unwrap().len(), 1, "no second goal");
}

fn competency(store: &Store, name: &str) -> CompetencyId {
    skills::competencies(store.conn()).unwrap().into_iter().find(|c| c.name == name).unwrap().id
}

fn rating(store: &Store, ana: ArchitectId, competency: CompetencyId) -> Option<(u8, u8, NaiveDate)> {
    let levels = skills::levels(store.conn()).unwrap();
    levels
        .into_iter()
        .find(|l| l.architect == ana && l.competency == competency)
        .map(|l| (l.current, l.target, l.changed_on))
}

fn rating_history(store: &Store, ana: ArchitectId, competency: CompetencyId) -> Vec<SkillChange> {
    let history = skills::history(store.conn()).unwrap().remove(&ana).unwrap_or_default();
    history.into_iter().filter(|c| c.competency == competency).collect()
}

#[test]
fn a_skill_rating_is_restored_with_its_date_and_history_or_removed_if_it_was_not_rated() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let earlier = today - Days::new(60);
    let design = competency(&store, "Architecture design");
    write(&mut store, |tx| skills::set_level(tx, ana, design, 2, 4, earlier - Days::new(30)));
    write(&mut store, |tx| skills::set_level(tx, ana, design, 3, 4, earlier));
    let level = skills::levels(store.conn()).unwrap().into_iter().find(|l| l.competency == design).unwrap();
    let history = rating_history(&store, ana, design);
    assert_eq!(history.len(), 2);

    // Today's click: level 4.
    write(&mut store, |tx| skills::set_level(tx, ana, design, 4, 4, today));
    assert_eq!(rating_history(&store, ana, design).len(), 3);

    write(&mut store, |tx| skills::restore_level(tx, ana, design, Some(&level), &history));
    assert_eq!(rating(&store, ana, design), Some((3, 4, earlier)), "changed on the old day, not today");
    assert_eq!(rating_history(&store, ana, design), history);

    // A first rating, undone: not rated again.
    let demos = competency(&store, "Presentations & demos");
    write(&mut store, |tx| skills::set_level(tx, ana, demos, 2, 2, today));
    write(&mut store, |tx| skills::restore_level(tx, ana, demos, None, &[]));
    assert_eq!(rating(&store, ana, demos), None);
    assert!(rating_history(&store, ana, demos).is_empty());
    assert_eq!(rating(&store, ana, design), Some((3, 4, earlier)), "the other rating is untouched");
}

fn cert(store: &Store, code: &str) -> CertId {
    certifications::catalogue(store.conn()).unwrap().into_iter().find(|c| c.code == code).unwrap().id
}

#[test]
fn a_removed_certification_record_comes_back_under_its_id_with_its_renewals() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let az305 = cert(&store, "AZ-305");
    // Earned 2024-12-02, renewed once (2025-11-20): valid until 2026-12-02.
    write(&mut store, |tx| certifications::record_earned(tx, ana, az305, common::day(2024, 12, 2), today));
    let id = certifications::records(store.conn()).unwrap()[0].id;
    write(&mut store, |tx| certifications::record_renewal(tx, id, common::day(2025, 11, 20), today));
    let held = certifications::record(store.conn(), id).unwrap();
    assert_eq!(held.renewals, [common::day(2025, 11, 20)]);

    write(&mut store, |tx| certifications::remove_record(tx, id));
    assert!(certifications::records(store.conn()).unwrap().is_empty());

    write(&mut store, |tx| certifications::restore_record(tx, &held));
    assert_eq!(certifications::record(store.conn(), id).unwrap(), held);
    assert_eq!(certifications::records(store.conn()).unwrap(), [held]);
}

#[test]
fn restoring_a_record_replaces_the_one_the_architect_holds_now() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let az104 = cert(&store, "AZ-104");
    // Earned 2023-05-10 and renewed once: it expired 2025-05-10, then was earned again.
    write(&mut store, |tx| certifications::record_earned(tx, ana, az104, common::day(2023, 5, 10), today));
    let id = certifications::records(store.conn()).unwrap()[0].id;
    write(&mut store, |tx| certifications::record_renewal(tx, id, common::day(2024, 4, 1), today));
    let lapsed: CertRecord = certifications::record(store.conn(), id).unwrap();
    write(&mut store, |tx| certifications::record_earned(tx, ana, az104, common::day(2026, 10, 1), today));
    let again = certifications::record(store.conn(), id).unwrap();
    assert_eq!((again.earned_on, again.renewals.len()), (common::day(2026, 10, 1), 0));

    write(&mut store, |tx| certifications::restore_record(tx, &lapsed));
    assert_eq!(certifications::records(store.conn()).unwrap(), std::slice::from_ref(&lapsed));

    // Removed, then recorded anew (a new id): restoring the old one replaces the new one.
    write(&mut store, |tx| certifications::remove_record(tx, id));
    write(&mut store, |tx| certifications::record_earned(tx, ana, az104, common::day(2026, 11, 2), today));
    write(&mut store, |tx| certifications::restore_record(tx, &lapsed));
    assert_eq!(certifications::records(store.conn()).unwrap(), [lapsed]);
}

#[test]
fn a_catalogue_entry_can_be_corrected_but_not_onto_another_entrys_code() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&common::db_in(&dir)).unwrap();
    let conn = store.conn();
    let catalogue = certifications::catalogue(conn).unwrap();
    let az104 = catalogue.iter().find(|c| c.code == "AZ-104").unwrap();
    let error = certifications::update_catalogue_entry(conn, az104.id, "az-305", &az104.name, az104.kind)
        .unwrap_err();
    assert!(error.to_string().starts_with("code: AZ-305 is already in the catalogue"), "{error}");
    let error =
        certifications::update_catalogue_entry(conn, az104.id, "AZ-104", "  ", az104.kind).unwrap_err();
    assert!(error.to_string().starts_with("name:"), "{error}");
    let before = certifications::update_catalogue_entry(
        conn,
        az104.id,
        "az-104",
        "Azure Administrator Associate (2026 exam)",
        leadline::model::certification::CertKind::Specialty,
    )
    .unwrap();
    assert_eq!(&before, az104);
    let after = certifications::entry(conn, az104.id).unwrap();
    assert_eq!(
        (after.code.as_str(), after.name.as_str(), after.kind),
        (
            "AZ-104",
            "Azure Administrator Associate (2026 exam)",
            leadline::model::certification::CertKind::Specialty
        )
    );
}
