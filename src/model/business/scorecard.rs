//! The quarter scorecard's targets: what the manager types per fiscal quarter (ACR, wins,
//! pipeline, any custom metric with its unit) and how its numbers are read and written.
//! Values are kept in hundredths, so "92.5 %" and "$1.2M" are both exact.

use crate::model::architect::Choice;
use crate::model::fiscal::FiscalQuarter;
use crate::model::ids::MetricId;
use crate::model::text::{self, NAME_MAX_CHARS, ValidationError};

use super::money::{dollars_text, parse_dollars, short_dollars};

/// The largest value a metric holds, in hundredths.
const MAX_HUNDREDTHS: i64 = 100_000_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MetricKind {
    /// Azure consumed revenue over the quarter, in dollars: derived from the actual
    /// consumption entered per account and month.
    #[default]
    Acr,
    /// Opportunities won in the quarter.
    Wins,
    /// The monthly ACR of the open pipeline at the quarter's end (or today).
    Pipeline,
    /// Anything else, typed with its unit.
    Custom,
}

impl MetricKind {
    /// The unit its values are in, for the built-in kinds.
    pub fn unit(self) -> &'static str {
        match self {
            Self::Acr => "$",
            Self::Wins => "wins",
            Self::Pipeline => "$/month",
            Self::Custom => "",
        }
    }

    /// The name it gets when none is typed.
    pub fn default_name(self) -> &'static str {
        match self {
            Self::Acr => "ACR consumed",
            Self::Wins => "Wins",
            Self::Pipeline => "Open pipeline (monthly ACR)",
            Self::Custom => "",
        }
    }

    pub fn is_money(self) -> bool {
        matches!(self, Self::Acr | Self::Pipeline)
    }
}

impl Choice for MetricKind {
    const ALL: &'static [Self] = &[Self::Acr, Self::Wins, Self::Pipeline, Self::Custom];
    fn key(self) -> &'static str {
        match self {
            Self::Acr => "acr",
            Self::Wins => "wins",
            Self::Pipeline => "pipeline",
            Self::Custom => "custom",
        }
    }
    fn label(self) -> &'static str {
        match self {
            Self::Acr => "ACR",
            Self::Wins => "Wins",
            Self::Pipeline => "Pipeline",
            Self::Custom => "Custom",
        }
    }
}

/// A target the manager sets for a quarter, with an actual typed where no records give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricFields {
    pub quarter: FiscalQuarter,
    pub kind: MetricKind,
    pub name: String,
    pub unit: String,
    /// In hundredths of the unit.
    pub target: i64,
    /// Typed actual, in hundredths; used where nothing is derived from records.
    pub actual: Option<i64>,
}

impl MetricFields {
    pub fn validated(&self) -> Result<Self, ValidationError> {
        let name = match self.kind {
            MetricKind::Custom => text::required("name", &self.name, NAME_MAX_CHARS)?,
            kind if self.name.trim().is_empty() => kind.default_name().to_owned(),
            _ => text::capped("name", self.name.trim(), NAME_MAX_CHARS)?,
        };
        let unit = match self.kind {
            MetricKind::Custom => text::capped("unit", self.unit.trim(), 24)?,
            kind => kind.unit().to_owned(),
        };
        let target = check_value(self.kind, "target", self.target)?;
        let actual = self.actual.map(|a| check_value(self.kind, "actual", a)).transpose()?;
        Ok(Self { name, unit, target, actual, ..self.clone() })
    }
}

fn check_value(kind: MetricKind, field: &'static str, hundredths: i64) -> Result<i64, ValidationError> {
    if kind != MetricKind::Custom && hundredths < 0 {
        return Err(ValidationError::new(field, "must not be negative"));
    }
    if hundredths.abs() > MAX_HUNDREDTHS {
        return Err(ValidationError::new(field, "is too large"));
    }
    Ok(hundredths)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metric {
    pub id: MetricId,
    pub fields: MetricFields,
}

/// Reads a metric value as typed, in hundredths: dollars for ACR and pipeline (`1.2m`), a
/// whole number of wins, a decimal for a custom metric (`92.5`, `-3`).
pub fn parse_value(kind: MetricKind, field: &'static str, typed: &str) -> Result<i64, ValidationError> {
    let value = typed.trim();
    match kind {
        MetricKind::Acr | MetricKind::Pipeline => parse_dollars(field, value).map(|d| d.saturating_mul(100)),
        MetricKind::Wins => value
            .parse::<u32>()
            .map(|n| i64::from(n) * 100)
            .map_err(|_| ValidationError::new(field, format!("{value:?} is not a whole number of wins"))),
        MetricKind::Custom => parse_decimal(field, value),
    }
}

/// `92.5`, `-3`, `1,250.75` as hundredths; more than two decimals are rounded.
fn parse_decimal(field: &'static str, value: &str) -> Result<i64, ValidationError> {
    let cleaned: String = value.chars().filter(|c| !matches!(c, ',' | '_' | ' ')).collect();
    let cleaned = cleaned.trim_end_matches('%');
    let well_formed = !cleaned.is_empty()
        && cleaned.char_indices().all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
        && cleaned.chars().any(|c| c.is_ascii_digit());
    let number: Option<f64> = if well_formed { cleaned.parse().ok() } else { None };
    match number {
        Some(n) if n.is_finite() && (n * 100.0).abs() <= MAX_HUNDREDTHS as f64 =>
        {
            #[allow(clippy::cast_possible_truncation, reason = "checked to fit above")]
            Ok((n * 100.0).round() as i64)
        }
        _ => Err(ValidationError::new(field, format!("{value:?} is not a number"))),
    }
}

/// A value for people: "$1.2M", "12 wins", "92.5 %".
pub fn value_text(kind: MetricKind, unit: &str, hundredths: i64) -> String {
    match kind {
        MetricKind::Acr | MetricKind::Pipeline => short_dollars(hundredths / 100),
        MetricKind::Wins => {
            let n = hundredths / 100;
            if n == 1 { "1 win".to_owned() } else { format!("{n} wins") }
        }
        MetricKind::Custom => {
            let number = decimal_text(hundredths);
            if unit.is_empty() { number } else { format!("{number} {unit}") }
        }
    }
}

/// A value as it is typed back into a form: "1200000", "12", "92.5".
pub fn value_input(kind: MetricKind, hundredths: i64) -> String {
    match kind {
        MetricKind::Acr | MetricKind::Pipeline | MetricKind::Wins => (hundredths / 100).to_string(),
        MetricKind::Custom => decimal_text(hundredths),
    }
}

/// A value for the command line: whole dollars, whole wins, the decimal of a custom metric.
pub fn value_plain(kind: MetricKind, hundredths: i64) -> String {
    match kind {
        MetricKind::Acr | MetricKind::Pipeline => dollars_text(hundredths / 100),
        MetricKind::Wins | MetricKind::Custom => decimal_text(hundredths),
    }
}

fn decimal_text(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let abs = hundredths.unsigned_abs();
    let (whole, cents) = (abs / 100, abs % 100);
    match cents {
        0 => format!("{sign}{whole}"),
        c if c % 10 == 0 => format!("{sign}{whole}.{}", c / 10),
        c => format!("{sign}{whole}.{c:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_per_kind_in_hundredths() {
        assert_eq!(parse_value(MetricKind::Acr, "target", "1.2m"), Ok(120_000_000));
        assert_eq!(parse_value(MetricKind::Wins, "target", "12"), Ok(1_200));
        assert_eq!(parse_value(MetricKind::Custom, "target", "92.5"), Ok(9_250));
        assert_eq!(parse_value(MetricKind::Custom, "target", "-3"), Ok(-300));
        assert_eq!(
            parse_value(MetricKind::Wins, "target", "1.5").map_err(|e| e.to_string()),
            Err("target: \"1.5\" is not a whole number of wins".to_owned())
        );
        assert_eq!(
            parse_value(MetricKind::Acr, "target", "-1").map_err(|e| e.to_string()),
            Err("target: -1 is negative; an amount is 0 or more".to_owned())
        );
        assert!(parse_value(MetricKind::Custom, "actual", "ninety").is_err());
    }

    #[test]
    fn values_print_with_their_unit() {
        assert_eq!(value_text(MetricKind::Acr, "$", 120_000_000), "$1.2M");
        assert_eq!(value_text(MetricKind::Wins, "wins", 100), "1 win");
        assert_eq!(value_text(MetricKind::Custom, "%", 9_250), "92.5 %");
        assert_eq!(value_text(MetricKind::Custom, "NPS", -305), "-3.05 NPS");
        assert_eq!(value_input(MetricKind::Custom, 9_250), "92.5");
    }

    #[test]
    fn a_custom_metric_needs_a_name_and_built_in_ones_get_theirs() {
        let quarter = FiscalQuarter::new(2027, 2).unwrap();
        let custom = MetricFields {
            quarter,
            kind: MetricKind::Custom,
            name: " ".into(),
            unit: "%".into(),
            target: 9_000,
            actual: None,
        };
        assert_eq!(custom.validated().unwrap_err().field, "name");
        let wins = MetricFields { kind: MetricKind::Wins, name: String::new(), ..custom };
        let clean = wins.validated().unwrap();
        assert_eq!((clean.name.as_str(), clean.unit.as_str()), ("Wins", "wins"));
    }
}
