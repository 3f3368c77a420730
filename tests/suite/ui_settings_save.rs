//! Settings save one way everywhere: a field applies when it is left (Tab) or on Enter, a
//! refusal shows beside the field and nothing is saved, Escape puts back the saved value, and
//! Ctrl+Z undoes a save. One representative field per section, driven through the real app and
//! checked in the database.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use leadline::app::LeadlineApp;
use leadline::store::{calendar, candidates, goals, time};

use crate::common;

type App = Harness<'static, LeadlineApp>;

/// Replaces what the field named `label` holds (it keeps the focus).
fn retype(harness: &mut App, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    if !text.is_empty() {
        harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    }
    harness.run();
}

/// Presses a key and lets the answer come back.
fn press(harness: &mut App, key: egui::Key) {
    harness.key_press(key);
    harness.run();
    harness.run();
}

fn undo(harness: &mut App) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.run();
}

fn shown(harness: &App, label: &str) -> String {
    harness.get_by_role_and_label(Role::TextInput, label).value().unwrap_or_default()
}

fn first_level(harness: &App) -> String {
    let conn = common::app_db(harness);
    conn.query_row("SELECT name FROM career_levels ORDER BY position LIMIT 1", [], |r| r.get(0)).unwrap()
}

fn levels(harness: &App) -> Vec<String> {
    let conn = common::app_db(harness);
    let mut stmt = conn.prepare("SELECT name FROM career_levels ORDER BY position").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_career_level_is_renamed_in_its_own_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::settings_harness(&path);
    let before = levels(&harness);
    let (first, second) = (before[0].clone(), before[1].clone());

    // Tab saves.
    retype(&mut harness, &format!("Name of {first}"), "Graduate architect");
    press(&mut harness, egui::Key::Tab);
    assert_eq!(first_level(&harness), "Graduate architect");

    // A duplicate name is refused beside the field, which keeps it; nothing is saved.
    retype(&mut harness, "Name of Graduate architect", &second);
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label(&format!("⚠ name: there is already a career level called “{second}”"));
    assert_eq!(shown(&harness, "Name of Graduate architect"), second);
    assert_eq!(first_level(&harness), "Graduate architect");

    // Escape puts back the saved name.
    harness.get_by_role_and_label(Role::TextInput, "Name of Graduate architect").click();
    harness.run();
    press(&mut harness, egui::Key::Escape);
    assert_eq!(shown(&harness, "Name of Graduate architect"), "Graduate architect");
    assert!(harness.query_by_label_contains("there is already a career level").is_none());

    // Enter saves, Ctrl+Z undoes it.
    retype(&mut harness, "Name of Graduate architect", "Junior architect");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(first_level(&harness), "Junior architect");
    undo(&mut harness);
    assert_eq!(first_level(&harness), "Graduate architect");
    assert_eq!(levels(&harness)[1..], before[1..], "the other levels are untouched");
}

#[test]
fn default_targets_save_when_they_add_up_and_are_refused_beside_the_field_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::settings_harness(&path);
    let saved = || time::time_settings(common::read_db(&path).conn()).unwrap().default_targets;
    let before = saved();
    assert_eq!((before.coaching_pct, before.market_pct, before.business_pct), (50, 30, 20));

    // 60 + 30 + 20 does not add up: refused beside Coaching, the 60 stays, nothing saved.
    retype(&mut harness, "Coaching (default targets)", "60");
    press(&mut harness, egui::Key::Tab);
    harness.get_by_label("⚠ The targets add up to 110 % (60 + 30 + 20); they must add up to 100 %");
    assert_eq!(shown(&harness, "Coaching (default targets)"), "60");
    assert_eq!(saved(), before);

    // Market 20 makes it add up: Enter saves the whole set, the message goes.
    retype(&mut harness, "Market building (default targets)", "20");
    press(&mut harness, egui::Key::Enter);
    let after = saved();
    assert_eq!((after.coaching_pct, after.market_pct, after.business_pct), (60, 20, 20));
    assert!(harness.query_by_label_contains("they must add up to 100 %").is_none());

    // Escape while typing puts back the saved value.
    retype(&mut harness, "Coaching (default targets)", "70");
    press(&mut harness, egui::Key::Escape);
    assert_eq!(shown(&harness, "Coaching (default targets)"), "60");
    assert_eq!(saved(), after);

    // Ctrl+Z puts back the targets as they were before the save.
    undo(&mut harness);
    assert_eq!(saved(), before);
    assert_eq!(shown(&harness, "Coaching (default targets)"), "50");
}

#[test]
fn candidates_purge_months_save_on_tab_and_refuse_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::settings_harness(&path);
    let saved = || candidates::purge_months(common::read_db(&path).conn()).unwrap();
    let before = saved();
    assert_ne!(before, 24);

    retype(&mut harness, "Delete candidates", "0");
    press(&mut harness, egui::Key::Tab);
    harness.get_by_label("⚠ months: must be at least 1");
    assert_eq!(saved(), before);

    retype(&mut harness, "Delete candidates", "24");
    press(&mut harness, egui::Key::Tab);
    assert_eq!(saved(), 24);
    assert!(harness.query_by_label("⚠ months: must be at least 1").is_none());

    retype(&mut harness, "Delete candidates", "36");
    press(&mut harness, egui::Key::Escape);
    assert_eq!(shown(&harness, "Delete candidates"), "24");

    retype(&mut harness, "Delete candidates", "18");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(saved(), 18);
    undo(&mut harness);
    assert_eq!(saved(), 24);
}

#[test]
fn the_stalled_threshold_saves_on_enter_and_refuses_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::settings_harness(&path);
    let saved = || goals::stalled_days(common::read_db(&path).conn()).unwrap();
    assert_eq!(shown(&harness, "Stalled after"), "30");

    retype(&mut harness, "Stalled after", "six");
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label("⚠ days: must be a whole number");
    assert_eq!(saved(), 30);
    assert_eq!(shown(&harness, "Stalled after"), "six");

    retype(&mut harness, "Stalled after", "45");
    press(&mut harness, egui::Key::Tab);
    assert_eq!(saved(), 45);

    retype(&mut harness, "Stalled after", "60");
    press(&mut harness, egui::Key::Escape);
    assert_eq!(shown(&harness, "Stalled after"), "45");

    retype(&mut harness, "Stalled after", "21");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(saved(), 21);
    undo(&mut harness);
    assert_eq!(saved(), 45);
}

fn review_names(harness: &App) -> Vec<String> {
    let conn = common::app_db(harness);
    let mut stmt = conn.prepare("SELECT name FROM review_competencies ORDER BY position").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_review_competency_is_renamed_in_place_and_an_empty_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::settings_harness(&path);
    let before = review_names(&harness);
    let first = before[0].clone();
    let field = format!("Name of {first}");

    retype(&mut harness, &field, "");
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label("⚠ competency: must not be empty");
    assert_eq!(review_names(&harness), before);

    retype(&mut harness, &field, "Trusted advisor");
    press(&mut harness, egui::Key::Tab);
    assert_eq!(review_names(&harness)[0], "Trusted advisor");

    retype(&mut harness, "Name of Trusted advisor", "Something else");
    press(&mut harness, egui::Key::Escape);
    assert_eq!(shown(&harness, "Name of Trusted advisor"), "Trusted advisor");

    retype(&mut harness, "Name of Trusted advisor", "Customer first");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(review_names(&harness)[0], "Customer first");
    undo(&mut harness);
    assert_eq!(review_names(&harness)[0], "Trusted advisor");
}

#[test]
fn company_domains_and_a_rule_name_save_when_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::settings_harness(&path);
    let domains =
        || calendar::list_setting(common::read_db(&path).conn(), calendar::COMPANY_DOMAINS).unwrap();

    retype(&mut harness, "Company domains", "contoso");
    press(&mut harness, egui::Key::Tab);
    harness.get_by_label("⚠ company domains: \"contoso\" is not a domain (e.g. contoso.com)");
    assert!(domains().is_empty());
    assert_eq!(shown(&harness, "Company domains"), "contoso");

    retype(&mut harness, "Company domains", "contoso.com");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(domains(), ["contoso.com"]);

    retype(&mut harness, "Company domains", "fabrikam.com");
    press(&mut harness, egui::Key::Escape);
    assert_eq!(shown(&harness, "Company domains"), "contoso.com");

    undo(&mut harness);
    assert!(domains().is_empty());

    // A rule's name: open the rule, rename it; an empty name is refused.
    let rules = || calendar::rules(common::read_db(&path).conn()).unwrap();
    let first = harness.state().view().calendar_rules[0].name.clone();
    harness.get_by_label(&format!("1. {first}")).click();
    harness.run();
    retype(&mut harness, "Rule name", "");
    press(&mut harness, egui::Key::Tab);
    harness.get_by_label("⚠ rule name: must not be empty");
    retype(&mut harness, "Rule name", "Team meetings");
    press(&mut harness, egui::Key::Enter);
    assert_eq!(rules()[0].name, "Team meetings");
    undo(&mut harness);
    assert_eq!(rules()[0].name, first);
}

#[test]
fn no_button_saves_reverts_or_confirms_an_edit_on_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::settings_harness(&path);
    // Open a rule and a hiring profile too, where edit rows used to have their buttons.
    let first = harness.state().view().calendar_rules[0].name.clone();
    harness.get_by_label(&format!("1. {first}")).click();
    harness.run();
    harness.get_by_label("Time split");
    for label in
        ["Save", "Save targets", "Save quarter targets", "Revert", "OK", "Apply", "Save name", "Save item"]
    {
        assert!(
            harness.query_all_by_role_and_label(Role::Button, label).next().is_none(),
            "a button labelled {label} is on Settings"
        );
    }
    for part in ["Save", "Revert", "Discard"] {
        let found: Vec<String> = harness
            .query_all_by_role(Role::Button)
            .filter_map(|node| node.accesskit_node().label())
            .filter(|name| name.contains(part))
            .collect();
        assert!(found.is_empty(), "buttons naming {part}: {found:?}");
    }
}

/// The settings commands without a field of their own (moves, a quarter's targets, the fiscal
/// start, the calendar rules) are undone too, each back to what the database held before.
#[test]
fn every_settings_write_is_undone_to_what_it_was() {
    use leadline::import::rules::default_rules;
    use leadline::model::ListKind;
    use leadline::model::fiscal::FiscalQuarter;
    use leadline::model::split::Targets;
    use leadline::session::{Command, DevCommand};
    use leadline::store::{lists, skills};

    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut session = common::live_session(&path);
    let undone = |session: &mut leadline::session::Session, label: &str| {
        assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some(label));
        session.undo().expect("an undo").1.result.expect("applied");
    };

    let areas = lists::list(session.conn(), ListKind::SolutionArea).unwrap();
    common::apply(
        &mut session,
        Command::MoveListItem { kind: ListKind::SolutionArea, id: areas[0].id, up: false },
    );
    assert_ne!(lists::list(session.conn(), ListKind::SolutionArea).unwrap(), areas);
    undone(&mut session, &format!("move of {}", areas[0].name));
    assert_eq!(lists::list(session.conn(), ListKind::SolutionArea).unwrap(), areas);

    let quarter = FiscalQuarter::new(2027, 3).unwrap();
    let before = time::time_settings(session.conn()).unwrap();
    assert!(!before.overrides.contains_key(&quarter));
    let own = Targets { coaching_pct: 40, market_pct: 40, business_pct: 20, tolerance_pct: 5 };
    common::apply(&mut session, Command::SetQuarterTargets { quarter, targets: Some(own) });
    undone(&mut session, "change of the FY27 Q3 targets");
    assert_eq!(time::time_settings(session.conn()).unwrap(), before);

    common::apply(&mut session, Command::SetFiscalStartMonth(chrono::Month::January));
    undone(&mut session, "change of the fiscal year start");
    assert_eq!(time::time_settings(session.conn()).unwrap().start_month, before.start_month);

    let rules = calendar::rules(session.conn()).unwrap();
    assert_eq!(rules, default_rules(), "the demo keeps the shipped rules");
    common::apply(&mut session, Command::SaveCalendarRules(rules[1..].to_vec()));
    undone(&mut session, "change of the calendar rules");
    assert_eq!(calendar::rules(session.conn()).unwrap(), rules);

    let competencies = skills::competencies(session.conn()).unwrap();
    let last = competencies.last().unwrap();
    common::apply(&mut session, Command::Development(DevCommand::MoveCompetency { id: last.id, up: true }));
    undone(&mut session, &format!("move of {}", last.name));
    assert_eq!(skills::competencies(session.conn()).unwrap(), competencies);

    // A change that changes nothing offers no undo of its own.
    common::apply(&mut session, Command::SetDefaultTargets(before.default_targets));
    assert!(session.undo_step().is_none());
}

/// Ctrl+Z in a field with typing of its own undoes that typing (nothing saved is undone); in a
/// field with nothing typed (the one Tab moved to after a save) it undoes the saved setting.
#[test]
fn ctrl_z_undoes_the_typing_in_a_field_and_else_the_last_saved_setting() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::settings_harness(&path);
    let before = levels(&harness);
    let (first, second) = (before[0].clone(), before[1].clone());

    retype(&mut harness, &format!("Name of {first}"), "Graduate architect");
    press(&mut harness, egui::Key::Tab);
    assert_eq!(first_level(&harness), "Graduate architect");

    // Typed in another field, not left: Ctrl+Z takes back the typing, the save stays.
    let field = format!("Name of {second}");
    harness.get_by_role_and_label(Role::TextInput, &field).click();
    harness.run();
    harness.key_press(egui::Key::End);
    harness.get_by_role_and_label(Role::TextInput, &field).type_text(" II");
    harness.run();
    assert_eq!(shown(&harness, &field), format!("{second} II"));
    undo(&mut harness);
    assert_eq!(shown(&harness, &format!("Name of {second}")), second);
    assert_eq!(levels(&harness)[..2], ["Graduate architect".to_owned(), second.clone()]);

    // Tab on (nothing to save), then Ctrl+Z in the next field undoes the saved rename.
    press(&mut harness, egui::Key::Tab);
    assert!(harness.ctx.memory(|m| m.focused().is_some()), "a field after it has the keyboard");
    undo(&mut harness);
    assert_eq!(levels(&harness), before);
    assert_eq!(shown(&harness, &format!("Name of {first}")), first);
}

/// Opens the choice named `combo` and picks `entry` in the list hanging under it.
fn choose(harness: &mut App, combo: &str, entry: &str) {
    let rect = harness.get_by_role_and_label(Role::ComboBox, combo).rect();
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    harness
        .get_all_by_label(entry)
        .filter(|node| (node.rect().min.x - rect.min.x).abs() < 16.0 && node.rect().min.y > rect.max.y - 1.0)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("an entry of the open list")
        .click();
    harness.run();
    harness.run();
}

/// An onboarding template item changes between goal and talking point in its row, saved when
/// chosen, and Ctrl+Z puts it back.
#[test]
fn a_template_item_becomes_a_talking_point_or_a_goal_in_its_row() {
    use leadline::model::goal::GoalKind;
    use leadline::model::onboarding::ItemKind;
    use leadline::store::onboarding;

    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut harness = common::settings_harness(&path);
    let template = || onboarding::template(common::read_db(&path).conn()).unwrap();
    let before = template();
    assert_eq!((before[0].fields.kind, before[0].fields.day), (ItemKind::Goal, 30));
    assert_eq!(before[5].fields.kind, ItemKind::TalkingPoint);

    choose(&mut harness, "Type of template item 1", "Talking point");
    let first = &template()[0];
    assert_eq!((first.fields.kind, first.fields.day), (ItemKind::TalkingPoint, 0));
    assert_eq!(first.fields.text, before[0].fields.text);
    assert!(harness.query_by_label("Day of template item 1").is_none(), "a talking point has no day");

    undo(&mut harness);
    assert_eq!(template(), before);

    // A talking point made a goal is due on day 30.
    choose(&mut harness, "Type of template item 6", "Goal");
    let sixth = &template()[5];
    assert_eq!((sixth.fields.kind, sixth.fields.day), (ItemKind::Goal, 30));
    assert_eq!(sixth.fields.goal_kind, GoalKind::Other);
    assert_eq!(shown(&harness, "Day of template item 6"), "30");
}

/// A value typed in a Settings field and not left is saved when the app quits (Ctrl+Q or the
/// window's close button), in the frame that closes the window; a refused one is not.
#[test]
fn quitting_saves_a_settings_field_typed_in_and_not_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::settings_harness(&path);
    let first = first_level(&harness);
    retype(&mut harness, &format!("Name of {first}"), "Graduate architect");
    assert_eq!(first_level(&harness), first, "not saved yet: the test would prove nothing");
    assert!(common::asks_to_close(&common::press_ctrl_q(&mut harness)), "Ctrl+Q asks the window to close");
    assert_eq!(first_level(&harness), "Graduate architect");

    // The window's close button: eframe gives the app one frame with the close requested.
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::settings_harness(&path);
    let stalled = || goals::stalled_days(common::read_db(&path).conn()).unwrap();
    let before = stalled();
    retype(&mut harness, "Stalled after", &(before + 7).to_string());
    assert_eq!(stalled(), before);
    common::press_window_close(&mut harness);
    assert_eq!(stalled(), before + 7);
}

/// Deleting an unused level is undone: it comes back under its id, at its place in the ladder,
/// and on the requisition that named it (which kept no level meanwhile). An area an opportunity
/// uses is refused, naming the opportunity, and nothing is deleted.
#[test]
fn a_deleted_list_entry_comes_back_with_undo_and_an_area_in_use_by_an_opportunity_stays() {
    use leadline::model::requisition::RequisitionFields;
    use leadline::model::{ListItemId, ListKind};
    use leadline::session::{Command, Done, HiringCommand};
    use leadline::store::{lists, requisitions};

    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut session = common::live_session(&path);
    // The ladder in order, by id and name (a delete leaves a gap in the positions).
    let ladder_now = |session: &leadline::session::Session| -> Vec<(ListItemId, String)> {
        lists::list(session.conn(), ListKind::CareerLevel)
            .unwrap()
            .into_iter()
            .map(|i| (i.id, i.name))
            .collect()
    };
    let ladder = ladder_now(&session);
    // A level no architect holds or aims for, named by a new requisition: the middle of a
    // ladder made one entry longer.
    common::apply(&mut session, Command::AddListItem { kind: ListKind::CareerLevel, name: "Fellow".into() });
    let fellow = lists::list(session.conn(), ListKind::CareerLevel).unwrap().pop().unwrap();
    common::apply(
        &mut session,
        Command::MoveListItem { kind: ListKind::CareerLevel, id: fellow.id, up: true },
    );
    let with_fellow = ladder_now(&session);
    assert_eq!(with_fellow.len(), ladder.len() + 1);
    assert_eq!(with_fellow[ladder.len() - 1].1, "Fellow", "one place above the last");
    let fields = RequisitionFields {
        role: "Principal Architect, Security".into(),
        level: Some(fellow.id),
        opened_on: common::day(2026, 11, 2),
        ..RequisitionFields::default()
    };
    let Done::Hiring(done) =
        common::apply(&mut session, Command::Hiring(HiringCommand::AddRequisition(fields)))
    else {
        panic!("a requisition")
    };
    let requisition = done.requisition.expect("its id");

    common::apply(&mut session, Command::DeleteListItem { kind: ListKind::CareerLevel, id: fellow.id });
    assert_eq!(ladder_now(&session), ladder);
    assert_eq!(requisitions::get(session.conn(), requisition).unwrap().fields.level, None);
    assert_eq!(session.undo_step().map(|u| u.label.as_str()), Some("delete of Fellow"));
    session.undo().expect("an undo").1.result.expect("applied");
    assert_eq!(ladder_now(&session), with_fellow);
    assert_eq!(requisitions::get(session.conn(), requisition).unwrap().fields.level, Some(fellow.id));

    // The demo's one Business Applications architect moves to another area: the area is then
    // used only by the demo's two Business Applications wins.
    let areas = lists::list(session.conn(), ListKind::SolutionArea).unwrap();
    let area = areas.iter().find(|a| a.name == "Business Applications").expect("the demo's area").clone();
    for architect in leadline::store::architects::list(session.conn()).unwrap() {
        if architect.fields.solution_area == Some(area.id) {
            let fields =
                leadline::model::ArchitectFields { solution_area: Some(areas[0].id), ..architect.fields };
            common::apply(&mut session, Command::UpdateArchitect { id: architect.id, fields });
        }
    }
    assert!(lists::users(session.conn(), ListKind::SolutionArea, area.id).unwrap().is_empty());
    let message =
        common::refused(&mut session, Command::DeleteListItem { kind: ListKind::SolutionArea, id: area.id });
    assert!(
        message.contains(&format!("“{}” is the solution area of 2 opportunities", area.name)),
        "{message}"
    );
    assert_eq!(lists::list(session.conn(), ListKind::SolutionArea).unwrap(), areas);
}
