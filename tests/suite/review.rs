//! The quarterly review through the session: every figure of a seeded database whose answers
//! are known by construction, the comparisons with earlier quarters, finalizing (the figures
//! freeze), last quarter's promises, undo, and every bad input named by its message.

use leadline::model::Cadence;
use leadline::model::fiscal::FiscalQuarter;
use leadline::model::one_on_one::{ActionFields, MeetingFields, Party};
use leadline::model::review::words::{AccomplishmentFields, Outcome, ReviewState, Ring};
use leadline::model::review::{Arrow, Figure, ReviewDraft};
use leadline::model::split::Category;
use leadline::model::time_entry::TimeEntryFields;
use leadline::session::{Command, ReviewCommand, Session};
use leadline::store::review_data;

use crate::common::{self, apply, day, refused};

fn fq(label: &str) -> FiscalQuarter {
    label.parse().expect("a quarter label")
}

fn log(session: &mut Session, on: chrono::NaiveDate, minutes: u32, category: Category, what: &str) {
    apply(session, Command::AddTimeEntry(TimeEntryFields::manual(on, minutes, category, what)));
}

fn review(session: &mut Session, command: ReviewCommand) {
    apply(session, Command::Review(command));
}

fn draft(session: &Session, quarter: &str) -> ReviewDraft {
    review_data::draft(session.conn(), fq(quarter), common::today()).expect("the draft")
}

fn figure<'d>(draft: &'d ReviewDraft, key: &str) -> &'d Figure {
    draft
        .sections
        .iter()
        .flat_map(|s| &s.figures)
        .find(|f| f.key == key)
        .unwrap_or_else(|| panic!("no figure {key}"))
}

/// A database whose FY27 Q2 (Oct-Dec 2026, counted to Sat 28 Nov) and FY27 Q1 (Jul-Sep 2026)
/// are small enough to count by hand:
/// - FY27 Q2 time: W41 (Mon 5 Oct) 5 h coaching, 3 h market, 2 h business: 50/30/20, on
///   target; W42 (Mon 12 Oct) 10 h business: off. Total 20 h: 25 % / 15 % / 60 %.
/// - FY27 Q1 time: 10 h coaching on Mon 6 Jul: 100 % coaching.
/// - Ana (weekly) met on 6 Oct and 3 Nov (mood 4 and 2); Ben (biweekly) on 13 Oct. Due from
///   1 Oct to 28 Nov (59 days = 8 weeks): Ana 8, Ben 4. Held 3 of 12 = 25 %.
/// - One action from Ana's 6 Oct meeting closed on 20 Oct; one due 10 Nov still open (overdue).
/// - FY26 Q2 (a year earlier): nothing.
pub fn seeded(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = common::empty_db(dir);
    let mut s = common::session(&path);
    // The time below is all the time there is: held one-on-ones do not log theirs here.
    apply(&mut s, Command::SetLogOneOnOneTime(false));
    log(&mut s, day(2026, 10, 5), 300, Category::Coaching, "One-on-ones");
    log(&mut s, day(2026, 10, 5), 180, Category::Market, "Partner event prep");
    log(&mut s, day(2026, 10, 5), 120, Category::Business, "Forecast");
    log(&mut s, day(2026, 10, 12), 600, Category::Business, "Quarter-end forecast");
    log(&mut s, day(2026, 7, 6), 600, Category::Coaching, "Team offsite");
    let ana = common::add_architect(&mut s, "Ana Lima", Cadence::Weekly);
    let ben = common::add_architect(&mut s, "Ben Carter", Cadence::Biweekly);
    let first = common::start(&mut s, ana, day(2026, 10, 6), &[]);
    apply(
        &mut s,
        Command::UpdateOneOnOne {
            id: first,
            fields: MeetingFields { held_on: day(2026, 10, 6), mood: Some(4), notes: String::new() },
        },
    );
    let second = common::start(&mut s, ana, day(2026, 11, 3), &[]);
    apply(
        &mut s,
        Command::UpdateOneOnOne {
            id: second,
            fields: MeetingFields { held_on: day(2026, 11, 3), mood: Some(2), notes: String::new() },
        },
    );
    common::hold(&mut s, ben, day(2026, 10, 13), &[]);
    // Started and closed untouched: not held, so it counts nowhere (Ben stays at one held).
    common::start(&mut s, ben, day(2026, 11, 24), &[]);
    for (text, due) in
        [("Send the AKS reading list", day(2026, 10, 9)), ("Book the AZ-305 renewal", day(2026, 11, 10))]
    {
        apply(
            &mut s,
            Command::AddActionItem {
                meeting: first,
                fields: ActionFields { text: text.into(), owner: Party::Me, due_on: Some(due) },
            },
        );
    }
    let closed: i64 = s
        .conn()
        .query_row("SELECT id FROM action_items WHERE text = 'Send the AKS reading list'", [], |r| r.get(0))
        .expect("the action");
    apply(
        &mut s,
        Command::SetActionDone {
            id: leadline::model::ActionItemId(closed),
            done_on: Some(day(2026, 10, 20)),
        },
    );
    path
}

#[test]
fn every_figure_of_a_seeded_quarter_is_counted_from_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::session(&seeded(&dir));
    let d = draft(&s, "FY27Q2");
    assert_eq!(d.quarter, fq("FY27 Q2"));
    assert_eq!(d.state, ReviewState::Draft);
    assert!(!d.frozen);
    assert_eq!(figure(&d, "time.logged").value, Some(20.0));
    assert_eq!(figure(&d, "time.coaching").value, Some(25.0));
    assert_eq!(figure(&d, "time.market").value, Some(15.0));
    assert_eq!(figure(&d, "time.business").value, Some(60.0));
    assert_eq!(d.figures.time.weeks_logged, 2);
    assert_eq!(d.figures.time.weeks_on_target, 1);
    assert_eq!(d.figures.coaching.held, 3);
    assert_eq!(d.figures.coaching.due, 12);
    let per_architect: Vec<(&str, u32, u32)> =
        d.figures.coaching.one_on_ones.iter().map(|r| (r.name.as_str(), r.held, r.due)).collect();
    assert_eq!(per_architect, [("Ana Lima", 2, 8), ("Ben Carter", 1, 4)]);
    assert_eq!(figure(&d, "coaching.one_on_ones").value, Some(25.0));
    assert_eq!(figure(&d, "coaching.actions_closed").value, Some(1.0));
    assert_eq!(figure(&d, "coaching.actions_overdue").value, Some(1.0));
    assert_eq!(d.figures.coaching.overdue[0].text, "Book the AZ-305 renewal");
    assert_eq!(d.figures.coaching.energy_average, Some(3.0));
    assert_eq!(d.figures.coaching.energy_low, 1);
    // The quarter is still running: it says so.
    assert!(d.notes.iter().any(|n| n.contains("FY27 Q2 runs until Thu 31 Dec 2026")), "{:?}", d.notes);
}

#[test]
fn each_figure_is_compared_with_the_previous_quarter_and_a_year_earlier() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::session(&seeded(&dir));
    let d = draft(&s, "FY27Q2");
    assert_eq!(d.previous.quarter, fq("FY27 Q1"));
    assert_eq!(d.year_ago.quarter, fq("FY26 Q2"));
    assert!(d.previous.has_records);
    assert!(!d.year_ago.has_records, "nothing was recorded a year earlier");
    let coaching = figure(&d, "time.coaching");
    assert_eq!(coaching.previous.value, Some(100.0));
    assert_eq!(coaching.previous.delta, Some(-75.0));
    assert_eq!(coaching.previous.arrow, Some(Arrow::Down));
    assert_eq!(coaching.year_ago.delta, None, "no comparison with a quarter without records");
    let logged = figure(&d, "time.logged");
    assert_eq!(logged.previous.delta, Some(10.0));
    assert_eq!(logged.previous.arrow, Some(Arrow::Up));
}

#[test]
fn the_business_and_hiring_figures_say_they_are_not_recorded_yet() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::session(&seeded(&dir));
    let d = draft(&s, "FY27Q2");
    assert!(d.figures.business.is_none() && d.figures.hiring.is_none());
    let keys: Vec<&str> = d.sections.iter().flat_map(|s| &s.figures).map(|f| f.key).collect();
    assert!(!keys.iter().any(|k| k.starts_with("business.") || k.starts_with("hiring.")), "{keys:?}");
    let notes: Vec<&String> = d.sections.iter().flat_map(|s| &s.notes).collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes.iter().all(|n| n.contains("not recorded yet")), "{notes:?}");
}

#[test]
fn business_figures_come_from_the_wins_recorded_in_the_quarter() {
    use leadline::model::business::{AccountFields, McemStage, OpportunityFields, OpportunityStatus};
    use leadline::session::{BusinessCommand, BusinessRecord, Done};
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&seeded(&dir));
    let business = |s: &mut Session, command| match apply(s, Command::Business(command)) {
        Done::Business(done) => done.record,
        other => panic!("{other:?}"),
    };
    let BusinessRecord::Account(contoso) = business(
        &mut s,
        BusinessCommand::AddAccount(AccountFields { name: "Contoso".into(), ..Default::default() }),
    ) else {
        panic!("an account")
    };
    // Two wins in FY27 Q2 (one with its plan agreed), one won in FY27 Q1, one still open.
    let mut win = |title: &str, closed_on: Option<chrono::NaiveDate>, acr: i64| {
        let fields = OpportunityFields {
            stage: McemStage::EmpowerAchieve,
            monthly_acr: acr,
            status: if closed_on.is_some() { OpportunityStatus::Won } else { OpportunityStatus::Open },
            closed_on,
            ..OpportunityFields::new(contoso, title)
        };
        match business(&mut s, BusinessCommand::AddOpportunity(fields)) {
            BusinessRecord::Opportunity(id) => id,
            other => panic!("{other:?}"),
        }
    };
    let planned = win("Data platform", Some(day(2026, 10, 20)), 12_000);
    let aks = win("AKS landing zone", Some(day(2026, 11, 18)), 8_000);
    win("Last quarter's win", Some(day(2026, 9, 10)), 5_000);
    win("Fabric pilot", None, 3_000);
    business(
        &mut s,
        BusinessCommand::SetPlan {
            id: planned,
            agreed: true,
            agreed_on: Some(day(2026, 10, 25)),
            sponsor: "Elena Ruiz".into(),
        },
    );

    let d = draft(&s, "FY27Q2");
    let figures = d.figures.business.as_ref().expect("business is recorded now");
    assert_eq!(figures.wins, 2);
    assert!((figures.wins_acr_monthly - 20_000.0).abs() < 0.5, "{}", figures.wins_acr_monthly);
    let stage3 = figures.pipeline.iter().find(|line| line.stage == 3).expect("stage 3");
    assert_eq!(stage3.open, 1, "the open one");
    assert_eq!((figures.wins_with_plan, figures.wins_total), (1, 3), "the fiscal year's wins to date");
    assert!(d.figures.hiring.is_none(), "no requisition yet: hiring stays 'not recorded'");
    let keys: Vec<&str> = d.sections.iter().flat_map(|s| &s.figures).map(|f| f.key).collect();
    assert!(keys.iter().any(|k| k.starts_with("business.")), "{keys:?}");

    // Each win of the quarter is listed, largest first, and opens on the Business screen.
    let won: Vec<(&str, &str, f64)> =
        figures.won.iter().map(|w| (w.title.as_str(), w.account.as_str(), w.acr_monthly)).collect();
    assert_eq!(won, [("Data platform", "Contoso", 12_000.0), ("AKS landing zone", "Contoso", 8_000.0)]);
    let wins =
        d.sections.iter().flat_map(|s| &s.tables).find(|t| t.title == "Wins").expect("a table of the wins");
    assert_eq!(wins.rows[1].cells[..3], ["AKS landing zone", "Contoso", "18 Nov 2026"]);
    assert_eq!(wins.rows[1].link, Some(leadline::model::review::figures::Link::Win { opportunity: aks }));
}

#[test]
fn a_quarter_before_any_data_is_an_empty_draft_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::session(&seeded(&dir));
    let d = draft(&s, "FY24Q1");
    assert!(!d.figures.has_records);
    assert_eq!(figure(&d, "time.logged").value, Some(0.0));
    assert!(
        d.notes.iter().any(|n| n.starts_with("Nothing was recorded in FY24 Q1 (Jul – Sep 2023)")),
        "{:?}",
        d.notes
    );
}

#[test]
fn finalizing_freezes_the_figures_and_the_next_quarter_compares_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&seeded(&dir));
    let q1 = fq("FY27Q1");
    review(&mut s, ReviewCommand::Finalize { quarter: q1, even_if_incomplete: true });
    // An old record edited afterwards: 10 h more market time in July.
    log(&mut s, day(2026, 7, 7), 600, Category::Market, "Late entry");
    let frozen = draft(&s, "FY27Q1");
    assert!(frozen.frozen);
    assert_eq!(frozen.state, ReviewState::Final { finalized_on: common::today() });
    assert_eq!(figure(&frozen, "time.logged").value, Some(10.0), "the finalized review is unchanged");
    assert_eq!(figure(&frozen, "time.coaching").value, Some(100.0));
    let next = draft(&s, "FY27Q2");
    assert!(next.previous.frozen);
    assert_eq!(
        figure(&next, "time.coaching").previous.value,
        Some(100.0),
        "compared with the frozen figures"
    );
    assert_eq!(figure(&next, "time.logged").previous.delta, Some(10.0));
    // Reopened, the figures are read from the records again.
    review(&mut s, ReviewCommand::Reopen(q1));
    assert_eq!(figure(&draft(&s, "FY27Q1"), "time.logged").value, Some(20.0));
    assert_eq!(figure(&draft(&s, "FY27Q1"), "time.coaching").value, Some(50.0));
}

#[test]
fn a_finalized_review_refuses_edits_until_reopened_and_undo_puts_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&seeded(&dir));
    let q1 = fq("FY27Q1");
    review(&mut s, ReviewCommand::SetSetbacks { quarter: q1, text: "Too much forecasting.".into() });
    review(&mut s, ReviewCommand::Finalize { quarter: q1, even_if_incomplete: true });
    let message =
        refused(&mut s, Command::Review(ReviewCommand::SetSetbacks { quarter: q1, text: "Changed".into() }));
    assert_eq!(message, "FY27 Q1 is finalized: reopen it to change its text");
    assert_eq!(
        refused(&mut s, Command::Review(ReviewCommand::Finalize { quarter: q1, even_if_incomplete: true })),
        "FY27 Q1 is already finalized"
    );
    // Undo of the finalize reopens it.
    s.undo().expect("undo");
    assert_eq!(draft(&s, "FY27Q1").state, ReviewState::Draft);
    review(&mut s, ReviewCommand::SetSetbacks { quarter: q1, text: "Changed".into() });
    s.undo().expect("undo");
    assert_eq!(draft(&s, "FY27Q1").setbacks, "Too much forecasting.");
}

#[test]
fn finalizing_with_empty_sections_asks_first_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&seeded(&dir));
    let q2 = fq("FY27Q2");
    review(&mut s, ReviewCommand::SetSetbacks { quarter: q2, text: "Hiring took too long.".into() });
    let message =
        refused(&mut s, Command::Review(ReviewCommand::Finalize { quarter: q2, even_if_incomplete: false }));
    assert_eq!(
        message,
        "FY27 Q2 still has empty sections: accomplishments and impact, priorities for next quarter and a \
         rating for every competency. Fill them in, or finalize anyway"
    );
    let d = draft(&s, "FY27Q2");
    assert_eq!(d.state, ReviewState::Draft);
    assert_eq!(d.setbacks, "Hiring took too long.");
}

#[test]
fn bad_input_is_refused_with_a_message_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&seeded(&dir));
    let q2 = fq("FY27Q2");
    let competency = draft(&s, "FY27Q2").ratings[0].competency.expect("a competency");
    for rating in [0, 6] {
        let message = refused(
            &mut s,
            Command::Review(ReviewCommand::SetRating {
                quarter: q2,
                competency,
                rating: Some(rating),
                evidence: String::new(),
            }),
        );
        assert_eq!(message, format!("rating: {rating} is outside 1 to 5"));
    }
    let long = "x".repeat(20_001);
    let message = refused(&mut s, Command::Review(ReviewCommand::SetSetbacks { quarter: q2, text: long }));
    assert!(message.starts_with("setbacks and learnings"), "{message}");
    let message = refused(
        &mut s,
        Command::Review(ReviewCommand::SetSetbacks { quarter: fq("FY27Q3"), text: "Early".into() }),
    );
    assert_eq!(message, "FY27 Q3 has not started yet (it starts on 2027-01-01); there is nothing to review");
    let message =
        refused(&mut s, Command::Review(ReviewCommand::AddPriority { quarter: q2, text: "   ".into() }));
    assert!(message.starts_with("priority"), "{message}");
    assert_eq!(common::count(&s, "reviews"), 0, "a refused command writes nothing, not even the review row");
    assert_eq!(
        "FY27Q9".parse::<FiscalQuarter>().unwrap_err().to_string(),
        "\"FY27Q9\" is not a fiscal quarter (expected e.g. FY27 Q2)"
    );
}

#[test]
fn last_quarters_priorities_come_back_as_promises_to_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&seeded(&dir));
    let (q1, q2) = (fq("FY27Q1"), fq("FY27Q2"));
    for text in ["Coaching back to 50 %", "Hire a Data & AI architect"] {
        review(&mut s, ReviewCommand::AddPriority { quarter: q1, text: text.into() });
    }
    review(&mut s, ReviewCommand::Finalize { quarter: q1, even_if_incomplete: true });
    let promises = draft(&s, "FY27Q2").promises;
    let texts: Vec<&str> = promises.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Coaching back to 50 %", "Hire a Data & AI architect"]);
    assert!(promises.iter().all(|p| p.outcome.is_none()));
    review(
        &mut s,
        ReviewCommand::SetOutcome {
            quarter: q2,
            priority: promises[1].priority,
            outcome: Some(Outcome::Partly),
            note: "Offer out".into(),
        },
    );
    let promises = draft(&s, "FY27Q2").promises;
    assert_eq!(promises[0].outcome, None);
    assert_eq!(promises[1].outcome, Some(Outcome::Partly));
    assert_eq!(promises[1].note, "Offer out");
}

#[test]
fn an_accepted_suggestion_becomes_a_bullet_and_is_not_offered_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&seeded(&dir));
    let q2 = fq("FY27Q2");
    let d = draft(&s, "FY27Q2");
    let suggestion = d.suggestions.first().expect("the seeded quarter suggests a bullet").clone();
    let fields = AccomplishmentFields {
        text: suggestion.text.clone(),
        ring: Some(Ring::Own),
        accountability: Some(Category::Coaching),
    };
    review(
        &mut s,
        ReviewCommand::AddAccomplishment { quarter: q2, fields, suggestion: Some(suggestion.key.clone()) },
    );
    let d = draft(&s, "FY27Q2");
    assert_eq!(d.accomplishments.len(), 1);
    assert_eq!(d.accomplishments[0].fields.text, suggestion.text);
    assert!(!d.suggestions.iter().any(|x| x.key == suggestion.key));
    if let Some(other) = d.suggestions.first() {
        review(&mut s, ReviewCommand::DropSuggestion { quarter: q2, key: other.key.clone() });
        assert!(!draft(&s, "FY27Q2").suggestions.iter().any(|x| x.key == other.key));
    }
}

/// A hire starting Mon 7 Dec 2026 with the onboarding template: two goals due on day 30 (worked
/// on from the start) and one due on day 60 (from 6 Jan 2027), all created on 28 Nov 2026.
/// Counted to 20 Jan 2027 with the 30-day setting: the day-30 goals have not moved for 44 days
/// since their window opened and are stalled; the day-60 goal's window opened 14 days before,
/// so it is not, although it was created 53 days before (the development plan's rule).
#[test]
fn an_onboarding_goal_is_not_stalled_before_its_window_opens() {
    use crate::hiring::{at_offer, hire_of, hiring, requisition_in};
    use leadline::model::review::figures::GoalRef;
    let dir = tempfile::tempdir().unwrap();
    let path = common::empty_db(&dir);
    let mut s = common::session(&path);
    let requisition = requisition_in(&mut s, "REQ-1", day(2026, 9, 14));
    let ingrid = at_offer(&mut s, requisition, "Ingrid Solberg");
    apply(
        &mut s,
        hiring(leadline::session::HiringCommand::Hire(Box::new(hire_of(
            ingrid,
            "Ingrid Solberg",
            day(2026, 12, 7),
            None,
        )))),
    );
    let d = review_data::draft(s.conn(), fq("FY27Q3"), day(2027, 1, 20)).expect("the draft");
    assert_eq!(d.figures.coaching.goals_stalled, 2);
    let stalled: Vec<(&str, chrono::NaiveDate)> =
        d.figures.coaching.stalled.iter().map(|g: &GoalRef| (g.description.as_str(), g.on)).collect();
    assert_eq!(
        stalled,
        [("Earn AZ-900", day(2026, 12, 7)), ("Shadow your buddy three times", day(2026, 12, 7))]
    );
    assert_eq!(figure(&d, "coaching.goals_stalled").value, Some(2.0));
}

/// The draft reads what its quarters share once (the team, the Business facts of the quarters
/// counted live, the hiring records): each quarter it counts live comes out as that quarter
/// counted on its own would, on the demo database, for quarters with a finalized neighbour or
/// without, and for one before the Business records start.
#[test]
fn each_quarter_of_a_draft_is_counted_as_it_would_be_on_its_own() {
    use leadline::model::review::draft::Source;
    let dir = tempfile::tempdir().unwrap();
    let s = common::session(&common::demo_db(&dir));
    let mut live = 0;
    for quarter in ["FY27Q2", "FY27Q1", "FY26Q4", "FY25Q3"] {
        let inputs = review_data::inputs(s.conn(), fq(quarter), common::today()).expect("the inputs");
        for source in [&inputs.current, &inputs.previous, &inputs.year_ago] {
            if let Source::Live(data) = source {
                let alone = review_data::live_figures(s.conn(), data.quarter, common::today()).unwrap();
                assert_eq!(
                    leadline::model::review::data::figures(data),
                    alone,
                    "{} in {quarter}",
                    data.quarter
                );
                live += 1;
            }
        }
    }
    assert!(live >= 10, "most quarters are counted live ({live})");
}
