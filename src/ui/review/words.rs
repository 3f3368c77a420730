//! The manager's words on the review: accomplishments (with the suggested bullets), setbacks
//! and learnings, priorities for next quarter, last quarter's promises and the self-ratings.

use egui::RichText;

use super::{Field, NEW_BULLET, NEW_PRIORITY, ReviewScreen, WORDS};
use crate::model::architect::Choice as _;
use crate::model::review::ReviewDraft;
use crate::model::review::words::{
    AccomplishmentFields, BULLET_MAX_CHARS, EVIDENCE_MAX_CHARS, Outcome, Ring, SETBACKS_MAX_CHARS,
};
use crate::model::split::Category;
use crate::report::review::{self as report, Part};
use crate::session::{Outbox, ReviewCommand, ViewModel};
use crate::ui::{Shell, theme, widgets};

impl ReviewScreen {
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
        for bullet in &draft.accomplishments {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("• {}", bullet.fields.text));
                let tags = report::tags_text(&bullet.fields);
                if !tags.is_empty() {
                    ui.label(RichText::new(tags).weak().small());
                }
                if !locked && ui.small_button("🗑").on_hover_text("Delete this bullet").clicked() {
                    self.send(WORDS, ReviewCommand::DeleteAccomplishment(bullet.id), outbox);
                }
            });
        }
        if locked {
            return;
        }
        if !draft.suggestions.is_empty() {
            ui.label(RichText::new("Suggested from the quarter's records").weak());
            for suggestion in &draft.suggestions {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(format!("💡 {}", suggestion.text)).italics());
                    if ui.small_button("Accept").clicked() {
                        let fields = AccomplishmentFields {
                            text: suggestion.text.clone(),
                            ring: Some(suggestion.ring),
                            accountability: suggestion.accountability,
                        };
                        self.send(
                            WORDS,
                            ReviewCommand::AddAccomplishment {
                                quarter,
                                fields,
                                suggestion: Some(suggestion.key.clone()),
                            },
                            outbox,
                        );
                    }
                    if ui.small_button("Edit").on_hover_text("Reword it before adding").clicked() {
                        self.new_bullet = AccomplishmentFields {
                            text: suggestion.text.clone(),
                            ring: Some(suggestion.ring),
                            accountability: suggestion.accountability,
                        };
                        self.new_bullet_from = Some(suggestion.key.clone());
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
        widgets::text_row(ui, "New bullet", &mut self.new_bullet.text, BULLET_MAX_CHARS);
        ui.horizontal(|ui| {
            ui.add_space(theme::FORM_LABEL_WIDTH);
            let label = ui.label("Impact ring");
            ui.label_inputs_by(label.id, |ui| {
                egui::ComboBox::from_id_salt("bullet ring")
                    .selected_text(self.new_bullet.ring.map_or("None", Ring::label))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.new_bullet.ring, None, "None");
                        for ring in Ring::ALL {
                            ui.selectable_value(&mut self.new_bullet.ring, Some(*ring), ring.label());
                        }
                    });
            });
            let label = ui.label("Accountability");
            ui.label_inputs_by(label.id, |ui| {
                egui::ComboBox::from_id_salt("bullet accountability")
                    .selected_text(self.new_bullet.accountability.map_or("None", Category::label))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.new_bullet.accountability, None, "None");
                        for category in Category::ALL {
                            ui.selectable_value(
                                &mut self.new_bullet.accountability,
                                Some(*category),
                                category.label(),
                            );
                        }
                    });
            });
            if ui.button("Add bullet").clicked() {
                self.send(
                    NEW_BULLET,
                    ReviewCommand::AddAccomplishment {
                        quarter,
                        fields: self.new_bullet.clone(),
                        suggestion: self.new_bullet_from.clone(),
                    },
                    outbox,
                );
            }
        });
        self.error_ui(ui, NEW_BULLET);
    }

    pub(super) fn setbacks_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        draft: &ReviewDraft,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        words_heading(ui, Part::Setbacks, draft, shell);
        if draft.is_final() {
            ui.label(if draft.setbacks.is_empty() { "Not written." } else { draft.setbacks.as_str() });
            return;
        }
        self.text_ui(
            ui,
            view,
            outbox,
            (draft.quarter, Field::Setbacks),
            "What could have gone better, and what you learned",
            &draft.setbacks,
            SETBACKS_MAX_CHARS,
            5,
        );
    }

    pub(super) fn priorities_ui(
        &mut self,
        ui: &mut egui::Ui,
        draft: &ReviewDraft,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        words_heading(ui, Part::Priorities, draft, shell);
        let locked = draft.is_final();
        for (index, priority) in draft.priorities.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}. {}", index + 1, priority.text));
                if priority.goal.is_some() {
                    ui.label(RichText::new("a goal").weak().small());
                }
                if !locked && ui.small_button("🗑").on_hover_text("Delete this priority").clicked() {
                    self.send(WORDS, ReviewCommand::DeletePriority(priority.id), outbox);
                }
            });
        }
        if locked {
            return;
        }
        let field = widgets::text_row(ui, "New priority", &mut self.new_priority, BULLET_MAX_CHARS);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            ui.add_space(theme::FORM_LABEL_WIDTH);
            if ui.button("Add priority").clicked() || enter {
                self.send(
                    NEW_PRIORITY,
                    ReviewCommand::AddPriority { quarter: draft.quarter, text: self.new_priority.clone() },
                    outbox,
                );
            }
        });
        self.error_ui(ui, NEW_PRIORITY);
    }

    pub(super) fn promises_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        draft: &ReviewDraft,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        words_heading(ui, Part::Promises, draft, shell);
        if draft.promises.is_empty() {
            ui.label(RichText::new(format!("{} has no priorities written.", draft.previous.quarter)).weak());
        }
        let locked = draft.is_final();
        for promise in &draft.promises {
            ui.horizontal_wrapped(|ui| {
                ui.label(&promise.text);
                for outcome in Outcome::ALL {
                    let selected = promise.outcome == Some(*outcome);
                    if ui.add_enabled(!locked, egui::Button::selectable(selected, outcome.label())).clicked()
                    {
                        let key = (draft.quarter, Field::Note(promise.priority));
                        let note =
                            self.typed.get(&key).map_or_else(|| promise.note.clone(), |t| t.text.clone());
                        if let Some(typed) = self.typed.get_mut(&key) {
                            typed.mark_sent();
                        }
                        self.send(
                            WORDS,
                            ReviewCommand::SetOutcome {
                                quarter: draft.quarter,
                                priority: promise.priority,
                                outcome: (!selected).then_some(*outcome),
                                note,
                            },
                            outbox,
                        );
                    }
                }
            });
            if locked {
                if !promise.note.is_empty() {
                    ui.label(RichText::new(&promise.note).weak());
                }
            } else {
                let label = format!("Note on “{}”", promise.text);
                self.text_ui(
                    ui,
                    view,
                    outbox,
                    (draft.quarter, Field::Note(promise.priority)),
                    &label,
                    &promise.note,
                    BULLET_MAX_CHARS,
                    1,
                );
            }
        }
    }

    pub(super) fn ratings_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        draft: &ReviewDraft,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        words_heading(ui, Part::Ratings, draft, shell);
        let locked = draft.is_final();
        for row in &draft.ratings {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{}: {}", row.role, row.name)).strong());
                for value in 1..=5_u8 {
                    let selected = row.rating == Some(value);
                    let button = egui::Button::selectable(selected, value.to_string());
                    let response = ui
                        .add_enabled(!locked && row.competency.is_some(), button)
                        .on_hover_text(format!("Rate {} {value} of 5", row.name));
                    if response.clicked()
                        && let Some(competency) = row.competency
                    {
                        let key = (draft.quarter, Field::Evidence(competency));
                        let evidence =
                            self.typed.get(&key).map_or_else(|| row.evidence.clone(), |t| t.text.clone());
                        if let Some(typed) = self.typed.get_mut(&key) {
                            typed.mark_sent();
                        }
                        self.send(
                            WORDS,
                            ReviewCommand::SetRating {
                                quarter: draft.quarter,
                                competency,
                                rating: Some(i64::from(value)),
                                evidence,
                            },
                            outbox,
                        );
                    }
                }
                let last = row
                    .last_quarter
                    .map_or_else(|| "not rated last quarter".to_owned(), |r| format!("last quarter {r} / 5"));
                ui.label(RichText::new(last).weak());
            });
            match row.competency {
                Some(competency) if !locked => {
                    let label = format!("Evidence for {}", row.name);
                    self.text_ui(
                        ui,
                        view,
                        outbox,
                        (draft.quarter, Field::Evidence(competency)),
                        &label,
                        &row.evidence,
                        EVIDENCE_MAX_CHARS,
                        1,
                    );
                }
                _ if !row.evidence.is_empty() => {
                    ui.label(RichText::new(&row.evidence).weak());
                }
                _ => {}
            }
        }
    }
}

/// A section heading of the manager's words with its Copy button.
fn words_heading(ui: &mut egui::Ui, part: Part, draft: &ReviewDraft, shell: &mut Shell) {
    ui.add_space(theme::SPACE_M);
    ui.horizontal(|ui| {
        ui.strong(part.title());
        copy_button(ui, part, draft, shell);
    });
}

pub(super) fn copy_button(ui: &mut egui::Ui, part: Part, draft: &ReviewDraft, shell: &mut Shell) {
    if ui.small_button("📋 Copy").on_hover_text(format!("Copy “{}” as plain text", part.title())).clicked()
    {
        shell.clipboard = Some(report::plain_text(draft, part));
        shell.status = format!("Copied “{}” to the clipboard", part.title());
    }
}
