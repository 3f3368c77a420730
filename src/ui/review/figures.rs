//! The computed part of the review: each section's figures with their comparisons, the
//! lists under them, and the links that open the records behind them.

use egui::RichText;

use super::words::copy_button;
use crate::model::fiscal::{FiscalQuarter, IsoWeek};
use crate::model::review::figures::Link;
use crate::model::review::{Arrow, Figure, ReviewDraft, Section, SectionId};
use crate::report::review::{self as report, Part};
use crate::session::{TimeFocus, ViewModel};
use crate::ui::{Screen, Shell, theme};

fn arrow_text(ui: &egui::Ui, figure: &Figure, comparison: &crate::model::review::Comparison) -> RichText {
    // The exports' ▲ ▼ are not in the app's fonts: the same arrows from its icon font.
    let text = match (comparison.arrow, comparison.delta) {
        (Some(arrow), Some(delta)) => {
            let symbol = match arrow {
                Arrow::Up => "⏶",
                Arrow::Down => "⏷",
                Arrow::Level => "=",
            };
            format!("{symbol} {}", figure.unit.delta_text(delta))
        }
        _ => "—".to_owned(),
    };
    let text = RichText::new(text);
    match (comparison.arrow, comparison.better) {
        (Some(Arrow::Level) | None, _) | (_, None) => text.weak(),
        (_, Some(true)) => text.color(theme::ok_color(ui)),
        (_, Some(false)) => text.color(theme::error_color(ui)),
    }
}

/// One section: its figures with their comparisons (a click on a figure opens its records),
/// the lists under it, and what is not recorded yet.
pub(super) fn section_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    draft: &ReviewDraft,
    section: &Section,
    shell: &mut Shell,
) -> Option<Link> {
    let mut opened = None;
    ui.add_space(theme::SPACE_M);
    ui.horizontal(|ui| {
        ui.heading(report::section_heading(draft, section));
        copy_button(ui, Part::Figures(section.id), draft, shell);
    });
    if !section.figures.is_empty() {
        egui::Grid::new(("review figures", section.id)).striped(true).num_columns(4).show(ui, |ui| {
            ui.label(RichText::new("Figure").weak());
            ui.label(RichText::new(draft.quarter.to_string()).weak());
            ui.label(RichText::new(format!("vs {}", report::compared_text(draft.previous))).weak());
            ui.label(RichText::new(format!("vs {}", report::compared_text(draft.year_ago))).weak());
            ui.end_row();
            for figure in &section.figures {
                match figure.link {
                    Some(link) => {
                        if ui.link(figure.label).on_hover_text("Open the records behind it").clicked() {
                            opened = open(link, view, shell);
                        }
                    }
                    None => {
                        ui.label(figure.label);
                    }
                }
                ui.label(report::value_text(figure));
                ui.label(arrow_text(ui, figure, &figure.previous));
                ui.label(arrow_text(ui, figure, &figure.year_ago));
                ui.end_row();
            }
        });
    }
    if section.id == SectionId::Time {
        super::chart::weeks_ui(ui, &draft.figures.time);
    }
    for table in &section.tables {
        ui.add_space(theme::SPACE_S);
        ui.label(RichText::new(&table.title).strong());
        for row in &table.rows {
            let text = row.cells.join(" — ");
            match row.link {
                Some(link) => {
                    if ui.link(text).clicked() {
                        opened = open(link, view, shell);
                    }
                }
                None => {
                    ui.label(text);
                }
            }
        }
        if table.more > 0 {
            ui.label(RichText::new(format!("…and {} more", table.more)).weak());
        }
    }
    for note in &section.notes {
        ui.label(RichText::new(note).weak().italics());
    }
    opened
}

/// Opens the records behind a figure. The Time and One-on-ones screens (the latter on a list of
/// the records a coaching figure counts) are opened here; a
/// page or list held by another screen's state (an architect's tab, a Team view, a Business
/// tab, Hiring) is returned for `ui::Screens` to open.
fn open(link: Link, view: &ViewModel, shell: &mut Shell) -> Option<Link> {
    let start_month = view.time.settings.start_month;
    match link {
        Link::Quarter { quarter } => {
            let week = IsoWeek::of(quarter.start(start_month));
            shell.time_focus = Some(TimeFocus { week, quarter });
            shell.screen = Screen::Time;
        }
        Link::Week { week } => {
            let quarter = FiscalQuarter::of(week.monday(), start_month);
            shell.time_focus = Some(TimeFocus { week, quarter });
            shell.screen = Screen::Time;
        }
        Link::Meeting { architect, meeting } => shell.open_meeting(architect, meeting),
        Link::History { architect } => shell.open_history(architect),
        Link::OneOnOnes { quarter, list } => {
            shell.meeting_list = Some((quarter, list));
            shell.screen = Screen::OneOnOnes;
        }
        Link::Architect { .. } | Link::Team { .. } | Link::Hiring => {
            shell.screen = Screen::Team;
            return Some(link);
        }
        Link::Business { .. } | Link::Win { .. } => {
            shell.screen = Screen::Business;
            return Some(link);
        }
    }
    None
}
