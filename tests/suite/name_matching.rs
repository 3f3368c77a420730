//! One list of names, three ways to find them: the command line's name lookup (`team show`),
//! the Time row's architect field, and search. Each name is typed as a plain keyboard would
//! (no accents, other case, Greek and Cyrillic in Latin letters), and all three must find the
//! same person: they share one fold (`model::text::fold_for_match`).

use crate::common;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use leadline::model::Cadence;
use leadline::model::one_on_one::MeetingFields;
use leadline::model::search::snippet_markdown;
use leadline::session::Command;

/// (as written, as typed). The typed forms are spelt out here, not computed.
const NAMES: [(&str, &str); 11] = [
    ("Antonín Dvořák", "antonin dvorak"),
    ("Łucja Wróblewska", "LUCJA WROBLEWSKA"),
    ("Şükrü Işıklı", "sukru isikli"),
    ("Ștefan Țurcanu", "stefan turcanu"),
    ("Nguyễn Thị Đức", "nguyen thi duc"),
    ("Jürgen Großmann", "jurgen grossmann"),
    ("Søren Ærø", "soren aero"),
    ("Þórunn Guðmundsdóttir", "thorunn gudmundsdottir"),
    ("Åsa Öberg", "asa oberg"),
    ("Γιώργος Παπαδόπουλος", "giorgos papadopoulos"),
    ("Дмитрий Соколов", "dmitrii sokolov"),
];

/// The team of [`NAMES`], each with a one-on-one whose notes name them.
fn team(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = common::db_in(dir);
    let mut session = common::session(&path);
    common::apply(&mut session, Command::FinishOnboarding);
    for (written, _) in NAMES {
        let id = common::add_architect(&mut session, written, Cadence::Weekly);
        let meeting = common::start(&mut session, id, common::day(2026, 11, 19), &[]);
        let notes = format!("- Pilot review with {written}: next steps agreed");
        common::apply(
            &mut session,
            Command::UpdateOneOnOne {
                id: meeting,
                fields: MeetingFields { held_on: common::day(2026, 11, 19), mood: None, notes },
            },
        );
    }
    path
}

#[test]
fn the_command_line_finds_each_name_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = team(&dir);
    for (written, typed) in NAMES {
        let shown = common::leadline_ok(&db, &["team", "show", typed, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(json["name"], written, "team show {typed:?}");
        // The last name alone, too.
        let last = typed.rsplit(' ').next().unwrap();
        let shown = common::leadline_ok(&db, &["team", "show", last, "--format", "json"]);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&shown).unwrap()["name"], written);
    }
    let nobody = common::leadline(&db, &["team", "show", "Zed Zimmer"]);
    assert!(!nobody.status.success());
}

#[test]
fn search_finds_each_name_as_typed_and_marks_it_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = team(&dir);
    for (written, typed) in NAMES {
        let out = common::leadline_ok(&db, &["search", typed, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let hits = json["hits"].as_array().unwrap();
        assert_eq!(hits.len(), 1, "search {typed:?}: {out}");
        assert_eq!(hits[0]["architect"], written);
        let (first, last) = written.rsplit_once(' ').unwrap();
        let first = first.rsplit(' ').next().unwrap();
        let snippet = hits[0]["snippet"].as_str().unwrap();
        assert!(snippet.contains(&format!("**{first}** **{last}**")), "{typed:?}: {snippet}");
    }
    // The store's own search (the app's search box) gives the same answer.
    let session = common::session(&db);
    for (written, typed) in NAMES {
        let results = leadline::store::search::search(session.conn(), typed, 10).unwrap();
        let names: Vec<&str> = results.hits.iter().map(|h| h.architect_name.as_str()).collect();
        assert_eq!(names, [written], "{typed:?}");
        assert!(snippet_markdown(&results.hits[0].snippet).contains(written.split(' ').next().unwrap()));
    }
}

fn entries(conn: &rusqlite::Connection) -> Vec<leadline::model::time_entry::TimeEntry> {
    let day = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    leadline::store::time::list_between(conn, day(2000), day(2100)).unwrap()
}

#[test]
fn the_time_rows_architect_field_links_each_name_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = team(&dir);
    let expected: Vec<i64> = {
        let session = common::session(&db);
        let all = leadline::store::architects::list(session.conn()).unwrap();
        NAMES.iter().map(|(written, _)| all.iter().find(|a| a.name() == *written).unwrap().id.0).collect()
    };
    let mut harness = common::harness_any_script(&db);
    // The one-on-ones logged their own time; only what is typed below is looked at.
    let before = entries(common::app_db(&harness)).iter().map(|e| e.id.0).max().unwrap_or(0);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num4);
    harness.run();
    let retype =
        |harness: &mut egui_kittest::Harness<'_, leadline::app::LeadlineApp>, field: &str, text: &str| {
            harness.get_by_role_and_label(Role::TextInput, field).focus();
            harness.run();
            harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
            harness.key_press(Key::Backspace);
            harness.run();
            harness.event(egui::Event::Text(text.to_owned()));
            harness.run();
        };
    for (written, typed) in NAMES {
        retype(&mut harness, "Duration", "15");
        retype(&mut harness, "Architect", typed);
        harness.get_by_label_contains(&format!("with {written}"));
        harness.key_press(Key::Enter);
        harness.run();
    }
    let mut typed = entries(common::app_db(&harness));
    typed.retain(|e| e.id.0 > before);
    typed.sort_by_key(|e| e.id.0);
    let linked: Vec<i64> = typed.iter().map(|e| e.fields.architect.map_or(0, |a| a.0)).collect();
    assert_eq!(linked, expected, "each entry linked to the person typed");
}
