//! The Time screen: the quick-entry row, the week view (entries by day, the split against the
//! target) and the quarter view (charts in `time_charts`). Also the reusable `week_split_ui`.

use egui::{Align, Key, KeyboardShortcut, Layout, Modifiers, RichText, Sense};

use super::split_view::split_ui;
use super::time_entry_row::{EntryRow, short_label};
use super::{SHORTCUT_OPEN, Shell, theme, time_charts, widgets};
use crate::model::TimeEntryId;
use crate::model::architect::Choice as _;
use crate::model::duration::format_minutes;
use crate::model::fiscal::IsoWeek;
use crate::model::split::{Category, Split};
use crate::model::time_entry::{TimeEntry, is_weekend, short_day};
use crate::model::time_summary::{WeekSummary, quarter_months};
use crate::session::{Command, Origin, Outbox, TimeFocus, ViewModel};

/// 🗑 on an entry in the week's list (keyed by the entry).
const DELETE_ENTRY: Origin = Origin::new("time: delete entry");

pub const SHORTCUT_PREVIOUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
pub const SHORTCUT_NEXT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight);

/// Width of the right-hand column of the week view (the split and the per-day chart).
const SIDE_WIDTH: f32 = 470.0;
/// Width of an entry's architect name in the list.
const ARCHITECT_COLUMN: f32 = 150.0;
/// Below this width the week view stacks its columns.
const WIDE_WIDTH: f32 = 1000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeTab {
    #[default]
    Week,
    Quarter,
}

#[derive(Default)]
pub struct TimeState {
    pub tab: TimeTab,
    pub row: EntryRow,
    /// The calendar import view, shown instead of the week while open.
    pub import: super::import_preview::ImportState,
    /// The pass this screen was last drawn in, to notice it being opened.
    last_pass: u64,
    /// An entry just saved: the list brings it into view once.
    scroll_to: std::cell::Cell<Option<TimeEntryId>>,
    /// The height of an entry's line when last drawn (0 before the first): a week of a busy
    /// manager holds hundreds of entries and only those in view are laid out.
    entry_height: std::cell::Cell<f32>,
}

/// What a click in the entry list asks for.
enum EntryAction {
    Edit(TimeEntry),
    Delete(TimeEntryId),
}

impl TimeState {
    /// A delete went through: an edit of that entry in the row is over.
    fn take_answers(&mut self, shell: &mut Shell) {
        while let Some((key, answer)) = shell.inbox.take_named(DELETE_ENTRY.name) {
            match answer {
                Ok(_) => {
                    if self.row.editing_id() == Some(TimeEntryId(key)) {
                        self.row.cancel();
                    }
                }
                Err(message) => shell.toasts.error(message),
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        self.take_answers(shell);
        if self.import.is_open() {
            self.import.ui(ui, view, shell, outbox);
            self.last_pass = ui.ctx().cumulative_pass_nr();
            return;
        }
        if self.import.take_imported() {
            // What was half typed before the import belongs to no entry now: start clean.
            self.row = EntryRow::default();
        }
        let pass = ui.ctx().cumulative_pass_nr();
        if pass > self.last_pass + 1 {
            // Just opened: the keyboard goes straight to the duration.
            self.row.focus();
        }
        self.last_pass = pass;
        let (previous, next) =
            ui.input_mut(|i| (i.consume_shortcut(&SHORTCUT_PREVIOUS), i.consume_shortcut(&SHORTCUT_NEXT)));
        if previous {
            self.step(view, shell, false);
        }
        if next {
            self.step(view, shell, true);
        }

        self.header_ui(ui, view, shell);
        ui.add_space(theme::SPACE_S);
        if let Some(saved) = self.row.ui(ui, view, &mut shell.inbox, outbox) {
            self.scroll_to.set(Some(saved));
        }
        ui.add_space(theme::SPACE_M);
        match self.tab {
            TimeTab::Week => self.week_ui(ui, view, outbox),
            TimeTab::Quarter => {
                time_charts::quarter_ui(ui, &view.time, &view.architects, |ui| {
                    super::business_links::market_hours_ui(ui, view);
                });
            }
        }
    }

    /// Moves to the previous or next week or quarter, keeping the other in step: a week's
    /// quarter is the one it is measured against; a quarter's week is today's, or its last
    /// (past quarters) or first (future ones).
    fn step(&self, view: &ViewModel, shell: &mut Shell, forward: bool) {
        let time = &view.time;
        let focus = match self.tab {
            TimeTab::Week => {
                let week = if forward { time.focus.week.next() } else { time.focus.week.previous() };
                TimeFocus { week, quarter: time.settings.quarter_of_week(week) }
            }
            TimeTab::Quarter => {
                let quarter = if forward { time.focus.quarter.next() } else { time.focus.quarter.previous() };
                let start_month = time.settings.start_month;
                let (start, end) = (quarter.start(start_month), quarter.end_inclusive(start_month));
                let day = time.today.clamp(start, end);
                TimeFocus { week: IsoWeek::of(day), quarter }
            }
        };
        shell.time_focus = Some(focus);
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
        let time = &view.time;
        ui.horizontal(|ui| {
            ui.heading("Time");
            ui.add_space(theme::SPACE_M);
            ui.selectable_value(&mut self.tab, TimeTab::Week, "Week");
            ui.selectable_value(&mut self.tab, TimeTab::Quarter, "Quarter");
            ui.add_space(theme::SPACE_L);
            let (what, period, is_current, back_label) = match self.tab {
                TimeTab::Week => {
                    let week = time.focus.week;
                    let days =
                        format!("{} – {}", week.monday().format("%-d %b"), week.sunday().format("%-d %b %Y"));
                    (format!("Week {week}"), days, time.is_current_week(), "This week")
                }
                TimeTab::Quarter => {
                    let quarter = time.focus.quarter;
                    let months = quarter_months(quarter, time.settings.start_month);
                    (quarter.to_string(), months, time.is_current_quarter(), "This quarter")
                }
            };
            let unit = if self.tab == TimeTab::Week { "week" } else { "quarter" };
            let previous = ui
                .button("◀")
                .accessible_name(format!("Previous {unit}"))
                .on_hover_text(format!("Previous {unit} ({})", ui.ctx().format_shortcut(&SHORTCUT_PREVIOUS)));
            if previous.clicked() {
                self.step(view, shell, false);
            }
            ui.label(RichText::new(&what).strong().size(16.0));
            ui.label(RichText::new(period).weak());
            let next = ui
                .button("▶")
                .accessible_name(format!("Next {unit}"))
                .on_hover_text(format!("Next {unit} ({})", ui.ctx().format_shortcut(&SHORTCUT_NEXT)));
            if next.clicked() {
                self.step(view, shell, true);
            }
            if !is_current && ui.button(back_label).clicked() {
                shell.time_focus = None;
            }
            ui.add_space(theme::SPACE_L);
            let import = ui.button("Import calendar…").on_hover_text(format!(
                "Turn an exported calendar (.ics) into time entries; {} chooses the file straight away, and \
                 you can also drop it on the window",
                ui.ctx().format_shortcut(&SHORTCUT_OPEN)
            ));
            if import.clicked() {
                self.import.open(view);
            }
        });
    }

    fn week_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, outbox: &mut Outbox) {
        let available = ui.available_size();
        let mut action = None;
        if available.x >= WIDE_WIDTH {
            let side = SIDE_WIDTH;
            // The gap between the columns is the space added plus the layout's spacing either side.
            let list_width = available.x - side - theme::SPACE_L - 2.0 * ui.spacing().item_spacing.x;
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(list_width, available.y),
                    Layout::top_down(Align::Min),
                    |ui| {
                        ui.set_width(list_width);
                        egui::ScrollArea::vertical()
                            .id_salt("week_entries")
                            .auto_shrink([false, false])
                            .show(ui, |ui| action = self.entries_ui(ui, view));
                    },
                );
                ui.add_space(theme::SPACE_L);
                ui.allocate_ui_with_layout(
                    egui::vec2(side, available.y),
                    Layout::top_down(Align::Min),
                    |ui| {
                        ui.set_width(side);
                        egui::ScrollArea::vertical()
                            .id_salt("week_side")
                            .auto_shrink([false, false])
                            .show(ui, |ui| week_side_ui(ui, &view.time));
                    },
                );
            });
        } else {
            // A narrow window: the split and the chart first, the entries under them.
            egui::ScrollArea::vertical().id_salt("week_narrow").auto_shrink([false, false]).show(ui, |ui| {
                week_side_ui(ui, &view.time);
                ui.add_space(theme::SPACE_L);
                action = self.entries_ui(ui, view);
            });
        }
        match action {
            Some(EntryAction::Edit(entry)) => self.row.edit(&entry, view),
            Some(EntryAction::Delete(id)) => {
                outbox.send(DELETE_ENTRY.with_key(id.0), Command::DeleteTimeEntry(id));
            }
            None => {}
        }
    }

    /// The week's entries by day, or an empty state that says what to do.
    fn entries_ui(&self, ui: &mut egui::Ui, view: &ViewModel) -> Option<EntryAction> {
        let time = &view.time;
        if !time.has_entries {
            widgets::empty_state(
                ui,
                "Log your first block of time",
                "Type a duration (90, 1h30, 1.5h), press Tab, press 1 coaching, 2 market building or \
                 3 business management, Tab, describe it and press Enter.",
            );
            None
        } else if time.week_entries.is_empty() {
            widgets::empty_state(
                ui,
                &format!("Nothing logged in week {}", time.focus.week),
                "Log time with the row above: type a weekday such as mon in the date field, or click \
                 a day under it.",
            );
            None
        } else {
            // Room on the right for the scroll bar, which floats over the content.
            egui::Frame::NONE
                .inner_margin(egui::Margin { right: 14, ..egui::Margin::ZERO })
                .show(ui, |ui| self.days_ui(ui, view))
                .inner
        }
    }

    /// The focused week's entries, day by day. Weekends only appear when something was logged.
    fn days_ui(&self, ui: &mut egui::Ui, view: &ViewModel) -> Option<EntryAction> {
        let time = &view.time;
        let mut action = None;
        // Where the widget holding the keyboard focus was: its line is always drawn, or egui
        // would drop the focus.
        let focused =
            ui.ctx().memory(egui::Memory::focused).and_then(|id| ui.ctx().read_response(id)).map(|r| r.rect);
        for (index, day) in time.focus.week.days().into_iter().enumerate() {
            let entries: Vec<&TimeEntry> = time.entries_on(day).collect();
            if entries.is_empty() && (is_weekend(day) || day > time.today) {
                continue;
            }
            let split = time.week.days[index];
            ui.horizontal(|ui| {
                let mut title = RichText::new(day.format("%A %-d %B").to_string()).strong();
                if day == time.today {
                    title = title.color(ui.visuals().strong_text_color());
                }
                ui.label(title);
                if day == time.today {
                    widgets::pill(ui, "today", theme::ok_color(ui));
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(RichText::new(format_minutes(split.total())).weak());
                    share_bar_ui(ui, &split, 120.0);
                });
            });
            if entries.is_empty() {
                ui.label(RichText::new("Nothing logged").weak().italics());
            }
            for entry in entries {
                if self.entry_out_of_view(ui, entry.id, focused) {
                    ui.add_space(self.entry_height.get());
                } else {
                    let top = ui.cursor().min.y;
                    // Keyed by the entry: the lines left out above must not shift the ids below.
                    if let Some(chosen) = ui.push_id(entry.id, |ui| self.entry_ui(ui, entry, view)).inner {
                        action = Some(chosen);
                    }
                    self.entry_height.set(ui.cursor().min.y - top);
                }
            }
            ui.add_space(theme::SPACE_M);
        }
        action
    }

    /// Whether an entry's line would fall outside the view (with a line's margin either side,
    /// so Tab and Shift+Tab from the edge reach a neighbour), holds no keyboard focus and is
    /// not to be scrolled to: it then only takes its room.
    fn entry_out_of_view(&self, ui: &egui::Ui, id: TimeEntryId, focused: Option<egui::Rect>) -> bool {
        let height = self.entry_height.get();
        // A screen reader (or a test harness) reads every line from the accessibility tree.
        if height <= 0.0 || self.scroll_to.get() == Some(id) || super::widgets::accessibility_on(ui) {
            return false;
        }
        let line = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
        let reach = line.expand2(egui::vec2(0.0, height));
        !ui.is_rect_visible(reach) && !focused.is_some_and(|rect| line.intersects(rect))
    }

    fn entry_ui(&self, ui: &mut egui::Ui, entry: &TimeEntry, view: &ViewModel) -> Option<EntryAction> {
        let f = &entry.fields;
        let editing = self.row.editing_id() == Some(entry.id);
        let mut action = None;
        let fill = if editing {
            ui.visuals().selection.bg_fill.gamma_multiply(0.4)
        } else {
            egui::Color32::TRANSPARENT
        };
        let shown = egui::Frame::NONE
            .fill(fill)
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(4, 1))
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let height = ui.spacing().interact_size.y;
                    let start = f.start_time.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
                    ui.add_sized([42.0, height], egui::Label::new(RichText::new(start).weak().monospace()));
                    ui.allocate_ui_with_layout(
                        egui::vec2(82.0, height),
                        Layout::right_to_left(Align::Center),
                        |ui| {
                            ui.label(format_minutes(f.minutes));
                        },
                    );
                    category_chip_ui(ui, f.category);
                    // Right to left: the buttons and the architect take their widths, the
                    // description gets exactly what is left, so a long one is cut, never pushes.
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        let what = entry_name(entry);
                        let delete = ui
                            .small_button("🗑")
                            .accessible_name(format!("Delete {what}"))
                            .on_hover_text("Delete (Ctrl+Z brings it back)");
                        if delete.clicked() {
                            action = Some(EntryAction::Delete(entry.id));
                        }
                        if ui
                            .small_button("✏")
                            .accessible_name(format!("Edit {what}"))
                            .on_hover_text("Edit")
                            .clicked()
                        {
                            action = Some(EntryAction::Edit(entry.clone()));
                        }
                        if let Some(link) = f.link {
                            let name = super::business_links::link_label(view, link);
                            let icon = match link {
                                crate::model::business::WorkLink::Account(_) => "🏢",
                                crate::model::business::WorkLink::Initiative(_) => "🚀",
                            };
                            ui.label(RichText::new(icon).weak()).on_hover_text(format!("for {name}"));
                        }
                        let architect =
                            f.architect.and_then(|id| view.architect(id)).map(crate::model::Architect::name);
                        // The name shows when the description keeps room to be read; otherwise
                        // an icon that names the architect on hover.
                        if let Some(name) = architect {
                            if ui.available_width() > ARCHITECT_COLUMN + 160.0 {
                                ui.allocate_ui_with_layout(
                                    egui::vec2(ARCHITECT_COLUMN, height),
                                    Layout::left_to_right(Align::Center),
                                    |ui| {
                                        ui.add(
                                            egui::Label::new(RichText::new(format!("👤 {name}")).weak())
                                                .truncate(),
                                        );
                                    },
                                );
                            } else {
                                ui.label(RichText::new("👤").weak()).on_hover_text(format!("with {name}"));
                            }
                        }
                        let description =
                            if f.description.is_empty() { "(no description)" } else { &f.description };
                        let mut hover = match architect {
                            Some(name) => format!("{description}\nwith {name}"),
                            None => description.to_owned(),
                        };
                        if matches!(f.source, crate::model::time_entry::EntrySource::Calendar { .. }) {
                            hover.push_str(
                                "\nImported from your calendar: a new category or a delete here is kept \
                                 when the calendar is imported again",
                            );
                        }
                        ui.allocate_ui_with_layout(
                            egui::vec2(ui.available_width(), height),
                            Layout::left_to_right(Align::Center),
                            |ui| {
                                ui.add(egui::Label::new(description).truncate()).on_hover_text(hover);
                            },
                        );
                    });
                });
            });
        if self.scroll_to.get() == Some(entry.id) {
            self.scroll_to.set(None);
            shown.response.scroll_to_me(Some(Align::Center));
        }
        action
    }
}

/// The week's split against target, its drift and the hours per day.
fn week_side_ui(ui: &mut egui::Ui, time: &crate::session::TimeView) {
    ui.label(RichText::new(format!("Week {} split", time.focus.week)).strong());
    ui.add_space(theme::SPACE_S);
    week_split_ui(ui, &time.week);
    ui.add_space(theme::SPACE_L);
    ui.label(RichText::new("Hours per day").strong());
    time_charts::week_days_chart(ui, &time.week);
}

/// How an entry is named to screen readers and tests: its description, or its duration,
/// category and day when it has none.
pub fn entry_name(entry: &TimeEntry) -> String {
    let f = &entry.fields;
    if f.description.is_empty() {
        format!("{} of {} on {}", format_minutes(f.minutes), f.category, short_day(f.date))
    } else {
        f.description.clone()
    }
}

/// A small coloured label for a category.
pub fn category_chip_ui(ui: &mut egui::Ui, category: Category) {
    let color = theme::category_color(ui.visuals().dark_mode, category);
    let height = ui.spacing().interact_size.y;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(84.0, height), Sense::hover());
    let dot = egui::pos2(rect.left() + 6.0, rect.center().y);
    ui.painter().circle_filled(dot, 4.5, color);
    ui.painter().text(
        egui::pos2(rect.left() + 16.0, rect.center().y),
        egui::Align2::LEFT_CENTER,
        short_label(category),
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
    );
}

/// A thin bar split by category share, `width` wide.
pub fn share_bar_ui(ui: &mut egui::Ui, split: &Split, width: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 8.0), Sense::hover());
    let painter = ui.painter();
    painter.rect_filled(rect, 3.0, ui.visuals().faint_bg_color);
    let total = split.total();
    if total == 0 {
        return;
    }
    let mut left = rect.left();
    for &category in Category::ALL {
        let part = width * split.minutes(category) as f32 / total as f32;
        let segment =
            egui::Rect::from_min_max(egui::pos2(left, rect.top()), egui::pos2(left + part, rect.bottom()));
        painter.rect_filled(segment, 0.0, theme::category_color(ui.visuals().dark_mode, category));
        left += part;
    }
}

/// The week's split against its targets with the drift sentence: the widget the This-week
/// home shows at a glance.
pub fn week_split_ui(ui: &mut egui::Ui, week: &WeekSummary) {
    split_ui(ui, &week.total, &week.targets, "week");
}
