//! The writes of the Business screen, as one family of commands (`Command::Business`): accounts,
//! opportunities and wins with their plans and milestones, actual consumption, initiatives and
//! their events, the network, the scorecard's targets, and the CSV import. Each says in plain
//! words what it did and carries the command that reverses it (read inside the same
//! transaction, so undo puts back exactly what was there).

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::import::business_csv::CsvPlan;
use crate::model::architect::Choice as _;
use crate::model::business::money::dollars_text;
use crate::model::business::{
    Account, AccountFields, Contact, ContactFields, EventFields, Initiative, InitiativeEvent,
    InitiativeFields, Interaction, Metric, MetricFields, Milestone, MilestoneFields, OpportunityFields, Plan,
};
use crate::model::{
    AccountId, ContactId, EventId, InitiativeId, InteractionId, MetricId, MilestoneId, OpportunityId,
};
use crate::store::opportunities::Removed;
use crate::store::{
    StoreError, accounts, consumption, contacts, initiatives, milestones, opportunities, scorecard,
};

#[must_use = "a command does nothing until it is applied"]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BusinessCommand {
    AddAccount(AccountFields),
    UpdateAccount {
        id: AccountId,
        fields: AccountFields,
    },
    DeleteAccount(AccountId),
    RestoreAccount(Box<Account>),
    /// A new opportunity, recorded today.
    AddOpportunity(OpportunityFields),
    UpdateOpportunity {
        id: OpportunityId,
        fields: OpportunityFields,
    },
    DeleteOpportunity(OpportunityId),
    RestoreOpportunity(Box<Removed>),
    /// A win's consumption plan: agreed or not, the day, the customer's sponsor (as typed:
    /// checked here).
    SetPlan {
        id: OpportunityId,
        agreed: bool,
        agreed_on: Option<NaiveDate>,
        sponsor: String,
    },
    AddMilestone {
        win: OpportunityId,
        fields: MilestoneFields,
    },
    UpdateMilestone {
        id: MilestoneId,
        fields: MilestoneFields,
    },
    DeleteMilestone(MilestoneId),
    RestoreMilestone(Box<Milestone>),
    /// An account's actual consumption in a month (`None` clears it).
    SetConsumption {
        account: AccountId,
        month: NaiveDate,
        dollars: Option<i64>,
    },
    AddInitiative(InitiativeFields),
    UpdateInitiative {
        id: InitiativeId,
        fields: InitiativeFields,
    },
    DeleteInitiative(InitiativeId),
    RestoreInitiative {
        initiative: Box<Initiative>,
        events: Vec<InitiativeEvent>,
    },
    AddEvent {
        initiative: InitiativeId,
        fields: EventFields,
    },
    UpdateEvent {
        id: EventId,
        fields: EventFields,
    },
    DeleteEvent(EventId),
    RestoreEvent(Box<InitiativeEvent>),
    /// A new contact, added today.
    AddContact(ContactFields),
    UpdateContact {
        id: ContactId,
        fields: ContactFields,
    },
    DeleteContact(ContactId),
    RestoreContact {
        contact: Box<Contact>,
        interactions: Vec<Interaction>,
    },
    AddInteraction {
        contact: ContactId,
        on: NaiveDate,
        note: String,
    },
    DeleteInteraction(InteractionId),
    RestoreInteraction(Box<Interaction>),
    AddMetric(MetricFields),
    UpdateMetric {
        id: MetricId,
        fields: MetricFields,
    },
    DeleteMetric(MetricId),
    RestoreMetric(Box<Metric>),
    /// A previewed CSV import of opportunities or milestones: all or nothing.
    ImportCsv(Box<CsvPlan>),
}

/// The record a command added or changed, so its sender can select it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Account(AccountId),
    Opportunity(OpportunityId),
    Milestone(MilestoneId),
    Initiative(InitiativeId),
    Event(EventId),
    Contact(ContactId),
    Interaction(InteractionId),
    Metric(MetricId),
    Consumption(AccountId),
    Import,
}

/// What a business command did: a sentence for the status line, the record, and how to undo it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessDone {
    pub message: String,
    pub record: Record,
    /// The label ("edit of Contoso") and the command that reverses it.
    pub undo: Option<(String, Box<BusinessCommand>)>,
    /// Whether architects' accounts changed (they show on the Team screen).
    pub roster: bool,
}

fn done(message: String, record: Record) -> BusinessDone {
    BusinessDone { message, record, undo: None, roster: false }
}

impl BusinessDone {
    fn undone_by(mut self, label: String, command: BusinessCommand) -> Self {
        self.undo = Some((label, Box::new(command)));
        self
    }

    fn with_roster(mut self) -> Self {
        self.roster = true;
        self
    }
}

fn quoted(text: &str) -> String {
    const MAX: usize = 48;
    if text.chars().count() <= MAX {
        format!("“{text}”")
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("“{}…”", cut.trim_end())
    }
}

impl BusinessCommand {
    #[allow(clippy::too_many_lines, reason = "one arm per command, each a few lines")]
    pub(super) fn apply(self, conn: &Connection, today: NaiveDate) -> Result<BusinessDone, StoreError> {
        Ok(match self {
            Self::AddAccount(fields) => {
                let id = accounts::insert(conn, &fields)?;
                let name = accounts::get(conn, id)?.fields.name;
                done(format!("Added the account {name}"), Record::Account(id)).with_roster()
            }
            Self::UpdateAccount { id, fields } => {
                let before = accounts::update(conn, id, &fields)?;
                let name = accounts::get(conn, id)?.fields.name;
                done(format!("Saved the account {name}"), Record::Account(id)).with_roster().undone_by(
                    format!("edit of {}", before.fields.name),
                    Self::UpdateAccount { id, fields: before.fields },
                )
            }
            Self::DeleteAccount(id) => {
                let before = accounts::delete(conn, id)?;
                done(format!("Deleted the account {}", before.fields.name), Record::Account(id))
                    .with_roster()
                    .undone_by(
                        format!("delete of {}", before.fields.name),
                        Self::RestoreAccount(Box::new(before)),
                    )
            }
            Self::RestoreAccount(account) => {
                accounts::restore(conn, &account)?;
                done(format!("Restored the account {}", account.fields.name), Record::Account(account.id))
                    .with_roster()
            }
            Self::AddOpportunity(fields) => {
                let id = opportunities::insert(conn, &fields, today, today)?;
                let o = opportunities::get(conn, id)?;
                done(
                    format!("Added {} ({})", quoted(&o.fields.title), o.fields.status.key()),
                    Record::Opportunity(id),
                )
            }
            Self::UpdateOpportunity { id, fields } => {
                let before = opportunities::update(conn, id, &fields, today)?;
                let after = opportunities::get(conn, id)?;
                done(format!("Saved {}", quoted(&after.fields.title)), Record::Opportunity(id)).undone_by(
                    format!("edit of {}", quoted(&before.fields.title)),
                    Self::UpdateOpportunity { id, fields: before.fields },
                )
            }
            Self::DeleteOpportunity(id) => {
                let removed = opportunities::delete(conn, id)?;
                let title = quoted(&removed.opportunity.fields.title);
                let what = match removed.milestones.len() {
                    0 => String::new(),
                    1 => " and its milestone".to_owned(),
                    n => format!(" and its {n} milestones"),
                };
                done(format!("Deleted {title}{what}"), Record::Opportunity(id))
                    .undone_by(format!("delete of {title}"), Self::RestoreOpportunity(Box::new(removed)))
            }
            Self::RestoreOpportunity(removed) => {
                opportunities::restore(conn, &removed, today)?;
                let o = &removed.opportunity;
                done(format!("Restored {}", quoted(&o.fields.title)), Record::Opportunity(o.id))
            }
            Self::SetPlan { id, agreed, agreed_on, sponsor } => {
                let plan = Plan::validated(agreed, agreed_on, &sponsor, today)?;
                let before = opportunities::set_plan(conn, id, &plan)?;
                let title = quoted(&before.fields.title);
                let message = match plan.agreed_on {
                    Some(day) => format!("The consumption plan of {title} is agreed since {day}"),
                    None => format!("The consumption plan of {title} is not agreed"),
                };
                let Plan { agreed_on, sponsor } = before.plan;
                done(message, Record::Opportunity(id)).undone_by(
                    format!("plan of {title}"),
                    Self::SetPlan { id, agreed: agreed_on.is_some(), agreed_on, sponsor },
                )
            }
            Self::AddMilestone { win, fields } => {
                let id = milestones::insert(conn, win, &fields, today)?;
                let m = milestones::get(conn, id)?;
                done(format!("Added the milestone {}", quoted(&m.fields.workload)), Record::Milestone(id))
            }
            Self::UpdateMilestone { id, fields } => {
                let before = milestones::update(conn, id, &fields, today)?;
                let after = milestones::get(conn, id)?;
                done(format!("Saved the milestone {}", quoted(&after.fields.workload)), Record::Milestone(id))
                    .undone_by(
                        format!("edit of milestone {}", quoted(&before.fields.workload)),
                        Self::UpdateMilestone { id, fields: before.fields },
                    )
            }
            Self::DeleteMilestone(id) => {
                let before = milestones::delete(conn, id)?;
                let workload = quoted(&before.fields.workload);
                done(format!("Deleted the milestone {workload}"), Record::Milestone(id)).undone_by(
                    format!("delete of milestone {workload}"),
                    Self::RestoreMilestone(Box::new(before)),
                )
            }
            Self::RestoreMilestone(milestone) => {
                milestones::restore(conn, &milestone, today)?;
                done(
                    format!("Restored the milestone {}", quoted(&milestone.fields.workload)),
                    Record::Milestone(milestone.id),
                )
            }
            Self::SetConsumption { account, month, dollars } => {
                let before = consumption::set(conn, account, month, dollars)?;
                let name = accounts::get(conn, account)?.fields.name;
                let month_text = month.format("%B %Y");
                let message = match dollars {
                    Some(d) => format!("{name} consumed {} in {month_text}", dollars_text(d)),
                    None => format!("Cleared {name}'s consumption of {month_text}"),
                };
                done(message, Record::Consumption(account)).undone_by(
                    format!("consumption of {name} in {month_text}"),
                    Self::SetConsumption { account, month, dollars: before },
                )
            }
            Self::AddInitiative(fields) => {
                let id = initiatives::insert(conn, &fields)?;
                done(format!("Added the initiative {}", quoted(fields.title.trim())), Record::Initiative(id))
            }
            Self::UpdateInitiative { id, fields } => {
                let before = initiatives::update(conn, id, &fields)?;
                done(format!("Saved the initiative {}", quoted(fields.title.trim())), Record::Initiative(id))
                    .undone_by(
                        format!("edit of initiative {}", quoted(&before.fields.title)),
                        Self::UpdateInitiative { id, fields: before.fields },
                    )
            }
            Self::DeleteInitiative(id) => {
                let (initiative, events) = initiatives::delete(conn, id)?;
                let title = quoted(&initiative.fields.title);
                done(format!("Deleted the initiative {title}"), Record::Initiative(id)).undone_by(
                    format!("delete of initiative {title}"),
                    Self::RestoreInitiative { initiative: Box::new(initiative), events },
                )
            }
            Self::RestoreInitiative { initiative, events } => {
                initiatives::restore(conn, &initiative, &events)?;
                done(
                    format!("Restored the initiative {}", quoted(&initiative.fields.title)),
                    Record::Initiative(initiative.id),
                )
            }
            Self::AddEvent { initiative, fields } => {
                let id = initiatives::add_event(conn, initiative, &fields)?;
                done(format!("Added the event {}", quoted(fields.title.trim())), Record::Event(id))
            }
            Self::UpdateEvent { id, fields } => {
                let before = initiatives::update_event(conn, id, &fields)?;
                done(format!("Saved the event {}", quoted(fields.title.trim())), Record::Event(id)).undone_by(
                    format!("edit of event {}", quoted(&before.fields.title)),
                    Self::UpdateEvent { id, fields: before.fields },
                )
            }
            Self::DeleteEvent(id) => {
                let before = initiatives::delete_event(conn, id)?;
                let title = quoted(&before.fields.title);
                done(format!("Deleted the event {title}"), Record::Event(id))
                    .undone_by(format!("delete of event {title}"), Self::RestoreEvent(Box::new(before)))
            }
            Self::RestoreEvent(event) => {
                initiatives::restore_event(conn, &event)?;
                done(format!("Restored the event {}", quoted(&event.fields.title)), Record::Event(event.id))
            }
            Self::AddContact(fields) => {
                let id = contacts::insert(conn, &fields, today)?;
                done(format!("Added {} to your network", fields.name.trim()), Record::Contact(id))
            }
            Self::UpdateContact { id, fields } => {
                let before = contacts::update(conn, id, &fields)?;
                done(format!("Saved {}", fields.name.trim()), Record::Contact(id)).undone_by(
                    format!("edit of {}", before.fields.name),
                    Self::UpdateContact { id, fields: before.fields },
                )
            }
            Self::DeleteContact(id) => {
                let (contact, interactions) = contacts::delete(conn, id)?;
                let name = contact.fields.name.clone();
                done(format!("Deleted {name} and their interactions"), Record::Contact(id)).undone_by(
                    format!("delete of {name}"),
                    Self::RestoreContact { contact: Box::new(contact), interactions },
                )
            }
            Self::RestoreContact { contact, interactions } => {
                contacts::restore(conn, &contact, &interactions)?;
                done(format!("Restored {}", contact.fields.name), Record::Contact(contact.id))
            }
            Self::AddInteraction { contact, on, note } => {
                let id = contacts::add_interaction(conn, contact, on, &note, today)?;
                let name = contacts::get(conn, contact)?.fields.name;
                done(format!("Recorded an interaction with {name} on {on}"), Record::Interaction(id))
            }
            Self::DeleteInteraction(id) => {
                let before = contacts::delete_interaction(conn, id)?;
                let name = contacts::get(conn, before.contact)?.fields.name;
                done(format!("Deleted the interaction with {name} of {}", before.on), Record::Interaction(id))
                    .undone_by(
                        format!("delete of the interaction with {name}"),
                        Self::RestoreInteraction(Box::new(before)),
                    )
            }
            Self::RestoreInteraction(interaction) => {
                contacts::restore_interaction(conn, &interaction)?;
                done(
                    format!("Restored the interaction of {}", interaction.on),
                    Record::Interaction(interaction.id),
                )
            }
            Self::AddMetric(fields) => {
                let id = scorecard::insert(conn, &fields)?;
                let m = scorecard::get(conn, id)?;
                done(
                    format!("Added the target {} for {}", quoted(&m.fields.name), m.fields.quarter),
                    Record::Metric(id),
                )
            }
            Self::UpdateMetric { id, fields } => {
                let before = scorecard::update(conn, id, &fields)?;
                let m = scorecard::get(conn, id)?;
                done(format!("Saved the target {}", quoted(&m.fields.name)), Record::Metric(id)).undone_by(
                    format!("edit of target {}", quoted(&before.fields.name)),
                    Self::UpdateMetric { id, fields: before.fields },
                )
            }
            Self::DeleteMetric(id) => {
                let before = scorecard::delete(conn, id)?;
                let name = quoted(&before.fields.name);
                done(format!("Deleted the target {name}"), Record::Metric(id))
                    .undone_by(format!("delete of target {name}"), Self::RestoreMetric(Box::new(before)))
            }
            Self::RestoreMetric(metric) => {
                scorecard::restore(conn, &metric)?;
                done(
                    format!("Restored the target {}", quoted(&metric.fields.name)),
                    Record::Metric(metric.id),
                )
            }
            Self::ImportCsv(plan) => {
                let counts = super::business_import::commit(conn, &plan, today)?;
                let message = if plan.new_accounts.is_empty() {
                    format!("Imported {counts}")
                } else {
                    format!("Imported {counts} ({} new accounts)", plan.new_accounts.len())
                };
                let record = done(message, Record::Import);
                if plan.new_accounts.is_empty() { record } else { record.with_roster() }
            }
        })
    }

    /// Whether the session takes a backup before applying it (an import).
    pub fn needs_backup_first(&self) -> bool {
        matches!(self, Self::ImportCsv(plan) if !plan.is_empty())
    }
}
