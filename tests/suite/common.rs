//! Shared test helpers: a fixed clock, demo databases in temp dirs, the app in a harness,
//! snapshots that compare strictly only on the reference renderer, and the built binary run
//! as a user would run it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::rc::Rc;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use egui_kittest::Harness;
use leadline::app::{FilePicker, LeadlineApp, Startup};
use leadline::demo::DemoSize;
use leadline::import::zones::Zone;
use leadline::session::{Clock, Command, Done, Origin, Session};
use leadline::store::Store;
use leadline::ui::{Answer, Pick};

/// Every test lives on the same Saturday, so demo data and screenshots never drift.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
}

pub fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("leadline.db")
}

/// The zone the app's calendar imports count days in, in every test: fixed, so a test means
/// the same on a machine west of UTC-8 or east of UTC+5.
pub fn zone() -> Zone {
    Zone::Utc
}

/// A session on the database at `path`, on the day every test lives on: the one door for the
/// writes a test makes, as the command line's (no view is built).
pub fn session(path: &Path) -> Session {
    Session::without_view(Store::open(path).expect("open the database"), Clock::Fixed(today()), zone())
}

/// The same, keeping the view up to date as the app's session does.
pub fn live_session(path: &Path) -> Session {
    Session::new(Store::open(path).expect("open the database"), Clock::Fixed(today()), zone())
        .expect("read the view")
}

/// An empty database past the first-run choice ("start empty"): a copy of the file made once in
/// this test run (creating one runs every migration, each committed to disk).
pub fn empty_db(dir: &tempfile::TempDir) -> PathBuf {
    let path = db_in(dir);
    std::fs::write(&path, started_empty()).expect("write the empty database");
    daily_backup_taken(&path, started_empty());
    path
}

/// Leaves beside `path` the daily backup the app would take when it opens the file (a copy of
/// it, stamped now), so that the app does not take it again: a test that is not about backups
/// does not pay for a verified `VACUUM INTO` and its disk syncs. The backups' own tests start
/// from [`demo_db_without_backups`].
fn daily_backup_taken(path: &Path, bytes: &[u8]) {
    let dir = leadline::store::backup::backups_dir(path);
    std::fs::create_dir_all(&dir).expect("create the backups folder");
    let stem = path.file_stem().expect("a file name").to_string_lossy();
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    std::fs::write(dir.join(format!("{stem}-{stamp}-daily.db")), bytes).expect("write the backup");
}

/// The bytes of a database file that started empty, made through the session on the first
/// call (its connection closed, so the file holds every page).
fn started_empty() -> &'static [u8] {
    static EMPTY: OnceLock<Vec<u8>> = OnceLock::new();
    EMPTY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = db_in(&dir);
        apply(&mut session(&path), Command::FinishOnboarding);
        std::fs::read(&path).expect("read the empty database")
    })
}

/// A database holding the small demo team: a copy of the file `Command::LoadDemo` wrote once
/// in this test run (making it takes longer than most tests; copying it, a millisecond).
pub fn demo_db(dir: &tempfile::TempDir) -> PathBuf {
    let path = demo_db_without_backups(dir);
    daily_backup_taken(&path, small_demo());
    path
}

/// The same with no backup beside it: for the backups' own tests.
pub fn demo_db_without_backups(dir: &tempfile::TempDir) -> PathBuf {
    let path = db_in(dir);
    std::fs::write(&path, small_demo()).expect("write the demo database");
    path
}

/// The bytes of a database file holding the small demo team, made through the session on the
/// first call (its connection closed, so the file holds every page).
fn small_demo() -> &'static [u8] {
    static DEMO: OnceLock<Vec<u8>> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = db_in(&dir);
        apply(&mut session(&path), Command::LoadDemo(DemoSize::Small));
        std::fs::read(&path).expect("read the demo database")
    })
}

pub fn startup(path: &Path) -> Startup {
    Startup {
        store: Store::open(path),
        db_path: path.to_owned(),
        today: Some(today()),
        zone: zone(),
        deferred_check: false,
        file_picker: Box::new(FakePicker::default()),
        open_file: None,
    }
}

/// The file dialog as the test answers it: each dialog takes the next answer given (a path,
/// or `None` for Cancel; Cancel when none is left), and every dialog shown is kept.
#[derive(Clone, Default)]
pub struct FakePicker(Rc<RefCell<FakeDialogs>>);

#[derive(Default)]
pub struct FakeDialogs {
    answers: VecDeque<Option<PathBuf>>,
    shown: Vec<Pick>,
    /// The answer of the dialog last shown, until its screen collects it.
    ready: Option<(&'static str, Option<PathBuf>)>,
    /// The user is still in the dialog: no answer comes back yet.
    open: bool,
}

impl FakePicker {
    /// What the next dialog returns.
    pub fn will_answer(&self, answer: Option<PathBuf>) {
        self.0.borrow_mut().answers.push_back(answer);
    }

    /// The user takes their time in the next dialogs: their answers wait until `close`.
    pub fn stay_open(&self) {
        self.0.borrow_mut().open = true;
    }

    /// The user answers the dialog.
    pub fn close(&self) {
        self.0.borrow_mut().open = false;
    }

    /// Every dialog shown so far, oldest first.
    pub fn shown(&self) -> Vec<Pick> {
        self.0.borrow().shown.clone()
    }
}

impl FilePicker for FakePicker {
    fn ask(&mut self, pick: Pick, ctx: &egui::Context, _parent: Option<&eframe::Frame>) -> bool {
        let mut dialogs = self.0.borrow_mut();
        if dialogs.open && dialogs.ready.is_some() {
            // The user is still in the last dialog: like the real one, no second at once.
            return false;
        }
        let answer = dialogs.answers.pop_front().flatten();
        dialogs.ready = Some((pick.title, answer));
        dialogs.shown.push(pick);
        // As the real dialog does when it closes: the next frame collects the answer.
        ctx.request_repaint();
        true
    }

    fn poll(&mut self) -> Option<(&'static str, Answer)> {
        let mut dialogs = self.0.borrow_mut();
        if dialogs.open {
            return None;
        }
        dialogs.ready.take().map(|(title, answer)| (title, answer.into()))
    }
}

/// A file dragged from the file manager onto the window.
#[derive(Debug)]
pub struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window, as from the file manager, and lets the app take it.
pub fn drop_file(harness: &mut Harness<'_, LeadlineApp>, path: PathBuf) {
    harness.input_mut().dropped_files.push(Arc::new(Dropped(path)));
    harness.run();
}

/// The real app, as eframe would create it, in a test harness.
pub fn harness(path: &Path) -> Harness<'static, LeadlineApp> {
    harness_with_picker(path, &FakePicker::default())
}

/// The real app on Settings, in a window tall enough for the whole screen.
pub fn settings_harness(path: &Path) -> Harness<'static, LeadlineApp> {
    let startup = startup(path);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 7000.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num7);
    harness.run();
    harness
}

/// Presses Ctrl+Q and steps the frames up to the one that reads the key (not the release
/// after it), so that frame's output is the harness's: what the app asked of the window then.
pub fn press_ctrl_q(harness: &mut Harness<'static, LeadlineApp>) -> Vec<egui::ViewportCommand> {
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::COMMAND));
    harness.event(egui::Event::Key {
        key: egui::Key::Q,
        pressed: true,
        modifiers: egui::Modifiers::COMMAND,
        repeat: false,
        physical_key: None,
    });
    harness.step();
    harness.output().viewport_output[&egui::ViewportId::ROOT].commands.clone()
}

pub fn asks_to_close(commands: &[egui::ViewportCommand]) -> bool {
    commands.iter().any(|command| matches!(command, egui::ViewportCommand::Close))
}

/// What eframe tells the app when the window's close button is pressed: one frame in which the
/// close is requested, before the window goes.
pub fn press_window_close(harness: &mut Harness<'static, LeadlineApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

/// The real app whose file dialogs the test answers through `picker`.
pub fn harness_with_picker(path: &Path, picker: &FakePicker) -> Harness<'static, LeadlineApp> {
    let startup = Startup { file_picker: Box::new(picker.clone()), ..startup(path) };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness
}

/// The real app, for tests that show text in scripts egui's bundled fonts lack (Japanese).
/// The app itself falls back to the system's fonts (eframe's `system_fonts`); the test
/// harness has no such fallback, so those characters may be drawn as boxes here.
pub fn harness_any_script(path: &Path) -> Harness<'static, LeadlineApp> {
    let startup = startup(path);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness
}

/// The database the app in the harness has open (it holds the one-instance lock, so a test
/// reads through the app's own connection).
pub fn app_db<'h>(harness: &'h Harness<'_, LeadlineApp>) -> &'h rusqlite::Connection {
    harness.state().session().expect("the app has its database open").conn()
}

/// The real app on the Team screen (the app opens on This week).
pub fn team_harness(path: &Path) -> Harness<'static, LeadlineApp> {
    let mut harness = harness(path);
    go_to_team(&mut harness);
    harness
}

/// Opens the account called `name` on the Business screen's Accounts tab, which is showing.
/// The table draws only the rows in view: it filters down to the account first.
pub fn open_account(harness: &mut Harness<'_, LeadlineApp>, name: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;
    let filter = harness.get_by_role_and_label(Role::TextInput, "Filter the accounts");
    filter.click();
    filter.type_text(name);
    harness.run();
    harness.get_all_by_label(name).next().expect("the account is listed").click();
    harness.run();
}

/// The app opens on This week; Ctrl+2 goes to Team.
pub fn go_to_team(harness: &mut Harness<'_, LeadlineApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
}

/// The adapter the snapshot renderer picked, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
static ADAPTER: Mutex<Option<String>> = Mutex::new(None);

/// Snapshots are compared strictly only on Mesa's llvmpipe (CPU), the renderer the
/// reference images were made with. Other renderers (a laptop's real GPU) draw slightly
/// different pixels, so there the comparison is reported but does not fail the test.
pub fn is_reference_renderer() -> bool {
    ADAPTER.lock().ok().and_then(|a| a.clone()).is_some_and(|name| name.contains("llvmpipe"))
}

/// A harness that renders with wgpu, preferring a CPU adapter, and records which it chose: on
/// the run's one device where there is one (see [`shared_wgpu_device`]).
pub fn snapshot_harness(path: &Path, size: egui::Vec2, theme: egui::Theme) -> Harness<'static, LeadlineApp> {
    use eframe::egui_wgpu::{WgpuSetup, wgpu};
    let setup = match shared_wgpu_device() {
        Some(device) => WgpuSetup::Existing(device.clone()),
        None => WgpuSetup::CreateNew(cpu_first(wgpu::Backends::all())),
    };
    let startup = startup(path);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .with_render_cursor(false)
        .wgpu_setup(setup)
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness
}

/// A new wgpu instance of `backends` whose device is on the CPU adapter if there is one (the
/// reference renderer), else a discrete GPU; the adapter's name goes to [`ADAPTER`].
fn cpu_first(backends: eframe::egui_wgpu::wgpu::Backends) -> eframe::egui_wgpu::WgpuSetupCreateNew {
    use eframe::egui_wgpu::{WgpuSetupCreateNew, wgpu};
    let mut setup = WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends = backends - wgpu::Backends::BROWSER_WEBGPU;
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
    setup
}

/// One wgpu device for every snapshot harness of the run: a new instance, adapter and device
/// took about 30 ms of each snapshot test. Each harness still has its own renderer (pipelines
/// and textures), as before. Vulkan, Metal or DX12 only: an OpenGL adapter's context belongs to
/// the thread that made it, and the tests run on many; with none of those (`None`) each
/// harness makes its own device, OpenGL included.
fn shared_wgpu_device() -> Option<&'static eframe::egui_wgpu::WgpuSetupExisting> {
    use eframe::egui_wgpu::{RendererOptions, WgpuSetup, WgpuSetupExisting, wgpu};
    static DEVICE: OnceLock<Option<WgpuSetupExisting>> = OnceLock::new();
    DEVICE
        .get_or_init(|| {
            let setup = WgpuSetup::CreateNew(cpu_first(wgpu::Backends::all() - wgpu::Backends::GL));
            let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                egui_kittest::wgpu::create_render_state(setup, RendererOptions::PREDICTABLE)
            }));
            made.ok().map(|state| WgpuSetupExisting {
                instance: state.instance,
                adapter: state.adapter,
                device: state.device,
                queue: state.queue,
            })
        })
        .as_ref()
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
    // A handful of anti-aliased pixels can differ between runs even on llvmpipe (seen once: 3
    // pixels of a glyph edge); a layout change moves thousands.
    let options = egui_kittest::SnapshotOptions::new().max_failed_pixels(16_usize);
    let strict = strict_snapshots();
    let image = snapshot_path(name);
    if strict {
        assert!(
            std::env::var_os("UPDATE_SNAPSHOTS").is_none(),
            "{STRICT_SNAPSHOTS} and UPDATE_SNAPSHOTS together would pass without comparing anything"
        );
        assert!(
            image.is_file(),
            "snapshot {name}: {} is missing ({STRICT_SNAPSHOTS} is set)",
            image.display()
        );
    }
    let result = harness.try_snapshot_options(name, &options);
    let adapter = ADAPTER.lock().ok().and_then(|a| a.clone()).unwrap_or_default();
    if strict {
        assert!(
            is_reference_renderer(),
            "snapshot {name}: rendered on {adapter:?}, not the reference llvmpipe, so it cannot be \
             compared strictly ({STRICT_SNAPSHOTS} is set; install Mesa's llvmpipe/lavapipe)"
        );
    }
    match result {
        Ok(()) => {}
        Err(error) if strict || is_reference_renderer() => {
            panic!("snapshot {name} differs on {adapter}: {error}")
        }
        Err(error) => eprintln!(
            "snapshot {name}: not compared strictly on {adapter:?} (reference is llvmpipe): {error}"
        ),
    }
}

/// Set (to anything but `0`) by `.ci/run`: a snapshot test fails when the image is missing or
/// the renderer is not the reference one, so CI never passes without comparing pixels.
pub const STRICT_SNAPSHOTS: &str = "LEADLINE_STRICT_SNAPSHOTS";

fn strict_snapshots() -> bool {
    std::env::var_os(STRICT_SNAPSHOTS).is_some_and(|value| !value.is_empty() && value != "0")
}

/// Where `egui_kittest` keeps the image called `name` (its default output folder).
fn snapshot_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(format!("{name}.png"))
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

/// A date, for readable tests.
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Applies a command through the session, as the app does, and expects it to work.
pub fn apply(session: &mut Session, command: Command) -> Done {
    let description = format!("{command:?}");
    session.run(Origin::SCRIPT, command).unwrap_or_else(|e| panic!("{description}: {e}"))
}

/// Applies a command that must be refused; returns the message the user would see.
pub fn refused(session: &mut Session, command: Command) -> String {
    session.run(Origin::SCRIPT, command).expect_err("the command should be refused").to_string()
}

/// Adds an architect with just a name and a cadence.
pub fn add_architect(
    store: &mut Session,
    name: &str,
    cadence: leadline::model::Cadence,
) -> leadline::model::ArchitectId {
    let fields = leadline::model::ArchitectFields {
        name: name.into(),
        cadence,
        started_on: Some(day(2024, 1, 8)),
        ..Default::default()
    };
    match apply(store, Command::AddArchitect(fields)) {
        Done::ArchitectAdded(id) => id,
        other => panic!("unexpected {other:?}"),
    }
}

/// Starts a one-on-one with the given new talking points.
pub fn start(
    store: &mut Session,
    architect: leadline::model::ArchitectId,
    held_on: NaiveDate,
    points: &[(&str, leadline::model::one_on_one::Party)],
) -> leadline::model::OneOnOneId {
    let agenda = points
        .iter()
        .map(|(text, by)| leadline::model::one_on_one::PointFields {
            text: (*text).into(),
            raised_by: *by,
            topic: String::new(),
        })
        .collect();
    match apply(store, Command::StartOneOnOne { architect, held_on, agenda }) {
        Done::OneOnOneStarted { id, .. } => id,
        other => panic!("unexpected {other:?}"),
    }
}

/// A one-on-one that took place: started, and something written in it (a meeting only
/// started is not held, and the architect stays due).
pub fn hold(
    store: &mut Session,
    architect: leadline::model::ArchitectId,
    held_on: NaiveDate,
    points: &[(&str, leadline::model::one_on_one::Party)],
) -> leadline::model::OneOnOneId {
    let id = start(store, architect, held_on, points);
    let fields = leadline::model::one_on_one::MeetingFields { held_on, mood: None, notes: "Held.".into() };
    apply(store, Command::UpdateOneOnOne { id, fields });
    id
}

/// Overwrites the cell pointers of an index's root page: a b-tree page, so a page-by-page check
/// sees the damage (an overflow page of a long note only holds text). Reads that never touch the
/// index go on working.
pub fn damage_index(db: &Path, index: &str) {
    let root: i64 = rusqlite::Connection::open(db)
        .expect("open")
        .query_row("SELECT rootpage FROM sqlite_master WHERE name = ?1", [index], |r| r.get(0))
        .expect("the index");
    let mut bytes = std::fs::read(db).expect("read");
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let page = (usize::try_from(root).expect("a page number") - 1) * page_size;
    for byte in &mut bytes[page + 8..page + 400] {
        *byte = 0xA5;
    }
    std::fs::write(db, &bytes).expect("write");
}

/// Rows in a table, to show nothing was saved (or copied).
pub fn count(store: &Session, table: &str) -> i64 {
    store.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).expect("count")
}

/// A small database whose prep sheet for 2026-W48 is written out in `tests/expected/`:
/// every kind of card content, one one-on-one held this week, one architect not due, one
/// never met, one on leave.
pub fn known_db(dir: &tempfile::TempDir) -> PathBuf {
    use leadline::model::one_on_one::{ActionFields, MeetingFields, Party};
    use leadline::model::{Cadence, Status};
    let path = db_in(dir);
    let mut store = session(&path);
    let lukas = add_architect(&mut store, "Lukas Schneider", Cadence::Weekly);
    let amara = add_architect(&mut store, "Amara Okafor", Cadence::Biweekly);
    let mateo = add_architect(&mut store, "Mateo García", Cadence::Weekly);
    let priya = add_architect(&mut store, "Priya Raman", Cadence::Weekly);
    add_architect(&mut store, "Noor Haddad", Cadence::Weekly);
    let daniel = add_architect(&mut store, "Daniel O'Brien", Cadence::Biweekly);
    apply(&mut store, Command::SetArchitectStatus { id: daniel, status: Status::OnLeave });

    let meeting_fields =
        |held_on, mood, notes: &str| MeetingFields { held_on, mood, notes: notes.to_owned() };
    let action = |text: &str, owner, due_on| ActionFields { text: text.to_owned(), owner, due_on };

    let l1 =
        start(&mut store, lukas, day(2026, 11, 10), &[("AKS capacity planning for Northwind", Party::Them)]);
    apply(
        &mut store,
        Command::UpdateOneOnOne { id: l1, fields: meeting_fields(day(2026, 11, 10), Some(4), "") },
    );
    apply(
        &mut store,
        Command::AddActionItem {
            meeting: l1,
            fields: action("Introduce Lukas to the Alpine Ski House CTO", Party::Me, Some(day(2026, 11, 13))),
        },
    );
    apply(
        &mut store,
        Command::AddActionItem {
            meeting: l1,
            fields: action("Book the AZ-305 renewal", Party::Them, Some(day(2026, 11, 20))),
        },
    );
    let l2 = start(&mut store, lukas, day(2026, 11, 17), &[]);
    apply(
        &mut store,
        Command::UpdateOneOnOne {
            id: l2,
            fields: meeting_fields(day(2026, 11, 17), Some(3), "## Northwind\n- Load test moved to January"),
        },
    );
    apply(
        &mut store,
        Command::AddActionItem {
            meeting: l2,
            fields: action("Draft the landing zone proposal", Party::Them, Some(day(2026, 12, 4))),
        },
    );
    let agenda = leadline::store::agenda::agenda_of(
        store.conn(),
        &leadline::store::one_on_ones::get(store.conn(), l2).expect("meeting"),
    )
    .expect("agenda");
    let renewal =
        agenda.actions.iter().find(|(a, _)| a.fields.text == "Book the AZ-305 renewal").expect("action").0.id;
    apply(&mut store, Command::SetActionDone { id: renewal, done_on: Some(day(2026, 11, 19)) });

    let a1 = start(&mut store, amara, day(2026, 11, 18), &[("FSI practice lead role", Party::Me)]);
    apply(
        &mut store,
        Command::UpdateOneOnOne {
            id: a1,
            fields: meeting_fields(day(2026, 11, 18), Some(5), "Follow-up with Zoë Müller (CTO) at Fabrikam"),
        },
    );

    let m1 =
        start(&mut store, mateo, day(2026, 11, 19), &[("Presenting at the Wingtip review board", Party::Me)]);
    apply(
        &mut store,
        Command::UpdateOneOnOne { id: m1, fields: meeting_fields(day(2026, 11, 19), Some(2), "Tired") },
    );

    let p1 = start(
        &mut store,
        priya,
        day(2026, 11, 24),
        &[("SC-100 exam date", Party::Them), ("Summit talk", Party::Them)],
    );
    let agenda = leadline::store::agenda::agenda_of(
        store.conn(),
        &leadline::store::one_on_ones::get(store.conn(), p1).expect("meeting"),
    )
    .expect("agenda");
    let exam = agenda.points.iter().find(|(p, _)| p.fields.text == "SC-100 exam date").expect("point").0.id;
    apply(&mut store, Command::SetDiscussed { id: exam, meeting: Some(p1) });
    apply(
        &mut store,
        Command::AddActionItem {
            meeting: p1,
            fields: action("Send the workshop summary", Party::Them, Some(day(2026, 12, 1))),
        },
    );
    path
}

/// Compares `actual` with a file in `tests/expected/`; `UPDATE_EXPECTED=1` writes it instead.
pub fn check_expected(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expected").join(name);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::create_dir_all(path.parent().expect("folder")).expect("create tests/expected");
        std::fs::write(&path, actual).expect("write the expected file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (create it with UPDATE_EXPECTED=1)", path.display()));
    assert!(
        actual == expected,
        "{name} differs from {}:\n--- actual ---\n{actual}\n--- expected ---\n{expected}",
        path.display()
    );
}

/// Runs the built binary as `leadline --db DB ARGS…`, on the day every test lives on.
pub fn leadline(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_leadline"))
        .arg("--db")
        .arg(db)
        .args(["--today", &today().to_string()])
        .args(args)
        .output()
        .expect("run leadline")
}

/// Runs `leadline` and expects it to succeed, showing its error output if not; returns what
/// it printed.
pub fn leadline_ok(db: &Path, args: &[&str]) -> String {
    let output = leadline(db, args);
    assert!(output.status.success(), "{args:?} failed: {}", stderr(&output));
    stdout(&output)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
