//! The maths of hiring, from plain inputs (no SQL, no egui): days to fill, days in a stage,
//! offer acceptance, an interview plan's gaps and doubles, the pipeline's columns and a
//! quarter's figures. The hiring view and the quarterly review call the same functions.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use super::candidate::{Stage, StageReached};
use super::ids::{CandidateId, CompetencyId, InterviewStepId, RequisitionId};
use super::interview::{PolicyAnswer, on_time};
use super::onboarding::LeavingReason;
use super::requisition::RequisitionStatus;

/// Days from the opening to the day it was filled (the hire's acceptance).
pub fn days_to_fill(opened_on: NaiveDate, filled_on: NaiveDate) -> i64 {
    (filled_on - opened_on).num_days()
}

/// Days a candidate has been in their current stage, as of `today`; `None` once the process
/// is over (hired, declined, rejected, withdrawn) or before it began.
pub fn days_in_stage(stages: &[StageReached], today: NaiveDate) -> Option<i64> {
    let last = stages.last()?;
    last.stage.is_open().then(|| (today - last.on).num_days())
}

/// How long a candidate spent in each stage they went through, oldest first: up to the next
/// stage, and up to `today` for a stage they are still in. An outcome has no duration.
pub fn time_in_stages(stages: &[StageReached], today: NaiveDate) -> Vec<(Stage, i64)> {
    let mut spent: Vec<(Stage, i64)> =
        stages.windows(2).map(|pair| (pair[0].stage, (pair[1].on - pair[0].on).num_days())).collect();
    if let Some(days) = days_in_stage(stages, today)
        && let Some(last) = stages.last()
    {
        spent.push((last.stage, days));
    }
    spent
}

/// Offers accepted (hired) and declined.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OfferAcceptance {
    pub accepted: usize,
    pub declined: usize,
}

impl OfferAcceptance {
    pub fn decided(self) -> usize {
        self.accepted + self.declined
    }

    /// Accepted offers as a share of decided ones, in percent; `None` with none decided.
    pub fn rate_pct(self) -> Option<f64> {
        (self.decided() > 0).then(|| self.accepted as f64 * 100.0 / self.decided() as f64)
    }
}

/// Offer acceptance over the outcomes of candidates who had an offer: a hire accepted it, a
/// decline did not; anything else (still deciding, withdrawn) is not a decided offer.
pub fn offer_acceptance(outcomes: impl IntoIterator<Item = Stage>) -> OfferAcceptance {
    let mut acceptance = OfferAcceptance::default();
    for stage in outcomes {
        match stage {
            Stage::Hired => acceptance.accepted += 1,
            Stage::Declined => acceptance.declined += 1,
            _ => {}
        }
    }
    acceptance
}

/// How an interview plan covers the competencies: each should be assessed by exactly one step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Assessed by no step, in the competencies' order.
    pub gaps: Vec<CompetencyId>,
    /// Assessed by two steps or more (the steps in plan order), in the competencies' order.
    pub doubles: Vec<(CompetencyId, Vec<InterviewStepId>)>,
}

impl Coverage {
    pub fn is_complete(&self) -> bool {
        self.gaps.is_empty() && self.doubles.is_empty()
    }
}

/// Checks a plan: `competencies` to assess (the skills matrix, in order) against `steps`, each
/// with the competencies it assesses, in plan order.
pub fn plan_coverage(
    competencies: &[CompetencyId],
    steps: &[(InterviewStepId, &[CompetencyId])],
) -> Coverage {
    let mut coverage = Coverage::default();
    for competency in competencies {
        let by: Vec<InterviewStepId> =
            steps.iter().filter(|(_, assessed)| assessed.contains(competency)).map(|(id, _)| *id).collect();
        match by.len() {
            0 => coverage.gaps.push(*competency),
            1 => {}
            _ => coverage.doubles.push((*competency, by)),
        }
    }
    coverage
}

/// A candidate as the pipeline needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineInput {
    pub candidate: CandidateId,
    pub requisition: RequisitionId,
    pub name: String,
    /// Oldest first.
    pub stages: Vec<StageReached>,
}

/// A candidate in a column of the pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineCard {
    pub candidate: CandidateId,
    pub requisition: RequisitionId,
    pub name: String,
    pub since: NaiveDate,
    pub days_in_stage: i64,
}

/// One stage of the pipeline: who is in it, longest waiting first.
#[derive(Debug, Clone, PartialEq)]
pub struct PipelineColumn {
    pub stage: Stage,
    pub cards: Vec<PipelineCard>,
}

impl PipelineColumn {
    /// The average days the candidates in it have spent there so far.
    pub fn average_days(&self) -> Option<f64> {
        (!self.cards.is_empty())
            .then(|| self.cards.iter().map(|c| c.days_in_stage as f64).sum::<f64>() / self.cards.len() as f64)
    }
}

/// The pipeline: a column per open stage, and how many ended in each outcome.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pipeline {
    pub columns: Vec<PipelineColumn>,
    pub outcomes: BTreeMap<Stage, usize>,
}

impl Pipeline {
    pub fn in_process(&self) -> usize {
        self.columns.iter().map(|c| c.cards.len()).sum()
    }
}

/// Sorts candidates into the stages they are in as of `today`.
pub fn pipeline(candidates: &[PipelineInput], today: NaiveDate) -> Pipeline {
    let mut columns: Vec<PipelineColumn> =
        Stage::PIPELINE.iter().map(|&stage| PipelineColumn { stage, cards: Vec::new() }).collect();
    let mut outcomes = BTreeMap::new();
    for input in candidates {
        let Some(last) = input.stages.last() else { continue };
        if let Some(column) = columns.iter_mut().find(|c| c.stage == last.stage) {
            column.cards.push(PipelineCard {
                candidate: input.candidate,
                requisition: input.requisition,
                name: input.name.clone(),
                since: last.on,
                days_in_stage: (today - last.on).num_days(),
            });
        } else {
            *outcomes.entry(last.stage).or_insert(0) += 1;
        }
    }
    for column in &mut columns {
        column.cards.sort_by(|a, b| {
            b.days_in_stage
                .cmp(&a.days_in_stage)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
    }
    Pipeline { columns, outcomes }
}

/// A requisition's dates, for the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequisitionDates {
    pub opened_on: NaiveDate,
    pub status: RequisitionStatus,
    pub closed_on: Option<NaiveDate>,
}

/// An offer decided on a day: accepted (hired) or declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfferDecision {
    pub on: NaiveDate,
    pub outcome: Stage,
}

/// An interview's start and when its scorecard came in (`None`: not yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScorecardTiming {
    pub held_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
}

/// A slate report's day and answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlateInput {
    pub reported_on: NaiveDate,
    pub slate: PolicyAnswer,
    pub panel: PolicyAnswer,
}

/// An architect who left, when and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DepartureInput {
    pub left_on: NaiveDate,
    pub reason: LeavingReason,
}

/// Everything the quarter's figures are counted from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FigureInputs {
    pub requisitions: Vec<RequisitionDates>,
    pub offers: Vec<OfferDecision>,
    pub scorecards: Vec<ScorecardTiming>,
    pub slates: Vec<SlateInput>,
    pub departures: Vec<DepartureInput>,
}

/// Yes, no and not reported, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PolicyCount {
    pub yes: usize,
    pub no: usize,
    pub not_reported: usize,
}

impl PolicyCount {
    fn add(&mut self, answer: PolicyAnswer) {
        match answer {
            PolicyAnswer::Yes => self.yes += 1,
            PolicyAnswer::No => self.no += 1,
            PolicyAnswer::NotReported => self.not_reported += 1,
        }
    }

    /// Meeting policy as a share of those reported (yes or no), in percent.
    pub fn meeting_pct(self) -> Option<f64> {
        let reported = self.yes + self.no;
        (reported > 0).then(|| self.yes as f64 * 100.0 / reported as f64)
    }
}

/// One quarter's hiring figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuarterFigures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub opened: usize,
    pub filled: usize,
    pub cancelled: usize,
    /// Days to fill of each requisition filled in the quarter.
    pub days_to_fill: Vec<i64>,
    pub offers: OfferAcceptance,
    /// Interviews held in the quarter whose scorecard came within 24 hours.
    pub scorecards_on_time: usize,
    /// Interviews held in the quarter whose scorecard came later, or is more than 24 hours
    /// overdue.
    pub scorecards_late: usize,
    pub slates: PolicyCount,
    pub panels: PolicyCount,
    /// Architects who left for a more senior role (promoted, or elsewhere in the organisation).
    pub moved_to_senior_roles: usize,
    /// Everyone who left in the quarter, for any reason.
    pub left: usize,
}

impl QuarterFigures {
    pub fn average_days_to_fill(&self) -> Option<f64> {
        (!self.days_to_fill.is_empty())
            .then(|| self.days_to_fill.iter().sum::<i64>() as f64 / self.days_to_fill.len() as f64)
    }

    /// Scorecards on time as a share of those due, in percent.
    pub fn scorecards_on_time_pct(&self) -> Option<f64> {
        let due = self.scorecards_on_time + self.scorecards_late;
        (due > 0).then(|| self.scorecards_on_time as f64 * 100.0 / due as f64)
    }
}

/// Counts the figures of the days `from` to `to` (inclusive), as of `now`: requisitions opened
/// and filled in those days and the days each took, offers decided, scorecards of the
/// interviews held (an owed one counts as late once 24 hours have passed), slates and panels
/// reported, and who left.
pub fn quarter_figures(
    inputs: &FigureInputs,
    from: NaiveDate,
    to: NaiveDate,
    now: NaiveDateTime,
) -> QuarterFigures {
    let within = |day: NaiveDate| from <= day && day <= to;
    let mut figures = QuarterFigures { from, to, ..QuarterFigures::default() };
    for requisition in &inputs.requisitions {
        if within(requisition.opened_on) {
            figures.opened += 1;
        }
        let Some(closed_on) = requisition.closed_on.filter(|d| within(*d)) else { continue };
        match requisition.status {
            RequisitionStatus::Filled => {
                figures.filled += 1;
                figures.days_to_fill.push(days_to_fill(requisition.opened_on, closed_on));
            }
            RequisitionStatus::Cancelled => figures.cancelled += 1,
            RequisitionStatus::Open | RequisitionStatus::OnHold => {}
        }
    }
    figures.offers = offer_acceptance(inputs.offers.iter().filter(|o| within(o.on)).map(|o| o.outcome));
    for timing in inputs.scorecards.iter().filter(|t| within(t.held_at.date())) {
        match timing.submitted_at {
            Some(submitted) if on_time(timing.held_at, submitted) => figures.scorecards_on_time += 1,
            Some(_) => figures.scorecards_late += 1,
            None if !on_time(timing.held_at, now) => figures.scorecards_late += 1,
            // Still within its 24 hours: neither on time nor late yet.
            None => {}
        }
    }
    for slate in inputs.slates.iter().filter(|s| within(s.reported_on)) {
        figures.slates.add(slate.slate);
        figures.panels.add(slate.panel);
    }
    for departure in inputs.departures.iter().filter(|d| within(d.left_on)) {
        figures.left += 1;
        if departure.reason.developed_into_senior_role() {
            figures.moved_to_senior_roles += 1;
        }
    }
    figures
}

/// The end of `day`, as "now" for figures counted on a date.
pub fn end_of(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::interview::parse_datetime;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(stage: Stage, on: NaiveDate) -> StageReached {
        StageReached { stage, on }
    }

    fn time(text: &str) -> NaiveDateTime {
        parse_datetime("t", text).unwrap()
    }

    #[test]
    fn days_to_fill_counts_from_opening_to_acceptance() {
        assert_eq!(days_to_fill(day(2026, 10, 5), day(2026, 11, 20)), 46);
        assert_eq!(days_to_fill(day(2026, 2, 1), day(2026, 3, 1)), 28);
        assert_eq!(days_to_fill(day(2024, 2, 1), day(2024, 3, 1)), 29, "leap year");
    }

    #[test]
    fn days_in_stage_run_to_today_and_stop_at_an_outcome() {
        let today = day(2026, 11, 28);
        let stages = [
            at(Stage::Sourced, day(2026, 10, 1)),
            at(Stage::Screen, day(2026, 10, 11)),
            at(Stage::InterviewLoop, day(2026, 11, 8)),
        ];
        assert_eq!(days_in_stage(&stages, today), Some(20));
        assert_eq!(
            time_in_stages(&stages, today),
            [(Stage::Sourced, 10), (Stage::Screen, 28), (Stage::InterviewLoop, 20)]
        );
        let rejected = [at(Stage::Sourced, day(2026, 10, 1)), at(Stage::Rejected, day(2026, 10, 4))];
        assert_eq!(days_in_stage(&rejected, today), None);
        assert_eq!(time_in_stages(&rejected, today), [(Stage::Sourced, 3)]);
        assert_eq!(days_in_stage(&[], today), None);
    }

    #[test]
    fn offer_acceptance_counts_decided_offers_only() {
        let acceptance = offer_acceptance([
            Stage::Hired,
            Stage::Declined,
            Stage::Hired,
            Stage::Hired,
            Stage::Withdrawn,
            Stage::Offer,
        ]);
        assert_eq!(acceptance, OfferAcceptance { accepted: 3, declined: 1 });
        assert_eq!(acceptance.rate_pct(), Some(75.0));
        assert_eq!(offer_acceptance([]).rate_pct(), None);
    }

    #[test]
    fn a_plan_flags_a_competency_nobody_assesses_and_one_assessed_twice() {
        let [design, depth, selling, acumen] = [1, 2, 3, 4].map(CompetencyId);
        let (loop_1, loop_2, loop_3) = (InterviewStepId(10), InterviewStepId(11), InterviewStepId(12));
        let competencies = [design, depth, selling, acumen];
        let coverage = plan_coverage(
            &competencies,
            &[(loop_1, &[design, depth][..]), (loop_2, &[selling, depth][..]), (loop_3, &[depth][..])],
        );
        assert_eq!(coverage.gaps, [acumen]);
        assert_eq!(coverage.doubles, [(depth, vec![loop_1, loop_2, loop_3])]);
        assert!(!coverage.is_complete());
        let complete =
            plan_coverage(&competencies, &[(loop_1, &[design, depth][..]), (loop_2, &[selling, acumen][..])]);
        assert!(complete.is_complete());
        assert_eq!(plan_coverage(&competencies, &[]).gaps.len(), 4, "no plan: everything is a gap");
    }

    #[test]
    fn the_pipeline_has_a_column_per_open_stage_longest_waiting_first() {
        let today = day(2026, 11, 28);
        let input = |id: i64, name: &str, stages: Vec<StageReached>| PipelineInput {
            candidate: CandidateId(id),
            requisition: RequisitionId(1),
            name: name.into(),
            stages,
        };
        let pipeline = pipeline(
            &[
                input(1, "Ana", vec![at(Stage::Sourced, day(2026, 11, 20))]),
                input(2, "Ben", vec![at(Stage::Sourced, day(2026, 11, 10))]),
                input(
                    3,
                    "Chloé",
                    vec![at(Stage::Sourced, day(2026, 10, 1)), at(Stage::Debrief, day(2026, 11, 25))],
                ),
                input(
                    4,
                    "Dev",
                    vec![at(Stage::Sourced, day(2026, 10, 1)), at(Stage::Rejected, day(2026, 10, 9))],
                ),
                input(
                    5,
                    "Eli",
                    vec![at(Stage::Sourced, day(2026, 10, 1)), at(Stage::Rejected, day(2026, 10, 9))],
                ),
            ],
            today,
        );
        let names = |stage: Stage| -> Vec<String> {
            pipeline
                .columns
                .iter()
                .find(|c| c.stage == stage)
                .unwrap()
                .cards
                .iter()
                .map(|c| c.name.clone())
                .collect()
        };
        assert_eq!(pipeline.columns.len(), 5);
        assert_eq!(names(Stage::Sourced), ["Ben", "Ana"]);
        assert_eq!(names(Stage::Debrief), ["Chloé"]);
        assert!(names(Stage::Offer).is_empty());
        assert_eq!(pipeline.columns[0].average_days(), Some(13.0), "18 and 8 days");
        assert_eq!(pipeline.outcomes.get(&Stage::Rejected), Some(&2));
        assert_eq!(pipeline.in_process(), 3);
    }

    #[test]
    fn a_quarters_figures_count_what_happened_in_it() {
        let (from, to) = (day(2026, 10, 1), day(2026, 12, 31));
        let inputs = FigureInputs {
            requisitions: vec![
                // Opened last quarter, filled in this one after 60 days.
                RequisitionDates {
                    opened_on: day(2026, 9, 1),
                    status: RequisitionStatus::Filled,
                    closed_on: Some(day(2026, 10, 31)),
                },
                // Opened and filled in this one after 20 days.
                RequisitionDates {
                    opened_on: day(2026, 10, 5),
                    status: RequisitionStatus::Filled,
                    closed_on: Some(day(2026, 10, 25)),
                },
                RequisitionDates {
                    opened_on: day(2026, 11, 2),
                    status: RequisitionStatus::Open,
                    closed_on: None,
                },
                RequisitionDates {
                    opened_on: day(2026, 11, 3),
                    status: RequisitionStatus::Cancelled,
                    closed_on: Some(day(2026, 11, 20)),
                },
                // Filled last quarter: not this one's.
                RequisitionDates {
                    opened_on: day(2026, 7, 1),
                    status: RequisitionStatus::Filled,
                    closed_on: Some(day(2026, 9, 30)),
                },
            ],
            offers: vec![
                OfferDecision { on: day(2026, 10, 31), outcome: Stage::Hired },
                OfferDecision { on: day(2026, 10, 25), outcome: Stage::Hired },
                OfferDecision { on: day(2026, 11, 10), outcome: Stage::Declined },
                OfferDecision { on: day(2026, 9, 30), outcome: Stage::Hired },
            ],
            scorecards: vec![
                ScorecardTiming {
                    held_at: time("2026-11-02 10:00"),
                    submitted_at: Some(time("2026-11-02 16:00")),
                },
                ScorecardTiming {
                    held_at: time("2026-11-02 10:00"),
                    submitted_at: Some(time("2026-11-03 11:00")),
                },
                // Owed for two days: late.
                ScorecardTiming { held_at: time("2026-11-26 09:00"), submitted_at: None },
                // Held this morning: not due yet.
                ScorecardTiming { held_at: time("2026-11-28 09:00"), submitted_at: None },
                ScorecardTiming { held_at: time("2026-09-28 09:00"), submitted_at: None },
            ],
            slates: vec![
                SlateInput {
                    reported_on: day(2026, 10, 10),
                    slate: PolicyAnswer::Yes,
                    panel: PolicyAnswer::Yes,
                },
                SlateInput {
                    reported_on: day(2026, 11, 10),
                    slate: PolicyAnswer::No,
                    panel: PolicyAnswer::NotReported,
                },
                SlateInput {
                    reported_on: day(2026, 9, 10),
                    slate: PolicyAnswer::No,
                    panel: PolicyAnswer::No,
                },
            ],
            departures: vec![
                DepartureInput { left_on: day(2026, 10, 15), reason: LeavingReason::Promoted },
                DepartureInput { left_on: day(2026, 11, 15), reason: LeavingReason::SeniorRoleElsewhere },
                DepartureInput { left_on: day(2026, 11, 16), reason: LeavingReason::LateralMove },
                DepartureInput { left_on: day(2026, 12, 1), reason: LeavingReason::LeftCompany },
                DepartureInput { left_on: day(2026, 9, 1), reason: LeavingReason::Promoted },
            ],
        };
        let figures = quarter_figures(&inputs, from, to, time("2026-11-28 12:00"));
        assert_eq!((figures.opened, figures.filled, figures.cancelled), (3, 2, 1));
        assert_eq!(figures.days_to_fill, [60, 20]);
        assert_eq!(figures.average_days_to_fill(), Some(40.0));
        assert_eq!(figures.offers, OfferAcceptance { accepted: 2, declined: 1 });
        assert_eq!((figures.scorecards_on_time, figures.scorecards_late), (1, 2));
        assert_eq!(figures.scorecards_on_time_pct().map(f64::round), Some(33.0));
        assert_eq!(figures.slates, PolicyCount { yes: 1, no: 1, not_reported: 0 });
        assert_eq!(figures.panels, PolicyCount { yes: 1, no: 0, not_reported: 1 });
        assert_eq!(figures.panels.meeting_pct(), Some(100.0));
        assert_eq!((figures.moved_to_senior_roles, figures.left), (2, 4));
    }
}
