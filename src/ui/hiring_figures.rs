//! Hiring figures per fiscal quarter (this one and the three before): requisitions opened and
//! filled, days to fill, offer acceptance, scorecards within 24 h, slates and panels meeting
//! policy, and people who moved on into more senior roles, with their names.

use std::fmt::Write as _;

use egui::RichText;

use super::{theme, widgets};
use crate::model::hiring::{PolicyCount, QuarterFigures};
use crate::session::ViewModel;

pub fn ui(ui: &mut egui::Ui, view: &ViewModel) {
    let hiring = &view.hiring;
    egui::ScrollArea::vertical().id_salt("hiring_figures").auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("quarters").striped(true).spacing([theme::SPACE_L * 2.0, theme::SPACE_S]).show(ui, |ui| {
            ui.label("");
            for row in &hiring.quarters {
                ui.label(RichText::new(&row.quarter).strong());
            }
            ui.end_row();
            let lines: [Line; 8] = [
                ("Requisitions opened", |f| f.opened.to_string()),
                ("Requisitions filled", |f| f.filled.to_string()),
                ("Days to fill (average)", |f| f.average_days_to_fill().map_or_else(dash, |d| format!("{d:.0}"))),
                ("Offer acceptance", |f| {
                    f.offers.rate_pct().map_or_else(dash, |p| format!("{p:.0} % ({} of {})", f.offers.accepted, f.offers.decided()))
                }),
                ("Scorecards within 24 h", |f| {
                    f.scorecards_on_time_pct().map_or_else(dash, |p| {
                        format!("{p:.0} % ({} of {})", f.scorecards_on_time, f.scorecards_on_time + f.scorecards_late)
                    })
                }),
                ("Slates meeting policy", |f| policy(f.slates)),
                ("Panels meeting policy", |f| policy(f.panels)),
                ("Moved into more senior roles", |f| {
                    if f.left == 0 { dash() } else { format!("{} of {} who left", f.moved_to_senior_roles, f.left) }
                }),
            ];
            for (title, value) in lines {
                ui.label(title);
                for row in &hiring.quarters {
                    ui.label(value(&row.figures));
                }
                ui.end_row();
            }
        });
        ui.add_space(theme::SPACE_L);
        theme::section_title(ui, "Developed into more senior roles");
        let moved = hiring.moved_to_senior_roles();
        if moved.is_empty() {
            ui.label(RichText::new("Nobody yet: someone promoted or moved into a more senior role shows here.").weak());
        }
        for departure in moved {
            let name = view.architect(departure.architect).map_or("", |a| a.name());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(name).strong());
                ui.label(format!("{} · {}", departure.fields.summary(), departure.fields.left_on));
            });
        }
        ui.add_space(theme::SPACE_M);
        ui.label(
            RichText::new(
                "Slates and panels count what the recruiter reported, per requisition and stage; Leadline holds no \
                 personal attribute of any candidate or interviewer.",
            )
            .weak()
            .small(),
        );
        if hiring.requisitions.is_empty() {
            widgets::empty_state(ui, "No hiring yet", "The figures fill in as requisitions open and close.");
        }
    });
}

/// A row of the figures: its title and how a quarter's value reads.
type Line = (&'static str, fn(&QuarterFigures) -> String);

fn dash() -> String {
    "–".to_owned()
}

/// "2 of 3 (1 not reported)".
fn policy(count: PolicyCount) -> String {
    let reported = count.yes + count.no;
    if reported == 0 && count.not_reported == 0 {
        return dash();
    }
    let mut text =
        if reported == 0 { "none reported".to_owned() } else { format!("{} of {reported}", count.yes) };
    if count.not_reported > 0 && reported > 0 {
        let _ = write!(text, " ({} not reported)", count.not_reported);
    }
    text
}
