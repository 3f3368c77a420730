//! `leadline hiring list|show` and `leadline candidates purge|export`, run as the built binary on
//! the demo: tables for people, CSV and JSON for scripts, and a purge that lists first and
//! deletes only with `--yes`.

use crate::common;

use crate::common::{leadline, leadline_ok, stderr};

fn json(printed: &str) -> serde_json::Value {
    serde_json::from_str(printed).expect("valid JSON")
}

#[test]
fn hiring_list_shows_the_requisitions_and_filters_by_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);

    let table = leadline_ok(&db, &["hiring", "list"]);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("OPENING"), "{table}");
    assert!(lines[1].starts_with("REQ-2026-0151  Cloud Solution Architect, Azure Infrastructure"), "{table}");
    assert!(table.contains("REQ-2026-0117  Cloud Solution Architect, Digital & App Innovation"), "{table}");
    let filled = lines.iter().find(|l| l.starts_with("REQ-2026-0117")).unwrap();
    assert!(filled.contains("filled") && filled.ends_with("hired Tomás Herrera"), "{filled}");

    let open = json(&leadline_ok(&db, &["hiring", "list", "--status", "open", "--format", "json"]));
    let openings: Vec<&str> =
        open.as_array().unwrap().iter().map(|r| r["opening_id"].as_str().unwrap()).collect();
    assert_eq!(openings, ["REQ-2026-0151", "REQ-2026-0142"]);
    let security = &open[1];
    assert_eq!(security["candidates_in_process"], 6);
    assert_eq!(security["candidates"], 7);
    assert_eq!(security["days_open"], 54);

    let csv = leadline_ok(&db, &["hiring", "list", "--status", "cancelled", "--format", "csv"]);
    let mut rows = csv.lines();
    assert!(rows.next().unwrap().starts_with("id,opening_id,role,level,solution_area,status,status_reason"));
    let cancelled = rows.next().unwrap();
    assert!(
        cancelled.contains("REQ-2025-0088")
            && cancelled.contains("Headcount moved to the Modern Work partner team")
    );
    assert_eq!(rows.next(), None);
}

#[test]
fn hiring_show_prints_candidates_plan_gaps_and_scorecards() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);

    let text = leadline_ok(&db, &["hiring", "show", "req-2026-0151"]);
    assert!(
        text.starts_with("REQ-2026-0151 Cloud Solution Architect, Azure Infrastructure\nopen · "),
        "{text}"
    );
    assert!(
        text.contains(
            "Gaps (no step): Negotiation & influence, Customer envisioning, Cross-group collaboration"
        ),
        "{text}"
    );
    assert!(text.contains("Doubles (two steps or more): Technical depth in solution area"), "{text}");
    assert!(
        text.contains(
            "- Hands-on lab (with Mateo García): Technical depth in solution area, Presentations & demos"
        ),
        "{text}"
    );

    let security = json(&leadline_ok(&db, &["hiring", "show", "Security", "--format", "json"]));
    assert_eq!(security["requisition"]["opening_id"], "REQ-2026-0142");
    assert!(security["coverage_gaps"].as_array().unwrap().is_empty());
    let amelia: Vec<&serde_json::Value> = security["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["candidate"] == "Amelia Clarke")
        .collect();
    assert_eq!(amelia.len(), 3);
    assert_eq!(amelia[0]["recommendation"], serde_json::Value::Null, "owed by the manager");
    assert_eq!(amelia[1]["within_24_hours"], true);
    assert_eq!((amelia[0]["planned"].clone(), amelia[2]["planned"].clone()), (false.into(), true.into()));
    let table = leadline_ok(&db, &["hiring", "show", "Security"]);
    let interviews = table.split("\nInterviews (").nth(1).expect("the interviews table");
    let amelia_lines: Vec<&str> = interviews.lines().filter(|l| l.starts_with("Amelia Clarke")).collect();
    assert_eq!(amelia_lines.len(), 3, "{table}");
    assert!(amelia_lines[0].ends_with("owed"), "held, no scorecard yet: {table}");
    assert!(amelia_lines[2].ends_with("planned"), "not held yet, nothing owed: {table}");
    let slates = security["slates"].as_array().unwrap();
    assert_eq!(slates[1]["stage"], "interview_loop");
    assert_eq!(slates[1]["panel_meets_policy"], "yes");

    let csv = leadline_ok(&db, &["hiring", "show", "#1", "--format", "csv"]);
    assert!(csv.starts_with("id,name,source,stage,since,days_in_stage,purge_on\n"), "{csv}");

    let output = leadline(&db, &["hiring", "show", "Architect"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("matches 4 requisitions"), "{}", stderr(&output));
    let output = leadline(&db, &["hiring", "show", "REQ-1999-0001"]);
    assert!(stderr(&output).contains("no requisition matches “REQ-1999-0001”"), "{}", stderr(&output));
}

#[test]
fn candidates_purge_lists_first_and_deletes_only_with_yes() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);

    let listed = leadline_ok(&db, &["candidates", "purge", "--due"]);
    assert!(listed.contains("Pieter de Vries") && listed.contains("Yuki Sato"), "{listed}");
    assert!(listed.contains("Nothing was deleted: run again with --yes to delete them."), "{listed}");
    let still = leadline_ok(&db, &["candidates", "purge", "--due", "--format", "json"]);
    assert_eq!(json(&still)["due"].as_array().unwrap().len(), 2, "listing deleted nothing");

    let deleted = leadline_ok(&db, &["candidates", "purge", "--due", "--yes"]);
    assert!(deleted.contains("Deleted 2 candidates and everything recorded about them."), "{deleted}");
    assert_eq!(
        leadline_ok(&db, &["candidates", "purge", "--due"]),
        "No candidate is past their purge date.\n"
    );

    let output = leadline(&db, &["candidates", "purge"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("say which candidates to purge: --due"), "{}", stderr(&output));
}

#[test]
fn candidates_export_writes_one_record_for_a_data_subject_request() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);

    let record = json(&leadline_ok(&db, &["candidates", "export", "ingrid solberg"]));
    assert_eq!(record["format"], "leadline-candidate-record");
    assert_eq!(record["name"], "Ingrid Solberg");
    assert_eq!(record["requisition"]["opening_id"], "REQ-2026-0142");
    assert!(record["notes"].as_str().unwrap().contains("zero-trust programme"));
    assert_eq!(record["stages"].as_array().unwrap().len(), 5);
    let interviews = record["interviews"].as_array().unwrap();
    assert_eq!(interviews.len(), 4);
    assert_eq!(interviews[1]["interviewer"], "Amara Okafor");
    assert!(interviews[1]["scorecard"]["ratings"][0]["evidence"].as_str().unwrap().len() > 10);

    let out = dir.path().join("ingrid.json");
    leadline_ok(&db, &["candidates", "export", "Ingrid", "--out", out.to_str().unwrap()]);
    assert_eq!(json(&std::fs::read_to_string(&out).unwrap())["name"], "Ingrid Solberg");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn hiring_show_names_the_hiring_profile_the_plan_assesses_and_flags_against_it() {
    use leadline::model::requisition::RequisitionFields;
    use leadline::session::{Command, HiringCommand};
    use leadline::store::{hiring_profiles, requisitions, skills};

    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);
    {
        let mut session = common::session(&db);
        common::apply(&mut session, Command::Hiring(HiringCommand::AddProfile("Infrastructure core".into())));
        let profiles = hiring_profiles::list(session.conn()).unwrap();
        let profile = profiles.iter().find(|p| p.name == "Infrastructure core").unwrap().id;
        let keep = ["Technical depth in solution area", "Presentations & demos"];
        for competency in skills::competencies(session.conn()).unwrap() {
            if !keep.contains(&competency.name.as_str()) {
                let command = HiringCommand::SetProfileCompetency {
                    profile,
                    competency: competency.id,
                    included: false,
                };
                common::apply(&mut session, Command::Hiring(command));
            }
        }
        let infra = requisitions::list(session.conn())
            .unwrap()
            .into_iter()
            .find(|r| r.fields.opening_id == "REQ-2026-0151")
            .unwrap();
        let fields = RequisitionFields { profile: Some(profile), ..infra.fields };
        common::apply(
            &mut session,
            Command::Hiring(HiringCommand::UpdateRequisition { id: infra.id, fields }),
        );
    }
    let text = leadline_ok(&db, &["hiring", "show", "req-2026-0151"]);
    assert!(
        text.contains("\nInterview plan (the competencies of the hiring profile “Infrastructure core”)\n"),
        "{text}"
    );
    assert!(!text.contains("Gaps (no step)"), "the profile's two are assessed: {text}");
    assert!(text.contains("Doubles (two steps or more): Technical depth in solution area"), "{text}");
    let shown = json(&leadline_ok(&db, &["hiring", "show", "req-2026-0151", "--format", "json"]));
    assert_eq!(shown["hiring_profile"], "Infrastructure core");
    assert!(shown["coverage_gaps"].as_array().unwrap().is_empty());
}
