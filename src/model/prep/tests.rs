use super::*;
use crate::model::ids::{ActionItemId, TalkingPointId};
use crate::model::one_on_one::ActionFields;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn week(label: &str) -> IsoWeek {
    label.parse().unwrap()
}

#[test]
fn biweekly_is_due_two_weeks_after_the_last_one_held() {
    let last = day(2026, 11, 17); // W47
    assert!(!is_due(Cadence::Biweekly, Some(last), week("2026-W48")));
    assert!(is_due(Cadence::Biweekly, Some(last), week("2026-W49")));
    assert!(is_due(Cadence::Weekly, Some(last), week("2026-W48")));
    assert!(is_due(Cadence::Biweekly, None, week("2026-W48")), "never met: due");
    assert_eq!(next_due_week(Cadence::Biweekly, last), week("2026-W49"));
    // Across New Year's 53-week year.
    assert!(is_due(Cadence::Biweekly, Some(day(2026, 12, 22)), week("2027-W01")));
    assert!(!is_due(Cadence::Biweekly, Some(day(2026, 12, 29)), week("2027-W01")));
}

#[test]
fn the_cards_day_is_today_in_the_current_week_and_monday_otherwise() {
    let today = day(2026, 11, 28);
    assert_eq!(as_of(week("2026-W48"), today), today);
    assert_eq!(as_of(week("2026-W47"), today), day(2026, 11, 16));
    assert_eq!(as_of(week("2026-W49"), today), day(2026, 11, 30));
}

fn architect(id: i64, name: &str, cadence: Cadence, status: Status) -> ArchitectInput {
    ArchitectInput { id: ArchitectId(id), name: name.into(), cadence, status, starts_on: None }
}

fn meeting(id: i64, held_on: NaiveDate, mood: Option<u8>) -> MeetingRef {
    MeetingRef { id: OneOnOneId(id), held_on, mood }
}

#[test]
fn a_card_shows_what_is_still_open_after_the_last_meeting() {
    let last = day(2026, 11, 17);
    let action = |id: i64, due: Option<NaiveDate>, done: Option<NaiveDate>| ActionItem {
        id: ActionItemId(id),
        architect_id: ArchitectId(1),
        raised_in: OneOnOneId(1),
        raised_on: day(2026, 11, 10),
        fields: ActionFields { text: format!("action {id}"), owner: Party::Them, due_on: due },
        done_on: done,
        times_carried: 1,
    };
    let point = |id: i64, discussed: Option<NaiveDate>| TalkingPoint {
        id: TalkingPointId(id),
        architect_id: ArchitectId(1),
        raised_in: OneOnOneId(1),
        raised_on: day(2026, 11, 10),
        fields: PointFields { text: format!("point {id}"), ..PointFields::default() },
        discussed_in: discussed.map(|_| OneOnOneId(2)),
        discussed_on: discussed,
        times_carried: 1,
    };
    let history = HistoryInput {
        last: Some(meeting(2, last, Some(2))),
        previous_mood: Some(4),
        in_week: None,
        started: None,
        last_notes: String::new(),
        points: vec![point(1, None), point(2, Some(last))],
        actions: vec![
            action(1, Some(day(2026, 11, 20)), None),
            action(2, Some(day(2026, 12, 4)), None),
            action(3, None, Some(day(2026, 11, 19))),
            action(4, None, Some(day(2026, 11, 17))),
        ],
    };
    let inputs = Inputs {
        week: week("2026-W48"),
        today: day(2026, 11, 28),
        architects: vec![architect(1, "Mateo García", Cadence::Weekly, Status::Active)],
        history: HashMap::from([(ArchitectId(1), history)]),
        development: HashMap::new(),
        week_split: None,
        onboarding: HashMap::new(),
    };
    let sheet = build(&inputs);
    let card = &sheet.due[0];
    assert_eq!(card.days_since_last, Some(11));
    assert_eq!(card.carried_points.iter().map(|p| p.id.0).collect::<Vec<_>>(), [1]);
    assert_eq!(card.open_actions.iter().map(|a| a.id.0).collect::<Vec<_>>(), [1, 2], "overdue first");
    assert_eq!(card.overdue_count(sheet.as_of), 1);
    assert_eq!(card.done_since_last.iter().map(|a| a.id.0).collect::<Vec<_>>(), [3]);
    assert!(card.suggested.iter().any(|p| p.topic == "Wellbeing" && p.text.contains("2/5")));
}

#[test]
fn a_new_hires_card_lists_the_onboarding_goals_once_under_onboarding() {
    let plan_goal = GoalDue {
        description: "Earn AZ-900 Azure Fundamentals".into(),
        target_on: Some(day(2026, 11, 18)),
        stalled: false,
        overdue_days: Some(10),
        on_agenda_since: None,
    };
    let other = GoalDue {
        description: "Lead the Trey pilot".into(),
        target_on: None,
        stalled: true,
        overdue_days: None,
        on_agenda_since: None,
    };
    let development =
        Development { goals: vec![plan_goal.clone(), other.clone()], certs: vec![], changes: vec![] };
    let onboarding = Onboarding {
        day: 41,
        buddy: Some("Mateo García".into()),
        items: vec![OnboardingItem {
            day: 30,
            due_on: day(2026, 11, 18),
            text: "Earn AZ-900 Azure Fundamentals".into(),
            done: false,
        }],
    };
    let inputs = Inputs {
        week: week("2026-W48"),
        today: day(2026, 11, 28),
        architects: vec![architect(1, "Tomás Herrera", Cadence::Weekly, Status::Active)],
        history: HashMap::from([(ArchitectId(1), HistoryInput::default())]),
        development: HashMap::from([(ArchitectId(1), development)]),
        week_split: None,
        onboarding: HashMap::from([(ArchitectId(1), onboarding.clone())]),
    };
    let sheet = build(&inputs);
    let card = &sheet.due[0];
    assert_eq!(card.onboarding.as_ref(), Some(&onboarding));
    assert_eq!(card.goals, [other], "the plan's goal is under Onboarding, not twice");
    assert!(card.suggested.iter().any(|p| p.text.starts_with("Goal: Earn AZ-900")), "still suggested");
}

#[test]
fn held_not_due_on_leave_and_left_are_sorted_into_their_lists() {
    let inputs = Inputs {
        week: week("2026-W48"),
        today: day(2026, 11, 28),
        architects: vec![
            architect(1, "Held", Cadence::Weekly, Status::Active),
            architect(2, "Biweekly", Cadence::Biweekly, Status::Active),
            architect(3, "Away", Cadence::Weekly, Status::OnLeave),
            architect(4, "Gone", Cadence::Weekly, Status::Left),
            architect(5, "New", Cadence::Weekly, Status::Active),
        ],
        history: HashMap::from([
            (
                ArchitectId(1),
                HistoryInput {
                    in_week: Some(HeldInput {
                        meeting: meeting(9, day(2026, 11, 24), None),
                        points_total: 2,
                        points_discussed: 1,
                        actions_total: 1,
                        actions_open: 1,
                    }),
                    ..HistoryInput::default()
                },
            ),
            (
                ArchitectId(2),
                HistoryInput { last: Some(meeting(8, day(2026, 11, 18), None)), ..HistoryInput::default() },
            ),
        ]),
        development: HashMap::new(),
        week_split: None,
        onboarding: HashMap::new(),
    };
    let sheet = build(&inputs);
    assert_eq!(sheet.held.iter().map(|h| h.name.as_str()).collect::<Vec<_>>(), ["Held"]);
    assert_eq!(sheet.not_due.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(), ["Biweekly"]);
    assert_eq!(sheet.not_due[0].next_due, week("2026-W49"));
    assert_eq!(sheet.on_leave.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(), ["Away"]);
    assert_eq!(sheet.due.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["New"]);
    assert!(sheet.due[0].suggested[0].text.starts_with("Getting to know each other"));
}

#[test]
fn only_goals_and_certifications_needing_attention_reach_the_card() {
    let quiet = GoalFlags::default();
    assert_eq!(goal_due("Learn Rust", None, quiet, day(2026, 11, 28)), None);
    let stalled = GoalFlags { stalled: true, ..GoalFlags::default() };
    assert_eq!(goal_due("Learn Rust", None, stalled, day(2026, 11, 28)).map(|g| g.stalled), Some(true));
    assert_eq!(cert_alert("AZ-900", "Fundamentals", CertState::NeverExpires), None);
    let soon = CertState::ExpiringSoon { expires_on: day(2026, 12, 18), days_left: 20 };
    assert_eq!(
        cert_alert("AZ-305", "Architect", soon).map(|c| c.state),
        Some("expires in 20 days".to_owned())
    );
    let window = CertState::RenewalWindowOpen { closes_on: day(2027, 3, 1) };
    assert_eq!(cert_alert("AZ-104", "Admin", window).map(|c| c.date), Some(day(2027, 3, 1)));
}

#[test]
fn development_sections_become_suggested_talking_points() {
    let development = Development {
        goals: vec![GoalDue {
            description: "Present at the AI summit".into(),
            target_on: None,
            stalled: true,
            overdue_days: None,
            on_agenda_since: None,
        }],
        certs: vec![CertAlert {
            code: "AZ-305".into(),
            name: "Azure Solutions Architect Expert".into(),
            state: "expires in 20 days".into(),
            date: day(2026, 12, 18),
            on_agenda_since: None,
        }],
        changes: Vec::new(),
    };
    let points = suggestions(false, (Some(4), Some(4)), &development);
    assert_eq!(points.len(), 2);
    assert_eq!(points[0].text, "Goal: Present at the AI summit (stalled)");
    assert_eq!(points[1].text, "Certification AZ-305: expires in 20 days (2026-12-18)");
}

#[test]
fn low_or_falling_energy_suggests_one_check_in_and_steady_energy_none() {
    let none = Development { goals: Vec::new(), certs: Vec::new(), changes: Vec::new() };
    let check_ins = |moods| -> Vec<String> {
        suggestions(false, moods, &none)
            .into_iter()
            .filter(|p| p.topic == "Wellbeing")
            .map(|p| p.text)
            .collect()
    };
    assert_eq!(check_ins((Some(2), Some(2))), ["Check in: energy was 2/5 last time. How are things now?"]);
    assert_eq!(
        check_ins((Some(3), Some(5))),
        ["Check in: energy fell from 5/5 to 3/5 last time. How are things now?"]
    );
    assert!(check_ins((Some(3), Some(4))).is_empty(), "one point down is not a fall");
    assert!(check_ins((Some(4), None)).is_empty());
    assert!(check_ins((None, Some(1))).is_empty(), "nothing said at the last meeting");
}

#[test]
fn a_goal_already_on_the_agenda_shows_once_and_is_not_suggested_again() {
    let last = day(2026, 11, 17);
    // Last week's meeting was started from a card that suggested the goal; it was not
    // discussed, so it is carried over.
    let carried = TalkingPoint {
        id: TalkingPointId(7),
        architect_id: ArchitectId(1),
        raised_in: OneOnOneId(2),
        raised_on: last,
        fields: PointFields {
            text: "Goal: Earn AZ-204 (due 2026-11-16)".into(),
            raised_by: Party::Me,
            topic: "Development".into(),
        },
        discussed_in: None,
        discussed_on: None,
        times_carried: 0,
    };
    let history = HistoryInput {
        last: Some(meeting(2, last, Some(4))),
        points: vec![carried],
        ..HistoryInput::default()
    };
    let overdue = GoalFlags { overdue: true, due_soon: false, stalled: false };
    let development = Development {
        goals: goal_due("Earn AZ-204", Some(day(2026, 11, 16)), overdue, day(2026, 11, 28))
            .into_iter()
            .collect(),
        ..Development::default()
    };
    let architect = architect(1, "Mateo", Cadence::Weekly, Status::Active);
    let card = card(&architect, &history, development, day(2026, 11, 28));
    assert!(card.carried_points.is_empty(), "shown with the goal, not twice");
    assert_eq!(card.goals[0].on_agenda_since, Some(last));
    assert_eq!(card.goals[0].overdue_days, Some(12));
    assert_eq!(card.goals[0].flag_text(day(2026, 11, 28)), "overdue by 12 days");
    assert!(card.suggested.iter().all(|p| !p.text.contains("AZ-204")), "{:?}", card.suggested);
}
