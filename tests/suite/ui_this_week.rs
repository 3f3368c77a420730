//! This week lays out only the prep cards in view (a hundred architects would cost a frame
//! each otherwise): scrolling must still reach every card, and the cards left out above must
//! keep their room. With the accessibility tree on (a screen reader, the test harness) every
//! card is laid out, so these tests draw the real app headless without it, as the benchmark
//! does, and look at what was painted. (What is painted cannot tell a card left out from one
//! laid out but clipped: egui paints no label out of view either way.)

use egui::{Event, Modifiers, RawInput, pos2, vec2};
use leadline::app::LeadlineApp;

use crate::common;

/// The real app drawn headless as the window draws it, without the accessibility tree (the
/// test harness always builds it, and then every card is laid out).
struct Headless {
    ctx: egui::Context,
    app: LeadlineApp,
    size: egui::Vec2,
    time: f64,
    shapes: Vec<egui::epaint::ClippedShape>,
}

impl Headless {
    /// The app opened on This week, two frames drawn (the first measures every card, the
    /// second lays out only those in view).
    fn new(path: &std::path::Path, size: egui::Vec2) -> Self {
        let ctx = egui::Context::default();
        leadline::ui::theme::install(&ctx);
        let app = LeadlineApp::headless(common::startup(path));
        let mut app = Self { ctx, app, size, time: 0.0, shapes: Vec::new() };
        app.frame(Vec::new());
        app.frame(Vec::new());
        app
    }

    fn frame(&mut self, events: Vec<Event>) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(pos2(0.0, 0.0), self.size)),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let mut output = self.ctx.run_ui(input, |ui| self.app.frame_ui(ui));
        // No GPU to upload the font atlas to.
        output.textures_delta.clear();
        self.shapes = std::mem::take(&mut output.shapes);
    }

    /// The wheel turned down by `points` over the cards, and the frames after it.
    fn wheel(&mut self, points: f32) {
        let wheel = Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -points),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        };
        self.frame(vec![Event::PointerMoved(pos2(450.0, 400.0)), wheel]);
        for _ in 0..30 {
            self.frame(Vec::new());
        }
    }
}

/// Where the text exactly `text` was painted in the last frame (its top), if it was: a card's
/// title is painted only when the card is laid out.
fn painted_at(harness: &Headless, text: &str) -> Option<f32> {
    fn find(shape: &egui::Shape, text: &str) -> Option<f32> {
        match shape {
            egui::Shape::Text(shown) if shown.galley.text() == text => Some(shown.pos.y),
            egui::Shape::Vec(shapes) => shapes.iter().find_map(|s| find(s, text)),
            _ => None,
        }
    }
    harness.shapes.iter().find_map(|clipped| find(&clipped.shape, text))
}

fn due_names(harness: &Headless) -> Vec<String> {
    let view = harness.app.view();
    view.prep.as_ref().expect("the demo has a prep sheet").due.iter().map(|c| c.name.clone()).collect()
}

#[test]
fn scrolling_this_week_down_lays_out_the_last_card_and_leaves_out_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = Headless::new(&path, vec2(700.0, 600.0));
    let due = due_names(&harness);
    assert!(due.len() >= 4, "the small demo has enough cards due to scroll: {due:?}");
    let (first, last) = (&due[0], &due[due.len() - 1]);

    assert!(painted_at(&harness, first).is_some(), "the first card is in view as the screen opens");
    assert!(painted_at(&harness, last).is_none(), "{last}'s card is below the view");

    let mut steps = 0;
    while painted_at(&harness, last).is_none_or(|top| top > 560.0) && steps < 60 {
        harness.wheel(150.0);
        steps += 1;
    }
    let top = painted_at(&harness, last);
    assert!(
        top.is_some_and(|top| (0.0..=560.0).contains(&top)),
        "scrolling down brings {last}'s card into view: {top:?}"
    );
    assert!(painted_at(&harness, first).is_none(), "the first card, now far above, is left out");
}

#[test]
fn the_cards_left_out_above_keep_their_room_so_the_cards_in_view_stay_where_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    // A window tall enough to show every card: all of them laid out, where they belong.
    let tall = Headless::new(&path, vec2(700.0, 4000.0));
    let due = due_names(&tall);
    let tops: Vec<f32> = due.iter().map(|name| painted_at(&tall, name).expect("every card shown")).collect();
    drop(tall);

    // The same width, 600 points high, scrolled down by exactly 900 points.
    let mut small = Headless::new(&path, vec2(700.0, 600.0));
    for _ in 0..3 {
        small.wheel(300.0);
    }
    assert!(painted_at(&small, &due[0]).is_none(), "the first card, above the view, is left out");
    let mut in_view = 0;
    for (name, top) in due.iter().zip(&tops) {
        if let Some(now) = painted_at(&small, name) {
            in_view += 1;
            assert!(
                (now - (top - 900.0)).abs() < 0.5,
                "{name}'s card is at {now}, it belongs at {} (900 above {top})",
                top - 900.0
            );
        }
    }
    assert!(in_view > 0, "some card is in view after scrolling 900 points");
}
