//! The prep sheet and the one-on-one history as Markdown, for a known database, compared with
//! the files in `tests/expected/` (update them with `UPDATE_EXPECTED=1` after checking them).

use crate::common;

use leadline::store::{agenda, architects, one_on_ones, prep};

#[test]
fn the_prep_sheet_for_a_known_database_matches_the_expected_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let store = common::session(&path);
    let sheet = prep::sheet(store.conn(), "2026-W48".parse().unwrap(), common::today()).unwrap();
    // With the manager's own open actions after the cards, as the app and `report prep` write it.
    let team = architects::list(store.conn()).unwrap();
    let mine = agenda::my_open_actions(store.conn(), common::today()).unwrap();
    let text = leadline::report::prep::markdown_with_actions(&sheet, &mine, |action| {
        team.iter().find(|a| a.id == action.architect_id).unwrap().name().to_owned()
    });
    common::check_expected("prep-2026-W48.md", &text);
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
fn the_prep_sheet_depends_on_the_records_only_not_on_the_file_or_when_they_were_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let week = "2026-W48".parse().unwrap();
    let original = common::session(&path);
    // The same records in another file, written at another moment (new timestamps).
    let export: serde_json::Value = serde_json::from_str(&original.export_json().unwrap()).unwrap();
    drop(original);
    let other = tempfile::tempdir().unwrap();
    let mut copy = common::session(&common::db_in(&other));
    copy.import_json(&export).unwrap();
    // The copy's sheet is the one checked by hand in tests/expected/, not merely the same as
    // what the original file gives today.
    let team = architects::list(copy.conn()).unwrap();
    let mine = agenda::my_open_actions(copy.conn(), common::today()).unwrap();
    let sheet = prep::sheet(copy.conn(), week, common::today()).unwrap();
    let with_actions = leadline::report::prep::markdown_with_actions(&sheet, &mine, |action| {
        team.iter().find(|a| a.id == action.architect_id).unwrap().name().to_owned()
    });
    common::check_expected("prep-2026-W48.md", &with_actions);
    let once = leadline::report::prep::markdown(&sheet);
    // No time was logged by hand: the week's held one-on-ones logged theirs, all coaching.
    assert!(once.contains("## My week\n\nCoaching 100 % (target 50 %)"), "{once}");
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
                overdue_days: None,
                on_agenda_since: None,
            }],
            certs: vec![CertAlert {
                code: "AZ-305".into(),
                name: "Microsoft Certified: Azure Solutions Architect Expert".into(),
                state: "expires in 20 days".into(),
                date: common::day(2026, 12, 18),
                on_agenda_since: None,
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
        markdown.contains("### Goals\n\n- Lead the landing zone design (stalled · due Tue 15 Dec)"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "### Certifications\n\n- AZ-305 Azure Solutions Architect Expert (expires in 20 days · Fri 18 Dec)"
        ),
        "the short name, not \"Microsoft Certified: …\"\n{markdown}"
    );
    assert!(markdown.contains("### Since last time\n\n- Fri 20 Nov: Earned AZ-104"), "{markdown}");
    // The goal is on the card once: starting the meeting adds it to the agenda, but it is not
    // listed again under the suggestions.
    assert_eq!(markdown.matches("Lead the landing zone design").count(), 1, "{markdown}");
    assert!(!markdown.contains("Goal: Lead"), "{markdown}");
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

    // Next time, Save… proposes the folder it was saved to, not the database's or Documents.
    let folder = tempfile::tempdir().unwrap();
    picker.will_answer(Some(folder.path().join("next.md")));
    harness.get_by_label("Save the prep sheet").click();
    harness.run();
    harness.get_by_label("Choose…").click();
    harness.run();
    harness.get_by_label("Save the prep sheet").click();
    harness.run();
    harness.get_by_label("Choose…").click();
    harness.run();
    let asked = picker.shown();
    assert_eq!(asked.last().unwrap().start_in.as_deref(), Some(folder.path()), "{asked:?}");
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

/// Notes as they arrive when pasted from `OneNote`: nested bullets (four spaces a level), a
/// table, links, checkboxes at two depths, inline code and a nested quote.
const PASTED_NOTES: &str = "Contoso – weekly sync\n\
- Pilot status\n    \
    - AKS cluster **live** in West Europe\n    \
    - Latency *still* above target: see [the dashboard](https://contoso.example/dash)\n        \
        - [ ] Ask Ana for the `az monitor` export\n\
- Risks\n    \
    - [x] Budget approved\n    \
    - [ ] Security review by [4 Dec](https://contoso.example/review)\n\
\n\
| Workstream | Owner | Status |\n\
|---|---|---|\n\
| Landing zone | Ana | done |\n\
| Data platform | Lukas | at risk |\n\
\n\
> Customer: \"we need this by Q1\"\n\
> > forwarded from the CTO\n";

pub fn with_pasted_notes(dir: &tempfile::TempDir) -> (std::path::PathBuf, leadline::model::ArchitectId) {
    use leadline::model::Cadence;
    use leadline::model::one_on_one::MeetingFields;
    use leadline::session::Command;
    let path = common::db_in(dir);
    let mut session = common::session(&path);
    let ana = common::add_architect(&mut session, "Ana López", Cadence::Weekly);
    let held_on = common::day(2026, 11, 19);
    let meeting = common::start(&mut session, ana, held_on, &[]);
    let fields = MeetingFields { held_on, mood: Some(4), notes: PASTED_NOTES.to_owned() };
    common::apply(&mut session, Command::UpdateOneOnOne { id: meeting, fields });
    (path, ana)
}

#[test]
fn notes_pasted_from_onenote_give_the_expected_prep_sheet_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ana) = with_pasted_notes(&dir);
    let store = common::session(&path);
    let sheet = prep::sheet(store.conn(), "2026-W48".parse().unwrap(), common::today()).unwrap();
    let text = leadline::report::prep::markdown(&sheet);
    // The gist skips the table and the checkboxes and drops the link addresses; both open
    // checkboxes are found, at either depth, as typed.
    common::check_expected("prep-pasted-notes.md", &text);
    let architect = architects::list(store.conn()).unwrap().into_iter().find(|a| a.id == ana).unwrap();
    let meetings = one_on_ones::with_agendas(store.conn(), ana).unwrap();
    common::check_expected(
        "history-pasted-notes.md",
        &leadline::report::history::markdown(&architect, &meetings),
    );
}

#[test]
fn pasted_notes_survive_export_and_import_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ana) = with_pasted_notes(&dir);
    let original = common::session(&path);
    let stored = one_on_ones::with_agendas(original.conn(), ana).unwrap()[0].0.fields.notes.clone();
    // (Saving trims the whitespace after the last line; nothing else is touched.)
    assert_eq!(stored, PASTED_NOTES.trim_end(), "stored as typed");
    let export: serde_json::Value = serde_json::from_str(&original.export_json().unwrap()).unwrap();
    drop(original);
    let other = tempfile::tempdir().unwrap();
    let mut copy = common::session(&common::db_in(&other));
    copy.import_json(&export).unwrap();
    let meetings = one_on_ones::with_agendas(copy.conn(), ana).unwrap();
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].0.fields.notes, stored, "byte for byte");
}
