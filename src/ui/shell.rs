//! What a screen may touch besides the view it reads and the commands it sends: where the app
//! is (screen, selection, the Time screen's week), the status line and messages, the answers
//! to what each form sent, file-level requests, the clipboard and the system's file dialogs.
//! The app shell owns it and carries out what the screens asked at the end of the frame.

use std::path::{Path, PathBuf};

use super::Screen;
use super::widgets::Toasts;
use crate::model::{ArchitectId, OneOnOneId};
use crate::session::{Done, Inbox, Origin, Selection, TimeFocus};

/// Work on the database file as a whole rather than on records, asked by a screen and carried
/// out by the app through the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileAction {
    BackUpNow,
    Restore(PathBuf),
    /// From the recovery screen: start over on an empty database at the same path.
    StartEmpty,
    ExportJson(PathBuf),
    ExportRosterCsv(PathBuf),
    /// A Markdown document (prep sheet) written to a file the user named.
    SaveMarkdown {
        path: PathBuf,
        text: String,
        what: String,
    },
    /// An architect's one-on-one history as Markdown, to the clipboard or a file.
    CopyHistory(ArchitectId),
    SaveHistory {
        architect: ArchitectId,
        path: PathBuf,
    },
}

/// What a file dialog is asked to let the user choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickKind {
    /// An existing file, offered with one filter (and "All files"): a name and its extensions.
    File {
        filter: &'static str,
        extensions: &'static [&'static str],
    },
    /// Where to write a new Markdown file, proposing a name.
    MarkdownFile {
        file_name: String,
    },
    /// Where to write a new file of one kind, proposing a name and offering that kind's filter.
    SaveFile {
        file_name: String,
        filter: &'static str,
        extensions: &'static [&'static str],
    },
    Folder,
}

/// One dialog: its title, what it picks, and the folder it opens in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub title: &'static str,
    pub kind: PickKind,
    /// `None` leaves it to the system (usually the last folder used or the home folder).
    pub start_in: Option<PathBuf>,
}

impl Pick {
    /// A save dialog for a Markdown file, starting where the path typed points: its folder,
    /// if that exists, and its file name.
    pub fn markdown_file(title: &'static str, typed: &str) -> Self {
        let (file_name, start_in) = Self::split_typed(typed);
        Self { title, kind: PickKind::MarkdownFile { file_name }, start_in }
    }

    /// A save dialog for a file of one kind (`filter` names it, `extensions` are its
    /// endings), starting where the path typed points.
    pub fn save_file(
        title: &'static str,
        typed: &str,
        filter: &'static str,
        extensions: &'static [&'static str],
    ) -> Self {
        let (file_name, start_in) = Self::split_typed(typed);
        Self { title, kind: PickKind::SaveFile { file_name, filter, extensions }, start_in }
    }

    /// The file name of a path typed, and its folder if that exists.
    fn split_typed(typed: &str) -> (String, Option<PathBuf>) {
        let typed = Path::new(typed.trim());
        let file_name = typed.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let start_in = typed.parent().filter(|p| p.is_dir()).map(Path::to_path_buf);
        (file_name, start_in)
    }
}

/// How a dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Chosen(PathBuf),
    /// Cancelled, or no dialog could be shown at all (a Linux desktop with neither the XDG
    /// portal nor zenity).
    Cancelled,
}

impl From<Option<PathBuf>> for Answer {
    fn from(path: Option<PathBuf>) -> Self {
        path.map_or(Self::Cancelled, Self::Chosen)
    }
}

#[derive(Default)]
pub struct Shell {
    pub screen: Screen,
    pub status: String,
    pub toasts: Toasts,
    /// What Ctrl+Z would undo, in words (the session keeps the step itself).
    pub undo_label: Option<String>,
    /// Set by a button or menu item: undo at the end of the frame.
    pub request_undo: bool,
    /// Ctrl+Q, File > Quit or the palette this frame: the window is asked to close at the
    /// frame's end, after what was typed is saved.
    pub quit: bool,
    /// Set by a screen to ask for a new-architect form (menu, shortcut, empty-state button).
    pub request_new_architect: bool,
    /// What the screens look at (week, architect, meeting, search); the session loads the
    /// matching parts of the view when it changes.
    pub selection: Selection,
    /// The week and quarter the Time screen asks for; `None` is today's.
    pub time_focus: Option<TimeFocus>,
    /// A requisition's page to open on the Team screen's Hiring tab (from This week), with a
    /// candidate selected.
    pub open_requisition: Option<(crate::model::RequisitionId, Option<crate::model::CandidateId>)>,
    /// The quarter the Quarterly review screen asks for; `None` is the default one.
    pub review_focus: Option<crate::model::fiscal::FiscalQuarter>,
    /// The records behind a review's coaching figure the One-on-ones screen lists (a figure's
    /// link opens it; choosing a person or a meeting closes it).
    pub meeting_list:
        Option<(crate::model::fiscal::FiscalQuarter, crate::model::review::figures::MeetingList)>,
    /// Where closing a meeting of this architect goes back to: This week, when the meeting was
    /// started or continued from its prep card.
    pub back_from_meeting: Option<(ArchitectId, Screen)>,
    /// File-level actions asked for this frame (backup, restore, export).
    pub file_actions: Vec<FileAction>,
    /// Text to put on the clipboard at the end of the frame.
    pub clipboard: Option<String>,
    /// The answers to what the forms sent last frame; each form takes its own.
    pub inbox: Inbox,
    /// A record the Business screen opens (a link on a prep card or an architect's page).
    pub open_on_business: Option<super::business::BusinessItem>,
    /// Dialogs asked for this frame, opened at its end where the window is known.
    file_asks: Vec<Pick>,
    /// A dialog's answer that came in, until the screen that asked takes it (one frame).
    file_answer: Option<(&'static str, Answer)>,
    /// The folder each kind of file was last saved to in this session.
    saved_folders: Vec<(SaveKind, PathBuf)>,
}

/// The kinds of file the app writes, each offered next in the folder it was last saved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveKind {
    PrepSheet,
    History,
    Export,
    Roster,
}

impl FileAction {
    /// The kind and path of the file this action writes, if it writes one.
    pub fn saved_file(&self) -> Option<(SaveKind, &Path)> {
        match self {
            Self::SaveMarkdown { path, .. } => Some((SaveKind::PrepSheet, path)),
            Self::SaveHistory { path, .. } => Some((SaveKind::History, path)),
            Self::ExportJson(path) => Some((SaveKind::Export, path)),
            Self::ExportRosterCsv(path) => Some((SaveKind::Roster, path)),
            _ => None,
        }
    }
}

impl Shell {
    /// The answer to what `origin` sent, once: `Ok` with what was done, or the message to show
    /// in the form.
    pub fn answer(&mut self, origin: Origin) -> Option<Result<Done, String>> {
        self.inbox.take(origin)
    }

    /// Opens a file dialog at the end of the frame (over the window); the screen collects the
    /// answer with [`Shell::file_answer`].
    pub fn ask_file(&mut self, pick: Pick) {
        self.file_asks.push(pick);
    }

    /// The dialogs asked this frame (the app opens them).
    pub fn take_file_asks(&mut self) -> Vec<Pick> {
        std::mem::take(&mut self.file_asks)
    }

    /// A dialog's answer has come in (the app hands it over before the screens draw).
    pub fn deliver_file_answer(&mut self, title: &'static str, answer: Answer) {
        self.file_answer = Some((title, answer));
    }

    /// The path chosen in the dialog titled `title`, once it is in. A cancel (or no dialog at
    /// all) puts `cancelled` in the status line, so it is never silent.
    pub fn file_answer(&mut self, title: &str, cancelled: &str) -> Option<PathBuf> {
        if self.file_answer.as_ref().is_none_or(|(asked, _)| *asked != title) {
            return None;
        }
        match self.file_answer.take()?.1 {
            Answer::Chosen(path) => Some(path),
            Answer::Cancelled => {
                cancelled.clone_into(&mut self.status);
                None
            }
        }
    }

    /// Remembers where a file of `kind` was just saved, to offer that folder next time.
    pub fn remember_saved(&mut self, kind: SaveKind, file: &Path) {
        let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) else { return };
        self.saved_folders.retain(|(k, _)| *k != kind);
        self.saved_folders.push((kind, folder.to_path_buf()));
    }

    /// The folder a file of `kind` was last saved to in this session.
    pub fn saved_folder(&self, kind: SaveKind) -> Option<&Path> {
        self.saved_folders.iter().find(|(k, _)| *k == kind).map(|(_, folder)| folder.as_path())
    }

    /// An answer nobody took this frame (its screen was left) is dropped.
    pub fn forget_file_answer(&mut self) {
        self.file_answer = None;
    }

    /// Shows a meeting in the One-on-ones screen, with its architect's history beside it.
    pub fn open_meeting(&mut self, architect: ArchitectId, meeting: OneOnOneId) {
        self.meeting_list = None;
        self.selection.architect = Some(architect);
        self.selection.meeting = Some(meeting);
        self.screen = Screen::OneOnOnes;
    }

    /// Shows an architect's one-on-one history.
    pub fn open_history(&mut self, architect: ArchitectId) {
        self.meeting_list = None;
        if self.selection.architect != Some(architect) {
            self.selection.meeting = None;
        }
        self.selection.architect = Some(architect);
        self.screen = Screen::OneOnOnes;
    }
}
