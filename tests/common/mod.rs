//! Shared test helpers: a fixed clock, demo databases in temp dirs, the app in a harness,
//! and snapshots that compare strictly only on the reference renderer.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use egui_kittest::Harness;
use leadline::app::{Command, LeadlineApp, Startup};
use leadline::demo::DemoSize;
use leadline::store::Store;

/// Every test lives on the same Saturday, so demo data and screenshots never drift.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
}

pub fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("leadline.db")
}

/// A database holding the small demo team.
pub fn demo_db(dir: &tempfile::TempDir) -> PathBuf {
    let path = db_in(dir);
    let mut store = Store::open(&path).expect("open new database");
    store.transact(|tx| Command::LoadDemo(DemoSize::Small).apply(tx, today())).expect("load demo");
    path
}

pub fn startup(path: &Path) -> Startup {
    Startup { store: Store::open(path), db_path: path.to_owned(), today: Some(today()) }
}

/// The real app, as eframe would create it, in a test harness.
pub fn harness(path: &Path) -> Harness<'static, LeadlineApp> {
    let startup = startup(path);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness
}

/// The adapter the snapshot renderer picked, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
static ADAPTER: Mutex<Option<String>> = Mutex::new(None);

/// Snapshots are compared strictly only on Mesa's llvmpipe (CPU), the renderer the
/// reference images were made with. Other renderers (a laptop's real GPU) draw slightly
/// different pixels, so there the comparison is reported but does not fail the test.
pub fn is_reference_renderer() -> bool {
    ADAPTER.lock().ok().and_then(|a| a.clone()).is_some_and(|name| name.contains("llvmpipe"))
}

/// A harness that renders with wgpu, preferring a CPU adapter, and records which it chose.
pub fn snapshot_harness(path: &Path, size: egui::Vec2, theme: egui::Theme) -> Harness<'static, LeadlineApp> {
    use eframe::egui_wgpu::{WgpuSetup, WgpuSetupCreateNew, wgpu};
    let mut setup = WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends.remove(wgpu::Backends::BROWSER_WEBGPU);
    setup.native_adapter_selector = Some(Arc::new(|adapters, _surface| {
        let mut adapters: Vec<_> = adapters.iter().collect();
        adapters.sort_by_key(|a| match a.get_info().device_type {
            wgpu::DeviceType::Cpu => 0,
            wgpu::DeviceType::DiscreteGpu => 1,
            _ => 2,
        });
        let chosen = adapters.first().map(|a| (*a).clone()).ok_or_else(|| "No adapter found".to_owned())?;
        if let Ok(mut name) = ADAPTER.lock() {
            *name = Some(chosen.get_info().name);
        }
        Ok(chosen)
    }));
    let startup = startup(path);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .with_render_cursor(false)
        .wgpu_setup(WgpuSetup::CreateNew(setup))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness
}

/// Takes a snapshot: strict on the reference renderer, reported elsewhere.
pub fn check_snapshot(harness: &mut Harness<'_, LeadlineApp>, name: &str) {
    use egui_kittest::kittest::Queryable as _;
    // The database path differs on every run (a temp dir): hide it.
    // Its width varies with the random name, so the whole right half of the line is masked.
    // Settings shows it too: every line that shows it is masked from where it starts.
    let width = harness.ctx.content_rect().width();
    let rects: Vec<egui::Rect> =
        harness.get_all_by_label_contains("leadline.db").map(|node| node.rect()).collect();
    for rect in rects {
        harness.mask(egui::Rect::from_x_y_ranges(rect.min.x.min(width / 2.0)..=width, rect.y_range()));
    }
    let result = harness.try_snapshot(name);
    let adapter = ADAPTER.lock().ok().and_then(|a| a.clone()).unwrap_or_default();
    match result {
        Ok(()) => {}
        Err(error) if is_reference_renderer() => panic!("snapshot {name} differs on {adapter}: {error}"),
        Err(error) => eprintln!(
            "snapshot {name}: not compared strictly on {adapter:?} (reference is llvmpipe): {error}"
        ),
    }
}

/// A read-only look at the database while the app in a harness holds it open (the app keeps
/// the one-instance lock, so a second `Store::open` is refused, as it should be).
pub struct ReadOnly(rusqlite::Connection);

impl ReadOnly {
    pub fn conn(&self) -> &rusqlite::Connection {
        &self.0
    }
}

pub fn read_db(path: &Path) -> ReadOnly {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    ReadOnly(rusqlite::Connection::open_with_flags(path, flags).expect("open read-only"))
}
