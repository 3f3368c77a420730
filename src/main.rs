//! The `leadline` binary: parse the command line, then open the window or run a subcommand.

use std::process::ExitCode;

use clap::Parser as _;
use leadline::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_none() {
        let db_path = match cli.db.clone().map_or_else(cli::default_db_path, Ok) {
            Ok(path) => path,
            Err(error) => {
                eprintln!("error: {error:#}");
                return ExitCode::FAILURE;
            }
        };
        return match leadline::run_gui(db_path, cli.today) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: could not open a window: {error}");
                ExitCode::FAILURE
            }
        };
    }
    match cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {}", describe(&error));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, leaving out a cause the message above already quotes.
fn describe(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !message.contains(&text) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&text);
        }
    }
    message
}
