//! The weekly trend of "Where the time went" on the review screen: each week's split of
//! coaching, market building and business management as a stacked bar against the quarter's
//! targets, drawn like the Time screen's chart (the same colours and scales) from the figures
//! the draft holds, frozen or live.

use egui::RichText;
use egui_plot::{BarChart, Line, LineStyle, PlotPoint, Text};

use crate::model::architect::Choice as _;
use crate::model::review::figures::TimeFigures;
use crate::model::split::Category;
use crate::model::time_summary::{hours_text, share_text};
use crate::ui::time_charts::{
    color, fixed_plot, index_axis, index_marks, legend_ui, percent_marks, solid_bar,
};

const HEIGHT: f32 = 220.0;

/// The chart, under its legend; nothing when no time was logged in the quarter.
pub(super) fn weeks_ui(ui: &mut egui::Ui, time: &TimeFigures) {
    if time.total.total() == 0 || time.weeks.is_empty() {
        return;
    }
    ui.add_space(crate::ui::theme::SPACE_S);
    ui.label(RichText::new("Each week's split").strong());
    legend_ui(ui);
    let count = time.weeks.len();
    let labels: Vec<String> = time.weeks.iter().map(|w| format!("W{:02}", w.week.week())).collect();
    let mut charts: Vec<BarChart> = Vec::new();
    for &category in Category::ALL {
        let bars = time
            .weeks
            .iter()
            .enumerate()
            .map(|(index, week)| {
                solid_bar(ui, category, index as f64, week.split.share_pct(category)).width(0.66).name(
                    format!(
                        "{}\n{} {} ({})",
                        week.week,
                        category.label(),
                        share_text(&week.split, category),
                        hours_text(week.split.minutes(category))
                    ),
                )
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(category.label(), bars)
            .color(color(ui, category))
            .element_formatter(Box::new(|bar, _| bar.name.clone()))
            .stack_on(&below);
        charts.push(chart);
    }
    let target_color = ui.visuals().strong_text_color();
    let coaching = f64::from(time.targets.coaching_pct);
    let coaching_market = f64::from(time.targets.coaching_pct + time.targets.market_pct);
    let (left, right) = (-0.5, count as f64 - 0.5);
    fixed_plot("review_weeks", HEIGHT)
        .width(ui.available_width().min(900.0))
        .default_x_bounds(-0.6, count as f64 + 1.3)
        .default_y_bounds(0.0, 110.0)
        .x_grid_spacer(index_marks(count))
        .y_grid_spacer(percent_marks)
        .custom_x_axes(index_axis(labels))
        .y_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
            for (y, text) in [
                (coaching, format!("coaching {coaching:.0} %")),
                (coaching_market, format!("+ market {coaching_market:.0} %")),
            ] {
                plot.line(
                    Line::new("Target", vec![[left, y], [right, y]])
                        .color(target_color)
                        .width(1.5)
                        .style(LineStyle::dashed_loose())
                        .allow_hover(false),
                );
                plot.text(
                    Text::new("target", PlotPoint::new(right + 0.1, y), RichText::new(text).small())
                        .anchor(egui::Align2::LEFT_CENTER)
                        .color(target_color),
                );
            }
        });
}
