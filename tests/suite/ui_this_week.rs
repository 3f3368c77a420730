//! This week lays out only the prep cards in view (a hundred architects would cost a frame
//! each otherwise): the cards far below are left out until the list is scrolled to them, and
//! scrolling still reaches every card.

use egui::{Event, Modifiers, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::LeadlineApp;

use crate::common;

type App = Harness<'static, LeadlineApp>;

/// The real app in a window small enough for one column of cards, a few of them in view.
fn small_window(path: &std::path::Path) -> App {
    let startup = common::startup(path);
    let mut harness = Harness::builder()
        .with_size(vec2(700.0, 600.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness
}

/// Whether `name`'s card is in the accessibility tree (its Start or Continue button).
fn card_laid_out(harness: &App, name: &str) -> bool {
    harness.query_by_label(&format!("Start the one-on-one with {name}")).is_some()
        || harness.query_by_label(&format!("Continue the one-on-one with {name}")).is_some()
}

/// The wheel turned down over the cards until the list can go no further.
fn scroll_to_the_bottom(harness: &mut App) {
    harness.event(Event::PointerMoved(pos2(450.0, 400.0)));
    for _ in 0..40 {
        harness.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        harness.run();
    }
}

#[test]
fn scrolling_this_week_to_the_bottom_lays_out_the_last_card_and_leaves_out_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = small_window(&path);
    let due: Vec<String> = harness
        .state()
        .view()
        .prep
        .as_ref()
        .expect("the demo has a prep sheet")
        .due
        .iter()
        .map(|card| card.name.clone())
        .collect();
    assert!(due.len() >= 4, "the small demo has enough cards due to scroll: {due:?}");
    let (first, last) = (&due[0], &due[due.len() - 1]);

    assert!(card_laid_out(&harness, first), "the first card is in view as the screen opens");
    assert!(!card_laid_out(&harness, last), "{last}'s card, far below the view, is not laid out");

    scroll_to_the_bottom(&mut harness);
    assert!(card_laid_out(&harness, last), "scrolled to the bottom, {last}'s card is shown");
    assert!(!card_laid_out(&harness, first), "the first card, now far above, is left out");

    // Its button still works: the one-on-one starts and opens.
    let start = format!("Start the one-on-one with {last}");
    if harness.query_by_label(&start).is_some() {
        harness.get_by_label(&start).click();
        harness.run();
        let meeting = harness.state().session().and_then(|s| s.selection().meeting);
        assert!(meeting.is_some(), "the last card's button started the one-on-one");
    }
}

/// Where `name`'s card button is, from the top of the window.
fn card_top(harness: &App, name: &str) -> Option<f64> {
    let node = harness
        .query_by_label(&format!("Start the one-on-one with {name}"))
        .or_else(|| harness.query_by_label(&format!("Continue the one-on-one with {name}")))?;
    node.accesskit_node().bounding_box().map(|b| b.y0)
}

#[test]
fn the_cards_left_out_above_keep_their_room_so_the_cards_in_view_stay_where_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    // A window tall enough to show every card: all of them laid out, where they belong.
    let startup = common::startup(&path);
    let mut tall = Harness::builder()
        .with_size(vec2(700.0, 4000.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    tall.run();
    let due: Vec<String> =
        tall.state().view().prep.as_ref().expect("a prep sheet").due.iter().map(|c| c.name.clone()).collect();
    let tops: Vec<f64> = due.iter().map(|name| card_top(&tall, name).expect("every card shown")).collect();
    drop(tall);

    // The same width, 600 points high, scrolled down by exactly 900 points.
    let mut small = small_window(&path);
    small.event(Event::PointerMoved(pos2(450.0, 400.0)));
    for _ in 0..3 {
        small.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -300.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        small.run();
    }
    assert!(card_top(&small, &due[0]).is_none(), "the first card, above the view, is left out");
    let mut in_view = 0;
    for (name, top) in due.iter().zip(&tops) {
        if let Some(now) = card_top(&small, name) {
            in_view += 1;
            assert!(
                (now - (top - 900.0)).abs() < 0.5,
                "{name}'s card is {now}, it belongs at {} (900 above {top})",
                top - 900.0
            );
        }
    }
    assert!(in_view > 0, "some card is in view after scrolling 900 points");
}
