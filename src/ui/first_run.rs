//! The first-run question (start empty or load a demo team) and the can't-open screen.

use std::path::Path;

use egui::RichText;

use super::{FileAction, theme, widgets};
use crate::demo::DemoSize;
use crate::session::{Command, Origin, Outbox, Recovery};

/// The first-run question's buttons; a failure shows as a message (the question stays).
const WELCOME: Origin = Origin::new("welcome");

/// Asked once, on an empty database.
pub fn welcome_ui(ctx: &egui::Context, outbox: &mut Outbox) {
    egui::Modal::new(egui::Id::unique("welcome")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Welcome to Leadline");
        ui.add_space(theme::SPACE_M);
        ui.label(
            "Leadline keeps your team, their development and your own time in one private file \
             on this computer.",
        );
        ui.add_space(theme::SPACE_M);
        ui.label("How would you like to start?");
        ui.add_space(theme::SPACE_L);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Load a demo team").strong())
                .on_hover_text("Eight architects with realistic profiles, to explore the app")
                .clicked()
            {
                outbox.send(WELCOME, Command::LoadDemo(DemoSize::Small));
            }
            if ui.button("Start empty").on_hover_text("An empty roster: add your own architects").clicked() {
                outbox.send(WELCOME, Command::FinishOnboarding);
            }
        });
    });
}

/// The whole window when the database could not be opened: what happened and what to do.
pub fn open_error_ui(ui: &mut egui::Ui, error: &str, path: &Path) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(theme::SPACE_L * 2.0);
        ui.vertical_centered(|ui| {
            ui.heading("Leadline could not open its database");
            ui.add_space(theme::SPACE_L);
            widgets::error_label(ui, error);
            ui.add_space(theme::SPACE_M);
            ui.label(format!("File: {}", path.display()));
            ui.add_space(theme::SPACE_L);
            ui.label(
                RichText::new(
                    "Nothing was changed. Start Leadline with --db PATH to open another file, \
                     or run `leadline check` for details.",
                )
                .weak(),
            );
            ui.add_space(theme::SPACE_L);
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    });
}

/// The database was damaged and moved aside: offer the newest good backup or a fresh start.
pub fn recovery_ui(ui: &mut egui::Ui, recovery: &Recovery, actions: &mut Vec<FileAction>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(theme::SPACE_L * 2.0);
        ui.vertical_centered(|ui| {
            ui.heading("Leadline found its database damaged");
            ui.add_space(theme::SPACE_L);
            widgets::error_label(ui, &recovery.problem);
            ui.add_space(theme::SPACE_M);
            match &recovery.moved_to {
                Some(path) => ui.label(format!(
                    "Nothing was deleted: the damaged file was moved aside to {}",
                    path.display()
                )),
                None => ui.label("The damaged file could not be moved aside; it was left where it is."),
            };
            ui.add_space(theme::SPACE_L);
            match &recovery.newest_good {
                Some(backup) => {
                    ui.label(format!(
                        "The newest backup that passes a check is from {}.",
                        backup.taken_at.format("%A %-d %B %Y, %H:%M")
                    ));
                    ui.add_space(theme::SPACE_M);
                    if ui.button(RichText::new("Restore this backup").strong()).clicked() {
                        actions.push(FileAction::Restore(backup.path.clone()));
                    }
                }
                None => {
                    ui.label("There is no backup that passes a check.");
                }
            }
            ui.add_space(theme::SPACE_M);
            if recovery.moved_to.is_some() && ui.button("Start with an empty database").clicked() {
                actions.push(FileAction::StartEmpty);
            }
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    });
}
