//! The prep sheet and the one-on-one history as Markdown, for a known database, compared with
//! the files in `tests/expected/` (update them with `UPDATE_EXPECTED=1` after checking them).

use crate::common;

use leadline::store::{architects, one_on_ones, prep};

#[test]
fn the_prep_sheet_for_a_known_database_matches_the_expected_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let store = common::session(&path);
    let sheet = prep::sheet(store.conn(), "2026-W48".parse().unwrap(), common::today()).unwrap();
    common::check_expected("prep-2026-W48.md", &leadline::report::prep::markdown(&sheet));
}

#[test]
fn the_history_of_an_architect_matches_the_expected_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let store = common::session(&path);
    let lukas =
        architects::list(store.conn()).unwrap().into_iter().find(|a| a.name() == "Lukas Schneider").unwrap();
    let meetings = one_on_ones::with_agendas(store.conn(), lukas.id).unwrap();
    common::check_expected("history-lukas.md", &leadline::report::history::markdown(&lukas, &meetings));
}

#[test]
fn the_same_data_gives_the_same_prep_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let store = common::session(&path);
    let week = "2026-W48".parse().unwrap();
    let once = leadline::report::prep::markdown(&prep::sheet(store.conn(), week, common::today()).unwrap());
    let twice = leadline::report::prep::markdown(&prep::sheet(store.conn(), week, common::today()).unwrap());
    assert_eq!(once, twice);
    assert!(!once.contains("My week"), "no time split yet: the section is left out");
    assert!(
        !once.contains("### Goals") && !once.contains("### Certifications"),
        "empty sections are left out"
    );
}

#[test]
fn sections_from_the_development_plan_and_the_time_split_appear_once_filled() {
    use leadline::model::prep::{self as model_prep, CertAlert, Change, Development, GoalDue, WeekSplit};
    use leadline::model::split::{Category, Split, Targets};
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let store = common::session(&path);
    // What store::prep::fill_development and fill_week_split will provide after the merge.
    let mut inputs = prep::inputs(store.conn(), "2026-W48".parse().unwrap(), common::today()).unwrap();
    let lukas = inputs.architects.iter().find(|a| a.name == "Lukas Schneider").unwrap().id;
    inputs.development.insert(
        lukas,
        Development {
            goals: vec![GoalDue {
                description: "Lead the landing zone design".into(),
                target_on: Some(common::day(2026, 12, 15)),
                stalled: true,
            }],
            certs: vec![CertAlert {
                code: "AZ-305".into(),
                name: "Azure Solutions Architect Expert".into(),
                state: "expires in 20 days".into(),
                date: common::day(2026, 12, 18),
            }],
            changes: vec![Change { on: common::day(2026, 11, 20), text: "Earned AZ-104".into() }],
        },
    );
    let mut split = Split::default();
    split.add(Category::Coaching, 600);
    split.add(Category::Market, 300);
    split.add(Category::Business, 300);
    inputs.week_split = Some(WeekSplit { split, targets: Targets::default() });
    let markdown = leadline::report::prep::markdown(&model_prep::build(&inputs));

    assert!(markdown.contains("## My week\n\nCoaching 50 % (target 50 %)"), "{markdown}");
    assert!(
        markdown.contains("### Goals\n\n- Lead the landing zone design (stalled, due 2026-12-15)"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "### Certifications\n\n- AZ-305 Azure Solutions Architect Expert: expires in 20 days (2026-12-18)"
        ),
        "{markdown}"
    );
    assert!(markdown.contains("### Since last time\n\n- Fri 20 Nov: Earned AZ-104"), "{markdown}");
    assert!(
        markdown.contains("- Goal: Lead the landing zone design (stalled)"),
        "suggested for the agenda\n{markdown}"
    );
}

#[test]
fn the_prep_sheet_is_saved_where_the_file_dialog_says_and_cancel_saves_nothing() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let picker = common::FakePicker::default();
    let mut harness = common::harness_with_picker(&path, &picker);
    harness.get_by_label("Save the prep sheet").click();
    harness.run();

    // Cancelled: the form stays open, nothing is written.
    harness.get_by_label("Choose…").click();
    harness.run();
    harness.get_by_label("Save the prep sheet for 2026-W48");
    harness.get_by_label("No file chosen");
    let shown = picker.shown();
    assert_eq!(
        shown[0].kind,
        leadline::ui::PickKind::MarkdownFile { file_name: "leadline-prep-2026-W48.md".to_owned() },
        "the dialog proposes the name the field holds"
    );

    let chosen = dir.path().join("monday.md");
    picker.will_answer(Some(chosen.clone()));
    harness.get_by_label("Choose…").click();
    harness.run();
    assert!(harness.query_by_label("Save the prep sheet for 2026-W48").is_none(), "saved and closed");
    let written = std::fs::read_to_string(&chosen).unwrap();
    assert!(written.contains("2026-W48"), "{written}");
}

#[test]
fn the_history_is_saved_where_the_file_dialog_says() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let picker = common::FakePicker::default();
    let chosen = dir.path().join("lukas.md");
    picker.will_answer(Some(chosen.clone()));
    let mut harness = common::harness_with_picker(&path, &picker);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num3);
    harness.run();
    harness.get_by_label("Lukas Schneider").click();
    harness.run();
    harness.get_by_label("Save the history").click();
    harness.run();
    harness.get_by_label("Choose…").click();
    harness.run();
    let written = std::fs::read_to_string(&chosen).unwrap();
    assert!(written.contains("Lukas Schneider"), "{written}");
}
