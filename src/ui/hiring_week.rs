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
/// interviews in `week`. Two wrapped lines, no card: the prep cards stay the page's body.
pub fn ui(ui: &mut egui::Ui, view: &ViewModel, week: IsoWeek, shell: &mut Shell) {
    let hiring = &view.hiring;
    let interviews = hiring.interviews_in(week);
    let owed = hiring.owed_at(super::hiring::now_on(view.today));
    if owed.is_empty() && interviews.is_empty() {
        return;
    }
    let mut open = None;
    if !owed.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("✏ Scorecards you owe ({}):", owed.len()))
                    .strong()
                    .color(theme::warn_color(ui)),
            );
            for (index, owed) in owed.iter().enumerate() {
                if index > 0 {
                    ui.label(RichText::new("·").weak());
                }
                if ui.link(&owed.candidate_name).on_hover_text("Open the scorecard").clicked() {
                    open = Some((owed.requisition, owed.candidate));
                }
                let days = (view.today - owed.held_at.date()).num_days();
                let text = format!("{}, interviewed {}", owed.step, crate::model::one_on_one::days_ago(days));
                let color = if days >= 1 { theme::warn_color(ui) } else { ui.visuals().weak_text_color() };
                ui.label(RichText::new(text).color(color)).on_hover_text(&owed.requisition_title);
            }
        });
    }
    if !interviews.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Interviews this week ({}):", interviews.len())).strong());
            for (index, interview) in interviews.iter().enumerate() {
                if index > 0 {
                    ui.label(RichText::new("·").weak());
                }
                ui.label(interview.held_at.format("%a %-d %b %H:%M").to_string());
                if ui.link(&interview.candidate_name).clicked() {
                    open = Some((interview.requisition, interview.candidate));
                }
                let scored = if interview.submitted { ", scored" } else { "" };
                ui.label(RichText::new(format!("{} with {}{scored}", interview.step, interview.who)).weak())
                    .on_hover_text(&interview.requisition_title);
            }
        });
    }
    if let Some((requisition, candidate)) = open {
        shell.open_requisition = Some((requisition, Some(candidate)));
        shell.screen = super::Screen::Team;
    }
    ui.add_space(theme::SPACE_M);
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
