//! CSV import of opportunities and milestones (a CRM export) from the command line and the
//! session: the preview before anything is written, the commit (all or nothing, after a
//! backup), a re-import that updates by CRM id and never duplicates, and every bad case named
//! by row and field with nothing saved.

use crate::common::{self, leadline, leadline_ok, stderr, stdout};

use leadline::import::business_csv::{CsvKind, RowChange, parse_mapping};
use leadline::session::{BusinessCommand, Command};

const OPPORTUNITIES: &str = "\
Opportunity ID,Customer,Name,Sales Stage,Est. Monthly ACR,Status,Close Date,Architects,Probability
OPP-10,Contoso,Contoso data platform,4,\"12,500\",won,2026-10-05,Ana López,100%
OPP-11,Litware,Litware SaaS,2,9k,open,,,40%
OPP-12,Contoso,Contoso VDI,3,3000,lost,2026-11-01,,0%
";

const MAP: [&str; 8] = [
    "--map",
    "crm_id=Opportunity ID",
    "--map",
    "account=Customer",
    "--map",
    "title=Name",
    "--map",
    "stage=Sales Stage",
];

fn args<'a>(file: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["import", "csv", file, "--kind", "opportunities"];
    all.extend_from_slice(&MAP);
    all.extend_from_slice(&[
        "--map",
        "monthly_acr=Est. Monthly ACR",
        "--map",
        "closed_on=Close Date",
        "--ignore-extra-columns",
    ]);
    all.extend_from_slice(extra);
    all
}

fn db_with_team(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = common::db_in(dir);
    let mut s = common::session(&path);
    let fields = leadline::model::ArchitectFields {
        name: "Ana López".into(),
        accounts: "Contoso".into(),
        ..Default::default()
    };
    common::apply(&mut s, Command::AddArchitect(fields));
    path
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_preview_names_every_row_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_team(&dir);
    let file = write(&dir, "opps.csv", OPPORTUNITIES);
    // "lost" needs its reason: the export has none, so the import says which row.
    let out = leadline(&db, &args(&file, &["--dry-run"]));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("row 4, lost_reason: say why it was lost"), "{}", stderr(&out));
    let file = write(
        &dir,
        "opps.csv",
        &OPPORTUNITIES.replace(
            "OPP-12,Contoso,Contoso VDI,3,3000,lost,2026-11-01,,0%",
            "OPP-12,Contoso,Contoso VDI,3,3000,open,,,0%",
        ),
    );
    let out = leadline_ok(&db, &args(&file, &["--dry-run"]));
    assert!(out.starts_with("3 rows: 3 new, 0 changed, 0 unchanged\n"), "{out}");
    assert!(out.contains("New accounts: Litware\n"), "{out}");
    assert!(
        out.contains("Columns left out: Probability\n"),
        "status and architects are named like their fields: {out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with('2')
            && l.contains("OPP-10")
            && l.contains("Contoso data platform")
            && l.contains("new")),
        "{out}"
    );
    let s = common::session(&db);
    assert_eq!(common::count(&s, "opportunities"), 0, "a dry run writes nothing");
    assert_eq!(common::count(&s, "accounts"), 1);
}

#[test]
fn a_commit_writes_everything_and_a_re_import_updates_by_crm_id() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_team(&dir);
    let csv = "crm_id,account,title,stage,monthly_acr,status,closed_on,architects\n\
               OPP-10,Contoso,Contoso data platform,4,12500,won,2026-10-05,Ana López\n\
               OPP-11,Litware,Litware SaaS,2,9k,open,,\n";
    let file = write(&dir, "opps.csv", csv);
    let out = leadline_ok(&db, &["import", "csv", &file, "--kind", "opportunities"]);
    assert!(
        out.contains(
            "Imported 2 new and 0 changed opportunities (1 new accounts) (a backup was taken first)"
        ),
        "{out}"
    );
    let wins = leadline_ok(&db, &["wins", "list", "--status", "all", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&wins).unwrap();
    let data = list.as_array().unwrap().iter().find(|w| w["crm_id"] == "OPP-10").unwrap();
    assert_eq!(
        (data["account"].as_str(), data["monthly_acr"].as_i64(), data["architects"].as_str()),
        (Some("Contoso"), Some(12_500), Some("Ana López"))
    );
    assert_eq!(data["closed_on"], "2026-10-05");
    assert!(std::fs::read_dir(dir.path().join("backups")).unwrap().count() >= 1, "a backup first");

    // The same file again: nothing changes, nothing is added.
    let again = leadline_ok(&db, &["import", "csv", &file, "--kind", "opportunities"]);
    assert!(again.starts_with("2 rows: 0 new, 0 changed, 2 unchanged"), "{again}");
    assert!(again.contains("Nothing to import"), "{again}");
    // A changed stage and amount update the record in place.
    let changed = csv.replace("OPP-11,Litware,Litware SaaS,2,9k", "OPP-11,Litware,Litware SaaS,3,11k");
    let file = write(&dir, "opps.csv", &changed);
    let out = leadline_ok(&db, &["import", "csv", &file, "--kind", "opportunities"]);
    assert!(out.starts_with("2 rows: 0 new, 1 changed, 1 unchanged"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains("OPP-11") && l.contains("changed") && l.contains("stage, monthly_acr")),
        "{out}"
    );
    let s = common::session(&db);
    assert_eq!(common::count(&s, "opportunities"), 2, "never duplicated");
    let litware = leadline::store::opportunities::by_crm_id(s.conn(), "OPP-11").unwrap().unwrap();
    let stored = leadline::store::opportunities::get(s.conn(), litware).unwrap();
    assert_eq!((stored.fields.stage.number(), stored.fields.monthly_acr), (3, 11_000));
}

#[test]
fn milestones_import_onto_their_wins_and_re_import_idempotently() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_team(&dir);
    let opps = write(
        &dir,
        "opps.csv",
        "crm_id,account,title,stage,monthly_acr,status,closed_on\nOPP-10,Contoso,Data,4,12500,won,2026-10-05\nOPP-11,Contoso,AKS,2,900,open,\n",
    );
    leadline_ok(&db, &["import", "csv", &opps, "--kind", "opportunities"]);
    let csv = "Milestone,Opportunity,Workload,Owner,Due,ACR,Committed,State\n\
               MS-1,OPP-10,Fabric lakehouse,Ana López,2026-12-15,6k,yes,on track\n\
               MS-2,OPP-10,Realtime scoring,Contoso Consulting,2027-02-01,,no,at risk\n";
    let file = write(&dir, "ms.csv", csv);
    let map = ["--map", "crm_id=Milestone", "--map", "due_on=Due", "--map", "expected_acr=ACR"];
    let mut command = vec!["import", "csv", file.as_str(), "--kind", "milestones"];
    command.extend_from_slice(&map);
    let out = leadline_ok(&db, &command);
    assert!(out.contains("Imported 2 new and 0 changed milestones"), "{out}");
    let listed: serde_json::Value =
        serde_json::from_str(&leadline_ok(&db, &["milestones", "list", "--format", "json"])).unwrap();
    let fabric = &listed[0];
    assert_eq!(
        (fabric["owner"].as_str(), fabric["expected_acr"].as_i64(), fabric["committed"].as_bool()),
        (Some("Ana López"), Some(6_000), Some(true))
    );
    assert_eq!(listed[1]["owner"], "Contoso Consulting", "a name that is no architect is a partner");
    let again = leadline_ok(&db, &command);
    assert!(again.starts_with("2 rows: 0 new, 0 changed, 2 unchanged"), "{again}");
    let s = common::session(&db);
    assert_eq!(common::count(&s, "milestones"), 2);
    drop(s);

    // Every bad case of a milestone file, each named by row and field; nothing is written.
    let bad = "Milestone,Opportunity,Workload,Owner,Due,ACR,Committed,State\n\
               MS-3,OPP-99,X,,,,no,\n\
               MS-4,OPP-11,X,,,,no,\n\
               MS-5,OPP-10,X,,2026-09-01,,no,\n\
               MS-6,OPP-10,X,,2027-01-01,,yes,\n\
               MS-7,OPP-10,X,,soon,-4,perhaps,\n\
               MS-3,OPP-10,X,,,,no,\n";
    let file = write(&dir, "bad.csv", bad);
    let mut command = vec!["import", "csv", file.as_str(), "--kind", "milestones"];
    command.extend_from_slice(&map);
    let out = leadline(&db, &command);
    assert!(!out.status.success());
    let problems = stderr(&out);
    assert!(problems.contains("row 7, crm_id: MS-3 repeats row 2"), "{problems}");
    assert!(problems.contains("row 6, due_on: \"soon\" is not a date in the form YYYY-MM-DD"), "{problems}");
    assert!(problems.contains("row 6, expected_acr: -4 is negative; an amount is 0 or more"), "{problems}");
    assert!(problems.contains("row 6, committed: “perhaps” is not yes or no"), "{problems}");
    assert_eq!(stdout(&out), "");
    // Once it reads, what the stored records say is checked too.
    let bad = bad.lines().take(5).collect::<Vec<_>>().join("\n");
    let file = write(&dir, "bad.csv", &bad);
    let mut command = vec!["import", "csv", file.as_str(), "--kind", "milestones"];
    command.extend_from_slice(&map);
    let problems = stderr(&leadline(&db, &command));
    assert!(problems.contains("row 2, opportunity: no opportunity has the CRM id OPP-99"), "{problems}");
    assert!(
        problems.contains(
            "row 3, opportunity: “AKS” is open: a consumption plan and its milestones belong to a win"
        ),
        "{problems}"
    );
    assert!(problems.contains("row 4, due_on: 2026-09-01 is before the win on 2026-10-05"), "{problems}");
    assert!(problems.contains("row 5, committed: a milestone can be committed only with an owner, a due date and an expected ACR; it has no owner or expected ACR"), "{problems}");
    assert_eq!(common::count(&common::session(&db), "milestones"), 2, "nothing of a bad file is written");
}

#[test]
fn missing_and_extra_columns_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_team(&dir);
    let file = write(&dir, "opps.csv", OPPORTUNITIES);
    // Without the mapping, the export's columns name no field.
    let out = leadline(&db, &["import", "csv", &file, "--kind", "opportunities"]);
    let problems = stderr(&out);
    assert!(problems.contains("missing column for crm_id: map one with --map crm_id=COLUMN"), "{problems}");
    assert!(
        problems.contains("row 1: the column “Probability” is not a field of an opportunity"),
        "{problems}"
    );
    // A row with a cell too many or too few.
    let ragged = write(
        &dir,
        "ragged.csv",
        "crm_id,account,title,stage,monthly_acr\nOPP-1,Contoso,A,1,5,extra\nOPP-2,Contoso,B,1\n",
    );
    let problems = stderr(&leadline(&db, &["import", "csv", &ragged, "--kind", "opportunities"]));
    assert!(problems.contains("row 2: 6 cells, but the header has 5 (extra columns)"), "{problems}");
    assert!(problems.contains("row 3: 4 cells, but the header has 5 (missing columns)"), "{problems}");
    // A mapping naming a column the file does not have.
    let problems =
        stderr(&leadline(&db, &["import", "csv", &ragged, "--kind", "opportunities", "--map", "title=Name"]));
    assert!(problems.contains("--map title=Name: the file has no column “Name”"), "{problems}");
    let problems =
        stderr(&leadline(&db, &["import", "csv", &ragged, "--kind", "opportunities", "--map", "colour=x"]));
    assert!(problems.contains("--map colour=x: there is no field “colour”"), "{problems}");
    // Wrong types and a duplicated row.
    let typed = write(
        &dir,
        "typed.csv",
        "crm_id,account,title,stage,monthly_acr,closed_on,status\nOPP-1,Contoso,A,seven,5,,\nOPP-2,Contoso,B,1,five,2026-13-01,won\nOPP-1,Contoso,A,seven,5,,\n",
    );
    let problems = stderr(&leadline(&db, &["import", "csv", &typed, "--kind", "opportunities"]));
    assert!(problems.contains("row 2, stage: \"seven\" is not an MCEM stage"), "{problems}");
    assert!(problems.contains("row 3, monthly_acr: \"five\" is not an amount"), "{problems}");
    assert!(
        problems.contains("row 3, closed_on: \"2026-13-01\" is not a date")
            || problems.contains("row 3, closed_on: 2026-13-01 is not a day in the calendar"),
        "{problems}"
    );
    assert!(problems.contains("row 4, crm_id: OPP-1 repeats row 2"), "{problems}");
    // Not a CSV at all, and no file.
    let binary = dir.path().join("photo.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe").unwrap();
    let out = leadline(&db, &["import", "csv", binary.to_str().unwrap(), "--kind", "opportunities"]);
    assert!(!out.status.success());
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(common::count(&common::session(&db), "opportunities"), 0);
}

#[test]
fn the_session_previews_and_commits_the_same_plan_the_command_line_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_team(&dir);
    let mut s = common::session(&db);
    let mapping = parse_mapping(CsvKind::Opportunities, &[]).unwrap();
    let csv = b"crm_id,account,title,stage,monthly_acr\nOPP-1,Contoso,A,1,500\n";
    let preview = s.csv_preview(csv, CsvKind::Opportunities, &mapping, false).unwrap();
    assert_eq!(preview.rows[0].change, RowChange::New);
    common::apply(&mut s, Command::Business(BusinessCommand::ImportCsv(Box::new(preview.plan))));
    let preview = s.csv_preview(csv, CsvKind::Opportunities, &mapping, false).unwrap();
    assert_eq!(preview.rows[0].change, RowChange::Unchanged);
    assert!(preview.plan.is_empty());
}

#[test]
fn names_match_in_any_case_and_an_account_with_a_comma_is_refused_not_split() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_team(&dir);
    let s = common::session(&db);
    let mapping = parse_mapping(CsvKind::Opportunities, &[]).unwrap();
    // The architect typed in another case without accents is Ana López; one new account for
    // "Litware" however it is written.
    let csv = "crm_id,account,title,stage,monthly_acr,architects\n\
               OPP-1,Litware,A,1,500,ANA LOPEZ\nOPP-2,litware,B,2,700,ana lópez\nOPP-3,LITWARE,C,2,900,\n";
    let preview = s.csv_preview(csv.as_bytes(), CsvKind::Opportunities, &mapping, false).unwrap();
    assert_eq!(preview.new_accounts, vec!["Litware".to_owned()]);
    let team = leadline::store::architects::list(s.conn()).unwrap();
    let ana = team.iter().find(|a| a.fields.name == "Ana López").expect("on the team").id;
    let drivers: Vec<_> = preview.plan.opportunities.iter().map(|o| o.fields.architects.clone()).collect();
    assert_eq!(drivers, vec![vec![ana], vec![ana], vec![]]);
    // Account names hold no comma (an architect's accounts are written comma-separated on the
    // Team screen): "Contoso, Ltd." is refused, naming the row and the field, not made two.
    let csv = "crm_id,account,title,stage,monthly_acr\nOPP-9,\"Contoso, Ltd.\",Data,1,500\n";
    let problems = s.csv_preview(csv.as_bytes(), CsvKind::Opportunities, &mapping, false).unwrap_err();
    assert_eq!(problems, vec!["row 2, account: must not contain a comma or a line break".to_owned()]);
}
