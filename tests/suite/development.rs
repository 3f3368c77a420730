//! Development plans, skills and certifications through the same commands the window and the
//! command line apply: the lifecycle as stored, the flags the view model computes, and bad
//! input refused with a clear message and nothing saved.

use crate::common;

use chrono::{Days, NaiveDate};
use leadline::model::certification::{CertKind, CertState, DEFAULT_CATALOGUE};
use leadline::model::goal::{GoalFields, GoalKind, GoalStatus};
use leadline::model::skills::DEFAULT_COMPETENCIES;
use leadline::model::{ArchitectFields, ArchitectId, CertId, CompetencyId, GoalId};
use leadline::session::dev_view::DevelopmentView;
use leadline::session::{Clock, Command, DevCommand, Done, Origin, Session, SessionError, ViewModel};
use leadline::store::{certifications, goals, skills};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An empty database with one architect, Ana.
fn with_ana() -> (tempfile::TempDir, Session, ArchitectId) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::session(&common::db_in(&dir));
    let fields = ArchitectFields { name: "Ana López".into(), ..ArchitectFields::default() };
    let Done::ArchitectAdded(ana) = store.run(Origin::SCRIPT, Command::AddArchitect(fields)).unwrap() else {
        panic!("not added")
    };
    (dir, store, ana)
}

/// Applies one development command as the app does, through the session, on `today`.
fn apply(store: &mut Session, command: DevCommand, today: NaiveDate) -> Result<String, SessionError> {
    store.set_clock(Clock::Fixed(today));
    store.run(Origin::SCRIPT, Command::Development(command)).map(|outcome| match outcome {
        Done::Development(done) => done.message,
        other => panic!("unexpected outcome {other:?}"),
    })
}

fn view(store: &Session, today: NaiveDate) -> ViewModel {
    ViewModel::load(store.store(), today).unwrap()
}

fn cert_id(store: &Session, code: &str) -> CertId {
    certifications::catalogue(store.conn()).unwrap().into_iter().find(|c| c.code == code).unwrap().id
}

fn competency_id(store: &Session, name: &str) -> CompetencyId {
    skills::competencies(store.conn()).unwrap().into_iter().find(|c| c.name == name).unwrap().id
}

fn az305_now(store: &Session, ana: ArchitectId, today: NaiveDate) -> leadline::session::dev_view::CertRow {
    let certs = view(store, today).development.person(ana).unwrap().certs.clone();
    certs.into_iter().find(|c| c.code == "AZ-305").unwrap()
}

fn count(store: &Session, table: &str) -> i64 {
    store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn add_goal(
    store: &mut Session,
    ana: ArchitectId,
    description: &str,
    target_on: Option<NaiveDate>,
) -> GoalId {
    let fields = GoalFields {
        kind: GoalKind::Certification,
        description: description.into(),
        target_on,
        ..GoalFields::default()
    };
    apply(store, DevCommand::AddGoal { architect: ana, fields }, common::today()).unwrap();
    goals::list(store.conn()).unwrap().into_iter().find(|g| g.fields.description == description).unwrap().id
}

#[test]
fn a_new_database_starts_with_the_default_competencies_catalogue_and_stalled_days() {
    let (_dir, store, _) = with_ana();
    let competencies: Vec<String> =
        skills::competencies(store.conn()).unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(competencies, DEFAULT_COMPETENCIES);
    let catalogue = certifications::catalogue(store.conn()).unwrap();
    assert_eq!(catalogue.len(), DEFAULT_CATALOGUE.len());
    for (code, name, kind) in DEFAULT_CATALOGUE {
        let entry = catalogue.iter().find(|c| c.code == *code).unwrap_or_else(|| panic!("{code} seeded"));
        assert_eq!((entry.name.as_str(), entry.kind), (*name, *kind), "{code}");
    }
    assert_eq!(goals::stalled_days(store.conn()).unwrap(), 30);
    assert_eq!(leadline::store::migrations::version(store.conn()).unwrap(), leadline::store::LATEST_VERSION);
}

#[test]
fn recording_progress_keeps_a_dated_history_one_point_per_day() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let goal = add_goal(&mut store, ana, "Earn AZ-305", Some(d(2027, 3, 31)));

    let message =
        apply(&mut store, DevCommand::RecordGoalProgress { id: goal, progress_pct: 20, on: today }, today)
            .unwrap();
    assert_eq!(message, "“Earn AZ-305” moved from 0 % to 20 % on 2026-11-28");
    apply(&mut store, DevCommand::RecordGoalProgress { id: goal, progress_pct: 35, on: today }, today)
        .unwrap();
    let later = today + Days::new(9);
    apply(&mut store, DevCommand::RecordGoalProgress { id: goal, progress_pct: 50, on: later }, later)
        .unwrap();

    let history = goals::history(store.conn()).unwrap().remove(&goal).unwrap();
    let points: Vec<(NaiveDate, u8)> = history.iter().map(|p| (p.on, p.progress_pct)).collect();
    assert_eq!(points, [(today, 35), (later, 50)], "the same day's nudges are one change");
    let stored = goals::get(store.conn(), goal).unwrap();
    assert_eq!(stored.fields.progress_pct, 50);
    assert_eq!(stored.fields.status, GoalStatus::InProgress, "progress means it started");

    let message =
        apply(&mut store, DevCommand::RecordGoalProgress { id: goal, progress_pct: 100, on: later }, later)
            .unwrap();
    assert_eq!(message, "“Earn AZ-305” reached 100 % and is done");
    assert_eq!(goals::get(store.conn(), goal).unwrap().fields.status, GoalStatus::Done);
}

#[test]
fn a_goal_is_stalled_after_the_setting_and_leaves_the_list_when_it_moves() {
    let (_dir, mut store, ana) = with_ana();
    let goal = add_goal(&mut store, ana, "Present at a community event", Some(d(2027, 6, 30)));

    let day_29 = common::today() + Days::new(29);
    let day_30 = common::today() + Days::new(30);
    assert!(view(&store, day_29).development.attention.is_empty(), "29 days without progress: fine");
    let stalled = view(&store, day_30).development.attention;
    assert_eq!(stalled.len(), 1);
    assert!(stalled[0].flags.stalled && !stalled[0].flags.due_soon && !stalled[0].flags.overdue);
    assert_eq!(stalled[0].days_since_moved, 30);

    apply(&mut store, DevCommand::RecordGoalProgress { id: goal, progress_pct: 10, on: day_30 }, day_30)
        .unwrap();
    assert!(view(&store, day_30).development.attention.is_empty(), "moved today: no longer stalled");

    // A stricter manager: stalled after 7 days.
    apply(&mut store, DevCommand::SetStalledDays(7), day_30).unwrap();
    let week_later = day_30 + Days::new(7);
    assert!(view(&store, week_later).development.attention[0].flags.stalled);
}

#[test]
fn due_soon_and_overdue_follow_the_target_date() {
    let (_dir, mut store, ana) = with_ana();
    let target = common::today() + Days::new(40);
    let goal = add_goal(&mut store, ana, "Earn AI-102", Some(target));
    apply(
        &mut store,
        DevCommand::RecordGoalProgress { id: goal, progress_pct: 30, on: common::today() },
        common::today(),
    )
    .unwrap();
    let flags = |days: u64| {
        let day = common::today() + Days::new(days);
        view(&store, day).development.person(ana).unwrap().goals[0].flags
    };
    assert!(!flags(9).due_soon, "31 days ahead");
    assert!(flags(10).due_soon, "30 days ahead");
    assert!(flags(40).due_soon, "due today");
    assert!(flags(41).overdue && !flags(41).due_soon, "the day after");
}

#[test]
fn bad_goal_input_is_refused_with_the_field_and_nothing_is_saved() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let goal = add_goal(&mut store, ana, "Earn AZ-305", Some(d(2027, 3, 31)));
    let goals_before = count(&store, "goals");

    let over =
        apply(&mut store, DevCommand::RecordGoalProgress { id: goal, progress_pct: 140, on: today }, today);
    assert_eq!(over.unwrap_err().to_string(), "progress: 140 is outside 0-100");
    let under =
        apply(&mut store, DevCommand::RecordGoalProgress { id: goal, progress_pct: -5, on: today }, today);
    assert_eq!(under.unwrap_err().to_string(), "progress: -5 is outside 0-100");
    let future = today + Days::new(1);
    let ahead =
        apply(&mut store, DevCommand::RecordGoalProgress { id: goal, progress_pct: 40, on: future }, today);
    assert_eq!(
        ahead.unwrap_err().to_string(),
        "progress date: 2026-11-29 is in the future (today is 2026-11-28)"
    );
    assert_eq!(count(&store, "goal_progress"), 0, "no history written");
    assert_eq!(goals::get(store.conn(), goal).unwrap().fields.progress_pct, 0);

    let early = GoalFields {
        description: "Too early".into(),
        target_on: Some(d(2026, 11, 1)),
        ..GoalFields::default()
    };
    let error = apply(&mut store, DevCommand::AddGoal { architect: ana, fields: early }, today).unwrap_err();
    assert_eq!(error.to_string(), "target date: 2026-11-01 is before the goal was created on 2026-11-28");
    let blank = GoalFields { description: "   ".into(), ..GoalFields::default() };
    let error = apply(&mut store, DevCommand::AddGoal { architect: ana, fields: blank }, today).unwrap_err();
    assert_eq!(error.to_string(), "description: must not be empty");
    assert_eq!(count(&store, "goals"), goals_before);

    let mut edited = goals::get(store.conn(), goal).unwrap().fields;
    edited.target_on = Some(d(2026, 1, 1));
    let error = apply(&mut store, DevCommand::UpdateGoal { id: goal, fields: edited }, today).unwrap_err();
    assert!(error.to_string().starts_with("target date: 2026-01-01 is before"), "{error}");
    assert_eq!(goals::get(store.conn(), goal).unwrap().fields.target_on, Some(d(2027, 3, 31)));

    let error = apply(&mut store, DevCommand::SetStalledDays(0), today).unwrap_err();
    assert_eq!(error.to_string(), "stalled after: 0 days is outside 1-365");
    assert_eq!(goals::stalled_days(store.conn()).unwrap(), 30);
}

#[test]
fn skill_levels_are_dated_and_bad_levels_are_refused() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let design = competency_id(&store, "Architecture design");
    let set =
        |current, target| DevCommand::SetSkillLevel { architect: ana, competency: design, current, target };

    let message = apply(&mut store, set(2, 4), today).unwrap();
    assert_eq!(message, "Architecture design: level 2, target 4");
    let later = today + Days::new(60);
    apply(&mut store, set(3, 4), later).unwrap();
    let history = skills::history(store.conn()).unwrap().remove(&ana).unwrap();
    let changes: Vec<(NaiveDate, u8, u8)> =
        history.iter().map(|c| (c.changed_on, c.current, c.target)).collect();
    assert_eq!(changes, [(today, 2, 4), (later, 3, 4)]);

    for (current, target, message) in
        [(0, 4, "current level: 0 is outside 1-5"), (3, 6, "target level: 6 is outside 1-5")]
    {
        let error = apply(&mut store, set(current, target), later).unwrap_err();
        assert_eq!(error.to_string(), message);
    }
    assert_eq!(count(&store, "skill_history"), 2, "nothing saved");
    let rating = skills::levels(store.conn()).unwrap()[0];
    assert_eq!((rating.current, rating.target, rating.changed_on), (3, 4, later));

    let gap_view = view(&store, later);
    let row = &gap_view.development.person(ana).unwrap().skills[0];
    assert_eq!(row.gap(), Some(1));
    assert_eq!(gap_view.development.biggest_gaps[0].competency, "Architecture design");
}

#[test]
fn certification_lifecycle_as_stored() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let az305 = cert_id(&store, "AZ-305");
    let az900 = cert_id(&store, "AZ-900");

    // Earned on 29 February 2024: expires on 28 February 2025 (the clamp), so long expired.
    apply(
        &mut store,
        DevCommand::RecordCertEarned { architect: ana, cert: az305, earned_on: d(2024, 2, 29) },
        today,
    )
    .unwrap();
    apply(
        &mut store,
        DevCommand::RecordCertEarned { architect: ana, cert: az900, earned_on: d(2019, 5, 1) },
        today,
    )
    .unwrap();
    let certs = view(&store, today).development.person(ana).unwrap().certs.clone();
    let az305_row = certs.iter().find(|c| c.code == "AZ-305").unwrap();
    assert_eq!(az305_row.expires_on, Some(d(2025, 2, 28)));
    assert_eq!(az305_row.state, Ok(CertState::Expired { expired_on: d(2025, 2, 28) }));
    let az900_row = certs.iter().find(|c| c.code == "AZ-900").unwrap();
    assert_eq!(az900_row.state, Ok(CertState::NeverExpires));

    // A renewal after expiry is refused: it has to be earned again.
    let record = az305_row.record.id;
    let error =
        apply(&mut store, DevCommand::RecordCertRenewal { record, renewed_on: today }, today).unwrap_err();
    assert!(error.to_string().contains("must be earned again"), "{error}");
    // Earned again, after it expired: the same record, from the new date.
    let again = apply(
        &mut store,
        DevCommand::RecordCertEarned { architect: ana, cert: az305, earned_on: d(2026, 1, 15) },
        today,
    )
    .unwrap();
    assert_eq!(again, "Recorded AZ-305 earned again on 2026-01-15");
    let row = az305_now(&store, ana, today);
    assert_eq!((row.code.as_str(), row.expires_on), ("AZ-305", Some(d(2027, 1, 15))));
    assert_eq!(row.state, Ok(CertState::ExpiringSoon { expires_on: d(2027, 1, 15), days_left: 48 }));

    // Renewed today, inside the window: a year is added to the expiry, not to today.
    let message =
        apply(&mut store, DevCommand::RecordCertRenewal { record, renewed_on: today }, today).unwrap();
    assert_eq!(message, "Recorded the renewal of AZ-305 on 2026-11-28: valid until 2028-01-15");
    let row = az305_now(&store, ana, today);
    assert_eq!(row.state, Ok(CertState::Valid));
    assert_eq!(row.record.renewals, [today]);

    // Fundamentals cannot be renewed.
    let fundamentals = az900_row.record.id;
    let error =
        apply(&mut store, DevCommand::RecordCertRenewal { record: fundamentals, renewed_on: today }, today)
            .unwrap_err();
    assert!(error.to_string().contains("fundamentals certifications never expire"), "{error}");
    assert_eq!(count(&store, "cert_renewals"), 1, "only the valid renewal was saved");
}

#[test]
fn bad_certification_input_is_refused_and_nothing_is_saved() {
    let (_dir, mut store, ana) = with_ana();
    let today = common::today();
    let az104 = cert_id(&store, "AZ-104");

    let future = apply(
        &mut store,
        DevCommand::RecordCertEarned { architect: ana, cert: az104, earned_on: d(2026, 12, 1) },
        today,
    );
    assert_eq!(
        future.unwrap_err().to_string(),
        "earned date: 2026-12-01 is in the future (today is 2026-11-28)"
    );
    assert_eq!(count(&store, "cert_records"), 0);

    apply(
        &mut store,
        DevCommand::RecordCertEarned { architect: ana, cert: az104, earned_on: d(2026, 3, 1) },
        today,
    )
    .unwrap();
    let duplicate = apply(
        &mut store,
        DevCommand::RecordCertEarned { architect: ana, cert: az104, earned_on: d(2026, 6, 1) },
        today,
    );
    assert_eq!(
        duplicate.unwrap_err().to_string(),
        "certification: Ana López already holds AZ-104 (earned 2026-03-01); it is valid until 2027-03-01: \
         record a renewal instead"
    );
    let record = certifications::records(store.conn()).unwrap()[0].clone();
    assert_eq!(record.earned_on, d(2026, 3, 1), "the first record is untouched");

    // The window for an expiry on 2027-03-01 opens on 2026-09-01.
    let early = apply(
        &mut store,
        DevCommand::RecordCertRenewal { record: record.id, renewed_on: d(2026, 8, 31) },
        today,
    );
    assert!(early.unwrap_err().to_string().contains("before the renewal window opens on 2026-09-01"));
    assert_eq!(count(&store, "cert_renewals"), 0);
}

#[test]
fn deleting_a_competency_or_a_catalogue_entry_in_use_takes_what_depends_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::session(&common::demo_db(&dir));
    let today = common::today();
    let acumen = competency_id(&store, "Business acumen");
    let dev = view(&store, today).development;
    assert_eq!(
        dev.competency_users[&acumen], 7,
        "Fatima is not rated in it; Grace, who left, has no ratings"
    );

    let message = apply(&mut store, DevCommand::DeleteCompetency(acumen), today).unwrap();
    assert_eq!(message, "Deleted the competency “Business acumen” and 7 architects' skill levels");
    let left: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM skill_levels WHERE competency_id = ?1", [acumen], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    assert_eq!(view(&store, today).development.heatmap[0].cells.len(), 7, "one column fewer");

    let az305 = cert_id(&store, "AZ-305");
    let message = apply(&mut store, DevCommand::RemoveCatalogueCert(az305), today).unwrap();
    assert_eq!(message, "Removed AZ-305 from the catalogue and 3 records");
    assert!(certifications::records(store.conn()).unwrap().iter().all(|r| r.cert != az305));

    let duplicate = apply(
        &mut store,
        DevCommand::AddCatalogueCert {
            code: "az-104".into(),
            name: "Again".into(),
            kind: CertKind::RoleBased,
        },
        today,
    );
    assert!(duplicate.unwrap_err().to_string().starts_with("code: AZ-104 is already in the catalogue"));
    let added = apply(
        &mut store,
        DevCommand::AddCatalogueCert {
            code: "ab-100".into(),
            name: "Agentic AI Business Solutions Architect".into(),
            kind: CertKind::RoleBased,
        },
        today,
    )
    .unwrap();
    assert_eq!(added, "Added AB-100 (Role-based) to the catalogue");
    let error =
        apply(&mut store, DevCommand::AddCompetency("architecture DESIGN".into()), today).unwrap_err();
    assert_eq!(error.to_string(), "name: there is already a competency called “architecture DESIGN”");
}

/// Every row of every table, each table's rows sorted, as text: two equal dumps mean the same data.
use std::fmt::Write as _;
fn every_row(store: &Session) -> String {
    use rusqlite::types::Value;
    let conn = store.conn();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |row| {
                Ok(format!(
                    "{:?}",
                    (0..width).map(|i| row.get::<_, Value>(i)).collect::<Result<Vec<_>, _>>()?
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        writeln!(out, "{table}: {}", rows.join("\n  ")).unwrap();
    }
    out
}

#[test]
fn deleting_a_competency_or_a_catalogue_entry_in_use_is_undone_with_everything_it_took() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::session(&common::demo_db(&dir));
    let today = common::today();
    // Rated, on a hiring profile, interview steps and candidates' scorecards in the demo.
    let depth = competency_id(&store, "Technical depth in solution area");
    let uses = |store: &Session, table: &str| -> i64 {
        store
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table} WHERE competency_id = ?1"), [depth], |r| {
                r.get(0)
            })
            .unwrap()
    };
    assert!(uses(&store, "skill_levels") > 0);
    for table in ["hiring_profile_competencies", "interview_step_competencies", "scorecard_ratings"] {
        assert!(uses(&store, table) > 0, "the demo's hiring uses the competency in {table}");
    }
    let before = every_row(&store);

    apply(&mut store, DevCommand::DeleteCompetency(depth), today).unwrap();
    assert_eq!(uses(&store, "skill_levels"), 0);
    assert_ne!(every_row(&store), before);
    let (undo, applied) = store.undo().expect("the delete can be undone");
    assert_eq!(undo.label, "delete of the competency “Technical depth in solution area”");
    assert!(applied.result.is_ok(), "{:?}", applied.result);
    assert_eq!(every_row(&store), before, "every rating, its history and the hiring uses are back");
    let rated = usize::try_from(uses(&store, "skill_levels")).unwrap();
    assert_eq!(view(&store, today).development.competency_users[&depth], rated, "the view reads them again");

    // A catalogue entry held, renewed and named by a goal (which keeps its text, unlinked).
    let ai102 = cert_id(&store, "AI-102");
    let linked =
        |store: &Session, sql: &str| -> i64 { store.conn().query_row(sql, [ai102], |r| r.get(0)).unwrap() };
    assert_eq!(linked(&store, "SELECT count(*) FROM goals WHERE cert_id = ?1"), 1);
    let renewals = "SELECT count(*) FROM cert_renewals WHERE cert_record_id IN (SELECT id FROM cert_records WHERE cert_id = ?1)";
    assert_eq!(linked(&store, renewals), 2);
    apply(&mut store, DevCommand::RemoveCatalogueCert(ai102), today).unwrap();
    assert_eq!(linked(&store, "SELECT count(*) FROM goals WHERE cert_id = ?1"), 0);
    assert_eq!(linked(&store, renewals), 0);
    let (undo, applied) = store.undo().expect("the removal can be undone");
    assert_eq!(undo.label, "delete of AI-102 in the catalogue");
    assert!(applied.result.is_ok(), "{:?}", applied.result);
    assert_eq!(every_row(&store), before, "records, renewals and the goals' link are back");

    // An unused one, deleted without a question, comes back in its place.
    apply(&mut store, DevCommand::AddCompetency("Storytelling".into()), today).unwrap();
    let order = |store: &Session| skills::competencies(store.conn()).unwrap();
    let with_it = order(&store);
    let storytelling = competency_id(&store, "Storytelling");
    apply(&mut store, DevCommand::MoveCompetency { id: storytelling, up: true }, today).unwrap();
    let moved = order(&store);
    apply(&mut store, DevCommand::DeleteCompetency(storytelling), today).unwrap();
    assert_eq!(order(&store).len(), with_it.len() - 1);
    store.undo().expect("the delete can be undone").1.result.unwrap();
    assert_eq!(order(&store), moved);
}

#[test]
fn the_demo_team_shows_every_flag_and_state() {
    let dir = tempfile::tempdir().unwrap();
    let store = common::session(&common::demo_db(&dir));
    let dev: DevelopmentView = view(&store, common::today()).development;
    let attention = &dev.attention;
    assert!(attention.iter().any(|r| r.flags.overdue));
    assert!(attention.iter().any(|r| r.flags.stalled));
    assert!(attention.iter().any(|r| r.flags.due_soon));
    let states: Vec<CertState> =
        dev.people.values().flat_map(|p| p.certs.iter().map(|c| c.state.clone().unwrap())).collect();
    assert!(states.iter().any(|s| matches!(s, CertState::Valid)));
    assert!(states.iter().any(|s| matches!(s, CertState::RenewalWindowOpen { .. })));
    assert!(states.iter().any(|s| matches!(s, CertState::ExpiringSoon { .. })));
    assert!(states.iter().any(|s| matches!(s, CertState::Expired { .. })));
    assert!(states.iter().any(|s| matches!(s, CertState::NeverExpires)));
    assert_eq!(dev.expiring.len(), 4, "four expiries in the next 90 days");
    assert!(dev.people.values().any(|p| p.goals.iter().any(|g| g.goal.fields.status == GoalStatus::Done)));
    assert!(!dev.biggest_gaps.is_empty());
    assert_eq!(dev.readiness[0].name, "Amara Okafor", "ready now comes first");
}

#[test]
fn the_large_demo_loads_consistently() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::session(&common::db_in(&dir));
    store.run(Origin::SCRIPT, Command::LoadDemo(leadline::demo::DemoSize::Large)).unwrap();
    let all = leadline::store::architects::list(store.conn()).unwrap();
    assert_eq!(all.len(), 100);
    let names: std::collections::BTreeSet<_> = all.iter().map(|a| a.fields.name.clone()).collect();
    assert_eq!(names.len(), 100, "names are unique");
    let dev = view(&store, common::today()).development;
    assert_eq!(dev.heatmap.len(), 96, "100 architects, 4 of whom left");
    assert!(count(&store, "goals") >= 100);
    assert!(count(&store, "cert_records") >= 100);
    assert_eq!(count(&store, "skill_levels"), 800);
    // How fast it loads is measured by `leadline bench`, not here.
    let check = leadline::store::check::full_check(store.conn()).unwrap();
    assert!(check.is_ok(), "{check:?}");
}
