//! The One-on-ones screen: the team on the left; on the right the open meeting's editor, or
//! the selected architect's history with export to Markdown.

use egui::{RichText, Sides};

use super::meeting_editor::MeetingEditor;
use super::templates::TemplatesEditor;
use super::this_week::start_date;
use super::{FileAction, Shell, theme, widgets};
use crate::model::fiscal::IsoWeek;
use crate::model::one_on_one::{days_ago, short_date};
use crate::model::search::HitKind;
use crate::model::search::flatten_snippet;
use crate::model::words::plural;
use crate::model::{Architect, Status};
use crate::session::{Command, Origin, Outbox, ViewModel};

/// "▶ Start a one-on-one today" on an architect's history.
const START_TODAY: Origin = Origin::new("one-on-ones: start today");

/// The title of the save dialog, which its answer comes back under.
const SAVE_HISTORY: &str = "Save the one-on-one history";

#[derive(Default)]
pub struct OneOnOnesState {
    pub editor: Option<MeetingEditor>,
    templates: Option<TemplatesEditor>,
    show_left: bool,
    error: Option<String>,
    /// The "Save history" path being typed, while that dialog is open.
    save_path: Option<String>,
    /// An item found by search, to show when its meeting opens.
    pending_highlight: Option<(HitKind, i64)>,
}

impl OneOnOnesState {
    /// Asks the editor to show an item found by search.
    pub fn highlight(&mut self, kind: HitKind, item_id: i64) {
        self.pending_highlight = Some((kind, item_id));
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        if let Some(answer) = shell.answer(START_TODAY) {
            self.error = answer.err();
        }
        egui::Panel::left("one_on_one_people")
            .resizable(false)
            .exact_size(theme::PEOPLE_LIST_WIDTH)
            .show(ui, |ui| self.people_ui(ui, view, shell));

        // The editor follows the meeting the app has loaded.
        match &view.meeting {
            Some(meeting) => {
                if self.editor.as_ref().is_none_or(|e| e.id != meeting.meeting.id) {
                    self.editor = Some(MeetingEditor::new(meeting));
                }
                if let (Some(editor), Some((kind, id))) = (&mut self.editor, self.pending_highlight.take()) {
                    editor.highlight(kind, id);
                }
            }
            None => self.editor = None,
        }
        if let Some((quarter, list)) = shell.meeting_list {
            super::meeting_list::list_ui(ui, view, quarter, list, shell);
        } else if let (Some(editor), Some(meeting)) = (&mut self.editor, &view.meeting) {
            editor.ui(ui, view, meeting, shell, outbox);
        } else if let Some(architect) = shell.selection.architect.and_then(|id| view.architect(id)) {
            self.history_ui(ui, view, architect, shell, outbox);
        } else {
            widgets::empty_state(
                ui,
                "One-on-ones",
                "Choose a person on the left to see their one-on-ones, or start one from a prep card on This week (Ctrl+1).",
            );
        }
        if let Some(templates) = &mut self.templates
            && !templates.ui(ui.ctx(), view, &mut shell.inbox, outbox)
        {
            self.templates = None;
        }
        self.save_dialog_ui(ui, shell);
    }

    fn people_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
        ui.add_space(theme::SPACE_M);
        ui.heading("People");
        ui.add_space(theme::SPACE_S);
        let shown: Vec<&Architect> =
            view.architects.iter().filter(|a| self.show_left || a.fields.status != Status::Left).collect();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .max_height(ui.available_height() - 70.0)
            .show(ui, |ui| {
                for architect in shown {
                    let selected = shell.selection.architect == Some(architect.id);
                    let detail = match view.last_held.get(&architect.id) {
                        Some(on) => format!("last {}", short_date(*on, view.today)),
                        None => "no one-on-one yet".to_owned(),
                    };
                    let energy = view.energy.get(&architect.id).map_or(&[][..], Vec::as_slice);
                    if person_row(ui, architect.name(), &detail, selected, energy).clicked() {
                        shell.open_history(architect.id);
                    }
                }
            });
        ui.separator();
        ui.checkbox(&mut self.show_left, "Show people who left");
        if ui.button("✏ Talking-point templates…").clicked() {
            self.templates = Some(TemplatesEditor::default());
        }
    }

    fn history_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        architect: &Architect,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        let name = architect.name();
        ui.add_space(theme::SPACE_M);
        Sides::new().shrink_left().truncate().show(
            ui,
            |ui| {
                ui.heading(name).on_hover_text(name);
            },
            |ui| {
                if ui.button("💾 Save…").accessible_name("Save the history").clicked() {
                    self.save_path = Some(default_history_path(view, architect, shell));
                }
                if ui.button("📋 Copy history").on_hover_text("Every one-on-one as Markdown").clicked() {
                    shell.file_actions.push(FileAction::CopyHistory(architect.id));
                }
                let today = view.today;
                let open_today = view
                    .history
                    .iter()
                    .find(|m| m.meeting.held_on == start_date(IsoWeek::of(today), today))
                    .map(|m| m.meeting.id);
                if let Some(id) = open_today {
                    if ui.button(RichText::new("Open today's one-on-one").strong()).clicked() {
                        shell.open_meeting(architect.id, id);
                    }
                } else if architect.fields.status != Status::Left
                    && ui
                        .button(RichText::new("▶ Start a one-on-one today").strong())
                        .accessible_name(format!("Start a one-on-one with {name} today"))
                        .clicked()
                {
                    outbox.send(
                        START_TODAY,
                        Command::StartOneOnOne {
                            architect: architect.id,
                            held_on: today,
                            agenda: Vec::new(),
                        },
                    );
                }
            },
        );
        let count = view.history.len();
        let summary = match (count, view.last_held.get(&architect.id)) {
            (0, _) | (_, None) => "No one-on-ones yet.".to_owned(),
            (n, Some(last)) => format!(
                "{} · last {} ({})",
                plural(n, "one-on-one"),
                short_date(*last, view.today),
                days_ago((view.today - *last).num_days())
            ),
        };
        ui.label(RichText::new(summary).weak());
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        ui.add_space(theme::SPACE_M);
        egui::ScrollArea::vertical().id_salt("history").auto_shrink([false, false]).show(ui, |ui| {
            for summary in &view.history {
                let m = &summary.meeting;
                let response = theme::card_frame(ui)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(m.held_on.format("%a %-d %b %Y").to_string()).strong());
                            if let Some(mood) = m.mood {
                                ui.label(RichText::new(format!("energy {mood}/5")).weak());
                            }
                            ui.label(
                                RichText::new(format!(
                                    "{} raised · {} discussed · {}",
                                    plural(summary.points_raised, "talking point"),
                                    summary.points_discussed,
                                    plural(summary.actions_raised, "action"),
                                ))
                                .weak(),
                            );
                        });
                        let gist = flatten_snippet(&summary.notes);
                        if !gist.is_empty() {
                            ui.add(egui::Label::new(RichText::new(gist).italics()).truncate());
                        }
                    })
                    .response
                    .interact(egui::Sense::click());
                let response = response
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .accessible_name(format!("Open the one-on-one of {}", m.held_on));
                if response.clicked() {
                    shell.open_meeting(architect.id, m.id);
                }
                ui.add_space(theme::SPACE_S);
            }
        });
    }

    fn save_dialog_ui(&mut self, ui: &egui::Ui, shell: &mut Shell) {
        let Some(path) = &mut self.save_path else { return };
        let Some(architect) = shell.selection.architect else {
            self.save_path = None;
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("save_history")).show(ui.ctx(), |ui| {
            ui.set_width(theme::DIALOG_WIDTH_WIDE);
            ui.heading("Save the one-on-one history");
            ui.add_space(theme::SPACE_M);
            ui.label("A Markdown file, readable only by you.");
            let mut chosen = widgets::chosen_markdown_file(shell, SAVE_HISTORY);
            widgets::form_row(ui, "File", |ui| {
                ui.add(
                    egui::TextEdit::singleline(path)
                        .desired_width(ui.available_width() - theme::CHOOSE_BUTTON_WIDTH),
                );
                if ui.button("Choose…").on_hover_text("Pick the file in your system's dialog").clicked() {
                    widgets::choose_markdown_file(shell, SAVE_HISTORY, path);
                }
            });
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                let save = ui.button(RichText::new("Save").strong()).clicked();
                if let Some(target) = chosen.take().or_else(|| save.then(|| path.trim().into())) {
                    shell.file_actions.push(FileAction::SaveHistory { architect, path: target });
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

fn default_history_path(view: &ViewModel, architect: &Architect, shell: &Shell) -> String {
    let folder = widgets::save_folder(shell, super::SaveKind::History, &view.db_path);
    let slug: String = architect
        .name()
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    folder.join(format!("leadline-one-on-ones-{slug}.md")).display().to_string()
}

/// One person in the list: the name on one line and when they last met under it, both cut
/// with an ellipsis when too long; selectable like a list item.
fn person_row(ui: &mut egui::Ui, name: &str, detail: &str, selected: bool, energy: &[u8]) -> egui::Response {
    let size = egui::vec2(ui.available_width(), 40.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
        }
        let trend_width = if energy.len() > 1 { TREND_WIDTH + 8.0 } else { 0.0 };
        let width = rect.width() - 16.0 - trend_width;
        let truncate = Some(egui::TextWrapMode::Truncate);
        let name_text = egui::WidgetText::from(RichText::new(name).strong());
        let name_galley = name_text.into_galley(ui, truncate, width, egui::TextStyle::Body);
        let detail_text = egui::WidgetText::from(RichText::new(detail).small());
        let detail_galley = detail_text.into_galley(ui, truncate, width, egui::TextStyle::Small);
        let text_color = if selected { visuals.text_color() } else { ui.visuals().strong_text_color() };
        let top = rect.left_top() + egui::vec2(8.0, 4.0);
        ui.painter().galley(top, name_galley, text_color);
        ui.painter().galley(top + egui::vec2(0.0, 19.0), detail_galley, ui.visuals().weak_text_color());
        if energy.len() > 1 {
            let area = egui::Rect::from_min_size(
                egui::pos2(rect.right() - TREND_WIDTH - 8.0, rect.top() + 8.0),
                egui::vec2(TREND_WIDTH, rect.height() - 16.0),
            );
            energy_trend_ui(ui, area, energy);
        }
    }
    let hover = match energy {
        [] => name.to_owned(),
        moods => format!(
            "{name}\nEnergy at the last {} one-on-ones: {}",
            moods.len(),
            moods.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
        ),
    };
    response.on_hover_text(hover)
}

/// Room for the energy trend beside a name.
const TREND_WIDTH: f32 = 44.0;

/// The energy of the last meetings as a small line (1 at the bottom, 5 at the top), amber when
/// the last one is low or fell two points or more.
fn energy_trend_ui(ui: &egui::Ui, area: egui::Rect, energy: &[u8]) {
    let step = area.width() / (energy.len().saturating_sub(1).max(1)) as f32;
    let points: Vec<egui::Pos2> = energy
        .iter()
        .enumerate()
        .map(|(i, mood)| {
            let y = area.bottom() - area.height() * (f32::from(mood.clamp(&1, &5) - 1) / 4.0);
            egui::pos2(area.left() + step * i as f32, y)
        })
        .collect();
    let (last, previous) =
        (energy.last().copied(), energy.len().checked_sub(2).and_then(|i| energy.get(i)).copied());
    let flagged = crate::model::prep::energy_flag(last, previous).is_some();
    let color = if flagged { theme::warn_color(ui) } else { ui.visuals().weak_text_color() };
    ui.painter().add(egui::Shape::line(points.clone(), egui::Stroke::new(1.5, color)));
    if let Some(end) = points.last() {
        ui.painter().circle_filled(*end, 2.5, color);
    }
}
