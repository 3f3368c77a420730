//! `leadline report review`, run as the built binary: the Markdown and HTML of a known database
//! compared with expected files, the HTML read back as XML, the JSON's figures, a private
//! `--out` file, and the bad quarters named by their message.

use crate::common::{self, leadline, leadline_ok, stderr, stdout};
use crate::review::seeded;

#[test]
fn report_review_prints_the_quarters_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let text = leadline_ok(&db, &["report", "review", "--quarter", "FY27Q2"]);
    common::check_expected("review-FY27Q2.md", &text);
    assert!(text.starts_with("# Quarterly review: FY27 Q2 (Oct – Dec 2026)"), "{text}");
    assert!(text.contains("| Coaching | 25 % (target 50 % ± 5) | ▼ −75 pts | — |"), "{text}");
    let default = leadline_ok(&db, &["report", "review"]);
    assert_eq!(default, text, "on 28 Nov the quarter defaults to the current one");
}

#[test]
fn report_review_html_is_self_contained_and_holds_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let html = leadline_ok(&db, &["report", "review", "--quarter", "FY27 Q2", "--format", "html"]);
    common::check_expected("review-FY27Q2.html", &html);
    // (The one address in it is the SVG namespace, which is a name, not something fetched.)
    for outside in ["<script", "src=", "href=", "url(", "<link", "@import", "<img"] {
        assert!(!html.contains(outside), "the file fetches nothing: found {outside}");
    }
    assert!(html.contains("@media print"), "print styles");
    let document =
        roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>\n")).expect("well-formed");
    let value = |key: &str| {
        let cell = document
            .descendants()
            .find(|n| n.attribute("data-key") == Some(key))
            .unwrap_or_else(|| panic!("no cell for {key}"));
        cell.text().unwrap_or_default().to_owned()
    };
    assert_eq!(value("time.logged"), "20.0 h");
    assert_eq!(value("time.coaching"), "25 %");
    assert_eq!(value("time.business"), "60 %");
    assert_eq!(value("coaching.one_on_ones"), "25 %");
    assert!(document.descendants().any(|n| n.has_tag_name("svg")), "the weekly chart is inline SVG");
}

#[test]
fn report_review_json_has_every_figure() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let text = leadline_ok(&db, &["report", "review", "--quarter", "fy27q2", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["format"], "leadline-review");
    assert_eq!(json["quarter"], "FY27 Q2");
    let figure = |key: &str| {
        json["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == key)
            .unwrap_or_else(|| panic!("{key}"))
            .clone()
    };
    assert_eq!(figure("time.logged")["value"], 20.0);
    assert_eq!(figure("time.coaching")["value"], 25.0);
    assert_eq!(figure("time.coaching")["previous"]["delta"], -75.0);
    assert_eq!(figure("coaching.one_on_ones")["value"], 25.0);
    assert_eq!(figure("coaching.actions_closed")["value"], 1.0);
    assert_eq!(json["details"]["business"], serde_json::Value::Null, "not recorded yet");
    assert_eq!(json["details"]["hiring"], serde_json::Value::Null, "not recorded yet");
}

#[test]
fn report_review_writes_a_private_file_with_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let file = dir.path().join("review.md");
    let output = leadline(&db, &["report", "review", "--quarter", "FY27Q2", "--out", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("Wrote the review of FY27 Q2 to"), "{}", stderr(&output));
    common::check_expected("review-FY27Q2.md", &std::fs::read_to_string(&file).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn report_review_refuses_a_quarter_that_does_not_exist_or_has_not_started() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let output = leadline(&db, &["report", "review", "--quarter", "FY27Q5"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("\"FY27Q5\" is not a fiscal quarter (expected e.g. FY27 Q2)"),
        "{}",
        stderr(&output)
    );
    let output = leadline(&db, &["report", "review", "--quarter", "FY27Q3"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output)
            .contains("FY27 Q3 has not started yet (it starts on 2027-01-01); there is nothing to review"),
        "{}",
        stderr(&output)
    );
    let output = leadline(&db, &["report", "review", "--format", "pdf"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("invalid value 'pdf'"), "{}", stderr(&output));
}

#[test]
fn report_review_of_a_quarter_before_any_data_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let text = leadline_ok(&db, &["report", "review", "--quarter", "FY24Q1"]);
    assert!(text.contains("> Nothing was recorded in FY24 Q1 (Jul – Sep 2023)"), "{text}");
    assert!(text.contains("## Accomplishments and impact\n\n*Not written yet.*"), "{text}");
}

#[test]
fn report_review_of_the_demo_shows_last_quarters_finalized_review() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::demo_db(&dir);
    let text = leadline_ok(&db, &["report", "review", "--quarter", "FY27Q1"]);
    assert!(text.contains("Finalized on"), "{text}");
    let current = leadline_ok(&db, &["report", "review"]);
    assert!(current.contains("Draft · compared with FY27 Q1 (finalized)"), "{current}");
    assert!(current.contains("## Last quarter's promises (FY27 Q1)"), "{current}");
}

#[test]
fn setbacks_written_in_markdown_export_as_markdown_and_as_html() {
    use leadline::model::fiscal::FiscalQuarter;
    use leadline::session::Command;
    use leadline::session::review_command::ReviewCommand;
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(&dir);
    let text = "# Hiring\nThe *second* role took [four months](https://jobs.example/42).\n\n\
                | Role | Weeks |\n|---|---|\n| Architect | 16 |\n\n> Lesson: <b>start</b> earlier\n> > nested\n\n\
                ![chart](https://example.com/c.png)";
    {
        let mut session = common::session(&db);
        let quarter: FiscalQuarter = "FY27Q2".parse().unwrap();
        common::apply(
            &mut session,
            Command::Review(ReviewCommand::SetSetbacks { quarter, text: text.into() }),
        );
    }
    let markdown = leadline_ok(&db, &["report", "review", "--quarter", "FY27Q2"]);
    assert!(
        markdown.contains("### Hiring\nThe *second* role took [four months](https://jobs.example/42)."),
        "the heading goes under the section's, the rest as written: {markdown}"
    );
    let html = leadline_ok(&db, &["report", "review", "--quarter", "FY27Q2", "--format", "html"]);
    let document =
        roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>\n")).expect("well-formed");
    let setbacks =
        document.descendants().find(|n| n.attribute("class") == Some("setbacks")).expect("setbacks");
    let tags: Vec<&str> =
        setbacks.descendants().filter(roxmltree::Node::is_element).map(|n| n.tag_name().name()).collect();
    for tag in ["h3", "em", "a", "table", "th", "td", "blockquote"] {
        assert!(tags.contains(&tag), "{tag} in {tags:?}");
    }
    assert_eq!(tags.iter().filter(|t| **t == "blockquote").count(), 2, "the quote nests");
    assert!(!tags.contains(&"b") && !tags.contains(&"img"), "typed HTML is text and images are not fetched");
    let shown: String = setbacks.descendants().filter_map(|n| n.text()).collect();
    assert!(shown.contains("Lesson: <b>start</b> earlier"), "{shown}");
}
