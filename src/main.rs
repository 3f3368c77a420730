//! The `leadline` binary: parse the command line, then open the window or run a subcommand.

use std::process::ExitCode;

use leadline::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse_checked(std::env::args_os()).unwrap_or_else(|error| error.exit());
    if cli.command.is_none() {
        let db_path = match cli.db.clone().map_or_else(cli::default_db_path, Ok) {
            Ok(path) => path,
            Err(error) => {
                eprintln!("error: {error:#}");
                return ExitCode::FAILURE;
            }
        };
        // "Open with Leadline" passes an absolute path; one typed in a terminal is made
        // absolute so the import view knows the folder it came from.
        let open_file = cli.file.map(|file| std::path::absolute(&file).unwrap_or(file));
        return match leadline::run_gui(db_path, cli.today, open_file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: could not open a window: {error}");
                ExitCode::FAILURE
            }
        };
    }
    match cli::run(cli, leadline::app::bench_frames::report) {
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
