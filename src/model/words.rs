//! How counts and sizes read in a sentence: shared by the screens, the command line and the
//! reports, so "1 entry" and "2.0 MB" are written one way everywhere.

/// "1 architect", "3 architects".
pub fn plural<N: TryInto<u64> + Copy + std::fmt::Display>(count: N, noun: &str) -> String {
    if count.try_into().ok() == Some(1) { format!("1 {noun}") } else { format!("{count} {noun}s") }
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
    fn sizes_switch_unit_at_each_kibibyte_step() {
        assert_eq!(human_size(1_023), "1023 B");
        assert_eq!(human_size(1_024), "1.0 KB");
        assert_eq!(human_size(1_048_576), "1.0 MB");
        assert_eq!(human_size(54_630_400), "52.1 MB");
    }
}
