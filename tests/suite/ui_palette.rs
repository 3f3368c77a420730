//! The command palette (Ctrl+K, Ctrl+Shift+P), driven from the keyboard only: type part of a
//! name, Enter runs it, Esc closes without effect.

use crate::common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::LeadlineApp;
use leadline::ui::Screen;

type App = Harness<'static, LeadlineApp>;

fn open_palette(harness: &mut App) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
}

fn type_text(harness: &mut App, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

fn press(harness: &mut App, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn palette_is_open(harness: &App) -> bool {
    harness.query_by_role_and_label(Role::TextInput, "Command").is_some()
}

fn count(harness: &App, table: &str) -> i64 {
    common::app_db(harness).query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn ctrl_k_then_part_of_log_time_and_enter_opens_the_time_screen_in_the_duration() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    assert_eq!(harness.state().screen(), Screen::ThisWeek);
    open_palette(&mut harness);
    assert!(palette_is_open(&harness));
    assert!(
        harness.get_by_role_and_label(Role::TextInput, "Command").is_focused(),
        "the keyboard is in the field"
    );
    type_text(&mut harness, "log tim");
    press(&mut harness, Key::Enter);
    harness.run();
    assert!(!palette_is_open(&harness), "running an action closes the palette");
    assert_eq!(harness.state().screen(), Screen::Time);
    assert!(harness.get_by_role_and_label(Role::TextInput, "Duration").is_focused());
}

/// Import calendar does what the Ctrl+O shown beside it does: the import view with the file
/// dialog open.
#[test]
fn ctrl_shift_p_opens_the_palette_too_and_import_calendar_opens_the_file_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let picker = common::FakePicker::default();
    picker.will_answer(None);
    let mut harness = common::harness_with_picker(&path, &picker);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    assert!(palette_is_open(&harness));
    type_text(&mut harness, "imp cal");
    harness.get_by_label_contains("Ctrl+O");
    press(&mut harness, Key::Enter);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Time);
    harness.get_by_label("Import a calendar");
    let shown = picker.shown();
    assert_eq!(shown.len(), 1, "the file dialog opened: {shown:?}");
    assert_eq!(shown[0].title, "Open calendar");
}

#[test]
fn an_architect_typed_in_part_opens_their_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    open_palette(&mut harness);
    type_text(&mut harness, "okafr");
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().screen(), Screen::Team);
    assert_eq!(
        harness.get_all_by_label("Amara Okafor").count(),
        2,
        "her page is open: the roster row and the page heading"
    );
}

#[test]
fn start_the_next_due_one_on_one_writes_it_through_the_session_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    let before = count(&harness, "one_on_ones");
    open_palette(&mut harness);
    type_text(&mut harness, "next due");
    press(&mut harness, Key::Enter);
    harness.run();
    assert_eq!(count(&harness, "one_on_ones"), before + 1, "one meeting started");
    assert_eq!(harness.state().screen(), Screen::OneOnOnes, "and shown");
    assert!(
        harness.state().status().starts_with("Started the one-on-one with"),
        "{}",
        harness.state().status()
    );
}

#[test]
fn up_and_down_choose_the_entry_enter_runs() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    open_palette(&mut harness);
    // Nothing typed lists every screen first, in the navigation's order.
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowUp);
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().screen(), Screen::OneOnOnes, "the third entry");
}

#[test]
fn esc_closes_without_effect_and_the_keyboard_goes_back_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    assert!(harness.get_by_role_and_label(Role::TextInput, "Duration").is_focused());
    let entries = count(&harness, "time_entries");
    open_palette(&mut harness);
    type_text(&mut harness, "settings");
    press(&mut harness, Key::Escape);
    harness.run();
    assert!(!palette_is_open(&harness));
    assert_eq!(harness.state().screen(), Screen::Time, "nothing ran");
    assert_eq!(count(&harness, "time_entries"), entries);
    assert!(
        harness.get_by_role_and_label(Role::TextInput, "Duration").is_focused(),
        "the duration has the keyboard again"
    );
}

#[test]
fn what_fits_nothing_says_so_and_enter_runs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    open_palette(&mut harness);
    type_text(&mut harness, "zzqx");
    harness.get_by_label("Nothing matches \"zzqx\"");
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().screen(), Screen::ThisWeek);
}

#[test]
fn export_from_the_palette_asks_where_then_writes_the_json_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let picker = common::FakePicker::default();
    let mut harness = common::harness_with_picker(&path, &picker);
    let target = dir.path().join("chosen-export.json");
    picker.will_answer(Some(target.clone()));
    open_palette(&mut harness);
    type_text(&mut harness, "export json");
    press(&mut harness, Key::Enter);
    harness.run();
    harness.run();
    let shown = picker.shown();
    assert_eq!(shown.len(), 1, "one save dialog");
    assert!(
        matches!(&shown[0].kind, leadline::ui::PickKind::SaveFile { extensions, .. } if *extensions == ["json"])
    );
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert!(json.to_string().contains("Amara Okafor"), "the export holds the team");
}

#[test]
fn quit_from_the_palette_asks_the_window_to_close_in_the_frame_enter_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    open_palette(&mut harness);
    type_text(&mut harness, "quit");
    // Only the key-down, then one frame: that frame's output is what the app asked of the window.
    harness.event(egui::Event::Key {
        key: Key::Enter,
        pressed: true,
        modifiers: Modifiers::NONE,
        repeat: false,
        physical_key: None,
    });
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(
        commands.iter().any(|command| matches!(command, egui::ViewportCommand::Close)),
        "Enter on Quit asks to close: {commands:?}"
    );
}
