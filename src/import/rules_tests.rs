//! Unit tests for the categorisation rules: each condition, the set-aside defaults and the
//! shipped rules.

use chrono::{NaiveDate, TimeDelta};

use super::*;
use crate::import::event::Attendee;
use crate::import::expand::Moment;

fn meeting(summary: &str, minutes: i64) -> Occurrence {
    let start = NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("valid");
    Occurrence {
        uid: "u".into(),
        recurrence_id: None,
        summary: summary.into(),
        status: "CONFIRMED".into(),
        transp: "OPAQUE".into(),
        organizer: Some("me@contoso.com".into()),
        attendees: vec![],
        start: Moment::Zoned { utc: start.and_utc(), wall: start },
        end: Moment::Zoned {
            utc: start.and_utc() + TimeDelta::minutes(minutes),
            wall: start + TimeDelta::minutes(minutes),
        },
        duration_minutes: minutes,
        all_day: false,
        line: 1,
    }
}

fn with(mut o: Occurrence, emails: &[(&str, PartStat)]) -> Occurrence {
    o.attendees = emails
        .iter()
        .map(|(e, p)| Attendee {
            email: (*e).into(),
            name: String::new(),
            partstat: p.clone(),
            resource: false,
        })
        .collect();
    o
}

fn people() -> People {
    People::new(
        &["Me@Contoso.com".into()],
        &["ana@contoso.com".into(), "raj@contoso.com".into()],
        &["contoso.com".into(), "@contoso.co.uk".into()],
    )
}

fn rule(conditions: Vec<Condition>) -> Vec<Rule> {
    vec![Rule { name: "r".into(), conditions, outcome: Outcome::Category(Category::Market) }]
}

fn matches(o: &Occurrence, conditions: Vec<Condition>) -> bool {
    matches!(categorise(o, &rule(conditions), &people()), Verdict::Matched { .. })
}

#[test]
fn title_keywords_match_whole_words_case_insensitively() {
    let c = || vec![Condition::TitleHasAny { words: vec!["QBR".into(), "rhythm of business".into()] }];
    assert!(matches(&meeting("FY27 Q2 qbr prep", 60), c()));
    assert!(matches(
        &meeting("Rhythm-of-Business: weekly", 60),
        vec![Condition::TitleHasAny { words: vec!["rhythm-of-business".into()] }]
    ));
    assert!(matches(&meeting("Monthly rhythm of business", 60), c()));
    assert!(!matches(&meeting("QBRs are done", 60), c()));
    let rob = || vec![Condition::TitleHasAny { words: vec!["rob".into()] }];
    assert!(!matches(&meeting("Problem review", 60), rob()));
    assert!(matches(&meeting("ROB - EMEA", 60), rob()));
    assert!(!matches(&meeting("Anything", 60), vec![Condition::TitleHasAny { words: vec!["  ".into()] }]));
}

#[test]
fn organizer_and_attendee_domains_include_subdomains_only() {
    let o = with(meeting("Call", 30), &[("buyer@emea.fabrikam.com", PartStat::Accepted)]);
    assert!(matches(&o, vec![Condition::AttendeeDomain { domains: vec!["fabrikam.com".into()] }]));
    assert!(!matches(&o, vec![Condition::AttendeeDomain { domains: vec!["kam.com".into()] }]));
    assert!(matches(&o, vec![Condition::OrganizerDomain { domains: vec!["CONTOSO.com".into()] }]));
    assert!(!matches(&o, vec![Condition::OrganizerDomain { domains: vec!["fabrikam.com".into()] }]));
}

#[test]
fn an_attendee_on_my_team_is_found_by_email() {
    let o = with(meeting("Sync", 30), &[("ANA@contoso.com".to_lowercase().as_str(), PartStat::Accepted)]);
    assert!(matches(&o, vec![Condition::AttendeeOnTeam]));
    let o = with(meeting("Sync", 30), &[("bo@contoso.com", PartStat::Accepted)]);
    assert!(!matches(&o, vec![Condition::AttendeeOnTeam]));
}

#[test]
fn external_attendees_are_people_outside_every_company_domain() {
    let inside = with(
        meeting("Sync", 30),
        &[("ana@contoso.com", PartStat::Accepted), ("x@uk.contoso.co.uk", PartStat::Accepted)],
    );
    assert!(!matches(&inside, vec![Condition::HasExternalAttendees]));
    let outside = with(meeting("Sync", 30), &[("cio@fabrikam.com", PartStat::NeedsAction)]);
    assert!(matches(&outside, vec![Condition::HasExternalAttendees]));
    // A room from another domain is not a person.
    let mut room = with(meeting("Sync", 30), &[("room@rooms.example.net", PartStat::Accepted)]);
    room.attendees[0].resource = true;
    assert!(!matches(&room, vec![Condition::HasExternalAttendees]));
    // Without a company domain nobody can be called external.
    let verdict = categorise(&outside, &rule(vec![Condition::HasExternalAttendees]), &People::default());
    assert_eq!(verdict, Verdict::Unmatched);
}

#[test]
fn duration_ranges_are_inclusive_and_all_day_is_a_flag() {
    let range = || vec![Condition::Duration { min_minutes: Some(30), max_minutes: Some(60) }];
    assert!(matches(&meeting("a", 30), range()));
    assert!(matches(&meeting("a", 60), range()));
    assert!(!matches(&meeting("a", 61), range()));
    assert!(!matches(&meeting("a", 29), range()));
    assert!(matches(
        &meeting("a", 600),
        vec![Condition::Duration { min_minutes: Some(240), max_minutes: None }]
    ));
    let mut day = meeting("Offsite", 1440);
    day.all_day = true;
    assert!(matches(&day, vec![Condition::AllDay { all_day: true }]));
    assert!(!matches(&meeting("a", 60), vec![Condition::AllDay { all_day: true }]));
    assert!(matches(&meeting("a", 60), vec![Condition::AllDay { all_day: false }]));
}

#[test]
fn all_conditions_of_a_rule_must_hold_and_the_first_matching_rule_wins() {
    let rules = vec![
        Rule { name: "never".into(), conditions: vec![], outcome: Outcome::Ignore },
        Rule {
            name: "long customer".into(),
            conditions: vec![
                Condition::HasExternalAttendees,
                Condition::Duration { min_minutes: Some(120), max_minutes: None },
            ],
            outcome: Outcome::Category(Category::Market),
        },
        Rule {
            name: "any customer".into(),
            conditions: vec![Condition::HasExternalAttendees],
            outcome: Outcome::Ignore,
        },
    ];
    let short = with(meeting("Call", 30), &[("cio@fabrikam.com", PartStat::Accepted)]);
    let long = with(meeting("Call", 180), &[("cio@fabrikam.com", PartStat::Accepted)]);
    assert_eq!(
        categorise(&short, &rules, &people()),
        Verdict::Matched { rule: 2, rule_name: "any customer".into(), outcome: Outcome::Ignore }
    );
    assert_eq!(categorise(&long, &rules, &people()).category(), Some(Category::Market));
}

#[test]
fn declined_cancelled_free_and_empty_events_are_set_aside_before_any_rule() {
    let everything = rule(vec![Condition::Duration { min_minutes: None, max_minutes: None }]);
    let declined = with(meeting("Pipeline", 60), &[("me@contoso.com", PartStat::Declined)]);
    assert_eq!(
        categorise(&declined, &everything, &people()),
        Verdict::SetAside { reason: SetAside::DeclinedByMe }
    );
    // Someone else declining changes nothing.
    let other = with(meeting("Pipeline", 60), &[("ana@contoso.com", PartStat::Declined)]);
    assert!(matches!(categorise(&other, &everything, &people()), Verdict::Matched { .. }));
    let mut cancelled = meeting("Pipeline", 60);
    cancelled.status = "Cancelled".into();
    assert_eq!(
        categorise(&cancelled, &everything, &people()),
        Verdict::SetAside { reason: SetAside::Cancelled }
    );
    let mut free = meeting("Pipeline", 60);
    free.transp = "TRANSPARENT".into();
    assert_eq!(categorise(&free, &everything, &people()), Verdict::SetAside { reason: SetAside::Free });
    assert_eq!(
        categorise(&meeting("Reminder", 0), &everything, &people()),
        Verdict::SetAside { reason: SetAside::NoDuration }
    );
}

#[test]
fn unmatched_occurrences_are_reported_not_guessed() {
    let verdict = categorise(&meeting("Dentist", 60), &default_rules(), &people());
    assert_eq!(verdict, Verdict::Unmatched);
    assert_eq!(verdict.category(), None);
    assert_eq!(verdict.rule_label(), "(unmatched)");
}

#[test]
fn the_shipped_rules_sort_a_managers_week() {
    let rules = default_rules();
    let p = people();
    let category = |o: &Occurrence| categorise(o, &rules, &p);
    let cat = |o: &Occurrence| category(o).category();
    assert_eq!(cat(&meeting("Ana / Sam 1:1", 30)), Some(Category::Coaching));
    assert_eq!(cat(&meeting("Weekly one-on-one", 30)), Some(Category::Coaching));
    assert_eq!(cat(&meeting("Interview: senior SA candidate", 60)), Some(Category::Coaching));
    assert_eq!(cat(&meeting("Interview debrief", 30)), Some(Category::Coaching));
    assert_eq!(cat(&meeting("Forecast call", 60)), Some(Category::Business));
    assert_eq!(cat(&meeting("Pipeline hygiene", 60)), Some(Category::Business));
    assert_eq!(cat(&meeting("EMEA QBR", 120)), Some(Category::Business));
    assert_eq!(cat(&meeting("MBR prep", 60)), Some(Category::Business));
    assert_eq!(cat(&meeting("Rhythm of business", 60)), Some(Category::Business));
    assert_eq!(cat(&meeting("AI envisioning workshop", 240)), Some(Category::Market));
    assert_eq!(cat(&meeting("Partner summit", 480)), Some(Category::Market));
    let customer = with(meeting("Contract discussion", 60), &[("cio@fabrikam.com", PartStat::Accepted)]);
    assert_eq!(cat(&customer), Some(Category::Market));
    let team = with(meeting("Architecture review", 60), &[("raj@contoso.com", PartStat::Accepted)]);
    assert_eq!(cat(&team), Some(Category::Coaching));
    for ignored in ["Out of office", "OOO - dentist", "Focus time", "Lunch"] {
        assert!(
            matches!(category(&meeting(ignored, 60)), Verdict::Matched { outcome: Outcome::Ignore, .. }),
            "{ignored}"
        );
    }
    // Rules round-trip through JSON, as the database stores them.
    let json = serde_json::to_string(&rules).expect("serialise");
    assert_eq!(serde_json::from_str::<Vec<Rule>>(&json).expect("parse"), rules);
}

#[test]
fn a_rule_made_from_an_occurrence_matches_that_meeting_next_time() {
    let dentist = meeting(" Dentist ", 60);
    let made = Rule::from_occurrence(&dentist, Outcome::Ignore);
    assert_eq!(made.name, "\"Dentist\"");
    let mut rules = default_rules();
    rules.insert(0, made);
    assert!(matches!(
        categorise(&dentist, &rules, &people()),
        Verdict::Matched { rule: 0, outcome: Outcome::Ignore, .. }
    ));
    assert_eq!(rules[0].conditions[0].describe(), "title has Dentist");
    assert_eq!(
        Condition::Duration { min_minutes: Some(30), max_minutes: None }.describe(),
        "at least 30 min"
    );
}
