//! `leadline report review`: a quarter's review as Markdown, a self-contained HTML file or JSON,
//! printed or written to a file readable by the owner only.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use crate::model::fiscal::{FiscalError, FiscalQuarter};
use crate::store::{Store, review_data, time};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Md,
    Html,
    Json,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The fiscal quarter, e.g. FY27Q2 (default: the current one, or the one just ended during
    /// the first two weeks of a quarter).
    #[arg(long, value_name = "QUARTER", value_parser = parse_quarter)]
    pub quarter: Option<FiscalQuarter>,
    #[arg(long, value_enum, default_value_t = ReviewFormat::Md)]
    pub format: ReviewFormat,
    /// Write to this file instead of printing.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

fn parse_quarter(value: &str) -> Result<FiscalQuarter, String> {
    value.parse().map_err(|e: FiscalError| e.to_string())
}

/// The review as the format asks: the text and what it is, for the message.
pub fn render(store: &Store, args: &ReviewArgs, today: NaiveDate) -> anyhow::Result<(String, String)> {
    let settings = time::time_settings(store.conn())?;
    let quarter = args.quarter.unwrap_or_else(|| review_data::default_quarter(&settings, today));
    let starts_on = quarter.start(settings.start_month);
    if starts_on > today {
        bail!("{quarter} has not started yet (it starts on {starts_on}); there is nothing to review");
    }
    let draft = review_data::draft(store.conn(), quarter, today)?;
    let text = match args.format {
        ReviewFormat::Md => crate::report::review::markdown(&draft),
        ReviewFormat::Html => crate::report::review_html::html(&draft),
        ReviewFormat::Json => crate::report::review::json_text(&draft),
    };
    Ok((text, format!("the review of {quarter}")))
}

pub fn run(store: &Store, args: &ReviewArgs, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let (text, what) = render(store, args, today)?;
    super::report::emit(&text, args.out.as_ref(), &what)
}
