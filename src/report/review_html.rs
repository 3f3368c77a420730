//! The quarterly review as one self-contained HTML file: no scripts, no fonts or images to
//! fetch, the charts drawn as inline SVG, and print styles that let the browser print it to PDF
//! on A4 or Letter (no page size is imposed; sections and tables are kept whole). The markup is
//! well-formed XML too, so tools (and the tests) can read it back.

use std::fmt::Write as _;

use super::review::{Part, compared_text, comparison_text, section_heading, state_text, tags_text};
use crate::model::architect::Choice as _;
use crate::model::review::catalogue::SectionId;
use crate::model::review::figures::QuarterFigures;
use crate::model::review::{Comparison, Figure, ReviewDraft, Section, Table};
use crate::model::split::Category;
use crate::model::time_summary::hours_text;

const STYLE: &str = r#"
:root { --ink: #1d2430; --weak: #5b6472; --line: #d8dde5; --band: #f3f5f8; --good: #1e8232; --bad: #b3261e;
  --coaching: #2864c8; --market: #148764; --business: #cd7d0f; }
* { box-sizing: border-box; }
body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
  max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 0.4rem; }
.meta { color: var(--weak); margin: 0 0 1rem; }
.note { background: var(--band); border-left: 4px solid var(--line); padding: 0.4rem 0.75rem; margin: 0.5rem 0; }
.missing { color: var(--weak); font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 0.75rem; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--weak); font-weight: 600; }
td.value { font-weight: 600; white-space: nowrap; }
td.detail { color: var(--weak); }
td.delta { white-space: nowrap; }
.good { color: var(--good); } .bad { color: var(--bad); } .level { color: var(--weak); }
.tags { color: var(--weak); font-size: 0.88rem; }
ul.bullets li { margin: 0.25rem 0; }
.setbacks p { margin: 0.4rem 0; }
svg { display: block; width: 100%; height: auto; margin: 0.5rem 0; }
.legend span { display: inline-block; margin-right: 1rem; font-size: 0.85rem; color: var(--weak); }
.swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px; margin-right: 0.3rem; vertical-align: -0.1rem; }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  section, table, svg, .note { break-inside: avoid; }
  tr { break-inside: avoid; }
}
"#;

/// Escapes text for HTML (and XML): `&`, `<`, `>`, quotes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn category_color(category: Category) -> &'static str {
    match category {
        Category::Coaching => "#2864c8",
        Category::Market => "#148764",
        Category::Business => "#cd7d0f",
    }
}

fn delta_class(comparison: &Comparison) -> &'static str {
    match comparison.better {
        Some(true) => "good",
        Some(false) => "bad",
        None => "level",
    }
}

fn delta_cell(out: &mut String, figure: &Figure, comparison: &Comparison) {
    let _ = write!(
        out,
        "<td class=\"delta {}\">{}</td>",
        delta_class(comparison),
        escape(&comparison_text(figure, comparison))
    );
}

fn figures_table(out: &mut String, draft: &ReviewDraft, section: &Section) {
    if section.figures.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<table class=\"figures\"><thead><tr><th>Figure</th><th>{}</th><th></th><th>vs {}</th><th>vs {}</th></tr></thead><tbody>",
        escape(&draft.quarter.to_string()),
        escape(&compared_text(draft.previous)),
        escape(&compared_text(draft.year_ago))
    );
    for figure in &section.figures {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"value\" data-key=\"{}\">{}</td><td class=\"detail\">{}</td>",
            escape(figure.label),
            figure.key,
            escape(&figure.text),
            escape(figure.detail.as_deref().unwrap_or(""))
        );
        delta_cell(out, figure, &figure.previous);
        delta_cell(out, figure, &figure.year_ago);
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn records_table(out: &mut String, table: &Table) {
    let _ = write!(out, "<h3>{}</h3><table><thead><tr>", escape(&table.title));
    for column in &table.columns {
        let _ = write!(out, "<th>{}</th>", escape(column));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in &row.cells {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if table.more > 0 {
        let _ = write!(out, "<p class=\"missing\">…and {} more.</p>", table.more);
    }
}

/// A stacked bar per week of each category's share, the targets dashed across.
pub fn weeks_svg(figures: &QuarterFigures) -> String {
    let weeks = &figures.time.weeks;
    let (width, height, left, top, bottom) = (720.0_f64, 240.0_f64, 40.0_f64, 18.0_f64, 26.0_f64);
    let plot_h = height - top - bottom;
    let slot = (width - left - 8.0) / weeks.len().max(1) as f64;
    let bar = slot * 0.66;
    let y = |pct: f64| top + plot_h * (1.0 - pct / 100.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-label=\"Each week's split of coaching, market building and business management\">"
    );
    for pct in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let _ = write!(
            svg,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#d8dde5\" stroke-width=\"1\"/>\
             <text x=\"{}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"end\" fill=\"#5b6472\">{pct:.0} %</text>",
            width - 8.0,
            left - 4.0,
            y(pct) + 3.0,
            y = y(pct)
        );
    }
    for (index, week) in weeks.iter().enumerate() {
        let x = left + slot * index as f64 + (slot - bar) / 2.0;
        let mut base = 0.0;
        if week.split.total() > 0 {
            for &category in Category::ALL {
                let share = week.split.share_pct(category);
                let _ = write!(
                    svg,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{} {}: {} {:.0} %</title></rect>",
                    y(base + share),
                    plot_h * share / 100.0,
                    category_color(category),
                    week.week,
                    escape(category.label()),
                    hours_text(week.split.minutes(category)),
                    share.round()
                );
                base += share;
            }
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#5b6472\">{:.0} h</text>",
                x + bar / 2.0,
                top - 4.0,
                f64::from(week.split.total()) / 60.0
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#5b6472\">W{:02}</text>",
            x + bar / 2.0,
            height - bottom + 14.0,
            week.week.week()
        );
    }
    let targets = figures.time.targets;
    for level in [targets.coaching_pct, targets.coaching_pct + targets.market_pct] {
        let _ = write!(
            svg,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#1d2430\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
            width - 8.0,
            y = y(f64::from(level))
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The quarter's split against its targets: a bar per category, the target marked, the
/// tolerance band shaded.
pub fn split_svg(figures: &QuarterFigures) -> String {
    let (width, row, label_w) = (720.0_f64, 26.0_f64, 170.0_f64);
    let height = row * 3.0 + 8.0;
    let bar_w = width - label_w - 70.0;
    let x = |pct: f64| label_w + bar_w * pct.clamp(0.0, 100.0) / 100.0;
    let targets = figures.time.targets;
    let split = &figures.time.total;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-label=\"The quarter's split against its targets\">"
    );
    for (index, &category) in Category::ALL.iter().enumerate() {
        let top = 4.0 + row * index as f64;
        let share = split.share_pct(category);
        let target = f64::from(targets.pct(category));
        let tolerance = f64::from(targets.tolerance_pct);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{:.1}\" font-size=\"12\" fill=\"#1d2430\">{}</text>\
             <rect x=\"{label_w}\" y=\"{top:.1}\" width=\"{bar_w:.1}\" height=\"16\" fill=\"#f3f5f8\"/>\
             <rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"16\" fill=\"#d8dde5\"/>\
             <rect x=\"{label_w}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" fill=\"{}\"/>\
             <line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1d2430\" stroke-width=\"2\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#1d2430\">{:.0} % / {} %</text>",
            top + 12.5,
            escape(category.label()),
            x(target - tolerance),
            x(target + tolerance) - x(target - tolerance),
            top + 3.0,
            x(share) - label_w,
            category_color(category),
            top - 2.0,
            top + 18.0,
            label_w + bar_w + 6.0,
            top + 12.5,
            share.round(),
            targets.pct(category),
            tx = x(target)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Average energy per month of the quarter, out of 5.
pub fn energy_svg(figures: &QuarterFigures) -> String {
    let months = &figures.coaching.energy_by_month;
    let (width, height, top, bottom) = (360.0_f64, 130.0_f64, 14.0_f64, 20.0_f64);
    let plot_h = height - top - bottom;
    let slot = width / months.len().max(1) as f64;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" \
         aria-label=\"Average energy per month\" style=\"max-width: 24rem\">"
    );
    for (index, month) in months.iter().enumerate() {
        let x = slot * index as f64 + slot * 0.2;
        let bar = slot * 0.6;
        if let Some(average) = month.average {
            let h = plot_h * average / 5.0;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"#2864c8\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#1d2430\">{average:.1}</text>",
                top + plot_h - h,
                x + bar / 2.0,
                top + plot_h - h - 3.0
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6472\">{}</text>",
            x + bar / 2.0,
            height - 5.0,
            month.month.format("%b")
        );
    }
    svg.push_str("</svg>");
    svg
}

fn legend(out: &mut String) {
    out.push_str("<p class=\"legend\">");
    for &category in Category::ALL {
        let _ = write!(
            out,
            "<span><span class=\"swatch\" style=\"background: {}\"></span>{}</span>",
            category_color(category),
            escape(category.label())
        );
    }
    out.push_str("<span>- - - target</span></p>");
}

fn section_html(out: &mut String, draft: &ReviewDraft, section: &Section) {
    let _ = write!(
        out,
        "<section id=\"{}\"><h2>{}</h2>",
        section_id(section.id),
        escape(&section_heading(draft, section))
    );
    figures_table(out, draft, section);
    if section.id == SectionId::Time && draft.figures.time.total.total() > 0 {
        out.push_str("<h3>The quarter against its targets</h3>");
        out.push_str(&split_svg(&draft.figures));
        out.push_str("<h3>Each week's split</h3>");
        legend(out);
        out.push_str(&weeks_svg(&draft.figures));
    }
    if section.id == SectionId::Coaching && draft.figures.coaching.energy_scores > 0 {
        out.push_str("<h3>Energy by month</h3>");
        out.push_str(&energy_svg(&draft.figures));
    }
    for table in &section.tables {
        records_table(out, table);
    }
    for note in &section.notes {
        let _ = write!(out, "<p class=\"note\">{}</p>", escape(note));
    }
    out.push_str("</section>");
}

fn section_id(id: SectionId) -> &'static str {
    match id {
        SectionId::Time => "time",
        SectionId::Coaching => "coaching",
        SectionId::Markets => "markets",
        SectionId::Business => "business",
    }
}

fn not_written(out: &mut String) {
    out.push_str("<p class=\"missing\">Not written yet.</p>");
}

fn words_html(out: &mut String, draft: &ReviewDraft) {
    out.push_str("<section id=\"accomplishments\">");
    let _ = write!(out, "<h2>{}</h2>", Part::Accomplishments.title());
    if draft.accomplishments.is_empty() {
        not_written(out);
    } else {
        out.push_str("<ul class=\"bullets\">");
        for bullet in &draft.accomplishments {
            let tags = tags_text(&bullet.fields);
            let _ = write!(out, "<li>{}", escape(&bullet.fields.text));
            if !tags.is_empty() {
                let _ = write!(out, " <span class=\"tags\">({})</span>", escape(&tags));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section><section id=\"setbacks\">");
    let _ = write!(out, "<h2>{}</h2>", Part::Setbacks.title());
    if draft.setbacks.trim().is_empty() {
        not_written(out);
    } else {
        // Markdown as typed, headings under the section's h2; typed HTML stays text.
        let _ = write!(
            out,
            "<div class=\"setbacks\">{}</div>",
            crate::model::notes::to_html(draft.setbacks.trim(), 2)
        );
    }
    out.push_str("</section><section id=\"priorities\">");
    let _ = write!(out, "<h2>{}</h2>", Part::Priorities.title());
    if draft.priorities.is_empty() {
        not_written(out);
    } else {
        out.push_str("<ol>");
        for priority in &draft.priorities {
            let _ = write!(out, "<li>{}</li>", escape(&priority.text));
        }
        out.push_str("</ol>");
    }
    out.push_str("</section><section id=\"promises\">");
    let _ = write!(out, "<h2>Last quarter's promises ({})</h2>", draft.previous.quarter);
    if draft.promises.is_empty() {
        let _ = write!(out, "<p class=\"missing\">{} has no priorities written.</p>", draft.previous.quarter);
    } else {
        out.push_str(
            "<table><thead><tr><th>Priority</th><th>What happened</th><th>Note</th></tr></thead><tbody>",
        );
        for promise in &draft.promises {
            let _ = write!(
                out,
                "<tr><td>{}</td><td class=\"value\">{}</td><td>{}</td></tr>",
                escape(&promise.text),
                promise.outcome.map_or("Not marked yet", |o| o.label()),
                escape(&promise.note)
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section><section id=\"ratings\">");
    let _ = write!(out, "<h2>{}</h2>", Part::Ratings.title());
    out.push_str(
        "<table><thead><tr><th>Competency</th><th>Rating</th><th>Last quarter</th><th>Evidence</th></tr></thead><tbody>",
    );
    for row in &draft.ratings {
        let rating = row.rating.map_or_else(|| "—".to_owned(), |r| format!("{r} / 5"));
        let last = row.last_quarter.map_or_else(|| "—".to_owned(), |r| format!("{r} / 5"));
        let _ = write!(
            out,
            "<tr><td>{}: {}</td><td class=\"value\">{rating}</td><td>{last}</td><td>{}</td></tr>",
            escape(&row.role),
            escape(&row.name),
            escape(&row.evidence)
        );
    }
    out.push_str("</tbody></table></section>");
}

/// The whole review as one HTML file.
pub fn html(draft: &ReviewDraft) -> String {
    let title = format!("Quarterly review: {} ({})", draft.quarter, draft.months);
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
         <title>{}</title><style>{STYLE}</style></head><body>",
        escape(&title)
    );
    let _ = write!(
        out,
        "<h1>{}</h1><p class=\"meta\">{} · compared with {} and {}</p>",
        escape(&title),
        escape(&state_text(draft.state)),
        escape(&compared_text(draft.previous)),
        escape(&compared_text(draft.year_ago))
    );
    for note in &draft.notes {
        let _ = write!(out, "<p class=\"note\">{}</p>", escape(note));
    }
    for section in &draft.sections {
        section_html(&mut out, draft, section);
    }
    words_html(&mut out, draft);
    out.push_str("</body></html>\n");
    out
}
