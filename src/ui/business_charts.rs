//! The Business screen's charts (`egui_plot`): the open pipeline by MCEM stage, an account's
//! expected against actual monthly ACR, and the scorecard's actuals against their targets.
//! Drawn from the view model only.

use chrono::NaiveDate;
use egui::RichText;
use egui_plot::{AxisHints, Bar, BarChart, Line, LineStyle, PlotPoints};

use super::theme;
use super::time_charts::{fixed_plot, index_axis, index_marks, label_at};
use crate::model::architect::Choice as _;
use crate::model::business::money::short_dollars;
use crate::model::business::scorecard::value_text;
use crate::model::business::{MetricLine, StageTotal};

const PIPELINE_HEIGHT: f32 = 190.0;
const ACR_HEIGHT: f32 = 200.0;
const SCORECARD_ROW: f32 = 34.0;

/// A bar per MCEM stage: the monthly ACR of the open opportunities in it, their count on hover.
pub fn pipeline_chart(ui: &mut egui::Ui, pipeline: &[StageTotal]) {
    if pipeline.iter().all(|s| s.count == 0) {
        ui.label(RichText::new("No open opportunities: the pipeline chart fills as you record them.").weak());
        return;
    }
    let color = theme::category_color(ui.visuals().dark_mode, crate::model::split::Category::Business);
    let bars: Vec<Bar> = pipeline
        .iter()
        .enumerate()
        .map(|(index, stage)| {
            Bar::new(index as f64, stage.monthly_acr as f64).width(0.6).fill(color).name(format!(
                "{}\n{} open, {}/month",
                stage.stage.label(),
                stage.count,
                short_dollars(stage.monthly_acr)
            ))
        })
        .collect();
    let labels: Vec<String> =
        pipeline.iter().map(|s| format!("{} {}", s.stage.number(), short_stage(s.stage.name()))).collect();
    let top = pipeline.iter().map(|s| s.monthly_acr).max().unwrap_or(0) as f64 * 1.15 + 1.0;
    fixed_plot("pipeline_by_stage", PIPELINE_HEIGHT, [-0.6, pipeline.len() as f64 - 0.4], [0.0, top])
        .x_grid_spacer(index_marks(pipeline.len()))
        .custom_x_axes(index_axis(labels, 18.0))
        .y_axis_formatter(|mark, _| axis_dollars(mark.value))
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("Open pipeline", bars).element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
        });
    let summary: Vec<String> = pipeline
        .iter()
        .filter(|s| s.count > 0)
        .map(|s| format!("{}: {}", s.stage.number(), s.count))
        .collect();
    ui.label(RichText::new(format!("Open opportunities by stage · {}", summary.join(" · "))).small().weak());
}

/// "Listen & Consult" → "Listen": short enough under a bar.
fn short_stage(name: &str) -> &str {
    name.split(' ').next().unwrap_or(name)
}

/// Actual consumption as bars and the ACR the milestones promise as a dashed line, month by
/// month; `today` splits the past from what is still expected.
pub fn acr_chart(
    ui: &mut egui::Ui,
    id: &str,
    months: &[NaiveDate],
    expected: &[i64],
    actual: &[Option<i64>],
    today: NaiveDate,
) {
    let actual_color = theme::actual_color(ui);
    let expected_color = theme::expected_color(ui);
    let bars: Vec<Bar> = actual
        .iter()
        .enumerate()
        .filter_map(|(index, value)| {
            value.map(|dollars| {
                Bar::new(index as f64, dollars as f64)
                    .width(0.6)
                    .fill(actual_color.gamma_multiply(0.8))
                    .name(format!("{}\nactual {}", months[index].format("%b %Y"), short_dollars(dollars)))
            })
        })
        .collect();
    let points: Vec<[f64; 2]> = expected.iter().enumerate().map(|(i, v)| [i as f64, *v as f64]).collect();
    let labels: Vec<String> = months.iter().map(|m| m.format("%b").to_string()).collect();
    let top = expected.iter().copied().chain(actual.iter().flatten().copied()).max().unwrap_or(0) as f64
        * 1.15
        + 1.0;
    let this_month = months.iter().position(|m| *m > today).map_or(months.len() as f64, |i| i as f64) - 0.5;
    let weak = ui.visuals().weak_text_color();
    ui.horizontal(|ui| {
        legend_swatch(ui, actual_color, "actual consumption");
        legend_swatch(ui, expected_color, "expected from milestones");
    });
    fixed_plot(id, ACR_HEIGHT, [-0.6, months.len() as f64 - 0.4], [0.0, top])
        .x_grid_spacer(index_marks(months.len()))
        .custom_x_axes(index_axis(labels, 18.0))
        .y_axis_formatter(|mark, _| axis_dollars(mark.value))
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("Actual", bars).element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            plot.line(
                Line::new("Expected", PlotPoints::from(points))
                    .color(expected_color)
                    .width(2.5)
                    .style(LineStyle::dashed_loose()),
            );
            plot.line(
                Line::new("Today", vec![[this_month, 0.0], [this_month, top]])
                    .color(weak)
                    .width(1.0)
                    .style(LineStyle::dotted_dense())
                    .allow_hover(false),
            );
        });
}

fn legend_swatch(ui: &mut egui::Ui, color: egui::Color32, text: &str) {
    let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(swatch, 2.0, color);
    ui.label(RichText::new(text).small());
    ui.add_space(theme::SPACE_S);
}

/// One horizontal bar per target: the actual as a share of the target (100 % marked), the
/// values on hover.
pub fn scorecard_chart(ui: &mut egui::Ui, id: &str, lines: &[MetricLine]) {
    let shown: Vec<&MetricLine> = lines.iter().filter(|l| l.target != 0).collect();
    if shown.is_empty() {
        return;
    }
    let color = theme::actual_color(ui);
    let ok = theme::ok_color(ui);
    let bars: Vec<Bar> = shown
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let pct = line.pct_of_target().unwrap_or(0.0);
            let actual = line
                .actual()
                .map_or_else(|| "no actual yet".to_owned(), |a| value_text(line.kind, &line.unit, a));
            Bar::new((shown.len() - 1 - index) as f64, pct.clamp(0.0, 150.0))
                .width(0.6)
                .fill(if pct >= 100.0 { ok } else { color })
                .name(format!(
                    "{}\n{actual} of {} ({pct:.0} %)",
                    line.name,
                    value_text(line.kind, &line.unit, line.target)
                ))
        })
        .collect();
    let labels: Vec<String> = shown.iter().rev().map(|l| l.name.clone()).collect();
    let count = shown.len();
    let strong = ui.visuals().strong_text_color();
    fixed_plot(id, (count as f32 * SCORECARD_ROW + 40.0).max(90.0), [0.0, 150.0], [-0.6, count as f64 - 0.4])
        .show_grid([true, false])
        .y_grid_spacer(index_marks(count))
        .custom_y_axes(vec![
            AxisHints::new_y().formatter(move |mark, _| label_at(&labels, mark.value)).min_thickness(150.0),
        ])
        .x_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new("Actual", bars)
                    .horizontal()
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            plot.line(
                Line::new("Target", vec![[100.0, -0.6], [100.0, count as f64 - 0.4]])
                    .color(strong)
                    .width(2.0)
                    .style(LineStyle::dashed_dense())
                    .allow_hover(false),
            );
        });
}

/// An axis label in dollars: "$40k".
fn axis_dollars(value: f64) -> String {
    #[allow(
        clippy::cast_possible_truncation,
        reason = "an axis mark of a chart of monthly ACR, far below i64::MAX"
    )]
    short_dollars(value.round() as i64)
}
