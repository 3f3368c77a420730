//! Markdown-ish meeting notes: the few structures people type (headings, bullets, numbered
//! lists, checkboxes, quotes, **bold**), read into blocks the screen and the reports render.
//! Anything else is kept as a plain line, so no note is ever lost to the parser.

/// One line of notes, as it should be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    /// `#`, `##`, `###` (deeper levels count as 3).
    Heading {
        level: u8,
        text: &'a str,
    },
    /// `- `, `* ` or `+ `, indented by `depth` levels (two spaces or a tab each);
    /// `checked` for `- [ ]` / `- [x]`.
    Bullet {
        depth: usize,
        text: &'a str,
        checked: Option<bool>,
    },
    /// `1.` or `1)`.
    Numbered {
        depth: usize,
        number: &'a str,
        text: &'a str,
    },
    /// `> `.
    Quote(&'a str),
    Line(&'a str),
    Blank,
}

/// Reads notes line by line.
pub fn parse(notes: &str) -> Vec<Block<'_>> {
    notes.lines().map(parse_line).collect()
}

fn parse_line(line: &str) -> Block<'_> {
    let trimmed = line.trim_start();
    if trimmed.is_empty() {
        return Block::Blank;
    }
    let indent: usize =
        line[..line.len() - trimmed.len()].chars().map(|c| if c == '\t' { 2 } else { 1 }).sum();
    let depth = indent / 2;
    let hashes = trimmed.bytes().take_while(|b| *b == b'#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        let level = u8::try_from(hashes.min(3)).unwrap_or(3);
        return Block::Heading { level, text: trimmed[hashes..].trim() };
    }
    if let Some(rest) = ["- ", "* ", "+ "].iter().find_map(|marker| trimmed.strip_prefix(marker)) {
        let (checked, text) = match rest.get(..4) {
            Some("[ ] ") => (Some(false), &rest[4..]),
            Some("[x] " | "[X] ") => (Some(true), &rest[4..]),
            _ => (None, rest),
        };
        return Block::Bullet { depth, text: text.trim(), checked };
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = &trimmed[digits..];
        if after.starts_with(". ") || after.starts_with(") ") {
            return Block::Numbered { depth, number: &trimmed[..digits], text: after[2..].trim() };
        }
    }
    if let Some(rest) = trimmed.strip_prefix('>') {
        return Block::Quote(rest.trim());
    }
    Block::Line(line.trim_end())
}

/// Splits `**bold**` spans out of a line: (text, bold) pieces in order. An unclosed `**` is
/// kept as typed.
pub fn inline_spans(text: &str) -> Vec<(&str, bool)> {
    let mut spans = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("**") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("**") else { break };
        if end == 0 {
            break;
        }
        if start > 0 {
            spans.push((&rest[..start], false));
        }
        spans.push((&after[..end], true));
        rest = &after[end + 2..];
    }
    if !rest.is_empty() {
        spans.push((rest, false));
    }
    spans
}

/// The notes with their headings pushed `levels` deeper, so they nest under a report's own
/// headings (a `#` in a meeting's notes becomes `####` under the meeting's `###`).
pub fn demote_headings(notes: &str, levels: usize) -> String {
    let mut out = String::with_capacity(notes.len() + 16);
    for line in notes.lines() {
        if let Block::Heading { .. } = parse_line(line) {
            out.push_str(&"#".repeat(levels));
            out.push_str(line.trim_start());
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The checkboxes left unticked (`- [ ] call Contoso's CTO`): things promised in the notes
/// and still open, in the order written.
pub fn open_checkboxes(notes: &str) -> Vec<&str> {
    parse(notes)
        .into_iter()
        .filter_map(|block| match block {
            Block::Bullet { text, checked: Some(false), .. } if !text.is_empty() => Some(text),
            _ => None,
        })
        .collect()
}

/// The gist of the notes: their first lines of content (headings, checkboxes and blank lines
/// left out, markers and `**` removed), joined and cut to `max_chars` at a word.
pub fn gist(notes: &str, max_chars: usize) -> Option<String> {
    let mut words = String::new();
    for block in parse(notes) {
        let text = match block {
            Block::Bullet { text, checked: None, .. }
            | Block::Numbered { text, .. }
            | Block::Quote(text)
            | Block::Line(text) => text,
            Block::Heading { .. } | Block::Bullet { .. } | Block::Blank => continue,
        };
        if text.trim().is_empty() {
            continue;
        }
        // Lines and bullets run on as clauses of one sentence: "Pilot is live; needs a second architect".
        if !words.is_empty() && !words.ends_with(['.', '!', '?', ';', ':', ',']) {
            words.push(';');
        }
        for (piece, _) in inline_spans(text.trim()) {
            for word in piece.split_whitespace() {
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(word);
            }
        }
        if words.chars().count() > max_chars {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    if words.chars().count() <= max_chars {
        return Some(words);
    }
    let cut: String = words.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end_matches([',', ';', ':']);
    Some(format!("{cut}…"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_bullets_numbers_and_plain_lines() {
        let notes = "# Customers\n- Fabrikam: POC went well\n  - [x] send summary\n2. Follow up\n\nPlain line\n#hashtag";
        assert_eq!(
            parse(notes),
            vec![
                Block::Heading { level: 1, text: "Customers" },
                Block::Bullet { depth: 0, text: "Fabrikam: POC went well", checked: None },
                Block::Bullet { depth: 1, text: "send summary", checked: Some(true) },
                Block::Numbered { depth: 0, number: "2", text: "Follow up" },
                Block::Blank,
                Block::Line("Plain line"),
                Block::Line("#hashtag"),
            ]
        );
    }

    #[test]
    fn bold_spans_and_unclosed_markers() {
        assert_eq!(inline_spans("a **b** c"), vec![("a ", false), ("b", true), (" c", false)]);
        assert_eq!(inline_spans("**open"), vec![("**open", false)]);
        assert_eq!(inline_spans(""), Vec::<(&str, bool)>::new());
    }

    #[test]
    fn demoting_headings_nests_them_under_a_report() {
        assert_eq!(demote_headings("# Career\n- text", 3), "#### Career\n- text\n");
    }

    #[test]
    fn the_gist_is_the_first_words_of_content_and_open_checkboxes_are_listed() {
        let notes = "## Northwind\n- Load test moved to **January**\n- [ ] Send the runbook\n\
                     - [x] Book the room\nCustomer is happy with the pilot, wants a second region";
        assert_eq!(
            gist(notes, 200).as_deref(),
            Some("Load test moved to January; Customer is happy with the pilot, wants a second region")
        );
        assert_eq!(gist(notes, 30).as_deref(), Some("Load test moved to January…"));
        assert_eq!(open_checkboxes(notes), ["Send the runbook"]);
        assert_eq!(gist("## Only a heading\n\n", 50), None);
    }
}
