//! Migration 0008 turns the architects' free-text accounts into account records: a database
//! written by the previous release opens (after a backup) and every architect still lists the
//! same accounts, in the same order, now as records the Business screen shares.

use crate::common;

use leadline::store::{Store, accounts, architects, migrations};

/// A copy of `tests/fixtures/business/accounts-v7.db` (written by the release before the
/// Business screen; see the README beside it) in a temporary folder.
fn previous_release_db(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/business/accounts-v7.db");
    let path = dir.path().join("leadline.db");
    std::fs::copy(&fixture, &path).expect("copy the fixture");
    path
}

#[test]
fn a_database_of_the_previous_release_keeps_every_architects_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let path = previous_release_db(&dir);
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        assert_eq!(migrations::version(&raw).unwrap(), 7, "the fixture is of the previous schema");
    }
    let store = Store::open(&path).expect("opens and migrates");
    assert!(store.migration_backup.is_some(), "a backup of the old version is taken first");
    let conn = store.conn();
    assert_eq!(migrations::version(conn).unwrap(), leadline::store::LATEST_VERSION);

    let team = architects::list(conn).unwrap();
    let accounts_of =
        |name: &str| team.iter().find(|a| a.name() == name).expect(name).fields.accounts.clone();
    // As written with `team add --accounts`, one per line, in order; the first spelling of a
    // name met is the account's (Amara wrote "Fabrikam Insurance" before Lukas's lower case).
    assert_eq!(accounts_of("Amara Okafor"), "Woodgrove Bank\nFabrikam Insurance");
    assert_eq!(accounts_of("Lukas Schneider"), "Fabrikam Insurance\nNorthwind Traders\nTrey Research");
    assert_eq!(
        accounts_of("Mateo García"),
        "Zoë Müller GmbH\nNorthwind Traders",
        "a repeat is one assignment"
    );
    assert_eq!(accounts_of("Noor Haddad"), "");
    assert_eq!(accounts_of("Priya Raman"), "Contoso Pharmaceuticals (EMEA)");

    let records = accounts::list(conn).unwrap();
    let names: Vec<&str> = records.iter().map(|a| a.fields.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Contoso Pharmaceuticals (EMEA)",
            "Fabrikam Insurance",
            "Northwind Traders",
            "Trey Research",
            "Woodgrove Bank",
            "Zoë Müller GmbH"
        ]
    );
    let northwind = records.iter().find(|a| a.fields.name == "Northwind Traders").unwrap();
    let lukas = team.iter().find(|a| a.name() == "Lukas Schneider").unwrap().id;
    let mateo = team.iter().find(|a| a.name() == "Mateo García").unwrap().id;
    assert_eq!(northwind.fields.architects, vec![lukas, mateo], "both who listed it");

    // Nothing else was touched: the time entries and their links are all there.
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |row| row.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM time_entries"), 2);
    assert_eq!(count("SELECT count(*) FROM time_entries WHERE architect_id IS NOT NULL"), 2);
    assert_eq!(
        count("SELECT count(*) FROM time_entries WHERE account_id IS NOT NULL OR initiative_id IS NOT NULL"),
        0
    );
    assert!(leadline::store::check::full_check(conn).unwrap().is_ok());
}

#[test]
fn free_text_in_every_shape_splits_into_the_same_accounts_the_team_screen_showed() {
    // A previous-schema database written in memory, with what the Team screen's text area
    // allowed: lines and commas mixed, blank lines, spaces and tabs, CRLF, case repeats.
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    migrations::migrate_to(&mut conn, 7).unwrap();
    let texts = [
        ("Ana", "Contoso, Fabrikam\n\nNorthwind \r\n\tAlpine Ski House\t"),
        ("Ben", " , contoso,,"),
        ("Cleo", "   "),
        ("Dev", "Fabrikam\nfabrikam\nFABRIKAM"),
    ];
    for (name, accounts) in texts {
        conn.execute(
            "INSERT INTO architects (name, accounts, created_at, updated_at) VALUES (?1, ?2, 't', 't')",
            [name, accounts],
        )
        .unwrap();
    }
    // What the Team screen listed before the migration, by the previous release's own rule.
    let before: Vec<Vec<String>> = texts
        .iter()
        .map(|(_, text)| {
            let fields =
                leadline::model::ArchitectFields { accounts: (*text).to_owned(), ..Default::default() };
            fields.account_list().into_iter().map(str::to_owned).collect()
        })
        .collect();
    migrations::migrate(&mut conn).unwrap();
    let team = architects::list(&conn).unwrap();
    for ((name, _), expected) in texts.iter().zip(before) {
        let after = team.iter().find(|a| a.name() == *name).unwrap().fields.account_list();
        let mut seen: Vec<String> = Vec::new();
        for account in expected {
            // Repeats in other cases are one account, spelled as it was first met.
            if !seen.iter().any(|s| s.eq_ignore_ascii_case(&account)) {
                seen.push(account);
            }
        }
        let lower = |list: Vec<String>| list.into_iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        assert_eq!(lower(after.iter().map(|s| (*s).to_owned()).collect()), lower(seen), "{name}");
    }
    assert_eq!(team.iter().find(|a| a.name() == "Ben").unwrap().fields.accounts, "Contoso");
    let count: i64 = conn.query_row("SELECT count(*) FROM accounts", [], |row| row.get(0)).unwrap();
    assert_eq!(count, 4, "Contoso, Fabrikam, Northwind, Alpine Ski House");
}

#[test]
fn editing_an_architects_accounts_on_the_team_screen_writes_account_records() {
    use leadline::model::ArchitectFields;
    use leadline::session::{Command, Done};
    let dir = tempfile::tempdir().unwrap();
    let mut session = common::session(&common::db_in(&dir));
    let fields =
        ArchitectFields { name: "Ana".into(), accounts: "Contoso\nFabrikam".into(), ..Default::default() };
    let Done::ArchitectAdded(ana) = common::apply(&mut session, Command::AddArchitect(fields.clone())) else {
        panic!()
    };
    let names = |session: &leadline::session::Session| -> Vec<String> {
        accounts::list(session.conn()).unwrap().into_iter().map(|a| a.fields.name).collect()
    };
    assert_eq!(names(&session), ["Contoso", "Fabrikam"]);
    // Fabrikam dropped, Woodgrove added: Fabrikam stays an account, without Ana.
    let edited = ArchitectFields { accounts: "Woodgrove, Contoso".into(), ..fields };
    common::apply(&mut session, Command::UpdateArchitect { id: ana, fields: edited });
    assert_eq!(names(&session), ["Contoso", "Fabrikam", "Woodgrove"]);
    assert_eq!(architects::get(session.conn(), ana).unwrap().fields.accounts, "Woodgrove\nContoso");
    let fabrikam =
        accounts::list(session.conn()).unwrap().into_iter().find(|a| a.fields.name == "Fabrikam").unwrap();
    assert!(fabrikam.fields.architects.is_empty());
    // Deleting Ana takes her assignments with her (they are part of her profile).
    common::apply(&mut session, Command::DeleteArchitect(ana));
    assert!(accounts::list(session.conn()).unwrap().iter().all(|a| a.fields.architects.is_empty()));
}
