//! `leadline hiring list|show` and `leadline candidates purge|export`: the requisitions, one
//! requisition's page, deleting candidates past their purge date (listed first; deleted only
//! with `--yes`), and one candidate's record as JSON for a data-subject request. They read the
//! same hiring view as the window and write through the same session.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::output::{Format, aligned};
use crate::model::architect::Choice as _;
use crate::model::interview::{datetime_text, on_time};
use crate::model::lists::name_of;
use crate::model::requisition::RequisitionStatus;
use crate::model::text::fold_for_match;
use crate::model::words::plural;
use crate::model::{CandidateId, ListKind, RequisitionId};
use crate::session::hiring_view::{HiringView, RequisitionRow};
use crate::session::{Command, HiringCommand, Origin};
use crate::store::{Store, architects, lists};

#[derive(Debug, Subcommand)]
pub enum HiringCommandArgs {
    /// The requisitions: open first, then on hold, then closed.
    List {
        #[arg(long, value_enum, default_value_t = StatusArg::All)]
        status: StatusArg,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// One requisition: its candidates, interview plan (gaps and doubles), scorecards and slates.
    Show {
        /// The opening id (REQ-2026-0142), #ID, or a unique part of the role.
        requisition: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    All,
    Open,
    OnHold,
    Filled,
    Cancelled,
}

impl StatusArg {
    fn admits(self, status: RequisitionStatus) -> bool {
        match self {
            Self::All => true,
            Self::Open => status == RequisitionStatus::Open,
            Self::OnHold => status == RequisitionStatus::OnHold,
            Self::Filled => status == RequisitionStatus::Filled,
            Self::Cancelled => status == RequisitionStatus::Cancelled,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum CandidatesCommand {
    /// Delete candidates past their purge date: lists them, and deletes them only with --yes.
    Purge(PurgeArgs),
    /// Everything held about one candidate, as JSON (a data-subject request).
    Export {
        /// The candidate: #ID, or their name (any case, accents optional).
        candidate: String,
        /// Write to this file (readable by you only) instead of printing.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// The candidates whose purge date has come (required: say what to purge).
    #[arg(long)]
    due: bool,
    /// Delete them. Without it, they are only listed.
    #[arg(long)]
    yes: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

fn load(store: &Store, today: NaiveDate, selected: Option<RequisitionId>) -> anyhow::Result<HiringView> {
    let team = architects::list(store.conn())?;
    Ok(HiringView::load(store.conn(), today, selected, &team)?)
}

#[derive(Debug, Serialize)]
struct ListRow {
    id: i64,
    opening_id: String,
    role: String,
    level: String,
    solution_area: String,
    status: &'static str,
    status_reason: String,
    opened_on: NaiveDate,
    target_start_on: Option<NaiveDate>,
    closed_on: Option<NaiveDate>,
    days_open: i64,
    candidates_in_process: usize,
    candidates: usize,
    backfill_for: Option<String>,
    filled_by: Option<String>,
}

fn list_row(
    row: &RequisitionRow,
    levels: &[crate::model::ListItem],
    areas: &[crate::model::ListItem],
) -> ListRow {
    let r = &row.requisition;
    ListRow {
        id: r.id.0,
        opening_id: r.fields.opening_id.clone(),
        role: r.fields.role.clone(),
        level: name_of(levels, r.fields.level).to_owned(),
        solution_area: name_of(areas, r.fields.solution_area).to_owned(),
        status: r.status.key(),
        status_reason: r.status_reason.clone(),
        opened_on: r.fields.opened_on,
        target_start_on: r.fields.target_start_on,
        closed_on: r.closed_on,
        days_open: row.days_open,
        candidates_in_process: row.in_process,
        candidates: row.candidates,
        backfill_for: row.backfill_name.clone(),
        filled_by: row.filled_by.clone(),
    }
}

pub fn run(store: &Store, today: NaiveDate, command: &HiringCommandArgs) -> anyhow::Result<String> {
    let levels = lists::list(store.conn(), ListKind::CareerLevel)?;
    let areas = lists::list(store.conn(), ListKind::SolutionArea)?;
    match command {
        HiringCommandArgs::List { status, format } => {
            let view = load(store, today, None)?;
            let rows: Vec<ListRow> = view
                .requisitions
                .iter()
                .filter(|r| status.admits(r.requisition.status))
                .map(|r| list_row(r, &levels, &areas))
                .collect();
            render_list(&rows, *format)
        }
        HiringCommandArgs::Show { requisition, format } => {
            let view = load(store, today, None)?;
            let id = find_requisition(&view, requisition)?;
            let view = load(store, today, Some(id))?;
            show(&view, id, &levels, &areas, *format)
        }
    }
}

fn render_list(rows: &[ListRow], format: Format) -> anyhow::Result<String> {
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(rows)? + "\n"),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record([
                "id",
                "opening_id",
                "role",
                "level",
                "solution_area",
                "status",
                "status_reason",
                "opened_on",
                "target_start_on",
                "closed_on",
                "days_open",
                "candidates_in_process",
                "candidates",
                "backfill_for",
                "filled_by",
            ])?;
            let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            for r in rows {
                writer.write_record([
                    r.id.to_string(),
                    r.opening_id.clone(),
                    r.role.clone(),
                    r.level.clone(),
                    r.solution_area.clone(),
                    r.status.to_owned(),
                    r.status_reason.clone(),
                    r.opened_on.to_string(),
                    date(r.target_start_on),
                    date(r.closed_on),
                    r.days_open.to_string(),
                    r.candidates_in_process.to_string(),
                    r.candidates.to_string(),
                    r.backfill_for.clone().unwrap_or_default(),
                    r.filled_by.clone().unwrap_or_default(),
                ])?;
            }
            Ok(String::from_utf8(writer.into_inner()?)?)
        }
        Format::Table if rows.is_empty() => Ok("No requisitions.\n".to_owned()),
        Format::Table => {
            let table: Vec<[String; 7]> = rows
                .iter()
                .map(|r| {
                    [
                        r.opening_id.clone(),
                        r.role.clone(),
                        r.status.replace('_', " "),
                        r.opened_on.to_string(),
                        r.days_open.to_string(),
                        format!("{}/{}", r.candidates_in_process, r.candidates),
                        r.filled_by.as_ref().map(|n| format!("hired {n}")).unwrap_or_default(),
                    ]
                })
                .collect();
            Ok(aligned(&["OPENING", "ROLE", "STATUS", "OPENED", "DAYS", "CANDIDATES", "HIRE"], &table))
        }
    }
}

/// Finds a requisition by `#id`, its opening id, or a unique part of its role (any case).
fn find_requisition(view: &HiringView, wanted: &str) -> anyhow::Result<RequisitionId> {
    let wanted = wanted.trim();
    if let Some(id) = wanted.strip_prefix('#').and_then(|id| id.parse::<i64>().ok()) {
        if view.row(RequisitionId(id)).is_some() {
            return Ok(RequisitionId(id));
        }
        bail!("there is no requisition #{id}");
    }
    if let Some(row) =
        view.requisitions.iter().find(|r| r.requisition.fields.opening_id.eq_ignore_ascii_case(wanted))
    {
        return Ok(row.requisition.id);
    }
    let needle = fold_for_match(wanted);
    let found: Vec<&RequisitionRow> = view
        .requisitions
        .iter()
        .filter(|r| fold_for_match(&r.requisition.fields.role).contains(&needle))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.requisition.id),
        [] => bail!("no requisition matches “{wanted}”; `leadline hiring list` shows them"),
        many => bail!(
            "“{wanted}” matches {}: {}; give the opening id",
            plural(many.len(), "requisition"),
            many.iter().map(|r| r.requisition.title()).collect::<Vec<_>>().join(", ")
        ),
    }
}

#[derive(Debug, Serialize)]
struct Shown {
    requisition: ListRow,
    candidates: Vec<ShownCandidate>,
    /// The hiring profile the plan assesses; none: the whole skills matrix.
    hiring_profile: Option<String>,
    plan: Vec<ShownStep>,
    coverage_gaps: Vec<String>,
    coverage_doubles: Vec<String>,
    scorecards: Vec<ShownScorecard>,
    slates: Vec<ShownSlate>,
}

#[derive(Debug, Serialize)]
struct ShownCandidate {
    id: i64,
    name: String,
    source: &'static str,
    stage: &'static str,
    since: Option<NaiveDate>,
    days_in_stage: Option<i64>,
    purge_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize)]
struct ShownStep {
    step: String,
    interviewer: String,
    competencies: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ShownScorecard {
    candidate: String,
    step: String,
    held_at: String,
    /// Not begun yet (later today counts): no scorecard is owed for it.
    planned: bool,
    recommendation: Option<&'static str>,
    submitted_at: Option<String>,
    within_24_hours: Option<bool>,
}

#[derive(Debug, Serialize)]
struct ShownSlate {
    stage: &'static str,
    reported_on: NaiveDate,
    slate_size: u32,
    slate_meets_policy: &'static str,
    panel_meets_policy: &'static str,
}

fn show(
    view: &HiringView,
    id: RequisitionId,
    levels: &[crate::model::ListItem],
    areas: &[crate::model::ListItem],
    format: Format,
) -> anyhow::Result<String> {
    let (Some(row), Some(detail)) = (view.row(id), view.detail(id)) else {
        bail!("requisition #{id} could not be read");
    };
    let now = crate::session::hiring_view::now_on(view.today);
    let name_of_candidate = |candidate: CandidateId| {
        detail
            .candidates
            .iter()
            .find(|c| c.candidate.id == candidate)
            .map(|c| c.candidate.fields.name.clone())
            .unwrap_or_default()
    };
    let shown = Shown {
        requisition: list_row(row, levels, areas),
        candidates: detail
            .candidates
            .iter()
            .map(|c| ShownCandidate {
                id: c.candidate.id.0,
                name: c.candidate.fields.name.clone(),
                source: c.candidate.fields.source.key(),
                stage: c.candidate.stage().key(),
                since: c.candidate.stage_on(),
                days_in_stage: c.days_in_stage,
                purge_on: c.purge_on,
            })
            .collect(),
        hiring_profile: row
            .requisition
            .fields
            .profile
            .and_then(|id| view.profile(id))
            .map(|p| p.name.clone()),
        plan: detail
            .steps
            .iter()
            .map(|s| ShownStep {
                step: s.fields.name.clone(),
                interviewer: s.fields.who().to_owned(),
                competencies: s.competencies.iter().map(|c| view.competency_name(*c).to_owned()).collect(),
            })
            .collect(),
        coverage_gaps: detail.coverage.gaps.iter().map(|c| view.competency_name(*c).to_owned()).collect(),
        coverage_doubles: detail
            .coverage
            .doubles
            .iter()
            .map(|(c, _)| view.competency_name(*c).to_owned())
            .collect(),
        scorecards: detail
            .interviews
            .iter()
            .map(|i| ShownScorecard {
                candidate: name_of_candidate(i.candidate),
                step: detail.step(i.step).map(|s| s.fields.name.clone()).unwrap_or_default(),
                held_at: datetime_text(i.held_at),
                planned: i.held_at > now,
                recommendation: i.scorecard.as_ref().map(|c| c.recommendation.key()),
                submitted_at: i.scorecard.as_ref().map(|c| datetime_text(c.submitted_at)),
                within_24_hours: i.scorecard.as_ref().map(|c| on_time(i.held_at, c.submitted_at)),
            })
            .collect(),
        slates: detail
            .slates
            .iter()
            .map(|s| ShownSlate {
                stage: s.stage.key(),
                reported_on: s.reported_on,
                slate_size: s.slate_size,
                slate_meets_policy: s.slate.key(),
                panel_meets_policy: s.panel.key(),
            })
            .collect(),
    };
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(&shown)? + "\n"),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(["id", "name", "source", "stage", "since", "days_in_stage", "purge_on"])?;
            let text = |v: Option<String>| v.unwrap_or_default();
            for c in &shown.candidates {
                writer.write_record([
                    c.id.to_string(),
                    c.name.clone(),
                    c.source.to_owned(),
                    c.stage.to_owned(),
                    text(c.since.map(|d| d.to_string())),
                    text(c.days_in_stage.map(|d| d.to_string())),
                    text(c.purge_on.map(|d| d.to_string())),
                ])?;
            }
            Ok(String::from_utf8(writer.into_inner()?)?)
        }
        Format::Table => Ok(show_table(&shown)),
    }
}

fn show_table(shown: &Shown) -> String {
    let r = &shown.requisition;
    let mut out = String::new();
    let title = if r.opening_id.is_empty() { r.role.clone() } else { format!("{} {}", r.opening_id, r.role) };
    let _ = writeln!(out, "{title}");
    let mut facts = vec![r.status.replace('_', " ")];
    for part in [&r.level, &r.solution_area] {
        if !part.is_empty() {
            facts.push(part.clone());
        }
    }
    facts.push(format!("opened {} ({} days)", r.opened_on, r.days_open));
    if let Some(start) = r.target_start_on {
        facts.push(format!("target start {start}"));
    }
    if let Some(name) = &r.backfill_for {
        facts.push(format!("backfills {name}"));
    }
    if let Some(name) = &r.filled_by {
        facts.push(format!("filled by {name}"));
    }
    out.push_str(&facts.join(" · "));
    out.push('\n');
    if !r.status_reason.is_empty() {
        let _ = writeln!(out, "Reason: {}", r.status_reason);
    }
    let _ = writeln!(out, "\nCandidates ({})", shown.candidates.len());
    let rows: Vec<[String; 5]> = shown
        .candidates
        .iter()
        .map(|c| {
            [
                c.name.clone(),
                c.stage.replace('_', " "),
                c.since.map(|d| d.to_string()).unwrap_or_default(),
                c.days_in_stage.map(|d| format!("{d} d")).unwrap_or_default(),
                c.purge_on.map(|d| d.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    out.push_str(&aligned(&["NAME", "STAGE", "SINCE", "IN STAGE", "PURGE ON"], &rows));
    match &shown.hiring_profile {
        Some(profile) => {
            let _ = writeln!(out, "\nInterview plan (the competencies of the hiring profile “{profile}”)");
        }
        None => out.push_str("\nInterview plan\n"),
    }
    if shown.plan.is_empty() {
        out.push_str("No steps yet.\n");
    }
    for step in &shown.plan {
        let _ =
            writeln!(out, "- {} (with {}): {}", step.step, step.interviewer, step.competencies.join(", "));
    }
    if shown.coverage_gaps.is_empty() && shown.coverage_doubles.is_empty() {
        out.push_str("Every competency is assessed by exactly one step.\n");
    } else {
        if !shown.coverage_gaps.is_empty() {
            let _ = writeln!(out, "Gaps (no step): {}", shown.coverage_gaps.join(", "));
        }
        if !shown.coverage_doubles.is_empty() {
            let _ = writeln!(out, "Doubles (two steps or more): {}", shown.coverage_doubles.join(", "));
        }
    }
    let _ = writeln!(out, "\nInterviews ({})", shown.scorecards.len());
    let rows: Vec<[String; 5]> = shown
        .scorecards
        .iter()
        .map(|s| {
            [
                s.candidate.clone(),
                s.step.clone(),
                s.held_at.clone(),
                match (s.recommendation, s.planned) {
                    (Some(r), _) => r.replace('_', " "),
                    (None, true) => "planned".to_owned(),
                    (None, false) => "owed".to_owned(),
                },
                match s.within_24_hours {
                    Some(true) => "within 24 h".to_owned(),
                    Some(false) => "late".to_owned(),
                    None => String::new(),
                },
            ]
        })
        .collect();
    out.push_str(&aligned(&["CANDIDATE", "STEP", "HELD", "SCORECARD", ""], &rows));
    out.push_str("\nSlate and panel (the recruiter's aggregate)\n");
    if shown.slates.is_empty() {
        out.push_str("Nothing reported.\n");
    }
    for s in &shown.slates {
        let _ = writeln!(
            out,
            "- {} on {}: slate of {}, slate meets policy: {}, panel meets policy: {}",
            s.stage.replace('_', " "),
            s.reported_on,
            s.slate_size,
            s.slate_meets_policy.replace('_', " "),
            s.panel_meets_policy.replace('_', " ")
        );
    }
    out
}

#[derive(Debug, Serialize)]
struct PurgeShown {
    id: i64,
    name: String,
    stage: &'static str,
    requisition: String,
    purge_on: NaiveDate,
}

/// `candidates purge --due [--yes]` and `candidates export`.
pub fn candidates(db: &Path, today: NaiveDate, command: CandidatesCommand) -> anyhow::Result<ExitCode> {
    match command {
        CandidatesCommand::Purge(args) => purge(db, today, &args),
        CandidatesCommand::Export { candidate, out } => {
            let store = super::open_existing(db)?;
            let text = export(&store, today, &candidate)?;
            match out {
                Some(path) => {
                    crate::store::write_private(&path, text.as_bytes())?;
                    println!("Wrote the record to {}", path.display());
                }
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn purge(db: &Path, today: NaiveDate, args: &PurgeArgs) -> anyhow::Result<ExitCode> {
    if !args.due {
        bail!("say which candidates to purge: --due (those past their purge date)");
    }
    let mut session = super::session_existing(db, today)?;
    let due = crate::store::candidates::purge_due(session.conn(), today)?;
    let rows: Vec<PurgeShown> = due
        .iter()
        .map(|r| PurgeShown {
            id: r.candidate.0,
            name: r.name.clone(),
            stage: r.stage.key(),
            requisition: r.requisition_title.clone(),
            purge_on: r.purge_on,
        })
        .collect();
    let listing = match args.format {
        Format::Json => {
            serde_json::to_string_pretty(
                &serde_json::json!({ "due": rows, "deleted": args.yes && !rows.is_empty() }),
            )? + "\n"
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(["id", "name", "stage", "requisition", "purge_on"])?;
            for r in &rows {
                writer.write_record([
                    r.id.to_string(),
                    r.name.clone(),
                    r.stage.to_owned(),
                    r.requisition.clone(),
                    r.purge_on.to_string(),
                ])?;
            }
            String::from_utf8(writer.into_inner()?)?
        }
        Format::Table if rows.is_empty() => "No candidate is past their purge date.\n".to_owned(),
        Format::Table => {
            let table: Vec<[String; 4]> = rows
                .iter()
                .map(|r| {
                    [r.name.clone(), r.stage.replace('_', " "), r.requisition.clone(), r.purge_on.to_string()]
                })
                .collect();
            aligned(&["NAME", "STAGE", "REQUISITION", "PURGE ON"], &table)
        }
    };
    print!("{listing}");
    if rows.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        if args.format == Format::Table {
            println!(
                "\n{} past their purge date. Nothing was deleted: run again with --yes to delete them.",
                plural(rows.len(), "candidate")
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let ids = due.iter().map(|r| r.candidate).collect();
    session.run(Origin::COMMAND_LINE, Command::Hiring(HiringCommand::DeleteCandidates(ids)))?;
    if args.format == Format::Table {
        println!("\nDeleted {} and everything recorded about them.", plural(rows.len(), "candidate"));
    } else {
        eprintln!("Deleted {}.", plural(rows.len(), "candidate"));
    }
    Ok(ExitCode::SUCCESS)
}

fn export(store: &Store, today: NaiveDate, wanted: &str) -> anyhow::Result<String> {
    let id = find_candidate(store, wanted)?;
    let candidate = crate::store::candidates::get(store.conn(), id)?;
    let view = load(store, today, Some(candidate.requisition))?;
    let Some(record) = view.candidate_record(id) else {
        bail!("the record of candidate #{id} could not be read");
    };
    Ok(serde_json::to_string_pretty(&record)? + "\n")
}

/// Finds a candidate by `#id` or name (whole, or a unique part; any case and accents).
fn find_candidate(store: &Store, wanted: &str) -> anyhow::Result<CandidateId> {
    let wanted = wanted.trim();
    if let Some(id) = wanted.strip_prefix('#').and_then(|id| id.parse::<i64>().ok()) {
        return Ok(crate::store::candidates::get(store.conn(), CandidateId(id))?.id);
    }
    let needle = fold_for_match(wanted);
    let mut stmt = store.conn().prepare("SELECT id, name FROM candidates ORDER BY id")?;
    let all: Vec<(CandidateId, String)> =
        stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    if let Some((id, _)) = all.iter().find(|(_, name)| fold_for_match(name) == needle) {
        return Ok(*id);
    }
    let found: Vec<&(CandidateId, String)> =
        all.iter().filter(|(_, name)| fold_for_match(name).contains(&needle)).collect();
    match found.as_slice() {
        [(id, _)] => Ok(*id),
        [] => bail!("no candidate called “{wanted}”"),
        many => bail!(
            "“{wanted}” matches {}: {}; give #ID",
            plural(many.len(), "candidate"),
            many.iter().map(|(id, name)| format!("{name} (#{id})")).collect::<Vec<_>>().join(", ")
        ),
    }
}
