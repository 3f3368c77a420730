//! Importing a calendar from the app, as a manager would: choose an exported `.ics` in the file
//! dialog (or drop it on the window, or type its path), review the preview, assign what no rule
//! matched with one click, import, and find the entries in the database and on the Time screen.
//! Importing again adds nothing; a cut-off file is refused naming the line.

use crate::common;

use std::path::{Path, PathBuf};

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use leadline::app::LeadlineApp;
use leadline::session::{Command, Origin};
use leadline::store::backup;
use leadline::ui::{PickKind, Screen};

type App = Harness<'static, LeadlineApp>;

const FIXTURE: &str = "apple_macos_tentative_cancelled_attendees.ics";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ics").join(name)
}

/// Replaces a text field's content from the keyboard and leaves it with Tab.
fn retype(harness: &mut App, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
}

/// The fixture's occurrences are in July 2022: widen the range to that month.
fn july_2022(harness: &mut App) {
    retype(harness, "From", "2022-07-01");
    retype(harness, "To", "2022-07-31");
    harness.get_by_label("Update preview").click();
    harness.run();
}

/// (description, category) of every imported entry.
fn imported(path: &Path) -> Vec<(String, String)> {
    let db = common::read_db(path);
    let mut statement = db
        .conn()
        .prepare(
            "SELECT description, category FROM time_entries WHERE source = 'calendar' ORDER BY entry_date",
        )
        .unwrap();
    statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).unwrap().map(Result::unwrap).collect()
}

fn open_import(harness: &mut App) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num4);
    harness.run();
    harness.get_by_label("Import calendar…").click();
    harness.run();
}

#[test]
fn a_dropped_calendar_is_previewed_assigned_with_one_click_imported_and_shown_on_the_time_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::harness(&path);

    // Dropped on the Team screen: the app switches to the import view.
    common::drop_file(&mut harness, fixture(FIXTURE));
    harness.get_by_label("Import a calendar");
    // Nothing in this quarter: the view says where the file's events are.
    harness.get_by_label_contains(&format!("No event of {FIXTURE} falls between"));
    harness.get_by_label_contains("its events run from 2022-07-");
    july_2022(&mut harness);

    // Four occurrences: the cancelled one set aside, the other three match no rule.
    harness.get_by_label_contains(
        "4 occurrences: 0 new, 0 changed, 0 unchanged, 0 to remove, 1 ignored, 3 unassigned",
    );
    harness.get_by_label("Tentative");
    harness.get_by_label("(cancelled)");
    assert!(harness.query_by_label_contains("Import 1").is_none(), "nothing is guessed");

    harness.get_by_label_contains("Coaching: Tentative on").click();
    harness.run();
    harness.get_by_label_contains("1 new, 0 changed, 0 unchanged, 0 to remove, 1 ignored, 2 unassigned");
    harness.get_by_label("Import 1 entry").click();
    harness.run();

    assert_eq!(imported(&path), vec![("Tentative".to_owned(), "coaching".to_owned())]);
    let backups = backup::list(&path).unwrap();
    assert!(
        backups.iter().any(|b| b.reason == "pre-import"),
        "a backup is taken before importing: {backups:?}"
    );
    // Back on the Time screen, on the week of the imported meeting.
    assert!(harness.query_by_label("Import a calendar").is_none());
    harness.get_by_label("Tentative");
    harness.get_by_label("Week 2022-W27");

    // The folder is remembered, also for the next start of the app.
    let db = common::read_db(&path);
    let folder: String = db
        .conn()
        .query_row("SELECT value FROM settings WHERE key = 'calendar_import_folder'", [], |r| r.get(0))
        .unwrap();
    assert!(folder.ends_with("fixtures/ics"), "{folder}");

    // Importing the same file again: everything unchanged, nothing to add.
    open_import(&mut harness);
    let field = harness.get_by_role_and_label(Role::TextInput, "Calendar file").value().unwrap_or_default();
    assert!(field.ends_with("fixtures/ics/"), "the path field starts in the last folder: {field}");
    common::drop_file(&mut harness, fixture(FIXTURE));
    harness.get_by_label_contains(
        "4 occurrences: 0 new, 0 changed, 1 unchanged, 0 to remove, 1 ignored, 2 unassigned",
    );
    assert!(harness.get_by_label("Nothing to import").accesskit_node().is_disabled(), "nothing to write");
    assert_eq!(imported(&path).len(), 1);
}

#[test]
fn a_calendar_with_nothing_in_the_range_offers_the_days_its_events_fall_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, fixture(FIXTURE));
    assert!(harness.query_by_label("Nothing to import").is_none(), "no empty table and no button to nothing");
    harness.get_by_label_contains("Show 2022-07-").click();
    harness.run();
    let from = harness.get_by_role_and_label(Role::TextInput, "From").value().unwrap_or_default();
    assert!(from.starts_with("2022-07-"), "{from}");
    harness.get_by_label_contains("4 occurrences: 0 new");
}

#[test]
fn after_an_import_the_time_row_starts_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num4);
    harness.run();
    let duration = harness.get_by_role_and_label(Role::TextInput, "Duration");
    duration.click();
    duration.type_text("lots");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("\"lots\" is not a duration");
    assert_eq!(harness.state().screen(), leadline::ui::Screen::Time);

    common::drop_file(&mut harness, fixture(FIXTURE));
    july_2022(&mut harness);
    harness.get_by_label_contains("Coaching: Tentative on").click();
    harness.run();
    harness.get_by_label("Import 1 entry").click();
    harness.run();
    assert!(harness.query_by_label("Import a calendar").is_none(), "back on the week");
    let left = harness.get_by_role_and_label(Role::TextInput, "Duration").value().unwrap_or_default();
    assert_eq!(left, "", "the half-typed duration is gone");
    assert!(harness.query_by_label_contains("is not a duration").is_none(), "and so is its error");
}

#[test]
fn make_a_rule_from_an_occurrence_saves_the_rule_and_the_preview_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::harness(&path);
    open_import(&mut harness);
    july_2022(&mut harness);
    common::drop_file(&mut harness, fixture(FIXTURE));

    harness.get_by_label_contains("Market: Confirmed on").click();
    harness.run();
    harness.get_by_label_contains("Make a rule from this: Confirmed on").click();
    harness.run();

    let db = common::read_db(&path);
    let first: String = db
        .conn()
        .query_row("SELECT name FROM calendar_rules ORDER BY position LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(first, "\"Confirmed\"");
    // The row is now matched by the rule, not by a manual choice.
    harness.get_by_label("\"Confirmed\"");
    harness.get_by_label_contains("1 new, 0 changed, 0 unchanged, 0 to remove, 1 ignored, 2 unassigned");
    assert!(imported(&path).is_empty(), "a rule alone imports nothing");

    // Only the occurrences needing the manager: the cancelled one is out of the way.
    harness.get_by_label("Show only occurrences no rule matched").click();
    harness.run();
    assert!(harness.query_by_label("(cancelled)").is_none());
    harness.get_by_label("Tentative");
}

#[test]
fn cancel_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::harness(&path);
    open_import(&mut harness);
    july_2022(&mut harness);
    common::drop_file(&mut harness, fixture(FIXTURE));
    harness.get_by_label_contains("Business: No Status on").click();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Import a calendar").is_none());
    assert!(imported(&path).is_empty());
    assert!(backup::list(&path).unwrap().iter().all(|b| b.reason != "pre-import"));
}

#[test]
fn a_truncated_file_typed_by_path_is_refused_naming_the_line_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::harness(&path);
    open_import(&mut harness);
    july_2022(&mut harness);
    let file = fixture("malformed_apple_ical_truncated.ics").display().to_string();
    retype(&mut harness, "Calendar file", &file);
    harness.get_by_label("Open").click();
    harness.run();

    harness.get_by_label_contains(
        "malformed_apple_ical_truncated.ics was not imported: line 215: the file ends inside",
    );
    assert!(harness.query_by_label_contains("Import 1").is_none());
    assert!(harness.query_by_label("Nothing to import").is_none(), "no preview for a refused file");
    assert!(imported(&path).is_empty());
}

#[test]
fn a_file_that_is_not_a_calendar_is_refused_inline() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let notes = dir.path().join("notes.ics");
    std::fs::write(&notes, "Shopping list\nmilk\n").unwrap();
    let mut harness = common::harness(&path);
    common::drop_file(&mut harness, notes);
    harness.get_by_label_contains("notes.ics was not imported: this is not a calendar file");
    assert!(imported(&path).is_empty());
    // Esc leaves the import view, as Cancel does.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Import a calendar").is_none());
    harness.get_by_label("Import calendar…");
}

#[test]
fn the_path_field_starts_in_the_folder_of_the_last_import_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let folder = dir.path().join("exports").display().to_string();
    let mut store = common::session(&path);
    let remember = Command::ImportCalendar {
        plan: leadline::import::preview::CommitPlan::default(),
        folder: Some(folder.clone()),
    };
    store.run(Origin::SCRIPT, remember).unwrap();
    drop(store);

    let mut harness = common::harness(&path);
    open_import(&mut harness);
    let field = harness.get_by_role_and_label(Role::TextInput, "Calendar file").value().unwrap_or_default();
    assert_eq!(field, format!("{folder}{}", std::path::MAIN_SEPARATOR));
    harness.get_by_label_contains("drag the file onto this window");
}

/// One meeting in the week of the tests' "today", so the default range (this quarter) shows it.
const ONE_MEETING: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Leadline tests//EN\r\n\
BEGIN:VEVENT\r\nUID:pipeline-review@leadline.test\r\nDTSTAMP:20261101T090000Z\r\n\
DTSTART:20261124T100000Z\r\nDTEND:20261124T110000Z\r\nSUMMARY:Pipeline review with Contoso\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

/// A database that last imported from `folder`, which holds `calendar.ics` with one meeting.
fn last_imported_from(dir: &tempfile::TempDir, folder: &Path) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    std::fs::write(folder.join("calendar.ics"), ONE_MEETING).unwrap();
    let path = common::empty_db(dir);
    let mut store = common::session(&path);
    let remember = Command::ImportCalendar {
        plan: leadline::import::preview::CommitPlan::default(),
        folder: Some(folder.display().to_string()),
    };
    store.run(Origin::SCRIPT, remember).unwrap();
    path
}

#[test]
fn choose_file_opens_the_calendar_dialog_in_the_last_folder_and_previews_the_file_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let exports = dir.path().join("exports");
    let path = last_imported_from(&dir, &exports);
    let picker = common::FakePicker::default();
    picker.will_answer(Some(exports.join("calendar.ics")));
    let mut harness = common::harness_with_picker(&path, &picker);
    open_import(&mut harness);

    harness.get_by_label("Choose file…").click();
    harness.run();

    let shown = picker.shown();
    assert_eq!(shown.len(), 1, "one dialog: {shown:?}");
    assert_eq!(shown[0].title, "Open calendar");
    assert_eq!(shown[0].start_in.as_deref(), Some(exports.as_path()), "it opens in the last folder");
    assert!(
        matches!(shown[0].kind, PickKind::File { extensions: ["ics"], .. }),
        "calendars only (and All files): {:?}",
        shown[0].kind
    );
    // The chosen file is read as a typed path would be: its preview, and its path in the field.
    harness.get_by_label_contains("calendar.ics: 1 occurrences");
    harness.get_by_label("Pipeline review with Contoso");
    let field = harness.get_by_role_and_label(Role::TextInput, "Calendar file").value().unwrap_or_default();
    assert_eq!(PathBuf::from(field), exports.join("calendar.ics"));
}

#[test]
fn the_window_stays_live_while_the_user_is_in_the_file_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let exports = dir.path().join("exports");
    let path = last_imported_from(&dir, &exports);
    let picker = common::FakePicker::default();
    picker.will_answer(Some(exports.join("calendar.ics")));
    picker.stay_open();
    let mut harness = common::harness_with_picker(&path, &picker);
    open_import(&mut harness);

    harness.get_by_label("Choose file…").click();
    harness.run();
    // The dialog is open: the app goes on drawing frames, and nothing is read yet.
    harness.get_by_label("No calendar yet");
    // A second click does not open a second dialog, and says why.
    harness.get_by_label("Choose file…").click();
    harness.run();
    assert_eq!(harness.state().status(), "Another file dialog is still open: finish it first");
    retype(&mut harness, "From", "2026-10-05");
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "From").value().as_deref(), Some("2026-10-05"));

    // The real dialog asks for a frame when it closes; here the test steps one.
    picker.close();
    harness.run_steps(2);
    harness.get_by_label_contains("calendar.ics: 1 occurrences");
    harness.get_by_label("Pipeline review with Contoso");
    assert_eq!(picker.shown().len(), 1);
}

#[test]
fn cancelling_the_file_dialog_changes_nothing_but_says_no_file_was_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let exports = dir.path().join("exports");
    let path = last_imported_from(&dir, &exports);
    let picker = common::FakePicker::default();
    let mut harness = common::harness_with_picker(&path, &picker);
    open_import(&mut harness);
    let before = harness.get_by_role_and_label(Role::TextInput, "Calendar file").value();

    picker.will_answer(None);
    harness.get_by_label("Choose file…").click();
    harness.run();

    assert_eq!(picker.shown().len(), 1);
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Calendar file").value(), before);
    harness.get_by_label("No calendar yet");
    assert!(harness.query_by_label("Pipeline review with Contoso").is_none(), "no preview");
    harness.get_by_label_contains("No file chosen");
    assert!(imported(&path).is_empty());
}

#[test]
fn ctrl_o_on_the_time_screen_opens_the_import_view_with_the_file_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let exports = dir.path().join("exports");
    let path = last_imported_from(&dir, &exports);
    let picker = common::FakePicker::default();
    picker.will_answer(Some(exports.join("calendar.ics")));
    let mut harness = common::harness_with_picker(&path, &picker);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num4);
    harness.run();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    harness.run();

    assert_eq!(picker.shown().len(), 1);
    harness.get_by_label("Import a calendar");
    harness.get_by_label("Pipeline review with Contoso");
}

/// Issue 18: Ctrl+O is not only the Time screen's: from This week and from Team it goes to the
/// import view with the calendar dialog open in the folder last imported from, and the file
/// chosen is previewed there.
#[test]
fn ctrl_o_on_this_week_and_on_team_opens_the_import_with_the_file_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let exports = dir.path().join("exports");
    let path = last_imported_from(&dir, &exports);
    let picker = common::FakePicker::default();
    picker.will_answer(Some(exports.join("calendar.ics")));
    picker.will_answer(Some(exports.join("calendar.ics")));
    let mut harness = common::harness_with_picker(&path, &picker);
    assert_eq!(harness.state().screen(), Screen::ThisWeek);
    assert!(harness.query_by_label("Import a calendar").is_none());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    harness.run();

    let shown = picker.shown();
    assert_eq!(shown.len(), 1, "Ctrl+O on This week opens the file dialog");
    assert!(matches!(shown[0].kind, PickKind::File { .. }));
    assert_eq!(shown[0].start_in.as_deref(), Some(exports.as_path()));
    assert_eq!(harness.state().screen(), Screen::Time);
    harness.get_by_label("Import a calendar");
    harness.get_by_label("Pipeline review with Contoso");

    // From Team, the same.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num2);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Team);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::O);
    harness.run();
    assert_eq!(picker.shown().len(), 2, "Ctrl+O on Team opens the file dialog");
    assert_eq!(harness.state().screen(), Screen::Time);
    harness.get_by_label("Import a calendar");
    harness.get_by_label("Pipeline review with Contoso");
}

/// Issue 18: Import calendar in the File menu shows Ctrl+O beside it and does the same: the
/// import view with the calendar dialog open in the last folder, the file chosen previewed.
#[test]
fn import_calendar_in_the_file_menu_opens_the_file_dialog_like_ctrl_o() {
    let dir = tempfile::tempdir().unwrap();
    let exports = dir.path().join("exports");
    let path = last_imported_from(&dir, &exports);
    let picker = common::FakePicker::default();
    picker.will_answer(Some(exports.join("calendar.ics")));
    let mut harness = common::harness_with_picker(&path, &picker);
    assert_eq!(harness.state().screen(), Screen::ThisWeek);

    harness.get_by_label("File").click();
    harness.run();
    // The shortcut beside it is part of the item's label.
    harness.get_by_label("Import calendar… Ctrl+O").click();
    harness.run();

    let shown = picker.shown();
    assert_eq!(shown.len(), 1, "the menu item opens the file dialog: {shown:?}");
    assert_eq!(shown[0].title, "Open calendar");
    assert_eq!(shown[0].start_in.as_deref(), Some(exports.as_path()));
    assert_eq!(harness.state().screen(), Screen::Time);
    harness.get_by_label("Import a calendar");
    harness.get_by_label("Pipeline review with Contoso");
}

#[test]
fn a_damaged_repeat_rule_in_a_dropped_calendar_is_a_warning_in_the_view_and_the_window_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let file = dir.path().join("damaged.ics");
    // Issue 19: invalid bytes in BYDAY made the recurrence library panic and closed the window.
    std::fs::write(&file, crate::mutation::BYDAY_DAMAGED).unwrap();
    // The warning quotes the damaged bytes as U+FFFD, which the test fonts lack (the app falls
    // back to the system's fonts).
    let mut harness = common::harness_any_script(&path);
    common::drop_file(&mut harness, file);
    retype(&mut harness, "From", "2026-10-01");
    retype(&mut harness, "To", "2026-12-31");
    harness.get_by_label("Update preview").click();
    harness.run();

    harness.get_by_label_contains("the repeat rule \"FREQ=WEEKLY;BYDAY=TU");
    harness.get_by_label_contains("of the event \"Weekly pipeline review\" (line 4) cannot be read");
    // The rest of the file imports: both meetings are in the preview.
    harness.get_by_label_contains("2 occurrences");
    harness.get_by_label("Forecast call");
    assert!(harness.state().session().is_some(), "the window is still working on its database");
}
