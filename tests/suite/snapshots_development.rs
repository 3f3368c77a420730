//! Snapshot images of a few stable development screens with the demo team, rendered on the CPU
//! and compared strictly only on the reference renderer (see `common::check_snapshot`): the
//! skills heat-map, a development plan, the certification states, and long names. The other
//! views are covered by `ui_development.rs` without pixels.
//! Update them with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots_development`.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn open_view(harness: &mut egui_kittest::Harness<'_, leadline::app::LeadlineApp>, view: &str) {
    common::go_to_team(harness);
    harness.get_by_role_and_label(Role::Button, view).click();
    harness.run();
}

#[test]
fn skills_heatmap_of_the_demo_team() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    open_view(&mut harness, "Skill gaps");
    harness.get_by_label("Biggest gaps");
    common::check_snapshot(&mut harness, "skills_heatmap_dark");
}

#[test]
fn development_plan_with_stalled_and_due_soon_goals() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    common::go_to_team(&mut harness);
    harness.get_by_label("Lukas Schneider").click();
    harness.run();
    harness.get_by_label("Development plan").click();
    harness.run();
    common::check_snapshot(&mut harness, "development_plan_light");
}

#[test]
fn certifications_tab_in_every_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    common::go_to_team(&mut harness);
    harness.get_by_label("Priya Raman").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Certifications").click();
    harness.run();
    common::check_snapshot(&mut harness, "certifications_dark");
}

/// The demo team and one architect with a very long name, title and goal.
fn demo_with_a_long_name(dir: &tempfile::TempDir) -> std::path::PathBuf {
    use leadline::model::goal::GoalFields;
    use leadline::session::DevCommand;
    use leadline::session::{Command, Origin};

    let path = common::demo_db(dir);
    {
        let mut store = common::session(&path);
        let fields = leadline::model::ArchitectFields {
            name: "Maximiliana Alexandrovna Konstantinopolskaya-Vanderbilt de la Fuente y Montenegro-Ölçüm"
                .into(),
            title: "Principal Cloud Solution Architect for Hybrid and Multi-cloud Enterprise Transformations"
                .into(),
            ..Default::default()
        };
        let outcome = store.run(Origin::SCRIPT, Command::AddArchitect(fields)).unwrap();
        let leadline::session::Done::ArchitectAdded(id) = outcome else { panic!("not added") };
        let goal = GoalFields {
            description:
                "Lead a multi-quarter programme that turns three of the largest manufacturing accounts \
                          into reference customers for the industrial AI platform, with a public case study"
                    .into(),
            target_on: Some(common::today() + chrono::Days::new(12)),
            ..Default::default()
        };
        let add = DevCommand::AddGoal { architect: id, fields: goal };
        store.run(Origin::SCRIPT, Command::Development(add)).unwrap();
    }
    path
}

#[test]
fn long_names_and_descriptions_fit_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_with_a_long_name(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    common::go_to_team(&mut harness);
    harness.get_all_by_label_contains("Maximiliana").next().unwrap().click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Development plan").click();
    harness.run();
    common::check_snapshot(&mut harness, "long_names_dark");
}

/// Issue 18: a long name in the roster, the goals table and the heat-map is cut with an
/// ellipsis on one line, never wrapped over the next row or run into the next column.
#[test]
fn long_names_are_elided_in_the_roster_goals_and_heat_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_with_a_long_name(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    common::go_to_team(&mut harness);
    common::check_snapshot(&mut harness, "roster_long_names_light");
    harness.get_by_role_and_label(Role::Button, "Goals").click();
    harness.run();
    common::check_snapshot(&mut harness, "goals_long_names_light");
    harness.get_by_role_and_label(Role::Button, "Skill gaps").click();
    harness.run();
    common::check_snapshot(&mut harness, "skills_heatmap_long_names_light");
}
