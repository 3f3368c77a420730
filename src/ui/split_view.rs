//! A split of time against its targets, as the Time screen, the quarter view and This week
//! show it: per category the hours, the share on a bar with the target marked and the
//! tolerance band shaded, whether it is on track, and the drift sentence.

use egui::{Align, Layout, RichText, Sense};

use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::split::{Category, DriftStatus, Split, Targets, drift_sentence};
use crate::model::time_summary::{hours_text, share_text};

/// A split against targets: per category the hours, the share on a bar with the target
/// marked and the tolerance band shaded, and whether it is on track; then the drift sentence.
pub fn split_ui(ui: &mut egui::Ui, split: &Split, targets: &Targets, period_word: &str) {
    let dark = ui.visuals().dark_mode;
    egui::Grid::new(("split", period_word)).num_columns(5).spacing([10.0, 6.0]).show(ui, |ui| {
        for &category in Category::ALL {
            let color = theme::category_color(dark, category);
            ui.horizontal(|ui| {
                let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
                ui.painter().circle_filled(dot.center(), 5.0, color);
                ui.label(category.label());
            });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.label(hours_text(split.minutes(category)));
            });
            ui.label(RichText::new(share_text(split, category)).strong());
            target_bar_ui(ui, split, targets, category);
            let (text, tone) = match (split.total(), split.status(category, targets)) {
                (0, _) => (format!("target {} %", targets.pct(category)), theme::Tone::Neutral),
                (_, DriftStatus::OnTrack) => ("on track".to_owned(), theme::Tone::Ok),
                (_, DriftStatus::Over) => {
                    (format!("{:.0} pts over", split.drift(category, targets).round()), theme::Tone::Warning)
                }
                (_, DriftStatus::Under) => (
                    format!("{:.0} pts under", split.drift(category, targets).abs().round()),
                    theme::Tone::Warning,
                ),
            };
            widgets::status_badge(ui, &text, tone);
            ui.end_row();
        }
        ui.label(RichText::new("Total").strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(hours_text(split.total())).strong());
        });
        ui.end_row();
    });
    ui.add_space(theme::SPACE_S);
    drift_line_ui(ui, split, targets, period_word);
}

/// The drift sentence, green when on target and amber otherwise.
pub fn drift_line_ui(ui: &mut egui::Ui, split: &Split, targets: &Targets, period_word: &str) {
    let sentence = drift_sentence(split, targets, period_word);
    let on_target =
        split.total() == 0 || Category::ALL.iter().all(|&c| split.status(c, targets) == DriftStatus::OnTrack);
    if split.total() == 0 {
        ui.label(RichText::new(sentence).weak());
        return;
    }
    let (icon, color) = if on_target { ("✔", theme::ok_color(ui)) } else { ("⚠", theme::warn_color(ui)) };
    ui.label(RichText::new(format!("{icon} {sentence}")).color(color).strong());
}

/// A bar 0-100 % with the share filled, the target as a tick and the tolerance band shaded.
fn target_bar_ui(ui: &mut egui::Ui, split: &Split, targets: &Targets, category: Category) {
    let width = 110.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 12.0), Sense::hover());
    let painter = ui.painter();
    #[allow(
        clippy::cast_possible_truncation,
        reason = "a share of 0 to 100 % fits an f32 exactly enough for pixels"
    )]
    let x = |pct: f64| rect.left() + width * (pct.clamp(0.0, 100.0) / 100.0) as f32;
    painter.rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
    let target = f64::from(targets.pct(category));
    let tolerance = f64::from(targets.tolerance_pct);
    let band = egui::Rect::from_x_y_ranges(x(target - tolerance)..=x(target + tolerance), rect.y_range());
    painter.rect_filled(band, 0.0, ui.visuals().weak_text_color().gamma_multiply(0.25));
    let share = split.share_pct(category);
    let fill =
        egui::Rect::from_x_y_ranges(rect.left()..=x(share), rect.shrink2(egui::vec2(0.0, 2.0)).y_range());
    painter.rect_filled(fill, 2.0, theme::category_color(ui.visuals().dark_mode, category));
    let tick = x(target);
    painter.line_segment(
        [egui::pos2(tick, rect.top() - 2.0), egui::pos2(tick, rect.bottom() + 2.0)],
        egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
    );
    response.on_hover_text(format!(
        "{} {} of the time; target {} % ± {}",
        category.label(),
        share_text(split, category),
        targets.pct(category),
        targets.tolerance_pct
    ));
}
