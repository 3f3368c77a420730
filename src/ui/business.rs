//! The Business screen (Ctrl+5): what needs attention at the top (wins without an agreed
//! consumption plan in red, milestones at risk or blocked, committed milestones due soon with
//! stale evidence, contacts past their maximum interval), then tabs for wins and their plans,
//! accounts, market initiatives, the network and the quarter's scorecard.

use egui::RichText;

use super::business_accounts::AccountsTab;
use super::business_initiatives::InitiativesTab;
use super::business_network::NetworkTab;
use super::business_scorecard::ScorecardTab;
use super::business_wins::WinsTab;
use super::{Shell, theme};
use crate::model::words::plural;
use crate::model::{ContactId, MilestoneId, OpportunityId};
use crate::session::{BusinessView, Outbox, ViewModel};

/// A record another screen asks the Business screen to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusinessItem {
    Opportunity(OpportunityId),
    Contact(ContactId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BusinessTab {
    #[default]
    Wins,
    Accounts,
    Initiatives,
    Network,
    Scorecard,
}

impl BusinessTab {
    pub const ALL: [Self; 5] =
        [Self::Wins, Self::Accounts, Self::Initiatives, Self::Network, Self::Scorecard];

    pub fn title(self) -> &'static str {
        match self {
            Self::Wins => "Wins & plans",
            Self::Accounts => "Accounts",
            Self::Initiatives => "Initiatives",
            Self::Network => "Network",
            Self::Scorecard => "Scorecard",
        }
    }
}

#[derive(Default)]
pub struct BusinessState {
    pub tab: BusinessTab,
    pub wins: WinsTab,
    pub accounts: AccountsTab,
    pub initiatives: InitiativesTab,
    pub network: NetworkTab,
    pub scorecard: ScorecardTab,
}

/// How many items of a kind the attention strip names before "and N more".
const NAMED_ITEMS: usize = 3;

impl BusinessState {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        // Every tab takes its own answers each frame, so none is lost while another tab shows.
        self.wins.take_answers(shell);
        self.accounts.take_answers(shell);
        self.initiatives.take_answers(shell);
        self.network.take_answers(shell);
        self.scorecard.take_answers(shell);
        match shell.open_on_business.take() {
            Some(BusinessItem::Opportunity(id)) => {
                self.tab = BusinessTab::Wins;
                self.wins.select(id);
            }
            Some(BusinessItem::Contact(id)) => {
                self.tab = BusinessTab::Network;
                self.network.select(id);
            }
            None => {}
        }

        self.header_ui(ui, view);
        ui.add_space(theme::SPACE_S);
        self.attention_ui(ui, &view.business);
        ui.add_space(theme::SPACE_S);
        match self.tab {
            BusinessTab::Wins => self.wins.ui(ui, view, outbox),
            BusinessTab::Accounts => self.accounts.ui(ui, view, outbox),
            BusinessTab::Initiatives => self.initiatives.ui(ui, view, outbox),
            BusinessTab::Network => self.network.ui(ui, view, outbox),
            BusinessTab::Scorecard => self.scorecard.ui(ui, view, outbox),
        }
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel) {
        ui.horizontal(|ui| {
            ui.heading("Business");
            if let Some(quarter) = view.business.quarter {
                ui.label(RichText::new(quarter.to_string()).weak());
            }
            ui.add_space(theme::SPACE_L);
            for tab in BusinessTab::ALL {
                ui.selectable_value(&mut self.tab, tab, tab.title());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let (label, hover) = match self.tab {
                    BusinessTab::Wins => ("➕ New opportunity", "Record an opportunity or a win"),
                    BusinessTab::Accounts => ("➕ New account", "Add a customer account"),
                    BusinessTab::Initiatives => ("➕ New initiative", "Start a market initiative"),
                    BusinessTab::Network => ("➕ New contact", "Add someone to your business network"),
                    BusinessTab::Scorecard => ("➕ New target", "Set a target for the quarter shown"),
                };
                if ui.button(label).on_hover_text(hover).clicked() {
                    self.open_new(view);
                }
            });
        });
    }

    /// The tab's "New" form.
    pub fn open_new(&mut self, view: &ViewModel) {
        match self.tab {
            BusinessTab::Wins => self.wins.open_new(view),
            BusinessTab::Accounts => self.accounts.open_new(),
            BusinessTab::Initiatives => self.initiatives.open_new(),
            BusinessTab::Network => self.network.open_new(),
            BusinessTab::Scorecard => self.scorecard.open_new(view),
        }
    }

    /// The attention strip: each kind on one line, its first items as links.
    fn attention_ui(&mut self, ui: &mut egui::Ui, business: &BusinessView) {
        let attention = &business.attention;
        if attention.is_empty() {
            if business.has_records() {
                ui.label(
                    RichText::new("✔ Nothing needs attention: every win this fiscal year has an agreed plan")
                        .color(theme::ok_color(ui)),
                );
            }
            return;
        }
        theme::card_frame(ui).inner_margin(egui::Margin::symmetric(12, 6)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if !attention.wins_without_plan.is_empty() {
                let names: Vec<(OpportunityId, String)> = attention
                    .wins_without_plan
                    .iter()
                    .map(|id| {
                        (*id, business.opportunity(*id).map_or_else(String::new, |o| o.fields.title.clone()))
                    })
                    .collect();
                let count = names.len();
                let title = format!("{} without an agreed consumption plan", plural(count, "win"));
                if let Some(id) = attention_line(ui, "⛔", theme::error_color(ui), &title, &names) {
                    self.tab = BusinessTab::Wins;
                    self.wins.select(id);
                }
            }
            let milestone_names = |ids: &[MilestoneId]| -> Vec<(MilestoneId, String)> {
                ids.iter()
                    .map(|id| {
                        let name = business.milestone(*id).map_or_else(String::new, |m| {
                            let win =
                                business.opportunity(m.opportunity).map_or("", |o| o.fields.title.as_str());
                            format!("{} ({win})", m.fields.workload)
                        });
                        (*id, name)
                    })
                    .collect()
            };
            if !attention.troubled.is_empty() {
                let blocked = attention
                    .troubled
                    .iter()
                    .filter(|id| {
                        business.milestone(**id).is_some_and(|m| {
                            m.fields.state == crate::model::business::MilestoneState::Blocked
                        })
                    })
                    .count();
                let at_risk = attention.troubled.len() - blocked;
                let mut parts = Vec::new();
                if blocked > 0 {
                    parts.push(format!("{} blocked", plural(blocked, "milestone")));
                }
                if at_risk > 0 {
                    parts.push(format!("{} at risk", plural(at_risk, "milestone")));
                }
                if let Some(id) = attention_line(
                    ui,
                    "⚠",
                    theme::warn_color(ui),
                    &parts.join(", "),
                    &milestone_names(&attention.troubled),
                ) {
                    self.open_milestone(business, id);
                }
            }
            if !attention.stale_commitments.is_empty() {
                let title = format!(
                    "{} due within 30 days with no evidence for 14 days",
                    plural(attention.stale_commitments.len(), "committed milestone")
                );
                if let Some(id) = attention_line(
                    ui,
                    "⏰",
                    theme::warn_color(ui),
                    &title,
                    &milestone_names(&attention.stale_commitments),
                ) {
                    self.open_milestone(business, id);
                }
            }
            if !attention.contacts_past_max.is_empty() {
                let names: Vec<(ContactId, String)> = attention
                    .contacts_past_max
                    .iter()
                    .map(|id| {
                        (
                            *id,
                            business.contact(*id).map_or_else(String::new, |c| c.contact.fields.name.clone()),
                        )
                    })
                    .collect();
                let title = format!("{} past their maximum interval", plural(names.len(), "contact"));
                if let Some(id) = attention_line(ui, "👥", theme::warn_color(ui), &title, &names) {
                    self.tab = BusinessTab::Network;
                    self.network.select(id);
                }
            }
        });
    }

    fn open_milestone(&mut self, business: &BusinessView, id: MilestoneId) {
        if let Some(milestone) = business.milestone(id) {
            self.tab = BusinessTab::Wins;
            self.wins.select(milestone.opportunity);
        }
    }
}

/// "⛔ 2 wins without an agreed consumption plan: Contoso data platform, Fabrikam AKS". Returns
/// the item clicked.
fn attention_line<T: Copy>(
    ui: &mut egui::Ui,
    icon: &str,
    color: egui::Color32,
    title: &str,
    items: &[(T, String)],
) -> Option<T> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(RichText::new(format!("{icon} {title}:")).color(color).strong());
        for (index, (id, name)) in items.iter().take(NAMED_ITEMS).enumerate() {
            let shown =
                if index + 1 < items.len().min(NAMED_ITEMS) { format!("{name},") } else { name.clone() };
            if ui.link(shown).on_hover_text("Open").clicked() {
                clicked = Some(*id);
            }
        }
        if items.len() > NAMED_ITEMS {
            ui.label(RichText::new(format!("and {} more", items.len() - NAMED_ITEMS)).weak());
        }
    });
    clicked
}
