//! Every screen in both themes: the screens the other snapshot files show in one theme, here in
//! the other (and Settings and One-on-ones, which had none), all with the demo team on the test
//! day. Together with those files each screen has a dark and a light image. Compared strictly
//! only on the reference renderer (see `common::check_snapshot`).

use crate::common;

use egui::{Key, Modifiers};
use leadline::ui::Screen;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The demo team's app on `screen` (reached with its Ctrl+number shortcut) in `theme`.
fn screen_snapshot(screen: Screen, key: Key, theme: egui::Theme, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, theme);
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
    assert_eq!(harness.state().screen(), screen);
    common::check_snapshot(&mut harness, name);
}

#[test]
fn this_week_light() {
    screen_snapshot(Screen::ThisWeek, Key::Num1, egui::Theme::Light, "this_week_light");
}

#[test]
fn team_light() {
    screen_snapshot(Screen::Team, Key::Num2, egui::Theme::Light, "team_light");
}

#[test]
fn one_on_ones_dark() {
    screen_snapshot(Screen::OneOnOnes, Key::Num3, egui::Theme::Dark, "one_on_ones_dark");
}

#[test]
fn one_on_ones_light() {
    screen_snapshot(Screen::OneOnOnes, Key::Num3, egui::Theme::Light, "one_on_ones_light");
}

#[test]
fn time_week_dark() {
    screen_snapshot(Screen::Time, Key::Num4, egui::Theme::Dark, "time_week_dark");
}

#[test]
fn business_light() {
    screen_snapshot(Screen::Business, Key::Num5, egui::Theme::Light, "business_light");
}

#[test]
fn review_dark() {
    screen_snapshot(Screen::Review, Key::Num6, egui::Theme::Dark, "review_dark");
}

#[test]
fn settings_dark() {
    screen_snapshot(Screen::Settings, Key::Num7, egui::Theme::Dark, "settings_dark");
}

#[test]
fn settings_light() {
    screen_snapshot(Screen::Settings, Key::Num7, egui::Theme::Light, "settings_light");
}
