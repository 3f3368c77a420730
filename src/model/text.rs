//! Validation of what a user types: required fields, length caps, dates.

use chrono::NaiveDate;

/// Longest name or title, in characters. Long enough for any real name, short enough for a table.
pub const NAME_MAX_CHARS: usize = 120;
/// Longest single-line field (title, e-mail).
pub const LINE_MAX_CHARS: usize = 254;
/// Longest free-text field (aspiration, accounts, evidence).
pub const TEXT_MAX_CHARS: usize = 5_000;

/// A value a user entered that cannot be saved, with the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    pub field: &'static str,
    pub message: String,
}

impl ValidationError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

/// Trims `value` and checks it is present and within `max_chars`.
pub fn required(field: &'static str, value: &str, max_chars: usize) -> Result<String, ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    capped(field, trimmed, max_chars)
}

/// Checks `value` fits within `max_chars` and holds no NUL character.
pub fn capped(field: &'static str, value: &str, max_chars: usize) -> Result<String, ValidationError> {
    let chars = value.chars().count();
    if chars > max_chars {
        return Err(ValidationError::new(
            field,
            format!("is {chars} characters long; the limit is {max_chars}"),
        ));
    }
    if value.contains('\0') {
        return Err(ValidationError::new(field, "contains a NUL character, which cannot be stored"));
    }
    Ok(value.to_owned())
}

/// Parses a `YYYY-MM-DD` date strictly: `2026-02-30` is an error, not the 2nd of March.
pub fn parse_date(field: &'static str, value: &str) -> Result<NaiveDate, ValidationError> {
    let value = value.trim();
    let well_formed = value.len() == 10
        && value.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    if !well_formed {
        return Err(ValidationError::new(field, format!("{value:?} is not a date in the form YYYY-MM-DD")));
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| ValidationError::new(field, format!("{value} is not a day in the calendar")))
}

/// Parses an optional date: empty means "not set".
pub fn parse_optional_date(field: &'static str, value: &str) -> Result<Option<NaiveDate>, ValidationError> {
    if value.trim().is_empty() { Ok(None) } else { parse_date(field, value).map(Some) }
}

/// A light check that an e-mail address has the shape `local@domain.tld`.
pub fn email(field: &'static str, value: &str) -> Result<String, ValidationError> {
    let value = capped(field, value.trim(), LINE_MAX_CHARS)?;
    if value.is_empty() {
        return Ok(value);
    }
    let valid = value.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
    }) && !value.chars().any(char::is_whitespace);
    if valid {
        Ok(value.to_lowercase())
    } else {
        Err(ValidationError::new(field, format!("{value:?} is not an e-mail address")))
    }
}

/// Text as it is matched, everywhere a name or a note is looked up (the command line, the
/// screens' filters and name fields, the search index): lower case, accents dropped, the
/// letters that do not decompose (`ł`, `ß`, `æ`, `ø`, `đ`, `ı`) and Greek and Cyrillic written
/// in Latin letters, whitespace runs made one space. `garcia` matches `García`, `lukasz`
/// `Łukasz`, `dmitrii` and `дмитрий` match `Дмитрий`. Scripts written without spaces (Chinese,
/// Japanese, Korean, Thai) are kept as they are, character for character.
///
/// Built on Unicode's canonical decomposition (`unicode-normalization`) for the accents and on
/// `deunicode` for the transliteration, so no letter table is kept here.
pub fn fold_for_match(value: &str) -> String {
    if value.is_ascii() {
        return fold_ascii(value);
    }
    fold_any(value)
}

/// [`fold_for_match`] for ASCII text, the common case (the search index folds every note and
/// item; the large demo 200,000 of them): nothing decomposes or transliterates, so only the
/// case and the whitespace change. The same result as [`fold_any`], without its per-character
/// Unicode lookups.
fn fold_ascii(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut pending_space = false;
    for c in value.chars() {
        if !spaced(&mut out, &mut pending_space, c) {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The whitespace rule of both folds: a run of whitespace becomes one space, none at the ends.
/// True when `c` is whitespace (held back); otherwise a held-back space is written first.
/// `char::is_whitespace`, unlike `is_ascii_whitespace`, counts the vertical tab.
fn spaced(out: &mut String, pending_space: &mut bool, c: char) -> bool {
    if c.is_whitespace() {
        *pending_space = !out.is_empty();
        return true;
    }
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    false
}

/// [`fold_for_match`] for any text.
fn fold_any(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut pending_space = false;
    for c in value.chars().flat_map(char::to_lowercase) {
        if spaced(&mut out, &mut pending_space, c) {
            continue;
        }
        if crate::model::search::is_unspaced_script(c) {
            out.push(c);
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |part| {
            if unicode_normalization::char::is_combining_mark(part) {
                return;
            }
            if part.is_ascii() || !part.is_alphabetic() {
                out.push(part);
                return;
            }
            match deunicode::deunicode_char(part).map(str::trim) {
                Some(latin) if !latin.is_empty() => out.extend(latin.chars().flat_map(char::to_lowercase)),
                _ => out.push(part),
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_only_name_is_refused() {
        let err = required("name", "   \t ", NAME_MAX_CHARS).unwrap_err();
        assert_eq!(err.to_string(), "name: must not be empty");
    }

    #[test]
    fn over_long_text_is_refused_naming_the_limit() {
        let long = "é".repeat(NAME_MAX_CHARS + 1);
        let err = required("name", &long, NAME_MAX_CHARS).unwrap_err();
        assert!(err.message.contains("121 characters"), "{err}");
        assert!(err.message.contains("limit is 120"), "{err}");
        assert_eq!(
            required("name", &"é".repeat(NAME_MAX_CHARS), NAME_MAX_CHARS).unwrap().chars().count(),
            120
        );
    }

    #[test]
    fn impossible_dates_are_refused_not_rolled_over() {
        assert!(parse_date("start date", "2026-02-30").unwrap_err().message.contains("not a day"));
        assert!(parse_date("start date", "2026-2-3").is_err());
        assert!(parse_date("start date", "yesterday").is_err());
        assert_eq!(
            parse_date("start date", "2024-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert_eq!(parse_optional_date("d", "  ").unwrap(), None);
    }

    #[test]
    fn nul_is_refused_but_emoji_and_rtl_marks_are_kept() {
        assert!(capped("notes", "a\0b", 100).is_err());
        let text = "Ana 👩‍💻 \u{200F}مرحبا";
        assert_eq!(capped("notes", text, 100).unwrap(), text);
    }

    #[test]
    fn ascii_text_folds_as_the_general_path_folds_it() {
        let samples = [
            "",
            "   ",
            "  Mateo   Garcia ",
            "AKS capacity\tplanning\r\nfor NORTHWIND",
            "tab\x0bvertical\x0cform feed",
            "Q3: pipeline, forecast & next steps (50/30/20)!",
            "\u{1}control\u{7f}",
        ];
        for sample in samples {
            assert_eq!(fold_ascii(sample), fold_any(sample), "{sample:?}");
        }
        let every_ascii: String = (0u8..=127).map(char::from).collect();
        assert_eq!(fold_ascii(&every_ascii), fold_any(&every_ascii));
    }

    #[test]
    fn folding_ignores_case_accents_and_spacing() {
        assert_eq!(fold_for_match("  Mateo   García "), "mateo garcia");
        assert_eq!(fold_for_match("Łukasz Żółć"), "lukasz zolc");
        assert_eq!(fold_for_match("渡辺 健二"), "渡辺 健二");
        assert_eq!(fold_for_match("한국 고객"), "한국 고객");
    }

    #[test]
    fn folding_covers_the_letters_without_decomposition_and_other_scripts() {
        // One line per language: as written, as typed on a plain keyboard.
        let names = [
            ("Antonín Dvořák", "antonin dvorak"),
            ("Łucja Wróblewska-Żak", "lucja wroblewska-zak"),
            ("Şükrü Işıklı", "sukru isikli"),
            ("İlkay Gündoğan", "ilkay gundogan"),
            ("Ștefan Țurcanu", "stefan turcanu"),
            ("Nguyễn Thị Đức", "nguyen thi duc"),
            ("Jürgen Großmann", "jurgen grossmann"),
            ("Søren Ærø Åberg", "soren aero aberg"),
            ("Þórunn Guðmundsdóttir", "thorunn gudmundsdottir"),
            ("Γιώργος Παπαδόπουλος", "giorgos papadopoulos"),
            ("Дмитрий Соколов", "dmitrii sokolov"),
        ];
        for (written, typed) in names {
            assert_eq!(fold_for_match(written), typed, "{written}");
        }
        // Decomposed input (as some systems paste it) folds like the composed one.
        assert_eq!(fold_for_match("Zoe\u{308}"), "zoe");
        // Emoji and punctuation are kept, not spelled out.
        assert_eq!(fold_for_match("Ana 👩‍💻 – “x”"), "ana 👩‍💻 – “x”");
    }

    #[test]
    fn email_shape() {
        assert_eq!(email("e-mail", " Ana@Contoso.com ").unwrap(), "ana@contoso.com");
        assert_eq!(email("e-mail", "").unwrap(), "");
        assert!(email("e-mail", "ana@contoso").is_err());
        assert!(email("e-mail", "ana contoso.com").is_err());
    }
}
