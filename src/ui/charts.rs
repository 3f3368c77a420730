//! Charts more than one screen draws: each week's split of coaching, market building and
//! business management as a stacked bar against the target split (the Time screen's quarter
//! view and the review's "Where the time went"). Drawn from the data handed in, nothing else.

use egui::{Align2, RichText};
use egui_plot::{BarChart, Line, LineStyle, PlotPoint, Text};

use super::time_charts::{color, fixed_plot, index_axis, index_marks, percent_marks, solid_bar};
use crate::model::architect::Choice as _;
use crate::model::split::{Category, Split, Targets};
use crate::model::time_summary::{hours_text, share_text};

/// One week's bar.
pub struct WeekSplit {
    /// Under the bar: "W48".
    pub label: String,
    /// The first line of each part's tooltip: the week (and its days in the quarter when cut).
    pub heading: String,
    pub split: Split,
    /// A small text above the bar (the Time screen's hours), if any.
    pub above: Option<String>,
}

/// How the chart is laid out.
pub struct WeeksChart<'a> {
    pub id: &'a str,
    pub height: f32,
    /// The widest the plot may be; `None` takes the width it is given.
    pub max_width: Option<f32>,
    pub targets: Targets,
}

/// A stacked bar per week of the share of each category, with the target split dashed across
/// (coaching, then coaching plus market building) and labelled at the right.
pub fn weeks_split_chart(ui: &mut egui::Ui, layout: &WeeksChart<'_>, weeks: &[WeekSplit]) {
    let count = weeks.len();
    let labels: Vec<String> = weeks.iter().map(|w| w.label.clone()).collect();
    let mut charts: Vec<BarChart> = Vec::new();
    for &category in Category::ALL {
        let bars = weeks
            .iter()
            .enumerate()
            .map(|(index, week)| {
                solid_bar(ui, category, index as f64, week.split.share_pct(category)).width(0.66).name(
                    format!(
                        "{}\n{} {} ({})",
                        week.heading,
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
    let above: Vec<Text> = weeks
        .iter()
        .enumerate()
        .filter_map(|(index, week)| Some((index, week.above.as_ref()?)))
        .map(|(index, label)| {
            Text::new("hours", PlotPoint::new(index as f64, 101.0), RichText::new(label).small())
                .anchor(Align2::CENTER_BOTTOM)
                .color(ui.visuals().weak_text_color())
        })
        .collect();
    let target_color = ui.visuals().strong_text_color();
    let coaching = f64::from(layout.targets.coaching_pct);
    let coaching_market = f64::from(layout.targets.coaching_pct + layout.targets.market_pct);
    let (left, right) = (-0.5, count as f64 - 0.5);
    let mut plot = fixed_plot(layout.id, layout.height, [-0.6, count as f64 + 1.3], [0.0, 110.0]);
    if let Some(max_width) = layout.max_width {
        plot = plot.width(ui.available_width().min(max_width));
    }
    plot.x_grid_spacer(index_marks(count))
        .y_grid_spacer(percent_marks)
        .custom_x_axes(index_axis(labels, 22.0))
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
                        .anchor(Align2::LEFT_CENTER)
                        .color(target_color),
                );
            }
            for text in above {
                plot.text(text);
            }
        });
}
