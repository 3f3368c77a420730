//! The demo manager's own time: a year of entries (ten fiscal years for the large size) that
//! drift the way real weeks do: business management swells at quarter end, customer events
//! pull towards market building, hiring season towards coaching, and holidays leave gaps.
//! Deterministic: the same entries for the same size and date.

use chrono::{Datelike as _, Days, Month, NaiveDate, NaiveTime, Weekday};
use rusqlite::Connection;

use super::{ACCOUNTS, DemoSize, Rng};
use crate::model::architect::Choice as _;
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::model::split::Category;
use crate::model::time_entry::{TimeEntryFields, is_weekend};
use crate::model::{Architect, ArchitectId, Status};
use crate::store::{StoreError, time};

/// The demo uses the default fiscal year (July start).
const START_MONTH: Month = Month::July;

const PARTNERS: &[&str] = &["Northwind Consulting", "Contoso Partners", "Fabrikam Services", "Litware Labs"];

/// A kind of activity: its description (with `{who}`, `{account}`, `{partner}` filled in),
/// the lengths it usually takes, in minutes, and how often it comes up within its category.
struct Activity {
    text: &'static str,
    minutes: &'static [u32],
    weight: usize,
}

const COACHING: &[Activity] = &[
    Activity { text: "1:1 with {who}", minutes: &[30, 45, 60], weight: 10 },
    Activity { text: "Career conversation with {who}", minutes: &[45, 60], weight: 2 },
    Activity { text: "Development plan review with {who}", minutes: &[30, 45], weight: 2 },
    Activity { text: "Shadowing {who} at {account}", minutes: &[60, 90, 120], weight: 3 },
    Activity { text: "Team meeting", minutes: &[60], weight: 3 },
    Activity { text: "Interview loop: Cloud Solution Architect candidate", minutes: &[45, 60], weight: 3 },
    Activity { text: "Hiring debrief", minutes: &[30], weight: 1 },
    Activity { text: "Sourcing for the open architect role (diverse slate)", minutes: &[30, 45], weight: 1 },
    Activity { text: "Architecture review with the team", minutes: &[60, 90], weight: 2 },
    Activity { text: "Preparing {who} for the promotion panel", minutes: &[45, 60], weight: 1 },
];

const MARKET: &[Activity] = &[
    Activity { text: "Executive briefing at {account}", minutes: &[60, 90], weight: 4 },
    Activity { text: "Envisioning workshop at {account}", minutes: &[120, 180], weight: 3 },
    Activity {
        text: "AI transformation workshop with the {account} leadership team: data platform \
               modernisation, the migration path, a security review of the landing zone and the \
               next-step plan with their CIO and enterprise architects",
        minutes: &[120, 180],
        weight: 1,
    },
    Activity { text: "Partner meeting: {partner}", minutes: &[60], weight: 3 },
    Activity { text: "Preparing the keynote for the regional Cloud Summit", minutes: &[60, 90], weight: 1 },
    Activity { text: "New market initiative: mid-market healthcare", minutes: &[60, 90], weight: 2 },
    Activity { text: "Customer visit {account}", minutes: &[90, 120], weight: 3 },
    Activity { text: "Industry roundtable: financial services", minutes: &[90], weight: 1 },
];

const BUSINESS: &[Activity] = &[
    Activity { text: "Forecast call", minutes: &[30, 60], weight: 4 },
    Activity { text: "Pipeline review", minutes: &[60], weight: 3 },
    Activity { text: "QBR preparation", minutes: &[60, 90], weight: 2 },
    Activity { text: "Consumption plan review: {account}", minutes: &[45, 60], weight: 3 },
    Activity { text: "Deployment plan for the {account} win", minutes: &[60], weight: 2 },
    Activity { text: "Operational reporting", minutes: &[30, 45], weight: 2 },
    Activity { text: "Deal desk: {account} renewal", minutes: &[30, 45], weight: 1 },
    Activity { text: "Expense reports and admin", minutes: &[30], weight: 1 },
];

fn activities(category: Category) -> &'static [Activity] {
    match category {
        Category::Coaching => COACHING,
        Category::Market => MARKET,
        Category::Business => BUSINESS,
    }
}

/// Fills the demo manager's time from the first day the size covers up to `today`.
pub fn generate(
    conn: &Connection,
    size: DemoSize,
    today: NaiveDate,
    architects: &[Architect],
) -> Result<usize, StoreError> {
    let team: Vec<(ArchitectId, &str)> = architects
        .iter()
        .filter(|a| a.fields.status == Status::Active)
        .map(|a| (a.id, a.name().split_whitespace().next().unwrap_or_else(|| a.name())))
        .collect();
    let first = first_day(size, today);
    let mut rng = Rng::new(match size {
        DemoSize::Small => 0x7153_0001,
        DemoSize::Large => 0x7153_0010,
    });
    let mut count = 0;
    let mut weights = [0.5, 0.3, 0.2];
    let mut day = first;
    while day <= today {
        if day.weekday() == Weekday::Mon || day == first {
            weights = week_weights(&mut rng, IsoWeek::of(day), today);
        }
        if !is_weekend(day) && !is_holiday(&mut rng, day) {
            let partial = day == today;
            count += time::insert_days(conn, &plan_day(&mut rng, day, weights, &team, size, partial))?;
        }
        let Some(next) = day.checked_add_days(Days::new(1)) else { break };
        day = next;
    }
    Ok(count)
}

/// Small: the 52 weeks up to today. Large: the current fiscal year and the nine before it.
fn first_day(size: DemoSize, today: NaiveDate) -> NaiveDate {
    match size {
        DemoSize::Small => {
            let monday = IsoWeek::of(today).monday();
            monday.checked_sub_days(Days::new(7 * 51)).unwrap_or(monday)
        }
        DemoSize::Large => {
            let current = FiscalQuarter::of(today, START_MONTH);
            let first = FiscalQuarter::new(current.fiscal_year() - 9, 1).unwrap_or(current);
            first.start(START_MONTH)
        }
    }
}

/// Days off: the days between Christmas and New Year, two summer weeks, and the odd day
/// (sick, personal, public holiday).
fn is_holiday(rng: &mut Rng, day: NaiveDate) -> bool {
    let (month, date) = (day.month(), day.day());
    let christmas = (month == 12 && date >= 24) || (month == 1 && date == 1);
    let summer = matches!(IsoWeek::of(day).week(), 31 | 32);
    christmas || summer || rng.below(40) == 0
}

/// How this week's time divides, before daily noise: the role's 50/30/20 pulled by where the
/// week falls in the quarter and the year and by the odd event week.
fn week_weights(rng: &mut Rng, week: IsoWeek, today: NaiveDate) -> [f64; 3] {
    let thursday = week.days()[3];
    let quarter = FiscalQuarter::of(thursday, START_MONTH);
    let weeks_in = (thursday - quarter.start(START_MONTH)).num_days() / 7;
    let mut weights = [0.5, 0.3, 0.2];
    let mut shift = |coaching: f64, market: f64, business: f64| {
        weights[0] += coaching;
        weights[1] += market;
        weights[2] += business;
    };
    match weeks_in {
        // Quarter start: planning and territory reviews.
        0 | 1 => shift(-0.08, 0.03, 0.05),
        // Mid-quarter: the season of customer events.
        4..=8 => shift(-0.03, 0.04, -0.01),
        // Quarter end: forecasts, QBRs, closing deals.
        11.. => shift(-0.10, -0.06, 0.16),
        _ => {}
    }
    // Hiring season in the third fiscal quarter.
    if quarter.quarter() == 3 {
        shift(0.06, -0.04, -0.02);
    }
    if rng.below(8) == 0 {
        // A summit or a string of executive briefings.
        shift(-0.10, 0.15, -0.05);
    }
    // The demo's present: a quarter of big customer workshops that crowds out coaching,
    // so the Time screen has a drift worth showing.
    let current = FiscalQuarter::of(today, START_MONTH);
    if quarter == current {
        shift(-0.06, 0.07, -0.01);
        if week == IsoWeek::of(today) {
            shift(-0.03, 0.04, -0.01);
        }
    }
    for weight in &mut weights {
        *weight = (*weight + (rng.below(9) as f64 - 4.0) / 100.0).max(0.05);
    }
    weights
}

/// One workday: blocks of activities adding up to a plausible day, with start times.
fn plan_day(
    rng: &mut Rng,
    day: NaiveDate,
    weights: [f64; 3],
    team: &[(ArchitectId, &str)],
    size: DemoSize,
    partial: bool,
) -> Vec<TimeEntryFields> {
    let mut day_minutes: u32 = match day.weekday() {
        Weekday::Fri => 360 + 15 * below(rng, 9),
        _ => 450 + 15 * below(rng, 11),
    };
    if partial {
        day_minutes /= 2;
    }
    let mut start = 8 * 60 + 15 * below(rng, 4);
    let mut logged = 0;
    let mut entries = Vec::new();
    while logged + 15 <= day_minutes {
        let category = pick_category(rng, weights);
        let activity = pick_activity(rng, activities(category));
        let minutes = (*rng.pick(activity.minutes)).min(day_minutes - logged);
        let (description, architect) = describe(rng, activity.text, team);
        let pieces = match size {
            DemoSize::Small => vec![minutes],
            DemoSize::Large => slices(rng, minutes),
        };
        for piece in pieces {
            let start_time = NaiveTime::from_hms_opt(start / 60, start % 60, 0);
            entries.push(TimeEntryFields {
                start_time,
                architect,
                ..TimeEntryFields::manual(day, piece, category, description.clone())
            });
            start += piece;
        }
        logged += minutes;
        // A lunch break around noon and the odd gap between meetings.
        if (12 * 60..12 * 60 + 90).contains(&start) {
            start += 45;
        } else if rng.below(4) == 0 {
            start += 15;
        }
    }
    entries
}

/// The large size cuts blocks into the 5 to 15 minute slots a busy calendar import yields,
/// which is what makes ten years reach about 150,000 entries.
fn slices(rng: &mut Rng, minutes: u32) -> Vec<u32> {
    let mut left = minutes;
    let mut pieces = Vec::new();
    while left > 0 {
        let piece = (*rng.pick(&[5, 10, 5, 10, 5, 15, 5])).min(left);
        pieces.push(piece);
        left -= piece;
    }
    pieces
}

/// A number in `0..n`, as minutes are counted.
fn below(rng: &mut Rng, n: u32) -> u32 {
    u32::try_from(rng.below(n as usize)).unwrap_or(0)
}

/// Average length of a block of the category, in minutes, by how often each activity comes up.
fn mean_minutes(category: Category) -> f64 {
    let activities = activities(category);
    let weighted: f64 = activities
        .iter()
        .map(|a| a.weight as f64 * f64::from(a.minutes.iter().sum::<u32>()) / a.minutes.len() as f64)
        .sum();
    weighted / activities.iter().map(|a| a.weight as f64).sum::<f64>()
}

/// Picks the category of the next block so that *minutes*, not blocks, follow `weights`:
/// a workshop lasts three times a 1:1.
fn pick_category(rng: &mut Rng, weights: [f64; 3]) -> Category {
    let mut weights = weights;
    for (weight, category) in weights.iter_mut().zip(Category::ALL) {
        *weight /= mean_minutes(*category);
    }
    let total: f64 = weights.iter().sum();
    let mut roll = (rng.below(10_000) as f64 / 10_000.0) * total;
    for (category, weight) in Category::ALL.iter().zip(weights) {
        if roll < weight {
            return *category;
        }
        roll -= weight;
    }
    Category::Business
}

fn pick_activity(rng: &mut Rng, activities: &'static [Activity]) -> &'static Activity {
    let total: usize = activities.iter().map(|a| a.weight).sum();
    let mut roll = rng.below(total);
    for activity in activities {
        if roll < activity.weight {
            return activity;
        }
        roll -= activity.weight;
    }
    &activities[0]
}

/// Fills in a template; an activity about someone links the entry to that architect.
fn describe(rng: &mut Rng, template: &str, team: &[(ArchitectId, &str)]) -> (String, Option<ArchitectId>) {
    let (account, partner) = (*rng.pick(ACCOUNTS), *rng.pick(PARTNERS));
    let mut text = template.replace("{account}", account).replace("{partner}", partner);
    let mut architect = None;
    if text.contains("{who}") {
        match team.get(rng.below(team.len().max(1))) {
            Some((id, first_name)) => {
                text = text.replace("{who}", first_name);
                architect = Some(*id);
            }
            None => text = text.replace("{who}", "an architect"),
        }
    }
    (text, architect)
}
