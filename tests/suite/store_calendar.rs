//! Calendar import storage: the manager's rules and identity in the database, and a commit
//! that is all or nothing.

use crate::common;

use chrono::NaiveDate;
use leadline::import::preview::{CommitPlan, ProposedEntry};
use leadline::import::rules::{Condition, Outcome, Rule, default_rules};
use leadline::model::split::Category;
use leadline::session::{Command, Origin, Session};
use leadline::store::{LATEST_VERSION, calendar};

fn rule(name: &str, outcome: Outcome) -> Rule {
    Rule {
        name: name.into(),
        conditions: vec![Condition::AttendeeOnTeam, Condition::AllDay { all_day: false }],
        outcome,
    }
}

#[test]
fn the_shipped_rules_apply_until_the_manager_saves_their_own_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = common::session(&common::db_in(&dir));
    assert_eq!(
        LATEST_VERSION, 14,
        "0006 keeps the manager's choices, 0007 which calendar brought an entry, 0008 held meetings, \
         0009 the Business screen, 0010 hiring, 0011 the quarterly review, 0012 hiring profiles, \
         0013 and 0014 the Business screen's indexes"
    );
    assert_eq!(calendar::rules(store.conn()).expect("rules"), default_rules());
    let mine = vec![rule("Team", Outcome::Category(Category::Coaching)), rule("Skip", Outcome::Ignore)];
    store.run(Origin::SCRIPT, Command::SaveCalendarRules(mine.clone())).expect("save");
    assert_eq!(calendar::rules(store.conn()).expect("rules"), mine);
    // An emptied list stays empty: the defaults do not come back behind the manager's back.
    store.run(Origin::SCRIPT, Command::SaveCalendarRules(vec![])).expect("save");
    assert!(calendar::rules(store.conn()).expect("rules").is_empty());
}

#[test]
fn my_addresses_and_company_domains_are_checked_and_stored_one_per_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = common::session(&common::db_in(&dir));
    let save = |store: &mut Session, emails: &str, domains: &str| {
        store.run(
            Origin::SCRIPT,
            Command::SetCalendarIdentity { my_emails: emails.into(), company_domains: domains.into() },
        )
    };
    save(&mut store, "Me@Contoso.com, me@contoso.onmicrosoft.com", "@contoso.com\ncontoso.co.uk")
        .expect("saved");
    assert_eq!(
        calendar::list_setting(store.conn(), calendar::MY_EMAILS).expect("read"),
        ["me@contoso.com", "me@contoso.onmicrosoft.com"]
    );
    assert_eq!(
        calendar::list_setting(store.conn(), calendar::COMPANY_DOMAINS).expect("read"),
        ["contoso.com", "contoso.co.uk"]
    );
    let error = save(&mut store, "me at contoso", "contoso.com").expect_err("refused");
    assert_eq!(error.to_string(), "my e-mail addresses: \"me at contoso\" is not an e-mail address");
    let error = save(&mut store, "me@contoso.com", "contoso").expect_err("refused");
    assert!(error.to_string().contains("\"contoso\" is not a domain"), "{error}");
    // Nothing of a refused change was saved.
    assert_eq!(
        calendar::list_setting(store.conn(), calendar::COMPANY_DOMAINS).expect("read"),
        ["contoso.com", "contoso.co.uk"]
    );
}

#[test]
fn a_commit_that_fails_half_way_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = common::demo_db(&dir);
    let mut store = common::session(&path);
    let entry = |uid: &str, minutes| ProposedEntry {
        event_uid: uid.into(),
        recurrence_id: Some("20261123T080000Z".into()),
        entry_date: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid"),
        start_time: chrono::NaiveTime::from_hms_opt(9, 0, 0),
        minutes,
        category: Category::Coaching,
        description: "Amara 1:1".into(),
        architect: None,
    };
    let good = CommitPlan { inserts: vec![entry("a", 30)], ..CommitPlan::default() };
    store.run(Origin::SCRIPT, Command::ImportCalendar { plan: good.clone(), folder: None }).expect("commit");
    let from = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid");
    let to = NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid");
    let existing = calendar::existing(store.conn(), from, to).expect("read");
    assert_eq!(existing.len(), 1);
    assert_eq!((existing[0].start_time, existing[0].minutes), (chrono::NaiveTime::from_hms_opt(9, 0, 0), 30));
    // Deleting the first entry and inserting an impossible one: the delete is rolled back.
    let bad = CommitPlan {
        deletes: vec![existing[0].id],
        inserts: vec![entry("b", 5000)],
        ..CommitPlan::default()
    };
    let error = store
        .run(Origin::SCRIPT, Command::ImportCalendar { plan: bad.clone(), folder: None })
        .expect_err("refused");
    assert!(error.to_string().contains("5000 is more than 24 h"), "{error}");
    let after = calendar::existing(store.conn(), from, to).expect("read");
    assert_eq!(after, existing);
}

#[test]
fn an_import_that_would_fill_a_day_past_24_hours_is_refused_naming_the_day_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = common::session(&common::db_in(&dir));
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid");
    common::apply(
        &mut store,
        Command::AddTimeEntry(leadline::model::time_entry::TimeEntryFields::manual(
            monday,
            600,
            Category::Business,
            "Offsite",
        )),
    );
    let entry = |uid: &str, minutes| ProposedEntry {
        event_uid: uid.into(),
        recurrence_id: None,
        entry_date: monday,
        start_time: None,
        minutes,
        category: Category::Market,
        description: format!("Workshop {uid}"),
        architect: None,
    };
    // 10 h by hand + 8 h + 8 h: each entry is fine on its own, the day is not.
    let plan = CommitPlan { inserts: vec![entry("a", 480), entry("b", 480)], ..CommitPlan::default() };
    let error = store
        .run(Origin::SCRIPT, Command::ImportCalendar { plan: plan.clone(), folder: None })
        .expect_err("refused");
    assert_eq!(error.to_string(), "minutes: Mon 23 Nov 2026 would hold 26 h; a day has only 24 h");
    assert_eq!(common::count(&store, "time_entries"), 1, "nothing of the import was written");
    // One workshop fits.
    let plan = CommitPlan { inserts: vec![entry("a", 480)], ..CommitPlan::default() };
    store.run(Origin::SCRIPT, Command::ImportCalendar { plan: plan.clone(), folder: None }).expect("fits");
    assert_eq!(common::count(&store, "time_entries"), 2);
}

#[test]
fn an_imported_entry_is_checked_like_a_typed_one_and_keeps_its_architect() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = common::session(&common::db_in(&dir));
    let ana = common::add_architect(&mut store, "Ana Lima", leadline::model::Cadence::Weekly);
    let entry = |description: &str, architect| ProposedEntry {
        event_uid: "one".into(),
        recurrence_id: None,
        entry_date: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid"),
        start_time: chrono::NaiveTime::from_hms_opt(9, 0, 0),
        minutes: 30,
        category: Category::Coaching,
        description: description.into(),
        architect,
    };
    let too_long = "x".repeat(600);
    let plan = CommitPlan { inserts: vec![entry(&too_long, Some(ana))], ..CommitPlan::default() };
    let error = store
        .run(Origin::SCRIPT, Command::ImportCalendar { plan: plan.clone(), folder: None })
        .expect_err("refused");
    assert!(error.to_string().starts_with("description:"), "{error}");
    let plan = CommitPlan { inserts: vec![entry("  Ana 1:1 ", Some(ana))], ..CommitPlan::default() };
    store.run(Origin::SCRIPT, Command::ImportCalendar { plan: plan.clone(), folder: None }).expect("commit");
    let from = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid");
    let to = NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid");
    let existing = calendar::existing(store.conn(), from, to).expect("read");
    assert_eq!(
        existing.iter().map(|e| (e.description.as_str(), e.architect)).collect::<Vec<_>>(),
        [("Ana 1:1", Some(ana))]
    );
}

#[test]
fn the_managers_choices_are_remembered_and_forgotten_with_the_commit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = common::session(&common::db_in(&dir));
    let remember = CommitPlan {
        choices: vec![
            (("fc".into(), None), Some(Outcome::Category(Category::Market))),
            (("one".into(), Some("20261123T080000Z".into())), Some(Outcome::Ignore)),
        ],
        ..CommitPlan::default()
    };
    store
        .run(Origin::SCRIPT, Command::ImportCalendar { plan: remember.clone(), folder: None })
        .expect("commit");
    let choices = calendar::choices(store.conn()).expect("read");
    assert_eq!(choices.len(), 2);
    assert_eq!(choices[&("fc".to_owned(), None)], Outcome::Category(Category::Market));
    assert_eq!(choices[&("one".to_owned(), Some("20261123T080000Z".to_owned()))], Outcome::Ignore);
    let forget = CommitPlan {
        choices: vec![
            (("fc".into(), None), None),
            (("one".into(), Some("20261123T080000Z".into())), Some(Outcome::Category(Category::Coaching))),
        ],
        ..CommitPlan::default()
    };
    store
        .run(Origin::SCRIPT, Command::ImportCalendar { plan: forget.clone(), folder: None })
        .expect("commit");
    let choices = calendar::choices(store.conn()).expect("read");
    assert_eq!(
        choices.into_iter().collect::<Vec<_>>(),
        [(("one".to_owned(), Some("20261123T080000Z".to_owned())), Outcome::Category(Category::Coaching))]
    );
}

#[test]
fn a_stale_plan_never_overwrites_an_entry_typed_by_hand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = common::session(&common::db_in(&dir));
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid");
    common::apply(
        &mut store,
        Command::AddTimeEntry(leadline::model::time_entry::TimeEntryFields::manual(
            monday,
            60,
            Category::Business,
            "Typed by hand",
        )),
    );
    let id: i64 = store.conn().query_row("SELECT id FROM time_entries", [], |row| row.get(0)).expect("id");
    let stale = ProposedEntry {
        event_uid: "x".into(),
        recurrence_id: None,
        entry_date: monday,
        start_time: None,
        minutes: 30,
        category: Category::Market,
        description: "Workshop".into(),
        architect: None,
    };
    let plan = CommitPlan { updates: vec![(id, stale)], deletes: vec![id], ..CommitPlan::default() };
    let error = store
        .run(Origin::SCRIPT, Command::ImportCalendar { plan: plan.clone(), folder: None })
        .expect_err("refused");
    assert!(error.to_string().contains("changed since the preview"), "{error}");
    let kept: String =
        store.conn().query_row("SELECT description FROM time_entries", [], |row| row.get(0)).expect("kept");
    assert_eq!(kept, "Typed by hand");
}

#[test]
fn new_entries_carry_their_calendar_and_old_ones_are_claimed_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = common::session(&common::db_in(&dir));
    let entry = |uid: &str| ProposedEntry {
        event_uid: uid.into(),
        recurrence_id: None,
        entry_date: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid"),
        start_time: None,
        minutes: 60,
        category: Category::Market,
        description: format!("Workshop {uid}"),
        architect: None,
    };
    let first = CommitPlan {
        inserts: vec![entry("a"), entry("b")],
        calendar: "Apple Inc.|Work".into(),
        ..CommitPlan::default()
    };
    store.run(Origin::SCRIPT, Command::ImportCalendar { plan: first.clone(), folder: None }).expect("commit");
    // As if "b" had been imported before calendars were told apart.
    store
        .conn()
        .execute("UPDATE time_entries SET calendar = NULL WHERE event_uid = 'b'", [])
        .expect("legacy");
    let claim =
        CommitPlan { claims: vec![1, 2], calendar: "Google Inc|Personal".into(), ..CommitPlan::default() };
    store.run(Origin::SCRIPT, Command::ImportCalendar { plan: claim.clone(), folder: None }).expect("commit");
    let from = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid");
    let to = NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid");
    let existing = calendar::existing(store.conn(), from, to).expect("read");
    let calendars: Vec<(&str, Option<&str>)> =
        existing.iter().map(|e| (e.event_uid.as_str(), e.calendar.as_deref())).collect();
    assert_eq!(calendars, [("a", Some("Apple Inc.|Work")), ("b", Some("Google Inc|Personal"))]);
}

#[test]
fn editing_or_deleting_an_imported_entry_is_remembered_for_the_next_import() {
    use leadline::import::{Window, zones::Zone};

    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = common::session(&common::db_in(&dir));
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
        BEGIN:VEVENT\r\nUID:fc\r\nSUMMARY:Forecast call\r\nDTSTART:20261124T140000Z\r\nDTEND:20261124T150000Z\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:ws\r\nSUMMARY:Envisioning workshop\r\nDTSTART:20261125T090000Z\r\nDTEND:20261125T120000Z\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    let from = NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid");
    let to = NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid");
    let window = Window { from, to, zone: Zone::Utc };
    // The preview the import view and the command line build, against what is stored now.
    let preview = |store: &mut Session| store.import_preview(ics.as_bytes(), &window).expect("preview");
    let first = preview(&mut store).plan();
    store.run(Origin::SCRIPT, Command::ImportCalendar { plan: first.clone(), folder: None }).expect("commit");
    let entries = leadline::store::time::list_between(store.conn(), from, to).expect("entries");
    let (forecast, workshop) = (entries[0].clone(), entries[1].clone());

    // On the Time screen: the forecast call was market building; the workshop did not happen.
    let mut fields = forecast.fields.clone();
    fields.category = Category::Market;
    common::apply(&mut store, Command::UpdateTimeEntry { id: forecast.id, fields });
    common::apply(&mut store, Command::DeleteTimeEntry(workshop.id));

    let again = preview(&mut store);
    let plan = again.plan();
    assert!(plan.is_empty(), "importing again undoes neither: {plan:?}");
    let by_uid = |uid: &str| again.rows.iter().find(|r| r.occurrence.uid == uid).expect("row");
    assert_eq!(by_uid("fc").category(), Some(Category::Market));
    assert_eq!(by_uid("ws").category(), None, "ignored");

    // Undo of the delete brings the workshop back, and the next import keeps it.
    common::apply(&mut store, Command::RestoreTimeEntry(Box::new(workshop)));
    let after_undo = preview(&mut store);
    assert!(after_undo.plan().is_empty(), "{:?}", after_undo.plan());
    assert_eq!(
        after_undo.rows.iter().find(|r| r.occurrence.uid == "ws").expect("row").category(),
        Some(Category::Market)
    );
}
