//! Design tokens: spacing, sizes and colours, in one place.

use egui::{Color32, Frame, Margin, Style, ThemePreference};

pub const SPACE_S: f32 = 4.0;
pub const SPACE_M: f32 = 8.0;
pub const SPACE_L: f32 = 16.0;
pub const NAV_WIDTH: f32 = 168.0;
pub const NAV_ROW_HEIGHT: f32 = 28.0;
pub const TABLE_ROW_HEIGHT: f32 = 24.0;
pub const EDITOR_WIDTH: f32 = 380.0;
pub const FORM_LABEL_WIDTH: f32 = 120.0;

/// Applies Leadline's look on top of egui's light and dark themes.
pub fn install(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 24.0;
    });
}

/// The bottom status line: a little padding, the panel colour.
pub fn status_frame(style: &Style) -> Frame {
    Frame::side_top_panel(style).inner_margin(Margin::symmetric(8, 4))
}

/// Red that reads on both themes, for errors.
pub fn error_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}

/// Amber for warnings (on leave, nearly at a limit).
pub fn warn_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().warn_fg_color
}

/// Green for good news (active, on track).
pub fn ok_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_rgb(110, 200, 120) } else { Color32::from_rgb(30, 130, 50) }
}

/// Radio buttons for System / Light / Dark. Returns true when changed.
pub fn preference_ui(ui: &mut egui::Ui, preference: &mut ThemePreference) -> bool {
    let before = *preference;
    ui.horizontal(|ui| {
        ui.selectable_value(preference, ThemePreference::System, "System");
        ui.selectable_value(preference, ThemePreference::Light, "Light");
        ui.selectable_value(preference, ThemePreference::Dark, "Dark");
    });
    before != *preference
}

/// The colour of a time category, the same in every chart, chip and bar. Picked to stay apart
/// for the common colour-vision deficiencies (blue, teal-green, amber) on both themes.
pub fn category_color(dark_mode: bool, category: crate::model::split::Category) -> Color32 {
    use crate::model::split::Category;
    match (category, dark_mode) {
        (Category::Coaching, true) => Color32::from_rgb(92, 156, 245),
        (Category::Coaching, false) => Color32::from_rgb(40, 100, 200),
        (Category::Market, true) => Color32::from_rgb(70, 190, 155),
        (Category::Market, false) => Color32::from_rgb(20, 135, 100),
        (Category::Business, true) => Color32::from_rgb(238, 170, 70),
        (Category::Business, false) => Color32::from_rgb(205, 125, 15),
    }
}
