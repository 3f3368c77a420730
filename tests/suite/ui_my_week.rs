//! This week's "My week": the manager's own week against the 50/30/20 targets, one bar per
//! category with its share and its target written beside it.

use crate::common;

use egui_kittest::kittest::Queryable as _;
use leadline::model::split::Category;
use leadline::model::time_entry::TimeEntryFields;
use leadline::session::Command;

#[test]
fn my_week_shows_each_categorys_share_beside_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut session = common::session(&path);
    // Tuesday of the test week (2026-W48): 3 h coaching, 1 h market building, nothing else.
    let tuesday = common::day(2026, 11, 24);
    for (minutes, category) in [(180, Category::Coaching), (60, Category::Market)] {
        common::apply(
            &mut session,
            Command::AddTimeEntry(TimeEntryFields::manual(tuesday, minutes, category, "work")),
        );
    }
    drop(session);
    let mut harness = common::harness(&path);
    harness.run();
    harness.get_by_label("My week");
    for figure in ["75 %", "25 %", "0 %", "target 50 %", "target 30 %", "target 20 %"] {
        assert!(harness.query_by_label(figure).is_some(), "{figure} is shown");
    }
}
