//! Keys typed faster than frames land in the field the user meant.
//!
//! egui moves the keyboard focus for Tab at the end of a frame, after every widget has read
//! the frame's events. When a fast typist or a text expander puts text, Tab and more text into
//! one frame, the text after the Tab would land in the field that is being left. This plugin
//! splits a frame's input after the first key that moves the focus (Tab, or Enter that leaves a
//! single-line field): the events after it wait for the next frame, which is asked for at once.

use egui::{Event, Key, RawInput};

/// Holds the events that came after a focus-moving key until the next frame.
#[derive(Default)]
pub struct TypeAhead {
    held: Vec<Event>,
}

impl TypeAhead {
    /// Puts the events held from the last frame before this frame's own, then holds back
    /// everything after the first focus-moving key again.
    fn split(&mut self, input: &mut RawInput) {
        if !self.held.is_empty() {
            let mut events = std::mem::take(&mut self.held);
            events.append(&mut input.events);
            input.events = events;
        }
        let Some(mut end) = input.events.iter().position(moves_focus).map(|at| at + 1) else { return };
        // Releases right after it (the same keystroke) stay with it.
        while matches!(input.events.get(end), Some(Event::Key { pressed: false, .. })) {
            end += 1;
        }
        if end < input.events.len() {
            self.held = input.events.split_off(end);
        }
    }
}

/// Tab (either way) and Enter, as pressed: egui acts on them at the end of the frame.
fn moves_focus(event: &Event) -> bool {
    matches!(event, Event::Key { key: Key::Tab | Key::Enter, pressed: true, .. })
}

impl egui::Plugin for TypeAhead {
    fn debug_name(&self) -> &'static str {
        "leadline type-ahead"
    }

    fn input_hook(&mut self, _ctx: &egui::Context, input: &mut RawInput) {
        self.split(input);
    }

    fn on_begin_pass(&mut self, ui: &mut egui::Ui) {
        if !self.held.is_empty() {
            // The held keys are typed in the next frame, which comes at once, not at the next
            // key or mouse move.
            ui.ctx().request_repaint();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Event {
        Event::Text(s.to_owned())
    }

    fn key(key: Key, pressed: bool) -> Event {
        Event::Key { key, physical_key: None, pressed, repeat: false, modifiers: egui::Modifiers::NONE }
    }

    fn texts(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|e| match e {
                Event::Text(t) => t.clone(),
                Event::Key { key, pressed: true, .. } => format!("<{}>", key.name()),
                Event::Key { key, pressed: false, .. } => format!("</{}>", key.name()),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn events_after_a_tab_wait_for_the_next_frame_in_order() {
        let mut type_ahead = TypeAhead::default();
        let mut first = RawInput {
            events: vec![
                text("Pipeline"),
                key(Key::Tab, true),
                key(Key::Tab, false),
                text("Mat"),
                key(Key::Enter, true),
                text("x"),
            ],
            ..RawInput::default()
        };
        type_ahead.split(&mut first);
        assert_eq!(texts(&first.events), ["Pipeline", "<Tab>", "</Tab>"]);
        let mut second = RawInput { events: vec![text("y")], ..RawInput::default() };
        type_ahead.split(&mut second);
        assert_eq!(texts(&second.events), ["Mat", "<Enter>"]);
        let mut third = RawInput::default();
        type_ahead.split(&mut third);
        assert_eq!(texts(&third.events), ["x", "y"]);
        assert!(type_ahead.held.is_empty());
    }

    #[test]
    fn a_frame_ending_with_its_tab_is_left_whole() {
        let mut type_ahead = TypeAhead::default();
        let mut input = RawInput { events: vec![text("a"), key(Key::Tab, true)], ..RawInput::default() };
        type_ahead.split(&mut input);
        assert_eq!(texts(&input.events), ["a", "<Tab>"]);
        assert!(type_ahead.held.is_empty());
    }
}
