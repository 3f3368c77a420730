//! Microsoft certifications: the kinds, a seed catalogue, and the expiry and renewal lifecycle.
//!
//! The lifecycle as Microsoft runs it, and as this module computes it:
//! - fundamentals never expire, so there is nothing to renew;
//! - role-based and specialty certifications expire one year after they were earned;
//! - they can be renewed, free, in the six months before they expire, and each renewal adds one
//!   year to the expiry that was current (not to the renewal date), so renewing early loses nothing;
//! - once expired, a certification cannot be renewed: it has to be earned again, which the app
//!   records as a new earned date, not as a renewal.
//!
//! Date rules, decided here once so that screens, reports and the command line agree:
//! - `expires_on` is the **last day** the certification is valid: a renewal on that day is
//!   accepted, and from the next day it is expired.
//! - "One year" is chrono's `NaiveDate::checked_add_months` with 12 months, which clamps to the
//!   end of a shorter month: earned on 29 February 2024, it expires on 28 February 2025. Because a
//!   renewal adds a year to the *current* expiry, the clamp carries forward: renewals then expire
//!   on 28 February 2026, 2027 and also 2028 (not 29 February 2028).
//! - The renewal window opens six months before `expires_on`, with the same clamping (an expiry
//!   on 31 August opens its window on the last day of February), and closes on `expires_on`.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::architect::Choice;
use super::ids::{ArchitectId, CertId, CertRecordId};
use super::text::{self, LINE_MAX_CHARS, ValidationError};

/// How long a role-based or specialty certification, or one renewal, lasts.
pub const VALIDITY_MONTHS: u32 = 12;
/// How long before expiry the free renewal opens.
pub const RENEWAL_WINDOW_MONTHS: u32 = 6;
/// From this many days before expiry (inclusive) the app warns rather than just noting the open
/// window: two months leaves time to study for the renewal assessment around customer work.
pub const EXPIRY_WARNING_DAYS: i64 = 60;

/// Which lifecycle a certification follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertKind {
    Fundamentals,
    RoleBased,
    Specialty,
}

impl CertKind {
    /// Whether certifications of this kind expire (and so can be renewed).
    pub fn expires(self) -> bool {
        !matches!(self, Self::Fundamentals)
    }
}

impl Choice for CertKind {
    const ALL: &'static [Self] = &[Self::Fundamentals, Self::RoleBased, Self::Specialty];
    fn key(self) -> &'static str {
        match self {
            Self::Fundamentals => "fundamentals",
            Self::RoleBased => "role_based",
            Self::Specialty => "specialty",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Fundamentals => "Fundamentals",
            Self::RoleBased => "Role-based",
            Self::Specialty => "Specialty",
        }
    }
}

/// The catalogue a new database starts with: exam code, certification name, kind. The manager
/// edits it in the app, so this only has to be a sensible, current starting point. Retired
/// certifications (DP-203, AZ-220, SC-400, ...) are left out on purpose: nobody should plan
/// to earn them. Certifications that need two exams are listed under their last exam's code.
pub const DEFAULT_CATALOGUE: &[(&str, &str, CertKind)] = &[
    // Fundamentals
    ("AZ-900", "Microsoft Certified: Azure Fundamentals", CertKind::Fundamentals),
    ("AI-900", "Microsoft Certified: Azure AI Fundamentals", CertKind::Fundamentals),
    ("DP-900", "Microsoft Certified: Azure Data Fundamentals", CertKind::Fundamentals),
    (
        "SC-900",
        "Microsoft Certified: Security, Compliance, and Identity Fundamentals",
        CertKind::Fundamentals,
    ),
    ("PL-900", "Microsoft Certified: Power Platform Fundamentals", CertKind::Fundamentals),
    ("MS-900", "Microsoft 365 Certified: Fundamentals", CertKind::Fundamentals),
    ("MB-910", "Microsoft Certified: Dynamics 365 Fundamentals (CRM)", CertKind::Fundamentals),
    ("MB-920", "Microsoft Certified: Dynamics 365 Fundamentals (ERP)", CertKind::Fundamentals),
    // Role-based: Azure infrastructure and apps
    ("AZ-104", "Microsoft Certified: Azure Administrator Associate", CertKind::RoleBased),
    ("AZ-204", "Microsoft Certified: Azure Developer Associate", CertKind::RoleBased),
    ("AZ-305", "Microsoft Certified: Azure Solutions Architect Expert", CertKind::RoleBased),
    ("AZ-400", "Microsoft Certified: DevOps Engineer Expert", CertKind::RoleBased),
    ("AZ-500", "Microsoft Certified: Azure Security Engineer Associate", CertKind::RoleBased),
    ("AZ-700", "Microsoft Certified: Azure Network Engineer Associate", CertKind::RoleBased),
    ("AZ-801", "Microsoft Certified: Windows Server Hybrid Administrator Associate", CertKind::RoleBased),
    // Role-based: data and AI
    ("AI-102", "Microsoft Certified: Azure AI Engineer Associate", CertKind::RoleBased),
    ("DP-100", "Microsoft Certified: Azure Data Scientist Associate", CertKind::RoleBased),
    ("DP-300", "Microsoft Certified: Azure Database Administrator Associate", CertKind::RoleBased),
    ("DP-600", "Microsoft Certified: Fabric Analytics Engineer Associate", CertKind::RoleBased),
    ("DP-700", "Microsoft Certified: Fabric Data Engineer Associate", CertKind::RoleBased),
    ("PL-300", "Microsoft Certified: Power BI Data Analyst Associate", CertKind::RoleBased),
    // Role-based: security
    ("SC-100", "Microsoft Certified: Cybersecurity Architect Expert", CertKind::RoleBased),
    ("SC-200", "Microsoft Certified: Security Operations Analyst Associate", CertKind::RoleBased),
    ("SC-300", "Microsoft Certified: Identity and Access Administrator Associate", CertKind::RoleBased),
    ("SC-401", "Microsoft Certified: Information Security Administrator Associate", CertKind::RoleBased),
    // Role-based: modern work
    ("MS-102", "Microsoft 365 Certified: Administrator Expert", CertKind::RoleBased),
    ("MD-102", "Microsoft 365 Certified: Endpoint Administrator Associate", CertKind::RoleBased),
    // Role-based: business applications
    ("PL-200", "Microsoft Certified: Power Platform Functional Consultant Associate", CertKind::RoleBased),
    ("PL-400", "Microsoft Certified: Power Platform Developer Associate", CertKind::RoleBased),
    ("PL-600", "Microsoft Certified: Power Platform Solution Architect Expert", CertKind::RoleBased),
    (
        "MB-335",
        "Microsoft Certified: Dynamics 365 Supply Chain Management Functional Consultant Expert",
        CertKind::RoleBased,
    ),
    (
        "MB-700",
        "Microsoft Certified: Dynamics 365: Finance and Operations Apps Solution Architect Expert",
        CertKind::RoleBased,
    ),
    // Specialty
    ("AZ-120", "Microsoft Certified: Azure for SAP Workloads Specialty", CertKind::Specialty),
    ("AZ-140", "Microsoft Certified: Azure Virtual Desktop Specialty", CertKind::Specialty),
    ("DP-420", "Microsoft Certified: Azure Cosmos DB Developer Specialty", CertKind::Specialty),
];

/// Longest exam code ("AZ-305" is six characters; room for vendors' longer codes).
pub const CODE_MAX_CHARS: usize = 20;

/// An entry of the editable catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueCert {
    pub id: CertId,
    pub code: String,
    pub name: String,
    pub kind: CertKind,
}

/// Cleans up a catalogue entry typed by the manager: the code is upper-cased ("az-305" is
/// "AZ-305") and may hold letters, digits and dashes only, so it reads like an exam code.
pub fn validate_catalogue_entry(code: &str, name: &str) -> Result<(String, String), ValidationError> {
    let code = text::required("code", code, CODE_MAX_CHARS)?.to_uppercase();
    if let Some(bad) = code.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
        return Err(ValidationError::new(
            "code",
            format!("{code:?} contains {bad:?}; use letters, digits and dashes, e.g. AZ-305"),
        ));
    }
    let name = text::required("name", name, LINE_MAX_CHARS)?;
    Ok((code, name))
}

/// The name without the "Microsoft Certified:" prefix every catalogue entry shares, for lists
/// where the code already says whose certification it is.
pub fn short_name(name: &str) -> &str {
    ["Microsoft Certified: ", "Microsoft 365 Certified: "]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .unwrap_or(name)
}

/// One architect's record of a certification: when it was earned and each renewal since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertRecord {
    pub id: CertRecordId,
    pub architect: ArchitectId,
    pub cert: CertId,
    pub earned_on: NaiveDate,
    /// Oldest first.
    pub renewals: Vec<NaiveDate>,
}

/// A certification record that breaks the lifecycle rules, naming the dates at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CertError {
    #[error("earned date: {earned_on} is in the future (today is {today})")]
    EarnedInFuture { earned_on: NaiveDate, today: NaiveDate },
    #[error("renewal date: {renewed_on} is in the future (today is {today})")]
    RenewalInFuture { renewed_on: NaiveDate, today: NaiveDate },
    #[error(
        "renewal date: {renewed_on} cannot be recorded: fundamentals certifications never expire, \
         so there is nothing to renew"
    )]
    FundamentalsNotRenewable { renewed_on: NaiveDate },
    #[error(
        "renewal date: {next} is not after the previous renewal on {previous}; renewals must be \
         in increasing date order"
    )]
    RenewalsOutOfOrder { previous: NaiveDate, next: NaiveDate },
    #[error(
        "renewal date: {renewed_on} is before the renewal window opens on {opens_on} \
         (six months before the expiry on {expires_on})"
    )]
    RenewalBeforeWindow { renewed_on: NaiveDate, opens_on: NaiveDate, expires_on: NaiveDate },
    #[error(
        "renewal date: {renewed_on} is after the certification expired on {expired_on}; an \
         expired certification cannot be renewed, it must be earned again"
    )]
    RenewalAfterExpiry { renewed_on: NaiveDate, expired_on: NaiveDate },
    #[error("date: {date} plus one year is beyond the calendar this app supports")]
    OutOfCalendar { date: NaiveDate },
}

/// Where a certification stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertState {
    /// Expires, but the renewal window has not opened yet.
    Valid,
    /// The free renewal is open until `closes_on` (the expiry date), and expiry is more than
    /// [`EXPIRY_WARNING_DAYS`] away.
    RenewalWindowOpen { closes_on: NaiveDate },
    /// Expires within [`EXPIRY_WARNING_DAYS`]; `days_left` is 0 on the last valid day. The
    /// renewal window is always open by then, so this takes precedence over `RenewalWindowOpen`.
    ExpiringSoon { expires_on: NaiveDate, days_left: i64 },
    /// `expired_on` was the last valid day; only earning it again helps now.
    Expired { expired_on: NaiveDate },
    /// Fundamentals.
    NeverExpires,
}

impl CertState {
    /// The state on `today` of a certification whose (already computed) expiry is `expires_on`;
    /// `None` means it never expires. Infallible, for callers that stored the expiry.
    pub fn on(expires_on: Option<NaiveDate>, today: NaiveDate) -> Self {
        let Some(expires_on) = expires_on else {
            return Self::NeverExpires;
        };
        if today > expires_on {
            return Self::Expired { expired_on: expires_on };
        }
        let days_left = (expires_on - today).num_days();
        if days_left <= EXPIRY_WARNING_DAYS {
            Self::ExpiringSoon { expires_on, days_left }
        } else if today >= renewal_window_opens(expires_on) {
            Self::RenewalWindowOpen { closes_on: expires_on }
        } else {
            Self::Valid
        }
    }

    /// The stored and printed key (`leadline certs expiring --format json`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::RenewalWindowOpen { .. } => "renewal_window_open",
            Self::ExpiringSoon { .. } => "expiring_soon",
            Self::Expired { .. } => "expired",
            Self::NeverExpires => "never_expires",
        }
    }

    /// What the badge says: "Valid", "Renewal window open", "Expires in 12 days", ...
    pub fn label(self) -> String {
        match self {
            Self::Valid => "Valid".to_owned(),
            Self::RenewalWindowOpen { .. } => "Renewal window open".to_owned(),
            Self::ExpiringSoon { days_left: 0, .. } => "Expires today".to_owned(),
            Self::ExpiringSoon { days_left: 1, .. } => "Expires tomorrow".to_owned(),
            Self::ExpiringSoon { days_left, .. } => format!("Expires in {days_left} days"),
            Self::Expired { .. } => "Expired".to_owned(),
            Self::NeverExpires => "Never expires".to_owned(),
        }
    }

    /// Whether the manager should raise it: renewal open, expiring or expired.
    pub fn needs_action(self) -> bool {
        matches!(self, Self::RenewalWindowOpen { .. } | Self::ExpiringSoon { .. } | Self::Expired { .. })
    }
}

/// The first day a certification expiring on `expires_on` can be renewed.
pub fn renewal_window_opens(expires_on: NaiveDate) -> NaiveDate {
    // Only fails within six months of the earliest date chrono knows, where an open window is
    // the only sensible answer.
    expires_on.checked_sub_months(Months::new(RENEWAL_WINDOW_MONTHS)).unwrap_or(NaiveDate::MIN)
}

fn add_validity(date: NaiveDate) -> Result<NaiveDate, CertError> {
    date.checked_add_months(Months::new(VALIDITY_MONTHS)).ok_or(CertError::OutOfCalendar { date })
}

/// The last valid day of a certification earned on `earned_on` and renewed on each of
/// `renewals` (oldest first), or `None` for fundamentals.
///
/// Refuses renewals of fundamentals, renewals not in strictly increasing order, a renewal before
/// its window opened, and a renewal after the expiry then current (the certification lapsed and
/// must be earned again). Needs no "today": see [`validate`] for the checks against the clock.
pub fn expiry(
    kind: CertKind,
    earned_on: NaiveDate,
    renewals: &[NaiveDate],
) -> Result<Option<NaiveDate>, CertError> {
    if !kind.expires() {
        return match renewals.first() {
            Some(&renewed_on) => Err(CertError::FundamentalsNotRenewable { renewed_on }),
            None => Ok(None),
        };
    }
    // Checked as a whole first, so a swapped pair is reported as such rather than as whichever
    // window error the first out-of-place date happens to trip.
    if let Some(pair) = renewals.windows(2).find(|pair| pair[1] <= pair[0]) {
        return Err(CertError::RenewalsOutOfOrder { previous: pair[0], next: pair[1] });
    }
    let mut expires_on = add_validity(earned_on)?;
    for &renewed_on in renewals {
        if renewed_on > expires_on {
            return Err(CertError::RenewalAfterExpiry { renewed_on, expired_on: expires_on });
        }
        let opens_on = renewal_window_opens(expires_on);
        if renewed_on < opens_on {
            return Err(CertError::RenewalBeforeWindow { renewed_on, opens_on, expires_on });
        }
        expires_on = add_validity(expires_on)?;
    }
    Ok(Some(expires_on))
}

/// Like [`expiry`], and also refuses an earned date or a renewal date after `today`: a record
/// of something that has not happened yet would show a certification as valid too early.
pub fn validate(
    kind: CertKind,
    earned_on: NaiveDate,
    renewals: &[NaiveDate],
    today: NaiveDate,
) -> Result<Option<NaiveDate>, CertError> {
    if earned_on > today {
        return Err(CertError::EarnedInFuture { earned_on, today });
    }
    if let Some(&renewed_on) = renewals.iter().find(|&&renewed_on| renewed_on > today) {
        return Err(CertError::RenewalInFuture { renewed_on, today });
    }
    expiry(kind, earned_on, renewals)
}

/// Where a certification stands on `today`. An invalid record is an error rather than a guess
/// at a state, so the screen can name the date at fault.
pub fn state(
    kind: CertKind,
    earned_on: NaiveDate,
    renewals: &[NaiveDate],
    today: NaiveDate,
) -> Result<CertState, CertError> {
    validate(kind, earned_on, renewals, today).map(|expires_on| CertState::on(expires_on, today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn kinds_parse_keys_and_labels() {
        assert_eq!(CertKind::parse("role-based"), Some(CertKind::RoleBased));
        assert_eq!(CertKind::parse("Role-based"), Some(CertKind::RoleBased));
        assert_eq!(CertKind::parse("SPECIALTY"), Some(CertKind::Specialty));
        assert_eq!(CertKind::parse("expert"), None);
        for kind in CertKind::ALL {
            assert_eq!(CertKind::from_key(kind.key()), Some(*kind));
        }
    }

    #[test]
    fn catalogue_codes_are_unique_and_kinds_follow_the_lifecycle() {
        let mut codes: Vec<_> = DEFAULT_CATALOGUE.iter().map(|(code, _, _)| *code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), DEFAULT_CATALOGUE.len());
        let kind_of = |code: &str| DEFAULT_CATALOGUE.iter().find(|c| c.0 == code).map(|c| c.2);
        assert_eq!(kind_of("AZ-900"), Some(CertKind::Fundamentals));
        assert_eq!(kind_of("AZ-305"), Some(CertKind::RoleBased));
        assert_eq!(kind_of("AZ-140"), Some(CertKind::Specialty));
        assert_eq!(kind_of("DP-203"), None, "retired, so not offered");
        assert!(DEFAULT_CATALOGUE.iter().all(|(_, name, _)| name.starts_with("Microsoft")));
    }

    #[test]
    fn fundamentals_never_expire_and_cannot_be_renewed() {
        assert_eq!(expiry(CertKind::Fundamentals, d(2020, 1, 1), &[]), Ok(None));
        assert_eq!(
            state(CertKind::Fundamentals, d(2020, 1, 1), &[], d(2030, 1, 1)),
            Ok(CertState::NeverExpires)
        );
        let err = expiry(CertKind::Fundamentals, d(2020, 1, 1), &[d(2020, 9, 1)]).unwrap_err();
        assert_eq!(err, CertError::FundamentalsNotRenewable { renewed_on: d(2020, 9, 1) });
        assert!(err.to_string().starts_with("renewal date: 2020-09-01"));
    }

    #[test]
    fn role_based_and_specialty_expire_one_year_after_earning() {
        assert_eq!(expiry(CertKind::RoleBased, d(2025, 3, 10), &[]), Ok(Some(d(2026, 3, 10))));
        assert_eq!(expiry(CertKind::Specialty, d(2025, 3, 10), &[]), Ok(Some(d(2026, 3, 10))));
    }

    #[test]
    fn earned_on_29_february_expires_on_28_february_and_the_clamp_carries_forward() {
        let earned = d(2024, 2, 29);
        assert_eq!(expiry(CertKind::RoleBased, earned, &[]), Ok(Some(d(2025, 2, 28))));
        let renewals = [d(2025, 1, 15), d(2026, 2, 1), d(2027, 2, 28)];
        // Each renewal adds a year to 28 February, so even the leap year 2028 ends on the 28th.
        assert_eq!(expiry(CertKind::RoleBased, earned, &renewals), Ok(Some(d(2028, 2, 28))));
    }

    #[test]
    fn renewal_adds_a_year_to_the_current_expiry_not_to_the_renewal_date() {
        // Renewed the first day the window opened: still keeps the whole current year.
        assert_eq!(expiry(CertKind::RoleBased, d(2025, 3, 10), &[d(2025, 9, 10)]), Ok(Some(d(2027, 3, 10))));
        // Renewed on the last valid day: accepted.
        assert_eq!(expiry(CertKind::RoleBased, d(2025, 3, 10), &[d(2026, 3, 10)]), Ok(Some(d(2027, 3, 10))));
        // Two renewals, each in its own window.
        assert_eq!(
            expiry(CertKind::Specialty, d(2025, 3, 10), &[d(2025, 12, 1), d(2026, 11, 1)]),
            Ok(Some(d(2028, 3, 10)))
        );
    }

    #[test]
    fn renewal_before_the_window_opens_is_refused() {
        let err = expiry(CertKind::RoleBased, d(2025, 3, 10), &[d(2025, 9, 9)]).unwrap_err();
        assert_eq!(
            err,
            CertError::RenewalBeforeWindow {
                renewed_on: d(2025, 9, 9),
                opens_on: d(2025, 9, 10),
                expires_on: d(2026, 3, 10)
            }
        );
        assert_eq!(
            err.to_string(),
            "renewal date: 2025-09-09 is before the renewal window opens on 2025-09-10 \
             (six months before the expiry on 2026-03-10)"
        );
        // A second renewal right after the first one is before the next window.
        let err = expiry(CertKind::RoleBased, d(2025, 3, 10), &[d(2025, 10, 1), d(2025, 10, 2)]).unwrap_err();
        assert!(matches!(err, CertError::RenewalBeforeWindow { opens_on, .. } if opens_on == d(2026, 9, 10)));
    }

    #[test]
    fn renewal_after_expiry_is_refused_the_certification_must_be_earned_again() {
        let err = expiry(CertKind::RoleBased, d(2025, 3, 10), &[d(2026, 3, 11)]).unwrap_err();
        assert_eq!(
            err,
            CertError::RenewalAfterExpiry { renewed_on: d(2026, 3, 11), expired_on: d(2026, 3, 10) }
        );
        let message = err.to_string();
        assert!(message.contains("2026-03-11") && message.contains("2026-03-10"), "{message}");
        assert!(message.contains("must be earned again"), "{message}");
    }

    #[test]
    fn renewals_must_be_in_increasing_order() {
        let err = expiry(CertKind::RoleBased, d(2025, 3, 10), &[d(2026, 11, 1), d(2025, 12, 1)]).unwrap_err();
        assert_eq!(err, CertError::RenewalsOutOfOrder { previous: d(2026, 11, 1), next: d(2025, 12, 1) });
        let same_day = expiry(CertKind::RoleBased, d(2025, 3, 10), &[d(2025, 12, 1), d(2025, 12, 1)]);
        assert!(matches!(same_day, Err(CertError::RenewalsOutOfOrder { .. })));
    }

    #[test]
    fn dates_in_the_future_are_refused() {
        let today = d(2026, 5, 1);
        assert_eq!(
            state(CertKind::Fundamentals, d(2026, 5, 2), &[], today),
            Err(CertError::EarnedInFuture { earned_on: d(2026, 5, 2), today })
        );
        assert_eq!(
            state(CertKind::RoleBased, d(2025, 9, 1), &[d(2026, 5, 2)], today),
            Err(CertError::RenewalInFuture { renewed_on: d(2026, 5, 2), today })
        );
        // Earned today is fine.
        assert_eq!(state(CertKind::RoleBased, today, &[], today), Ok(CertState::Valid));
    }

    #[test]
    fn window_for_an_expiry_at_the_end_of_a_long_month_opens_at_the_end_of_february() {
        assert_eq!(renewal_window_opens(d(2025, 8, 31)), d(2025, 2, 28));
        assert_eq!(renewal_window_opens(d(2024, 8, 31)), d(2024, 2, 29));
    }

    #[test]
    fn every_state_along_one_certification_year() {
        // Earned 10 March 2025: window opens 10 September 2025, expires 10 March 2026.
        let at = |today| state(CertKind::RoleBased, d(2025, 3, 10), &[], today).unwrap();
        assert_eq!(at(d(2025, 9, 9)), CertState::Valid);
        assert_eq!(at(d(2025, 9, 10)), CertState::RenewalWindowOpen { closes_on: d(2026, 3, 10) });
        // 61 days left: window open, no warning yet.
        assert_eq!(at(d(2026, 1, 8)), CertState::RenewalWindowOpen { closes_on: d(2026, 3, 10) });
        // Exactly 60 days left: warning.
        assert_eq!(at(d(2026, 1, 9)), CertState::ExpiringSoon { expires_on: d(2026, 3, 10), days_left: 60 });
        assert_eq!(at(d(2026, 3, 10)), CertState::ExpiringSoon { expires_on: d(2026, 3, 10), days_left: 0 });
        assert_eq!(at(d(2026, 3, 11)), CertState::Expired { expired_on: d(2026, 3, 10) });
    }

    #[test]
    fn renewal_moves_the_state_back_to_valid() {
        let renewed = state(CertKind::Specialty, d(2025, 3, 10), &[d(2026, 2, 1)], d(2026, 2, 1));
        assert_eq!(renewed, Ok(CertState::Valid));
    }

    #[test]
    fn expiring_soon_takes_precedence_even_when_the_window_opened_late() {
        // The window always opens six months out, so within 60 days it is open: the warning wins.
        assert_eq!(
            CertState::on(Some(d(2026, 3, 10)), d(2026, 3, 1)),
            CertState::ExpiringSoon { expires_on: d(2026, 3, 10), days_left: 9 }
        );
        assert_eq!(CertState::on(None, d(2026, 3, 1)), CertState::NeverExpires);
    }

    #[test]
    fn states_have_keys_and_labels() {
        let expires_on = d(2026, 3, 10);
        assert_eq!(CertState::Valid.label(), "Valid");
        assert_eq!(CertState::ExpiringSoon { expires_on, days_left: 0 }.label(), "Expires today");
        assert_eq!(CertState::ExpiringSoon { expires_on, days_left: 1 }.label(), "Expires tomorrow");
        assert_eq!(CertState::ExpiringSoon { expires_on, days_left: 23 }.label(), "Expires in 23 days");
        assert_eq!(CertState::Expired { expired_on: expires_on }.key(), "expired");
        assert_eq!(CertState::RenewalWindowOpen { closes_on: expires_on }.key(), "renewal_window_open");
        assert!(!CertState::NeverExpires.needs_action());
        assert!(!CertState::Valid.needs_action());
        assert!(CertState::RenewalWindowOpen { closes_on: expires_on }.needs_action());
    }

    #[test]
    fn catalogue_entries_are_cleaned_up_and_checked() {
        assert_eq!(
            validate_catalogue_entry(" az-305 ", " Azure Solutions Architect Expert "),
            Ok(("AZ-305".to_owned(), "Azure Solutions Architect Expert".to_owned()))
        );
        assert_eq!(validate_catalogue_entry("", "x").unwrap_err().field, "code");
        let spaced = validate_catalogue_entry("AZ 305", "x").unwrap_err();
        assert_eq!(
            spaced.to_string(),
            "code: \"AZ 305\" contains ' '; use letters, digits and dashes, e.g. AZ-305"
        );
        assert_eq!(validate_catalogue_entry("AZ-305", "  ").unwrap_err().field, "name");
    }

    #[test]
    fn short_names_drop_the_shared_prefix() {
        assert_eq!(short_name("Microsoft Certified: Azure Fundamentals"), "Azure Fundamentals");
        assert_eq!(short_name("Microsoft 365 Certified: Fundamentals"), "Fundamentals");
        assert_eq!(short_name("Kubernetes Administrator"), "Kubernetes Administrator");
    }
}
