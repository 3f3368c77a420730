//! A zone known only from the file's own VTIMEZONE (Outlook's `Customized Time Zone`, or a
//! name Leadline does not know): its STANDARD/DAYLIGHT observances turned into a list of
//! offset changes, expanded with the `rrule` crate (rules checked by `recur` first).

use std::str::FromStr as _;

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeDelta, TimeZone as _, Utc};
use rrule::{RRule, Unvalidated};

use super::Warning;
use super::props::Node;
use super::recur;
use super::values::{parse_date, parse_date_time};
use crate::crash;

/// Offset changes are computed up to this year; later instants keep the last offset rule's
/// pattern only as far as computed, which is far beyond any calendar import.
const LAST_YEAR: i32 = 2100;
/// Bound on onsets per observance (a yearly rule from 1601 to 2100 has 500).
const MAX_ONSETS: usize = 2000;

#[derive(Debug)]
pub struct Definition {
    pub tzid: String,
    /// (instant the offset starts, offset in seconds east of UTC), sorted by instant.
    transitions: Vec<(DateTime<Utc>, i32)>,
    /// The offset before the first transition.
    initial: i32,
    /// Every offset the zone uses, largest first (for reading wall-clock times).
    offsets: Vec<i32>,
}

impl Definition {
    /// `None` when the VTIMEZONE has no TZID or no observance with readable offsets. An
    /// observance rule that cannot be read adds a warning and only its first onset counts.
    pub fn from_node(node: &Node, warnings: &mut Vec<Warning>) -> Option<Self> {
        let tzid = node.value("TZID")?.trim().to_owned();
        let mut transitions = Vec::new();
        for observance in node.children.iter().filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT") {
            let (Some(from), Some(to)) = (
                observance.value("TZOFFSETFROM").and_then(parse_offset),
                observance.value("TZOFFSETTO").and_then(parse_offset),
            ) else {
                continue;
            };
            let Some(start) = observance.value("DTSTART").and_then(onset) else {
                continue;
            };
            let mut onsets = vec![start];
            for rdate in observance.props("RDATE") {
                onsets.extend(rdate.value.split(',').filter_map(onset));
            }
            if let Some(rule) = observance.prop("RRULE") {
                match rule_onsets(start, &rule.value, from) {
                    Ok(found) => onsets.extend(found),
                    Err(why) => warnings.push(Warning::at(
                        rule.line,
                        format!(
                            "the daylight-saving rule \"{}\" of time zone \"{tzid}\" {why}; only its first change is used",
                            rule.value
                        ),
                    )),
                }
            }
            let from_delta = TimeDelta::seconds(i64::from(from));
            transitions.extend(
                onsets
                    .into_iter()
                    .filter_map(|local| Some((local.checked_sub_signed(from_delta)?.and_utc(), to))),
            );
        }
        transitions.sort_by_key(|&(instant, _)| instant);
        transitions.dedup_by_key(|&mut (instant, _)| instant);
        let first_from = node
            .children
            .iter()
            .filter_map(|o| Some((o.value("DTSTART").and_then(onset)?, o.value("TZOFFSETFROM")?)))
            .min_by_key(|(start, _)| *start)
            .and_then(|(_, from)| parse_offset(from));
        let initial = first_from.or_else(|| transitions.first().map(|t| t.1))?;
        let mut offsets: Vec<i32> = transitions.iter().map(|t| t.1).chain([initial]).collect();
        offsets.sort_unstable_by(|a, b| b.cmp(a));
        offsets.dedup();
        Some(Self { tzid, transitions, initial, offsets })
    }

    fn offset_at(&self, instant: DateTime<Utc>) -> i32 {
        let after = self.transitions.partition_point(|&(start, _)| start <= instant);
        if after == 0 { self.initial } else { self.transitions[after - 1].1 }
    }

    /// At the ends of the calendar (year ±262,000) the offset is left out rather than
    /// overflow: no meeting is there.
    pub fn to_wall(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        let wall = instant.naive_utc();
        wall.checked_add_signed(TimeDelta::seconds(i64::from(self.offset_at(instant)))).unwrap_or(wall)
    }

    /// The earliest instant showing `wall`; in a spring gap, the offset before the gap.
    pub fn to_utc(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        let shifted =
            |offset: i32| wall.checked_sub_signed(TimeDelta::seconds(i64::from(offset))).unwrap_or(wall);
        for &offset in &self.offsets {
            let candidate = shifted(offset).and_utc();
            if self.offset_at(candidate) == offset {
                return candidate;
            }
        }
        let day_before = wall.checked_sub_signed(TimeDelta::days(1)).unwrap_or(wall);
        shifted(self.offset_at(day_before.and_utc())).and_utc()
    }
}

/// An observance's onset: a local date-time, or a date (midnight) as some producers write it.
fn onset(value: &str) -> Option<NaiveDateTime> {
    parse_date_time(value)
        .map(|(wall, _)| wall)
        .or_else(|| parse_date(value).map(|d| d.and_time(NaiveTime::MIN)))
}

/// The local onsets of a yearly (or any) observance rule. UNTIL is UTC in a VTIMEZONE
/// (RFC 5545 §3.6.5), compared with each onset read in the offset before it. `Err` says why
/// the rule cannot be read (in words, for a warning).
fn rule_onsets(start: NaiveDateTime, rule: &str, from: i32) -> Result<Vec<NaiveDateTime>, String> {
    let checked = recur::check(rule).map_err(|why| format!("cannot be read ({why})"))?;
    let until = checked.until.as_deref().and_then(onset);
    let from_delta = TimeDelta::seconds(i64::from(from));
    // The rrule crate is a parser of untrusted input: a panic in it costs this rule only.
    crash::catch_quietly(|| {
        let parsed = RRule::<Unvalidated>::from_str(&checked.for_rrule)
            .map_err(|e| format!("cannot be read ({e})"))?;
        let set = parsed
            .build(rrule::Tz::UTC.from_utc_datetime(&start))
            .map_err(|e| format!("is not valid ({e})"))?;
        Ok(set
            .into_iter()
            .map(|dt| dt.naive_utc())
            .take_while(|local| chrono::Datelike::year(local) <= LAST_YEAR)
            .take_while(|local| {
                until.is_none_or(|u| local.checked_sub_signed(from_delta).is_some_and(|l| l <= u))
            })
            .take(MAX_ONSETS)
            .collect())
    })
    .map_err(|fault| format!("could not be read (a fault in the recurrence library: {fault})"))?
}

/// `+0100`, `-075258`, `+01:00` -> seconds east of UTC.
fn parse_offset(value: &str) -> Option<i32> {
    let value = value.trim();
    let (sign, digits) = match value.as_bytes().first()? {
        b'+' => (1, &value[1..]),
        b'-' => (-1, &value[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[0..2].parse().ok()?;
    let minutes: i32 = digits[2..4].parse().ok()?;
    let seconds: i32 = if digits.len() == 6 { digits[4..6].parse().ok()? } else { 0 };
    Some(sign * (hours * 3600 + minutes * 60 + seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::props::Prop;

    fn node(name: &str, props: &[(&str, &str)], children: Vec<Node>) -> Node {
        Node {
            name: name.into(),
            line: 1,
            props: props
                .iter()
                .map(|(n, v)| Prop { name: (*n).into(), params: vec![], value: (*v).into(), line: 1 })
                .collect(),
            children,
        }
    }

    fn at(text: &str) -> NaiveDateTime {
        parse_date_time(text).expect("valid").0
    }

    /// Outlook's custom zone for central Europe: rules from 1601, last Sunday of March/October.
    fn outlook_custom() -> Definition {
        let standard = node(
            "STANDARD",
            &[
                ("DTSTART", "16010101T030000"),
                ("TZOFFSETFROM", "+0200"),
                ("TZOFFSETTO", "+0100"),
                ("RRULE", "FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10"),
            ],
            vec![],
        );
        let daylight = node(
            "DAYLIGHT",
            &[
                ("DTSTART", "16010101T020000"),
                ("TZOFFSETFROM", "+0100"),
                ("TZOFFSETTO", "+0200"),
                ("RRULE", "FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3"),
            ],
            vec![],
        );
        Definition::from_node(
            &node("VTIMEZONE", &[("TZID", "Customized Time Zone")], vec![standard, daylight]),
            &mut Vec::new(),
        )
        .expect("readable")
    }

    #[test]
    fn a_custom_outlook_zone_follows_its_daylight_saving_rules() {
        let zone = outlook_custom();
        assert_eq!(zone.to_utc(at("20260115T090000")), at("20260115T080000").and_utc());
        assert_eq!(zone.to_utc(at("20260715T090000")), at("20260715T070000").and_utc());
        // The switch on 2026-03-29 at 02:00 local.
        assert_eq!(zone.to_wall(at("20260329T005959Z").and_utc()), at("20260329T015959"));
        assert_eq!(zone.to_wall(at("20260329T010000Z").and_utc()), at("20260329T030000"));
        // In the gap: the offset before it.
        assert_eq!(zone.to_utc(at("20260329T023000")), at("20260329T013000").and_utc());
    }

    #[test]
    fn a_damaged_daylight_saving_rule_is_a_warning_and_the_zone_keeps_standard_time() {
        let standard = node(
            "STANDARD",
            &[
                ("DTSTART", "16010101T030000"),
                ("TZOFFSETFROM", "+0200"),
                ("TZOFFSETTO", "+0100"),
                ("RRULE", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"),
            ],
            vec![],
        );
        let daylight = node(
            "DAYLIGHT",
            &[
                ("DTSTART", "16010101T020000"),
                ("TZOFFSETFROM", "+0100"),
                ("TZOFFSETTO", "+0200"),
                ("RRULE", "FREQ=YEARLY;BYDAY=-1SU\u{FFFD};BYMONTH=3"),
            ],
            vec![],
        );
        let mut warnings = Vec::new();
        let zone = Definition::from_node(
            &node("VTIMEZONE", &[("TZID", "Damaged")], vec![standard, daylight]),
            &mut warnings,
        )
        .expect("readable");
        let [warning] = warnings.as_slice() else { panic!("{warnings:?}") };
        assert!(warning.message.starts_with("the daylight-saving rule"), "{warning}");
        assert!(warning.message.contains("not plain ASCII"), "{warning}");
        assert!(warning.message.ends_with("only its first change is used"), "{warning}");
        // No summer time without its rule: July is on standard time, +01:00.
        assert_eq!(zone.to_utc(at("20260715T090000")), at("20260715T080000").and_utc());
        assert_eq!(zone.to_utc(at("20260115T090000")), at("20260115T080000").and_utc());
    }

    #[test]
    fn offsets_read_with_seconds_and_colons() {
        assert_eq!(parse_offset("+0100"), Some(3600));
        assert_eq!(parse_offset("-075258"), Some(-(7 * 3600 + 52 * 60 + 58)));
        assert_eq!(parse_offset("+05:30"), Some(19800));
        assert_eq!(parse_offset("0100"), None);
        assert_eq!(parse_offset("+1"), None);
    }
}
