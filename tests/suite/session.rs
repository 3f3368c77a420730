//! The one door for every write: each form hears the answer to what it sent and nothing else, a
//! refused command keeps the other commands' writes, the command line and the app import a
//! calendar through the same function, and a write refreshes the view as a full read would.

use crate::common;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use leadline::model::one_on_one::{Party, PointFields};
use leadline::model::split::Category;
use leadline::model::time_entry::TimeEntryFields;
use leadline::model::{ArchitectFields, ListKind};
use leadline::session::{Command, DevCommand, Done, Origin, Selection, Sent, ViewModel};
use leadline::store::{goals, lists, one_on_ones};

#[test]
fn each_command_is_answered_to_its_sender_and_a_refused_one_undoes_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut session = common::live_session(&path);
    let taken = lists::list(session.conn(), ListKind::CareerLevel).unwrap()[0].name.clone();
    let ladder = Origin::new("ladder");
    let row = Origin::new("time row");
    let editor = Origin::new("architect editor");

    let answers = session.apply(vec![
        Sent { origin: ladder, command: Command::AddListItem { kind: ListKind::CareerLevel, name: taken } },
        Sent {
            origin: row,
            command: Command::AddTimeEntry(TimeEntryFields::manual(
                common::today(),
                45,
                Category::Market,
                "Envisioning workshop",
            )),
        },
        Sent { origin: editor, command: Command::AddArchitect(ArchitectFields::default()) },
    ]);

    let origins: Vec<Origin> = answers.iter().map(|a| a.origin).collect();
    assert_eq!(origins, [ladder, row, editor], "one answer per command, to its own sender");
    let ladder_error = answers[0].result.as_ref().unwrap_err().to_string();
    assert!(ladder_error.contains("there is already a career level called"), "{ladder_error}");
    assert!(matches!(answers[1].result, Ok(Done::TimeEntryAdded(_))));
    let editor_error = answers[2].result.as_ref().unwrap_err().to_string();
    assert!(editor_error.starts_with("name:"), "{editor_error}");
    assert!(answers[0].changes.is_empty() && answers[2].changes.is_empty(), "a refusal changes nothing");
    assert!(answers[1].changes.time_days.contains(&common::today()));

    // The entry sent between two refusals is saved, and shown.
    let saved: i64 = session
        .conn()
        .query_row("SELECT count(*) FROM time_entries WHERE description = 'Envisioning workshop'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(saved, 1);
    assert!(session.view().time.week_entries.iter().any(|e| e.fields.description == "Envisioning workshop"));
}

#[test]
fn a_refusal_shows_in_the_form_that_sent_it_and_not_in_the_form_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num7);
    harness.run();
    let taken = harness.state().view().levels[0].name.clone();

    // Both lists of the Settings screen send in the same frame, as two quick clicks would.
    let app = harness.state_mut();
    app.send(
        leadline::ui::settings::list_origin(ListKind::CareerLevel),
        Command::AddListItem { kind: ListKind::CareerLevel, name: taken.clone() },
    );
    app.send(
        leadline::ui::settings::list_origin(ListKind::SolutionArea),
        Command::AddListItem { kind: ListKind::SolutionArea, name: "Sovereign cloud".into() },
    );
    harness.run();

    let message = format!("there is already a career level called “{taken}”");
    let shown: Vec<_> = harness.get_all_by_label_contains(&message).collect();
    assert_eq!(shown.len(), 1, "shown once");
    // Under the career ladder, the left column; the solution areas are the right one.
    let areas_column = harness.get_by_role_and_label(Role::TextInput, "New solution area").rect().min.x;
    assert!(shown[0].rect().max.x <= areas_column, "the refusal is under the ladder: {:?}", shown[0].rect());
    assert!(harness.state().shell().toasts.texts().is_empty(), "and nowhere else");
    harness.get_by_role_and_label(Role::TextInput, "Name of Sovereign cloud");
    let areas = lists::list(common::app_db(&harness), ListKind::SolutionArea).unwrap();
    assert!(areas.iter().any(|a| a.name == "Sovereign cloud"), "the other form's write is kept");
}

/// Every time entry a calendar import wrote, without ids and timestamps, in a stable order.
fn imported_rows(path: &Path) -> Vec<String> {
    let db = common::read_db(path);
    let mut statement = db
        .conn()
        .prepare(
            "SELECT entry_date, start_time, minutes, category, description, event_uid, recurrence_id, \
             architect_id, calendar FROM time_entries WHERE source = 'calendar' \
             ORDER BY entry_date, start_time, event_uid",
        )
        .unwrap();
    statement
        .query_map([], |row| {
            let cells: Vec<String> = (0..9)
                .map(|i| row.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                .collect::<Result<_, _>>()?;
            Ok(cells.join(" | "))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

const WEEK_OF_MEETINGS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Session//EN\r\n\
X-WR-CALNAME:Work\r\n\
BEGIN:VEVENT\r\nUID:one-on-one\r\nDTSTART:20261116T090000Z\r\nDTEND:20261116T093000Z\r\n\
RRULE:FREQ=WEEKLY;COUNT=2\r\nSUMMARY:1:1 with Amara\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:interview\r\nDTSTART:20261118T140000Z\r\nDTEND:20261118T150000Z\r\n\
SUMMARY:Interview loop: cloud architect\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:focus\r\nDTSTART:20261119T080000Z\r\nDTEND:20261119T120000Z\r\n\
SUMMARY:Focus time\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn the_command_line_and_the_app_import_a_calendar_into_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("work.ics");
    std::fs::write(&file, WEEK_OF_MEETINGS).unwrap();
    let by_cli = tempfile::tempdir().unwrap();
    let by_app = tempfile::tempdir().unwrap();
    let (cli_db, app_db) = (common::empty_db(&by_cli), common::empty_db(&by_app));

    let file_arg = file.display().to_string();
    common::leadline_ok(
        &cli_db,
        &["import", "ics", &file_arg, "--from", "2026-11-16", "--to", "2026-11-29", "--zone", "UTC"],
    );

    let mut harness = common::harness(&app_db);
    common::drop_file(&mut harness, file.clone());
    for (label, date) in [("From", "2026-11-16"), ("To", "2026-11-29")] {
        harness.get_by_role_and_label(Role::TextInput, label).click();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.event(egui::Event::Text(date.to_owned()));
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    harness.get_by_label("Update preview").click();
    harness.run();
    harness.get_by_label("Import 3 entries").click();
    harness.run();
    drop(harness);

    let (cli_rows, app_rows) = (imported_rows(&cli_db), imported_rows(&app_db));
    assert_eq!(cli_rows.len(), 3, "two one-on-ones and the interview; focus time is ignored: {cli_rows:#?}");
    assert!(cli_rows[0].contains("\"coaching\""), "{cli_rows:#?}");
    assert_eq!(cli_rows, app_rows);
}

/// The parts of the view a write can change, as text that two reads can be compared by.
fn comparable(view: &ViewModel) -> Vec<String> {
    let mut people: Vec<_> = view.development.people.iter().collect();
    people.sort_by_key(|(id, _)| **id);
    let mut last_held: Vec<_> = view.last_held.iter().collect();
    last_held.sort();
    vec![
        format!("{:?}", view.architects),
        format!("{:?}", view.time.week),
        format!("{:?}", view.time.quarter),
        format!("{:?}", view.time.this_week),
        format!("{:?}", view.time.week_entries),
        format!("{:?}", view.prep),
        format!("{people:?}"),
        format!("{:?}", view.development.heatmap),
        format!("{:?}", view.development.attention),
        format!("{:?}", view.development.expiring),
        format!("{last_held:?}"),
        format!("{:?}", view.meeting),
        format!("{:?}", view.history),
        format!("{:?}", view.search),
        format!("{:?}", view.time.coaching_by_architect),
        format!("{:?}", view.time.today_minutes),
        format!("{:?}", view.business.scorecards),
        format!("{:?}", view.my_actions),
    ]
}

/// Compares the session's view with a whole new read after `command`.
fn apply_and_compare(session: &mut leadline::session::Session, selection: &Selection, command: Command) {
    let description = format!("{command:?}");
    common::apply(session, command);
    let fresh = ViewModel::load_with(session.store(), common::today(), None, selection).unwrap();
    let (refreshed, read) = (comparable(session.view()), comparable(&fresh));
    for (part, (a, b)) in refreshed.iter().zip(&read).enumerate() {
        assert_eq!(a, b, "after {description}, part {part} of the view differs from a new read");
    }
}

/// A meeting's life touches the coaching time it logs, the cadence of the scorecards and the
/// prep card: held, ticked, lengthened, moved to another day and deleted, the view read again
/// only in part must equal a whole new read every time.
#[test]
fn a_meetings_life_refreshes_time_cadence_and_cards_as_a_whole_new_read_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut session = common::live_session(&path);
    let architect = session.view().architects[1].id;
    let on = common::today();
    let meeting = common::start(&mut session, architect, on, &[("Promotion case", Party::Me)]);
    let selection = Selection { architect: Some(architect), meeting: Some(meeting), ..Selection::default() };
    session.select(&selection).unwrap();
    let point = leadline::store::agenda::agenda_of(
        session.conn(),
        &one_on_ones::get(session.conn(), meeting).unwrap(),
    )
    .unwrap()
    .points[0]
        .0
        .id;
    let fields =
        leadline::model::one_on_one::MeetingFields { held_on: on, mood: Some(4), notes: "Held".into() };
    let moved = on.pred_opt().unwrap().pred_opt().unwrap();

    // Ticked while only started: the tick holds it, which logs its time.
    apply_and_compare(&mut session, &selection, Command::SetDiscussed { id: point, meeting: Some(meeting) });
    assert!(one_on_ones::get(session.conn(), meeting).unwrap().held);
    apply_and_compare(&mut session, &selection, Command::SetDiscussed { id: point, meeting: None });
    apply_and_compare(
        &mut session,
        &selection,
        Command::UpdateOneOnOne { id: meeting, fields: fields.clone() },
    );
    apply_and_compare(&mut session, &selection, Command::SetMeetingLength { id: meeting, minutes: Some(50) });
    apply_and_compare(
        &mut session,
        &selection,
        Command::UpdateOneOnOne {
            id: meeting,
            fields: leadline::model::one_on_one::MeetingFields { held_on: moved, ..fields },
        },
    );
    apply_and_compare(&mut session, &selection, Command::DeleteOneOnOne(meeting));
}

#[test]
fn after_each_kind_of_write_the_refreshed_view_equals_a_whole_new_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut session = common::live_session(&path);
    let architect = session.view().architects[0].id;
    let meeting = one_on_ones::history(session.conn(), architect).unwrap()[0].meeting.id;
    let selection = Selection {
        architect: Some(architect),
        meeting: Some(meeting),
        query: "customer".into(),
        ..Selection::default()
    };
    session.select(&selection).unwrap();
    let goal = goals::list_of(session.conn(), architect).unwrap()[0].id;
    let point = PointFields {
        text: "Customer reference for the summit".into(),
        raised_by: Party::Them,
        topic: String::new(),
    };

    let writes = [
        Command::AddTimeEntry(TimeEntryFields::manual(
            common::today(),
            60,
            Category::Business,
            "Forecast call",
        )),
        Command::AddTalkingPoint { meeting, fields: point },
        Command::Development(DevCommand::RecordGoalProgress {
            id: goal,
            progress_pct: 55,
            on: common::today(),
        }),
        Command::AddListItem { kind: ListKind::SolutionArea, name: "Sovereign cloud".into() },
        Command::SetDefaultTargets(leadline::model::split::Targets::default()),
    ];
    for command in writes {
        let description = format!("{command:?}");
        common::apply(&mut session, command);
        let fresh = ViewModel::load_with(session.store(), common::today(), None, &selection).unwrap();
        let (refreshed, read) = (comparable(session.view()), comparable(&fresh));
        for (part, (a, b)) in refreshed.iter().zip(&read).enumerate() {
            assert_eq!(a, b, "after {description}, part {part} of the view differs from a new read");
        }
    }
}
