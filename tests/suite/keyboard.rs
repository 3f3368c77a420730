//! The README's keyboard table, key by key, through the real app: what each key does is
//! asserted on the screen (and the database where it writes).

use crate::common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::LeadlineApp;
use leadline::model::split::Category;
use leadline::store::{architects, one_on_ones, time};

type App = Harness<'static, LeadlineApp>;

fn press(harness: &mut App, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn type_text(harness: &mut App, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

#[test]
fn up_down_and_enter_move_through_the_roster_and_open_the_selected_architect() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    // Sorted by name, Amara Okafor is first; her name shows once, in the roster.
    assert_eq!(harness.get_all_by_label("Amara Okafor").count(), 1);
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowUp);
    assert_eq!(harness.get_all_by_label("Amara Okafor").count(), 1, "selecting opens nothing");
    press(&mut harness, Key::Enter);
    assert_eq!(
        harness.get_all_by_label("Amara Okafor").count(),
        2,
        "Enter opens the selected architect: the roster row and the page heading"
    );
}

#[test]
fn esc_closes_the_new_architect_form_without_saving() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("New architect");
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Never Saved");
    harness.run();
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label("New architect").is_none(), "the form is closed");
    let names: Vec<String> =
        architects::list(common::app_db(&harness)).unwrap().into_iter().map(|a| a.fields.name).collect();
    assert!(!names.contains(&"Never Saved".to_owned()), "{names:?}");
    assert_eq!(names.len(), 10);
}

#[test]
fn time_letters_choose_the_category_and_shift_tab_goes_back_a_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    let duration = |harness: &App| harness.get_by_role_and_label(Role::TextInput, "Duration").is_focused();
    assert!(duration(&harness), "the keyboard starts in the duration");
    type_text(&mut harness, "30");
    press(&mut harness, Key::Tab);
    for (letter, label) in
        [("m", "30 min · Market building"), ("b", "30 min · Business management"), ("c", "30 min · Coaching")]
    {
        type_text(&mut harness, letter);
        harness.get_by_label_contains(label);
    }
    type_text(&mut harness, "m");
    harness.get_by_label_contains("30 min · Market building");

    // Shift+Tab: back from the category to the duration, which is corrected.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    assert!(duration(&harness), "Shift+Tab goes back to the duration");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    type_text(&mut harness, "45");
    harness.get_by_label_contains("45 min · Market building");
    press(&mut harness, Key::Tab);
    press(&mut harness, Key::Tab);
    type_text(&mut harness, "Partner call typed from the keyboard");
    press(&mut harness, Key::Enter);

    let day = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    let entries = time::list_between(common::app_db(&harness), day(2000), day(2100)).unwrap();
    let entry = entries
        .iter()
        .find(|e| e.fields.description == "Partner call typed from the keyboard")
        .expect("saved");
    assert_eq!((entry.fields.minutes, entry.fields.category), (45, Category::Market));
}

#[test]
fn time_alt_left_and_alt_right_step_through_the_weeks() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    harness.get_by_label("Week 2026-W48");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    harness.get_by_label("Week 2026-W46");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    harness.get_by_label("Week 2026-W47");
    assert!(harness.query_by_label("Week 2026-W46").is_none());
}

fn sofias_notes_today(harness: &App) -> String {
    let conn = common::app_db(harness);
    let sofia =
        architects::list(conn).unwrap().into_iter().find(|a| a.fields.name == "Sofia Lindqvist").unwrap();
    one_on_ones::on_date(conn, sofia.id, common::today())
        .unwrap()
        .map(|meeting| one_on_ones::get(conn, meeting).unwrap().fields.notes)
        .unwrap_or_default()
}

/// Starts today's one-on-one with Sofia and types `notes`, without the pause that saves them.
fn type_notes_for_sofia(harness: &mut App, notes: &str) {
    harness.get_by_label("Start the one-on-one with Sofia Lindqvist").click();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Notes").click();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Notes").type_text(notes);
    harness.run();
    // The notes save themselves after a pause in typing; that pause has not come yet.
    assert_eq!(sofias_notes_today(harness), "", "not saved yet: the test would prove nothing");
}

#[test]
fn ctrl_q_asks_the_window_to_close_and_saves_the_notes_typed_just_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    // Nothing asks to close on an ordinary frame or key.
    press(&mut harness, Key::ArrowDown);
    assert!(!common::asks_to_close(&harness.output().viewport_output[&egui::ViewportId::ROOT].commands));

    type_notes_for_sofia(&mut harness, "Quit right after typing this");

    let commands = common::press_ctrl_q(&mut harness);
    assert!(common::asks_to_close(&commands), "Ctrl+Q asks the window to close: {commands:?}");
    assert_eq!(
        sofias_notes_today(&harness),
        "Quit right after typing this",
        "the notes typed before Ctrl+Q are saved in the frame that closes the window"
    );
}

#[test]
fn ctrl_q_quits_from_a_text_field_too_and_types_nothing_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Half typed");
    harness.run();
    let commands = common::press_ctrl_q(&mut harness);
    assert!(common::asks_to_close(&commands), "{commands:?}");
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Name").value().as_deref(), Some("Half typed"));
}

#[test]
fn the_windows_close_button_saves_the_notes_typed_just_before_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    type_notes_for_sofia(&mut harness, "Closed from the title bar");
    common::press_window_close(&mut harness);
    assert_eq!(sofias_notes_today(&harness), "Closed from the title bar");
}
