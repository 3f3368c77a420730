//! The native open-file, save-file and choose-folder dialogs, behind a seam: the window asks
//! the system's dialog (rfd); tests answer with a fake, as a native dialog cannot run under a
//! test harness.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::ui::{Answer, Pick, PickKind};

/// The system's dialogs, asked by one screen and answered frames later: the window stays
/// live while a dialog is open (on Linux a dialog that blocked the window for more than a few
/// seconds would have it reported as not responding).
pub trait FilePicker {
    /// Opens a dialog over the app's window (`parent`; none in tests); the app hands its
    /// answer, with its title, to the screens when [`FilePicker::poll`] returns it. `false`
    /// when another dialog is still open.
    fn ask(&mut self, pick: Pick, ctx: &egui::Context, parent: Option<&eframe::Frame>) -> bool;
    /// The answer of the dialog that closed, once, with its title; `None` while it is open or
    /// when none was asked. Cheap: called every frame.
    fn poll(&mut self) -> Option<(&'static str, Answer)>;
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
                // An answer not polled yet: the new dialog replaces it.
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

    fn poll(&mut self) -> Option<(&'static str, Answer)> {
        if let Some((title, answer)) = self.done.take() {
            return Some((title, answer.into()));
        }
        let (title, answers) = self.open.as_ref()?;
        let title = *title;
        let answer = match answers.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        self.open = None;
        Some((title, answer.into()))
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
        PickKind::SaveFile { file_name, filter, extensions } => {
            dialog.set_file_name(file_name).add_filter(*filter, extensions)
        }
        PickKind::Folder => dialog,
    }
}

/// Shows the dialog and waits for it.
fn show(dialog: rfd::FileDialog, pick: &Pick) -> Option<PathBuf> {
    match &pick.kind {
        PickKind::File { .. } => dialog.pick_file(),
        PickKind::MarkdownFile { .. } | PickKind::SaveFile { .. } => dialog.save_file(),
        PickKind::Folder => dialog.pick_folder(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Condvar, Mutex};

    use super::*;

    /// The titles of the dialogs the user has answered: a dialog stays open until its title
    /// is here. A handshake, so no test depends on how fast a thread runs.
    static ANSWERED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    static ANSWERED_CHANGED: Condvar = Condvar::new();

    fn pick(title: &'static str) -> Pick {
        Pick { title, kind: PickKind::Folder, start_in: None }
    }

    /// The user answers the dialog titled `title` (before or after it opens).
    fn answer(title: &'static str) {
        ANSWERED.lock().expect("not poisoned").push(title);
        ANSWERED_CHANGED.notify_all();
    }

    /// On macOS the dialog is modal and answered inside `ask`: the user answers all of
    /// them up front there. Elsewhere each is answered when the test says so.
    fn answered_up_front(titles: &[&'static str]) {
        if cfg!(target_os = "macos") {
            titles.iter().copied().for_each(answer);
        }
    }

    fn answer_now(title: &'static str) {
        if !cfg!(target_os = "macos") {
            answer(title);
        }
    }

    /// A dialog open until the user answers it; a title starting with "Choose" chooses a
    /// folder, any other is cancelled.
    fn held_dialog(_dialog: rfd::FileDialog, pick: &Pick) -> Option<PathBuf> {
        let mut answered = ANSWERED.lock().expect("not poisoned");
        loop {
            if let Some(at) = answered.iter().position(|title| *title == pick.title) {
                answered.remove(at);
                break;
            }
            answered = ANSWERED_CHANGED.wait(answered).expect("not poisoned");
        }
        pick.title.starts_with("Choose").then(|| PathBuf::from("/home/me/exports"))
    }

    /// Polls as the frames do until the answer is there (a broken picker hangs the test).
    fn wait_for(picker: &mut NativeFilePicker) -> (&'static str, Answer) {
        loop {
            if let Some(answer) = picker.poll() {
                return answer;
            }
            std::thread::yield_now();
        }
    }

    #[test]
    fn the_answer_comes_back_once_with_its_title_while_the_window_stays_live() {
        answered_up_front(&["Choose an export folder"]);
        let mut picker = NativeFilePicker { show: held_dialog, ..NativeFilePicker::default() };
        let ctx = egui::Context::default();
        assert!(picker.ask(pick("Choose an export folder"), &ctx, None));
        if !cfg!(target_os = "macos") {
            assert_eq!(picker.poll(), None, "the dialog is still open: the frame goes on");
            assert!(!picker.ask(pick("Other"), &ctx, None), "one dialog at a time");
        }
        answer_now("Choose an export folder");
        assert_eq!(
            wait_for(&mut picker),
            ("Choose an export folder", Answer::Chosen(PathBuf::from("/home/me/exports")))
        );
        assert_eq!(picker.poll(), None, "once");
    }

    #[test]
    fn a_cancel_is_an_answer_and_an_answer_nobody_collected_does_not_block_the_next_dialog() {
        answered_up_front(&["Cancelled", "Left behind", "Choose a backup folder"]);
        let mut picker = NativeFilePicker { show: held_dialog, ..NativeFilePicker::default() };
        let ctx = egui::Context::default();
        assert!(picker.ask(pick("Cancelled"), &ctx, None));
        answer_now("Cancelled");
        assert_eq!(wait_for(&mut picker), ("Cancelled", Answer::Cancelled));
        // The import view was left while its dialog was open: its answer is never collected.
        assert!(picker.ask(pick("Left behind"), &ctx, None));
        if !cfg!(target_os = "macos") {
            assert!(!picker.ask(pick("Choose a backup folder"), &ctx, None), "still open");
        }
        // Once it is answered, the next dialog opens (as soon as its answer has come back).
        answer_now("Left behind");
        while !picker.ask(pick("Choose a backup folder"), &ctx, None) {
            std::thread::yield_now();
        }
        answer_now("Choose a backup folder");
        assert_eq!(
            wait_for(&mut picker),
            ("Choose a backup folder", Answer::Chosen(PathBuf::from("/home/me/exports")))
        );
    }
}
