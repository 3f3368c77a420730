//! Snapshot images of stable screens, rendered on the CPU. Compared strictly only on the
//! reference renderer (Mesa llvmpipe); see `common::check_snapshot`.
//! Update them with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

use crate::common;

use egui_kittest::kittest::Queryable as _;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

#[test]
fn team_screen_with_the_demo_team() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
    harness.get_by_label("Amara Okafor");
    common::check_snapshot(&mut harness, "team_dark");
}

#[test]
fn architect_editor_in_the_light_theme() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
    harness.get_by_label("Priya Raman").click();
    harness.run();
    harness.get_by_label("Career and readiness");
    common::check_snapshot(&mut harness, "architect_editor_light");
}
