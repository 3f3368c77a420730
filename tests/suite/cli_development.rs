//! `leadline team show` and `leadline certs expiring`, run as the built binary on the demo team.

use crate::common;

use crate::common::{leadline, leadline_ok, stderr, stdout};

fn json(printed: &str) -> serde_json::Value {
    serde_json::from_str(printed).expect("valid JSON")
}

#[test]
fn team_show_prints_profile_plan_skills_and_certifications() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);

    let text = leadline_ok(&db, &["team", "show", "Lukas Schneider"]);
    assert!(
        text.starts_with("Lukas Schneider\nSenior Cloud Solution Architect · Senior Solution Architect"),
        "{text}"
    );
    assert!(
        text.contains("Target role: Principal Solution Architect · readiness: 1-2 years (assessed"),
        "{text}"
    );
    assert!(text.contains("DEVELOPMENT PLAN (3 goals; stalled after 30 days without progress)"), "{text}");
    let stalled = text.lines().find(|l| l.contains("Run three CxO briefings")).unwrap();
    assert!(stalled.starts_with("In progress  35 %") && stalled.ends_with("stalled"), "{stalled}");
    let due = text.lines().find(|l| l.contains("Earn AZ-700")).unwrap();
    assert!(due.ends_with("due_soon"), "{due}");
    assert!(text.contains("Negotiation & influence           2        4       2"), "{text}");
    let az104 = text.lines().find(|l| l.starts_with("AZ-104")).unwrap();
    assert!(az104.contains("Role-based") && az104.contains("Renewal window open"), "{az104}");
    assert!(
        text.lines().any(|l| l.starts_with("AZ-900") && l.contains("never") && l.contains("Never expires"))
    );
}

#[test]
fn team_show_as_json_finds_a_name_without_accents_or_case() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);

    let mateo = json(&leadline_ok(&db, &["team", "show", "mateo garcia", "--format", "json"]));
    assert_eq!(mateo["name"], "Mateo García");
    assert_eq!(mateo["readiness"], "three_plus_years");
    assert_eq!(mateo["target_role"], "Senior Solution Architect");
    let plan = mateo["plan"].as_array().unwrap();
    let az204 = plan.iter().find(|g| g["description"] == "Earn AZ-204 (Azure Developer Associate)").unwrap();
    assert_eq!(az204["flags"], serde_json::json!(["overdue"]));
    assert_eq!(az204["progress_pct"], 70);
    assert_eq!(az204["target_on"], "2026-11-16");
    assert_eq!(az204["history"].as_array().unwrap().len(), 3);
    let talk = plan.iter().find(|g| g["status"] == "not_started").unwrap();
    assert_eq!(talk["flags"], serde_json::json!(["stalled"]));

    let skills = mateo["skills"].as_array().unwrap();
    assert_eq!(skills.len(), 8);
    let demos = skills.iter().find(|s| s["competency"] == "Presentations & demos").unwrap();
    assert_eq!(
        (demos["current"].as_u64(), demos["target"].as_u64(), demos["gap"].as_i64()),
        (Some(2), Some(4), Some(2))
    );

    let certs = mateo["certifications"].as_array().unwrap();
    let az400 = certs.iter().find(|c| c["code"] == "AZ-400").unwrap();
    assert_eq!(az400["state"], "renewal_window_open");
    assert_eq!(az400["expires_on"], "2027-03-08");
    assert_eq!(az400["days_left"], 100);
    let az900 = certs.iter().find(|c| c["code"] == "AZ-900").unwrap();
    assert_eq!((az900["state"].as_str(), az900["expires_on"].is_null()), (Some("never_expires"), true));

    // Part of a name is enough when only one person has it.
    assert_eq!(
        json(&leadline_ok(&db, &["team", "show", "priya", "--format", "json"]))["name"],
        "Priya Raman"
    );
}

#[test]
fn an_unknown_name_lists_close_matches_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);

    let typo = leadline(&db, &["team", "show", "Amra Okafr"]);
    assert!(!typo.status.success());
    assert_eq!(stderr(&typo).trim(), "error: no architect called “Amra Okafr”; did you mean “Amara Okafor”?");

    let first_name = leadline(&db, &["team", "show", "Kenjii"]);
    assert!(stderr(&first_name).contains("did you mean “Kenji Watanabe”?"), "{}", stderr(&first_name));

    let nobody = leadline(&db, &["team", "show", "Zebedee"]);
    assert!(!nobody.status.success());
    let message = stderr(&nobody);
    assert!(message.contains("no architect called “Zebedee”; the team: Amara Okafor, "), "{message}");

    let several = leadline(&db, &["team", "show", "an"]);
    assert!(!several.status.success());
    assert!(
        stderr(&several).contains("“an” matches several architects: Daniel O'Brien (#8)"),
        "{}",
        stderr(&several)
    );
    assert!(stdout(&several).is_empty());
}

#[test]
fn certs_expiring_lists_the_team_expiries_soonest_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);

    let rows = json(&leadline_ok(&db, &["certs", "expiring", "--within", "90", "--format", "json"]));
    let rows = rows.as_array().unwrap();
    let seen: Vec<(&str, &str, i64)> = rows
        .iter()
        .map(|r| {
            (r["architect"].as_str().unwrap(), r["code"].as_str().unwrap(), r["days_left"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("Daniel O'Brien", "AZ-104", 12),
            ("Priya Raman", "AZ-500", 25),
            ("Amara Okafor", "AZ-305", 40),
            ("Kenji Watanabe", "PL-200", 55),
        ]
    );
    assert_eq!(rows[0]["expires_on"], "2026-12-10");
    assert_eq!(rows[0]["state"], "expiring_soon");
    assert_eq!(rows[0]["state_label"], "Expires in 12 days");

    // Within 150 days: certifications whose renewal window is open join the list.
    let wider = json(&leadline_ok(&db, &["certs", "expiring", "--within", "150", "--format", "json"]));
    assert!(wider.as_array().unwrap().iter().any(|r| r["state"] == "renewal_window_open"));

    let table = stdout(&leadline(&db, &["certs", "expiring", "--within", "30"]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("EXPIRES     DAYS  ARCHITECT"), "{table}");
    assert!(
        lines[1].starts_with("2026-12-10  12    Daniel O'Brien  AZ-104  Azure Administrator Associate"),
        "{table}"
    );
    assert_eq!(lines.len(), 3, "only two within 30 days:\n{table}");

    let none = leadline(&db, &["certs", "expiring", "--within", "5"]);
    assert!(none.status.success());
    assert_eq!(stdout(&none), "No certification of the current team expires in the next 5 days.\n");
    let empty = json(&leadline_ok(&db, &["certs", "expiring", "--within", "5", "--format", "json"]));
    assert_eq!(empty, serde_json::json!([]));

    let bad = leadline(&db, &["certs", "expiring", "--within", "soon"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("invalid value 'soon' for '--within <DAYS>'"), "{}", stderr(&bad));
}

#[test]
fn reading_commands_need_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    for args in [&["team", "show", "Ana"][..], &["certs", "expiring"][..]] {
        let output = leadline(&db, args);
        assert!(!output.status.success());
        assert!(stderr(&output).contains("there is no database at"), "{}", stderr(&output));
    }
    assert!(!db.exists());
}
