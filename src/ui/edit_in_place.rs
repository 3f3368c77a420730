//! Editing in place. A record edited where it is listed (a review bullet, a priority's goal or
//! reminder, the file to save to): its one-line text, where Enter saves and Escape cancels, and
//! the row of buttons that closes it (the primary one saves, Cancel leaves it as it was).
//! And [`CommitField`], the one way Settings saves: a field that applies when it is left or on
//! Enter, shows its refusal beside itself and puts back the saved value on Escape.

use super::{theme, widgets};
use crate::session::{Command, Inbox, Origin, Outbox};

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

/// A field of Settings that saves itself: what is typed applies when the field loses focus
/// (Tab, a click elsewhere) or on Enter (a one-line field); Escape puts back the saved value.
/// A refusal, by the session or by a check of the caller, shows beside the field, which keeps
/// the typed text to be corrected. What is typed lives in egui's memory under the field's
/// origin, so a screen needs no state of its own for it.
pub struct CommitField<'a> {
    origin: Origin,
    saved: &'a str,
    name: &'a str,
    hint: &'a str,
    width: f32,
    max_chars: usize,
    rows: Option<usize>,
    /// Whether the refusal is drawn beside the field (else the caller shows [`error_of`]).
    error_beside: bool,
}

/// What a [`CommitField`] did this frame.
pub struct Committed {
    pub response: egui::Response,
    /// The text to save: the field was left with a changed value.
    pub text: Option<String>,
    /// The session accepted what this field sent (the field shows the saved value again).
    pub saved: bool,
}

/// A field's typed text and its refusal, kept between frames.
#[derive(Debug, Clone, Default)]
struct Typed {
    text: Option<String>,
    error: Option<String>,
}

impl<'a> CommitField<'a> {
    /// A one-line field showing `saved` until edited, named `name` for screen readers.
    pub fn new(origin: Origin, saved: &'a str, name: &'a str) -> Self {
        Self {
            origin,
            saved,
            name,
            hint: "",
            width: theme::LABEL_FIELD_WIDTH,
            max_chars: 500,
            rows: None,
            error_beside: true,
        }
    }

    #[must_use]
    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    #[must_use]
    pub fn hint(mut self, hint: &'a str) -> Self {
        self.hint = hint;
        self
    }

    #[must_use]
    pub fn max_chars(mut self, max_chars: usize) -> Self {
        self.max_chars = max_chars;
        self
    }

    /// The refusal is not drawn beside the field: the caller shows [`error_of`] where it
    /// reads better (under a row of fields, so the row does not grow past the window).
    #[must_use]
    pub fn error_shown_by_caller(mut self) -> Self {
        self.error_beside = false;
        self
    }

    /// Several lines (Enter starts a new line; leaving the field saves).
    #[must_use]
    pub fn multiline(mut self, rows: usize) -> Self {
        self.rows = Some(rows);
        self
    }

    /// Draws the field and collects its answer; the caller sends `text` when there is one.
    pub fn show(self, ui: &mut egui::Ui, inbox: &mut Inbox) -> Committed {
        let id = field_id(self.origin);
        let mut typed = load(ui.ctx(), id);
        let mut saved = false;
        match inbox.take(self.origin) {
            Some(Ok(_)) => {
                typed = Typed::default();
                saved = true;
            }
            Some(Err(message)) => typed.error = Some(message),
            None => {}
        }
        let mut text = typed.text.clone().unwrap_or_else(|| self.saved.to_owned());
        let edit = match self.rows {
            Some(rows) => egui::TextEdit::multiline(&mut text).desired_rows(rows),
            None => egui::TextEdit::singleline(&mut text),
        };
        let response = ui
            .add(
                edit.id(id)
                    .char_limit(self.max_chars)
                    .hint_text(self.hint)
                    .desired_width(self.width)
                    // In a grid's cell too (a cell offers only what its column had last frame).
                    .min_size(egui::vec2(if self.width.is_finite() { self.width } else { 0.0 }, 0.0)),
            )
            .accessible_name(self.name);
        if response.changed() {
            typed.text = Some(text.clone());
        }
        if response.lost_focus()
            && let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id)
        {
            // What was typed is saved or put back: the field comes back with no typing of its own
            // to undo, so Ctrl+Z in it reaches the app's undo.
            state.clear_undoer();
            state.store(ui.ctx(), id);
        }
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        let mut commit = None;
        if escape && (response.has_focus() || response.lost_focus()) {
            typed = Typed::default();
            response.surrender_focus();
        } else if response.lost_focus() {
            match typed.text.take() {
                Some(text) if text != self.saved => {
                    commit = Some(text.clone());
                    typed.text = Some(text);
                    typed.error = None;
                }
                // Left as saved: nothing to send, nothing to complain about.
                _ => typed.error = None,
            }
        }
        if let Some(message) = typed.error.as_ref().filter(|_| self.error_beside) {
            widgets::error_label(ui, message);
        }
        store(ui.ctx(), id, typed);
        Committed { response, text: commit, saved }
    }

    /// [`show`](Self::show), then sends what `to_command` makes of the text left in the
    /// field, or shows its refusal beside the field.
    pub fn show_and_send(
        self,
        ui: &mut egui::Ui,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
        to_command: impl FnOnce(&str) -> Result<Command, String>,
    ) -> Committed {
        let origin = self.origin;
        let committed = self.show(ui, inbox);
        if let Some(text) = &committed.text {
            match to_command(text) {
                Ok(command) => outbox.send(origin, command),
                Err(message) => refuse(ui.ctx(), origin, message),
            }
        }
        committed
    }
}

fn field_id(origin: Origin) -> egui::Id {
    egui::Id::unique(("commit field", origin.name, origin.key))
}

fn load(ctx: &egui::Context, id: egui::Id) -> Typed {
    ctx.data(|d| d.get_temp::<Typed>(id)).unwrap_or_default()
}

fn store(ctx: &egui::Context, id: egui::Id, typed: Typed) {
    ctx.data_mut(|d| {
        if typed.text.is_none() && typed.error.is_none() {
            d.remove::<Typed>(id);
        } else {
            d.insert_temp(id, typed);
        }
    });
}

/// Shows `message` beside the field of `origin` (a check made before sending); what was
/// typed stays.
pub fn refuse(ctx: &egui::Context, origin: Origin, message: impl Into<String>) {
    let id = field_id(origin);
    let mut typed = load(ctx, id);
    typed.error = Some(message.into());
    store(ctx, id, typed);
}

/// Whether the text field holding the keyboard has an undo of its own (something typed since
/// it took the focus): Ctrl+Z then belongs to it. A field with nothing to undo, or no text
/// field focused, leaves Ctrl+Z to the app's undo (Tab from a saved field, then Ctrl+Z).
pub fn focused_field_has_undo(ctx: &egui::Context) -> bool {
    let Some(id) = ctx.memory(egui::Memory::focused) else { return false };
    let Some(state) = egui::text_edit::TextEditState::load(ctx, id) else { return false };
    let undoer = state.undoer();
    // Typed, and not yet still long enough to be an undo point: the field differs from its
    // last undo point (the field feeds the undoer what it shows after every frame).
    if undoer.is_in_flux() {
        return true;
    }
    // Otherwise the field shows its last undo point; it has its own undo when there is an
    // earlier one. A copy of the undoer is walked back: from a state it never held to its last
    // point, then from that point to the one before, if any.
    let mut copy = undoer;
    let never = (egui::text::CCursorRange::default(), "\u{0}not a field's text".to_owned());
    let Some(last) = copy.undo(&never).cloned() else { return false };
    copy.undo(&last).is_some()
}

/// Leaves the field holding the keyboard, as a click elsewhere would. Called in the frame that
/// closes the window, before the screens draw, so a field that saves when left (Settings)
/// saves what was typed in that frame.
pub fn leave_focused_field(ctx: &egui::Context) {
    if let Some(id) = ctx.memory(egui::Memory::focused) {
        ctx.memory_mut(|memory| memory.surrender_focus(id));
    }
}

/// What is typed in the field of `origin` and not saved yet.
pub fn typed_text(ctx: &egui::Context, origin: Origin) -> Option<String> {
    load(ctx, field_id(origin)).text
}

/// The refusal the field of `origin` holds, if any.
pub fn error_of(ctx: &egui::Context, origin: Origin) -> Option<String> {
    load(ctx, field_id(origin)).error
}

/// The field of `origin` shows its saved value again, without a message (its group was saved).
/// The fields drawn before it this frame showed the old state: another frame is drawn.
pub fn forget(ctx: &egui::Context, origin: Origin) {
    store(ctx, field_id(origin), Typed::default());
    ctx.request_repaint();
}

/// A whole number typed in a field named `field`, from `min` to `max`.
pub fn parse_number(field: &str, text: &str, min: u32, max: u32) -> Result<u32, String> {
    match text.trim().parse::<i64>() {
        Ok(n) if n < i64::from(min) => Err(format!("{field}: must be at least {min}")),
        Ok(n) if n > i64::from(max) => Err(format!("{field}: must be at most {max}")),
        Ok(n) => Ok(u32::try_from(n).unwrap_or(max)),
        Err(_) => Err(format!("{field}: must be a whole number")),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn a_number_field_names_what_is_wrong() {
        assert_eq!(parse_number("days", " 45 ", 1, 365), Ok(45));
        assert_eq!(parse_number("days", "0", 1, 365), Err("days: must be at least 1".to_owned()));
        assert_eq!(parse_number("days", "-3", 1, 365), Err("days: must be at least 1".to_owned()));
        assert_eq!(parse_number("days", "400", 1, 365), Err("days: must be at most 365".to_owned()));
        assert_eq!(parse_number("days", "six", 1, 365), Err("days: must be a whole number".to_owned()));
        assert_eq!(parse_number("days", "", 1, 365), Err("days: must be a whole number".to_owned()));
    }
}
