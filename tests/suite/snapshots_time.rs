//! Snapshot images of the Time screen with the demo manager's time, rendered on the CPU.
//! Compared strictly only on the reference renderer (Mesa llvmpipe); see `common::check_snapshot`.
//! Update them with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots_time`.

use crate::common;

use egui_kittest::kittest::Queryable as _;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn open_time_screen(harness: &mut egui_kittest::Harness<'_, leadline::app::LeadlineApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    harness.run();
}

#[test]
fn quarter_chart_of_the_demo_quarter_in_the_dark_theme() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    open_time_screen(&mut harness);
    harness.get_by_label("Quarter").click();
    harness.run();
    harness.get_by_label("Each week's split");
    common::check_snapshot(&mut harness, "time_quarter_dark");
}

#[test]
fn week_view_of_the_demo_week_in_the_light_theme() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    open_time_screen(&mut harness);
    harness.get_by_label("Week 2026-W48 split");
    common::check_snapshot(&mut harness, "time_week_light");
}
