//! Meeting notes drawn as the Markdown they are (`egui_commonmark`, on the same
//! `pulldown-cmark` reader as the reports): headings, nested bullets and numbers, checkboxes,
//! quotes (nested too), **bold**, *italics*, `code`, links (opened in the browser) and tables.
//! Each line break typed inside a paragraph is kept (`model::notes::display_text`).

use std::sync::{Arc, Mutex};

use egui::RichText;
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use crate::model::notes;

/// Draws notes as formatted text. Empty notes draw a hint instead.
pub fn notes_ui(ui: &mut egui::Ui, text: &str) {
    if text.trim().is_empty() {
        ui.label(RichText::new("No notes yet.").weak().italics());
        return;
    }
    // The viewer keeps a little state between frames (table widths, link hooks).
    let id = ui.make_persistent_id("notes_commonmark_cache");
    let cache: Arc<Mutex<CommonMarkCache>> = ui.data_mut(|d| {
        d.get_temp_mut_or_insert_with(id, || Arc::new(Mutex::new(CommonMarkCache::default()))).clone()
    });
    let mut cache = cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    CommonMarkViewer::new().show(ui, &mut cache, &notes::display_text(text));
}
