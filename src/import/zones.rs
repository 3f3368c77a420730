//! Time zones as calendars name them: IANA names (`Europe/Berlin`, also the legacy `US/Central`
//! and Mozilla's `/mozilla.org/.../Europe/Berlin`), Windows ids that Outlook writes
//! (`W. Europe Standard Time`, mapped with CLDR's table from the `windows-timezones` crate),
//! the Windows display names OWA writes (`(UTC-05:00) Eastern Time (US & Canada)`, from the
//! same table), and zones a file defines only by its own VTIMEZONE (`Customized Time Zone`).

use std::collections::HashMap;
use std::str::FromStr as _;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, NaiveDateTime, TimeDelta, TimeZone as _, Utc};
use chrono_tz::Tz;
use windows_timezones::WindowsTimezone;

use super::vtimezone::Definition;
use crate::crash;

/// The zone a wall-clock time is read in.
#[derive(Debug, Clone)]
pub enum Zone {
    Utc,
    Iana(Tz),
    /// Only the file's own VTIMEZONE says what this zone is.
    Defined(Arc<Definition>),
    /// No zone: the wall-clock time is the same wherever the reader is.
    Floating,
}

impl Zone {
    /// The instant a wall-clock time means here; `None` for floating times. A time skipped by
    /// a daylight-saving jump is read with the offset before the jump (RFC 5545 §3.3.5), and
    /// a repeated time is the first of the two.
    pub fn to_utc(&self, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Self::Utc => Some(wall.and_utc()),
            Self::Floating => None,
            Self::Defined(definition) => Some(definition.to_utc(wall)),
            Self::Iana(tz) => Some(tz.from_local_datetime(&wall).earliest().map_or_else(
                || {
                    let before = wall.checked_sub_signed(TimeDelta::hours(3)).unwrap_or(wall);
                    let offset = tz
                        .from_local_datetime(&before)
                        .earliest()
                        .map_or(0, |d| i64::from(chrono::Offset::fix(d.offset()).local_minus_utc()));
                    wall.checked_sub_signed(TimeDelta::seconds(offset)).unwrap_or(wall).and_utc()
                },
                |instant| instant.with_timezone(&Utc),
            )),
        }
    }

    /// The wall-clock time an instant shows here (floating: the UTC wall clock).
    pub fn to_wall(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Self::Utc | Self::Floating => instant.naive_utc(),
            Self::Iana(tz) => instant.with_timezone(tz).naive_local(),
            Self::Defined(definition) => definition.to_wall(instant),
        }
    }

    pub fn is_floating(&self) -> bool {
        matches!(self, Self::Floating)
    }

    pub fn name(&self) -> String {
        match self {
            Self::Utc => "UTC".into(),
            Self::Iana(tz) => tz.name().into(),
            Self::Defined(definition) => format!("{} (as defined in the file)", definition.tzid),
            Self::Floating => "floating".into(),
        }
    }
}

/// This computer's zone; UTC when it cannot be told. Days are counted in it by default.
/// A `TZ` variable naming a zone (`Pacific/Honolulu`, `:Asia/Kolkata`) comes first, as it does
/// for the date of "today" (chrono's local time reads it too), so the two never disagree.
pub fn local() -> Zone {
    std::env::var("TZ")
        .ok()
        .and_then(|value| from_tz_variable(&value))
        .or_else(|| iana_time_zone::get_timezone().ok().and_then(|name| Tz::from_str(&name).ok()))
        .map_or(Zone::Utc, Zone::Iana)
}

/// The zone a `TZ` value names: an IANA name, optionally after `:` or as a path into the zone
/// database. POSIX rules (`CET-1CEST`) are not names and are left to the system's setting.
fn from_tz_variable(value: &str) -> Option<Tz> {
    let name = value.trim().trim_start_matches(':');
    let name = name.rsplit_once("/zoneinfo/").map_or(name, |(_, rest)| rest);
    Tz::from_str(name).ok()
}

/// Looks a TZID up among the names Leadline knows, without the file's definitions. Only plain
/// ASCII is looked up: no zone name has anything else, and the tables are third-party code
/// that never sees what a damaged file holds.
pub fn known(tzid: &str) -> Option<Tz> {
    let name = tzid.trim().trim_matches('"').trim();
    if name.is_empty() || !name.is_ascii() || name.len() > MAX_NAME_BYTES {
        return None;
    }
    crash::catch_quietly(|| lookup(name)).ok().flatten()
}

/// The longest zone name looked up: Windows display names are under 80 bytes, vendor paths
/// under 100.
const MAX_NAME_BYTES: usize = 200;

fn lookup(name: &str) -> Option<Tz> {
    if let Ok(tz) = Tz::from_str(name) {
        return Some(tz);
    }
    // Vendors prefix the IANA name with a path of their own: Mozilla's
    // `/mozilla.org/20050126_1/Europe/Berlin`, libical's
    // `/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires`. The longest
    // tail that is a zone name wins (`America/Argentina/Buenos_Aires`, not `Buenos_Aires`).
    if name.starts_with('/') {
        let parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty()).collect();
        for skip in 1..parts.len() {
            if let Ok(tz) = Tz::from_str(&parts[skip..].join("/")) {
                return Some(tz);
            }
        }
    }
    if let Ok(windows) = WindowsTimezone::from_str(name) {
        return Some(Tz::from(windows));
    }
    display_names().get(&display_key(name)).copied()
}

/// Windows display names, e.g. `(UTC+10:00) Canberra, Melbourne, Sydney`, keyed loosely so
/// the older `(GMT+10:00) ...` spelling matches too.
fn display_names() -> &'static HashMap<String, Tz> {
    static TABLE: OnceLock<HashMap<String, Tz>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for &tz in &chrono_tz::TZ_VARIANTS {
            if let Ok(windows) = WindowsTimezone::try_from(tz) {
                table.entry(display_key(windows.description())).or_insert_with(|| Tz::from(windows));
            }
        }
        table
    })
}

/// Lower case, `(GMT` as `(UTC`, `&` as `and` (`US & Canada` is also written `US and
/// Canada`), only letters, digits and `()+-:`.
fn display_key(name: &str) -> String {
    name.to_ascii_lowercase()
        .replace("(gmt", "(utc")
        .replace('&', "and")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "()+-:".contains(*c))
        .collect()
}

/// Resolves the TZIDs of one file: known names first (they carry the full history), then the
/// file's own VTIMEZONE definitions. Remembers each answer.
pub struct Zones {
    defined: HashMap<String, Arc<Definition>>,
    cache: HashMap<String, Option<Zone>>,
}

impl Zones {
    pub fn new(defined: HashMap<String, Arc<Definition>>) -> Self {
        Self { defined, cache: HashMap::new() }
    }

    /// `None` when neither a known name nor a definition in the file says what the zone is.
    pub fn resolve(&mut self, tzid: &str) -> Option<Zone> {
        if let Some(cached) = self.cache.get(tzid) {
            return cached.clone();
        }
        let zone = match known(tzid) {
            Some(tz) if tz == Tz::UTC || tz == Tz::Etc__UTC => Some(Zone::Utc),
            Some(tz) => Some(Zone::Iana(tz)),
            None => self.defined.get(tzid.trim().trim_matches('"')).map(|d| Zone::Defined(Arc::clone(d))),
        };
        self.cache.insert(tzid.to_owned(), zone.clone());
        zone
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn wall(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, 0)).expect("valid")
    }

    #[test]
    fn a_tz_variable_names_the_zone_with_or_without_colon_or_path() {
        assert_eq!(from_tz_variable("Pacific/Honolulu"), Some(Tz::Pacific__Honolulu));
        assert_eq!(from_tz_variable(":Asia/Kolkata"), Some(Tz::Asia__Kolkata));
        assert_eq!(from_tz_variable("/usr/share/zoneinfo/Europe/Berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(from_tz_variable("CET-1CEST,M3.5.0,M10.5.0/3"), None);
        assert_eq!(from_tz_variable(""), None);
    }

    #[test]
    fn knows_iana_legacy_mozilla_windows_and_display_names() {
        assert_eq!(known("Europe/Berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(known("US/Central"), Some(Tz::US__Central));
        assert_eq!(known("/mozilla.org/20050126_1/Europe/Berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(known("W. Europe Standard Time"), Some(Tz::Europe__Berlin));
        assert_eq!(known("Pacific Standard Time"), Some(Tz::America__Los_Angeles));
        assert_eq!(known("\"(UTC-05:00) Eastern Time (US & Canada)\""), Some(Tz::America__New_York));
        assert_eq!(known("(GMT+10:00) Canberra, Melbourne, Sydney"), Some(Tz::Australia__Sydney));
        assert_eq!(known("Customized Time Zone"), None);
        assert_eq!(
            known("/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires"),
            Some(Tz::America__Argentina__Buenos_Aires)
        );
        assert_eq!(
            known("/softwarestudio.org/Olson_20011030_5/America/New_York"),
            Some(Tz::America__New_York)
        );
        assert_eq!(known("(UTC-05:00) Eastern Time (US and Canada)"), Some(Tz::America__New_York));
        assert_eq!(known("Europe/Berl\u{FFFD}n"), None);
        assert_eq!(known(""), None);
        assert_eq!(known("Mars/Olympus_Mons"), None);
    }

    #[test]
    fn a_time_in_the_spring_gap_uses_the_offset_before_it_and_a_repeated_time_the_first() {
        let berlin = Zone::Iana(Tz::Europe__Berlin);
        // 2026-03-29 02:30 does not exist in Berlin: read with +01:00, it is 01:30 UTC.
        assert_eq!(berlin.to_utc(wall(2026, 3, 29, 2, 30)), Some(wall(2026, 3, 29, 1, 30).and_utc()));
        // 2026-10-25 02:30 happens twice: the first is still summer time (+02:00).
        assert_eq!(berlin.to_utc(wall(2026, 10, 25, 2, 30)), Some(wall(2026, 10, 25, 0, 30).and_utc()));
        assert_eq!(Zone::Floating.to_utc(wall(2026, 1, 1, 9, 0)), None);
    }
}
