//! Leadline: a private desktop notebook for a technical sales manager. Everything is in the
//! library so tests can drive it without a window; `main.rs` only parses the command line.

pub mod app;
pub mod cli;
pub mod crash;
pub mod demo;
pub mod import;
pub mod model;
pub mod report;
pub mod session;
pub mod store;
pub mod ui;

use std::path::PathBuf;

use chrono::NaiveDate;

/// The window's icon (task bar, window switcher, title bar): the 256 px rendering of
/// assets/icon/leadline.svg, which tools/make-icons regenerates.
const ICON_PNG: &[u8] = include_bytes!("../assets/icon/leadline-256.png");

/// The icon as eframe takes it. The PNG is part of the binary, so this fails only if the file
/// committed is not a PNG (a test reads it).
pub fn window_icon() -> Result<egui::IconData, String> {
    eframe::icon_data::from_png_bytes(ICON_PNG).map_err(|e| format!("the window icon is not a PNG: {e}"))
}

/// Opens the window on the database at `db_path`. An unreadable database still opens a
/// window, which explains what is wrong instead of vanishing. With `open_file` (a calendar
/// given on the command line, as "Open with Leadline" does) the window opens on its import
/// preview.
pub fn run_gui(db_path: PathBuf, today: Option<NaiveDate>, open_file: Option<PathBuf>) -> eframe::Result {
    // From here a panic anywhere writes a crash report beside the database; the next start
    // says so (`crash::previous_report`).
    crash::install(&db_path);
    let _doing = crash::doing("running the window");
    // The page-by-page check and the daily backup run in the background once the window is up.
    let store = store::Store::open_deferring_check(&db_path);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Leadline")
        .with_app_id("leadline")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 560.0]);
    match window_icon() {
        Ok(icon) => viewport = viewport.with_icon(icon),
        // Not worth refusing to start over: the toolkit's default icon shows instead.
        Err(error) => eprintln!("Leadline: {error}"),
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    eframe::run_native(
        "Leadline",
        options,
        Box::new(move |cc| {
            Ok(Box::new(app::LeadlineApp::new(
                cc,
                app::Startup {
                    store,
                    db_path,
                    today,
                    zone: import::zones::local(),
                    deferred_check: true,
                    file_picker: Box::new(app::NativeFilePicker::default()),
                    open_file,
                },
            )))
        }),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_the_256_pixel_png() {
        let icon = super::window_icon().expect("the committed icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The corners are transparent (a rounded square), the centre is not.
        assert_eq!(icon.rgba[3], 0, "top-left corner");
        let centre = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[centre + 3], 255, "centre");
    }
}
