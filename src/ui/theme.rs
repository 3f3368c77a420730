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
/// Room kept beside a file field for its "Choose…" button.
pub const CHOOSE_BUTTON_WIDTH: f32 = 90.0;

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

/// Widest a prep card grows; two fit side by side on a laptop screen.
pub const CARD_MIN_WIDTH: f32 = 420.0;
/// The One-on-ones screen's architect list.
pub const PEOPLE_LIST_WIDTH: f32 = 230.0;

/// A card: a raised panel with a soft border, for prep cards and meeting sections.
pub fn card_frame(ui: &egui::Ui) -> Frame {
    let visuals = ui.visuals();
    let fill = if visuals.dark_mode { Color32::from_gray(36) } else { Color32::from_gray(252) };
    Frame::new()
        .fill(fill)
        .stroke(visuals.widgets.noninteractive.bg_stroke)
        .corner_radius(8.0)
        .inner_margin(Margin::same(12))
}

/// Blue for carried-over items: noticeable without alarming.
pub fn carried_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_rgb(120, 170, 255) } else { Color32::from_rgb(30, 90, 190) }
}

/// Small capitals-style section titles inside cards.
pub fn section_title(ui: &mut egui::Ui, text: &str) {
    ui.add_space(SPACE_S);
    ui.label(egui::RichText::new(text.to_uppercase()).small().strong().color(ui.visuals().weak_text_color()));
}

/// The one main action of a card or screen: filled with the selection colour.
pub fn primary_button<'a>(ui: &egui::Ui, text: &str) -> egui::Button<'a> {
    let visuals = &ui.visuals().selection;
    egui::Button::new(egui::RichText::new(text).strong().color(visuals.stroke.color)).fill(visuals.bg_fill)
}

/// The Business screen's charts: what milestones promise (a dashed line) against what was
/// consumed (bars), in colours that stay apart on both themes and for colour-blind eyes.
pub fn expected_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_rgb(238, 170, 70) } else { Color32::from_rgb(190, 110, 10) }
}

pub fn actual_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_rgb(92, 156, 245) } else { Color32::from_rgb(40, 100, 200) }
}

/// Blue for neutral news that still wants a look (a renewal window is open, a goal due soon).
pub fn info_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_rgb(120, 175, 255) } else { Color32::from_rgb(25, 95, 200) }
}

/// The heat-map's four fills per theme (dark, light): target met, then a gap of 1, 2, 3 or more.
const GAP_FILLS: [(Color32, Color32); 4] = [
    (Color32::from_rgb(38, 92, 56), Color32::from_rgb(196, 232, 200)),
    (Color32::from_rgb(112, 102, 34), Color32::from_rgb(250, 236, 160)),
    (Color32::from_rgb(140, 78, 28), Color32::from_rgb(250, 198, 140)),
    (Color32::from_rgb(140, 42, 42), Color32::from_rgb(240, 156, 156)),
];

/// The fill of a heat-map cell for a gap of `gap` levels (`None`: not rated). Met targets are
/// green, then yellow, orange and red as the gap grows, tuned to read on both themes.
pub fn gap_fill(ui: &egui::Ui, gap: Option<i8>) -> Color32 {
    let Some(gap) = gap else { return ui.visuals().faint_bg_color };
    let step = usize::try_from(gap.clamp(0, 3)).unwrap_or(0);
    let (dark, light) = GAP_FILLS[step];
    if ui.visuals().dark_mode { dark } else { light }
}

/// Text that reads on [`gap_fill`].
pub fn gap_text_color(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_gray(235) } else { Color32::from_gray(25) }
}
