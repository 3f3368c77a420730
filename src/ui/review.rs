//! The Quarterly review screen (Ctrl+6): the draft of a fiscal quarter with every figure
//! compared with the quarter before and the same quarter a year earlier, the manager's own
//! words (saved as typed: on leaving a field, after a pause, or on leaving the screen), Copy
//! section, Save… (Markdown, HTML, JSON), and Finalize / Reopen.
//!
//! This file holds the screen's state, the header and the text fields' autosave; the parts of
//! the screen are in `review/`: `figures` (sections, comparisons, links) with `chart` (the
//! weekly split), `bullets` (accomplishments), `priorities` (priorities and last quarter's
//! promises), `words` (setbacks, ratings, Copy) and `save` (Save…).

mod bullets;
mod chart;
mod figures;
mod priorities;
mod save;
mod words;

use std::collections::HashMap;

use egui::RichText;

use super::{Shell, theme, widgets};
use crate::model::fiscal::FiscalQuarter;
use crate::model::ids::{PriorityId, ReviewCompetencyId};
use crate::model::review::ReviewDraft;
use crate::model::review::figures::Link;
use crate::model::review::words::AccomplishmentFields;
use crate::report::review as report;
use crate::session::{Command, Origin, Outbox, ReviewCommand, ViewModel};

/// Seconds after the last keystroke before a text is saved on its own.
pub const AUTOSAVE_SECONDS: f64 = 1.5;

/// What the screen sends, each answered on its own.
const WORDS: Origin = Origin::new("review: words");
const NEW_BULLET: Origin = Origin::new("review: new bullet");
const NEW_PRIORITY: Origin = Origin::new("review: new priority");
const FINALIZE: Origin = Origin::new("review: finalize");

/// A text as typed, and what was last saved (or read) of it.
#[derive(Debug, Clone, Default)]
struct Typed {
    text: String,
    saved: String,
    changed_at: f64,
    /// Sent and not yet read back: the stored text is not followed meanwhile, so what was
    /// typed stays on screen (also when the save is refused: the message shows beside it).
    sent: bool,
}

impl Typed {
    fn dirty(&self) -> bool {
        self.text != self.saved
    }

    fn mark_sent(&mut self) {
        self.saved = self.text.clone();
        self.sent = true;
    }

    /// Follows the stored text while nothing unsaved is typed (an undo, another quarter).
    fn follow(&mut self, stored: &str) {
        if self.sent {
            // Read back as sent (a note is stored trimmed).
            if stored == self.saved || stored == self.saved.trim() {
                self.sent = false;
            }
            return;
        }
        if !self.dirty() && self.saved != stored {
            stored.clone_into(&mut self.text);
            stored.clone_into(&mut self.saved);
        }
    }
}

/// Which of the manager's texts a buffer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Setbacks,
    Evidence(ReviewCompetencyId),
    Note(PriorityId),
}

#[derive(Default)]
pub struct ReviewScreen {
    /// Texts being typed, per quarter and field.
    typed: HashMap<(FiscalQuarter, Field), Typed>,
    new_bullet: AccomplishmentFields,
    /// The suggestion the new bullet was taken from, to be edited before adding.
    new_bullet_from: Option<String>,
    new_priority: String,
    /// The bullet or suggestion being edited in place.
    editing: Option<bullets::BulletEdit>,
    /// The goal or reminder form open under a priority.
    priority_form: Option<priorities::PriorityForm>,
    confirm_finalize: bool,
    save: Option<save::SaveForm>,
    /// The last refusal and the form it belongs to.
    error: Option<(Origin, String)>,
    /// A figure's link asks for a page or list held by another screen (`ui::Screens` opens it).
    pub opened: Option<Link>,
}

impl ReviewScreen {
    fn take_answers(&mut self, shell: &mut Shell) {
        self.bullet_edit_answered(shell);
        self.priority_action_answered(shell);
        for origin in [WORDS, FINALIZE] {
            if let Some(Err(message)) = shell.answer(origin) {
                self.error = Some((origin, message));
            }
        }
        if let Some(answer) = shell.answer(NEW_BULLET) {
            match answer {
                Ok(_) => {
                    self.new_bullet = AccomplishmentFields::default();
                    self.new_bullet_from = None;
                }
                Err(message) => self.error = Some((NEW_BULLET, message)),
            }
        }
        if let Some(answer) = shell.answer(NEW_PRIORITY) {
            match answer {
                Ok(_) => self.new_priority.clear(),
                Err(message) => self.error = Some((NEW_PRIORITY, message)),
            }
        }
    }

    fn send(&mut self, origin: Origin, command: ReviewCommand, outbox: &mut Outbox) {
        self.error = None;
        outbox.send(origin, Command::Review(command));
    }

    fn error_ui(&self, ui: &mut egui::Ui, origin: Origin) {
        if let Some((_, message)) = self.error.as_ref().filter(|(o, _)| *o == origin) {
            widgets::error_label(ui, message);
        }
    }

    /// Saves every text typed and not saved yet (the screen is being left, or another
    /// quarter shown).
    pub fn flush(&mut self, outbox: &mut Outbox, view: &ViewModel) {
        let keys: Vec<(FiscalQuarter, Field)> =
            self.typed.iter().filter(|(_, t)| t.dirty()).map(|(k, _)| *k).collect();
        for key in keys {
            self.save_field(key, outbox, view);
        }
    }

    fn save_field(&mut self, key: (FiscalQuarter, Field), outbox: &mut Outbox, view: &ViewModel) {
        let Some(typed) = self.typed.get_mut(&key) else { return };
        typed.mark_sent();
        let text = typed.text.clone();
        let (quarter, field) = key;
        let draft = view.review.draft.as_ref().filter(|d| d.quarter == quarter);
        let command = match field {
            Field::Setbacks => ReviewCommand::SetSetbacks { quarter, text },
            Field::Evidence(competency) => {
                let rating = draft
                    .and_then(|d| d.ratings.iter().find(|r| r.competency == Some(competency)))
                    .and_then(|r| r.rating)
                    .map(i64::from);
                ReviewCommand::SetRating { quarter, competency, rating, evidence: text }
            }
            Field::Note(priority) => {
                let outcome = draft
                    .and_then(|d| d.promises.iter().find(|p| p.priority == priority))
                    .and_then(|p| p.outcome);
                ReviewCommand::SetOutcome { quarter, priority, outcome, note: text }
            }
        };
        self.send(WORDS, command, outbox);
    }

    /// A multi-line text of the manager's, saved on leaving it or after a pause.
    #[allow(clippy::too_many_arguments, reason = "one field: where it is, what it holds, how it is saved")]
    fn text_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        outbox: &mut Outbox,
        key: (FiscalQuarter, Field),
        label: &str,
        stored: &str,
        max_chars: usize,
        rows: usize,
    ) {
        let now = ui.input(|i| i.time);
        let typed = self.typed.entry(key).or_default();
        typed.follow(stored);
        let response = widgets::text_area(ui, label, &mut typed.text, max_chars, rows);
        if response.changed() {
            typed.changed_at = now;
            typed.sent = false;
        }
        let dirty = typed.dirty();
        let idle = now - typed.changed_at;
        if dirty && (response.lost_focus() || idle >= AUTOSAVE_SECONDS) {
            self.save_field(key, outbox, view);
        } else if dirty {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECONDS - idle + 0.05));
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        self.take_answers(shell);
        let review = &view.review;
        let Some(draft) = review.draft.as_ref().filter(|_| review.focus == shell.review_focus) else {
            ui.heading("Quarterly review");
            if let Some(error) = review.error.as_ref().filter(|_| review.focus == shell.review_focus) {
                widgets::error_label(ui, error);
            } else {
                ui.label("Counting the quarter…");
                ui.ctx().request_repaint();
            }
            return;
        };
        if review.stale {
            // The app builds it again at the end of the frame.
            ui.ctx().request_repaint();
        }
        self.header_ui(ui, view, draft, shell, outbox);
        self.finalize_dialog_ui(ui, draft, outbox);
        self.save_dialog_ui(ui, draft, shell);
        egui::ScrollArea::vertical().id_salt("review").auto_shrink([false, false]).show(ui, |ui| {
            for note in &draft.notes {
                ui.label(RichText::new(note).italics());
            }
            for section in &draft.sections {
                if let Some(link) = figures::section_ui(ui, view, draft, section, shell) {
                    self.opened = Some(link);
                }
            }
            ui.add_space(theme::SPACE_L);
            ui.heading("In your own words");
            self.error_ui(ui, WORDS);
            self.accomplishments_ui(ui, draft, shell, outbox);
            self.setbacks_ui(ui, view, draft, shell, outbox);
            self.priorities_ui(ui, view, draft, shell, outbox);
            self.promises_ui(ui, view, draft, shell, outbox);
            self.ratings_ui(ui, view, draft, shell, outbox);
        });
    }

    fn header_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        draft: &ReviewDraft,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        ui.horizontal(|ui| {
            if ui.button("◀").on_hover_text("The quarter before").clicked() {
                self.flush(outbox, view);
                shell.review_focus = Some(draft.quarter.previous());
            }
            ui.heading(format!("Quarterly review {} ({})", draft.quarter, draft.months));
            let last_started = view.time.settings.quarter_of(view.today);
            if ui
                .add_enabled(draft.quarter < last_started, egui::Button::new("▶"))
                .on_hover_text("The quarter after")
                .clicked()
            {
                self.flush(outbox, view);
                shell.review_focus = Some(draft.quarter.next());
            }
            let state = report::state_text(draft.state);
            let color = if draft.is_final() { theme::ok_color(ui) } else { theme::warn_color(ui) };
            widgets::pill(ui, &state, color);
        });
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(
                    "Compared with {} and {}",
                    report::compared_text(draft.previous),
                    report::compared_text(draft.year_ago)
                ))
                .weak(),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if draft.is_final() {
                    if ui.button("Reopen").on_hover_text("Make the text editable again").clicked() {
                        self.send(FINALIZE, ReviewCommand::Reopen(draft.quarter), outbox);
                    }
                } else if ui
                    .add(theme::primary_button(ui, "Finalize"))
                    .on_hover_text("Freeze the figures and lock the text until reopened")
                    .clicked()
                {
                    self.flush(outbox, view);
                    if draft.missing.is_empty() {
                        self.send(
                            FINALIZE,
                            ReviewCommand::Finalize { quarter: draft.quarter, even_if_incomplete: false },
                            outbox,
                        );
                    } else {
                        self.confirm_finalize = true;
                    }
                }
                if ui.button("Save…").on_hover_text("Markdown, HTML (print it to PDF) or JSON").clicked() {
                    self.save = Some(save::SaveForm::new(draft));
                }
            });
        });
        self.error_ui(ui, FINALIZE);
        ui.separator();
    }

    fn finalize_dialog_ui(&mut self, ui: &egui::Ui, draft: &ReviewDraft, outbox: &mut Outbox) {
        if !self.confirm_finalize {
            return;
        }
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("finalize_review")).show(ui.ctx(), |ui| {
            ui.set_width(theme::DIALOG_WIDTH_READING);
            ui.heading(format!("Finalize {}?", draft.quarter));
            ui.add_space(theme::SPACE_M);
            let missing: Vec<&str> = draft.missing.iter().map(|m| m.label()).collect();
            ui.label(format!(
                "Still empty: {}. Finalizing freezes the figures and locks the text until you reopen it.",
                crate::model::review::words::list_words(&missing)
            ));
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                if ui.button("Finalize anyway").clicked() {
                    self.send(
                        FINALIZE,
                        ReviewCommand::Finalize { quarter: draft.quarter, even_if_incomplete: true },
                        outbox,
                    );
                    close = true;
                }
                if ui.button("Keep writing").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirm_finalize = false;
        }
    }
}
