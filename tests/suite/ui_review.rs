//! The Quarterly review screen (Ctrl+6) driven through the real app: write a section, accept a
//! suggested bullet, rate a competency, add a priority, finalize, and see the next quarter
//! compare against it and bring the priority back as a promise. Each step is checked on the
//! screen and in the database.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use leadline::app::LeadlineApp;

use crate::common;
use crate::review::seeded;

pub type App = Harness<'static, LeadlineApp>;

pub const SETBACKS: &str = "What could have gone better, and what you learned";

/// The real app in a tall window (the whole review fits without scrolling), on Ctrl+6.
pub fn open_review(path: &std::path::Path) -> App {
    let startup = common::startup(path);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 4000.0))
        .build_eframe(move |cc| LeadlineApp::new(cc, startup));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    // The draft is built at the end of the first frame on the screen.
    harness.run();
    harness.run();
    harness
}

pub fn click(harness: &mut App, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
    harness.run();
}

pub fn type_into(harness: &mut App, role: Role, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(role, label);
    field.click();
    harness.run();
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run();
}

pub fn one<T: rusqlite::types::FromSql>(harness: &App, sql: &str) -> T {
    common::app_db(harness).query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn ctrl_6_shows_the_current_quarters_draft_with_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let harness = open_review(&seeded(&dir));
    assert_eq!(harness.state().screen(), leadline::ui::Screen::Review);
    harness.get_by_label("Quarterly review FY27 Q2 (Oct – Dec 2026)");
    harness.get_by_label("Compared with FY27 Q1 and FY26 Q2 (no records)");
    harness.get_by_label("25 % (target 50 % ± 5)");
    harness.get_by_label("20.0 h (2 weeks with time logged)");
    assert_eq!(
        harness.query_all_by_label_contains("not recorded yet — see the Business screen").count(),
        2,
        "Build markets and Run the business say their figures are not recorded yet"
    );
}

#[test]
fn write_accept_rate_finalize_and_the_next_quarter_compares_against_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_review(&seeded(&dir));
    click(&mut harness, Role::Button, "◀");
    harness.get_by_label("Quarterly review FY27 Q1 (Jul – Sep 2026)");

    // A suggested bullet drawn from the records, accepted as it is.
    harness.get_all_by_role_and_label(Role::Button, "Accept").next().expect("a suggestion").click();
    harness.run();
    harness.run();
    let suggestion: String = one(&harness, "SELECT suggestion FROM review_accomplishments");
    assert_eq!(suggestion, "time.split");
    assert!(
        harness.query_by_label_contains("1. Kept my time on the 50/30/20 split in 0 of 1 weeks").is_some()
    );

    // The manager's own words, saved on leaving the field.
    type_into(&mut harness, Role::MultilineTextInput, SETBACKS, "Forecasting ate September.");
    // Rating a competency takes the focus from the text: both are saved.
    harness.get_all_by_role_and_label(Role::Button, "4").next().expect("a rating button").click();
    harness.run();
    harness.run();
    let setbacks: String = one(&harness, "SELECT setbacks FROM reviews");
    assert_eq!(setbacks, "Forecasting ate September.");
    let (name, rating): (String, i64) = common::app_db(&harness)
        .query_row("SELECT name, rating FROM review_ratings", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((name.as_str(), rating), ("Experienced", 4));

    type_into(&mut harness, Role::TextInput, "New priority", "Coach two architects into lead roles");
    click(&mut harness, Role::Button, "Add priority");
    let priority: String = one(&harness, "SELECT text FROM review_priorities");
    assert_eq!(priority, "Coach two architects into lead roles");

    // Six competencies are not rated: finalizing asks first.
    click(&mut harness, Role::Button, "Finalize");
    harness.get_by_label_contains("Still empty: a rating for every competency.");
    let state: String = one(&harness, "SELECT state FROM reviews");
    assert_eq!(state, "draft", "nothing is finalized before the answer");
    click(&mut harness, Role::Button, "Finalize anyway");
    let state: String = one(&harness, "SELECT state FROM reviews");
    assert_eq!(state, "final");
    harness.get_by_label("Finalized on Sat 28 Nov 2026");
    assert!(
        harness.query_by_role_and_label(Role::MultilineTextInput, SETBACKS).is_none(),
        "the text is locked"
    );

    // The next quarter compares against the frozen figures and brings the priority back.
    click(&mut harness, Role::Button, "▶");
    harness.get_by_label("Quarterly review FY27 Q2 (Oct – Dec 2026)");
    harness.get_by_label("Compared with FY27 Q1 (finalized) and FY26 Q2 (no records)");
    harness.get_by_label("Coach two architects into lead roles");
    click(&mut harness, Role::Button, "Partly");
    let outcome: String = one(&harness, "SELECT outcome FROM review_promise_outcomes");
    assert_eq!(outcome, "partly");
}

#[test]
fn text_typed_is_saved_when_the_screen_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_review(&seeded(&dir));
    type_into(&mut harness, Role::MultilineTextInput, SETBACKS, "Hiring took too long");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run();
    harness.run();
    assert_eq!(harness.state().screen(), leadline::ui::Screen::ThisWeek);
    let setbacks: String = one(&harness, "SELECT setbacks FROM reviews");
    assert_eq!(setbacks, "Hiring took too long");
}

#[test]
fn copy_section_puts_plain_text_on_the_clipboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_review(&seeded(&dir));
    harness.get_all_by_role_and_label(Role::Button, "📋 Copy").next().expect("a copy button").click();
    // The clipboard is written at the end of the frame that saw the click.
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("something copied");
    assert!(copied.starts_with("Where the time went — FY27 Q2\n"), "{copied}");
    assert!(copied.contains("• Coaching: 25 % (target 50 % ± 5)"), "{copied}");
    assert!(!copied.contains('|') && !copied.contains("**"), "plain text, no Markdown: {copied}");
}

#[test]
fn save_writes_the_html_export_readable_by_the_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_review(&seeded(&dir));
    click(&mut harness, Role::Button, "Save…");
    click(&mut harness, Role::RadioButton, "HTML (prints to PDF)");
    let file = dir.path().join("review.html");
    let field = harness.get_by_role_and_label(Role::TextInput, "File");
    field.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(Role::TextInput, "File").type_text(file.to_str().unwrap());
    harness.run();
    click(&mut harness, Role::Button, "Save");
    let html = std::fs::read_to_string(&file).expect("the file is written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("Quarterly review: FY27 Q2"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn ctrl_z_undoes_the_last_change_to_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_review(&seeded(&dir));
    let accept = harness.query_all_by_role_and_label(Role::Button, "Accept").count();
    harness.get_all_by_role_and_label(Role::Button, "Accept").next().expect("a suggestion").click();
    harness.run();
    harness.run();
    assert_eq!(harness.query_all_by_role_and_label(Role::Button, "Accept").count(), accept - 1);
    assert_eq!(one::<i64>(&harness, "SELECT count(*) FROM review_accomplishments"), 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.run();
    assert_eq!(one::<i64>(&harness, "SELECT count(*) FROM review_accomplishments"), 0, "the bullet is gone");
    assert_eq!(
        harness.query_all_by_role_and_label(Role::Button, "Accept").count(),
        accept,
        "and offered again as a suggestion"
    );
}

/// A one-on-one of Ana Lima's on Tue 29 Sep 2026, the last days of FY27 Q1 in the seeded records.
fn ana_lima_held_a_one_on_one_on_29_september(path: &std::path::Path) {
    let mut s = common::session(path);
    let ana: i64 =
        s.conn().query_row("SELECT id FROM architects WHERE name = 'Ana Lima'", [], |r| r.get(0)).unwrap();
    common::hold(&mut s, leadline::model::ArchitectId(ana), common::day(2026, 9, 29), &[]);
}

/// A coaching figure opens the One-on-ones screen on the records it counts, not the whole
/// screen: the quarter's three one-on-ones (a meeting of the quarter before is not among
/// them), then the one action item overdue. A row opens its meeting.
#[test]
fn a_coaching_figure_opens_the_records_it_counts_on_the_one_on_ones_screen() {
    let dir = tempfile::tempdir().unwrap();
    let path = seeded(&dir);
    ana_lima_held_a_one_on_one_on_29_september(&path);
    let mut harness = open_review(&path);
    click(&mut harness, Role::Link, "One-on-ones held against due");
    assert_eq!(harness.state().screen(), leadline::ui::Screen::OneOnOnes);
    harness.get_by_label("One-on-ones held in FY27 Q2");
    harness.get_by_label("3 records counted to Sat 28 Nov 2026; each opens its one-on-one");
    let rows: Vec<String> =
        harness.query_all_by_role(Role::Link).filter_map(|n| n.accesskit_node().label()).collect();
    assert_eq!(
        rows,
        ["Tue 6 Oct 2026 — Ana Lima", "Tue 13 Oct 2026 — Ben Carter", "Tue 3 Nov 2026 — Ana Lima"],
        "the quarter's one-on-ones only, not the one of 29 Sep"
    );

    // Back to the review, the overdue action items: the one still open past its due date.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    harness.run();
    harness.run();
    click(&mut harness, Role::Link, "Action items overdue");
    harness.get_by_label("Action items overdue in FY27 Q2");
    harness.get_by_label("1 record counted to Sat 28 Nov 2026; each opens its one-on-one");
    click(&mut harness, Role::Link, "Tue 10 Nov 2026 — Ana Lima — Book the AZ-305 renewal");
    // The row opened the meeting it was raised in (6 Oct), and the list is closed.
    assert!(harness.query_by_label("Action items overdue in FY27 Q2").is_none());
    let meeting: i64 =
        one(&harness, "SELECT raised_in FROM action_items WHERE text = 'Book the AZ-305 renewal'");
    let held_on: String = one(&harness, &format!("SELECT held_on FROM one_on_ones WHERE id = {meeting}"));
    assert_eq!(held_on, "2026-10-06");
    assert!(
        harness.query_all_by_label_contains("Book the AZ-305 renewal").next().is_some(),
        "the meeting's editor shows the action item"
    );
}

/// A finalized review keeps its figures, but the list behind a figure is read from today's
/// records: when a one-on-one of the quarter is recorded after finalizing, the list says what
/// the review counted, and when nothing changed it says nothing.
#[test]
fn the_records_behind_a_finalized_figure_say_when_they_changed_since() {
    use leadline::session::{Command, ReviewCommand};
    let dir = tempfile::tempdir().unwrap();
    let path = seeded(&dir);
    let q1: leadline::model::fiscal::FiscalQuarter = "FY27Q1".parse().expect("a quarter");
    common::apply(
        &mut common::session(&path),
        Command::Review(ReviewCommand::Finalize { quarter: q1, even_if_incomplete: true }),
    );
    let held_in_q1 = |harness: &mut App| {
        click(harness, Role::Button, "◀");
        harness.get_by_label("Quarterly review FY27 Q1 (Jul – Sep 2026)");
        click(harness, Role::Link, "One-on-ones held against due");
        harness.get_by_label("One-on-ones held in FY27 Q1");
        harness
            .query_by_label_contains("the records have changed since")
            .and_then(|n| n.accesskit_node().value())
    };
    let mut harness = open_review(&path);
    assert_eq!(held_in_q1(&mut harness), None, "nothing changed since finalizing");
    harness.get_by_label("0 records counted to Wed 30 Sep 2026; each opens its one-on-one");
    drop(harness);

    // Recorded after the review was finalized.
    ana_lima_held_a_one_on_one_on_29_september(&path);
    let mut harness = open_review(&path);
    assert_eq!(
        held_in_q1(&mut harness).as_deref(),
        Some(
            "The review finalized on Sat 28 Nov 2026 counted 0; the records have changed since, and these are \
             today's"
        )
    );
    harness.get_by_label("1 record counted to Wed 30 Sep 2026; each opens its one-on-one");
    harness.get_by_role_and_label(Role::Link, "Tue 29 Sep 2026 — Ana Lima");
}

/// A figure's list opens at its first record, not at the review's scroll position: the review
/// is scrolled down to the coaching figures (a window of ordinary height, the demo's records),
/// and the list of the quarter's one-on-ones starts with the earliest and fills the window.
#[test]
fn a_figures_list_opens_at_its_first_record_after_the_review_was_scrolled() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    harness.run();
    harness.run();
    let link = "One-on-ones held against due";
    harness.get_by_role_and_label(Role::Link, link).scroll_to_me();
    harness.run();
    click(&mut harness, Role::Link, link);
    harness.get_by_label("One-on-ones held in FY27 Q2");
    let first: String = one(&harness, "SELECT min(held_on) FROM one_on_ones WHERE held_on >= '2026-10-01'");
    let first =
        chrono::NaiveDate::parse_from_str(&first, "%Y-%m-%d").unwrap().format("%a %-d %b %Y").to_string();
    // The list's rows, each "date — name", with where each ends.
    let rows: Vec<(String, f32)> = harness
        .query_all_by_role(Role::Link)
        .filter_map(|n| Some((n.accesskit_node().label()?, n.rect().bottom())))
        .filter(|(label, _)| label.contains(" — "))
        .collect();
    assert!(
        rows.first().is_some_and(|(row, _)| row.starts_with(&first)),
        "the list starts at {first}: {rows:?}"
    );

    // And its rows fill the window down to the status bar, with no gap below the last.
    let bottom = rows.iter().map(|(_, bottom)| *bottom).fold(0.0_f32, f32::max);
    let status_bar = harness.get_by_label_contains("leadline.db").rect().top();
    assert!(bottom >= status_bar - 24.0, "the last row ends at {bottom}, the list at {status_bar}");
}
