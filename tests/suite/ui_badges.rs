//! Status badges are pills, not buttons: a label a click does nothing on, the same for the
//! same status on every screen.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

#[test]
fn certification_states_are_labels_not_buttons() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    harness.get_by_label("Priya Raman").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Certifications").click();
    harness.run();
    for state in ["Never expires", "Valid", "Expired"] {
        harness.get_by_role_and_label(Role::Label, state);
        assert!(harness.query_by_role_and_label(Role::Button, state).is_none(), "{state} is not a button");
    }
    // A click on a badge does nothing: the page stays on the certifications.
    harness.get_by_label("Never expires").click();
    harness.run();
    harness.get_by_label_contains("Record a certification");
}

#[test]
fn on_leave_is_the_same_badge_in_the_roster_and_on_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::team_harness(&path);
    assert_eq!(
        harness.get_all_by_role_and_label(Role::Label, "On leave").count(),
        1,
        "the roster's status column"
    );
    harness.get_by_label("Daniel O'Brien").click();
    harness.run();
    assert_eq!(
        harness.get_all_by_role_and_label(Role::Label, "On leave").count(),
        2,
        "the roster and the page heading, both a label"
    );
    assert!(harness.query_by_role_and_label(Role::Button, "On leave").is_none());
}
