//! The prep sheet and the one-on-one history as Markdown, for a known database, compared with
//! the files in `tests/expected/` (update them with `UPDATE_EXPECTED=1` after checking them).

mod common;

use leadline::store::{Store, architects, one_on_ones, prep};

#[test]
fn the_prep_sheet_for_a_known_database_matches_the_expected_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let store = Store::open(&path).unwrap();
    let sheet = prep::sheet(store.conn(), "2026-W48".parse().unwrap(), common::today()).unwrap();
    common::check_expected("prep-2026-W48.md", &leadline::report::prep::markdown(&sheet));
}

#[test]
fn the_history_of_an_architect_matches_the_expected_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let store = Store::open(&path).unwrap();
    let lukas =
        architects::list(store.conn()).unwrap().into_iter().find(|a| a.name() == "Lukas Schneider").unwrap();
    let meetings = one_on_ones::with_agendas(store.conn(), lukas.id).unwrap();
    common::check_expected("history-lukas.md", &leadline::report::history::markdown(&lukas, &meetings));
}

#[test]
fn the_same_data_gives_the_same_prep_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::known_db(&dir);
    let store = Store::open(&path).unwrap();
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
