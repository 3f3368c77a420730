//! The "Scorecard" tab: a fiscal quarter's targets against their actuals (derived from the
//! records where they hold them, typed otherwise), drawn as bars against 100 %, and the
//! operational standards computed from the records: consumption-plan coverage, committed
//! milestones without fresh evidence, one-on-one cadence kept, contacts past their maximum.

use egui::RichText;
use egui_extras::Column;

use super::business_charts;
use super::business_widgets::{self as bw, FormButtons, Sort, TableColumn, cell, choice_row, column};
use super::{Shell, theme, widgets};
use crate::model::MetricId;
use crate::model::business::scorecard::{parse_value, value_input, value_text};
use crate::model::business::{MetricFields, MetricKind, MetricLine, Scorecard};
use crate::model::fiscal::FiscalQuarter;
use crate::model::text::NAME_MAX_CHARS;
use crate::model::words::plural;
use crate::session::{
    BusinessCommand, BusinessDone, BusinessRecord, Command, Done, Origin, Outbox, ViewModel,
};

const METRIC: Origin = Origin::new("business: target");
const DELETE: Origin = Origin::new("business: delete target");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MetricColumn {
    #[default]
    Position,
    Name,
    Target,
    Actual,
    Share,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct MetricForm {
    id: Option<MetricId>,
    quarter: FiscalQuarter,
    kind: MetricKind,
    name: String,
    unit: String,
    target: String,
    actual: String,
}

impl MetricForm {
    fn new(quarter: FiscalQuarter) -> Self {
        Self {
            id: None,
            quarter,
            kind: MetricKind::Acr,
            name: String::new(),
            unit: String::new(),
            target: String::new(),
            actual: String::new(),
        }
    }

    fn of(id: MetricId, fields: &MetricFields) -> Self {
        Self {
            id: Some(id),
            quarter: fields.quarter,
            kind: fields.kind,
            name: fields.name.clone(),
            unit: fields.unit.clone(),
            target: value_input(fields.kind, fields.target),
            actual: fields.actual.map(|a| value_input(fields.kind, a)).unwrap_or_default(),
        }
    }

    fn command(&self) -> Result<Command, String> {
        let target = parse_value(self.kind, "target", &self.target).map_err(|e| e.to_string())?;
        let actual = if self.actual.trim().is_empty() {
            None
        } else {
            Some(parse_value(self.kind, "actual", &self.actual).map_err(|e| e.to_string())?)
        };
        let fields = MetricFields {
            quarter: self.quarter,
            kind: self.kind,
            name: self.name.clone(),
            unit: self.unit.clone(),
            target,
            actual,
        }
        .validated()
        .map_err(|e| e.to_string())?;
        Ok(Command::Business(match self.id {
            Some(id) => BusinessCommand::UpdateMetric { id, fields },
            None => BusinessCommand::AddMetric(fields),
        }))
    }
}

#[derive(Default)]
pub struct ScorecardTab {
    /// The quarter shown; `None` is this one.
    quarter: Option<FiscalQuarter>,
    sort: Sort<MetricColumn>,
    form: Option<MetricForm>,
    error: Option<String>,
}

impl ScorecardTab {
    pub fn take_answers(&mut self, shell: &mut Shell) {
        match shell.answer(METRIC) {
            Some(Ok(Done::Business(BusinessDone { record: BusinessRecord::Metric(_), .. }))) => {
                self.form = None;
                self.error = None;
            }
            Some(Ok(_)) | None => {}
            Some(Err(message)) => self.error = Some(message),
        }
        if let Some(Err(message)) = shell.answer(DELETE) {
            shell.toasts.error(message);
        }
    }

    pub fn open_new(&mut self, view: &ViewModel) {
        if let Some(quarter) = self.quarter.or(view.business.quarter) {
            self.form = Some(MetricForm::new(quarter));
            self.error = None;
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let business = &view.business;
        let Some(current) = business.quarter else { return };
        let quarter = self.quarter.unwrap_or(current);
        let Some(card) = business.scorecard(quarter) else {
            self.quarter = None;
            return;
        };
        let first = business.scorecards.first().map_or(current, |s| s.quarter);
        let last = business.scorecards.last().map_or(current, |s| s.quarter);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(quarter > first, egui::Button::new("◀"))
                .accessible_name("Previous quarter")
                .clicked()
            {
                self.quarter = Some(quarter.previous());
                self.form = None;
            }
            ui.label(RichText::new(quarter.to_string()).strong().size(16.0));
            if ui
                .add_enabled(quarter < last, egui::Button::new("▶"))
                .accessible_name("Next quarter")
                .clicked()
            {
                self.quarter = Some(quarter.next());
                self.form = None;
            }
            let when = match quarter.cmp(&current) {
                std::cmp::Ordering::Equal => format!("so far, as of {}", card.as_of.format("%-d %B")),
                std::cmp::Ordering::Less => format!("as of its last day, {}", card.as_of),
                std::cmp::Ordering::Greater => "not started yet: set its targets".to_owned(),
            };
            ui.label(RichText::new(when).weak());
            if quarter != current && ui.button("This quarter").clicked() {
                self.quarter = None;
                self.form = None;
            }
        });
        ui.add_space(theme::SPACE_S);
        let wide = ui.available_width() >= 960.0;
        if wide {
            ui.columns(2, |columns| {
                self.targets_ui(&mut columns[0], view, card, outbox);
                standards_ui(&mut columns[1], card);
            });
        } else {
            egui::ScrollArea::vertical().id_salt("scorecard_narrow").auto_shrink([false, false]).show(
                ui,
                |ui| {
                    self.targets_ui(ui, view, card, outbox);
                    ui.add_space(theme::SPACE_L);
                    standards_ui(ui, card);
                },
            );
        }
    }

    fn targets_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, card: &Scorecard, outbox: &mut Outbox) {
        theme::section_title(ui, &format!("Targets of {}", card.quarter));
        if card.lines.is_empty() && self.form.is_none() {
            ui.add_space(theme::SPACE_S);
            ui.label(RichText::new(format!("No targets for {} yet.", card.quarter)).strong());
            ui.label(
                RichText::new(
                    "Set them with “➕ New target”: ACR, number of wins, pipeline, or any metric of your own with its unit. \
                     Actuals come from your records where they hold them.",
                )
                .weak(),
            );
        }
        if !card.lines.is_empty() {
            let mut lines: Vec<&MetricLine> = card.lines.iter().collect();
            let position = |l: &MetricLine| card.lines.iter().position(|x| x.id == l.id);
            lines.sort_by(|a, b| {
                let primary = match self.sort.column {
                    MetricColumn::Position => position(a).cmp(&position(b)),
                    MetricColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                    MetricColumn::Target => a.target.cmp(&b.target),
                    MetricColumn::Actual => a.actual().cmp(&b.actual()),
                    MetricColumn::Share => {
                        a.pct_of_target().partial_cmp(&b.pct_of_target()).unwrap_or(std::cmp::Ordering::Equal)
                    }
                };
                self.sort.apply(primary)
            });
            let columns: Vec<TableColumn<MetricColumn>> = vec![
                column(MetricColumn::Name, "Metric", Column::initial(170.0).at_least(100.0).clip(true)),
                column(MetricColumn::Target, "Target", Column::exact(80.0)),
                column(MetricColumn::Actual, "Actual", Column::initial(110.0).at_least(80.0).clip(true)),
                column(MetricColumn::Share, "% of target", Column::remainder().at_least(80.0)),
            ];
            let height = (lines.len() as f32 + 1.5) * theme::TABLE_ROW_HEIGHT;
            let selected =
                self.form.as_ref().and_then(|f| f.id).and_then(|id| lines.iter().position(|l| l.id == id));
            let mut clicked = None;
            ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                clicked = bw::sortable_table(
                    ui,
                    "scorecard_table",
                    &columns,
                    &mut self.sort,
                    lines.len(),
                    selected,
                    |ui, index, c| {
                        let line = lines[index];
                        match c {
                            MetricColumn::Position | MetricColumn::Name => {
                                cell(ui, RichText::new(&line.name).strong());
                            }
                            MetricColumn::Target => cell(ui, value_text(line.kind, &line.unit, line.target)),
                            MetricColumn::Actual => match (line.actual(), line.derived.is_some()) {
                                (None, _) => cell(ui, RichText::new("not known").weak()),
                                (Some(actual), derived) => {
                                    let response = ui.add(
                                        egui::Label::new(value_text(line.kind, &line.unit, actual))
                                            .truncate()
                                            .selectable(false),
                                    );
                                    response.on_hover_text(if derived {
                                        "From your records"
                                    } else {
                                        "Typed in"
                                    });
                                }
                            },
                            MetricColumn::Share => match line.pct_of_target() {
                                Some(pct) => {
                                    let color = if pct >= 100.0 {
                                        theme::ok_color(ui)
                                    } else {
                                        ui.visuals().text_color()
                                    };
                                    cell(ui, RichText::new(format!("{pct:.0} %")).color(color));
                                }
                                None => cell(ui, RichText::new("–").weak()),
                            },
                        }
                    },
                );
            });
            if let Some(index) = clicked {
                let line = lines[index];
                if let Some(metric) = view.business.metrics.iter().find(|m| m.id == line.id) {
                    self.form = Some(MetricForm::of(metric.id, &metric.fields));
                    self.error = None;
                }
            }
            ui.label(
                RichText::new("Click a target to edit it. Actuals from your records win over typed ones.")
                    .small()
                    .weak(),
            );
            ui.add_space(theme::SPACE_S);
            business_charts::scorecard_chart(ui, "scorecard_bars", &card.lines);
        }
        if self.form.is_some() {
            ui.add_space(theme::SPACE_S);
            self.form_ui(ui, outbox);
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, outbox: &mut Outbox) {
        let Self { form: open_form, error, .. } = self;
        let Some(form) = open_form.as_mut() else { return };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "{} target for {}",
                    if form.id.is_some() { "Edit the" } else { "A new" },
                    form.quarter
                ))
                .strong(),
            );
            choice_row(ui, "Kind", "metric_kind", &mut form.kind);
            widgets::text_row(ui, "Name", &mut form.name, NAME_MAX_CHARS);
            if form.kind == MetricKind::Custom {
                widgets::text_row(ui, "Unit", &mut form.unit, 24);
            }
            let hint = match form.kind {
                MetricKind::Acr | MetricKind::Pipeline => "dollars, e.g. 1.2m",
                MetricKind::Wins => "a number of wins",
                MetricKind::Custom => "a number, e.g. 92.5",
            };
            widgets::form_row(ui, "Target", |ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut form.target)
                        .hint_text(hint)
                        .desired_width(theme::NUMBER_FIELD_WIDTH),
                )
                .accessible_name("Target");
            });
            widgets::form_row(ui, "Actual (typed)", |ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut form.actual)
                        .hint_text("where no record holds it")
                        .desired_width(theme::NUMBER_FIELD_WIDTH),
                )
                .accessible_name("Actual (typed)");
            });
            let FormButtons { save, cancel, delete } = bw::form_buttons(
                ui,
                if form.id.is_some() { "Save target" } else { "Add target" },
                error.as_deref(),
                form.id.is_some(),
            );
            if save {
                match form.command() {
                    Ok(command) => {
                        *error = None;
                        outbox.send(METRIC, command);
                    }
                    Err(message) => *error = Some(message),
                }
            }
            if delete && let Some(id) = form.id {
                outbox.send(DELETE, Command::Business(BusinessCommand::DeleteMetric(id)));
                close = true;
            } else if cancel {
                close = true;
            }
        });
        if close {
            *open_form = None;
            *error = None;
        }
    }
}

/// The operational standards, each against its target.
fn standards_ui(ui: &mut egui::Ui, card: &Scorecard) {
    let s = &card.standards;
    theme::section_title(ui, "Operational standards");
    egui::Grid::new("standards").num_columns(3).spacing([12.0, 8.0]).striped(true).show(ui, |ui| {
        let coverage = &s.coverage;
        let (text, ok) = match coverage.pct() {
            Some(pct) => (
                format!("{pct:.0} % ({} of {})", coverage.with_plan, plural(coverage.wins, "win")),
                coverage.with_plan == coverage.wins,
            ),
            None => ("no wins yet this fiscal year".to_owned(), true),
        };
        standard_row(
            ui,
            "Consumption-plan coverage",
            "100 %",
            &text,
            ok,
            "Wins of the fiscal year to date with a consumption plan agreed with the customer",
        );
        let stale = s.stale_commitments.len();
        standard_row(
            ui,
            "Committed milestones without fresh evidence",
            "none",
            &stale.to_string(),
            stale == 0,
            "Committed, due within 30 days, no evidence in the last 14 days",
        );
        let (text, ok) = match s.cadence.pct() {
            Some(pct) => (
                format!("{pct:.0} % ({} of {} due)", s.cadence.kept, s.cadence.due),
                s.cadence.kept == s.cadence.due,
            ),
            None => ("none due yet".to_owned(), true),
        };
        standard_row(
            ui,
            "One-on-one cadence kept",
            "100 %",
            &text,
            ok,
            "Weeks (or fortnights) in which each active architect had their one-on-one",
        );
        let lapsed = s.contacts_past_max.len();
        standard_row(
            ui,
            "Contacts past their maximum interval",
            "none",
            &lapsed.to_string(),
            lapsed == 0,
            "Business network contacts not in touch for longer than their maximum",
        );
    });
    ui.add_space(theme::SPACE_L);
    theme::section_title(ui, &format!("Pipeline by MCEM stage on {}", card.as_of));
    business_charts::pipeline_chart(ui, &card.pipeline);
}

fn standard_row(ui: &mut egui::Ui, name: &str, target: &str, actual: &str, ok: bool, hover: &str) {
    ui.label(name).on_hover_text(hover);
    ui.label(RichText::new(format!("target {target}")).weak());
    let (icon, color) = if ok { ("✔", theme::ok_color(ui)) } else { ("⚠", theme::warn_color(ui)) };
    ui.label(RichText::new(format!("{icon} {actual}")).color(color).strong());
    ui.end_row();
}
