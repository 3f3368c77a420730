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

/// Opens the window on the database at `db_path`. An unreadable database still opens a
/// window, which explains what is wrong instead of vanishing.
pub fn run_gui(db_path: PathBuf, today: Option<NaiveDate>) -> eframe::Result {
    // From here a panic anywhere writes a crash report beside the database; the next start
    // says so (`crash::previous_report`).
    crash::install(&db_path);
    let _doing = crash::doing("running the window");
    // The page-by-page check and the daily backup run in the background once the window is up.
    let store = store::Store::open_deferring_check(&db_path);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Leadline")
            .with_app_id("leadline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
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
                },
            )))
        }),
    )
}
