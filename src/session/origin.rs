//! Who sent a command, and the answer that goes back to them: each form or action names
//! itself when it sends, and learns the result of exactly what it sent, nothing else.

use super::changes::Changes;
use super::command::{Command, Done};
use super::error::SessionError;
use super::undo::Undo;

/// The form or action a command came from. A screen names its forms with constants
/// (`Origin::new("time.row")`); a form repeated per record adds the record's id as its `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Origin {
    pub name: &'static str,
    pub key: i64,
}

impl Origin {
    pub const fn new(name: &'static str) -> Self {
        Self { name, key: 0 }
    }

    /// The same form for one record: its answer does not reach the forms of other records.
    #[must_use]
    pub const fn with_key(self, key: i64) -> Self {
        Self { name: self.name, key }
    }

    /// A subcommand of the command line.
    pub const COMMAND_LINE: Self = Self::new("command line");
    /// The undo of the last change (Ctrl+Z, the menu, the status line).
    pub const UNDO: Self = Self::new("undo");
    /// A test or the benchmark driving the session directly.
    pub const SCRIPT: Self = Self::new("script");
}

/// A command on its way to the session, with its sender.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub origin: Origin,
    pub command: Command,
}

/// The commands a frame collects, applied together at its end.
#[derive(Debug, Default)]
pub struct Outbox(Vec<Sent>);

impl Outbox {
    pub fn send(&mut self, origin: Origin, command: Command) {
        self.0.push(Sent { origin, command });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `origin` sent anything this frame (a form waiting for its answer).
    pub fn has_sent(&self, origin: Origin) -> bool {
        self.0.iter().any(|sent| sent.origin == origin)
    }

    pub fn take(&mut self) -> Vec<Sent> {
        std::mem::take(&mut self.0)
    }

    /// What is queued, oldest first (tests look at what a click sent).
    pub fn queued(&self) -> &[Sent] {
        &self.0
    }
}

/// What became of one command: its result (delivered to its sender and nowhere else), the
/// step that undoes it, if any, and what it changed.
#[derive(Debug, Clone)]
pub struct Applied {
    pub origin: Origin,
    pub result: Result<Done, SessionError>,
    pub undo: Option<Undo>,
    pub changes: Changes,
}

impl Applied {
    pub fn is_ok(&self) -> bool {
        self.result.is_ok()
    }
}

/// The answers of the last frame's commands, until each sender collects its own.
#[derive(Debug, Default)]
pub struct Inbox(Vec<(Origin, Result<Done, String>)>);

impl Inbox {
    pub fn deliver(&mut self, origin: Origin, result: Result<Done, String>) {
        self.0.push((origin, result));
    }

    /// The answer for `origin`, once. A form calls this at the start of its frame.
    pub fn take(&mut self, origin: Origin) -> Option<Result<Done, String>> {
        let index = self.0.iter().position(|(o, _)| *o == origin)?;
        Some(self.0.remove(index).1)
    }

    /// The answer for any record of the form `name` (a form repeated per record): the key
    /// it was sent with and the result.
    pub fn take_named(&mut self, name: &str) -> Option<(i64, Result<Done, String>)> {
        let index = self.0.iter().position(|(o, _)| o.name == name)?;
        let (origin, result) = self.0.remove(index);
        Some((origin.key, result))
    }

    /// Answers nobody collected: the app shows the errors among them as messages, so none is
    /// lost when its form has closed meanwhile.
    pub fn drain(&mut self) -> Vec<(Origin, Result<Done, String>)> {
        std::mem::take(&mut self.0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
