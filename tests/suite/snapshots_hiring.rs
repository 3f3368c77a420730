//! Snapshot images of hiring with the demo data, rendered on the CPU and compared strictly only
//! on the reference renderer (see `common::check_snapshot`): the pipeline in the dark theme,
//! a requisition's page with a candidate at the offer stage in the light theme, and the
//! debrief with names hidden. Update them with `UPDATE_SNAPSHOTS=1 cargo test --test suite snapshots_hiring`.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn hiring(harness: &mut egui_kittest::Harness<'_, leadline::app::LeadlineApp>) {
    common::go_to_team(harness);
    harness.get_by_role_and_label(Role::Button, "Hiring").click();
    harness.run();
}

#[test]
fn the_pipeline_of_the_demo_team() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    hiring(&mut harness);
    harness.get_by_label("Interview loop");
    common::check_snapshot(&mut harness, "hiring_pipeline_dark");
}

#[test]
fn a_requisition_page_with_a_candidate_at_the_offer_stage() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    hiring(&mut harness);
    harness.get_by_label("Ingrid Solberg").click();
    harness.run();
    harness.run();
    harness.get_by_label("Hire…");
    common::check_snapshot(&mut harness, "hiring_requisition_light");
}

#[test]
fn the_debrief_lines_up_the_scorecards_with_names_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    hiring(&mut harness);
    harness.get_by_label("Ingrid Solberg").click();
    harness.run();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Debrief").click();
    harness.run();
    harness.get_by_label("Hide names").click();
    harness.run();
    assert!(harness.query_by_label_contains("Amara Okafor").is_none(), "interviewers hidden too");
    common::check_snapshot(&mut harness, "hiring_debrief_dark");
}

#[test]
fn the_hire_form_with_the_onboarding_plan_from_the_template() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    hiring(&mut harness);
    harness.get_by_label("Ingrid Solberg").click();
    harness.run();
    harness.run();
    harness.get_by_label("Hire…").click();
    harness.run();
    harness.run();
    harness.get_by_label("Hire Ingrid Solberg onto the team");
    harness.get_by_label("Hire and add to the team");
    common::check_snapshot(&mut harness, "hiring_hire_form_light");
}
