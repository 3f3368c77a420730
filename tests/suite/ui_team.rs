//! The Team screen and app shell, driven through the real app as a user would.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use leadline::model::Status;
use leadline::store::{Store, architects, settings};

fn names(conn: &rusqlite::Connection) -> Vec<String> {
    architects::list(conn).expect("list").into_iter().map(|a| a.fields.name).collect()
}

/// Names in the database before the app opens it.
fn names_at(path: &std::path::Path) -> Vec<String> {
    names(Store::open(path).expect("open").conn())
}

#[test]
fn first_run_offers_an_empty_start_or_a_demo_team() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut harness = common::harness(&path);
    harness.get_by_label("Welcome to Leadline");

    harness.get_by_label("Start empty").click();
    harness.run();
    assert!(harness.query_by_label("Welcome to Leadline").is_none(), "the question is not asked twice");
    harness.get_by_label("No team yet");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
    harness.get_by_label("No architects yet");
    let conn = common::app_db(&harness);
    assert_eq!(settings::get(conn, settings::ONBOARDED).unwrap().as_deref(), Some("empty"));
}

#[test]
fn loading_the_demo_team_from_the_welcome_fills_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut harness = common::harness(&path);
    harness.get_by_label("Load a demo team").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
    harness.get_by_label("Amara Okafor");
    assert_eq!(names(common::app_db(&harness)).len(), 10);
    // Grace left the team: kept in the database, hidden from the current roster.
    assert!(names(common::app_db(&harness)).contains(&"Grace Mensah".to_owned()));
    assert!(harness.query_by_label("Grace Mensah").is_none());
}

#[test]
fn adding_an_architect_by_typing_into_the_form_saves_it_to_the_table_and_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);

    harness.get_by_label("➕ New architect").click();
    harness.run();
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    name.click();
    name.type_text("Noor Haddad");
    harness.run();
    let title = harness.get_by_role_and_label(Role::TextInput, "Title");
    title.click();
    title.type_text("Cloud Solution Architect");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save Ctrl+S").click();
    harness.run();

    // Saved: the page now shows Noor (heading) and the roster lists her, selected.
    assert_eq!(harness.get_all_by_label("Noor Haddad").count(), 2, "in the roster and as the page heading");
    assert!(harness.query_by_label("New architect").is_none(), "the new-architect form became her page");
    let noor = architects::list(common::app_db(&harness))
        .unwrap()
        .into_iter()
        .find(|a| a.fields.name == "Noor Haddad")
        .expect("saved in the database");
    assert_eq!(noor.fields.title, "Cloud Solution Architect");
    assert_eq!(noor.fields.status, Status::Active);
    assert_eq!(noor.fields.started_on, Some(common::today()), "start date defaults to today");
}

#[test]
fn saving_an_empty_name_shows_a_message_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let before = names_at(&path);
    let mut harness = common::team_harness(&path);

    harness.get_by_label("➕ New architect").click();
    harness.run();
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    name.click();
    name.type_text("    ");
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save Ctrl+S").click();
    harness.run();

    harness.get_by_label("⚠ name: must not be empty");
    assert_eq!(names(common::app_db(&harness)), before);
}

#[test]
fn an_over_long_name_is_refused_with_the_limit_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let before = names_at(&path);
    let mut harness = common::team_harness(&path);

    harness.get_by_label("➕ New architect").click();
    harness.run();
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    name.click();
    name.type_text(&"x".repeat(130));
    harness.run();
    harness.get_by_label("130 / 120: too long");
    harness.get_by_role_and_label(Role::Button, "Save Ctrl+S").click();
    harness.run();
    harness.get_by_label("⚠ name: is 130 characters long; the limit is 120");
    assert_eq!(names(common::app_db(&harness)), before, "nothing saved, nothing truncated");
}

#[test]
fn marking_an_architect_as_left_hides_them_keeps_them_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);

    harness.get_by_label("Lukas Schneider").click();
    harness.run();
    harness.get_by_label("Mark as left").click();
    harness.run();
    // It asks why first; a reason is required.
    harness.get_by_label("Why is Lukas Schneider leaving the team?");
    harness.get_by_label("Record departure").click();
    harness.run();
    harness.get_by_label("⚠ reason: choose why they left");
    harness.get_by_label("Moved into a more senior role elsewhere in the organisation").click();
    harness.run();
    harness.get_by_label("Record departure").click();
    harness.run();
    harness.get_by_label("⚠ new role: say which role they moved into");
    harness.get_by_role_and_label(Role::TextInput, "New role").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "New role")
        .type_text("Principal Architect, Azure Global Black Belt");
    harness.run();
    harness.get_by_label("Record departure").click();
    harness.run();
    harness.run();

    let reason: (String, String) = common::app_db(&harness)
        .query_row(
            "SELECT d.reason, d.new_role FROM departures d JOIN architects a ON a.id = d.architect_id \
             WHERE a.name = 'Lukas Schneider'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        reason,
        ("senior_role_elsewhere".to_owned(), "Principal Architect, Azure Global Black Belt".to_owned())
    );

    let lukas = architects::list(common::app_db(&harness))
        .unwrap()
        .into_iter()
        .find(|a| a.fields.name == "Lukas Schneider");
    assert_eq!(lukas.expect("kept").fields.status, Status::Left);
    assert!(harness.query_by_label("Lukas Schneider").is_none(), "hidden from the current team");

    harness.get_by_label("Left").click();
    harness.run();
    harness.get_by_label("Lukas Schneider");

    harness.get_by_label("Undo status change of Lukas Schneider").click();
    harness.run();
    let lukas = architects::list(common::app_db(&harness))
        .unwrap()
        .into_iter()
        .find(|a| a.fields.name == "Lukas Schneider");
    assert_eq!(lukas.expect("kept").fields.status, Status::Active);
    let departures: i64 =
        common::app_db(&harness).query_row("SELECT count(*) FROM departures", [], |r| r.get(0)).unwrap();
    assert_eq!(departures, 1, "only the demo's Grace Mensah: Lukas's reason went with the undo");
}

#[test]
fn deleting_asks_first_and_cancel_keeps_the_architect() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    {
        // Someone with no history yet: the demo team all have one-on-ones.
        let mut store = common::session(&path);
        common::add_architect(&mut store, "Noor Haddad", leadline::model::Cadence::Weekly);
    }
    let mut harness = common::team_harness(&path);

    harness.get_by_label("Noor Haddad").click();
    harness.run();
    harness.get_by_label("Delete…").click();
    harness.run();
    harness.get_by_label("Delete Noor Haddad?");
    harness.get_all_by_label("Cancel").last().expect("the dialog's Cancel").click();
    harness.run();
    assert!(names(common::app_db(&harness)).contains(&"Noor Haddad".to_owned()));

    harness.get_by_label("Delete…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete").click();
    harness.run();
    assert!(!names(common::app_db(&harness)).contains(&"Noor Haddad".to_owned()));
    assert!(harness.query_by_label("Noor Haddad").is_none());
}

#[test]
fn an_architect_with_one_on_ones_cannot_be_deleted_and_the_message_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    harness.get_by_label("Mateo García").click();
    harness.run();
    harness.get_by_label("Delete…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete").click();
    harness.run();
    harness.get_by_label_contains("Mateo García cannot be deleted:");
    harness.get_by_label_contains("one on ones");
    assert!(names(common::app_db(&harness)).contains(&"Mateo García".to_owned()));
}

#[test]
fn keyboard_shortcuts_switch_screens_and_open_a_new_architect_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num7);
    harness.run();
    harness.get_by_label("Career ladder");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
    harness.get_by_label("Amara Okafor");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("New architect");
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    assert!(name.is_focused(), "the name field takes the keyboard at once");
    name.type_text("Keyboard Person");
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(names(common::app_db(&harness)).contains(&"Keyboard Person".to_owned()));
}

#[test]
fn sorting_by_a_column_header_reorders_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    let order = |harness: &egui_kittest::Harness<'_, leadline::app::LeadlineApp>| {
        let y = |name: &str| harness.get_by_label(name).rect().min.y;
        y("Amara Okafor") < y("Sofia Lindqvist")
    };
    assert!(order(&harness), "by name, A first");
    harness.get_by_label("Name ⏶").click();
    harness.run();
    assert!(!order(&harness), "clicking the sorted header reverses it");
}

#[test]
fn settings_add_a_career_level_and_refuse_to_delete_one_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.get_by_label("⚙  Settings").click();
    harness.run();

    let field = harness.get_by_label("New career level");
    field.click();
    field.type_text("Field CTO");
    harness.run();
    harness.get_all_by_label("Add").next().expect("an Add button").click();
    harness.run();

    let conn = common::app_db(&harness);
    let levels = leadline::store::lists::list(conn, leadline::model::ListKind::CareerLevel).unwrap();
    assert_eq!(levels.last().map(|l| l.name.as_str()), Some("Field CTO"));
    // A level in use cannot be deleted: the command is refused with the names.
    let used = levels.iter().find(|l| l.name == "Senior Solution Architect").unwrap();
    let error = leadline::store::lists::delete(conn, leadline::model::ListKind::CareerLevel, used.id)
        .unwrap_err()
        .to_string();
    assert!(error.contains("Lukas Schneider"), "{error}");
}

#[test]
fn a_file_that_is_not_a_database_opens_a_window_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "these are my notes, not a database").unwrap();
    let harness = common::harness(&path);
    harness.get_by_label("Leadline could not open its database");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "these are my notes, not a database");
}
