//! The weekly trend of "Where the time went" on the review screen: each week's split of
//! coaching, market building and business management as a stacked bar against the quarter's
//! targets, the Time screen's chart (`ui::charts`) drawn from the figures the draft holds,
//! frozen or live.

use egui::RichText;

use crate::model::review::figures::TimeFigures;
use crate::ui::charts::{WeekSplit, WeeksChart, weeks_split_chart};
use crate::ui::time_charts::legend_ui;

const HEIGHT: f32 = 220.0;

/// The chart, under its legend; nothing when no time was logged in the quarter.
pub(super) fn weeks_ui(ui: &mut egui::Ui, time: &TimeFigures) {
    if time.total.total() == 0 || time.weeks.is_empty() {
        return;
    }
    ui.add_space(crate::ui::theme::SPACE_S);
    ui.label(RichText::new("Each week's split").strong());
    legend_ui(ui);
    let weeks: Vec<WeekSplit> = time
        .weeks
        .iter()
        .map(|week| WeekSplit {
            label: format!("W{:02}", week.week.week()),
            heading: week.week.to_string(),
            split: week.split,
            above: None,
        })
        .collect();
    let layout =
        WeeksChart { id: "review_weeks", height: HEIGHT, max_width: Some(900.0), targets: time.targets };
    weeks_split_chart(ui, &layout, &weeks);
}
