//! The Business screen's command line on a seeded database, checked field by field: accounts,
//! wins (by quarter, without a plan), milestones (due within, by state), the network's
//! contacts due, a quarter's scorecard, in table, CSV and JSON; and the `add` forms a script
//! feeds, with their bad input refused and nothing saved.

use crate::common::{self, apply, day, leadline, leadline_ok, stderr};

use leadline::model::Cadence;
use leadline::model::business::{
    AccountFields, ContactFields, ContactKind, McemStage, MetricFields, MetricKind, MilestoneFields,
    MilestoneState, OpportunityFields, OpportunityStatus, Owner,
};
use leadline::model::fiscal::FiscalQuarter;
use leadline::session::{BusinessCommand, BusinessRecord, Command, Done, Session};
use serde_json::Value;

fn send(s: &mut Session, command: BusinessCommand) -> BusinessRecord {
    match apply(s, Command::Business(command)) {
        Done::Business(done) => done.record,
        other => panic!("{other:?}"),
    }
}

/// Two architects, two accounts, three wins (one without a plan), an open and a lost
/// opportunity, three milestones, two months of consumption, three contacts, three targets.
fn seeded(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = common::db_in(dir);
    let mut s = common::session(&path);
    let ana = common::add_architect(&mut s, "Ana López", Cadence::Weekly);
    let ben = common::add_architect(&mut s, "Ben Okafor", Cadence::Weekly);
    let BusinessRecord::Account(contoso) = send(
        &mut s,
        BusinessCommand::AddAccount(AccountFields {
            name: "Contoso".into(),
            industry: "Retail".into(),
            segment: "Enterprise".into(),
            account_executive: "Hannah Berg".into(),
            architects: vec![ana],
        }),
    ) else {
        panic!()
    };
    let BusinessRecord::Account(fabrikam) = send(
        &mut s,
        BusinessCommand::AddAccount(AccountFields {
            name: "Fabrikam".into(),
            industry: "Insurance".into(),
            ..Default::default()
        }),
    ) else {
        panic!()
    };
    let opportunity = |account,
                       title: &str,
                       stage,
                       acr,
                       status,
                       closed_on: Option<chrono::NaiveDate>,
                       crm: &str| OpportunityFields {
        stage,
        monthly_acr: acr,
        status,
        closed_on,
        lost_reason: if status == OpportunityStatus::Lost { "Budget cut".into() } else { String::new() },
        crm_id: crm.into(),
        architects: if account == contoso { vec![ana] } else { vec![] },
        ..OpportunityFields::new(account, title)
    };
    let add = |s: &mut Session, fields| match send(s, BusinessCommand::AddOpportunity(fields)) {
        BusinessRecord::Opportunity(id) => id,
        other => panic!("{other:?}"),
    };
    let w1 = add(
        &mut s,
        opportunity(
            contoso,
            "Contoso data platform",
            McemStage::RealizeValue,
            12_500,
            OpportunityStatus::Won,
            Some(day(2026, 10, 5)),
            "OPP-1",
        ),
    );
    add(
        &mut s,
        opportunity(
            fabrikam,
            "Fabrikam claims AI",
            McemStage::EmpowerAchieve,
            8_000,
            OpportunityStatus::Won,
            Some(day(2026, 11, 10)),
            "OPP-2",
        ),
    );
    let w3 = add(
        &mut s,
        opportunity(
            contoso,
            "Contoso SAP",
            McemStage::ManageOptimize,
            30_000,
            OpportunityStatus::Won,
            Some(day(2026, 8, 15)),
            "",
        ),
    );
    add(
        &mut s,
        opportunity(
            fabrikam,
            "Fabrikam AKS",
            McemStage::InspireDesign,
            5_000,
            OpportunityStatus::Open,
            None,
            "OPP-4",
        ),
    );
    add(
        &mut s,
        opportunity(
            contoso,
            "Contoso VDI",
            McemStage::EmpowerAchieve,
            3_000,
            OpportunityStatus::Lost,
            Some(day(2026, 11, 1)),
            "",
        ),
    );
    send(
        &mut s,
        BusinessCommand::SetPlan {
            id: w1,
            agreed: true,
            agreed_on: Some(day(2026, 10, 20)),
            sponsor: "Elena Ruiz".into(),
        },
    );
    send(
        &mut s,
        BusinessCommand::SetPlan {
            id: w3,
            agreed: true,
            agreed_on: Some(day(2026, 9, 1)),
            sponsor: String::new(),
        },
    );
    let milestone =
        |workload: &str, owner, due, acr, committed, state, evidence: Option<(chrono::NaiveDate, &str)>| {
            MilestoneFields {
                workload: workload.into(),
                owner,
                due_on: Some(due),
                expected_acr: Some(acr),
                committed,
                state,
                evidence: evidence.map(|(_, t)| t.to_owned()).unwrap_or_default(),
                evidence_on: evidence.map(|(d, _)| d),
                crm_id: String::new(),
            }
        };
    send(
        &mut s,
        BusinessCommand::AddMilestone {
            win: w1,
            fields: milestone(
                "Fabric lakehouse",
                Owner::Architect(ana),
                day(2026, 12, 10),
                6_000,
                true,
                MilestoneState::OnTrack,
                None,
            ),
        },
    );
    send(
        &mut s,
        BusinessCommand::AddMilestone {
            win: w1,
            fields: milestone(
                "Realtime scoring",
                Owner::Partner("Contoso Consulting".into()),
                day(2027, 2, 1),
                4_000,
                false,
                MilestoneState::AtRisk,
                None,
            ),
        },
    );
    send(
        &mut s,
        BusinessCommand::AddMilestone {
            win: w3,
            fields: milestone(
                "SAP migration",
                Owner::Architect(ben),
                day(2026, 9, 30),
                25_000,
                true,
                MilestoneState::Live,
                Some((day(2026, 10, 1), "Live")),
            ),
        },
    );
    send(
        &mut s,
        BusinessCommand::SetConsumption { account: contoso, month: day(2026, 10, 1), dollars: Some(10_000) },
    );
    send(
        &mut s,
        BusinessCommand::SetConsumption { account: contoso, month: day(2026, 11, 1), dollars: Some(12_000) },
    );
    for (name, kind, ideal, max, met) in [
        ("Zoë Müller", ContactKind::Customer, 30, 60, day(2026, 9, 1)),
        ("Tom Becker", ContactKind::Partner, 14, 30, day(2026, 11, 10)),
        ("Sam Okoye", ContactKind::Internal, 30, 60, day(2026, 11, 20)),
    ] {
        let fields = ContactFields {
            name: name.into(),
            organisation: "Fabrikam".into(),
            kind,
            ideal_days: ideal,
            max_days: max,
            ..ContactFields::default()
        };
        let BusinessRecord::Contact(id) = send(&mut s, BusinessCommand::AddContact(fields)) else { panic!() };
        send(&mut s, BusinessCommand::AddInteraction { contact: id, on: met, note: "Check-in".into() });
    }
    let q2 = FiscalQuarter::new(2027, 2).unwrap();
    for (kind, name, unit, target, actual) in [
        (MetricKind::Wins, "", "", 300, None),
        (MetricKind::Acr, "", "", 5_000_000, None),
        (MetricKind::Custom, "Forecast accuracy", "%", 9_000, Some(8_750)),
    ] {
        send(
            &mut s,
            BusinessCommand::AddMetric(MetricFields {
                quarter: q2,
                kind,
                name: name.into(),
                unit: unit.into(),
                target,
                actual,
            }),
        );
    }
    path
}

fn json(db: &std::path::Path, args: &[&str]) -> Value {
    let out = leadline_ok(db, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

#[test]
fn accounts_list_every_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let accounts = json(&db, &["accounts", "list", "--format", "json"]);
    let contoso = &accounts[0];
    assert_eq!(contoso["name"], "Contoso");
    assert_eq!(contoso["industry"], "Retail");
    assert_eq!(contoso["segment"], "Enterprise");
    assert_eq!(contoso["account_executive"], "Hannah Berg");
    assert_eq!(contoso["architects"], "Ana López");
    assert_eq!(contoso["open_opportunities"], 0);
    assert_eq!(contoso["open_monthly_acr"], 0);
    assert_eq!(contoso["wins"], 2);
    // The SAP migration (live since September, $25,000) is all that is expected by November.
    assert_eq!(contoso["expected_monthly_acr"], 25_000);
    assert_eq!(contoso["actual_month"], "2026-11");
    assert_eq!(contoso["actual_acr"], 12_000);
    let fabrikam = &accounts[1];
    assert_eq!(
        (fabrikam["open_opportunities"].as_i64(), fabrikam["open_monthly_acr"].as_i64()),
        (Some(1), Some(5_000))
    );
    assert_eq!(fabrikam["actual_acr"], Value::Null);

    let csv = leadline_ok(&db, &["accounts", "list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "id",
            "name",
            "industry",
            "segment",
            "account_executive",
            "architects",
            "open_opportunities",
            "open_monthly_acr",
            "wins",
            "expected_monthly_acr",
            "actual_month",
            "actual_acr"
        ]
    );
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!((&first[1], &first[7], &first[9], &first[11]), ("Contoso", "0", "25000", "12000"));

    let table = leadline_ok(&db, &["accounts", "list"]);
    let line = table.lines().find(|l| l.starts_with("Contoso")).expect(&table);
    for cell in ["Retail", "Enterprise", "Ana López", "$25,000", "$12,000 (2026-11)"] {
        assert!(line.contains(cell), "{cell} in {line}");
    }
}

#[test]
fn wins_list_by_quarter_and_without_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let wins = json(&db, &["wins", "list", "--format", "json"]);
    let titles: Vec<&str> = wins.as_array().unwrap().iter().map(|w| w["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        ["Contoso SAP", "Fabrikam claims AI", "Contoso data platform"],
        "wins only, newest first"
    );
    let data = &wins[2];
    assert_eq!(data["crm_id"], "OPP-1");
    assert_eq!(data["account"], "Contoso");
    assert_eq!((data["stage"].as_i64(), data["stage_name"].as_str()), (Some(4), Some("Realize Value")));
    assert_eq!(data["status"], "won");
    assert_eq!(data["monthly_acr"], 12_500);
    assert_eq!(data["closed_on"], "2026-10-05");
    assert_eq!(data["plan_agreed_on"], "2026-10-20");
    assert_eq!(data["plan_sponsor"], "Elena Ruiz");
    assert_eq!(data["architects"], "Ana López");
    assert_eq!(data["milestones"], 2);

    let q2 = json(&db, &["wins", "list", "--quarter", "FY27Q2", "--format", "json"]);
    assert_eq!(q2.as_array().unwrap().len(), 2, "the SAP win is Q1's");
    let no_plan = json(&db, &["wins", "list", "--without-plan", "--format", "json"]);
    assert_eq!(no_plan.as_array().unwrap().len(), 1);
    assert_eq!(no_plan[0]["title"], "Fabrikam claims AI");
    assert_eq!(no_plan[0]["plan_agreed_on"], Value::Null);
    let lost = json(&db, &["wins", "list", "--status", "lost", "--format", "json"]);
    assert_eq!(lost[0]["title"], "Contoso VDI");

    let table = leadline_ok(&db, &["wins", "list", "--without-plan"]);
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Fabrikam claims AI") && l.contains("NO PLAN") && l.contains("$8,000")),
        "{table}"
    );
    let bad = leadline(&db, &["wins", "list", "--quarter", "FY27Q5"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("FY27Q5"), "{}", stderr(&bad));
}

#[test]
fn milestones_list_due_within_and_by_state() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let due = json(&db, &["milestones", "list", "--due-within", "30", "--format", "json"]);
    assert_eq!(due.as_array().unwrap().len(), 1, "the live SAP milestone and February's are not due: {due}");
    let m = &due[0];
    assert_eq!(m["workload"], "Fabric lakehouse");
    assert_eq!(m["win"], "Contoso data platform");
    assert_eq!(m["account"], "Contoso");
    assert_eq!(m["owner"], "Ana López");
    assert_eq!(m["due_on"], "2026-12-10");
    assert_eq!(m["expected_acr"], 6_000);
    assert_eq!(m["committed"], true);
    assert_eq!(m["state"], "on_track");
    assert_eq!(m["evidence_on"], Value::Null);
    assert_eq!(m["stale"], true, "committed, due in 12 days, no evidence");

    let at_risk = json(&db, &["milestones", "list", "--state", "at_risk", "--format", "json"]);
    assert_eq!(at_risk.as_array().unwrap().len(), 1);
    assert_eq!(
        (at_risk[0]["workload"].as_str(), at_risk[0]["owner"].as_str()),
        (Some("Realtime scoring"), Some("Contoso Consulting"))
    );
    let csv = leadline_ok(&db, &["milestones", "list", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 4, "a header and three milestones:\n{csv}");
    let bad = leadline(&db, &["milestones", "list", "--state", "stuck"]);
    assert!(
        stderr(&bad).contains("state: “stuck” is not one of on_track, at_risk, blocked, live, cancelled"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn network_due_lists_those_past_their_maximum_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let due = json(&db, &["network", "due", "--format", "json"]);
    let list = due.as_array().unwrap();
    assert_eq!(list.len(), 2, "Sam spoke eight days ago: {due}");
    assert_eq!(list[0]["name"], "Zoë Müller");
    assert_eq!(list[0]["standing"], "past_max");
    assert_eq!(list[0]["days_since"], 88);
    assert_eq!(list[0]["last_interaction"], "2026-09-01");
    assert_eq!((list[0]["ideal_days"].as_i64(), list[0]["max_days"].as_i64()), (Some(30), Some(60)));
    assert_eq!(list[1]["name"], "Tom Becker");
    assert_eq!(list[1]["standing"], "due");
    assert_eq!(list[1]["kind"], "partner");
    assert_eq!(list[1]["days_since"], 18);
}

#[test]
fn the_scorecard_of_a_quarter_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let card = json(&db, &["scorecard", "--quarter", "FY27Q2", "--format", "json"]);
    assert_eq!(card["quarter"], "FY27 Q2");
    assert_eq!(card["as_of"], "2026-11-28");
    let lines = card["lines"].as_array().unwrap();
    let line = |name: &str| {
        lines
            .iter()
            .find(|l| l["name"].as_str().unwrap().starts_with(name))
            .unwrap_or_else(|| panic!("{name}"))
    };
    let wins = line("Wins");
    assert_eq!(
        (wins["target"].as_str(), wins["actual"].as_str(), wins["source"].as_str()),
        (Some("3"), Some("2"), Some("records"))
    );
    assert_eq!(wins["pct_of_target"], 66.7);
    let acr = line("ACR consumed");
    assert_eq!(
        (acr["target"].as_str(), acr["actual"].as_str()),
        (Some("$50,000"), Some("$22,000")),
        "October and November"
    );
    assert_eq!(acr["pct_of_target"], 44.0);
    let custom = line("Forecast accuracy");
    assert_eq!(
        (custom["unit"].as_str(), custom["actual"].as_str(), custom["source"].as_str()),
        (Some("%"), Some("87.5"), Some("typed"))
    );
    let coverage = line("Consumption-plan coverage");
    assert_eq!(
        (coverage["actual"].as_str(), coverage["pct_of_target"].as_f64()),
        (Some("2 of 3"), Some(66.7))
    );
    assert_eq!(line("Committed milestones")["actual"], "1");
    // Nobody held a one-on-one: eight full weeks of Q2 so far, for two architects.
    assert_eq!(line("One-on-one cadence")["actual"], "0 of 16");
    assert_eq!(line("Contacts past")["actual"], "1");
    assert_eq!(line("2 Inspire")["actual"], "1 open, $5,000");

    let csv = leadline_ok(&db, &["scorecard", "--quarter", "FY27Q2", "--format", "csv"]);
    assert!(csv.starts_with("section,name,unit,target,actual,source,pct_of_target\n"), "{csv}");
    assert!(csv.contains("target,Forecast accuracy,%,90,87.5,typed,97.2\n"), "{csv}");
    let table = leadline_ok(&db, &["scorecard", "--quarter", "FY27Q2"]);
    assert!(table.starts_with("Scorecard FY27 Q2 (as of 2026-11-28)"), "{table}");
    let q1 = leadline_ok(&db, &["scorecard", "--quarter", "FY27Q1"]);
    assert!(q1.contains("No targets set for FY27 Q1."), "{q1}");
    assert!(q1.contains("(as of 2026-09-30)"), "{q1}");
}

#[test]
fn scripts_add_wins_milestones_interactions_and_consumption() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let out = leadline_ok(
        &db,
        &[
            "wins",
            "add",
            "--account",
            "fabrikam",
            "--title",
            "Fabrikam Sentinel",
            "--stage",
            "4",
            "--acr",
            "9.5k",
            "--date",
            "2026-11-20",
            "--architects",
            "Ben",
            "--crm-id",
            "OPP-9",
        ],
    );
    assert_eq!(out.trim(), "Added “Fabrikam Sentinel” (won)");
    let out = leadline_ok(
        &db,
        &[
            "milestones",
            "add",
            "--win",
            "OPP-9",
            "--workload",
            "Sentinel rollout",
            "--owner",
            "Ben",
            "--due",
            "2027-01-15",
            "--acr",
            "4000",
            "--committed",
        ],
    );
    assert_eq!(out.trim(), "Added the milestone “Sentinel rollout”");
    let out = leadline_ok(
        &db,
        &["wins", "plan", "Sentinel", "--agreed-on", "2026-11-25", "--sponsor", "Aiko Mori"],
    );
    assert!(out.contains("is agreed since 2026-11-25"), "{out}");
    let out = leadline_ok(&db, &["interactions", "add", "--contact", "zoe", "--note", "Coffee"]);
    assert_eq!(out.trim(), "Recorded an interaction with Zoë Müller on 2026-11-28");
    let out = leadline_ok(
        &db,
        &["consumption", "add", "--account", "Fabrikam", "--month", "2026-11", "--acr", "7,500"],
    );
    assert_eq!(out.trim(), "Fabrikam consumed $7,500 in November 2026");

    let win = json(&db, &["wins", "list", "--format", "json"]);
    let sentinel = win.as_array().unwrap().iter().find(|w| w["crm_id"] == "OPP-9").unwrap();
    assert_eq!(
        (sentinel["monthly_acr"].as_i64(), sentinel["architects"].as_str(), sentinel["milestones"].as_i64()),
        (Some(9_500), Some("Ben Okafor"), Some(1))
    );
    let due = json(&db, &["network", "due", "--format", "json"]);
    assert!(due.as_array().unwrap().iter().all(|c| c["name"] != "Zoë Müller"), "in touch today");
}

#[test]
fn bad_input_from_a_script_is_refused_naming_the_field_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let before = leadline_ok(&db, &["wins", "list", "--status", "all", "--format", "json"]);
    for (args, message) in [
        (
            vec!["wins", "add", "--account", "Contoso", "--title", "X", "--acr", "-5"],
            "monthly ACR: -5 is negative; an amount is 0 or more",
        ),
        (
            vec!["wins", "add", "--account", "Contoso", "--title", "X", "--acr", "lots"],
            "monthly ACR: \"lots\" is not an amount",
        ),
        (
            vec!["wins", "add", "--account", "Contoso", "--title", "X", "--date", "2026-12-24"],
            "won date: 2026-12-24 is in the future",
        ),
        (
            vec!["wins", "add", "--account", "Contoso", "--title", "X", "--crm-id", "OPP-1"],
            "CRM id: OPP-1 is already the id of “Contoso data platform”",
        ),
        (
            vec!["wins", "add", "--account", "Contosso", "--title", "X"],
            "no account called “Contosso”; did you mean “Contoso”?",
        ),
        (
            vec![
                "milestones",
                "add",
                "--win",
                "OPP-1",
                "--workload",
                "Y",
                "--committed",
                "--due",
                "2027-01-01",
            ],
            "committed: a milestone can be committed only with an owner, a due date and an expected ACR; it has no owner or expected ACR",
        ),
        (
            vec!["milestones", "add", "--win", "OPP-1", "--workload", "Y", "--due", "2026-10-01"],
            "due date: 2026-10-01 is before the win on 2026-10-05",
        ),
        (
            vec!["consumption", "add", "--account", "Contoso", "--month", "2026-13", "--acr", "5"],
            "month: \"2026-13\" is not a month in the form YYYY-MM",
        ),
        (
            vec!["interactions", "add", "--contact", "Tom", "--date", "2026-12-01"],
            "date: 2026-12-01 is in the future",
        ),
    ] {
        let output = leadline(&db, &args);
        assert!(!output.status.success(), "{args:?} succeeded");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
    }
    assert_eq!(leadline_ok(&db, &["wins", "list", "--status", "all", "--format", "json"]), before);
    assert_eq!(json(&db, &["milestones", "list", "--format", "json"]).as_array().unwrap().len(), 3);
}
