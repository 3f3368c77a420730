//! The scorecard's targets per fiscal quarter, and everything a scorecard is computed from,
//! read for `model::business::scorecard`.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, Row, params};

use super::StoreError;
use super::architects::choice;
use crate::model::architect::Choice as _;
use crate::model::business::{
    self, CadenceFacts, ContactFacts, Metric, MetricFields, Milestone, MilestoneFacts, Opportunity,
    OpportunityFacts, Scorecard, ScorecardInputs,
};
use crate::model::fiscal::FiscalQuarter;
use crate::model::{Cadence, MetricId, Status};

const COLUMNS: &str = "id, fiscal_year, quarter, kind, name, unit, target, actual";

fn row_to_metric(row: &Row<'_>) -> rusqlite::Result<Metric> {
    let (year, quarter): (i32, u8) = (row.get(1)?, row.get(2)?);
    let quarter =
        FiscalQuarter::new(year, quarter).map_err(|e| super::time::conversion_error(1, e.to_string()))?;
    Ok(Metric {
        id: row.get(0)?,
        fields: MetricFields {
            quarter,
            kind: choice::<business::MetricKind>(row, 3)?,
            name: row.get(4)?,
            unit: row.get(5)?,
            target: row.get(6)?,
            actual: row.get(7)?,
        },
    })
}

/// The targets of the quarters from `first` to `last`, in quarter and list order.
pub fn metrics_between(
    conn: &Connection,
    first: FiscalQuarter,
    last: FiscalQuarter,
) -> Result<Vec<Metric>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM scorecard_metrics WHERE (fiscal_year * 10 + quarter) BETWEEN ?1 AND ?2 \
         ORDER BY fiscal_year, quarter, position, id"
    );
    let key = |q: FiscalQuarter| i64::from(q.fiscal_year()) * 10 + i64::from(q.quarter());
    Ok(conn
        .prepare_cached(&sql)?
        .query_map(params![key(first), key(last)], row_to_metric)?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: MetricId) -> Result<Metric, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM scorecard_metrics WHERE id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id], row_to_metric)
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("scorecard target #{id}")))
}

pub fn insert(conn: &Connection, fields: &MetricFields) -> Result<MetricId, StoreError> {
    write_new(conn, None, fields)
}

fn write_new(conn: &Connection, id: Option<MetricId>, fields: &MetricFields) -> Result<MetricId, StoreError> {
    let f = fields.validated()?;
    let (year, quarter) = (f.quarter.fiscal_year(), f.quarter.quarter());
    conn.prepare_cached(
        "INSERT INTO scorecard_metrics (id, fiscal_year, quarter, kind, name, unit, target, actual, position) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(max(position), 0) + 1 FROM scorecard_metrics \
         WHERE fiscal_year = ?2 AND quarter = ?3",
    )?
    .execute(params![id, year, quarter, f.kind.key(), f.name, f.unit, f.target, f.actual])?;
    Ok(MetricId(conn.last_insert_rowid()))
}

/// Replaces a target's fields (it stays in its quarter); returns it as it was.
pub fn update(conn: &Connection, id: MetricId, fields: &MetricFields) -> Result<Metric, StoreError> {
    let before = get(conn, id)?;
    let f = fields.validated()?;
    conn.prepare_cached(
        "UPDATE scorecard_metrics SET fiscal_year = ?2, quarter = ?3, kind = ?4, name = ?5, unit = ?6, target = ?7, \
         actual = ?8 WHERE id = ?1",
    )?
    .execute(params![id, f.quarter.fiscal_year(), f.quarter.quarter(), f.kind.key(), f.name, f.unit, f.target, f.actual])?;
    Ok(before)
}

pub fn delete(conn: &Connection, id: MetricId) -> Result<Metric, StoreError> {
    let before = get(conn, id)?;
    conn.prepare_cached("DELETE FROM scorecard_metrics WHERE id = ?1")?.execute([id])?;
    Ok(before)
}

pub fn restore(conn: &Connection, metric: &Metric) -> Result<(), StoreError> {
    write_new(conn, Some(metric.id), &metric.fields).map(|_| ())
}

/// Everything scorecards from `first` to `last` are computed from, read once.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub metrics: Vec<Metric>,
    /// Every opportunity ([`Facts::read`]), or those the quarters' figures can need
    /// ([`Facts::read_window`]).
    pub opportunities: Vec<OpportunityFacts>,
    /// Whether any opportunity was ever recorded.
    pub any_opportunities: bool,
    /// Every milestone, or those still to deliver (on track, at risk, blocked).
    pub milestones: Vec<MilestoneFacts>,
    /// All accounts together, per month.
    pub consumption: Vec<(NaiveDate, i64)>,
    pub contacts: Vec<ContactFacts>,
    pub cadence: Vec<CadenceFacts>,
}

impl Facts {
    /// Reads what the quarters from `first` to `last` need (fiscal years start in `start_month`),
    /// with every opportunity, milestone and interaction ever recorded: for readers that count
    /// over all of them (the quarterly review).
    pub fn read(
        conn: &Connection,
        first: FiscalQuarter,
        last: FiscalQuarter,
        start_month: chrono::Month,
    ) -> Result<Self, StoreError> {
        let (from, to) = (first.start(start_month), last.end_inclusive(start_month));
        let opportunities = super::opportunities::facts(conn)?;
        Ok(Self {
            metrics: metrics_between(conn, first, last)?,
            any_opportunities: !opportunities.is_empty(),
            opportunities,
            milestones: super::milestones::facts(conn)?,
            consumption: super::consumption::totals_by_month(conn, from, to)?,
            contacts: super::contacts::facts(conn)?,
            cadence: cadence_facts(conn, from, to)?,
        })
    }

    /// Reads only what the scorecards from `first` to `last` (looked at on `today`), this
    /// quarter's attention list and today's pipeline can use; they come out the same as from
    /// [`Facts::read`]. Every day a figure looks at is on or after [`window_start`]: a win
    /// counts from its fiscal year's start, the pipeline on a day holds what is open or closed
    /// after it, and a contact's standing needs their interactions since then plus the last
    /// one before. No day after the last quarter's `as_of` is looked at: an opportunity
    /// recorded and closed after it is left out (an old quarter reads few). Only milestones
    /// still to deliver are ever stale or troubled.
    pub fn read_window(
        conn: &Connection,
        first: FiscalQuarter,
        last: FiscalQuarter,
        start_month: chrono::Month,
        today: NaiveDate,
    ) -> Result<Self, StoreError> {
        let (from, to) = (first.start(start_month), last.end_inclusive(start_month));
        let since = window_start(first, start_month, today);
        let as_of = business::as_of(last, start_month, today);
        let opportunities = super::opportunities::facts_between(conn, since, as_of)?;
        Ok(Self {
            metrics: metrics_between(conn, first, last)?,
            any_opportunities: !opportunities.is_empty() || super::opportunities::any(conn)?,
            opportunities,
            milestones: super::milestones::open_facts(conn)?,
            consumption: super::consumption::totals_by_month(conn, from, to)?,
            contacts: super::contacts::facts_since(conn, since)?,
            cadence: cadence_facts(conn, from, to)?,
        })
    }

    /// The same as [`Facts::read_window`], taking the opportunities and milestones from those
    /// the Business screen already read (`opportunities::list_in_view` and
    /// `milestones::of_opportunities` of those, from `listed_since`) instead of reading their tables again.
    /// They hold everything the window needs when it starts on or after `listed_since`: every
    /// open opportunity, those closed since, and every milestone still to deliver (its win is
    /// listed); otherwise both are read as `read_window` does.
    #[allow(clippy::too_many_arguments, reason = "the window, then what was already read")]
    pub fn read_window_from_listed(
        conn: &Connection,
        first: FiscalQuarter,
        last: FiscalQuarter,
        start_month: chrono::Month,
        today: NaiveDate,
        listed_since: NaiveDate,
        listed: (&[Opportunity], &[Milestone]),
    ) -> Result<Self, StoreError> {
        let since = window_start(first, start_month, today);
        if since < listed_since {
            return Self::read_window(conn, first, last, start_month, today);
        }
        let (from, to) = (first.start(start_month), last.end_inclusive(start_month));
        let (listed_opportunities, listed_milestones) = listed;
        let mut opportunities: Vec<OpportunityFacts> = listed_opportunities
            .iter()
            .filter(|o| o.fields.closed_on.is_none_or(|closed| closed >= since))
            .map(OpportunityFacts::of)
            .collect();
        opportunities.sort_unstable_by_key(|o| o.id);
        let status: std::collections::HashMap<_, _> =
            listed_opportunities.iter().map(|o| (o.id, o.fields.status)).collect();
        let mut milestones = Vec::new();
        for m in listed_milestones.iter().filter(|m| m.fields.state.is_open()) {
            let Some(win_status) = status.get(&m.opportunity) else {
                // Not expected (every milestone listed belongs to a listed win): read as usual.
                return Self::read_window(conn, first, last, start_month, today);
            };
            milestones.push(MilestoneFacts::of(m, *win_status));
        }
        milestones.sort_unstable_by_key(|m| m.id);
        Ok(Self {
            metrics: metrics_between(conn, first, last)?,
            any_opportunities: !opportunities.is_empty() || super::opportunities::any(conn)?,
            opportunities,
            milestones,
            consumption: super::consumption::totals_by_month(conn, from, to)?,
            contacts: super::contacts::facts_since(conn, since)?,
            cadence: cadence_facts(conn, from, to)?,
        })
    }

    /// The scorecard of one quarter in the range read.
    pub fn scorecard(
        &self,
        quarter: FiscalQuarter,
        start_month: chrono::Month,
        today: NaiveDate,
    ) -> Scorecard {
        business::scorecard(&ScorecardInputs {
            quarter,
            start_month,
            today,
            metrics: &self.metrics,
            opportunities: &self.opportunities,
            has_opportunities: self.any_opportunities,
            milestones: &self.milestones,
            consumption: &self.consumption,
            contacts: &self.contacts,
            cadence: &self.cadence,
        })
    }
}

/// The first day the figures of quarters from `first` on can look at, seen on `today`: the
/// start of `first`'s fiscal year (coverage counts the wins from there), or the day `first` is
/// looked at if that is earlier (a quarter still to come is looked at today).
pub fn window_start(first: FiscalQuarter, start_month: chrono::Month, today: NaiveDate) -> NaiveDate {
    let fiscal_year_start = FiscalQuarter::new(first.fiscal_year(), 1)
        .map_or_else(|_| first.start(start_month), |q1| q1.start(start_month));
    fiscal_year_start.min(business::as_of(first, start_month, today))
}

/// The active architects' one-on-ones from `from` to `to`.
pub fn cadence_facts(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CadenceFacts>, StoreError> {
    let mut people: Vec<(crate::model::ArchitectId, CadenceFacts)> = Vec::new();
    let mut stmt =
        conn.prepare_cached("SELECT id, cadence, started_on, status FROM architects ORDER BY id")?;
    let rows = stmt.query_map([], |row| {
        Ok((row.get(0)?, choice::<Cadence>(row, 1)?, row.get(2)?, choice::<Status>(row, 3)?))
    })?;
    for row in rows {
        let (id, cadence, started_on, status) = row?;
        if status == Status::Active {
            people.push((id, CadenceFacts { cadence, started_on, meetings: Vec::new() }));
        }
    }
    // Per architect, from the partial index of held meetings (architect, day): already in
    // order, where a range over every architect's days would need a sort.
    let mut stmt = conn.prepare_cached(
        "SELECT architect_id, held_on FROM one_on_ones WHERE architect_id IN (SELECT id FROM architects) \
         AND held = 1 AND held_on BETWEEN ?1 AND ?2 ORDER BY architect_id, held_on",
    )?;
    for pair in
        stmt.query_map(params![from, to], |row| Ok((row.get(0)?, super::business_dates::day(row, 1)?)))?
    {
        let (architect, held_on): (crate::model::ArchitectId, NaiveDate) = pair?;
        if let Ok(index) = people.binary_search_by_key(&architect, |(id, _)| *id) {
            people[index].1.meetings.push(held_on);
        }
    }
    Ok(people.into_iter().map(|(_, facts)| facts).collect())
}

/// A quarter's scorecard, as the command line reads it (from the windowed read).
pub fn scorecard(
    conn: &Connection,
    quarter: FiscalQuarter,
    today: NaiveDate,
) -> Result<Scorecard, StoreError> {
    let start_month = super::time::time_settings(conn)?.start_month;
    Ok(Facts::read_window(conn, quarter, quarter, start_month, today)?.scorecard(quarter, start_month, today))
}
