//! The weekly loop driven through the real app: a meeting started and closed untouched, the
//! due strip, the manager's own actions, Enter in a due date, people in search and what
//! Settings counts.

use crate::common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use leadline::ui::Screen;

type App = egui_kittest::Harness<'static, leadline::app::LeadlineApp>;

fn click(harness: &mut App, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn meetings_of(harness: &App, name: &str) -> i64 {
    common::app_db(harness)
        .query_row(
            "SELECT count(*) FROM one_on_ones o JOIN architects a ON a.id = o.architect_id WHERE a.name = ?1",
            [name],
            |row| row.get(0),
        )
        .unwrap()
}

#[test]
fn a_meeting_started_and_closed_untouched_leaves_the_card_due_and_ctrl_z_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    let before = meetings_of(&harness, "Mateo García");
    click(&mut harness, "Start the one-on-one with Mateo García");
    harness.get_by_label("One-on-one with Mateo García");
    assert_eq!(meetings_of(&harness, "Mateo García"), before + 1);
    click(&mut harness, "Close");

    // Close goes back to This week, where it was started: still due, and the card continues
    // the started meeting.
    assert_eq!(harness.state().screen(), Screen::ThisWeek);
    assert!(harness.query_by_label("Every one-on-one due this week is done").is_none());
    harness.get_by_label("Continue the one-on-one with Mateo García");
    harness.get_by_label_contains("nothing in it yet, so it does not count as held");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(meetings_of(&harness, "Mateo García"), before, "Ctrl+Z took the empty meeting away");
    assert!(harness.state().status().contains("one-on-one"), "{}", harness.state().status());
    harness.get_by_label("Start the one-on-one with Mateo García");
}

#[test]
fn a_chip_of_the_due_strip_brings_its_card_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    let start = "Start the one-on-one with Fatima Al-Sayed";
    let height = harness.ctx.content_rect().height();
    assert!(harness.get_by_label(start).rect().top() > height, "the last card starts below the window");
    harness.get_by_label_contains("Fatima Al-Sayed · 8 d").click();
    harness.run();
    let card = harness.get_by_label(start).rect();
    assert!(card.top() > 0.0 && card.bottom() < height, "{card:?} is in the window");
}

#[test]
fn my_own_open_actions_are_listed_on_this_week_overdue_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let harness = common::harness(&path);
    let mine = harness.state().view().my_actions.len();
    assert!(mine > 0);
    harness.get_by_label_contains(&format!("MY OPEN ACTIONS ({mine}, "));
    // On Lukas's card and once more in the manager's own list.
    assert_eq!(harness.get_all_by_label("Introduce Lukas to the Alpine Ski House CTO").count(), 2);
}

#[test]
fn enter_in_the_due_date_adds_the_action_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    click(&mut harness, "Start the one-on-one with Mateo García");
    let field = harness.get_by_role_and_label(Role::TextInput, "New action item");
    field.click();
    field.type_text("Send the slide deck");
    harness.run();
    let due = harness.get_by_role_and_label(Role::TextInput, "Due date");
    due.click();
    due.type_text("2026-12-04");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let saved: Option<String> = common::app_db(&harness)
        .query_row("SELECT due_on FROM action_items WHERE text = 'Send the slide deck'", [], |r| r.get(0))
        .ok();
    assert_eq!(saved.as_deref(), Some("2026-12-04"));
}

#[test]
fn search_finds_an_architect_by_name_and_enter_opens_their_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search").type_text("watanabe");
    harness.run();
    harness.get_by_label("👤 Kenji Watanabe");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Team);
    harness.get_by_label_contains("coaching in FY27 Q2");
}

#[test]
fn settings_say_who_holds_a_level_and_who_aims_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Settings);
    let (at, aiming): (i64, i64) = common::app_db(&harness)
        .query_row(
            "SELECT (SELECT count(*) FROM architects a WHERE a.level_id = l.id), \
                    (SELECT count(*) FROM architects a WHERE a.target_level_id = l.id AND a.level_id IS NOT l.id) \
             FROM career_levels l WHERE l.name = 'Senior Solution Architect'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert!(at > 0 && aiming > 0, "the demo has both");
    harness.get_by_label(&format!("{at} at this level · {aiming} aiming for it"));
}
