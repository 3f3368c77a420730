//! Installed like a desktop app: "Open with Leadline" on a calendar starts the app on that
//! file's import preview (`leadline FILE.ics`), a file name never passes for a command, and the
//! shell completions and manual pages come from the same command-line definitions.

use crate::common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::{LeadlineApp, Startup};
use leadline::cli::{Cli, CliCommand};
use leadline::ui::Screen;

/// Two meetings in the week before the test day, so they fall in the quarter the import
/// preview shows by default (FY27 Q2). Written in UTC, the zone every test counts days in.
const CALENDAR: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Leadline tests//Open with//EN\r
BEGIN:VEVENT\r
UID:open-with-1@leadline.test\r
DTSTAMP:20261120T090000Z\r
DTSTART:20261123T100000Z\r
DTEND:20261123T110000Z\r
SUMMARY:Pipeline review with Contoso\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:open-with-2@leadline.test\r
DTSTAMP:20261120T090000Z\r
DTSTART:20261124T140000Z\r
DTEND:20261124T143000Z\r
SUMMARY:Workshop prep\r
END:VEVENT\r
END:VCALENDAR\r
";

/// The app as `leadline FILE` starts it: the window with `file` to open.
fn opened_with(db: &Path, file: PathBuf) -> Harness<'static, LeadlineApp> {
    let startup = Startup { open_file: Some(file), ..common::startup(db) };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness
}

fn time_entries(db: &Path) -> i64 {
    common::read_db(db).conn().query_row("SELECT count(*) FROM time_entries", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_calendar_given_at_start_opens_in_the_import_preview_and_imports_nothing_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::empty_db(&dir);
    let file = dir.path().join("week.ics");
    std::fs::write(&file, CALENDAR).unwrap();

    let harness = opened_with(&db, file.clone());

    assert_eq!(harness.state().screen(), Screen::Time, "the import view lives on the Time screen");
    harness.get_by_label("Import a calendar");
    let field = harness.get_by_role_and_label(Role::TextInput, "Calendar file").value().unwrap_or_default();
    assert_eq!(field, file.display().to_string(), "the path field names the file opened");
    harness.get_by_label_contains("2 occurrences: 2 new");
    harness.get_by_label("Pipeline review with Contoso");
    harness.get_by_label("Workshop prep");
    assert_eq!(time_entries(&db), 0, "opening a file previews it; only the Import button writes");
}

#[test]
fn a_calendar_that_cannot_be_read_is_said_in_the_import_view() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::empty_db(&dir);

    let harness = opened_with(&db, dir.path().join("gone.ics"));

    assert_eq!(harness.state().screen(), Screen::Time);
    harness.get_by_label_contains("gone.ics cannot be read:");
    harness.get_by_label_contains("Nothing was imported.");
    assert_eq!(time_entries(&db), 0);
}

#[test]
fn without_a_file_the_app_opens_on_this_week_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::empty_db(&dir);
    let harness = common::harness(&db);
    assert_eq!(harness.state().screen(), Screen::ThisWeek);
    assert!(harness.query_by_label("Import a calendar").is_none());
}

/// What the command line makes of `args` (after the program name).
fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
    Cli::parse_checked(std::iter::once("leadline").chain(args.iter().copied()))
}

#[test]
fn a_file_argument_opens_the_app_and_a_command_name_stays_a_command() {
    let cli = parse(&["some.ics"]).unwrap();
    assert_eq!(cli.file, Some(PathBuf::from("some.ics")));
    assert!(cli.command.is_none(), "no command: the window opens");

    let cli = parse(&["--db", "team.db", "/home/me/Downloads/calendar.ics"]).unwrap();
    assert_eq!(cli.file, Some(PathBuf::from("/home/me/Downloads/calendar.ics")));
    assert_eq!(cli.db, Some(PathBuf::from("team.db")));

    let cli = parse(&["demo"]).unwrap();
    assert!(matches!(cli.command, Some(CliCommand::Demo { .. })), "{cli:?}");
    assert_eq!(cli.file, None);

    let cli = parse(&["--db", "team.db", "time", "summary"]).unwrap();
    assert!(matches!(cli.command, Some(CliCommand::Time(_))), "{cli:?}");
    assert_eq!(cli.file, None);

    // A file named like a command is given with its folder.
    let cli = parse(&["./demo"]).unwrap();
    assert_eq!(cli.file, Some(PathBuf::from("./demo")));
    assert!(cli.command.is_none());
}

#[test]
fn a_file_and_a_command_together_are_refused() {
    let error = parse(&["some.ics", "demo"]).unwrap_err().to_string();
    assert!(
        error.contains("some.ics is a file to open in the app; it cannot be given with a command"),
        "{error}"
    );
    let error = parse(&["--db", "team.db", "demo", "some.ics"]).unwrap_err().to_string();
    assert!(error.contains("unexpected argument 'some.ics'"), "{error}");

    let error = parse(&["a.ics", "b.ics"]).unwrap_err().to_string();
    assert!(error.contains("unexpected argument 'b.ics'"), "{error}");
}

#[test]
fn completions_are_printed_for_each_shell_and_know_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let bash = common::leadline_ok(&db, &["completions", "bash"]);
    assert!(bash.contains("_leadline()"), "a bash completion function:\n{bash}");
    assert!(bash.contains("complete -F _leadline"), "registered for leadline");
    for command in ["demo", "team", "time", "import", "report", "completions"] {
        assert!(bash.contains(command), "bash completes {command}");
    }
    assert!(!bash.contains("write-loop"), "hidden commands are not offered");
    assert!(!bash.contains("--today"), "nor hidden options");
    assert!(!bash.contains(" man "), "nor the packaging helper");

    let zsh = common::leadline_ok(&db, &["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef leadline"), "{zsh}");
    let fish = common::leadline_ok(&db, &["completions", "fish"]);
    assert!(fish.contains("complete -c leadline"), "{fish}");
    assert!(fish.contains(r#"-a "time""#), "fish completes the commands:\n{fish}");
    assert!(!fish.contains("write-loop"), "{fish}");
    let powershell = common::leadline_ok(&db, &["completions", "powershell"]);
    assert!(powershell.contains("Register-ArgumentCompleter"), "{powershell}");

    assert!(!db.exists(), "printing completions creates no database");

    let refused = common::leadline(&db, &["completions", "tcsh"]);
    assert!(!refused.status.success());
    let error = common::stderr(&refused);
    assert!(error.contains("invalid value 'tcsh'") && error.contains("bash"), "{error}");
}

#[test]
fn the_manual_page_is_printed_and_a_page_per_command_written_to_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let page = common::leadline_ok(&db, &["man"]);
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "roff from clap_mangen:\n{page}");
    assert!(page.contains(".TH leadline 1"), "section 1 page named leadline:\n{page}");
    assert!(page.contains("completions"), "the commands are listed");
    assert!(page.contains("FILE"), "the file argument is described");
    assert!(!page.contains("write\\-loop"), "hidden commands stay hidden");

    let pages = dir.path().join("man");
    common::leadline_ok(&db, &["man", "--dir", pages.to_str().unwrap()]);
    for name in ["leadline.1", "leadline-time.1", "leadline-time-add.1", "leadline-import-ics.1"] {
        let text = std::fs::read_to_string(pages.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(text.contains(".TH leadline"), "{name}:\n{text}");
    }
    assert!(!db.exists(), "writing the manual creates no database");
}

#[test]
fn the_desktop_entry_opens_calendars_with_the_installed_icon() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let entry = std::fs::read_to_string(root.join("assets/linux/leadline.desktop")).unwrap();
    let lines: Vec<&str> = entry.lines().collect();
    for expected in [
        "[Desktop Entry]",
        "Type=Application",
        "Name=Leadline",
        "Exec=leadline %f",
        "Icon=leadline",
        "Categories=Office;ProjectManagement;",
        "MimeType=text/calendar;",
        "Terminal=false",
    ] {
        assert!(lines.contains(&expected), "{expected} in:\n{entry}");
    }
    // Every size the package installs is there, square, and the size its name says.
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let png = std::fs::read(root.join(format!("assets/icon/leadline-{size}.png"))).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{size}: a PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (size, size));
    }
}
