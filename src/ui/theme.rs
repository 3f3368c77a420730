//! Design tokens: the type scale, spacing steps, corner radii and the semantic colours of both
//! themes, in one place. Every text/background pair that carries meaning meets WCAG AA
//! contrast; the test at the bottom computes each ratio.

use egui::{Color32, CornerRadius, FontId, Frame, Margin, Style, TextStyle, ThemePreference};

// The type scale, in points. Captions (metadata, section labels) are never smaller than 11.
pub const TEXT_CAPTION: f32 = 11.0;
pub const TEXT_BODY: f32 = 12.5;
pub const TEXT_HEADING: f32 = 18.0;
pub const TEXT_TITLE: f32 = 22.0;
/// Where text counts as "large" for contrast (WCAG: 18 pt, or 14 pt bold, i.e. 24 / 18.7 px).
pub const TEXT_LARGE: f32 = 18.0;

// Spacing steps.
pub const SPACE_XS: f32 = 2.0;
pub const SPACE_S: f32 = 4.0;
pub const SPACE_M: f32 = 8.0;
pub const SPACE_L: f32 = 16.0;
pub const SPACE_XL: f32 = 24.0;

// Corner radii.
pub const RADIUS_S: u8 = 4;
pub const RADIUS_M: u8 = 8;
/// Round ends (egui clamps a radius to half the height).
pub const RADIUS_PILL: u8 = 99;

/// The gap between the cells of a table-like grid: columns, rows.
pub const GRID_SPACING: [f32; 2] = [SPACE_L, SPACE_S];
/// The gap between the cells of a striped grid whose rows carry widgets.
pub const GRID_SPACING_ROOMY: [f32; 2] = [SPACE_L, 6.0];

/// What darkens the window while a file is dragged over it, and the text on it.
pub const SCRIM: Color32 = Color32::from_black_alpha(160);
pub const ON_SCRIM: Color32 = Color32::WHITE;

pub const NAV_WIDTH: f32 = 168.0;
pub const NAV_ROW_HEIGHT: f32 = 28.0;
pub const TABLE_ROW_HEIGHT: f32 = 24.0;
/// A table row carrying a pill, a coloured cell or a name button: a step more room.
pub const TABLE_ROW_HEIGHT_ROOMY: f32 = TABLE_ROW_HEIGHT + SPACE_S;
/// The padding inside a card, all round.
pub const CARD_PADDING: i8 = 12;
/// The gap between two cards of a grid, across and down.
pub const CARD_GAP: f32 = SPACE_M;
pub const EDITOR_WIDTH: f32 = 380.0;
pub const FORM_LABEL_WIDTH: f32 = 120.0;
/// Room kept beside a file field for its "Choose…" button.
pub const CHOOSE_BUTTON_WIDTH: f32 = 90.0;
/// A dialog's text column: a short form (a template item, a data action, a new meeting).
pub const DIALOG_WIDTH: f32 = 420.0;
/// A dialog with a sentence or two to read (leaving, finalizing the review).
pub const DIALOG_WIDTH_READING: f32 = 460.0;
/// A dialog that shows a path or a preview (save the prep sheet, the review, a meeting).
pub const DIALOG_WIDTH_WIDE: f32 = 520.0;
/// A single-line field for a name (a competency, a profile, a template, an interview step).
pub const NAME_FIELD_WIDTH: f32 = 220.0;
/// A single-line field for a short label (a role, a category's name).
pub const LABEL_FIELD_WIDTH: f32 = 200.0;
/// A single-line field for an amount, a date or a time.
pub const NUMBER_FIELD_WIDTH: f32 = 140.0;
/// A table column holding a date or an amount (`2026-11-28`, `12.5k/mo`).
pub const DATE_COLUMN_WIDTH: f32 = 84.0;
/// A table's name column: its start and the least it shrinks to.
pub const NAME_COLUMN_WIDTH: f32 = 170.0;
pub const NAME_COLUMN_MIN: f32 = 110.0;
/// The least a table's text column shrinks to.
pub const TEXT_COLUMN_MIN: f32 = 70.0;

/// The colours that carry meaning, for one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    /// The window and panels behind everything.
    pub panel: Color32,
    /// Raised cards (prep cards, meeting sections).
    pub card: Color32,
    /// Body text.
    pub text: Color32,
    /// Metadata, hints, section labels: quieter, still readable.
    pub muted: Color32,
    pub ok: Color32,
    pub warning: Color32,
    pub danger: Color32,
    pub info: Color32,
    /// Carried-over items: noticeable without alarming.
    pub carried: Color32,
    /// The time categories: chart marks, bars and dots (3:1 against the background), not text.
    pub coaching: Color32,
    pub market: Color32,
    pub business: Color32,
    /// Business charts: what milestones promise (a dashed line) and what was consumed (bars).
    pub expected: Color32,
    pub actual: Color32,
}

pub const DARK: Colors = Colors {
    panel: Color32::from_gray(27),
    card: Color32::from_gray(36),
    text: Color32::from_gray(190),
    muted: Color32::from_gray(150),
    ok: Color32::from_rgb(110, 200, 120),
    warning: Color32::from_rgb(240, 170, 60),
    danger: Color32::from_rgb(255, 110, 100),
    info: Color32::from_rgb(120, 175, 255),
    carried: Color32::from_rgb(120, 170, 255),
    coaching: Color32::from_rgb(92, 156, 245),
    market: Color32::from_rgb(70, 190, 155),
    business: Color32::from_rgb(238, 170, 70),
    expected: Color32::from_rgb(238, 170, 70),
    actual: Color32::from_rgb(92, 156, 245),
};

pub const LIGHT: Colors = Colors {
    panel: Color32::from_gray(248),
    card: Color32::from_gray(252),
    text: Color32::from_gray(60),
    muted: Color32::from_gray(96),
    ok: Color32::from_rgb(20, 115, 40),
    warning: Color32::from_rgb(160, 80, 0),
    danger: Color32::from_rgb(190, 25, 25),
    info: Color32::from_rgb(20, 90, 190),
    carried: Color32::from_rgb(30, 90, 190),
    coaching: Color32::from_rgb(40, 100, 200),
    market: Color32::from_rgb(20, 135, 100),
    business: Color32::from_rgb(200, 120, 10),
    expected: Color32::from_rgb(190, 110, 10),
    actual: Color32::from_rgb(40, 100, 200),
};

/// The colours of the theme `ui` is drawn in.
pub fn colors(ui: &egui::Ui) -> &'static Colors {
    colors_for(ui.visuals().dark_mode)
}

pub fn colors_for(dark_mode: bool) -> &'static Colors {
    if dark_mode { &DARK } else { &LIGHT }
}

/// What a badge says about its subject; the same tone means the same on every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Plain information without a judgement ("Never expires").
    Neutral,
    /// Wants a look, no alarm ("Renewal window open").
    Info,
    /// Good news ("Active", "Valid").
    Ok,
    /// Soon a problem ("Expires soon", "On leave").
    Warning,
    /// A problem now ("Expired", "Overdue").
    Danger,
}

impl Colors {
    /// The text colour of a tone.
    pub fn tone(&self, tone: Tone) -> Color32 {
        match tone {
            Tone::Neutral => self.muted,
            Tone::Info => self.info,
            Tone::Ok => self.ok,
            Tone::Warning => self.warning,
            Tone::Danger => self.danger,
        }
    }

    /// A badge's fill and text: the tone's colour over the panel, faint, and the tone's colour.
    pub fn badge(&self, tone: Tone) -> (Color32, Color32) {
        let text = self.tone(tone);
        (self.wash(text), text)
    }

    /// A faint, opaque wash of `color` over the panel: the fill of a pill in that colour.
    pub fn wash(&self, color: Color32) -> Color32 {
        let strength = if self == &DARK { 0.16 } else { 0.12 };
        blend(color, self.panel, strength)
    }
}

/// `top` laid over `bottom` at opacity `alpha` (0 to 1), as an opaque colour.
pub fn blend(top: Color32, bottom: Color32, alpha: f32) -> Color32 {
    let mix = |t: u8, b: u8| {
        let value = f32::from(t).mul_add(alpha, f32::from(b) * (1.0 - alpha)).round().clamp(0.0, 255.0);
        // Clamped to 0..=255 just above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let value = value as u8;
        value
    };
    Color32::from_rgb(mix(top.r(), bottom.r()), mix(top.g(), bottom.g()), mix(top.b(), bottom.b()))
}

/// Applies Leadline's look on top of egui's light and dark themes: the type scale, the
/// spacing, and the text and status colours of [`DARK`] and [`LIGHT`].
pub fn install(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(SPACE_M, 6.0);
        style.spacing.button_padding = egui::vec2(SPACE_M, SPACE_S);
        style.spacing.interact_size.y = TABLE_ROW_HEIGHT;
        let family = egui::FontFamily::Proportional;
        style.text_styles.insert(TextStyle::Small, FontId::new(TEXT_CAPTION, family.clone()));
        style.text_styles.insert(TextStyle::Body, FontId::new(TEXT_BODY, family.clone()));
        style.text_styles.insert(TextStyle::Button, FontId::new(TEXT_BODY, family.clone()));
        style.text_styles.insert(TextStyle::Heading, FontId::new(TEXT_HEADING, family));
        apply_colors(&mut style.visuals);
    });
}

/// The semantic colours put into egui's visuals, so labels, weak text, warnings and errors use
/// them wherever egui draws them.
pub fn apply_colors(visuals: &mut egui::Visuals) {
    let colors = colors_for(visuals.dark_mode);
    visuals.widgets.noninteractive.fg_stroke.color = colors.text;
    visuals.weak_text_color = Some(colors.muted);
    visuals.warn_fg_color = colors.warning;
    visuals.error_fg_color = colors.danger;
    visuals.panel_fill = colors.panel;
    visuals.window_fill = colors.panel;
}

/// A title above a screen's content, one step above a heading.
pub fn title(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).size(TEXT_TITLE).strong()
}

/// The bottom status line: a little padding, the panel colour.
pub fn status_frame(style: &Style) -> Frame {
    Frame::side_top_panel(style).inner_margin(Margin::symmetric(8, 4))
}

/// Red that reads on both themes, for errors.
pub fn error_color(ui: &egui::Ui) -> Color32 {
    colors(ui).danger
}

/// Amber for warnings (on leave, nearly at a limit).
pub fn warn_color(ui: &egui::Ui) -> Color32 {
    colors(ui).warning
}

/// Green for good news (active, on track).
pub fn ok_color(ui: &egui::Ui) -> Color32 {
    colors(ui).ok
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
    let colors = colors_for(dark_mode);
    match category {
        Category::Coaching => colors.coaching,
        Category::Market => colors.market,
        Category::Business => colors.business,
    }
}

/// The least width of a prep card's column: two fit side by side at 1280 px, three from
/// about 1450 px of content.
pub const CARD_MIN_WIDTH: f32 = 420.0;
/// The One-on-ones screen's architect list.
pub const PEOPLE_LIST_WIDTH: f32 = 230.0;

/// A card: a raised panel with a soft border, for prep cards and meeting sections.
pub fn card_frame(ui: &egui::Ui) -> Frame {
    Frame::new()
        .fill(colors(ui).card)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(CornerRadius::same(RADIUS_M))
        .inner_margin(Margin::same(CARD_PADDING))
}

/// Blue for carried-over items: noticeable without alarming.
pub fn carried_color(ui: &egui::Ui) -> Color32 {
    colors(ui).carried
}

/// Small capitals-style section titles inside cards.
pub fn section_title(ui: &mut egui::Ui, text: &str) {
    ui.add_space(SPACE_S);
    ui.label(egui::RichText::new(text.to_uppercase()).size(TEXT_CAPTION).strong().color(colors(ui).muted));
}

/// The one main action of a card or screen: filled with the selection colour.
pub fn primary_button<'a>(ui: &egui::Ui, text: &str) -> egui::Button<'a> {
    let visuals = &ui.visuals().selection;
    egui::Button::new(egui::RichText::new(text).strong().color(visuals.stroke.color)).fill(visuals.bg_fill)
}

/// The Business screen's charts: what milestones promise (a dashed line) against what was
/// consumed (bars), in colours that stay apart on both themes and for colour-blind eyes.
pub fn expected_color(ui: &egui::Ui) -> Color32 {
    colors(ui).expected
}

pub fn actual_color(ui: &egui::Ui) -> Color32 {
    colors(ui).actual
}

/// Blue for neutral news that still wants a look (a renewal window is open, a goal due soon).
pub fn info_color(ui: &egui::Ui) -> Color32 {
    colors(ui).info
}

/// One step of the heat-map ramp: the cell's fill and the number written on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeatStep {
    pub fill: Color32,
    pub text: Color32,
}

const fn step(fill: Color32, text: Color32) -> HeatStep {
    HeatStep { fill, text }
}

/// Dark numbers for the pale steps, light ones for the deep steps.
const ON_PALE: Color32 = Color32::from_gray(18);
const ON_DEEP: Color32 = Color32::from_gray(235);

/// The heat-map's four steps in the light theme: target met, then a gap of 1, 2, 3 or more.
/// Color Brewer's sequential "Blues" (7-class #eff3ff, #9ecae1, #4292c6, #08519c): one hue
/// getting deeper, read by lightness alone, so it holds for every colour-vision deficiency.
/// Each step is at least 1.5:1 from the next (tested), and the number switches to light text
/// on the deepest step so it keeps 4.5:1.
pub const HEAT_LIGHT: [HeatStep; 4] = [
    step(Color32::from_rgb(0xef, 0xf3, 0xff), ON_PALE),
    step(Color32::from_rgb(0x9e, 0xca, 0xe1), ON_PALE),
    step(Color32::from_rgb(0x42, 0x92, 0xc6), ON_PALE),
    step(Color32::from_rgb(0x08, 0x51, 0x9c), ON_DEEP),
];

/// The same ramp for the dark theme, running the other way in lightness: a met target sits
/// close to the dark panel and a large gap stands out bright, so the eye goes to the gaps.
pub const HEAT_DARK: [HeatStep; 4] = [
    step(Color32::from_rgb(0x1c, 0x2b, 0x3f), ON_DEEP),
    step(Color32::from_rgb(0x1f, 0x4f, 0x8f), ON_DEEP),
    step(Color32::from_rgb(0x4a, 0x90, 0xd0), ON_PALE),
    step(Color32::from_rgb(0xa6, 0xd0, 0xe8), ON_PALE),
];

/// The ramp of a theme.
pub const fn heat_ramp(dark_mode: bool) -> &'static [HeatStep; 4] {
    if dark_mode { &HEAT_DARK } else { &HEAT_LIGHT }
}

/// A heat-map cell not rated yet: a plain grey a step off the panel, its dash in muted text.
pub const HEAT_NOT_RATED: (HeatStep, HeatStep) =
    (step(Color32::from_gray(40), DARK.muted), step(Color32::from_gray(234), LIGHT.muted));

/// The step of a heat-map cell for a gap of `gap` levels (`None`: [`HEAT_NOT_RATED`]): the
/// larger the gap, the further from the panel.
pub fn heat_step(ui: &egui::Ui, gap: Option<i8>) -> HeatStep {
    let Some(gap) = gap else {
        let (dark, light) = HEAT_NOT_RATED;
        return if ui.visuals().dark_mode { dark } else { light };
    };
    let index = usize::try_from(gap.clamp(0, 3)).unwrap_or(0);
    heat_ramp(ui.visuals().dark_mode)[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One sRGB channel (0-255) made linear, as WCAG 2 defines it.
    fn linear(channel: u8) -> f64 {
        let c = f64::from(channel) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    }

    /// WCAG 2 relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linear channels.
    fn luminance(color: Color32) -> f64 {
        0.2126 * linear(color.r()) + 0.7152 * linear(color.g()) + 0.0722 * linear(color.b())
    }

    /// WCAG 2 contrast ratio: (lighter + 0.05) / (darker + 0.05), from 1 to 21.
    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    const BODY: f64 = 4.5;
    const LARGE_OR_MARK: f64 = 3.0;

    #[test]
    fn the_ratio_matches_known_wcag_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes AA on white (4.54:1); #777777 fails (4.48:1).
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.005);
        assert!((contrast(Color32::from_gray(0x77), Color32::WHITE) - 4.48).abs() < 0.005);
        // Pure red on white: 4.0:1.
        assert!((contrast(Color32::from_rgb(255, 0, 0), Color32::WHITE) - 4.0).abs() < 0.005);
        assert!(
            (contrast(Color32::WHITE, Color32::BLACK) - contrast(Color32::BLACK, Color32::WHITE)).abs()
                < 1e-12
        );
    }

    /// Every pair that carries meaning in one theme, with the ratio it must reach.
    fn pairs(dark: bool) -> Vec<(String, Color32, Color32, f64)> {
        let c = colors_for(dark);
        let mut pairs = Vec::new();
        for (bg_name, bg) in [("panel", c.panel), ("card", c.card)] {
            for (name, fg) in [
                ("text", c.text),
                ("muted", c.muted),
                ("ok", c.ok),
                ("warning", c.warning),
                ("danger", c.danger),
                ("info", c.info),
                ("carried", c.carried),
            ] {
                pairs.push((format!("{name} on {bg_name}"), fg, bg, BODY));
            }
            for (name, mark) in [
                ("coaching", c.coaching),
                ("market", c.market),
                ("business", c.business),
                ("expected", c.expected),
                ("actual", c.actual),
            ] {
                pairs.push((format!("{name} mark on {bg_name}"), mark, bg, LARGE_OR_MARK));
            }
        }
        for tone in [Tone::Neutral, Tone::Info, Tone::Ok, Tone::Warning, Tone::Danger] {
            let (fill, text) = c.badge(tone);
            pairs.push((format!("{tone:?} badge"), text, fill, BODY));
        }
        for (index, step) in heat_ramp(dark).iter().enumerate() {
            pairs.push((format!("heat-map number on gap {index}"), step.text, step.fill, BODY));
        }
        let not_rated = if dark { HEAT_NOT_RATED.0 } else { HEAT_NOT_RATED.1 };
        pairs.push(("heat-map dash, not rated".into(), not_rated.text, not_rated.fill, BODY));
        // What egui itself draws with the installed visuals.
        let mut visuals = if dark { egui::Visuals::dark() } else { egui::Visuals::light() };
        apply_colors(&mut visuals);
        pairs.push(("egui label".into(), visuals.text_color(), visuals.panel_fill, BODY));
        pairs.push(("egui weak text".into(), visuals.weak_text_color(), visuals.panel_fill, BODY));
        pairs.push(("egui warning".into(), visuals.warn_fg_color, visuals.panel_fill, BODY));
        pairs.push(("egui error".into(), visuals.error_fg_color, visuals.panel_fill, BODY));
        pairs
    }

    #[test]
    fn every_meaningful_pair_meets_wcag_aa_in_both_themes() {
        let mut failures = Vec::new();
        for dark in [true, false] {
            for (name, fg, bg, needed) in pairs(dark) {
                let ratio = contrast(fg, bg);
                if ratio < needed {
                    failures.push(format!(
                        "{} {name}: {ratio:.2} < {needed}",
                        if dark { "dark" } else { "light" }
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    /// Adjacent steps must be told apart at a glance: at least 1.5:1 between their fills
    /// (about 10 points of CIE lightness at these values), and one direction throughout.
    const STEP_APART: f64 = 1.5;

    #[test]
    fn the_heat_map_steps_are_sequential_and_clearly_apart_in_both_themes() {
        for dark in [true, false] {
            let ramp = heat_ramp(dark);
            for pair in ramp.windows(2) {
                let (a, b) = (pair[0].fill, pair[1].fill);
                // Dark theme: each larger gap lighter (away from the dark panel); light: darker.
                let grows = if dark { luminance(b) > luminance(a) } else { luminance(b) < luminance(a) };
                assert!(grows, "dark {dark}: {a:?} then {b:?} run the wrong way");
                let apart = contrast(a, b);
                assert!(apart >= STEP_APART, "dark {dark}: {a:?} and {b:?} only {apart:.2}:1 apart");
            }
        }
    }

    #[test]
    fn the_step_test_would_catch_the_old_muddy_dark_ramp() {
        // The dark ramp before issue 18: steps 2 and 3 were 1.4:1 apart at most.
        let old =
            [Color32::from_rgb(18, 60, 105), Color32::from_rgb(22, 82, 145), Color32::from_rgb(30, 105, 175)];
        assert!(old.windows(2).any(|pair| contrast(pair[0], pair[1]) < STEP_APART));
    }

    #[test]
    fn egui_own_defaults_would_fail_so_the_test_can_fail() {
        // The light theme's stock red and orange: the reason the tokens replace them.
        let light = egui::Visuals::light();
        assert!(contrast(light.error_fg_color, light.panel_fill) < BODY);
        assert!(contrast(light.warn_fg_color, light.panel_fill) < BODY);
    }

    #[test]
    fn the_caption_is_at_least_11_points_and_the_scale_grows() {
        let ctx = egui::Context::default();
        install(&ctx);
        for theme in [egui::Theme::Dark, egui::Theme::Light] {
            let small = ctx.style_of(theme).text_styles[&TextStyle::Small].size;
            assert!(small >= 11.0, "{small}");
        }
        const { assert!(TEXT_CAPTION < TEXT_BODY && TEXT_BODY < TEXT_HEADING && TEXT_HEADING < TEXT_TITLE) };
    }
}
