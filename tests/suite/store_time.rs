//! Time entries in a real SQLite file: what the store accepts, refuses, adds up and gives back.

use crate::common;

use chrono::{Month, NaiveDate, NaiveTime};
use leadline::model::fiscal::{FiscalQuarter, IsoWeek};
use leadline::model::split::{Category, Split, Targets};
use leadline::model::time_entry::{EntrySource, TimeEntryFields};
use leadline::session::SessionError;
use leadline::session::{Command, Done, Origin, Session, TimeView};
use leadline::store::time;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn new_store(dir: &tempfile::TempDir) -> Session {
    common::session(&common::db_in(dir))
}

fn apply(store: &mut Session, command: Command) -> Result<Done, SessionError> {
    store.run(Origin::SCRIPT, command)
}

fn log(store: &mut Session, date: NaiveDate, minutes: u32, category: Category) -> Result<Done, SessionError> {
    apply(store, Command::AddTimeEntry(TimeEntryFields::manual(date, minutes, category, "work")))
}

#[test]
fn a_logged_entry_reads_back_with_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let fields = TimeEntryFields {
        start_time: NaiveTime::from_hms_opt(9, 30, 0),
        ..TimeEntryFields::manual(day(2026, 11, 27), 90, Category::Market, "  Envisioning at Contoso  ")
    };
    let Done::TimeEntryAdded(entry) = apply(&mut store, Command::AddTimeEntry(fields)).unwrap() else {
        panic!("expected an added entry");
    };
    assert_eq!(entry.fields.description, "Envisioning at Contoso", "trimmed");
    assert_eq!(entry.fields.start_time, NaiveTime::from_hms_opt(9, 30, 0));
    assert_eq!(time::get(store.conn(), entry.id).unwrap(), *entry);
    let listed = time::list_between(store.conn(), day(2026, 11, 23), day(2026, 11, 29)).unwrap();
    assert_eq!(listed, vec![*entry]);
}

#[test]
fn a_day_cannot_hold_more_than_24_hours_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    log(&mut store, day(2026, 11, 27), 20 * 60, Category::Coaching).unwrap();
    let error = log(&mut store, day(2026, 11, 27), 5 * 60, Category::Market).unwrap_err();
    assert_eq!(
        error.to_string(),
        "minutes: 5 h on 2026-11-27 would make 25 h that day (20 h already logged); a day has only 24 h"
    );
    assert_eq!(time::count(store.conn()).unwrap(), 1);
    // Another day is fine, and so is filling this one to exactly 24 h.
    log(&mut store, day(2026, 11, 26), 5 * 60, Category::Market).unwrap();
    log(&mut store, day(2026, 11, 27), 4 * 60, Category::Market).unwrap();
}

#[test]
fn editing_an_entry_does_not_count_its_old_minutes_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let Done::TimeEntryAdded(entry) =
        log(&mut store, day(2026, 11, 27), 23 * 60, Category::Coaching).unwrap()
    else {
        panic!("expected an added entry");
    };
    let fields = TimeEntryFields { minutes: 24 * 60, ..entry.fields.clone() };
    let outcome = apply(&mut store, Command::UpdateTimeEntry { id: entry.id, fields }).unwrap();
    let Done::TimeEntryUpdated { before, after } = outcome else { panic!("expected an update") };
    assert_eq!((before.fields.minutes, after.fields.minutes), (23 * 60, 24 * 60));
}

#[test]
fn bad_fields_are_refused_naming_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let zero = log(&mut store, day(2026, 11, 27), 0, Category::Coaching).unwrap_err();
    assert_eq!(zero.to_string(), "minutes: 0 is too short: a time entry needs at least 1 minute");
    let long = log(&mut store, day(2026, 11, 27), 1441, Category::Coaching).unwrap_err();
    assert_eq!(long.to_string(), "minutes: 1441 is more than 24 h (1440 min), the length of a day");
    let mut fields = TimeEntryFields::manual(day(2026, 11, 27), 30, Category::Coaching, "x");
    fields.architect = Some(leadline::model::ArchitectId(999));
    let missing = apply(&mut store, Command::AddTimeEntry(fields)).unwrap_err();
    assert_eq!(missing.to_string(), "architect #999 no longer exists");
    assert_eq!(time::count(store.conn()).unwrap(), 0);
}

#[test]
fn the_schema_refuses_what_the_code_would_never_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_store(&dir);
    let insert = |date: &str, start: Option<&str>, minutes: i64, category: &str| {
        store.conn().execute(
            "INSERT INTO time_entries (entry_date, start_time, minutes, category, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, 'now', 'now')",
            rusqlite::params![date, start, minutes, category],
        )
    };
    assert!(insert("2026-02-30", None, 30, "coaching").is_err(), "a day that does not exist");
    assert!(insert("2026-11-27", Some("25:00"), 30, "coaching").is_err(), "an hour that does not exist");
    assert!(insert("2026-11-27", Some("9:30"), 30, "coaching").is_err(), "not HH:MM");
    assert!(insert("2026-11-27", None, 0, "coaching").is_err());
    assert!(insert("2026-11-27", None, 30, "hiring").is_err());
    assert!(insert("2026-11-27", Some("09:30"), 30, "coaching").is_ok());
}

#[test]
fn a_calendar_event_is_stored_once_per_occurrence() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let event = |recurrence: Option<&str>| TimeEntryFields {
        source: EntrySource::Calendar {
            event_uid: "weekly-1on1@contoso".to_owned(),
            recurrence_id: recurrence.map(str::to_owned),
        },
        ..TimeEntryFields::manual(day(2026, 11, 27), 30, Category::Coaching, "1:1")
    };
    apply(&mut store, Command::AddTimeEntry(event(Some("20261127T090000Z")))).unwrap();
    apply(&mut store, Command::AddTimeEntry(event(Some("20261204T090000Z")))).unwrap();
    apply(&mut store, Command::AddTimeEntry(event(None))).unwrap();
    assert!(apply(&mut store, Command::AddTimeEntry(event(Some("20261127T090000Z")))).is_err());
    assert!(apply(&mut store, Command::AddTimeEntry(event(None))).is_err(), "no recurrence id is an id too");
    assert_eq!(time::count(store.conn()).unwrap(), 3);
}

#[test]
fn a_deleted_entry_comes_back_with_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    let Done::TimeEntryAdded(entry) = log(&mut store, day(2026, 11, 27), 45, Category::Business).unwrap()
    else {
        panic!("expected an added entry");
    };
    let Done::TimeEntryDeleted(deleted) = apply(&mut store, Command::DeleteTimeEntry(entry.id)).unwrap()
    else {
        panic!("expected a delete");
    };
    assert_eq!(deleted, entry);
    assert_eq!(time::count(store.conn()).unwrap(), 0);
    apply(&mut store, Command::RestoreTimeEntry(deleted)).unwrap();
    assert_eq!(time::get(store.conn(), entry.id).unwrap(), *entry);
    let again = apply(&mut store, Command::DeleteTimeEntry(leadline::model::TimeEntryId(12345))).unwrap_err();
    assert_eq!(again.to_string(), "time entry #12345 no longer exists");
}

#[test]
fn summaries_add_up_known_entries_by_week_and_quarter() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    log(&mut store, day(2026, 11, 23), 90, Category::Coaching).unwrap();
    log(&mut store, day(2026, 11, 24), 150, Category::Coaching).unwrap();
    log(&mut store, day(2026, 11, 24), 120, Category::Market).unwrap();
    log(&mut store, day(2026, 11, 27), 120, Category::Business).unwrap();
    log(&mut store, day(2026, 11, 16), 60, Category::Coaching).unwrap(); // W47
    log(&mut store, day(2026, 9, 30), 600, Category::Market).unwrap(); // FY27 Q1
    let settings = time::time_settings(store.conn()).unwrap();
    let week = time::week_summary(store.conn(), "2026-W48".parse().unwrap(), &settings).unwrap();
    assert_eq!(week.total, Split { coaching_minutes: 240, market_minutes: 120, business_minutes: 120 });
    assert_eq!(week.drift_sentence(), "On target: every category within ±5 points");
    let q2: FiscalQuarter = "FY27 Q2".parse().unwrap();
    let quarter = time::quarter_summary(store.conn(), q2, &settings, common::today()).unwrap();
    assert_eq!(quarter.total, Split { coaching_minutes: 300, market_minutes: 120, business_minutes: 120 });
    assert_eq!(quarter.trend[2].split.market_minutes, 600, "September counts in Q1");
    assert_eq!(
        quarter.drift_sentence(),
        "Market building 22 % vs 30 % target: about 40 min short this quarter"
    );
}

#[test]
fn time_settings_round_trip_and_bad_targets_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir);
    assert_eq!(time::time_settings(store.conn()).unwrap().start_month, Month::July);
    apply(&mut store, Command::SetFiscalStartMonth(Month::January)).unwrap();
    let targets = Targets { coaching_pct: 60, market_pct: 25, business_pct: 15, tolerance_pct: 3 };
    apply(&mut store, Command::SetDefaultTargets(targets)).unwrap();
    let q3: FiscalQuarter = "FY27 Q3".parse().unwrap();
    let heavy = Targets { coaching_pct: 40, market_pct: 40, business_pct: 20, tolerance_pct: 5 };
    apply(&mut store, Command::SetQuarterTargets { quarter: q3, targets: Some(heavy) }).unwrap();

    let settings = time::time_settings(store.conn()).unwrap();
    assert_eq!(settings.start_month, Month::January);
    assert_eq!(settings.default_targets, targets);
    assert_eq!(settings.targets_for(q3), heavy);
    assert_eq!(settings.targets_for(q3.next()), targets);
    // With a January start, 2026-11-28 is in FY26 Q4.
    assert_eq!(settings.quarter_of(common::today()).to_string(), "FY26 Q4");

    let bad = Targets { market_pct: 35, ..Targets::default() };
    let error = apply(&mut store, Command::SetDefaultTargets(bad)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "targets: the targets add up to 105 % (50 + 35 + 20); they must add up to 100 %"
    );
    let error =
        apply(&mut store, Command::SetQuarterTargets { quarter: q3, targets: Some(bad) }).unwrap_err();
    assert!(error.to_string().contains("FY27 Q3: the targets add up to 105 %"), "{error}");
    assert_eq!(time::time_settings(store.conn()).unwrap().targets_for(q3), heavy, "unchanged");

    apply(&mut store, Command::SetQuarterTargets { quarter: q3, targets: None }).unwrap();
    assert_eq!(time::time_settings(store.conn()).unwrap().targets_for(q3), targets);
}

#[test]
fn a_damaged_setting_is_reported_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let store = new_store(&dir);
    leadline::store::settings::set(store.conn(), time::FISCAL_START_MONTH, "13").unwrap();
    let error = time::time_settings(store.conn()).unwrap_err();
    assert_eq!(error.to_string(), "setting fiscal_start_month: \"13\" is not a month number 1 to 12");
}

#[test]
fn the_time_view_follows_its_focus_and_the_demo_has_a_year_of_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let store = common::session(&path);
    let view = TimeView::load(store.conn(), common::today(), None).unwrap();
    assert_eq!(view.focus.week.to_string(), "2026-W48");
    assert_eq!(view.focus.quarter.to_string(), "FY27 Q2");
    assert!(view.has_entries);
    assert!(!view.week_entries.is_empty());
    assert_eq!(view.week.total.total(), view.week_entries.iter().map(|e| e.fields.minutes).sum::<u32>());
    // A year of workdays, with room to spare for holidays.
    let first = time::list_between(store.conn(), day(2025, 1, 1), day(2026, 12, 31)).unwrap();
    assert!(first.len() > 1000, "{} entries", first.len());
    assert!(first[0].fields.date >= IsoWeek::of(common::today()).monday() - chrono::Days::new(7 * 52));
    // The demo's present drifts: coaching is short this quarter.
    assert!(view.quarter.total.share_pct(Category::Coaching) < 45.0);

    let earlier = leadline::session::TimeFocus {
        week: "2026-W40".parse().unwrap(),
        quarter: "FY27 Q1".parse().unwrap(),
    };
    let moved = TimeView::load(store.conn(), common::today(), Some(earlier)).unwrap();
    assert_eq!(moved.focus, earlier);
    assert_eq!(moved.this_week, view.week, "the home's week stays today's");
}
