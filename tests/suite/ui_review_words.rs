//! The quarterly review's editing driven through the real app: the competencies edited in
//! Settings (and rated on the review), bullets edited in place, retagged and reordered,
//! priorities made an architect's goal and a reminder, and figures opening the records behind
//! them. Each step is checked on the screen and in the database.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use leadline::ui::Screen;

use crate::common;
use crate::review::seeded;
use crate::ui_review::{App, click, one, open_review, type_into};

/// Replaces what a text field holds.
fn retype(harness: &mut App, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    if !text.is_empty() {
        harness.get_by_role_and_label(role, label).type_text(text);
    }
    harness.run();
}

fn competencies(harness: &App) -> Vec<String> {
    let conn = common::app_db(harness);
    let mut stmt =
        conn.prepare("SELECT role || ': ' || name FROM review_competencies ORDER BY position").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

fn bullets(harness: &App) -> Vec<(String, Option<String>, Option<String>)> {
    let conn = common::app_db(harness);
    let mut stmt = conn
        .prepare("SELECT text, ring, accountability FROM review_accomplishments ORDER BY position")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().collect::<Result<_, _>>().unwrap()
}

fn undo(harness: &mut App) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.run();
}

#[test]
fn competencies_are_added_renamed_reordered_and_removed_in_settings_and_the_review_rates_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::settings_harness(&seeded(&dir));
    let seeded_list = competencies(&harness);
    assert_eq!(seeded_list.len(), 7, "the role's seven competencies to start with");

    type_into(&mut harness, Role::TextInput, "New review competency's role", "Business Manager");
    type_into(&mut harness, Role::TextInput, "New review competency", "Customer obsessed");
    click(&mut harness, Role::Button, "Add competency");
    assert_eq!(
        competencies(&harness).last().map(String::as_str),
        Some("Business Manager: Customer obsessed")
    );

    // The same one in other capitals is refused, and so is an empty name: nothing is added.
    retype(&mut harness, Role::TextInput, "New review competency's role", "business manager");
    retype(&mut harness, Role::TextInput, "New review competency", "CUSTOMER OBSESSED");
    click(&mut harness, Role::Button, "Add competency");
    harness.get_by_label("⚠ Business Manager already has the competency “Customer obsessed”");
    retype(&mut harness, Role::TextInput, "New review competency", "");
    click(&mut harness, Role::Button, "Add competency");
    harness.get_by_label("⚠ competency: must not be empty");
    assert_eq!(competencies(&harness).len(), 8);

    retype(&mut harness, Role::TextInput, "Name of Customer obsessed", "Customer first");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    click(&mut harness, Role::Button, "Move Customer first up");
    let list = competencies(&harness);
    assert_eq!(list[6], "Business Manager: Customer first", "moved above the last one: {list:?}");
    assert_eq!(list[7], seeded_list[6]);

    // Removed, and Ctrl+Z puts it back in its place.
    click(&mut harness, Role::Button, "Remove Customer first");
    assert_eq!(competencies(&harness), seeded_list);
    undo(&mut harness);
    assert_eq!(competencies(&harness), list);

    // The review rates the list as Settings has it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    harness.run();
    harness.run();
    harness.get_by_label("Business Manager: Customer first");
    let id: i64 = one(&harness, "SELECT id FROM review_competencies WHERE name = 'Customer first'");
    harness.get_all_by_role_and_label(Role::Button, "3").nth(6).expect("the seventh row's 3").click();
    harness.run();
    harness.run();
    let rated: i64 = one(&harness, &format!("SELECT rating FROM review_ratings WHERE competency_id = {id}"));
    assert_eq!(rated, 3);
}

#[test]
fn bullets_are_edited_in_place_retagged_and_reordered_from_the_keyboard_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_review(&seeded(&dir));
    type_into(&mut harness, Role::TextInput, "New bullet", "Ran the AKS bootcamp");
    click(&mut harness, Role::Button, "Add bullet");
    type_into(&mut harness, Role::TextInput, "New bullet", "Closed the Fabrikam plan");
    click(&mut harness, Role::Button, "Add bullet");
    assert_eq!(bullets(&harness).len(), 2);

    click(&mut harness, Role::Button, "Edit bullet 2");
    retype(&mut harness, Role::TextInput, "Bullet text", "Closed the Fabrikam consumption plan");
    harness.get_all_by_label("Impact ring").next().expect("the editor's ring").click();
    harness.run();
    harness.get_by_label("Contributing to others' success").click();
    harness.run();
    harness.get_all_by_label("Accountability").next().expect("the editor's accountability").click();
    harness.run();
    harness.get_all_by_label("Business management").last().expect("the list's entry").click();
    harness.run();
    click(&mut harness, Role::Button, "Save bullet");
    assert_eq!(
        bullets(&harness)[1],
        (
            "Closed the Fabrikam consumption plan".to_owned(),
            Some("others_success".to_owned()),
            Some("business".to_owned())
        )
    );
    assert!(harness.query_by_role_and_label(Role::TextInput, "Bullet text").is_none(), "the editor closed");

    click(&mut harness, Role::Button, "Move bullet 2 up");
    let texts = |h: &App| bullets(h).into_iter().map(|b| b.0).collect::<Vec<_>>();
    assert_eq!(texts(&harness), ["Closed the Fabrikam consumption plan", "Ran the AKS bootcamp"]);

    // From the keyboard: Alt+Up moves the bullet being edited, Escape leaves the editor.
    click(&mut harness, Role::Button, "Edit bullet 2");
    harness.get_by_role_and_label(Role::TextInput, "Bullet text").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    harness.run();
    harness.run();
    assert_eq!(texts(&harness), ["Ran the AKS bootcamp", "Closed the Fabrikam consumption plan"]);
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_role_and_label(Role::TextInput, "Bullet text").is_none(), "Escape closed it");

    // A suggestion edited in place before it is accepted.
    let offered = harness.query_all_by_role_and_label(Role::Button, "Accept").count();
    click(&mut harness, Role::Button, "Edit suggestion 1");
    retype(&mut harness, Role::TextInput, "Bullet text", "Kept coaching at the heart of my week");
    click(&mut harness, Role::Button, "Save bullet");
    let (text, suggestion): (String, Option<String>) = common::app_db(&harness)
        .query_row(
            "SELECT text, suggestion FROM review_accomplishments ORDER BY position DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(text, "Kept coaching at the heart of my week");
    assert!(suggestion.is_some(), "accepted from its suggestion");
    assert_eq!(
        harness.query_all_by_role_and_label(Role::Button, "Accept").count(),
        offered - 1,
        "no longer offered"
    );
}

#[test]
fn a_priority_becomes_an_architects_goal_and_a_reminder() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_review(&seeded(&dir));
    type_into(&mut harness, Role::TextInput, "New priority", "Coach Ana into a lead role");
    click(&mut harness, Role::Button, "Add priority");

    // No architect chosen: said so, nothing written.
    click(&mut harness, Role::Button, "Make a goal...");
    click(&mut harness, Role::Button, "Make goal");
    harness.get_by_label("⚠ architect: choose whose goal it becomes");
    assert_eq!(one::<i64>(&harness, "SELECT count(*) FROM goals"), 0);

    harness.get_by_label("Architect").click();
    harness.run();
    harness.get_all_by_label("Ana Lima").last().expect("Ana in the list").click();
    harness.run();
    type_into(&mut harness, Role::TextInput, "Target date", "2027-03-31");
    click(&mut harness, Role::Button, "Make goal");
    let (description, name, target, linked): (String, String, String, bool) = common::app_db(&harness)
        .query_row(
            "SELECT g.description, a.name, g.target_on, \
             g.id = (SELECT goal_id FROM review_priorities) \
             FROM goals g JOIN architects a ON a.id = g.architect_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (description.as_str(), name.as_str(), target.as_str(), linked),
        ("Coach Ana into a lead role", "Ana Lima", "2027-03-31", true)
    );
    harness.get_by_label("a goal of Ana Lima");
    // Ctrl+Z deletes the goal it made and unlinks it.
    undo(&mut harness);
    assert_eq!(one::<i64>(&harness, "SELECT count(*) FROM goals"), 0);
    assert_eq!(one::<Option<i64>>(&harness, "SELECT goal_id FROM review_priorities"), None);

    click(&mut harness, Role::Button, "Remind me...");
    retype(&mut harness, Role::TextInput, "Remind me on", "2027-02-30");
    click(&mut harness, Role::Button, "Set reminder");
    assert!(harness.query_by_label_contains("reminder: ").is_some(), "a date that does not exist is refused");
    retype(&mut harness, Role::TextInput, "Remind me on", "2027-01-11");
    click(&mut harness, Role::Button, "Set reminder");
    let remind_on: String = one(&harness, "SELECT remind_on FROM review_priorities");
    assert_eq!(remind_on, "2027-01-11");
    harness.get_by_label("reminder on Mon 11 Jan 2027");

    undo(&mut harness);
    assert_eq!(one::<Option<String>>(&harness, "SELECT remind_on FROM review_priorities"), None);

    // A reminder falling within the week shows on This week and opens the review.
    click(&mut harness, Role::Button, "Remind me...");
    retype(&mut harness, Role::TextInput, "Remind me on", "2026-12-01");
    click(&mut harness, Role::Button, "Set reminder");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run();
    harness.run();
    harness.get_by_label("REMINDERS FROM YOUR REVIEWS (1)");
    harness.get_by_label("Coach Ana into a lead role");
    click(&mut harness, Role::Link, "a priority of FY27 Q2");
    assert_eq!(harness.state().screen(), Screen::Review);
}

#[test]
fn figures_open_the_records_behind_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_review(&seeded(&dir));
    // Coaching figures open the One-on-ones screen (the team, their meetings and energy).
    click(&mut harness, Role::Link, "Action items overdue");
    assert_eq!(harness.state().screen(), Screen::OneOnOnes);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    harness.run();
    click(&mut harness, Role::Link, "Energy");
    assert_eq!(harness.state().screen(), Screen::OneOnOnes);

    // The time figures open the Time screen on the quarter.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    harness.run();
    click(&mut harness, Role::Link, "Weeks on target");
    assert_eq!(harness.state().screen(), Screen::Time);
}

#[test]
fn save_offers_the_chosen_formats_own_file_filter_and_writes_where_the_dialog_says() {
    let dir = tempfile::tempdir().unwrap();
    let picker = common::FakePicker::default();
    let mut harness = common::harness_with_picker(&seeded(&dir), &picker);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    harness.run();
    harness.run();
    click(&mut harness, Role::Button, "Save…");
    click(&mut harness, Role::RadioButton, "JSON");
    let chosen = dir.path().join("connect.json");
    picker.will_answer(Some(chosen.clone()));
    click(&mut harness, Role::Button, "Choose…");
    let shown = picker.shown();
    assert_eq!(
        shown[0].kind,
        leadline::ui::PickKind::SaveFile {
            file_name: "review-FY27Q2.json".to_owned(),
            filter: "JSON",
            extensions: &["json"],
        },
        "the JSON filter and a .json name, not Markdown's"
    );
    harness.run();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&chosen).expect("written where the dialog said"))
            .expect("JSON");
    assert_eq!(json["quarter"], "FY27 Q2", "{json}");
}
