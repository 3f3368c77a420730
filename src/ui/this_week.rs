//! This week, the home screen: for an ISO week, who is due a one-on-one by their cadence and a
//! prep card for each (carried-over talking points, open actions with overdue ones flagged,
//! what was done since, development alerts), the one-on-ones already held, who is not due,
//! and the manager's own week split. A one-on-one starts from its card.

use egui::{RichText, Sides};

use super::{FileAction, Shell};
use super::{theme, widgets};
use crate::model::fiscal::IsoWeek;
use crate::model::one_on_one::{ActionItem, TalkingPoint, short_date};
use crate::model::prep::{PrepCard, PrepSheet, WeekSplit};
use crate::report::prep::{self as prep_report, action_detail, card_summary, point_detail};
use crate::session::{Command, Origin, Outbox, ViewModel};

/// The title of the save dialog, which its answer comes back under.
const SAVE_PREP_SHEET: &str = "Save the prep sheet";
/// ▶ Start 1:1 on a card.
const START: Origin = Origin::new("this week: start");

#[derive(Default)]
pub struct ThisWeekState {
    pub error: Option<String>,
    /// The "Save prep sheet" path being typed, while that dialog is open.
    save_path: Option<String>,
}

impl ThisWeekState {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        if let Some(answer) = shell.answer(START) {
            self.error = answer.err();
        }
        let Some(sheet) = &view.prep else {
            widgets::empty_state(ui, "This week", "The database could not be read.");
            return;
        };
        self.header_ui(ui, view, sheet, shell);
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        ui.add_space(theme::SPACE_M);
        self.save_dialog_ui(ui, sheet, shell);

        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            if let Some(split) = &sheet.week_split {
                week_split_ui(ui, split);
                ui.add_space(theme::SPACE_L);
            }
            super::hiring_week::ui(ui, view, sheet.week, shell);
            if view.architects.is_empty() {
                widgets::empty_state(
                    ui,
                    "No team yet",
                    "Add your architects on the Team screen (Ctrl+2); their one-on-ones will be prepared here.",
                );
                return;
            }
            if sheet.due.is_empty() {
                let (title, hint) = if sheet.held.is_empty() {
                    ("Nobody is due a one-on-one this week", "Biweekly architects are due every other week.")
                } else {
                    ("Every one-on-one due this week is done", "Well done. The next week is one click away (▶).")
                };
                ui.vertical_centered(|ui| {
                    ui.add_space(theme::SPACE_L);
                    ui.label(RichText::new(title).heading());
                    ui.label(RichText::new(hint).weak());
                    ui.add_space(theme::SPACE_L);
                });
            } else {
                cards_ui(ui, view, sheet, shell, outbox);
            }
            ui.add_space(theme::SPACE_L);
            others_ui(ui, sheet, shell);
        });
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, sheet: &PrepSheet, shell: &mut Shell) {
        let current = IsoWeek::of(view.today);
        Sides::new().show(
            ui,
            |ui| {
                ui.heading(if sheet.week == current { "This week" } else { "Week" });
                if ui.button("◀").accessible_name("Previous week").on_hover_text("Previous week").clicked()
                {
                    shell.selection.week = Some(sheet.week.previous());
                }
                ui.label(RichText::new(sheet.week.to_string()).strong().size(16.0));
                if ui.button("▶").accessible_name("Next week").on_hover_text("Next week").clicked() {
                    shell.selection.week = Some(sheet.week.next());
                }
                ui.label(RichText::new(prep_report::week_range(sheet)).weak());
                if sheet.week != current && ui.button("Back to this week").clicked() {
                    shell.selection.week = None;
                }
            },
            |ui| {
                if ui
                    .button("💾 Save…")
                    .on_hover_text("Save the prep sheet as a Markdown file")
                    .accessible_name("Save the prep sheet")
                    .clicked()
                {
                    self.save_path = Some(default_save_path(view, sheet));
                }
                if ui
                    .button("📋 Copy prep sheet")
                    .on_hover_text("Copy the week's prep sheet as Markdown, to paste into a notebook")
                    .clicked()
                {
                    ui.ctx().copy_text(prep_report::markdown(sheet));
                    shell.status = format!("Copied the prep sheet for {} (Markdown)", sheet.week);
                    shell.toasts.info(format!("Copied the prep sheet for {}", sheet.week));
                }
            },
        );
        let mut summary = vec![sheet.as_of.format("%A %-d %B").to_string()];
        summary.push(match sheet.due.len() {
            0 => "no one-on-ones due".to_owned(),
            1 => "1 one-on-one due".to_owned(),
            n => format!("{n} one-on-ones due"),
        });
        if !sheet.held.is_empty() {
            summary.push(format!("{} held", sheet.held.len()));
        }
        let overdue: usize = sheet.due.iter().map(|c| c.overdue_count(sheet.as_of)).sum();
        if overdue > 0 {
            summary.push(format!("{overdue} overdue action{}", if overdue == 1 { "" } else { "s" }));
        }
        ui.label(RichText::new(summary.join(" · ")).weak());
    }

    fn save_dialog_ui(&mut self, ui: &egui::Ui, sheet: &PrepSheet, shell: &mut Shell) {
        let Some(path) = &mut self.save_path else { return };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("save_prep_sheet")).show(ui.ctx(), |ui| {
            ui.set_width(520.0);
            ui.heading(format!("Save the prep sheet for {}", sheet.week));
            ui.add_space(theme::SPACE_M);
            ui.label("A Markdown file, readable only by you.");
            let mut chosen = widgets::chosen_markdown_file(shell, SAVE_PREP_SHEET);
            let row = widgets::form_row(ui, "File", |ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(path)
                        .desired_width(ui.available_width() - theme::CHOOSE_BUTTON_WIDTH),
                );
                if ui.button("Choose…").on_hover_text("Pick the file in your system's dialog").clicked() {
                    widgets::choose_markdown_file(shell, SAVE_PREP_SHEET, path);
                }
                field
            });
            let enter = row.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                let save = ui.button(RichText::new("Save").strong()).clicked() || enter;
                if let Some(target) = chosen.take().or_else(|| save.then(|| path.trim().into())) {
                    shell.file_actions.push(FileAction::SaveMarkdown {
                        path: target,
                        text: prep_report::markdown(sheet),
                        what: format!("the prep sheet for {}", sheet.week),
                    });
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.save_path = None;
        }
    }
}

fn cards_ui(ui: &mut egui::Ui, view: &ViewModel, sheet: &PrepSheet, shell: &mut Shell, outbox: &mut Outbox) {
    let width = ui.available_width();
    let columns = if width >= 3.0 * theme::CARD_MIN_WIDTH {
        3
    } else if width >= 2.0 * theme::CARD_MIN_WIDTH {
        2
    } else {
        1
    };
    let mut start = None;
    let mut history = None;
    ui.columns(columns, |cols| {
        for (index, card) in sheet.due.iter().enumerate() {
            let ui = &mut cols[index % columns];
            match card_ui(ui, card, sheet) {
                CardAction::None => {}
                CardAction::Start => start = Some(card),
                CardAction::History => history = Some(card.architect_id),
            }
            ui.add_space(theme::SPACE_M);
        }
    });
    if let Some(card) = start {
        let held_on = start_date(sheet.week, view.today);
        outbox.send(
            START,
            Command::StartOneOnOne { architect: card.architect_id, held_on, agenda: card.suggested.clone() },
        );
    }
    if let Some(architect) = history {
        shell.open_history(architect);
    }
}

/// The date a one-on-one started from a card gets: today in the current week, otherwise the
/// week's Monday (the manager can change it in the editor).
pub fn start_date(week: IsoWeek, today: chrono::NaiveDate) -> chrono::NaiveDate {
    if IsoWeek::of(today) == week { today } else { week.monday() }
}

fn default_save_path(view: &ViewModel, sheet: &PrepSheet) -> String {
    let folder = directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(std::path::Path::to_path_buf))
        .or_else(|| view.db_path.parent().map(std::path::Path::to_path_buf))
        .unwrap_or_default();
    folder.join(format!("leadline-prep-{}.md", sheet.week)).display().to_string()
}

enum CardAction {
    None,
    Start,
    History,
}

/// One prep card.
fn card_ui(ui: &mut egui::Ui, card: &PrepCard, sheet: &PrepSheet) -> CardAction {
    let as_of = sheet.as_of;
    let mut action = CardAction::None;
    theme::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        Sides::new().shrink_left().truncate().show(
            ui,
            |ui| {
                ui.label(RichText::new(&card.name).size(17.0).strong()).on_hover_text(&card.name);
            },
            |ui| {
                if ui
                    .add(theme::primary_button(ui, "▶ Start 1:1"))
                    .accessible_name(format!("Start the one-on-one with {}", card.name))
                    .on_hover_text("Opens the meeting with this card's agenda")
                    .clicked()
                {
                    action = CardAction::Start;
                }
            },
        );
        ui.label(RichText::new(card_summary(card)).weak());
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
                let (detail, color) = match (goal.stalled, goal.target_on) {
                    (true, _) => ("stalled".to_owned(), theme::warn_color(ui)),
                    (false, Some(target)) => {
                        (format!("due {}", short_date(target, as_of)), theme::warn_color(ui))
                    }
                    (false, None) => ("due".to_owned(), theme::warn_color(ui)),
                };
                item_row(ui, "🎯", color, &goal.description, &detail, None);
            }
        }
        if !card.certs.is_empty() {
            theme::section_title(ui, "Certifications");
            for cert in &card.certs {
                let text = format!("{} {}", cert.code, cert.name);
                let detail = format!("{} · {}", cert.state, short_date(cert.date, as_of));
                item_row(ui, "🎓", theme::warn_color(ui), &text, &detail, None);
            }
        }
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
        if !card.suggested.is_empty() {
            theme::section_title(ui, "Suggested for the agenda");
            for point in &card.suggested {
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

fn open_action_ui(ui: &mut egui::Ui, action: &ActionItem, name: &str, as_of: chrono::NaiveDate) {
    let overdue = action.overdue_days(as_of).is_some();
    let (icon, color) =
        if overdue { ("⚠", theme::error_color(ui)) } else { ("☐", ui.visuals().text_color()) };
    let detail_color = overdue.then(|| theme::error_color(ui));
    item_row(ui, icon, color, &action.fields.text, &action_detail(action, name, as_of), detail_color);
}

/// An item: an icon in a gutter, the text wrapping beside it, a small detail line under it.
fn item_row(
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

/// Held this week, not due, on leave: compact lists under the cards.
fn others_ui(ui: &mut egui::Ui, sheet: &PrepSheet, shell: &mut Shell) {
    if !sheet.held.is_empty() {
        theme::section_title(ui, "Already held this week");
        for held in &sheet.held {
            let h = &held.held;
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("✔").color(theme::ok_color(ui)));
                if ui.link(RichText::new(&held.name).strong()).on_hover_text("Open this one-on-one").clicked()
                {
                    shell.open_meeting(held.architect_id, h.meeting.id);
                }
                ui.label(
                    RichText::new(format!(
                        "{} · {} of {} talking points discussed · {}",
                        short_date(h.meeting.held_on, sheet.as_of),
                        h.points_discussed,
                        h.points_total,
                        prep_report::open_actions_text(h.actions_open)
                    ))
                    .weak(),
                );
            });
        }
    }
    if !sheet.not_due.is_empty() {
        theme::section_title(ui, "Not due this week");
        for n in &sheet.not_due {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&n.name).strong());
                ui.label(
                    RichText::new(format!(
                        "every two weeks · last {} · next due {}",
                        short_date(n.last_held_on, sheet.as_of),
                        n.next_due
                    ))
                    .weak(),
                );
            });
        }
    }
    if !sheet.on_leave.is_empty() {
        theme::section_title(ui, "On leave");
        let names: Vec<&str> = sheet.on_leave.iter().map(|(_, name)| name.as_str()).collect();
        ui.label(RichText::new(names.join(", ")).weak());
    }
}

/// The manager's own week against the targets: a bar per category and the drift sentence.
/// Shown only when the time split has data for the week.
pub fn week_split_ui(ui: &mut egui::Ui, week_split: &WeekSplit) {
    use crate::model::architect::Choice as _;
    use crate::model::split::Category;
    theme::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("My week").strong());
        let (_, drift) = prep_report::split_lines(week_split);
        for &category in Category::ALL {
            let share = week_split.split.share_pct(category);
            let target = week_split.targets.pct(category);
            ui.horizontal(|ui| {
                ui.add_sized([170.0, 18.0], egui::Label::new(category.label()).truncate());
                ui.add(
                    egui::ProgressBar::new(share_fraction(share))
                        .desired_width(260.0)
                        .text(format!("{share:.0} % (target {target} %)")),
                );
            });
        }
        ui.label(RichText::new(drift).weak());
    });
}

/// A share in percent as the 0..1 fraction a progress bar takes.
#[allow(clippy::cast_possible_truncation, reason = "a share is 0 to 100: f32 holds it exactly enough")]
fn share_fraction(share_pct: f64) -> f32 {
    (share_pct / 100.0).clamp(0.0, 1.0) as f32
}
