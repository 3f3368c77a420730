//! The "Accounts" tab: customer accounts with their architects, open pipeline, wins and monthly
//! ACR expected against consumed; beside it the selected account's form, its ACR chart and the
//! actual consumption typed per month.

use egui::RichText;
use egui_extras::Column;

use super::business_charts;
use super::business_widgets::{self as bw, FormButtons, Sort, TableColumn, cell, column, pick_many};
use super::{Shell, theme, widgets};
use crate::model::business::AccountFields;
use crate::model::business::money::{dollars_text, parse_optional_dollars, short_dollars};
use crate::model::business::records::parse_month;
use crate::model::text::{self, NAME_MAX_CHARS};
use crate::model::{AccountId, ArchitectId};
use crate::session::business_view::AccountRow;
use crate::session::{
    BusinessCommand, BusinessDone, BusinessRecord, Command, Done, Origin, Outbox, ViewModel,
};

const ACCOUNT: Origin = Origin::new("business: account");
const CONSUMPTION: Origin = Origin::new("business: consumption");
const DELETE: Origin = Origin::new("business: delete account");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AccountColumn {
    #[default]
    Name,
    Industry,
    Segment,
    Architects,
    Pipeline,
    Wins,
    Expected,
    Actual,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct AccountForm {
    id: Option<AccountId>,
    fields: AccountFields,
}

#[derive(Default)]
pub struct AccountsTab {
    search: String,
    sort: Sort<AccountColumn>,
    selected: Option<AccountId>,
    form: Option<(AccountForm, Option<AccountFields>)>,
    /// The month and amount typed for actual consumption.
    month: String,
    amount: String,
    confirm_delete: Option<AccountId>,
    error: Option<(Origin, String)>,
}

impl AccountsTab {
    pub fn take_answers(&mut self, shell: &mut Shell) {
        for origin in [ACCOUNT, CONSUMPTION, DELETE] {
            match shell.answer(origin) {
                None => {}
                Some(Ok(Done::Business(BusinessDone { record: BusinessRecord::Account(id), .. }))) => {
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
                    self.amount.clear();
                }
                Some(Err(message)) => self.error = Some((origin, message)),
            }
        }
    }

    pub fn open_new(&mut self) {
        self.close();
        self.form = Some((AccountForm { id: None, fields: AccountFields::default() }, None));
    }

    pub fn select(&mut self, id: AccountId) {
        if self.selected != Some(id) {
            self.close();
            self.selected = Some(id);
        }
    }

    fn close(&mut self) {
        self.selected = None;
        self.form = None;
        self.error = None;
        self.amount.clear();
    }

    fn error_for(&self, origin: Origin) -> Option<&str> {
        self.error.as_ref().filter(|(o, _)| *o == origin).map(|(_, m)| m.as_str())
    }

    fn rows<'v>(&self, view: &'v ViewModel) -> Vec<&'v AccountRow> {
        let needle = text::fold_for_match(self.search.trim());
        let architects = |row: &AccountRow| row.account.fields.architects.len();
        let mut rows: Vec<&AccountRow> = view
            .business
            .accounts
            .iter()
            .filter(|row| {
                let f = &row.account.fields;
                needle.is_empty()
                    || [&f.name, &f.industry, &f.segment, &f.account_executive]
                        .iter()
                        .any(|t| text::fold_for_match(t).contains(&needle))
            })
            .collect();
        rows.sort_by(|a, b| {
            let (fa, fb) = (&a.account.fields, &b.account.fields);
            let primary = match self.sort.column {
                AccountColumn::Name => std::cmp::Ordering::Equal,
                AccountColumn::Industry => fa.industry.to_lowercase().cmp(&fb.industry.to_lowercase()),
                AccountColumn::Segment => fa.segment.to_lowercase().cmp(&fb.segment.to_lowercase()),
                AccountColumn::Architects => architects(a).cmp(&architects(b)),
                AccountColumn::Pipeline => a.open_acr.cmp(&b.open_acr),
                AccountColumn::Wins => a.wins.cmp(&b.wins),
                AccountColumn::Expected => a.expected_now.cmp(&b.expected_now),
                AccountColumn::Actual => a.actual_last.map(|(_, d)| d).cmp(&b.actual_last.map(|(_, d)| d)),
            };
            self.sort.apply(primary.then_with(|| fa.name.to_lowercase().cmp(&fb.name.to_lowercase())))
        });
        rows
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        if self.selected.is_some_and(|id| view.business.account(id).is_none()) {
            self.close();
        }
        let rows = self.rows(view);
        let ids: Vec<AccountId> = rows.iter().map(|r| r.account.id).collect();
        let before = self.selected;
        bw::keyboard_navigation(ui, &ids, &mut self.selected);
        if self.selected != before {
            let keep = self.selected;
            self.close();
            self.selected = keep;
        }
        let open = self.selected.is_some() || self.form.is_some();
        if open {
            bw::detail_pane(ui, "accounts", |ui| self.detail_ui(ui, view, outbox));
        }
        self.table_ui(ui, view, &rows);
        self.confirm_delete_ui(ui, view, outbox);
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, rows: &[&AccountRow]) {
        ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("Filter by name, industry, segment or executive")
                .desired_width(260.0),
        )
        .accessible_name("Filter the accounts");
        ui.add_space(theme::SPACE_S);
        if view.business.accounts.is_empty() {
            widgets::empty_state(
                ui,
                "No accounts yet",
                "Add one with “➕ New account”, or list the accounts each architect covers in their profile on the Team \
                 screen: they appear here.",
            );
            return;
        }
        if rows.is_empty() {
            widgets::empty_state(ui, "Nothing matches", "Clear the filter box.");
            return;
        }
        let compact = self.selected.is_some() || self.form.is_some();
        let mut columns: Vec<TableColumn<AccountColumn>> = vec![
            column(
                AccountColumn::Name,
                "Account",
                Column::initial(170.0).at_least(100.0).clip(true).resizable(true),
            ),
            column(AccountColumn::Industry, "Industry", Column::initial(110.0).at_least(60.0).clip(true)),
            column(AccountColumn::Segment, "Segment", Column::initial(90.0).at_least(60.0).clip(true)),
            column(
                AccountColumn::Architects,
                "Architects",
                Column::initial(150.0).at_least(theme::TEXT_COLUMN_MIN).clip(true),
            ),
            column(AccountColumn::Pipeline, "Pipeline", Column::exact(72.0)),
            column(AccountColumn::Wins, "Wins", Column::exact(44.0)),
            column(AccountColumn::Expected, "Expected/mo", Column::exact(theme::DATE_COLUMN_WIDTH)),
            column(AccountColumn::Actual, "Actual/mo", Column::remainder().at_least(76.0)),
        ];
        if compact {
            columns.retain(|c| {
                matches!(c.key, AccountColumn::Name | AccountColumn::Expected | AccountColumn::Actual)
            });
        }
        let selected = self.selected.and_then(|id| rows.iter().position(|r| r.account.id == id));
        let mut name_clicked = None;
        let clicked = bw::sortable_table(
            ui,
            if compact { "accounts_compact" } else { "accounts" },
            &columns,
            &mut self.sort,
            rows.len(),
            selected,
            |ui, index, c| {
                let row = rows[index];
                let f = &row.account.fields;
                match c {
                    AccountColumn::Name => bw::name_cell(ui, &f.name, index, &mut name_clicked),
                    AccountColumn::Industry => cell(ui, &f.industry),
                    AccountColumn::Segment => cell(ui, &f.segment),
                    AccountColumn::Architects => {
                        let names: Vec<&str> = f
                            .architects
                            .iter()
                            .filter_map(|id| view.architect(*id))
                            .map(super::super::model::architect::Architect::name)
                            .collect();
                        cell(ui, names.join(", "));
                    }
                    AccountColumn::Pipeline => cell(
                        ui,
                        if row.open_count == 0 { "–".to_owned() } else { short_dollars(row.open_acr) },
                    ),
                    AccountColumn::Wins => cell(ui, row.wins.to_string()),
                    AccountColumn::Expected => cell(
                        ui,
                        if row.expected_now == 0 {
                            "–".to_owned()
                        } else {
                            short_dollars(row.expected_now)
                        },
                    ),
                    AccountColumn::Actual => match row.actual_last {
                        Some((month, dollars)) => {
                            cell(ui, format!("{} ({})", short_dollars(dollars), month.format("%b")));
                        }
                        None => cell(ui, RichText::new("–").weak()),
                    },
                }
            },
        );
        if let Some(index) = clicked.or(name_clicked) {
            self.select(rows[index].account.id);
        }
    }

    fn detail_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let row = self.selected.and_then(|id| view.business.account(id));
        if self.form.as_ref().is_some_and(|(f, _)| f.id.is_none()) {
            if bw::pane_header(ui, "New account", "A customer, its industry and segment, and who covers it") {
                self.close();
                return;
            }
            self.form_ui(ui, view, outbox);
            return;
        }
        let Some(row) = row else { return };
        let account = &row.account;
        let subtitle = [account.fields.industry.as_str(), account.fields.segment.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        if bw::pane_header(ui, &account.fields.name, &subtitle) {
            self.close();
            return;
        }
        match &self.form {
            Some((form, Some(loaded))) if *loaded == account.fields || form.fields != *loaded => {}
            _ => {
                self.form = Some((
                    AccountForm { id: Some(account.id), fields: account.fields.clone() },
                    Some(account.fields.clone()),
                ));
            }
        }
        theme::section_title(ui, "Monthly ACR: expected against actual");
        let months = view.business.chart_months();
        business_charts::acr_chart(
            ui,
            "account_acr",
            &months,
            &view.business.expected_series(account.id, &months),
            &view.business.actual_series(account.id, &months),
            view.today,
        );
        self.consumption_ui(ui, view, account.id, outbox);
        ui.add_space(theme::SPACE_M);
        theme::section_title(ui, "Account");
        self.form_ui(ui, view, outbox);
    }

    fn consumption_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        account: AccountId,
        outbox: &mut Outbox,
    ) {
        if self.month.is_empty() {
            // Last month: the consumption report of a month comes in after it ends.
            let last =
                crate::model::business::records::first_of_month(view.today).pred_opt().unwrap_or(view.today);
            self.month = last.format("%Y-%m").to_string();
        }
        ui.horizontal(|ui| {
            ui.label("Actual consumption in");
            let month = ui
                .add(egui::TextEdit::singleline(&mut self.month).hint_text("YYYY-MM").desired_width(70.0))
                .accessible_name("Month");
            let amount = ui
                .add(egui::TextEdit::singleline(&mut self.amount).hint_text("e.g. 42k").desired_width(90.0))
                .on_hover_text("Dollars consumed in that month; empty clears it; Enter saves")
                .accessible_name("Actual ACR");
            // Enter in the amount saves, as the button does (an emptied amount clears the month).
            // Enter in the month saves an amount already typed, or moves on to the amount: it
            // never clears a month the manager has not typed an amount for.
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            let month_entered = month.lost_focus() && enter;
            if month_entered && self.amount.trim().is_empty() {
                amount.request_focus();
            }
            let entered = (amount.lost_focus() && enter) || (month_entered && !self.amount.trim().is_empty());
            if ui.button("Save").on_hover_text("Save the month's actual consumption").clicked() || entered {
                let parsed = parse_month("month", &self.month).and_then(|month| {
                    parse_optional_dollars("actual ACR", &self.amount).map(|dollars| (month, dollars))
                });
                match parsed {
                    Ok((month, dollars)) => {
                        self.error = None;
                        outbox.send(
                            CONSUMPTION,
                            Command::Business(BusinessCommand::SetConsumption { account, month, dollars }),
                        );
                    }
                    Err(error) => self.error = Some((CONSUMPTION, error.to_string())),
                }
            }
        });
        if let Some(error) = self.error_for(CONSUMPTION) {
            widgets::error_label(ui, error);
        }
        let entered: Vec<String> = view
            .business
            .consumption
            .iter()
            .filter(|c| c.account == account)
            .rev()
            .take(4)
            .map(|c| format!("{} {}", c.month.format("%b %Y"), dollars_text(c.dollars)))
            .collect();
        if !entered.is_empty() {
            ui.label(RichText::new(format!("Latest: {}", entered.join(" · "))).small().weak());
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let error = self.error_for(ACCOUNT).map(str::to_owned);
        let Some((form, _)) = &mut self.form else { return };
        let f = &mut form.fields;
        widgets::text_row(ui, "Name", &mut f.name, NAME_MAX_CHARS);
        widgets::text_row(ui, "Industry", &mut f.industry, NAME_MAX_CHARS);
        widgets::text_row(ui, "Segment", &mut f.segment, NAME_MAX_CHARS);
        widgets::text_row(ui, "Account executive", &mut f.account_executive, NAME_MAX_CHARS);
        let people: Vec<(ArchitectId, String)> = view
            .architects
            .iter()
            .filter(|a| a.fields.status != crate::model::Status::Left || f.architects.contains(&a.id))
            .map(|a| (a.id, a.name().to_owned()))
            .collect();
        pick_many(ui, "account_architects", "Architects", &mut f.architects, &people);
        let label = if form.id.is_some() { "Save" } else { "Add account" };
        let FormButtons { save, cancel, delete } =
            bw::form_buttons(ui, label, error.as_deref(), form.id.is_some());
        if save {
            match form.fields.validated() {
                Ok(fields) => {
                    let command = match form.id {
                        Some(id) => BusinessCommand::UpdateAccount { id, fields },
                        None => BusinessCommand::AddAccount(fields),
                    };
                    self.error = None;
                    outbox.send(ACCOUNT, Command::Business(command));
                }
                Err(message) => self.error = Some((ACCOUNT, message.to_string())),
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
        let Some(row) = view.business.account(id) else {
            self.confirm_delete = None;
            return;
        };
        let title = format!("Delete {}?", row.account.fields.name);
        let detail = "Only an account nothing refers to can be deleted (no opportunities, initiatives, time entries or \
                      consumption figures). Undo brings it back.";
        match bw::confirm_delete(ui.ctx(), "account", &title, detail) {
            Some(true) => {
                outbox.send(DELETE, Command::Business(BusinessCommand::DeleteAccount(id)));
                self.confirm_delete = None;
            }
            Some(false) => self.confirm_delete = None,
            None => {}
        }
    }
}
