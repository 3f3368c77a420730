//! A time entry of the manager's own time: when, how long, which of the three categories, what,
//! and where it came from (typed in, or imported from a calendar event). Validation lives here.

use chrono::{Datelike as _, Days, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::architect::{Architect, Status};
use super::duration::{MAX_MINUTES, clock_minutes, format_minutes};
use super::fiscal::IsoWeek;
use super::ids::{ArchitectId, TimeEntryId};
use super::split::Category;
use super::text::{self, LINE_MAX_CHARS, ValidationError};

/// Longest description, in characters: a meeting title or a line of notes, not a document.
pub const DESCRIPTION_MAX_CHARS: usize = 500;

/// Where an entry came from. A calendar entry keeps its event's UID and recurrence id so a
/// second import of the same calendar updates it instead of adding a duplicate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "source")]
pub enum EntrySource {
    #[default]
    Manual,
    Calendar {
        event_uid: String,
        recurrence_id: Option<String>,
    },
}

impl EntrySource {
    /// The stored key: `manual` or `calendar`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Manual => "manual",
            Self::Calendar { .. } => "calendar",
        }
    }
}

/// What the manager enters about a block of time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeEntryFields {
    pub date: NaiveDate,
    /// When it started, if known (calendar imports know; quick entries usually do not).
    pub start_time: Option<NaiveTime>,
    pub minutes: u32,
    pub category: Category,
    pub description: String,
    /// The architect this time was spent with or on, if any.
    pub architect: Option<ArchitectId>,
    /// The account or market initiative it went to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<super::business::WorkLink>,
    #[serde(flatten)]
    pub source: EntrySource,
}

impl TimeEntryFields {
    /// A manual entry without a start time or architect.
    pub fn manual(date: NaiveDate, minutes: u32, category: Category, description: impl Into<String>) -> Self {
        Self {
            date,
            start_time: None,
            minutes,
            category,
            description: description.into(),
            architect: None,
            link: None,
            source: EntrySource::Manual,
        }
    }

    /// Checks every field on its own and returns them tidied (description trimmed). Whether the
    /// day still has room for the minutes needs the other entries: see [`check_day_total`].
    pub fn validated(&self) -> Result<Self, ValidationError> {
        check_minutes(self.minutes)?;
        let description = text::capped("description", self.description.trim(), DESCRIPTION_MAX_CHARS)?;
        let source = match &self.source {
            EntrySource::Manual => EntrySource::Manual,
            EntrySource::Calendar { event_uid, recurrence_id } => EntrySource::Calendar {
                event_uid: text::required("event UID", event_uid, LINE_MAX_CHARS)?,
                recurrence_id: match recurrence_id {
                    Some(id) => Some(text::required("recurrence id", id, LINE_MAX_CHARS)?),
                    None => None,
                },
            },
        };
        Ok(Self { description, source, ..self.clone() })
    }
}

/// A stored time entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeEntry {
    pub id: TimeEntryId,
    #[serde(flatten)]
    pub fields: TimeEntryFields,
}

/// Minutes of one entry: at least one, at most a day.
pub fn check_minutes(minutes: u32) -> Result<(), ValidationError> {
    if minutes == 0 {
        return Err(ValidationError::new("minutes", "0 is too short: a time entry needs at least 1 minute"));
    }
    if minutes > MAX_MINUTES {
        return Err(ValidationError::new(
            "minutes",
            format!("{minutes} is more than 24 h (1440 min), the length of a day"),
        ));
    }
    Ok(())
}

/// A day holds at most 24 h: `already_minutes` logged on `date` by other entries plus
/// `adding_minutes` must fit.
pub fn check_day_total(
    date: NaiveDate,
    already_minutes: u32,
    adding_minutes: u32,
) -> Result<(), ValidationError> {
    let total = already_minutes.saturating_add(adding_minutes);
    if total > MAX_MINUTES {
        return Err(ValidationError::new(
            "minutes",
            format!(
                "{} on {date} would make {} that day ({} already logged); a day has only 24 h",
                format_minutes(adding_minutes),
                format_minutes(total),
                format_minutes(already_minutes),
            ),
        ));
    }
    Ok(())
}

/// A day holds at most 24 h: `total_minutes` is everything logged on `date`.
pub fn check_day_holds(date: NaiveDate, total_minutes: u32) -> Result<(), ValidationError> {
    if total_minutes > MAX_MINUTES {
        return Err(ValidationError::new("minutes", overfull_day(date, total_minutes, 0)));
    }
    Ok(())
}

/// "Mon 23 Nov 2026 would hold 26 h (8 h of it logged by hand); a day has only 24 h".
pub fn overfull_day(date: NaiveDate, total_minutes: u32, by_hand_minutes: u32) -> String {
    let by_hand = if by_hand_minutes > 0 {
        format!(" ({} of it logged by hand)", format_minutes(by_hand_minutes))
    } else {
        String::new()
    };
    format!(
        "{} would hold {}{by_hand}; a day has only 24 h",
        date.format("%a %-d %b %Y"),
        format_minutes(total_minutes)
    )
}

/// Reads the date typed in the quick-entry row: `2026-11-27`, `today`, `yesterday`, or a
/// weekday (`mon`, `tuesday`) meaning that day of `week`, the week on screen.
pub fn parse_entry_date(value: &str, today: NaiveDate, week: IsoWeek) -> Result<NaiveDate, ValidationError> {
    let trimmed = value.trim();
    let lower = trimmed.to_lowercase();
    if lower.is_empty() {
        return Err(ValidationError::new("date", "enter a date, e.g. 2026-11-27, today, yesterday or mon"));
    }
    match lower.as_str() {
        "today" => return Ok(today),
        "yesterday" => return Ok(today.checked_sub_days(Days::new(1)).unwrap_or(today)),
        _ => {}
    }
    if let Some(weekday) = weekday_named(&lower) {
        let days = u64::from(weekday.num_days_from_monday());
        let monday = week.monday();
        return Ok(monday.checked_add_days(Days::new(days)).unwrap_or(monday));
    }
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        return text::parse_date("date", trimmed);
    }
    Err(ValidationError::new(
        "date",
        format!("{trimmed:?} is not a date (expected YYYY-MM-DD, today, yesterday or a weekday such as mon)"),
    ))
}

/// Reads the time an entry started, as typed in the quick-entry row or given to
/// `time add --start`: `09:30`, `9:30`, `930`, `9` (09:00), `14h`, `9h30`, `2pm`, `2:30 pm`.
pub fn parse_start_time(value: &str) -> Result<NaiveTime, ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::new("start", "enter a time, e.g. 09:30, 930 or 2pm"));
    }
    let not_a_time = || {
        ValidationError::new(
            "start",
            format!("{trimmed:?} is not a time (expected e.g. 09:30, 930, 9 or 2pm)"),
        )
    };
    let outside_the_day =
        |range: &str| ValidationError::new("start", format!("{trimmed:?} is not a time of day ({range})"));
    let lower = trimmed.to_lowercase();
    let (clock, pm) = match (lower.strip_suffix("am"), lower.strip_suffix("pm")) {
        (Some(clock), _) => (clock.trim_end(), Some(false)),
        (_, Some(clock)) => (clock.trim_end(), Some(true)),
        _ => (lower.as_str(), None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (hours, minutes) = match clock.split_once([':', 'h']) {
        // `14h` is 14:00, the way it is written in French or German.
        Some((hours, "")) if clock.ends_with('h') => (hours, "00"),
        Some(parts) => parts,
        None if !all_digits(clock) => return Err(not_a_time()),
        // `9` and `14` are whole hours; in `930` and `1430` the last two digits are the minutes.
        None if clock.len() <= 2 => (clock, "00"),
        None => clock.split_at(clock.len() - 2),
    };
    if !all_digits(hours) || hours.len() > 2 || !all_digits(minutes) || minutes.len() != 2 {
        return Err(not_a_time());
    }
    // The shape is right, so `None` here means minutes of 60 or more.
    let minutes_of_day = clock_minutes(hours, minutes).ok_or_else(|| outside_the_day("00:00 to 23:59"))?;
    let minutes_of_day = match pm {
        None => minutes_of_day,
        Some(pm) => {
            let hour = minutes_of_day / 60;
            if !(1..=12).contains(&hour) {
                return Err(outside_the_day("with am or pm the hour is 1 to 12"));
            }
            (hour % 12 + if pm { 12 } else { 0 }) * 60 + minutes_of_day % 60
        }
    };
    u32::try_from(minutes_of_day)
        .ok()
        .and_then(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0))
        .ok_or_else(|| outside_the_day("00:00 to 23:59"))
}

/// `mon`, `monday`, `tue`, `tues`, ... as a weekday.
fn weekday_named(lower: &str) -> Option<Weekday> {
    const NAMES: [(Weekday, &str); 7] = [
        (Weekday::Mon, "monday"),
        (Weekday::Tue, "tuesday"),
        (Weekday::Wed, "wednesday"),
        (Weekday::Thu, "thursday"),
        (Weekday::Fri, "friday"),
        (Weekday::Sat, "saturday"),
        (Weekday::Sun, "sunday"),
    ];
    // Three letters at least, so "t" or "s" never silently pick one of two days.
    if lower.len() < 3 {
        return None;
    }
    NAMES.iter().find(|(_, name)| name.starts_with(lower)).map(|(day, _)| *day)
}

/// Finds the architect a typed name means: the exact name, or the one person whose name (or
/// one of its words) starts with what was typed, or else the one whose name holds the typed
/// letters in order (`model::fuzzy::rank`: "mgarc" is Mateo García). Case and accents never
/// matter (`fold_for_match`, as on the command line and in search). People still on the team
/// win over those who left. Empty means no architect.
pub fn match_architect<'a>(
    architects: &'a [Architect],
    typed: &str,
) -> Result<Option<&'a Architect>, ValidationError> {
    let typed = typed.trim();
    let needle = text::fold_for_match(typed);
    if needle.is_empty() {
        return Ok(None);
    }
    let folded: Vec<String> = architects.iter().map(|a| text::fold_for_match(a.name())).collect();
    if let Some(exact) = folded.iter().position(|name| *name == needle) {
        return Ok(Some(&architects[exact]));
    }
    let starts = |name: &String| name.starts_with(&needle) || name.split(' ').any(|w| w.starts_with(&needle));
    let mut all: Vec<&Architect> =
        architects.iter().zip(&folded).filter(|(_, name)| starts(name)).map(|(a, _)| a).collect();
    if all.is_empty() {
        let names: Vec<&str> = architects.iter().map(Architect::name).collect();
        all = crate::model::fuzzy::rank(typed, &names).into_iter().map(|r| &architects[r.index]).collect();
    }
    let current: Vec<&Architect> = all.iter().copied().filter(|a| a.fields.status != Status::Left).collect();
    let candidates = if current.is_empty() { all } else { current };
    match candidates.as_slice() {
        [] => Err(ValidationError::new("architect", format!("nobody on the team is called “{typed}”"))),
        [one] => Ok(Some(one)),
        many => {
            let names: Vec<&str> = many.iter().take(4).map(|a| a.name()).collect();
            let more = if many.len() > 4 { format!(" and {} more", many.len() - 4) } else { String::new() };
            Err(ValidationError::new(
                "architect",
                format!("“{typed}” could be {}{more}; type more of the name", names.join(", ")),
            ))
        }
    }
}

/// "Fri 27 Nov", for lists and messages.
pub fn short_day(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// True for Saturday and Sunday, which the week view only lists when something is logged.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn week48() -> IsoWeek {
        "2026-W48".parse().expect("valid week")
    }

    #[test]
    fn dates_read_as_iso_words_or_weekdays_of_the_week_on_screen() {
        let today = day(2026, 11, 28);
        assert_eq!(parse_entry_date("2026-11-27", today, week48()), Ok(day(2026, 11, 27)));
        assert_eq!(parse_entry_date(" Today ", today, week48()), Ok(today));
        assert_eq!(parse_entry_date("yesterday", today, week48()), Ok(day(2026, 11, 27)));
        assert_eq!(parse_entry_date("mon", today, week48()), Ok(day(2026, 11, 23)));
        assert_eq!(parse_entry_date("Thursday", today, week48()), Ok(day(2026, 11, 26)));
        assert_eq!(parse_entry_date("sun", today, week48()), Ok(day(2026, 11, 29)));
        // The weekday follows the week being looked at, not today's week.
        let w47 = week48().previous();
        assert_eq!(parse_entry_date("tue", today, w47), Ok(day(2026, 11, 17)));
        assert_eq!(parse_entry_date("2024-02-29", today, week48()), Ok(day(2024, 2, 29)));
    }

    #[test]
    fn impossible_or_unreadable_dates_name_the_value() {
        let today = day(2026, 11, 28);
        let err = parse_entry_date("2026-02-30", today, week48()).expect_err("no 30 February");
        assert_eq!(err.to_string(), "date: 2026-02-30 is not a day in the calendar");
        let err = parse_entry_date("2025-02-29", today, week48()).expect_err("2025 is not a leap year");
        assert_eq!(err.to_string(), "date: 2025-02-29 is not a day in the calendar");
        let err = parse_entry_date("someday", today, week48()).expect_err("not a date");
        assert_eq!(
            err.to_string(),
            "date: \"someday\" is not a date (expected YYYY-MM-DD, today, yesterday or a weekday such as mon)"
        );
        assert!(parse_entry_date("", today, week48()).is_err());
        assert!(parse_entry_date("t", today, week48()).is_err(), "ambiguous: tuesday or thursday");
        assert!(parse_entry_date("27/11/2026", today, week48()).is_err());
    }

    #[test]
    fn start_times_read_in_every_usual_shape() {
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("valid test time");
        let cases = [
            ("9:30", at(9, 30)),
            ("09:30", at(9, 30)),
            (" 09:30 ", at(9, 30)),
            ("930", at(9, 30)),
            ("0930", at(9, 30)),
            ("1430", at(14, 30)),
            ("9", at(9, 0)),
            ("14", at(14, 0)),
            ("0", at(0, 0)),
            ("00:00", at(0, 0)),
            ("23:59", at(23, 59)),
            ("14h", at(14, 0)),
            ("9h30", at(9, 30)),
            ("2pm", at(14, 0)),
            ("2 PM", at(14, 0)),
            ("2:30pm", at(14, 30)),
            ("9am", at(9, 0)),
            ("12pm", at(12, 0)),
            ("12am", at(0, 0)),
            ("12:15 am", at(0, 15)),
        ];
        for (typed, time) in cases {
            assert_eq!(parse_start_time(typed), Ok(time), "{typed:?}");
        }
    }

    #[test]
    fn a_start_time_that_is_not_a_time_of_day_is_named_with_the_field() {
        let message = |typed| parse_start_time(typed).map_err(|e| e.to_string()).expect_err(typed);
        for outside in ["25:00", "24:00", "2400", "24", "9:60", "99"] {
            assert_eq!(message(outside), format!("start: {outside:?} is not a time of day (00:00 to 23:59)"));
        }
        assert_eq!(message("25:00"), "start: \"25:00\" is not a time of day (00:00 to 23:59)");
        for outside in ["13pm", "0am", "00:30am"] {
            assert_eq!(
                message(outside),
                format!("start: {outside:?} is not a time of day (with am or pm the hour is 1 to 12)")
            );
        }
        for unreadable in
            ["abc", "9:5", "9:", ":30", "12345", "930h", "9.30", "-9", "pm", "h30", "9 30", "９"]
        {
            assert_eq!(
                message(unreadable),
                format!("start: {unreadable:?} is not a time (expected e.g. 09:30, 930, 9 or 2pm)")
            );
        }
        assert_eq!(message("noon"), "start: \"noon\" is not a time (expected e.g. 09:30, 930, 9 or 2pm)");
        assert_eq!(message("  "), "start: enter a time, e.g. 09:30, 930 or 2pm");
    }

    #[test]
    fn minutes_must_be_between_one_and_a_day() {
        let fields = |minutes| TimeEntryFields::manual(day(2026, 11, 27), minutes, Category::Coaching, "1:1");
        assert_eq!(
            fields(0).validated().map_err(|e| e.to_string()),
            Err("minutes: 0 is too short: a time entry needs at least 1 minute".to_owned())
        );
        assert_eq!(
            fields(1441).validated().map_err(|e| e.to_string()),
            Err("minutes: 1441 is more than 24 h (1440 min), the length of a day".to_owned())
        );
        assert!(fields(1).validated().is_ok());
        assert!(fields(1440).validated().is_ok());
    }

    #[test]
    fn descriptions_are_trimmed_and_capped() {
        let mut fields = TimeEntryFields::manual(day(2026, 11, 27), 30, Category::Market, "  Envisioning  ");
        assert_eq!(fields.validated().map(|f| f.description), Ok("Envisioning".to_owned()));
        fields.description = "x".repeat(DESCRIPTION_MAX_CHARS + 1);
        let err = fields.validated().expect_err("too long");
        assert_eq!(err.to_string(), "description: is 501 characters long; the limit is 500");
        fields.description = "a\0b".to_owned();
        assert!(fields.validated().is_err());
    }

    #[test]
    fn calendar_entries_need_their_event_uid() {
        let mut fields = TimeEntryFields::manual(day(2026, 11, 27), 30, Category::Business, "Forecast");
        fields.source = EntrySource::Calendar { event_uid: "  ".to_owned(), recurrence_id: None };
        assert_eq!(
            fields.validated().map_err(|e| e.to_string()),
            Err("event UID: must not be empty".to_owned())
        );
        fields.source = EntrySource::Calendar {
            event_uid: "abc@x".to_owned(),
            recurrence_id: Some("20261127".to_owned()),
        };
        assert!(fields.validated().is_ok());
        assert_eq!(fields.source.key(), "calendar");
    }

    #[test]
    fn a_day_holds_at_most_24_hours() {
        let date = day(2026, 11, 27);
        assert!(check_day_total(date, 1380, 60).is_ok());
        let err = check_day_total(date, 1380, 61).expect_err("over a day");
        assert_eq!(
            err.to_string(),
            "minutes: 1 h 1 min on 2026-11-27 would make 24 h 1 min that day (23 h already logged); \
             a day has only 24 h"
        );
    }

    #[test]
    fn an_architect_is_found_by_a_unique_start_of_a_name() {
        use crate::model::{ArchitectFields, ArchitectId};
        let person = |id, name: &str, status| Architect {
            id: ArchitectId(id),
            fields: ArchitectFields { name: name.to_owned(), status, ..ArchitectFields::default() },
        };
        let team = [
            person(1, "Amara Okafor", Status::Active),
            person(2, "Mateo García", Status::Active),
            person(3, "Maya Singh", Status::Active),
            person(4, "Grace Mensah", Status::Left),
            person(5, "Grace Hopper", Status::Active),
        ];
        let found = |typed| match_architect(&team, typed).map(|a| a.map(|a| a.id.0));
        assert_eq!(found(""), Ok(None));
        assert_eq!(found("am"), Ok(Some(1)));
        assert_eq!(found("okafor"), Ok(Some(1)));
        assert_eq!(found("MATEO GARCÍA"), Ok(Some(2)));
        assert_eq!(found("grace"), Ok(Some(5)), "the one still on the team");
        assert_eq!(found("grace mensah"), Ok(Some(4)), "an exact name still finds someone who left");
        assert_eq!(
            found("ma").map_err(|e| e.to_string()),
            Err("architect: “ma” could be Mateo García, Maya Singh; type more of the name".to_owned())
        );
        assert_eq!(found("mgarc"), Ok(Some(2)), "letters in order, across the words");
        assert_eq!(found("mateo garcia"), Ok(Some(2)), "accents need not be typed");
        assert_eq!(
            found("gra mens").map_err(|e| e.to_string()),
            Ok(Some(4)),
            "only someone who left holds these letters"
        );
        assert_eq!(
            found("zed").map_err(|e| e.to_string()),
            Err("architect: nobody on the team is called “zed”".to_owned())
        );
    }

    #[test]
    fn days_print_short() {
        assert_eq!(short_day(day(2026, 11, 27)), "Fri 27 Nov");
        assert!(is_weekend(day(2026, 11, 28)));
        assert!(!is_weekend(day(2026, 11, 27)));
    }
}
