//! The meeting editor: date, energy, and notes that save as you type and read back formatted;
//! the agenda beside them lives in `meeting_agenda.rs`.

use egui::{RichText, Sides};

use super::architect_editor::named_date_input;
use super::{SHORTCUT_SAVE, Shell, notes_view, theme, widgets};
use crate::model::one_on_one::{MINUTES_RANGE, MeetingFields, NOTES_MAX_CHARS, OneOnOne, Party};
use crate::model::search::HitKind;
use crate::model::text;
use crate::model::{ActionItemId, OneOnOneId, TalkingPointId};
use crate::session::{Command, Inbox, MeetingView, Origin, Outbox, ViewModel};

/// Seconds after the last keystroke before notes save by themselves.
const AUTOSAVE_SECONDS: f64 = 1.5;
/// How the five energy levels read.
const MOOD_WORDS: [&str; 5] = ["Drained", "Low", "OK", "Good", "Energised"];

/// The date, energy and notes, saved together (Ctrl+S, or by themselves while typing).
pub(super) const SAVE_MEETING: Origin = Origin::new("meeting: save");
/// The new-talking-point and new-action-item fields: cleared once added.
pub(super) const NEW_POINT: Origin = Origin::new("meeting: new point");
pub(super) const NEW_ACTION: Origin = Origin::new("meeting: new action");
/// An item's text edited in place.
pub(super) const EDIT_ITEM: Origin = Origin::new("meeting: edit item");
/// Ticks, deletes, templates, goals reviewed, deleting the meeting: nothing to clear.
pub(super) const ITEM: Origin = Origin::new("meeting: item");

/// An item whose text is being edited in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Editing {
    Point(TalkingPointId, String),
    Action(ActionItemId, String),
}

pub struct MeetingEditor {
    pub id: OneOnOneId,
    pub(super) date_text: String,
    pub(super) mood: Option<u8>,
    pub(super) notes: NotesBuffer,
    pub(super) new_point: String,
    pub(super) new_point_by: Party,
    pub(super) new_action: String,
    pub(super) new_action_owner: Party,
    pub(super) new_action_due: String,
    pub(super) editing: Option<Editing>,
    pub(super) confirm_delete: bool,
    pub error: Option<String>,
    /// An item found by search: shown highlighted and scrolled to once.
    pub(super) highlight: Option<(HitKind, i64)>,
    pub(super) scroll_to_highlight: bool,
    /// The length being dragged or typed, until it is saved.
    length: Option<u32>,
}

/// The notes as typed, and when they save by themselves.
pub(super) struct NotesBuffer {
    pub(super) text: String,
    /// Typed since the last save.
    pub(super) dirty: bool,
    /// egui time of the last keystroke.
    pub(super) last_typed: f64,
    /// Shown formatted rather than as an editor.
    pub(super) reading: bool,
    /// After a failed save, the notes wait for the next keystroke before saving by themselves.
    pub(super) autosave_paused: bool,
    /// The notes as sent in a save not answered yet: only what was sent is clean once it is
    /// saved (keys typed meanwhile still need a save), and no second save goes out meanwhile.
    pub(super) in_flight: Option<String>,
}

impl MeetingEditor {
    pub fn new(view: &MeetingView) -> Self {
        let fields = &view.meeting.fields;
        Self {
            id: view.meeting.id,
            date_text: fields.held_on.to_string(),
            mood: fields.mood,
            notes: NotesBuffer {
                text: fields.notes.clone(),
                dirty: false,
                last_typed: 0.0,
                // The latest meeting is the one being held: write. Older ones are read.
                reading: view.next.is_some() && !fields.notes.is_empty(),
                autosave_paused: false,
                in_flight: None,
            },
            new_point: String::new(),
            new_point_by: Party::Them,
            new_action: String::new(),
            new_action_owner: Party::Them,
            new_action_due: String::new(),
            editing: None,
            confirm_delete: false,
            error: None,
            highlight: None,
            scroll_to_highlight: false,
            length: None,
        }
    }

    pub fn highlight(&mut self, kind: HitKind, item_id: i64) {
        self.highlight = Some((kind, item_id));
        self.scroll_to_highlight = true;
        if kind == HitKind::Notes {
            self.notes.reading = true;
        }
    }

    /// The answers to what the editor sent: a form that went through clears its input, a
    /// refusal shows above the editor (and the notes stop saving by themselves until the next
    /// keystroke).
    fn take_answers(&mut self, inbox: &mut Inbox) {
        if let Some(answer) = inbox.take(SAVE_MEETING.with_key(self.id.0)) {
            let sent = self.notes.in_flight.take();
            match answer {
                Ok(_) => {
                    if sent.as_deref() == Some(self.notes.text.as_str()) {
                        self.notes.dirty = false;
                    }
                    self.error = None;
                }
                Err(message) => {
                    self.error = Some(message);
                    self.notes.autosave_paused = true;
                }
            }
        }
        let cleared = |result: Result<_, String>, error: &mut Option<String>| match result {
            Ok(_) => {
                *error = None;
                true
            }
            Err(message) => {
                *error = Some(message);
                false
            }
        };
        if let Some(answer) = inbox.take(NEW_POINT.with_key(self.id.0))
            && cleared(answer, &mut self.error)
        {
            self.new_point.clear();
        }
        if let Some(answer) = inbox.take(NEW_ACTION.with_key(self.id.0))
            && cleared(answer, &mut self.error)
        {
            self.new_action.clear();
            self.new_action_due.clear();
        }
        if let Some(answer) = inbox.take(EDIT_ITEM.with_key(self.id.0))
            && cleared(answer, &mut self.error)
        {
            self.editing = None;
        }
        if let Some(answer) = inbox.take(ITEM.with_key(self.id.0)) {
            cleared(answer, &mut self.error);
        }
    }

    /// The meeting's fields as typed, or the message to show when the date does not parse.
    fn fields(&self) -> Result<MeetingFields, String> {
        let held_on = text::parse_date("date", &self.date_text).map_err(|e| e.to_string())?;
        Ok(MeetingFields { held_on, mood: self.mood, notes: self.notes.text.clone() })
    }

    /// Sends the notes typed since the last save, unless that text is already on its way
    /// (the window is closing).
    pub fn save_unsaved(&mut self, meeting: &OneOnOne, outbox: &mut Outbox) {
        if self.id == meeting.id
            && self.notes.dirty
            && self.notes.in_flight.as_deref() != Some(self.notes.text.as_str())
        {
            self.save(meeting, outbox);
        }
    }

    fn save(&mut self, meeting: &OneOnOne, outbox: &mut Outbox) {
        match self.fields() {
            Ok(fields) => {
                self.notes.in_flight = Some(fields.notes.clone());
                outbox.send(
                    SAVE_MEETING.with_key(self.id.0),
                    Command::UpdateOneOnOne { id: meeting.id, fields },
                );
            }
            Err(message) => self.error = Some(message),
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewModel,
        meeting_view: &MeetingView,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        self.take_answers(&mut shell.inbox);
        let meeting = &meeting_view.meeting;
        let too_long = self.notes.text.chars().count() > NOTES_MAX_CHARS;
        let now = ui.input(|i| i.time);
        let save_key = ui.input_mut(|i| i.consume_shortcut(&SHORTCUT_SAVE));
        let autosave = self.notes.dirty
            && !too_long
            && !self.notes.autosave_paused
            && self.notes.in_flight.is_none()
            && now - self.notes.last_typed > AUTOSAVE_SECONDS;
        if save_key || autosave {
            self.save(meeting, outbox);
        } else if self.notes.dirty && !self.notes.autosave_paused {
            ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECONDS));
        }

        ui.add_space(theme::SPACE_M);
        self.header_ui(ui, meeting_view, shell, outbox);
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        ui.separator();

        egui::ScrollArea::vertical().id_salt("meeting_editor").auto_shrink([false, false]).show(ui, |ui| {
            let wide = ui.available_width() > 820.0;
            if wide {
                ui.columns(2, |cols| {
                    self.agenda_ui(&mut cols[0], view, meeting_view, outbox);
                    Self::goals_ui(&mut cols[1], meeting_view, outbox);
                    self.notes_ui(&mut cols[1], meeting, outbox, now);
                });
            } else {
                self.agenda_ui(ui, view, meeting_view, outbox);
                ui.add_space(theme::SPACE_L);
                Self::goals_ui(ui, meeting_view, outbox);
                self.notes_ui(ui, meeting, outbox, now);
            }
        });
        self.confirm_delete_ui(ui, meeting_view, shell, outbox);
    }

    fn header_ui(
        &mut self,
        ui: &mut egui::Ui,
        meeting_view: &MeetingView,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        self.take_answers(&mut shell.inbox);
        let meeting = &meeting_view.meeting;
        let name = meeting_view.architect_name.as_str();
        Sides::new().shrink_left().truncate().show(
            ui,
            |ui| {
                let title = format!("One-on-one with {name}");
                ui.heading(&title).on_hover_text(&title);
            },
            |ui| {
                let back =
                    shell.back_from_meeting.filter(|(architect, _)| *architect == meeting.architect_id);
                let hover = match back {
                    Some((_, screen)) => format!("Back to {} (saves the notes first)", screen.title()),
                    None => "Back to the history (saves the notes first)".to_owned(),
                };
                if ui.button("Close").on_hover_text(hover).clicked() {
                    if self.notes.dirty {
                        self.save(meeting, outbox);
                    }
                    shell.selection.meeting = None;
                    if let Some((_, screen)) = shell.back_from_meeting.take().filter(|_| back.is_some()) {
                        shell.screen = screen;
                    }
                }
                if ui.button(RichText::new("Delete…").color(theme::error_color(ui))).clicked() {
                    self.confirm_delete = true;
                }
                let next = ui.add_enabled(meeting_view.next.is_some(), egui::Button::new("▶"));
                if next.accessible_name("Next one-on-one").on_hover_text("Next one-on-one").clicked()
                    && let Some(id) = meeting_view.next
                {
                    shell.open_meeting(meeting.architect_id, id);
                }
                let previous = ui.add_enabled(meeting_view.previous.is_some(), egui::Button::new("◀"));
                if previous
                    .accessible_name("Previous one-on-one")
                    .on_hover_text("Previous one-on-one")
                    .clicked()
                    && let Some(id) = meeting_view.previous
                {
                    shell.open_meeting(meeting.architect_id, id);
                }
            },
        );
        ui.horizontal_wrapped(|ui| {
            ui.label("Date");
            let committed = named_date_input(
                ui,
                "meeting_date",
                Some("Date of the one-on-one"),
                &mut self.date_text,
                meeting.fields.held_on,
            );
            if committed && self.date_text.trim() != meeting.fields.held_on.to_string() {
                self.save(meeting, outbox);
            }
            ui.label(RichText::new(meeting.fields.held_on.format("%A").to_string()).weak());
            ui.add_space(theme::SPACE_L);
            let energy = ui.label("Energy");
            let before = self.mood;
            ui.label_inputs_by(energy.id, |ui| {
                for (level, word) in (1..=5_u8).zip(MOOD_WORDS) {
                    let selected = self.mood == Some(level);
                    if ui
                        .add(egui::Button::selectable(selected, level.to_string()).frame_when_inactive(true))
                        .accessible_name(format!("Energy {level}: {word}"))
                        .on_hover_text(word)
                        .clicked()
                    {
                        self.mood = if selected { None } else { Some(level) };
                    }
                }
            });
            if let Some(level) = self.mood {
                ui.label(RichText::new(MOOD_WORDS[usize::from(level - 1)]).weak());
            }
            if self.mood != before {
                self.save(meeting, outbox);
            }
            ui.add_space(theme::SPACE_L);
            let length = ui.label("Length");
            // Saved when the drag or the typing ends, not at every step.
            let minutes = self.length.get_or_insert(meeting.length_minutes());
            let response = ui
                .add(egui::DragValue::new(minutes).range(MINUTES_RANGE).speed(5).suffix(" min"))
                .labelled_by(length.id)
                .on_hover_text(if meeting.held {
                    "How long it took: the coaching time it logged follows"
                } else {
                    "How long it took: logged as coaching time once something happens in the meeting"
                });
            let done = response.drag_stopped() || response.lost_focus();
            if done
                && let Some(minutes) = self.length.take()
                && minutes != meeting.length_minutes()
            {
                let command = Command::SetMeetingLength { id: meeting.id, minutes: Some(minutes) };
                outbox.send(ITEM.with_key(self.id.0), command);
            }
            if !response.dragged() && !response.has_focus() {
                self.length = None;
            }
            if !meeting.held {
                ui.label(RichText::new("not held yet").weak().italics()).on_hover_text(
                    "Nothing has happened in it yet: notes, energy, a tick or an action make it held",
                );
            }
        });
    }

    /// Goals reviewed: a checkbox per development goal, shown once goals exist.
    fn goals_ui(ui: &mut egui::Ui, meeting_view: &MeetingView, outbox: &mut Outbox) {
        if meeting_view.goal_choices.is_empty() {
            return;
        }
        let meeting = &meeting_view.meeting;
        ui.label(RichText::new("Goals reviewed").strong());
        for (goal, description) in &meeting_view.goal_choices {
            let mut reviewed = meeting.goal_ids.contains(goal);
            if ui.checkbox(&mut reviewed, description).changed() {
                let mut goal_ids: Vec<_> = meeting.goal_ids.iter().copied().filter(|g| g != goal).collect();
                if reviewed {
                    goal_ids.push(*goal);
                }
                outbox.send(
                    ITEM.with_key(meeting.id.0),
                    Command::SetGoalsReviewed { id: meeting.id, goal_ids },
                );
            }
        }
        ui.add_space(theme::SPACE_L);
    }

    fn notes_ui(&mut self, ui: &mut egui::Ui, meeting: &OneOnOne, outbox: &mut Outbox, now: f64) {
        Sides::new().show(
            ui,
            |ui| {
                ui.label(RichText::new("Notes").strong());
                let state = if self.notes.dirty { "saving…" } else { "private · saved as you type" };
                ui.label(RichText::new(state).small().weak());
            },
            |ui| {
                ui.selectable_value(&mut self.notes.reading, true, "Read");
                ui.selectable_value(&mut self.notes.reading, false, "Write");
            },
        );
        if self.notes.reading {
            let response = egui::Frame::new().inner_margin(egui::Margin::same(4)).show(ui, |ui| {
                ui.set_width(ui.available_width());
                notes_view::notes_ui(ui, &self.notes.text);
            });
            self.highlighted(ui, HitKind::Notes, meeting.id.0, response.response.rect);
            if self.notes.text.trim().is_empty() && ui.button("Write notes").clicked() {
                self.notes.reading = false;
            }
        } else {
            let edit = ui.add(
                egui::TextEdit::multiline(&mut self.notes.text)
                    .hint_text("# Headings, - bullets, 1. numbered lists, **bold**")
                    .desired_rows(16)
                    .desired_width(f32::INFINITY),
            );
            let edit = edit.accessible_name("Notes");
            if edit.changed() {
                self.notes.dirty = true;
                self.notes.autosave_paused = false;
                self.notes.last_typed = now;
            }
            if edit.lost_focus() && self.notes.dirty && self.notes.text.chars().count() <= NOTES_MAX_CHARS {
                self.save(meeting, outbox);
            }
            widgets::char_counter(ui, &self.notes.text, NOTES_MAX_CHARS, true);
        }
    }

    fn confirm_delete_ui(
        &mut self,
        ui: &egui::Ui,
        meeting_view: &MeetingView,
        shell: &mut Shell,
        outbox: &mut Outbox,
    ) {
        if !self.confirm_delete {
            return;
        }
        let meeting = &meeting_view.meeting;
        let modal = egui::Modal::new(egui::Id::unique("confirm_delete_meeting")).show(ui.ctx(), |ui| {
            ui.set_width(theme::DIALOG_WIDTH);
            ui.heading(format!(
                "Delete the one-on-one of {}?",
                meeting.fields.held_on.format("%a %-d %b %Y")
            ));
            ui.add_space(theme::SPACE_M);
            ui.label(
                "Its notes, and the talking points and action items raised in it, are deleted. Points it marked \
                 as discussed go back on the next agenda.",
            );
            ui.add_space(theme::SPACE_L);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Delete").color(theme::error_color(ui))).clicked() {
                    outbox.send(ITEM.with_key(self.id.0), Command::DeleteOneOnOne(meeting.id));
                    shell.selection.meeting = None;
                    self.confirm_delete = false;
                }
                if ui.button("Cancel").clicked() {
                    self.confirm_delete = false;
                }
            });
        });
        if modal.should_close() {
            self.confirm_delete = false;
        }
    }
}
