//! The Business screen's records through the session, as the app and the command line write
//! them: every bad input refused with a message naming the field, nothing saved; undo of edits
//! and deletes; the commit gate; the view the screen reads; time entries naming an account or
//! an initiative; meetings in an imported calendar counted as interactions with contacts.

use crate::common::{self, apply, day, refused};

use leadline::model::business::{
    AccountFields, ContactFields, McemStage, MetricFields, MetricKind, MilestoneFields, MilestoneState,
    OpportunityFields, OpportunityStatus, Owner, WorkLink,
};
use leadline::model::fiscal::FiscalQuarter;
use leadline::model::{AccountId, ContactId, MilestoneId, OpportunityId};
use leadline::session::{BusinessCommand, BusinessDone, BusinessRecord, Command, Done, Session};

fn business(session: &mut Session, command: BusinessCommand) -> BusinessDone {
    match apply(session, Command::Business(command)) {
        Done::Business(done) => done,
        other => panic!("unexpected {other:?}"),
    }
}

fn refused_business(session: &mut Session, command: BusinessCommand) -> String {
    refused(session, Command::Business(command))
}

fn account(session: &mut Session, name: &str) -> AccountId {
    match business(
        session,
        BusinessCommand::AddAccount(AccountFields { name: name.into(), ..Default::default() }),
    )
    .record
    {
        BusinessRecord::Account(id) => id,
        other => panic!("{other:?}"),
    }
}

fn won(account: AccountId, title: &str, on: chrono::NaiveDate) -> OpportunityFields {
    OpportunityFields {
        stage: McemStage::RealizeValue,
        monthly_acr: 20_000,
        status: OpportunityStatus::Won,
        closed_on: Some(on),
        ..OpportunityFields::new(account, title)
    }
}

fn add_opportunity(session: &mut Session, fields: OpportunityFields) -> OpportunityId {
    match business(session, BusinessCommand::AddOpportunity(fields)).record {
        BusinessRecord::Opportunity(id) => id,
        other => panic!("{other:?}"),
    }
}

fn committed(owner: Owner, due: chrono::NaiveDate, acr: i64) -> MilestoneFields {
    MilestoneFields {
        owner,
        due_on: Some(due),
        expected_acr: Some(acr),
        committed: true,
        ..MilestoneFields::new("AKS landing zone")
    }
}

fn count(session: &Session, table: &str) -> i64 {
    common::count(session, table)
}

#[test]
fn bad_input_is_refused_naming_the_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&common::db_in(&dir));
    let contoso = account(&mut s, "Contoso");

    // A negative ACR; a won date in the future.
    let negative = OpportunityFields { monthly_acr: -5, ..won(contoso, "Data", day(2026, 11, 2)) };
    assert_eq!(
        refused_business(&mut s, BusinessCommand::AddOpportunity(negative)),
        "monthly ACR: -5 is negative; an amount is 0 or more"
    );
    let future = won(contoso, "Data", day(2026, 12, 5));
    assert_eq!(
        refused_business(&mut s, BusinessCommand::AddOpportunity(future)),
        "won date: 2026-12-05 is in the future"
    );
    assert_eq!(count(&s, "opportunities"), 0);

    // A duplicate CRM id.
    let first = OpportunityFields { crm_id: "OPP-1".into(), ..won(contoso, "Data", day(2026, 11, 2)) };
    let win = add_opportunity(&mut s, first.clone());
    let again = OpportunityFields { title: "AKS".into(), crm_id: " OPP-1 ".into(), ..first };
    assert_eq!(
        refused_business(&mut s, BusinessCommand::AddOpportunity(again)),
        "CRM id: OPP-1 is already the id of “Data”"
    );
    assert_eq!(count(&s, "opportunities"), 1);

    // A milestone due before the win; a committed milestone without its owner, date or ACR.
    let early = MilestoneFields { due_on: Some(day(2026, 10, 1)), ..MilestoneFields::new("Fabric") };
    assert_eq!(
        refused_business(&mut s, BusinessCommand::AddMilestone { win, fields: early }),
        "due date: 2026-10-01 is before the win on 2026-11-02"
    );
    let gate = MilestoneFields {
        committed: true,
        due_on: Some(day(2026, 12, 20)),
        ..MilestoneFields::new("Fabric")
    };
    assert_eq!(
        refused_business(&mut s, BusinessCommand::AddMilestone { win, fields: gate }),
        "committed: a milestone can be committed only with an owner, a due date and an expected ACR; it has no owner or expected ACR"
    );
    assert_eq!(count(&s, "milestones"), 0);

    // An interval whose ideal exceeds its maximum.
    let contact =
        ContactFields { name: "Zoë".into(), ideal_days: 90, max_days: 30, ..ContactFields::default() };
    assert_eq!(
        refused_business(&mut s, BusinessCommand::AddContact(contact)),
        "ideal interval: 90 days is longer than the maximum of 30 days"
    );
    assert_eq!(count(&s, "contacts"), 0);

    // A plan agreed in the future; a lost opportunity without a reason; an account twice.
    assert_eq!(
        refused_business(
            &mut s,
            BusinessCommand::SetPlan {
                id: win,
                agreed: true,
                agreed_on: Some(day(2026, 12, 1)),
                sponsor: String::new()
            }
        ),
        "agreed on: 2026-12-01 is in the future"
    );
    let lost = OpportunityFields { status: OpportunityStatus::Lost, ..won(contoso, "SAP", day(2026, 11, 2)) };
    assert_eq!(
        refused_business(&mut s, BusinessCommand::AddOpportunity(lost)),
        "lost reason: say why it was lost"
    );
    assert_eq!(
        refused_business(
            &mut s,
            BusinessCommand::AddAccount(AccountFields { name: "contoso".into(), ..Default::default() })
        ),
        "name: an account called “Contoso” already exists"
    );
    assert_eq!(count(&s, "accounts"), 1);
}

#[test]
fn milestones_belong_to_wins_and_the_commit_gate_opens_with_owner_date_and_acr() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&common::db_in(&dir));
    let ana = common::add_architect(&mut s, "Ana López", leadline::model::Cadence::Weekly);
    let contoso = account(&mut s, "Contoso");
    let open = add_opportunity(&mut s, OpportunityFields::new(contoso, "Data platform"));
    assert_eq!(
        refused_business(
            &mut s,
            BusinessCommand::AddMilestone { win: open, fields: MilestoneFields::new("Fabric") }
        ),
        "win: “Data platform” is open: a consumption plan and its milestones belong to a win"
    );
    let win = add_opportunity(&mut s, won(contoso, "AKS", day(2026, 11, 2)));
    let done = business(
        &mut s,
        BusinessCommand::AddMilestone { win, fields: MilestoneFields::new("AKS landing zone") },
    );
    let BusinessRecord::Milestone(id) = done.record else { panic!() };
    // Committing it names each missing piece, then goes through once they are there.
    let mut fields = MilestoneFields { committed: true, ..MilestoneFields::new("AKS landing zone") };
    assert!(
        refused_business(&mut s, BusinessCommand::UpdateMilestone { id, fields: fields.clone() })
            .ends_with("it has no owner, due date or expected ACR")
    );
    fields.owner = Owner::Architect(ana);
    assert!(
        refused_business(&mut s, BusinessCommand::UpdateMilestone { id, fields: fields.clone() })
            .ends_with("it has no due date or expected ACR")
    );
    fields.due_on = Some(day(2027, 1, 15));
    assert!(
        refused_business(&mut s, BusinessCommand::UpdateMilestone { id, fields: fields.clone() })
            .ends_with("it has no expected ACR")
    );
    fields.expected_acr = Some(9_000);
    business(&mut s, BusinessCommand::UpdateMilestone { id, fields });
    let stored = leadline::store::milestones::get(s.conn(), id).unwrap();
    assert!(stored.fields.committed);
    assert_eq!(stored.fields.owner, Owner::Architect(ana));
    // The database refuses it too: the CHECK is a second gate.
    let sneaky = s.conn().execute("UPDATE milestones SET expected_acr = NULL WHERE id = ?1", [id]);
    assert!(sneaky.is_err(), "a committed milestone keeps its expected ACR");
    // A win with a milestone cannot be moved to after it.
    let later = won(contoso, "AKS", day(2026, 11, 20));
    let moved = business(&mut s, BusinessCommand::UpdateOpportunity { id: win, fields: later });
    assert!(moved.message.contains("Saved"));
    let early_due = MilestoneFields { due_on: Some(day(2026, 11, 5)), ..MilestoneFields::new("Sentinel") };
    assert_eq!(
        refused_business(&mut s, BusinessCommand::AddMilestone { win, fields: early_due.clone() }),
        "due date: 2026-11-05 is before the win on 2026-11-20"
    );
    business(
        &mut s,
        BusinessCommand::UpdateOpportunity { id: win, fields: won(contoso, "AKS", day(2026, 11, 2)) },
    );
    business(&mut s, BusinessCommand::AddMilestone { win, fields: early_due });
    assert_eq!(
        refused_business(
            &mut s,
            BusinessCommand::UpdateOpportunity { id: win, fields: won(contoso, "AKS", day(2026, 11, 20)) }
        ),
        "won date: 2026-11-20 is after the milestone “Sentinel”, due 2026-11-05; a milestone is not due before its win"
    );
}

#[test]
fn undo_puts_back_edits_and_deletes_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut s = common::live_session(&path);
    let contoso = account(&mut s, "Contoso");
    let win = add_opportunity(&mut s, won(contoso, "Data platform", day(2026, 11, 2)));
    business(
        &mut s,
        BusinessCommand::SetPlan {
            id: win,
            agreed: true,
            agreed_on: Some(day(2026, 11, 10)),
            sponsor: "Elena".into(),
        },
    );
    let ms = business(
        &mut s,
        BusinessCommand::AddMilestone {
            win,
            fields: committed(Owner::Partner("Contoso Consulting".into()), day(2027, 1, 10), 5_000),
        },
    );
    let BusinessRecord::Milestone(milestone) = ms.record else { panic!() };

    // An edit of the plan, undone.
    business(
        &mut s,
        BusinessCommand::SetPlan { id: win, agreed: false, agreed_on: None, sponsor: String::new() },
    );
    assert_eq!(s.undo_step().unwrap().label, "plan of “Data platform”");
    s.undo().unwrap();
    let plan = leadline::store::opportunities::get(s.conn(), win).unwrap().plan;
    assert_eq!((plan.agreed_on, plan.sponsor.as_str()), (Some(day(2026, 11, 10)), "Elena"));

    // Deleting the win takes its milestone; undo brings both back under their ids.
    business(&mut s, BusinessCommand::DeleteOpportunity(win));
    assert_eq!((count(&s, "opportunities"), count(&s, "milestones")), (0, 0));
    assert_eq!(s.undo_step().unwrap().label, "delete of “Data platform”");
    s.undo().unwrap();
    assert_eq!(leadline::store::opportunities::get(s.conn(), win).unwrap().plan.sponsor, "Elena");
    assert_eq!(
        leadline::store::milestones::get(s.conn(), milestone).unwrap().fields.expected_acr,
        Some(5_000)
    );
    assert!(s.view().business.opportunity(win).is_some(), "the view follows");

    // A contact deleted with their interactions comes back whole.
    let contact = business(
        &mut s,
        BusinessCommand::AddContact(ContactFields {
            name: "Zoë Müller".into(), ..ContactFields::default()
        }),
    );
    let BusinessRecord::Contact(zoe) = contact.record else { panic!() };
    business(
        &mut s,
        BusinessCommand::AddInteraction { contact: zoe, on: day(2026, 11, 20), note: "QBR".into() },
    );
    business(&mut s, BusinessCommand::DeleteContact(zoe));
    assert_eq!((count(&s, "contacts"), count(&s, "interactions")), (0, 0));
    s.undo().unwrap();
    assert_eq!((count(&s, "contacts"), count(&s, "interactions")), (1, 1));

    // Consumption typed over is restored to its old figure.
    business(
        &mut s,
        BusinessCommand::SetConsumption { account: contoso, month: day(2026, 10, 1), dollars: Some(40_000) },
    );
    business(
        &mut s,
        BusinessCommand::SetConsumption { account: contoso, month: day(2026, 10, 1), dollars: Some(4_000) },
    );
    s.undo().unwrap();
    assert_eq!(leadline::store::consumption::get(s.conn(), contoso, day(2026, 10, 1)).unwrap(), Some(40_000));
}

#[test]
fn an_account_in_use_cannot_be_deleted_and_says_what_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&common::db_in(&dir));
    let contoso = account(&mut s, "Contoso");
    add_opportunity(&mut s, won(contoso, "Data platform", day(2026, 11, 2)));
    business(
        &mut s,
        BusinessCommand::SetConsumption { account: contoso, month: day(2026, 10, 1), dollars: Some(1_000) },
    );
    assert_eq!(
        refused_business(&mut s, BusinessCommand::DeleteAccount(contoso)),
        "Contoso cannot be deleted: 1 opportunity, 1 month of consumption refer to it"
    );
    let spare = account(&mut s, "Spare");
    business(&mut s, BusinessCommand::DeleteAccount(spare));
    assert_eq!(count(&s, "accounts"), 1);
}

#[test]
fn a_time_entry_names_an_account_or_an_initiative_and_the_time_screen_sums_market_hours() {
    use leadline::model::business::InitiativeFields;
    use leadline::model::split::Category;
    use leadline::model::time_entry::TimeEntryFields;
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::live_session(&common::db_in(&dir));
    let contoso = account(&mut s, "Contoso");
    let done = business(
        &mut s,
        BusinessCommand::AddInitiative(InitiativeFields {
            title: "Mid-market healthcare".into(),
            ..Default::default()
        }),
    );
    let BusinessRecord::Initiative(healthcare) = done.record else { panic!() };
    let entry = |minutes, link| TimeEntryFields {
        link,
        ..TimeEntryFields::manual(day(2026, 11, 24), minutes, Category::Market, "Workshop")
    };
    apply(&mut s, Command::AddTimeEntry(entry(120, Some(WorkLink::Account(contoso)))));
    apply(&mut s, Command::AddTimeEntry(entry(90, Some(WorkLink::Initiative(healthcare)))));
    apply(&mut s, Command::AddTimeEntry(entry(60, None)));
    let Done::TimeEntryAdded(linked) =
        apply(&mut s, Command::AddTimeEntry(entry(30, Some(WorkLink::Account(contoso)))))
    else {
        panic!()
    };
    assert_eq!(linked.fields.link, Some(WorkLink::Account(contoso)));
    let links = &s.view().time.market_links;
    assert_eq!(
        *links,
        vec![
            (Some(WorkLink::Account(contoso)), 150),
            (Some(WorkLink::Initiative(healthcare)), 90),
            (None, 60)
        ]
    );
    // An initiative or account time names cannot be deleted.
    assert!(
        refused_business(&mut s, BusinessCommand::DeleteInitiative(healthcare))
            .contains("1 time entry names it")
    );
    assert!(refused_business(&mut s, BusinessCommand::DeleteAccount(contoso)).contains("2 time entries"));
    // A link to something that does not exist is refused.
    let ghost = entry(30, Some(WorkLink::Account(AccountId(999))));
    assert_eq!(refused(&mut s, Command::AddTimeEntry(ghost)), "account #999 no longer exists");
}

#[test]
fn a_calendar_meeting_with_a_contacts_address_is_their_last_interaction_and_never_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut s = common::live_session(&path);
    apply(
        &mut s,
        Command::SetCalendarIdentity {
            my_emails: "me@contoso.com".into(),
            company_domains: "contoso.com".into(),
        },
    );
    let zoe = ContactFields {
        name: "Zoë Müller".into(),
        email: "Zoe.Mueller@Fabrikam.com".into(),
        ..ContactFields::default()
    };
    let BusinessRecord::Contact(zoe) = business(&mut s, BusinessCommand::AddContact(zoe)).record else {
        panic!()
    };
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n\
               BEGIN:VEVENT\r\nUID:qbr-1\r\nDTSTART:20261124T090000Z\r\nDTEND:20261124T100000Z\r\nSUMMARY:Fabrikam QBR\r\n\
               ORGANIZER:mailto:me@contoso.com\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:zoe.mueller@fabrikam.com\r\nEND:VEVENT\r\n\
               BEGIN:VEVENT\r\nUID:declined-1\r\nDTSTART:20261125T090000Z\r\nDTEND:20261125T100000Z\r\nSUMMARY:Fabrikam workshop\r\n\
               ORGANIZER:mailto:me@contoso.com\r\nATTENDEE;PARTSTAT=DECLINED:mailto:zoe.mueller@fabrikam.com\r\nEND:VEVENT\r\n\
               BEGIN:VEVENT\r\nUID:future-1\r\nDTSTART:20261210T090000Z\r\nDTEND:20261210T100000Z\r\nSUMMARY:Fabrikam planning\r\n\
               ORGANIZER:mailto:me@contoso.com\r\nATTENDEE:mailto:zoe.mueller@fabrikam.com\r\nEND:VEVENT\r\n\
               END:VCALENDAR\r\n";
    let import = |s: &mut Session| {
        let window = s.import_window(day(2026, 11, 1), day(2026, 12, 31)).unwrap();
        let mut preview = s.import_preview(ics.as_bytes(), &window).unwrap();
        for index in 0..preview.rows.len() {
            preview.assign(
                index,
                Some(leadline::import::rules::Outcome::Category(leadline::model::split::Category::Market)),
            );
        }
        apply(s, Command::ImportCalendar { plan: preview.plan(), folder: None });
    };
    import(&mut s);
    let row = s.view().business.contact(zoe).unwrap();
    assert_eq!(
        row.last,
        Some(day(2026, 11, 24)),
        "the QBR she attended; not the workshop she declined, nor next month's"
    );
    let interactions = leadline::store::contacts::interactions_of(s.conn(), zoe).unwrap();
    assert_eq!(interactions.len(), 1);
    assert_eq!(interactions[0].note, "Fabrikam QBR");
    import(&mut s);
    assert_eq!(
        leadline::store::contacts::interactions_of(s.conn(), zoe).unwrap().len(),
        1,
        "importing again adds nothing"
    );
}

#[test]
fn the_view_flags_wins_without_a_plan_until_one_is_agreed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::live_session(&common::db_in(&dir));
    let contoso = account(&mut s, "Contoso");
    let win = add_opportunity(&mut s, won(contoso, "Data platform", day(2026, 11, 20)));
    assert_eq!(s.view().business.attention.wins_without_plan, vec![win]);
    let card = s.view().business.scorecard(FiscalQuarter::new(2027, 2).unwrap()).unwrap().clone();
    assert_eq!((card.standards.coverage.wins, card.standards.coverage.with_plan), (1, 0));
    business(
        &mut s,
        BusinessCommand::SetPlan {
            id: win,
            agreed: true,
            agreed_on: Some(day(2026, 11, 25)),
            sponsor: "Elena".into(),
        },
    );
    assert!(s.view().business.attention.wins_without_plan.is_empty());
    let card = s.view().business.scorecard(FiscalQuarter::new(2027, 2).unwrap()).unwrap();
    assert_eq!(card.standards.coverage.pct(), Some(100.0));
    // A committed milestone due soon without evidence is flagged, and fresh evidence clears it.
    let ms = business(
        &mut s,
        BusinessCommand::AddMilestone {
            win,
            fields: committed(Owner::Partner("Contoso Consulting".into()), day(2026, 12, 10), 5_000),
        },
    );
    let BusinessRecord::Milestone(id) = ms.record else { panic!() };
    assert_eq!(s.view().business.attention.stale_commitments, vec![id]);
    let mut fields = committed(Owner::Partner("Contoso Consulting".into()), day(2026, 12, 10), 5_000);
    fields.evidence = "Pilot running".into();
    fields.evidence_on = Some(day(2026, 11, 27));
    business(&mut s, BusinessCommand::UpdateMilestone { id, fields: fields.clone() });
    assert!(s.view().business.attention.stale_commitments.is_empty());
    fields.state = MilestoneState::Blocked;
    business(&mut s, BusinessCommand::UpdateMilestone { id, fields });
    assert_eq!(s.view().business.attention.troubled, vec![id]);
    let _: MilestoneId = id;
}

#[test]
fn targets_are_kept_per_quarter_and_derived_actuals_win_over_typed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&common::db_in(&dir));
    let q2 = FiscalQuarter::new(2027, 2).unwrap();
    let target = |kind, actual| MetricFields {
        quarter: q2,
        kind,
        name: String::new(),
        unit: String::new(),
        target: 300,
        actual,
    };
    business(&mut s, BusinessCommand::AddMetric(target(MetricKind::Wins, Some(900))));
    // No opportunities recorded: the typed actual stands.
    let card = leadline::store::scorecard::scorecard(s.conn(), q2, common::today()).unwrap();
    assert_eq!(card.lines[0].actual(), Some(900));
    let contoso = account(&mut s, "Contoso");
    add_opportunity(&mut s, won(contoso, "Data", day(2026, 10, 5)));
    let card = leadline::store::scorecard::scorecard(s.conn(), q2, common::today()).unwrap();
    assert_eq!((card.lines[0].derived, card.lines[0].actual()), (Some(100), Some(100)));
    let custom =
        MetricFields { kind: MetricKind::Custom, name: " ".into(), ..target(MetricKind::Custom, None) };
    assert_eq!(refused_business(&mut s, BusinessCommand::AddMetric(custom)), "name: must not be empty");
    let _: ContactId = ContactId(0);
}

#[test]
fn the_small_demo_holds_what_the_business_screen_is_about() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::live_session(&common::demo_db(&dir));
    let sql = |sql: &str| -> i64 { s.conn().query_row(sql, [], |row| row.get(0)).unwrap() };
    // Every architect still on the team covers an account.
    assert_eq!(
        sql("SELECT count(*) FROM architects a WHERE status != 'left' AND NOT EXISTS \
             (SELECT 1 FROM account_architects x WHERE x.architect_id = a.id)"),
        0
    );
    // Wins and opportunities across all five MCEM stages; two wins without a plan.
    assert_eq!(sql("SELECT count(DISTINCT stage) FROM opportunities"), 5);
    let attention = &s.view().business.attention;
    assert_eq!(attention.wins_without_plan.len(), 2);
    // One milestone blocked, one at risk, and both are flagged.
    assert_eq!(sql("SELECT count(*) FROM milestones WHERE state = 'blocked'"), 1);
    assert_eq!(sql("SELECT count(*) FROM milestones WHERE state = 'at_risk'"), 1);
    assert_eq!(attention.troubled.len(), 2);
    // Two initiatives with events; fifteen contacts, some past their maximum.
    assert_eq!(sql("SELECT count(DISTINCT initiative_id) FROM initiative_events"), 2);
    assert_eq!(count(&s, "contacts"), 15);
    assert!((2..15).contains(&attention.contacts_past_max.len()), "{:?}", attention.contacts_past_max);
    // This quarter (FY27 Q2) has its targets.
    assert!(sql("SELECT count(*) FROM scorecard_metrics WHERE fiscal_year = 2027 AND quarter = 2") >= 3);
}

#[test]
fn a_one_on_one_held_moves_the_cadence_standard_of_the_scorecards_on_screen() {
    use leadline::model::one_on_one::MeetingFields;
    let dir = tempfile::tempdir().unwrap();
    let path = common::db_in(&dir);
    let mut s = common::live_session(&path);
    let ana = common::add_architect(&mut s, "Ana", leadline::model::Cadence::Weekly);
    let q2 = FiscalQuarter::new(2027, 2).unwrap();
    let cadence = |s: &Session| s.view().business.scorecard(q2).expect("this quarter").standards.cadence;
    // FY27 Q2 to Saturday 28 November: eight weeks ended (5 Oct … 23 Nov), none kept.
    assert_eq!((cadence(&s).kept, cadence(&s).due), (0, 8));
    // A meeting only started was not held: it keeps no cadence, as on the prep cards.
    let meeting = common::start(&mut s, ana, day(2026, 11, 3), &[]);
    assert_eq!((cadence(&s).kept, cadence(&s).due), (0, 8));
    let fields = MeetingFields { held_on: day(2026, 11, 3), mood: Some(4), notes: "Held".into() };
    common::apply(&mut s, leadline::session::Command::UpdateOneOnOne { id: meeting, fields });
    assert_eq!((cadence(&s).kept, cadence(&s).due), (1, 8));
    // The view read again from scratch agrees.
    let fresh = leadline::session::BusinessView::load(s.conn(), common::today()).unwrap();
    assert_eq!(fresh.scorecard(q2).unwrap().standards.cadence, cadence(&s));
}

#[test]
fn the_windowed_read_shows_exactly_what_the_whole_read_shows() {
    use leadline::session::BusinessView;
    use leadline::store::scorecard::{self, Facts};
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&common::demo_db(&dir));
    // Beside the demo: an old win, lost since, whose plan still has a milestone to deliver
    // (listed, and counted nowhere); and a contact last met four years ago (past the maximum on
    // every day looked at, from an interaction long before any window).
    let old = account(&mut s, "Old Harbour Freight");
    let lost_win = add_opportunity(&mut s, won(old, "Old harbour telemetry", day(2021, 3, 1)));
    business(
        &mut s,
        BusinessCommand::AddMilestone {
            win: lost_win,
            fields: committed(Owner::Partner("Harbour IT".into()), day(2021, 6, 1), 2_000),
        },
    );
    // A win entered today with its closing day in FY26 Q1: recorded after that quarter ended,
    // it still counts among the quarter's wins (the window of an old quarter keeps it).
    let late_entry = add_opportunity(&mut s, won(old, "Harbour customs portal", day(2025, 8, 12)));
    let mut lost = won(old, "Old harbour telemetry", day(2021, 3, 1));
    lost.status = OpportunityStatus::Lost;
    lost.lost_reason = "Budget moved".into();
    business(&mut s, BusinessCommand::UpdateOpportunity { id: lost_win, fields: lost });
    let contact = ContactFields {
        name: "Aino Virtanen".into(),
        organisation: "Old Harbour Freight".into(),
        ideal_days: 30,
        max_days: 90,
        ..ContactFields::default()
    };
    let BusinessRecord::Contact(aino) = business(&mut s, BusinessCommand::AddContact(contact)).record else {
        panic!("a contact")
    };
    business(
        &mut s,
        BusinessCommand::AddInteraction {
            contact: aino,
            on: day(2022, 11, 2),
            note: "Quarterly review".into(),
        },
    );
    let conn = s.conn();
    let start_month = leadline::store::time::time_settings(conn).unwrap().start_month;
    // Today, a year back, the first day of a fiscal year, and two years on (when every demo
    // record is older than the window).
    for today in [common::today(), day(2025, 11, 28), day(2026, 7, 1), day(2028, 11, 28)] {
        let window = BusinessView::load(conn, today).unwrap();
        let whole = BusinessView::load_from_every_record(conn, today).unwrap();
        assert_eq!(window.differences(&whole), Vec::<&str>::new(), "on {today}");
        // The scorecard the command line prints, for every quarter from FY25 to FY30.
        let mut quarter = FiscalQuarter::new(2025, 1).unwrap();
        while quarter <= FiscalQuarter::new(2030, 4).unwrap() {
            let whole_card = Facts::read(conn, quarter, quarter, start_month).unwrap().scorecard(
                quarter,
                start_month,
                today,
            );
            assert_eq!(
                scorecard::scorecard(conn, quarter, today).unwrap(),
                whole_card,
                "{quarter} on {today}"
            );
            quarter = quarter.next();
        }
    }
    // Not a comparison of two empty views: on the test day the view has wins without a plan and
    // troubled milestones, the old contact is past the maximum, and the windowed read left out
    // records the whole read holds (the lost win, its milestone, the contact's old meeting).
    let view = BusinessView::load(conn, common::today()).unwrap();
    assert_eq!(view.attention.wins_without_plan.len(), 2);
    assert_eq!(view.attention.troubled.len(), 2);
    assert!(view.attention.contacts_past_max.contains(&aino));
    assert!(view.opportunity(lost_win).is_some(), "listed: its milestone is still to deliver");
    let q2 = FiscalQuarter::new(2027, 2).unwrap();
    let window = Facts::read_window(conn, q2, q2, start_month, common::today()).unwrap();
    let every = Facts::read(conn, q2, q2, start_month).unwrap();
    assert!(!window.opportunities.iter().any(|o| o.id == lost_win));
    assert!(every.opportunities.iter().any(|o| o.id == lost_win));
    assert!(window.milestones.len() < every.milestones.len());
    // An old quarter's window holds what was recorded or closed by its end: the win entered
    // late, not today's open pipeline.
    let fy26_q1 = FiscalQuarter::new(2026, 1).unwrap();
    let old_window = Facts::read_window(conn, fy26_q1, fy26_q1, start_month, common::today()).unwrap();
    assert!(old_window.opportunities.iter().any(|o| o.id == late_entry));
    assert!(old_window.opportunities.iter().all(|o| o.created_on <= day(2025, 9, 30) || o.id == late_entry));
    assert!(
        old_window.opportunities.len()
            < Facts::read_window(conn, q2, q2, start_month, common::today()).unwrap().opportunities.len()
    );
    let met = |facts: &Facts| facts.contacts.iter().find(|c| c.id == aino).unwrap().interactions.clone();
    assert_eq!(met(&window), vec![day(2022, 11, 2)], "the last interaction before the window is kept");
}

#[test]
fn the_screens_lists_keep_their_order_and_the_expected_acr_its_sums_at_the_months_edges() {
    use leadline::session::BusinessView;
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(&common::empty_db(&dir));
    let harbour = account(&mut s, "Harbour Freight");
    let fabrikam = account(&mut s, "Fabrikam");
    let partner = || Owner::Partner("Harbour IT".into());
    let milestone = |s: &mut Session, win: OpportunityId, fields: MilestoneFields| -> MilestoneId {
        match business(s, BusinessCommand::AddMilestone { win, fields }).record {
            BusinessRecord::Milestone(id) => id,
            other => panic!("{other:?}"),
        }
    };
    // On 2026-11-28 the chart runs from December 2025 to May 2027: what is due before December
    // 2025 is summed into its first month, what is due from June 2027 on is not shown.
    let oldest = add_opportunity(&mut s, won(harbour, "Harbour customs", day(2023, 5, 1)));
    milestone(
        &mut s,
        oldest,
        MilestoneFields { state: MilestoneState::Live, ..committed(partner(), day(2023, 6, 1), 50) },
    );
    let telemetry = add_opportunity(&mut s, won(harbour, "Harbour telemetry", day(2024, 1, 10)));
    let before = milestone(&mut s, telemetry, committed(partner(), day(2025, 11, 30), 100));
    let first = milestone(&mut s, telemetry, committed(partner(), day(2025, 12, 1), 200));
    let same_day = milestone(&mut s, telemetry, committed(partner(), day(2025, 12, 1), 300));
    let month_end = milestone(&mut s, telemetry, committed(partner(), day(2025, 12, 31), 400));
    let last_month = milestone(&mut s, telemetry, committed(partner(), day(2027, 5, 31), 800));
    let past_chart = milestone(&mut s, telemetry, committed(partner(), day(2027, 6, 1), 1_600));
    let cancelled = milestone(
        &mut s,
        telemetry,
        MilestoneFields { state: MilestoneState::Cancelled, ..committed(partner(), day(2026, 1, 15), 3_200) },
    );
    let undated = milestone(
        &mut s,
        telemetry,
        MilestoneFields { expected_acr: Some(6_400), ..MilestoneFields::new("Data estate") },
    );
    let lost_win = add_opportunity(&mut s, won(harbour, "Harbour archive", day(2024, 2, 1)));
    let on_lost = milestone(&mut s, lost_win, committed(partner(), day(2026, 2, 1), 12_800));
    let lost = OpportunityFields {
        status: OpportunityStatus::Lost,
        lost_reason: "Budget moved".into(),
        ..won(harbour, "Harbour archive", day(2024, 2, 1))
    };
    business(&mut s, BusinessCommand::UpdateOpportunity { id: lost_win, fields: lost });
    let fabrikam_win = add_opportunity(&mut s, won(fabrikam, "Fabrikam analytics", day(2026, 3, 1)));
    let fabrikam_milestone = milestone(&mut s, fabrikam_win, committed(partner(), day(2026, 3, 10), 25_600));
    let open = add_opportunity(
        &mut s,
        OpportunityFields {
            stage: McemStage::InspireDesign,
            ..OpportunityFields::new(fabrikam, "Fabrikam IoT")
        },
    );

    let view = BusinessView::load(s.conn(), common::today()).unwrap();
    // Newest first; all were recorded today, so the later id first. The oldest win has only a
    // live milestone and closed before the previous fiscal year: not listed.
    let listed: Vec<OpportunityId> = view.opportunities.iter().map(|o| o.id).collect();
    assert_eq!(listed, [open, fabrikam_win, lost_win, telemetry]);
    // By due day, the same day by id, the undated last.
    let milestones: Vec<MilestoneId> = view.milestones.iter().map(|m| m.id).collect();
    assert_eq!(
        milestones,
        [
            before,
            first,
            same_day,
            month_end,
            cancelled,
            on_lost,
            fabrikam_milestone,
            last_month,
            past_chart,
            undated
        ]
    );

    let months = view.chart_months();
    assert_eq!((months[0], months[17]), (day(2025, 12, 1), day(2027, 5, 1)));
    // Harbour: 50 (the oldest win's live milestone) + 100 before the chart, 200 + 300 + 400 in
    // its first month, 800 in its last; never the cancelled one, the one on the lost win, the
    // undated one or the one due after the chart.
    let harbour_series = view.expected_series(harbour, &months);
    assert_eq!(harbour_series[0], 1_050);
    assert!(harbour_series[1..17].iter().all(|&acr| acr == 1_050), "{harbour_series:?}");
    assert_eq!(harbour_series[17], 1_850);
    let fabrikam_series = view.expected_series(fabrikam, &months);
    assert_eq!(fabrikam_series[..3], [0, 0, 0]);
    assert!(fabrikam_series[3..].iter().all(|&acr| acr == 25_600), "{fabrikam_series:?}");
    assert_eq!(view.account(harbour).map(|a| (a.expected_now, a.wins, a.open_count)), Some((1_050, 1, 0)));
    assert_eq!(view.account(fabrikam).map(|a| (a.expected_now, a.wins, a.open_count)), Some((25_600, 1, 1)));
    // The same figures as from every milestone one by one.
    let whole = BusinessView::load_from_every_record(s.conn(), common::today()).unwrap();
    assert_eq!(view.differences(&whole), Vec::<&str>::new());
}
