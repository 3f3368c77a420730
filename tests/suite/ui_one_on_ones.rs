//! This week and One-on-ones, driven through the real app as the manager would on a Monday.

use crate::common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use leadline::model::one_on_one::Party;
use leadline::model::search::HitKind;
use leadline::store::{agenda, one_on_ones};
use leadline::ui::Screen;

const CARRIED: &str = "AKS capacity planning for Northwind's peak season";

fn lukas(conn: &rusqlite::Connection) -> leadline::model::ArchitectId {
    leadline::store::architects::list(conn)
        .unwrap()
        .into_iter()
        .find(|a| a.fields.name == "Lukas Schneider")
        .unwrap()
        .id
}

#[test]
fn a_one_on_one_started_from_a_prep_card_carries_its_new_action_to_next_weeks_card() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    assert_eq!(harness.state().screen(), Screen::ThisWeek, "the weekly home is the start screen");
    harness.get_by_label(CARRIED);

    harness.get_by_label("Start the one-on-one with Lukas Schneider").scroll_to_me();
    harness.run();
    harness.get_by_label("Start the one-on-one with Lukas Schneider").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::OneOnOnes);
    harness.get_by_label("One-on-one with Lukas Schneider");
    assert_eq!(
        harness.get_all_by_label_contains("carried over since Tue 3 Nov").count(),
        2,
        "the carried point and the carried action are marked with the week they come from"
    );

    harness.get_by_label(&format!("Discussed: {CARRIED}")).click();
    harness.run();

    let field = harness.get_by_role_and_label(Role::TextInput, "New action item");
    field.click();
    field.type_text("Send Lukas the AKS sizing guide");
    harness.run();
    let due = harness.get_by_role_and_label(Role::TextInput, "Due date");
    due.click();
    due.type_text("2026-12-03");
    harness.run();
    harness.get_by_label("Add the action item").click();
    harness.run();

    // In the database: discussed in today's meeting, the action raised in it.
    let conn = common::app_db(&harness);
    let meeting = one_on_ones::on_date(conn, lukas(conn), common::today()).unwrap().expect("started today");
    let agenda = agenda::agenda_of(conn, &one_on_ones::get(conn, meeting).unwrap()).unwrap();
    let point = agenda.points.iter().find(|(p, _)| p.fields.text == CARRIED).expect("on the agenda");
    assert_eq!(point.0.discussed_in, Some(meeting));
    let action = agenda
        .actions
        .iter()
        .find(|(a, _)| a.fields.text == "Send Lukas the AKS sizing guide")
        .expect("saved");
    assert_eq!(action.0.raised_in, meeting);
    assert_eq!(action.0.fields.owner, Party::Them);
    assert_eq!(action.0.fields.due_on, Some(common::day(2026, 12, 3)));

    // Next week's card has the new action and no longer the discussed point.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    assert!(harness.query_by_label("Lukas Schneider").is_some(), "held this week: listed under held");
    harness.get_by_label("Next week").click();
    harness.run();
    harness.get_by_label("2026-W49");
    harness.get_by_label("Start the one-on-one with Lukas Schneider");
    harness.get_by_label("Send Lukas the AKS sizing guide");
    assert!(harness.query_by_label(CARRIED).is_none(), "discussed: gone from the card");
}

#[test]
fn ctrl_f_searches_from_any_screen_and_opens_the_meeting_with_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Filter the roster");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Search");
    assert!(field.is_focused(), "the keyboard goes to the search field");
    field.type_text("muller");
    harness.run();
    harness.get_by_label("1 match");
    let results = &harness.state().view().search;
    assert_eq!(results.hits[0].architect_name, "Amara Okafor", "grouped under the architect");
    harness.get_by_label_contains("Follow-up with Zoë Müller").click();
    harness.run();

    assert_eq!(harness.state().screen(), Screen::OneOnOnes);
    harness.get_by_label("One-on-one with Amara Okafor");
    let meeting = harness.state().view().meeting.as_ref().expect("opened").meeting.fields.notes.clone();
    assert!(meeting.contains("Zoë Müller"));
    assert!(harness.query_by_role_and_label(Role::TextInput, "Search").is_none(), "the search closed");
}

#[test]
fn a_search_with_operator_characters_shows_a_message_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness_any_script(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search").type_text("\"*");
    harness.run();
    harness.get_by_label("“\"*” has no letters or digits to search for.");
    let field = harness.get_by_role_and_label(Role::TextInput, "Search");
    field.type_text(" 顧客");
    harness.run();
    let results = &harness.state().view().search;
    assert_eq!(results.total, 1, "the stray quote and star are ignored; the Japanese word is found");
    assert_eq!(results.hits[0].architect_name, "Kenji Watanabe");
}

#[test]
fn notes_are_saved_and_read_back_with_their_structure() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.get_by_label("Start the one-on-one with Sofia Lindqvist").click();
    harness.run();
    let notes = harness.get_by_role_and_label(Role::MultilineTextInput, "Notes");
    notes.click();
    for (index, line) in
        ["# Customers", "- Coho Winery pilot is live", "- **Fourth Coffee** wants a demo"].iter().enumerate()
    {
        if index > 0 {
            harness.key_press(Key::Enter);
        }
        harness.get_by_role_and_label(Role::MultilineTextInput, "Notes").type_text(line);
        harness.run();
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();

    let conn = common::app_db(&harness);
    let sofia = leadline::store::architects::list(conn)
        .unwrap()
        .into_iter()
        .find(|a| a.fields.name == "Sofia Lindqvist")
        .unwrap();
    let meeting = one_on_ones::on_date(conn, sofia.id, common::today()).unwrap().unwrap();
    let stored = one_on_ones::get(conn, meeting).unwrap();
    assert_eq!(
        stored.fields.notes,
        "# Customers\n- Coho Winery pilot is live\n- **Fourth Coffee** wants a demo"
    );

    harness.get_by_label("Read").click();
    harness.run();
    harness.get_by_label("Customers");
    harness.get_by_label("Coho Winery pilot is live");
}

#[test]
fn an_action_due_before_its_meeting_is_refused_in_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    // Below the fold since the demo's new hire is due too.
    harness.get_by_label("Start the one-on-one with Mateo García").scroll_to_me();
    harness.run();
    harness.get_by_label("Start the one-on-one with Mateo García").click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "New action item");
    field.click();
    field.type_text("Book the review board slot");
    harness.run();
    let due = harness.get_by_role_and_label(Role::TextInput, "Due date");
    due.click();
    due.type_text("2026-11-20");
    harness.run();
    harness.get_by_label("Add the action item").click();
    harness.run();
    harness.get_by_label("⚠ due date: 2026-11-20 is before the one-on-one it comes from (2026-11-28)");
    let saved: i64 = common::app_db(&harness)
        .query_row("SELECT count(*) FROM action_items WHERE text = 'Book the review board slot'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(saved, 0, "nothing saved");
    // The typed text is still there to fix.
    let field = harness.get_by_role_and_label(Role::TextInput, "New action item");
    assert_eq!(field.value().as_deref(), Some("Book the review board slot"));
}

#[test]
fn a_template_adds_its_talking_point_and_history_lists_the_meetings() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness_any_script(&path);
    harness.get_by_label("Start the one-on-one with Kenji Watanabe").click();
    harness.run();
    harness.get_by_label("Add the Wellbeing template").click();
    harness.run();
    harness.get_by_label(
        "Discussed: Wellbeing: how are your energy and workload? Anything I can take off your plate?",
    );
    // Deleted by mistake, and back with Undo.
    let wellbeing = "Wellbeing: how are your energy and workload? Anything I can take off your plate?";
    harness.get_by_label(&format!("Delete: {wellbeing}")).click();
    harness.run();
    assert!(harness.query_by_label(&format!("Discussed: {wellbeing}")).is_none());
    harness.get_by_label("Undo delete of a talking point").click();
    harness.run();
    harness.get_by_label(&format!("Discussed: {wellbeing}"));

    // Started from This week, Close goes back there; Kenji's history is one key away.
    harness.get_by_label("Close").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::ThisWeek);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness.get_by_label("Open the one-on-one of 2026-11-28");
    harness.get_by_label("Open the one-on-one of 2026-11-11").click();
    harness.run();
    harness.get_by_label("One-on-one with Kenji Watanabe");
    harness.get_by_label_contains("顧客ワークショップ");
}

#[test]
fn the_search_highlight_opens_the_right_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search").type_text("\"Alpine Ski House CTO\"");
    harness.run();
    let hit = harness.state().view().search.hits.first().cloned().expect("found");
    assert_eq!(hit.kind, HitKind::ActionItem);
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("One-on-one with Lukas Schneider");
    harness.get_by_label("Introduce Lukas to the Alpine Ski House CTO");
}
