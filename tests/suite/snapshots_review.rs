//! A snapshot image of the Quarterly review screen with the demo manager's half-written draft,
//! rendered on the CPU. Compared strictly only on the reference renderer (Mesa llvmpipe); see
//! `common::check_snapshot`. Update with `UPDATE_SNAPSHOTS=1 cargo test --test suite snapshots_review`.

use crate::common;

use egui_kittest::kittest::Queryable as _;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

#[test]
fn review_of_the_demo_quarter_in_the_light_theme() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    harness.run();
    harness.run();
    harness.get_by_label("Quarterly review FY27 Q2 (Oct – Dec 2026)");
    harness.get_by_label("Compared with FY27 Q1 (finalized) and FY26 Q2");
    common::check_snapshot(&mut harness, "review_light");
}
