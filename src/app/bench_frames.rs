//! `leadline bench --only frames`: what a frame of the running app costs on the large demo.
//!
//! The real app ([`LeadlineApp`], the one the window runs) draws each screen headless: egui's
//! whole pass plus the tessellation into triangles, everything the CPU does for a frame except
//! handing the triangles to the GPU. Each screen is reached as a user reaches it (the Ctrl+1..7
//! shortcuts, a click on an architect's name or a tab), then drawn many times with the mouse
//! moving over it, once as it opens and once scrolled far down. The median and the 99th
//! percentile are reported per screen against the budget of 4 ms.
//!
//! It lives with the app (a frame cannot be measured without it; no window is opened) and
//! reaches the command line's `leadline bench` through [`report`], which `main` hands to
//! `cli::run`: the command line itself never uses the app or the screens.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, pos2, vec2};

use crate::app::{LeadlineApp, NativeFilePicker, Startup};
use crate::import::zones::Zone;
use crate::model::one_on_one::{Party, PointFields};
use crate::model::split::Category;
use crate::model::time_entry::TimeEntryFields;
use crate::session::{Command, DevCommand, Origin};
use crate::store::{Store, agenda, goals, one_on_ones};
use crate::ui::Screen;
use crate::ui::business::BusinessTab;

/// What a frame may cost at the 99th percentile: a quarter of a 60 Hz frame.
pub const FRAME_BUDGET: Duration = Duration::from_millis(4);
/// A write, its refresh and the frame that shows it: one 60 Hz frame.
pub const WRITE_FRAME_BUDGET: Duration = Duration::from_millis(16);

/// The window's size in the benchmark, as the app opens by default.
const SIZE: egui::Vec2 = vec2(1280.0, 800.0);

/// One row of the frame table.
#[derive(Debug, Clone)]
pub struct FrameFigure {
    pub name: String,
    pub median: Duration,
    pub p99: Duration,
    pub slowest: Duration,
    pub budget: Duration,
}

impl FrameFigure {
    fn of(name: impl Into<String>, mut times: Vec<Duration>, budget: Duration) -> Self {
        times.sort();
        let at = |percent: usize| {
            // The nearest-rank percentile: of 200 frames, the 99th percentile is the 198th.
            let rank = (times.len() * percent).div_ceil(100);
            times[rank.clamp(1, times.len()) - 1]
        };
        Self { name: name.into(), median: at(50), p99: at(99), slowest: times[times.len() - 1], budget }
    }

    pub fn within_budget(&self) -> bool {
        self.p99 <= self.budget
    }
}

/// The app in an egui context of its own, fed input as the window would feed it.
struct Headless {
    ctx: egui::Context,
    app: LeadlineApp,
    time: f64,
    /// Alternates between two spots so every frame has the mouse moving.
    wiggle: bool,
    /// The accessibility tree of the last frame drawn with it on (to find what to click).
    tree: Option<egui::accesskit::TreeUpdate>,
}

impl Headless {
    fn new(db: &Path, today: NaiveDate) -> anyhow::Result<Self> {
        let startup = Startup {
            store: Store::open(db),
            db_path: db.to_owned(),
            today: Some(today),
            zone: Zone::Utc,
            deferred_check: false,
            file_picker: Box::new(NativeFilePicker::default()),
            open_file: None,
        };
        let ctx = egui::Context::default();
        crate::ui::theme::install(&ctx);
        let app = LeadlineApp::headless(startup);
        anyhow::ensure!(app.session().is_some(), "the benchmark's database did not open");
        let mut headless = Self { ctx, app, time: 0.0, wiggle: false, tree: None };
        headless.settle();
        Ok(headless)
    }

    /// One frame with these events: egui's pass over the whole app and the tessellation.
    /// Returns how long it took and whether the app asked for another frame at once.
    fn frame(&mut self, events: Vec<Event>) -> (Duration, bool) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, SIZE)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..RawInput::default()
        };
        let started = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| self.app.frame_ui(ui));
        let shapes = std::mem::take(&mut output.shapes);
        let primitives = self.ctx.tessellate(shapes, output.pixels_per_point);
        let took = started.elapsed();
        std::hint::black_box(primitives);
        // No GPU to upload the font atlas to.
        output.textures_delta.clear();
        if let Some(tree) = output.platform_output.accesskit_update.take() {
            self.tree = Some(tree);
        }
        let again = output
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|viewport| viewport.repaint_delay.is_zero());
        (took, again)
    }

    /// Draws until the app stops asking for frames (answers taken, animations done).
    fn settle(&mut self) {
        for _ in 0..120 {
            if !self.frame(Vec::new()).1 {
                return;
            }
        }
    }

    fn shortcut(&mut self, screen: Screen) {
        let shortcut = screen.shortcut();
        let key = |pressed| Event::Key {
            key: shortcut.logical_key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: shortcut.modifiers,
        };
        self.frame(vec![key(true), key(false)]);
        self.settle();
    }

    /// Where the widget labelled `matches` is, in the last frame drawn.
    fn find(&mut self, matches: impl Fn(&str) -> bool) -> Option<(Pos2, String)> {
        self.ctx.enable_accesskit();
        self.frame(Vec::new());
        self.ctx.disable_accesskit();
        let tree = self.tree.take()?;
        tree.nodes.iter().find_map(|(_, node)| {
            let label = node.label()?;
            let bounds = node.bounds()?;
            let inside = bounds.y0 >= 0.0 && bounds.y1 <= f64::from(SIZE.y) && bounds.x1 > bounds.x0;
            // Screen coordinates in points: well within f32.
            #[expect(clippy::cast_possible_truncation)]
            let center =
                pos2(f64::midpoint(bounds.x0, bounds.x1) as f32, f64::midpoint(bounds.y0, bounds.y1) as f32);
            (inside && matches(label)).then(|| (center, label.to_owned()))
        })
    }

    /// Clicks the first widget labelled so, as the mouse would; returns its label.
    fn click(&mut self, matches: impl Fn(&str) -> bool, what: &str) -> anyhow::Result<String> {
        let (pos, label) = self.find(matches).ok_or_else(|| anyhow::anyhow!("no {what} on the screen"))?;
        let button = |pressed| Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        };
        self.frame(vec![Event::PointerMoved(pos)]);
        self.frame(vec![button(true)]);
        self.frame(vec![button(false)]);
        self.settle();
        Ok(label)
    }

    /// The wheel turned far down over the middle of the screen, then left to settle.
    fn scroll_down(&mut self) {
        let over = pos2(SIZE.x * 0.55, SIZE.y * 0.6);
        self.frame(vec![Event::PointerMoved(over)]);
        for _ in 0..20 {
            self.frame(vec![Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: vec2(0.0, -2000.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: Modifiers::NONE,
            }]);
        }
        self.settle();
    }

    /// `frames` frames with the mouse moving a little over the screen.
    fn time_frames(&mut self, frames: usize) -> Vec<Duration> {
        (0..frames)
            .map(|_| {
                self.wiggle = !self.wiggle;
                let offset = if self.wiggle { 0.0 } else { 3.0 };
                let pos = pos2(SIZE.x * 0.55 + offset, SIZE.y * 0.6 + offset);
                self.frame(vec![Event::PointerMoved(pos)]).0
            })
            .collect()
    }

    /// A command sent as a form sends it, applied at the end of its frame, and the next frame
    /// that shows the result: what the user waits for.
    fn write_then_frame(&mut self, command: Command) -> Duration {
        self.app.send(Origin::SCRIPT, command);
        let (apply, _) = self.frame(Vec::new());
        let (next, _) = self.frame(Vec::new());
        self.settle();
        apply + next
    }
}

/// The frame of every screen, as it opens and scrolled down, and the writes felt as a frame.
/// A screen the benchmark cannot reach is said and skipped, not the whole table lost.
pub fn run(db: &Path, frames: usize, today: NaiveDate) -> anyhow::Result<Vec<FrameFigure>> {
    let frames = frames.max(10);
    let mut app = Headless::new(db, today)?;
    let mut figures = Vec::new();
    let mut measure_screen = |app: &mut Headless, name: &str| {
        app.time_frames(5);
        figures.push(FrameFigure::of(format!("frame: {name}"), app.time_frames(frames), FRAME_BUDGET));
        app.scroll_down();
        app.time_frames(5);
        figures.push(FrameFigure::of(
            format!("frame: {name}, scrolled"),
            app.time_frames(frames),
            FRAME_BUDGET,
        ));
    };

    app.shortcut(Screen::ThisWeek);
    measure_screen(&mut app, "This week");
    app.shortcut(Screen::Team);
    measure_screen(&mut app, "Team");
    let names: Vec<String> = app.app.view().architects.iter().map(|a| a.fields.name.clone()).collect();
    let architect = match app.click(|label| names.iter().any(|name| name == label), "architect in the roster")
    {
        Ok(clicked) => app.app.view().architects.iter().find(|a| a.fields.name == clicked).map(|a| a.id),
        Err(error) => {
            eprintln!("frames: the architect's page is not measured: {error}");
            None
        }
    };
    if architect.is_some() {
        measure_screen(&mut app, "an architect's page");
    }
    app.shortcut(Screen::OneOnOnes);
    measure_screen(&mut app, "One-on-ones");
    app.shortcut(Screen::Time);
    measure_screen(&mut app, "Time");
    app.shortcut(Screen::Business);
    for tab in BusinessTab::ALL {
        if let Err(error) = app.click(|label| label == tab.title(), "Business tab") {
            eprintln!("frames: Business, {} is not measured: {error}", tab.title());
            continue;
        }
        measure_screen(&mut app, &format!("Business, {}", tab.title()));
    }
    app.shortcut(Screen::Review);
    measure_screen(&mut app, "Quarterly review");
    app.shortcut(Screen::Settings);
    measure_screen(&mut app, "Settings");

    if let Err(error) = write_frames(&mut app, architect, frames.min(50), today, &mut figures) {
        eprintln!("frames: not every write is measured: {error}");
    }
    Ok(figures)
}

/// "One write, then the next frame" for a time entry (on the Time screen), a tick of a
/// talking point (in the open meeting) and a goal's progress (on the architect's page).
fn write_frames(
    app: &mut Headless,
    architect: Option<crate::model::ArchitectId>,
    runs: usize,
    today: NaiveDate,
    figures: &mut Vec<FrameFigure>,
) -> anyhow::Result<()> {
    // The time entry: logged, then deleted by the next run, so the day never fills up.
    app.shortcut(Screen::Time);
    let mut times = Vec::new();
    for _ in 0..runs {
        let fields = TimeEntryFields::manual(today, 30, Category::Coaching, "Benchmark entry");
        times.push(app.write_then_frame(Command::AddTimeEntry(fields)));
        let logged = crate::store::time::list_between(app_conn(app)?, today, today)?
            .into_iter()
            .find(|e| e.fields.description == "Benchmark entry")
            .ok_or_else(|| anyhow::anyhow!("the benchmark entry was not saved"))?;
        app.write_then_frame(Command::DeleteTimeEntry(logged.id));
    }
    figures.push(FrameFigure::of("write + next frame: log a time entry (Time)", times, WRITE_FRAME_BUDGET));

    // The tick: a one-on-one started from This week opens in the editor.
    app.shortcut(Screen::ThisWeek);
    app.click(|label| label.starts_with("Start the one-on-one with "), "one-on-one to start")?;
    let meeting = app
        .app
        .session()
        .and_then(|s| s.selection().meeting)
        .ok_or_else(|| anyhow::anyhow!("no meeting open after starting one"))?;
    let fields =
        PointFields { text: "Benchmark talking point".into(), raised_by: Party::Me, topic: String::new() };
    app.write_then_frame(Command::AddTalkingPoint { meeting, fields });
    let point = agenda::agenda_of(app_conn(app)?, &one_on_ones::get(app_conn(app)?, meeting)?)?
        .points
        .into_iter()
        .find(|(p, _)| p.fields.text == "Benchmark talking point")
        .map(|(p, _)| p.id)
        .ok_or_else(|| anyhow::anyhow!("the talking point was not saved"))?;
    let times = (0..runs)
        .map(|run| {
            let discussed = run % 2 == 0;
            app.write_then_frame(Command::SetDiscussed { id: point, meeting: discussed.then_some(meeting) })
        })
        .collect();
    figures.push(FrameFigure::of(
        "write + next frame: tick a talking point (One-on-ones)",
        times,
        WRITE_FRAME_BUDGET,
    ));

    // The goal's progress, on the architect's page.
    let architect = architect.ok_or_else(|| anyhow::anyhow!("no architect's page open"))?;
    app.shortcut(Screen::Team);
    let goal = goals::list_of(app_conn(app)?, architect)?
        .into_iter()
        .find(|g| crate::model::goal::is_open(g.fields.status))
        .map(|g| g.id)
        .ok_or_else(|| anyhow::anyhow!("no open goal"))?;
    let times = (0..runs)
        .map(|run| {
            let progress_pct = if run % 2 == 0 { 41 } else { 40 };
            app.write_then_frame(Command::Development(DevCommand::RecordGoalProgress {
                id: goal,
                progress_pct,
                on: today,
            }))
        })
        .collect();
    figures.push(FrameFigure::of(
        "write + next frame: record a goal's progress (Team)",
        times,
        WRITE_FRAME_BUDGET,
    ));
    Ok(())
}

fn app_conn(app: &Headless) -> anyhow::Result<&rusqlite::Connection> {
    app.app.session().map(crate::session::Session::conn).ok_or_else(|| anyhow::anyhow!("no database open"))
}

/// The frame benchmark as `leadline bench --only frames` prints it: a row per figure (frame,
/// median, p99, slowest, budget, verdict), and whether every frame was within its budget.
/// Handed to [`crate::cli::run`] by the binary.
pub fn report(db: &Path, frames: usize, today: NaiveDate) -> anyhow::Result<(Vec<[String; 6]>, bool)> {
    let figures = run(db, frames, today)?;
    Ok((rows(&figures), figures.iter().all(FrameFigure::within_budget)))
}

fn rows(figures: &[FrameFigure]) -> Vec<[String; 6]> {
    let millis = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    figures
        .iter()
        .map(|f| {
            [
                f.name.clone(),
                millis(f.median),
                millis(f.p99),
                millis(f.slowest),
                format!("<= {}", millis(f.budget)),
                if f.within_budget() { "ok".to_owned() } else { "TOO SLOW".to_owned() },
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_99th_percentile_of_200_frames_is_the_198th_fastest() {
        let times: Vec<Duration> = (1..=200).rev().map(Duration::from_millis).collect();
        let figure = FrameFigure::of("x", times, FRAME_BUDGET);
        assert_eq!(figure.median, Duration::from_millis(100));
        assert_eq!(figure.p99, Duration::from_millis(198));
        assert_eq!(figure.slowest, Duration::from_millis(200));
    }
}
