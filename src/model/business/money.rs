//! Money as the Business screen counts it: Azure consumed revenue (ACR) in whole dollars,
//! read the way people type it (`12500`, `12,500`, `$12.5k`, `1.2m`) and written back short.

use super::super::text::ValidationError;

/// The largest amount taken: a trillion dollars a month is a typing mistake, not a customer.
pub const MAX_DOLLARS: i64 = 1_000_000_000_000;

/// Reads an amount of dollars: digits with optional thousands separators (`,`, `_`, spaces or
/// apostrophes), an optional `$` or `USD`, and an optional `k` / `m` suffix (`12.5k` = 12,500).
/// A negative amount, anything that is not a number, or more than [`MAX_DOLLARS`] is refused
/// naming `field`. Fractions of a dollar are rounded.
pub fn parse_dollars(field: &'static str, typed: &str) -> Result<i64, ValidationError> {
    let trimmed = typed.trim();
    let not_a_number =
        || ValidationError::new(field, format!("{trimmed:?} is not an amount (e.g. 12500, 12,500 or 12.5k)"));
    if trimmed.is_empty() {
        return Err(ValidationError::new(field, "enter an amount, e.g. 12500 or 12.5k"));
    }
    let mut text = trimmed.to_ascii_lowercase();
    for noise in ["usd", "$", "/mo", "/month", "per month"] {
        text = text.replace(noise, "");
    }
    let text: String = text.chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '\'' | '\u{a0}')).collect();
    if text.starts_with('-') {
        return Err(ValidationError::new(field, format!("{trimmed} is negative; an amount is 0 or more")));
    }
    let (number, scale) = match text.strip_suffix('k') {
        Some(number) => (number, 1_000.0),
        None => match text.strip_suffix('m') {
            Some(number) => (number, 1_000_000.0),
            None => (text.as_str(), 1.0),
        },
    };
    let well_formed = !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && number.chars().filter(|&c| c == '.').count() <= 1
        && number.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(not_a_number());
    }
    let value: f64 = number.parse().map_err(|_| not_a_number())?;
    let dollars = (value * scale).round();
    if !dollars.is_finite() || dollars > MAX_DOLLARS as f64 {
        return Err(ValidationError::new(
            field,
            format!("{trimmed} is more than {}", dollars_text(MAX_DOLLARS)),
        ));
    }
    #[allow(clippy::cast_possible_truncation, reason = "checked to be 0 to MAX_DOLLARS above")]
    Ok(dollars as i64)
}

/// Reads an optional amount: empty means "not known yet".
pub fn parse_optional_dollars(field: &'static str, typed: &str) -> Result<Option<i64>, ValidationError> {
    if typed.trim().is_empty() { Ok(None) } else { parse_dollars(field, typed).map(Some) }
}

/// Checks an amount given as a number (the command line, an import).
pub fn check_dollars(field: &'static str, dollars: i64) -> Result<i64, ValidationError> {
    if dollars < 0 {
        return Err(ValidationError::new(field, format!("{dollars} is negative; an amount is 0 or more")));
    }
    if dollars > MAX_DOLLARS {
        return Err(ValidationError::new(
            field,
            format!("{dollars} is more than {}", dollars_text(MAX_DOLLARS)),
        ));
    }
    Ok(dollars)
}

/// "$12,500": the whole amount with thousands separators.
pub fn dollars_text(dollars: i64) -> String {
    let digits = dollars.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if dollars < 0 { format!("-${grouped}") } else { format!("${grouped}") }
}

/// "$12.5k", "$1.2M", "$800": short, for tables and charts.
pub fn short_dollars(dollars: i64) -> String {
    let sign = if dollars < 0 { "-" } else { "" };
    let abs = dollars.unsigned_abs() as f64;
    let (value, suffix) = if abs >= 1_000_000.0 {
        (abs / 1_000_000.0, "M")
    } else if abs >= 1_000.0 {
        (abs / 1_000.0, "k")
    } else {
        return format!("{sign}${}", dollars.unsigned_abs());
    };
    let text = if value >= 100.0 { format!("{value:.0}") } else { format!("{value:.1}") };
    let text = text.strip_suffix(".0").unwrap_or(&text).to_owned();
    format!("{sign}${text}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_people_type_them() {
        for (typed, dollars) in [
            ("12500", 12_500),
            ("12,500", 12_500),
            (" $12,500 ", 12_500),
            ("12.5k", 12_500),
            ("12.5K", 12_500),
            ("1.2m", 1_200_000),
            ("0", 0),
            ("1 250 000", 1_250_000),
            ("USD 800", 800),
            ("99.6", 100),
        ] {
            assert_eq!(parse_dollars("acr", typed), Ok(dollars), "{typed:?}");
        }
    }

    #[test]
    fn a_negative_or_unreadable_amount_names_the_field() {
        let message =
            |typed| parse_dollars("monthly ACR", typed).map_err(|e| e.to_string()).expect_err(typed);
        assert_eq!(message("-5"), "monthly ACR: -5 is negative; an amount is 0 or more");
        assert_eq!(message("-$1,000"), "monthly ACR: -$1,000 is negative; an amount is 0 or more");
        assert_eq!(message("abc"), "monthly ACR: \"abc\" is not an amount (e.g. 12500, 12,500 or 12.5k)");
        assert_eq!(message("1.2.3"), "monthly ACR: \"1.2.3\" is not an amount (e.g. 12500, 12,500 or 12.5k)");
        assert_eq!(message("k"), "monthly ACR: \"k\" is not an amount (e.g. 12500, 12,500 or 12.5k)");
        assert_eq!(message("NaN"), "monthly ACR: \"NaN\" is not an amount (e.g. 12500, 12,500 or 12.5k)");
        assert_eq!(message("inf"), "monthly ACR: \"inf\" is not an amount (e.g. 12500, 12,500 or 12.5k)");
        assert_eq!(message(""), "monthly ACR: enter an amount, e.g. 12500 or 12.5k");
        assert!(message("5000000m").contains("is more than $1,000,000,000,000"));
        assert_eq!(parse_optional_dollars("acr", "  "), Ok(None));
        assert_eq!(
            check_dollars("acr", -1).map_err(|e| e.to_string()),
            Err("acr: -1 is negative; an amount is 0 or more".into())
        );
    }

    #[test]
    fn amounts_print_whole_or_short() {
        assert_eq!(dollars_text(0), "$0");
        assert_eq!(dollars_text(999), "$999");
        assert_eq!(dollars_text(12_500), "$12,500");
        assert_eq!(dollars_text(1_234_567), "$1,234,567");
        assert_eq!(short_dollars(800), "$800");
        assert_eq!(short_dollars(12_500), "$12.5k");
        assert_eq!(short_dollars(12_000), "$12k");
        assert_eq!(short_dollars(250_000), "$250k");
        assert_eq!(short_dollars(1_200_000), "$1.2M");
    }
}
