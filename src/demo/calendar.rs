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

/// A calendar with weekly series and single events that gives at least `occurrences`
/// occurrences between `from` and `to`.
pub fn calendar(from: NaiveDate, to: NaiveDate, occurrences: usize) -> String {
    let mut rng = Rng::new(0x1ead_11e5);
    let mut text = String::from(
        "BEGIN:VCALENDAR\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n\
         BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\n\
         TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\n\
         END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
         RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n",
    );
    let weeks = usize::try_from((to - from).num_days() / 7).unwrap_or(1).max(1);
    let monday =
        from.checked_sub_days(Days::new(u64::from(from.weekday().num_days_from_monday()))).unwrap_or(from);
    let mut produced = 0;
    let mut index = 0usize;
    while produced < occurrences {
        let title = rng.pick(TITLES);
        let day = monday.checked_add_days(Days::new(rng.below(5) as u64)).unwrap_or(monday);
        let hour = 8 + rng.below(9);
        let minutes = [30, 45, 60, 90][rng.below(4)];
        let (end_hour, end_minute) = (hour + minutes / 60, minutes % 60);
        let series = index.is_multiple_of(2);
        let _ = write!(
            text,
            "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008{index:016X}\r\nSUMMARY:{title} {index}\r\n\
             DTSTART;TZID=W. Europe Standard Time:{d}T{hour:02}0000\r\n\
             DTEND;TZID=W. Europe Standard Time:{d}T{end_hour:02}{end_minute:02}00\r\n\
             ORGANIZER;CN=Me:mailto:me@contoso.com\r\n\
             ATTENDEE;PARTSTAT=ACCEPTED:mailto:{who}\r\nTRANSP:OPAQUE\r\nSTATUS:CONFIRMED\r\n",
            d = day.format("%Y%m%d"),
            who = if index.is_multiple_of(3) { "cio@fabrikam.com" } else { "amara.okafor@contoso.com" },
        );
        if series {
            let _ = write!(text, "RRULE:FREQ=WEEKLY;BYDAY={};WKST=MO\r\n", weekday_code(day.weekday()));
            // Every fourth series skips a week, as holidays do.
            if index.is_multiple_of(4) {
                let skipped = day.checked_add_days(Days::new(14)).unwrap_or(day);
                let _ = write!(
                    text,
                    "EXDATE;TZID=W. Europe Standard Time:{}T{hour:02}0000\r\n",
                    skipped.format("%Y%m%d")
                );
                produced = produced.saturating_sub(1);
            }
            produced += weeks;
        } else {
            produced += 1;
        }
        text.push_str("END:VEVENT\r\n");
        index += 1;
    }
    text.push_str("END:VCALENDAR\r\n");
    text
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
