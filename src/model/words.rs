//! How counts and sizes read in a sentence: shared by the screens, the command line and the
//! reports, so "1 entry" and "2.0 MB" are written one way everywhere.

/// "1 architect", "3 architects"; a consonant and y ends in ies ("2 competencies", "0 time
/// entries"). A noun that changes otherwise goes through [`plural_with`].
pub fn plural<N: TryInto<u64> + Copy + std::fmt::Display>(count: N, noun: &str) -> String {
    let many = match noun.strip_suffix('y') {
        Some(stem) if stem.ends_with(|c: char| c.is_alphabetic() && !"aeiou".contains(c)) => {
            format!("{stem}ies")
        }
        _ => format!("{noun}s"),
    };
    plural_with(count, noun, &many)
}

/// A count with the noun's own plural: "1 person", "4 people".
pub fn plural_with<N: TryInto<u64> + Copy + std::fmt::Display>(count: N, one: &str, many: &str) -> String {
    if count.try_into().ok() == Some(1) { format!("1 {one}") } else { format!("{count} {many}") }
}

/// A file size as a person reads it: "512 B", "3.4 KB", "52.1 MB".
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..1_024 => format!("{bytes} B"),
        1_024..1_048_576 => format!("{:.1} KB", bytes as f64 / 1_024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "entry"), "1 entry");
        assert_eq!(plural(0, "day"), "0 days");
        assert_eq!(plural(12_usize, "architect"), "12 architects");
        assert_eq!(plural(1_u32, "action"), "1 action");
    }

    #[test]
    fn a_consonant_and_y_ends_in_ies_and_other_nouns_name_their_plural() {
        assert_eq!(plural(5, "competency"), "5 competencies");
        assert_eq!(plural(1, "competency"), "1 competency");
        assert_eq!(plural(2, "opportunity"), "2 opportunities");
        assert_eq!(plural(0, "time entry"), "0 time entries");
        // A vowel before the y keeps it.
        assert_eq!(plural(3, "day"), "3 days");
        assert_eq!(plural(2, "key"), "2 keys");
        assert_eq!(plural_with(4, "person", "people"), "4 people");
        assert_eq!(plural_with(1, "person", "people"), "1 person");
    }

    #[test]
    fn sizes_switch_unit_at_each_kibibyte_step() {
        assert_eq!(human_size(1_023), "1023 B");
        assert_eq!(human_size(1_024), "1.0 KB");
        assert_eq!(human_size(1_048_576), "1.0 MB");
        assert_eq!(human_size(54_630_400), "52.1 MB");
    }
}
