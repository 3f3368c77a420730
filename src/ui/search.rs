//! The global search (Ctrl+F from any screen): notes, talking points and action items (and
//! goals once they exist), grouped by architect and date; a click opens the item.

use egui::text::LayoutJob;
use egui::{RichText, TextFormat};

use super::Shell;
use super::{Screen, theme};
use crate::model::ArchitectId;
use crate::model::search::{self, Hit, HitKind};
use crate::session::ViewModel;

#[derive(Default)]
pub struct SearchState {
    open: bool,
    focus: bool,
    query: String,
}

/// What a click on a result asks the screens to show.
pub enum Opened {
    /// An item in a meeting: highlight it in the editor.
    Item(HitKind, i64),
    /// A goal: show its architect.
    Architect(ArchitectId),
}

impl SearchState {
    /// Opens the search with the keyboard in its field.
    pub fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn ui(&mut self, ctx: &egui::Context, view: &ViewModel, shell: &mut Shell) -> Option<Opened> {
        if !self.open {
            return None;
        }
        let mut opened = None;
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("global_search")).show(ctx, |ui| {
            ui.set_width(760.0);
            let mut enter = false;
            ui.horizontal(|ui| {
                ui.label(RichText::new("🔍").size(18.0));
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("Search notes, talking points and action items")
                        .desired_width(f32::INFINITY),
                );
                let field = field.accessible_name("Search");
                if std::mem::take(&mut self.focus) {
                    field.request_focus();
                }
                if field.changed() {
                    shell.selection.query.clone_from(&self.query);
                }
                enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
            let results = &view.search;
            let current = results.query == self.query;
            ui.add_space(theme::SPACE_S);
            let status = if let Some(message) = results.message.as_ref().filter(|_| current) {
                message.clone()
            } else if self.query.trim().is_empty() {
                "Accents and case do not matter: “garcia” finds “García”. Put words in quotes for an exact phrase."
                    .to_owned()
            } else if !current {
                "Searching…".to_owned()
            } else if results.total == 0 {
                format!("Nothing found for “{}”.", self.query.trim())
            } else if results.total > results.hits.len() {
                format!("{} matches; the newest {} are shown.", results.total, results.hits.len())
            } else if results.total == 1 {
                "1 match".to_owned()
            } else {
                format!("{} matches", results.total)
            };
            ui.label(RichText::new(status).weak());
            ui.separator();
            if current {
                let height = ctx.content_rect().height() * 0.6;
                egui::ScrollArea::vertical().min_scrolled_height(height).max_height(height).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    for group in search::group(&results.hits) {
                        ui.add_space(theme::SPACE_S);
                        ui.label(RichText::new(group.name).strong().size(15.0));
                        for (on, hits) in &group.days {
                            ui.label(RichText::new(on.format("%a %-d %b %Y").to_string()).small().weak());
                            for hit in hits {
                                if hit_ui(ui, hit).clicked() {
                                    opened = Some(open(hit, shell));
                                    close = true;
                                }
                            }
                        }
                    }
                });
            }
            if enter && current && let Some(first) = results.hits.first() {
                opened = Some(open(first, shell));
                close = true;
            }
            ui.add_space(theme::SPACE_S);
            ui.horizontal(|ui| {
                if ui.button("Close").clicked() {
                    close = true;
                }
                ui.label(RichText::new("Esc closes · Enter opens the first result").small().weak());
            });
        });
        if close || modal.should_close() {
            self.open = false;
        }
        opened
    }
}

/// Shows what a hit points at: its meeting, or the architect for a goal.
fn open(hit: &Hit, shell: &mut Shell) -> Opened {
    if let Some(meeting) = hit.meeting_id {
        shell.open_meeting(hit.architect_id, meeting);
        Opened::Item(hit.kind, hit.item_id)
    } else {
        shell.screen = Screen::Team;
        Opened::Architect(hit.architect_id)
    }
}

/// One result: its kind, then the passage with the matched words highlighted.
fn hit_ui(ui: &mut egui::Ui, hit: &Hit) -> egui::Response {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let mut job = LayoutJob::default();
    job.append(
        &format!("{}  ", hit.kind.label()),
        0.0,
        TextFormat::simple(small, ui.visuals().weak_text_color()),
    );
    let highlight = theme::carried_color(ui).gamma_multiply(0.3);
    for (text, matched) in search::snippet_spans(&hit.snippet) {
        let mut format = TextFormat::simple(body.clone(), ui.visuals().text_color());
        if matched {
            format.background = highlight;
            format.color = ui.visuals().strong_text_color();
        }
        job.append(text, 0.0, format);
    }
    job.wrap.max_width = ui.available_width() - 24.0;
    let plain = format!("{}: {}", hit.kind.label(), search::snippet_markdown(&hit.snippet).replace("**", ""));
    ui.add(egui::Button::new(job).frame(false).wrap())
        .accessible_name(plain)
        .on_hover_cursor(egui::CursorIcon::PointingHand)
}
