//! Settings › Calendar import: who "me" is (my addresses, my company's domains) and the
//! categorisation rules, an ordered list edited by keyboard or mouse: pick a result, move a
//! rule up or down, edit its conditions. Every change is saved at once (a field when it is
//! left or on Enter) and Ctrl+Z undoes it.

use egui::RichText;

use super::edit_in_place::{self, CommitField};
use super::{theme, widgets};
use crate::import::rules::{Condition, Outcome, Rule, default_rules};
use crate::model::architect::Choice as _;
use crate::model::split::Category;
use crate::session::{Command, Inbox, Origin, Outbox, ViewModel};

/// The list of rules (moves, deletes, results, conditions added or removed).
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
    /// The rule whose name and conditions are open below the list.
    selected: Option<usize>,
    error: Option<String>,
}

/// The fields of the editor (keyed by rule and condition).
const IDENTITY_EMAILS: Origin = Origin::new("settings: my e-mail addresses");
const IDENTITY_DOMAINS: Origin = Origin::new("settings: company domains");
const RULE_NAME: Origin = Origin::new("settings: rule name");
const CONDITION: Origin = Origin::new("settings: rule condition");

/// The key of the field of condition `condition` of rule `rule` (`part` tells a condition's
/// two fields apart).
fn condition_key(rule: usize, condition: usize, part: usize) -> i64 {
    i64::try_from(rule * 1000 + condition * 10 + part).unwrap_or(i64::MAX)
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
                 rule matches waits for you to assign it. Every change is saved at once (Ctrl+Z undoes it).",
            )
            .weak()
            .small(),
        );
        ui.add_space(theme::SPACE_S);
        identity_ui(ui, view, inbox, outbox);
        ui.add_space(theme::SPACE_M);
        self.list_ui(ui, view, inbox, outbox);
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
        let saved = &view.calendar_rules;
        let mut rules = saved.clone();
        let count = rules.len();
        let mut moved: Option<(usize, usize)> = None;
        let mut deleted = None;
        let selected = &mut self.selected;
        egui::Grid::new("calendar_rules").striped(true).num_columns(5).spacing([12.0, 4.0]).show(ui, |ui| {
            for (index, rule) in rules.iter_mut().enumerate() {
                let number = index + 1;
                let is_selected = *selected == Some(index);
                if ui.selectable_label(is_selected, format!("{number}. {}", rule.name)).clicked() {
                    *selected = if is_selected { None } else { Some(index) };
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
        }
        if let Some(index) = deleted {
            rules.remove(index);
            *selected = None;
        }
        if let Some(index) = selected.filter(|&i| i < rules.len()) {
            ui.add_space(theme::SPACE_S);
            rule_editor_ui(ui, index, &rules, inbox, outbox);
        }
        ui.add_space(theme::SPACE_S);
        ui.horizontal(|ui| {
            if ui.button("Add rule").clicked() {
                rules.push(Rule {
                    name: "New rule".into(),
                    conditions: vec![Condition::TitleHasAny { words: vec![] }],
                    outcome: Outcome::Category(Category::Coaching),
                });
                *selected = Some(rules.len() - 1);
            }
            if ui.button("Use the shipped rules").clicked() {
                rules = default_rules();
                *selected = None;
            }
        });
        if rules != *saved {
            self.error = None;
            outbox.send(RULES, Command::SaveCalendarRules(rules));
        }
    }
}

/// Who "me" is: my addresses and my company's domains, each a field saving itself.
fn identity_ui(ui: &mut egui::Ui, view: &ViewModel, inbox: &mut Inbox, outbox: &mut Outbox) {
    let emails = view.my_emails.join("\n");
    let domains = view.company_domains.join(", ");
    let label = "My e-mail addresses (one per line)";
    ui.label(label);
    CommitField::new(IDENTITY_EMAILS, &emails, label)
        .multiline(2)
        .width(f32::INFINITY)
        .max_chars(2000)
        .show_and_send(ui, inbox, outbox, |typed| {
            Ok(Command::SetCalendarIdentity { my_emails: typed.to_owned(), company_domains: domains.clone() })
        });
    widgets::form_row(ui, "Company domains", |ui| {
        CommitField::new(IDENTITY_DOMAINS, &domains, "Company domains").width(320.0).show_and_send(
            ui,
            inbox,
            outbox,
            |typed| {
                Ok(Command::SetCalendarIdentity {
                    my_emails: emails.clone(),
                    company_domains: typed.to_owned(),
                })
            },
        );
    });
}

/// Edits rule `index`: its name and each condition, each change saved at once.
fn rule_editor_ui(ui: &mut egui::Ui, index: usize, rules: &[Rule], inbox: &mut Inbox, outbox: &mut Outbox) {
    let rule = &rules[index];
    // The rules with rule `index` replaced, to send.
    let with = |changed: Rule| {
        let mut all = rules.to_vec();
        all[index] = changed;
        Command::SaveCalendarRules(all)
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        widgets::form_row(ui, "Rule name", |ui| {
            CommitField::new(
                RULE_NAME.with_key(i64::try_from(index).unwrap_or(i64::MAX)),
                &rule.name,
                "Rule name",
            )
            .width(320.0)
            .max_chars(120)
            .show_and_send(ui, inbox, outbox, |typed| {
                if typed.trim().is_empty() {
                    return Err("rule name: must not be empty".to_owned());
                }
                Ok(with(Rule { name: typed.to_owned(), ..rule.clone() }))
            });
        });
        let mut changed = rule.clone();
        let mut removed = None;
        for (position, condition) in rule.conditions.iter().enumerate() {
            ui.horizontal(|ui| {
                let key = |part| CONDITION.with_key(condition_key(index, position, part));
                if let Some(new) = condition_ui(ui, key, condition, inbox) {
                    match new {
                        Ok((part, new)) => {
                            let mut conditions = rule.conditions.clone();
                            conditions[position] = new;
                            outbox.send(key(part), with(Rule { conditions, ..rule.clone() }));
                        }
                        Err((part, message)) => edit_in_place::refuse(ui.ctx(), key(part), message),
                    }
                }
                if ui.button("Remove").accessible_name(format!("Remove condition {}", position + 1)).clicked()
                {
                    removed = Some(position);
                }
            });
        }
        if let Some(position) = removed {
            changed.conditions.remove(position);
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
            changed.conditions.push(condition);
        }
        if changed != *rule {
            outbox.send(RULES, with(changed));
        }
        if rule.conditions.is_empty() {
            widgets::error_label(ui, "a rule with no condition never matches");
        }
    });
}

/// A condition changed, with the part of it (its field) that changed it, or that field's
/// refusal.
type ConditionEdit = Result<(usize, Condition), (usize, String)>;

/// Draws a condition; returns it changed when one of its fields was left with a new value or
/// a box was ticked.
fn condition_ui(
    ui: &mut egui::Ui,
    key: impl Fn(usize) -> Origin,
    condition: &Condition,
    inbox: &mut Inbox,
) -> Option<ConditionEdit> {
    let list_ui = |ui: &mut egui::Ui, label: &str, values: &[String], inbox: &mut Inbox| {
        let saved = values.join(", ");
        widgets::form_row(ui, label, |ui| {
            let field = CommitField::new(key(0), &saved, label).width(320.0).show(ui, inbox);
            field.text.map(|text| {
                text.split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
        })
    };
    let changed = match condition {
        Condition::TitleHasAny { words } => {
            list_ui(ui, "Title has any of", words, inbox).map(|words| Condition::TitleHasAny { words })
        }
        Condition::OrganizerDomain { domains } => list_ui(ui, "Organizer domain", domains, inbox)
            .map(|domains| Condition::OrganizerDomain { domains }),
        Condition::AttendeeDomain { domains } => list_ui(ui, "Attendee domain", domains, inbox)
            .map(|domains| Condition::AttendeeDomain { domains }),
        Condition::AttendeeOnTeam => {
            ui.label("An attendee is on my team");
            None
        }
        Condition::HasExternalAttendees => {
            ui.label("Has attendees outside my company's domains");
            None
        }
        Condition::Duration { min_minutes, max_minutes } => {
            let mut bounds = [*min_minutes, *max_minutes];
            let mut part_changed = None;
            for (part, (label, default)) in [("At least", 30), ("At most", 120)].into_iter().enumerate() {
                let mut on = bounds[part].is_some();
                if ui.checkbox(&mut on, format!("{label} (min)")).changed() {
                    bounds[part] = on.then_some(default);
                    part_changed = Some(Ok(part));
                }
                if let Some(value) = bounds[part] {
                    let saved = value.to_string();
                    let name = format!("{label} minutes");
                    let field =
                        CommitField::new(key(part), &saved, &name).width(40.0).max_chars(4).show(ui, inbox);
                    if let Some(text) = field.text {
                        match edit_in_place::parse_number("minutes", &text, 0, 1440) {
                            Ok(minutes) => {
                                bounds[part] = Some(minutes);
                                part_changed = Some(Ok(part));
                            }
                            Err(message) => part_changed = Some(Err((part, message))),
                        }
                    }
                }
            }
            return part_changed.map(|changed| {
                changed.map(|part| {
                    (part, Condition::Duration { min_minutes: bounds[0], max_minutes: bounds[1] })
                })
            });
        }
        Condition::AllDay { all_day } => {
            let mut all_day = *all_day;
            ui.checkbox(&mut all_day, "All-day event").changed().then_some(Condition::AllDay { all_day })
        }
    };
    changed.map(|condition| Ok((0, condition)))
}
