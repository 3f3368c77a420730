//! Save… on the review: the format (Markdown, HTML, JSON), the file (typed or chosen in the
//! system dialog with the format's own filter), written readable by the owner only.

use super::ReviewScreen;
use crate::model::review::ReviewDraft;
use crate::report::review as report;
use crate::ui::edit_in_place::{self, EditAnswer};
use crate::ui::shell::{FileAction, Pick};
use crate::ui::{Shell, theme, widgets};

/// The title of the save dialog (the answer comes back under it).
const SAVE_REVIEW: &str = "Save the review";

/// The formats Save… writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SaveFormat {
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
        self.extensions()[0]
    }

    /// The file dialog's filter: its name and the extensions it shows.
    fn filter(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
            Self::Json => "JSON",
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Markdown => &["md", "markdown"],
            Self::Html => &["html", "htm"],
            Self::Json => &["json"],
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
pub(super) struct SaveForm {
    format: SaveFormat,
    path: String,
}

impl SaveForm {
    /// Markdown, named after the quarter: `review-FY27Q2.md`.
    pub(super) fn new(draft: &ReviewDraft) -> Self {
        let format = SaveFormat::Markdown;
        let path = format!("review-{}.{}", draft.quarter.to_string().replace(' ', ""), format.extension());
        Self { format, path }
    }
}

impl ReviewScreen {
    pub(super) fn save_dialog_ui(&mut self, ui: &egui::Ui, draft: &ReviewDraft, shell: &mut Shell) {
        let Some(form) = &mut self.save else { return };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("save_review")).show(ui.ctx(), |ui| {
            ui.set_width(theme::DIALOG_WIDTH_WIDE);
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
            let mut chosen = shell.file_answer(SAVE_REVIEW, "No file chosen");
            widgets::form_row(ui, "File", |ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut form.path)
                        .desired_width(ui.available_width() - theme::CHOOSE_BUTTON_WIDTH),
                );
                if ui.button("Choose…").clicked() {
                    let format = form.format;
                    shell.ask_file(Pick::save_file(
                        SAVE_REVIEW,
                        &form.path,
                        format.filter(),
                        format.extensions(),
                    ));
                }
            });
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                let answer = edit_in_place::buttons(ui, "Save", |_| {});
                let save = answer == Some(EditAnswer::Save);
                if let Some(path) = chosen.take().or_else(|| save.then(|| form.path.trim().into())) {
                    shell.file_actions.push(FileAction::SaveMarkdown {
                        path,
                        text: form.format.render(draft),
                        what: format!("the review of {}", draft.quarter),
                    });
                    close = true;
                }
                if answer == Some(EditAnswer::Cancel) {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.save = None;
        }
    }
}
