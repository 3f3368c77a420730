//! The Time screen's charts (`egui_plot`): the quarter view with a stacked bar per week against
//! the target, the quarter so far against its target, the trend of the last four quarters and
//! the rebalance plan; and the week's hours per day. Everything is drawn from the aggregates in
//! the view model; nothing here touches the database.

use egui::{Color32, RichText};
use egui_plot::{
    AxisHints, Bar, BarChart, GridInput, GridMark, HoverPosition, Line, LineStyle, Plot, PlotPoint, Points,
    Text,
};

use super::charts::{WeekSplit, WeeksChart, weeks_split_chart};
use super::split_view::split_ui;
use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::split::{Category, DriftStatus, RebalanceHint, Split};
use crate::model::time_summary::{QuarterSummary, WeekSummary, chart_hours, hours_text, targets_text};
use crate::model::{Architect, Status};
use crate::session::TimeView;

const WEEKS_HEIGHT: f32 = 230.0;
const CUMULATIVE_HEIGHT: f32 = 96.0;
const TREND_HEIGHT: f32 = WEEKS_HEIGHT;
const DAYS_HEIGHT: f32 = 170.0;
/// Below this width the quarter view stacks its columns and charts.
const WIDE_WIDTH: f32 = 1000.0;

/// A plot that only shows: no panning or zooming, which would only lose the fixed scales. Its
/// bounds are part of its id: `egui_plot` keeps a plot's bounds under its id and applies the
/// defaults only to a plot it has not seen, so a chart whose figures changed (another account,
/// week or quarter, a figure just entered) would keep the scale of the first figures it showed.
pub(super) fn fixed_plot(id: &str, height: f32, x: [f64; 2], y: [f64; 2]) -> Plot<'static> {
    Plot::new((id, x.map(f64::to_bits), y.map(f64::to_bits)))
        .default_x_bounds(x[0], x[1])
        .default_y_bounds(y[0], y[1])
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .show_grid([false, true])
}

/// Grid marks at each whole number from 0 to `count - 1`: one per bar or point.
pub(super) fn index_marks(count: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |_input| (0..count).map(|i| GridMark { value: i as f64, step_size: 1.0 }).collect()
}

/// Grid marks at 0, 25, 50, 75 and 100 %.
pub(super) fn percent_marks(_input: GridInput) -> Vec<GridMark> {
    [0.0, 25.0, 50.0, 75.0, 100.0].into_iter().map(|value| GridMark { value, step_size: 25.0 }).collect()
}

/// An x axis that names each whole-number position (a week, a day, a quarter, a month), kept
/// even when the labels sit close together (`egui_plot` hides x labels under 60 points apart;
/// here under `min_spacing`).
pub(super) fn index_axis(labels: Vec<String>, min_spacing: f32) -> Vec<AxisHints<'static>> {
    vec![
        AxisHints::new_x()
            .formatter(move |mark, _| label_at(&labels, mark.value))
            .label_spacing(min_spacing..=30.0),
    ]
}

/// The label of the bar or point at `value`, if it is one of the whole-number positions.
pub(super) fn label_at(labels: &[String], value: f64) -> String {
    labels
        .iter()
        .enumerate()
        .find(|(i, _)| (*i as f64 - value).abs() < 1e-6)
        .map(|(_, l)| l.clone())
        .unwrap_or_default()
}

pub(super) fn color(ui: &egui::Ui, category: Category) -> Color32 {
    theme::category_color(ui.visuals().dark_mode, category)
}

/// A solid bar of a category, outlined in the plot background so stacked segments stay apart.
pub(super) fn solid_bar(ui: &egui::Ui, category: Category, argument: f64, value: f64) -> Bar {
    Bar::new(argument, value)
        .fill(color(ui, category))
        .stroke(egui::Stroke::new(1.0, ui.visuals().extreme_bg_color))
}

/// Text that reads on a category fill: dark on the light fills of the dark theme and the
/// other way round.
fn on_fill_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_gray(20) } else { Color32::WHITE }
}

/// The three category swatches and the target mark, above the charts.
pub fn legend_ui(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        for &category in Category::ALL {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(swatch, 2.0, color(ui, category));
            ui.label(RichText::new(category.label()).small());
            ui.add_space(theme::SPACE_S);
        }
        ui.label(RichText::new("- - target").small().strong());
    });
}

/// The quarter view: the split so far, the drift and the rebalance hint, then the charts, the
/// coaching time per architect, then whatever `more` adds (where the market-building hours went).
pub fn quarter_ui(
    ui: &mut egui::Ui,
    time: &TimeView,
    architects: &[Architect],
    more: impl FnOnce(&mut egui::Ui),
) {
    let summary = &time.quarter;
    egui::ScrollArea::vertical().id_salt("quarter").auto_shrink([false, false]).show(ui, |ui| {
        if !summary.has_started(time.today) {
            widgets::empty_state(
                ui,
                &format!("{} has not started", summary.quarter),
                &format!(
                    "It starts on {}. Go back to this quarter with “This quarter”.",
                    summary.start.format("%-d %B %Y")
                ),
            );
            return;
        }
        if summary.total.total() == 0 {
            widgets::empty_state(
                ui,
                &format!("Nothing logged in {}", summary.quarter),
                "Log time with the row above, or look at an earlier quarter with ◀ (Alt+←).",
            );
            return;
        }
        let wide = ui.available_width() >= WIDE_WIDTH;
        if wide {
            ui.columns(2, |columns| {
                summary_ui(&mut columns[0], summary, time.today);
                plan_ui(&mut columns[1], summary);
            });
        } else {
            summary_ui(ui, summary, time.today);
            ui.add_space(theme::SPACE_M);
            plan_ui(ui, summary);
        }
        ui.add_space(theme::SPACE_M);
        let width = ui.available_width();
        let weeks = |ui: &mut egui::Ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Each week's split").strong());
                ui.add_space(theme::SPACE_M);
                legend_ui(ui);
            });
            weeks_chart(ui, summary);
        };
        let trend = |ui: &mut egui::Ui| {
            ui.label(RichText::new("The last four quarters").strong());
            trend_chart(ui, summary);
        };
        if wide {
            let trend_width = (width * 0.34).clamp(280.0, 420.0);
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(width - trend_width - theme::SPACE_L, WEEKS_HEIGHT + 30.0),
                    egui::Layout::top_down(egui::Align::Min),
                    weeks,
                );
                ui.add_space(theme::SPACE_S);
                ui.allocate_ui_with_layout(
                    egui::vec2(trend_width, WEEKS_HEIGHT + 30.0),
                    egui::Layout::top_down(egui::Align::Min),
                    trend,
                );
            });
        } else {
            weeks(ui);
            ui.add_space(theme::SPACE_M);
            trend(ui);
        }
        ui.add_space(theme::SPACE_L);
        coaching_by_architect_ui(ui, time, architects);
        ui.add_space(theme::SPACE_M);
        more(ui);
    });
}

/// How the quarter's coaching time divides among the team: each current architect's hours on
/// a bar, least at the bottom, so who gets little of the manager's time is plain.
fn coaching_by_architect_ui(ui: &mut egui::Ui, time: &TimeView, architects: &[Architect]) {
    let team: Vec<&Architect> = architects.iter().filter(|a| a.fields.status != Status::Left).collect();
    if team.is_empty() {
        return;
    }
    let minutes_of = |id| time.coaching_by_architect.iter().find(|(a, _)| *a == id).map_or(0, |(_, m)| *m);
    let mut rows: Vec<(&Architect, u32)> = team.iter().map(|a| (*a, minutes_of(a.id))).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.fields.name.cmp(&b.0.fields.name)));
    let most = rows.first().map_or(0, |(_, m)| *m).max(1);
    ui.label(RichText::new("Coaching time with each architect").strong());
    ui.label(
        RichText::new(
            "Time linked to an architect: one-on-ones, coaching and shadowing logged with their name.",
        )
        .weak()
        .small(),
    );
    let dark = ui.visuals().dark_mode;
    egui::Grid::new("coaching_by_architect").num_columns(3).spacing([10.0, 4.0]).show(ui, |ui| {
        for (architect, minutes) in rows {
            let name_cell = egui::vec2(COACHING_NAME_WIDTH, ui.spacing().interact_size.y);
            ui.allocate_ui_with_layout(name_cell, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.set_min_width(COACHING_NAME_WIDTH);
                ui.add(egui::Label::new(architect.name()).truncate()).on_hover_text(architect.name());
            });
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(COACHING_BAR_WIDTH, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
            let share = minutes as f32 / most as f32;
            let filled = egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * share, rect.height()));
            ui.painter().rect_filled(filled, 2.0, theme::category_color(dark, Category::Coaching));
            if minutes == 0 {
                ui.label(RichText::new("none logged").color(theme::warn_color(ui)));
            } else {
                ui.label(hours_text(minutes));
            }
            ui.end_row();
        }
    });
}

/// How wide the names beside the coaching bars are (longer ones are cut, whole on hover).
const COACHING_NAME_WIDTH: f32 = 170.0;

/// How long the longest bar of coaching time per architect is.
const COACHING_BAR_WIDTH: f32 = 180.0;

/// The quarter's split against target, its drift, and how many weeks were on target.
fn summary_ui(ui: &mut egui::Ui, summary: &QuarterSummary, today: chrono::NaiveDate) {
    let title =
        if today > summary.end { summary.quarter.to_string() } else { format!("{} so far", summary.quarter) };
    ui.label(RichText::new(title).strong());
    ui.add_space(theme::SPACE_S);
    split_ui(ui, &summary.total, &summary.targets, "quarter");
    ui.add_space(theme::SPACE_M);
    weeks_on_target_ui(ui, summary);
}

/// What the rest of the quarter needs, and the quarter against its target as one chart.
fn plan_ui(ui: &mut egui::Ui, summary: &QuarterSummary) {
    rebalance_ui(ui, summary);
    ui.add_space(theme::SPACE_S);
    cumulative_chart(ui, summary);
}

/// How many of the weeks so far kept every category within tolerance, and the average week.
fn weeks_on_target_ui(ui: &mut egui::Ui, summary: &QuarterSummary) {
    let logged: Vec<&Split> = summary.weeks.iter().map(|w| &w.split).filter(|s| s.total() > 0).collect();
    let on_target = logged
        .iter()
        .filter(|split| {
            Category::ALL.iter().all(|&c| split.status(c, &summary.targets) == DriftStatus::OnTrack)
        })
        .count();
    let weeks = logged.len();
    let average = summary.total.total() / u32::try_from(weeks.max(1)).unwrap_or(1);
    ui.label(format!(
        "On target in {on_target} of {weeks} {} (every category within ±{} points)",
        if weeks == 1 { "week" } else { "weeks" },
        summary.targets.tolerance_pct
    ));
    ui.label(RichText::new(format!("An average week: {} h logged", whole_hours(average))).weak());
}

/// What the rest of the quarter needs, in words and per week.
fn rebalance_ui(ui: &mut egui::Ui, summary: &QuarterSummary) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        match &summary.rebalance {
            RebalanceHint::NoPace => {
                ui.label(
                    RichText::new("Log a few days of this quarter to get a plan for the rest of it.").weak(),
                );
            }
            RebalanceHint::QuarterOver => {
                ui.label(RichText::new(format!("{} is over.", summary.quarter)).strong());
                let shares: Vec<String> = Category::ALL
                    .iter()
                    .map(|&c| format!("{:.0}", summary.total.share_pct(c).round()))
                    .collect();
                ui.add(
                    egui::Label::new(format!(
                        "It ended at {} against a target of {}.",
                        shares.join(" / "),
                        targets_text(&summary.targets)
                    ))
                    .wrap(),
                );
            }
            RebalanceHint::Plan(plan) => {
                ui.label(RichText::new("To end the quarter on target").strong());
                let weeks = if plan.weeks_remaining == 1 {
                    "1 week".to_owned()
                } else {
                    format!("{} weeks", plan.weeks_remaining)
                };
                ui.add(
                    egui::Label::new(format!(
                        "{weeks} left at your pace of about {} h a week. The rest of the quarter needs:",
                        whole_hours(plan.weekly_pace_minutes)
                    ))
                    .wrap(),
                );
                ui.add_space(theme::SPACE_S);
                egui::Grid::new("rebalance").num_columns(3).spacing([16.0, 4.0]).show(ui, |ui| {
                    for &category in Category::ALL {
                        ui.label(RichText::new(category.label()).color(color(ui, category)).strong());
                        if plan.over_target.contains(&category) {
                            ui.label("nothing more");
                            ui.label(RichText::new("already over its target").weak());
                        } else {
                            ui.label(format!("{} h in total", whole_hours(plan.needed_minutes(category))));
                            ui.label(format!(
                                "about {} h a week",
                                whole_hours(plan.needed_per_week_minutes(category))
                            ));
                        }
                        ui.end_row();
                    }
                });
            }
        }
    });
}

/// Minutes as whole hours, rounded: plans are estimates.
fn whole_hours(minutes: u32) -> u32 {
    (minutes + 30) / 60
}

/// Two horizontal stacked bars: the quarter as logged and its target.
fn cumulative_chart(ui: &mut egui::Ui, summary: &QuarterSummary) {
    let targets = summary.targets;
    let text_color = on_fill_color(ui);
    let mut charts: Vec<BarChart> = Vec::new();
    let mut texts = Vec::new();
    let mut left = [0.0_f64; 2];
    for &category in Category::ALL {
        let values = [f64::from(targets.pct(category)), summary.total.share_pct(category)];
        let bars = values
            .iter()
            .enumerate()
            .map(|(row, &value)| {
                let row_name = if row == 1 { "Logged" } else { "Target" };
                solid_bar(ui, category, row as f64, value).width(0.6).name(format!(
                    "{row_name}: {} {:.0} %",
                    category.label(),
                    value.round()
                ))
            })
            .collect();
        for (row, &value) in values.iter().enumerate() {
            if value >= 8.0 {
                let at = PlotPoint::new(left[row] + value / 2.0, row as f64);
                texts.push(Text::new(
                    "share",
                    at,
                    RichText::new(format!("{value:.0} %")).small().color(text_color),
                ));
            }
            left[row] += value;
        }
        let previous: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(category.label(), bars)
            .color(color(ui, category))
            .horizontal()
            .element_formatter(Box::new(|bar, _| bar.name.clone()))
            .stack_on(&previous);
        charts.push(chart);
    }
    let labels = vec!["Target".to_owned(), "Logged".to_owned()];
    fixed_plot("quarter_cumulative", CUMULATIVE_HEIGHT, [0.0, 103.0], [-0.5, 1.5])
        .show_grid([true, false])
        .y_grid_spacer(index_marks(2))
        .x_grid_spacer(percent_marks)
        .y_axis_formatter(move |mark, _| label_at(&labels, mark.value))
        .x_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
            for text in texts {
                plot.text(text);
            }
        });
}

/// A stacked bar per week of the share of each category, with the target split dashed across.
fn weeks_chart(ui: &mut egui::Ui, summary: &QuarterSummary) {
    let weeks: Vec<WeekSplit> = summary
        .weeks
        .iter()
        .map(|bar| {
            let partial = if bar.is_partial() {
                format!(
                    " ({} – {} in this quarter)",
                    bar.first_day.format("%-d %b"),
                    bar.last_day.format("%-d %b")
                )
            } else {
                String::new()
            };
            WeekSplit {
                label: format!("W{:02}", bar.week.week()),
                heading: format!("{}{partial}", bar.week),
                split: bar.split,
                above: (bar.split.total() > 0).then(|| chart_hours(bar.split.total())),
            }
        })
        .collect();
    let layout =
        WeeksChart { id: "quarter_weeks", height: WEEKS_HEIGHT, max_width: None, targets: summary.targets };
    weeks_split_chart(ui, &layout, &weeks);
}

/// The share of each category over the last quarters, with each quarter's target dashed.
fn trend_chart(ui: &mut egui::Ui, summary: &QuarterSummary) {
    let labels: Vec<String> = summary.trend.iter().map(|p| p.quarter.to_string()).collect();
    let count = labels.len();
    let formatter_labels = labels.clone();
    let dark = ui.visuals().dark_mode;
    fixed_plot("quarter_trend", TREND_HEIGHT, [-0.3, count as f64 - 0.7], [0.0, 100.0])
        .x_grid_spacer(index_marks(count))
        .y_grid_spacer(percent_marks)
        .custom_x_axes(index_axis(labels, 22.0))
        .y_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
        .label_formatter(move |position: &HoverPosition<'_>| match position {
            HoverPosition::NearDataPoint { plot_name, position, .. } => {
                Some(format!("{}: {plot_name} {:.0} %", label_at(&formatter_labels, position.x), position.y))
            }
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for &category in Category::ALL {
                let category_color = theme::category_color(dark, category);
                let shares: Vec<[f64; 2]> = summary
                    .trend
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.split.total() > 0)
                    .map(|(index, p)| [index as f64, p.split.share_pct(category)])
                    .collect();
                let targets: Vec<[f64; 2]> = summary
                    .trend
                    .iter()
                    .enumerate()
                    .map(|(index, p)| [index as f64, f64::from(p.targets.pct(category))])
                    .collect();
                plot.line(
                    Line::new(format!("{} target", category.label()), targets)
                        .color(category_color.gamma_multiply(0.7))
                        .width(1.0)
                        .style(LineStyle::dashed_loose()),
                );
                plot.line(Line::new(category.label(), shares.clone()).color(category_color).width(2.5));
                plot.points(Points::new(category.label(), shares).color(category_color).radius(4.0));
            }
        });
}

/// Hours per day of a week, stacked by category.
pub fn week_days_chart(ui: &mut egui::Ui, week: &WeekSummary) {
    let labels: Vec<String> = week.week.days().iter().map(|d| d.format("%a").to_string()).collect();
    let mut charts: Vec<BarChart> = Vec::new();
    for &category in Category::ALL {
        let bars = week
            .days
            .iter()
            .zip(week.week.days())
            .enumerate()
            .map(|(index, (split, day)): (usize, (&Split, _))| {
                let minutes = split.minutes(category);
                solid_bar(ui, category, index as f64, f64::from(minutes) / 60.0).width(0.6).name(format!(
                    "{}\n{} {}",
                    day.format("%a %-d %b"),
                    category.label(),
                    hours_text(minutes)
                ))
            })
            .collect();
        let previous: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(category.label(), bars)
            .color(color(ui, category))
            .element_formatter(Box::new(|bar, _| bar.name.clone()))
            .stack_on(&previous);
        charts.push(chart);
    }
    let most_hours = week.days.iter().map(Split::total).max().unwrap_or(0);
    let top = (f64::from(most_hours) / 60.0).max(8.0) + 1.0;
    fixed_plot("week_days", DAYS_HEIGHT, [-0.6, 6.6], [0.0, top])
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [2.0, 4.0, 8.0]))
        .x_grid_spacer(index_marks(7))
        .custom_x_axes(index_axis(labels, 22.0))
        .y_axis_formatter(|mark, _| format!("{:.0} h", mark.value))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}
