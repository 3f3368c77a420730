//! Keys typed faster than frames (a fast typist, a text expander) land in the field the user
//! meant: text, Tab and more text arriving in ONE frame, as they do when the app is busy for a
//! moment, fill the same fields as the same keys typed one frame at a time.

use crate::common;

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::LeadlineApp;
use leadline::model::ArchitectFields;
use leadline::model::split::Category;
use leadline::session::Command;
use leadline::store::{agenda, architects, one_on_ones, time};

type App = Harness<'static, LeadlineApp>;

enum Typed<'a> {
    Text(&'a str),
    Press(Key),
}

use Typed::{Press, Text};

/// Every key in one frame: all events are in the input before the frame runs.
fn type_in_one_frame(harness: &mut App, keys: &[Typed<'_>]) {
    let events = &mut harness.input_mut().events;
    for typed in keys {
        match typed {
            Text(text) => events.push(Event::Text((*text).to_owned())),
            Press(key) => {
                for pressed in [true, false] {
                    events.push(Event::Key {
                        key: *key,
                        physical_key: None,
                        pressed,
                        repeat: false,
                        modifiers: Modifiers::NONE,
                    });
                }
            }
        }
    }
    // The frame that takes them, then as many as the app asks for (a frame per field at most).
    harness.step();
    for _ in 0..keys.len() {
        if harness.run_ok().is_some() {
            return;
        }
    }
    harness.run();
}

fn text_field(harness: &App, label: &str) -> String {
    harness.get_by_role_and_label(Role::TextInput, label).value().unwrap_or_default()
}

#[test]
fn a_time_row_typed_ahead_in_one_frame_is_stored_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut session = common::session(&path);
    common::apply(&mut session, Command::FinishOnboarding);
    let mateo = ArchitectFields { name: "Mateo Garcia".into(), ..ArchitectFields::default() };
    common::apply(&mut session, Command::AddArchitect(mateo));
    drop(session);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    assert!(harness.get_by_role_and_label(Role::TextInput, "Duration").is_focused());

    // Duration, Tab, category, Tab, description, Tab, architect, Enter: one frame.
    type_in_one_frame(
        &mut harness,
        &[
            Text("45m"),
            Press(Key::Tab),
            Text("1"),
            Press(Key::Tab),
            Text("Pipeline review"),
            Press(Key::Tab),
            Text("mateo"),
            Press(Key::Enter),
        ],
    );

    let day = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    let entries = time::list_between(common::app_db(&harness), day(2000), day(2100)).unwrap();
    assert_eq!(entries.len(), 1, "one entry saved");
    let entry = &entries[0].fields;
    assert_eq!(entry.description, "Pipeline review", "nothing of the name in the description");
    assert_eq!((entry.minutes, entry.category), (45, Category::Coaching));
    let mateo = architects::list(common::app_db(&harness)).unwrap()[0].id;
    assert_eq!(entry.architect, Some(mateo), "linked to Mateo");
}

#[test]
fn the_new_architect_form_typed_ahead_in_one_frame_fills_name_and_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    harness.get_by_label("➕ New architect").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name").click();
    harness.run();

    type_in_one_frame(
        &mut harness,
        &[Text("Noor Haddad"), Press(Key::Tab), Text("Cloud Solution Architect")],
    );

    assert_eq!(text_field(&harness, "Name"), "Noor Haddad");
    assert_eq!(text_field(&harness, "Title"), "Cloud Solution Architect");
}

#[test]
fn an_action_item_typed_ahead_in_one_frame_is_added_with_its_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.get_by_label("Start the one-on-one with Lukas Schneider").scroll_to_me();
    harness.run();
    harness.get_by_label("Start the one-on-one with Lukas Schneider").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "New action item").click();
    harness.run();

    // Text, Tab past the owner ("me", then Lukas), the due date, Enter: in one frame.
    type_in_one_frame(
        &mut harness,
        &[
            Text("Send Lukas the sizing guide"),
            Press(Key::Tab),
            Press(Key::Tab),
            Press(Key::Tab),
            Text("2026-12-03"),
            Press(Key::Enter),
        ],
    );

    let conn = common::app_db(&harness);
    let lukas =
        architects::list(conn).unwrap().into_iter().find(|a| a.fields.name == "Lukas Schneider").unwrap().id;
    let meeting = one_on_ones::on_date(conn, lukas, common::today()).unwrap().expect("started today");
    let agenda = agenda::agenda_of(conn, &one_on_ones::get(conn, meeting).unwrap()).unwrap();
    let added: Vec<_> = agenda
        .actions
        .iter()
        .filter(|(a, _)| a.raised_in == meeting)
        .map(|(a, _)| a.fields.clone())
        .collect();
    assert_eq!(added.len(), 1, "one action item added: {added:?}");
    assert_eq!(added[0].text, "Send Lukas the sizing guide");
    assert_eq!(added[0].due_on, Some(common::day(2026, 12, 3)));
}
