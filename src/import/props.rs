//! One component's properties, read with the `icalendar` crate's content-line parser and
//! tagged with the physical line each came from. Each component is parsed on its own so a
//! malformed line costs at most its own event, never the whole file.

use icalendar::parser::Component;

use super::structure::{Block, Document};
use crate::crash;

/// A property: upper-cased name, parameters (quotes removed), value (text unescaped by the
/// parser for text properties) and the line it starts on.
#[derive(Debug, Clone)]
pub struct Prop {
    pub name: String,
    pub params: Vec<(String, String)>,
    pub value: String,
    pub line: usize,
}

impl Prop {
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_str())
    }
}

/// A component with its properties and the components inside it.
#[derive(Debug, Clone)]
pub struct Node {
    pub name: String,
    pub line: usize,
    pub props: Vec<Prop>,
    pub children: Vec<Node>,
}

impl Node {
    pub fn prop(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    pub fn props<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Prop> + 's {
        self.props.iter().filter(move |p| p.name == name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.prop(name).map(|p| p.value.as_str())
    }
}

/// Properties an event or zone cannot be read without: a broken one costs the component.
const ESSENTIAL: &[&str] = &[
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "UID",
    "SUMMARY",
    "STATUS",
    "TRANSP",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
];

/// Why a component could not be read: the line at fault and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub reason: String,
}

/// Reads a component. A malformed line that does not matter (an `X-` property, a
/// description) is dropped and reported in the returned list; a malformed essential line
/// makes the component unreadable.
pub fn read(doc: &Document<'_>, block: &Block) -> Result<(Node, Vec<Unreadable>), Unreadable> {
    let text = doc.text_of(block);
    if let Some(component) = parsed(&text) {
        return Ok((convert(doc, block, &component), Vec::new()));
    }
    let mut dropped = Vec::new();
    let mut kept = String::new();
    for line in &doc.lines[block.begin..=block.end] {
        let probe = format!("BEGIN:X\r\n{}\r\nEND:X\r\n", line.text);
        let is_marker = line.text.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:"))
            || line.text.get(..4).is_some_and(|s| s.eq_ignore_ascii_case("END:"));
        if is_marker || parsed(&probe).is_some() {
            kept.push_str(&line.text);
            kept.push_str("\r\n");
            continue;
        }
        let name: String = line.text.split([';', ':']).next().unwrap_or_default().trim().to_ascii_uppercase();
        let shown: String = line.text.chars().take(60).collect();
        let problem = Unreadable { line: line.number, reason: format!("cannot read \"{shown}\"") };
        if ESSENTIAL.contains(&name.as_str()) {
            return Err(problem);
        }
        dropped.push(problem);
    }
    match parsed(&kept) {
        Some(component) => Ok((convert_lossy(block, &component, doc), dropped)),
        None => Err(Unreadable {
            line: doc.lines[block.begin].number,
            reason: "the component cannot be read".into(),
        }),
    }
}

/// The `icalendar` crate's content-line parser, behind the net: a panic in it on a damaged
/// line reads as a line that cannot be parsed, which costs at most its component.
fn parsed(text: &str) -> Option<Component<'_>> {
    crash::catch_quietly(|| Component::try_from(text).ok()).ok().flatten()
}

fn convert(doc: &Document<'_>, block: &Block, component: &Component<'_>) -> Node {
    let own: Vec<usize> = doc.own_lines(block).map(|l| l.number).collect();
    let first = doc.lines[block.begin].number;
    let lines_match = own.len() == component.properties.len();
    let props = component
        .properties
        .iter()
        .enumerate()
        .map(|(i, p)| prop(p, if lines_match { own[i] } else { first }))
        .collect();
    let children = if block.children.len() == component.components.len() {
        block.children.iter().zip(&component.components).map(|(b, c)| convert(doc, b, c)).collect()
    } else {
        component.components.iter().map(|c| convert_flat(c, first)).collect()
    };
    Node { name: component.name.as_str().to_ascii_uppercase(), line: first, props, children }
}

/// After dropping lines, properties no longer line up with the file: every property of the
/// component is reported at the component's first line.
fn convert_lossy(block: &Block, component: &Component<'_>, doc: &Document<'_>) -> Node {
    convert_flat(component, doc.lines[block.begin].number)
}

fn convert_flat(component: &Component<'_>, line: usize) -> Node {
    Node {
        name: component.name.as_str().to_ascii_uppercase(),
        line,
        props: component.properties.iter().map(|p| prop(p, line)).collect(),
        children: component.components.iter().map(|c| convert_flat(c, line)).collect(),
    }
}

fn prop(property: &icalendar::parser::Property<'_>, line: usize) -> Prop {
    Prop {
        name: property.name.as_str().to_ascii_uppercase(),
        params: property
            .params
            .iter()
            .map(|p| {
                (
                    p.key.as_str().to_ascii_uppercase(),
                    p.val.as_ref().map(|v| v.as_str().to_owned()).unwrap_or_default(),
                )
            })
            .collect(),
        value: property.val.as_str().to_owned(),
        line,
    }
}
