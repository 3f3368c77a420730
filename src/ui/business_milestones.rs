//! A win's milestones on the "Wins & plans" tab: each with its state, owner, due date, expected
//! ACR, commitment and last evidence; the form to add or edit one (a milestone is committed only
//! with an owner, a due date and an expected ACR, and the form says which is missing).

use chrono::NaiveDate;
use egui::RichText;

use super::business_widgets::{self as bw, FormButtons, choice_row, date_row, money_row};
use super::{Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::business::money::{parse_optional_dollars, short_dollars};
use crate::model::business::{Milestone, MilestoneFields, MilestoneState, Opportunity, Owner};
use crate::model::text::{self, LINE_MAX_CHARS, NAME_MAX_CHARS, TEXT_MAX_CHARS};
use crate::model::{ArchitectId, MilestoneId};
use crate::session::{BusinessCommand, Command, Origin, Outbox, ViewModel};

/// The milestone form (new or edit) and a milestone's 🗑.
const MILESTONE: Origin = Origin::new("business: milestone");
const DELETE: Origin = Origin::new("business: delete milestone");

/// Who owns it, as chosen in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OwnerKind {
    Nobody,
    Architect,
    Partner,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct MilestoneForm {
    id: Option<MilestoneId>,
    workload: String,
    owner_kind: OwnerKind,
    architect: Option<ArchitectId>,
    partner: String,
    due_on: String,
    expected_acr: String,
    committed: bool,
    state: MilestoneState,
    evidence: String,
    evidence_on: String,
    crm_id: String,
}

impl MilestoneForm {
    fn new() -> Self {
        Self {
            id: None,
            workload: String::new(),
            owner_kind: OwnerKind::Nobody,
            architect: None,
            partner: String::new(),
            due_on: String::new(),
            expected_acr: String::new(),
            committed: false,
            state: MilestoneState::OnTrack,
            evidence: String::new(),
            evidence_on: String::new(),
            crm_id: String::new(),
        }
    }

    fn of(m: &Milestone) -> Self {
        let f = &m.fields;
        let (owner_kind, architect, partner) = match &f.owner {
            Owner::Nobody => (OwnerKind::Nobody, None, String::new()),
            Owner::Architect(id) => (OwnerKind::Architect, Some(*id), String::new()),
            Owner::Partner(name) => (OwnerKind::Partner, None, name.clone()),
        };
        Self {
            id: Some(m.id),
            workload: f.workload.clone(),
            owner_kind,
            architect,
            partner,
            due_on: bw::date_cell(f.due_on),
            expected_acr: f.expected_acr.map(|a| a.to_string()).unwrap_or_default(),
            committed: f.committed,
            state: f.state,
            evidence: f.evidence.clone(),
            evidence_on: bw::date_cell(f.evidence_on),
            crm_id: f.crm_id.clone(),
        }
    }

    fn fields(&self, today: NaiveDate, won_on: Option<NaiveDate>) -> Result<MilestoneFields, String> {
        let owner = match self.owner_kind {
            OwnerKind::Nobody => Owner::Nobody,
            OwnerKind::Architect => self.architect.map_or(Owner::Nobody, Owner::Architect),
            OwnerKind::Partner => Owner::Partner(self.partner.clone()),
        };
        let fields = MilestoneFields {
            workload: self.workload.clone(),
            owner,
            due_on: text::parse_optional_date("due date", &self.due_on).map_err(|e| e.to_string())?,
            expected_acr: parse_optional_dollars("expected ACR", &self.expected_acr)
                .map_err(|e| e.to_string())?,
            committed: self.committed,
            state: self.state,
            evidence: self.evidence.clone(),
            evidence_on: text::parse_optional_date("evidence date", &self.evidence_on)
                .map_err(|e| e.to_string())?,
            crm_id: self.crm_id.clone(),
        };
        fields.validated(today, won_on).map_err(|e| e.to_string())
    }
}

#[derive(Default)]
pub struct MilestonesSection {
    form: Option<MilestoneForm>,
    error: Option<String>,
}

impl MilestonesSection {
    pub fn take_answers(&mut self, shell: &mut Shell) {
        match shell.answer(MILESTONE) {
            Some(Ok(_)) => {
                self.form = None;
                self.error = None;
            }
            Some(Err(message)) => self.error = Some(message),
            None => {}
        }
        while let Some((_, answer)) = shell.inbox.take_named(DELETE.name) {
            if let Err(message) = answer {
                shell.toasts.error(message);
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, win: &Opportunity, outbox: &mut Outbox) {
        let milestones: Vec<&Milestone> = view.business.milestones_of(win.id).collect();
        theme::section_title(ui, &format!("Milestones ({})", milestones.len()));
        if milestones.is_empty() && self.form.is_none() {
            ui.label(
                RichText::new("No milestones yet: add the workloads the customer will take live, with who delivers them and when.")
                    .weak(),
            );
        }
        for m in &milestones {
            self.row_ui(ui, view, m, outbox);
        }
        ui.add_space(theme::SPACE_S);
        if self.form.is_some() {
            self.form_ui(ui, view, win, outbox);
        } else if ui.button("➕ New milestone").clicked() {
            self.form = Some(MilestoneForm::new());
            self.error = None;
        }
    }

    fn row_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, m: &Milestone, outbox: &mut Outbox) {
        let f = &m.fields;
        let editing = self.form.as_ref().is_some_and(|form| form.id == Some(m.id));
        let fill = if editing {
            ui.visuals().selection.bg_fill.gamma_multiply(0.4)
        } else {
            egui::Color32::TRANSPARENT
        };
        egui::Frame::NONE.fill(fill).corner_radius(4.0).inner_margin(egui::Margin::symmetric(4, 2)).show(
            ui,
            |ui| {
                ui.horizontal(|ui| {
                    widgets::pill(ui, f.state.label(), bw::state_color(ui, f.state));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .small_button("🗑")
                            .accessible_name(format!("Delete {}", f.workload))
                            .on_hover_text("Delete (Ctrl+Z brings it back)")
                            .clicked()
                        {
                            outbox.send(
                                DELETE.with_key(m.id.0),
                                Command::Business(BusinessCommand::DeleteMilestone(m.id)),
                            );
                        }
                        if ui
                            .small_button("✏")
                            .accessible_name(format!("Edit {}", f.workload))
                            .on_hover_text("Edit")
                            .clicked()
                        {
                            self.form = Some(MilestoneForm::of(m));
                            self.error = None;
                        }
                        if f.committed {
                            widgets::pill(ui, "committed", theme::ok_color(ui));
                        }
                        ui.allocate_ui_with_layout(
                            egui::vec2(ui.available_width(), ui.spacing().interact_size.y),
                            egui::Layout::left_to_right(egui::Align::Center),
                            |ui| {
                                ui.add(egui::Label::new(RichText::new(&f.workload).strong()).truncate())
                                    .on_hover_text(&f.workload);
                            },
                        );
                    });
                });
                let owner = match &f.owner {
                    Owner::Nobody => "no owner".to_owned(),
                    Owner::Architect(id) => {
                        view.architect(*id).map_or_else(|| "?".to_owned(), |a| a.name().to_owned())
                    }
                    Owner::Partner(name) => format!("{name} (partner)"),
                };
                let due = f.due_on.map_or_else(|| "no due date".to_owned(), |d| format!("due {d}"));
                let acr = f
                    .expected_acr
                    .map_or_else(|| "no expected ACR".to_owned(), |a| format!("{}/month", short_dollars(a)));
                let evidence = match (&f.evidence_on, f.evidence.is_empty()) {
                    (Some(day), false) => format!("evidence {day}: {}", f.evidence),
                    _ => "no evidence yet".to_owned(),
                };
                let stale = crate::model::business::MilestoneFacts::of(
                    m,
                    crate::model::business::OpportunityStatus::Won,
                )
                .is_stale_commitment(view.today);
                let line = format!("{owner} · {due} · {acr} · {evidence}");
                let color = if stale { theme::warn_color(ui) } else { ui.visuals().weak_text_color() };
                let detail = ui.add(egui::Label::new(RichText::new(line).small().color(color)).truncate());
                if stale {
                    detail.on_hover_text(
                        "Committed and due within 30 days, with no evidence for 14 days: ask for an update",
                    );
                }
            },
        );
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, win: &Opportunity, outbox: &mut Outbox) {
        let Self { form: open_form, error } = self;
        let Some(form) = open_form.as_mut() else { return };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(if form.id.is_some() { "Edit milestone" } else { "New milestone" }).strong(),
            );
            widgets::text_row(ui, "Workload", &mut form.workload, LINE_MAX_CHARS);
            widgets::form_row(ui, "Owner", |ui| {
                ui.selectable_value(&mut form.owner_kind, OwnerKind::Nobody, "Nobody yet");
                ui.selectable_value(&mut form.owner_kind, OwnerKind::Architect, "Architect");
                ui.selectable_value(&mut form.owner_kind, OwnerKind::Partner, "Partner");
            });
            match form.owner_kind {
                OwnerKind::Nobody => {}
                OwnerKind::Architect => widgets::form_row(ui, "Architect", |ui| {
                    let shown =
                        form.architect.and_then(|id| view.architect(id)).map_or("Choose…", |a| a.name());
                    egui::ComboBox::from_id_salt("milestone_architect")
                        .selected_text(shown)
                        .width(ui.available_width().min(240.0))
                        .show_ui(ui, |ui| {
                            for a in view
                                .architects
                                .iter()
                                .filter(|a| a.fields.status != crate::model::Status::Left)
                            {
                                ui.selectable_value(&mut form.architect, Some(a.id), a.name());
                            }
                        });
                }),
                OwnerKind::Partner => {
                    widgets::text_row(ui, "Partner", &mut form.partner, NAME_MAX_CHARS);
                }
            }
            date_row(ui, "Due", "milestone_due", &mut form.due_on, view.today);
            money_row(ui, "Expected ACR", &mut form.expected_acr);
            choice_row(ui, "State", "milestone_state", &mut form.state);
            widgets::form_row(ui, "Committed", |ui| {
                ui.checkbox(&mut form.committed, "Committed to the customer")
                    .on_hover_text("Needs an owner, a due date and an expected ACR");
            });
            widgets::text_area(ui, "Last evidence", &mut form.evidence, TEXT_MAX_CHARS, 2);
            ui.horizontal(|ui| {
                date_row(ui, "Evidence date", "milestone_evidence_on", &mut form.evidence_on, view.today);
                if form.evidence_on != view.today.to_string() && ui.small_button("Today").clicked() {
                    form.evidence_on = view.today.to_string();
                }
            });
            widgets::text_row(ui, "CRM id", &mut form.crm_id, LINE_MAX_CHARS);
            let label = if form.id.is_some() { "Save milestone" } else { "Add milestone" };
            let FormButtons { save, cancel, .. } = bw::form_buttons(ui, label, error.as_deref(), false);
            if save {
                match form.fields(view.today, win.fields.closed_on) {
                    Ok(fields) => {
                        let command = match form.id {
                            Some(id) => BusinessCommand::UpdateMilestone { id, fields },
                            None => BusinessCommand::AddMilestone { win: win.id, fields },
                        };
                        *error = None;
                        outbox.send(MILESTONE, Command::Business(command));
                    }
                    Err(message) => *error = Some(message),
                }
            }
            close = cancel;
        });
        if close {
            *open_form = None;
            *error = None;
        }
    }
}
