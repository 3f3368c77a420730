//! The Time screen, driven through the real app as a manager would: from the keyboard alone
//! where that is the point, asserting on the screen and on the database.

use crate::common;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::LeadlineApp;
use leadline::model::ArchitectFields;
use leadline::model::split::{Category, Split};
use leadline::model::time_entry::TimeEntry;
use leadline::session::{Command, Origin};
use leadline::store::{settings, time};

type App = Harness<'static, LeadlineApp>;

/// A database with no demo data: onboarding done and one architect, Amara.
fn empty_db(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = common::db_in(dir);
    let mut session = common::session(&path);
    common::apply(&mut session, Command::FinishOnboarding);
    let amara = ArchitectFields { name: "Amara Okafor".into(), ..ArchitectFields::default() };
    common::apply(&mut session, Command::AddArchitect(amara));
    path
}

fn stored(path: &std::path::Path) -> Vec<TimeEntry> {
    let store = common::read_db(path);
    let day = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    time::list_between(store.conn(), day(2000), day(2100)).unwrap()
}

/// The entries as the app itself has them in its database.
fn in_app_db(harness: &App) -> Vec<TimeEntry> {
    let day = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    time::list_between(common::app_db(harness), day(2000), day(2100)).unwrap()
}

fn at(hours: u32, minutes: u32) -> Option<chrono::NaiveTime> {
    chrono::NaiveTime::from_hms_opt(hours, minutes, 0)
}

fn stored_split(path: &std::path::Path) -> Split {
    stored(path).iter().map(|e| (e.fields.category, e.fields.minutes)).collect()
}

fn open_time(harness: &mut App) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num4);
    harness.run();
}

/// Types into whatever has the keyboard, as a keyboard would.
fn type_text(harness: &mut App, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

fn press(harness: &mut App, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// One entry from the keyboard: duration, Tab, category key, Tab, description, Enter.
fn log_entry(harness: &mut App, duration: &str, category_key: &str, description: &str) {
    type_text(harness, duration);
    press(harness, Key::Tab);
    type_text(harness, category_key);
    press(harness, Key::Tab);
    type_text(harness, description);
    press(harness, Key::Enter);
}

fn duration_field(harness: &App) -> egui_kittest::Node<'_> {
    harness.get_by_role_and_label(Role::TextInput, "Duration")
}

#[test]
fn three_entries_logged_from_the_keyboard_alone_change_the_split() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty_db(&dir);
    let mut harness = common::harness(&path);
    open_time(&mut harness);
    harness.get_by_label("Log your first block of time");
    assert!(duration_field(&harness).is_focused(), "the keyboard starts in the duration");

    // 2 h of coaching, linked to Amara by typing the start of her name.
    type_text(&mut harness, "2h");
    press(&mut harness, Key::Tab);
    type_text(&mut harness, "1");
    press(&mut harness, Key::Tab);
    type_text(&mut harness, "1:1 with Amara");
    press(&mut harness, Key::Tab);
    type_text(&mut harness, "ama");
    harness.get_by_label_contains("with Amara Okafor");
    press(&mut harness, Key::Enter);

    let entries = stored(&path);
    assert_eq!(entries.len(), 1);
    let first = &entries[0].fields;
    assert_eq!((first.date, first.minutes, first.category), (common::today(), 120, Category::Coaching));
    assert_eq!(first.description, "1:1 with Amara");
    assert!(first.architect.is_some(), "linked to Amara");
    harness.get_by_label("⚠ Coaching 100 % vs 50 % target: about 1 h over this week");
    assert!(duration_field(&harness).is_focused(), "the keyboard stays for the next entry");
    assert_eq!(duration_field(&harness).value().as_deref(), Some(""), "the row is cleared");

    log_entry(&mut harness, "1h", "2", "Envisioning workshop at Contoso");
    assert_eq!(stored_split(&path), Split { coaching_minutes: 120, market_minutes: 60, business_minutes: 0 });
    // 2 h and 1 h: business, at 0 % of its 20 %, is now the furthest off (36 min, said roughly).
    harness.get_by_label("⚠ Business management 0 % vs 20 % target: about 35 min short this week");

    log_entry(&mut harness, "60m", "3", "Forecast call");
    assert_eq!(
        stored_split(&path),
        Split { coaching_minutes: 120, market_minutes: 60, business_minutes: 60 }
    );
    harness.get_by_label("✔ On target: every category within ±5 points");
    assert_eq!(harness.get_all_by_label("25 %").count(), 2, "market and business at 25 % each");
    harness.get_by_label("Logged 1 h of Business management on Sat 28 Nov");
}

#[test]
fn a_start_time_typed_last_in_the_row_is_stored_with_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty_db(&dir);
    let mut harness = common::harness(&path);
    open_time(&mut harness);

    type_text(&mut harness, "1h30");
    press(&mut harness, Key::Tab);
    type_text(&mut harness, "2");
    press(&mut harness, Key::Tab);
    type_text(&mut harness, "Envisioning workshop");
    press(&mut harness, Key::Tab);
    press(&mut harness, Key::Tab); // past the architect, left empty
    assert!(harness.get_by_role_and_label(Role::TextInput, "Start").is_focused());
    type_text(&mut harness, "930");
    harness.get_by_label_contains("Sat 28 Nov · from 09:30 · 1 h 30 min · Market building");
    press(&mut harness, Key::Enter);

    let entries = in_app_db(&harness);
    assert_eq!(entries.len(), 1);
    let f = &entries[0].fields;
    assert_eq!((f.start_time, f.minutes, f.category), (at(9, 30), 90, Category::Market));
    assert_eq!(f.description, "Envisioning workshop");
    harness.get_by_label("09:30"); // in the week's list, before the duration
    let start = harness.get_by_role_and_label(Role::TextInput, "Start");
    assert_eq!(start.value().as_deref(), Some(""), "cleared for the next entry");

    // Without a start time the usual path is unchanged, and the entry has none.
    log_entry(&mut harness, "30", "3", "Forecast call");
    let entries = in_app_db(&harness);
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().any(|e| e.fields.description == "Forecast call" && e.fields.start_time.is_none()));
}

#[test]
fn the_category_follows_keys_and_clicks() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty_db(&dir);
    let mut harness = common::harness(&path);
    open_time(&mut harness);
    type_text(&mut harness, "30");
    press(&mut harness, Key::Tab);
    press(&mut harness, Key::Num3);
    harness.get_by_label_contains("30 min · Business management");
    press(&mut harness, Key::ArrowLeft);
    harness.get_by_label_contains("30 min · Market building");
    harness.get_by_role_and_label(Role::RadioButton, "Coaching").click();
    harness.run();
    harness.get_by_label_contains("30 min · Coaching");
    harness.get_by_label("Add").click();
    harness.run();
    assert_eq!(stored_split(&path).coaching_minutes, 30);
}

#[test]
fn bad_input_is_refused_with_the_value_named_and_nothing_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty_db(&dir);
    let mut harness = common::harness(&path);
    open_time(&mut harness);
    let retype = |harness: &mut App, field: &str, text: &str| {
        harness.get_by_role_and_label(Role::TextInput, field).focus();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        press(harness, Key::Backspace);
        type_text(harness, text);
    };

    for (typed, message) in [
        ("abc", "⚠ duration: \"abc\" is not a duration (expected e.g. 90, 1h30, 1.5h or 0:45)"),
        ("0", "⚠ duration: \"0\" is zero; a time entry needs at least 1 minute"),
        ("-30", "⚠ duration: \"-30\" is negative; enter the time spent, e.g. 30"),
        ("25h", "⚠ duration: \"25h\" is more than 24 h (1440 min), the length of a day"),
    ] {
        retype(&mut harness, "Duration", typed);
        press(&mut harness, Key::Enter);
        harness.get_by_label(message);
    }

    retype(&mut harness, "Duration", "1h");
    retype(&mut harness, "Date", "2026-02-30");
    press(&mut harness, Key::Enter);
    harness.get_by_label("⚠ date: 2026-02-30 is not a day in the calendar");

    retype(&mut harness, "Date", "today");
    for (typed, message) in [
        ("25:00", "⚠ start: \"25:00\" is not a time of day (00:00 to 23:59)"),
        ("13pm", "⚠ start: \"13pm\" is not a time of day (with am or pm the hour is 1 to 12)"),
        ("half nine", "⚠ start: \"half nine\" is not a time (expected e.g. 09:30, 930, 9 or 2pm)"),
    ] {
        retype(&mut harness, "Start", typed);
        press(&mut harness, Key::Enter);
        harness.get_by_label(message);
        let start = harness.get_by_role_and_label(Role::TextInput, "Start");
        assert_eq!(start.value().as_deref(), Some(typed), "kept to fix");
    }
    assert!(in_app_db(&harness).is_empty(), "nothing saved");

    retype(&mut harness, "Start", "");
    retype(&mut harness, "Architect", "Zed");
    press(&mut harness, Key::Enter);
    harness.get_by_label("⚠ architect: nobody on the team is called “Zed”");
    assert!(stored(&path).is_empty(), "nothing saved");

    // More than 24 h on one day is caught by the store; the typing is kept for a fix.
    retype(&mut harness, "Architect", "");
    retype(&mut harness, "Duration", "20h");
    press(&mut harness, Key::Enter);
    assert_eq!(stored(&path).len(), 1);
    type_text(&mut harness, "5h");
    press(&mut harness, Key::Enter);
    harness.get_by_label(
        "⚠ minutes: 5 h on 2026-11-28 would make 25 h that day (20 h already logged); a day has only 24 h",
    );
    assert_eq!(duration_field(&harness).value().as_deref(), Some("5h"), "kept to fix");
    assert_eq!(stored(&path).len(), 1, "nothing more saved");
}

#[test]
fn deleting_an_entry_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    open_time(&mut harness);
    let before = stored(&path);
    let forecast = before
        .iter()
        .find(|e| {
            e.fields.description == "Operational reporting" && e.fields.date.to_string() == "2026-11-23"
        })
        .expect("the demo's Monday has operational reporting")
        .clone();
    harness.get_all_by_label("Delete Operational reporting").next().expect("a delete button").click();
    harness.run();
    assert_eq!(stored(&path).len(), before.len() - 1);
    assert!(!stored(&path).contains(&forecast));

    harness.get_by_label("Undo delete of the Mon 23 Nov entry").click();
    harness.run();
    assert_eq!(stored(&path), before, "back with its id, date, minutes and all");
}

#[test]
fn an_entry_is_edited_in_the_same_row_and_the_edit_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty_db(&dir);
    let mut store = common::session(&path);
    let fields = leadline::model::time_entry::TimeEntryFields::manual(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        60,
        Category::Business,
        "Pipeline review",
    );
    store.run(Origin::SCRIPT, Command::AddTimeEntry(fields)).unwrap();
    drop(store); // one Leadline per file: the app opens it next
    let mut harness = common::harness(&path);
    open_time(&mut harness);

    harness.get_by_label("Edit Pipeline review").click();
    harness.run();
    harness.get_by_label("Editing the entry of Tue 24 Nov: Enter saves, Esc cancels");
    assert_eq!(duration_field(&harness).value().as_deref(), Some("1 h"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "1h30");
    press(&mut harness, Key::Enter);
    let entry = &stored(&path)[0];
    assert_eq!((entry.fields.minutes, entry.fields.description.as_str()), (90, "Pipeline review"));
    assert!(harness.query_by_label_contains("Editing the entry").is_none(), "the row is back to adding");

    harness.get_by_label("Undo edit of the Tue 24 Nov entry").click();
    harness.run();
    assert_eq!(stored(&path)[0].fields.minutes, 60);
}

#[test]
fn editing_an_entry_shows_its_start_time_to_change_or_clear() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty_db(&dir);
    let mut store = common::session(&path);
    let fields = leadline::model::time_entry::TimeEntryFields {
        start_time: at(14, 0),
        ..leadline::model::time_entry::TimeEntryFields::manual(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            60,
            Category::Coaching,
            "1:1 with Amara",
        )
    };
    store.run(Origin::SCRIPT, Command::AddTimeEntry(fields)).unwrap();
    drop(store);
    let mut harness = common::harness(&path);
    open_time(&mut harness);
    harness.get_by_label("14:00");

    harness.get_by_label("Edit 1:1 with Amara").click();
    harness.run();
    let start = harness.get_by_role_and_label(Role::TextInput, "Start");
    assert_eq!(start.value().as_deref(), Some("14:00"));
    start.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "2:30pm");
    press(&mut harness, Key::Enter);
    assert_eq!(in_app_db(&harness)[0].fields.start_time, at(14, 30));
    harness.get_by_label("14:30");

    // Emptied, the field takes the start time away.
    harness.get_by_label("Edit 1:1 with Amara").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Start").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    press(&mut harness, Key::Backspace);
    press(&mut harness, Key::Enter);
    let entry = &in_app_db(&harness)[0];
    assert_eq!((entry.fields.start_time, entry.fields.minutes), (None, 60));
}

#[test]
fn weeks_and_quarters_are_one_click_or_key_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    open_time(&mut harness);
    harness.get_by_label("Week 2026-W48");
    harness.get_by_label("Previous week").click();
    harness.run();
    harness.get_by_label("Week 2026-W47");
    harness.get_by_label("Week 2026-W47 split");
    harness.get_by_label("This week").click();
    harness.run();
    harness.get_by_label("Week 2026-W48");
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    harness.get_by_label("Week 2026-W47");

    harness.get_by_label("Quarter").click();
    harness.run();
    harness.get_by_label("FY27 Q2");
    harness.get_by_label("Each week's split");
    harness.get_by_label("The last four quarters");
    harness.get_by_label_contains("left at your pace of about");
    harness.get_by_label("Next quarter").click();
    harness.run();
    harness.get_by_label("FY27 Q3 has not started");
    harness.get_by_label("This quarter").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    // The heading and the summary both name a quarter that is over.
    assert_eq!(harness.get_all_by_label("FY27 Q1").count(), 2);
    harness.get_by_label("FY27 Q1 is over.");
    harness.get_by_label_contains("It ended at 41 / 34 / 25 against a target of 50 / 30 / 20");
}

#[test]
fn a_weekday_typed_in_the_date_means_that_day_of_the_week_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty_db(&dir);
    let mut harness = common::harness(&path);
    open_time(&mut harness);
    harness.get_by_label("Previous week").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Date").focus();
    harness.run();
    type_text(&mut harness, "tue");
    press(&mut harness, Key::Tab);
    log_entry(&mut harness, "45", "2", "Partner meeting");
    assert_eq!(stored(&path)[0].fields.date.to_string(), "2026-11-17");
    // A day button under the row picks the date with one click.
    harness.get_by_label("Thu 19").click();
    harness.run();
    log_entry(&mut harness, "30", "3", "Forecast call");
    assert_eq!(stored(&path)[1].fields.date.to_string(), "2026-11-19");
}

#[test]
fn an_architect_with_logged_time_cannot_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    harness.get_by_label("Mateo García").click();
    harness.run();
    harness.get_by_label("Delete…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Delete").click();
    harness.run();
    harness.get_by_label_contains("time entries refer to them. Mark them as left instead.");
    let store = common::read_db(&path);
    assert!(
        leadline::store::architects::list(store.conn()).unwrap().iter().any(|a| a.name() == "Mateo García")
    );
}

#[test]
fn time_settings_must_add_up_to_100_and_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num7);
    harness.run();
    harness.get_by_label("Time split");

    let retype = |harness: &mut Harness<'_, LeadlineApp>, label: &str, text: &str| {
        harness.get_by_role_and_label(Role::TextInput, label).click();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
        harness.run();
    };
    retype(&mut harness, "Market building (default targets)", "35");
    harness.key_press(Key::Tab);
    harness.run();
    harness.get_by_label("⚠ The targets add up to 105 % (50 + 35 + 20); they must add up to 100 %");
    retype(&mut harness, "Business management (default targets)", "15");
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    let store = common::read_db(&path);
    let saved = time::time_settings(store.conn()).unwrap().default_targets;
    assert_eq!((saved.coaching_pct, saved.market_pct, saved.business_pct), (50, 35, 15));

    let quarter = harness.get_by_role_and_label(Role::TextInput, "Quarter");
    quarter.focus();
    harness.run();
    type_text(&mut harness, "FY27 Q9");
    harness.get_by_label("Add quarter").click();
    harness.run();
    harness.get_by_label("⚠ \"FY27 Q9\" is not a fiscal quarter (expected e.g. FY27 Q2)");
    assert!(time::time_settings(store.conn()).unwrap().overrides.is_empty());

    // A quarter added starts with the default targets; its own fields change them.
    let quarter = harness.get_by_role_and_label(Role::TextInput, "Quarter");
    quarter.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "FY27 Q3");
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    let q3 = leadline::model::fiscal::FiscalQuarter::new(2027, 3).unwrap();
    assert_eq!(time::time_settings(store.conn()).unwrap().overrides.get(&q3), Some(&saved));
    retype(&mut harness, "Coaching (FY27 Q3 targets)", "40");
    harness.key_press(Key::Tab);
    harness.run();
    retype(&mut harness, "Market building (FY27 Q3 targets)", "45");
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    let q3_targets = time::time_settings(store.conn()).unwrap().overrides[&q3];
    assert_eq!((q3_targets.coaching_pct, q3_targets.market_pct, q3_targets.business_pct), (40, 45, 15));

    harness.get_by_label("Fiscal year starts").click();
    harness.run();
    harness.get_by_label("January").click();
    harness.run();
    assert_eq!(settings::get(store.conn(), time::FISCAL_START_MONTH).unwrap().as_deref(), Some("1"));
    harness.get_by_label_contains("today is in FY26 Q4: Oct – Dec 2026");
    assert_eq!(harness.state().status(), "The fiscal year now starts in January");
}
