//! The command line as a Unix citizen: completions for the shells and the manual pages, both
//! made from the same clap definitions the parser uses, so they cannot drift from it. The
//! Linux package runs these at build time (tools/package-linux) and installs the results.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Command, CommandFactory as _, Subcommand};
use clap_complete::Shell;

use super::Cli;

/// The command's name, as installed and as the shells complete it.
const NAME: &str = "leadline";

#[derive(Debug, Subcommand)]
pub enum ShellCommand {
    /// Print the completion script for a shell (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page, or write a page per command into DIR (used to build packages).
    #[command(hide = true)]
    Man {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

pub fn run(command: &ShellCommand) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        ShellCommand::Completions { shell } => completions(*shell, &mut out)?,
        ShellCommand::Man { dir } => man(dir.as_deref(), &mut out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the completion script for `shell`.
fn completions(shell: Shell, out: &mut dyn Write) -> anyhow::Result<()> {
    clap_complete::generate(shell, &mut offered(), NAME, out);
    out.flush()?;
    Ok(())
}

/// The command line as completions offer it: clap's generators list hidden commands and
/// options too (the crash-test helper, `man`, `--today`), which are for tests and packaging.
/// They are all on the top level, so the top level is rebuilt without them.
fn offered() -> Command {
    let full = Cli::command();
    // The version as `#[command(version)]` sets it.
    let mut command = Command::new(NAME)
        .version(env!("CARGO_PKG_VERSION"))
        .args(full.get_arguments().filter(|arg| !arg.is_hide_set()).cloned())
        .subcommands(full.get_subcommands().filter(|sub| !sub.is_hide_set()).cloned());
    if let Some(about) = full.get_about() {
        command = command.about(about.clone());
    }
    command
}

/// Writes the main manual page (`leadline.1`) to `out` or, with `dir`, writes it into `dir`
/// with a page per command (`leadline-time.1`, `leadline-time-add.1`, …).
fn man(dir: Option<&Path>, out: &mut dyn Write) -> anyhow::Result<()> {
    let command = Cli::command().name(NAME);
    match dir {
        None => {
            clap_mangen::Man::new(command).render(out)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("cannot write the manual pages to {}", dir.display()))?;
        }
    }
    Ok(())
}
