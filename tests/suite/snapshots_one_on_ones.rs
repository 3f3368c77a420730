//! Snapshot images of This week, the meeting editor and the search, dark and light, with the
//! demo team and with long names and long notes. Compared strictly only on the reference
//! renderer (see `common::check_snapshot`).
//! Update them with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots_one_on_ones`.

use crate::common;

use std::fmt::Write as _;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use leadline::model::Cadence;
use leadline::model::one_on_one::{ActionFields, MeetingFields, Party};
use leadline::session::Command;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);
const LONG_NAME: &str = "Maximiliana Alexandrovna Konstantinopoulou-Wetherby-Fairweather";

/// The demo team plus someone with a very long name, long items and long notes.
fn demo_with_long_texts(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = common::demo_db(dir);
    let mut store = common::session(&path);
    let max = common::add_architect(&mut store, LONG_NAME, Cadence::Weekly);
    let meeting = common::start(
        &mut store,
        max,
        common::day(2026, 11, 20),
        &[(
            "Whether the Contoso Pharmaceuticals global data platform programme should move to a federated \
             lakehouse with per-country governance before or after the regulatory audit in the spring",
            Party::Them,
        )],
    );
    let mut notes = String::new();
    for n in 1..=12 {
        let _ = write!(
            notes,
            "## Section {n}: a heading that goes on for quite a while to test wrapping\n- A bullet with a \
             fairly long sentence about customers, pipeline and a **bold** remark number {n}\n  - nested detail\n"
        );
    }
    common::apply(
        &mut store,
        Command::UpdateOneOnOne {
            id: meeting,
            fields: MeetingFields { held_on: common::day(2026, 11, 20), mood: Some(3), notes },
        },
    );
    common::apply(
        &mut store,
        Command::AddActionItem {
            meeting,
            fields: ActionFields {
                text: "Prepare a one-page comparison of the federated and central options for the steering \
                       committee, including cost, risk and the people it needs"
                    .into(),
                owner: Party::Me,
                due_on: Some(common::day(2026, 11, 25)),
            },
        },
    );
    path
}

#[test]
fn this_week_with_the_demo_team_dark() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    harness.get_by_label("Start the one-on-one with Lukas Schneider");
    common::check_snapshot(&mut harness, "this_week_dark");
}

#[test]
fn this_week_whole_page_dark() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, egui::vec2(1280.0, 1500.0), egui::Theme::Dark);
    harness.get_by_label("Already held this week".to_uppercase().as_str());
    common::check_snapshot(&mut harness, "this_week_whole_dark");
}

#[test]
fn this_week_with_long_names_light() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_with_long_texts(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    harness.get_by_label(&format!("Start the one-on-one with {LONG_NAME}"));
    common::check_snapshot(&mut harness, "this_week_long_light");
}

#[test]
fn the_meeting_editor_started_from_a_card_dark() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    harness.get_by_label("Start the one-on-one with Lukas Schneider").scroll_to_me();
    harness.run();
    harness.get_by_label("Start the one-on-one with Lukas Schneider").click();
    harness.run();
    harness.get_by_label("One-on-one with Lukas Schneider");
    common::check_snapshot(&mut harness, "meeting_editor_dark");
}

#[test]
fn the_meeting_editor_with_long_notes_light() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_with_long_texts(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness.get_by_label(LONG_NAME).click();
    harness.run();
    harness.get_by_label("Open the one-on-one of 2026-11-20").click();
    harness.run();
    harness.get_by_label("Read").click();
    harness.run();
    common::check_snapshot(&mut harness, "meeting_editor_long_light");
}

#[test]
fn history_of_an_architect_dark() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Dark);
    harness.get_by_label("One-on-one history of Mateo García").scroll_to_me();
    harness.run();
    harness.get_by_label("One-on-one history of Mateo García").click();
    harness.run();
    harness.get_by_label("Open the one-on-one of 2026-11-19");
    common::check_snapshot(&mut harness, "history_dark");
}

#[test]
fn search_results_light() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::snapshot_harness(&path, SIZE, egui::Theme::Light);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search").type_text("northwind");
    harness.run();
    common::check_snapshot(&mut harness, "search_light");
}
