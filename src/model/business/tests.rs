//! The business maths on hand-built inputs, each expected value counted by hand.

use chrono::{Month, NaiveDate};

use super::*;
use crate::model::fiscal::FiscalQuarter;
use crate::model::ids::{ContactId, MetricId, MilestoneId, OpportunityId};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// FY27 Q2 (Oct-Dec 2026) with a July start; the tests live on Sat 28 Nov 2026.
fn q2() -> FiscalQuarter {
    FiscalQuarter::new(2027, 2).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 28)
}

fn opp(
    id: i64,
    status: OpportunityStatus,
    closed_on: Option<NaiveDate>,
    agreed: Option<NaiveDate>,
) -> OpportunityFacts {
    OpportunityFacts {
        id: OpportunityId(id),
        stage: McemStage::EmpowerAchieve,
        status,
        monthly_acr: 10_000,
        created_on: day(2026, 1, 5),
        closed_on,
        plan_agreed_on: agreed,
    }
}

fn won(id: i64, on: NaiveDate, agreed: Option<NaiveDate>) -> OpportunityFacts {
    opp(id, OpportunityStatus::Won, Some(on), agreed)
}

#[test]
fn coverage_counts_this_years_wins_and_the_plans_agreed_by_then() {
    let fy_start = day(2026, 7, 1);
    let opportunities = [
        // Won in Q1 with a plan agreed in Q1: covered.
        won(1, day(2026, 8, 10), Some(day(2026, 8, 20))),
        // Won in Q2, plan agreed in Q2: covered.
        won(2, day(2026, 10, 5), Some(day(2026, 10, 30))),
        // Won in Q1, plan agreed only after Q1 ended (in November).
        won(3, day(2026, 9, 20), Some(day(2026, 11, 2))),
        // Won, then lost: it is no win any more, anywhere.
        opp(4, OpportunityStatus::Lost, Some(day(2026, 9, 25)), Some(day(2026, 9, 1))),
        // Won last fiscal year: not this year's.
        won(5, day(2026, 6, 30), None),
        // Still open.
        opp(6, OpportunityStatus::Open, None, None),
        // Won in Q2 with no plan.
        won(7, day(2026, 11, 3), None),
    ];
    // At the end of Q1: wins 1 and 3; only 1 had its plan then.
    let q1 = coverage(&opportunities, fy_start, day(2026, 9, 30));
    assert_eq!((q1.wins, q1.with_plan), (2, 1));
    assert_eq!(q1.without_plan, vec![OpportunityId(3)]);
    assert_eq!(q1.pct(), Some(50.0));
    // Today: wins 1, 2, 3 and 7; 3's plan now counts, 7 has none.
    let now = coverage(&opportunities, fy_start, today());
    assert_eq!((now.wins, now.with_plan), (4, 3));
    assert_eq!(now.without_plan, vec![OpportunityId(7)]);
    assert_eq!(now.pct(), Some(75.0));
    assert_eq!(coverage(&[], fy_start, today()).pct(), None, "no wins: nothing to cover");
}

fn milestone(id: i64, state: MilestoneState, due: NaiveDate, evidence: Option<NaiveDate>) -> MilestoneFacts {
    MilestoneFacts {
        id: MilestoneId(id),
        opportunity: OpportunityId(2),
        win_status: OpportunityStatus::Won,
        committed: true,
        state,
        due_on: Some(due),
        expected_acr: Some(5_000),
        evidence_on: evidence,
    }
}

#[test]
fn a_stale_commitment_is_committed_due_within_30_days_without_evidence_in_14() {
    let as_of = today();
    let on_track = MilestoneState::OnTrack;
    let cases = [
        (milestone(1, on_track, day(2026, 12, 20), None), true),
        (milestone(2, on_track, day(2026, 12, 28), Some(day(2026, 11, 10))), true),
        // Evidence exactly 14 days ago is still fresh.
        (milestone(3, on_track, day(2026, 12, 1), Some(day(2026, 11, 14))), false),
        // Due in 31 days: not yet.
        (milestone(4, on_track, day(2026, 12, 29), None), false),
        // Overdue and silent: the more urgent.
        (milestone(5, MilestoneState::AtRisk, day(2026, 11, 1), None), true),
        // Cancelled or live: nothing to chase.
        (milestone(6, MilestoneState::Cancelled, day(2026, 12, 1), None), false),
        (milestone(7, MilestoneState::Live, day(2026, 12, 1), None), false),
        (MilestoneFacts { committed: false, ..milestone(8, on_track, day(2026, 12, 1), None) }, false),
        (
            MilestoneFacts {
                win_status: OpportunityStatus::Lost,
                ..milestone(9, on_track, day(2026, 12, 1), None)
            },
            false,
        ),
    ];
    for (facts, stale) in &cases {
        assert_eq!(facts.is_stale_commitment(as_of), *stale, "milestone {}", facts.id);
    }
    let all: Vec<MilestoneFacts> = cases.iter().map(|(m, _)| *m).collect();
    assert_eq!(stale_commitments(&all, as_of), vec![MilestoneId(1), MilestoneId(2), MilestoneId(5)]);
}

#[test]
fn the_pipeline_counts_what_was_open_on_the_day() {
    let mut early = opp(1, OpportunityStatus::Open, None, None);
    early.stage = McemStage::ListenConsult;
    early.monthly_acr = 4_000;
    let mut later_won = opp(2, OpportunityStatus::Won, Some(day(2026, 10, 15)), None);
    later_won.stage = McemStage::RealizeValue;
    let mut new = opp(3, OpportunityStatus::Open, None, None);
    new.created_on = day(2026, 10, 1);
    let lost = opp(4, OpportunityStatus::Lost, Some(day(2026, 8, 1)), None);
    let all = [early, later_won, new, lost];
    // On 30 September: 1 (stage 1) and 2 (stage 4, won later) were open; 3 did not exist; 4 was lost.
    let q1 = pipeline_by_stage(&all, day(2026, 9, 30));
    assert_eq!(q1.len(), 5);
    assert_eq!((q1[0].count, q1[0].monthly_acr), (1, 4_000));
    assert_eq!((q1[3].count, q1[3].monthly_acr), (1, 10_000));
    assert_eq!(q1[2].count, 0);
    // Today: 1 and 3 are open.
    let now = pipeline_by_stage(&all, today());
    assert_eq!((now[0].count, now[2].count, now[3].count), (1, 1, 0));
}

#[test]
fn cadence_counts_ended_periods_and_early_meetings() {
    let first = day(2026, 10, 1);
    // Thursday 1 Oct is in W40 (Mon 28 Sep). As of Wed 21 Oct: W40, W41 and W42 have ended; W43 runs.
    let as_of = day(2026, 10, 21);
    let weekly = CadenceFacts {
        cadence: Cadence::Weekly,
        started_on: Some(day(2024, 1, 8)),
        meetings: vec![day(2026, 9, 29), day(2026, 10, 6), day(2026, 10, 20)],
    };
    // W40: the 29 Sep meeting is before the quarter: not counted. W41 kept (6 Oct), W42 missed,
    // W43 has its meeting already (20 Oct) so it is due and kept.
    assert_eq!(cadence_kept(std::slice::from_ref(&weekly), first, as_of), CadenceKept { due: 4, kept: 2 });
    let biweekly =
        CadenceFacts { cadence: Cadence::Biweekly, started_on: None, meetings: vec![day(2026, 10, 2)] };
    // Periods W40-41 (kept, 2 Oct) and W42-43 (not over, no meeting yet: not due).
    assert_eq!(cadence_kept(std::slice::from_ref(&biweekly), first, as_of), CadenceKept { due: 1, kept: 1 });
    let newcomer =
        CadenceFacts { cadence: Cadence::Weekly, started_on: Some(day(2026, 11, 1)), meetings: vec![] };
    assert_eq!(cadence_kept(&[newcomer], first, as_of), CadenceKept::default(), "not on the team yet");
    let both = cadence_kept(&[weekly, biweekly], first, as_of);
    assert_eq!(both.pct(), Some(60.0));
}

fn contact(id: i64, interactions: &[NaiveDate]) -> ContactFacts {
    ContactFacts {
        id: ContactId(id),
        created_on: day(2025, 1, 1),
        ideal_days: 30,
        max_days: 60,
        interactions: interactions.to_vec(),
    }
}

#[test]
fn contacts_past_their_maximum_count_from_the_last_interaction_by_then() {
    let contacts = [
        contact(1, &[day(2026, 9, 1)]),
        contact(2, &[day(2026, 9, 1), day(2026, 11, 20)]),
        contact(3, &[]),
        // Added after the day looked at: not counted yet.
        ContactFacts { created_on: day(2026, 12, 1), ..contact(4, &[]) },
    ];
    // 28 Nov: 1 is 88 days out; 2 spoke 8 days ago; 3 never, added long ago.
    assert_eq!(contacts_past_max(&contacts, today()), vec![ContactId(1), ContactId(3)]);
    // On 15 Oct, 2's November interaction had not happened, but 44 days is within 60.
    assert_eq!(contacts_past_max(&contacts, day(2026, 10, 15)), vec![ContactId(3)]);
}

fn metric(id: i64, kind: MetricKind, target: i64, actual: Option<i64>) -> Metric {
    Metric {
        id: MetricId(id),
        fields: MetricFields {
            quarter: q2(),
            kind,
            name: kind.default_name().to_owned(),
            unit: kind.unit().to_owned(),
            target,
            actual,
        },
    }
}

#[test]
fn the_scorecard_derives_what_the_records_hold_and_keeps_what_was_typed() {
    let opportunities = [
        won(1, day(2026, 10, 5), Some(day(2026, 10, 30))),
        won(2, day(2026, 11, 3), None),
        // Won in Q2, then lost: neither a win nor pipeline.
        opp(3, OpportunityStatus::Lost, Some(day(2026, 11, 10)), None),
        won(4, day(2026, 8, 1), Some(day(2026, 12, 1))),
        opp(5, OpportunityStatus::Open, None, None),
    ];
    let milestones = [
        milestone(1, MilestoneState::OnTrack, day(2026, 12, 10), None),
        // Cancelled: out of every count.
        milestone(2, MilestoneState::Cancelled, day(2026, 12, 10), None),
    ];
    let metrics = [
        metric(1, MetricKind::Wins, 300, Some(900)),
        metric(2, MetricKind::Acr, 10_000_000, Some(5_000_000)),
        metric(3, MetricKind::Pipeline, 5_000_000, None),
        Metric {
            fields: MetricFields {
                name: "Forecast accuracy".into(),
                unit: "%".into(),
                ..metric(4, MetricKind::Custom, 9_000, Some(8_750)).fields
            },
            ..metric(4, MetricKind::Custom, 9_000, Some(8_750))
        },
        // Another quarter's target: not on this scorecard.
        Metric {
            fields: MetricFields { quarter: q2().next(), ..metric(5, MetricKind::Wins, 100, None).fields },
            ..metric(5, MetricKind::Wins, 100, None)
        },
    ];
    // Actual consumption: September (Q1) is not counted; October and November are.
    let consumption = [(day(2026, 9, 1), 70_000), (day(2026, 10, 1), 30_000), (day(2026, 11, 1), 32_500)];
    let inputs = ScorecardInputs {
        quarter: q2(),
        start_month: Month::July,
        today: today(),
        metrics: &metrics,
        opportunities: &opportunities,
        has_opportunities: true,
        milestones: &milestones,
        consumption: &consumption,
        contacts: &[contact(1, &[day(2026, 9, 1)])],
        cadence: &[],
    };
    let card = scorecard(&inputs);
    assert_eq!(card.as_of, today());
    assert_eq!(card.lines.len(), 4);
    let wins = &card.lines[0];
    assert_eq!(
        (wins.derived, wins.actual()),
        (Some(200), Some(200)),
        "two wins in Q2; the typed 9 is not used"
    );
    assert_eq!(wins.pct_of_target(), Some(200.0 * 100.0 / 300.0));
    let acr = &card.lines[1];
    assert_eq!(acr.actual(), Some(6_250_000), "$62,500 consumed in October and November");
    assert_eq!(card.lines[2].actual(), Some(1_000_000), "opportunity 5 is the only open one: $10,000");
    let custom = &card.lines[3];
    assert_eq!((custom.derived, custom.actual()), (None, Some(8_750)), "typed");
    // Standards: this year's wins are 1, 2 and 4; 4's plan was agreed after today, 2 has none.
    assert_eq!((card.standards.coverage.wins, card.standards.coverage.with_plan), (3, 1));
    assert_eq!(card.standards.stale_commitments, vec![MilestoneId(1)]);
    assert_eq!(card.standards.contacts_past_max, vec![ContactId(1)]);
    assert_eq!(card.pipeline[2].count, 1);

    // Q1, looked at after it ended: 4 is its only win, and its plan came after Q1 ended.
    let q1 = scorecard(&ScorecardInputs { quarter: q2().previous(), ..inputs });
    assert_eq!(q1.as_of, day(2026, 9, 30));
    assert_eq!((q1.standards.coverage.wins, q1.standards.coverage.with_plan), (1, 0));
    assert!(q1.lines.is_empty(), "no targets were set for Q1");
}

#[test]
fn a_quarter_with_no_records_keeps_the_typed_actuals() {
    let metrics = [metric(1, MetricKind::Wins, 300, Some(200)), metric(2, MetricKind::Acr, 100, Some(50))];
    let card = scorecard(&ScorecardInputs {
        quarter: q2(),
        start_month: Month::July,
        today: today(),
        metrics: &metrics,
        opportunities: &[],
        has_opportunities: false,
        milestones: &[],
        consumption: &[],
        contacts: &[],
        cadence: &[],
    });
    assert_eq!(card.lines[0].actual(), Some(200));
    assert_eq!(card.lines[1].actual(), Some(50));
    assert_eq!(card.standards.coverage.pct(), None);
}

#[test]
fn expected_acr_builds_up_month_by_month() {
    let months = months_until(day(2026, 12, 15), 4);
    assert_eq!(months, vec![day(2026, 9, 1), day(2026, 10, 1), day(2026, 11, 1), day(2026, 12, 1)]);
    let milestones = [(day(2026, 10, 31), 5_000), (day(2026, 11, 1), 2_000), (day(2027, 1, 1), 9_000)];
    assert_eq!(expected_by_month(&milestones, &months), vec![0, 5_000, 7_000, 7_000]);
}

#[test]
fn attention_lists_plans_trouble_stale_commitments_and_lapsed_contacts() {
    let opportunities = [won(1, day(2026, 11, 20), None), won(2, day(2026, 10, 1), Some(day(2026, 10, 2)))];
    let milestones = [
        milestone(1, MilestoneState::Blocked, day(2027, 3, 1), None),
        milestone(2, MilestoneState::AtRisk, day(2027, 3, 1), None),
        MilestoneFacts {
            win_status: OpportunityStatus::Lost,
            ..milestone(3, MilestoneState::Blocked, day(2027, 3, 1), None)
        },
        milestone(4, MilestoneState::OnTrack, day(2026, 12, 5), Some(day(2026, 11, 1))),
    ];
    let attention =
        Attention::build(&opportunities, &milestones, &[contact(7, &[])], day(2026, 7, 1), today());
    assert_eq!(attention.wins_without_plan, vec![OpportunityId(1)]);
    assert_eq!(attention.troubled, vec![MilestoneId(1), MilestoneId(2)]);
    assert_eq!(attention.stale_commitments, vec![MilestoneId(4)]);
    assert_eq!(attention.contacts_past_max, vec![ContactId(7)]);
    assert!(!attention.is_empty());
}

#[test]
fn a_link_is_found_by_a_unique_start_of_an_account_or_initiative() {
    use crate::model::ids::{AccountId, InitiativeId};
    let account = |id, name: &str| Account {
        id: AccountId(id),
        fields: AccountFields { name: name.into(), ..AccountFields::default() },
    };
    let accounts = [account(1, "Contoso"), account(2, "Coho Winery"), account(3, "Fabrikam Insurance")];
    let initiative = |id, title: &str, status| Initiative {
        id: InitiativeId(id),
        fields: InitiativeFields { title: title.into(), status, ..InitiativeFields::default() },
    };
    let initiatives = [
        initiative(1, "Mid-market healthcare", InitiativeStatus::Active),
        initiative(2, "Manufacturing AI", InitiativeStatus::Dropped),
        initiative(3, "Municipal cloud", InitiativeStatus::Idea),
    ];
    let found = |typed| match_link(&accounts, &initiatives, typed).map_err(|e| e.to_string());
    assert_eq!(found(""), Ok(None));
    assert_eq!(found("contoso"), Ok(Some(WorkLink::Account(AccountId(1)))));
    assert_eq!(found("insur"), Ok(Some(WorkLink::Account(AccountId(3)))));
    assert_eq!(found("health"), Ok(Some(WorkLink::Initiative(InitiativeId(1)))));
    assert_eq!(found("m"), Err("account or initiative: “m” could be Mid-market healthcare, Municipal cloud; type more of the name".to_owned()), "a dropped initiative gives way");
    assert_eq!(
        found("manufacturing ai"),
        Ok(Some(WorkLink::Initiative(InitiativeId(2)))),
        "the exact name finds a dropped one"
    );
    assert_eq!(
        found("co"),
        Err("account or initiative: “co” could be Contoso, Coho Winery; type more of the name".to_owned())
    );
    assert_eq!(
        found("zed"),
        Err("account or initiative: no account or initiative is called “zed”".to_owned())
    );
    assert_eq!(link_name(WorkLink::Account(AccountId(2)), &accounts, &initiatives), "Coho Winery");
}
