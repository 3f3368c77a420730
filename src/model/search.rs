//! Full-text search rules: turning what a person types into a safe FTS5 query, preparing text
//! so scripts without spaces can be found, the index's row ids, and grouping of results.
//!
//! The index holds text folded with [`fold_for_match`], the one fold every name lookup uses,
//! and so does a query: `garcia` finds `García`, `lukasz` `Łukasz`, `dmitrii` `Дмитрий`, as
//! the command line and the name fields do. (The `unicode61` tokenizer's own
//! `remove_diacritics 2` misses the letters that do not decompose, such as `ł`, `ß`, `ø`.)
//! Chinese, Japanese, Korean and Thai do not separate words with spaces, so their characters
//! are indexed one by one and a query in them becomes a phrase of those characters: `顧客`
//! finds `来週の顧客会議`. Snippets are cut from the text as written ([`snippet`]).

use std::fmt::Write as _;

use chrono::{Datelike as _, NaiveDate};

use super::ids::{ArchitectId, OneOnOneId};
use super::text::fold_for_match;

/// What an index entry points at. The number is part of the entry's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    Notes = 0,
    TalkingPoint = 1,
    ActionItem = 2,
    /// A development goal's description and evidence; indexed once goals exist (see
    /// `store::search::index_goal`).
    Goal = 3,
}

impl HitKind {
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            0 => Some(Self::Notes),
            1 => Some(Self::TalkingPoint),
            2 => Some(Self::ActionItem),
            3 => Some(Self::Goal),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Notes => "Notes",
            Self::TalkingPoint => "Talking point",
            Self::ActionItem => "Action item",
            Self::Goal => "Goal",
        }
    }
}

const KIND_BITS: u32 = 2;
const ID_BITS: u32 = 32;

/// The index row id of an item: its date in the high bits, so "newest first" is the index's
/// own order and a search can stop after the first page without sorting every match.
/// `None` when the id does not fit 32 bits (four billion items: never in practice).
pub fn row_id(on: NaiveDate, kind: HitKind, item_id: i64) -> Option<i64> {
    let id = u32::try_from(item_id).ok()?;
    let day = i64::from(on.num_days_from_ce().max(0));
    Some((day << (KIND_BITS + ID_BITS)) | ((kind as i64) << ID_BITS) | i64::from(id))
}

/// The date, kind and item id back from a row id.
pub fn decode_row_id(row_id: i64) -> Option<(NaiveDate, HitKind, i64)> {
    let kind = HitKind::from_code((row_id >> ID_BITS) & ((1 << KIND_BITS) - 1))?;
    let day = i32::try_from(row_id >> (KIND_BITS + ID_BITS)).ok()?;
    let on = NaiveDate::from_num_days_from_ce_opt(day)?;
    Some((on, kind, row_id & ((1 << ID_BITS) - 1)))
}

/// Scripts written without spaces between words: indexed character by character.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF         // Thai, Lao
        | 0x1000..=0x109F       // Myanmar
        | 0x1780..=0x17FF       // Khmer
        | 0x3040..=0x30FF       // Hiragana, Katakana
        | 0x31F0..=0x31FF       // Katakana phonetic extensions
        | 0x3400..=0x4DBF       // CJK extension A
        | 0x4E00..=0x9FFF       // CJK unified ideographs
        | 0xAC00..=0xD7AF       // Hangul syllables
        | 0xF900..=0xFAFF       // CJK compatibility ideographs
        | 0xFF66..=0xFF9D       // half-width Katakana
        | 0x20000..=0x3134F // CJK extensions B-G
    )
}

/// Text as it goes into the index: folded ([`fold_for_match`]), with the characters of
/// unspaced scripts separated by spaces.
pub fn index_body(text: &str) -> String {
    index_text(&fold_for_match(text)).into_owned()
}

/// Text with the characters of unspaced scripts separated by spaces (otherwise unchanged).
pub fn index_text(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unspaced_script) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if is_unspaced_script(c) {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Undoes [`index_text`] in a snippet read back from the index: in each run of spaces, one
/// space per neighbouring unspaced-script character was added and is taken out again
/// (highlight marks in between are looked through).
pub fn display_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let is_mark = |c: char| c == HIGHLIGHT_START || c == HIGHLIGHT_END;
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != ' ' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run_start = i;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let prev = chars[..run_start].iter().rev().copied().find(|c| !is_mark(*c));
        let next = chars[i..].iter().copied().find(|c| !is_mark(*c));
        let added = usize::from(prev.is_some_and(is_unspaced_script))
            + usize::from(next.is_some_and(is_unspaced_script));
        let original = (i - run_start).saturating_sub(added);
        out.extend(std::iter::repeat_n(' ', original));
    }
    out
}

/// A snippet of Markdown-ish notes on one line: line breaks become " · ", list and heading
/// markers at the start of a line and `**` bold markers are dropped.
pub fn flatten_snippet(snippet: &str) -> String {
    let lines: Vec<&str> = snippet
        .lines()
        .map(|line| {
            let line = line.trim();
            let line = line.trim_start_matches('#').trim_start();
            ["- ", "* ", "+ ", "> "].iter().find_map(|m| line.strip_prefix(m)).unwrap_or(line).trim()
        })
        .filter(|line| !line.is_empty())
        .collect();
    lines.join(" · ").replace("**", "")
}

/// The words of a search as the index has them (folded, split at anything not a letter or
/// digit, unspaced-script characters one by one): what [`snippet`] marks.
pub fn query_terms(input: &str) -> Vec<String> {
    let folded = fold_for_match(input);
    let mut terms: Vec<String> =
        word_spans(&folded).into_iter().map(|(s, e)| folded[s..e].to_owned()).collect();
    // A lone letter (the "s" of "Zoë's") would mark half the passage; keep it only if it is all.
    if terms.iter().any(|t| t.chars().count() > 1) {
        terms.retain(|t| t.chars().count() > 1 || t.chars().any(is_unspaced_script));
    }
    terms.dedup();
    terms
}

/// Byte ranges of the words of `text`: runs of letters and digits (with their combining
/// marks), and each character of an unspaced script on its own.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let unspaced = is_unspaced_script(c);
        let wordy = !unspaced && (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c));
        if !wordy && let Some(start) = open.take() {
            spans.push((start, i));
        }
        if unspaced {
            spans.push((i, i + c.len_utf8()));
        } else if wordy && open.is_none() {
            open = Some(i);
        }
    }
    if let Some(start) = open {
        spans.push((start, text.len()));
    }
    spans
}

/// A passage of `text` as written, `max_words` words from a little before the first word
/// that matches one of `terms` (its folded form starts with the term), with every matching word
/// between [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`] and `…` where the text was cut.
pub fn snippet(text: &str, terms: &[String], max_words: usize) -> String {
    const BEFORE: usize = 4;
    let words = word_spans(text);
    let hits: Vec<bool> = words
        .iter()
        .map(|&(start, end)| {
            let folded = fold_for_match(&text[start..end]);
            terms.iter().any(|t| folded.starts_with(t.as_str()))
        })
        .collect();
    let first = hits.iter().position(|hit| *hit).unwrap_or(0);
    // A little before the first match, but never fewer words than fit when the text allows.
    let max_words = max_words.max(1);
    let from = first
        .saturating_sub(BEFORE)
        .min(words.len().saturating_sub(max_words))
        .max((first + 1).saturating_sub(max_words));
    let to = (from + max_words).min(words.len());
    let mut out = String::with_capacity(text.len().min(512));
    let mut cursor = if from == 0 {
        0
    } else {
        out.push('…');
        words[from].0
    };
    for (&(start, end), hit) in words[from..to].iter().zip(&hits[from..to]) {
        out.push_str(&text[cursor..start]);
        if *hit {
            // Characters marked one by one (an unspaced script) read as one marked word.
            if start == cursor && out.ends_with(HIGHLIGHT_END) {
                out.pop();
            } else {
                out.push(HIGHLIGHT_START);
            }
            out.push_str(&text[start..end]);
            out.push(HIGHLIGHT_END);
        } else {
            out.push_str(&text[start..end]);
        }
        cursor = end;
    }
    if to == words.len() {
        out.push_str(&text[cursor..]);
    } else {
        out.push('…');
    }
    out
}

/// Marks around matched words in snippets (private-use characters, never typed by people).
pub const HIGHLIGHT_START: char = '\u{E000}';
pub const HIGHLIGHT_END: char = '\u{E001}';

/// A search as typed, read into a safe FTS5 query, folded as the index is. Every word becomes a quoted prefix term and
/// every "quoted phrase" a quoted phrase, so FTS5's operators (`AND`, `OR`, `NOT`, `NEAR`,
/// `*`, `^`, `:`, parentheses) are always read as plain words. Unbalanced quotes are ignored.
/// `None` when nothing searchable is left (only punctuation, or empty).
pub fn fts_query(input: &str) -> Option<String> {
    let input = fold_for_match(input);
    let input = input.as_str();
    let balanced = input.chars().filter(|c| *c == '"').count() % 2 == 0;
    let mut parts: Vec<(String, bool)> = Vec::new();
    if balanced {
        for (index, chunk) in input.split('"').enumerate() {
            if index % 2 == 1 {
                parts.push((chunk.to_owned(), true));
            } else {
                parts.extend(chunk.split_whitespace().map(|w| (w.to_owned(), false)));
            }
        }
    } else {
        parts.extend(input.split(|c: char| c.is_whitespace() || c == '"').map(|w| (w.to_owned(), false)));
    }
    let mut query = String::new();
    for (text, phrase) in parts {
        if !text.chars().any(char::is_alphanumeric) {
            continue;
        }
        let segmented = index_text(text.trim());
        let words = segmented.split_whitespace().collect::<Vec<_>>().join(" ");
        if !query.is_empty() {
            query.push(' ');
        }
        // Inside an FTS5 string only `"` is special; none is left, but double any to be sure.
        let quoted = words.replace('"', "\"\"");
        let unspaced = text.chars().any(is_unspaced_script);
        if phrase || unspaced {
            let _ = write!(query, "\"{quoted}\"");
        } else {
            let _ = write!(query, "\"{quoted}\"*");
        }
    }
    (!query.is_empty()).then_some(query)
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub item_id: i64,
    pub architect_id: ArchitectId,
    pub architect_name: String,
    /// The meeting the item belongs to (none for a goal).
    pub meeting_id: Option<OneOnOneId>,
    pub on: NaiveDate,
    /// The matching passage with [`HIGHLIGHT_START`] / [`HIGHLIGHT_END`] around matched words.
    pub snippet: String,
}

/// Results of one search: the newest hits, and how many there are in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub query: String,
    pub hits: Vec<Hit>,
    pub total: usize,
    /// Why nothing was searched ("type a word"), when that is the case.
    pub message: Option<String>,
}

/// Hits of one architect, by date (newest first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchitectHits<'a> {
    pub architect_id: ArchitectId,
    pub name: &'a str,
    pub days: Vec<(NaiveDate, Vec<&'a Hit>)>,
}

/// Groups hits by architect (by name), then by date, newest first.
pub fn group(hits: &[Hit]) -> Vec<ArchitectHits<'_>> {
    let mut groups: Vec<ArchitectHits<'_>> = Vec::new();
    for hit in hits {
        let index = if let Some(index) = groups.iter().position(|g| g.architect_id == hit.architect_id) {
            index
        } else {
            groups.push(ArchitectHits {
                architect_id: hit.architect_id,
                name: &hit.architect_name,
                days: Vec::new(),
            });
            groups.len() - 1
        };
        let days = &mut groups[index].days;
        match days.iter_mut().find(|(on, _)| *on == hit.on) {
            Some((_, list)) => list.push(hit),
            None => days.push((hit.on, vec![hit])),
        }
    }
    for group in &mut groups {
        group.days.sort_by_key(|(on, _)| std::cmp::Reverse(*on));
    }
    groups.sort_by(|a, b| {
        a.name.to_lowercase().cmp(&b.name.to_lowercase()).then(a.architect_id.cmp(&b.architect_id))
    });
    groups
}

/// A snippet split into (text, highlighted) pieces.
pub fn snippet_spans(snippet: &str) -> Vec<(&str, bool)> {
    let mut spans = Vec::new();
    let mut rest = snippet;
    while let Some(start) = rest.find(HIGHLIGHT_START) {
        if start > 0 {
            spans.push((&rest[..start], false));
        }
        let after = &rest[start + HIGHLIGHT_START.len_utf8()..];
        let end = after.find(HIGHLIGHT_END).unwrap_or(after.len());
        spans.push((&after[..end], true));
        rest = after.get(end + HIGHLIGHT_END.len_utf8()..).unwrap_or("");
    }
    if !rest.is_empty() {
        spans.push((rest, false));
    }
    spans
}

/// The snippet as plain text (for the command line and reports): matched words in `**`.
pub fn snippet_markdown(snippet: &str) -> String {
    snippet_spans(snippet)
        .into_iter()
        .map(|(text, bold)| if bold { format!("**{text}**") } else { text.to_owned() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefix_terms() {
        assert_eq!(fts_query("garcia azure").as_deref(), Some("\"garcia\"* \"azure\"*"));
        assert_eq!(fts_query("  ").as_deref(), None);
    }

    #[test]
    fn operator_characters_are_read_as_words_or_dropped() {
        assert_eq!(fts_query("NEAR(a b)").as_deref(), Some("\"near(a\"* \"b)\"*"));
        assert_eq!(fts_query("AND OR NOT").as_deref(), Some("\"and\"* \"or\"* \"not\"*"));
        assert_eq!(fts_query("* ^ : ( ) -").as_deref(), None);
        assert_eq!(fts_query("c*").as_deref(), Some("\"c*\"*"));
    }

    #[test]
    fn balanced_quotes_make_a_phrase_and_unbalanced_ones_are_ignored() {
        assert_eq!(fts_query("\"landing zone\" aks").as_deref(), Some("\"landing zone\" \"aks\"*"));
        assert_eq!(fts_query("\"landing zone").as_deref(), Some("\"landing\"* \"zone\"*"));
        assert_eq!(fts_query("\"\"").as_deref(), None);
    }

    #[test]
    fn unspaced_scripts_are_split_into_characters() {
        assert_eq!(index_text("来週の顧客会議 ok"), " 来  週  の  顧  客  会  議  ok");
        assert_eq!(fts_query("顧客").as_deref(), Some("\"顧 客\""));
        assert_eq!(index_text("Привет мир"), "Привет мир");
        assert_eq!(display_text(&index_text("来週の顧客会議")), "来週の顧客会議");
        assert_eq!(display_text(&index_text("Azure の会議")), "Azure の会議");
    }

    #[test]
    fn row_ids_sort_by_date_and_decode() {
        let early = row_id(NaiveDate::from_ymd_opt(2016, 1, 4).unwrap(), HitKind::ActionItem, 900).unwrap();
        let late = row_id(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), HitKind::Notes, 1).unwrap();
        assert!(early < late);
        assert_eq!(
            decode_row_id(early),
            Some((NaiveDate::from_ymd_opt(2016, 1, 4).unwrap(), HitKind::ActionItem, 900))
        );
        assert_eq!(
            decode_row_id(late),
            Some((NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), HitKind::Notes, 1))
        );
        assert_eq!(row_id(NaiveDate::MIN, HitKind::Goal, i64::from(u32::MAX) + 1), None);
    }

    #[test]
    fn snippets_become_one_line() {
        assert_eq!(
            flatten_snippet("## Fabrikam\n- Follow-up with **Zoë**\n\n- Café"),
            "Fabrikam · Follow-up with Zoë · Café"
        );
    }

    #[test]
    fn queries_are_folded_as_the_index_is() {
        assert_eq!(fts_query("Łukasz DVOŘÁK").as_deref(), Some("\"lukasz\"* \"dvorak\"*"));
        assert_eq!(index_body("Jürgen Großmann, Дмитрий"), "jurgen grossmann, dmitrii");
        assert_eq!(query_terms("Zoë's  \"Łódź\" 顧客"), ["zoe", "lodz", "顧", "客"]);
    }

    #[test]
    fn snippets_mark_matching_words_in_the_text_as_written() {
        let (s, e) = (HIGHLIGHT_START, HIGHLIGHT_END);
        let terms = query_terms("dvorak lodz");
        assert_eq!(
            snippet("Call Dvořák (Łódź office).", &terms, 24),
            format!("Call {s}Dvořák{e} ({s}Łódź{e} office).")
        );
        let long = "one two three four five six seven Dvořák eight nine ten eleven";
        assert_eq!(snippet(long, &terms, 6), format!("…four five six seven {s}Dvořák{e} eight…"));
        assert_eq!(snippet("来週の顧客会議", &query_terms("顧客"), 24), format!("来週の{s}顧客{e}会議"));
        assert_eq!(snippet("no match here", &terms, 2), "no match…");
        assert_eq!(
            snippet("one two three four five Dvořák", &terms, 4),
            format!("…three four five {s}Dvořák{e}"),
            "a match near the end shows the words before it"
        );
    }

    #[test]
    fn snippets_split_on_highlight_marks() {
        let snippet = format!("a {HIGHLIGHT_START}b{HIGHLIGHT_END} c");
        assert_eq!(snippet_spans(&snippet), vec![("a ", false), ("b", true), (" c", false)]);
        assert_eq!(snippet_markdown(&snippet), "a **b** c");
    }
}
