//! The occurrence table of the import view: one row per occurrence with its date, time,
//! length, title (and who it was with), category, rule and change, and the manager's one-click
//! choices. Drawn from what `ImportState::refresh` cached, so a frame does no work over the
//! rows it does not show.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::{ImportState, RowAction};
use crate::import::preview::{Change, Row};
use crate::import::rules::{Outcome, Verdict};
use crate::model::duration::format_minutes;
use crate::model::split::Category;
use crate::session::ViewModel;
use crate::ui::theme;

/// What an occurrence can be counted as, in the order the buttons show.
const CHOICES: [(&str, Outcome); 4] = [
    ("Coaching", Outcome::Category(Category::Coaching)),
    ("Market", Outcome::Category(Category::Market)),
    ("Business", Outcome::Category(Category::Business)),
    ("Ignore", Outcome::Ignore),
];

impl ImportState {
    pub(super) fn table_ui(&self, ui: &mut egui::Ui, view: &ViewModel) -> Option<RowAction> {
        let preview = self.preview.as_ref()?;
        let mut action = None;
        TableBuilder::new(ui)
            .striped(true)
            .column(Column::exact(88.0))
            .column(Column::exact(62.0))
            .column(Column::exact(64.0))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(Column::exact(theme::DATE_COLUMN_WIDTH))
            .column(Column::exact(170.0).clip(true))
            .column(Column::exact(theme::DATE_COLUMN_WIDTH))
            .column(Column::exact(290.0))
            .header(theme::TABLE_ROW_HEIGHT, |mut header| {
                for title in ["Date", "Time", "Length", "Title", "Category", "Rule", "Change", ""] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(theme::TABLE_ROW_HEIGHT, self.visible.len(), |mut table_row| {
                    let Some(&index) = self.visible.get(table_row.index()) else { return };
                    let Some(row) = preview.rows.get(index) else { return };
                    let time = row
                        .local_start
                        .map_or_else(|| "all day".to_owned(), |t| t.format("%H:%M").to_string());
                    table_row.col(|ui| {
                        let date = row.local_date.format("%a %-d %b %y").to_string();
                        if self.full_days.iter().any(|day| day.date == row.local_date) {
                            ui.label(RichText::new(date).color(ui.visuals().error_fg_color))
                                .on_hover_text("This day would hold more than 24 h");
                        } else {
                            ui.label(date);
                        }
                    });
                    table_row.col(|ui| match self.double_booked.get(&index).and_then(|&o| preview.rows.get(o)) {
                        Some(other) => {
                            let start = other.local_start.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
                            ui.label(RichText::new(format!("{time} ⚠")).color(theme::warn_color(ui))).on_hover_text(
                                format!(
                                    "Double-booked with \"{}\" at {start} ({}): both count in full. Use Change… \
                                     to ignore the one you did not attend.",
                                    other.occurrence.summary.trim(),
                                    format_minutes(other.minutes)
                                ),
                            );
                        }
                        None => {
                            ui.label(time);
                        }
                    });
                    table_row.col(|ui| {
                        ui.label(format_minutes(row.minutes));
                    });
                    table_row.col(|ui| {
                        let title = row.occurrence.summary.trim();
                        match row.architect.and_then(|id| view.architect(id)) {
                            // Who the meeting was with: it is filed under them.
                            Some(architect) => {
                                let mut job = egui::text::LayoutJob::default();
                                RichText::new(title).append_to(
                                    &mut job,
                                    ui.style(),
                                    egui::FontSelection::Default,
                                    egui::Align::Center,
                                );
                                RichText::new(format!("  with {}", architect.name())).weak().append_to(
                                    &mut job,
                                    ui.style(),
                                    egui::FontSelection::Default,
                                    egui::Align::Center,
                                );
                                ui.add(egui::Label::new(job).truncate())
                                    .on_hover_text(format!("Filed under {}", architect.name()));
                            }
                            None => {
                                ui.add(egui::Label::new(title).truncate());
                            }
                        }
                    });
                    table_row.col(|ui| {
                        ui.label(row.category_label());
                    });
                    table_row.col(|ui| {
                        ui.add(egui::Label::new(row.rule_label()).truncate());
                    });
                    table_row.col(|ui| {
                        let mut text = RichText::new(row.change.label());
                        if matches!(row.change, Change::Unassigned) {
                            text = text.color(theme::warn_color(ui)).strong();
                        }
                        let change = ui.label(text);
                        if let Some(note) = &row.note {
                            change.on_hover_text(note);
                        }
                    });
                    table_row.col(|ui| {
                        if let Some(chosen) = row_actions_ui(ui, index, row) {
                            action = Some(chosen);
                        }
                    });
                });
            });
        action
    }
}

/// The one-click choices for an occurrence no rule matched, and "make a rule from this" once
/// it has one.
fn row_actions_ui(ui: &mut egui::Ui, index: usize, row: &Row) -> Option<RowAction> {
    let title = row.occurrence.summary.trim();
    let day = row.local_date;
    if !matches!(row.verdict, Verdict::Unmatched) {
        return override_ui(ui, index, row, &format!("{title} on {day}"));
    }
    let mut action = None;
    ui.horizontal(|ui| match row.assigned {
        None => {
            for (label, outcome) in CHOICES {
                let name = format!("{label}: {title} on {day}");
                if ui.small_button(label).accessible_name(name).clicked() {
                    action = Some(RowAction::Choose(index, Some(outcome)));
                }
            }
        }
        Some(outcome) => {
            let undo =
                ui.small_button("Undo choice").accessible_name(format!("Undo choice: {title} on {day}"));
            if undo.clicked() {
                action = Some(RowAction::Choose(index, None));
            }
            let rule = ui
                .small_button("Make a rule from this")
                .accessible_name(format!("Make a rule from this: {title} on {day}"))
                .on_hover_text(format!(
                    "Every event titled \"{title}\" becomes {} from now on",
                    outcome.key()
                ));
            if rule.clicked() {
                action = Some(RowAction::MakeRule(index, outcome));
            }
        }
    });
    action
}

/// For an occurrence a rule (or the defaults) decided: count it differently or leave it out,
/// remembered for later imports; "Back to the rule" forgets that.
fn override_ui(ui: &mut egui::Ui, index: usize, row: &Row, what: &str) -> Option<RowAction> {
    let mut action = None;
    let current = row.assigned.unwrap_or(match row.verdict.category() {
        Some(category) => Outcome::Category(category),
        None => Outcome::Ignore,
    });
    let button = egui::Button::new("Change…").small();
    let menu = egui::containers::menu::MenuButton::from_button(button).ui(ui, |ui| {
        for (label, outcome) in CHOICES {
            let chosen = ui
                .add_enabled(outcome != current, egui::Button::new(label))
                .accessible_name(format!("{label}: {what}"));
            if chosen.clicked() {
                action = Some(RowAction::Choose(index, Some(outcome)));
            }
        }
        if row.assigned.is_some() {
            ui.separator();
            if ui.button("Back to the rule").accessible_name(format!("Back to the rule: {what}")).clicked() {
                action = Some(RowAction::Choose(index, None));
            }
        }
    });
    menu.0
        .accessible_name(format!("Change: {what}"))
        .on_hover_text("Count this occurrence differently, or leave it out; remembered for later imports");
    action
}
