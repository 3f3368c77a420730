//! The meeting editor's agenda: talking points (carried-over ones marked, ticked when
//! discussed, added by hand or from templates) and action items (owner, due date, done).

use chrono::NaiveDate;
use egui::RichText;

use super::architect_editor::named_date_input;
use super::meeting_editor::{EDIT_ITEM, Editing, ITEM, MeetingEditor, NEW_ACTION, NEW_POINT};
use super::theme;
use crate::model::OneOnOneId;
use crate::model::architect::Choice as _;
use crate::model::one_on_one::{
    ActionFields, ActionItem, OneOnOne, Origin, Party, PointFields, TalkingPoint, short_date, times_carried,
};
use crate::model::search::HitKind;
use crate::model::text;
use crate::report::prep::action_detail;
use crate::session::{Command, MeetingView, Outbox, ViewModel};

impl MeetingEditor {
    pub(super) fn agenda_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        meeting_view: &MeetingView,
        outbox: &mut Outbox,
    ) {
        let meeting = &meeting_view.meeting;
        let name = meeting_view.architect_name.as_str();
        let agenda = &meeting_view.agenda;
        let carried = agenda.points.iter().filter(|(_, o)| *o != Origin::Here).count();
        let title = match carried {
            0 => format!("Talking points ({})", agenda.points.len()),
            n => format!("Talking points ({}, {n} carried over)", agenda.points.len()),
        };
        ui.label(RichText::new(title).strong());
        if agenda.points.is_empty() {
            ui.label(
                RichText::new("Nothing on the agenda yet: add a point or pick a template below.").weak(),
            );
        }
        for (point, origin) in &agenda.points {
            self.point_ui(ui, meeting, point, *origin, name, outbox);
        }
        ui.add_space(theme::SPACE_S);
        self.add_point_ui(ui, view, meeting.id, name, outbox);

        ui.add_space(theme::SPACE_L);
        let open = agenda.actions.iter().filter(|(a, _)| a.done_on.is_none()).count();
        ui.label(RichText::new(format!("Action items ({open} open)")).strong());
        if agenda.actions.is_empty() {
            ui.label(RichText::new("No action items.").weak());
        }
        for (action, origin) in &agenda.actions {
            self.action_ui(ui, view.today, meeting, action, *origin, name, outbox);
        }
        ui.add_space(theme::SPACE_S);
        self.add_action_ui(ui, view.today, meeting, name, outbox);
    }

    pub(super) fn highlighted(&mut self, ui: &egui::Ui, kind: HitKind, id: i64, rect: egui::Rect) {
        if self.highlight != Some((kind, id)) {
            return;
        }
        let color = theme::carried_color(ui).gamma_multiply(0.18);
        ui.painter().rect_filled(rect.expand(2.0), 4.0, color);
        if std::mem::take(&mut self.scroll_to_highlight) {
            ui.scroll_to_rect(rect, Some(egui::Align::Center));
        }
    }

    fn point_ui(
        &mut self,
        ui: &mut egui::Ui,
        meeting: &OneOnOne,
        point: &TalkingPoint,
        origin: Origin,
        name: &str,
        outbox: &mut Outbox,
    ) {
        let response = ui.horizontal_top(|ui| {
            let here = point.discussed_in == Some(meeting.id);
            let elsewhere = point.discussed_in.is_some() && !here;
            let mut checked = point.discussed_in.is_some();
            let tick = ui
                .add_enabled(!elsewhere, egui::Checkbox::without_text(&mut checked))
                .accessible_name(format!("Discussed: {}", point.fields.text))
                .on_hover_text(if elsewhere {
                    "Discussed in a later one-on-one"
                } else {
                    "Discussed in this one-on-one"
                });
            if tick.clicked() && !elsewhere {
                outbox.send(
                    ITEM.with_key(self.id.0),
                    Command::SetDiscussed { id: point.id, meeting: (!here).then_some(meeting.id) },
                );
            }
            ui.vertical(|ui| {
                if let Some(Editing::Point(id, text)) = &mut self.editing
                    && *id == point.id
                {
                    let done = edit_line(ui, text, "Talking point text");
                    if done == Some(true) {
                        let fields = PointFields { text: text.clone(), ..point.fields.clone() };
                        outbox.send(
                            EDIT_ITEM.with_key(self.id.0),
                            Command::UpdateTalkingPoint { id: point.id, fields },
                        );
                    } else if done == Some(false) {
                        self.editing = None;
                    }
                } else {
                    let text = RichText::new(&point.fields.text);
                    let text = if here { text.color(ui.visuals().weak_text_color()) } else { text };
                    ui.add(egui::Label::new(text).wrap());
                }
                ui.horizontal_wrapped(|ui| {
                    if let Origin::Carried { since, times } = origin {
                        let times =
                            if times > 1 { format!(" · {}", times_carried(times)) } else { String::new() };
                        ui.label(
                            RichText::new(format!(
                                "↪ carried over since {}{times}",
                                short_date(since, meeting.fields.held_on)
                            ))
                            .small()
                            .color(theme::carried_color(ui)),
                        );
                    }
                    let mut detail = format!("raised by {}", point.fields.raised_by.name_for(name));
                    if !point.fields.topic.is_empty() {
                        detail = format!("{} · {detail}", point.fields.topic);
                    }
                    if elsewhere && let Some(on) = point.discussed_on {
                        detail = format!("{detail} · discussed {}", short_date(on, meeting.fields.held_on));
                    }
                    ui.label(RichText::new(detail).small().weak());
                    if ui.small_button("✏").accessible_name(format!("Edit: {}", point.fields.text)).clicked()
                    {
                        self.editing = Some(Editing::Point(point.id, point.fields.text.clone()));
                    }
                    if ui
                        .small_button("🗑")
                        .accessible_name(format!("Delete: {}", point.fields.text))
                        .on_hover_text("Delete this talking point (from every agenda)")
                        .clicked()
                    {
                        outbox.send(ITEM.with_key(self.id.0), Command::DeleteTalkingPoint(point.id));
                    }
                });
            });
        });
        self.highlighted(ui, HitKind::TalkingPoint, point.id.0, response.response.rect);
    }

    fn add_point_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        meeting: OneOnOneId,
        name: &str,
        outbox: &mut Outbox,
    ) {
        let mut add = false;
        let field = ui.add(
            egui::TextEdit::singleline(&mut self.new_point)
                .hint_text("Add a talking point…")
                .desired_width(f32::INFINITY),
        );
        let field = field.accessible_name("New talking point");
        add |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal_wrapped(|ui| {
            ui.add_space(theme::SPACE_XS);
            party_picker(ui, "raised by", &mut self.new_point_by, name);
            add |= ui.button("Add").accessible_name("Add the talking point").clicked();
        });
        if add && !self.new_point.trim().is_empty() {
            let fields = PointFields {
                text: self.new_point.clone(),
                raised_by: self.new_point_by,
                topic: String::new(),
            };
            outbox.send(NEW_POINT.with_key(self.id.0), Command::AddTalkingPoint { meeting, fields });
        }
        if !view.templates.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("From a template:").small().weak());
                for template in &view.templates {
                    if ui
                        .small_button(&template.name)
                        .accessible_name(format!("Add the {} template", template.name))
                        .on_hover_text(&template.prompt)
                        .clicked()
                    {
                        outbox.send(
                            ITEM.with_key(self.id.0),
                            Command::AddTalkingPoint { meeting, fields: template.point() },
                        );
                    }
                }
            });
        }
    }

    #[allow(clippy::too_many_arguments, reason = "one row of the agenda needs all of it")]
    fn action_ui(
        &mut self,
        ui: &mut egui::Ui,
        today: NaiveDate,
        meeting: &OneOnOne,
        action: &ActionItem,
        origin: Origin,
        name: &str,
        outbox: &mut Outbox,
    ) {
        let held_on = meeting.fields.held_on;
        let response = ui.horizontal_top(|ui| {
            let mut done = action.done_on.is_some();
            if ui
                .add(egui::Checkbox::without_text(&mut done))
                .accessible_name(format!("Done: {}", action.fields.text))
                .clicked()
            {
                let done_on = done.then(|| today.max(action.raised_on));
                outbox.send(ITEM.with_key(self.id.0), Command::SetActionDone { id: action.id, done_on });
            }
            ui.vertical(|ui| {
                if let Some(Editing::Action(id, text)) = &mut self.editing
                    && *id == action.id
                {
                    let finished = edit_line(ui, text, "Action item text");
                    if finished == Some(true) {
                        let fields = ActionFields { text: text.clone(), ..action.fields.clone() };
                        outbox.send(
                            EDIT_ITEM.with_key(self.id.0),
                            Command::UpdateActionItem { id: action.id, fields },
                        );
                    } else if finished == Some(false) {
                        self.editing = None;
                    }
                } else {
                    let text = RichText::new(&action.fields.text);
                    let text = if action.done_on.is_some() {
                        text.color(ui.visuals().weak_text_color())
                    } else {
                        text
                    };
                    ui.add(egui::Label::new(text).wrap());
                }
                ui.horizontal_wrapped(|ui| {
                    if let Origin::Carried { since, .. } = origin {
                        ui.label(
                            RichText::new(format!("↪ carried over since {}", short_date(since, held_on)))
                                .small()
                                .color(theme::carried_color(ui)),
                        );
                    }
                    let as_of = today.max(held_on);
                    let overdue = action.overdue_days(as_of).is_some();
                    let color = if overdue { theme::error_color(ui) } else { ui.visuals().weak_text_color() };
                    let detail = action_detail(action, name, as_of);
                    ui.label(
                        RichText::new(if overdue { format!("⚠ {detail}") } else { detail })
                            .small()
                            .color(color),
                    );
                    if ui.small_button("✏").accessible_name(format!("Edit: {}", action.fields.text)).clicked()
                    {
                        self.editing = Some(Editing::Action(action.id, action.fields.text.clone()));
                    }
                    if ui
                        .small_button("🗑")
                        .accessible_name(format!("Delete: {}", action.fields.text))
                        .on_hover_text("Delete this action item (from every agenda)")
                        .clicked()
                    {
                        outbox.send(ITEM.with_key(self.id.0), Command::DeleteActionItem(action.id));
                    }
                });
            });
        });
        self.highlighted(ui, HitKind::ActionItem, action.id.0, response.response.rect);
    }

    fn add_action_ui(
        &mut self,
        ui: &mut egui::Ui,
        today: NaiveDate,
        meeting: &OneOnOne,
        name: &str,
        outbox: &mut Outbox,
    ) {
        let mut add = false;
        let field = ui.add(
            egui::TextEdit::singleline(&mut self.new_action)
                .hint_text("Add an action item…")
                .desired_width(f32::INFINITY),
        );
        let field = field.accessible_name("New action item");
        add |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal_wrapped(|ui| {
            ui.add_space(theme::SPACE_XS);
            party_picker(ui, "owner", &mut self.new_action_owner, name);
            ui.label(RichText::new("due").small().weak());
            let committed = named_date_input(
                ui,
                "new_action_due",
                Some("Due date"),
                &mut self.new_action_due,
                today.max(meeting.fields.held_on),
            );
            // Enter in the due date adds the item too: text, Tab, date, Enter.
            add |= committed
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && !self.new_action.trim().is_empty();
            add |= ui.button("Add").accessible_name("Add the action item").clicked();
        });
        if add {
            match text::parse_optional_date("due date", &self.new_action_due) {
                Ok(due_on) => {
                    let fields =
                        ActionFields { text: self.new_action.clone(), owner: self.new_action_owner, due_on };
                    outbox.send(
                        NEW_ACTION.with_key(self.id.0),
                        Command::AddActionItem { meeting: meeting.id, fields },
                    );
                }
                Err(error) => self.error = Some(error.to_string()),
            }
        }
    }
}

/// "Me" or the architect's first name, as two toggles.
fn party_picker(ui: &mut egui::Ui, label: &str, party: &mut Party, architect: &str) {
    let label = ui.label(RichText::new(label).small().weak());
    ui.label_inputs_by(label.id, |ui| {
        for choice in Party::ALL {
            let text = match choice {
                Party::Me => "me".to_owned(),
                Party::Them => choice.name_for(architect).to_owned(),
            };
            ui.selectable_value(party, *choice, text);
        }
    });
}

/// A one-line editor: `Some(true)` when confirmed with Enter or Save, `Some(false)` on Esc or
/// Cancel, `None` while editing.
fn edit_line(ui: &mut egui::Ui, text: &mut String, name: &str) -> Option<bool> {
    let mut result = None;
    ui.horizontal(|ui| {
        let field =
            ui.add(egui::TextEdit::singleline(text).desired_width((ui.available_width() - 120.0).max(100.0)));
        let field = field.accessible_name(name);
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            result = Some(true);
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            result = Some(false);
        }
        if ui.small_button("Save").clicked() {
            result = Some(true);
        }
        if ui.small_button("Cancel").clicked() {
            result = Some(false);
        }
    });
    result
}
