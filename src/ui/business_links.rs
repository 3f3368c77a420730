//! Where the rest of the app shows the Business screen's data: an architect's milestones on
//! their prep card, the contacts due a word on This week, an architect's accounts, wins and
//! milestones on their page, and where the market-building hours went on the Time screen.

use egui::RichText;

use super::business::BusinessItem;
use super::business_widgets as bw;
use super::{Shell, theme, widgets};
use crate::model::ArchitectId;
use crate::model::architect::Choice as _;
use crate::model::business::money::short_dollars;
use crate::model::business::{Touch, WorkLink};
use crate::model::one_on_one::short_date;
use crate::model::time_summary::hours_text;
use crate::session::ViewModel;

/// The "Milestones" section of an architect's prep card: theirs (owned, or on wins they drive)
/// that are at risk, blocked or due within 30 days. Nothing when there are none.
pub fn prep_card_milestones_ui(ui: &mut egui::Ui, view: &ViewModel, architect: ArchitectId) {
    let business = &view.business;
    let milestones = business.milestones_to_raise(architect);
    if milestones.is_empty() {
        return;
    }
    theme::section_title(ui, &format!("Milestones ({})", milestones.len()));
    for m in milestones {
        let f = &m.fields;
        let win = business.opportunity(m.opportunity).map_or("", |o| o.fields.title.as_str());
        let due = f
            .due_on
            .map_or_else(|| "no due date".to_owned(), |d| format!("due {}", short_date(d, view.today)));
        let overdue = f.due_on.is_some_and(|d| d < view.today);
        let color = if f.state.is_troubled() || overdue {
            bw::state_color(ui, f.state)
        } else {
            ui.visuals().text_color()
        };
        let color = if overdue && !f.state.is_troubled() { theme::warn_color(ui) } else { color };
        ui.horizontal_top(|ui| {
            let gutter = egui::vec2(20.0, 18.0);
            ui.allocate_ui_with_layout(gutter, egui::Layout::left_to_right(egui::Align::TOP), |ui| {
                ui.set_min_size(gutter);
                ui.label(RichText::new("🚀").color(color));
            });
            ui.vertical(|ui| {
                ui.add(egui::Label::new(format!("{} ({win})", f.workload)).wrap());
                let detail = format!("{} · {due}", f.state.label());
                ui.add(egui::Label::new(RichText::new(detail).small().color(color)).wrap());
            });
        });
    }
}

/// This week's list of business-network contacts due a word, those past their maximum first.
pub fn contacts_due_ui(ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
    let due = view.business.contacts_due();
    if due.is_empty() {
        return;
    }
    theme::section_title(
        ui,
        &format!("Network: {} due a word", crate::model::words::plural(due.len(), "contact")),
    );
    for row in due.iter().take(12) {
        let f = &row.contact.fields;
        ui.horizontal_wrapped(|ui| {
            let (icon, color) = match row.status.touch {
                Touch::PastMax => ("⚠", theme::error_color(ui)),
                _ => ("👋", theme::warn_color(ui)),
            };
            ui.label(RichText::new(icon).color(color));
            if ui.link(RichText::new(&f.name).strong()).on_hover_text("Open on the Business screen").clicked()
            {
                shell.screen = crate::ui::Screen::Business;
                shell.open_on_business = Some(BusinessItem::Contact(row.contact.id));
            }
            let last = row.last.map_or_else(
                || "never in touch".to_owned(),
                |d| format!("last {}", short_date(d, view.today)),
            );
            let org =
                if f.organisation.is_empty() { String::new() } else { format!("{} · ", f.organisation) };
            let max = if row.status.touch == Touch::PastMax {
                format!(" · past the maximum of {} days", f.max_days)
            } else {
                String::new()
            };
            ui.label(RichText::new(format!("{org}{last}{max}")).weak());
        });
    }
    if due.len() > 12 {
        ui.label(
            RichText::new(format!("and {} more on the Business screen (Ctrl+5)", due.len() - 12)).weak(),
        );
    }
}

/// The "Business" tab of an architect's page: the accounts they cover, the opportunities and
/// wins they drive (this and last fiscal year), and the milestones they own.
pub fn architect_tab_ui(ui: &mut egui::Ui, view: &ViewModel, architect: ArchitectId, shell: &mut Shell) {
    let business = &view.business;
    let accounts: Vec<&str> = business
        .accounts
        .iter()
        .filter(|a| a.account.fields.architects.contains(&architect))
        .map(|a| a.account.fields.name.as_str())
        .collect();
    theme::section_title(ui, &format!("Accounts ({})", accounts.len()));
    if accounts.is_empty() {
        ui.label(RichText::new("No accounts: list them in the profile, or assign them on the Business screen's Accounts tab.").weak());
    } else {
        ui.label(accounts.join(" · "));
    }
    let opportunities: Vec<_> = business.opportunities_of(architect).collect();
    theme::section_title(ui, &format!("Opportunities and wins ({})", opportunities.len()));
    if opportunities.is_empty() {
        ui.label(RichText::new("None this fiscal year or last.").weak());
    }
    for o in opportunities {
        let f = &o.fields;
        ui.horizontal(|ui| {
            ui.label(RichText::new(f.status.label()).color(bw::status_color(ui, f.status)));
            if ui.link(&f.title).on_hover_text("Open on the Business screen").clicked() {
                shell.screen = crate::ui::Screen::Business;
                shell.open_on_business = Some(BusinessItem::Opportunity(o.id));
            }
            let plan = match (f.status, o.plan.is_agreed()) {
                (crate::model::business::OpportunityStatus::Won, false) => " · no agreed plan",
                _ => "",
            };
            ui.label(
                RichText::new(format!(
                    "{} · stage {} · {}/month{plan}",
                    business.account_name(f.account),
                    f.stage.number(),
                    short_dollars(f.monthly_acr)
                ))
                .weak(),
            );
        });
    }
    let milestones: Vec<_> = business.milestones_owned_by(architect).collect();
    theme::section_title(ui, &format!("Milestones they own ({})", milestones.len()));
    if milestones.is_empty() {
        ui.label(RichText::new("None.").weak());
    }
    for m in milestones {
        let f = &m.fields;
        ui.horizontal(|ui| {
            widgets::pill(ui, f.state.label(), bw::state_color(ui, f.state));
            ui.label(&f.workload);
            let due = f.due_on.map_or_else(String::new, |d| format!("due {d}"));
            ui.label(RichText::new(due).weak());
        });
    }
}

/// The width of an account's or initiative's name in the market-hours list.
const MARKET_NAME_WIDTH: f32 = 300.0;

/// On the Time screen's quarter view: where the quarter's market-building hours went, by the
/// account or initiative each entry named.
pub fn market_hours_ui(ui: &mut egui::Ui, view: &ViewModel) {
    let links = &view.time.market_links;
    let total: u32 = links.iter().map(|(_, m)| m).sum();
    if total == 0 {
        return;
    }
    theme::section_title(ui, "Where the market-building hours went");
    egui::Grid::new("market_hours").num_columns(3).spacing([12.0, 4.0]).show(ui, |ui| {
        for (link, minutes) in links.iter().take(8) {
            let name = match link {
                Some(link) => {
                    let kind = match link {
                        WorkLink::Account(_) => "🏢",
                        WorkLink::Initiative(_) => "🚀",
                    };
                    format!("{kind} {}", link_label(view, *link))
                }
                None => "(no account or initiative named)".to_owned(),
            };
            // A fixed width: a truncated label alone in a grid cell shrinks to nothing.
            let size = egui::vec2(MARKET_NAME_WIDTH, ui.spacing().interact_size.y);
            ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.set_min_size(size);
                ui.add(egui::Label::new(name.as_str()).truncate()).on_hover_text(&name);
            });
            ui.label(hours_text(*minutes));
            ui.label(
                RichText::new(format!("{:.0} %", f64::from(*minutes) * 100.0 / f64::from(total))).weak(),
            );
            ui.end_row();
        }
    });
    if links.len() > 8 {
        ui.label(RichText::new(format!("and {} more", links.len() - 8)).weak());
    }
}

/// The name of the account or initiative a time entry names.
pub fn link_label(view: &ViewModel, link: WorkLink) -> String {
    match link {
        WorkLink::Account(id) => view.business.account_name(id).to_owned(),
        WorkLink::Initiative(id) => {
            view.business.initiative(id).map_or_else(String::new, |i| i.fields.title.clone())
        }
    }
}
