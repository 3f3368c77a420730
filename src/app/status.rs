//! What the app says and where it goes after a write: the sentence in the status line, and
//! the screen, week or meeting that shows what was just done.

use crate::model::duration::format_minutes;
use crate::model::fiscal::IsoWeek;
use crate::model::time_entry::{TimeEntry, short_day};
use crate::session::{Done, TimeFocus, ViewModel};
use crate::ui::{Screen, Shell};

/// Puts the sentence for `done` in the status line and moves the screens to what it touched.
pub(super) fn follow(done: &Done, view: &ViewModel, shell: &mut Shell) {
    let message = match done {
        Done::ArchitectAdded(id) | Done::ArchitectUpdated(id) => {
            let name = view.architect(*id).map_or("", |a| a.name());
            format!("Saved {name}")
        }
        Done::ArchitectDeleted => "Deleted".to_owned(),
        Done::ListChanged => "Settings saved".to_owned(),
        Done::ListItemDeleted(deleted) => {
            format!("Deleted the {} “{}”", deleted.kind.singular(), deleted.item.name)
        }
        Done::DemoLoaded => format!("Loaded the demo team: {} architects", view.architects.len()),
        Done::Onboarded => "Starting empty: add your first architect with Ctrl+N".to_owned(),
        Done::TimeEntryAdded(entry) => {
            show_time_of(entry, view, shell);
            format!("Logged {}", entry_words(entry))
        }
        Done::TimeEntryUpdated { after, .. } => {
            show_time_of(after, view, shell);
            format!("Saved {}", entry_words(after))
        }
        Done::TimeEntryDeleted(entry) => format!("Deleted {}", entry_words(entry)),
        Done::TimeEntryRestored(entry) => {
            show_time_of(entry, view, shell);
            format!("Restored {}", entry_words(entry))
        }
        Done::TimeSettingsChanged(message) => {
            // Quarters may now cover other months: go back to today's.
            shell.time_focus = None;
            message.clone()
        }
        Done::Development(done) => done.message.clone(),
        Done::Business(done) => done.message.clone(),
        Done::Hiring(done) => done.message.clone(),
        Done::Review(done) => done.message.clone(),
        Done::OneOnOneStarted { id, architect, held_on } => {
            shell.open_meeting(*architect, *id);
            let name = view.architect(*architect).map_or("", |a| a.name());
            format!("Started the one-on-one with {name} on {}", held_on.format("%a %-d %b"))
        }
        Done::OneOnOneSaved(_) => "Saved the one-on-one".to_owned(),
        Done::OneOnOneDeleted => {
            shell.selection.meeting = None;
            "Deleted the one-on-one".to_owned()
        }
        Done::AgendaChanged => "Saved".to_owned(),
        Done::TemplatesChanged => "Templates saved".to_owned(),
        Done::CalendarSettingsSaved => "Calendar import settings saved".to_owned(),
        Done::CalendarImported { inserted, updated, deleted, first_date } => {
            shell.screen = Screen::Time;
            if let Some(date) = first_date {
                shell.time_focus = Some(TimeFocus {
                    week: IsoWeek::of(*date),
                    quarter: view.time.settings.quarter_of(*date),
                });
            }
            let message = format!(
                "Imported the calendar: {inserted} new, {updated} changed, {deleted} removed entries \
                 (a backup was taken first)"
            );
            shell.toasts.info(message.clone());
            message
        }
    };
    shell.status = message;
}

/// Moves the Time screen to the week and quarter of an entry just saved, so it is in view.
fn show_time_of(entry: &TimeEntry, view: &ViewModel, shell: &mut Shell) {
    let date = entry.fields.date;
    let focus = TimeFocus { week: IsoWeek::of(date), quarter: view.time.settings.quarter_of(date) };
    if focus.week != view.time.focus.week {
        shell.time_focus = Some(focus);
    }
}

/// "1 h 30 min of Coaching on Fri 27 Nov", for the status line.
fn entry_words(entry: &TimeEntry) -> String {
    let f = &entry.fields;
    format!("{} of {} on {}", format_minutes(f.minutes), f.category, short_day(f.date))
}
