//! Widgets the Business screen's tabs share: a sortable table with a selected row, keyboard
//! navigation, picking several people or records, form rows for dates and amounts, state pills,
//! the detail pane's header and the delete confirmation.

use chrono::NaiveDate;
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::architect_editor::named_date_input;
use super::{SHORTCUT_SAVE, theme, widgets};
use crate::model::architect::Choice;
use crate::model::business::{MilestoneState, OpportunityStatus};

/// The detail pane never gets narrower than this, and the table keeps at least its minimum.
pub const DETAIL_MIN_WIDTH: f32 = 520.0;
pub const TABLE_MIN_WIDTH: f32 = 380.0;

/// Which column a table is sorted by, and which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort<C> {
    pub column: C,
    pub descending: bool,
}

impl<C: Copy + PartialEq> Sort<C> {
    /// A click on a column's header: sort by it, or turn the order round.
    pub fn toggle(&mut self, column: C) {
        if self.column == column {
            self.descending = !self.descending;
        } else {
            self.column = column;
            self.descending = false;
        }
    }

    /// Orders `ordering` (ascending by the column) the way the table is sorted.
    pub fn apply(&self, ordering: std::cmp::Ordering) -> std::cmp::Ordering {
        if self.descending { ordering.reverse() } else { ordering }
    }
}

/// One column of a sortable table: what it sorts by, its title and width.
pub struct TableColumn<C> {
    pub key: C,
    pub title: &'static str,
    pub width: Column,
}

pub fn column<C>(key: C, title: &'static str, width: Column) -> TableColumn<C> {
    TableColumn { key, title, width }
}

/// A striped table with clickable headers that sort and clickable rows that select; `cell`
/// draws one cell. Returns the row clicked, if any.
pub fn sortable_table<C: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id: &str,
    columns: &[TableColumn<C>],
    sort: &mut Sort<C>,
    rows: usize,
    selected: Option<usize>,
    mut cell: impl FnMut(&mut egui::Ui, usize, C),
) -> Option<usize> {
    // With the detail pane open the columns may not all fit: they scroll sideways rather than
    // run under the pane.
    egui::ScrollArea::horizontal()
        .id_salt(("table_columns", id))
        .show(ui, |ui| table_ui(ui, id, columns, sort, rows, selected, &mut cell))
        .inner
}

fn table_ui<C: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id: &str,
    columns: &[TableColumn<C>],
    sort: &mut Sort<C>,
    rows: usize,
    selected: Option<usize>,
    cell: &mut impl FnMut(&mut egui::Ui, usize, C),
) -> Option<usize> {
    let mut clicked = None;
    let mut table = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for c in columns {
        table = table.column(c.width);
    }
    if let Some(index) = selected {
        table = table.scroll_to_row(index, None);
    }
    table
        .header(theme::TABLE_ROW_HEIGHT, |mut header| {
            for c in columns {
                header.col(|ui| {
                    let arrow = match (sort.column == c.key, sort.descending) {
                        (true, false) => " ⏶",
                        (true, true) => " ⏷",
                        (false, _) => "",
                    };
                    let button =
                        egui::Button::new(RichText::new(format!("{}{arrow}", c.title)).strong()).frame(false);
                    if ui.add(button).on_hover_text(format!("Sort by {}", c.title.to_lowercase())).clicked() {
                        sort.toggle(c.key);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(theme::TABLE_ROW_HEIGHT, rows, |mut row| {
                let index = row.index();
                row.set_selected(selected == Some(index));
                for c in columns {
                    row.col(|ui| cell(ui, index, c.key));
                }
                if row.response().clicked() {
                    clicked = Some(index);
                }
            });
        });
    clicked
}

/// A table's name cell: [`widgets::name_button`](super::widgets::name_button) (one line, elided,
/// the full name on hover); a click on it selects the row as a click beside it does.
pub fn name_cell(ui: &mut egui::Ui, name: &str, index: usize, clicked: &mut Option<usize>) {
    if super::widgets::name_button(ui, name, "Show the details").clicked() {
        *clicked = Some(index);
    }
}

/// A table cell: one line, cut with an ellipsis, the whole text on hover, not selectable (a
/// click selects the row).
pub fn cell(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    let text = text.into();
    let full = text.text().to_owned();
    let response = ui.add(egui::Label::new(text).truncate().selectable(false));
    if !full.is_empty() {
        response.on_hover_text(full);
    }
}

/// ↑ / ↓ move the selection through `rows`, Enter reports the selected one, while no text
/// field has the keyboard. Returns whether Enter was pressed on a selection.
pub fn keyboard_navigation<T: Copy + PartialEq>(ui: &egui::Ui, rows: &[T], selected: &mut Option<T>) -> bool {
    if ui.ctx().egui_wants_keyboard_input() || rows.is_empty() || egui::Popup::is_any_open(ui.ctx()) {
        return false;
    }
    let (down, up, enter) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::ArrowDown),
            i.key_pressed(egui::Key::ArrowUp),
            i.key_pressed(egui::Key::Enter),
        )
    });
    let index = selected.and_then(|s| rows.iter().position(|r| *r == s));
    let next = match (down, up, index) {
        (true, _, None) | (_, true, None) => Some(0),
        (true, _, Some(i)) => Some((i + 1).min(rows.len() - 1)),
        (_, true, Some(i)) => Some(i.saturating_sub(1)),
        _ => None,
    };
    if let Some(next) = next {
        *selected = Some(rows[next]);
    }
    enter && selected.is_some()
}

/// Chips for what is picked (× takes one away) and a menu to add one more. `options` are
/// (value, name) pairs; `label` names the control for screen readers and tests.
pub fn pick_many<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    selected: &mut Vec<T>,
    options: &[(T, String)],
) {
    widgets::form_row(ui, label, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            let mut remove = None;
            for (index, value) in selected.iter().enumerate() {
                let name = options.iter().find(|(v, _)| v == value).map_or("?", |(_, n)| n.as_str());
                let chip = egui::Button::new(RichText::new(format!("{name}  ×")).small()).corner_radius(9.0);
                if ui
                    .add(chip)
                    .on_hover_text(format!("Remove {name}"))
                    .accessible_name(format!("Remove {name}"))
                    .clicked()
                {
                    remove = Some(index);
                }
            }
            if let Some(index) = remove {
                selected.remove(index);
            }
            let left: Vec<&(T, String)> = options.iter().filter(|(v, _)| !selected.contains(v)).collect();
            if !left.is_empty() {
                egui::ComboBox::from_id_salt(id).selected_text("➕ Add").width(110.0).show_ui(ui, |ui| {
                    for (value, name) in left {
                        if ui.selectable_label(false, name).clicked() {
                            selected.push(*value);
                        }
                    }
                });
            } else if selected.is_empty() {
                ui.label(RichText::new("none to choose from").weak());
            }
        });
    });
}

/// A form row with a date field (YYYY-MM-DD) and a calendar.
pub fn date_row(ui: &mut egui::Ui, label: &str, id: &str, text: &mut String, today: NaiveDate) {
    widgets::form_row(ui, label, |ui| {
        named_date_input(ui, id, Some(label), text, today);
    });
}

/// A form row for an amount of dollars, typed as people write them.
pub fn money_row(ui: &mut egui::Ui, label: &str, text: &mut String) {
    widgets::form_row(ui, label, |ui| {
        // A hint counts as a name, so the row's label is given explicitly, after the hover
        // text (which would otherwise stand for the name).
        ui.add(
            egui::TextEdit::singleline(text)
                .hint_text("e.g. 12500 or 12.5k")
                .desired_width(theme::NUMBER_FIELD_WIDTH),
        )
        .on_hover_text("Dollars per month: 12500, 12,500, $12.5k or 1.2m")
        .accessible_name(label);
    });
}

/// A combo box over a closed set of choices, in a form row.
pub fn choice_row<T: Choice + PartialEq>(ui: &mut egui::Ui, label: &str, id: &str, value: &mut T) {
    widgets::form_row(ui, label, |ui| {
        egui::ComboBox::from_id_salt(id)
            .selected_text(value.label())
            .width(ui.available_width().min(240.0))
            .show_ui(ui, |ui| {
                for choice in T::ALL {
                    ui.selectable_value(value, *choice, choice.label());
                }
            });
    });
}

/// The colour of a milestone's state: red blocked, amber at risk, green live, grey cancelled.
pub fn state_color(ui: &egui::Ui, state: MilestoneState) -> Color32 {
    match state {
        MilestoneState::OnTrack => ui.visuals().text_color(),
        MilestoneState::AtRisk => theme::warn_color(ui),
        MilestoneState::Blocked => theme::error_color(ui),
        MilestoneState::Live => theme::ok_color(ui),
        MilestoneState::Cancelled => ui.visuals().weak_text_color(),
    }
}

pub fn status_color(ui: &egui::Ui, status: OpportunityStatus) -> Color32 {
    match status {
        OpportunityStatus::Open => ui.visuals().text_color(),
        OpportunityStatus::Won => theme::ok_color(ui),
        OpportunityStatus::Lost => ui.visuals().weak_text_color(),
    }
}

/// The detail pane's title with a close button at the right; a long title is cut before it.
/// Returns whether the pane should close.
pub fn pane_header(ui: &mut egui::Ui, title: &str, subtitle: &str) -> bool {
    let mut close = false;
    ui.add_space(theme::SPACE_M);
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add(egui::Button::new("×").frame(false))
                .accessible_name("Close the details")
                .on_hover_text("Close (Esc)")
                .clicked()
            {
                close = true;
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(RichText::new(title).heading()).truncate()).on_hover_text(title);
            });
        });
    });
    if !subtitle.is_empty() {
        ui.add(egui::Label::new(RichText::new(subtitle).weak()).truncate());
    }
    ui.separator();
    close
}

/// What a form's buttons asked for this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FormButtons {
    pub save: bool,
    pub cancel: bool,
    pub delete: bool,
}

/// Save (Ctrl+S), Cancel (Esc) and, for a stored record, Delete; the error of the last save
/// above them.
pub fn form_buttons(
    ui: &mut egui::Ui,
    save_label: &str,
    error: Option<&str>,
    can_delete: bool,
) -> FormButtons {
    if let Some(error) = error {
        widgets::error_label(ui, error);
    }
    let mut buttons = FormButtons {
        save: ui.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE)),
        cancel: ui.input(|i| i.key_pressed(egui::Key::Escape)) && !egui::Popup::is_any_open(ui.ctx()),
        delete: false,
    };
    ui.horizontal(|ui| {
        let save = egui::Button::new(RichText::new(save_label).strong())
            .shortcut_text(ui.ctx().format_shortcut(&SHORTCUT_SAVE));
        buttons.save |= ui.add(save).clicked();
        buttons.cancel |= ui.button("Cancel").on_hover_text("Close without saving (Esc)").clicked();
        if can_delete {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                buttons.delete = ui.button(RichText::new("Delete…").color(theme::error_color(ui))).clicked();
            });
        }
    });
    buttons
}

/// "Delete X?" with what goes with it; returns `Some(true)` on Delete, `Some(false)` on Cancel.
pub fn confirm_delete(ctx: &egui::Context, id: &str, title: &str, detail: &str) -> Option<bool> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(("confirm_delete", id))).show(ctx, |ui| {
        ui.set_width(400.0);
        ui.heading(title);
        ui.add_space(theme::SPACE_M);
        ui.label(detail);
        ui.add_space(theme::SPACE_L);
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Delete").color(theme::error_color(ui))).clicked() {
                answer = Some(true);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(false);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(false);
    }
    answer
}

/// A date for a table: "2026-11-20", or nothing.
pub fn date_cell(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// The detail pane on the right of a tab (draw the table after it, in what is left).
pub fn detail_pane(ui: &mut egui::Ui, id: &str, detail: impl FnOnce(&mut egui::Ui)) {
    let width =
        (ui.available_width() - TABLE_MIN_WIDTH).max(DETAIL_MIN_WIDTH).min(ui.available_width() * 0.62);
    egui::Panel::right(("business_detail", id.to_owned())).resizable(false).exact_size(width).show(
        ui,
        |ui| {
            // egui's scroll bar floats over the content; over a pane of fields it would cover
            // their right edge and the × while the pane scrolls. Keep its width free instead.
            let scroll = &mut ui.spacing_mut().scroll;
            scroll.floating_allocated_width = scroll.bar_width + scroll.bar_inner_margin;
            egui::ScrollArea::vertical()
                .id_salt(("detail_scroll", id))
                .auto_shrink([false, false])
                .show(ui, detail);
        },
    );
}
