//! Hiring on the This week screen: scorecards the manager still owes, the week's interviews,
//! and a new hire's onboarding plan on their prep card. Small on purpose: the Hiring tab of
//! the Team screen has the rest, one click away.

use chrono::NaiveDate;
use egui::RichText;

use super::{Shell, theme};
use crate::model::fiscal::IsoWeek;
use crate::model::one_on_one::short_date;
use crate::model::prep::Onboarding;
use crate::report::prep::onboarding_heading;
use crate::session::ViewModel;

/// The week's hiring, when there is any: scorecards owed (any week: they are late) and the
/// interviews in `week`.
pub fn ui(ui: &mut egui::Ui, view: &ViewModel, week: IsoWeek, shell: &mut Shell) {
    let hiring = &view.hiring;
    let interviews = hiring.interviews_in(week);
    if hiring.owed.is_empty() && interviews.is_empty() {
        return;
    }
    theme::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Hiring").strong());
        if !hiring.owed.is_empty() {
            theme::section_title(ui, &format!("Scorecards you owe ({})", hiring.owed.len()));
            for owed in &hiring.owed {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new("✏").color(theme::warn_color(ui)));
                    if ui
                        .link(RichText::new(&owed.candidate_name).strong())
                        .on_hover_text("Open the scorecard")
                        .clicked()
                    {
                        shell.open_requisition = Some((owed.requisition, Some(owed.candidate)));
                        shell.screen = super::Screen::Team;
                    }
                    let days = (view.today - owed.held_at.date()).num_days();
                    ui.label(
                        RichText::new(format!(
                            "{} · {} · interviewed {}",
                            owed.step,
                            owed.requisition_title,
                            crate::model::one_on_one::days_ago(days)
                        ))
                        .color(if days >= 1 {
                            theme::warn_color(ui)
                        } else {
                            ui.visuals().weak_text_color()
                        }),
                    );
                });
            }
        }
        if !interviews.is_empty() {
            theme::section_title(ui, &format!("Interviews this week ({})", interviews.len()));
            for interview in interviews {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(interview.held_at.format("%a %-d %b %H:%M").to_string()).monospace(),
                    );
                    if ui.link(&interview.candidate_name).clicked() {
                        shell.open_requisition = Some((interview.requisition, Some(interview.candidate)));
                        shell.screen = super::Screen::Team;
                    }
                    let mut detail = format!(
                        "{} with {} · {}",
                        interview.step, interview.who, interview.requisition_title
                    );
                    if interview.submitted {
                        detail.push_str(" · scored");
                    }
                    ui.label(RichText::new(detail).weak());
                });
            }
        }
    });
    ui.add_space(theme::SPACE_L);
}

/// A new hire's onboarding on their prep card: the day, the buddy, the plan's goals.
pub fn onboarding_ui(ui: &mut egui::Ui, onboarding: &Onboarding, as_of: NaiveDate) {
    theme::section_title(ui, &onboarding_heading(onboarding));
    for item in &onboarding.items {
        let (icon, color) = if item.done {
            ("✔", theme::ok_color(ui))
        } else if item.due_on < as_of {
            ("⚠", theme::error_color(ui))
        } else {
            ("☐", ui.visuals().text_color())
        };
        ui.horizontal_top(|ui| {
            ui.label(RichText::new(icon).color(color));
            ui.vertical(|ui| {
                ui.add(egui::Label::new(&item.text).wrap());
                ui.label(
                    RichText::new(format!("day {} · due {}", item.day, short_date(item.due_on, as_of)))
                        .small()
                        .color(ui.visuals().weak_text_color()),
                );
            });
        });
    }
}
