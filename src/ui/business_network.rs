//! The "Network" tab: the business network's contacts with how long since the last interaction
//! against their ideal and maximum interval; beside it the selected contact's interactions
//! (typed here or found in an imported calendar), "Log an interaction" and their details.

use egui::RichText;
use egui_extras::Column;

use super::business_widgets::{
    self as bw, FormButtons, Sort, TableColumn, cell, choice_row, column, date_row,
};
use super::{Shell, theme, widgets};
use crate::model::ContactId;
use crate::model::architect::Choice as _;
use crate::model::business::network::{MAX_INTERVAL_DAYS, parse_days};
use crate::model::business::{ContactFields, InteractionSource, Touch};
use crate::model::text::{self, LINE_MAX_CHARS, NAME_MAX_CHARS};
use crate::session::business_view::ContactRow;
use crate::session::{
    BusinessCommand, BusinessDone, BusinessRecord, Command, Done, Origin, Outbox, ViewModel,
};

const CONTACT: Origin = Origin::new("business: contact");
const INTERACTION: Origin = Origin::new("business: interaction");
const DELETE: Origin = Origin::new("business: delete contact");
const DELETE_INTERACTION: Origin = Origin::new("business: delete interaction");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContactColumn {
    Name,
    Organisation,
    Kind,
    Role,
    LastContact,
    Interval,
    #[default]
    Standing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct ContactForm {
    id: Option<ContactId>,
    fields: ContactFields,
    ideal: String,
    max: String,
}

impl ContactForm {
    fn of(id: Option<ContactId>, fields: &ContactFields) -> Self {
        Self {
            id,
            fields: fields.clone(),
            ideal: fields.ideal_days.to_string(),
            max: fields.max_days.to_string(),
        }
    }

    fn command(&self) -> Result<Command, String> {
        let mut fields = self.fields.clone();
        fields.ideal_days = parse_days("ideal interval", &self.ideal).map_err(|e| e.to_string())?;
        fields.max_days = parse_days("maximum interval", &self.max).map_err(|e| e.to_string())?;
        let fields = fields.validated().map_err(|e| e.to_string())?;
        Ok(Command::Business(match self.id {
            Some(id) => BusinessCommand::UpdateContact { id, fields },
            None => BusinessCommand::AddContact(fields),
        }))
    }
}

#[derive(Default)]
pub struct NetworkTab {
    search: String,
    sort: Sort<ContactColumn>,
    selected: Option<ContactId>,
    form: Option<(ContactForm, Option<ContactFields>)>,
    /// The interaction being logged: its date and note.
    on: String,
    note: String,
    confirm_delete: Option<ContactId>,
    error: Option<(Origin, String)>,
}

impl NetworkTab {
    pub fn take_answers(&mut self, shell: &mut Shell) {
        for origin in [CONTACT, INTERACTION, DELETE] {
            match shell.answer(origin) {
                None => {}
                Some(Ok(Done::Business(BusinessDone { record: BusinessRecord::Contact(id), .. }))) => {
                    let deleted = origin == DELETE;
                    if deleted && self.selected == Some(id) {
                        self.close();
                    } else if !deleted {
                        self.error = None;
                        self.form = None;
                        self.selected = Some(id);
                    }
                }
                Some(Ok(_)) => {
                    self.error = None;
                    self.note.clear();
                    self.on.clear();
                }
                Some(Err(message)) => self.error = Some((origin, message)),
            }
        }
        while let Some((_, answer)) = shell.inbox.take_named(DELETE_INTERACTION.name) {
            if let Err(message) = answer {
                shell.toasts.error(message);
            }
        }
    }

    pub fn open_new(&mut self) {
        self.close();
        self.form = Some((ContactForm::of(None, &ContactFields::default()), None));
    }

    pub fn select(&mut self, id: ContactId) {
        if self.selected != Some(id) {
            self.close();
            self.selected = Some(id);
        }
    }

    fn close(&mut self) {
        self.selected = None;
        self.form = None;
        self.error = None;
        self.note.clear();
        self.on.clear();
    }

    fn error_for(&self, origin: Origin) -> Option<&str> {
        self.error.as_ref().filter(|(o, _)| *o == origin).map(|(_, m)| m.as_str())
    }

    fn rows<'v>(&self, view: &'v ViewModel) -> Vec<&'v ContactRow> {
        let needle = text::fold_for_match(self.search.trim());
        let mut rows: Vec<&ContactRow> = view
            .business
            .contacts
            .iter()
            .filter(|c| {
                let f = &c.contact.fields;
                needle.is_empty()
                    || [&f.name, &f.organisation, &f.role]
                        .iter()
                        .any(|t| text::fold_for_match(t).contains(&needle))
            })
            .collect();
        rows.sort_by(|a, b| {
            let (fa, fb) = (&a.contact.fields, &b.contact.fields);
            let primary = match self.sort.column {
                ContactColumn::Name => std::cmp::Ordering::Equal,
                ContactColumn::Organisation => {
                    fa.organisation.to_lowercase().cmp(&fb.organisation.to_lowercase())
                }
                ContactColumn::Kind => fa.kind.key().cmp(fb.kind.key()),
                ContactColumn::Role => fa.role.to_lowercase().cmp(&fb.role.to_lowercase()),
                ContactColumn::LastContact => a.last.cmp(&b.last),
                ContactColumn::Interval => (fa.ideal_days, fa.max_days).cmp(&(fb.ideal_days, fb.max_days)),
                // Most overdue first.
                ContactColumn::Standing => {
                    (b.status.touch, b.status.days_since).cmp(&(a.status.touch, a.status.days_since))
                }
            };
            self.sort.apply(primary.then_with(|| fa.name.to_lowercase().cmp(&fb.name.to_lowercase())))
        });
        rows
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        if self.selected.is_some_and(|id| view.business.contact(id).is_none()) {
            self.close();
        }
        let rows = self.rows(view);
        let ids: Vec<ContactId> = rows.iter().map(|c| c.contact.id).collect();
        let before = self.selected;
        bw::keyboard_navigation(ui, &ids, &mut self.selected);
        if self.selected != before {
            let keep = self.selected;
            self.close();
            self.selected = keep;
        }
        let open = self.selected.is_some() || self.form.is_some();
        if open {
            bw::detail_pane(ui, "network", |ui| self.detail_ui(ui, view, outbox));
        }
        self.table_ui(ui, view, &rows);
        self.confirm_delete_ui(ui, view, outbox);
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, rows: &[&ContactRow]) {
        ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("Filter by name, organisation or role")
                .desired_width(240.0),
        )
        .accessible_name("Filter the contacts");
        ui.add_space(theme::SPACE_S);
        if view.business.contacts.is_empty() {
            widgets::empty_state(
                ui,
                "Your network is empty",
                "Add the customer executives, partners and colleagues you keep in touch with (“➕ New contact”), \
                 with how often you want to talk. Give their e-mail: a calendar import then logs your meetings.",
            );
            return;
        }
        if rows.is_empty() {
            widgets::empty_state(ui, "Nobody matches", "Clear the filter box.");
            return;
        }
        let compact = self.selected.is_some() || self.form.is_some();
        let mut columns: Vec<TableColumn<ContactColumn>> = vec![
            column(
                ContactColumn::Name,
                "Name",
                Column::initial(150.0).at_least(90.0).clip(true).resizable(true),
            ),
            column(
                ContactColumn::Organisation,
                "Organisation",
                Column::initial(130.0).at_least(theme::TEXT_COLUMN_MIN).clip(true),
            ),
            column(ContactColumn::Kind, "Kind", Column::exact(66.0)),
            column(ContactColumn::Role, "Role", Column::initial(120.0).at_least(60.0).clip(true)),
            column(ContactColumn::LastContact, "Last contact", Column::exact(88.0)),
            column(ContactColumn::Interval, "Ideal / max", Column::exact(theme::DATE_COLUMN_WIDTH)),
            column(ContactColumn::Standing, "Standing", Column::remainder().at_least(90.0).clip(true)),
        ];
        if compact {
            columns.retain(|c| {
                matches!(c.key, ContactColumn::Name | ContactColumn::Organisation | ContactColumn::Standing)
            });
        }
        let selected = self.selected.and_then(|id| rows.iter().position(|c| c.contact.id == id));
        let mut name_clicked = None;
        let clicked = bw::sortable_table(
            ui,
            if compact { "contacts_compact" } else { "contacts" },
            &columns,
            &mut self.sort,
            rows.len(),
            selected,
            |ui, index, c| {
                let row = rows[index];
                let f = &row.contact.fields;
                match c {
                    ContactColumn::Name => bw::name_cell(ui, &f.name, index, &mut name_clicked),
                    ContactColumn::Organisation => cell(ui, &f.organisation),
                    ContactColumn::Kind => cell(ui, f.kind.label()),
                    ContactColumn::Role => cell(ui, &f.role),
                    ContactColumn::LastContact => cell(ui, bw::date_cell(row.last)),
                    ContactColumn::Interval => cell(ui, format!("{} / {} d", f.ideal_days, f.max_days)),
                    ContactColumn::Standing => standing_cell(ui, row),
                }
            },
        );
        if let Some(index) = clicked.or(name_clicked) {
            self.select(rows[index].contact.id);
        }
    }

    fn detail_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        if self.form.as_ref().is_some_and(|(f, _)| f.id.is_none()) {
            if bw::pane_header(ui, "New contact", "Someone to keep in touch with, and how often") {
                self.close();
                return;
            }
            self.form_ui(ui, outbox);
            return;
        }
        let Some(row) = self.selected.and_then(|id| view.business.contact(id)) else { return };
        let contact = &row.contact;
        let subtitle =
            [contact.fields.role.as_str(), contact.fields.organisation.as_str(), contact.fields.kind.label()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · ");
        if bw::pane_header(ui, &contact.fields.name, &subtitle) {
            self.close();
            return;
        }
        match &self.form {
            Some((form, Some(loaded)))
                if *loaded == contact.fields || *form != ContactForm::of(Some(contact.id), loaded) => {}
            _ => {
                self.form =
                    Some((ContactForm::of(Some(contact.id), &contact.fields), Some(contact.fields.clone())));
            }
        }
        ui.horizontal(|ui| standing_cell(ui, row));
        theme::section_title(ui, "Log an interaction");
        if self.on.is_empty() {
            self.on = view.today.to_string();
        }
        date_row(ui, "Date", "interaction_on", &mut self.on, view.today);
        widgets::text_row(ui, "Note", &mut self.note, crate::model::business::network::NOTE_MAX_CHARS);
        if let Some(error) = self.error_for(INTERACTION) {
            widgets::error_label(ui, error);
        }
        if ui.button(RichText::new("Log interaction").strong()).clicked() {
            match text::parse_date("date", &self.on) {
                Ok(on) => {
                    self.error = None;
                    let command =
                        BusinessCommand::AddInteraction { contact: contact.id, on, note: self.note.clone() };
                    outbox.send(INTERACTION, Command::Business(command));
                }
                Err(error) => self.error = Some((INTERACTION, error.to_string())),
            }
        }
        let interactions: Vec<_> = view.business.interactions_of(contact.id).collect();
        theme::section_title(ui, "Interactions in the last year");
        if interactions.is_empty() {
            ui.label(RichText::new("None logged in the last year.").weak());
        }
        for interaction in interactions {
            ui.horizontal(|ui| {
                ui.label(RichText::new(interaction.on.to_string()).monospace().weak());
                if interaction.source == InteractionSource::Calendar {
                    ui.label("📅").on_hover_text("From your calendar: a meeting they attended");
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("🗑")
                        .accessible_name(format!("Delete the interaction of {}", interaction.on))
                        .on_hover_text("Delete (Ctrl+Z brings it back)")
                        .clicked()
                    {
                        outbox.send(
                            DELETE_INTERACTION.with_key(interaction.id.0),
                            Command::Business(BusinessCommand::DeleteInteraction(interaction.id)),
                        );
                    }
                    let note =
                        if interaction.note.is_empty() { "(no note)" } else { interaction.note.as_str() };
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(note).truncate()).on_hover_text(note);
                    });
                });
            });
        }
        ui.add_space(theme::SPACE_M);
        theme::section_title(ui, "Contact");
        self.form_ui(ui, outbox);
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, outbox: &mut Outbox) {
        let error = self.error_for(CONTACT).map(str::to_owned);
        let Some((form, _)) = &mut self.form else { return };
        let f = &mut form.fields;
        widgets::text_row(ui, "Name", &mut f.name, NAME_MAX_CHARS);
        widgets::text_row(ui, "Organisation", &mut f.organisation, NAME_MAX_CHARS);
        choice_row(ui, "Kind", "contact_kind", &mut f.kind);
        widgets::text_row(ui, "Role", &mut f.role, LINE_MAX_CHARS);
        widgets::text_row(ui, "E-mail", &mut f.email, LINE_MAX_CHARS);
        widgets::form_row(ui, "Ideal interval", |ui| {
            ui.add(egui::TextEdit::singleline(&mut form.ideal).desired_width(60.0))
                .on_hover_text(format!("Days, 1 to {MAX_INTERVAL_DAYS}"));
            ui.label("days");
        });
        widgets::form_row(ui, "Maximum interval", |ui| {
            ui.add(egui::TextEdit::singleline(&mut form.max).desired_width(60.0))
                .on_hover_text(format!("Days, 1 to {MAX_INTERVAL_DAYS}"));
            ui.label("days");
        });
        let label = if form.id.is_some() { "Save" } else { "Add contact" };
        let FormButtons { save, cancel, delete } =
            bw::form_buttons(ui, label, error.as_deref(), form.id.is_some());
        if save {
            match form.command() {
                Ok(command) => {
                    self.error = None;
                    outbox.send(CONTACT, command);
                }
                Err(message) => self.error = Some((CONTACT, message)),
            }
        }
        if delete {
            self.confirm_delete = form.id;
        }
        if cancel {
            self.close();
        }
    }

    fn confirm_delete_ui(&mut self, ui: &egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let Some(id) = self.confirm_delete else { return };
        let Some(row) = view.business.contact(id) else {
            self.confirm_delete = None;
            return;
        };
        let title = format!("Delete {}?", row.contact.fields.name);
        let detail =
            "Their details and every interaction are deleted for good (Undo, right away, brings them back).";
        match bw::confirm_delete(ui.ctx(), "contact", &title, detail) {
            Some(true) => {
                outbox.send(DELETE, Command::Business(BusinessCommand::DeleteContact(id)));
                self.confirm_delete = None;
            }
            Some(false) => self.confirm_delete = None,
            None => {}
        }
    }
}

/// "Past max by 12 days" in red, "Due" in amber, "In touch" in green.
pub fn standing_cell(ui: &mut egui::Ui, row: &ContactRow) {
    let f = &row.contact.fields;
    let days = row.status.days_since;
    let (text, color) = match row.status.touch {
        Touch::PastMax => {
            (format!("⚠ {days} days: past the maximum of {}", f.max_days), theme::error_color(ui))
        }
        Touch::Due => (format!("due: {days} days since"), theme::warn_color(ui)),
        Touch::Fine => (format!("in touch ({days} days ago)"), theme::ok_color(ui)),
    };
    let text = if row.last.is_none() { format!("{text}, never in touch") } else { text };
    cell(ui, RichText::new(text).color(color));
}
