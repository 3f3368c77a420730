//! The Hiring tab of the Team screen, driven as a user would: a candidate is moved from sourced
//! through every stage to hired and shows up on the roster with their onboarding goals; a
//! scorecard without evidence is refused in its form; a candidate past their purge date is
//! deleted from the purge list; the This week screen points at the scorecard owed.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use leadline::app::LeadlineApp;
use leadline::model::candidate::Stage;
use leadline::model::requisition::RequisitionStatus;
use leadline::store::{candidates, goals, requisitions};

fn hiring_tab(path: &std::path::Path) -> Harness<'static, LeadlineApp> {
    let mut harness = common::team_harness(path);
    harness.get_by_role_and_label(Role::Button, "Hiring").click();
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, LeadlineApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
    // The answer to what was sent comes back on the next frame.
    harness.run();
}

fn write_evidence(harness: &mut Harness<'_, LeadlineApp>, competency: &str, text: &str) {
    let label = format!("Evidence for {competency}");
    harness.get_by_role_and_label(Role::MultilineTextInput, &label).click();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, &label).type_text(text);
    harness.run();
}

#[test]
fn a_candidate_moves_through_every_stage_to_hired_and_joins_the_team_with_onboarding_goals() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = hiring_tab(&path);

    // Diego is in the pipeline's first column: a click opens his requisition with him selected.
    harness.get_by_label("Sourced");
    click(&mut harness, "Diego Alvarez");
    harness.get_by_label("Referral · 5 days in sourced");
    for next in ["Move to screen", "Move to interview loop", "Move to debrief", "Move to offer"] {
        click(&mut harness, next);
    }
    let stages: Vec<Stage> = {
        let conn = common::app_db(&harness);
        let id: i64 = conn
            .query_row("SELECT id FROM candidates WHERE name = 'Diego Alvarez'", [], |r| r.get(0))
            .unwrap();
        candidates::get(conn, leadline::model::CandidateId(id))
            .unwrap()
            .stages
            .iter()
            .map(|s| s.stage)
            .collect()
    };
    assert_eq!(stages, [Stage::Sourced, Stage::Screen, Stage::InterviewLoop, Stage::Debrief, Stage::Offer]);

    click(&mut harness, "Hire…");
    harness.get_by_label("Hire Diego Alvarez onto the team");
    // The requisition's target start, two months out (a notice period), is the start proposed.
    assert!(harness.query_by_label_contains("enter the real start date").is_none());
    click(&mut harness, "Hire and add to the team");

    // The Team screen shows him on the roster, his page open on the development plan with the
    // onboarding goals.
    assert!(harness.query_all_by_label("Diego Alvarez").count() >= 2, "on the roster and on his page");
    harness.get_by_label("Earn AZ-900 Azure Fundamentals");
    harness.get_by_label("Shadow your buddy in three customer meetings");

    let conn = common::app_db(&harness);
    let (architect, cadence, started): (i64, String, String) = conn
        .query_row("SELECT id, cadence, started_on FROM architects WHERE name = 'Diego Alvarez'", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(cadence, "weekly");
    assert_eq!(started, "2027-01-27", "the requisition's target start");
    let first: String = conn
        .query_row("SELECT held_on FROM one_on_ones WHERE architect_id = ?1", [architect], |r| r.get(0))
        .unwrap();
    assert_eq!(first, "2027-01-27", "the first one-on-one on his first day");
    let plan = goals::list_of(conn, leadline::model::ArchitectId(architect)).unwrap();
    assert_eq!(plan.len(), 5);
    let security: i64 = conn
        .query_row("SELECT id FROM requisitions WHERE opening_id = 'REQ-2026-0142'", [], |r| r.get(0))
        .unwrap();
    let filled = requisitions::get(conn, leadline::model::RequisitionId(security)).unwrap();
    assert_eq!((filled.status, filled.closed_on), (RequisitionStatus::Filled, Some(common::today())));

    // A hire by mistake is undone like any change: off the team, back at the offer stage.
    click(&mut harness, "Undo hire of Diego Alvarez");
    let conn = common::app_db(&harness);
    let architects: i64 = conn
        .query_row("SELECT count(*) FROM architects WHERE name = 'Diego Alvarez'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(architects, 0);
    let open = requisitions::get(conn, leadline::model::RequisitionId(security)).unwrap();
    assert_eq!((open.status, open.closed_on), (RequisitionStatus::Open, None));
    assert!(harness.query_by_label("Earn AZ-900 Azure Fundamentals").is_none(), "his page is closed");
}

#[test]
fn a_scorecard_without_evidence_is_refused_in_its_form_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = hiring_tab(&path);
    // The manager owes Amelia's scorecard: the notice on top opens it.
    harness.get_by_label_contains("You owe 1 scorecard");
    click(&mut harness, "Amelia Clarke · Hiring manager conversation (Wed 25 Nov)");
    click(&mut harness, "Scorecard…");
    harness.get_by_label("Evidence for Consultative / solution selling");
    harness.get_all_by_label("3 Meets the bar").next().expect("a rating").click();
    harness.run();
    harness.get_all_by_label("4 Above the bar").last().expect("a rating").click();
    harness.run();
    write_evidence(&mut harness, "Consultative / solution selling", "Asked about the CFO's goals first");
    harness.get_by_label("Yes").click();
    harness.run();
    click(&mut harness, "Submit scorecard");
    harness.get_by_label(
        "⚠ evidence: the rating of “Business acumen” needs its evidence: what did the candidate say or do?",
    );
    let scored: i64 = common::app_db(&harness)
        .query_row(
            "SELECT count(*) FROM interviews i JOIN candidates c ON c.id = i.candidate_id \
             WHERE c.name = 'Amelia Clarke' AND i.submitted_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(scored, 1, "only the design session's, from the demo");

    write_evidence(&mut harness, "Business acumen", "Sized the deal from the usage report");
    click(&mut harness, "Submit scorecard");
    let scored: i64 = common::app_db(&harness)
        .query_row(
            "SELECT count(*) FROM interviews i JOIN candidates c ON c.id = i.candidate_id \
             WHERE c.name = 'Amelia Clarke' AND i.submitted_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(scored, 2);
    assert!(harness.query_by_label_contains("You owe").is_none(), "nothing owed any more");
}

#[test]
fn candidates_past_their_purge_date_are_deleted_from_the_purge_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = hiring_tab(&path);
    harness.get_by_label_contains("2 candidates past their purge date");
    click(&mut harness, "Review and delete…");
    harness.get_by_label("Pieter de Vries");
    click(&mut harness, "Delete all 2…");
    click(&mut harness, "Delete 2 candidates");
    let left: i64 = common::app_db(&harness)
        .query_row(
            "SELECT count(*) FROM candidates WHERE name IN ('Pieter de Vries', 'Yuki Sato')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    assert!(harness.query_by_label_contains("past their purge date").is_none());
    assert_eq!(harness.state().status(), "Deleted 2 candidates and everything recorded about them");
}

#[test]
fn this_week_shows_the_scorecard_owed_and_opens_it_on_the_hiring_tab() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    harness.get_by_label("✏ Scorecards you owe (1):");
    harness.get_by_label("Interviews this week (2):");
    harness.get_by_label("Hiring manager conversation, interviewed 3 days ago");
    // Her name is in both lists: the first link is the scorecard owed.
    harness.get_all_by_label("Amelia Clarke").next().expect("the scorecard owed").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().screen(), leadline::ui::Screen::Team);
    harness.get_by_label("REQ-2026-0142 Senior Cloud Solution Architect, Security");
    harness.get_by_label("Scorecard…");
}

/// How many steps of REQ-2026-0142's plan assess `competency`, in the database.
fn assessed_by(harness: &Harness<'_, LeadlineApp>, competency: &str) -> i64 {
    common::app_db(harness)
        .query_row(
            "SELECT count(*) FROM interview_step_competencies sc \
             JOIN interview_steps s ON s.id = sc.step_id \
             JOIN requisitions r ON r.id = s.requisition_id \
             JOIN competencies c ON c.id = sc.competency_id \
             WHERE r.opening_id = 'REQ-2026-0142' AND c.name = ?1",
            [competency],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_interview_plan_grid_flags_a_double_and_keeps_a_competency_already_rated() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = hiring_tab(&path);
    click(&mut harness, "Ingrid Solberg");
    click(&mut harness, "Interview plan");
    harness.get_by_label("✔ Every competency is assessed by exactly one step");

    // Ingrid's scorecard from the hiring manager's step rates business acumen: taking it off
    // that step is refused, in the grid, and nothing changes. (Lower rows first: a checkbox's
    // tooltip opens below the pointer.)
    let label = "Business acumen by Hiring manager conversation";
    harness.get_by_role_and_label(Role::CheckBox, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, label).click();
    harness.run();
    harness.run();
    harness.get_by_label("⚠ scorecards of this step already rate that competency; it stays assessed here");
    assert_eq!(assessed_by(&harness, "Business acumen"), 1);
    harness.get_by_label("✔ Every competency is assessed by exactly one step");

    // A second step on architecture design: a double, flagged on top and on its row.
    harness
        .get_by_role_and_label(Role::CheckBox, "Architecture design by Customer envisioning role play")
        .click();
    harness.run();
    harness.run();
    harness.get_by_label("⚠ 1 assessed twice or more");
    harness.get_by_label("⚠ 2 steps");
    assert_eq!(assessed_by(&harness, "Architecture design"), 2);
}

fn settings(harness: &mut Harness<'_, LeadlineApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num7);
    harness.run();
}

fn count_of(harness: &Harness<'_, LeadlineApp>, sql: &str) -> i64 {
    common::app_db(harness).query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The button labelled `button` on the same row as the text `row`.
fn click_on_row(harness: &mut Harness<'_, LeadlineApp>, row: &str, button: &str) {
    harness.get_by_label(row).scroll_to_me();
    harness.run();
    let y = harness.get_by_label(row).rect().center().y;
    harness
        .get_all_by_label(button)
        .find(|node| (node.rect().center().y - y).abs() < 8.0)
        .unwrap_or_else(|| panic!("{button} on the row of {row}"))
        .click();
    harness.run();
    harness.run();
}

#[test]
fn a_hiring_profile_made_in_settings_sets_what_a_requisitions_plan_assesses() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = common::harness(&path);
    settings(&mut harness);
    // The demo has one profile already; its name is a field that saves itself.
    harness.get_by_role_and_label(Role::TextInput, "Name of the profile Junior architect");
    harness.get_by_role_and_label(Role::TextInput, "New profile name").scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "New profile name").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "New profile name").type_text("Graduate architect");
    harness.run();
    click(&mut harness, "➕ Add profile");
    let in_profile = "SELECT count(*) FROM hiring_profile_competencies pc \
         JOIN hiring_profiles p ON p.id = pc.profile_id WHERE p.name = 'Graduate architect'";
    let matrix = count_of(&harness, "SELECT count(*) FROM competencies");
    assert_eq!(count_of(&harness, in_profile), matrix, "the whole matrix to start with");

    // Open its competencies and take architecture design off.
    click_on_row(&mut harness, "Name of the profile Graduate architect", "Show competencies");
    let label = "Architecture design in Graduate architect";
    harness.get_by_role_and_label(Role::CheckBox, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, label).click();
    harness.run();
    harness.run();
    assert_eq!(count_of(&harness, in_profile), matrix - 1);

    // The security requisition's plan assesses the profile from now on.
    common::go_to_team(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Hiring").click();
    harness.run();
    click(&mut harness, "Ingrid Solberg");
    click(&mut harness, "✏ Edit");
    harness.get_by_role_and_label(Role::ComboBox, "Plan assesses").click();
    harness.run();
    harness.get_by_label("Profile: Graduate architect").click();
    harness.run();
    click(&mut harness, "Save requisition");
    assert_eq!(
        count_of(
            &harness,
            "SELECT count(*) FROM requisitions r JOIN hiring_profiles p ON p.id = r.profile_id \
             WHERE r.opening_id = 'REQ-2026-0142' AND p.name = 'Graduate architect'"
        ),
        1
    );
    click(&mut harness, "Interview plan");
    harness.get_by_label_contains("Each competency of the hiring profile “Graduate architect”");
    // The demo's plan still assesses architecture design: shown, to be taken off.
    harness.get_by_label("not in the profile: take it off");
    harness.get_by_label("✔ Every competency is assessed by exactly one step");
}

#[test]
fn a_deleted_interview_step_and_template_item_come_back_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(&dir);
    let mut harness = hiring_tab(&path);
    click(&mut harness, "Ingrid Solberg");
    click(&mut harness, "Interview plan");
    click(&mut harness, "➕ Add step");
    harness.get_by_role_and_label(Role::TextInput, "Step").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Step").type_text("Reference check");
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Interviewer").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Interviewer").type_text("Priya Nair");
    harness.run();
    click(&mut harness, "Save step");
    let steps = "SELECT count(*) FROM interview_steps WHERE name = 'Reference check'";
    assert_eq!(count_of(&harness, steps), 1);
    // The new step is the last column: its delete button is the last.
    harness.get_all_by_label("🗑").last().expect("the new step's delete").click();
    harness.run();
    harness.run();
    assert_eq!(count_of(&harness, steps), 0);
    click(&mut harness, "Undo delete of the step Reference check");
    assert_eq!(count_of(&harness, steps), 1, "the step is back");
    harness.get_by_label("Reference check");

    settings(&mut harness);
    let items = "SELECT count(*) FROM onboarding_template";
    let before = count_of(&harness, items);
    // The remove button on the row of the template's first item.
    let text = "Earn AZ-900 Azure Fundamentals";
    let first = "Text of template item 1";
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, first).value().as_deref(), Some(text));
    click_on_row(&mut harness, first, "🗑");
    assert_eq!(count_of(&harness, items), before - 1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.run();
    assert_eq!(count_of(&harness, items), before, "Ctrl+Z brings the item back");
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, first).value().as_deref(), Some(text));
}
