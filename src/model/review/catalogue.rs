//! Which figures the review shows, in which section, how each is read from a quarter's
//! figures, which direction is better, and the lists of records under each section. One table
//! of definitions, so the same figure is read the same way for every quarter compared.

use serde::Serialize;

use super::draft::{Arrow, Comparison, Figure, Section, Table, TableRow};
use super::figures::{ArchitectTab, BusinessList, Link, MeetingList, QuarterFigures, TeamList};
use crate::model::architect::Choice as _;
use crate::model::split::Category;
use crate::model::time_summary::hours_text;

/// The parts of the review, in the order it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    Time,
    Coaching,
    Markets,
    Business,
}

impl SectionId {
    pub const ALL: [Self; 4] = [Self::Time, Self::Coaching, Self::Markets, Self::Business];

    pub fn title(self) -> &'static str {
        match self {
            Self::Time => "Where the time went",
            Self::Coaching => "Coach and develop",
            Self::Markets => "Build markets",
            Self::Business => "Run the business",
        }
    }

    pub fn category(self) -> Option<Category> {
        match self {
            Self::Time => None,
            Self::Coaching => Some(Category::Coaching),
            Self::Markets => Some(Category::Market),
            Self::Business => Some(Category::Business),
        }
    }
}

/// What a figure counts, for reading it and its change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    /// 0 to 100; changes are in percentage points.
    Percent,
    Hours,
    /// An average score of 1 to 5.
    Score,
    Days,
}

impl Unit {
    pub fn value_text(self, value: f64) -> String {
        match self {
            Self::Count => format!("{value:.0}"),
            Self::Percent => format!("{:.0} %", value.round()),
            Self::Hours => format!("{value:.1} h"),
            Self::Score => format!("{value:.1} / 5"),
            Self::Days => format!("{value:.0} days"),
        }
    }

    /// "+3", "−4 pts", "±0", "+1.5 h".
    pub fn delta_text(self, delta: f64) -> String {
        let rounded = match self {
            Self::Count | Self::Percent | Self::Days => delta.round(),
            Self::Hours | Self::Score => (delta * 10.0).round() / 10.0,
        };
        let sign = if rounded > 0.0 {
            "+"
        } else if rounded < 0.0 {
            "−"
        } else {
            "±"
        };
        let magnitude = rounded.abs();
        match self {
            Self::Count => format!("{sign}{magnitude:.0}"),
            Self::Percent => format!("{sign}{magnitude:.0} pts"),
            Self::Hours => format!("{sign}{magnitude:.1} h"),
            Self::Score => format!("{sign}{magnitude:.1}"),
            Self::Days => format!("{sign}{magnitude:.0} days"),
        }
    }

    /// Changes smaller than this read as level.
    fn epsilon(self) -> f64 {
        match self {
            Self::Count | Self::Days | Self::Percent => 0.5,
            Self::Hours | Self::Score => 0.05,
        }
    }
}

/// Which direction of change is good news.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Better {
    Higher,
    Lower,
    /// Closer to a target.
    Toward(f64),
    Neither,
}

/// One figure: how it is read from a quarter and what it links to.
struct Def {
    key: &'static str,
    section: SectionId,
    label: &'static str,
    unit: Unit,
    better: fn(&QuarterFigures) -> Better,
    value: fn(&QuarterFigures) -> Option<f64>,
    detail: fn(&QuarterFigures) -> Option<String>,
    link: fn(&QuarterFigures) -> Option<Link>,
}

#[allow(clippy::unnecessary_wraps, reason = "the definitions read values as `Option`: `None` is no value")]
fn f(n: u32) -> Option<f64> {
    Some(f64::from(n))
}

fn pct(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) * 100.0 / f64::from(whole))
}

fn higher(_: &QuarterFigures) -> Better {
    Better::Higher
}

fn lower(_: &QuarterFigures) -> Better {
    Better::Lower
}

fn neither(_: &QuarterFigures) -> Better {
    Better::Neither
}

fn none(_: &QuarterFigures) -> Option<String> {
    None
}

#[allow(clippy::unnecessary_wraps, reason = "a `Def::link`: other figures have no link")]
fn quarter_link(q: &QuarterFigures) -> Option<Link> {
    Some(Link::Quarter { quarter: q.quarter })
}

fn share(q: &QuarterFigures, category: Category) -> Option<f64> {
    (q.time.total.total() > 0).then(|| q.time.total.share_pct(category))
}

fn target_text(q: &QuarterFigures, category: Category) -> String {
    format!("target {} % ± {}", q.time.targets.pct(category), q.time.targets.tolerance_pct)
}

fn money(value: f64) -> String {
    if value.abs() >= 1_000_000.0 {
        format!("${:.1}M", value / 1_000_000.0)
    } else if value.abs() >= 1_000.0 {
        format!("${:.0}K", value / 1_000.0)
    } else {
        format!("${value:.0}")
    }
}

/// Every figure of the review, in the order it reads.
#[allow(clippy::too_many_lines, reason = "one table of definitions reads best as one list")]
fn definitions() -> Vec<Def> {
    vec![
        Def {
            key: "time.logged",
            section: SectionId::Time,
            label: "Time logged",
            unit: Unit::Hours,
            better: neither,
            value: |q| Some(f64::from(q.time.total.total()) / 60.0),
            detail: |q| Some(format!("{} weeks with time logged", q.time.weeks_logged)),
            link: quarter_link,
        },
        Def {
            key: "time.coaching",
            section: SectionId::Time,
            label: "Coaching",
            unit: Unit::Percent,
            better: |q| Better::Toward(f64::from(q.time.targets.coaching_pct)),
            value: |q| share(q, Category::Coaching),
            detail: |q| Some(target_text(q, Category::Coaching)),
            link: quarter_link,
        },
        Def {
            key: "time.market",
            section: SectionId::Time,
            label: "Market building",
            unit: Unit::Percent,
            better: |q| Better::Toward(f64::from(q.time.targets.market_pct)),
            value: |q| share(q, Category::Market),
            detail: |q| Some(target_text(q, Category::Market)),
            link: quarter_link,
        },
        Def {
            key: "time.business",
            section: SectionId::Time,
            label: "Business management",
            unit: Unit::Percent,
            better: |q| Better::Toward(f64::from(q.time.targets.business_pct)),
            value: |q| share(q, Category::Business),
            detail: |q| Some(target_text(q, Category::Business)),
            link: quarter_link,
        },
        Def {
            key: "time.weeks_on_target",
            section: SectionId::Time,
            label: "Weeks on target",
            unit: Unit::Count,
            better: higher,
            value: |q| f(q.time.weeks_on_target),
            detail: |q| {
                Some(format!(
                    "of {} weeks logged, every category within ±{} points",
                    q.time.weeks_logged, q.time.targets.tolerance_pct
                ))
            },
            link: quarter_link,
        },
        Def {
            key: "coaching.one_on_ones",
            section: SectionId::Coaching,
            label: "One-on-ones held against due",
            unit: Unit::Percent,
            better: higher,
            value: |q| pct(q.coaching.held, q.coaching.due),
            detail: |q| Some(format!("{} held of {} due by cadence", q.coaching.held, q.coaching.due)),
            link: |q| Some(Link::OneOnOnes { quarter: q.quarter, list: MeetingList::Held }),
        },
        Def {
            key: "coaching.actions_closed",
            section: SectionId::Coaching,
            label: "Action items closed",
            unit: Unit::Count,
            better: higher,
            value: |q| f(q.coaching.actions_closed),
            detail: none,
            link: |q| Some(Link::OneOnOnes { quarter: q.quarter, list: MeetingList::ActionsClosed }),
        },
        Def {
            key: "coaching.actions_overdue",
            section: SectionId::Coaching,
            label: "Action items overdue",
            unit: Unit::Count,
            better: lower,
            value: |q| f(q.coaching.actions_overdue),
            detail: |q| Some(format!("open and past due on {}", q.as_of.format("%-d %b %Y"))),
            link: |q| Some(Link::OneOnOnes { quarter: q.quarter, list: MeetingList::ActionsOverdue }),
        },
        Def {
            key: "coaching.points_carried",
            section: SectionId::Coaching,
            label: "Talking points carried more than twice",
            unit: Unit::Count,
            better: lower,
            value: |q| f(q.coaching.points_carried),
            detail: none,
            link: |q| Some(Link::OneOnOnes { quarter: q.quarter, list: MeetingList::PointsCarried }),
        },
        Def {
            key: "coaching.energy",
            section: SectionId::Coaching,
            label: "Energy",
            unit: Unit::Score,
            better: higher,
            value: |q| q.coaching.energy_average,
            detail: |q| {
                Some(format!("{} scores, {} low (1 or 2)", q.coaching.energy_scores, q.coaching.energy_low))
            },
            link: |q| Some(Link::OneOnOnes { quarter: q.quarter, list: MeetingList::Energy }),
        },
        Def {
            key: "coaching.goals_completed",
            section: SectionId::Coaching,
            label: "Goals completed",
            unit: Unit::Count,
            better: higher,
            value: |q| f(q.coaching.goals_completed),
            detail: none,
            link: |_| Some(Link::Team { list: TeamList::Goals }),
        },
        Def {
            key: "coaching.goals_stalled",
            section: SectionId::Coaching,
            label: "Goals stalled",
            unit: Unit::Count,
            better: lower,
            value: |q| f(q.coaching.goals_stalled),
            detail: |q| Some(format!("open and not moved, on {}", q.as_of.format("%-d %b %Y"))),
            link: |_| Some(Link::Team { list: TeamList::Goals }),
        },
        Def {
            key: "coaching.certs_earned",
            section: SectionId::Coaching,
            label: "Certifications earned",
            unit: Unit::Count,
            better: higher,
            value: |q| f(q.coaching.certs_earned),
            detail: none,
            link: |_| Some(Link::Team { list: TeamList::Certifications }),
        },
        Def {
            key: "coaching.certs_renewed",
            section: SectionId::Coaching,
            label: "Certifications renewed",
            unit: Unit::Count,
            better: higher,
            value: |q| f(q.coaching.certs_renewed),
            detail: none,
            link: |_| Some(Link::Team { list: TeamList::Certifications }),
        },
        Def {
            key: "coaching.certs_expired",
            section: SectionId::Coaching,
            label: "Certifications expired",
            unit: Unit::Count,
            better: lower,
            value: |q| f(q.coaching.certs_expired),
            detail: none,
            link: |_| Some(Link::Team { list: TeamList::Certifications }),
        },
        Def {
            key: "coaching.skill_gap",
            section: SectionId::Coaching,
            label: "Team skill gap",
            unit: Unit::Count,
            better: lower,
            value: |q| f(q.coaching.skill_gap_after),
            detail: |q| {
                let change = i64::from(q.coaching.skill_gap_after) - i64::from(q.coaching.skill_gap_before);
                Some(format!(
                    "levels below target; {} in the quarter (from {})",
                    Unit::Count.delta_text(change as f64),
                    q.coaching.skill_gap_before
                ))
            },
            link: |_| Some(Link::Team { list: TeamList::SkillGaps }),
        },
        Def {
            key: "coaching.readiness",
            section: SectionId::Coaching,
            label: "Readiness assessed",
            unit: Unit::Count,
            better: neither,
            value: |q| f(u32::try_from(q.coaching.readiness.len()).unwrap_or(u32::MAX)),
            detail: |q| {
                let ready = q
                    .coaching
                    .readiness
                    .iter()
                    .filter(|r| r.readiness == crate::model::architect::Readiness::ReadyNow)
                    .count();
                Some(format!("{ready} ready now for the next role"))
            },
            link: |_| Some(Link::Team { list: TeamList::Readiness }),
        },
        Def {
            key: "hiring.filled",
            section: SectionId::Coaching,
            label: "Requisitions filled",
            unit: Unit::Count,
            better: higher,
            value: |q| q.hiring.as_ref().and_then(|h| f(h.requisitions_filled)),
            detail: none,
            link: |_| Some(Link::Hiring),
        },
        Def {
            key: "hiring.days_to_fill",
            section: SectionId::Coaching,
            label: "Days to fill",
            unit: Unit::Days,
            better: lower,
            value: |q| q.hiring.as_ref().and_then(|h| h.days_to_fill_average),
            detail: |_| Some("average, opened to offer accepted".to_owned()),
            link: |_| Some(Link::Hiring),
        },
        Def {
            key: "hiring.slates",
            section: SectionId::Coaching,
            label: "Slates meeting policy",
            unit: Unit::Percent,
            better: higher,
            value: |q| q.hiring.as_ref().and_then(|h| pct(h.slates_meeting_policy, h.slates)),
            detail: |q| q.hiring.as_ref().map(|h| format!("{} of {}", h.slates_meeting_policy, h.slates)),
            link: |_| Some(Link::Hiring),
        },
        Def {
            key: "hiring.panels",
            section: SectionId::Coaching,
            label: "Panels meeting policy",
            unit: Unit::Percent,
            better: higher,
            value: |q| q.hiring.as_ref().and_then(|h| pct(h.panels_meeting_policy, h.panels)),
            detail: |q| q.hiring.as_ref().map(|h| format!("{} of {}", h.panels_meeting_policy, h.panels)),
            link: |_| Some(Link::Hiring),
        },
        Def {
            key: "hiring.scorecards",
            section: SectionId::Coaching,
            label: "Interview scorecards on time",
            unit: Unit::Percent,
            better: higher,
            value: |q| q.hiring.as_ref().and_then(|h| pct(h.scorecards_on_time, h.scorecards)),
            detail: |q| q.hiring.as_ref().map(|h| format!("{} of {}", h.scorecards_on_time, h.scorecards)),
            link: |_| Some(Link::Hiring),
        },
        Def {
            key: "hiring.moved_senior",
            section: SectionId::Coaching,
            label: "Moved into more senior roles",
            unit: Unit::Count,
            better: higher,
            value: |q| q.hiring.as_ref().and_then(|h| f(h.moved_to_senior_roles)),
            detail: none,
            link: |_| Some(Link::Team { list: TeamList::Readiness }),
        },
        Def {
            key: "market.initiatives",
            section: SectionId::Markets,
            label: "Initiatives progressed",
            unit: Unit::Count,
            better: higher,
            value: |q| q.business.as_ref().and_then(|b| f(b.initiatives_progressed)),
            detail: none,
            link: |_| Some(Link::Business { list: BusinessList::Initiatives }),
        },
        Def {
            key: "market.events",
            section: SectionId::Markets,
            label: "Events held",
            unit: Unit::Count,
            better: higher,
            value: |q| q.business.as_ref().and_then(|b| f(b.events_held)),
            detail: |q| q.business.as_ref().map(|b| format!("{} attended", b.event_attendance)),
            link: |_| Some(Link::Business { list: BusinessList::Initiatives }),
        },
        Def {
            key: "market.attendance",
            section: SectionId::Markets,
            label: "Event attendance",
            unit: Unit::Count,
            better: higher,
            value: |q| q.business.as_ref().and_then(|b| f(b.event_attendance)),
            detail: none,
            link: |_| Some(Link::Business { list: BusinessList::Initiatives }),
        },
        Def {
            key: "market.influenced",
            section: SectionId::Markets,
            label: "Opportunities influenced",
            unit: Unit::Count,
            better: higher,
            value: |q| q.business.as_ref().and_then(|b| f(b.opportunities_influenced)),
            detail: none,
            link: |_| Some(Link::Business { list: BusinessList::Pipeline }),
        },
        Def {
            key: "market.new_market_wins",
            section: SectionId::Markets,
            label: "New-market wins",
            unit: Unit::Count,
            better: higher,
            value: |q| q.business.as_ref().and_then(|b| f(b.new_market_wins)),
            detail: none,
            link: |_| Some(Link::Business { list: BusinessList::Wins }),
        },
        Def {
            key: "business.wins",
            section: SectionId::Business,
            label: "Wins",
            unit: Unit::Count,
            better: higher,
            value: |q| q.business.as_ref().and_then(|b| f(b.wins)),
            detail: |q| {
                q.business.as_ref().map(|b| format!("{} a month estimated ACR", money(b.wins_acr_monthly)))
            },
            link: |_| Some(Link::Business { list: BusinessList::Wins }),
        },
        Def {
            key: "business.pipeline",
            section: SectionId::Business,
            label: "Open pipeline",
            unit: Unit::Count,
            better: neither,
            value: |q| q.business.as_ref().and_then(|b| f(b.pipeline.iter().map(|s| s.open).sum())),
            detail: |q| {
                q.business
                    .as_ref()
                    .map(|b| format!("{} a month", money(b.pipeline.iter().map(|s| s.acr_monthly).sum())))
            },
            link: |_| Some(Link::Business { list: BusinessList::Pipeline }),
        },
        Def {
            key: "business.plan_coverage",
            section: SectionId::Business,
            label: "Consumption-plan coverage",
            unit: Unit::Percent,
            better: |_| Better::Toward(100.0),
            value: |q| q.business.as_ref().and_then(|b| pct(b.wins_with_plan, b.wins_total)),
            detail: |q| {
                q.business.as_ref().map(|b| {
                    format!("{} of {} wins have an agreed plan; target 100 %", b.wins_with_plan, b.wins_total)
                })
            },
            link: |_| Some(Link::Business { list: BusinessList::Plans }),
        },
        Def {
            key: "business.milestones_live",
            section: SectionId::Business,
            label: "Committed milestones live",
            unit: Unit::Count,
            better: higher,
            value: |q| q.business.as_ref().and_then(|b| f(b.milestones_live)),
            detail: |q| q.business.as_ref().map(|b| format!("of {} committed", b.milestones_committed)),
            link: |_| Some(Link::Business { list: BusinessList::Plans }),
        },
        Def {
            key: "business.milestones_at_risk",
            section: SectionId::Business,
            label: "Committed milestones at risk",
            unit: Unit::Count,
            better: lower,
            value: |q| q.business.as_ref().and_then(|b| f(b.milestones_at_risk)),
            detail: none,
            link: |_| Some(Link::Business { list: BusinessList::Plans }),
        },
        Def {
            key: "business.consumption",
            section: SectionId::Business,
            label: "Consumption against plan",
            unit: Unit::Percent,
            better: higher,
            value: |q| {
                q.business.as_ref().and_then(|b| {
                    (b.consumption_planned > 0.0)
                        .then(|| b.consumption_actual * 100.0 / b.consumption_planned)
                })
            },
            detail: |q| {
                q.business.as_ref().map(|b| {
                    format!("{} of {} a month", money(b.consumption_actual), money(b.consumption_planned))
                })
            },
            link: |_| Some(Link::Business { list: BusinessList::Plans }),
        },
        Def {
            key: "business.scorecard",
            section: SectionId::Business,
            label: "Scorecard targets met",
            unit: Unit::Count,
            better: higher,
            value: |q| {
                q.business.as_ref().and_then(|b| {
                    f(u32::try_from(
                        b.scorecard.iter().filter(|l| l.actual.is_some_and(|a| a >= l.target)).count(),
                    )
                    .unwrap_or(u32::MAX))
                })
            },
            detail: |q| q.business.as_ref().map(|b| format!("of {} metrics", b.scorecard.len())),
            link: |_| Some(Link::Business { list: BusinessList::Scorecard }),
        },
        Def {
            key: "business.network",
            section: SectionId::Business,
            label: "Network contacts kept within their interval",
            unit: Unit::Percent,
            better: higher,
            value: |q| q.business.as_ref().and_then(|b| pct(b.contacts_within_interval, b.contacts)),
            detail: |q| {
                q.business.as_ref().map(|b| format!("{} of {}", b.contacts_within_interval, b.contacts))
            },
            link: |_| Some(Link::Business { list: BusinessList::Network }),
        },
    ]
}

/// The keys of every figure, in order (the JSON export lists them; tests check them).
pub fn keys() -> Vec<&'static str> {
    definitions().iter().map(|d| d.key).collect()
}

fn compare(
    def: &Def,
    value: Option<f64>,
    earlier: &QuarterFigures,
    frozen: bool,
    better: Better,
) -> Comparison {
    let then = if earlier.has_records { (def.value)(earlier) } else { None };
    let delta = value.zip(then).map(|(now, then)| now - then);
    let arrow = delta.map(|d| {
        if d.abs() < def.unit.epsilon() {
            Arrow::Level
        } else if d > 0.0 {
            Arrow::Up
        } else {
            Arrow::Down
        }
    });
    let improved = match (better, value, then, arrow) {
        (_, _, _, None | Some(Arrow::Level)) | (Better::Neither, ..) => None,
        (Better::Higher, ..) => Some(arrow == Some(Arrow::Up)),
        (Better::Lower, ..) => Some(arrow == Some(Arrow::Down)),
        (Better::Toward(target), Some(now), Some(then), _) => {
            Some((now - target).abs() < (then - target).abs())
        }
        (Better::Toward(_), ..) => None,
    };
    Comparison { quarter: earlier.quarter, value: then, delta, arrow, better: improved, frozen }
}

/// The sections of the review: each figure with its comparisons, the lists under it, and a
/// note where its source is not recorded yet.
pub fn sections(
    current: &QuarterFigures,
    previous: (&QuarterFigures, bool),
    year_ago: (&QuarterFigures, bool),
) -> Vec<Section> {
    let definitions = definitions();
    SectionId::ALL
        .iter()
        .map(|&id| {
            let figures = definitions
                .iter()
                .filter(|d| d.section == id)
                .filter(|d| !d.key.starts_with("hiring.") || current.hiring.is_some())
                .filter(|_| id == SectionId::Time || id == SectionId::Coaching || current.business.is_some())
                .map(|def| {
                    let value = (def.value)(current);
                    let better = (def.better)(current);
                    Figure {
                        key: def.key,
                        label: def.label,
                        value,
                        unit: def.unit,
                        text: value.map_or_else(|| "—".to_owned(), |v| def.unit.value_text(v)),
                        detail: (def.detail)(current),
                        previous: compare(def, value, previous.0, previous.1, better),
                        year_ago: compare(def, value, year_ago.0, year_ago.1, better),
                        link: (def.link)(current),
                    }
                })
                .collect();
            Section {
                id,
                title: id.title(),
                category: id.category(),
                figures,
                tables: super::tables::tables(id, current),
                notes: not_recorded(id, current),
            }
        })
        .collect()
}

/// Where a section's figures will come from while they are not recorded.
fn not_recorded(id: SectionId, current: &QuarterFigures) -> Vec<String> {
    match id {
        SectionId::Coaching if current.hiring.is_none() => vec![
            "Hiring (requisitions filled, days to fill, slates and panels meeting policy, scorecards on \
             time, people moved into more senior roles): not recorded yet — see Hiring on the Team screen."
                .to_owned(),
        ],
        SectionId::Markets if current.business.is_none() => vec![
            "Initiatives progressed, events and their attendance, opportunities influenced, new-market \
             wins: not recorded yet — see the Business screen."
                .to_owned(),
        ],
        SectionId::Business if current.business.is_none() => vec![
            "Wins, pipeline by MCEM stage, consumption-plan coverage, committed milestones, consumption \
             against plan, scorecard targets and actuals, network contacts: not recorded yet — see the \
             Business screen."
                .to_owned(),
        ],
        _ => Vec::new(),
    }
}

/// A row linking to an architect's page on `tab`.
pub(super) fn architect_row(
    cells: Vec<String>,
    architect: crate::model::ArchitectId,
    tab: ArchitectTab,
) -> TableRow {
    TableRow { cells, link: Some(Link::Architect { architect, tab }) }
}

/// "12.5 h" from minutes, for tables.
pub(super) fn hours(minutes: u32) -> String {
    hours_text(minutes)
}

pub(super) fn table(
    title: impl Into<String>,
    columns: Vec<&'static str>,
    rows: Vec<TableRow>,
    total: u32,
) -> Table {
    let shown = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    Table { title: title.into(), columns, rows, more: total.saturating_sub(shown) }
}

/// "Coaching" for a category, as the tables say it.
pub(super) fn category_word(category: Category) -> &'static str {
    category.label()
}
