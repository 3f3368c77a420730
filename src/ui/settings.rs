//! Settings: the career ladder and solution areas the roster picks from, calendar import rules,
//! theme, data location.

use egui::RichText;

use super::edit_in_place::CommitField;
use super::{Shell, theme, widgets};
use crate::model::text::NAME_MAX_CHARS;
use crate::model::words::plural;
use crate::model::{ListItemId, ListKind};
use crate::session::{Command, Inbox, Origin, Outbox, ViewModel};

/// What a list entry's users are, in words: "4 at this level · 3 aiming for it" for a level
/// (people count once, where they stand), "3 architects" for an area.
pub fn usage_words(view: &ViewModel, kind: ListKind, id: ListItemId) -> String {
    match kind {
        ListKind::CareerLevel => {
            let at = view.architects.iter().filter(|a| a.fields.level == Some(id)).count();
            let aiming = view
                .architects
                .iter()
                .filter(|a| a.fields.target_level == Some(id) && a.fields.level != Some(id))
                .count();
            match (at, aiming) {
                (0, aiming) => format!("{aiming} aiming for it"),
                (at, 0) => format!("{at} at this level"),
                (at, aiming) => format!("{at} at this level · {aiming} aiming for it"),
            }
        }
        ListKind::SolutionArea => {
            plural(view.architects.iter().filter(|a| a.fields.solution_area == Some(id)).count(), "architect")
        }
    }
}

/// The name field of a list's entries (keyed by the entry).
fn name_origin(kind: ListKind) -> Origin {
    match kind {
        ListKind::CareerLevel => Origin::new("settings: level name"),
        ListKind::SolutionArea => Origin::new("settings: area name"),
    }
}

/// Adding, moving or deleting an entry of a list.
pub fn list_origin(kind: ListKind) -> Origin {
    match kind {
        ListKind::CareerLevel => Origin::new("settings: career ladder"),
        ListKind::SolutionArea => Origin::new("settings: solution areas"),
    }
}

#[derive(Default)]
pub struct SettingsState {
    new_level: String,
    new_area: String,
    pub error: Option<(ListKind, String)>,
    data: super::settings_data::DataSettings,
    time: super::settings_time::TimeSettingsForm,
    development: super::settings_development::DevelopmentSettings,
    hiring: super::settings_hiring::HiringSettings,
    review: super::settings_review::ReviewSettings,
    calendar: super::rules::RulesEditor,
}

impl SettingsState {
    fn take_answers(&mut self, inbox: &mut Inbox) {
        for kind in [ListKind::CareerLevel, ListKind::SolutionArea] {
            match inbox.take(list_origin(kind)) {
                Some(Err(message)) => self.error = Some((kind, message)),
                Some(Ok(_)) if self.error.as_ref().is_some_and(|(k, _)| *k == kind) => self.error = None,
                _ => {}
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        self.take_answers(&mut shell.inbox);
        egui::ScrollArea::vertical().id_salt("settings").auto_shrink([false, false]).show(ui, |ui| {
            ui.heading("Settings");
            ui.add_space(theme::SPACE_L);
            ui.columns(2, |columns| {
                self.list_ui(&mut columns[0], view, &mut shell.inbox, outbox, ListKind::CareerLevel);
                self.list_ui(&mut columns[1], view, &mut shell.inbox, outbox, ListKind::SolutionArea);
            });
            self.time.ui(ui, view, &mut shell.inbox, outbox);
            self.development.ui(ui, view, &mut shell.inbox, outbox);
            ui.add_space(theme::SPACE_L);
            ui.separator();
            ui.label(RichText::new("Appearance").strong());
            let mut preference = ui.ctx().options(|o| o.theme_preference);
            widgets::form_row(ui, "Theme", |ui| {
                if theme::preference_ui(ui, &mut preference) {
                    ui.ctx().set_theme(preference);
                }
            });
            ui.add_space(theme::SPACE_L);
            ui.separator();
            self.data.ui(ui, view, shell);
            ui.add_space(theme::SPACE_L);
            ui.separator();
            self.calendar.ui(ui, view, &mut shell.inbox, outbox);
            // Last, so the sections above stay where they were: the purge rule and the template.
            self.hiring.ui(ui, view, &mut shell.inbox, outbox);
            self.review.ui(ui, view, &mut shell.inbox, outbox);
        });
        self.data.confirm_restore_ui(ui, shell);
    }

    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
        kind: ListKind,
    ) {
        let (title, hint) = match kind {
            ListKind::CareerLevel => {
                ("Career ladder", "Lowest level first: the next level is an architect's default target role.")
            }
            ListKind::SolutionArea => ("Solution areas", "The areas your architects specialise in."),
        };
        ui.label(RichText::new(title).strong());
        ui.label(RichText::new(hint).weak().small());
        ui.add_space(theme::SPACE_S);
        let items = view.list(kind);
        let mut queued = Vec::new();
        let mut send = |command: Command, this: &mut Self| {
            this.error = None;
            queued.push(command);
        };
        for (index, item) in items.iter().enumerate() {
            let users = view.list_users.get(&(kind, item.id)).map_or(&[][..], Vec::as_slice);
            ui.horizontal(|ui| {
                // The name is its own field: click it, type, leave it or press Enter.
                let origin = name_origin(kind).with_key(item.id.0);
                let name = format!("Name of {}", item.name);
                let field =
                    CommitField::new(origin, &item.name, &name).width(200.0).max_chars(NAME_MAX_CHARS);
                field.show_and_send(ui, inbox, outbox, |typed| {
                    Ok(Command::RenameListItem { kind, id: item.id, name: typed.to_owned() })
                });
                if ui.add_enabled(index > 0, egui::Button::new("⏶")).on_hover_text("Move up").clicked() {
                    send(Command::MoveListItem { kind, id: item.id, up: true }, self);
                }
                if ui
                    .add_enabled(index + 1 < items.len(), egui::Button::new("⏷"))
                    .on_hover_text("Move down")
                    .clicked()
                {
                    send(Command::MoveListItem { kind, id: item.id, up: false }, self);
                }
                let delete = ui.add_enabled(users.is_empty(), egui::Button::new("🗑"));
                let delete = if users.is_empty() {
                    delete.on_hover_text(format!("Delete {}", item.name))
                } else {
                    delete.on_disabled_hover_text(format!(
                        "Used by {}: {}",
                        plural(users.len(), "architect"),
                        users.join(", ")
                    ))
                };
                if delete.clicked() {
                    send(Command::DeleteListItem { kind, id: item.id }, self);
                }
                if !users.is_empty() {
                    let count = usage_words(view, kind, item.id);
                    ui.label(RichText::new(count).weak().small());
                }
            });
        }
        let new_name = match kind {
            ListKind::CareerLevel => &mut self.new_level,
            ListKind::SolutionArea => &mut self.new_area,
        };
        let mut add = None;
        ui.horizontal(|ui| {
            let label = format!("New {}", kind.singular());
            let edit = ui
                .add(
                    egui::TextEdit::singleline(new_name)
                        .hint_text(&label)
                        .desired_width(theme::LABEL_FIELD_WIDTH),
                )
                .accessible_name(&label);
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Add").on_hover_text(&label).clicked() || entered) && !new_name.trim().is_empty() {
                add = Some(std::mem::take(new_name));
            }
        });
        if let Some(name) = add {
            send(Command::AddListItem { kind, name }, self);
        }
        for command in queued {
            outbox.send(list_origin(kind), command);
        }
        if let Some((error_kind, message)) = &self.error
            && *error_kind == kind
        {
            widgets::error_label(ui, message);
        }
    }
}
