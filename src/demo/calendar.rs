//! A generated calendar export, as Outlook writes one (Windows zone names, weekly series with
//! exceptions, attendees), for the import benchmark and demos.

use std::fmt::Write as _;

use chrono::{Datelike as _, Days, NaiveDate, Weekday};

use super::Rng;

const TITLES: &[&str] = &[
    "1:1",
    "Forecast call",
    "Pipeline review",
    "Customer workshop",
    "Interview",
    "Focus time",
    "Lunch",
    "Architecture review",
    "QBR prep",
    "Partner briefing",
    "Team meeting",
    "Account planning",
];

/// Start times on a weekday: every half hour from 08:00 to 15:30. Sixteen meetings of at most
/// 90 minutes fill a day to 24 h at the most, the most a day holds.
const SLOTS_PER_DAY: usize = 16;
const LENGTHS: [usize; 4] = [30, 45, 60, 90];
const HEADER: &str = "BEGIN:VCALENDAR\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n\
     BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n\
     TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\n\
     END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
     RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";

/// A busy manager's calendar from `from` to `to` with about `occurrences` occurrences (a few
/// more, never fewer, if the range has room). Each weekday start time holds, week after
/// week, weekly series (bounded by COUNT or UNTIL, some skipping a week with EXDATE, the last
/// one in a slot without end), single meetings and free weeks. Meetings overlap as
/// double-booked ones do, but no day holds more than 24 h.
pub fn calendar(from: NaiveDate, to: NaiveDate, occurrences: usize) -> String {
    let mut rng = Rng::new(0x1ead_11e5);
    let mut text = String::from(HEADER);
    let first_monday = from
        .checked_add_days(Days::new(u64::from((7 - from.weekday().num_days_from_monday()) % 7)))
        .unwrap_or(from);
    let weeks = usize::try_from((to - first_monday).num_days().max(0)).unwrap_or(0) / 7;
    let mut produced = 0;
    let mut index = 0usize;
    'slots: for slot in 0..5 * SLOTS_PER_DAY {
        let weekday_offset = slot / SLOTS_PER_DAY;
        let (hour, minute) = (8 + (slot % SLOTS_PER_DAY) / 2, 30 * (slot % 2));
        let mut week = 0;
        while week < weeks {
            if produced >= occurrences {
                break 'slots;
            }
            let day = first_monday
                .checked_add_days(Days::new(u64::try_from(week * 7 + weekday_offset).unwrap_or(0)))
                .unwrap_or(first_monday);
            let left = weeks - week;
            let title = *rng.pick(TITLES);
            let event = Event { index, day, hour, minute, length: LENGTHS[rng.below(LENGTHS.len())] };
            match rng.below(12) {
                0 | 1 => week += 1 + rng.below(2),
                2..=5 => {
                    event.write(&mut text, title, None);
                    produced += 1;
                    week += 1;
                }
                6 if left > 4 => {
                    // Runs to the end of the range and beyond: the range bounds it.
                    event.write(&mut text, title, Some(&Repeat::Forever));
                    produced += left;
                    week = weeks;
                }
                _ => {
                    let count = (3 + rng.below(24)).min(left);
                    let skip = index.is_multiple_of(4) && count > 2;
                    let repeat = if index.is_multiple_of(2) {
                        Repeat::Count(count, skip)
                    } else {
                        let last = day.checked_add_days(Days::new(7 * (count as u64 - 1))).unwrap_or(day);
                        Repeat::Until(last, skip)
                    };
                    event.write(&mut text, title, Some(&repeat));
                    produced += count - usize::from(skip);
                    week += count;
                }
            }
            index += 1;
        }
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

/// How a weekly series ends; `true` skips its second week, as a holiday does.
enum Repeat {
    Count(usize, bool),
    Until(NaiveDate, bool),
    Forever,
}

struct Event {
    index: usize,
    day: NaiveDate,
    hour: usize,
    minute: usize,
    length: usize,
}

impl Event {
    fn write(&self, text: &mut String, title: &str, repeat: Option<&Repeat>) {
        let Self { index, day, hour, minute, length } = *self;
        let end = hour * 60 + minute + length;
        let d = day.format("%Y%m%d");
        let who = if index.is_multiple_of(3) { "cio@fabrikam.com" } else { "amara.okafor@contoso.com" };
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008{index:016X}\r\nSUMMARY:{title} {index}\r\n\
             DTSTART;TZID=W. Europe Standard Time:{d}T{hour:02}{minute:02}00\r\n\
             DTEND;TZID=W. Europe Standard Time:{d}T{:02}{:02}00\r\n\
             ORGANIZER;CN=Me:mailto:me@contoso.com\r\n\
             ATTENDEE;PARTSTAT=ACCEPTED:mailto:{who}\r\nTRANSP:OPAQUE\r\nSTATUS:CONFIRMED\r\n",
            end / 60,
            end % 60,
        );
        let byday = weekday_code(day.weekday());
        let skip = match repeat {
            None => false,
            Some(Repeat::Forever) => {
                let _ = write!(text, "RRULE:FREQ=WEEKLY;BYDAY={byday};WKST=MO\r\n");
                false
            }
            Some(&Repeat::Count(count, skip)) => {
                let _ = write!(text, "RRULE:FREQ=WEEKLY;COUNT={count};BYDAY={byday};WKST=MO\r\n");
                skip
            }
            Some(&Repeat::Until(last, skip)) => {
                let until = last.format("%Y%m%d");
                let _ = write!(text, "RRULE:FREQ=WEEKLY;UNTIL={until}T235959Z;BYDAY={byday};WKST=MO\r\n");
                skip
            }
        };
        if skip {
            let skipped = day.checked_add_days(Days::new(7)).unwrap_or(day).format("%Y%m%d");
            let _ = write!(text, "EXDATE;TZID=W. Europe Standard Time:{skipped}T{hour:02}{minute:02}00\r\n");
        }
        text.push_str("END:VEVENT\r\n");
    }
}

fn weekday_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}
