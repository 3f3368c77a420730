//! Full-text search over notes, talking points and action items: accents and case folded,
//! non-Latin scripts found, operator characters harmless, the index in step with every edit.

use crate::common;

use crate::common::{add_architect, apply, day, start};
use leadline::model::Cadence;
use leadline::model::one_on_one::{ActionFields, MeetingFields, Party, PointFields};
use leadline::model::search::{HitKind, snippet_markdown};
use leadline::session::{Command, Session};
use leadline::store::search;

fn found(store: &Session, query: &str) -> Vec<String> {
    let results = search::search(store.conn(), query, 50).unwrap_or_else(|e| panic!("{query:?}: {e}"));
    results.hits.iter().map(|h| snippet_markdown(&h.snippet)).collect()
}

/// A team with notes and items in several languages.
fn seeded(dir: &tempfile::TempDir) -> Session {
    let mut store = common::session(&common::db_in(dir));
    let mateo = add_architect(&mut store, "Mateo García", Cadence::Weekly);
    let kenji = add_architect(&mut store, "Kenji Watanabe", Cadence::Weekly);
    let m =
        start(&mut store, mateo, day(2026, 11, 19), &[("Résumé of the Zürich café workshop", Party::Them)]);
    apply(
        &mut store,
        Command::UpdateOneOnOne {
            id: m,
            fields: MeetingFields {
                held_on: day(2026, 11, 19),
                mood: None,
                notes: "## Fabrikam\n- Follow-up with Zoë Müller\n- Встреча с клиентом в Москве".into(),
            },
        },
    );
    apply(
        &mut store,
        Command::AddActionItem {
            meeting: m,
            fields: ActionFields {
                text: "Send the NEAR-term plan (v2) to \"Contoso\"".into(),
                owner: Party::Me,
                due_on: None,
            },
        },
    );
    let k = start(&mut store, kenji, day(2026, 11, 18), &[("来週の顧客ワークショップ", Party::Them)]);
    apply(
        &mut store,
        Command::UpdateOneOnOne {
            id: k,
            fields: MeetingFields {
                held_on: day(2026, 11, 18),
                mood: None,
                notes: "고객 미팅 준비 and ไทย ok".into(),
            },
        },
    );
    store
}

#[test]
fn accents_and_case_do_not_matter() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(&dir);
    assert_eq!(found(&store, "muller").len(), 1);
    assert_eq!(found(&store, "MÜLLER").len(), 1);
    assert_eq!(found(&store, "zoe"), found(&store, "Zoë"));
    assert_eq!(found(&store, "resume zurich cafe").len(), 1, "all words, in any order");
    assert!(
        found(&store, "zur")[0].contains("**Zürich**"),
        "a word's beginning finds it; the match is marked"
    );
}

#[test]
fn non_latin_scripts_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(&dir);
    assert_eq!(found(&store, "встреча").len(), 1, "Cyrillic, case-folded");
    assert_eq!(found(&store, "顧客").len(), 1, "Japanese inside a longer run of characters");
    assert_eq!(found(&store, "ワークショップ").len(), 1);
    assert!(
        found(&store, "顧客")[0].contains("来週の**顧客**ワークショップ"),
        "snippet without the spaces added for indexing"
    );
    assert_eq!(found(&store, "미팅").len(), 1, "Korean");
    assert!(found(&store, "会議").is_empty(), "characters that are not there are not found");
}

#[test]
fn operator_characters_and_odd_quotes_never_cause_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(&dir);
    for query in [
        "\"",
        "\"\"",
        "\"Contoso",
        "Contoso\"",
        "*",
        "**",
        "NEAR",
        "NEAR(",
        "NEAR(a b, 2)",
        "AND",
        "OR NOT",
        "a OR",
        "(",
        ")",
        "^start",
        "col:value",
        "{a b}",
        "-minus",
        "+plus",
        "'",
        "';DROP TABLE one_on_ones;--",
        "\\",
        "%",
        "_",
        "\0",
        "\u{E000}",
        "v2)",
        "near-term",
    ] {
        let results = search::search(store.conn(), query, 50);
        assert!(results.is_ok(), "{query:?} gave {results:?}");
    }
    // Operators are read as words.
    assert_eq!(found(&store, "NEAR").len(), 1, "NEAR is a word in the action item");
    assert_eq!(found(&store, "\"Contoso").len(), 1, "an unbalanced quote is ignored");
    assert_eq!(found(&store, "\"near-term plan\"").len(), 1, "balanced quotes make a phrase");
    assert!(found(&store, "\"plan near-term\"").is_empty(), "a phrase keeps its word order");
    let empty = search::search(store.conn(), "* ( )", 50).unwrap();
    assert!(empty.hits.is_empty());
    assert_eq!(empty.message.as_deref(), Some("“* ( )” has no letters or digits to search for."));
}

#[test]
fn results_name_the_architect_date_meeting_and_kind() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(&dir);
    let results = search::search(store.conn(), "workshop", 50).unwrap();
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert_eq!(hit.kind, HitKind::TalkingPoint);
    assert_eq!(hit.architect_name, "Mateo García");
    assert_eq!(hit.on, day(2026, 11, 19));
    assert!(hit.meeting_id.is_some());
    let notes = &search::search(store.conn(), "fabrikam", 50).unwrap().hits[0];
    assert_eq!(notes.kind, HitKind::Notes);
    assert_eq!(
        snippet_markdown(&notes.snippet),
        "**Fabrikam** · Follow-up with Zoë Müller · Встреча с клиентом в Москве"
    );
}

#[test]
fn edits_deletes_and_date_changes_keep_the_index_in_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = seeded(&dir);
    let hit = search::search(store.conn(), "workshop", 50).unwrap().hits.remove(0);
    let point = leadline::model::TalkingPointId(hit.item_id);
    let meeting = hit.meeting_id.unwrap();
    apply(
        &mut store,
        Command::UpdateTalkingPoint {
            id: point,
            fields: PointFields {
                text: "Hackathon in Lisbon".into(),
                raised_by: Party::Them,
                topic: String::new(),
            },
        },
    );
    assert!(found(&store, "workshop").is_empty());
    assert_eq!(found(&store, "lisbon").len(), 1);

    apply(
        &mut store,
        Command::UpdateOneOnOne {
            id: meeting,
            fields: MeetingFields { held_on: day(2026, 11, 20), mood: None, notes: "Only this now".into() },
        },
    );
    assert!(found(&store, "fabrikam").is_empty(), "old notes are gone from the index");
    let moved = search::search(store.conn(), "lisbon", 50).unwrap();
    assert_eq!(moved.hits[0].on, day(2026, 11, 20), "items follow their meeting's new date");

    apply(&mut store, Command::DeleteTalkingPoint(point));
    assert!(found(&store, "lisbon").is_empty());
    apply(&mut store, Command::DeleteOneOnOne(meeting));
    assert!(found(&store, "NEAR").is_empty(), "a deleted meeting's items leave the index");
    let (indexed, expected) = search::entry_counts(store.conn()).unwrap();
    assert_eq!(indexed, expected);
}

#[test]
fn an_import_rebuilds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeded(&dir);
    let document = leadline::store::transfer::export(store.conn()).unwrap();
    drop(store);
    let other = tempfile::tempdir().unwrap();
    let mut copy = common::session(&common::db_in(&other));
    copy.import_json(&document).unwrap();
    assert_eq!(found(&copy, "muller").len(), 1);
    assert_eq!(found(&copy, "顧客").len(), 1);
    let (indexed, expected) = search::entry_counts(copy.conn()).unwrap();
    assert_eq!(indexed, expected);
}

#[test]
fn an_index_folded_the_old_way_is_built_again_when_the_file_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    {
        let mut store = common::session(&path);
        let lukasz = add_architect(&mut store, "Łukasz Żółć", Cadence::Weekly);
        start(&mut store, lukasz, day(2026, 11, 19), &[("Call Łukasz's customer in Łódź", Party::Me)]);
    }
    // As the previous version left it: the text as written, folded only by SQLite (which
    // keeps `ł`), and no record of how it was folded.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE search_index SET body = 'Call Łukasz''s customer in Łódź'", []).unwrap();
        conn.execute("DELETE FROM settings WHERE key = 'search_index_fold'", []).unwrap();
        let missed: i64 = conn
            .query_row("SELECT count(*) FROM search_index WHERE search_index MATCH '\"lukasz\"*'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(missed, 0, "SQLite's own folding keeps the ł");
    }
    let store = common::session(&path);
    assert_eq!(found(&store, "lukasz lodz"), ["Call **Łukasz**'s customer in **Łódź**"]);
}
