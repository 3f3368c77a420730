//! `leadline report prep|history|review` and `leadline search`: the week's prep sheet and an
//! architect's one-on-one history as Markdown, and the full-text search, headless.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;
use clap::Subcommand;
use serde::Serialize;

use super::TableOrJson;
use crate::model::fiscal::IsoWeek;
use crate::model::search as search_model;
use crate::model::text::fold_for_match;
use crate::model::{Architect, Status};
use crate::store::{Store, architects, one_on_ones, prep, search};

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The week's prep sheet as Markdown: who is due a one-on-one and what to raise with them.
    Prep {
        /// The ISO week, e.g. 2026-W48 (default: this week).
        #[arg(long, value_name = "WEEK", value_parser = parse_week)]
        week: Option<IsoWeek>,
        /// Write to this file instead of printing.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// An architect's one-on-one history as Markdown, newest first.
    History {
        /// The architect's name, or enough of it to be unique (accents and case do not matter).
        name: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// A quarter's self-review: every figure with its comparisons, and your own words, as
    /// Markdown, a self-contained HTML file (print it to PDF from the browser) or JSON.
    Review(super::review::ReviewArgs),
}

fn parse_week(value: &str) -> Result<IsoWeek, String> {
    value.parse().map_err(|e: crate::model::fiscal::FiscalError| e.to_string())
}

pub fn run(store: &Store, command: ReportCommand, today: NaiveDate) -> anyhow::Result<ExitCode> {
    match command {
        ReportCommand::Prep { week, out } => {
            let week = week.unwrap_or_else(|| IsoWeek::of(today));
            let sheet = prep::sheet(store.conn(), week, today)?;
            let team = architects::list(store.conn())?;
            let mine = crate::store::agenda::my_open_actions(store.conn(), today)?;
            let text = crate::report::prep::markdown_with_actions(&sheet, &mine, |action| {
                team.iter()
                    .find(|a| a.id == action.architect_id)
                    .map_or_else(String::new, |a| a.name().to_owned())
            });
            emit(&text, out.as_ref(), &format!("the prep sheet for {week}"))
        }
        ReportCommand::History { name, out } => {
            let all = architects::list(store.conn())?;
            let architect = find_architect(&all, &name)?;
            let meetings = one_on_ones::with_agendas(store.conn(), architect.id)?;
            let text = crate::report::history::markdown(architect, &meetings);
            emit(&text, out.as_ref(), &format!("the one-on-one history of {}", architect.name()))
        }
        ReportCommand::Review(args) => super::review::run(store, &args, today),
    }
}

/// Prints the document, or writes it (readable by the owner only) and says where.
pub(super) fn emit(text: &str, out: Option<&PathBuf>, what: &str) -> anyhow::Result<ExitCode> {
    if let Some(path) = out {
        crate::store::write_private(path, text.as_bytes())?;
        eprintln!("Wrote {what} to {}", path.display());
    } else {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The architect a name means: an exact match (ignoring case and accents), else the only one
/// whose name contains it. Current team members win over people who left.
pub fn find_architect<'a>(all: &'a [Architect], name: &str) -> anyhow::Result<&'a Architect> {
    let wanted = fold_for_match(name.trim());
    if wanted.is_empty() {
        bail!("give an architect's name");
    }
    let exact: Vec<&Architect> = all.iter().filter(|a| fold_for_match(a.name()) == wanted).collect();
    if let [one] = exact.as_slice() {
        return Ok(one);
    }
    let mut partial: Vec<&Architect> =
        all.iter().filter(|a| fold_for_match(a.name()).contains(&wanted)).collect();
    if partial.len() > 1 {
        let current: Vec<&Architect> =
            partial.iter().copied().filter(|a| a.fields.status != Status::Left).collect();
        if current.len() == 1 {
            partial = current;
        }
    }
    match partial.as_slice() {
        [one] => Ok(one),
        [] => bail!(
            "no architect is called {name:?}; the team: {}",
            all.iter().map(Architect::name).collect::<Vec<_>>().join(", ")
        ),
        many => bail!(
            "{name:?} could be {}; give more of the name",
            many.iter().map(|a| a.name()).collect::<Vec<_>>().join(" or ")
        ),
    }
}

/// One search result as printed in JSON.
#[derive(Debug, Serialize)]
struct HitRow<'a> {
    kind: &'static str,
    architect: &'a str,
    date: String,
    meeting_id: Option<i64>,
    /// The passage, matched words in `**`.
    snippet: String,
}

/// `leadline search QUERY`.
pub fn search_command(
    store: &Store,
    query: &str,
    format: TableOrJson,
    limit: usize,
) -> anyhow::Result<ExitCode> {
    let results = search::search(store.conn(), query, limit).context("the search failed")?;
    if let Some(message) = &results.message {
        bail!("{message}");
    }
    match format {
        TableOrJson::Json => {
            let rows: Vec<HitRow<'_>> = results
                .hits
                .iter()
                .map(|hit| HitRow {
                    kind: hit.kind.label(),
                    architect: &hit.architect_name,
                    date: hit.on.to_string(),
                    meeting_id: hit.meeting_id.map(|m| m.0),
                    snippet: search_model::snippet_markdown(&hit.snippet),
                })
                .collect();
            let document = serde_json::json!({ "query": query, "total": results.total, "hits": rows });
            println!("{}", serde_json::to_string_pretty(&document)?);
        }
        TableOrJson::Table => {
            if results.total == 0 {
                println!("Nothing found for {:?}.", query.trim());
            } else if results.total > results.hits.len() {
                println!("{} matches; the newest {}:", results.total, results.hits.len());
            } else {
                println!("{} match{}:", results.total, if results.total == 1 { "" } else { "es" });
            }
            for group in search_model::group(&results.hits) {
                println!("\n{}", group.name);
                for (on, hits) in &group.days {
                    for hit in hits {
                        println!(
                            "  {on}  {:<13}  {}",
                            hit.kind.label(),
                            search_model::snippet_markdown(&hit.snippet)
                        );
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
