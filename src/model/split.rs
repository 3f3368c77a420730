//! The manager's 50/30/20 time split: the three categories, the target shares with their
//! tolerance, minutes logged per category, drift from target, and how to rebalance the rest of
//! a quarter.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::architect::Choice;

/// What the manager's time is spent on, as the role defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Coaching & team development.
    Coaching,
    /// Market building.
    Market,
    /// Business management.
    Business,
}

impl Category {
    /// 1, 2, 3: the order the role lists them in, and a quick key to type.
    pub fn number(self) -> u8 {
        match self {
            Self::Coaching => 1,
            Self::Market => 2,
            Self::Business => 3,
        }
    }

    pub fn from_number(number: u8) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.number() == number)
    }
}

impl Choice for Category {
    const ALL: &'static [Self] = &[Self::Coaching, Self::Market, Self::Business];

    fn key(self) -> &'static str {
        match self {
            Self::Coaching => "coaching",
            Self::Market => "market",
            Self::Business => "business",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Coaching => "Coaching",
            Self::Market => "Market building",
            Self::Business => "Business management",
        }
    }

    /// Accepts the key, the label or the number (`2`), case-insensitively.
    fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|c| c.key().eq_ignore_ascii_case(value) || c.label().eq_ignore_ascii_case(value))
            .or_else(|| value.parse().ok().and_then(Self::from_number))
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for Category {
    type Err = SplitError;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        <Self as Choice>::parse(value).ok_or_else(|| SplitError::UnknownCategory(value.trim().to_owned()))
    }
}

/// A category name or a set of targets that cannot be used, naming the values at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    #[error("\"{0}\" is not a category (expected coaching, market or business, or 1, 2 or 3)")]
    UnknownCategory(String),
    #[error("the {category} target of {pct} % is more than 100 %")]
    TargetOver100 { category: Category, pct: u32 },
    #[error("the targets add up to {sum} % ({coaching} + {market} + {business}); they must add up to 100 %")]
    TargetsSum { coaching: u32, market: u32, business: u32, sum: u32 },
    #[error("a tolerance of ±{0} points is outside 0 to 50")]
    Tolerance(u32),
}

/// Target share of time per category, in percent, and the band around each target that still
/// counts as on track, in percentage points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Targets {
    pub coaching_pct: u32,
    pub market_pct: u32,
    pub business_pct: u32,
    pub tolerance_pct: u32,
}

impl Default for Targets {
    /// The role's 50/30/20, ±5 points.
    fn default() -> Self {
        Self { coaching_pct: 50, market_pct: 30, business_pct: 20, tolerance_pct: 5 }
    }
}

impl Targets {
    pub fn pct(&self, category: Category) -> u32 {
        match category {
            Category::Coaching => self.coaching_pct,
            Category::Market => self.market_pct,
            Category::Business => self.business_pct,
        }
    }

    /// Each target 0 to 100 and together exactly 100; tolerance 0 to 50 (wider would make
    /// every split "on track").
    pub fn validate(&self) -> Result<(), SplitError> {
        for &category in Category::ALL {
            let pct = self.pct(category);
            if pct > 100 {
                return Err(SplitError::TargetOver100 { category, pct });
            }
        }
        let Self { coaching_pct, market_pct, business_pct, tolerance_pct } = *self;
        let sum = coaching_pct + market_pct + business_pct;
        if sum != 100 {
            return Err(SplitError::TargetsSum {
                coaching: coaching_pct,
                market: market_pct,
                business: business_pct,
                sum,
            });
        }
        if tolerance_pct > 50 {
            return Err(SplitError::Tolerance(tolerance_pct));
        }
        Ok(())
    }
}

/// Where a category's share sits relative to its target and tolerance band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DriftStatus {
    OnTrack,
    Over,
    Under,
}

/// Minutes logged per category over some period (a week, a quarter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Split {
    pub coaching_minutes: u32,
    pub market_minutes: u32,
    pub business_minutes: u32,
}

impl Split {
    pub fn minutes(&self, category: Category) -> u32 {
        match category {
            Category::Coaching => self.coaching_minutes,
            Category::Market => self.market_minutes,
            Category::Business => self.business_minutes,
        }
    }

    fn minutes_mut(&mut self, category: Category) -> &mut u32 {
        match category {
            Category::Coaching => &mut self.coaching_minutes,
            Category::Market => &mut self.market_minutes,
            Category::Business => &mut self.business_minutes,
        }
    }

    /// Adds an entry's minutes. Saturates: a period can never hold anywhere near `u32::MAX`.
    pub fn add(&mut self, category: Category, minutes: u32) {
        let slot = self.minutes_mut(category);
        *slot = slot.saturating_add(minutes);
    }

    pub fn total(&self) -> u32 {
        self.coaching_minutes.saturating_add(self.market_minutes).saturating_add(self.business_minutes)
    }

    /// The category's share of the total, 0 to 100; 0 when nothing is logged.
    pub fn share_pct(&self, category: Category) -> f64 {
        let total = self.total();
        if total == 0 { 0.0 } else { f64::from(self.minutes(category)) * 100.0 / f64::from(total) }
    }

    /// Share minus target, in percentage points: positive is over, negative is under.
    pub fn drift(&self, category: Category, targets: &Targets) -> f64 {
        self.share_pct(category) - f64::from(targets.pct(category))
    }

    /// On track when the drift is within the tolerance, edges included.
    pub fn status(&self, category: Category, targets: &Targets) -> DriftStatus {
        // The epsilon keeps an exact edge (45 % against 50 ±5) from flipping on rounding noise.
        let drift = self.drift(category, targets);
        let tolerance = f64::from(targets.tolerance_pct) + 1e-9;
        if drift > tolerance {
            DriftStatus::Over
        } else if drift < -tolerance {
            DriftStatus::Under
        } else {
            DriftStatus::OnTrack
        }
    }
}

impl FromIterator<(Category, u32)> for Split {
    fn from_iter<I: IntoIterator<Item = (Category, u32)>>(entries: I) -> Self {
        let mut split = Self::default();
        for (category, minutes) in entries {
            split.add(category, minutes);
        }
        split
    }
}

/// One line about the category furthest from its target, e.g. "Coaching 38 % vs 50 % target:
/// about 6 h short this week", or "On target: every category within ±5 points".
///
/// The hours are how much of the time already logged would have had to go to that category
/// instead to hit its target share; `period_word` is "week", "quarter" and the like.
pub fn drift_sentence(split: &Split, targets: &Targets, period_word: &str) -> String {
    let total = split.total();
    if total == 0 {
        return format!("Nothing logged this {period_word} yet");
    }
    let mut furthest = Category::Coaching;
    for &category in Category::ALL {
        // Strictly greater, so ties go to the category the role lists first.
        if split.drift(category, targets).abs() > split.drift(furthest, targets).abs() {
            furthest = category;
        }
    }
    let direction = match split.status(furthest, targets) {
        DriftStatus::OnTrack => {
            return format!("On target: every category within ±{} points", targets.tolerance_pct);
        }
        DriftStatus::Over => "over",
        DriftStatus::Under => "short",
    };
    // In hundredths of a minute so the gap stays exact integer maths.
    let target_hundredths = u64::from(targets.pct(furthest)) * u64::from(total);
    let gap_minutes = (target_hundredths.abs_diff(u64::from(split.minutes(furthest)) * 100) + 50) / 100;
    format!(
        "{} {:.0} % vs {} % target: about {} {direction} this {period_word}",
        furthest.label(),
        split.share_pct(furthest).round(),
        targets.pct(furthest),
        rough_duration(gap_minutes),
    )
}

/// A duration as a person would estimate it: whole hours from about an hour up, otherwise
/// minutes to the nearest five (at least 5, so a real gap never reads as nothing).
fn rough_duration(minutes: u64) -> String {
    if minutes >= 55 {
        format!("{} h", (minutes + 30) / 60)
    } else if minutes == 0 {
        "0 h".to_owned()
    } else {
        format!("{} min", ((minutes + 2) / 5 * 5).max(5))
    }
}

/// What the rest of a quarter needs so the quarter ends on its target split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebalanceHint {
    /// No week has passed or nothing is logged yet, so there is no pace to project from.
    NoPace,
    /// No weeks remain in the quarter: nothing left to rebalance.
    QuarterOver,
    Plan(RebalancePlan),
}

/// Minutes per category for the remaining weeks of a quarter. See [`rebalance`] for the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RebalancePlan {
    /// Average minutes logged per elapsed week: the pace the remaining weeks are assumed to keep.
    pub weekly_pace_minutes: u32,
    pub weeks_remaining: u32,
    /// Minutes the whole quarter will hold at that pace.
    pub projected_total_minutes: u32,
    /// Minutes each category needs over all the remaining weeks together.
    pub needed: Split,
    /// Categories whose logged minutes already exceed their end-of-quarter target; they need 0.
    pub over_target: Vec<Category>,
}

impl RebalancePlan {
    pub fn needed_minutes(&self, category: Category) -> u32 {
        self.needed.minutes(category)
    }

    /// The need spread evenly over the remaining weeks, to the nearest minute.
    pub fn needed_per_week_minutes(&self, category: Category) -> u32 {
        let weeks = self.weeks_remaining.max(1);
        (self.needed.minutes(category) + weeks / 2) / weeks
    }

    /// e.g. "Rest of the quarter (9 weeks at about 30 h a week): Coaching 155 h, Market building
    /// 57 h, Business management 58 h".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = Category::ALL
            .iter()
            .map(|&category| {
                let hours = rough_duration(u64::from(self.needed_minutes(category)));
                if self.over_target.contains(&category) {
                    format!("{} {hours} (already over target)", category.label())
                } else {
                    format!("{} {hours}", category.label())
                }
            })
            .collect();
        let weeks = if self.weeks_remaining == 1 {
            "1 week".to_owned()
        } else {
            format!("{} weeks", self.weeks_remaining)
        };
        format!(
            "Rest of the quarter ({weeks} at about {} a week): {}",
            rough_duration(u64::from(self.weekly_pace_minutes)),
            parts.join(", ")
        )
    }
}

/// Says how many minutes per category the rest of the quarter needs so the quarter ends on target.
///
/// The rule:
/// 1. The remaining `weeks_total - weeks_elapsed` weeks are assumed to run at the average weekly
///    total logged so far, which fixes the quarter's projected total.
/// 2. Each category's end-of-quarter target is its target share of that projected total; its
///    need is that target minus what it has already logged.
/// 3. A need is never negative. A category already over its final target needs 0 and is listed
///    in [`RebalancePlan::over_target`]; the time left is then shared by the other categories in
///    proportion to their needs, so each closes the same fraction of its gap and none overshoots.
///    The quarter cannot then end exactly on target, only as close as the remaining time allows.
///
/// No plan when nothing has been logged or no week has elapsed (no pace), or when no weeks remain.
/// `targets` should have passed [`Targets::validate`]; if not, needs are still capped at the time left.
pub fn rebalance(logged: &Split, weeks_elapsed: u32, weeks_total: u32, targets: &Targets) -> RebalanceHint {
    if weeks_elapsed >= weeks_total {
        return RebalanceHint::QuarterOver;
    }
    let total = i128::from(logged.total());
    if weeks_elapsed == 0 || total == 0 {
        return RebalanceHint::NoPace;
    }
    let weeks_remaining = weeks_total - weeks_elapsed;
    // Every quantity below is scaled by `scale` (100 × weeks elapsed) so the division by the
    // elapsed weeks and by 100 % happens once, at the end, and the maths stays exact.
    let scale = 100 * i128::from(weeks_elapsed);
    let remaining_scaled = total * i128::from(weeks_remaining) * 100;
    let needs: Vec<(Category, i128)> = Category::ALL
        .iter()
        .map(|&category| {
            let target_scaled = i128::from(targets.pct(category)) * total * i128::from(weeks_total);
            (category, target_scaled - i128::from(logged.minutes(category)) * scale)
        })
        .collect();
    let positive_sum: i128 = needs.iter().map(|(_, need)| need.max(&0)).sum();
    let mut needed = Split::default();
    let mut over_target = Vec::new();
    for (category, need) in needs {
        if need < 0 {
            over_target.push(category);
            continue;
        }
        let share =
            if positive_sum > remaining_scaled { need * remaining_scaled / positive_sum } else { need };
        needed.add(category, to_minutes(share, scale));
    }
    RebalanceHint::Plan(RebalancePlan {
        weekly_pace_minutes: to_minutes(total * 100, scale),
        weeks_remaining,
        projected_total_minutes: to_minutes(total * i128::from(weeks_total) * 100, scale),
        needed,
        over_target,
    })
}

/// Divides a scaled, non-negative quantity back to whole minutes, rounding half up.
fn to_minutes(scaled: i128, scale: i128) -> u32 {
    u32::try_from((scaled + scale / 2) / scale).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(coaching: u32, market: u32, business: u32) -> Split {
        Split {
            coaching_minutes: coaching * 60,
            market_minutes: market * 60,
            business_minutes: business * 60,
        }
    }

    #[test]
    fn categories_read_by_key_label_or_number() {
        for &category in Category::ALL {
            assert_eq!(category.key().parse::<Category>(), Ok(category));
            assert_eq!(category.label().parse::<Category>(), Ok(category));
            assert_eq!(category.number().to_string().parse::<Category>(), Ok(category));
            assert_eq!(Category::from_key(category.key()), Some(category));
        }
        assert_eq!(" MARKET building ".parse::<Category>(), Ok(Category::Market));
        assert_eq!("3".parse::<Category>(), Ok(Category::Business));
        assert_eq!(Category::from_number(4), None);
        let err = "hiring".parse::<Category>().expect_err("not a category");
        assert_eq!(
            err.to_string(),
            "\"hiring\" is not a category (expected coaching, market or business, or 1, 2 or 3)"
        );
        assert!("0".parse::<Category>().is_err());
        assert!("".parse::<Category>().is_err());
    }

    #[test]
    fn category_keys_are_the_stored_serde_names() {
        for &category in Category::ALL {
            let json = serde_json::to_string(&category).expect("serialises");
            assert_eq!(json, format!("\"{}\"", category.key()));
        }
    }

    #[test]
    fn default_targets_are_50_30_20_within_5_points() {
        let targets = Targets::default();
        assert_eq!(
            (targets.coaching_pct, targets.market_pct, targets.business_pct, targets.tolerance_pct),
            (50, 30, 20, 5)
        );
        assert_eq!(targets.validate(), Ok(()));
        let lopsided = Targets { coaching_pct: 100, market_pct: 0, business_pct: 0, tolerance_pct: 0 };
        assert_eq!(lopsided.validate(), Ok(()));
    }

    #[test]
    fn invalid_targets_name_the_values() {
        let sum = Targets { coaching_pct: 50, market_pct: 35, business_pct: 20, tolerance_pct: 5 };
        assert_eq!(
            sum.validate().map_err(|e| e.to_string()),
            Err("the targets add up to 105 % (50 + 35 + 20); they must add up to 100 %".to_owned())
        );
        let over = Targets { coaching_pct: 120, market_pct: 0, business_pct: 0, tolerance_pct: 5 };
        assert_eq!(
            over.validate().map_err(|e| e.to_string()),
            Err("the Coaching target of 120 % is more than 100 %".to_owned())
        );
        let wide = Targets { tolerance_pct: 51, ..Targets::default() };
        assert_eq!(
            wide.validate().map_err(|e| e.to_string()),
            Err("a tolerance of ±51 points is outside 0 to 50".to_owned())
        );
        assert_eq!(Targets { tolerance_pct: 50, ..Targets::default() }.validate(), Ok(()));
    }

    #[test]
    fn shares_and_drift_follow_the_logged_minutes() {
        let split = hours(19, 20, 11);
        assert_eq!(split.total(), 50 * 60);
        assert!((split.share_pct(Category::Coaching) - 38.0).abs() < 1e-9);
        assert!((split.share_pct(Category::Market) - 40.0).abs() < 1e-9);
        assert!((split.share_pct(Category::Business) - 22.0).abs() < 1e-9);
        let targets = Targets::default();
        assert!((split.drift(Category::Coaching, &targets) + 12.0).abs() < 1e-9);
        assert!((split.drift(Category::Market, &targets) - 10.0).abs() < 1e-9);
        assert_eq!(split.status(Category::Coaching, &targets), DriftStatus::Under);
        assert_eq!(split.status(Category::Market, &targets), DriftStatus::Over);
        assert_eq!(split.status(Category::Business, &targets), DriftStatus::OnTrack);
    }

    #[test]
    fn an_empty_split_has_zero_shares() {
        let empty = Split::default();
        assert_eq!(empty.total(), 0);
        for &category in Category::ALL {
            assert!(empty.share_pct(category).abs() < f64::EPSILON);
        }
    }

    #[test]
    fn the_tolerance_edge_counts_as_on_track() {
        let targets = Targets::default();
        let edge = hours(45, 35, 20);
        assert_eq!(edge.status(Category::Coaching, &targets), DriftStatus::OnTrack);
        assert_eq!(edge.status(Category::Market, &targets), DriftStatus::OnTrack);
        let past =
            Split { coaching_minutes: 44 * 60 + 59, market_minutes: 35 * 60 + 1, business_minutes: 20 * 60 };
        assert_eq!(past.status(Category::Coaching, &targets), DriftStatus::Under);
        assert_eq!(past.status(Category::Market, &targets), DriftStatus::Over);
    }

    #[test]
    fn entries_add_up_into_a_split() {
        let split: Split = [(Category::Coaching, 60), (Category::Market, 30), (Category::Coaching, 45)]
            .into_iter()
            .collect();
        assert_eq!(split.minutes(Category::Coaching), 105);
        assert_eq!(split.minutes(Category::Market), 30);
        assert_eq!(split.minutes(Category::Business), 0);
        assert_eq!(split.total(), 135);
    }

    #[test]
    fn the_drift_sentence_names_the_category_furthest_from_target() {
        let targets = Targets::default();
        assert_eq!(
            drift_sentence(&hours(19, 20, 11), &targets, "week"),
            "Coaching 38 % vs 50 % target: about 6 h short this week"
        );
        assert_eq!(
            drift_sentence(&hours(50, 42, 8), &targets, "quarter"),
            "Market building 42 % vs 30 % target: about 12 h over this quarter"
        );
        // Market and business both drift 10 points; the tie goes to market, listed first.
        // 10 points of 5 h is 30 min.
        let small = Split { coaching_minutes: 150, market_minutes: 120, business_minutes: 30 };
        assert_eq!(
            drift_sentence(&small, &targets, "week"),
            "Market building 40 % vs 30 % target: about 30 min over this week"
        );
    }

    #[test]
    fn the_drift_sentence_reports_on_target_and_empty_periods() {
        let targets = Targets::default();
        assert_eq!(
            drift_sentence(&hours(48, 31, 21), &targets, "week"),
            "On target: every category within ±5 points"
        );
        let tight = Targets { tolerance_pct: 2, ..targets };
        assert_eq!(
            drift_sentence(&hours(50, 30, 20), &tight, "week"),
            "On target: every category within ±2 points"
        );
        assert_eq!(drift_sentence(&Split::default(), &targets, "week"), "Nothing logged this week yet");
    }

    #[test]
    fn rebalance_spreads_the_rest_of_the_quarter_to_end_on_target() {
        // 4 of 13 weeks at 30 h a week: the quarter projects to 390 h, so 195/117/78 h by the end.
        let RebalanceHint::Plan(plan) = rebalance(&hours(40, 60, 20), 4, 13, &Targets::default()) else {
            panic!("expected a plan");
        };
        assert_eq!(plan.weekly_pace_minutes, 30 * 60);
        assert_eq!(plan.weeks_remaining, 9);
        assert_eq!(plan.projected_total_minutes, 390 * 60);
        assert_eq!(plan.needed, hours(155, 57, 58));
        assert_eq!(plan.needed.total(), 9 * 30 * 60);
        assert!(plan.over_target.is_empty());
        assert_eq!(plan.needed_per_week_minutes(Category::Coaching), 155 * 60 / 9); // 1033.3
        assert_eq!(
            plan.summary(),
            "Rest of the quarter (9 weeks at about 30 h a week): \
             Coaching 155 h, Market building 57 h, Business management 58 h"
        );
        // Following the plan lands exactly on target.
        let end = hours(40 + 155, 60 + 57, 20 + 58);
        for &category in Category::ALL {
            assert_eq!(
                end.status(category, &Targets { tolerance_pct: 0, ..Targets::default() }),
                DriftStatus::OnTrack
            );
        }
    }

    #[test]
    fn a_category_already_over_its_final_target_needs_nothing() {
        // 1 of 2 weeks, all 100 min on market: the quarter projects to 200 min, market's final
        // target is 60 min, so it is over; coaching (needs 100) and business (needs 40) share the
        // 100 min left in proportion 100:40.
        let logged = Split { market_minutes: 100, ..Split::default() };
        let RebalanceHint::Plan(plan) = rebalance(&logged, 1, 2, &Targets::default()) else {
            panic!("expected a plan");
        };
        assert_eq!(plan.over_target, vec![Category::Market]);
        assert_eq!(plan.needed, Split { coaching_minutes: 71, market_minutes: 0, business_minutes: 29 });
        assert_eq!(plan.needed.total(), 100);
        assert!(plan.summary().contains("Market building 0 h (already over target)"), "{}", plan.summary());
        assert!(plan.summary().starts_with("Rest of the quarter (1 week at about 2 h a week)"));

        // A larger case: 4 of 13 weeks with 100 h on market leaves 225 h, shared 162.5:65.
        let logged = hours(0, 100, 0);
        let RebalanceHint::Plan(plan) = rebalance(&logged, 4, 13, &Targets::default()) else {
            panic!("expected a plan");
        };
        assert_eq!(plan.needed.coaching_minutes, 9643); // 160.71 h
        assert_eq!(plan.needed.business_minutes, 3857); // 64.29 h
        assert_eq!(plan.needed.total(), 225 * 60);
    }

    #[test]
    fn rebalance_needs_a_pace_and_weeks_left() {
        let targets = Targets::default();
        assert_eq!(rebalance(&hours(10, 5, 5), 0, 13, &targets), RebalanceHint::NoPace);
        assert_eq!(rebalance(&Split::default(), 3, 13, &targets), RebalanceHint::NoPace);
        assert_eq!(rebalance(&hours(10, 5, 5), 13, 13, &targets), RebalanceHint::QuarterOver);
        assert_eq!(rebalance(&hours(10, 5, 5), 14, 13, &targets), RebalanceHint::QuarterOver);
        assert_eq!(rebalance(&Split::default(), 0, 0, &targets), RebalanceHint::QuarterOver);
    }

    #[test]
    fn rebalance_never_asks_for_more_time_than_is_left() {
        // Targets that do not add up (the caller skipped validation) are still capped.
        let odd = Targets { coaching_pct: 80, market_pct: 80, business_pct: 0, tolerance_pct: 5 };
        let RebalanceHint::Plan(plan) = rebalance(&hours(10, 10, 10), 2, 4, &odd) else {
            panic!("expected a plan");
        };
        assert!(plan.needed.total() <= 30 * 60 + 1, "{plan:?}");
        assert_eq!(plan.needed.business_minutes, 0);
        assert_eq!(plan.over_target, vec![Category::Business]);
    }
}
