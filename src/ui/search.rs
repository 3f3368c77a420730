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
    /// The result ↑ and ↓ have moved to (people first, then the hits), which Enter opens.
    selected: usize,
    /// Scroll the selected result into view on the next frame.
    scroll_to_selected: bool,
}

/// One line of the results: a person whose name matches, or a passage found.
enum Entry<'a> {
    Person(&'a crate::model::Architect),
    Hit(&'a Hit),
}

/// The architects whose name matches every word typed (case and accents ignored), current
/// team first.
fn people<'v>(view: &'v ViewModel, query: &str) -> Vec<&'v crate::model::Architect> {
    let words: Vec<String> = query.split_whitespace().map(crate::model::text::fold_for_match).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<&crate::model::Architect> = view
        .architects
        .iter()
        .filter(|a| {
            let name = crate::model::text::fold_for_match(&a.fields.name);
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect();
    found.sort_by_key(|a| a.fields.status == crate::model::Status::Left);
    found
}

/// What a click on a result asks the screens to show.
pub enum Opened {
    /// An item in a meeting: highlight it in the editor.
    Item(HitKind, i64),
    /// A goal: show its architect's development plan.
    Goal(ArchitectId),
    /// A person: show their page.
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
                        .hint_text("Search people, notes, talking points and action items")
                        .desired_width(f32::INFINITY),
                );
                let field = field.accessible_name("Search");
                if std::mem::take(&mut self.focus) {
                    field.request_focus();
                }
                if field.changed() {
                    shell.selection.query.clone_from(&self.query);
                    self.selected = 0;
                }
                enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if field.has_focus() {
                    let (down, up) = ui.input_mut(|i| {
                        (
                            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                        )
                    });
                    if down {
                        self.selected += 1;
                        self.scroll_to_selected = true;
                    }
                    if up {
                        self.selected = self.selected.saturating_sub(1);
                        self.scroll_to_selected = true;
                    }
                }
            });
            let results = &view.search;
            let current = results.query == self.query;
            let people = people(view, &self.query);
            let mut entries: Vec<Entry<'_>> = people.iter().map(|a| Entry::Person(a)).collect();
            if current {
                entries.extend(search::group(&results.hits).into_iter().flat_map(|g| g.days.into_iter()).flat_map(|(_, hits)| hits).map(Entry::Hit));
            }
            self.selected = self.selected.min(entries.len().saturating_sub(1));
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
            let height = ctx.content_rect().height() * 0.6;
            let mut index = 0;
            let selected = self.selected;
            let scroll = std::mem::take(&mut self.scroll_to_selected);
            egui::ScrollArea::vertical().min_scrolled_height(height).max_height(height).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let mark = |ui: &mut egui::Ui, response: egui::Response, index: usize| {
                    if index == selected {
                        let rect = response.rect.expand(2.0);
                        ui.painter().rect_stroke(
                            rect,
                            4.0,
                            egui::Stroke::new(1.5, ui.visuals().selection.stroke.color),
                            egui::StrokeKind::Outside,
                        );
                        if scroll {
                            response.scroll_to_me(Some(egui::Align::Center));
                        }
                    }
                    response
                };
                if !people.is_empty() {
                    ui.add_space(theme::SPACE_S);
                    ui.label(RichText::new("People").strong().size(15.0));
                    for architect in &people {
                        let label = format!("👤 {}", architect.fields.name);
                        let response = ui.add(egui::Button::new(label).frame(false));
                        if mark(ui, response, index).clicked() {
                            opened = Some(open_person(architect.id, shell));
                            close = true;
                        }
                        index += 1;
                    }
                }
                if current {
                    for group in search::group(&results.hits) {
                        ui.add_space(theme::SPACE_S);
                        ui.label(RichText::new(group.name).strong().size(15.0));
                        for (on, hits) in &group.days {
                            ui.label(RichText::new(on.format("%a %-d %b %Y").to_string()).small().weak());
                            for hit in hits {
                                let response = hit_ui(ui, hit);
                                if mark(ui, response, index).clicked() {
                                    opened = Some(open(hit, shell));
                                    close = true;
                                }
                                index += 1;
                            }
                        }
                    }
                }
            });
            if enter && let Some(entry) = entries.get(self.selected) {
                opened = Some(match entry {
                    Entry::Person(architect) => open_person(architect.id, shell),
                    Entry::Hit(hit) => open(hit, shell),
                });
                close = true;
            }
            ui.add_space(theme::SPACE_S);
            ui.horizontal(|ui| {
                if ui.button("Close").clicked() {
                    close = true;
                }
                ui.label(RichText::new("Up and Down choose · Enter opens · Esc closes").small().weak());
            });
        });
        if close || modal.should_close() {
            self.open = false;
        }
        opened
    }
}

/// Shows an architect's page.
fn open_person(architect: ArchitectId, shell: &mut Shell) -> Opened {
    shell.screen = Screen::Team;
    Opened::Architect(architect)
}

/// Shows what a hit points at: its meeting, or the architect for a goal.
fn open(hit: &Hit, shell: &mut Shell) -> Opened {
    if let Some(meeting) = hit.meeting_id {
        shell.open_meeting(hit.architect_id, meeting);
        Opened::Item(hit.kind, hit.item_id)
    } else {
        shell.screen = Screen::Team;
        Opened::Goal(hit.architect_id)
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
