//! The native open-file, save-file and choose-folder dialogs, behind a seam: the window asks
//! the system's dialog (rfd); tests answer with a fake, as a native dialog cannot run under a
//! test harness.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

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

/// The system's dialogs, asked by one screen and answered frames later: the window stays
/// live while a dialog is open (on Linux a dialog that blocked the window for more than a few
/// seconds would have it reported as not responding).
pub trait FilePicker {
    /// Opens a dialog over the app's window (`parent`; none in tests); the screen that asked
    /// collects the answer with [`FilePicker::answer`] under the same title. `false` when
    /// another dialog is still open.
    fn ask(&mut self, pick: Pick, ctx: &egui::Context, parent: Option<&eframe::Frame>) -> bool;
    /// The answer to the dialog titled `title`, once; `None` while it is open or when none
    /// was asked. Cheap: called every frame by a screen waiting for one.
    fn answer(&mut self, title: &str) -> Option<Answer>;
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

/// The system's own dialog (rfd). On macOS it must run on the main thread and is modal there;
/// elsewhere it runs on a thread of its own and the answer comes back over a channel.
pub struct NativeFilePicker {
    open: Option<(&'static str, Receiver<Option<PathBuf>>)>,
    done: Option<(&'static str, Option<PathBuf>)>,
    /// Shows one dialog and waits for it: rfd's, or a stand-in in tests.
    show: fn(rfd::FileDialog, &Pick) -> Option<PathBuf>,
}

impl Default for NativeFilePicker {
    fn default() -> Self {
        Self { open: None, done: None, show }
    }
}

impl FilePicker for NativeFilePicker {
    fn ask(&mut self, pick: Pick, ctx: &egui::Context, parent: Option<&eframe::Frame>) -> bool {
        if let Some((_, answers)) = &self.open {
            match answers.try_recv() {
                Err(TryRecvError::Empty) => return false,
                // An answer nobody collected (its screen was left): it is dropped.
                Ok(_) | Err(TryRecvError::Disconnected) => self.open = None,
            }
        }
        self.done = None;
        let title = pick.title;
        let show = self.show;
        // Built here, where the window is: the dialog sits over it (a sheet on macOS).
        let mut dialog = dialog(&pick);
        if let Some(window) = parent {
            dialog = dialog.set_parent(window);
        }
        if cfg!(target_os = "macos") {
            self.done = Some((title, show(dialog, &pick)));
            ctx.request_repaint();
        } else {
            let (send, answers) = std::sync::mpsc::channel();
            let ctx = ctx.clone();
            std::thread::spawn(move || {
                // The receiver may be gone (the app quit): nothing to tell then.
                let _ = send.send(show(dialog, &pick));
                ctx.request_repaint();
            });
            self.open = Some((title, answers));
        }
        true
    }

    fn answer(&mut self, title: &str) -> Option<Answer> {
        if self.done.as_ref().is_some_and(|(asked, _)| *asked == title) {
            return self.done.take().map(|(_, answer)| answer.into());
        }
        let (asked, answers) = self.open.as_ref()?;
        if *asked != title {
            return None;
        }
        let answer = match answers.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        self.open = None;
        Some(answer.into())
    }
}

/// The dialog a pick asks for, with its title, folder and filters.
fn dialog(pick: &Pick) -> rfd::FileDialog {
    let mut dialog = rfd::FileDialog::new().set_title(pick.title);
    if let Some(folder) = &pick.start_in {
        dialog = dialog.set_directory(folder);
    }
    match &pick.kind {
        PickKind::File { filter, extensions } => {
            dialog.add_filter(*filter, extensions).add_filter("All files", &["*"])
        }
        PickKind::MarkdownFile { file_name } => {
            dialog.set_file_name(file_name).add_filter("Markdown", &["md"])
        }
        PickKind::Folder => dialog,
    }
}

/// Shows the dialog and waits for it.
fn show(dialog: rfd::FileDialog, pick: &Pick) -> Option<PathBuf> {
    match &pick.kind {
        PickKind::File { .. } => dialog.pick_file(),
        PickKind::MarkdownFile { .. } => dialog.save_file(),
        PickKind::Folder => dialog.pick_folder(),
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn pick(title: &'static str) -> Pick {
        Pick { title, kind: PickKind::Folder, start_in: None }
    }

    /// A dialog the user answers after a moment.
    fn slow_dialog(_dialog: rfd::FileDialog, pick: &Pick) -> Option<PathBuf> {
        std::thread::sleep(Duration::from_millis(50));
        (pick.title == "Choose").then(|| PathBuf::from("/home/me/exports"))
    }

    fn wait_for(picker: &mut NativeFilePicker, title: &str) -> Option<Answer> {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if let Some(answer) = picker.answer(title) {
                return Some(answer);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        None
    }

    #[test]
    fn the_answer_comes_back_once_to_the_screen_that_asked_while_the_window_stays_live() {
        let mut picker = NativeFilePicker { show: slow_dialog, ..NativeFilePicker::default() };
        let ctx = egui::Context::default();
        assert!(picker.ask(pick("Choose"), &ctx, None));
        if !cfg!(target_os = "macos") {
            assert_eq!(picker.answer("Choose"), None, "the dialog is still open: the frame goes on");
            assert!(!picker.ask(pick("Other"), &ctx, None), "one dialog at a time");
        }
        assert_eq!(picker.answer("Other"), None, "another screen's title gets nothing");
        assert_eq!(wait_for(&mut picker, "Choose"), Some(Answer::Chosen(PathBuf::from("/home/me/exports"))));
        assert_eq!(picker.answer("Choose"), None, "once");
    }

    #[test]
    fn a_cancel_is_an_answer_and_an_answer_nobody_collected_does_not_block_the_next_dialog() {
        let mut picker = NativeFilePicker { show: slow_dialog, ..NativeFilePicker::default() };
        let ctx = egui::Context::default();
        assert!(picker.ask(pick("Cancelled"), &ctx, None));
        assert_eq!(wait_for(&mut picker, "Cancelled"), Some(Answer::Cancelled));
        // The import view was left while its dialog was open: its answer is never collected.
        assert!(picker.ask(pick("Left behind"), &ctx, None));
        // Once it is answered, the next dialog opens.
        let started = Instant::now();
        while !picker.ask(pick("Choose"), &ctx, None) {
            assert!(started.elapsed() < Duration::from_secs(10), "the dialog left behind never closed");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(wait_for(&mut picker, "Choose"), Some(Answer::Chosen(PathBuf::from("/home/me/exports"))));
    }
}
