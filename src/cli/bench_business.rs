//! `leadline bench`, the Business screen's part: on the large demo (100 architects, ten years
//! of opportunities, wins, milestones and consumption), reading the screen's view data, one
//! quarter's scorecard, and a CSV import of 10,000 milestones (read, check, preview, commit).

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use chrono::{Days, NaiveDate};

use super::measure::{Measurement, measure};
use crate::import::business_csv::CsvKind;
use crate::import::zones::Zone;
use crate::model::business::OpportunityStatus;
use crate::model::fiscal::FiscalQuarter;
use crate::session::{BusinessCommand, BusinessView, Clock, Command, Origin, Session, business_import};
use crate::store::{self, Store};

/// How many milestones the import benchmark reads.
const IMPORTED: usize = 10_000;

pub fn run(db: &Path, runs: usize, today: NaiveDate) -> anyhow::Result<Vec<Measurement>> {
    let mut measurements = Vec::new();
    {
        let store = Store::open(db)?;
        let conn = store.conn();
        let view = BusinessView::load(conn, today)?;
        let differences = view.differences(&BusinessView::load_from_every_record(conn, today)?);
        anyhow::ensure!(
            differences.is_empty(),
            "the view read from its window differs from the one read from every record: {}",
            differences.join(", ")
        );
        measurements.push(measure(
            format!(
                "business: Business screen view data ({} opportunities listed, {} milestones, {} accounts)",
                view.opportunities.len(),
                view.milestones.len(),
                view.accounts.len()
            ),
            Some(Duration::from_millis(10)),
            runs,
            || BusinessView::load(conn, today),
        )?);
        measurements.push(measure(
            "business: the same view data read from every record (the whole read it replaced)",
            None,
            runs,
            || BusinessView::load_from_every_record(conn, today),
        )?);
        let start_month = store::time::time_settings(conn)?.start_month;
        let quarter = FiscalQuarter::of(today, start_month);
        let past = FiscalQuarter::new(quarter.fiscal_year() - 4, 3).unwrap_or(quarter);
        for q in [quarter, past] {
            let whole =
                store::scorecard::Facts::read(conn, q, q, start_month)?.scorecard(q, start_month, today);
            anyhow::ensure!(
                store::scorecard::scorecard(conn, q, today)? == whole,
                "the scorecard of {q} read from its window differs from the one read from every record"
            );
            measurements.push(measure(
                format!("business: scorecard of {q}"),
                Some(Duration::from_millis(10)),
                runs,
                || store::scorecard::scorecard(conn, q, today),
            )?);
        }
    }
    measurements.extend(import_benchmarks(db, runs, today)?);
    Ok(measurements)
}

/// A CSV file of `count` milestones for the large demo's wins, each due after its win.
fn milestones_csv(db: &Path, count: usize) -> anyhow::Result<String> {
    let store = Store::open(db)?;
    let wins: Vec<(String, NaiveDate)> = store::opportunities::list_all(store.conn())?
        .into_iter()
        .filter(|o| o.fields.status == OpportunityStatus::Won && !o.fields.crm_id.is_empty())
        .filter_map(|o| o.fields.closed_on.map(|d| (o.fields.crm_id, d)))
        .collect();
    anyhow::ensure!(!wins.is_empty(), "the large demo has no wins with a CRM id");
    let mut csv = String::from("Milestone ID,Opportunity ID,Workload,Owner,Due,Est. ACR,Committed,Status\n");
    for index in 0..count {
        let (opportunity, won_on) = &wins[index % wins.len()];
        let due = won_on.checked_add_days(Days::new(30 + (index % 200) as u64)).unwrap_or(*won_on);
        let committed = if index % 3 == 0 { "yes" } else { "no" };
        let state = ["on track", "at risk", "live", "blocked"][index % 4];
        writeln!(
            csv,
            "BENCH-MS-{index:05},{opportunity},Workload {index},Contoso Partners,{due},{},{committed},{state}",
            1_000 + index % 5_000
        )?;
    }
    Ok(csv)
}

fn import_benchmarks(db: &Path, runs: usize, today: NaiveDate) -> anyhow::Result<Vec<Measurement>> {
    let csv = milestones_csv(db, IMPORTED)?;
    let mapping = crate::import::business_csv::parse_mapping(
        CsvKind::Milestones,
        &[
            "crm_id=Milestone ID".into(),
            "opportunity=Opportunity ID".into(),
            "due_on=Due".into(),
            "expected_acr=Est. ACR".into(),
            "state=Status".into(),
        ],
    )
    .map_err(anyhow::Error::msg)?;
    let clean = |session: &Session| -> anyhow::Result<()> {
        session.conn().execute("DELETE FROM milestones WHERE crm_id LIKE 'BENCH-MS-%'", [])?;
        Ok(())
    };
    let label = |what: &str| format!("business: CSV import of {IMPORTED} milestones, {what}");
    let session = Session::without_view(Store::open(db)?, Clock::Fixed(today), Zone::Utc);
    let preview = measure(label("read + check + preview"), None, runs.min(10), || {
        session
            .csv_preview(csv.as_bytes(), CsvKind::Milestones, &mapping, false)
            .map_err(|p| anyhow::anyhow!(p.join("; ")))
    })?;
    drop(session);
    // The commit in one transaction, without the backup the app takes first (timed below).
    let mut store = Store::open(db)?;
    let import = measure(
        label("read + check + preview + commit"),
        Some(Duration::from_secs(1)),
        runs.min(5),
        || -> anyhow::Result<()> {
            let session_free = {
                let preview = Session::preview_csv_on(
                    store.conn(),
                    today,
                    csv.as_bytes(),
                    CsvKind::Milestones,
                    &mapping,
                    false,
                )
                .map_err(|p| anyhow::anyhow!(p.join("; ")))?;
                preview.plan
            };
            store.transact(|tx| business_import::commit(tx, &session_free, today))?;
            store.conn().execute("DELETE FROM milestones WHERE crm_id LIKE 'BENCH-MS-%'", [])?;
            Ok(())
        },
    )?;
    drop(store);
    let mut session = Session::without_view(Store::open(db)?, Clock::Fixed(today), Zone::Utc);
    let with_backup =
        measure(label("as the app does it (backup first)"), None, runs.min(3), || -> anyhow::Result<()> {
            let plan = session
                .csv_preview(csv.as_bytes(), CsvKind::Milestones, &mapping, false)
                .map_err(|p| anyhow::anyhow!(p.join("; ")))?
                .plan;
            session.run(Origin::SCRIPT, Command::Business(BusinessCommand::ImportCsv(Box::new(plan))))?;
            clean(&session)
        })?;
    Ok(vec![preview, import, with_backup])
}
