//! Demo business data: accounts for the team, opportunities and wins across the MCEM stages
//! with their consumption plans (two wins without one, a milestone blocked, one at risk, one
//! committed with stale evidence), actual consumption, two market initiatives with events,
//! fifteen contacts (some past due), scorecard targets, and the demo's market-building time
//! linked to the accounts and initiatives it names. The large demo scales this to a hundred
//! architects and ten years. Every date is relative to `today`.

use std::collections::{BTreeMap, HashMap};

use chrono::{Days, Months, NaiveDate};
use rusqlite::{Connection, params};

mod tables;

use self::tables::{CONTACTS, DEALS, PREFIXES, PROFILES, SUFFIXES, WORKLOADS};
use super::{ACCOUNTS, DemoSize, Rng};
use crate::model::business::records::first_of_month;
use crate::model::business::{
    AccountFields, ContactFields, ContactKind, EventFields, EventKind, InitiativeFields, InitiativeStatus,
    McemStage, MetricFields, MetricKind, MilestoneFields, MilestoneState, OpportunityFields,
    OpportunityStatus, Owner, Plan,
};
use crate::model::fiscal::FiscalQuarter;
use crate::model::{AccountId, Architect, ArchitectId, OpportunityId, Status};
use crate::store::{
    StoreError, accounts, consumption, contacts, initiatives, milestones, opportunities, scorecard, time,
};

use MilestoneState::{AtRisk, Blocked, Live, OnTrack};
use OpportunityStatus::{Lost, Open, Won};

/// Fills the business side of the demo (after the team, its time and one-on-ones).
pub fn generate(
    conn: &Connection,
    size: DemoSize,
    today: NaiveDate,
    team: &[Architect],
) -> Result<(), StoreError> {
    let ids = profile_accounts(conn)?;
    match size {
        DemoSize::Small => small(conn, today, team, &ids)?,
        DemoSize::Large => large(conn, today, team, &ids)?,
    }
    link_time(conn, size)
}

/// The named accounts with their profiles (created if no architect listed them).
fn profile_accounts(conn: &Connection) -> Result<HashMap<&'static str, AccountId>, StoreError> {
    let mut ids = HashMap::new();
    for &(name, industry, segment, executive) in PROFILES {
        let id = accounts::find_or_create(conn, name)?;
        let mut fields = accounts::get(conn, id)?.fields;
        industry.clone_into(&mut fields.industry);
        segment.clone_into(&mut fields.segment);
        executive.clone_into(&mut fields.account_executive);
        accounts::update(conn, id, &fields)?;
        ids.insert(name, id);
    }
    for name in ACCOUNTS {
        ids.entry(name).or_insert(accounts::find_or_create(conn, name)?);
    }
    Ok(ids)
}

fn days_ago(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn days_ahead(today: NaiveDate, days: u64) -> NaiveDate {
    today.checked_add_days(Days::new(days)).unwrap_or(today)
}

/// An architect of the demo team by first name.
fn person(team: &[Architect], first: &str) -> Option<ArchitectId> {
    team.iter().find(|a| a.name().starts_with(first)).map(|a| a.id)
}

fn small(
    conn: &Connection,
    today: NaiveDate,
    team: &[Architect],
    ids: &HashMap<&'static str, AccountId>,
) -> Result<(), StoreError> {
    let areas = crate::store::lists::list(conn, crate::model::ListKind::SolutionArea)?;
    let mut created: HashMap<&'static str, OpportunityId> = HashMap::new();
    for (index, (d, steps)) in DEALS.iter().enumerate() {
        let account =
            ids.get(d.account).copied().map_or_else(|| accounts::find_or_create(conn, d.account), Ok)?;
        let fields = OpportunityFields {
            account,
            title: d.title.to_owned(),
            solution_area: areas.get((d.area + index) % areas.len().max(1)).map(|a| a.id),
            stage: d.stage,
            architects: d.architects.iter().filter_map(|first| person(team, first)).collect(),
            monthly_acr: d.acr,
            status: d.status,
            closed_on: d.closed.map(|days| days_ago(today, days)),
            lost_reason: if d.status == Lost {
                "Went with the incumbent's managed service".to_owned()
            } else {
                d.lost_reason.to_owned()
            },
            crm_id: d.crm.to_owned(),
        };
        let id = opportunities::insert(conn, &fields, days_ago(today, d.created), today)?;
        if let Some((agreed, sponsor)) = d.plan {
            opportunities::set_plan(
                conn,
                id,
                &Plan { agreed_on: Some(days_ago(today, agreed)), sponsor: sponsor.to_owned() },
            )?;
        }
        created.insert(d.title, id);
        for (step, &(workload, owner, due, acr, committed, state, evidence)) in steps.iter().enumerate() {
            let owner =
                person(team, owner).map_or_else(|| Owner::Partner(owner.to_owned()), Owner::Architect);
            let due_on = if due < 0 {
                days_ago(today, due.unsigned_abs())
            } else {
                days_ahead(today, due.unsigned_abs())
            };
            let fields = MilestoneFields {
                workload: workload.to_owned(),
                owner,
                due_on: Some(due_on),
                expected_acr: Some(acr),
                committed,
                state,
                evidence: evidence.map(|(_, text)| text.to_owned()).unwrap_or_default(),
                evidence_on: evidence.map(|(days, _)| days_ago(today, days)),
                crm_id: if d.crm.is_empty() { String::new() } else { format!("{}-M{}", d.crm, step + 1) },
            };
            milestones::insert(conn, id, &fields, today)?;
        }
    }
    // Actual consumption of the wins' accounts: ramping up since each win.
    for (d, _) in DEALS.iter().filter(|(d, _)| d.status == Won) {
        let Some(&account) = ids.get(d.account) else { continue };
        let won = days_ago(today, d.closed.unwrap_or(0));
        let mut month = first_of_month(won);
        let mut step = 1;
        while month < first_of_month(today) {
            let ramp = (d.acr * step.min(6) / 6) * (90 + (step * 7) % 15) / 100;
            let before = consumption::get(conn, account, month)?.unwrap_or(0);
            consumption::set(conn, account, month, Some(before + ramp))?;
            month = month.checked_add_months(Months::new(1)).unwrap_or(today);
            step += 1;
        }
    }
    small_initiatives(conn, today, team, ids, &created)?;
    small_network(conn, today)?;
    targets(
        conn,
        today,
        &[(MetricKind::Acr, 45_000_000), (MetricKind::Wins, 600), (MetricKind::Pipeline, 18_000_000)],
    )?;
    Ok(())
}

fn small_initiatives(
    conn: &Connection,
    today: NaiveDate,
    team: &[Architect],
    ids: &HashMap<&'static str, AccountId>,
    deals: &HashMap<&'static str, OpportunityId>,
) -> Result<(), StoreError> {
    let account = |name: &str| ids.get(name).copied();
    let healthcare = InitiativeFields {
        title: "Mid-market healthcare".to_owned(),
        thesis:
            "Regional hospitals are moving off ageing on-premises data centres; a secure landing zone with \
                 clinical-data guardrails opens a segment no competitor addresses well."
                .to_owned(),
        target: "Healthcare, mid-market".to_owned(),
        play: "Infrastructure & security: migrate and secure".to_owned(),
        status: InitiativeStatus::Active,
        next_step: "Second roundtable with the hospital CIO network".to_owned(),
        next_step_on: Some(days_ahead(today, 19)),
        accounts: ["Lamna Healthcare", "Humongous Insurance"].iter().filter_map(|n| account(n)).collect(),
        architects: ["Priya", "Lukas"].iter().filter_map(|n| person(team, n)).collect(),
        opportunities: ["Lamna zero-trust security programme"]
            .iter()
            .filter_map(|t| deals.get(t).copied())
            .collect(),
    };
    let id = initiatives::insert(conn, &healthcare)?;
    for (kind, title, ago, attendance) in [
        (EventKind::Briefing, "Hospital CIO briefing: secure cloud for clinical data", 64, Some(23)),
        (EventKind::Workshop, "Landing-zone workshop at Lamna Healthcare", 30, Some(14)),
        (EventKind::ConferenceTalk, "Talk at the regional health-IT summit", 8, Some(180)),
    ] {
        initiatives::add_event(
            conn,
            id,
            &EventFields { kind, title: title.to_owned(), held_on: days_ago(today, ago), attendance },
        )?;
    }
    let finance = InitiativeFields {
        title: "Financial services AI".to_owned(),
        thesis: "Banks and insurers want generative AI on their own data with audit trails; claims and fraud are the \
                 first use cases that pay for themselves."
            .to_owned(),
        target: "Financial services and insurance".to_owned(),
        play: "Data & AI: Azure OpenAI on Fabric".to_owned(),
        status: InitiativeStatus::Active,
        next_step: "Hackathon with the Fabrikam claims team".to_owned(),
        next_step_on: Some(days_ahead(today, 11)),
        accounts: ["Woodgrove Bank", "Fabrikam Insurance", "Humongous Insurance"].iter().filter_map(|n| account(n)).collect(),
        architects: ["Amara", "Priya"].iter().filter_map(|n| person(team, n)).collect(),
        opportunities: ["Woodgrove fraud analytics on Fabric", "Fabrikam claims triage with Azure OpenAI", "Humongous data estate modernisation"]
            .iter()
            .filter_map(|t| deals.get(t).copied())
            .collect(),
    };
    let id = initiatives::insert(conn, &finance)?;
    for (kind, title, ago, attendance) in [
        (EventKind::Workshop, "AI envisioning day for insurers", 75, Some(31)),
        (EventKind::Briefing, "Executive briefing at Woodgrove Bank", 41, Some(9)),
        (EventKind::Hackathon, "Fraud-detection hack day", 15, Some(26)),
    ] {
        initiatives::add_event(
            conn,
            id,
            &EventFields { kind, title: title.to_owned(), held_on: days_ago(today, ago), attendance },
        )?;
    }
    let idea = InitiativeFields {
        title: "Manufacturing digital twins".to_owned(),
        thesis: "Factories with connected lines can sell predictive maintenance to their own customers."
            .to_owned(),
        target: "Discrete manufacturing".to_owned(),
        play: "Digital & app innovation: IoT and digital twins".to_owned(),
        status: InitiativeStatus::Idea,
        accounts: ["Adventure Works"].iter().filter_map(|n| account(n)).collect(),
        architects: ["Kenji"].iter().filter_map(|n| person(team, n)).collect(),
        ..InitiativeFields::default()
    };
    initiatives::insert(conn, &idea)?;
    Ok(())
}

fn small_network(conn: &Connection, today: NaiveDate) -> Result<(), StoreError> {
    for &(name, organisation, kind, role, email, ideal_days, max_days, met) in CONTACTS {
        let fields = ContactFields {
            name: name.to_owned(),
            organisation: organisation.to_owned(),
            kind,
            role: role.to_owned(),
            email: email.to_owned(),
            ideal_days,
            max_days,
        };
        let id = contacts::insert(conn, &fields, days_ago(today, 400))?;
        for &ago in met {
            let note = match kind {
                ContactKind::Customer => "Executive check-in on the programme",
                ContactKind::Partner => "Joint pipeline review",
                ContactKind::Internal => "Account planning",
            };
            contacts::add_interaction(conn, id, days_ago(today, ago), note, today)?;
        }
    }
    Ok(())
}

/// Targets for this quarter and the previous (with typed actuals there), plus a custom metric.
fn targets(conn: &Connection, today: NaiveDate, built_in: &[(MetricKind, i64)]) -> Result<(), StoreError> {
    let start_month = time::time_settings(conn)?.start_month;
    let quarter = FiscalQuarter::of(today, start_month);
    for q in [quarter.previous(), quarter] {
        for &(kind, target) in built_in {
            let fields = MetricFields {
                quarter: q,
                kind,
                name: String::new(),
                unit: String::new(),
                target,
                actual: None,
            };
            scorecard::insert(conn, &fields)?;
        }
        let custom = MetricFields {
            quarter: q,
            kind: MetricKind::Custom,
            name: "Forecast accuracy".to_owned(),
            unit: "%".to_owned(),
            target: 9_000,
            actual: Some(if q == quarter { 8_650 } else { 9_150 }),
        };
        scorecard::insert(conn, &custom)?;
    }
    Ok(())
}

/// The large demo: 300 accounts, about 110 opportunities a quarter for ten years with their
/// plans and milestones, consumption, initiatives, 150 contacts and every quarter's targets.
fn large(
    conn: &Connection,
    today: NaiveDate,
    team: &[Architect],
    ids: &HashMap<&'static str, AccountId>,
) -> Result<(), StoreError> {
    let mut rng = Rng::new(0xB051_2E55);
    let active: Vec<ArchitectId> =
        team.iter().filter(|a| a.fields.status != Status::Left).map(|a| a.id).collect();
    let mut account_ids: Vec<AccountId> = ids.values().copied().collect();
    account_ids.sort();
    'names: for prefix in PREFIXES {
        for suffix in SUFFIXES {
            if account_ids.len() >= 300 {
                break 'names;
            }
            let architects = vec![*rng.pick(&active), *rng.pick(&active)];
            let fields = AccountFields {
                name: format!("{prefix} {suffix}"),
                industry: (*suffix).to_owned(),
                segment: (*rng.pick(&["Enterprise", "Corporate", "SMB", "Strategic"])).to_owned(),
                account_executive: format!("AE {}", rng.below(20) + 1),
                architects,
            };
            account_ids.push(accounts::insert(conn, &fields)?);
        }
    }
    let start_month = time::time_settings(conn)?.start_month;
    let mut quarter = FiscalQuarter::of(today, start_month);
    for _ in 0..39 {
        quarter = quarter.previous();
    }
    let areas = crate::store::lists::list(conn, crate::model::ListKind::SolutionArea)?;
    let mut number = 0;
    // Ordered: the consumption below draws from `rng` account by account, so a hash map's
    // order (different in every process) made the large demo's consumption differ run to run.
    let mut won_by_account: BTreeMap<AccountId, Vec<(NaiveDate, i64)>> = BTreeMap::new();
    let current = FiscalQuarter::of(today, start_month);
    while quarter <= current {
        let first = quarter.start(start_month);
        for _ in 0..110 {
            number += 1;
            let created_on =
                first.checked_add_days(Days::new(rng.below(85) as u64)).unwrap_or(first).min(today);
            let age = (today - created_on).num_days().max(0);
            let account = *rng.pick(&account_ids);
            let stage = McemStage::from_number(1 + below(&mut rng, 5)).unwrap_or_default();
            let acr = 1_000 * (2 + below(&mut rng, 60));
            let closing = age > 45 && below(&mut rng, 100) < age.min(400) / 4 + 10;
            let status = match (closing, rng.below(10)) {
                (false, _) => Open,
                (true, 0..=6) => Won,
                (true, _) => Lost,
            };
            let closed_on = (status != Open).then(|| {
                let after = 20 + rng.below(usize::try_from(age.clamp(21, 120)).unwrap_or(21) - 20) as u64;
                created_on.checked_add_days(Days::new(after)).unwrap_or(today).min(today)
            });
            let fields = OpportunityFields {
                account,
                title: format!("{} for {}", rng.pick(WORKLOADS), accounts_name(conn, account)?),
                solution_area: areas.get(rng.below(areas.len().max(1))).map(|a| a.id),
                stage,
                architects: vec![*rng.pick(&active)],
                monthly_acr: acr,
                status,
                closed_on,
                lost_reason: if status == Lost {
                    "Budget moved to next year".to_owned()
                } else {
                    String::new()
                },
                crm_id: format!("OPP-{number:06}"),
            };
            let id = opportunities::insert(conn, &fields, created_on, today)?;
            let (Won, Some(won_on)) = (status, closed_on) else { continue };
            // Nine wins in ten get their plan agreed within a month.
            if rng.below(10) != 0 {
                let agreed =
                    won_on.checked_add_days(Days::new(5 + rng.below(25) as u64)).unwrap_or(today).min(today);
                opportunities::set_plan(
                    conn,
                    id,
                    &Plan { agreed_on: Some(agreed), sponsor: "Customer sponsor".to_owned() },
                )?;
            }
            for step in 0..2 {
                let due = won_on
                    .checked_add_days(Days::new(30 + 45 * step + rng.below(30) as u64))
                    .unwrap_or(won_on);
                let expected = acr / 2;
                let milestone_state = if due < today {
                    if rng.below(12) == 0 { MilestoneState::Cancelled } else { Live }
                } else {
                    *rng.pick(&[OnTrack, OnTrack, OnTrack, OnTrack, AtRisk, Blocked])
                };
                let evidence_on =
                    (rng.below(3) != 0).then(|| won_on.max(days_ago(today, rng.below(40) as u64)).min(today));
                let fields = MilestoneFields {
                    workload: (*rng.pick(WORKLOADS)).to_owned(),
                    owner: Owner::Architect(*rng.pick(&active)),
                    due_on: Some(due),
                    expected_acr: Some(expected),
                    committed: rng.below(3) != 0,
                    state: milestone_state,
                    evidence: if evidence_on.is_some() {
                        "Progress reviewed with the customer".to_owned()
                    } else {
                        String::new()
                    },
                    evidence_on,
                    crm_id: format!("MS-{number:06}-{}", step + 1),
                };
                milestones::insert(conn, id, &fields, today)?;
            }
            won_by_account.entry(account).or_default().push((won_on, acr));
        }
        quarter = quarter.next();
    }
    // Consumption: every month since an account's first win, the sum of its wins' ACR so far.
    let this_month = first_of_month(today);
    let mut insert =
        conn.prepare_cached("INSERT INTO consumption (account_id, month, dollars) VALUES (?1, ?2, ?3)")?;
    for (account, mut wins) in won_by_account {
        wins.sort();
        let Some(&(first_win, _)) = wins.first() else { continue };
        let mut month = first_of_month(first_win).checked_add_months(Months::new(1)).unwrap_or(this_month);
        while month < this_month {
            let dollars: i64 = wins
                .iter()
                .filter(|(won, _)| *won < month)
                .map(|(_, acr)| acr * (85 + below(&mut rng, 25)) / 100)
                .sum();
            insert.execute(params![account, month, dollars])?;
            month = month.checked_add_months(Months::new(1)).unwrap_or(this_month);
        }
    }
    for index in 0..20 {
        let fields = InitiativeFields {
            title: format!("{} market initiative {}", rng.pick(SUFFIXES), index + 1),
            thesis: "A segment where our platform wins on data and AI.".to_owned(),
            target: (*rng.pick(SUFFIXES)).to_owned(),
            play: (*rng.pick(WORKLOADS)).to_owned(),
            status: *rng.pick(&[
                InitiativeStatus::Active,
                InitiativeStatus::Active,
                InitiativeStatus::Idea,
                InitiativeStatus::Won,
                InitiativeStatus::Dropped,
            ]),
            accounts: (0..3).map(|_| *rng.pick(&account_ids)).collect(),
            architects: (0..2).map(|_| *rng.pick(&active)).collect(),
            ..InitiativeFields::default()
        };
        let id = initiatives::insert(conn, &fields)?;
        for event in 0..4 {
            let fields = EventFields {
                kind: *rng.pick(&[
                    EventKind::Workshop,
                    EventKind::Briefing,
                    EventKind::Hackathon,
                    EventKind::ConferenceTalk,
                ]),
                title: format!("Event {}", event + 1),
                held_on: days_ago(today, rng.below(700) as u64),
                attendance: u32::try_from(10 + below(&mut rng, 100)).ok(),
            };
            initiatives::add_event(conn, id, &fields)?;
        }
    }
    let mut interaction =
        conn.prepare_cached("INSERT INTO interactions (contact_id, on_date, note) VALUES (?1, ?2, ?3)")?;
    for index in 0..150 {
        let ideal = *rng.pick(&[14_u32, 30, 45, 60]);
        let fields = ContactFields {
            name: format!("Contact {}", index + 1),
            organisation: accounts_name(conn, *rng.pick(&account_ids))?,
            kind: *rng.pick(&[
                ContactKind::Customer,
                ContactKind::Customer,
                ContactKind::Partner,
                ContactKind::Internal,
            ]),
            role: "Executive sponsor".to_owned(),
            email: format!("contact{}@example.com", index + 1),
            ideal_days: ideal,
            max_days: ideal * 2,
        };
        let id = contacts::insert(conn, &fields, days_ago(today, 1_100))?;
        let mut day = days_ago(today, 1_095);
        while day < today {
            interaction.execute(params![id, day, "Check-in"])?;
            day = day
                .checked_add_days(Days::new(u64::from(ideal) / 2 + rng.below(ideal as usize * 2) as u64))
                .unwrap_or(today);
        }
    }
    let mut q = current;
    for _ in 0..40 {
        for (kind, target) in
            [(MetricKind::Acr, 4_000_000_000), (MetricKind::Wins, 8_000), (MetricKind::Pipeline, 300_000_000)]
        {
            scorecard::insert(
                conn,
                &MetricFields {
                    quarter: q,
                    kind,
                    name: String::new(),
                    unit: String::new(),
                    target,
                    actual: None,
                },
            )?;
        }
        q = q.previous();
    }
    Ok(())
}

/// A number in `0..n`, as an `i64`.
fn below(rng: &mut Rng, n: i64) -> i64 {
    i64::try_from(rng.below(usize::try_from(n).unwrap_or(1))).unwrap_or(0)
}

fn accounts_name(conn: &Connection, id: AccountId) -> Result<String, StoreError> {
    Ok(conn.prepare_cached("SELECT name FROM accounts WHERE id = ?1")?.query_row([id], |row| row.get(0))?)
}

/// The demo's market-building time names the account (or initiative) its description
/// mentions, as the manager would have typed it: the longest name that fits wins.
fn link_time(conn: &Connection, size: DemoSize) -> Result<(), StoreError> {
    let mut names: Vec<(String, i64, bool)> = conn
        .prepare("SELECT name, id, 1 FROM accounts UNION ALL SELECT title, id, 0 FROM initiatives")?
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?.to_lowercase(), row.get(1)?, row.get::<_, i64>(2)? == 1))
        })?
        .collect::<rusqlite::Result<_>>()?;
    names.sort_by_key(|(name, _, _)| std::cmp::Reverse(name.len()));
    // Initiatives are named in the demo's descriptions by their theme.
    let themes: [(&str, &str); 2] = [
        ("mid-market healthcare", "mid-market healthcare"),
        ("roundtable: financial services", "financial services ai"),
    ];
    let entries: Vec<(i64, String)> = conn
        .prepare("SELECT id, lower(description) FROM time_entries WHERE category = 'market'")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut to_account = conn.prepare_cached("UPDATE time_entries SET account_id = ?2 WHERE id = ?1")?;
    let mut to_initiative =
        conn.prepare_cached("UPDATE time_entries SET initiative_id = ?2 WHERE id = ?1")?;
    // The descriptions come from a few templates: each distinct one is matched once (the large
    // demo has some 45,000 market entries and a few thousand distinct descriptions).
    let mut links: HashMap<String, Option<(i64, bool)>> = HashMap::new();
    for (entry, description) in entries {
        let link = if let Some(link) = links.get(&description) {
            *link
        } else {
            let link = link_of(&description, size, &themes, &names);
            links.insert(description, link);
            link
        };
        if let Some((id, is_account)) = link {
            let update = if is_account { &mut to_account } else { &mut to_initiative };
            update.execute(params![entry, id])?;
        }
    }
    Ok(())
}

/// The account (`true`) or initiative (`false`) a lower-case description names, if any.
fn link_of(
    description: &str,
    size: DemoSize,
    themes: &[(&str, &str)],
    names: &[(String, i64, bool)],
) -> Option<(i64, bool)> {
    if size == DemoSize::Small
        && let Some((_, title)) = themes.iter().find(|(words, _)| description.contains(words))
        && let Some((_, id, _)) = names.iter().find(|(name, _, account)| !account && name == title)
    {
        return Some((*id, false));
    }
    names
        .iter()
        .find(|(name, _, account)| *account && description.contains(name.as_str()))
        .map(|(_, id, _)| (*id, true))
}
