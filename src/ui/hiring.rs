//! The Hiring tab of the Team screen: the pipeline (a column per stage, with counts and time in
//! stage), the requisitions, the quarter figures, and a requisition's page when one is open.
//! Candidates due for deletion and scorecards the manager owes are pointed out on top.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::hiring_requisition::{RequisitionForm, RequisitionPage};
use super::{Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::candidate::Stage;
use crate::model::lists::name_of;
use crate::model::requisition::RequisitionStatus;
use crate::model::words::plural;
use crate::model::{ArchitectId, CandidateId, RequisitionId};
use crate::session::{Command, Done, HiringCommand, Origin, Outbox, ViewModel};

/// The new-requisition form.
const NEW_REQUISITION: Origin = Origin::new("hiring: new requisition");
pub use crate::session::hiring_view::now_on;

/// "Delete all N" in the purge list.
const PURGE: Origin = Origin::new("hiring: purge");

/// Width of a pipeline column.
const STAGE_COLUMN_WIDTH: f32 = 200.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Pipeline,
    Requisitions,
    Figures,
}

impl Section {
    const ALL: [Self; 3] = [Self::Pipeline, Self::Requisitions, Self::Figures];

    fn title(self) -> &'static str {
        match self {
            Self::Pipeline => "Pipeline",
            Self::Requisitions => "Requisitions",
            Self::Figures => "Figures",
        }
    }
}

#[derive(Default)]
pub struct HiringState {
    pub section: Section,
    /// The requisition whose page is open.
    pub page: Option<RequisitionPage>,
    new_requisition: Option<RequisitionForm>,
    /// Requisitions shown in the list: `None` is every one.
    status_filter: Option<RequisitionStatus>,
    /// The purge list is open, and "really delete them all?" asked.
    show_purge: bool,
    confirm_purge: bool,
    purge_error: Option<String>,
}

impl HiringState {
    /// Opens a requisition's page (with a candidate selected).
    pub fn open(&mut self, id: RequisitionId, candidate: Option<CandidateId>, shell: &mut Shell) {
        shell.selection.requisition = Some(id);
        let mut page = RequisitionPage::new(id);
        page.select_candidate(candidate);
        self.page = Some(page);
    }

    fn take_answers(&mut self, shell: &mut Shell) {
        if let Some(answer) = shell.answer(NEW_REQUISITION) {
            match answer {
                Ok(Done::Hiring(done)) => {
                    self.new_requisition = None;
                    if let Some(id) = done.requisition {
                        self.open(id, None, shell);
                    }
                }
                Ok(_) => self.new_requisition = None,
                Err(message) => {
                    if let Some(form) = &mut self.new_requisition {
                        form.error = Some(message);
                    }
                }
            }
        }
        if let Some(answer) = shell.answer(PURGE) {
            self.confirm_purge = false;
            match answer {
                Ok(_) => self.purge_error = None,
                Err(message) => self.purge_error = Some(message),
            }
        }
    }

    /// Draws the tab. Returns the architect a hire just created, for the Team screen to open.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) -> Option<ArchitectId> {
        self.take_answers(shell);
        if let Some(page) = &mut self.page {
            let (close, hired) = page.ui(ui, view, shell, outbox);
            if close {
                self.page = None;
                shell.selection.requisition = None;
            }
            return hired;
        }
        ui.horizontal(|ui| {
            for section in Section::ALL {
                ui.selectable_value(&mut self.section, section, section.title());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(self.new_requisition.is_none(), egui::Button::new("➕ New requisition"))
                    .clicked()
                {
                    self.new_requisition = Some(RequisitionForm::new(view.today));
                }
            });
        });
        self.notices_ui(ui, view, shell);
        if let Some(form) = &mut self.new_requisition {
            ui.add_space(theme::SPACE_S);
            let mut outcome = None;
            theme::card_frame(ui).show(ui, |ui| {
                ui.label(RichText::new("New requisition").strong());
                outcome = form.ui(ui, view, "new_requisition");
            });
            match outcome {
                Some(Ok(fields)) => {
                    outbox.send(NEW_REQUISITION, Command::Hiring(HiringCommand::AddRequisition(fields)));
                }
                Some(Err(())) => self.new_requisition = None,
                None => {}
            }
        }
        if self.show_purge {
            self.purge_ui(ui, view, shell, outbox);
        }
        ui.add_space(theme::SPACE_M);
        match self.section {
            Section::Pipeline => self.pipeline_ui(ui, view, shell),
            Section::Requisitions => self.requisitions_ui(ui, view, shell),
            Section::Figures => super::hiring_figures::ui(ui, view),
        }
        None
    }

    /// Scorecards owed and candidates due for deletion, each a line with what to do.
    fn notices_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
        let hiring = &view.hiring;
        let owed = hiring.owed_at(now_on(view.today));
        if !owed.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("✏ You owe {}:", plural(owed.len(), "scorecard")))
                        .color(theme::warn_color(ui)),
                );
                for owed in owed {
                    let text = format!(
                        "{} · {} ({})",
                        owed.candidate_name,
                        owed.step,
                        owed.held_at.format("%a %-d %b")
                    );
                    if ui.link(text).clicked() {
                        self.open(owed.requisition, Some(owed.candidate), shell);
                    }
                }
            });
        }
        if !hiring.purge_due.is_empty() {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!(
                        "🗑 {} past their purge date ({} months after the requisition closed)",
                        plural(hiring.purge_due.len(), "candidate"),
                        hiring.purge_months
                    ))
                    .color(theme::warn_color(ui)),
                );
                let label = if self.show_purge { "Hide" } else { "Review and delete…" };
                if ui.button(label).clicked() {
                    self.show_purge = !self.show_purge;
                    self.confirm_purge = false;
                }
            });
        }
    }

    fn purge_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        let due = &view.hiring.purge_due;
        if due.is_empty() {
            self.show_purge = false;
            return;
        }
        theme::card_frame(ui).show(ui, |ui| {
            ui.label(RichText::new("Candidates past their purge date").strong());
            ui.label(
                RichText::new(
                    "Deleting removes the candidate, their notes, stages and scorecards from the file for good. \
                     Backups taken before keep them until they are rotated out.",
                )
                .weak(),
            );
            for row in due {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&row.name).strong());
                    ui.label(
                        RichText::new(format!(
                            "{} · {} · due since {}",
                            row.requisition_title,
                            row.stage.words(),
                            row.purge_on
                        ))
                        .weak(),
                    );
                    if ui.small_button("Open").clicked() {
                        self.open(row.requisition, Some(row.candidate), shell);
                    }
                });
            }
            if let Some(error) = &self.purge_error {
                widgets::error_label(ui, error);
            }
            ui.horizontal(|ui| {
                if self.confirm_purge {
                    ui.label(RichText::new("Delete them all for good?").color(theme::error_color(ui)));
                    let delete = egui::Button::new(
                        RichText::new(format!("Delete {}", plural(due.len(), "candidate"))).color(theme::error_color(ui)),
                    );
                    if ui.add(delete).clicked() {
                        let ids = due.iter().map(|r| r.candidate).collect();
                        outbox.send(PURGE, Command::Hiring(HiringCommand::DeleteCandidates(ids)));
                    }
                    if ui.button("Keep them").clicked() {
                        self.confirm_purge = false;
                    }
                } else if ui.button(format!("Delete all {}…", due.len())).clicked() {
                    self.confirm_purge = true;
                }
            });
        });
    }

    fn pipeline_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
        let hiring = &view.hiring;
        let looking = hiring.requisitions.iter().filter(|r| !r.requisition.status.is_closed()).count();
        if hiring.requisitions.is_empty() {
            widgets::empty_state(
                ui,
                "No requisitions yet",
                "Open one with “New requisition”: its candidates, interview plan and scorecards live on its page.",
            );
            return;
        }
        let pipeline = &hiring.pipeline;
        let mut summary = vec![
            format!("{} looking", plural(looking, "requisition")),
            format!("{} in the process", plural(pipeline.in_process(), "candidate")),
        ];
        for (stage, count) in &pipeline.outcomes {
            summary.push(format!("{count} {}", stage.words()));
        }
        ui.label(RichText::new(summary.join(" · ")).weak());
        ui.add_space(theme::SPACE_S);
        let mut open = None;
        egui::ScrollArea::both().id_salt("pipeline").auto_shrink([false, false]).show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for column in &pipeline.columns {
                    ui.allocate_ui_with_layout(
                        egui::vec2(STAGE_COLUMN_WIDTH, ui.available_height()),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(STAGE_COLUMN_WIDTH);
                            ui.label(RichText::new(column.stage.label()).strong());
                            let average = column.average_days().map_or_else(String::new, |days| {
                                format!(" · {days:.0} d in stage on average")
                            });
                            ui.label(
                                RichText::new(format!("{}{average}", column.cards.len())).weak().small(),
                            );
                            ui.add_space(theme::SPACE_S);
                            if column.cards.is_empty() {
                                ui.label(RichText::new("Nobody").weak().italics());
                            }
                            for card in &column.cards {
                                let requisition = hiring
                                    .row(card.requisition)
                                    .map(|r| short_title(&r.requisition))
                                    .unwrap_or_default();
                                let response = theme::card_frame(ui)
                                    .show(ui, |ui| {
                                        ui.set_width(STAGE_COLUMN_WIDTH - 26.0);
                                        ui.add(
                                            egui::Label::new(RichText::new(&card.name).strong())
                                                .truncate()
                                                .selectable(false),
                                        );
                                        ui.add(
                                            egui::Label::new(RichText::new(requisition).weak().small())
                                                .truncate()
                                                .selectable(false),
                                        );
                                        ui.label(
                                            RichText::new(format!(
                                                "{} d · since {}",
                                                card.days_in_stage,
                                                card.since.format("%-d %b")
                                            ))
                                            .small()
                                            .color(stage_age_color(ui, card.days_in_stage)),
                                        );
                                    })
                                    .response
                                    .interact(egui::Sense::click())
                                    .on_hover_text("Open the requisition with this candidate");
                                if response.clicked() {
                                    open = Some((card.requisition, card.candidate));
                                }
                                ui.add_space(theme::SPACE_S);
                            }
                        },
                    );
                    ui.separator();
                }
            });
        });
        if let Some((requisition, candidate)) = open {
            self.open(requisition, Some(candidate), shell);
        }
    }

    fn requisitions_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
        ui.horizontal(|ui| {
            ui.label("Show");
            ui.selectable_value(&mut self.status_filter, None, "All");
            for status in RequisitionStatus::ALL {
                ui.selectable_value(&mut self.status_filter, Some(*status), status.label());
            }
        });
        let rows: Vec<_> = view
            .hiring
            .requisitions
            .iter()
            .filter(|r| self.status_filter.is_none_or(|s| s == r.requisition.status))
            .collect();
        if rows.is_empty() {
            widgets::empty_state(
                ui,
                "No requisitions here",
                "Choose another filter, or open a new requisition.",
            );
            return;
        }
        let mut clicked = None;
        TableBuilder::new(ui)
            .id_salt("requisitions")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(120.0).at_least(80.0).clip(true))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::initial(150.0).clip(true))
            .column(Column::exact(90.0))
            .column(Column::exact(80.0))
            .column(Column::exact(95.0))
            .column(Column::exact(90.0))
            .column(Column::initial(150.0).clip(true))
            .header(theme::TABLE_ROW_HEIGHT, |mut header| {
                for title in [
                    "Opening",
                    "Role",
                    "Level",
                    "Opened",
                    "Status",
                    "Candidates",
                    "Days open",
                    "Backfill / hire",
                ] {
                    header.col(|ui| {
                        ui.label(RichText::new(title).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(theme::TABLE_ROW_HEIGHT, rows.len(), |mut row| {
                    let item = rows[row.index()];
                    let r = &item.requisition;
                    row.col(|ui| cell(ui, &r.fields.opening_id));
                    row.col(|ui| {
                        let role =
                            egui::Button::new(RichText::new(&r.fields.role).strong()).frame(false).truncate();
                        if ui.add(role).on_hover_text("Open").clicked() {
                            clicked = Some(r.id);
                        }
                    });
                    row.col(|ui| cell(ui, name_of(&view.levels, r.fields.level)));
                    row.col(|ui| cell(ui, &r.fields.opened_on.to_string()));
                    row.col(|ui| {
                        widgets::status_badge(ui, r.status.label(), status_tone(r.status));
                    });
                    row.col(|ui| cell(ui, &format!("{} / {}", item.in_process, item.candidates)));
                    row.col(|ui| cell(ui, &item.days_open.to_string()));
                    row.col(|ui| {
                        let text = match (&item.filled_by, &item.backfill_name) {
                            (Some(hire), _) => format!("hired {hire}"),
                            (None, Some(left)) => format!("backfills {left}"),
                            (None, None) => String::new(),
                        };
                        cell(ui, &text);
                    });
                    if row.response().clicked() {
                        clicked = Some(r.id);
                    }
                });
            });
        if let Some(id) = clicked {
            self.open(id, None, shell);
        }
    }
}

/// "REQ-2026-0142 · Security" for a small card: the opening id, or the role.
fn short_title(requisition: &crate::model::requisition::Requisition) -> String {
    if requisition.fields.opening_id.is_empty() {
        requisition.fields.role.clone()
    } else {
        format!("{} · {}", requisition.fields.opening_id, requisition.fields.role)
    }
}

fn cell(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(text).truncate().selectable(false));
}

pub fn status_tone(status: RequisitionStatus) -> theme::Tone {
    match status {
        RequisitionStatus::Open => theme::Tone::Ok,
        RequisitionStatus::OnHold => theme::Tone::Warning,
        RequisitionStatus::Filled => theme::Tone::Info,
        RequisitionStatus::Cancelled => theme::Tone::Neutral,
    }
}

/// A candidate's stage, coloured: in the process, hired, or out.
pub fn stage_color(ui: &egui::Ui, stage: Stage) -> egui::Color32 {
    match stage {
        Stage::Hired => theme::ok_color(ui),
        Stage::Declined | Stage::Rejected | Stage::Withdrawn => ui.visuals().weak_text_color(),
        _ => theme::carried_color(ui),
    }
}

/// Weeks in one stage turn amber, a month red: someone is waiting on us.
fn stage_age_color(ui: &egui::Ui, days: i64) -> egui::Color32 {
    match days {
        ..14 => ui.visuals().weak_text_color(),
        14..30 => theme::warn_color(ui),
        _ => theme::error_color(ui),
    }
}
