//! An architect's page beside the roster: a header saying who they are and what needs attention,
//! then tabs for the profile, development plan, skills and certifications.

use egui::RichText;

use super::Shell;
use super::architect_editor::{ArchitectEditor, EditorAction};
use super::certs_tab::CertsTab;
use super::plan_tab::PlanTab;
use super::skills_tab::SkillsTab;
use super::{theme, widgets};
use crate::model::architect::Choice as _;
use crate::model::lists::name_of;
use crate::model::{Architect, ArchitectId, Status};
use crate::session::dev_view::PersonDevelopment;
use crate::session::{Outbox, ViewModel};

/// The sections of the page. One-on-ones and wins join them in later versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageTab {
    #[default]
    Profile,
    Plan,
    Skills,
    Certifications,
    Business,
}

impl PageTab {
    pub const ALL: [Self; 5] =
        [Self::Profile, Self::Plan, Self::Skills, Self::Certifications, Self::Business];

    pub fn title(self) -> &'static str {
        match self {
            Self::Profile => "Profile",
            Self::Plan => "Development plan",
            Self::Skills => "Skills",
            Self::Certifications => "Certifications",
            Self::Business => "Business",
        }
    }
}

pub struct ArchitectPage {
    /// `None` while adding a new architect: only the profile can be filled in then.
    pub id: Option<ArchitectId>,
    pub tab: PageTab,
    pub editor: ArchitectEditor,
    pub plan: PlanTab,
    skills: SkillsTab,
    certs: CertsTab,
}

impl ArchitectPage {
    pub fn new_architect(view: &ViewModel) -> Self {
        Self::with_editor(None, ArchitectEditor::new_architect(view), PageTab::Profile)
    }

    pub fn open(architect: &Architect, view: &ViewModel, tab: PageTab) -> Self {
        Self::with_editor(Some(architect.id), ArchitectEditor::edit(architect, view), tab)
    }

    fn with_editor(id: Option<ArchitectId>, editor: ArchitectEditor, tab: PageTab) -> Self {
        Self {
            id,
            tab,
            editor,
            plan: PlanTab::default(),
            skills: SkillsTab::default(),
            certs: CertsTab::default(),
        }
    }

    /// The profile was saved (or changed by undo): show what is stored now.
    pub fn profile_saved(&mut self, architect: &Architect, view: &ViewModel) {
        self.id = Some(architect.id);
        self.editor = ArchitectEditor::edit(architect, view);
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) -> EditorAction {
        let architect = self.id.and_then(|id| view.architect(id));
        let person = self.id.and_then(|id| view.development.person(id));
        let mut action = EditorAction::None;
        ui.add_space(theme::SPACE_M);
        ui.horizontal(|ui| {
            // The close button first, from the right, so a long name is cut before it.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add(egui::Button::new("×").frame(false))
                    .accessible_name("Close the page")
                    .on_hover_text("Close (Esc on the profile)")
                    .clicked()
                {
                    action = EditorAction::Cancel;
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| match architect {
                    Some(architect) => {
                        ui.add(egui::Label::new(RichText::new(architect.name()).heading()).truncate())
                            .on_hover_text(architect.name());
                        if architect.fields.status != Status::Active {
                            widgets::status_badge(
                                ui,
                                architect.fields.status.label(),
                                super::dev_widgets::status_tone(architect.fields.status),
                            );
                        }
                    }
                    None => {
                        ui.heading("New architect");
                    }
                });
            });
        });
        if let Some(architect) = architect {
            subtitle_ui(ui, view, architect);
        }
        if let Some(person) = person {
            self.attention_ui(ui, person);
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            for tab in PageTab::ALL {
                let enabled = tab == PageTab::Profile || self.id.is_some();
                let button = egui::Button::selectable(self.tab == tab, tab.title());
                let response =
                    ui.add_enabled(enabled, button).on_disabled_hover_text("Save the profile first");
                if response.clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();

        match (self.tab, self.id, person) {
            (PageTab::Profile, _, _) | (_, None, _) | (_, _, None) => {
                action = match self.editor.ui(ui, view) {
                    EditorAction::None => action,
                    other => other,
                };
            }
            (tab, Some(id), Some(person)) => {
                egui::ScrollArea::vertical().id_salt(("page", tab.title())).auto_shrink([false, false]).show(
                    ui,
                    |ui| match tab {
                        PageTab::Plan => self.plan.ui(ui, view, id, person, &mut shell.inbox, outbox),
                        PageTab::Skills => self.skills.ui(ui, view, id, person, &mut shell.inbox, outbox),
                        PageTab::Certifications => {
                            self.certs.ui(ui, view, id, person, &mut shell.inbox, outbox);
                        }
                        PageTab::Business => super::business_links::architect_tab_ui(ui, view, id, shell),
                        PageTab::Profile => {}
                    },
                );
            }
        }
        action
    }

    /// "2 goals need attention · 1 certification needs attention": each a link to its tab.
    fn attention_ui(&mut self, ui: &mut egui::Ui, person: &PersonDevelopment) {
        let goals = person.goals.iter().filter(|g| g.flags.any()).count();
        let certs = person.certs.iter().filter(|c| c.state.as_ref().is_ok_and(|s| s.needs_action())).count();
        if goals == 0 && certs == 0 {
            return;
        }
        ui.horizontal(|ui| {
            if goals > 0 {
                let text = if goals == 1 {
                    "1 goal needs attention".to_owned()
                } else {
                    format!("{goals} goals need attention")
                };
                if ui.link(RichText::new(text).color(theme::warn_color(ui))).clicked() {
                    self.tab = PageTab::Plan;
                }
            }
            if certs > 0 {
                let text = if certs == 1 {
                    "1 certification needs attention".to_owned()
                } else {
                    format!("{certs} certifications need attention")
                };
                if ui.link(RichText::new(text).color(theme::info_color(ui))).clicked() {
                    self.tab = PageTab::Certifications;
                }
            }
        });
    }
}

/// "Senior Cloud Solution Architect · Security · on the team since 2023-05-02".
fn subtitle_ui(ui: &mut egui::Ui, view: &ViewModel, architect: &Architect) {
    let f = &architect.fields;
    let mut parts: Vec<String> = Vec::new();
    for part in [f.title.as_str(), name_of(&view.levels, f.level), name_of(&view.areas, f.solution_area)] {
        if !part.is_empty() && !parts.iter().any(|p| p == part) {
            parts.push(part.to_owned());
        }
    }
    if let Some(started) = f.started_on {
        parts.push(format!("on the team since {started}"));
    }
    let time = &view.time;
    let coaching =
        time.coaching_by_architect.iter().find(|(id, _)| *id == architect.id).map_or(0, |(_, m)| *m);
    parts.push(format!(
        "coaching in {}: {}",
        time.focus.quarter,
        crate::model::time_summary::hours_text(coaching)
    ));
    if !parts.is_empty() {
        ui.add(egui::Label::new(RichText::new(parts.join(" · ")).weak()).truncate());
    }
    if let Some(departure) = super::leaving::departure_line(view, architect.id) {
        ui.add(egui::Label::new(RichText::new(departure).weak()).truncate());
    }
}
