//! The manager's words on the review: setbacks and learnings and the self-ratings (the
//! accomplishments are in `bullets`, the priorities and promises in `priorities`), and the
//! Copy button each section has.

use egui::RichText;

use super::{Field, ReviewScreen, WORDS};
use crate::model::review::ReviewDraft;
use crate::model::review::words::{EVIDENCE_MAX_CHARS, SETBACKS_MAX_CHARS};
use crate::report::review::{self as report, Part};
use crate::session::{Outbox, ReviewCommand, ViewModel};
use crate::ui::{Shell, theme};

impl ReviewScreen {
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
pub(super) fn words_heading(ui: &mut egui::Ui, part: Part, draft: &ReviewDraft, shell: &mut Shell) {
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
