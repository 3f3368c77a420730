//! The Quarterly review screen (Ctrl+6): the draft of a fiscal quarter with every figure
//! compared with the quarter before and the same quarter a year earlier, the manager's own
//! words (saved as typed: on leaving a field, after a pause, or on leaving the screen), Copy
//! section, Save… (Markdown, HTML, JSON), and Finalize / Reopen.

use std::collections::HashMap;

use egui::RichText;

use super::shell::FileAction;
use super::{Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::model::ids::{ArchitectId, PriorityId, ReviewCompetencyId};
use crate::model::review::figures::Link;
use crate::model::review::words::{
    AccomplishmentFields, BULLET_MAX_CHARS, EVIDENCE_MAX_CHARS, Outcome, Ring, SETBACKS_MAX_CHARS,
};
use crate::model::review::{Arrow, Figure, ReviewDraft, Section};
use crate::model::split::Category;
use crate::report::review::{self as report, Part};
use crate::session::{Command, Origin, Outbox, ReviewCommand, TimeFocus, ViewModel};

/// Seconds after the last keystroke before a text is saved on its own.
pub const AUTOSAVE_SECONDS: f64 = 1.5;

/// What the screen sends, each answered on its own.
const WORDS: Origin = Origin::new("review: words");
const NEW_BULLET: Origin = Origin::new("review: new bullet");
const NEW_PRIORITY: Origin = Origin::new("review: new priority");
const FINALIZE: Origin = Origin::new("review: finalize");
/// The title of the save dialog (the answer comes back under it).
const SAVE_REVIEW: &str = "Save the review";

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

/// The formats Save… writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveFormat {
    Markdown,
    Html,
    Json,
}

impl SaveFormat {
    const ALL: [Self; 3] = [Self::Markdown, Self::Html, Self::Json];

    fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::Html => "HTML (prints to PDF)",
            Self::Json => "JSON",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Json => "json",
        }
    }

    fn render(self, draft: &ReviewDraft) -> String {
        match self {
            Self::Markdown => report::markdown(draft),
            Self::Html => crate::report::review_html::html(draft),
            Self::Json => report::json_text(draft),
        }
    }
}

#[derive(Debug, Clone)]
struct SaveForm {
    format: SaveFormat,
    path: String,
}

#[derive(Default)]
pub struct ReviewScreen {
    /// Texts being typed, per quarter and field.
    typed: HashMap<(FiscalQuarter, Field), Typed>,
    new_bullet: AccomplishmentFields,
    /// The suggestion the new bullet was taken from, to be edited before adding.
    new_bullet_from: Option<String>,
    new_priority: String,
    confirm_finalize: bool,
    save: Option<SaveForm>,
    /// The last refusal and the form it belongs to.
    error: Option<(Origin, String)>,
    /// A figure's link asked for an architect's page on the Team screen.
    pub open_architect: Option<ArchitectId>,
}

impl ReviewScreen {
    fn take_answers(&mut self, shell: &mut Shell) {
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
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for note in &draft.notes {
                ui.label(RichText::new(note).italics());
            }
            for section in &draft.sections {
                if let Some(architect) = section_ui(ui, view, draft, section, shell) {
                    self.open_architect = Some(architect);
                }
            }
            ui.add_space(theme::SPACE_L);
            ui.heading("In your own words");
            self.error_ui(ui, WORDS);
            self.accomplishments_ui(ui, draft, shell, outbox);
            self.setbacks_ui(ui, view, draft, shell, outbox);
            self.priorities_ui(ui, draft, shell, outbox);
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
                    let name = format!("review-{}.md", draft.quarter.to_string().replace(' ', ""));
                    self.save = Some(SaveForm { format: SaveFormat::Markdown, path: name });
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
            ui.set_width(460.0);
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

    fn save_dialog_ui(&mut self, ui: &egui::Ui, draft: &ReviewDraft, shell: &mut Shell) {
        let Some(form) = &mut self.save else { return };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("save_review")).show(ui.ctx(), |ui| {
            ui.set_width(520.0);
            ui.heading(format!("Save the review of {}", draft.quarter));
            ui.add_space(theme::SPACE_M);
            ui.label("A file readable only by you.");
            widgets::form_row(ui, "Format", |ui| {
                for format in SaveFormat::ALL {
                    if ui.radio_value(&mut form.format, format, format.label()).changed() {
                        let stem = std::path::Path::new(form.path.trim()).with_extension(format.extension());
                        form.path = stem.to_string_lossy().into_owned();
                    }
                }
            });
            let mut chosen = widgets::chosen_markdown_file(shell, SAVE_REVIEW);
            widgets::form_row(ui, "File", |ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut form.path)
                        .desired_width(ui.available_width() - theme::CHOOSE_BUTTON_WIDTH),
                );
                if ui.button("Choose…").clicked() {
                    widgets::choose_markdown_file(shell, SAVE_REVIEW, &form.path);
                }
            });
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                let save = ui.add(theme::primary_button(ui, "Save")).clicked();
                if let Some(path) = chosen.take().or_else(|| save.then(|| form.path.trim().into())) {
                    shell.file_actions.push(FileAction::SaveMarkdown {
                        path,
                        text: form.format.render(draft),
                        what: format!("the review of {}", draft.quarter),
                    });
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.save = None;
        }
    }

    fn accomplishments_ui(
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

    fn setbacks_ui(
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

    fn priorities_ui(
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

    fn promises_ui(
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

    fn ratings_ui(
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

fn copy_button(ui: &mut egui::Ui, part: Part, draft: &ReviewDraft, shell: &mut Shell) {
    if ui.small_button("📋 Copy").on_hover_text(format!("Copy “{}” as plain text", part.title())).clicked()
    {
        shell.clipboard = Some(report::plain_text(draft, part));
        shell.status = format!("Copied “{}” to the clipboard", part.title());
    }
}

fn arrow_text(ui: &egui::Ui, figure: &Figure, comparison: &crate::model::review::Comparison) -> RichText {
    // The exports' ▲ ▼ are not in the app's fonts: the same arrows from its icon font.
    let text = match (comparison.arrow, comparison.delta) {
        (Some(arrow), Some(delta)) => {
            let symbol = match arrow {
                Arrow::Up => "⏶",
                Arrow::Down => "⏷",
                Arrow::Level => "=",
            };
            format!("{symbol} {}", figure.unit.delta_text(delta))
        }
        _ => "—".to_owned(),
    };
    let text = RichText::new(text);
    match (comparison.arrow, comparison.better) {
        (Some(Arrow::Level) | None, _) | (_, None) => text.weak(),
        (_, Some(true)) => text.color(theme::ok_color(ui)),
        (_, Some(false)) => text.color(theme::error_color(ui)),
    }
}

/// One section: its figures with their comparisons (a click on a figure opens its records),
/// the lists under it, and what is not recorded yet.
fn section_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    draft: &ReviewDraft,
    section: &Section,
    shell: &mut Shell,
) -> Option<ArchitectId> {
    let mut opened = None;
    ui.add_space(theme::SPACE_M);
    ui.horizontal(|ui| {
        ui.heading(report::section_heading(draft, section));
        copy_button(ui, Part::Figures(section.id), draft, shell);
    });
    if !section.figures.is_empty() {
        egui::Grid::new(("review figures", section.id)).striped(true).num_columns(4).show(ui, |ui| {
            ui.label(RichText::new("Figure").weak());
            ui.label(RichText::new(draft.quarter.to_string()).weak());
            ui.label(RichText::new(format!("vs {}", report::compared_text(draft.previous))).weak());
            ui.label(RichText::new(format!("vs {}", report::compared_text(draft.year_ago))).weak());
            ui.end_row();
            for figure in &section.figures {
                match figure.link {
                    Some(link) => {
                        if ui.link(figure.label).on_hover_text("Open the records behind it").clicked() {
                            opened = open(link, view, shell);
                        }
                    }
                    None => {
                        ui.label(figure.label);
                    }
                }
                ui.label(report::value_text(figure));
                ui.label(arrow_text(ui, figure, &figure.previous));
                ui.label(arrow_text(ui, figure, &figure.year_ago));
                ui.end_row();
            }
        });
    }
    for table in &section.tables {
        ui.add_space(theme::SPACE_S);
        ui.label(RichText::new(&table.title).strong());
        for row in &table.rows {
            let text = row.cells.join(" — ");
            match row.link {
                Some(link) => {
                    if ui.link(text).clicked() {
                        opened = open(link, view, shell);
                    }
                }
                None => {
                    ui.label(text);
                }
            }
        }
        if table.more > 0 {
            ui.label(RichText::new(format!("…and {} more", table.more)).weak());
        }
    }
    for note in &section.notes {
        ui.label(RichText::new(note).weak().italics());
    }
    opened
}

/// Opens the records behind a figure; an architect's page is opened by the Team screen, so
/// it is returned.
fn open(link: Link, view: &ViewModel, shell: &mut Shell) -> Option<ArchitectId> {
    let start_month = view.time.settings.start_month;
    match link {
        Link::Quarter { quarter } => {
            let week = IsoWeek::of(quarter.start(start_month));
            shell.time_focus = Some(TimeFocus { week, quarter });
            shell.screen = super::Screen::Time;
        }
        Link::Week { week } => {
            let quarter = FiscalQuarter::of(week.monday(), start_month);
            shell.time_focus = Some(TimeFocus { week, quarter });
            shell.screen = super::Screen::Time;
        }
        Link::Meeting { architect, meeting } => shell.open_meeting(architect, meeting),
        Link::History { architect } => shell.open_history(architect),
        Link::Architect { architect, .. } => {
            shell.screen = super::Screen::Team;
            return Some(architect);
        }
        Link::Team { .. } => shell.screen = super::Screen::Team,
        Link::Business { .. } | Link::Hiring => {
            "The Business and Hiring screens are not in this build yet".clone_into(&mut shell.status);
        }
    }
    None
}
