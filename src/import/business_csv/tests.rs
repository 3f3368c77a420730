//! Reading CSV files of opportunities and milestones: every bad case named by row and field.

use super::*;

fn read(csv: &str, kind: CsvKind, map: &[&str], ignore_extra: bool) -> Result<Parsed, Vec<String>> {
    let specs: Vec<String> = map.iter().map(|s| (*s).to_owned()).collect();
    let mapping = parse_mapping(kind, &specs).map_err(|e| vec![e])?;
    parse(csv.as_bytes(), kind, &mapping, ignore_extra)
}

fn opportunities(csv: &str) -> Result<Vec<OpportunityRow>, Vec<String>> {
    match read(csv, CsvKind::Opportunities, &[], false)?.rows {
        Rows::Opportunities(rows) => Ok(rows),
        Rows::Milestones(_) => panic!("read as milestones"),
    }
}

const HEADER: &str = "crm_id,account,title,stage,monthly_acr,status,closed_on";

#[test]
fn columns_named_like_fields_need_no_mapping_and_values_are_typed() {
    let rows = opportunities(&format!(
        "\u{feff}{HEADER}\nOPP-1,Contoso,Data platform,3,\"12,500\",won,2026-10-05\nOPP-2, Fabrikam ,AKS,Stage 2,1.2k,,\n"
    ))
    .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].line, rows[0].crm_id.as_str(), rows[0].monthly_acr), (2, "OPP-1", 12_500));
    assert_eq!(rows[0].stage, McemStage::EmpowerAchieve);
    assert_eq!(rows[0].status, OpportunityStatus::Won);
    assert_eq!(rows[0].closed_on, NaiveDate::from_ymd_opt(2026, 10, 5));
    assert_eq!(
        (rows[1].account.as_str(), rows[1].stage, rows[1].status),
        ("Fabrikam", McemStage::InspireDesign, OpportunityStatus::Open)
    );
}

#[test]
fn a_mapping_names_the_columns_of_a_crm_export() {
    let csv = "Opportunity ID,Customer,Name,Sales Stage,Est. Monthly ACR\nOPP-9,Contoso,Fabric,4,900\n";
    let parsed = read(
        csv,
        CsvKind::Opportunities,
        &[
            "crm_id=Opportunity ID",
            "account=Customer",
            "title=Name",
            "stage=Sales Stage",
            "monthly_acr=Est. Monthly ACR",
        ],
        false,
    )
    .unwrap();
    let Rows::Opportunities(rows) = parsed.rows else { panic!("opportunities") };
    assert_eq!((rows[0].title.as_str(), rows[0].monthly_acr), ("Fabric", 900));
}

#[test]
fn a_missing_column_is_named_with_the_mapping_to_fix_it() {
    let problems = opportunities("crm_id,account,title,stage\nOPP-1,Contoso,Data,3\n").unwrap_err();
    assert_eq!(
        problems,
        vec![
            "missing column for monthly_acr: map one with --map monthly_acr=COLUMN; the file's columns are “crm_id”, \
             “account”, “title”, “stage”"
        ]
    );
    let problems = read("a,b\n1,2\n", CsvKind::Opportunities, &["title=Name"], false).unwrap_err();
    assert!(
        problems[0].starts_with("--map title=Name: the file has no column “Name”; its columns are “a”, “b”"),
        "{problems:?}"
    );
    let problems = read("a\n1\n", CsvKind::Opportunities, &["colour=a"], false).unwrap_err();
    assert!(
        problems[0].starts_with("--map colour=a: there is no field “colour”; the fields are crm_id, account"),
        "{problems:?}"
    );
}

#[test]
fn an_extra_column_is_refused_unless_ignored() {
    let csv = format!("{HEADER},Probability\nOPP-1,Contoso,Data,3,100,open,,40%\n");
    let problems = opportunities(&csv).unwrap_err();
    assert_eq!(
        problems,
        vec![
            "row 1: the column “Probability” is not a field of an opportunity; map it with --map FIELD=Probability, \
             or pass --ignore-extra-columns"
        ]
    );
    let parsed = read(&csv, CsvKind::Opportunities, &[], true).unwrap();
    assert_eq!(parsed.ignored_columns, vec!["Probability"]);
}

#[test]
fn rows_with_missing_or_extra_cells_are_named() {
    let csv = format!("{HEADER}\nOPP-1,Contoso,Data,3,100\nOPP-2,Contoso,Data,3,100,open,,surplus\n");
    assert_eq!(
        opportunities(&csv).unwrap_err(),
        vec![
            "row 2: 5 cells, but the header has 7 (missing columns)",
            "row 3: 8 cells, but the header has 7 (extra columns)",
        ]
    );
}

#[test]
fn wrong_types_are_named_by_row_and_field() {
    let csv = format!(
        "{HEADER}\nOPP-1,Contoso,Data,9,12k$x,open,\nOPP-2,Contoso,Data,3,-5,closed,2026-02-30\nOPP-3,,Data,3,5,open,\n"
    );
    assert_eq!(
        opportunities(&csv).unwrap_err(),
        vec![
            "row 2, stage: 9 is not an MCEM stage (1 to 5)",
            "row 2, monthly_acr: \"12k$x\" is not an amount (e.g. 12500, 12,500 or 12.5k)",
            "row 3, monthly_acr: -5 is negative; an amount is 0 or more",
            "row 3, status: “closed” is not one of open, won, lost",
            "row 3, closed_on: 2026-02-30 is not a day in the calendar",
            "row 4, account: is empty",
        ]
    );
}

#[test]
fn a_duplicated_row_names_the_row_it_repeats() {
    let csv = format!(
        "{HEADER}\nOPP-1,Contoso,Data,3,100,open,\nOPP-2,Contoso,AKS,3,100,open,\nOPP-1,Contoso,Data,3,100,open,\n"
    );
    assert_eq!(opportunities(&csv).unwrap_err(), vec!["row 4, crm_id: OPP-1 repeats row 2"]);
}

#[test]
fn an_empty_file_a_repeated_header_or_bytes_that_are_not_text_say_so() {
    assert_eq!(
        opportunities("").unwrap_err(),
        vec!["the file is empty: its first row must name the columns"]
    );
    let problems = opportunities("crm_id,title,Title\n").unwrap_err();
    assert!(problems[0].starts_with("row 1: columns 2 and 3 are both called “Title”"), "{problems:?}");
    let mut bytes = format!("{HEADER}\nOPP-1,Contoso,").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe,3,100,open,\n");
    let problems = parse(&bytes, CsvKind::Opportunities, &[], false).unwrap_err();
    assert_eq!(problems, vec!["row 2, title: not UTF-8 text (save the file as CSV UTF-8)"]);
    // Blank lines are skipped, never an error.
    assert_eq!(opportunities(&format!("{HEADER}\n\nOPP-1,Contoso,Data,3,100,open,\n\n")).unwrap().len(), 1);
}

#[test]
fn milestones_read_yes_no_states_and_optional_amounts() {
    let csv = "crm_id,opportunity,workload,owner,due_on,expected_acr,committed,state\n\
               MS-1,OPP-1,AKS landing zone,Contoso Consulting,2026-12-15,4k,yes,at risk\n\
               MS-2,OPP-1,Fabric,,,,no,\n\
               MS-3,OPP-1,Sentinel,,,,maybe,stuck\n";
    let problems = read(csv, CsvKind::Milestones, &[], false).unwrap_err();
    assert_eq!(
        problems,
        vec![
            "row 4, committed: “maybe” is not yes or no",
            "row 4, state: “stuck” is not one of on_track, at_risk, blocked, live, cancelled",
        ]
    );
    let good: String = csv.lines().take(3).flat_map(|l| [l, "\n"]).collect();
    let Rows::Milestones(rows) = read(&good, CsvKind::Milestones, &[], false).unwrap().rows else {
        panic!("milestones")
    };
    assert_eq!(
        (rows[0].committed, rows[0].state, rows[0].expected_acr),
        (true, MilestoneState::AtRisk, Some(4_000))
    );
    assert_eq!(
        (rows[1].committed, rows[1].state, rows[1].expected_acr),
        (false, MilestoneState::OnTrack, None)
    );
}

#[test]
fn garbage_never_panics() {
    for input in [
        &b"\"unclosed,quote\n1,2"[..],
        b"\x00\x01\x02",
        b",,,,\n,,,,\n",
        b"crm_id\r\n\"a\"\"b\"\r\n",
        &[0xEF, 0xBB],
    ] {
        let _ = parse(input, CsvKind::Opportunities, &[], false);
        let _ = parse(input, CsvKind::Milestones, &[], true);
    }
}
