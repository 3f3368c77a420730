//! Matching what a person types against a list of names, as a name field or a command
//! palette does: fuzzy ranking ([`rank`], `frizbee`'s Smith-Waterman as in fzf) and "did you
//! mean" suggestions for a name that fits nobody ([`close`], Jaro-Winkler from `strsim`).
//! Both sides are folded with [`fold_for_match`] first, so case and accents never matter and
//! every caller agrees with the command line and the search index.

use frizbee::{CaseMatching, Config, Matcher, Pattern, PatternConfig};

use super::text::fold_for_match;

/// A name that matched what was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    /// Its position in the list given.
    pub index: usize,
    /// Higher is better; only comparable within one call.
    pub score: u16,
}

/// The names that hold every typed word's letters in order, gaps allowed ("mgar" and
/// "garc mat" find "Mateo García"), best first; ties keep the list's order. Nothing typed
/// matches nothing.
pub fn rank<S: AsRef<str>>(typed: &str, names: &[S]) -> Vec<Ranked> {
    let typed = fold_for_match(typed);
    let patterns: Vec<Pattern> =
        typed.split_whitespace().map(|word| Pattern::new(word, PatternConfig::default())).collect();
    if patterns.is_empty() {
        return Vec::new();
    }
    let folded: Vec<String> = names.iter().map(|n| fold_for_match(n.as_ref())).collect();
    let config = Config { casing: CaseMatching::Ignore, ..Config::default() };
    let mut matches = Matcher::from_patterns(&patterns, &config).match_list(&folded);
    matches.sort();
    matches
        .into_iter()
        .filter_map(|m| Some(Ranked { index: usize::try_from(m.index).ok()?, score: m.score }))
        .collect()
}

/// How alike two folded names must be (Jaro-Winkler, 0 to 1) to be suggested.
const CLOSE_ENOUGH: f64 = 0.85;

/// Names close to a typed one that fits nobody, for "did you mean": alike as a whole or in
/// one of their words (a mistyped first or last name), closest first, at most `limit`.
pub fn close<S: AsRef<str>>(typed: &str, names: &[S], limit: usize) -> Vec<usize> {
    let typed = fold_for_match(typed);
    if typed.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, usize)> = names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| {
            let folded = fold_for_match(name.as_ref());
            let whole = strsim::jaro_winkler(&folded, &typed);
            let word = folded.split_whitespace().map(|w| strsim::jaro_winkler(w, &typed)).fold(0.0, f64::max);
            let score = whole.max(word);
            (score >= CLOSE_ENOUGH).then_some((score, index))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(limit).map(|(_, index)| index).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEAM: [&str; 6] =
        ["Mateo García", "Amara Okafor", "Kenji Watanabe", "Łukasz Żółć", "Marta Garrido", "Дмитрий Соколов"];

    fn ranked(typed: &str) -> Vec<&'static str> {
        rank(typed, &TEAM).into_iter().map(|r| TEAM[r.index]).collect()
    }

    #[test]
    fn letters_in_order_find_a_name_across_its_words() {
        assert_eq!(ranked("mgarc"), ["Mateo García"]);
        assert_eq!(ranked("kwat"), ["Kenji Watanabe"]);
        assert_eq!(ranked("garc mat"), ["Mateo García"]);
        assert_eq!(ranked("xyz"), Vec::<&str>::new());
        assert_eq!(ranked("   "), Vec::<&str>::new());
    }

    #[test]
    fn accents_and_scripts_do_not_matter() {
        assert_eq!(ranked("lukasz"), ["Łukasz Żółć"]);
        assert_eq!(ranked("ŁUKASZ ZOLC"), ["Łukasz Żółć"]);
        assert_eq!(ranked("dmitrii"), ["Дмитрий Соколов"]);
        assert_eq!(ranked("соколов"), ["Дмитрий Соколов"]);
    }

    #[test]
    fn a_closer_match_ranks_first() {
        // Both hold m-a-r-g-a-r in order; "Marta Garrido" holds "mar" and "gar" as word starts.
        let both = ranked("mar gar");
        assert_eq!(both.len(), 2, "{both:?}");
        assert_eq!(both[0], "Marta Garrido");
        assert_eq!(both[1], "Mateo García");
    }

    #[test]
    fn suggestions_are_alike_names_closest_first() {
        let suggested = |typed: &str| close(typed, &TEAM, 3).into_iter().map(|i| TEAM[i]).collect::<Vec<_>>();
        assert_eq!(suggested("Amra Okafr"), ["Amara Okafor"]);
        assert_eq!(suggested("Kenjii"), ["Kenji Watanabe"]);
        assert_eq!(suggested("Lucasz"), ["Łukasz Żółć"]);
        assert_eq!(suggested("Zebedee"), Vec::<&str>::new());
        assert_eq!(suggested(""), Vec::<&str>::new());
    }
}
