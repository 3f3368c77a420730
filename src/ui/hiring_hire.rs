//! "Hire…": one form that brings a candidate onto the team: the architect's name, level, area
//! and start date, the day the offer was accepted, a buddy, and the onboarding plan from the
//! 30-60-90 template, adjusted before it is sent. One command, all or nothing.

use chrono::{Days, NaiveDate};
use egui::RichText;

use super::architect_editor::named_date_input;
use super::hiring_requisition::list_combo;
use super::{Shell, theme, widgets};
use crate::model::candidate::Candidate;
use crate::model::goal::GoalKind;
use crate::model::lists::next_level;
use crate::model::onboarding::Hire;
use crate::model::onboarding::{BUDDY_PLACEHOLDER, ITEM_DAY_MAX, ItemFields, ItemKind, START_MAX_DAYS_AHEAD};
use crate::model::text::{self, LINE_MAX_CHARS, NAME_MAX_CHARS};
use crate::model::{ArchitectFields, ArchitectId, Cadence, CandidateId, Status};
use crate::session::hiring_view::RequisitionRow;
use crate::session::{Command, Done, HiringCommand, Origin, Outbox, ViewModel};

const HIRE: Origin = Origin::new("hiring: hire");

/// Days from today a start defaults to when the requisition's target start is past or out of reach.
const DEFAULT_START_DAYS: u64 = 14;

pub struct HireForm {
    candidate: CandidateId,
    fields: ArchitectFields,
    started_on: String,
    hired_on: String,
    buddy: Option<ArchitectId>,
    /// The template's items, each with whether it is in this plan.
    items: Vec<(bool, ItemFields)>,
    pub error: Option<String>,
    /// Why the start date is not the requisition's target start (too far ahead), if it is not.
    start_note: Option<String>,
    sent: bool,
    /// Just opened: bring it into view once.
    scroll: bool,
}

impl HireForm {
    pub fn new(view: &ViewModel, row: &RequisitionRow, candidate: &Candidate) -> Self {
        let requisition = &row.requisition.fields;
        let reach = view.today.checked_add_days(Days::new(START_MAX_DAYS_AHEAD)).unwrap_or(view.today);
        let start =
            requisition.target_start_on.filter(|d| *d >= view.today && *d <= reach).unwrap_or_else(|| {
                view.today.checked_add_days(Days::new(DEFAULT_START_DAYS)).unwrap_or(view.today)
            });
        // A target start that cannot be the start (past, or too far out) is not proposed: say
        // so, so the date shown is checked rather than taken for the real one.
        let start_note = requisition
            .target_start_on
            .filter(|d| *d != start)
            .map(|target| format!("The requisition's target start was {target}: enter the real start date."));
        let fields = ArchitectFields {
            name: candidate.fields.name.clone(),
            title: requisition.role.split(',').next().unwrap_or_default().trim().to_owned(),
            level: requisition.level,
            solution_area: requisition.solution_area,
            target_level: next_level(&view.levels, requisition.level),
            cadence: Cadence::Weekly,
            ..ArchitectFields::default()
        };
        Self {
            candidate: candidate.id,
            fields,
            started_on: start.to_string(),
            hired_on: view.today.to_string(),
            buddy: None,
            items: view.hiring.template.iter().map(|item| (true, item.fields.clone())).collect(),
            error: None,
            start_note,
            sent: false,
            scroll: true,
        }
    }

    /// The answer to the hire: the new architect, or the refusal to show.
    pub fn take_answer(&mut self, shell: &mut Shell) -> Option<Result<Option<ArchitectId>, String>> {
        let answer = shell.answer(HIRE.with_key(self.candidate.0))?;
        self.sent = false;
        Some(match answer {
            Ok(Done::Hiring(done)) => Ok(done.architect),
            Ok(_) => Ok(None),
            Err(message) => Err(message),
        })
    }

    fn checked(&self) -> Result<Hire, String> {
        let mut architect = self.fields.clone();
        architect.started_on =
            Some(text::parse_date("start date", &self.started_on).map_err(|e| e.to_string())?);
        let hired_on = text::parse_date("offer accepted", &self.hired_on).map_err(|e| e.to_string())?;
        Ok(Hire {
            candidate: self.candidate,
            hired_on,
            architect,
            buddy: self.buddy,
            items: self.items.iter().filter(|(keep, _)| *keep).map(|(_, item)| item.clone()).collect(),
        })
    }

    /// Draws the form; true when it is cancelled.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) -> bool {
        let mut cancel = false;
        if std::mem::take(&mut self.scroll) {
            ui.scroll_to_cursor(Some(egui::Align::TOP));
        }
        theme::card_frame(ui).show(ui, |ui| {
            // The action first, so it is in view on a laptop screen whatever the plan's length.
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("Hire {} onto the team", self.fields.name)).strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                    if ui.add_enabled(!self.sent, theme::primary_button(ui, "Hire and add to the team")).clicked() {
                        match self.checked() {
                            Ok(hire) => {
                                self.error = None;
                                self.sent = true;
                                let command = Command::Hiring(HiringCommand::Hire(Box::new(hire)));
                                outbox.send(HIRE.with_key(self.candidate.0), command);
                            }
                            Err(message) => self.error = Some(message),
                        }
                    }
                });
            });
            if let Some(error) = &self.error {
                widgets::error_label(ui, error);
            }
            ui.label(
                RichText::new(
                    "Adds the architect with a weekly one-on-one from the first day, the plan's goals in their \
                     development plan and its talking points on the first one-on-one's agenda.",
                )
                .weak(),
            );
            ui.columns(2, |columns| {
                let ui = &mut columns[0];
                widgets::text_row(ui, "Name", &mut self.fields.name, NAME_MAX_CHARS);
                widgets::text_row(ui, "Title", &mut self.fields.title, NAME_MAX_CHARS);
                widgets::text_row(ui, "E-mail", &mut self.fields.email, LINE_MAX_CHARS);
                list_combo(ui, "Level", "hire_level", &mut self.fields.level, &view.levels);
                list_combo(ui, "Solution area", "hire_area", &mut self.fields.solution_area, &view.areas);
                let ui = &mut columns[1];
                widgets::form_row(ui, "Offer accepted", |ui| {
                    named_date_input(ui, "hired_on", Some("Offer accepted"), &mut self.hired_on, view.today);
                });
                widgets::form_row(ui, "Start date", |ui| {
                    named_date_input(ui, "hire_start", Some("Start date"), &mut self.started_on, view.today);
                });
                if let Some(note) = &self.start_note {
                    ui.label(RichText::new(note).small().color(theme::warn_color(ui)));
                }
                widgets::form_row(ui, "Buddy", |ui| {
                    let shown = self
                        .buddy
                        .and_then(|id| view.architect(id))
                        .map_or_else(|| "No buddy".to_owned(), |a| a.fields.name.clone());
                    egui::ComboBox::from_id_salt("hire_buddy").selected_text(shown).width(ui.available_width()).show_ui(
                        ui,
                        |ui| {
                            ui.selectable_value(&mut self.buddy, None, "No buddy");
                            for architect in view.architects.iter().filter(|a| a.fields.status == Status::Active) {
                                ui.selectable_value(&mut self.buddy, Some(architect.id), &architect.fields.name);
                            }
                        },
                    );
                });
            });
            ui.add_space(theme::SPACE_S);
            theme::section_title(ui, "Onboarding plan (30-60-90)");
            let start = text::parse_date("start", &self.started_on).ok();
            let buddy = self.buddy.and_then(|id| view.architect(id)).map(|a| a.fields.name.as_str());
            ui.label(RichText::new(format!("{BUDDY_PLACEHOLDER} becomes the buddy's name.")).weak().small());
            // A grid, so goals and talking points line their text up whatever the day column holds.
            egui::Grid::new("hire_plan").num_columns(4).spacing([theme::SPACE_S, theme::SPACE_S]).show(ui, |ui| {
                for (index, (keep, item)) in self.items.iter_mut().enumerate() {
                    ui.checkbox(keep, "").on_hover_text("In this hire's plan");
                    match item.kind {
                        ItemKind::Goal => {
                            ui.add(egui::DragValue::new(&mut item.day).range(0..=ITEM_DAY_MAX).prefix("day "))
                                .on_hover_text(start.map_or_else(String::new, |s| format!("due {}", due(s, item.day))));
                            ui.label(RichText::new(goal_kind_short(item.goal_kind)).weak().small());
                        }
                        ItemKind::TalkingPoint => {
                            ui.label("");
                            ui.label(RichText::new("first one-on-one").weak().small());
                        }
                    }
                    ui.add(
                        egui::TextEdit::singleline(&mut item.text)
                            .desired_width(f32::INFINITY)
                            .id_salt(("plan_item", index)),
                    )
                    .on_hover_text(item.text_for(buddy));
                    ui.end_row();
                }
            });
        });
        cancel
    }
}

fn due(start: NaiveDate, day: u16) -> NaiveDate {
    start.checked_add_days(Days::new(u64::from(day))).unwrap_or(start)
}

fn goal_kind_short(kind: GoalKind) -> &'static str {
    match kind {
        GoalKind::Certification => "certification",
        GoalKind::Skill => "skill",
        GoalKind::StretchAssignment => "stretch",
        GoalKind::Leadership => "leadership",
        GoalKind::Evangelism => "evangelism",
        GoalKind::Other => "goal",
    }
}
