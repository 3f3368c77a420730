//! An architect's development, driven through the real app as a manager would: goals and their
//! progress, certifications and their states, skills, and the settings behind them.

use crate::common;

use chrono::{Days, NaiveDate};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::{LeadlineApp, Startup};
use leadline::model::goal::{GoalFields, GoalStatus};
use leadline::session::Command;
use leadline::session::DevCommand;
use leadline::store::{Store, certifications, goals, skills};

type App = Harness<'static, LeadlineApp>;

/// The real app on `path`, on a chosen day.
fn harness_on(path: &std::path::Path, today: NaiveDate) -> App {
    let startup = Startup {
        store: Store::open(path),
        db_path: path.to_owned(),
        today: Some(today),
        zone: common::zone(),
        deferred_check: false,
        file_picker: Box::new(common::FakePicker::default()),
        open_file: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    // The app opens on This week; these stories start on Team.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
    harness
}

/// Clicks like a person: scrolls the widget into view first (a real click needs it on screen).
fn click(harness: &mut App, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

fn type_into(harness: &mut App, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.click();
    field.type_text(text);
    harness.run();
}

/// Replaces a text field's content (select all, then type).
fn retype(harness: &mut App, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    harness.run();
}

/// Picks an entry of the open catalogue list, scrolling to it first.
fn choose(harness: &mut App, entry: &str) {
    harness.get_by_label(entry).scroll_to_me();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
}

fn open_tab(harness: &mut App, architect: &str, tab: &str) {
    harness.get_all_by_label(architect).next().expect("in the roster").click();
    harness.run();
    click(harness, Role::Button, tab);
}

fn goal_named(path: &std::path::Path, description: &str) -> leadline::model::goal::Goal {
    let store = common::read_db(path);
    goals::list(store.conn())
        .unwrap()
        .into_iter()
        .find(|g| g.fields.description == description)
        .expect("saved")
}

#[test]
fn a_goal_added_today_is_stalled_a_month_later_until_its_progress_moves() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let today = common::today();

    // Today: add a goal to Sofia's plan.
    let mut harness = harness_on(&path, today);
    open_tab(&mut harness, "Sofia Lindqvist", "Development plan");
    click(&mut harness, Role::Button, "➕ New goal");
    type_into(&mut harness, "Description", "Give an AI envisioning session at Fourth Coffee");
    type_into(&mut harness, "Target date", "2027-03-31");
    click(&mut harness, Role::Button, "Add goal");
    harness.get_by_label("Give an AI envisioning session at Fourth Coffee");
    let goal = goal_named(&path, "Give an AI envisioning session at Fourth Coffee");
    assert_eq!(goal.created_on, today);
    assert_eq!(goal.fields.target_on, NaiveDate::from_ymd_opt(2027, 3, 31));
    assert_eq!(goal.fields.status, GoalStatus::NotStarted);
    drop(harness);

    // 40 days later nothing has moved: the Goals view lists it as stalled.
    let later = today + Days::new(40);
    let mut harness = harness_on(&path, later);
    click(&mut harness, Role::Button, "Goals");
    harness.get_by_label("Give an AI envisioning session at Fourth Coffee");
    harness.get_by_label("⏸ Stalled: no progress for 40 days");

    // Open it from the list and move its progress to 60 %.
    let row = harness.get_by_label("Give an AI envisioning session at Fourth Coffee").rect();
    let name = harness
        .get_all_by_label("Sofia Lindqvist")
        .find(|n| (n.rect().center().y - row.center().y).abs() < 4.0);
    name.expect("her name on the goal's row").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "Progress of “Give an AI envisioning session at Fourth Coffee”")
        .set_value_accesskit(60.0);
    harness.run();

    let goal = goal_named(&path, "Give an AI envisioning session at Fourth Coffee");
    assert_eq!(goal.fields.progress_pct, 60);
    assert_eq!(goal.fields.status, GoalStatus::InProgress);
    let store = common::read_db(&path);
    let history = goals::history(store.conn()).unwrap().remove(&goal.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].on, history[0].progress_pct), (later, 60), "dated the day it moved");
    assert!(harness.state().status().contains("moved from 0 % to 60 %"), "{}", harness.state().status());

    click(&mut harness, Role::Button, "Goals");
    assert!(
        harness.query_by_label("Give an AI envisioning session at Fourth Coffee").is_none(),
        "no longer stalled, so no longer listed"
    );
}

#[test]
fn a_goal_with_a_target_before_today_is_refused_in_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Mateo García", "Development plan");
    let before = goals::list(common::read_db(&path).conn()).unwrap().len();
    click(&mut harness, Role::Button, "➕ New goal");
    type_into(&mut harness, "Description", "Run a hackathon");
    type_into(&mut harness, "Target date", "2026-10-01");
    click(&mut harness, Role::Button, "Add goal");
    harness.get_by_label("⚠ target date: 2026-10-01 is before the goal was created on 2026-11-28");
    assert_eq!(goals::list(common::read_db(&path).conn()).unwrap().len(), before);
}

#[test]
fn recording_a_certification_shows_its_state_and_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Sofia Lindqvist", "Certifications");

    click(&mut harness, Role::Button, "➕ Record a certification");
    harness.get_by_role_and_label(Role::ComboBox, "Certification").click();
    harness.run();
    choose(&mut harness, "AI-102 · Azure AI Engineer Associate (Role-based)");
    retype(&mut harness, "Earned on", "2026-06-10");
    click(&mut harness, Role::Button, "Record");

    // Earned 2026-06-10: expires 2027-06-10; the window opens 2026-12-10, so it is valid today.
    harness.get_by_label("Role-based · earned 2026-06-10 · expires 2027-06-10");
    harness.get_by_label("Valid");
    let store = common::read_db(&path);
    let ai102 =
        certifications::catalogue(store.conn()).unwrap().into_iter().find(|c| c.code == "AI-102").unwrap();
    let architects = leadline::store::architects::list(store.conn()).unwrap();
    let sofia = architects.iter().find(|a| a.name() == "Sofia Lindqvist").unwrap().id;
    let records = certifications::records(store.conn()).unwrap();
    let record = records.iter().find(|r| r.cert == ai102.id && r.architect == sofia).unwrap();
    assert_eq!(record.earned_on, NaiveDate::from_ymd_opt(2026, 6, 10).unwrap());

    // The same one again is a duplicate: refused, and said so in the form.
    click(&mut harness, Role::Button, "➕ Record a certification");
    harness.get_by_role_and_label(Role::ComboBox, "Certification").click();
    harness.run();
    choose(&mut harness, "AI-102 · Azure AI Engineer Associate (Role-based)");
    click(&mut harness, Role::Button, "Record");
    harness
        .get_by_label_contains("⚠ certification: Sofia Lindqvist already holds AI-102 (earned 2026-06-10)");
    let records = certifications::records(store.conn()).unwrap();
    assert_eq!(
        records.iter().filter(|r| r.cert == ai102.id && r.architect == sofia).count(),
        1,
        "nothing saved"
    );
}

#[test]
fn an_earned_date_in_the_future_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Fatima Al-Sayed", "Certifications");
    click(&mut harness, Role::Button, "➕ Record a certification");
    harness.get_by_role_and_label(Role::ComboBox, "Certification").click();
    harness.run();
    choose(&mut harness, "MD-102 · Endpoint Administrator Associate (Role-based)");
    retype(&mut harness, "Earned on", "2027-01-15");
    click(&mut harness, Role::Button, "Record");
    harness.get_by_label("⚠ earned date: 2027-01-15 is in the future (today is 2026-11-28)");
    let store = common::read_db(&path);
    assert_eq!(
        certifications::records(store.conn()).unwrap().iter().filter(|r| r.architect.0 == 7).count(),
        1
    );
}

#[test]
fn renewing_an_expiring_certification_makes_it_valid_for_another_year() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Priya Raman", "Certifications");
    harness.get_by_label("Expires in 25 days");
    let valid_before = harness.query_all_by_label("Valid").count();

    click(&mut harness, Role::Button, "Renew AZ-500");
    click(&mut harness, Role::Button, "Record renewal");
    // What the screen says: renewed today (2026-11-28), so it runs to 2027-12-23 (a year after
    // the old expiry) and shows as valid, no longer as expiring.
    harness.get_by_label_contains("expires 2027-12-23");
    assert!(harness.query_by_label("Expires in 25 days").is_none());
    assert_eq!(harness.query_all_by_label("Valid").count(), valid_before + 1, "AZ-500 shows as Valid");
    let store = common::read_db(&path);
    let architects = leadline::store::architects::list(store.conn()).unwrap();
    let priya = architects.iter().find(|a| a.name() == "Priya Raman").unwrap().id;
    let code =
        certifications::catalogue(store.conn()).unwrap().into_iter().find(|c| c.code == "AZ-500").unwrap();
    let records = certifications::records(store.conn()).unwrap();
    let az500 = records.into_iter().find(|r| r.architect == priya && r.cert == code.id).unwrap();
    assert_eq!(az500.renewals.last(), Some(&common::today()));
}

#[test]
fn setting_a_skill_level_records_it_and_shows_the_gap() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Fatima Al-Sayed", "Skills");

    // Not rated yet in negotiation: rate her current level, then raise the target.
    click(&mut harness, Role::Button, "Negotiation & influence current level 1");
    click(&mut harness, Role::Button, "Negotiation & influence target level 3");
    harness.get_by_label("Rated in 7 of 8 competencies");

    let store = common::read_db(&path);
    let negotiation = skills::competencies(store.conn())
        .unwrap()
        .into_iter()
        .find(|c| c.name == "Negotiation & influence")
        .unwrap();
    let rating = skills::levels(store.conn())
        .unwrap()
        .into_iter()
        .find(|l| l.architect.0 == 7 && l.competency == negotiation.id)
        .unwrap();
    assert_eq!((rating.current, rating.target, rating.changed_on), (1, 3, common::today()));
}

#[test]
fn the_heatmap_opens_an_architects_skills() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    click(&mut harness, Role::Button, "Skill gaps");
    harness.get_by_label("Biggest gaps");
    harness.get_all_by_label("Mateo García").next().unwrap().click();
    harness.run();
    harness.get_by_label("Rated in 8 of 8 competencies");
}

#[test]
fn deleting_a_competency_in_use_asks_first_says_what_depends_on_it_and_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    click(&mut harness, Role::Button, "⚙  Settings");

    harness.get_by_role_and_label(Role::Button, "Delete Business acumen").scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete Business acumen").click();
    harness.run();
    harness.get_by_label("Delete “Business acumen”?");
    harness.get_by_label_contains("It is used by 7 architects' skill levels.");
    harness.get_all_by_label("Cancel").last().unwrap().click();
    harness.run();
    let names = |path| {
        let store = common::read_db(path);
        skills::competencies(store.conn()).unwrap().into_iter().map(|c| c.name).collect::<Vec<_>>()
    };
    assert!(names(&path).contains(&"Business acumen".to_owned()), "cancel keeps it");

    harness.get_by_role_and_label(Role::Button, "Delete Business acumen").scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete Business acumen").click();
    harness.run();
    click(&mut harness, Role::Button, "Delete competency");
    assert!(!names(&path).contains(&"Business acumen".to_owned()));
    assert!(
        harness
            .state()
            .status()
            .contains("Deleted the competency “Business acumen” and 7 architects' skill levels")
    );

    // Ctrl+Z puts it back in its place, with the ratings it took.
    let ratings = |path| -> i64 {
        common::read_db(path)
            .conn()
            .query_row(
                "SELECT count(*) FROM skill_levels s JOIN competencies c ON c.id = s.competency_id \
                 WHERE c.name = 'Business acumen'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(ratings(&path), 0);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(names(&path).contains(&"Business acumen".to_owned()));
    assert_eq!(ratings(&path), 7);
    assert_eq!(harness.state().status(), "Undone: delete of the competency “Business acumen”");
    harness.get_by_role_and_label(Role::Button, "Delete Business acumen");
}

#[test]
fn the_stalled_threshold_is_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    click(&mut harness, Role::Button, "⚙  Settings");
    let days = harness.get_by_role_and_label(Role::TextInput, "Stalled after");
    assert_eq!(days.value().as_deref(), Some("30"));
    retype(&mut harness, "Stalled after", "45");
    harness.key_press(egui::Key::Tab);
    harness.run();
    let store = common::read_db(&path);
    assert_eq!(goals::stalled_days(store.conn()).unwrap(), 45);
    click(&mut harness, Role::Button, "👥  Team");
    click(&mut harness, Role::Button, "Goals");
    harness.get_by_label_contains("without progress for 45 days or more");
}

#[test]
fn arrow_keys_flip_through_the_team_on_the_same_tab() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Lukas Schneider", "Certifications");
    harness.get_by_role_and_label(Role::Button, "Remove AZ-104");

    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    // Mateo is next by name: his certifications show, still on the Certifications tab.
    harness.get_by_role_and_label(Role::Button, "Remove AZ-400");
    assert_eq!(
        harness.get_all_by_label("Mateo García").count(),
        2,
        "selected in the roster and the page heading"
    );
    assert!(harness.query_by_role_and_label(Role::Button, "Remove AZ-104").is_none());
}

#[test]
fn dragging_the_progress_slider_records_once_on_release() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Lukas Schneider", "Development plan");
    let slider = "Progress of “Shadow Amara in two renewal negotiations”";
    let rail = harness.get_by_role_and_label(Role::Slider, slider).rect();

    harness.drag_at(rail.left_center() + egui::vec2(2.0, 0.0));
    harness.run();
    harness.hover_at(rail.center());
    harness.run();
    let goal = goal_named(&path, "Shadow Amara in two renewal negotiations");
    assert_eq!(goal.fields.progress_pct, 0, "nothing recorded while dragging");

    harness.drop_at(rail.center());
    harness.run();
    let goal = goal_named(&path, "Shadow Amara in two renewal negotiations");
    assert_eq!(goal.fields.progress_pct, 50);
    assert_eq!(goal.fields.status, GoalStatus::InProgress);
    let store = common::read_db(&path);
    let history = goals::history(store.conn()).unwrap().remove(&goal.id).unwrap();
    assert_eq!(history.len(), 1, "one point for the whole drag");
}

#[test]
fn certification_coverage_lists_each_area_and_the_coming_expiries() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    click(&mut harness, Role::Button, "Certification coverage");
    harness.get_by_label("Expiring in the next 90 days (4)");
    // Data & AI: Amara holds role-based certifications, Sofia only fundamentals.
    let data_ai = harness.get_by_label("Data & AI").rect();
    assert!(
        harness.get_all_by_label("1 of 2").any(|n| (n.rect().center().y - data_ai.center().y).abs() < 6.0),
        "1 of 2 on the Data & AI row"
    );
    for state in ["Expires in 12 days", "Expires in 25 days", "Expires in 40 days", "Expires in 55 days"] {
        harness.get_by_label(state);
    }
    // Daniel's AZ-104 expires first: his name opens his certifications.
    let first = harness.get_by_label("Expires in 12 days").rect();
    let daniel = harness
        .get_all_by_label("Daniel O'Brien")
        .find(|n| (n.rect().center().y - first.center().y).abs() < 6.0);
    daniel.expect("on the first expiry's row").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Renew AZ-104");
}

#[test]
fn promotion_readiness_shows_who_is_ready_for_what_and_since_when() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    click(&mut harness, Role::Button, "Promotion readiness");
    harness.get_by_label("Ready now: 1");
    harness.get_by_label("1-2 years: 4");
    harness.get_by_label("2026-11-08 (20 days ago)");
    let amara = harness.get_all_by_label("Amara Okafor").next().unwrap().rect();
    let lukas = harness.get_all_by_label("Lukas Schneider").next().unwrap().rect();
    assert!(amara.min.y < lukas.min.y, "ready now comes first");
    harness.get_all_by_label("Amara Okafor").next().unwrap().click();
    harness.run();
    harness.get_by_label("Career and readiness");
}

/// Ctrl+Z, as the manager presses it after a mistake.
fn undo(harness: &mut App) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
}

fn architect_named(harness: &App, name: &str) -> leadline::model::ArchitectId {
    let architects = leadline::store::architects::list(common::app_db(harness)).unwrap();
    architects.iter().find(|a| a.name() == name).expect("on the team").id
}

fn goal_and_history(
    harness: &App,
    description: &str,
) -> (leadline::model::goal::Goal, Vec<leadline::model::goal::ProgressPoint>) {
    let conn = common::app_db(harness);
    let goal = goals::list(conn).unwrap().into_iter().find(|g| g.fields.description == description);
    let goal = goal.expect("saved");
    let history = goals::history(conn).unwrap().remove(&goal.id).unwrap_or_default();
    (goal, history)
}

#[test]
fn a_goal_deleted_by_mistake_comes_back_with_its_progress_history_on_ctrl_z() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Sofia Lindqvist", "Development plan");
    let description = "Earn AI-102 (Azure AI Engineer Associate)";
    let (before, history) = goal_and_history(&harness, description);
    assert_eq!(history.len(), 2, "the demo goal moved twice");

    click(&mut harness, Role::Button, &format!("Edit goal “{description}”"));
    click(&mut harness, Role::Button, "Delete goal…");
    click(&mut harness, Role::Button, "Delete goal");
    assert!(goals::get(common::app_db(&harness), before.id).is_err(), "deleted");
    assert!(harness.query_by_label(description).is_none());

    harness.get_by_role_and_label(Role::Button, &format!("Undo delete of goal “{description}”"));
    undo(&mut harness);
    assert_eq!(goal_and_history(&harness, description), (before, history), "same id, fields and history");
    harness.get_by_label(description);
    assert_eq!(harness.state().status(), format!("Undone: delete of goal “{description}”"));
}

#[test]
fn progress_and_a_status_change_are_undone_without_leaving_a_trace_in_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Sofia Lindqvist", "Development plan");
    let description = "Shadow Amara in three executive meetings";
    let before = goal_and_history(&harness, description);

    harness
        .get_by_role_and_label(Role::Slider, &format!("Progress of “{description}”"))
        .set_value_accesskit(60.0);
    harness.run();
    let (moved, history) = goal_and_history(&harness, description);
    assert_eq!((moved.fields.progress_pct, history.len()), (60, 2));
    undo(&mut harness);
    assert_eq!(goal_and_history(&harness, description), before, "back to 33 %, today's point gone");

    // Dropped from the edit form, as it sends it; then undone from the status line.
    let fields = GoalFields { status: GoalStatus::Dropped, ..before.0.fields.clone() };
    harness.state_mut().send(
        leadline::session::Origin::SCRIPT,
        Command::Development(DevCommand::UpdateGoal { id: before.0.id, fields }),
    );
    // Applied at the end of a frame; the status line shows it from the next one.
    harness.run_steps(2);
    assert_eq!(goal_and_history(&harness, description).0.fields.status, GoalStatus::Dropped);
    click(&mut harness, Role::Button, &format!("Undo status change of goal “{description}”"));
    assert_eq!(goal_and_history(&harness, description), before);
}

fn rating(harness: &App, architect: &str, competency: &str) -> (Option<(u8, u8, NaiveDate)>, usize) {
    let id = architect_named(harness, architect);
    let conn = common::app_db(harness);
    let competency =
        skills::competencies(conn).unwrap().into_iter().find(|c| c.name == competency).unwrap().id;
    let level = skills::levels(conn)
        .unwrap()
        .into_iter()
        .find(|l| l.architect == id && l.competency == competency)
        .map(|l| (l.current, l.target, l.changed_on));
    let history = skills::history(conn).unwrap().remove(&id).unwrap_or_default();
    (level, history.iter().filter(|c| c.competency == competency).count())
}

#[test]
fn a_skill_level_click_is_undone_back_to_the_old_level_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Sofia Lindqvist", "Skills");
    let before = rating(&harness, "Sofia Lindqvist", "Architecture design");
    let (Some((2, 4, changed_on)), _) = before else { panic!("the demo rates her 2 of 4: {before:?}") };
    assert!(changed_on < common::today());

    click(&mut harness, Role::Button, "Architecture design current level 3");
    assert_eq!(rating(&harness, "Sofia Lindqvist", "Architecture design").0, Some((3, 4, common::today())));
    undo(&mut harness);
    assert_eq!(
        rating(&harness, "Sofia Lindqvist", "Architecture design"),
        before,
        "old level, date and history"
    );
    assert_eq!(harness.state().status(), "Undone: level change in Architecture design");

    // A first rating, undone: not rated again.
    open_tab(&mut harness, "Fatima Al-Sayed", "Skills");
    assert_eq!(rating(&harness, "Fatima Al-Sayed", "Negotiation & influence"), (None, 0));
    click(&mut harness, Role::Button, "Negotiation & influence current level 2");
    assert!(rating(&harness, "Fatima Al-Sayed", "Negotiation & influence").0.is_some());
    undo(&mut harness);
    assert_eq!(rating(&harness, "Fatima Al-Sayed", "Negotiation & influence"), (None, 0));
    harness.get_by_label("Rated in 6 of 8 competencies");
}

#[test]
fn a_renewal_a_removal_and_earning_again_are_undone_with_their_dates() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    open_tab(&mut harness, "Priya Raman", "Certifications");
    let priya = architect_named(&harness, "Priya Raman");
    let record_of = |harness: &App, code: &str| {
        let conn = common::app_db(harness);
        let entry = certifications::catalogue(conn).unwrap().into_iter().find(|c| c.code == code).unwrap();
        certifications::records(conn)
            .unwrap()
            .into_iter()
            .find(|r| r.architect == priya && r.cert == entry.id)
    };
    let az500 = |harness: &App| record_of(harness, "AZ-500");
    let before = az500(&harness).expect("the demo has her AZ-500");
    assert_eq!(before.renewals.len(), 2);

    click(&mut harness, Role::Button, "Renew AZ-500");
    click(&mut harness, Role::Button, "Record renewal");
    assert_eq!(az500(&harness).unwrap().renewals.len(), 3);
    undo(&mut harness);
    assert_eq!(az500(&harness).as_ref(), Some(&before), "the renewal is gone");
    harness.get_by_label("Expires in 25 days");

    click(&mut harness, Role::Button, "Remove AZ-500");
    click(&mut harness, Role::Button, "Remove");
    assert_eq!(az500(&harness), None);
    click(&mut harness, Role::Button, "Undo removal of AZ-500");
    assert_eq!(az500(&harness), Some(before), "same id, earned date and renewals");
    harness.get_by_label("Expires in 25 days");
    // Her SC-200 lapsed: earning it again today moves its earned date and clears its renewal.
    let lapsed = record_of(&harness, "SC-200").expect("the demo has her lapsed SC-200");
    assert_eq!(lapsed.renewals.len(), 1);
    click(&mut harness, Role::Button, "➕ Record a certification");
    harness.get_by_role_and_label(Role::ComboBox, "Certification").click();
    harness.run();
    choose(&mut harness, "SC-200 · Security Operations Analyst Associate (Role-based)");
    click(&mut harness, Role::Button, "Record");
    let again = record_of(&harness, "SC-200").unwrap();
    assert_eq!((again.earned_on, again.renewals.len()), (common::today(), 0));
    undo(&mut harness);
    assert_eq!(record_of(&harness, "SC-200"), Some(lapsed), "the old dates are back");
    assert_eq!(harness.state().status(), "Undone: SC-200 earned again");
}

#[test]
fn a_catalogue_entry_is_corrected_in_place_its_records_follow_and_undo_puts_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = harness_on(&path, common::today());
    click(&mut harness, Role::Button, "⚙  Settings");
    let entry = |path: &std::path::Path| {
        let store = common::read_db(path);
        let catalogue = certifications::catalogue(store.conn()).unwrap();
        let az104 = catalogue.into_iter().find(|c| c.name.contains("Azure Administrator")).unwrap();
        let holders = certifications::holders(store.conn()).unwrap().get(&az104.id).copied().unwrap_or(0);
        (az104.code, az104.name, holders)
    };
    let (code, name, holders) = entry(&path);
    assert_eq!(code, "AZ-104");
    assert!(holders > 0, "someone holds it");

    // The catalogue scrolls inside the page: bring the page down to it first, as a person would.
    harness.get_by_label("Certification catalogue").scroll_to_me();
    harness.run();
    // A code another entry has is refused beside the field, naming it.
    let retype = |harness: &mut App, label: &str, text: &str| {
        harness.get_by_role_and_label(Role::TextInput, label).scroll_to_me();
        harness.run();
        harness.get_by_role_and_label(Role::TextInput, label).click();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
        harness.run();
    };
    let press = |harness: &mut App, key: egui::Key| {
        harness.key_press(key);
        harness.run();
        harness.run();
    };
    retype(&mut harness, "Code of AZ-104", "AZ-305");
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label_contains("code: AZ-305 is already in the catalogue");
    assert_eq!(entry(&path).0, "AZ-104", "nothing saved");

    // Escape puts the code back; the name is corrected in its own field.
    harness.get_by_role_and_label(Role::TextInput, "Code of AZ-104").click();
    harness.run();
    press(&mut harness, egui::Key::Escape);
    retype(&mut harness, "Name of AZ-104", "Azure Administrator Associate (2026 exam)");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(
        entry(&path),
        ("AZ-104".to_owned(), "Azure Administrator Associate (2026 exam)".to_owned(), holders),
        "the records still point at it"
    );
    assert!(harness.state().status().contains("Saved AZ-104 in the catalogue"));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(entry(&path), (code, name, holders));
}
