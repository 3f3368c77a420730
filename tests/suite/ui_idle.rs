//! Idle stays idle: an app nobody touches asks for no frames. The frames are scheduled as
//! eframe schedules them (a frame runs only when the last one asked for it, after the delay it
//! asked for), over simulated minutes, so a timer that repaints every second shows up as sixty
//! frames a minute.

use std::time::Duration;

use crate::common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use leadline::app::LeadlineApp;

type App = Harness<'static, LeadlineApp>;

/// Frames the app asks for over `seconds` of simulated time with nothing happening, the
/// window focused or not.
fn frames_while_idle(harness: &mut App, focused: bool, seconds: f64) -> usize {
    // The window gains or loses the focus: the frames that answer that event are not idle.
    harness.input_mut().focused = focused;
    harness.event(egui::Event::WindowFocused(focused));
    harness.run();
    let mut now = harness.ctx.input(|i| i.time);
    let end = now + seconds;
    let mut frames = 0;
    loop {
        let delay = harness
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .map_or(Duration::MAX, |viewport| viewport.repaint_delay);
        if delay == Duration::MAX {
            return frames;
        }
        // The next frame comes after the delay asked for (a frame's worth at least).
        now += delay.as_secs_f64().max(1.0 / 60.0);
        if now > end {
            return frames;
        }
        harness.input_mut().time = Some(now);
        harness.step();
        frames += 1;
    }
}

#[test]
fn an_idle_app_asks_for_no_frames_on_any_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    for key in [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7] {
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        let unfocused = frames_while_idle(&mut harness, false, 120.0);
        assert_eq!(unfocused, 0, "an unfocused window left alone for two minutes on screen {key:?}");
        // A focused window may look for another process's writes every few seconds, no more.
        let focused = frames_while_idle(&mut harness, true, 120.0);
        assert!(focused <= 60, "{focused} frames in two idle minutes, focused, on screen {key:?}");
    }
}
