//! Small pieces the development screens share: goal flags, certification states, skill-gap
//! colours and level pickers, so a state looks the same on an architect's page and in the
//! team views.

use egui::RichText;

use super::theme::Tone;
use super::{theme, widgets};
use crate::model::certification::CertState;
use crate::model::goal::GoalFlags;
use crate::model::skills::{LEVEL_MAX, LEVEL_MIN, level_label};

/// The flags of a goal as pills: overdue (red), stalled (amber), due soon (blue). Nothing for a
/// goal that needs no attention.
pub fn goal_flags_ui(
    ui: &mut egui::Ui,
    flags: GoalFlags,
    days_to_target: Option<i64>,
    days_since_moved: i64,
) {
    if flags.overdue {
        let late = -days_to_target.unwrap_or(0);
        let text =
            if late == 1 { "⚠ Overdue by 1 day".to_owned() } else { format!("⚠ Overdue by {late} days") };
        widgets::status_badge(ui, &text, Tone::Danger);
    }
    if flags.due_soon {
        let text = match days_to_target.unwrap_or(0) {
            0 => "⏰ Due today".to_owned(),
            1 => "⏰ Due tomorrow".to_owned(),
            days => format!("⏰ Due in {days} days"),
        };
        widgets::status_badge(ui, &text, Tone::Info);
    }
    if flags.stalled {
        widgets::status_badge(
            ui,
            &format!("⏸ Stalled: no progress for {days_since_moved} days"),
            Tone::Warning,
        )
        .on_hover_text("Open, and its progress has not changed for the number of days set in Settings");
    }
}

/// The tone of a certification state: ok valid, info window open, warning expiring, danger
/// expired, neutral never expires.
pub fn cert_tone(state: CertState) -> Tone {
    match state {
        CertState::Valid => Tone::Ok,
        CertState::RenewalWindowOpen { .. } => Tone::Info,
        CertState::ExpiringSoon { .. } => Tone::Warning,
        CertState::Expired { .. } => Tone::Danger,
        CertState::NeverExpires => Tone::Neutral,
    }
}

pub fn cert_state_pill(ui: &mut egui::Ui, state: CertState) -> egui::Response {
    widgets::status_badge(ui, &state.label(), cert_tone(state))
}

/// The tone of an architect's status: active ok, on leave a warning, left neutral.
pub fn status_tone(status: crate::model::Status) -> Tone {
    match status {
        crate::model::Status::Active => Tone::Ok,
        crate::model::Status::OnLeave => Tone::Warning,
        crate::model::Status::Left => Tone::Neutral,
    }
}

/// The gap as words: "+2 to go", "met", "above target".
pub fn gap_words(gap: i8) -> String {
    match gap {
        1.. => format!("+{gap} to go"),
        0 => "target met".to_owned(),
        _ => "above target".to_owned(),
    }
}

/// Five buttons, 1 to 5, the chosen one highlighted; each is named for screen readers and tests
/// ("Architecture design current level 3") and explains the level on hover. Returns the level
/// clicked this frame.
pub fn level_picker(ui: &mut egui::Ui, name: &str, selected: Option<u8>, enabled: bool) -> Option<u8> {
    let mut clicked = None;
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = theme::SPACE_XS;
        for level in LEVEL_MIN..=LEVEL_MAX {
            let is_selected = selected == Some(level);
            let text = if is_selected {
                RichText::new(level.to_string()).strong()
            } else {
                level.to_string().into()
            };
            let button = egui::Button::selectable(is_selected, text).min_size(egui::vec2(22.0, 20.0));
            let response = ui
                .add_enabled(enabled, button)
                .accessible_name(format!("{name} {level}"))
                .on_hover_text(format!("{level}: {}", level_label(level)));
            if response.clicked() {
                clicked = Some(level);
            }
        }
    });
    clicked
}

/// A one-line label in a fixed width, left-aligned and cut with an ellipsis, so names line up
/// in a column (`add_sized` would centre them).
pub fn fixed_label(ui: &mut egui::Ui, width: f32, text: impl Into<egui::WidgetText>) -> egui::Response {
    let size = egui::vec2(width, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
        ui.set_min_size(size);
        ui.add(egui::Label::new(text).truncate())
    })
    .inner
}

/// "today", "yesterday", "12 days ago", "3 months ago": how long since a date, for "since when".
pub fn ago(days: i64) -> String {
    match days {
        ..0 => "in the future".to_owned(),
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        2..=60 => format!("{days} days ago"),
        61..=730 => format!("{} months ago", days / 30),
        _ => format!("{} years ago", days / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ago_reads_naturally() {
        assert_eq!(ago(0), "today");
        assert_eq!(ago(1), "yesterday");
        assert_eq!(ago(45), "45 days ago");
        assert_eq!(ago(95), "3 months ago");
        assert_eq!(ago(800), "2 years ago");
        assert_eq!(ago(-3), "in the future");
    }

    #[test]
    fn gaps_in_words() {
        assert_eq!(gap_words(2), "+2 to go");
        assert_eq!(gap_words(0), "target met");
        assert_eq!(gap_words(-1), "above target");
    }
}
