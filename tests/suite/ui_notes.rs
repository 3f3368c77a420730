//! Notes pasted from `OneNote` drawn in the app as the Markdown they are: the link is a link
//! that opens in the browser, the table's cells are laid out, and the stored text is untouched.

use crate::common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

#[test]
fn pasted_notes_are_drawn_with_links_tables_and_code() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = crate::report_prep::with_pasted_notes(&dir);
    let mut harness = common::snapshot_harness(&path, egui::vec2(1280.0, 800.0), egui::Theme::Light);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    harness.get_by_label("Ana López").click();
    harness.run();
    harness.get_by_label("Open the one-on-one of 2026-11-19").click();
    harness.run();
    harness.get_by_label("Read").click();
    harness.run();

    for cell in ["Workstream", "Landing zone", "Data platform", "at risk"] {
        harness.get_by_label(cell);
    }
    harness.get_by_label_contains("az monitor");
    let link = harness.get_by_role_and_label(Role::Link, "the dashboard");
    link.click();
    // One frame: the command to open the address is in that frame's output.
    harness.step();
    let opened: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(opened, ["https://contoso.example/dash"]);
    assert!(
        harness.query_by_label_contains("](https://").is_none(),
        "no Markdown link syntax is shown as text"
    );
    harness.run();
    common::check_snapshot(&mut harness, "meeting_editor_pasted_notes_light");

    let notes: String =
        common::app_db(&harness).query_row("SELECT notes FROM one_on_ones", [], |r| r.get(0)).unwrap();
    assert!(notes.contains("[the dashboard](https://contoso.example/dash)"), "stored as typed");
}
