//! `leadline bench`, hiring: on the large demo's ten years of requisitions, the pipeline the
//! Hiring tab opens on (budget 10 ms), the whole hiring view read after a write, the quarter
//! figures counted from the whole history, and the candidates due for deletion.

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;

use super::measure::{Measurement, measure};
use crate::model::fiscal::FiscalQuarter;
use crate::model::hiring::end_of;
use crate::session::hiring_view::{self, HiringView};
use crate::store::{Store, architects, candidates, time};

/// The pipeline view data: what the Hiring tab shows first.
const PIPELINE_BUDGET: Duration = Duration::from_millis(10);

pub fn run(db: &Path, runs: usize, today: NaiveDate) -> anyhow::Result<Vec<Measurement>> {
    let store = Store::open(db)?;
    let conn = store.conn();
    let team = architects::list(conn)?;
    let pipeline = hiring_view::load_pipeline(conn, today)?;
    let requisitions: i64 = conn.query_row("SELECT count(*) FROM requisitions", [], |r| r.get(0))?;
    let all: i64 = conn.query_row("SELECT count(*) FROM candidates", [], |r| r.get(0))?;
    let interviews: i64 = conn.query_row("SELECT count(*) FROM interviews", [], |r| r.get(0))?;
    let start_month = time::time_settings(conn)?.start_month;
    let quarter = FiscalQuarter::of(today, start_month);
    Ok(vec![
        measure(
            format!("hiring: pipeline view data ({} in the process)", pipeline.in_process()),
            Some(PIPELINE_BUDGET),
            runs,
            || hiring_view::load_pipeline(conn, today),
        )?,
        measure(
            format!(
                "hiring: whole hiring view ({requisitions} requisitions, {all} candidates, {interviews} interviews)"
            ),
            None,
            runs,
            || HiringView::load(conn, today, None, &team),
        )?,
        measure(format!("hiring: quarter figures {quarter} from the whole history"), None, runs, || {
            let inputs = hiring_view::figure_inputs(conn)?;
            anyhow::Ok(hiring_view::quarter_figures_of(&inputs, quarter, start_month, end_of(today)))
        })?,
        measure("hiring: candidates due for deletion", None, runs, || candidates::purge_due(conn, today))?,
    ])
}
