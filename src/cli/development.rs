//! `leadline team show NAME` and `leadline certs expiring --within DAYS`: one architect's
//! profile, plan, skills and certifications, and the team's upcoming expiries, as a table or
//! JSON. They read the same view model as the window, so both always agree.

use anyhow::bail;
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::output::aligned;
use crate::model::architect::Choice;
use crate::model::certification::{CertKind, short_name};
use crate::model::goal::{GoalKind, GoalStatus};
use crate::model::lists::name_of;
use crate::model::text::fold_for_match;
use crate::model::{Architect, Status};
use crate::model::{Cadence, Readiness};
use crate::session::ViewModel;
use crate::session::dev_view::{CertRow, GoalRow, PersonDevelopment};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The architect: full name or a unique part of it, any case; or #ID.
    name: String,
    #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
    format: ShowFormat,
}

#[derive(Debug, Subcommand)]
pub enum CertsCommand {
    /// Certifications of the current team expiring from today to DAYS days ahead, soonest first.
    Expiring {
        #[arg(long, value_name = "DAYS", default_value_t = 90)]
        within: u32,
        #[arg(long, value_enum, default_value_t = ShowFormat::Table)]
        format: ShowFormat,
    },
}

pub fn team_show(store: &Store, today: NaiveDate, args: &ShowArgs) -> anyhow::Result<String> {
    let view = ViewModel::load(store, today)?;
    let architect = find_architect(&view.architects, &args.name)?;
    let empty = PersonDevelopment::default();
    let person = view.development.person(architect.id).unwrap_or(&empty);
    let shown = Shown::new(&view, architect, person, today);
    match args.format {
        ShowFormat::Json => Ok(serde_json::to_string_pretty(&shown)? + "\n"),
        ShowFormat::Table => Ok(shown.table(view.development.stalled_days)),
    }
}

pub fn certs(store: &Store, today: NaiveDate, command: &CertsCommand) -> anyhow::Result<String> {
    let CertsCommand::Expiring { within, format } = command;
    let view = ViewModel::load(store, today)?;
    let team: Vec<&Architect> = view.architects.iter().filter(|a| a.fields.status != Status::Left).collect();
    let rows: Vec<ExpiringCert> = view
        .development
        .expiring_within(&team, u64::from(*within), today)
        .into_iter()
        .map(|row| ExpiringCert {
            expires_on: row.expires_on,
            days_left: row.days_left,
            architect: row.name,
            code: row.code,
            name: row.cert_name,
            state: row.state.key(),
            state_label: row.state.label(),
        })
        .collect();
    match format {
        ShowFormat::Json => Ok(serde_json::to_string_pretty(&rows)? + "\n"),
        ShowFormat::Table if rows.is_empty() => {
            Ok(format!("No certification of the current team expires in the next {within} days.\n"))
        }
        ShowFormat::Table => {
            let table: Vec<[String; 6]> = rows
                .iter()
                .map(|r| {
                    [
                        r.expires_on.to_string(),
                        r.days_left.to_string(),
                        r.architect.clone(),
                        r.code.clone(),
                        short_name(&r.name).to_owned(),
                        r.state_label.clone(),
                    ]
                })
                .collect();
            Ok(aligned(&["EXPIRES", "DAYS", "ARCHITECT", "CODE", "CERTIFICATION", "STATE"], &table))
        }
    }
}

#[derive(Debug, Serialize)]
struct ExpiringCert {
    expires_on: NaiveDate,
    days_left: i64,
    architect: String,
    code: String,
    name: String,
    state: &'static str,
    state_label: String,
}

/// Finds an architect by `#id`, full name or a unique part of it, ignoring case and accents
/// ("mateo garcia" finds "Mateo García"). A name that fits nobody suggests close ones.
pub(super) fn find_architect<'a>(architects: &'a [Architect], name: &str) -> anyhow::Result<&'a Architect> {
    if let Some(id) = name.trim().strip_prefix('#').and_then(|id| id.parse::<i64>().ok()) {
        if let Some(architect) = architects.iter().find(|a| a.id.0 == id) {
            return Ok(architect);
        }
        bail!("there is no architect #{id}");
    }
    let needle = fold_for_match(name);
    if needle.is_empty() {
        bail!("name: give the architect's name, e.g. `leadline team show \"Ana López\"`");
    }
    let exact: Vec<&Architect> = architects.iter().filter(|a| fold_for_match(a.name()) == needle).collect();
    let partial: Vec<&Architect> =
        architects.iter().filter(|a| fold_for_match(a.name()).contains(&needle)).collect();
    let matches = if exact.is_empty() { partial } else { exact };
    match matches.as_slice() {
        [one] => Ok(one),
        [] => {
            let close = close_matches(architects, &needle);
            if close.is_empty() {
                let team: Vec<&str> = architects.iter().map(Architect::name).take(15).collect();
                bail!("no architect called “{}”; the team: {}", name.trim(), team.join(", "))
            }
            bail!("no architect called “{}”; did you mean {}?", name.trim(), close.join(" or "))
        }
        several => {
            let names: Vec<String> = several.iter().map(|a| format!("{} (#{})", a.name(), a.id)).collect();
            bail!(
                "“{}” matches several architects: {}; give more of the name or the #id",
                name.trim(),
                names.join(", ")
            )
        }
    }
}

/// Names alike the one typed (`model::fuzzy::close`), closest first, at most three.
fn close_matches(architects: &[Architect], typed: &str) -> Vec<String> {
    let names: Vec<&str> = architects.iter().map(Architect::name).collect();
    crate::model::fuzzy::close(typed, &names, 3).into_iter().map(|i| format!("“{}”", names[i])).collect()
}

/// Everything `team show` prints, in the shape of its JSON.
#[derive(Debug, Serialize)]
struct Shown {
    id: i64,
    name: String,
    title: String,
    email: String,
    level: String,
    solution_area: String,
    status: &'static str,
    cadence: &'static str,
    started_on: Option<NaiveDate>,
    accounts: Vec<String>,
    aspiration: String,
    target_role: String,
    readiness: &'static str,
    readiness_assessed_on: Option<NaiveDate>,
    readiness_evidence: String,
    plan: Vec<ShownGoal>,
    skills: Vec<ShownSkill>,
    certifications: Vec<ShownCert>,
}

#[derive(Debug, Serialize)]
struct ShownGoal {
    kind: &'static str,
    description: String,
    status: &'static str,
    progress_pct: u8,
    created_on: NaiveDate,
    target_on: Option<NaiveDate>,
    last_moved_on: NaiveDate,
    /// Any of `overdue`, `stalled`, `due_soon`.
    flags: Vec<&'static str>,
    evidence: String,
    history: Vec<ShownPoint>,
}

#[derive(Debug, Serialize)]
struct ShownPoint {
    on: NaiveDate,
    progress_pct: u8,
}

#[derive(Debug, Serialize)]
struct ShownSkill {
    competency: String,
    current: Option<u8>,
    target: Option<u8>,
    gap: Option<i8>,
    changed_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize)]
struct ShownCert {
    code: String,
    name: String,
    kind: &'static str,
    earned_on: NaiveDate,
    renewals: Vec<NaiveDate>,
    expires_on: Option<NaiveDate>,
    /// `valid`, `renewal_window_open`, `expiring_soon`, `expired`, `never_expires`; or `invalid`.
    state: &'static str,
    state_label: String,
    days_left: Option<i64>,
}

impl Shown {
    fn new(view: &ViewModel, architect: &Architect, person: &PersonDevelopment, today: NaiveDate) -> Self {
        let f = &architect.fields;
        Self {
            id: architect.id.0,
            name: f.name.clone(),
            title: f.title.clone(),
            email: f.email.clone(),
            level: name_of(&view.levels, f.level).to_owned(),
            solution_area: name_of(&view.areas, f.solution_area).to_owned(),
            status: f.status.key(),
            cadence: f.cadence.key(),
            started_on: f.started_on,
            accounts: f.account_list().into_iter().map(str::to_owned).collect(),
            aspiration: f.aspiration.clone(),
            target_role: name_of(&view.levels, f.target_level).to_owned(),
            readiness: f.readiness.key(),
            readiness_assessed_on: f.readiness_assessed_on,
            readiness_evidence: f.readiness_evidence.clone(),
            plan: person.goals.iter().map(shown_goal).collect(),
            skills: person
                .skills
                .iter()
                .map(|s| ShownSkill {
                    competency: s.name.clone(),
                    current: s.level.map(|l| l.current),
                    target: s.level.map(|l| l.target),
                    gap: s.gap(),
                    changed_on: s.level.map(|l| l.changed_on),
                })
                .collect(),
            certifications: person.certs.iter().map(|c| shown_cert(c, today)).collect(),
        }
    }

    fn table(&self, stalled_days: u32) -> String {
        let mut out = String::new();
        let mut line = |text: String| {
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(self.name.clone());
        let role: Vec<&str> = [self.title.as_str(), self.level.as_str(), self.solution_area.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        line(role.join(" · "));
        let since = self.started_on.map(|d| format!(" · on the team since {d}")).unwrap_or_default();
        line(format!(
            "Status: {} · 1:1 cadence: {}{since}",
            label::<Status>(self.status),
            label::<Cadence>(self.cadence)
        ));
        if !self.email.is_empty() {
            line(format!("E-mail: {}", self.email));
        }
        if !self.accounts.is_empty() {
            line(format!("Accounts: {}", self.accounts.join(", ")));
        }
        if !self.aspiration.is_empty() {
            line(format!("Career aspiration: {}", self.aspiration));
        }
        let assessed = self.readiness_assessed_on.map(|d| format!(" (assessed {d})")).unwrap_or_default();
        let target = if self.target_role.is_empty() { "not set" } else { self.target_role.as_str() };
        line(format!("Target role: {target} · readiness: {}{assessed}", label::<Readiness>(self.readiness)));
        if !self.readiness_evidence.is_empty() {
            line(format!("Evidence: {}", self.readiness_evidence));
        }

        line(String::new());
        line(format!(
            "DEVELOPMENT PLAN ({} goals; stalled after {stalled_days} days without progress)",
            self.plan.len()
        ));
        let goals: Vec<[String; 6]> = self
            .plan
            .iter()
            .map(|g| {
                [
                    label::<GoalStatus>(g.status).to_owned(),
                    format!("{} %", g.progress_pct),
                    g.target_on.map(|d| d.to_string()).unwrap_or_default(),
                    label::<GoalKind>(g.kind).to_owned(),
                    g.description.clone(),
                    g.flags.join(", "),
                ]
            })
            .collect();
        out.push_str(&aligned(&["STATUS", "PROGRESS", "TARGET", "KIND", "GOAL", "FLAGS"], &goals));

        out.push('\n');
        out.push_str("SKILLS\n");
        let skills: Vec<[String; 5]> = self
            .skills
            .iter()
            .map(|s| {
                let level = |l: Option<u8>| l.map_or_else(|| "-".to_owned(), |l| l.to_string());
                [
                    s.competency.clone(),
                    level(s.current),
                    level(s.target),
                    s.gap.map(|g| g.max(0).to_string()).unwrap_or_default(),
                    s.changed_on.map_or_else(|| "not rated".to_owned(), |d| d.to_string()),
                ]
            })
            .collect();
        out.push_str(&aligned(&["COMPETENCY", "CURRENT", "TARGET", "GAP", "CHANGED"], &skills));

        out.push('\n');
        out.push_str("CERTIFICATIONS\n");
        let certs: Vec<[String; 7]> = self
            .certifications
            .iter()
            .map(|c| {
                [
                    c.code.clone(),
                    label::<CertKind>(c.kind).to_owned(),
                    c.earned_on.to_string(),
                    c.renewals.len().to_string(),
                    c.expires_on.map_or_else(|| "never".to_owned(), |d| d.to_string()),
                    c.state_label.clone(),
                    short_name(&c.name).to_owned(),
                ]
            })
            .collect();
        out.push_str(&aligned(&["CODE", "KIND", "EARNED", "RENEWALS", "EXPIRES", "STATE", "NAME"], &certs));
        out
    }
}

/// The label people read for a stored key (the JSON keeps the key).
fn label<T: Choice>(key: &str) -> &'static str {
    T::from_key(key).map_or("", Choice::label)
}

fn shown_goal(row: &GoalRow) -> ShownGoal {
    let f = &row.goal.fields;
    let flags =
        [(row.flags.overdue, "overdue"), (row.flags.stalled, "stalled"), (row.flags.due_soon, "due_soon")]
            .into_iter()
            .filter_map(|(set, name)| set.then_some(name))
            .collect();
    ShownGoal {
        kind: f.kind.key(),
        description: f.description.clone(),
        status: f.status.key(),
        progress_pct: f.progress_pct,
        created_on: row.goal.created_on,
        target_on: f.target_on,
        last_moved_on: row.last_moved_on,
        flags,
        evidence: f.evidence.clone(),
        history: row.history.iter().map(|p| ShownPoint { on: p.on, progress_pct: p.progress_pct }).collect(),
    }
}

fn shown_cert(cert: &CertRow, today: NaiveDate) -> ShownCert {
    let (state, state_label) = match &cert.state {
        Ok(state) => (state.key(), state.label()),
        Err(problem) => ("invalid", problem.clone()),
    };
    ShownCert {
        code: cert.code.clone(),
        name: cert.name.clone(),
        kind: cert.kind.key(),
        earned_on: cert.record.earned_on,
        renewals: cert.record.renewals.clone(),
        expires_on: cert.expires_on,
        state,
        state_label,
        days_left: cert.expires_on.map(|d| (d - today).num_days()),
    }
}
