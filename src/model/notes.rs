//! Meeting notes are Markdown as people type and paste it (from `OneNote`, Teams or e-mail):
//! read as `CommonMark` with GitHub's task lists and tables by `pulldown-cmark`, the one reader
//! behind the screen (`ui::notes_view`), the prep sheet (the gist and the open checkboxes) and
//! the exports. The stored text is never changed: only what is shown of it.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The syntax notes are read with: `CommonMark` plus task lists (`- [ ]`), tables and
/// ~~strikethrough~~.
pub fn options() -> Options {
    Options::ENABLE_TASKLISTS | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

fn parser(notes: &str) -> pulldown_cmark::OffsetIter<'_, pulldown_cmark::DefaultBrokenLinkCallback> {
    Parser::new_ext(notes, options()).into_offset_iter()
}

/// The notes as they are drawn: each line break inside a paragraph kept as typed (`CommonMark`
/// would join the lines of a paragraph into one), everything else unchanged.
pub fn display_text(notes: &str) -> String {
    let mut out = String::with_capacity(notes.len() + 16);
    let mut copied = 0;
    for (event, range) in parser(notes) {
        if event == Event::SoftBreak {
            // A backslash before the line break is CommonMark's hard break.
            let line_end = notes[range.clone()].find('\n').map_or(range.end, |i| range.start + i);
            let before = notes[copied..line_end].trim_end_matches([' ', '\t']);
            out.push_str(before);
            out.push('\\');
            copied = line_end;
        }
    }
    out.push_str(&notes[copied..]);
    out
}

/// The notes with their headings pushed `levels` deeper (six at most), so they nest under a
/// report's own headings (a `#` in a meeting's notes becomes `####` under the meeting's
/// `###`). Underlined headings are written with `#` too; nothing else changes.
pub fn demote_headings(notes: &str, levels: usize) -> String {
    let mut out = String::with_capacity(notes.len() + 16);
    let mut copied = 0;
    for (event, range) in parser(notes) {
        let Event::Start(Tag::Heading { level, .. }) = event else { continue };
        let depth = (heading_depth(level) + levels).min(6);
        let source = &notes[range.clone()];
        let hashes = "#".repeat(depth);
        out.push_str(&notes[copied..range.start]);
        if let Some(rest) = source.trim_start().strip_prefix('#') {
            let rest = rest.trim_start_matches('#');
            out.push_str(&hashes);
            out.push_str(if rest.starts_with([' ', '\t']) || rest.is_empty() { "" } else { " " });
            out.push_str(rest.trim_end_matches('\n'));
        } else {
            // An underlined (setext) heading: its text lines, then the `===` or `---` line.
            let mut lines: Vec<&str> = source.lines().collect();
            lines.pop();
            out.push_str(&hashes);
            out.push(' ');
            out.push_str(&lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" "));
        }
        if source.ends_with('\n') {
            out.push('\n');
        }
        copied = range.end;
    }
    out.push_str(&notes[copied..]);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn heading_depth(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The checkboxes left unticked (`- [ ] call Contoso's CTO`), at any depth of a list: things
/// promised in the notes and still open, in the order written, as typed (with any links or
/// emphasis in them).
pub fn open_checkboxes(notes: &str) -> Vec<&str> {
    let mut open = Vec::new();
    // Where the text of an open checkbox began, and where it has reached so far.
    let mut current: Option<Range<usize>> = None;
    let mut depth = 0_usize;
    let mut finish = |current: &mut Option<Range<usize>>| {
        if let Some(range) = current.take() {
            let text = notes[range].trim();
            if !text.is_empty() {
                open.push(text);
            }
        }
    };
    for (event, range) in parser(notes) {
        match event {
            Event::TaskListMarker(false) => {
                current = Some(range.end..range.end);
                depth = 0;
            }
            // The checkbox's text ends with its line, or where a nested list or its item does.
            Event::Start(Tag::List(_)) | Event::End(TagEnd::Item) | Event::SoftBreak | Event::HardBreak
                if depth == 0 =>
            {
                finish(&mut current);
            }
            Event::Start(Tag::List(_) | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_)) => depth += 1,
            Event::End(TagEnd::List(_) | TagEnd::CodeBlock | TagEnd::BlockQuote(_) | TagEnd::Table) => {
                depth = depth.saturating_sub(1);
            }
            _ => {
                if let Some(current) = current.as_mut().filter(|_| depth == 0) {
                    current.end = current.end.max(range.end);
                }
            }
        }
    }
    finish(&mut current);
    open
}

/// The gist of the notes: their first words of content (headings, checkboxes, tables and
/// code left out, emphasis and link addresses dropped), lines and items run on as clauses
/// of one sentence, cut to `max_chars` at a word.
pub fn gist(notes: &str, max_chars: usize) -> Option<String> {
    let mut clauses: Vec<String> = Vec::new();
    let mut clause = String::new();
    let mut length = 0;
    // Inside something left out (a heading, a table, code, an image's text).
    let mut skipping = 0_usize;
    // The list items open around the text, innermost last: true for a checkbox item.
    let mut items: Vec<bool> = Vec::new();
    for event in Parser::new_ext(notes, options()) {
        let ends_clause = match event {
            Event::Start(Tag::Heading { .. } | Tag::Table(_) | Tag::CodeBlock(_) | Tag::Image { .. }) => {
                skipping += 1;
                true
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Table | TagEnd::CodeBlock | TagEnd::Image) => {
                skipping = skipping.saturating_sub(1);
                true
            }
            Event::Start(Tag::Item) => {
                items.push(false);
                true
            }
            Event::End(TagEnd::Item) => {
                items.pop();
                true
            }
            Event::TaskListMarker(_) => {
                if let Some(last) = items.last_mut() {
                    *last = true;
                }
                false
            }
            Event::Text(text) | Event::Code(text) => {
                if skipping == 0 && items.last() != Some(&true) {
                    clause.push_str(&text);
                }
                false
            }
            Event::SoftBreak | Event::HardBreak => {
                // A checkbox is its first line: a line typed under it without a blank line is
                // (for CommonMark) part of its item, but is meant as content of its own.
                if let Some(last) = items.last_mut() {
                    *last = false;
                }
                true
            }
            Event::Start(Tag::List(_)) | Event::End(TagEnd::Paragraph | TagEnd::BlockQuote(_)) => true,
            _ => false,
        };
        if ends_clause {
            let words = clause.split_whitespace().collect::<Vec<_>>().join(" ");
            clause.clear();
            if !words.is_empty() {
                length += words.chars().count() + 2;
                clauses.push(words);
            }
            if length > max_chars {
                break;
            }
        }
    }
    let last = clause.split_whitespace().collect::<Vec<_>>().join(" ");
    if !last.is_empty() {
        clauses.push(last);
    }
    // Lines and items run on as clauses of one sentence: "Pilot is live; needs a second architect".
    let mut words = String::new();
    for clause in clauses {
        if !words.is_empty() {
            if !words.ends_with(['.', '!', '?', ';', ':', ',']) {
                words.push(';');
            }
            words.push(' ');
        }
        words.push_str(&clause);
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

/// A line of Markdown as plain words, for a place that shows text only (a card on This
/// week): emphasis markers and link addresses dropped, code as its text.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The notes as HTML for an export: headings pushed `levels` deeper, line breaks kept as
/// typed, any HTML typed in them shown as text, never run, and images as their description
/// (the file fetches nothing).
pub fn to_html(notes: &str, levels: usize) -> String {
    let demoted = display_text(&demote_headings(notes, levels));
    // An image would be fetched when the file is opened: its description is shown instead.
    let events = Parser::new_ext(&demoted, options()).filter_map(|event| match event {
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::with_capacity(notes.len() * 2);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demoting_headings_nests_them_under_a_report() {
        assert_eq!(demote_headings("# Career\n- text", 3), "#### Career\n- text\n");
        assert_eq!(demote_headings("Customers\n===\nline", 2), "### Customers\nline\n");
        assert_eq!(demote_headings("##### Deep", 3), "###### Deep\n");
        assert_eq!(
            demote_headings("#hashtag\n```\n# not a heading\n```", 3),
            "#hashtag\n```\n# not a heading\n```\n"
        );
    }

    #[test]
    fn line_breaks_inside_a_paragraph_are_drawn_as_typed() {
        assert_eq!(display_text("one\ntwo  \nthree\n\n- a\n  b"), "one\\\ntwo  \nthree\n\n- a\\\n  b");
        assert_eq!(display_text("| a |\n|---|\n| b |"), "| a |\n|---|\n| b |");
    }

    #[test]
    fn the_gist_is_the_first_words_of_content_and_open_checkboxes_are_listed() {
        // The last line runs on from the checkbox above it (CommonMark's "lazy continuation"),
        // but is read as a line of its own, as it was typed.
        let notes = "## Northwind\n- Load test moved to **January**\n- [ ] Send the runbook\n\
                     - [x] Book the room\nCustomer is happy with the pilot, wants a second region";
        assert_eq!(
            gist(notes, 200).as_deref(),
            Some("Load test moved to January; Customer is happy with the pilot, wants a second region")
        );
        assert_eq!(gist(notes, 30).as_deref(), Some("Load test moved to January…"));
        assert_eq!(open_checkboxes(notes), ["Send the runbook"]);
        assert_eq!(gist("## Only a heading\n\n", 50), None);
        // A checkbox is its own line, even with a line run on under it.
        assert_eq!(open_checkboxes("- [ ] Send the runbook\nCustomer is happy"), ["Send the runbook"]);
        assert_eq!(
            gist("- [ ] Send the runbook\nCustomer is happy", 50).as_deref(),
            Some("Customer is happy")
        );
    }

    #[test]
    fn pasted_notes_keep_links_tables_and_nesting_out_of_the_way() {
        let notes = "Pilot with [Contoso](https://contoso.example/pilot) is *live*\n\n\
                     | Who | What |\n|---|---|\n| Ana | `az login` |\n\n\
                     - Risks\n  - [ ] Ask [Ana](mailto:ana@contoso.example) about **quota**\n  \
                     - [x] Done already\n  - Budget `v2` agreed";
        assert_eq!(gist(notes, 200).as_deref(), Some("Pilot with Contoso is live; Risks; Budget v2 agreed"));
        assert_eq!(open_checkboxes(notes), ["Ask [Ana](mailto:ana@contoso.example) about **quota**"]);
    }

    #[test]
    fn plain_text_drops_markers_and_addresses() {
        assert_eq!(
            plain_text("Security review by [4 Dec](https://x.example/r) with **Ana**, `az login`"),
            "Security review by 4 Dec with Ana, az login"
        );
        assert_eq!(plain_text("2 * 3 = 6"), "2 * 3 = 6");
    }

    #[test]
    fn html_exports_show_typed_html_as_text() {
        let html = to_html("# Plan\n<script>alert(1)</script> and <b>bold</b>\n\n- [ ] call", 2);
        assert!(html.starts_with("<h3>Plan</h3>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("<input disabled=\"\" type=\"checkbox\"/>"), "{html}");
        let image = to_html("See ![the chart](https://example.com/c.png) here", 0);
        assert_eq!(image, "<p>See the chart here</p>\n");
    }
}
