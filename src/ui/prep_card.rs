//! One prep card of This week: who, since when, what is carried over and open, what the
//! development plan flags, what the last meeting's notes left open, and the one button that
//! starts (or continues) the one-on-one.

use egui::{RichText, Sides};

use super::theme;
use crate::model::OneOnOneId;
use crate::model::certification::short_name;
use crate::model::one_on_one::{ActionItem, TalkingPoint, short_date};
use crate::model::prep::{PrepCard, PrepSheet};
use crate::report::prep::{self as prep_report, action_detail, card_summary, point_detail};
use crate::session::ViewModel;

pub enum CardAction {
    None,
    Start,
    /// Open the meeting started this week that has nothing in it yet.
    Continue(OneOnOneId),
    History,
}

/// One prep card.
pub fn card_ui(ui: &mut egui::Ui, card: &PrepCard, sheet: &PrepSheet, view: &ViewModel) -> CardAction {
    let as_of = sheet.as_of;
    let mut action = CardAction::None;
    theme::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        Sides::new().shrink_left().truncate().show(
            ui,
            |ui| {
                ui.label(RichText::new(&card.name).size(17.0).strong()).on_hover_text(&card.name);
            },
            |ui| match card.started {
                Some(started) => {
                    if ui
                        .add(theme::primary_button(ui, "▶ Continue 1:1"))
                        .accessible_name(format!("Continue the one-on-one with {}", card.name))
                        .on_hover_text(format!(
                            "Started {}; nothing in it yet",
                            short_date(started.held_on, as_of)
                        ))
                        .clicked()
                    {
                        action = CardAction::Continue(started.id);
                    }
                }
                None => {
                    if ui
                        .add(theme::primary_button(ui, "▶ Start 1:1"))
                        .accessible_name(format!("Start the one-on-one with {}", card.name))
                        .on_hover_text("Opens the meeting with this card's agenda")
                        .clicked()
                    {
                        action = CardAction::Start;
                    }
                }
            },
        );
        ui.label(RichText::new(card_summary(card)).weak());
        if let Some(started) = card.started {
            ui.label(
                RichText::new(format!(
                    "Started {}; nothing in it yet, so it does not count as held",
                    short_date(started.held_on, as_of)
                ))
                .italics(),
            );
        }
        if let Some(gist) = &card.last_gist {
            theme::section_title(ui, "Last time");
            ui.add(egui::Label::new(RichText::new(gist).italics()).wrap());
        }
        if !card.open_in_notes.is_empty() {
            theme::section_title(ui, &format!("Open in the notes ({})", card.open_in_notes.len()));
            for item in &card.open_in_notes {
                item_row(
                    ui,
                    "☐",
                    theme::carried_color(ui),
                    &crate::model::notes::plain_text(item),
                    "unticked in the last meeting's notes",
                    None,
                );
            }
        }
        if card.days_since_last.is_none() {
            ui.label(
                RichText::new("First one-on-one: a good moment to agree how you will work together.")
                    .italics(),
            );
        }
        if let Some(onboarding) = &card.onboarding {
            super::hiring_week::onboarding_ui(ui, onboarding, as_of);
        }

        if !card.carried_points.is_empty() {
            theme::section_title(ui, &format!("Carried over ({})", card.carried_points.len()));
            for point in &card.carried_points {
                carried_point_ui(ui, point, &card.name, as_of);
            }
        }
        if !card.open_actions.is_empty() {
            let overdue = card.overdue_count(as_of);
            let title = if overdue > 0 {
                format!("Open actions ({}, {overdue} overdue)", card.open_actions.len())
            } else {
                format!("Open actions ({})", card.open_actions.len())
            };
            theme::section_title(ui, &title);
            for item in &card.open_actions {
                open_action_ui(ui, item, &card.name, as_of);
            }
        }
        if !card.done_since_last.is_empty() {
            theme::section_title(ui, "Done since last time");
            for item in &card.done_since_last {
                item_row(
                    ui,
                    "✔",
                    theme::ok_color(ui),
                    &item.fields.text,
                    &action_detail(item, &card.name, as_of),
                    None,
                );
            }
        }
        if !card.goals.is_empty() {
            theme::section_title(ui, "Goals");
            for goal in &card.goals {
                let overdue = goal.overdue_days.is_some();
                let color = if overdue { theme::error_color(ui) } else { theme::warn_color(ui) };
                let detail = prep_report::goal_detail(goal, as_of);
                item_row(ui, "🎯", color, &goal.description, &detail, overdue.then_some(color));
            }
        }
        if !card.certs.is_empty() {
            theme::section_title(ui, "Certifications");
            for cert in &card.certs {
                let text = format!("{} {}", cert.code, short_name(&cert.name));
                item_row(
                    ui,
                    "🎓",
                    theme::warn_color(ui),
                    &text,
                    &prep_report::cert_detail(cert, as_of),
                    None,
                );
            }
        }
        super::business_links::prep_card_milestones_ui(ui, view, card.architect_id);
        if !card.changes.is_empty() {
            theme::section_title(ui, "Since last time");
            for change in &card.changes {
                item_row(ui, "📈", theme::ok_color(ui), &change.text, &short_date(change.on, as_of), None);
            }
        }
        if card.is_empty() && card.days_since_last.is_some() {
            ui.add_space(theme::SPACE_S);
            ui.label(RichText::new("Nothing carried over and no open actions: a clean slate.").weak());
        }
        // Goals and certifications are suggested too, but they show once, in their sections.
        let suggested: Vec<_> = prep_report::suggestions_shown(card).collect();
        if !suggested.is_empty() {
            theme::section_title(ui, "Suggested for the agenda");
            for point in suggested {
                item_row(ui, "💬", ui.visuals().weak_text_color(), &point.text, "", None);
            }
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            if ui
                .small_button("History")
                .accessible_name(format!("One-on-one history of {}", card.name))
                .on_hover_text("Every one-on-one with them")
                .clicked()
            {
                action = CardAction::History;
            }
        });
    });
    action
}

fn carried_point_ui(ui: &mut egui::Ui, point: &TalkingPoint, name: &str, as_of: chrono::NaiveDate) {
    item_row(ui, "↪", theme::carried_color(ui), &point.fields.text, &point_detail(point, name, as_of), None);
}

pub fn open_action_ui(ui: &mut egui::Ui, action: &ActionItem, name: &str, as_of: chrono::NaiveDate) {
    let overdue = action.overdue_days(as_of).is_some();
    let (icon, color) =
        if overdue { ("⚠", theme::error_color(ui)) } else { ("☐", ui.visuals().text_color()) };
    let detail_color = overdue.then(|| theme::error_color(ui));
    item_row(ui, icon, color, &action.fields.text, &action_detail(action, name, as_of), detail_color);
}

/// An item: an icon in a gutter, the text wrapping beside it, a small detail line under it.
pub fn item_row(
    ui: &mut egui::Ui,
    icon: &str,
    icon_color: egui::Color32,
    text: &str,
    detail: &str,
    detail_color: Option<egui::Color32>,
) {
    ui.horizontal_top(|ui| {
        let gutter = egui::vec2(20.0, 18.0);
        ui.allocate_ui_with_layout(gutter, egui::Layout::left_to_right(egui::Align::TOP), |ui| {
            ui.set_min_size(gutter);
            ui.label(RichText::new(icon).color(icon_color));
        });
        ui.vertical(|ui| {
            ui.add(egui::Label::new(text).wrap());
            if !detail.is_empty() {
                let color = detail_color.unwrap_or_else(|| ui.visuals().weak_text_color());
                ui.add(egui::Label::new(RichText::new(detail).small().color(color)).wrap());
            }
        });
    });
}
