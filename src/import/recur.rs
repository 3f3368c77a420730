//! RRULE values checked against RFC 5545's grammar (§3.3.10) before the `rrule` crate sees
//! them. Only plain ASCII that fits the grammar reaches it, in one spelling: a `BYDAY` holding
//! other characters (damaged bytes read as U+FFFD) made rrule 0.14 panic, and it reads some
//! nonsense (`BYDAY=XTU` as Tuesday) without a word. UNTIL is taken out: the expander reads
//! it itself, because real files break its type rules.

use super::values::shown;

/// A rule that fits the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recur {
    /// The rule as handed to `rrule`: upper case, no spaces, no UNTIL, parts in file order.
    pub for_rrule: String,
    /// UNTIL as written, if any.
    pub until: Option<String>,
    /// The file wrote spaces inside the rule (Exchange's CDO writes `BYDAY=MO, TU, WE`); they
    /// were read past, and the manager is told.
    pub had_spaces: bool,
}

const FREQUENCIES: &[&str] = &["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const WEEKDAYS: &[&str] = &["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

/// Checks a rule; `Err` says in words what does not fit, quoting the part at fault.
pub fn check(rule: &str) -> Result<Recur, String> {
    if rule.trim().is_empty() {
        return Err("it is empty".into());
    }
    let mut for_rrule: Vec<String> = Vec::new();
    let mut until = None;
    let mut had_spaces = false;
    let mut seen: Vec<String> = Vec::new();
    let mut has_freq = false;
    for raw in rule.split(';') {
        let part = raw.trim();
        had_spaces |= part.len() != raw.len();
        if part.is_empty() {
            continue;
        }
        if !part.is_ascii() {
            return Err(format!(
                "\"{}\" holds characters that are not plain ASCII (damaged bytes?)",
                shown(part)
            ));
        }
        let Some((raw_key, raw_value)) = part.split_once('=') else {
            return Err(format!("\"{}\" is not NAME=VALUE", shown(part)));
        };
        let key = raw_key.trim().to_ascii_uppercase();
        let value = raw_value.trim().to_ascii_uppercase();
        had_spaces |= key.len() != raw_key.len() || value.len() != raw_value.len();
        if seen.contains(&key) {
            return Err(format!("{} is given twice", shown(&key)));
        }
        seen.push(key.clone());
        if value.is_empty() {
            return Err(format!("{} has no value", shown(&key)));
        }
        let items: Vec<&str> = value.split(',').map(str::trim).collect();
        had_spaces |= value.split(',').any(|item| item.len() != item.trim().len());
        if let Some(item) = items.iter().find(|item| item.is_empty() || item.contains(char::is_whitespace)) {
            return Err(format!("{key}={} has an empty or broken item (\"{}\")", shown(&value), shown(item)));
        }
        let canonical = match key.as_str() {
            "FREQ" => {
                has_freq = true;
                FREQUENCIES
                    .contains(&value.as_str())
                    .then(|| value.clone())
                    .ok_or_else(|| format!("FREQ={} is not a frequency", shown(&value)))?
            }
            "UNTIL" => {
                until = Some(value);
                continue;
            }
            "COUNT" => positive(&key, &value, u64::from(u32::MAX))?,
            // rrule keeps INTERVAL in 16 bits; a larger step is no calendar's meeting.
            "INTERVAL" => positive(&key, &value, u64::from(u16::MAX))?,
            // rrule reads no leap second (60).
            "BYSECOND" | "BYMINUTE" => numbers(&key, &items, 0, 59, false)?,
            "BYHOUR" => numbers(&key, &items, 0, 23, false)?,
            "BYMONTHDAY" => numbers(&key, &items, 1, 31, true)?,
            "BYYEARDAY" | "BYSETPOS" => numbers(&key, &items, 1, 366, true)?,
            "BYWEEKNO" => numbers(&key, &items, 1, 53, true)?,
            "BYMONTH" => numbers(&key, &items, 1, 12, false)?,
            "BYDAY" => items
                .iter()
                .map(|item| {
                    weekday_num(item).ok_or_else(|| {
                        format!("BYDAY={}: \"{}\" is not a weekday", shown(&value), shown(item))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?
                .join(","),
            "WKST" => WEEKDAYS
                .contains(&value.as_str())
                .then(|| value.clone())
                .ok_or_else(|| format!("WKST={} is not a weekday", shown(&value)))?,
            _ => return Err(format!("{} is not part of a repeat rule", shown(&key))),
        };
        for_rrule.push(format!("{key}={canonical}"));
    }
    if !has_freq {
        return Err("it has no FREQ".into());
    }
    Ok(Recur { for_rrule: for_rrule.join(";"), until, had_spaces })
}

/// `1*DIGIT`, at least 1 and at most `max`.
fn positive(key: &str, value: &str, max: u64) -> Result<String, String> {
    let number = value
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| value.parse::<u64>().ok())
        .flatten()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| format!("{key}={} is not a whole number from 1 to {max}", shown(value)))?;
    Ok(number.to_string())
}

/// A list of numbers in `low..=high`, or (when `signed`) in `-high..=-low` too.
fn numbers(key: &str, items: &[&str], low: i64, high: i64, signed: bool) -> Result<String, String> {
    let read = |item: &str| -> Option<i64> {
        let (sign, digits) = match item.as_bytes().first()? {
            b'+' if signed => (1, &item[1..]),
            b'-' if signed => (-1, &item[1..]),
            _ => (1, item),
        };
        if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let number: i64 = digits.parse().ok()?;
        (low..=high).contains(&number).then_some(sign * number)
    };
    let range = if signed { format!("±{low} to ±{high}") } else { format!("{low} to {high}") };
    items
        .iter()
        .map(|item| {
            read(item)
                .map(|n| n.to_string())
                .ok_or_else(|| format!("{key}: \"{}\" is not a number from {range}", shown(item)))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|list| list.join(","))
}

/// `[+|-][1-53]` then a weekday: `MO`, `-1SU`, `+2TU`.
fn weekday_num(item: &str) -> Option<String> {
    let split = item.len().checked_sub(2)?;
    let (ordinal, day) = (item.get(..split)?, item.get(split..)?);
    if !WEEKDAYS.contains(&day) {
        return None;
    }
    if ordinal.is_empty() {
        return Some(day.to_owned());
    }
    let (sign, digits) = match ordinal.as_bytes()[0] {
        b'+' => ("", &ordinal[1..]),
        b'-' => ("-", &ordinal[1..]),
        _ => ("", ordinal),
    };
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: u8 = digits.parse().ok()?;
    (1..=53).contains(&number).then(|| format!("{sign}{number}{day}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(rule: &str) -> Recur {
        check(rule).unwrap_or_else(|e| panic!("{rule}: {e}"))
    }

    #[test]
    fn well_formed_rules_are_passed_on_in_one_spelling_without_until() {
        assert_eq!(
            ok("FREQ=WEEKLY;UNTIL=20210309T080000Z;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR,SA;WKST=MO"),
            Recur {
                for_rrule: "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR,SA;WKST=MO".into(),
                until: Some("20210309T080000Z".into()),
                had_spaces: false,
            }
        );
        assert_eq!(ok("freq=monthly;byday=+2tu,-1su;").for_rrule, "FREQ=MONTHLY;BYDAY=2TU,-1SU");
        assert_eq!(
            ok("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1").for_rrule,
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
        );
        assert_eq!(ok("FREQ=DAILY;COUNT=4294967295").for_rrule, "FREQ=DAILY;COUNT=4294967295");
    }

    #[test]
    fn spaces_after_commas_are_read_past_and_noted() {
        let recur = ok("FREQ=WEEKLY;BYDAY=MO, TU, WE");
        assert_eq!(recur.for_rrule, "FREQ=WEEKLY;BYDAY=MO,TU,WE");
        assert!(recur.had_spaces);
        assert!(ok("FREQ=WEEKLY; INTERVAL = 2").had_spaces);
        assert!(!ok("FREQ=WEEKLY;INTERVAL=2").had_spaces);
    }

    #[test]
    fn damaged_bytes_are_refused_before_rrule_sees_them() {
        let error = check("FREQ=WEEKLY;BYDAY=TU\u{FFFD}\u{FFFD}").expect_err("refused");
        assert!(error.contains("not plain ASCII"), "{error}");
        assert!(error.contains("BYDAY=TU\u{FFFD}\u{FFFD}"), "{error}");
        assert!(check("FREQ=WEEKLY;BYDAY=\u{FFFD}").is_err());
        assert!(check("FREQ=W\u{E9}EKLY").is_err());
    }

    #[test]
    fn rules_outside_the_grammar_are_refused_naming_the_part() {
        for (rule, why) in [
            ("", "it is empty"),
            ("RRULE:", "is not NAME=VALUE"),
            ("BYDAY=MO", "it has no FREQ"),
            ("FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not a frequency"),
            ("FREQ=DAILY;COUNT=-1", "COUNT=-1 is not a whole number"),
            ("FREQ=DAILY;COUNT=0", "COUNT=0 is not a whole number"),
            ("FREQ=DAILY;COUNT=99999999999999999999", "COUNT=99999999999999999999"),
            ("FREQ=DAILY;INTERVAL=65536", "INTERVAL=65536 is not a whole number from 1 to 65535"),
            ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0"),
            ("FREQ=WEEKLY;BYDAY=XTU", "\"XTU\" is not a weekday"),
            ("FREQ=MONTHLY;BYDAY=0MO", "\"0MO\" is not a weekday"),
            ("FREQ=MONTHLY;BYDAY=54MO", "\"54MO\" is not a weekday"),
            ("FREQ=WEEKLY;BYDAY=MO,,TU", "empty or broken item"),
            ("FREQ=WEEKLY;BYDAY=", "BYDAY has no value"),
            ("FREQ=YEARLY;BYMONTH=13", "\"13\" is not a number from 1 to 12"),
            ("FREQ=YEARLY;BYMONTH=-1", "\"-1\" is not a number from 1 to 12"),
            ("FREQ=MONTHLY;BYMONTHDAY=0", "\"0\" is not a number from ±1 to ±31"),
            ("FREQ=DAILY;BYHOUR=24", "BYHOUR"),
            ("FREQ=DAILY;FREQ=WEEKLY", "FREQ is given twice"),
            ("FREQ=DAILY;X-NAME=1", "X-NAME is not part of a repeat rule"),
            ("FREQ=WEEKLY;WKST=XX", "WKST=XX is not a weekday"),
        ] {
            let error = check(rule).expect_err(rule);
            assert!(error.contains(why), "{rule}: {error}");
        }
    }
}
