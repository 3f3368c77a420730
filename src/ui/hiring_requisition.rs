//! A requisition's page: what it is for and where it stands (edit, hold, cancel with a reason,
//! reopen), then its candidates, interview plan, debrief and slate reports, one tab each.

use chrono::NaiveDate;
use egui::RichText;

use super::architect_editor::{date_text, named_date_input};
use super::hiring::status_tone;
use super::hiring_candidate::CandidatesTab;
use super::hiring_plan::{DebriefTab, PlanTab, SlatesTab};
use super::{Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::lists::name_of;
use crate::model::requisition::{OPENING_ID_MAX_CHARS, RequisitionFields, RequisitionStatus};
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::model::{ArchitectId, CandidateId, ListItem, ListItemId, RequisitionId, Status};
use crate::session::{Command, HiringCommand, Origin, Outbox, ViewModel};

const EDIT: Origin = Origin::new("hiring: edit requisition");
const STATUS: Origin = Origin::new("hiring: requisition status");
const DELETE: Origin = Origin::new("hiring: delete requisition");

/// A requisition being opened or edited, as typed.
pub struct RequisitionForm {
    fields: RequisitionFields,
    opened_on: String,
    target_start_on: String,
    pub error: Option<String>,
}

impl RequisitionForm {
    pub fn new(today: NaiveDate) -> Self {
        Self {
            fields: RequisitionFields { opened_on: today, ..RequisitionFields::default() },
            opened_on: today.to_string(),
            target_start_on: String::new(),
            error: None,
        }
    }

    pub fn edit(fields: &RequisitionFields) -> Self {
        Self {
            fields: fields.clone(),
            opened_on: fields.opened_on.to_string(),
            target_start_on: date_text(fields.target_start_on),
            error: None,
        }
    }

    fn checked(&self, today: NaiveDate) -> Result<RequisitionFields, String> {
        let mut fields = self.fields.clone();
        fields.opened_on = text::parse_date("opened", &self.opened_on).map_err(|e| e.to_string())?;
        fields.target_start_on =
            text::parse_optional_date("target start", &self.target_start_on).map_err(|e| e.to_string())?;
        fields.validated(today).map_err(|e| e.to_string())
    }

    /// The fields with Save and Cancel: `Some(Ok(fields))` when saved (checked), `Some(Err(()))`
    /// when cancelled.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        salt: &str,
    ) -> Option<Result<RequisitionFields, ()>> {
        let f = &mut self.fields;
        widgets::text_row(ui, "Role", &mut f.role, NAME_MAX_CHARS);
        widgets::text_row(ui, "Opening id", &mut f.opening_id, OPENING_ID_MAX_CHARS);
        list_combo(ui, "Level", &format!("{salt}_level"), &mut f.level, &view.levels);
        list_combo(ui, "Solution area", &format!("{salt}_area"), &mut f.solution_area, &view.areas);
        widgets::form_row(ui, "Plan assesses", |ui| {
            const MATRIX: &str = "The whole skills matrix";
            let profiles = &view.hiring.profiles;
            let shown = f
                .profile
                .and_then(|id| profiles.iter().find(|p| p.id == id))
                .map_or_else(|| MATRIX.to_owned(), |p| format!("Profile: {}", p.name));
            egui::ComboBox::from_id_salt(format!("{salt}_profile"))
                .selected_text(shown)
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.profile, None, MATRIX);
                    for profile in profiles {
                        ui.selectable_value(
                            &mut f.profile,
                            Some(profile.id),
                            format!("Profile: {}", profile.name),
                        );
                    }
                });
        });
        widgets::form_row(ui, "Opened", |ui| {
            named_date_input(ui, &format!("{salt}_opened"), Some("Opened"), &mut self.opened_on, view.today);
        });
        widgets::form_row(ui, "Target start", |ui| {
            named_date_input(
                ui,
                &format!("{salt}_target"),
                Some("Target start"),
                &mut self.target_start_on,
                view.today,
            );
        });
        widgets::form_row(ui, "Backfill for", |ui| {
            let shown = f
                .backfill_for
                .and_then(|id| view.architect(id))
                .map_or_else(|| "Nobody: a new position".to_owned(), |a| a.fields.name.clone());
            egui::ComboBox::from_id_salt(format!("{salt}_backfill"))
                .selected_text(shown)
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.backfill_for, None, "Nobody: a new position");
                    // Those who left first: a backfill replaces someone who moved on.
                    let mut people: Vec<_> = view.architects.iter().collect();
                    people.sort_by_key(|a| a.fields.status != Status::Left);
                    for architect in people {
                        let label = if architect.fields.status == Status::Left {
                            format!("{} (left)", architect.fields.name)
                        } else {
                            architect.fields.name.clone()
                        };
                        ui.selectable_value(&mut f.backfill_for, Some(architect.id), label);
                    }
                });
        });
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        let mut result = None;
        ui.horizontal(|ui| {
            if ui.add(theme::primary_button(ui, "Save requisition")).clicked() {
                match self.checked(view.today) {
                    Ok(fields) => {
                        self.error = None;
                        result = Some(Ok(fields));
                    }
                    Err(message) => self.error = Some(message),
                }
            }
            if ui.button("Cancel").clicked() {
                result = Some(Err(()));
            }
        });
        result
    }
}

/// A combo box over an editable list, with "not set".
pub fn list_combo(
    ui: &mut egui::Ui,
    label: &str,
    id: &str,
    value: &mut Option<ListItemId>,
    items: &[ListItem],
) {
    widgets::form_row(ui, label, |ui| {
        let shown = match name_of(items, *value) {
            "" => "Not set",
            name => name,
        };
        egui::ComboBox::from_id_salt(id).selected_text(shown).width(ui.available_width()).show_ui(ui, |ui| {
            ui.selectable_value(value, None, "Not set");
            for item in items {
                ui.selectable_value(value, Some(item.id), &item.name);
            }
        });
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum PageTab {
    #[default]
    Candidates,
    Plan,
    Debrief,
    Slates,
}

/// A status change being asked: on hold or cancelled, with its day and reason.
struct StatusForm {
    status: RequisitionStatus,
    on: String,
    reason: String,
    error: Option<String>,
}

pub struct RequisitionPage {
    pub id: RequisitionId,
    tab: PageTab,
    editing: Option<RequisitionForm>,
    status: Option<StatusForm>,
    confirm_delete: bool,
    error: Option<String>,
    candidates: CandidatesTab,
    plan: PlanTab,
    debrief: DebriefTab,
    slates: SlatesTab,
}

impl RequisitionPage {
    pub fn new(id: RequisitionId) -> Self {
        Self {
            id,
            tab: PageTab::Candidates,
            editing: None,
            status: None,
            confirm_delete: false,
            error: None,
            candidates: CandidatesTab::default(),
            plan: PlanTab::default(),
            debrief: DebriefTab::default(),
            slates: SlatesTab::default(),
        }
    }

    pub fn select_candidate(&mut self, candidate: Option<CandidateId>) {
        self.tab = PageTab::Candidates;
        self.candidates.select(candidate);
    }

    fn take_answers(&mut self, shell: &mut Shell) -> bool {
        let key = self.id.0;
        if let Some(answer) = shell.answer(EDIT.with_key(key)) {
            match answer {
                Ok(_) => self.editing = None,
                Err(message) => {
                    if let Some(form) = &mut self.editing {
                        form.error = Some(message);
                    }
                }
            }
        }
        if let Some(answer) = shell.answer(STATUS.with_key(key)) {
            match answer {
                Ok(_) => self.status = None,
                Err(message) => match &mut self.status {
                    Some(form) => form.error = Some(message),
                    None => self.error = Some(message),
                },
            }
        }
        if let Some(answer) = shell.answer(DELETE.with_key(key)) {
            match answer {
                Ok(_) => return true,
                Err(message) => self.error = Some(message),
            }
        }
        false
    }

    /// Draws the page. Returns whether to close it, and the architect a hire created.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) -> (bool, Option<ArchitectId>) {
        if self.take_answers(shell) {
            return (true, None);
        }
        let mut close = false;
        if ui.button("◀ All requisitions").clicked() {
            close = true;
        }
        let (Some(row), Some(detail)) = (view.hiring.row(self.id), view.hiring.detail(self.id)) else {
            if view.hiring.row(self.id).is_none() {
                widgets::empty_state(ui, "This requisition is gone", "It was deleted.");
            } else {
                ui.label(RichText::new("Loading…").weak());
            }
            return (close, None);
        };
        let requisition = &row.requisition;
        ui.horizontal(|ui| {
            ui.add(egui::Label::new(RichText::new(requisition.title()).heading()).truncate());
            widgets::status_badge(ui, requisition.status.label(), status_tone(requisition.status));
        });
        let mut parts: Vec<String> = Vec::new();
        for part in [
            name_of(&view.levels, requisition.fields.level),
            name_of(&view.areas, requisition.fields.solution_area),
        ] {
            if !part.is_empty() {
                parts.push(part.to_owned());
            }
        }
        parts.push(format!("opened {} ({} days)", requisition.fields.opened_on, row.days_open));
        if let Some(start) = requisition.fields.target_start_on {
            parts.push(format!("target start {start}"));
        }
        if let Some(name) = &row.backfill_name {
            parts.push(format!("backfills {name}"));
        }
        match (&row.filled_by, requisition.closed_on) {
            (Some(name), Some(on)) => parts.push(format!("filled by {name} on {on}")),
            (None, Some(on)) => parts.push(format!("closed {on}")),
            _ => {}
        }
        ui.add(egui::Label::new(RichText::new(parts.join(" · ")).weak()).wrap());
        if !requisition.status_reason.is_empty() {
            ui.label(RichText::new(format!("Reason: {}", requisition.status_reason)).italics());
        }
        self.actions_ui(ui, view, row.candidates, requisition.status, outbox);
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            let plan_title = if detail.coverage.is_complete() {
                "Interview plan".to_owned()
            } else {
                "Interview plan ⚠".to_owned()
            };
            for (tab, title) in [
                (PageTab::Candidates, format!("Candidates ({})", detail.candidates.len())),
                (PageTab::Plan, plan_title),
                (PageTab::Debrief, "Debrief".to_owned()),
                (PageTab::Slates, "Slate & panel".to_owned()),
            ] {
                if ui.add(egui::Button::selectable(self.tab == tab, title)).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        let mut hired = None;
        match self.tab {
            PageTab::Candidates => hired = self.candidates.ui(ui, view, row, detail, shell, outbox),
            PageTab::Plan => self.plan.ui(ui, view, self.id, detail, &mut shell.inbox, outbox),
            PageTab::Debrief => self.debrief.ui(ui, view, detail),
            PageTab::Slates => self.slates.ui(ui, view, self.id, detail, &mut shell.inbox, outbox),
        }
        (close, hired)
    }

    fn actions_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        candidates: usize,
        status: RequisitionStatus,
        outbox: &mut Outbox,
    ) {
        let key = self.id.0;
        let Some(row) = view.hiring.row(self.id) else { return };
        ui.horizontal(|ui| {
            if ui.add_enabled(self.editing.is_none(), egui::Button::new("✏ Edit")).clicked() {
                self.editing = Some(RequisitionForm::edit(&row.requisition.fields));
            }
            let mut ask = |ui: &mut egui::Ui, label: &str, to: RequisitionStatus| {
                if ui.button(label).clicked() {
                    self.status = Some(StatusForm {
                        status: to,
                        on: view.today.to_string(),
                        reason: String::new(),
                        error: None,
                    });
                }
            };
            match status {
                RequisitionStatus::Open => {
                    ask(ui, "Put on hold…", RequisitionStatus::OnHold);
                    ask(ui, "Cancel requisition…", RequisitionStatus::Cancelled);
                }
                RequisitionStatus::OnHold => {
                    ask(ui, "Cancel requisition…", RequisitionStatus::Cancelled);
                }
                RequisitionStatus::Filled | RequisitionStatus::Cancelled => {}
            }
            if matches!(status, RequisitionStatus::OnHold | RequisitionStatus::Cancelled)
                && ui.button("Reopen").clicked()
            {
                let command = HiringCommand::SetRequisitionStatus {
                    id: self.id,
                    status: RequisitionStatus::Open,
                    on: view.today,
                    reason: String::new(),
                };
                outbox.send(STATUS.with_key(key), Command::Hiring(command));
            }
            if candidates == 0 {
                if self.confirm_delete {
                    let delete =
                        egui::Button::new(RichText::new("Delete for good").color(theme::error_color(ui)));
                    if ui.add(delete).clicked() {
                        outbox.send(
                            DELETE.with_key(key),
                            Command::Hiring(HiringCommand::DeleteRequisition(self.id)),
                        );
                    }
                    if ui.button("Keep it").clicked() {
                        self.confirm_delete = false;
                    }
                } else if ui.button("Delete…").on_hover_text("Only while it has no candidates").clicked() {
                    self.confirm_delete = true;
                }
            }
        });
        if let Some(form) = &mut self.editing {
            let mut outcome = None;
            theme::card_frame(ui).show(ui, |ui| outcome = form.ui(ui, view, "edit_requisition"));
            match outcome {
                Some(Ok(fields)) => {
                    outbox.send(
                        EDIT.with_key(key),
                        Command::Hiring(HiringCommand::UpdateRequisition { id: self.id, fields }),
                    );
                }
                Some(Err(())) => self.editing = None,
                None => {}
            }
        }
        let mut close_status = false;
        if let Some(form) = &mut self.status {
            theme::card_frame(ui).show(ui, |ui| {
                let title = match form.status {
                    RequisitionStatus::OnHold => "Put the requisition on hold",
                    _ => "Cancel the requisition",
                };
                ui.label(RichText::new(title).strong());
                widgets::form_row(ui, "On", |ui| {
                    named_date_input(ui, "status_on", Some("Status date"), &mut form.on, view.today);
                });
                widgets::text_row(ui, "Reason", &mut form.reason, text::LINE_MAX_CHARS);
                if let Some(error) = &form.error {
                    widgets::error_label(ui, error);
                }
                ui.horizontal(|ui| {
                    if ui.add(theme::primary_button(ui, "Change status")).clicked() {
                        match text::parse_date("date", &form.on) {
                            Ok(on) => {
                                let command = HiringCommand::SetRequisitionStatus {
                                    id: self.id,
                                    status: form.status,
                                    on,
                                    reason: form.reason.clone(),
                                };
                                outbox.send(STATUS.with_key(key), Command::Hiring(command));
                            }
                            Err(error) => form.error = Some(error.to_string()),
                        }
                    }
                    if ui.button("Keep it as it is").clicked() {
                        close_status = true;
                    }
                });
            });
        }
        if close_status {
            self.status = None;
        }
    }
}
