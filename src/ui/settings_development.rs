//! Settings for development: the competency list, the certification catalogue and the number of
//! days after which a goal is stalled. Deleting a competency or a catalogue entry in use asks
//! first and says what goes with it.
//!
//! Each of the three sections is a form of its own: a refusal shows under the section that
//! sent it.

use egui::RichText;

use super::dev_widgets::fixed_label;
use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::certification::short_name;
use crate::model::certification::{self, CertKind};
use crate::model::goal::STALLED_DAYS_MAX;
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::model::words::plural;
use crate::model::{CertId, CompetencyId};
use crate::session::dev_command::ratings_of;
use crate::session::{Command, DevCommand, Inbox, Origin, Outbox, ViewModel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Stalled,
    Competencies,
    Catalogue,
}

impl Section {
    const ALL: [Self; 3] = [Self::Stalled, Self::Competencies, Self::Catalogue];

    fn origin(self) -> Origin {
        match self {
            Self::Stalled => Origin::new("settings: stalled days"),
            Self::Competencies => Origin::new("settings: competencies"),
            Self::Catalogue => Origin::new("settings: catalogue"),
        }
    }
}

/// The development section of the Settings screen, with what is being typed in it.
#[derive(Debug, Clone)]
pub struct DevelopmentSettings {
    /// The stalled threshold as being edited; `None` shows the stored one.
    stalled_days: Option<u32>,
    new_competency: String,
    renaming: Option<(CompetencyId, String)>,
    confirm_competency: Option<CompetencyId>,
    new_code: String,
    new_name: String,
    new_kind: CertKind,
    filter: String,
    confirm_cert: Option<CertId>,
    /// The catalogue entry loaded into the form below the list to be corrected.
    editing_cert: Option<CertId>,
    error: Option<(Section, String)>,
}

impl Default for DevelopmentSettings {
    fn default() -> Self {
        Self {
            stalled_days: None,
            new_competency: String::new(),
            renaming: None,
            confirm_competency: None,
            new_code: String::new(),
            new_name: String::new(),
            new_kind: CertKind::RoleBased,
            filter: String::new(),
            confirm_cert: None,
            editing_cert: None,
            error: None,
        }
    }
}

impl DevelopmentSettings {
    fn error_ui(&self, ui: &mut egui::Ui, section: Section) {
        if let Some((_, message)) = self.error.as_ref().filter(|(s, _)| *s == section) {
            widgets::error_label(ui, message);
        }
    }
}

impl DevelopmentSettings {
    /// Draws the section; each form's refusal shows under it.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
        for section in Section::ALL {
            if let Some(Err(message)) = inbox.take(section.origin()) {
                self.error = Some((section, message));
            }
        }
        let mut send = |section: Section, command: DevCommand| {
            outbox.send(section.origin(), Command::Development(command));
        };
        let state = self;
        ui.add_space(theme::SPACE_L);
        ui.separator();
        ui.label(RichText::new("Development").strong());
        ui.add_space(theme::SPACE_S);
        ui.columns(2, |columns| {
            stalled_ui(&mut columns[0], view, state, &mut send);
            columns[0].add_space(theme::SPACE_L);
            competencies_ui(&mut columns[0], view, state, &mut send);
            catalogue_ui(&mut columns[1], view, state, &mut send);
        });
        confirm_ui(ui, view, state, &mut send);
    }
}

fn stalled_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    state: &mut DevelopmentSettings,
    send: &mut impl FnMut(Section, DevCommand),
) {
    ui.label(RichText::new("Stalled goals").strong());
    ui.label(
        RichText::new("An open goal whose progress has not changed for this long is flagged.").weak().small(),
    );
    let stored = view.development.stalled_days;
    let mut days = state.stalled_days.unwrap_or(stored);
    widgets::form_row(ui, "Stalled after", |ui| {
        // Named explicitly: the " days" suffix would otherwise be its name.
        let response = ui
            .add(egui::DragValue::new(&mut days).range(1..=STALLED_DAYS_MAX).suffix(" days"))
            .accessible_name("Stalled after");
        if response.changed() {
            state.stalled_days = Some(days);
        }
        if ui.add_enabled(days != stored, egui::Button::new("Apply")).clicked() {
            state.stalled_days = None;
            state.error = None;
            send(Section::Stalled, DevCommand::SetStalledDays(i64::from(days)));
        }
    });
    state.error_ui(ui, Section::Stalled);
}

fn competencies_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    state: &mut DevelopmentSettings,
    send: &mut impl FnMut(Section, DevCommand),
) {
    let dev = &view.development;
    ui.label(RichText::new("Competencies").strong());
    ui.label(RichText::new("The skills matrix rates each architect on these, in this order.").weak().small());
    ui.add_space(theme::SPACE_S);
    for (index, competency) in dev.competencies.iter().enumerate() {
        let users = dev.competency_users.get(&competency.id).copied().unwrap_or(0);
        ui.horizontal(|ui| {
            if let Some((renaming, name)) = &mut state.renaming
                && *renaming == competency.id
            {
                let edit = ui
                    .add(egui::TextEdit::singleline(name).desired_width(theme::NAME_FIELD_WIDTH))
                    .accessible_name(format!("New name for {}", competency.name));
                edit.request_focus();
                let done = ui.button("OK").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter));
                let cancel = ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
                if done {
                    let name = std::mem::take(name);
                    state.renaming = None;
                    state.error = None;
                    send(Section::Competencies, DevCommand::RenameCompetency { id: competency.id, name });
                } else if cancel {
                    state.renaming = None;
                }
                return;
            }
            fixed_label(ui, 220.0, &competency.name);
            if ui.add_enabled(index > 0, egui::Button::new("⏶")).on_hover_text("Move up").clicked() {
                send(Section::Competencies, DevCommand::MoveCompetency { id: competency.id, up: true });
            }
            if ui
                .add_enabled(index + 1 < dev.competencies.len(), egui::Button::new("⏷"))
                .on_hover_text("Move down")
                .clicked()
            {
                send(Section::Competencies, DevCommand::MoveCompetency { id: competency.id, up: false });
            }
            if ui.button("✏").on_hover_text(format!("Rename {}", competency.name)).clicked() {
                state.renaming = Some((competency.id, competency.name.clone()));
            }
            let delete = ui.button("🗑").accessible_name(format!("Delete {}", competency.name)).on_hover_text(
                if users == 0 {
                    format!("Delete {}", competency.name)
                } else {
                    format!("Delete {}: used by {}", competency.name, ratings_of(users))
                },
            );
            if delete.clicked() {
                if users == 0 {
                    state.error = None;
                    send(Section::Competencies, DevCommand::DeleteCompetency(competency.id));
                } else {
                    state.confirm_competency = Some(competency.id);
                }
            }
            if users > 0 {
                ui.label(RichText::new(plural(users, "architect")).weak().small());
            }
        });
    }
    ui.horizontal(|ui| {
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.new_competency)
                    .hint_text("New competency")
                    .desired_width(theme::NAME_FIELD_WIDTH),
            )
            .accessible_name("New competency");
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Add").on_hover_text("Add the competency").clicked() || entered)
            && !state.new_competency.trim().is_empty()
        {
            let checked =
                text::required("name", &state.new_competency, NAME_MAX_CHARS).map_err(|e| e.to_string());
            match checked {
                Ok(name) if dev.competencies.iter().any(|c| c.name.eq_ignore_ascii_case(&name)) => {
                    state.error = Some((
                        Section::Competencies,
                        format!("name: there is already a competency called “{name}”"),
                    ));
                }
                Ok(name) => {
                    state.new_competency.clear();
                    state.error = None;
                    send(Section::Competencies, DevCommand::AddCompetency(name));
                }
                Err(message) => state.error = Some((Section::Competencies, message)),
            }
        }
    });
    state.error_ui(ui, Section::Competencies);
}

fn catalogue_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    state: &mut DevelopmentSettings,
    send: &mut impl FnMut(Section, DevCommand),
) {
    let dev = &view.development;
    ui.label(RichText::new("Certification catalogue").strong());
    ui.label(
        RichText::new(
            "Fundamentals never expire; role-based and specialty expire a year after earning or renewal.",
        )
        .weak()
        .small(),
    );
    ui.add_space(theme::SPACE_S);
    ui.add(
        egui::TextEdit::singleline(&mut state.filter)
            .hint_text("Filter by code or name")
            .desired_width(theme::NAME_FIELD_WIDTH),
    )
    .accessible_name("Filter the catalogue");
    let needle = crate::model::text::fold_for_match(&state.filter);
    egui::ScrollArea::vertical().id_salt("catalogue_scroll").max_height(300.0).show(ui, |ui| {
        egui::Grid::new("catalogue").striped(true).spacing([10.0, 4.0]).show(ui, |ui| {
            for entry in &dev.catalogue {
                if !needle.is_empty()
                    && !crate::model::text::fold_for_match(&entry.code).contains(&needle)
                    && !crate::model::text::fold_for_match(&entry.name).contains(&needle)
                {
                    continue;
                }
                let held = dev.cert_holders.get(&entry.id).copied().unwrap_or(0);
                ui.label(RichText::new(&entry.code).monospace());
                fixed_label(ui, 230.0, short_name(&entry.name)).on_hover_text(&entry.name);
                ui.label(RichText::new(entry.kind.label()).small());
                let edit = ui
                    .button("✏")
                    .accessible_name(format!("Edit {}", entry.code))
                    .on_hover_text(format!("Correct the code, name or kind of {}", entry.code));
                if edit.clicked() {
                    state.editing_cert = Some(entry.id);
                    state.new_code.clone_from(&entry.code);
                    state.new_name.clone_from(&entry.name);
                    state.new_kind = entry.kind;
                    state.error = None;
                }
                let hover = if held == 0 {
                    format!("Remove {}", entry.code)
                } else {
                    format!("Remove {}: held by {}", entry.code, plural(held, "architect"))
                };
                if ui
                    .button("🗑")
                    .accessible_name(format!("Remove {}", entry.code))
                    .on_hover_text(hover)
                    .clicked()
                {
                    if held == 0 {
                        state.error = None;
                        send(Section::Catalogue, DevCommand::RemoveCatalogueCert(entry.id));
                    } else {
                        state.confirm_cert = Some(entry.id);
                    }
                }
                ui.label(
                    RichText::new(if held > 0 { plural(held, "holder") } else { String::new() })
                        .weak()
                        .small(),
                );
                ui.end_row();
            }
        });
    });
    ui.add_space(theme::SPACE_S);
    let editing = state.editing_cert.and_then(|id| dev.catalogue.iter().find(|c| c.id == id));
    if let Some(entry) = editing {
        ui.label(RichText::new(format!("Editing {}: the records of it follow", entry.code)).weak().small());
    }
    let field = if editing.is_some() { "Certification" } else { "New certification" };
    ui.horizontal_wrapped(|ui| {
        ui.add(egui::TextEdit::singleline(&mut state.new_code).hint_text("Code").desired_width(70.0))
            .accessible_name(format!("{field} code"));
        ui.add(
            egui::TextEdit::singleline(&mut state.new_name)
                .hint_text("Name")
                .desired_width(theme::NAME_FIELD_WIDTH),
        )
        .accessible_name(format!("{field} name"));
        ui.name_inputs(format!("{field} kind"), |ui| {
            egui::ComboBox::from_id_salt("new_cert_kind").selected_text(state.new_kind.label()).show_ui(
                ui,
                |ui| {
                    for kind in CertKind::ALL {
                        ui.selectable_value(&mut state.new_kind, *kind, kind.label());
                    }
                },
            );
        });
        let (label, hover) = match editing {
            Some(_) => ("Save", "Save the corrected entry"),
            None => ("Add", "Add the certification to the catalogue"),
        };
        if ui.button(label).on_hover_text(hover).clicked() {
            let editing_id = editing.map(|e| e.id);
            match certification::validate_catalogue_entry(&state.new_code, &state.new_name) {
                Ok((code, _))
                    if dev
                        .catalogue
                        .iter()
                        .any(|c| Some(c.id) != editing_id && c.code.eq_ignore_ascii_case(&code)) =>
                {
                    state.error =
                        Some((Section::Catalogue, format!("code: {code} is already in the catalogue")));
                }
                Ok((code, name)) => {
                    state.new_code.clear();
                    state.new_name.clear();
                    state.error = None;
                    state.editing_cert = None;
                    send(
                        Section::Catalogue,
                        match editing_id {
                            Some(id) => {
                                DevCommand::UpdateCatalogueCert { id, code, name, kind: state.new_kind }
                            }
                            None => DevCommand::AddCatalogueCert { code, name, kind: state.new_kind },
                        },
                    );
                }
                Err(error) => state.error = Some((Section::Catalogue, error.to_string())),
            }
        }
        if editing.is_some() && ui.button("Cancel").clicked() {
            state.editing_cert = None;
            state.new_code.clear();
            state.new_name.clear();
            state.error = None;
        }
    });
    state.error_ui(ui, Section::Catalogue);
}

/// "Delete “Business acumen”? It is used by 8 architects' skill levels…": what goes with it.
fn confirm_ui(
    ui: &egui::Ui,
    view: &ViewModel,
    state: &mut DevelopmentSettings,
    send: &mut impl FnMut(Section, DevCommand),
) {
    let dev = &view.development;
    let question = if let Some(id) = state.confirm_competency {
        dev.competencies.iter().find(|c| c.id == id).map(|c| {
            let users = dev.competency_users.get(&id).copied().unwrap_or(0);
            (
                format!("Delete “{}”?", c.name),
                format!(
                    "It is used by {}. Their ratings and rating history in this competency are deleted with it.",
                    ratings_of(users)
                ),
                "Delete competency",
                (Section::Competencies, DevCommand::DeleteCompetency(id)),
            )
        })
    } else if let Some(id) = state.confirm_cert {
        dev.catalogue.iter().find(|c| c.id == id).map(|c| {
            let held = dev.cert_holders.get(&id).copied().unwrap_or(0);
            (
                format!("Remove {} from the catalogue?", c.code),
                format!(
                    "It is held by {}. Their records of it, with earned dates and renewals, are removed with it.",
                    plural(held, "architect")
                ),
                "Remove certification",
                (Section::Catalogue, DevCommand::RemoveCatalogueCert(id)),
            )
        })
    } else {
        None
    };
    let Some((title, detail, confirm, (section, command))) = question else {
        state.confirm_competency = None;
        state.confirm_cert = None;
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("confirm_development_delete")).show(ui.ctx(), |ui| {
        ui.set_width(theme::DIALOG_WIDTH);
        ui.heading(title);
        ui.add_space(theme::SPACE_M);
        ui.label(detail);
        ui.add_space(theme::SPACE_L);
        ui.horizontal(|ui| {
            if ui.button(RichText::new(confirm).color(theme::error_color(ui))).clicked() {
                state.error = None;
                send(section, command);
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        state.confirm_competency = None;
        state.confirm_cert = None;
    }
}
