//! The "Initiatives" tab: market initiatives (the 30 % of market building) in a sortable table;
//! beside it the selected one's thesis, target, play, status and next step, the accounts,
//! architects and opportunities it involves, its events with their attendance, and the time
//! logged on it.

use chrono::NaiveDate;
use egui::RichText;
use egui_extras::Column;

use super::business_widgets::{
    self as bw, FormButtons, Sort, TableColumn, cell, choice_row, column, date_row, pick_many,
};
use super::{Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::business::initiative::parse_attendance;
use crate::model::business::{EventFields, EventKind, Initiative, InitiativeFields};
use crate::model::text::{self, LINE_MAX_CHARS, TEXT_MAX_CHARS};
use crate::model::{AccountId, ArchitectId, EventId, InitiativeId, OpportunityId};
use crate::session::{
    BusinessCommand, BusinessDone, BusinessRecord, Command, Done, Origin, Outbox, ViewModel,
};

const INITIATIVE: Origin = Origin::new("business: initiative");
const EVENT: Origin = Origin::new("business: event");
const DELETE: Origin = Origin::new("business: delete initiative");
const DELETE_EVENT: Origin = Origin::new("business: delete event");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InitiativeColumn {
    #[default]
    Title,
    Target,
    Play,
    Status,
    Accounts,
    Events,
    NextStep,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct InitiativeForm {
    id: Option<InitiativeId>,
    fields: InitiativeFields,
    next_step_on: String,
}

impl InitiativeForm {
    fn of(initiative: &Initiative) -> Self {
        Self {
            id: Some(initiative.id),
            fields: initiative.fields.clone(),
            next_step_on: bw::date_cell(initiative.fields.next_step_on),
        }
    }

    fn command(&self) -> Result<Command, String> {
        let mut fields = self.fields.clone();
        fields.next_step_on =
            text::parse_optional_date("next step date", &self.next_step_on).map_err(|e| e.to_string())?;
        let fields = fields.validated().map_err(|e| e.to_string())?;
        Ok(Command::Business(match self.id {
            Some(id) => BusinessCommand::UpdateInitiative { id, fields },
            None => BusinessCommand::AddInitiative(fields),
        }))
    }
}

/// An event as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct EventForm {
    id: Option<EventId>,
    kind: EventKind,
    title: String,
    held_on: String,
    attendance: String,
}

impl EventForm {
    fn command(&self, initiative: InitiativeId) -> Result<Command, String> {
        let held_on = text::parse_date("date", &self.held_on).map_err(|e| e.to_string())?;
        let attendance = parse_attendance(&self.attendance).map_err(|e| e.to_string())?;
        let fields = EventFields { kind: self.kind, title: self.title.clone(), held_on, attendance }
            .validated()
            .map_err(|e| e.to_string())?;
        Ok(Command::Business(match self.id {
            Some(id) => BusinessCommand::UpdateEvent { id, fields },
            None => BusinessCommand::AddEvent { initiative, fields },
        }))
    }
}

#[derive(Default)]
pub struct InitiativesTab {
    sort: Sort<InitiativeColumn>,
    show_closed: bool,
    selected: Option<InitiativeId>,
    form: Option<(InitiativeForm, Option<Initiative>)>,
    event: Option<EventForm>,
    confirm_delete: Option<InitiativeId>,
    error: Option<(Origin, String)>,
}

impl InitiativesTab {
    pub fn take_answers(&mut self, shell: &mut Shell) {
        for origin in [INITIATIVE, EVENT, DELETE] {
            match shell.answer(origin) {
                None => {}
                Some(Ok(Done::Business(BusinessDone { record: BusinessRecord::Initiative(id), .. }))) => {
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
                    self.event = None;
                }
                Some(Err(message)) => self.error = Some((origin, message)),
            }
        }
        while let Some((_, answer)) = shell.inbox.take_named(DELETE_EVENT.name) {
            if let Err(message) = answer {
                shell.toasts.error(message);
            }
        }
    }

    pub fn open_new(&mut self) {
        self.close();
        self.form = Some((
            InitiativeForm { id: None, fields: InitiativeFields::default(), next_step_on: String::new() },
            None,
        ));
    }

    pub fn select(&mut self, id: InitiativeId) {
        if self.selected != Some(id) {
            self.close();
            self.selected = Some(id);
        }
    }

    fn close(&mut self) {
        self.selected = None;
        self.form = None;
        self.event = None;
        self.error = None;
    }

    fn error_for(&self, origin: Origin) -> Option<&str> {
        self.error.as_ref().filter(|(o, _)| *o == origin).map(|(_, m)| m.as_str())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let business = &view.business;
        if self.selected.is_some_and(|id| business.initiative(id).is_none()) {
            self.close();
        }
        let mut rows: Vec<&Initiative> =
            business.initiatives.iter().filter(|i| self.show_closed || i.fields.status.is_live()).collect();
        let events = |i: &Initiative| business.events_of(i.id).count();
        rows.sort_by(|a, b| {
            let (fa, fb) = (&a.fields, &b.fields);
            let primary = match self.sort.column {
                InitiativeColumn::Title => std::cmp::Ordering::Equal,
                InitiativeColumn::Target => fa.target.to_lowercase().cmp(&fb.target.to_lowercase()),
                InitiativeColumn::Play => fa.play.to_lowercase().cmp(&fb.play.to_lowercase()),
                InitiativeColumn::Status => fa.status.key().cmp(fb.status.key()),
                InitiativeColumn::Accounts => fa.accounts.len().cmp(&fb.accounts.len()),
                InitiativeColumn::Events => events(a).cmp(&events(b)),
                InitiativeColumn::NextStep => {
                    fa.next_step_on.unwrap_or(NaiveDate::MAX).cmp(&fb.next_step_on.unwrap_or(NaiveDate::MAX))
                }
            };
            self.sort.apply(primary.then_with(|| fa.title.to_lowercase().cmp(&fb.title.to_lowercase())))
        });
        let ids: Vec<InitiativeId> = rows.iter().map(|i| i.id).collect();
        let before = self.selected;
        bw::keyboard_navigation(ui, &ids, &mut self.selected);
        if self.selected != before {
            let keep = self.selected;
            self.close();
            self.selected = keep;
        }
        let open = self.selected.is_some() || self.form.is_some();
        if open {
            bw::detail_pane(ui, "initiatives", |ui| self.detail_ui(ui, view, outbox));
        }
        self.table_ui(ui, view, &rows);
        self.confirm_delete_ui(ui, view, outbox);
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, rows: &[&Initiative]) {
        let business = &view.business;
        let events = |i: &Initiative| business.events_of(i.id).count();
        {
            ui.checkbox(&mut self.show_closed, "Show won and dropped initiatives");
            ui.add_space(theme::SPACE_S);
            if business.initiatives.is_empty() {
                widgets::empty_state(
                    ui,
                    "No market initiatives yet",
                    "Start one with “➕ New initiative”: the market you want to open, your thesis, the solution play, \
                     then the accounts, events and opportunities it brings.",
                );
                return;
            }
            if rows.is_empty() {
                widgets::empty_state(
                    ui,
                    "No live initiatives",
                    "Tick “Show won and dropped initiatives” to see the others.",
                );
                return;
            }
            let columns: Vec<TableColumn<InitiativeColumn>> = vec![
                column(
                    InitiativeColumn::Title,
                    "Initiative",
                    Column::initial(190.0).at_least(theme::NAME_COLUMN_MIN).clip(true).resizable(true),
                ),
                column(
                    InitiativeColumn::Target,
                    "Segment or industry",
                    Column::initial(130.0).at_least(theme::TEXT_COLUMN_MIN).clip(true),
                ),
                column(
                    InitiativeColumn::Play,
                    "Solution play",
                    Column::initial(130.0).at_least(theme::TEXT_COLUMN_MIN).clip(true),
                ),
                column(InitiativeColumn::Status, "Status", Column::exact(64.0)),
                column(InitiativeColumn::Accounts, "Accounts", Column::exact(66.0)),
                column(InitiativeColumn::Events, "Events", Column::exact(54.0)),
                column(
                    InitiativeColumn::NextStep,
                    "Next step",
                    Column::remainder().at_least(90.0).clip(true),
                ),
            ];
            let selected = self.selected.and_then(|id| rows.iter().position(|i| i.id == id));
            let mut name_clicked = None;
            let clicked = bw::sortable_table(
                ui,
                "initiatives_table",
                &columns,
                &mut self.sort,
                rows.len(),
                selected,
                |ui, index, c| {
                    let f = &rows[index].fields;
                    match c {
                        InitiativeColumn::Title => bw::name_cell(ui, &f.title, index, &mut name_clicked),
                        InitiativeColumn::Target => cell(ui, &f.target),
                        InitiativeColumn::Play => cell(ui, &f.play),
                        InitiativeColumn::Status => cell(ui, f.status.label()),
                        InitiativeColumn::Accounts => cell(ui, f.accounts.len().to_string()),
                        InitiativeColumn::Events => cell(ui, events(rows[index]).to_string()),
                        InitiativeColumn::NextStep => {
                            let text = match f.next_step_on {
                                Some(day) => format!("{day}: {}", f.next_step),
                                None => f.next_step.clone(),
                            };
                            let overdue =
                                f.next_step_on.is_some_and(|d| d < view.today) && f.status.is_live();
                            cell(
                                ui,
                                if overdue {
                                    RichText::new(text).color(theme::warn_color(ui))
                                } else {
                                    RichText::new(text)
                                },
                            );
                        }
                    }
                },
            );
            if let Some(index) = clicked.or(name_clicked) {
                self.select(rows[index].id);
            }
        }
    }

    fn detail_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let business = &view.business;
        if self.form.as_ref().is_some_and(|(f, _)| f.id.is_none()) {
            if bw::pane_header(ui, "New initiative", "A market to open: the thesis, the segment and the play")
            {
                self.close();
                return;
            }
            self.form_ui(ui, view, outbox);
            return;
        }
        let Some(initiative) = self.selected.and_then(|id| business.initiative(id)) else { return };
        let subtitle = format!("{} · {}", initiative.fields.status.label(), initiative.fields.target);
        if bw::pane_header(ui, &initiative.fields.title, subtitle.trim_end_matches(" · ")) {
            self.close();
            return;
        }
        match &self.form {
            Some((form, Some(loaded))) if loaded == initiative || *form != InitiativeForm::of(loaded) => {}
            _ => self.form = Some((InitiativeForm::of(initiative), Some(initiative.clone()))),
        }
        let hours: u32 = view
            .time
            .market_links
            .iter()
            .filter(|(link, _)| *link == Some(crate::model::business::WorkLink::Initiative(initiative.id)))
            .map(|(_, minutes)| *minutes)
            .sum();
        if hours > 0 {
            ui.label(
                RichText::new(format!(
                    "{} of your market-building time in {} went to it",
                    crate::model::time_summary::hours_text(hours),
                    view.time.focus.quarter
                ))
                .weak(),
            );
        }
        self.events_ui(ui, view, initiative.id, outbox);
        ui.add_space(theme::SPACE_M);
        theme::section_title(ui, "Initiative");
        self.form_ui(ui, view, outbox);
    }

    fn events_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        initiative: InitiativeId,
        outbox: &mut Outbox,
    ) {
        let events: Vec<_> = view.business.events_of(initiative).collect();
        let attendance: u32 = events.iter().filter_map(|e| e.fields.attendance).sum();
        theme::section_title(ui, &format!("Events ({}, {attendance} attended)", events.len()));
        if events.is_empty() && self.event.is_none() {
            ui.label(
                RichText::new("No events yet: workshops, briefings, hackathons and talks it holds.").weak(),
            );
        }
        for event in &events {
            let f = &event.fields;
            ui.horizontal(|ui| {
                ui.label(RichText::new(f.held_on.to_string()).monospace().weak());
                widgets::pill(ui, f.kind.label(), crate::ui::theme::info_color(ui));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("🗑")
                        .accessible_name(format!("Delete {}", f.title))
                        .on_hover_text("Delete (Ctrl+Z brings it back)")
                        .clicked()
                    {
                        outbox.send(
                            DELETE_EVENT.with_key(event.id.0),
                            Command::Business(BusinessCommand::DeleteEvent(event.id)),
                        );
                    }
                    if ui.small_button("✏").accessible_name(format!("Edit {}", f.title)).clicked() {
                        self.event = Some(EventForm {
                            id: Some(event.id),
                            kind: f.kind,
                            title: f.title.clone(),
                            held_on: f.held_on.to_string(),
                            attendance: f.attendance.map(|a| a.to_string()).unwrap_or_default(),
                        });
                    }
                    ui.label(
                        RichText::new(
                            f.attendance.map_or_else(
                                || "attendance not known".to_owned(),
                                |a| format!("{a} attended"),
                            ),
                        )
                        .weak(),
                    );
                    ui.add(egui::Label::new(&f.title).truncate());
                });
            });
        }
        let Self { event: open_event, error: tab_error, .. } = self;
        match open_event {
            None => {
                if ui.button("➕ New event").clicked() {
                    *open_event = Some(EventForm {
                        id: None,
                        kind: EventKind::Workshop,
                        title: String::new(),
                        held_on: view.today.to_string(),
                        attendance: String::new(),
                    });
                }
            }
            Some(form) => {
                let error = tab_error.as_ref().filter(|(o, _)| *o == EVENT).map(|(_, m)| m.clone());
                let mut close = false;
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    choice_row(ui, "Kind", "event_kind", &mut form.kind);
                    widgets::text_row(ui, "Event", &mut form.title, LINE_MAX_CHARS);
                    date_row(ui, "Date", "event_date", &mut form.held_on, view.today);
                    widgets::form_row(ui, "Attendance", |ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut form.attendance)
                                .hint_text("people")
                                .desired_width(80.0),
                        );
                    });
                    let FormButtons { save, cancel, .. } = bw::form_buttons(
                        ui,
                        if form.id.is_some() { "Save event" } else { "Add event" },
                        error.as_deref(),
                        false,
                    );
                    if save {
                        match form.command(initiative) {
                            Ok(command) => {
                                *tab_error = None;
                                outbox.send(EVENT, command);
                            }
                            Err(message) => *tab_error = Some((EVENT, message)),
                        }
                    }
                    close = cancel;
                });
                if close {
                    *open_event = None;
                }
            }
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let business = &view.business;
        let error = self.error_for(INITIATIVE).map(str::to_owned);
        let Some((form, _)) = &mut self.form else { return };
        let f = &mut form.fields;
        widgets::text_row(ui, "Title", &mut f.title, LINE_MAX_CHARS);
        widgets::text_area(ui, "Thesis", &mut f.thesis, TEXT_MAX_CHARS, 3);
        widgets::text_row(ui, "Segment or industry", &mut f.target, LINE_MAX_CHARS);
        widgets::text_row(ui, "Solution play", &mut f.play, LINE_MAX_CHARS);
        choice_row(ui, "Status", "initiative_status", &mut f.status);
        widgets::text_row(ui, "Next step", &mut f.next_step, LINE_MAX_CHARS);
        date_row(ui, "Next step date", "initiative_next", &mut form.next_step_on, view.today);
        let accounts: Vec<(AccountId, String)> =
            business.accounts.iter().map(|a| (a.account.id, a.account.fields.name.clone())).collect();
        pick_many(ui, "initiative_accounts", "Accounts engaged", &mut f.accounts, &accounts);
        let people: Vec<(ArchitectId, String)> = view
            .architects
            .iter()
            .filter(|a| a.fields.status != crate::model::Status::Left || f.architects.contains(&a.id))
            .map(|a| (a.id, a.name().to_owned()))
            .collect();
        pick_many(ui, "initiative_architects", "Architects", &mut f.architects, &people);
        let opportunities: Vec<(OpportunityId, String)> = business
            .opportunities
            .iter()
            .map(|o| (o.id, format!("{} ({})", o.fields.title, business.account_name(o.fields.account))))
            .collect();
        pick_many(
            ui,
            "initiative_opportunities",
            "Opportunities influenced",
            &mut f.opportunities,
            &opportunities,
        );
        let label = if form.id.is_some() { "Save" } else { "Add initiative" };
        let FormButtons { save, cancel, delete } =
            bw::form_buttons(ui, label, error.as_deref(), form.id.is_some());
        if save {
            match form.command() {
                Ok(command) => {
                    self.error = None;
                    outbox.send(INITIATIVE, command);
                }
                Err(message) => self.error = Some((INITIATIVE, message)),
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
        let Some(initiative) = view.business.initiative(id) else {
            self.confirm_delete = None;
            return;
        };
        let title = format!("Delete “{}”?", initiative.fields.title);
        match bw::confirm_delete(
            ui.ctx(),
            "initiative",
            &title,
            "Its events go with it; Undo brings them back. To keep its history, mark it dropped instead.",
        ) {
            Some(true) => {
                outbox.send(DELETE, Command::Business(BusinessCommand::DeleteInitiative(id)));
                self.confirm_delete = None;
            }
            Some(false) => self.confirm_delete = None,
            None => {}
        }
    }
}
