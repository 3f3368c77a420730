//! The Business screen driven through the real app as a manager would: record a win, see it
//! flagged for having no agreed consumption plan, agree the plan and add a committed milestone
//! (the commit gate saying what is missing first), and see the flag go; the state checked on
//! screen and in the database.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::LeadlineApp;
use leadline::model::business::{Attention, OpportunityStatus, Owner};
use leadline::session::Command;
use leadline::ui::Screen;

type App = Harness<'static, LeadlineApp>;

/// Clicks are real pointer events: a widget below the pane's fold is scrolled into view first.
fn click(harness: &mut App, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// Types into a single- or multi-line field.
fn type_into(harness: &mut App, label: &str, text: &str) {
    let role = if harness.query_by_role_and_label(Role::TextInput, label).is_some() {
        Role::TextInput
    } else {
        Role::MultilineTextInput
    };
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
    let field = harness.get_by_role_and_label(role, label);
    field.click();
    field.type_text(text);
    harness.run();
}

fn choose(harness: &mut App, combo: &str, entry: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).scroll_to_me();
    harness.run();
    let left = harness.get_by_role_and_label(Role::ComboBox, combo).rect().min.x;
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    // The open list hangs under its box (a filter elsewhere may carry the same word).
    harness
        .get_all_by_label(entry)
        .find(|node| (node.rect().min.x - left).abs() < 16.0)
        .expect("an entry of the open list")
        .click();
    harness.run();
}

/// An empty team of one, Ana, who covers Contoso; the app on the Business screen.
fn business_harness(dir: &tempfile::TempDir) -> (std::path::PathBuf, App) {
    let path = common::empty_db(dir);
    {
        let mut session = common::session(&path);
        let fields = leadline::model::ArchitectFields {
            name: "Ana López".into(),
            accounts: "Contoso".into(),
            ..Default::default()
        };
        common::apply(&mut session, Command::AddArchitect(fields));
    }
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    harness.run();
    (path, harness)
}

#[test]
fn a_win_is_flagged_until_its_plan_is_agreed_and_a_committed_milestone_follows() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut harness) = business_harness(&dir);
    harness.get_by_role_and_label(Role::Button, "Wins & plans");

    // Record the win.
    click(&mut harness, Role::Button, "➕ New opportunity");
    type_into(&mut harness, "Title", "Contoso data platform");
    type_into(&mut harness, "Monthly ACR", "12.5k");
    choose(&mut harness, "Status", "Won");
    type_into(&mut harness, "Won on", "2026-11-20");
    click(&mut harness, Role::Button, "Add opportunity Ctrl+S");

    let store = common::read_db(&path);
    let wins = leadline::store::opportunities::list_all(store.conn()).unwrap();
    assert_eq!(wins.len(), 1);
    let win = &wins[0];
    assert_eq!((win.fields.status, win.fields.monthly_acr), (OpportunityStatus::Won, 12_500));
    assert_eq!(win.fields.closed_on, Some(common::day(2026, 11, 20)));
    assert!(!win.plan.is_agreed());

    // Flagged in red at the top, and in its own pane.
    harness.get_by_label_contains("1 win without an agreed consumption plan");
    harness.get_by_label("⛔ No consumption plan agreed with the customer yet");

    // Agree the plan.
    click(&mut harness, Role::CheckBox, "Agreed with the customer");
    type_into(&mut harness, "Agreed on", "2026-11-25");
    type_into(&mut harness, "Customer sponsor", "Elena Ruiz");
    click(&mut harness, Role::Button, "Save plan");
    assert!(harness.query_by_label_contains("without an agreed consumption plan").is_none(), "the flag went");
    let plan = leadline::store::opportunities::get(store.conn(), win.id).unwrap().plan;
    assert_eq!((plan.agreed_on, plan.sponsor.as_str()), (Some(common::day(2026, 11, 25)), "Elena Ruiz"));

    // A committed milestone: refused without an owner and an expected ACR, saying so.
    click(&mut harness, Role::Button, "➕ New milestone");
    type_into(&mut harness, "Workload", "Fabric lakehouse");
    type_into(&mut harness, "Due", "2027-01-15");
    click(&mut harness, Role::CheckBox, "Committed to the customer");
    click(&mut harness, Role::Button, "Add milestone Ctrl+S");
    harness.get_by_label_contains("it has no owner or expected ACR");
    assert!(leadline::store::milestones::list_all(store.conn()).unwrap().is_empty(), "nothing saved");

    click(&mut harness, Role::Button, "Architect");
    choose(&mut harness, "Architect", "Ana López");
    type_into(&mut harness, "Expected ACR", "6k");
    type_into(&mut harness, "Last evidence", "Pilot workspace live");
    click(&mut harness, Role::Button, "Today");
    click(&mut harness, Role::Button, "Add milestone Ctrl+S");

    let milestones = leadline::store::milestones::list_all(store.conn()).unwrap();
    assert_eq!(milestones.len(), 1);
    let (milestone, _) = &milestones[0];
    assert!(milestone.fields.committed);
    assert_eq!(milestone.fields.expected_acr, Some(6_000));
    assert_eq!(milestone.fields.evidence_on, Some(common::today()));
    let ana = leadline::store::architects::list(store.conn()).unwrap()[0].id;
    assert_eq!(milestone.fields.owner, Owner::Architect(ana));
    harness.get_by_label("Fabric lakehouse");
    assert!(harness.query_by_label_contains("without an agreed consumption plan").is_none());
    harness.get_by_label_contains("Nothing needs attention");
    assert_eq!(harness.state().view().business.attention, Attention::default());
}

#[test]
fn a_bad_amount_or_date_is_named_in_the_form_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut harness) = business_harness(&dir);
    click(&mut harness, Role::Button, "➕ New opportunity");
    type_into(&mut harness, "Title", "Contoso AKS");
    type_into(&mut harness, "Monthly ACR", "-300");
    click(&mut harness, Role::Button, "Add opportunity Ctrl+S");
    harness.get_by_label("⚠ monthly ACR: -300 is negative; an amount is 0 or more");
    let field = harness.get_by_role_and_label(Role::TextInput, "Monthly ACR");
    field.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Monthly ACR").type_text("300");
    harness.run();
    choose(&mut harness, "Status", "Won");
    type_into(&mut harness, "Won on", "2026-12-24");
    click(&mut harness, Role::Button, "Add opportunity Ctrl+S");
    harness.get_by_label("⚠ won date: 2026-12-24 is in the future");
    let store = common::read_db(&path);
    assert!(leadline::store::opportunities::list_all(store.conn()).unwrap().is_empty());
}

#[test]
fn the_demo_shows_what_needs_attention_and_a_click_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    harness.run();
    harness.get_by_label_contains("2 wins without an agreed consumption plan");
    harness.get_by_label_contains("1 milestone blocked, 1 milestone at risk");
    harness.get_by_label_contains("committed milestone due within 30 days with no evidence for 14 days");
    harness.get_by_label_contains("contacts past their maximum interval");
    // The blocked milestone's win opens with its plan.
    harness.get_all_by_label_contains("Order service migration").next().expect("named").click();
    harness.run();
    // Its title in the table and in the pane.
    assert_eq!(harness.get_all_by_label("Northwind warehouse platform on AKS").count(), 2);
    harness.get_by_role_and_label(Role::Button, "Close the details");
    // Esc closes the pane; ↓ selects the first win again, as on the Team screen.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.get_all_by_label("Northwind warehouse platform on AKS").count(), 1);
    assert!(harness.query_by_role_and_label(Role::Button, "Close the details").is_none());
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Close the details");

    // Network: Tom Becker is past his maximum; logging an interaction clears it.
    click(&mut harness, Role::Button, "Network");
    harness.get_all_by_label("Tom Becker").next().unwrap().click();
    harness.run();
    type_into(&mut harness, "Note", "Lunch");
    click(&mut harness, Role::Button, "Log interaction");
    let store = common::read_db(&path);
    let tom = leadline::store::contacts::list(store.conn())
        .unwrap()
        .into_iter()
        .find(|c| c.fields.name == "Tom Becker")
        .unwrap();
    let interactions = leadline::store::contacts::interactions_of(store.conn(), tom.id).unwrap();
    assert_eq!((interactions[0].on, interactions[0].note.as_str()), (common::today(), "Lunch"));
    assert!(!harness.state().view().business.attention.contacts_past_max.contains(&tom.id));
    // Deleting it brings the flag back; Undo brings the interaction back.
    click(&mut harness, Role::Button, "Delete the interaction of 2026-11-28");
    assert!(harness.state().view().business.attention.contacts_past_max.contains(&tom.id));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        leadline::store::contacts::interactions_of(store.conn(), tom.id).unwrap().len(),
        interactions.len()
    );
    assert!(!harness.state().view().business.attention.contacts_past_max.contains(&tom.id));
}

#[test]
fn a_time_entry_names_an_account_and_the_quarter_says_where_market_hours_went() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut harness) = business_harness(&dir);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    harness.run();
    type_into(&mut harness, "Duration", "90");
    click(&mut harness, Role::RadioButton, "Market building");
    type_into(&mut harness, "Description", "Envisioning workshop");
    type_into(&mut harness, "Account or initiative", "cont");
    harness.get_by_label_contains("for Contoso");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let store = common::read_db(&path);
    let contoso = leadline::store::accounts::by_name(store.conn(), "Contoso").unwrap().unwrap();
    let entries =
        leadline::store::time::list_between(store.conn(), common::today(), common::today()).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].fields.link, Some(leadline::model::business::WorkLink::Account(contoso)));
    // An unknown name is refused in the row, naming the field.
    type_into(&mut harness, "Duration", "30");
    type_into(&mut harness, "Account or initiative", "Fabrikam");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label_contains("account or initiative: no account or initiative is called “Fabrikam”");
    harness.get_by_label("Quarter").click();
    harness.run();
    harness.get_by_label("WHERE THE MARKET-BUILDING HOURS WENT");
    harness.get_by_label("🏢 Contoso");
}

#[test]
fn this_week_and_an_architects_page_show_their_business_and_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    assert_eq!(harness.state().screen(), Screen::ThisWeek);
    // Lukas's prep card raises the blocked milestone of the win he drives.
    harness
        .get_all_by_label("Order service migration (Northwind warehouse platform on AKS)")
        .next()
        .expect("on his card");
    // The contacts due a word (nine in the demo), those past their maximum first; a name opens
    // the contact on the Business screen.
    harness.get_by_label("NETWORK: 9 CONTACTS DUE A WORD");
    assert_eq!(harness.get_all_by_label_contains("past the maximum of").count(), 5);
    harness.get_by_label("Tom Becker").scroll_to_me();
    harness.run();
    harness.get_by_label("Tom Becker").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Business);
    harness.get_by_role_and_label(Role::Button, "Log interaction");
    assert_eq!(harness.get_all_by_label("Tom Becker").count(), 2, "in the table and in the pane");

    // Lukas's page has a Business tab: his accounts, the win he drives, the milestone he owns.
    common::go_to_team(&mut harness);
    harness.get_all_by_label("Lukas Schneider").next().expect("in the roster").click();
    harness.run();
    // The navigation on the left has a "Business" too.
    let tab = harness
        .get_all_by_role_and_label(Role::Button, "Business")
        .find(|node| node.rect().min.x > 170.0)
        .expect("the page's Business tab, not the screen's");
    tab.click();
    harness.run();
    harness.get_by_label("ACCOUNTS (2)");
    harness.get_by_label("Alpine Ski House · Northwind Traders");
    harness.get_by_label("OPPORTUNITIES AND WINS (1)");
    harness.get_by_label("MILESTONES THEY OWN (2)");
    harness.get_by_label("AKS landing zone");
    harness.get_by_label("Order service migration");
    harness.get_by_label("Northwind warehouse platform on AKS").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Business);
    harness.get_by_role_and_label(Role::Button, "Close the details");
    assert_eq!(harness.get_all_by_label("Northwind warehouse platform on AKS").count(), 2);
}

/// Issue 18: a long account name stays on one line in the accounts table, elided, with the
/// full name on hover; a click on it opens the account as a click on its row does.
/// An empty team with one account, `name`; the app on the Business screen's Accounts tab.
fn accounts_of_one(dir: &tempfile::TempDir, name: &str) -> App {
    let path = common::empty_db(dir);
    {
        let mut session = common::session(&path);
        let fields = leadline::model::business::AccountFields { name: name.into(), ..Default::default() };
        common::apply(
            &mut session,
            Command::Business(leadline::session::BusinessCommand::AddAccount(fields)),
        );
    }
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    harness.run();
    click(&mut harness, Role::Button, "Accounts");
    harness
}

#[test]
fn a_long_account_name_is_elided_on_one_line_with_the_full_name_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Contoso Worldwide Manufacturing and Logistics Holdings International";
    let mut harness = accounts_of_one(&dir, long);

    let name = harness.get_by_role_and_label(Role::Button, long);
    let rect = name.rect();
    assert!(rect.width() <= 180.0, "kept to its column: {rect:?}");
    assert!(rect.height() <= 24.0, "one line, within the row: {rect:?}");
    assert!(harness.query_by_label_contains("Show the details").is_none(), "no hover text yet");
    name.hover();
    harness.run();
    harness.get_by_label(&format!("{long}: Show the details"));

    harness.get_by_role_and_label(Role::Button, long).click();
    harness.run();
    harness.get_by_label("Actual consumption in");
}

/// The titles in the Wins table, top to bottom (the table is left of the detail pane).
fn table_titles(harness: &App, titles: &[&str]) -> Vec<String> {
    let left_edge = harness.get_by_role_and_label(Role::TextInput, "Filter the opportunities").rect().min.x;
    let mut shown: Vec<(f32, String)> = titles
        .iter()
        .filter_map(|title| {
            let node =
                harness.query_all_by_label(title).min_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))?;
            (node.rect().min.x < left_edge + 40.0).then(|| (node.rect().min.y, (*title).to_owned()))
        })
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    shown.into_iter().map(|(_, title)| title).collect()
}

#[test]
fn the_wins_table_follows_a_new_record_a_sort_and_the_filter() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut harness) = business_harness(&dir);
    let add = |harness: &mut App, title: &str| {
        click(harness, Role::Button, "➕ New opportunity");
        type_into(harness, "Title", title);
        type_into(harness, "Monthly ACR", "1k");
        click(harness, Role::Button, "Add opportunity Ctrl+S");
    };
    let titles = ["Alpha analytics", "Beta lakehouse", "Delta migration"];
    add(&mut harness, "Beta lakehouse");
    add(&mut harness, "Delta migration");
    // All open: the newest first.
    assert_eq!(table_titles(&harness, &titles), ["Delta migration", "Beta lakehouse"]);
    click(&mut harness, Role::Button, "Opportunity");
    assert_eq!(table_titles(&harness, &titles), ["Beta lakehouse", "Delta migration"]);
    // A record added while sorted by title takes its place in the order.
    add(&mut harness, "Alpha analytics");
    assert_eq!(table_titles(&harness, &titles), ["Alpha analytics", "Beta lakehouse", "Delta migration"]);
    click(&mut harness, Role::Button, "Opportunity ⏶");
    assert_eq!(table_titles(&harness, &titles), ["Delta migration", "Beta lakehouse", "Alpha analytics"]);
    type_into(&mut harness, "Filter the opportunities", "LAKE");
    assert_eq!(table_titles(&harness, &titles), ["Beta lakehouse"]);
}

#[test]
fn enter_in_the_actual_consumption_saves_it_and_the_account_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = accounts_of_one(&dir, "Fabrikam");
    click(&mut harness, Role::Button, "Fabrikam");
    // The month offered is the last one (its report comes in after it ends).
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Month").value().as_deref(), Some("2026-10"));
    type_into(&mut harness, "Actual ACR", "42k");
    harness.key_press(egui::Key::Enter);
    harness.run();

    let saved: i64 = common::app_db(&harness)
        .query_row("SELECT dollars FROM consumption WHERE month = '2026-10-01'", [], |row| row.get(0))
        .expect("saved by Enter");
    assert_eq!(saved, 42_000);
    harness.get_by_label("Latest: Oct 2026 $42,000");
    harness.get_by_label("$42k (Oct)");

    // Enter in the month with no amount typed moves on to the amount; it clears nothing.
    let month = harness.get_by_role_and_label(Role::TextInput, "Month");
    month.click();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.get_by_role_and_label(Role::TextInput, "Actual ACR").is_focused(), "the amount is next");
    let kept: i64 = common::app_db(&harness)
        .query_row("SELECT dollars FROM consumption WHERE month = '2026-10-01'", [], |row| row.get(0))
        .expect("still there");
    assert_eq!(kept, 42_000);
}

/// Woodgrove Bank open on the Accounts tab of the demo, in a window `height` points tall.
fn woodgrove_in(dir: &tempfile::TempDir, height: f32) -> App {
    let path = common::demo_db(dir);
    let mut harness = common::snapshot_harness(&path, egui::vec2(1280.0, height), egui::Theme::Light);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
    harness.run();
    click(&mut harness, Role::Button, "Accounts");
    common::open_account(&mut harness, "Woodgrove Bank");
    harness
}

/// egui's scroll bar floats over what it scrolls: a detail pane that scrolls keeps the bar's
/// width free, so the bar (wide while the pointer is on it) covers neither the × nor the right
/// edge of the fields.
#[test]
fn a_detail_pane_that_scrolls_keeps_its_close_button_and_fields_clear_of_the_scroll_bar() {
    let right_edges = |harness: &App| {
        let close = harness.get_by_role_and_label(Role::Button, "Close the details").rect().right();
        let name = harness.get_by_role_and_label(Role::TextInput, "Name").rect().right();
        (close, name)
    };
    let tall_dir = tempfile::tempdir().unwrap();
    let tall = woodgrove_in(&tall_dir, 2400.0);
    let dir = tempfile::tempdir().unwrap();
    let scrolling = woodgrove_in(&dir, 800.0);
    let bar = scrolling.ctx.global_style().spacing.scroll.bar_width;

    let (close_whole, name_whole) = right_edges(&tall);
    let (close, name) = right_edges(&scrolling);
    assert!(close <= close_whole - bar, "the × at {close} is under the bar (no bar: {close_whole})");
    assert!(name <= name_whole - bar, "the name field ends at {name}, under the bar (no bar: {name_whole})");
}
