//! This week, the home screen: for an ISO week, who is due a one-on-one by their cadence and a
//! prep card for each (carried-over talking points, open actions with overdue ones flagged,
//! what was done since, development alerts), the one-on-ones already held, who is not due,
//! and the manager's own week split. A one-on-one starts from its card.

use std::collections::HashMap;

use egui::{RichText, Sides};

use super::prep_card::{CardAction, card_ui, item_row};
use super::{FileAction, SaveKind, Shell};
use super::{theme, widgets};
use crate::model::fiscal::IsoWeek;
use crate::model::ids::ArchitectId;
use crate::model::one_on_one::{ActionItem, short_date};
use crate::model::prep::{PrepCard, PrepSheet, WeekSplit};
use crate::report::prep::{self as prep_report};
use crate::session::{Command, Origin, Outbox, ViewModel};

/// The title of the save dialog, which its answer comes back under.
const SAVE_PREP_SHEET: &str = "Save the prep sheet";
/// ▶ Start 1:1 on a card.
const START: Origin = Origin::new("this week: start");

#[derive(Default)]
pub struct ThisWeekState {
    pub error: Option<String>,
    /// The "Save prep sheet" path being typed, while that dialog is open.
    save_path: Option<String>,
    /// The card a chip of the due strip was clicked for: scrolled into view on the next frame.
    scroll_to: Option<ArchitectId>,
    /// The prep cards as last drawn, so that those out of view are only room in the scroll.
    cards: CardHeights,
}

/// The height each prep card took when it was last drawn, with what it was drawn from: a card
/// out of view takes that room without being laid out again, as long as its content, the
/// column's width and the sheet's day are the same. A card whose content changed is drawn
/// (measured) once, in view or not, so the scroll keeps its true length.
#[derive(Default)]
struct CardHeights {
    measured: HashMap<ArchitectId, Measured>,
    /// The widget that had keyboard focus last frame, to scroll to a card Tab moved into.
    focused: Option<egui::Id>,
    /// The card holding the keyboard focus: always drawn, or egui would drop the focus.
    focused_card: Option<ArchitectId>,
}

struct Measured {
    card: PrepCard,
    as_of: chrono::NaiveDate,
    width: f32,
    /// From the card's top to the next widget's (the item spacing included).
    height: f32,
}

impl CardHeights {
    /// The height `card` took when last drawn, if it would take the same now.
    fn height(&self, card: &PrepCard, as_of: chrono::NaiveDate, width: f32) -> Option<f32> {
        let measured = self.measured.get(&card.architect_id)?;
        #[expect(clippy::float_cmp, reason = "the same column width, bit for bit, lays out the same")]
        let same = measured.width == width && measured.as_of == as_of && measured.card == *card;
        same.then_some(measured.height)
    }

    fn remember(&mut self, card: &PrepCard, as_of: chrono::NaiveDate, width: f32, height: f32) {
        match self.measured.get_mut(&card.architect_id) {
            Some(measured) if measured.card == *card => {
                measured.as_of = as_of;
                measured.width = width;
                measured.height = height;
            }
            _ => {
                self.measured
                    .insert(card.architect_id, Measured { card: card.clone(), as_of, width, height });
            }
        }
    }
}

impl ThisWeekState {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell, outbox: &mut Outbox) {
        if let Some(answer) = shell.answer(START) {
            self.error = answer.err();
        }
        let Some(sheet) = &view.prep else {
            widgets::empty_state(ui, "This week", "The database could not be read.");
            return;
        };
        self.header_ui(ui, view, sheet, shell);
        if let Some(error) = &self.error {
            widgets::error_label(ui, error);
        }
        ui.add_space(theme::SPACE_M);
        self.save_dialog_ui(ui, view, sheet, shell);

        egui::ScrollArea::vertical().id_salt("this_week").auto_shrink([false, false]).show(ui, |ui| {
            if let Some(split) = &sheet.week_split {
                week_split_ui(ui, split);
                ui.add_space(theme::SPACE_L);
            }
            super::hiring_week::ui(ui, view, sheet.week, shell);
            if view.architects.is_empty() {
                widgets::empty_state(
                    ui,
                    "No team yet",
                    "Add your architects on the Team screen (Ctrl+2); their one-on-ones will be prepared here.",
                );
                return;
            }
            if sheet.due.is_empty() {
                let (title, hint) = if sheet.held.is_empty() {
                    ("Nobody is due a one-on-one this week", "Biweekly architects are due every other week.")
                } else {
                    ("Every one-on-one due this week is done", "Well done. The next week is one click away (▶).")
                };
                ui.vertical_centered(|ui| {
                    ui.add_space(theme::SPACE_L);
                    ui.label(RichText::new(title).heading());
                    ui.label(RichText::new(hint).weak());
                    ui.add_space(theme::SPACE_L);
                });
            } else {
                if let Some(architect) = due_strip_ui(ui, sheet) {
                    self.scroll_to = Some(architect);
                }
                ui.add_space(theme::SPACE_M);
                cards_ui(ui, view, sheet, (shell, outbox), &mut self.cards, self.scroll_to.take());
            }
            ui.add_space(theme::SPACE_L);
            my_actions_ui(ui, view, sheet, shell);
            reminders_ui(ui, view, shell);
            others_ui(ui, sheet, shell);
            super::business_links::contacts_due_ui(ui, view, shell);
        });
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, view: &ViewModel, sheet: &PrepSheet, shell: &mut Shell) {
        let current = IsoWeek::of(view.today);
        let mut save = false;
        Sides::new().show(
            ui,
            |ui| {
                ui.heading(if sheet.week == current { "This week" } else { "Week" });
                if ui.button("◀").accessible_name("Previous week").on_hover_text("Previous week").clicked()
                {
                    shell.selection.week = Some(sheet.week.previous());
                }
                ui.label(RichText::new(sheet.week.to_string()).strong().size(16.0));
                if ui.button("▶").accessible_name("Next week").on_hover_text("Next week").clicked() {
                    shell.selection.week = Some(sheet.week.next());
                }
                ui.label(RichText::new(prep_report::week_range(sheet)).weak());
                if sheet.week != current && ui.button("Back to this week").clicked() {
                    shell.selection.week = None;
                }
            },
            |ui| {
                if ui
                    .button("💾 Save…")
                    .on_hover_text("Save the prep sheet as a Markdown file")
                    .accessible_name("Save the prep sheet")
                    .clicked()
                {
                    save = true;
                }
                if ui
                    .button("📋 Copy prep sheet")
                    .on_hover_text("Copy the week's prep sheet as Markdown, to paste into a notebook")
                    .clicked()
                {
                    ui.ctx().copy_text(sheet_markdown(view, sheet));
                    shell.status = format!("Copied the prep sheet for {} (Markdown)", sheet.week);
                    shell.toasts.info(format!("Copied the prep sheet for {}", sheet.week));
                }
            },
        );
        if save {
            let folder = widgets::save_folder(shell, SaveKind::PrepSheet, &view.db_path);
            self.save_path =
                Some(folder.join(format!("leadline-prep-{}.md", sheet.week)).display().to_string());
        }
        let mut summary = vec![sheet.as_of.format("%A %-d %B").to_string()];
        summary.push(match sheet.due.len() {
            0 => "no one-on-ones due".to_owned(),
            1 => "1 one-on-one due".to_owned(),
            n => format!("{n} one-on-ones due"),
        });
        if !sheet.held.is_empty() {
            summary.push(format!("{} held", sheet.held.len()));
        }
        let overdue: usize = sheet.due.iter().map(|c| c.overdue_count(sheet.as_of)).sum();
        if overdue > 0 {
            summary.push(crate::model::words::plural(overdue, "overdue action"));
        }
        ui.label(RichText::new(summary.join(" · ")).weak());
    }

    fn save_dialog_ui(&mut self, ui: &egui::Ui, view: &ViewModel, sheet: &PrepSheet, shell: &mut Shell) {
        let Some(path) = &mut self.save_path else { return };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("save_prep_sheet")).show(ui.ctx(), |ui| {
            ui.set_width(theme::DIALOG_WIDTH_WIDE);
            ui.heading(format!("Save the prep sheet for {}", sheet.week));
            ui.add_space(theme::SPACE_M);
            ui.label("A Markdown file, readable only by you.");
            let mut chosen = widgets::chosen_markdown_file(shell, SAVE_PREP_SHEET);
            let row = widgets::form_row(ui, "File", |ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(path)
                        .desired_width(ui.available_width() - theme::CHOOSE_BUTTON_WIDTH),
                );
                if ui.button("Choose…").on_hover_text("Pick the file in your system's dialog").clicked() {
                    widgets::choose_markdown_file(shell, SAVE_PREP_SHEET, path);
                }
                field
            });
            let enter = row.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                let save = ui.button(RichText::new("Save").strong()).clicked() || enter;
                if let Some(target) = chosen.take().or_else(|| save.then(|| path.trim().into())) {
                    shell.file_actions.push(FileAction::SaveMarkdown {
                        path: target,
                        text: sheet_markdown(view, sheet),
                        what: format!("the prep sheet for {}", sheet.week),
                    });
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.save_path = None;
        }
    }
}

/// The prep cards in a masonry of equal columns: two at 1280 px, three on a wide screen, one on
/// a narrow window; each card flows to the shortest column, so the grid fills the width without
/// the ragged gap round-robin columns left under short cards. Only the cards in view are laid out (plus the
/// one just past each end of the view in each column, so Tab and Shift+Tab reach a neighbour,
/// and the card holding the keyboard focus); the others take the room they took when last
/// drawn. With a hundred architects that is most of the frame saved.
fn cards_ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    sheet: &PrepSheet,
    (shell, outbox): (&mut Shell, &mut Outbox),
    heights: &mut CardHeights,
    scroll_to: Option<ArchitectId>,
) {
    let width = ui.available_width();
    let columns = if width >= 3.0 * theme::CARD_MIN_WIDTH {
        3
    } else if width >= 2.0 * theme::CARD_MIN_WIDTH {
        2
    } else {
        1
    };
    // A screen reader (or a test harness) reads the whole page from the accessibility tree:
    // then every card is laid out, as before.
    let everything = widgets::accessibility_on(ui);
    let focused = ui.ctx().memory(egui::Memory::focused);
    // Tab moved the focus: the card it moved into is scrolled into view.
    let focus_moved = focused.is_some() && focused != heights.focused;
    heights.focused = focused;
    let focused_card = heights.focused_card.take();
    let mut start = None;
    let mut open = None;
    let mut history = None;
    ui.columns(columns, |cols| {
        // Whether the last card of each column was in view: the next one is drawn too.
        let mut previous_in_view = vec![false; columns];
        for card in &sheet.due {
            // Masonry: each card goes to the shortest column (the leftmost of equals), so the
            // columns end level instead of one running long beside an empty one.
            let column = shortest(cols);
            let ui = &mut cols[column];
            let top = ui.cursor().min;
            let card_width = ui.available_width();
            let known = heights.height(card, sheet.as_of, card_width);
            let in_view = known.is_some_and(|height| {
                let rect = egui::Rect::from_min_size(top, egui::vec2(card_width, height));
                // The card just above the view ends within a gap of it.
                let gap = theme::CARD_GAP + ui.spacing().item_spacing.y + 1.0;
                ui.is_rect_visible(rect.expand2(egui::vec2(0.0, gap)))
            });
            let draw = known.is_none()
                || everything
                || in_view
                || previous_in_view[column]
                || focused_card == Some(card.architect_id)
                || scroll_to == Some(card.architect_id);
            previous_in_view[column] = false;
            if draw {
                let action = ui.push_id(card.architect_id, |ui| card_ui(ui, card, sheet, view)).inner;
                match action {
                    CardAction::None => {}
                    CardAction::Start => start = Some(card),
                    CardAction::Continue(meeting) => open = Some((card.architect_id, meeting)),
                    CardAction::History => history = Some(card.architect_id),
                }
                let drawn = egui::Rect::from_min_max(top, egui::pos2(top.x + card_width, ui.cursor().min.y));
                heights.remember(card, sheet.as_of, card_width, drawn.height());
                previous_in_view[column] = ui.is_rect_visible(drawn);
                let focus_rect = focused.and_then(|id| ui.ctx().read_response(id)).map(|r| r.rect);
                if let Some(focus_rect) = focus_rect.filter(|r| drawn.contains_rect(*r)) {
                    heights.focused_card = Some(card.architect_id);
                    if focus_moved {
                        ui.scroll_to_rect(focus_rect, None);
                    }
                }
            } else {
                ui.add_space(known.unwrap_or_default());
            }
            if scroll_to == Some(card.architect_id) {
                ui.scroll_to_rect(egui::Rect::from_min_max(top, ui.cursor().min), Some(egui::Align::TOP));
            }
            ui.add_space(theme::CARD_GAP);
        }
    });
    if let Some(card) = start {
        shell.back_from_meeting = Some((card.architect_id, super::Screen::ThisWeek));
        let held_on = start_date(sheet.week, view.today);
        outbox.send(
            START,
            Command::StartOneOnOne { architect: card.architect_id, held_on, agenda: card.suggested.clone() },
        );
    }
    if let Some((architect, meeting)) = open {
        shell.back_from_meeting = Some((architect, super::Screen::ThisWeek));
        shell.open_meeting(architect, meeting);
    }
    if let Some(architect) = history {
        shell.open_history(architect);
    }
}

/// The column whose content ends highest, the leftmost of those within a pixel of it.
fn shortest(cols: &[egui::Ui]) -> usize {
    let mut best = 0;
    for (index, col) in cols.iter().enumerate() {
        if col.cursor().min.y < cols[best].cursor().min.y - 1.0 {
            best = index;
        }
    }
    best
}

/// The date a one-on-one started from a card gets: today in the current week, otherwise the
/// week's Monday (the manager can change it in the editor).
pub fn start_date(week: IsoWeek, today: chrono::NaiveDate) -> chrono::NaiveDate {
    if IsoWeek::of(today) == week { today } else { week.monday() }
}

/// Everyone due, on one line each way they wrap: the name, days since the last one-on-one and
/// the one thing that stands out, so the week can be scanned before any card is read.
fn due_strip_ui(ui: &mut egui::Ui, sheet: &PrepSheet) -> Option<ArchitectId> {
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Due ({})", sheet.due.len())).strong());
        for card in &sheet.due {
            let since = card.days_since_last.map_or_else(|| "new".to_owned(), |d| format!("{d} d"));
            let flag = card.headline(sheet.as_of);
            let text = match &flag {
                Some(flag) => format!("{} · {since} · {flag}", card.name),
                None => format!("{} · {since}", card.name),
            };
            let color = if card.overdue_count(sheet.as_of) > 0 {
                theme::error_color(ui)
            } else if flag.is_some() {
                theme::warn_color(ui)
            } else {
                ui.visuals().text_color()
            };
            // A chip is one piece: it moves to the next line whole, never wraps inside.
            let chip = egui::Button::new(RichText::new(text).color(color))
                .wrap_mode(egui::TextWrapMode::Extend)
                .corner_radius(10.0)
                .stroke(egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color))
                .fill(egui::Color32::TRANSPARENT);
            if ui.add(chip).on_hover_text(format!("Show {}'s card", card.name)).clicked() {
                clicked = Some(card.architect_id);
            }
        }
    });
    clicked
}

/// The prep sheet as Markdown, with the manager's own open actions.
fn sheet_markdown(view: &ViewModel, sheet: &PrepSheet) -> String {
    prep_report::markdown_with_actions(sheet, &view.my_actions, |action| {
        view.architect(action.architect_id).map_or_else(String::new, |a| a.fields.name.clone())
    })
}

/// The manager's own open action items across the whole team, overdue first.
fn my_actions_ui(ui: &mut egui::Ui, view: &ViewModel, sheet: &PrepSheet, shell: &mut Shell) {
    if view.my_actions.is_empty() {
        return;
    }
    let as_of = sheet.as_of;
    let overdue = view.my_actions.iter().filter(|a| a.overdue_days(as_of).is_some()).count();
    let title = if overdue > 0 {
        format!("My open actions ({}, {overdue} overdue)", view.my_actions.len())
    } else {
        format!("My open actions ({})", view.my_actions.len())
    };
    theme::section_title(ui, &title);
    let mut sorted: Vec<&ActionItem> = view.my_actions.iter().collect();
    // Overdue first; the rest as stored (soonest due first).
    sorted.sort_by_key(|a| a.overdue_days(as_of).is_none());
    for action in sorted {
        let name = view.architect(action.architect_id).map_or("", |a| a.fields.name.as_str());
        let overdue = action.overdue_days(as_of).is_some();
        let (icon, color) =
            if overdue { ("⚠", theme::error_color(ui)) } else { ("☐", ui.visuals().text_color()) };
        let detail = prep_report::my_action_detail(action, name, as_of);
        item_row(ui, icon, color, &action.fields.text, &detail, overdue.then_some(color));
        if ui.small_button(format!("Open {name}'s one-on-ones")).clicked() {
            shell.open_history(action.architect_id);
        }
    }
    ui.add_space(theme::SPACE_L);
}

/// The priorities of a quarterly review whose reminder falls from today to a week ahead.
fn reminders_ui(ui: &mut egui::Ui, view: &ViewModel, shell: &mut Shell) {
    let reminders = &view.review.reminders;
    if reminders.is_empty() {
        return;
    }
    theme::section_title(ui, &format!("Reminders from your reviews ({})", reminders.len()));
    for (quarter, priority) in reminders {
        ui.horizontal_wrapped(|ui| {
            let on = priority.remind_on.map_or_else(String::new, |d| d.format("%a %-d %b").to_string());
            ui.label(RichText::new(on).strong());
            ui.label(&priority.text);
            let open = format!("Open the review of {quarter}");
            if ui
                .link(RichText::new(format!("a priority of {quarter}")).small())
                .on_hover_text(&open)
                .clicked()
            {
                shell.review_focus = Some(*quarter);
                shell.screen = super::Screen::Review;
            }
        });
    }
    ui.add_space(theme::SPACE_L);
}

/// Held this week, not due, on leave: compact lists under the cards.
fn others_ui(ui: &mut egui::Ui, sheet: &PrepSheet, shell: &mut Shell) {
    if !sheet.held.is_empty() {
        theme::section_title(ui, "Already held this week");
        for held in &sheet.held {
            let h = &held.held;
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("✔").color(theme::ok_color(ui)));
                if ui.link(RichText::new(&held.name).strong()).on_hover_text("Open this one-on-one").clicked()
                {
                    shell.open_meeting(held.architect_id, h.meeting.id);
                }
                ui.label(
                    RichText::new(format!(
                        "{} · {} of {} talking points discussed · {}",
                        short_date(h.meeting.held_on, sheet.as_of),
                        h.points_discussed,
                        h.points_total,
                        prep_report::open_actions_text(h.actions_open)
                    ))
                    .weak(),
                );
            });
        }
    }
    if !sheet.not_due.is_empty() {
        theme::section_title(ui, "Not due this week");
        for n in &sheet.not_due {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&n.name).strong());
                ui.label(
                    RichText::new(format!(
                        "every two weeks · last {} · next due {}",
                        short_date(n.last_held_on, sheet.as_of),
                        n.next_due
                    ))
                    .weak(),
                );
            });
        }
    }
    if !sheet.starting.is_empty() {
        theme::section_title(ui, "Not started yet");
        for s in &sheet.starting {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&s.name).strong());
                ui.label(
                    RichText::new(format!("starts on {}: the first one-on-one is planned then", s.starts_on))
                        .weak(),
                );
            });
        }
    }
    if !sheet.on_leave.is_empty() {
        theme::section_title(ui, "On leave");
        let names: Vec<&str> = sheet.on_leave.iter().map(|(_, name)| name.as_str()).collect();
        ui.label(RichText::new(names.join(", ")).weak());
    }
}

/// The manager's own week against the targets: a bar per category in its colour (the same as
/// on the Time screen), a tick where the target is, the figures beside it, and the drift
/// sentence. Shown only when the time split has data for the week.
pub fn week_split_ui(ui: &mut egui::Ui, week_split: &WeekSplit) {
    use crate::model::architect::Choice as _;
    use crate::model::split::Category;
    theme::card_frame(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("My week").strong());
        let (_, drift) = prep_report::split_lines(week_split);
        for &category in Category::ALL {
            let share = week_split.split.share_pct(category);
            let target = week_split.targets.pct(category);
            ui.horizontal(|ui| {
                ui.add_sized(
                    [SPLIT_LABEL_WIDTH, theme::TEXT_LARGE],
                    egui::Label::new(category.label()).truncate(),
                );
                let color = theme::category_color(ui.visuals().dark_mode, category);
                split_bar(ui, share_fraction(share), share_fraction(f64::from(target)), color);
                ui.label(format!("{share:.0} %"));
                ui.label(RichText::new(format!("target {target} %")).weak());
            });
        }
        ui.label(RichText::new(drift).weak());
    });
}

/// Room for the longest category name beside its bar.
const SPLIT_LABEL_WIDTH: f32 = 170.0;
const SPLIT_BAR_WIDTH: f32 = 260.0;

/// A horizontal bar filled to `share` in `color`, with a tick across it at `target` (both
/// 0..1): the week against the target at a glance, as the Time screen's target marks show it.
fn split_bar(ui: &mut egui::Ui, share: f32, target: f32, color: egui::Color32) {
    let height = theme::SPACE_L;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(SPLIT_BAR_WIDTH, height), egui::Sense::hover());
    let painter = ui.painter();
    let radius = f32::from(theme::RADIUS_S);
    painter.rect_filled(rect, radius, ui.visuals().extreme_bg_color);
    let filled = egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * share, height));
    painter.rect_filled(filled, radius, color);
    let x = rect.left() + rect.width() * target;
    let tick = egui::Stroke::new(2.0, ui.visuals().strong_text_color());
    painter.vline(x, rect.y_range().expand(theme::SPACE_XS), tick);
}

/// A share in percent as the 0..1 fraction a progress bar takes.
#[allow(clippy::cast_possible_truncation, reason = "a share is 0 to 100: f32 holds it exactly enough")]
fn share_fraction(share_pct: f64) -> f32 {
    (share_pct / 100.0).clamp(0.0, 1.0) as f32
}
