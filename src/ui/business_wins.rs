//! The "Wins & plans" tab: opportunities and wins in a sortable table; beside it the selected
//! one's form, its consumption plan and milestones (see `business_milestones`), or the open
//! pipeline by MCEM stage when nothing is selected.

use std::collections::HashMap;

use chrono::{Datelike as _, NaiveDate};
use egui::RichText;
use egui_extras::Column;

use super::business_charts;
use super::business_milestones::MilestonesSection;
use super::business_widgets::{
    self as bw, FormButtons, Sort, TableColumn, cell, choice_row, column, date_row, money_row, pick_many,
};
use super::{Shell, theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::business::money::{parse_dollars, short_dollars};
use crate::model::business::{McemStage, Opportunity, OpportunityFields, OpportunityStatus};
use crate::model::lists::name_of;
use crate::model::text::{self, LINE_MAX_CHARS};
use crate::model::{AccountId, ArchitectId, ListItemId, OpportunityId};
use crate::session::{
    BusinessCommand, BusinessDone, BusinessRecord, Command, Done, Origin, Outbox, ViewModel,
};

/// The opportunity form (new or edit), the plan form, and the delete dialog.
const OPPORTUNITY: Origin = Origin::new("business: opportunity");
const PLAN: Origin = Origin::new("business: plan");
const DELETE: Origin = Origin::new("business: delete opportunity");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WinColumn {
    Title,
    Account,
    Stage,
    Status,
    Acr,
    #[default]
    Closed,
    Plan,
    Milestones,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WinFilter {
    #[default]
    All,
    Open,
    Won,
    WithoutPlan,
    Lost,
}

impl WinFilter {
    const ALL: [Self; 5] = [Self::All, Self::Open, Self::Won, Self::WithoutPlan, Self::Lost];

    fn label(self) -> &'static str {
        match self {
            Self::All => "All",
            Self::Open => "Open",
            Self::Won => "Won",
            Self::WithoutPlan => "Won without a plan",
            Self::Lost => "Lost",
        }
    }

    fn admits(self, o: &Opportunity) -> bool {
        match self {
            Self::All => true,
            Self::Open => o.fields.status == OpportunityStatus::Open,
            Self::Won => o.fields.status == OpportunityStatus::Won,
            Self::WithoutPlan => o.fields.status == OpportunityStatus::Won && !o.plan.is_agreed(),
            Self::Lost => o.fields.status == OpportunityStatus::Lost,
        }
    }
}

/// An opportunity as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OpportunityForm {
    id: Option<OpportunityId>,
    account: Option<AccountId>,
    title: String,
    solution_area: Option<ListItemId>,
    stage: McemStage,
    architects: Vec<ArchitectId>,
    monthly_acr: String,
    status: OpportunityStatus,
    closed_on: String,
    lost_reason: String,
    crm_id: String,
}

impl OpportunityForm {
    fn new() -> Self {
        Self {
            id: None,
            account: None,
            title: String::new(),
            solution_area: None,
            stage: McemStage::ListenConsult,
            architects: Vec::new(),
            monthly_acr: String::new(),
            status: OpportunityStatus::Open,
            closed_on: String::new(),
            lost_reason: String::new(),
            crm_id: String::new(),
        }
    }

    fn of(o: &Opportunity) -> Self {
        let f = &o.fields;
        Self {
            id: Some(o.id),
            account: Some(f.account),
            title: f.title.clone(),
            solution_area: f.solution_area,
            stage: f.stage,
            architects: f.architects.clone(),
            monthly_acr: f.monthly_acr.to_string(),
            status: f.status,
            closed_on: bw::date_cell(f.closed_on),
            lost_reason: f.lost_reason.clone(),
            crm_id: f.crm_id.clone(),
        }
    }

    fn date_label(&self) -> &'static str {
        if self.status == OpportunityStatus::Lost { "lost date" } else { "won date" }
    }

    fn command(&self, today: NaiveDate) -> Result<Command, String> {
        let account = self.account.ok_or("account: choose the customer account")?;
        let monthly_acr = parse_dollars("monthly ACR", &self.monthly_acr).map_err(|e| e.to_string())?;
        let closed_on = if self.status == OpportunityStatus::Open {
            None
        } else {
            text::parse_optional_date(self.date_label(), &self.closed_on).map_err(|e| e.to_string())?
        };
        let fields = OpportunityFields {
            account,
            title: self.title.clone(),
            solution_area: self.solution_area,
            stage: self.stage,
            architects: self.architects.clone(),
            monthly_acr,
            status: self.status,
            closed_on,
            lost_reason: self.lost_reason.clone(),
            crm_id: self.crm_id.clone(),
        }
        .validated(today)
        .map_err(|e| e.to_string())?;
        let command = match self.id {
            Some(id) => BusinessCommand::UpdateOpportunity { id, fields },
            None => BusinessCommand::AddOpportunity(fields),
        };
        Ok(Command::Business(command))
    }
}

/// A win's consumption plan as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlanForm {
    id: OpportunityId,
    agreed: bool,
    agreed_on: String,
    sponsor: String,
}

impl PlanForm {
    fn of(o: &Opportunity) -> Self {
        Self {
            id: o.id,
            agreed: o.plan.is_agreed(),
            agreed_on: bw::date_cell(o.plan.agreed_on),
            sponsor: o.plan.sponsor.clone(),
        }
    }

    fn command(&self) -> Result<Command, String> {
        let agreed_on = text::parse_optional_date("agreed on", &self.agreed_on).map_err(|e| e.to_string())?;
        Ok(Command::Business(BusinessCommand::SetPlan {
            id: self.id,
            agreed: self.agreed,
            agreed_on: if self.agreed { agreed_on } else { None },
            sponsor: self.sponsor.clone(),
        }))
    }
}

#[derive(Default)]
pub struct WinsTab {
    filter: WinFilter,
    search: String,
    sort: Sort<WinColumn>,
    selected: Option<OpportunityId>,
    /// The form and the record it was loaded from (to notice a change made elsewhere, by undo).
    form: Option<(OpportunityForm, Option<Opportunity>)>,
    plan: Option<(PlanForm, Opportunity)>,
    milestones: MilestonesSection,
    confirm_delete: Option<OpportunityId>,
    error: Option<(Origin, String)>,
    rows: RowOrder,
}

/// The table's rows (indexes into the view's opportunities) in the order shown, kept between
/// frames: computed again only when the view was read again or the filter, search or sort
/// changed, never per frame.
#[derive(Default)]
struct RowOrder {
    /// What the order was computed from: the view's generation, the filter, search and sort.
    from: Option<(u64, WinFilter, String, Sort<WinColumn>)>,
    indexes: Vec<usize>,
    ids: Vec<OpportunityId>,
}

/// What a row sorts by in one column, computed once per row (not per comparison).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Text(String),
    Number(i64),
}

impl WinsTab {
    pub fn take_answers(&mut self, shell: &mut Shell) {
        for origin in [OPPORTUNITY, PLAN, DELETE] {
            match shell.answer(origin) {
                Some(Ok(Done::Business(BusinessDone {
                    record: BusinessRecord::Opportunity(id), ..
                }))) => {
                    let deleted = origin == DELETE;
                    if deleted && self.selected == Some(id) {
                        self.close();
                    } else if !deleted {
                        self.error = None;
                        self.form = None;
                        self.plan = None;
                        self.selected = Some(id);
                    }
                }
                None | Some(Ok(_)) => {}
                Some(Err(message)) => self.error = Some((origin, message)),
            }
        }
        self.milestones.take_answers(shell);
    }

    /// Shows an opportunity (a click in the attention strip, the architect's page).
    pub fn select(&mut self, id: OpportunityId) {
        if self.selected != Some(id) {
            self.close();
            self.selected = Some(id);
        }
        self.filter = WinFilter::All;
    }

    pub fn open_new(&mut self, view: &ViewModel) {
        self.close();
        let mut form = OpportunityForm::new();
        form.account = view
            .business
            .accounts
            .first()
            .map(|a| a.account.id)
            .filter(|_| view.business.accounts.len() == 1);
        self.form = Some((form, None));
    }

    fn close(&mut self) {
        self.selected = None;
        self.form = None;
        self.plan = None;
        self.milestones = MilestonesSection::default();
        self.error = None;
    }

    fn error_for(&self, origin: Origin) -> Option<&str> {
        self.error.as_ref().filter(|(o, _)| *o == origin).map(|(_, m)| m.as_str())
    }

    /// Computes the row order again if what it depends on changed since the last frame.
    fn update_rows(&mut self, view: &ViewModel) {
        let generation = view.business.generation;
        let unchanged = self.rows.from.as_ref().is_some_and(|(g, filter, search, sort)| {
            (*g, *filter, *sort) == (generation, self.filter, self.sort) && *search == self.search
        });
        if unchanged {
            return;
        }
        self.rows.indexes = self.row_order(view);
        self.rows.ids = self.rows.indexes.iter().map(|&i| view.business.opportunities[i].id).collect();
        self.rows.from = Some((generation, self.filter, self.search.clone(), self.sort));
    }

    fn row_order(&self, view: &ViewModel) -> Vec<usize> {
        let business = &view.business;
        let needle = text::fold_for_match(self.search.trim());
        let mut milestones: HashMap<OpportunityId, i64> = HashMap::new();
        if self.sort.column == WinColumn::Milestones {
            for m in &business.milestones {
                *milestones.entry(m.opportunity).or_default() += 1;
            }
        }
        let key = |o: &Opportunity| {
            let f = &o.fields;
            match self.sort.column {
                WinColumn::Title => SortKey::Text(f.title.to_lowercase()),
                WinColumn::Account => SortKey::Text(business.account_name(f.account).to_lowercase()),
                WinColumn::Stage => SortKey::Number(i64::from(f.stage.number())),
                WinColumn::Status => SortKey::Text(f.status.key().to_owned()),
                WinColumn::Acr => SortKey::Number(f.monthly_acr),
                // Newest first by default: open ones (no date) on top.
                WinColumn::Closed => {
                    SortKey::Number(-i64::from(f.closed_on.unwrap_or(NaiveDate::MAX).num_days_from_ce()))
                }
                WinColumn::Plan => SortKey::Number(i64::from(plan_rank(o))),
                WinColumn::Milestones => SortKey::Number(milestones.get(&o.id).copied().unwrap_or(0)),
            }
        };
        let mut rows: Vec<(SortKey, OpportunityId, usize)> = business
            .opportunities
            .iter()
            .enumerate()
            .filter(|(_, o)| self.filter.admits(o))
            .filter(|(_, o)| {
                needle.is_empty()
                    || text::fold_for_match(&o.fields.title).contains(&needle)
                    || text::fold_for_match(business.account_name(o.fields.account)).contains(&needle)
                    || text::fold_for_match(&o.fields.crm_id).contains(&needle)
            })
            .map(|(index, o)| (key(o), o.id, index))
            .collect();
        rows.sort_by(|(ka, a, _), (kb, b, _)| self.sort.apply(ka.cmp(kb)).then_with(|| b.cmp(a)));
        rows.into_iter().map(|(_, _, index)| index).collect()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let business = &view.business;
        if business.accounts.is_empty() && business.opportunities.is_empty() && self.form.is_none() {
            widgets::empty_state(
                ui,
                "No accounts yet",
                "Add your customer accounts on the Accounts tab (or list them in each architect's profile on the \
                 Team screen), then record opportunities and wins here.",
            );
            return;
        }
        if self.selected.is_some_and(|id| business.opportunity(id).is_none()) {
            self.close();
        }
        self.update_rows(view);
        if self.form.as_ref().is_none_or(|(form, _)| form.id.is_some()) {
            let before = self.selected;
            bw::keyboard_navigation(ui, &self.rows.ids, &mut self.selected);
            if self.selected != before {
                let keep = self.selected;
                self.close();
                self.selected = keep;
            }
        }
        bw::detail_pane(ui, "wins", |ui| self.detail_ui(ui, view, outbox));
        let rows: Vec<&Opportunity> =
            self.rows.indexes.iter().map(|&i| &view.business.opportunities[i]).collect();
        self.table_ui(ui, view, &rows);
        self.confirm_delete_ui(ui, view, outbox);
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, rows: &[&Opportunity]) {
        let business = &view.business;
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("Filter by title, account or CRM id")
                    .desired_width(theme::NAME_FIELD_WIDTH),
            )
            .accessible_name("Filter the opportunities");
        });
        ui.horizontal_wrapped(|ui| {
            for filter in WinFilter::ALL {
                ui.selectable_value(&mut self.filter, filter, filter.label());
            }
        });
        ui.add_space(theme::SPACE_S);
        if business.opportunities.is_empty() {
            widgets::empty_state(
                ui,
                "No opportunities yet",
                "Record one with “➕ New opportunity”: the account, the MCEM stage and its estimated monthly ACR. \
                 Mark it won to plan its consumption.",
            );
            return;
        }
        if rows.is_empty() {
            widgets::empty_state(ui, "Nothing matches", "Clear the filter box or choose “All”.");
            return;
        }
        // With the pane open the table keeps the columns that say what needs doing, as the
        // Team screen's roster does.
        let compact = self.selected.is_some() || self.form.is_some();
        let mut columns: Vec<TableColumn<WinColumn>> = vec![
            column(
                WinColumn::Title,
                "Opportunity",
                Column::initial(180.0).at_least(theme::NAME_COLUMN_MIN).clip(true).resizable(true),
            ),
            column(
                WinColumn::Account,
                "Account",
                Column::initial(120.0).at_least(theme::TEXT_COLUMN_MIN).clip(true),
            ),
            column(WinColumn::Stage, "Stage", Column::exact(48.0)),
            column(WinColumn::Status, "Status", Column::exact(56.0)),
            column(WinColumn::Acr, "ACR/mo", Column::exact(64.0)),
            column(WinColumn::Closed, "Closed", Column::exact(theme::DATE_COLUMN_WIDTH)),
            column(WinColumn::Plan, "Plan", Column::exact(78.0)),
            column(
                WinColumn::Milestones,
                "Milestones",
                Column::remainder().at_least(theme::TEXT_COLUMN_MIN).clip(true),
            ),
        ];
        if compact {
            columns.retain(|c| matches!(c.key, WinColumn::Title | WinColumn::Status | WinColumn::Plan));
        }
        let selected = self.selected.and_then(|id| rows.iter().position(|o| o.id == id));
        let mut name_clicked = None;
        let clicked = bw::sortable_table(
            ui,
            if compact { "wins_compact" } else { "wins_table" },
            &columns,
            &mut self.sort,
            rows.len(),
            selected,
            |ui, index, c| {
                let o = rows[index];
                let f = &o.fields;
                match c {
                    WinColumn::Title => bw::name_cell(ui, &f.title, index, &mut name_clicked),
                    WinColumn::Account => cell(ui, business.account_name(f.account)),
                    WinColumn::Stage => {
                        cell(ui, f.stage.number().to_string());
                    }
                    WinColumn::Status => {
                        cell(ui, RichText::new(f.status.label()).color(bw::status_color(ui, f.status)));
                    }
                    WinColumn::Acr => cell(ui, short_dollars(f.monthly_acr)),
                    WinColumn::Closed => cell(ui, bw::date_cell(f.closed_on)),
                    WinColumn::Plan => match (f.status, o.plan.is_agreed()) {
                        (OpportunityStatus::Won, true) => {
                            cell(ui, RichText::new("✔ agreed").color(theme::ok_color(ui)));
                        }
                        (OpportunityStatus::Won, false) => {
                            cell(ui, RichText::new("⛔ no plan").color(theme::error_color(ui)).strong());
                        }
                        _ => cell(ui, RichText::new("–").weak()),
                    },
                    WinColumn::Milestones => {
                        let all: Vec<_> = business.milestones_of(o.id).collect();
                        let troubled = all.iter().filter(|m| m.fields.state.is_troubled()).count();
                        if all.is_empty() {
                            cell(ui, RichText::new("–").weak());
                        } else if troubled > 0 {
                            cell(
                                ui,
                                RichText::new(format!("{} · {troubled} ⚠", all.len()))
                                    .color(theme::warn_color(ui)),
                            );
                        } else {
                            cell(ui, all.len().to_string());
                        }
                    }
                }
            },
        );
        if let Some(index) = clicked.or(name_clicked) {
            self.select(rows[index].id);
        }
    }

    fn detail_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let business = &view.business;
        let opportunity = self.selected.and_then(|id| business.opportunity(id));
        let editing_new = self.form.as_ref().is_some_and(|(f, _)| f.id.is_none());
        match (opportunity, editing_new) {
            (_, true) => {
                if bw::pane_header(
                    ui,
                    "New opportunity",
                    "The account, what it is and its estimated monthly ACR",
                ) {
                    self.close();
                    return;
                }
                self.form_ui(ui, view, outbox);
            }
            (Some(o), false) => {
                let subtitle = format!(
                    "{} · {} · {}/month",
                    business.account_name(o.fields.account),
                    o.fields.stage.label(),
                    short_dollars(o.fields.monthly_acr)
                );
                if bw::pane_header(ui, &o.fields.title, &subtitle) {
                    self.close();
                    return;
                }
                // The form follows the record unless the user is part-way through an edit.
                let fresh = OpportunityForm::of(o);
                match &self.form {
                    Some((form, Some(loaded))) if loaded == o || *form != OpportunityForm::of(loaded) => {}
                    _ => self.form = Some((fresh, Some(o.clone()))),
                }
                theme::section_title(ui, "Opportunity");
                self.form_ui(ui, view, outbox);
                if o.fields.status == OpportunityStatus::Won {
                    ui.add_space(theme::SPACE_M);
                    self.plan_ui(ui, view, o, outbox);
                    ui.add_space(theme::SPACE_M);
                    self.milestones.ui(ui, view, o, outbox);
                } else {
                    ui.add_space(theme::SPACE_M);
                    ui.label(
                        RichText::new("Its consumption plan and milestones open when it is won.").weak(),
                    );
                }
            }
            (None, false) => {
                theme::section_title(ui, "Open pipeline by MCEM stage");
                business_charts::pipeline_chart(ui, &business.pipeline);
                ui.add_space(theme::SPACE_M);
                ui.label(
                    RichText::new(
                        "Select an opportunity to see its plan and milestones; the Up and Down keys move through the list.",
                    )
                    .weak(),
                );
            }
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let business = &view.business;
        let error = self.error_for(OPPORTUNITY).map(str::to_owned);
        let Some((form, _)) = &mut self.form else { return };
        widgets::text_row(ui, "Title", &mut form.title, LINE_MAX_CHARS);
        widgets::form_row(ui, "Account", |ui| {
            let shown = form.account.map_or("Choose…", |id| business.account_name(id));
            egui::ComboBox::from_id_salt("opportunity_account")
                .selected_text(shown)
                .width(ui.available_width().min(280.0))
                .show_ui(ui, |ui| {
                    for row in &business.accounts {
                        ui.selectable_value(
                            &mut form.account,
                            Some(row.account.id),
                            &row.account.fields.name,
                        );
                    }
                });
        });
        choice_row(ui, "MCEM stage", "opportunity_stage", &mut form.stage);
        widgets::form_row(ui, "Solution area", |ui| {
            let shown = match name_of(&view.areas, form.solution_area) {
                "" => "Not set",
                name => name,
            };
            egui::ComboBox::from_id_salt("opportunity_area")
                .selected_text(shown)
                .width(ui.available_width().min(280.0))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.solution_area, None, "Not set");
                    for area in &view.areas {
                        ui.selectable_value(&mut form.solution_area, Some(area.id), &area.name);
                    }
                });
        });
        let people: Vec<(ArchitectId, String)> = view
            .architects
            .iter()
            .filter(|a| a.fields.status != crate::model::Status::Left || form.architects.contains(&a.id))
            .map(|a| (a.id, a.name().to_owned()))
            .collect();
        pick_many(ui, "opportunity_architects", "Architects", &mut form.architects, &people);
        money_row(ui, "Monthly ACR", &mut form.monthly_acr);
        choice_row(ui, "Status", "opportunity_status", &mut form.status);
        match form.status {
            OpportunityStatus::Open => {}
            OpportunityStatus::Won => {
                date_row(ui, "Won on", "opportunity_won", &mut form.closed_on, view.today);
            }
            OpportunityStatus::Lost => {
                date_row(ui, "Lost on", "opportunity_lost", &mut form.closed_on, view.today);
                widgets::text_row(ui, "Lost reason", &mut form.lost_reason, LINE_MAX_CHARS);
            }
        }
        widgets::text_row(ui, "CRM id", &mut form.crm_id, LINE_MAX_CHARS);
        ui.add_space(theme::SPACE_S);
        let label = if form.id.is_some() { "Save" } else { "Add opportunity" };
        let FormButtons { save, cancel, delete } =
            bw::form_buttons(ui, label, error.as_deref(), form.id.is_some());
        if save {
            match form.command(view.today) {
                Ok(command) => {
                    self.error = None;
                    outbox.send(OPPORTUNITY, command);
                }
                Err(message) => self.error = Some((OPPORTUNITY, message)),
            }
        }
        if delete {
            self.confirm_delete = form.id;
        }
        if cancel {
            self.close();
        }
    }

    fn plan_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, o: &Opportunity, outbox: &mut Outbox) {
        match &self.plan {
            Some((form, loaded)) if loaded == o || *form != PlanForm::of(loaded) => {}
            _ => self.plan = Some((PlanForm::of(o), o.clone())),
        }
        let error = self.error_for(PLAN).map(str::to_owned);
        let Some((form, _)) = &mut self.plan else { return };
        theme::section_title(ui, "Consumption plan");
        if !o.plan.is_agreed() {
            ui.label(
                RichText::new("⛔ No consumption plan agreed with the customer yet")
                    .color(theme::error_color(ui))
                    .strong(),
            );
        }
        ui.checkbox(&mut form.agreed, "Agreed with the customer");
        if form.agreed {
            date_row(ui, "Agreed on", "plan_agreed_on", &mut form.agreed_on, view.today);
            if form.agreed_on.trim().is_empty() && ui.small_button("Today").clicked() {
                form.agreed_on = view.today.to_string();
            }
        }
        widgets::text_row(ui, "Customer sponsor", &mut form.sponsor, crate::model::text::NAME_MAX_CHARS);
        if let Some(error) = &error {
            widgets::error_label(ui, error);
        }
        if ui.button(RichText::new("Save plan").strong()).clicked() {
            match form.command() {
                Ok(command) => {
                    self.error = None;
                    outbox.send(PLAN, command);
                }
                Err(message) => self.error = Some((PLAN, message)),
            }
        }
    }

    fn confirm_delete_ui(&mut self, ui: &egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let Some(id) = self.confirm_delete else { return };
        let Some(o) = view.business.opportunity(id) else {
            self.confirm_delete = None;
            return;
        };
        let milestones = view.business.milestones_of(id).count();
        let detail = if milestones == 0 {
            "It is removed for good; Undo brings it back.".to_owned()
        } else {
            format!(
                "Its {} go with it; Undo brings them back.",
                crate::model::words::plural(milestones, "milestone")
            )
        };
        match bw::confirm_delete(ui.ctx(), "opportunity", &format!("Delete “{}”?", o.fields.title), &detail)
        {
            Some(true) => {
                outbox.send(DELETE, Command::Business(BusinessCommand::DeleteOpportunity(id)));
                self.confirm_delete = None;
            }
            Some(false) => self.confirm_delete = None,
            None => {}
        }
    }
}

/// Wins without a plan first, then wins with one, then the rest.
fn plan_rank(o: &Opportunity) -> u8 {
    match (o.fields.status, o.plan.is_agreed()) {
        (OpportunityStatus::Won, false) => 0,
        (OpportunityStatus::Won, true) => 1,
        _ => 2,
    }
}
