//! The native open-file, save-file and choose-folder dialogs, behind a seam: the window asks
//! the system's dialog (rfd); tests answer with a fake, as a native dialog cannot run under a
//! test harness.

use std::path::{Path, PathBuf};

/// What a dialog is asked to let the user choose.
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
        let typed = Path::new(typed.trim());
        let file_name = typed.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let start_in = typed.parent().filter(|p| p.is_dir()).map(Path::to_path_buf);
        Self { title, kind: PickKind::MarkdownFile { file_name }, start_in }
    }
}

pub trait FilePicker {
    /// Shows the dialog and waits for it. `None` when the user cancelled, or when no dialog
    /// could be shown at all (a Linux desktop with neither the XDG portal nor zenity).
    fn pick(&mut self, pick: &Pick) -> Option<PathBuf>;
}

/// The system's own dialog. Blocking and modal: called on the UI thread when a button is
/// clicked, which macOS requires.
pub struct NativeFilePicker;

impl FilePicker for NativeFilePicker {
    fn pick(&mut self, pick: &Pick) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().set_title(pick.title);
        if let Some(folder) = &pick.start_in {
            dialog = dialog.set_directory(folder);
        }
        match &pick.kind {
            PickKind::File { filter, extensions } => {
                dialog.add_filter(*filter, extensions).add_filter("All files", &["*"]).pick_file()
            }
            PickKind::MarkdownFile { file_name } => {
                dialog.set_file_name(file_name).add_filter("Markdown", &["md"]).save_file()
            }
            PickKind::Folder => dialog.pick_folder(),
        }
    }
}
