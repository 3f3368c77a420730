//! The "Skills" tab of an architect's page: current and target level per competency, one click
//! each, the gap shown in the heat-map's colours, and the dated history of changes.

use egui::RichText;

use super::dev_widgets::{self, gap_words, level_picker};
use super::theme::heat_step;
use super::{theme, widgets};
use crate::model::ArchitectId;
use crate::model::skills::{LEVEL_MAX, LEVEL_MIN, level_label};
use crate::session::dev_view::{PersonDevelopment, SkillRow};
use crate::session::{Command, DevCommand, Inbox, Origin, Outbox, ViewModel};

/// Room for "Technical depth in solution area" and most names people add.
const NAME_WIDTH: f32 = 230.0;

/// A click on a level.
const LEVEL: Origin = Origin::new("skills: level");

#[derive(Default)]
pub struct SkillsTab {
    pub error: Option<String>,
}

impl SkillsTab {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        architect: ArchitectId,
        person: &PersonDevelopment,
        inbox: &mut Inbox,
        outbox: &mut Outbox,
    ) {
        if let Some(answer) = inbox.take(LEVEL) {
            self.error = answer.err();
        }
        if person.skills.is_empty() {
            widgets::empty_state(
                ui,
                "No competencies",
                "Add the competencies you rate your team on in Settings.",
            );
            return;
        }
        summary_ui(ui, &person.skills);
        ui.label(
            RichText::new(
                (LEVEL_MIN..=LEVEL_MAX)
                    .map(|l| format!("{l} {}", level_label(l)))
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
            .weak()
            .small(),
        );
        ui.add_space(theme::SPACE_M);
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }

        let mut send = None;
        egui::Grid::new(("skills_grid", architect)).striped(true).spacing(theme::GRID_SPACING_ROOMY).show(
            ui,
            |ui| {
                for title in ["Competency", "Current", "Target", "Gap", "Changed"] {
                    ui.label(RichText::new(title).strong());
                }
                ui.end_row();
                for skill in &person.skills {
                    dev_widgets::fixed_label(ui, NAME_WIDTH, &skill.name).on_hover_text(&skill.name);
                    let level = skill.level.map(|l| (l.current, l.target));
                    if let Some(current) =
                        level_picker(ui, &format!("{} current level", skill.name), level.map(|l| l.0), true)
                    {
                        // A first rating starts with the target at the current level; the manager
                        // raises it next.
                        let target = level.map_or(current, |l| l.1);
                        send = Some((skill.competency, current, target));
                    }
                    let target_picker = ui.scope(|ui| {
                        level_picker(
                            ui,
                            &format!("{} target level", skill.name),
                            level.map(|l| l.1),
                            level.is_some(),
                        )
                    });
                    if level.is_none() {
                        target_picker.response.on_hover_text("Rate the current level first");
                    }
                    if let (Some(target), Some((current, _))) = (target_picker.inner, level) {
                        send = Some((skill.competency, current, target));
                    }
                    gap_cell(ui, skill);
                    match skill.level {
                        Some(level) => ui.label(RichText::new(level.changed_on.to_string()).weak()),
                        None => ui.label(RichText::new("Not rated").weak()),
                    };
                    ui.end_row();
                }
            },
        );
        if let Some((competency, current, target)) = send {
            self.error = None;
            outbox.send(
                LEVEL,
                Command::Development(DevCommand::SetSkillLevel {
                    architect,
                    competency,
                    current: i64::from(current),
                    target: i64::from(target),
                }),
            );
        }

        if !person.skill_history.is_empty() {
            ui.add_space(theme::SPACE_L);
            egui::CollapsingHeader::new(format!("History of changes ({})", person.skill_history.len()))
                .id_salt(("skill_history", architect))
                .show(ui, |ui| {
                    let name_of = |id| {
                        view.development
                            .competencies
                            .iter()
                            .find(|c| c.id == id)
                            .map_or("", |c| c.name.as_str())
                    };
                    for change in &person.skill_history {
                        ui.label(format!(
                            "{}  {}: level {}, target {}",
                            change.changed_on,
                            name_of(change.competency),
                            change.current,
                            change.target
                        ));
                    }
                });
        }
    }
}

/// The gap as a small swatch in the heat-map's colour, with words.
fn gap_cell(ui: &mut egui::Ui, skill: &SkillRow) {
    let Some(gap) = skill.gap() else {
        ui.label("");
        return;
    };
    let step = heat_step(ui, Some(gap));
    egui::Frame::new()
        .fill(step.fill)
        .corner_radius(theme::RADIUS_S)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(gap_words(gap)).color(step.text));
        });
}

/// "Rated in 6 of 8 competencies · 9 levels to go · biggest gap: Presentations & demos (+2)".
fn summary_ui(ui: &mut egui::Ui, skills: &[SkillRow]) {
    let rated = skills.iter().filter(|s| s.level.is_some()).count();
    let to_go: i32 = skills.iter().filter_map(SkillRow::gap).map(|g| i32::from(g.max(0))).sum();
    let biggest =
        skills.iter().filter_map(|s| Some((s, s.gap()?))).filter(|(_, g)| *g > 0).max_by_key(|(_, g)| *g);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Rated in {rated} of {} competencies", skills.len())).strong());
        ui.label(format!("· {to_go} levels to go"));
        if let Some((skill, gap)) = biggest {
            ui.label("· biggest gap:");
            let step = heat_step(ui, Some(gap));
            egui::Frame::new()
                .fill(step.fill)
                .corner_radius(theme::RADIUS_S)
                .inner_margin(egui::Margin::symmetric(8, 1))
                .show(ui, |ui| {
                    ui.label(RichText::new(format!("{} +{gap}", skill.name)).color(step.text));
                });
        }
    });
}
