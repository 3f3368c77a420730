//! The quarterly review out of the app: Markdown (a notebook, a wiki), plain text per section
//! (what "Copy section" puts on the clipboard, the shape that pastes into a web form's text box)
//! and JSON with every figure (the organisation's own tools). The HTML is in `review_html`.
//! No timestamp of their own: the same data always gives the same document.

use std::fmt::Write as _;

use serde_json::json;

use super::one_line;
use crate::model::architect::Choice as _;
use crate::model::review::catalogue::SectionId;
use crate::model::review::words::ReviewState;
use crate::model::review::{Comparison, Figure, ReviewDraft, Section, Table};

/// The parts of a review "Copy section" copies one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Figures(SectionId),
    Accomplishments,
    Setbacks,
    Priorities,
    Promises,
    Ratings,
}

impl Part {
    pub fn title(self) -> &'static str {
        match self {
            Self::Figures(id) => id.title(),
            Self::Accomplishments => "Accomplishments and impact",
            Self::Setbacks => "Setbacks and learnings",
            Self::Priorities => "Priorities for next quarter",
            Self::Promises => "Last quarter's promises",
            Self::Ratings => "Self-rating",
        }
    }
}

/// "Coach and develop (50 %)": an accountability with its target share.
pub fn section_heading(draft: &ReviewDraft, section: &Section) -> String {
    match section.category {
        Some(category) => format!("{} ({} %)", section.title, draft.figures.time.targets.pct(category)),
        None => section.title.to_owned(),
    }
}

/// "Draft" or "Finalized on Fri 2 Oct 2026".
pub fn state_text(state: ReviewState) -> String {
    match state {
        ReviewState::Draft => "Draft".to_owned(),
        ReviewState::Final { finalized_on } => {
            format!("Finalized on {}", finalized_on.format("%a %-d %b %Y"))
        }
    }
}

/// "FY27 Q1 (finalized)" or "FY26 Q2 (no records)".
pub fn compared_text(compared: crate::model::review::Compared) -> String {
    if !compared.has_records {
        format!("{} (no records)", compared.quarter)
    } else if compared.frozen {
        format!("{} (finalized)", compared.quarter)
    } else {
        compared.quarter.to_string()
    }
}

/// "▲ +4 pts" against an earlier quarter, or "—" when there is nothing to compare with.
pub fn comparison_text(figure: &Figure, comparison: &Comparison) -> String {
    match (comparison.arrow, comparison.delta) {
        (Some(arrow), Some(delta)) => format!("{} {}", arrow.symbol(), figure.unit.delta_text(delta)),
        _ => "—".to_owned(),
    }
}

/// "84 % (42 held of 50 due by cadence)".
pub fn value_text(figure: &Figure) -> String {
    match &figure.detail {
        Some(detail) => format!("{} ({detail})", figure.text),
        None => figure.text.clone(),
    }
}

/// The ring and accountability of a bullet: "My own results · Coaching".
pub fn tags_text(fields: &crate::model::review::words::AccomplishmentFields) -> String {
    let mut tags = Vec::new();
    if let Some(ring) = fields.ring {
        tags.push(ring.label());
    }
    if let Some(category) = fields.accountability {
        tags.push(category.label());
    }
    tags.join(" · ")
}

fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

fn markdown_table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "\n### {}\n", table.title);
    let _ = writeln!(out, "| {} |", table.columns.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(table.columns.len()));
    for row in &table.rows {
        let cells: Vec<String> = row.cells.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if table.more > 0 {
        let _ = writeln!(out, "\n…and {} more.", table.more);
    }
}

fn markdown_section(out: &mut String, draft: &ReviewDraft, section: &Section) {
    let _ = writeln!(out, "\n## {}", section_heading(draft, section));
    if !section.figures.is_empty() {
        let _ = writeln!(
            out,
            "\n| Figure | {} | vs {} | vs {} |",
            draft.quarter,
            compared_text(draft.previous),
            compared_text(draft.year_ago)
        );
        let _ = writeln!(out, "|---|---|---|---|");
        for figure in &section.figures {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(figure.label),
                cell(&value_text(figure)),
                comparison_text(figure, &figure.previous),
                comparison_text(figure, &figure.year_ago)
            );
        }
    }
    if section.id == SectionId::Time && draft.figures.time.total.total() > 0 {
        let _ = writeln!(out, "\n### Each week's split\n");
        let _ = writeln!(out, "| Week | Coaching | Market | Business | Logged |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for week in draft.figures.time.weeks.iter().filter(|w| w.split.total() > 0) {
            use crate::model::split::Category;
            let share = |c| format!("{:.0} %", week.split.share_pct(c).round());
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                week.week,
                share(Category::Coaching),
                share(Category::Market),
                share(Category::Business),
                crate::model::time_summary::hours_text(week.split.total())
            );
        }
    }
    for table in &section.tables {
        markdown_table(out, table);
    }
    for note in &section.notes {
        let _ = writeln!(out, "\n*{note}*");
    }
}

/// The whole review as Markdown.
pub fn markdown(draft: &ReviewDraft) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Quarterly review: {} ({})\n", draft.quarter, draft.months);
    let _ = writeln!(
        out,
        "{} · compared with {} and {}",
        state_text(draft.state),
        compared_text(draft.previous),
        compared_text(draft.year_ago)
    );
    for note in &draft.notes {
        let _ = writeln!(out, "\n> {note}");
    }
    for section in &draft.sections {
        markdown_section(&mut out, draft, section);
    }
    for part in [Part::Accomplishments, Part::Setbacks, Part::Priorities, Part::Promises, Part::Ratings] {
        let _ = writeln!(out, "\n## {}\n", words_heading(draft, part));
        out.push_str(&words_markdown(draft, part));
    }
    out
}

fn words_heading(draft: &ReviewDraft, part: Part) -> String {
    match part {
        Part::Promises => format!("Last quarter's promises ({})", draft.previous.quarter),
        other => other.title().to_owned(),
    }
}

/// One of the manager's sections as Markdown (nothing written: a line saying so).
fn words_markdown(draft: &ReviewDraft, part: Part) -> String {
    let mut out = String::new();
    match part {
        Part::Accomplishments => {
            for bullet in &draft.accomplishments {
                let tags = tags_text(&bullet.fields);
                let tags = if tags.is_empty() { String::new() } else { format!(" *({tags})*") };
                let _ = writeln!(out, "- {}{tags}", one_line(&bullet.fields.text));
            }
            if draft.accomplishments.is_empty() {
                out.push_str("*Not written yet.*\n");
            }
        }
        Part::Setbacks => {
            if draft.setbacks.trim().is_empty() {
                out.push_str("*Not written yet.*\n");
            } else {
                // Under the section's `##`: the text's own headings go deeper.
                let _ = writeln!(
                    out,
                    "{}",
                    crate::model::notes::demote_headings(draft.setbacks.trim(), 2).trim_end()
                );
            }
        }
        Part::Priorities => {
            for (index, priority) in draft.priorities.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", index + 1, one_line(&priority.text));
            }
            if draft.priorities.is_empty() {
                out.push_str("*Not written yet.*\n");
            }
        }
        Part::Promises => {
            for promise in &draft.promises {
                let outcome = promise.outcome.map_or("Not marked yet", |o| o.label());
                let note = if promise.note.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", one_line(&promise.note))
                };
                let _ = writeln!(out, "- **{outcome}**: {}{note}", one_line(&promise.text));
            }
            if draft.promises.is_empty() {
                let _ = writeln!(out, "*{} has no priorities written.*", draft.previous.quarter);
            }
        }
        Part::Ratings => {
            let _ = writeln!(out, "| Competency | Rating | Last quarter | Evidence |");
            let _ = writeln!(out, "|---|---|---|---|");
            for row in &draft.ratings {
                let rating = row.rating.map_or_else(|| "—".to_owned(), |r| format!("{r} / 5"));
                let last = row.last_quarter.map_or_else(|| "—".to_owned(), |r| format!("{r} / 5"));
                let _ = writeln!(
                    out,
                    "| {}: {} | {rating} | {last} | {} |",
                    cell(&row.role),
                    cell(&row.name),
                    cell(&row.evidence)
                );
            }
        }
        Part::Figures(_) => {}
    }
    out
}

/// One part as plain text, for the clipboard: no Markdown, the heading first, figures one a
/// line with their comparisons, bullets as "• ".
pub fn plain_text(draft: &ReviewDraft, part: Part) -> String {
    let mut out = String::new();
    match part {
        Part::Figures(id) => {
            let Some(section) = draft.section(id) else { return out };
            let _ = writeln!(out, "{} — {}", section_heading(draft, section), draft.quarter);
            for figure in &section.figures {
                let _ = writeln!(
                    out,
                    "• {}: {} (vs {}: {}; vs {}: {})",
                    figure.label,
                    value_text(figure),
                    draft.previous.quarter,
                    comparison_text(figure, &figure.previous),
                    draft.year_ago.quarter,
                    comparison_text(figure, &figure.year_ago)
                );
            }
            for table in &section.tables {
                let _ = writeln!(out, "\n{}", table.title);
                for row in &table.rows {
                    let _ = writeln!(
                        out,
                        "• {}",
                        row.cells.iter().map(|c| one_line(c)).collect::<Vec<_>>().join(" — ")
                    );
                }
            }
            for note in &section.notes {
                let _ = writeln!(out, "\n{note}");
            }
        }
        Part::Accomplishments => {
            let _ = writeln!(out, "{}", part.title());
            for bullet in &draft.accomplishments {
                let tags = tags_text(&bullet.fields);
                let tags = if tags.is_empty() { String::new() } else { format!(" ({tags})") };
                let _ = writeln!(out, "• {}{tags}", one_line(&bullet.fields.text));
            }
        }
        Part::Setbacks => {
            let _ = writeln!(out, "{}\n{}", part.title(), draft.setbacks.trim_end());
        }
        Part::Priorities => {
            let _ = writeln!(out, "{}", part.title());
            for (index, priority) in draft.priorities.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", index + 1, one_line(&priority.text));
            }
        }
        Part::Promises => {
            let _ = writeln!(out, "{}", words_heading(draft, part));
            for promise in &draft.promises {
                let outcome = promise.outcome.map_or("Not marked yet", |o| o.label());
                let note = if promise.note.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", one_line(&promise.note))
                };
                let _ = writeln!(out, "• {}: {outcome}{note}", one_line(&promise.text));
            }
        }
        Part::Ratings => {
            let _ = writeln!(out, "{}", part.title());
            for row in &draft.ratings {
                let rating = row.rating.map_or_else(|| "not rated".to_owned(), |r| format!("{r}/5"));
                let last = row.last_quarter.map(|r| format!(" (last quarter {r}/5)")).unwrap_or_default();
                let evidence = if row.evidence.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", one_line(&row.evidence))
                };
                let _ = writeln!(out, "• {} — {}: {rating}{last}{evidence}", row.role, row.name);
            }
        }
    }
    out
}

/// Every figure and word of the review as JSON, for the organisation's own tools.
pub fn json(draft: &ReviewDraft) -> serde_json::Value {
    let figures: Vec<serde_json::Value> = draft
        .sections
        .iter()
        .flat_map(|section| {
            section.figures.iter().map(move |figure| {
                let mut value = serde_json::to_value(figure).unwrap_or_default();
                if let Some(object) = value.as_object_mut() {
                    object.insert("section".to_owned(), json!(section.id));
                }
                value
            })
        })
        .collect();
    let sections: Vec<serde_json::Value> = draft
        .sections
        .iter()
        .map(|s| json!({ "id": s.id, "title": s.title, "category": s.category, "tables": s.tables, "notes": s.notes }))
        .collect();
    json!({
        "format": "leadline-review",
        "version": 1,
        "quarter": draft.quarter.to_string(),
        "months": draft.months,
        "state": draft.state,
        "frozen": draft.frozen,
        "as_of": draft.figures.as_of,
        "compared_with": { "previous": draft.previous, "year_ago": draft.year_ago },
        "notes": draft.notes,
        "figures": figures,
        "sections": sections,
        "details": draft.figures,
        "accomplishments": draft.accomplishments,
        "setbacks": draft.setbacks,
        "priorities": draft.priorities,
        "ratings": draft.ratings,
        "promises": draft.promises,
        "suggestions": draft.suggestions,
        "missing": draft.missing,
    })
}

/// The JSON as text, pretty-printed, ending with a newline.
pub fn json_text(draft: &ReviewDraft) -> String {
    let mut text = serde_json::to_string_pretty(&json(draft)).unwrap_or_default();
    text.push('\n');
    text
}
