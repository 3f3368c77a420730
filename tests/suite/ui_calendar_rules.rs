//! Settings › Calendar import, driven through the real app: the manager says who they are,
//! reorders and edits the categorisation rules, and finds them saved in the database.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::LeadlineApp;
use leadline::import::rules::{Condition, Outcome, default_rules};
use leadline::model::split::Category;
use leadline::store::calendar;

/// The app, tall enough that the whole Settings page is on screen.
fn settings(path: &std::path::Path) -> Harness<'static, LeadlineApp> {
    let startup = common::startup(path);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 2400.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness.get_by_label("⚙  Settings").click();
    harness.run();
    harness
}

#[test]
fn the_manager_saves_their_addresses_and_company_domain() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = common::empty_db(&dir);
    let mut harness = settings(&path);
    let emails =
        harness.get_by_role_and_label(Role::MultilineTextInput, "My e-mail addresses (one per line)");
    emails.click();
    emails.type_text("Me@Contoso.com");
    let domains = harness.get_by_role_and_label(Role::TextInput, "Company domains");
    domains.click();
    domains.type_text("contoso.com");
    harness.run();
    // Leaving the field saves it (the addresses were saved when the domains field took the focus).
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.run();
    let store = common::read_db(&path);
    assert_eq!(calendar::list_setting(store.conn(), calendar::MY_EMAILS).expect("read"), ["me@contoso.com"]);
    assert_eq!(
        calendar::list_setting(store.conn(), calendar::COMPANY_DOMAINS).expect("read"),
        ["contoso.com"]
    );
}

#[test]
fn a_wrong_domain_is_named_and_nothing_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = common::empty_db(&dir);
    let mut harness = settings(&path);
    let domains = harness.get_by_role_and_label(Role::TextInput, "Company domains");
    domains.click();
    domains.type_text("contoso");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    harness.get_by_label("⚠ company domains: \"contoso\" is not a domain (e.g. contoso.com)");
    let store = common::read_db(&path);
    assert!(calendar::list_setting(store.conn(), calendar::COMPANY_DOMAINS).expect("read").is_empty());
}

#[test]
fn moving_deleting_and_adding_rules_is_saved_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = common::demo_db(&dir);
    let mut harness = settings(&path);
    // Each change is saved at once.
    harness.get_by_label("Move rule 2 down").click();
    harness.run();
    let store = common::read_db(&path);
    let saved = calendar::rules(store.conn()).expect("rules");
    let shipped = default_rules();
    assert_eq!(saved[1], shipped[2]);
    assert_eq!(saved[2], shipped[1]);
    drop(store);

    // Delete the first rule, add one of our own with a title word (saved when the field is left).
    harness.get_by_label("Delete rule 1").click();
    harness.run();
    harness.get_by_label("Add rule").click();
    harness.run();
    let words = harness.get_by_role_and_label(Role::TextInput, "Title has any of");
    words.click();
    words.type_text("quarterly business review, qbr");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    let store = common::read_db(&path);
    let saved = calendar::rules(store.conn()).expect("rules");
    assert_eq!(saved.len(), shipped.len());
    let mine = saved.last().expect("a rule");
    assert_eq!(mine.name, "New rule");
    assert_eq!(mine.outcome, Outcome::Category(Category::Coaching));
    assert_eq!(
        mine.conditions,
        [Condition::TitleHasAny { words: vec!["quarterly business review".into(), "qbr".into()] }]
    );
}
