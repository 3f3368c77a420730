//! A list of the records a coaching figure of the quarterly review counts, shown on the
//! One-on-ones screen in place of a meeting or a history: the one-on-ones held in the quarter,
//! those with an energy score, the action items closed or overdue, the talking points carried.
//! Each row opens its meeting; choosing a person on the left, or "Close list", leaves it.

use egui::RichText;

use super::{Shell, theme, widgets};
use crate::model::fiscal::FiscalQuarter;
use crate::model::review::figures::MeetingList;
use crate::session::ViewModel;

pub fn list_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    quarter: FiscalQuarter,
    list: MeetingList,
    shell: &mut Shell,
) {
    ui.add_space(theme::SPACE_M);
    ui.horizontal(|ui| {
        ui.heading(list.title(quarter));
        if ui.button("Close list").clicked() {
            shell.meeting_list = None;
        }
    });
    let Some(records) = view.review.records.as_ref().filter(|r| r.quarter == quarter) else {
        ui.label("Reading the records…");
        ui.ctx().request_repaint();
        return;
    };
    let rows = records.list(list);
    ui.label(
        RichText::new(format!(
            "{} counted to {}; each opens its one-on-one",
            crate::model::words::plural(rows.len(), "record"),
            records.as_of.format("%a %-d %b %Y")
        ))
        .weak(),
    );
    let review = view.review.draft.as_ref().filter(|draft| draft.quarter == quarter);
    if let Some(note) = review.and_then(|draft| draft.records_changed_since_final(list, rows.len())) {
        ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
    }
    ui.add_space(theme::SPACE_S);
    // The height of a row without the spacing between rows: show_rows adds that itself.
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    // Each screen's scroll area has its own id: one left unnamed took the scroll position of
    // the screen drawn before it (the review, scrolled to the figure's link).
    egui::ScrollArea::vertical().id_salt("meeting_list").auto_shrink([false, false]).show_rows(
        ui,
        row_height,
        rows.len(),
        |ui, range| {
            for record in &rows[range] {
                let mut text = format!("{} — {}", record.on.format("%a %-d %b %Y"), record.name);
                if !record.text.is_empty() {
                    text.push_str(" — ");
                    text.push_str(&record.text);
                }
                // One line each: the list's rows are a fixed height.
                if widgets::elided_link(ui, &text).clicked() {
                    shell.open_meeting(record.architect, record.meeting);
                }
            }
        },
    );
}
