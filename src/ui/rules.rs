//! Settings › Calendar import: who "me" is (my addresses, my company's domains) and the
//! categorisation rules, an ordered list edited by keyboard or mouse: pick a result, move a
//! rule up or down, edit its conditions, save. Edits stay a draft until "Save rules".

use std::collections::HashMap;

use egui::RichText;

use super::{theme, widgets};
use crate::import::rules::{Condition, Outcome, Rule, default_rules};
use crate::model::architect::Choice as _;
use crate::model::split::Category;
use crate::session::{Command, Inbox, Origin, Outbox, ViewModel};

/// "Save addresses" and "Save rules".
const RULES: Origin = Origin::new("settings: calendar import");

const OUTCOMES: [Outcome; 4] = [
    Outcome::Category(Category::Coaching),
    Outcome::Category(Category::Market),
    Outcome::Category(Category::Business),
    Outcome::Ignore,
];

/// The kinds of condition "Add condition" offers, with a fresh one of each.
fn new_conditions() -> [(&'static str, Condition); 7] {
    [
        ("Title words", Condition::TitleHasAny { words: vec![] }),
        ("Organizer domain", Condition::OrganizerDomain { domains: vec![] }),
        ("Attendee domain", Condition::AttendeeDomain { domains: vec![] }),
        ("An attendee is on my team", Condition::AttendeeOnTeam),
        ("Attendees outside my company", Condition::HasExternalAttendees),
        ("Duration", Condition::Duration { min_minutes: Some(30), max_minutes: None }),
        ("All-day", Condition::AllDay { all_day: true }),
    ]
}

fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Category(category) => category.label(),
        Outcome::Ignore => "Ignore",
    }
}

#[derive(Default)]
pub struct RulesEditor {
    /// Unsaved rules; `None` shows what is saved.
    draft: Option<Vec<Rule>>,
    selected: Option<usize>,
    /// Comma-separated word/domain lists being typed, per condition of the selected rule.
    lists: HashMap<usize, String>,
    emails: Option<String>,
    domains: Option<String>,
    error: Option<String>,
}

impl RulesEditor {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
        if let Some(answer) = inbox.take(RULES) {
            self.error = answer.err();
        }
        ui.label(RichText::new("Calendar import").strong());
        ui.label(
            RichText::new(
                "Imported calendars are sorted by these rules, first match first. Events you declined, \
                 cancelled events and events shown as free are set aside before any rule; an event no \
                 rule matches waits for you to assign it.",
            )
            .weak()
            .small(),
        );
        ui.add_space(theme::SPACE_S);
        self.identity_ui(ui, view, outbox);
        ui.add_space(theme::SPACE_M);
        self.list_ui(ui, view, outbox);
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
    }

    fn identity_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let emails = self.emails.get_or_insert_with(|| view.my_emails.join("\n"));
        widgets::text_area(ui, "My e-mail addresses (one per line)", emails, 2000, 2);
        let domains = self.domains.get_or_insert_with(|| view.company_domains.join(", "));
        widgets::text_row(ui, "Company domains", domains, 500);
        if ui.button("Save addresses").clicked() {
            self.error = None;
            outbox.send(
                RULES,
                Command::SetCalendarIdentity {
                    my_emails: self.emails.clone().unwrap_or_default(),
                    company_domains: self.domains.clone().unwrap_or_default(),
                },
            );
        }
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let Self { draft, selected, lists, error, .. } = self;
        let rules = draft.get_or_insert_with(|| view.calendar_rules.clone());
        let count = rules.len();
        let mut moved: Option<(usize, usize)> = None;
        let mut deleted = None;
        egui::Grid::new("calendar_rules").striped(true).num_columns(5).spacing([12.0, 4.0]).show(ui, |ui| {
            for (index, rule) in rules.iter_mut().enumerate() {
                let number = index + 1;
                let is_selected = *selected == Some(index);
                if ui.selectable_label(is_selected, format!("{number}. {}", rule.name)).clicked() {
                    *selected = if is_selected { None } else { Some(index) };
                    lists.clear();
                }
                let summary: Vec<String> = rule.conditions.iter().map(Condition::describe).collect();
                let summary = summary.join("; ");
                let size = egui::vec2(360.0, ui.spacing().interact_size.y);
                ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.set_min_size(size);
                    ui.add(egui::Label::new(RichText::new(&summary).weak()).truncate())
                        .on_hover_text(&summary);
                });
                egui::ComboBox::from_id_salt(("rule_outcome", index))
                    .selected_text(outcome_label(rule.outcome))
                    .show_ui(ui, |ui| {
                        for outcome in OUTCOMES {
                            ui.selectable_value(&mut rule.outcome, outcome, outcome_label(outcome));
                        }
                    })
                    .response
                    .accessible_name(format!("Result of rule {number}"));
                ui.horizontal(|ui| {
                    let up = ui.add_enabled(index > 0, egui::Button::new("⏶"));
                    if up.accessible_name(format!("Move rule {number} up")).clicked() {
                        moved = Some((index, index - 1));
                    }
                    let down = ui.add_enabled(number < count, egui::Button::new("⏷"));
                    if down.accessible_name(format!("Move rule {number} down")).clicked() {
                        moved = Some((index, index + 1));
                    }
                    if ui.button("🗑").accessible_name(format!("Delete rule {number}")).clicked() {
                        deleted = Some(index);
                    }
                });
                ui.end_row();
            }
        });
        if let Some((from, to)) = moved.filter(|&(_, to)| to < rules.len()) {
            rules.swap(from, to);
            *selected = Some(to);
            lists.clear();
        }
        if let Some(index) = deleted {
            rules.remove(index);
            *selected = None;
            lists.clear();
        }
        if let Some(index) = selected.filter(|&i| i < rules.len()) {
            ui.add_space(theme::SPACE_S);
            rule_editor_ui(ui, &mut rules[index], lists);
        }
        ui.add_space(theme::SPACE_S);
        let changed = *rules != view.calendar_rules;
        let mut action = None;
        ui.horizontal(|ui| {
            if ui.button("Add rule").clicked() {
                action = Some(ListAction::Add);
            }
            if ui.add_enabled(changed, egui::Button::new("Save rules")).clicked() {
                action = Some(ListAction::Save);
            }
            if ui.add_enabled(changed, egui::Button::new("Discard changes")).clicked() {
                action = Some(ListAction::Discard);
            }
            if ui.button("Use the shipped rules").clicked() {
                action = Some(ListAction::Shipped);
            }
        });
        match action {
            Some(ListAction::Add) => {
                rules.push(Rule {
                    name: "New rule".into(),
                    conditions: vec![Condition::TitleHasAny { words: vec![] }],
                    outcome: Outcome::Category(Category::Coaching),
                });
                *selected = Some(rules.len() - 1);
                lists.clear();
            }
            Some(ListAction::Save) => {
                *error = None;
                // The draft stays until the saved rules come back equal, so a refused save
                // loses nothing.
                outbox.send(RULES, Command::SaveCalendarRules(rules.clone()));
            }
            Some(ListAction::Discard) => {
                *draft = None;
                *selected = None;
            }
            Some(ListAction::Shipped) => {
                *rules = default_rules();
                *selected = None;
            }
            None => {}
        }
    }
}

enum ListAction {
    Add,
    Save,
    Discard,
    Shipped,
}

/// Edits the selected rule: its name and each condition.
fn rule_editor_ui(ui: &mut egui::Ui, rule: &mut Rule, lists: &mut HashMap<usize, String>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        widgets::text_row(ui, "Rule name", &mut rule.name, 120);
        let mut removed = None;
        for (index, condition) in rule.conditions.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                condition_ui(ui, index, condition, lists);
                if ui.button("Remove").accessible_name(format!("Remove condition {}", index + 1)).clicked() {
                    removed = Some(index);
                }
            });
        }
        if let Some(index) = removed {
            rule.conditions.remove(index);
            lists.clear();
        }
        let mut added = None;
        egui::ComboBox::from_id_salt("add_condition")
            .selected_text("Add condition…")
            .show_ui(ui, |ui| {
                for (label, condition) in new_conditions() {
                    if ui.selectable_label(false, label).clicked() {
                        added = Some(condition);
                    }
                }
            })
            .response
            .accessible_name("Add a condition");
        if let Some(condition) = added {
            rule.conditions.push(condition);
        }
        if rule.conditions.is_empty() {
            widgets::error_label(ui, "a rule with no condition never matches");
        }
    });
}

fn condition_ui(
    ui: &mut egui::Ui,
    index: usize,
    condition: &mut Condition,
    lists: &mut HashMap<usize, String>,
) {
    let list_ui =
        |ui: &mut egui::Ui, label: &str, values: &mut Vec<String>, lists: &mut HashMap<usize, String>| {
            let text = lists.entry(index).or_insert_with(|| values.join(", "));
            widgets::form_row(ui, label, |ui| {
                if ui.add(egui::TextEdit::singleline(text).desired_width(320.0)).changed() {
                    *values =
                        text.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned).collect();
                }
            });
        };
    match condition {
        Condition::TitleHasAny { words } => list_ui(ui, "Title has any of", words, lists),
        Condition::OrganizerDomain { domains } => list_ui(ui, "Organizer domain", domains, lists),
        Condition::AttendeeDomain { domains } => list_ui(ui, "Attendee domain", domains, lists),
        Condition::AttendeeOnTeam => {
            ui.label("An attendee is on my team");
        }
        Condition::HasExternalAttendees => {
            ui.label("Has attendees outside my company's domains");
        }
        Condition::Duration { min_minutes, max_minutes } => {
            for (label, bound, default) in [("At least", min_minutes, 30), ("At most", max_minutes, 120)] {
                let mut on = bound.is_some();
                if ui.checkbox(&mut on, format!("{label} (min)")).changed() {
                    *bound = on.then_some(default);
                }
                if let Some(value) = bound {
                    ui.add(egui::DragValue::new(value).range(0..=1440).suffix(" min"))
                        .accessible_name(format!("{label} minutes"));
                }
            }
        }
        Condition::AllDay { all_day } => {
            ui.checkbox(all_day, "All-day event");
        }
    }
}
