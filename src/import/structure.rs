//! The file's skeleton: content lines unfolded (RFC 5545 §3.1, space- or tab-folded) with the
//! physical line each starts on, and the BEGIN/END tree. A cut-off or mis-nested file is
//! refused here, naming the line, before anything is read from it.

use std::borrow::Cow;

use super::IcsError;

/// One unfolded content line and the physical line (1-based) it starts on.
#[derive(Debug)]
pub struct Line<'a> {
    pub number: usize,
    pub text: Cow<'a, str>,
}

/// A BEGIN..END component: indexes into the unfolded lines, and the components inside it.
#[derive(Debug)]
pub struct Block {
    pub name: String,
    pub begin: usize,
    pub end: usize,
    pub children: Vec<Block>,
}

/// Components nest two or three deep in real files (VCALENDAR > VEVENT > VALARM); a file
/// nesting deeper than this is refused rather than walked.
const MAX_DEPTH: usize = 16;

pub struct Document<'a> {
    pub lines: Vec<Line<'a>>,
    /// Every VCALENDAR in the file (some exporters concatenate several).
    pub calendars: Vec<Block>,
    /// The line of the first component when the file has no BEGIN:VCALENDAR around its
    /// components (a bare VEVENT, as some mail programs attach one): they are read as one
    /// calendar, and the reader says so.
    pub bare_component: Option<usize>,
}

/// Components a file may hold without the VCALENDAR around them.
const BARE_COMPONENTS: &[&str] = &["VEVENT", "VTIMEZONE", "VTODO", "VJOURNAL", "VFREEBUSY"];

impl Document<'_> {
    /// The component's unfolded text, as the `icalendar` parser reads it.
    pub fn text_of(&self, block: &Block) -> String {
        let mut text = String::new();
        for line in &self.lines[block.begin..=block.end] {
            text.push_str(&line.text);
            text.push_str("\r\n");
        }
        text
    }

    /// The block's own content lines (not those of the components inside it), in order.
    pub fn own_lines<'s>(&'s self, block: &'s Block) -> impl Iterator<Item = &'s Line<'s>> + 's {
        let mut skip = block.children.iter().map(|c| (c.begin, c.end)).peekable();
        (block.begin + 1..block.end).filter_map(move |index| {
            while skip.peek().is_some_and(|&(_, end)| end < index) {
                skip.next();
            }
            if skip.peek().is_some_and(|&(begin, end)| (begin..=end).contains(&index)) {
                None
            } else {
                self.lines.get(index)
            }
        })
    }
}

/// Unfolds `text` and builds the component tree.
pub fn parse(text: &str) -> Result<Document<'_>, IcsError> {
    let mut lines = unfold(text);
    let Some(first) = lines.first() else {
        return Err(IcsError::NotACalendar("the file is empty".into()));
    };
    let mut bare_component = None;
    match keyword(&first.text, "BEGIN") {
        Some(name) if name.eq_ignore_ascii_case("VCALENDAR") => {}
        Some(name) if BARE_COMPONENTS.iter().any(|bare| name.eq_ignore_ascii_case(bare)) => {
            // Wrapped in a VCALENDAR of lines the file does not have, numbered as its first
            // and last lines, so everything below reads it as any calendar.
            let (first_number, last_number) = (first.number, lines.last().map_or(first.number, |l| l.number));
            bare_component = Some(first_number);
            lines.insert(0, Line { number: first_number, text: Cow::Borrowed("BEGIN:VCALENDAR") });
            lines.push(Line { number: last_number, text: Cow::Borrowed("END:VCALENDAR") });
        }
        _ => {
            let shown: String = first.text.chars().take(40).collect();
            return Err(IcsError::NotACalendar(format!(
                "line {} reads \"{shown}\", but a calendar starts with BEGIN:VCALENDAR",
                first.number
            )));
        }
    }
    let mut calendars = Vec::new();
    let mut stack: Vec<Block> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if let Some(name) = keyword(&line.text, "BEGIN") {
            if stack.len() >= MAX_DEPTH {
                return Err(IcsError::NotACalendar(format!(
                    "line {}: components are nested more than {MAX_DEPTH} deep",
                    line.number
                )));
            }
            if stack.is_empty() && !name.eq_ignore_ascii_case("VCALENDAR") {
                continue;
            }
            stack.push(Block {
                name: name.to_ascii_uppercase(),
                begin: index,
                end: index,
                children: Vec::new(),
            });
        } else if let Some(name) = keyword(&line.text, "END") {
            let Some(mut open) = stack.pop() else {
                return Err(IcsError::UnexpectedEnd { line: line.number, found: name.to_ascii_uppercase() });
            };
            if !open.name.eq_ignore_ascii_case(name) {
                if bare_component.is_some() && index + 1 == lines.len() {
                    // The END:VCALENDAR added around a bare component: the file itself ends
                    // inside the component that is still open.
                    return Err(IcsError::Truncated {
                        line: line.number,
                        begin: lines[open.begin].number,
                        what: describe(&open.name),
                    });
                }
                return Err(IcsError::Mismatched {
                    line: line.number,
                    found: name.to_ascii_uppercase(),
                    open: open.name,
                    begin: lines[open.begin].number,
                });
            }
            open.end = index;
            match stack.last_mut() {
                Some(parent) => parent.children.push(open),
                None => calendars.push(open),
            }
        }
    }
    if let Some(open) = stack.pop() {
        let last = lines.last().map_or(0, |l| l.number);
        return Err(IcsError::Truncated {
            line: last,
            begin: lines[open.begin].number,
            what: describe(&open.name),
        });
    }
    Ok(Document { lines, calendars, bare_component })
}

fn describe(name: &str) -> String {
    match name {
        "VEVENT" => "event (BEGIN:VEVENT)".into(),
        "VCALENDAR" => "calendar (BEGIN:VCALENDAR)".into(),
        "VTIMEZONE" => "time zone (BEGIN:VTIMEZONE)".into(),
        other => format!("BEGIN:{other}"),
    }
}

/// `BEGIN:VEVENT` -> `VEVENT` for keyword `BEGIN`, case-insensitively.
fn keyword<'t>(line: &'t str, word: &str) -> Option<&'t str> {
    let (name, value) = line.split_once(':')?;
    name.trim().eq_ignore_ascii_case(word).then(|| value.trim())
}

/// Splits on LF (CRLF and LF endings both occur), joins continuation lines (a leading space
/// or TAB is the fold and is removed) and drops blank lines.
fn unfold(text: &str) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (index, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.is_empty() {
            continue;
        }
        if let (Some(rest), Some(last)) = (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            last.text.to_mut().push_str(rest);
            continue;
        }
        lines.push(Line { number: index + 1, text: Cow::Borrowed(raw) });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document<'_>) -> Vec<String> {
        doc.lines.iter().map(|l| format!("{}:{}", l.number, l.text)).collect()
    }

    #[test]
    fn unfolds_space_and_tab_folds_and_keeps_line_numbers() {
        let doc = parse("BEGIN:VCALENDAR\r\nSUMMARY:one \r\n two\r\n\tthree\r\nX:y\r\nEND:VCALENDAR\r\n")
            .expect("ok");
        assert_eq!(texts(&doc), ["1:BEGIN:VCALENDAR", "2:SUMMARY:one twothree", "5:X:y", "6:END:VCALENDAR"]);
        let doc = parse("BEGIN:VCALENDAR\nA:1\n\nB:2\nEND:VCALENDAR").expect("ok");
        assert_eq!(texts(&doc), ["1:BEGIN:VCALENDAR", "2:A:1", "4:B:2", "5:END:VCALENDAR"]);
    }

    #[test]
    fn a_cut_off_file_names_where_it_ends_and_what_is_open() {
        let err = parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2020\nEND:VEVENT\nBEGIN:VEVENT\nDTEND:2002")
            .err()
            .expect("refused");
        assert_eq!(err, IcsError::Truncated { line: 6, begin: 5, what: "event (BEGIN:VEVENT)".into() });
        assert!(err.to_string().starts_with("line 6: the file ends inside the event"));
    }

    #[test]
    fn mis_nested_and_foreign_files_are_refused() {
        assert!(matches!(
            parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR"),
            Err(IcsError::Mismatched { line: 3, .. })
        ));
        assert!(matches!(parse(""), Err(IcsError::NotACalendar(_))));
        assert!(
            matches!(parse("Name,Start\nLunch,9:00"), Err(IcsError::NotACalendar(m)) if m.contains("line 1"))
        );
        let deep = format!("BEGIN:VCALENDAR\n{}", "BEGIN:X\n".repeat(40));
        assert!(matches!(parse(&deep), Err(IcsError::NotACalendar(m)) if m.contains("nested")));
    }

    #[test]
    fn a_bare_event_is_read_inside_a_calendar_of_its_own_and_a_cut_one_is_refused() {
        let doc = parse("BEGIN:VEVENT\nSUMMARY:Lunch\nEND:VEVENT\nBEGIN:VEVENT\nEND:VEVENT\n").expect("read");
        assert_eq!(doc.bare_component, Some(1));
        let [calendar] = doc.calendars.as_slice() else { panic!("one calendar") };
        assert_eq!(calendar.children.len(), 2);
        assert_eq!(doc.own_lines(&calendar.children[0]).map(|l| l.number).collect::<Vec<_>>(), [2]);
        assert_eq!(
            parse("BEGIN:VEVENT\nSUMMARY:Lunch\n").err(),
            Some(IcsError::Truncated { line: 2, begin: 1, what: "event (BEGIN:VEVENT)".into() })
        );
        assert!(matches!(parse("BEGIN:VCARD\nEND:VCARD"), Err(IcsError::NotACalendar(_))));
        assert_eq!(parse("BEGIN:VCALENDAR\nEND:VCALENDAR").map(|d| d.bare_component).ok(), Some(None));
    }

    #[test]
    fn own_lines_skip_nested_components() {
        let doc = parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nA:1\nBEGIN:VALARM\nB:2\nEND:VALARM\nC:3\nEND:VEVENT\nEND:VCALENDAR")
            .expect("ok");
        let event = &doc.calendars[0].children[0];
        let own: Vec<_> = doc.own_lines(event).map(|l| l.text.to_string()).collect();
        assert_eq!(own, ["A:1", "C:3"]);
    }
}
