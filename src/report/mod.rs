//! Documents rendered from what the app knows: the weekly prep sheet and an architect's
//! one-on-one history, as Markdown for pasting into a notebook; the roster as CSV; the
//! quarterly review as Markdown, plain text, HTML and JSON.

pub mod history;
pub mod prep;
pub mod review;
pub mod review_html;
pub mod roster;

/// A user's text on one Markdown line: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
