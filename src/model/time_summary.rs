//! Summaries of logged time for a week and a fiscal quarter, built from minutes per day and
//! category: the numbers the Time screen's views and charts and the CLI's `time summary` print.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike as _, Month, NaiveDate};
use serde::{Deserialize, Serialize};

use super::architect::Choice as _;
use super::fiscal::{DEFAULT_START_MONTH, FiscalQuarter, IsoWeek};
use super::split::{Category, RebalanceHint, Split, Targets, drift_sentence, rebalance};

/// How many quarters the trend chart shows, the focused one included.
pub const TREND_QUARTERS: usize = 4;

/// The settings that shape time reports: when the fiscal year starts and the targets, with
/// per-quarter overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeSettings {
    pub start_month: Month,
    pub default_targets: Targets,
    pub overrides: BTreeMap<FiscalQuarter, Targets>,
}

impl Default for TimeSettings {
    fn default() -> Self {
        Self {
            start_month: DEFAULT_START_MONTH,
            default_targets: Targets::default(),
            overrides: BTreeMap::new(),
        }
    }
}

impl TimeSettings {
    /// The quarter's own targets if it has an override, otherwise the defaults.
    pub fn targets_for(&self, quarter: FiscalQuarter) -> Targets {
        self.overrides.get(&quarter).copied().unwrap_or(self.default_targets)
    }

    pub fn quarter_of(&self, date: NaiveDate) -> FiscalQuarter {
        FiscalQuarter::of(date, self.start_month)
    }

    /// The quarter a week is measured against: the one holding its Thursday, the day ISO 8601
    /// uses to place a week in a year. Entries still count towards the quarter of their own date.
    pub fn quarter_of_week(&self, week: IsoWeek) -> FiscalQuarter {
        self.quarter_of(week.days()[3])
    }
}

/// Minutes per day and category, as read from the store.
pub type DailyMinutes = (NaiveDate, Category, u32);

/// A week's time: per day and in total, with the targets it is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekSummary {
    pub week: IsoWeek,
    /// The quarter whose targets apply (see [`TimeSettings::quarter_of_week`]).
    pub quarter: FiscalQuarter,
    pub targets: Targets,
    /// Monday to Sunday.
    pub days: [Split; 7],
    pub total: Split,
}

impl WeekSummary {
    pub fn build(week: IsoWeek, settings: &TimeSettings, daily: &[DailyMinutes]) -> Self {
        let quarter = settings.quarter_of_week(week);
        let mut days = [Split::default(); 7];
        let monday = week.monday();
        for &(date, category, minutes) in daily {
            let offset = (date - monday).num_days();
            if let Ok(index) = usize::try_from(offset)
                && let Some(day) = days.get_mut(index)
            {
                day.add(category, minutes);
            }
        }
        let total = days.iter().flat_map(|d| Category::ALL.iter().map(|&c| (c, d.minutes(c)))).collect();
        Self { week, quarter, targets: settings.targets_for(quarter), days, total }
    }

    /// e.g. "Coaching 38 % vs 50 % target: about 6 h short this week".
    pub fn drift_sentence(&self) -> String {
        drift_sentence(&self.total, &self.targets, "week")
    }
}

/// One bar of the quarter chart: a week, counting only its days inside the quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekBar {
    pub week: IsoWeek,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub split: Split,
}

impl WeekBar {
    /// A week cut by the start or end of the quarter.
    pub fn is_partial(&self) -> bool {
        (self.last_day - self.first_day).num_days() < 6
    }
}

/// One point of the trend: a quarter's split and its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuarterPoint {
    pub quarter: FiscalQuarter,
    pub split: Split,
    pub targets: Targets,
}

/// A fiscal quarter's time: per week, in total, its trend and what the rest of it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterSummary {
    pub quarter: FiscalQuarter,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub targets: Targets,
    pub weeks: Vec<WeekBar>,
    pub total: Split,
    pub weeks_elapsed: u32,
    pub weeks_total: u32,
    pub rebalance: RebalanceHint,
    /// The last [`TREND_QUARTERS`] quarters, oldest first, ending with this one.
    pub trend: Vec<QuarterPoint>,
}

impl QuarterSummary {
    /// The first day the trend needs data from: the start of the oldest quarter it shows.
    pub fn trend_start(quarter: FiscalQuarter, start_month: Month) -> NaiveDate {
        let mut oldest = quarter;
        for _ in 1..TREND_QUARTERS {
            oldest = oldest.previous();
        }
        oldest.start(start_month)
    }

    /// Builds the summary from minutes per day covering at least
    /// [`Self::trend_start`] to the quarter's end; days outside that range are ignored.
    pub fn build(
        quarter: FiscalQuarter,
        settings: &TimeSettings,
        today: NaiveDate,
        daily: &[DailyMinutes],
    ) -> Self {
        let start_month = settings.start_month;
        let (start, end) = (quarter.start(start_month), quarter.end_inclusive(start_month));
        let trend_start = Self::trend_start(quarter, start_month);

        let mut by_day: HashMap<NaiveDate, Split> = HashMap::new();
        let mut by_quarter: BTreeMap<FiscalQuarter, Split> = BTreeMap::new();
        for &(date, category, minutes) in daily {
            if date < trend_start || date > end {
                continue;
            }
            by_quarter.entry(FiscalQuarter::of(date, start_month)).or_default().add(category, minutes);
            if date >= start {
                by_day.entry(date).or_default().add(category, minutes);
            }
        }

        let weeks: Vec<WeekBar> = quarter
            .weeks(start_month)
            .into_iter()
            .map(|week| {
                let first_day = week.monday().max(start);
                let last_day = week.sunday().min(end);
                let mut split = Split::default();
                for day in first_day.iter_days().take_while(|d| *d <= last_day) {
                    if let Some(logged) = by_day.get(&day) {
                        for &category in Category::ALL {
                            split.add(category, logged.minutes(category));
                        }
                    }
                }
                WeekBar { week, first_day, last_day, split }
            })
            .collect();
        let total = by_quarter.get(&quarter).copied().unwrap_or_default();

        let mut trend = Vec::with_capacity(TREND_QUARTERS);
        let mut point = FiscalQuarter::of(trend_start, start_month);
        while point <= quarter && trend.len() < TREND_QUARTERS {
            trend.push(QuarterPoint {
                quarter: point,
                split: by_quarter.get(&point).copied().unwrap_or_default(),
                targets: settings.targets_for(point),
            });
            point = point.next();
        }

        let targets = settings.targets_for(quarter);
        let (weeks_elapsed, weeks_total) = progress_in_weeks(start, end, today);
        Self {
            quarter,
            start,
            end,
            targets,
            weeks,
            total,
            weeks_elapsed,
            weeks_total,
            rebalance: rebalance(&total, weeks_elapsed, weeks_total, &targets),
            trend,
        }
    }

    /// e.g. "Market building 42 % vs 30 % target: about 12 h over this quarter".
    pub fn drift_sentence(&self) -> String {
        drift_sentence(&self.total, &self.targets, "quarter")
    }

    pub fn has_started(&self, today: NaiveDate) -> bool {
        today >= self.start
    }
}

/// How far into a quarter `today` is, in whole weeks, and how many weeks it has (13 for any
/// quarter of 90 to 92 days).
///
/// Days are counted, not ISO weeks, because a quarter's first and last weeks are cut short.
/// While any day of the quarter remains, at least one week is left, so the rebalance plan keeps
/// saying what the last days need instead of declaring the quarter over early.
pub fn progress_in_weeks(start: NaiveDate, end: NaiveDate, today: NaiveDate) -> (u32, u32) {
    let quarter_days = u32::try_from((end - start).num_days() + 1).unwrap_or(1).max(1);
    let weeks_total = ((quarter_days + 3) / 7).max(1);
    let elapsed_days = u32::try_from((today - start).num_days() + 1).unwrap_or(0).min(quarter_days);
    let weeks_elapsed = if elapsed_days >= quarter_days {
        weeks_total
    } else {
        ((elapsed_days + 3) / 7).min(weeks_total - 1)
    };
    (weeks_elapsed, weeks_total)
}

/// The label of a share for people: "38 %".
pub fn share_text(split: &Split, category: Category) -> String {
    format!("{:.0} %", split.share_pct(category).round())
}

/// Hours with one decimal, for totals: "19.5 h".
pub fn hours_text(minutes: u32) -> String {
    // Rounded half up to the tenth first: formatting alone rounds 154.25 down to 154.2.
    format!("{:.1} h", (f64::from(minutes) / 6.0).round() / 10.0)
}

/// Hours for a small chart label: whole hours from ten up ("42 h"), tenths below, so a
/// 30-minute week reads "0.5 h" and never "0 h".
pub fn chart_hours(minutes: u32) -> String {
    if minutes >= 600 { format!("{:.0} h", f64::from(minutes) / 60.0) } else { hours_text(minutes) }
}

/// "Oct – Dec 2026" or "Dec 2026 – Feb 2027": a quarter's months, for headings.
pub fn quarter_months(quarter: FiscalQuarter, start_month: Month) -> String {
    let (start, end) = (quarter.start(start_month), quarter.end_inclusive(start_month));
    if start.year() == end.year() {
        format!("{} – {}", start.format("%b"), end.format("%b %Y"))
    } else {
        format!("{} – {}", start.format("%b %Y"), end.format("%b %Y"))
    }
}

/// What a set of targets looks like in one line: "50 / 30 / 20, ±5 points".
pub fn targets_text(targets: &Targets) -> String {
    format!(
        "{} / {} / {}, ±{} points",
        targets.coaching_pct, targets.market_pct, targets.business_pct, targets.tolerance_pct
    )
}

/// Serialisable form of a split's numbers for one category, used by reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryLine {
    pub category: Category,
    pub minutes: u32,
    pub share_pct: f64,
    pub target_pct: u32,
    pub drift_points: f64,
}

/// The three categories of `split` against `targets`, in the role's order.
pub fn category_lines(split: &Split, targets: &Targets) -> Vec<CategoryLine> {
    Category::ALL
        .iter()
        .map(|&category| CategoryLine {
            category,
            minutes: split.minutes(category),
            share_pct: split.share_pct(category),
            target_pct: targets.pct(category),
            drift_points: split.drift(category, targets),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::split::RebalancePlan;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn fq(label: &str) -> FiscalQuarter {
        label.parse().expect("valid quarter")
    }

    #[test]
    fn a_week_adds_up_its_days_and_ignores_others() {
        let week: IsoWeek = "2026-W48".parse().expect("valid");
        let daily = [
            (day(2026, 11, 23), Category::Coaching, 120),
            (day(2026, 11, 23), Category::Market, 60),
            (day(2026, 11, 27), Category::Business, 90),
            (day(2026, 11, 22), Category::Coaching, 999), // the Sunday before
            (day(2026, 11, 30), Category::Coaching, 999), // the Monday after
        ];
        let summary = WeekSummary::build(week, &TimeSettings::default(), &daily);
        assert_eq!(summary.days[0].total(), 180);
        assert_eq!(summary.days[4].business_minutes, 90);
        assert_eq!(summary.total, Split { coaching_minutes: 120, market_minutes: 60, business_minutes: 90 });
        assert_eq!(summary.quarter, fq("FY27 Q2"));
        assert_eq!(summary.targets, Targets::default());
    }

    #[test]
    fn a_week_across_two_quarters_takes_the_targets_of_its_thursday() {
        // 2026-W40 runs Mon 28 Sep (Q1) to Sun 4 Oct (Q2); its Thursday is 1 October.
        let mut settings = TimeSettings::default();
        let q2_targets = Targets { coaching_pct: 60, market_pct: 20, business_pct: 20, tolerance_pct: 5 };
        settings.overrides.insert(fq("FY27 Q2"), q2_targets);
        let week: IsoWeek = "2026-W40".parse().expect("valid");
        let summary = WeekSummary::build(week, &settings, &[]);
        assert_eq!(summary.quarter, fq("FY27 Q2"));
        assert_eq!(summary.targets, q2_targets);
        assert_eq!(settings.targets_for(fq("FY27 Q1")), Targets::default());
        assert_eq!(summary.drift_sentence(), "Nothing logged this week yet");
    }

    #[test]
    fn a_quarter_splits_its_edge_weeks_and_follows_each_entry_date() {
        let q2 = fq("FY27 Q2");
        let daily = [
            (day(2026, 9, 29), Category::Market, 600),   // W40, but in Q1
            (day(2026, 10, 1), Category::Coaching, 120), // W40, in Q2
            (day(2026, 11, 24), Category::Coaching, 60),
            (day(2026, 11, 24), Category::Business, 60),
            (day(2027, 1, 1), Category::Business, 999), // W53 but in Q3
        ];
        let summary = QuarterSummary::build(q2, &TimeSettings::default(), day(2026, 11, 28), &daily);
        assert_eq!(summary.start, day(2026, 10, 1));
        assert_eq!(summary.end, day(2026, 12, 31));
        assert_eq!(summary.weeks.len(), 14);
        let first = summary.weeks[0];
        assert_eq!(first.week.to_string(), "2026-W40");
        assert_eq!(first.first_day, day(2026, 10, 1));
        assert!(first.is_partial());
        assert_eq!(first.split.total(), 120, "only the days inside the quarter");
        let last = summary.weeks[13];
        assert_eq!((last.first_day, last.last_day), (day(2026, 12, 28), day(2026, 12, 31)));
        assert_eq!(last.split.total(), 0);
        assert_eq!(summary.total, Split { coaching_minutes: 180, market_minutes: 0, business_minutes: 60 });

        // The trend: FY26 Q3 .. FY27 Q2, with the Q1 entry counted in Q1.
        let labels: Vec<String> = summary.trend.iter().map(|p| p.quarter.to_string()).collect();
        assert_eq!(labels, ["FY26 Q3", "FY26 Q4", "FY27 Q1", "FY27 Q2"]);
        assert_eq!(summary.trend[2].split.market_minutes, 600);
        assert_eq!(summary.trend[3].split, summary.total);
    }

    #[test]
    fn progress_counts_days_so_edge_weeks_do_not_skew_the_pace() {
        let (start, end) = (day(2026, 10, 1), day(2026, 12, 31));
        assert_eq!(progress_in_weeks(start, end, day(2026, 9, 30)), (0, 13), "not started");
        assert_eq!(progress_in_weeks(start, end, day(2026, 10, 3)), (0, 13), "three days in");
        assert_eq!(progress_in_weeks(start, end, day(2026, 10, 4)), (1, 13));
        assert_eq!(progress_in_weeks(start, end, day(2026, 11, 28)), (8, 13), "59 days in");
        assert_eq!(progress_in_weeks(start, end, day(2026, 12, 30)), (12, 13), "a day left is a week left");
        assert_eq!(progress_in_weeks(start, end, day(2026, 12, 31)), (13, 13));
        assert_eq!(progress_in_weeks(start, end, day(2027, 3, 1)), (13, 13));
        // February: an 90-day quarter (Dec-Feb with a December start) still has 13 weeks.
        assert_eq!(progress_in_weeks(day(2026, 12, 1), day(2027, 2, 28), day(2027, 2, 28)), (13, 13));
    }

    #[test]
    fn the_rebalance_plan_uses_the_pace_of_the_weeks_so_far() {
        // 8 weeks in, 30 h a week logged, all on market: the rest must be coaching and business.
        let q2 = fq("FY27 Q2");
        let daily: Vec<DailyMinutes> = (0..8)
            .map(|w| (day(2026, 10, 5) + chrono::Days::new(7 * w), Category::Market, 30 * 60))
            .collect();
        let summary = QuarterSummary::build(q2, &TimeSettings::default(), day(2026, 11, 28), &daily);
        assert_eq!((summary.weeks_elapsed, summary.weeks_total), (8, 13));
        let RebalanceHint::Plan(RebalancePlan { weekly_pace_minutes, weeks_remaining, over_target, .. }) =
            &summary.rebalance
        else {
            panic!("expected a plan, got {:?}", summary.rebalance);
        };
        assert_eq!(*weekly_pace_minutes, 30 * 60);
        assert_eq!(*weeks_remaining, 5);
        assert_eq!(over_target, &vec![Category::Market]);
        assert_eq!(
            summary.drift_sentence(),
            "Market building 100 % vs 30 % target: about 168 h over this quarter"
        );
    }

    #[test]
    fn overrides_apply_to_their_quarter_in_the_trend() {
        let mut settings = TimeSettings::default();
        let heavy = Targets { coaching_pct: 40, market_pct: 40, business_pct: 20, tolerance_pct: 10 };
        settings.overrides.insert(fq("FY27 Q1"), heavy);
        let summary = QuarterSummary::build(fq("FY27 Q2"), &settings, day(2026, 11, 28), &[]);
        assert_eq!(summary.trend[2].targets, heavy);
        assert_eq!(summary.trend[3].targets, Targets::default());
        assert_eq!(summary.rebalance, RebalanceHint::NoPace);
    }

    #[test]
    fn labels_for_people() {
        let split = Split { coaching_minutes: 90, market_minutes: 30, business_minutes: 0 };
        assert_eq!(share_text(&split, Category::Coaching), "75 %");
        assert_eq!(hours_text(90), "1.5 h");
        assert_eq!(quarter_months(fq("FY27 Q2"), Month::July), "Oct – Dec 2026");
        assert_eq!(quarter_months(fq("FY27 Q1"), Month::November), "Nov 2026 – Jan 2027");
        assert_eq!(targets_text(&Targets::default()), "50 / 30 / 20, ±5 points");
        let lines = category_lines(&split, &Targets::default());
        assert_eq!(lines.len(), 3);
        assert!((lines[0].drift_points - 25.0).abs() < 1e-9);
    }

    #[test]
    fn a_chart_label_never_rounds_a_short_week_to_nothing() {
        assert_eq!(chart_hours(30), "0.5 h");
        assert_eq!(chart_hours(450), "7.5 h");
        assert_eq!(chart_hours(2_520), "42 h");
    }
}
