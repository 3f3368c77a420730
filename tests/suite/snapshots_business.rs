//! Snapshot images of the Business screen with the demo data, rendered on the CPU and compared
//! strictly only on the reference renderer (see `common::check_snapshot`): the wins with what
//! needs attention and the pipeline chart (dark), an account's expected against actual ACR
//! (light), and the scorecard (dark). Update with
//! `UPDATE_SNAPSHOTS=1 cargo test --test suite snapshots_business::`, then look at them.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn business(
    theme: egui::Theme,
) -> (tempfile::TempDir, egui_kittest::Harness<'static, leadline::app::LeadlineApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, theme);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    harness.run();
    (dir, harness)
}

#[test]
fn business_screen_with_the_demo_wins_and_what_needs_attention() {
    let (_dir, mut harness) = business(egui::Theme::Dark);
    harness.get_by_label_contains("2 wins without an agreed consumption plan");
    common::check_snapshot(&mut harness, "business_wins_dark");
}

#[test]
fn a_win_with_its_plan_and_milestones() {
    let (_dir, mut harness) = business(egui::Theme::Light);
    harness.get_all_by_label("Northwind warehouse platform on AKS").next().unwrap().click();
    harness.run();
    common::check_snapshot(&mut harness, "business_win_light");
}

#[test]
fn an_accounts_expected_and_actual_acr() {
    let (_dir, mut harness) = business(egui::Theme::Light);
    harness.get_by_role_and_label(Role::Button, "Accounts").click();
    harness.run();
    // The table draws only the rows in view: filter down to the account first.
    let filter = harness.get_by_role_and_label(Role::TextInput, "Filter the accounts");
    filter.click();
    filter.type_text("Woodgrove");
    harness.run();
    harness.get_all_by_label("Woodgrove Bank").next().unwrap().click();
    harness.run();
    common::check_snapshot(&mut harness, "business_account_light");
}

#[test]
fn the_scorecard_of_this_quarter() {
    let (_dir, mut harness) = business(egui::Theme::Dark);
    harness.get_by_role_and_label(Role::Button, "Scorecard").click();
    harness.run();
    harness.get_by_label("Operational standards".to_uppercase().as_str());
    common::check_snapshot(&mut harness, "business_scorecard_dark");
}
