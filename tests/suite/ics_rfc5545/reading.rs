//! RFC 5545 reading beyond recurrence: zone names, values read tolerantly (and now named in
//! a warning), readings that were already right, several calendars in a file and a bare
//! event. Expected rows written by hand, as in the rest of this test program.

use super::{calendar, day, file, january, read, rows, warnings};

/// Zone names from libical's vendor path and OWA's display name written with "and".
#[test]
fn vendor_paths_and_display_names_with_and_are_resolved() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:ba@leadline.test",
        "SUMMARY:Buenos Aires partner call",
        "DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires:20260105T090000",
        "DTEND;TZID=/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires:20260105T100000",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:ny@leadline.test",
        "SUMMARY:New York QBR",
        "DTSTART;TZID=\"(UTC-05:00) Eastern Time (US and Canada)\":20260106T090000",
        "DTEND;TZID=\"(UTC-05:00) Eastern Time (US and Canada)\":20260106T110000",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    // Buenos Aires is UTC-3 all year; New York is UTC-5 in January.
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05T12:00:00Z 2026-01-05T13:00:00Z 60 Buenos Aires partner call",
            "2026-01-06T14:00:00Z 2026-01-06T16:00:00Z 120 New York QBR",
        ]
    );
    assert_eq!(warnings(&expansion), Vec::<String>::new());
}

/// A VTIMEZONE named by an all-day start (TZID on a DATE, which stays an all-day date) says
/// on whose clock the series' UTC UNTIL was written: Tokyo's midnight starting 7 January is
/// 15:00Z on the 6th, so the 7th is the last day. The zone's observance starts on a DATE.
#[test]
fn the_zone_of_an_all_day_start_reads_its_utc_until() {
    let text = calendar(&[
        "BEGIN:VTIMEZONE",
        "TZID:Office West",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:-0500",
        "TZOFFSETTO:-0500",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VTIMEZONE",
        "TZID:Office East",
        "BEGIN:STANDARD",
        "DTSTART;VALUE=DATE:16010101",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:call@leadline.test",
        "SUMMARY:West coast call",
        "DTSTART;TZID=Office West:20260105T090000",
        "DURATION:PT1H",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:trip@leadline.test",
        "SUMMARY:Customer visits in Tokyo",
        "DTSTART;VALUE=DATE;TZID=Office East:20260105",
        "DTEND;VALUE=DATE;TZID=Office East:20260106",
        "RRULE:FREQ=DAILY;UNTIL=20260106T150000Z",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05 2026-01-06 1440 Customer visits in Tokyo",
            "2026-01-05T14:00:00Z 2026-01-05T15:00:00Z 60 West coast call",
            "2026-01-06 2026-01-07 1440 Customer visits in Tokyo",
            "2026-01-07 2026-01-08 1440 Customer visits in Tokyo",
        ]
    );
    assert_eq!(warnings(&expansion), Vec::<String>::new());
}

/// Read as before, but no longer silently: a DURATION with a trailing space, and Google's
/// `RDATE:20131210Z` (a date with a Z), each named with its line.
#[test]
fn values_read_tolerantly_are_named_in_a_warning() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:spaces@leadline.test",
        "SUMMARY:Coffee with Ana",
        "DTSTART:20131205T100000Z",
        "DURATION:PT10M ",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:google-date@leadline.test",
        "SUMMARY:Holiday",
        "DTSTART;VALUE=DATE:20131201",
        "RDATE:20131210Z",
        "END:VEVENT",
    ]);
    let expansion = read(&text, day(2013, 12, 1), day(2014, 1, 1));
    assert_eq!(
        rows(&expansion),
        [
            "2013-12-01 2013-12-02 1440 Holiday",
            "2013-12-05T10:00:00Z 2013-12-05T10:10:00Z 10 Coffee with Ana",
            "2013-12-10 2013-12-11 1440 Holiday",
        ]
    );
    assert_eq!(
        warnings(&expansion),
        [
            "line 8: DURATION \"PT10M \" has spaces around its value; it is read as \"PT10M\"",
            "line 14: RDATE \"20131210Z\" is a date with a Z (as Google writes it); it is read as the date 2013-12-10",
        ]
    );
}

/// From issue 15: Exchange's CDO writes `BYDAY=MO, TU, WE`, and some exporters an empty
/// `TZID=`. Both keep being read (the rule expanded, the time as UTC), with a warning.
#[test]
fn spaces_in_a_rule_and_an_empty_tzid_are_read_and_named() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:cdo@leadline.test",
        "SUMMARY:Office hours",
        "DTSTART:20260105T150000Z",
        "DURATION:PT1H",
        "RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=MO, TU, WE", // line 9
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:empty-tzid@leadline.test",
        "SUMMARY:Vendor call",
        "DTSTART;TZID=:20260108T090000", // line 14
        "DTEND;TZID=:20260108T093000",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05T15:00:00Z 2026-01-05T16:00:00Z 60 Office hours",
            "2026-01-06T15:00:00Z 2026-01-06T16:00:00Z 60 Office hours",
            "2026-01-07T15:00:00Z 2026-01-07T16:00:00Z 60 Office hours",
            "2026-01-08T09:00:00Z 2026-01-08T09:30:00Z 30 Vendor call",
        ]
    );
    assert_eq!(
        warnings(&expansion),
        [
            "line 14: DTSTART has an empty TZID; \"20260108T090000\" is read as UTC",
            "line 15: DTEND has an empty TZID; \"20260108T093000\" is read as UTC",
            "line 9: the repeat rule \"FREQ=WEEKLY;COUNT=3;BYDAY=MO, TU, WE\" of \"Office hours\" is written with \
             spaces; it is read without them",
        ]
    );
}

/// What was already right stays right: a floating UNTIL on a zoned start is read on that
/// zone's clock; an UNTIL before DTSTART still gives the DTSTART occurrence; a DURATION on an
/// all-day event is honoured; an event without a start is left out with a warning.
#[test]
fn readings_that_were_already_right_are_pinned() {
    let text = calendar(&[
        "BEGIN:VEVENT",
        "UID:floating-until@leadline.test",
        "SUMMARY:Evening support rota",
        "DTSTART;TZID=America/New_York:20260105T200000",
        "DURATION:PT1H",
        "RRULE:FREQ=DAILY;UNTIL=20260107T200000",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:until-before-start@leadline.test",
        "SUMMARY:One-off despite its rule",
        "DTSTART:20260109T090000Z",
        "DURATION:PT30M",
        "RRULE:FREQ=DAILY;UNTIL=20260101T000000Z",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:conference@leadline.test",
        "SUMMARY:Partner conference",
        "DTSTART;VALUE=DATE:20260112",
        "DURATION:P3D",
        "END:VEVENT",
        "BEGIN:VEVENT", // line 24
        "UID:no-start@leadline.test",
        "SUMMARY:Someday",
        "END:VEVENT",
    ]);
    let expansion = january(&text);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-06T01:00:00Z 2026-01-06T02:00:00Z 60 Evening support rota",
            "2026-01-07T01:00:00Z 2026-01-07T02:00:00Z 60 Evening support rota",
            "2026-01-08T01:00:00Z 2026-01-08T02:00:00Z 60 Evening support rota",
            "2026-01-09T09:00:00Z 2026-01-09T09:30:00Z 30 One-off despite its rule",
            "2026-01-12 2026-01-15 4320 Partner conference",
        ]
    );
    assert_eq!(
        warnings(&expansion),
        ["line 24: the event \"Someday\" has no start (DTSTART) and was left out"]
    );
}

/// Some exporters put several VCALENDARs in one file: every one is read. A bare VEVENT, as a
/// mail program attaches it, is read as a calendar, with a warning.
#[test]
fn several_calendars_in_one_file_and_a_bare_event_are_read() {
    let two = file(&[
        "BEGIN:VCALENDAR",
        "PRODID:-//Apple Inc.//macOS 14.5//EN",
        "BEGIN:VEVENT",
        "UID:first@leadline.test",
        "SUMMARY:From the first calendar",
        "DTSTART:20260105T090000Z",
        "DURATION:PT1H",
        "END:VEVENT",
        "END:VCALENDAR",
        "BEGIN:VCALENDAR",
        "PRODID:-//Apple Inc.//macOS 14.5//EN",
        "BEGIN:VEVENT",
        "UID:second@leadline.test",
        "SUMMARY:From the second calendar",
        "DTSTART:20260106T090000Z",
        "DURATION:PT1H",
        "END:VEVENT",
        "END:VCALENDAR",
    ]);
    let expansion = january(&two);
    assert_eq!(
        rows(&expansion),
        [
            "2026-01-05T09:00:00Z 2026-01-05T10:00:00Z 60 From the first calendar",
            "2026-01-06T09:00:00Z 2026-01-06T10:00:00Z 60 From the second calendar",
        ]
    );
    assert_eq!(warnings(&expansion), Vec::<String>::new());

    let bare = file(&[
        "BEGIN:VEVENT",
        "UID:bare@leadline.test",
        "SUMMARY:Invitation from mail",
        "DTSTART:20260107T090000Z",
        "DTEND:20260107T100000Z",
        "END:VEVENT",
    ]);
    let expansion = january(&bare);
    assert_eq!(rows(&expansion), ["2026-01-07T09:00:00Z 2026-01-07T10:00:00Z 60 Invitation from mail"]);
    assert_eq!(
        warnings(&expansion),
        [
            "line 1: the file holds events without the BEGIN:VCALENDAR around them (as some mail programs attach \
             them); they are read as a calendar"
        ]
    );
}
