//! The damage a file suffers in transit or at a careless hand, applied by a seeded generator so
//! every run makes the same mutants: bytes flipped (to invalid UTF-8 among others), the file
//! cut short, lines repeated, deleted or swapped, absurd values in recurrence rules and
//! dates, and very long lines.

/// SplitMix64: small, fast and the same on every platform, so a seed names one set of mutants.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A damaged file and what was done to it, to say so when it fails.
pub struct Mutant {
    pub source: String,
    pub bytes: Vec<u8>,
    pub done: Vec<String>,
}

/// Bytes that are never UTF-8 on their own, or start a sequence left unfinished.
const INVALID: &[&[u8]] =
    &[b"\xff", b"\xff\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\x80", b"\xed\xa0\x80", b"\xf4\x90"];

/// Parts that make a recurrence rule absurd, damaged or expensive.
const RULE_PARTS: &[&[u8]] = &[
    b";COUNT=4294967296",
    b";COUNT=-1",
    b";COUNT=0",
    b";COUNT=99999999999999999999999",
    b";INTERVAL=0",
    b";INTERVAL=65536",
    b";INTERVAL=4294967295",
    b";INTERVAL=-3",
    b";FREQ=SECONDLY",
    b";BYDAY=TU\xff\xff",
    b";BYDAY=\xff",
    b";BYDAY=MO, TU, WE",
    b";BYDAY=53MO",
    b";BYDAY=-0SU",
    b";BYSETPOS=-366",
    b";BYMONTHDAY=31;BYMONTH=2",
    b";BYMONTHDAY=30;BYMONTH=2",
    b";BYYEARDAY=366;BYWEEKNO=53",
    b";BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,15,30,45",
    b";UNTIL=99991231T235959Z",
    b";UNTIL=00010101",
    b";UNTIL=2026",
    b";WKST=\xff\xff",
    b";X-UNKNOWN=1",
    b";;;",
    b";BYDAY=",
];

/// Whole rules put in place of one, or added to an event.
const RULES: &[&[u8]] = &[
    b"RRULE:FREQ=SECONDLY",
    b"RRULE:FREQ=MINUTELY;INTERVAL=1",
    b"RRULE:FREQ=HOURLY;BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20",
    b"RRULE:FREQ=DAILY;COUNT=4294967295",
    b"RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    b"RRULE:FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU",
    b"RRULE:FREQ=WEEKLY;BYDAY=TU\xff\xff",
    b"RRULE:FREQ=FORTNIGHTLY",
    b"RRULE:",
    b"RRULE:FREQ=YEARLY;INTERVAL=65535",
];

/// Values put in place of a date, a time or a length.
const VALUES: &[&[u8]] = &[
    b"00010101T000000Z",
    b"99991231T235959Z",
    b"00000000T000000",
    b"20260230T250000",
    b"2026",
    b"P9999999W",
    b"-P9999999W",
    b"PT99999999999H",
    b"20261123T090000Z/PT2H",
    b"20261123T090000Z/P999999999D",
    b"20131210Z",
    b"\xff\xff\xff",
];

/// A property line added to an event.
const LINES: &[&[u8]] = &[
    b"DTSTART:00010101T000000Z",
    b"DTEND:99991231T235959Z",
    b"DURATION:P9999999W",
    b"RDATE;VALUE=PERIOD:20261123T090000Z/P99999999D",
    b"EXDATE;VALUE=DATE:20261124",
    b"RECURRENCE-ID;RANGE=THISANDFUTURE:20000101T000000Z",
    b"RECURRENCE-ID:99991231",
    b"SEQUENCE:99999999999999999999",
    b"DTSTART;TZID=\xff\xff:20261123T090000",
    b"DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/\xff:20261123T090000",
    b"DTSTART;TZID=:20261123T090000",
    b"DTSTART;VALUE=DATE:20261123T090000",
    b"TZOFFSETFROM:+9999",
    b"BEGIN:VEVENT",
    b"END:VEVENT",
    b"END:VCALENDAR",
    b"BEGIN:VCALENDAR",
];

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

fn join(lines: &[Vec<u8>]) -> Vec<u8> {
    lines.join(&b'\n')
}

/// Lines that start with `name` (any case), by index.
fn lines_named(lines: &[Vec<u8>], names: &[&[u8]]) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            names.iter().any(|name| line.len() >= name.len() && line[..name.len()].eq_ignore_ascii_case(name))
        })
        .map(|(index, _)| index)
        .collect()
}

/// One mutation of a calendar, with a word on what it did.
fn mutate_once(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    if bytes.is_empty() {
        bytes.extend_from_slice(b"BEGIN:VCALENDAR\r\n");
        return "emptied, then a header".into();
    }
    match rng.below(13) {
        choice @ 0..=5 => generic(rng, bytes, choice),
        choice => calendar_only(rng, bytes, choice),
    }
}

/// The mutations that fit any text (`choice` 0 to 5): bytes flipped or inserted, the file
/// cut, a line repeated, deleted or swapped.
fn generic(rng: &mut Rng, bytes: &mut Vec<u8>, choice: usize) -> String {
    if bytes.is_empty() {
        return "empty".into();
    }
    match choice {
        0 => {
            let at = rng.below(bytes.len());
            let with = *rng.pick(INVALID);
            bytes.splice(at..=at, with.iter().copied());
            format!("byte {at} replaced by {with:02x?}")
        }
        1 => {
            let at = rng.below(bytes.len() + 1);
            let with = *rng.pick(INVALID);
            bytes.splice(at..at, with.iter().copied());
            format!("{with:02x?} inserted at byte {at}")
        }
        2 => {
            let at = rng.below(bytes.len());
            bytes.truncate(at);
            format!("cut after {at} bytes")
        }
        3 => {
            let mut all = lines(bytes);
            let at = rng.below(all.len());
            let times = 1 + rng.below(5);
            let line = all[at].clone();
            for _ in 0..times {
                all.insert(at, line.clone());
            }
            *bytes = join(&all);
            format!("line {} repeated {times} times", at + 1)
        }
        4 => {
            let mut all = lines(bytes);
            let at = rng.below(all.len());
            all.remove(at);
            *bytes = join(&all);
            format!("line {} deleted", at + 1)
        }
        _ => {
            let mut all = lines(bytes);
            let (a, b) = (rng.below(all.len()), rng.below(all.len()));
            all.swap(a, b);
            *bytes = join(&all);
            format!("lines {} and {} swapped", a + 1, b + 1)
        }
    }
}

/// Mutations of a calendar's content (`choice` 6 to 12).
fn calendar_only(rng: &mut Rng, bytes: &mut Vec<u8>, choice: usize) -> String {
    match choice {
        6 => {
            // An absurd part on a rule (or a whole rule where there is none).
            let mut all = lines(bytes);
            let rules = lines_named(&all, &[b"RRULE"]);
            let part = *rng.pick(RULE_PARTS);
            if rules.is_empty() {
                let starts = lines_named(&all, &[b"DTSTART"]);
                let at = if starts.is_empty() { rng.below(all.len()) } else { *rng.pick(&starts) };
                let rule = *rng.pick(RULES);
                all.insert(at + 1, rule.to_vec());
                *bytes = join(&all);
                return format!("{} added after line {}", String::from_utf8_lossy(rule), at + 1);
            }
            let at = *rng.pick(&rules);
            let line = &mut all[at];
            let cr = line.last() == Some(&b'\r');
            if cr {
                line.pop();
            }
            line.extend_from_slice(part);
            if cr {
                line.push(b'\r');
            }
            *bytes = join(&all);
            format!("{} added to the rule on line {}", String::from_utf8_lossy(part), at + 1)
        }
        7 => {
            let mut all = lines(bytes);
            let rules = lines_named(&all, &[b"RRULE"]);
            let rule = *rng.pick(RULES);
            let at = if rules.is_empty() { rng.below(all.len()) } else { *rng.pick(&rules) };
            all[at] = rule.to_vec();
            *bytes = join(&all);
            format!("line {} replaced by {}", at + 1, String::from_utf8_lossy(rule))
        }
        8 => {
            // A date, time or length replaced by an absurd one.
            let mut all = lines(bytes);
            let timed = lines_named(
                &all,
                &[b"DTSTART", b"DTEND", b"DURATION", b"RDATE", b"EXDATE", b"RECURRENCE-ID", b"DTSTAMP"],
            );
            if timed.is_empty() {
                return mutate_once(rng, bytes);
            }
            let at = *rng.pick(&timed);
            let value = *rng.pick(VALUES);
            let line = &all[at];
            let colon = line.iter().rposition(|&b| b == b':').unwrap_or(line.len().saturating_sub(1));
            let mut changed = line[..=colon.min(line.len().saturating_sub(1))].to_vec();
            changed.extend_from_slice(value);
            if line.last() == Some(&b'\r') {
                changed.push(b'\r');
            }
            all[at] = changed;
            *bytes = join(&all);
            format!("the value on line {} replaced by {}", at + 1, String::from_utf8_lossy(value))
        }
        9 => {
            let mut all = lines(bytes);
            let at = rng.below(all.len());
            let line = *rng.pick(LINES);
            all.insert(at, line.to_vec());
            *bytes = join(&all);
            format!("{} inserted at line {}", String::from_utf8_lossy(line), at + 1)
        }
        10 => {
            // A very long line: a title, or a rule's list, of hundreds of kilobytes.
            let mut all = lines(bytes);
            let at = rng.below(all.len());
            let long = if rng.below(2) == 0 {
                let mut line = b"SUMMARY:".to_vec();
                line.resize(300_000, b'x');
                line
            } else {
                let mut line = b"RRULE:FREQ=DAILY;BYMONTHDAY=1".to_vec();
                for _ in 0..40_000 {
                    line.extend_from_slice(b",1");
                }
                line
            };
            all.insert(at, long);
            *bytes = join(&all);
            format!("a line of {} KB inserted at line {}", all[at].len() / 1024, at + 1)
        }
        11 => {
            let at = rng.below(bytes.len() + 1);
            let byte = *rng.pick(b"\r\n\t :;\",=\0");
            bytes.insert(at, byte);
            format!("byte {byte:#04x} inserted at {at}")
        }
        _ => {
            let at = rng.below(bytes.len());
            let len = 1 + rng.below(bytes.len() - at).min(400);
            let chunk = bytes[at..at + len].to_vec();
            bytes.splice(at..at, chunk);
            format!("bytes {at}..{} doubled", at + len)
        }
    }
}

/// A damaged copy of the calendar `bytes`: one to three mutations.
pub fn calendar(rng: &mut Rng, source: &str, bytes: &[u8]) -> Mutant {
    let mut mutated = bytes.to_vec();
    let times = 1 + rng.below(3);
    let done = (0..times).map(|_| mutate_once(rng, &mut mutated)).collect();
    Mutant { source: source.to_owned(), bytes: mutated, done }
}

/// A damaged copy of a text file (the JSON export): the byte and line mutations, and values
/// put in place of others.
pub fn text(rng: &mut Rng, source: &str, bytes: &[u8], values: &[&[u8]]) -> Mutant {
    let mut mutated = bytes.to_vec();
    let times = 1 + rng.below(3);
    let mut done = Vec::new();
    for _ in 0..times {
        if rng.below(3) == 0 {
            // A value replaced: after a `": "`, up to the end of the line (keeping a comma).
            let mut all = lines(&mutated);
            let fields: Vec<usize> = all
                .iter()
                .enumerate()
                .filter(|(_, l)| l.windows(3).any(|w| w == b"\": "))
                .map(|(i, _)| i)
                .collect();
            if fields.is_empty() {
                continue;
            }
            let at = *rng.pick(&fields);
            let value = *rng.pick(values);
            let line = &all[at];
            let Some(start) = line.windows(3).position(|w| w == b"\": ").map(|p| p + 3) else { continue };
            let comma = line.last() == Some(&b',');
            let mut changed = line[..start].to_vec();
            changed.extend_from_slice(value);
            if comma {
                changed.push(b',');
            }
            done.push(format!("the value on line {} replaced by {}", at + 1, String::from_utf8_lossy(value)));
            all[at] = changed;
            mutated = join(&all);
        } else if rng.below(7) == 6 {
            let at = rng.below(mutated.len() + 1);
            let byte = *rng.pick(b"{}[]\",:\\0-");
            mutated.insert(at, byte);
            done.push(format!("{:?} inserted at byte {at}", char::from(byte)));
        } else {
            let choice = rng.below(6);
            done.push(generic(rng, &mut mutated, choice));
        }
    }
    Mutant { source: source.to_owned(), bytes: mutated, done }
}
