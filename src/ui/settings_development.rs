//! Settings for development: the competency list, the certification catalogue and the number of
//! days after which a goal is stalled. Deleting a competency or a catalogue entry in use asks
//! first and says what goes with it.
//!
//! Each of the three sections is a form of its own: a refusal shows under the section that
//! sent it.

use egui::RichText;

use super::edit_in_place::{self, CommitField};
use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::certification::{self, CertKind};
use crate::model::goal::STALLED_DAYS_MAX;
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::model::words::plural;
use crate::model::{CertId, CompetencyId};
use crate::session::dev_command::ratings_of;
use crate::session::{Command, DevCommand, Inbox, Origin, Outbox, ViewModel};

/// A competency's name field, a catalogue entry's code and name fields (keyed by the record).
const COMPETENCY_NAME: Origin = Origin::new("settings: competency name");
const CERT_CODE: Origin = Origin::new("settings: certification code");
const CERT_NAME: Origin = Origin::new("settings: certification name");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Stalled,
    Competencies,
    Catalogue,
}

impl Section {
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
    new_competency: String,
    confirm_competency: Option<CompetencyId>,
    new_code: String,
    new_name: String,
    new_kind: CertKind,
    filter: String,
    confirm_cert: Option<CertId>,
    error: Option<(Section, String)>,
}

impl Default for DevelopmentSettings {
    fn default() -> Self {
        Self {
            new_competency: String::new(),
            confirm_competency: None,
            new_code: String::new(),
            new_name: String::new(),
            new_kind: CertKind::RoleBased,
            filter: String::new(),
            confirm_cert: None,
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
        // The stalled days field collects its own answer.
        for section in [Section::Competencies, Section::Catalogue] {
            if let Some(Err(message)) = inbox.take(section.origin()) {
                self.error = Some((section, message));
            }
        }
        let mut queued = Vec::new();
        let mut send = |section: Section, command: DevCommand| queued.push((section, command));
        let state = self;
        ui.add_space(theme::SPACE_L);
        ui.separator();
        ui.label(RichText::new("Development").strong());
        ui.add_space(theme::SPACE_S);
        ui.columns(2, |columns| {
            stalled_ui(&mut columns[0], view, inbox, outbox);
            columns[0].add_space(theme::SPACE_L);
            competencies_ui(&mut columns[0], view, state, inbox, outbox, &mut send);
            catalogue_ui(&mut columns[1], view, state, inbox, outbox, &mut send);
        });
        confirm_ui(ui, view, state, &mut send);
        for (section, command) in queued {
            outbox.send(section.origin(), Command::Development(command));
        }
    }
}

fn stalled_ui(ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
    ui.label(RichText::new("Stalled goals").strong());
    ui.label(
        RichText::new("An open goal whose progress has not changed for this long is flagged.").weak().small(),
    );
    let stored = view.development.stalled_days.to_string();
    widgets::form_row(ui, "Stalled after", |ui| {
        CommitField::new(Section::Stalled.origin(), &stored, "Stalled after")
            .width(40.0)
            .max_chars(4)
            .show_and_send(ui, inbox, outbox, |typed| {
                let days = edit_in_place::parse_number("days", typed, 1, STALLED_DAYS_MAX)?;
                Ok(Command::Development(DevCommand::SetStalledDays(i64::from(days))))
            });
        ui.label("days");
    });
}

fn competencies_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    state: &mut DevelopmentSettings,
    inbox: &mut Inbox,
    outbox: &mut Outbox,
    send: &mut impl FnMut(Section, DevCommand),
) {
    let dev = &view.development;
    ui.label(RichText::new("Competencies").strong());
    ui.label(RichText::new("The skills matrix rates each architect on these, in this order.").weak().small());
    ui.add_space(theme::SPACE_S);
    for (index, competency) in dev.competencies.iter().enumerate() {
        let users = dev.competency_users.get(&competency.id).copied().unwrap_or(0);
        ui.horizontal(|ui| {
            let name = format!("Name of {}", competency.name);
            CommitField::new(COMPETENCY_NAME.with_key(competency.id.0), &competency.name, &name)
                .width(220.0)
                .max_chars(NAME_MAX_CHARS)
                .show_and_send(ui, inbox, outbox, |typed| {
                    let name = typed.to_owned();
                    Ok(Command::Development(DevCommand::RenameCompetency { id: competency.id, name }))
                });
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
    inbox: &mut Inbox,
    outbox: &mut Outbox,
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
                // Code, name and kind correct themselves in place; the records follow.
                let update = |code: &str, name: &str, kind: CertKind| -> Result<Command, String> {
                    let (code, name) =
                        certification::validate_catalogue_entry(code, name).map_err(|e| e.to_string())?;
                    if dev.catalogue.iter().any(|c| c.id != entry.id && c.code.eq_ignore_ascii_case(&code)) {
                        return Err(format!("code: {code} is already in the catalogue"));
                    }
                    Ok(Command::Development(DevCommand::UpdateCatalogueCert {
                        id: entry.id,
                        code,
                        name,
                        kind,
                    }))
                };
                let code_name = format!("Code of {}", entry.code);
                CommitField::new(CERT_CODE.with_key(entry.id.0), &entry.code, &code_name)
                    .width(70.0)
                    .show_and_send(ui, inbox, outbox, |typed| update(typed, &entry.name, entry.kind));
                let name_name = format!("Name of {}", entry.code);
                CommitField::new(CERT_NAME.with_key(entry.id.0), &entry.name, &name_name)
                    .width(230.0)
                    .show_and_send(ui, inbox, outbox, |typed| update(&entry.code, typed, entry.kind));
                let mut kind = entry.kind;
                egui::ComboBox::from_id_salt(("cert_kind", entry.id.0))
                    .selected_text(kind.label())
                    .show_ui(ui, |ui| {
                        for option in CertKind::ALL {
                            ui.selectable_value(&mut kind, *option, option.label());
                        }
                    })
                    .response
                    .accessible_name(format!("Kind of {}", entry.code));
                if kind != entry.kind
                    && let Ok(command) = update(&entry.code, &entry.name, kind)
                {
                    outbox.send(Section::Catalogue.origin(), command);
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
    let field = "New certification";
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
        if ui.button("Add").on_hover_text("Add the certification to the catalogue").clicked() {
            match certification::validate_catalogue_entry(&state.new_code, &state.new_name) {
                Ok((code, _)) if dev.catalogue.iter().any(|c| c.code.eq_ignore_ascii_case(&code)) => {
                    state.error =
                        Some((Section::Catalogue, format!("code: {code} is already in the catalogue")));
                }
                Ok((code, name)) => {
                    state.new_code.clear();
                    state.new_name.clear();
                    state.error = None;
                    send(
                        Section::Catalogue,
                        DevCommand::AddCatalogueCert { code, name, kind: state.new_kind },
                    );
                }
                Err(error) => state.error = Some((Section::Catalogue, error.to_string())),
            }
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
                    "It is used by {}. Their ratings and rating history in this competency are deleted with it \
                     (Ctrl+Z puts them back).",
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
                    "It is held by {}. Their records of it, with earned dates and renewals, are removed with it \
                     (Ctrl+Z puts them back).",
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
