//! A record edited in place, where it is listed (a review bullet, a priority's goal or
//! reminder, the file to save to): its one-line text, where Enter saves and Escape cancels,
//! and the row of buttons that closes it (the primary one saves, Cancel leaves it as it was).

use super::theme;

/// What the form edited in place asked for this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditAnswer {
    Save,
    Cancel,
}

/// A one-line text being edited, `name` for screen readers: Enter saves it, Escape cancels.
pub fn text_line(
    ui: &mut egui::Ui,
    text: &mut String,
    max_chars: usize,
    name: &str,
) -> (egui::Response, Option<EditAnswer>) {
    let field = ui.add(
        egui::TextEdit::singleline(text).char_limit(max_chars).desired_width(ui.available_width().min(720.0)),
    );
    let field = field.accessible_name(name);
    let answer = if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        Some(EditAnswer::Cancel)
    } else if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        Some(EditAnswer::Save)
    } else {
        None
    };
    (field, answer)
}

/// The buttons closing the form, added to the row `ui` lays out: `save` (the primary button),
/// whatever `between` adds, then Cancel.
pub fn buttons(ui: &mut egui::Ui, save: &str, between: impl FnOnce(&mut egui::Ui)) -> Option<EditAnswer> {
    let saved = ui.add(theme::primary_button(ui, save)).clicked();
    between(ui);
    let cancelled = ui.button("Cancel").clicked();
    if saved {
        Some(EditAnswer::Save)
    } else if cancelled {
        Some(EditAnswer::Cancel)
    } else {
        None
    }
}
