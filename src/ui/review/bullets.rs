//! Accomplishments and impact on the review: the bullets written or accepted, each edited in
//! place (text, impact ring, accountability) and moved up or down; the suggestions drawn from
//! the quarter's records, each accepted as it is, edited in place first, or dropped; and a new
//! bullet typed. From the keyboard: Tab reaches every button, Enter saves an edit, Escape
//! cancels it, and Alt+Up / Alt+Down move the bullet being edited.

use egui::RichText;

use super::words::words_heading;
use super::{NEW_BULLET, ReviewScreen, WORDS};
use crate::model::AccomplishmentId;
use crate::model::architect::Choice as _;
use crate::model::review::ReviewDraft;
use crate::model::review::words::{AccomplishmentFields, BULLET_MAX_CHARS, Ring};
use crate::model::split::Category;
use crate::report::review::{self as report, Part};
use crate::session::{Origin, Outbox, ReviewCommand};
use crate::ui::edit_in_place::{self, EditAnswer};
use crate::ui::{Shell, theme, widgets};

/// An edit of a bullet, or of a suggestion before it is accepted.
pub(super) const EDIT_BULLET: Origin = Origin::new("review: edit bullet");

/// What is being edited in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Editing {
    Bullet(AccomplishmentId),
    /// A suggestion, by its key: saving accepts it as edited.
    Suggestion(String),
}

/// The edit under way: what, and its fields as typed.
#[derive(Debug, Clone)]
pub(super) struct BulletEdit {
    what: Editing,
    fields: AccomplishmentFields,
}

/// What the in-place editor asked for this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditAction {
    Save,
    Cancel,
    Move { up: bool },
}

impl From<EditAnswer> for EditAction {
    fn from(answer: EditAnswer) -> Self {
        match answer {
            EditAnswer::Save => Self::Save,
            EditAnswer::Cancel => Self::Cancel,
        }
    }
}

impl ReviewScreen {
    pub(super) fn bullet_edit_answered(&mut self, shell: &mut Shell) {
        match shell.answer(EDIT_BULLET) {
            Some(Ok(_)) => self.editing = None,
            Some(Err(message)) => self.error = Some((EDIT_BULLET, message)),
            None => {}
        }
    }

    pub(super) fn accomplishments_ui(
        &mut self,
        ui: &mut egui::Ui,
        draft: &ReviewDraft,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        let quarter = draft.quarter;
        words_heading(ui, Part::Accomplishments, draft, shell);
        let locked = draft.is_final();
        let count = draft.accomplishments.len();
        for (index, bullet) in draft.accomplishments.iter().enumerate() {
            let editing = self.editing.as_ref().is_some_and(|e| e.what == Editing::Bullet(bullet.id));
            if editing && !locked {
                match self.editor_ui(ui, ("bullet", bullet.id.0), index > 0, index + 1 < count) {
                    Some(EditAction::Save) => {
                        if let Some(edit) = &self.editing {
                            let command = ReviewCommand::UpdateAccomplishment {
                                id: bullet.id,
                                fields: edit.fields.clone(),
                            };
                            self.send(EDIT_BULLET, command, outbox);
                        }
                    }
                    Some(EditAction::Cancel) => self.editing = None,
                    Some(EditAction::Move { up }) => {
                        self.send(WORDS, ReviewCommand::MoveAccomplishment { id: bullet.id, up }, outbox);
                    }
                    None => {}
                }
                self.error_ui(ui, EDIT_BULLET);
                continue;
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}. {}", index + 1, bullet.fields.text));
                let tags = report::tags_text(&bullet.fields);
                if !tags.is_empty() {
                    ui.label(RichText::new(tags).weak().small());
                }
                if locked {
                    return;
                }
                let short = short(&bullet.fields.text);
                let n = index + 1;
                let edit = ui.small_button("Edit").on_hover_text(format!("Edit \"{short}\" and its tags"));
                if edit.accessible_name(format!("Edit bullet {n}")).clicked() {
                    self.error = None;
                    self.editing =
                        Some(BulletEdit { what: Editing::Bullet(bullet.id), fields: bullet.fields.clone() });
                }
                let up = ui.add_enabled(index > 0, egui::Button::new("⏶").small());
                if up
                    .on_hover_text(format!("Move \"{short}\" up"))
                    .accessible_name(format!("Move bullet {n} up"))
                    .clicked()
                {
                    self.send(WORDS, ReviewCommand::MoveAccomplishment { id: bullet.id, up: true }, outbox);
                }
                let down = ui.add_enabled(index + 1 < count, egui::Button::new("⏷").small());
                if down
                    .on_hover_text(format!("Move \"{short}\" down"))
                    .accessible_name(format!("Move bullet {n} down"))
                    .clicked()
                {
                    self.send(WORDS, ReviewCommand::MoveAccomplishment { id: bullet.id, up: false }, outbox);
                }
                let delete = ui.small_button("🗑").on_hover_text(format!("Delete \"{short}\""));
                if delete.accessible_name(format!("Delete bullet {n}")).clicked() {
                    self.send(WORDS, ReviewCommand::DeleteAccomplishment(bullet.id), outbox);
                }
            });
        }
        if locked {
            return;
        }
        self.suggestions_ui(ui, draft, outbox);
        widgets::text_row(ui, "New bullet", &mut self.new_bullet.text, BULLET_MAX_CHARS);
        ui.horizontal(|ui| {
            ui.add_space(theme::FORM_LABEL_WIDTH);
            tags_ui(ui, "new bullet", &mut self.new_bullet);
            if ui.button("Add bullet").clicked() {
                self.send(
                    NEW_BULLET,
                    ReviewCommand::AddAccomplishment {
                        quarter,
                        fields: self.new_bullet.clone(),
                        suggestion: None,
                    },
                    outbox,
                );
            }
        });
        self.error_ui(ui, NEW_BULLET);
    }

    fn suggestions_ui(&mut self, ui: &mut egui::Ui, draft: &ReviewDraft, outbox: &mut Outbox) {
        let quarter = draft.quarter;
        if draft.suggestions.is_empty() {
            return;
        }
        ui.label(RichText::new("Suggested from the quarter's records").weak());
        for (index, suggestion) in draft.suggestions.iter().enumerate() {
            let fields = AccomplishmentFields {
                text: suggestion.text.clone(),
                ring: Some(suggestion.ring),
                accountability: suggestion.accountability,
            };
            let what = Editing::Suggestion(suggestion.key.clone());
            if self.editing.as_ref().is_some_and(|e| e.what == what) {
                match self.editor_ui(ui, ("suggestion", 0), false, false) {
                    Some(EditAction::Save) => {
                        if let Some(edit) = &self.editing {
                            let command = ReviewCommand::AddAccomplishment {
                                quarter,
                                fields: edit.fields.clone(),
                                suggestion: Some(suggestion.key.clone()),
                            };
                            self.send(EDIT_BULLET, command, outbox);
                        }
                    }
                    Some(EditAction::Cancel) => self.editing = None,
                    Some(EditAction::Move { .. }) | None => {}
                }
                self.error_ui(ui, EDIT_BULLET);
                continue;
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("💡 {}", suggestion.text)).italics());
                if ui.small_button("Accept").clicked() {
                    let command = ReviewCommand::AddAccomplishment {
                        quarter,
                        fields: fields.clone(),
                        suggestion: Some(suggestion.key.clone()),
                    };
                    self.send(WORDS, command, outbox);
                }
                if ui
                    .small_button("Edit")
                    .on_hover_text("Reword it, or change its tags, before adding")
                    .accessible_name(format!("Edit suggestion {}", index + 1))
                    .clicked()
                {
                    self.error = None;
                    self.editing = Some(BulletEdit { what: what.clone(), fields });
                }
                if ui.small_button("Drop").on_hover_text("Not offered again").clicked() {
                    self.send(
                        WORDS,
                        ReviewCommand::DropSuggestion { quarter, key: suggestion.key.clone() },
                        outbox,
                    );
                }
            });
        }
    }

    /// The in-place editor of the bullet or suggestion being edited.
    fn editor_ui(
        &mut self,
        ui: &mut egui::Ui,
        salt: (&str, i64),
        can_move_up: bool,
        can_move_down: bool,
    ) -> Option<EditAction> {
        let edit = self.editing.as_mut()?;
        let mut action = None;
        theme::card_frame(ui).show(ui, |ui| {
            let (_, answer) =
                edit_in_place::text_line(ui, &mut edit.fields.text, BULLET_MAX_CHARS, "Bullet text");
            action = answer.map(EditAction::from);
            let moves = ui.input(|i| {
                (
                    i.modifiers.alt && i.key_pressed(egui::Key::ArrowUp),
                    i.modifiers.alt && i.key_pressed(egui::Key::ArrowDown),
                )
            });
            match moves {
                _ if action == Some(EditAction::Cancel) => {}
                (true, _) if can_move_up => action = Some(EditAction::Move { up: true }),
                (_, true) if can_move_down => action = Some(EditAction::Move { up: false }),
                _ => {}
            }
            ui.horizontal(|ui| {
                tags_ui(ui, &format!("{}{}", salt.0, salt.1), &mut edit.fields);
                if let Some(answer) = edit_in_place::buttons(ui, "Save bullet", |_| {}) {
                    action = Some(answer.into());
                }
            });
        });
        action
    }
}

/// The impact ring and accountability (50/30/20) a bullet is tagged with.
fn tags_ui(ui: &mut egui::Ui, salt: &str, fields: &mut AccomplishmentFields) {
    let label = ui.label("Impact ring");
    ui.label_inputs_by(label.id, |ui| {
        egui::ComboBox::from_id_salt(("bullet ring", salt))
            .selected_text(fields.ring.map_or("None", Ring::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut fields.ring, None, "None");
                for ring in Ring::ALL {
                    ui.selectable_value(&mut fields.ring, Some(*ring), ring.label());
                }
            });
    });
    let label = ui.label("Accountability");
    ui.label_inputs_by(label.id, |ui| {
        egui::ComboBox::from_id_salt(("bullet accountability", salt))
            .selected_text(fields.accountability.map_or("None", Category::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut fields.accountability, None, "None");
                for category in Category::ALL {
                    ui.selectable_value(&mut fields.accountability, Some(*category), category.label());
                }
            });
    });
}

/// The start of a bullet, to name it in a button's hover text.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX - 3).collect();
        format!("{}...", cut.trim_end())
    }
}
