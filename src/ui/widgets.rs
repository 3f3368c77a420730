//! Shared widgets: toasts, labelled form rows, character counters.

use egui::{Align2, Color32, RichText};

use super::theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ToastKind {
    Info,
    Error,
}

#[derive(Debug, Clone)]
struct Toast {
    text: String,
    kind: ToastKind,
    /// When it appeared, in egui's clock; `None` until first shown.
    shown_at: Option<f64>,
}

/// Short-lived messages in the bottom-right corner. Errors stay until dismissed.
#[derive(Debug, Default)]
pub struct Toasts {
    items: Vec<Toast>,
}

const INFO_SECONDS: f64 = 5.0;

impl Toasts {
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(text.into(), ToastKind::Info);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.push(text.into(), ToastKind::Error);
    }

    fn push(&mut self, text: String, kind: ToastKind) {
        self.items.push(Toast { text, kind, shown_at: None });
    }

    /// The messages on screen now, oldest first (for tests).
    pub fn texts(&self) -> Vec<&str> {
        self.items.iter().map(|t| t.text.as_str()).collect()
    }

    pub fn ui(&mut self, ctx: &egui::Context) {
        if self.items.is_empty() {
            return;
        }
        let now = ctx.input(|i| i.time);
        self.items.retain(|toast| {
            toast.kind == ToastKind::Error || toast.shown_at.is_none_or(|at| now - at < INFO_SECONDS)
        });
        let mut dismissed = None;
        egui::Area::new(egui::Id::unique("toasts"))
            .anchor(Align2::RIGHT_BOTTOM, egui::vec2(-theme::SPACE_L, -40.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                ui.set_max_width(420.0);
                for (index, toast) in self.items.iter_mut().enumerate() {
                    toast.shown_at.get_or_insert(now);
                    let (fill, icon) = match toast.kind {
                        ToastKind::Info => (ui.visuals().extreme_bg_color, "ℹ"),
                        ToastKind::Error => (ui.visuals().error_fg_color.gamma_multiply(0.25), "⚠"),
                    };
                    egui::Frame::popup(ui.style()).fill(fill).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(icon).strong());
                            ui.add(egui::Label::new(&toast.text).wrap());
                            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                                dismissed = Some(index);
                            }
                        });
                    });
                }
            });
        if let Some(index) = dismissed {
            self.items.remove(index);
        }
        if self.items.iter().any(|t| t.kind == ToastKind::Info) {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
    }
}

/// A form row: a fixed-width label, then the input `add` draws, named by the label for
/// screen readers and tests.
pub fn form_row<R>(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.horizontal(|ui| {
        let size = egui::vec2(theme::FORM_LABEL_WIDTH, ui.spacing().interact_size.y);
        let label = ui
            .allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.set_min_size(size);
                ui.add(egui::Label::new(label).truncate())
            })
            .inner;
        ui.label_inputs_by(label.id, add)
    })
    .inner
}

/// Width kept for "130 / 120: too long" beside a single-line field.
const COUNTER_WIDTH: f32 = 110.0;

/// A single-line text field in a form row, with a counter once the text nears `max_chars`.
pub fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String, max_chars: usize) -> egui::Response {
    form_row(ui, label, |ui| {
        // Room for the counter once it shows, so the row never grows wider than its column.
        let near_limit = text.chars().count() * 10 >= max_chars * 8;
        let width = if near_limit { (ui.available_width() - COUNTER_WIDTH).max(60.0) } else { f32::INFINITY };
        let response = ui.add(egui::TextEdit::singleline(text).desired_width(width));
        char_counter(ui, text, max_chars, true);
        response
    })
}

/// A multi-line text field under its label, with a counter.
pub fn text_area(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    max_chars: usize,
    rows: usize,
) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::multiline(text).desired_rows(rows).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    char_counter(ui, text, max_chars, false);
    response
}

/// "118 / 120": shown near the limit (or always for long text), red when over it.
pub fn char_counter(ui: &mut egui::Ui, text: &str, max_chars: usize, only_near_limit: bool) {
    let count = text.chars().count();
    if only_near_limit && count * 10 < max_chars * 8 {
        return;
    }
    let color = if count > max_chars { theme::error_color(ui) } else { ui.visuals().weak_text_color() };
    let text = if count > max_chars {
        format!("{count} / {max_chars}: too long")
    } else {
        format!("{count} / {max_chars}")
    };
    ui.label(RichText::new(text).small().color(color));
}

/// An inline error under a form.
pub fn error_label(ui: &mut egui::Ui, message: &str) {
    ui.label(RichText::new(format!("⚠ {message}")).color(theme::error_color(ui)));
}

/// A status badge: a small pill in the colour of its [`Tone`](theme::Tone), the same on every
/// screen. Not a button: no frame of one, no hover highlight, its text not selectable.
pub fn status_badge(ui: &mut egui::Ui, text: &str, tone: theme::Tone) -> egui::Response {
    let (fill, color) = theme::colors(ui).badge(tone);
    pill_ui(ui, text, fill, color)
}

/// Whether egui builds the accessibility tree this frame (a screen reader, or a test harness,
/// reads the page from it): long lists then lay out every row, not only those in view.
pub fn accessibility_on(ui: &egui::Ui) -> bool {
    ui.ctx().accesskit_node_builder(ui.scope_id(), |_| ()).is_some()
}

/// A friendly empty state: what is missing and what to do.
pub fn empty_state(ui: &mut egui::Ui, title: &str, hint: &str) {
    ui.vertical_centered(|ui| {
        ui.add_space(theme::SPACE_L * 3.0);
        ui.heading(title);
        ui.add_space(theme::SPACE_M);
        ui.label(RichText::new(hint).weak());
    });
}

/// A rounded, tinted pill in a colour that is not one of the [`theme::Tone`]s (a hiring stage,
/// a business state): the text keeps the full colour; the fill is a faint wash of it. Prefer
/// [`status_badge`] for a status.
pub fn pill(ui: &mut egui::Ui, text: &str, color: Color32) -> egui::Response {
    let fill = theme::colors(ui).wash(color);
    pill_ui(ui, text, fill, color)
}

fn pill_ui(ui: &mut egui::Ui, text: &str, fill: Color32, color: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(fill)
        .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.45)))
        .corner_radius(egui::CornerRadius::same(theme::RADIUS_PILL))
        .inner_margin(egui::Margin::symmetric(7, 0))
        .show(ui, |ui| ui.add(egui::Label::new(RichText::new(text).color(color)).extend().selectable(false)))
        .inner
}

/// Where a save form proposes a file of `kind`: the folder one was last saved to, else the
/// Documents folder, else the database's.
pub fn save_folder(
    shell: &super::Shell,
    kind: super::SaveKind,
    db_path: &std::path::Path,
) -> std::path::PathBuf {
    shell
        .saved_folder(kind)
        .map(std::path::Path::to_path_buf)
        .or_else(|| {
            directories::UserDirs::new().and_then(|d| d.document_dir().map(std::path::Path::to_path_buf))
        })
        .or_else(|| db_path.parent().map(std::path::Path::to_path_buf))
        .unwrap_or_default()
}

/// "Choose…" beside the file field of a save form: the system's save dialog titled `title`,
/// starting where the field points. While the form is open, [`chosen_markdown_file`] collects
/// the answer.
pub fn choose_markdown_file(shell: &mut super::Shell, title: &'static str, typed: &str) {
    shell.ask_file(super::Pick::markdown_file(title, typed));
}

/// The file chosen in the save dialog titled `title`, once it is in. `None` while it is open,
/// and on Cancel (or no dialog service), which leaves the form open and says so.
pub fn chosen_markdown_file(shell: &mut super::Shell, title: &str) -> Option<std::path::PathBuf> {
    shell.file_answer(title, "No file chosen")
}

/// A name that opens something, in a fixed table column or a card title: strong, on one line,
/// elided with "…" when it does not fit, and then the full name in its hover text before `hover`
/// (what a click does). Never wraps, so a row keeps its height and nothing overlaps.
pub fn name_button(ui: &mut egui::Ui, name: &str, hover: &str) -> egui::Response {
    let elided = elides(ui, name, &egui::TextStyle::Button, 2.0 * ui.spacing().button_padding.x);
    let button = egui::Button::new(RichText::new(name).strong()).frame(false).truncate();
    let response = ui.add(button);
    match (elided, hover.is_empty()) {
        (true, true) => response.on_hover_text(name),
        (true, false) => response.on_hover_text(format!("{name}: {hover}")),
        (false, false) => response.on_hover_text(hover),
        (false, true) => response,
    }
}

/// A link on one line, elided with "…" when it does not fit, the full text on hover then.
pub fn elided_link(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let elided = elides(ui, text, &egui::TextStyle::Body, 0.0);
    let response = ui.scope(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        ui.link(text)
    });
    if elided { response.inner.on_hover_text(text) } else { response.inner }
}

/// Whether `text` in `style` is wider than the room left in `ui`, less `padding`.
fn elides(ui: &egui::Ui, text: &str, style: &egui::TextStyle, padding: f32) -> bool {
    let font = style.resolve(ui.style());
    let width = ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, Color32::WHITE).size().x);
    width > ui.available_width() - padding + 0.5
}
