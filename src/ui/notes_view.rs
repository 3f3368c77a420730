//! Meeting notes rendered readably: headings, bullets, numbered lists, checkboxes, quotes
//! and **bold**, from the Markdown-ish text the manager types.

use egui::text::LayoutJob;
use egui::{FontId, RichText, TextFormat, TextStyle};

use super::theme;
use crate::model::notes::{self, Block};

/// Draws notes as formatted text. Empty notes draw a hint instead.
pub fn notes_ui(ui: &mut egui::Ui, text: &str) {
    if text.trim().is_empty() {
        ui.label(RichText::new("No notes yet.").weak().italics());
        return;
    }
    let body = TextStyle::Body.resolve(ui.style());
    for block in notes::parse(text) {
        match block {
            Block::Heading { level, text } => {
                ui.add_space(if level == 1 { theme::SPACE_M } else { theme::SPACE_S });
                let size = match level {
                    1 => body.size + 5.0,
                    2 => body.size + 3.0,
                    _ => body.size + 1.0,
                };
                ui.add(egui::Label::new(RichText::new(text).size(size).strong()).wrap());
            }
            Block::Bullet { depth, text, checked } => {
                let marker = match checked {
                    Some(true) => "☑",
                    Some(false) => "☐",
                    None => "•",
                };
                item_row(ui, depth, marker, text, &body, checked == Some(true));
            }
            Block::Numbered { depth, number, text } => {
                item_row(ui, depth, &format!("{number}."), text, &body, false);
            }
            Block::Quote(text) => {
                egui::Frame::new()
                    .inner_margin(egui::Margin { left: 10, right: 0, top: 2, bottom: 2 })
                    .stroke(egui::Stroke::NONE)
                    .show(ui, |ui| {
                        let rect = ui.max_rect();
                        ui.painter().vline(
                            rect.left() - 6.0,
                            rect.y_range(),
                            egui::Stroke::new(3.0, ui.visuals().weak_text_color()),
                        );
                        ui.add(egui::Label::new(rich_line(ui, text, &body, true)).wrap());
                    });
            }
            Block::Line(text) => {
                ui.add(egui::Label::new(rich_line(ui, text, &body, false)).wrap());
            }
            Block::Blank => ui.add_space(theme::SPACE_S),
        }
    }
}

/// A bullet or numbered line: the marker in a fixed gutter, the text wrapping beside it.
fn item_row(ui: &mut egui::Ui, depth: usize, marker: &str, text: &str, body: &FontId, done: bool) {
    ui.horizontal_top(|ui| {
        ui.add_space(18.0 * depth as f32 + 4.0);
        let gutter = egui::vec2(18.0, body.size + 4.0);
        ui.allocate_ui_with_layout(gutter, egui::Layout::left_to_right(egui::Align::TOP), |ui| {
            ui.set_min_size(gutter);
            ui.label(RichText::new(marker).color(ui.visuals().weak_text_color()));
        });
        let mut job = rich_line(ui, text, body, false);
        if done {
            for section in &mut job.sections {
                section.format.color = ui.visuals().weak_text_color();
            }
        }
        ui.add(egui::Label::new(job).wrap());
    });
}

/// A line with its **bold** spans.
fn rich_line(ui: &egui::Ui, text: &str, body: &FontId, italic: bool) -> LayoutJob {
    let mut job = LayoutJob::default();
    let color = ui.visuals().text_color();
    for (span, bold) in notes::inline_spans(text) {
        let format = TextFormat {
            font_id: body.clone(),
            color: if bold { ui.visuals().strong_text_color() } else { color },
            italics: italic,
            ..TextFormat::default()
        };
        job.append(span, 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    job
}
