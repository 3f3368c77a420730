//! The demo manager's quarterly reviews: last quarter's finalized (accomplishments, setbacks,
//! four priorities, a rating for every competency) and this quarter's half written (two
//! bullets, a first go at the setbacks, some ratings, what became of two of last quarter's
//! priorities). Relative to `today`, so it is the same review for the same day.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;

use crate::model::fiscal::FiscalQuarter;
use crate::model::review::words::{AccomplishmentFields, Outcome, Ring};
use crate::model::split::Category;
use crate::store::{StoreError, review, review_data, time};

const PREVIOUS_SETBACKS: &str = "Hiring for the Data & AI role took three months longer than planned: the \
first slate was too narrow and I had to restart sourcing with a broader panel.\n\nBusiness management \
swallowed September (quarter-end forecasting, two renewals), so coaching dipped below 40 % for four weeks. \
Learning: block the one-on-ones first and move the forecast prep to Friday afternoons.";

const PREVIOUS_PRIORITIES: [&str; 4] = [
    "Get Priya through SC-100 and into the regional security lead role",
    "Bring coaching back to 50 % of my time, every week",
    "An agreed consumption plan for every win, not just the large ones",
    "Hire a Data & AI architect from a diverse slate",
];

/// (rating, evidence) per default competency, in Settings' order.
const PREVIOUS_RATINGS: [(i64, &str); 7] = [
    (4, "Led the Woodgrove lakehouse architecture review with the customer's CTO."),
    (3, "Pushed for the healthcare initiative, but let the partner set the pace."),
    (4, "Brought product group engineers into three customer escalations."),
    (4, "The Cloud Summit keynote had the best session scores of the day."),
    (5, "Ran the joint account plan with the Fabrikam account team."),
    (3, "Consumption 8 % under plan: two migrations slipped."),
    (4, "Built the AI agents demo the team now uses in every envisioning workshop."),
];

const CURRENT_RATINGS: [(i64, &str); 3] = [
    (4, "Architecture reviews for Northwind and Alpine Ski House."),
    (4, "Asked for the executive sponsor at Lamna before the pilot, not after."),
    (3, ""),
];

/// Writes both reviews. Nothing when last quarter had not started by `today` (a demo on an
/// unusual day).
pub fn generate(conn: &Connection, today: NaiveDate) -> Result<(), StoreError> {
    // A database of an earlier schema (the tests write exports of earlier versions with the
    // demo team) has no reviews to write.
    let has_reviews: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reviews')",
        [],
        |row| row.get(0),
    )?;
    if !has_reviews {
        return Ok(());
    }
    let settings = time::time_settings(conn)?;
    let current = settings.quarter_of(today);
    let previous = current.previous();
    previous_review(conn, previous, today, settings.start_month)?;
    current_review(conn, current, previous, today)
}

fn previous_review(
    conn: &Connection,
    quarter: FiscalQuarter,
    today: NaiveDate,
    start_month: chrono::Month,
) -> Result<(), StoreError> {
    let end = quarter.end_inclusive(start_month);
    // Written in the first days after the quarter ended.
    let written_on = end.checked_add_days(Days::new(5)).unwrap_or(end).min(today);
    let figures = review_data::live_figures(conn, quarter, written_on)?;
    let accepted = crate::model::review::suggest::suggestions(&figures);
    for suggestion in
        accepted.iter().filter(|s| s.key == "coaching.one_on_ones" || s.key == "coaching.certifications")
    {
        let fields = AccomplishmentFields {
            text: suggestion.text.clone(),
            ring: Some(suggestion.ring),
            accountability: suggestion.accountability,
        };
        review::add_accomplishment(conn, quarter, &fields, Some(&suggestion.key), written_on)?;
    }
    let typed = [
        (
            "Opened the mid-market healthcare segment: two envisioning workshops and the first pilot at Lamna Healthcare",
            Ring::Own,
            Category::Market,
        ),
        (
            "Coached Amara to lead the Woodgrove lakehouse win end to end; she now mentors two architects",
            Ring::OthersSuccess,
            Category::Coaching,
        ),
        (
            "Reused the product group's landing-zone accelerator for three customers instead of building our own",
            Ring::BuildingOnOthers,
            Category::Business,
        ),
    ];
    for (text, ring, category) in typed {
        let fields =
            AccomplishmentFields { text: text.to_owned(), ring: Some(ring), accountability: Some(category) };
        review::add_accomplishment(conn, quarter, &fields, None, written_on)?;
    }
    review::set_setbacks(conn, quarter, PREVIOUS_SETBACKS, written_on)?;
    for text in PREVIOUS_PRIORITIES {
        review::add_priority(conn, quarter, text, written_on)?;
    }
    for (competency, (rating, evidence)) in review::competencies(conn)?.iter().zip(PREVIOUS_RATINGS) {
        review::set_rating(conn, quarter, competency.id, Some(rating), evidence, written_on)?;
    }
    review::finalize(conn, quarter, &figures, written_on)
}

fn current_review(
    conn: &Connection,
    quarter: FiscalQuarter,
    previous: FiscalQuarter,
    today: NaiveDate,
) -> Result<(), StoreError> {
    let fields = AccomplishmentFields {
        text: "Ran the first AI envisioning workshop series for the leadership teams of Contoso and Fabrikam"
            .to_owned(),
        ring: Some(Ring::Own),
        accountability: Some(Category::Market),
    };
    review::add_accomplishment(conn, quarter, &fields, None, today)?;
    review::set_setbacks(
        conn,
        quarter,
        "Daniel's leave came earlier than planned; his two accounts went to Lukas without a proper handover.",
        today,
    )?;
    for (competency, (rating, evidence)) in review::competencies(conn)?.iter().zip(CURRENT_RATINGS) {
        review::set_rating(conn, quarter, competency.id, Some(rating), evidence, today)?;
    }
    let promises = review::words(conn, previous)?.priorities;
    let outcomes = [
        (Outcome::Done, "Passed on 14 October; she leads the security community of practice."),
        (
            Outcome::Partly,
            "On target in most weeks since October, not yet in the weeks with customer events.",
        ),
    ];
    for (priority, (outcome, note)) in promises.iter().zip(outcomes) {
        review::set_outcome(conn, quarter, priority.id, Some(outcome), note, today)?;
    }
    Ok(())
}
