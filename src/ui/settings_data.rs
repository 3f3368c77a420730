//! Settings › Data: where the file is, its backups (back up now, restore), and exports.

use egui::RichText;

use super::{FileAction, Pick, PickKind, Shell, theme, widgets};
use crate::model::words::human_size;
use crate::session::{BackupInfo, BackupReason as Reason, ViewModel};

/// The title of the export folder dialog, which its answer comes back under.
const EXPORT_FOLDER: &str = "Export to folder";

#[derive(Default)]
pub struct DataSettings {
    /// The backup waiting for "really restore?".
    confirm_restore: Option<BackupInfo>,
    /// Where exports go; the documents folder until the user types another.
    export_dir: String,
}

impl DataSettings {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
        ui.label(RichText::new("Data").strong());
        ui.horizontal(|ui| {
            ui.label("Database file:");
            ui.add(egui::Label::new(RichText::new(view.db_path.display().to_string()).monospace()));
        });
        ui.label(
            RichText::new(
                "Everything Leadline knows lives in this one file. Start with --db PATH to use another.",
            )
            .weak(),
        );
        ui.add_space(theme::SPACE_L);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Backups").strong());
            if ui
                .button("Back up now")
                .on_hover_text("A checked copy in the backups folder beside the database")
                .clicked()
            {
                shell.file_actions.push(FileAction::BackUpNow);
            }
        });
        ui.label(
            RichText::new(
                "Taken at start-up once a day, on quit after changes, and before upgrades, imports and restores. \
                 Kept: everything from the last day, then one a day for 7 days, one a week for 4 weeks, one a month \
                 for a year.",
            )
            .weak()
            .small(),
        );
        if view.backups.is_empty() {
            ui.label(RichText::new("No backups yet.").weak());
        }
        egui::Grid::new("backups").striped(true).num_columns(4).spacing(theme::GRID_SPACING).show(ui, |ui| {
            for backup in view.backups.iter().take(30) {
                let when = backup.taken_at.format("%Y-%m-%d %H:%M").to_string();
                ui.label(&when);
                ui.label(human_size(backup.size_bytes));
                ui.label(Reason::label(&backup.reason));
                if ui
                    .button("Restore…")
                    .accessible_name(format!(
                        "Restore the backup of {} ({})",
                        backup.taken_at.format("%Y-%m-%d %H:%M:%S"),
                        Reason::label(&backup.reason)
                    ))
                    .on_hover_text(backup.path.display().to_string())
                    .clicked()
                {
                    self.confirm_restore = Some(backup.clone());
                }
                ui.end_row();
            }
        });

        ui.add_space(theme::SPACE_L);
        ui.label(RichText::new("Export").strong());
        if self.export_dir.is_empty() {
            self.export_dir = directories::UserDirs::new()
                .and_then(|d| d.document_dir().map(|p| p.display().to_string()))
                .or_else(|| view.db_path.parent().map(|p| p.display().to_string()))
                .unwrap_or_default();
        }
        widgets::form_row(ui, "Export folder", |ui| {
            ui.add(egui::TextEdit::singleline(&mut self.export_dir).desired_width(360.0));
            if ui.button("Choose folder…").on_hover_text("Pick the folder in your system's dialog").clicked()
            {
                self.choose_export_dir(shell);
            }
        });
        if let Some(folder) = shell.file_answer(EXPORT_FOLDER, "No folder chosen") {
            self.export_dir = folder.display().to_string();
        }
        let folder = std::path::PathBuf::from(self.export_dir.trim());
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        ui.horizontal(|ui| {
            if ui
                .button("Export everything (JSON)")
                .on_hover_text("Every record, in Leadline's documented format")
                .clicked()
            {
                shell
                    .file_actions
                    .push(FileAction::ExportJson(folder.join(format!("leadline-export-{stamp}.json"))));
            }
            if ui.button("Export the roster (CSV)").on_hover_text("For a spreadsheet").clicked() {
                shell
                    .file_actions
                    .push(FileAction::ExportRosterCsv(folder.join(format!("leadline-roster-{stamp}.csv"))));
            }
        });
    }

    /// Asks the folder dialog, starting in the folder typed; the answer fills the field when
    /// it comes in, and cancel keeps the field as it was.
    fn choose_export_dir(&mut self, shell: &mut Shell) {
        let typed = std::path::Path::new(self.export_dir.trim());
        let pick = Pick {
            title: EXPORT_FOLDER,
            kind: PickKind::Folder,
            start_in: typed.is_dir().then(|| typed.to_path_buf()),
        };
        shell.ask_file(pick);
    }

    pub fn confirm_restore_ui(&mut self, ui: &egui::Ui, shell: &mut Shell) {
        let Some(backup) = self.confirm_restore.clone() else { return };
        let modal = egui::Modal::new(egui::Id::unique("confirm_restore")).show(ui.ctx(), |ui| {
            ui.set_width(theme::DIALOG_WIDTH);
            ui.heading("Restore this backup?");
            ui.add_space(theme::SPACE_M);
            ui.label(format!(
                "The data goes back to {}. What you have now is backed up first, so you can return to it by \
                 restoring that backup.",
                backup.taken_at.format("%A %-d %B %Y, %H:%M")
            ));
            ui.add_space(theme::SPACE_L);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Restore").strong()).clicked() {
                    shell.file_actions.push(FileAction::Restore(backup.path.clone()));
                    self.confirm_restore = None;
                }
                if ui.button("Cancel").clicked() {
                    self.confirm_restore = None;
                }
            });
        });
        if modal.should_close() {
            self.confirm_restore = None;
        }
    }
}
