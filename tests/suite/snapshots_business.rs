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

/// The Accounts tab with Woodgrove Bank open (light theme), after opening the account named
/// `first`, if any.
fn woodgrove_after(
    first: Option<&str>,
) -> (tempfile::TempDir, egui_kittest::Harness<'static, leadline::app::LeadlineApp>) {
    let (dir, mut harness) = business(egui::Theme::Light);
    harness.get_by_role_and_label(Role::Button, "Accounts").click();
    harness.run();
    if let Some(name) = first {
        harness.get_all_by_label(name).next().unwrap().click();
        harness.run();
        harness.get_by_label_contains("MONTHLY ACR");
    }
    common::open_account(&mut harness, "Woodgrove Bank");
    (dir, harness)
}

#[test]
fn an_accounts_expected_and_actual_acr() {
    let (_dir, mut harness) = woodgrove_after(None);
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

/// `egui_plot` keeps a plot's bounds in memory: an account's chart drawn after the chart of an
/// account with no figures must be scaled to its own figures, exactly as when it is the first
/// one shown (it used to keep the empty chart's scale: bars cut off at the top, no dollar
/// labels). Both pictures come from the same renderer, so this compares on any machine.
#[test]
fn an_accounts_chart_is_scaled_to_its_own_figures_after_another_accounts() {
    let picture = |first: Option<&str>| {
        let (_dir, mut harness) = woodgrove_after(first);
        // The status line names the database, in a temporary folder of its own each time: only
        // the rows above it are compared.
        let status = harness
            .get_all_by_label_contains("leadline.db")
            .map(|node| node.rect().min.y)
            .fold(f32::MAX, f32::min);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a pixel row on screen")]
        let rows = (status * harness.ctx.pixels_per_point()).max(0.0) as usize;
        harness.render().map(|image| {
            let width = image.width() as usize;
            image.as_raw()[..(rows * width * 4).min(image.as_raw().len())].to_vec()
        })
    };
    let (direct, after) = match (picture(None), picture(Some("Alpine Ski House"))) {
        (Ok(direct), Ok(after)) => (direct, after),
        (direct, after) => {
            let error = direct.err().or(after.err()).unwrap_or_default();
            assert!(
                std::env::var_os(common::STRICT_SNAPSHOTS).is_none(),
                "no picture rendered ({} is set): {error}",
                common::STRICT_SNAPSHOTS
            );
            eprintln!("not compared: no renderer ({error})");
            return;
        }
    };
    assert_eq!(direct.len(), after.len());
    assert!(direct.len() > 1_000_000, "the picture holds the window down to the status line");
    let differing = direct.chunks(4).zip(after.chunks(4)).filter(|(a, b)| a != b).count();
    // A handful of anti-aliased pixels may differ between two renders; a chart on another
    // scale moves thousands.
    assert!(differing <= 16, "{differing} pixels differ from the chart shown first");
}
