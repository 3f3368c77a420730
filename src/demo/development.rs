//! Demo development data: plans, skills and certifications for the demo team, every date relative
//! to `today` so the same flags and states show whenever the demo is loaded: some goals stalled,
//! due soon, overdue or done; skills with gaps; certifications expiring, in their renewal window,
//! expired, and fundamentals that never expire.

use chrono::{Days, Months, NaiveDate};
use rusqlite::Connection;

use super::{DemoSize, Rng};
use crate::model::certification::{CatalogueCert, CertKind, VALIDITY_MONTHS};
use crate::model::goal::{GoalFields, GoalKind, GoalStatus};
use crate::model::skills::Competency;
use crate::model::{Architect, ArchitectId, GoalId};
use crate::store::{StoreError, architects, certifications, goals, skills};

/// A goal of the hand-written team: created `created` days ago, due `target` days from today
/// (negative: in the past), with progress points as (days ago, percent).
struct GoalSpec {
    kind: GoalKind,
    description: &'static str,
    created: u64,
    target: Option<i64>,
    status: GoalStatus,
    history: &'static [(u64, u8)],
    evidence: &'static str,
}

/// How a certification of the hand-written team stands today.
#[derive(Clone, Copy)]
enum CertSpec {
    /// Earned this many days ago (fundamentals: never expires).
    Earned(u64),
    /// Expires this many days from today (negative: expired that long ago), after this many
    /// renewals.
    Expires(i64, u32),
}

/// Skill levels per default competency, in their order; `None` is not rated.
type Levels = [Option<(u8, u8)>; 8];

struct PersonPlan {
    name: &'static str,
    goals: &'static [GoalSpec],
    certs: &'static [(&'static str, CertSpec)],
    skills: Levels,
}

const fn g(
    kind: GoalKind,
    description: &'static str,
    created: u64,
    target: Option<i64>,
    status: GoalStatus,
    history: &'static [(u64, u8)],
    evidence: &'static str,
) -> GoalSpec {
    GoalSpec { kind, description, created, target, status, history, evidence }
}

use CertSpec::{Earned, Expires};
use GoalKind::{Certification, Evangelism, Leadership, Other, Skill, StretchAssignment};
use GoalStatus::{Done, Dropped, InProgress, NotStarted};

/// A rated competency: (current, target).
#[allow(clippy::unnecessary_wraps, reason = "the ratings read as a table in which `None` is not rated")]
const fn s(current: u8, target: u8) -> Option<(u8, u8)> {
    Some((current, target))
}

const SMALL_TEAM: &[PersonPlan] = &[
    PersonPlan {
        name: "Amara Okafor",
        goals: &[
            g(
                Leadership,
                "Lead the financial-services data community of practice",
                120,
                Some(45),
                InProgress,
                &[(100, 20), (60, 45), (12, 70)],
                "Monthly sessions running since August; 14 regular members.",
            ),
            g(
                Evangelism,
                "Keynote at the Microsoft AI Tour in Stockholm",
                200,
                Some(-20),
                Done,
                &[(150, 50), (25, 100)],
                "Delivered to 600 attendees; session score 4.7 / 5.",
            ),
            g(
                Certification,
                "Earn DP-600 (Fabric Analytics Engineer)",
                150,
                Some(-60),
                Done,
                &[(110, 50), (70, 100)],
                "Passed on the first attempt.",
            ),
        ],
        certs: &[
            ("AZ-900", Earned(2000)),
            ("DP-900", Earned(1500)),
            ("AI-102", Expires(120, 2)),
            ("DP-600", Expires(295, 0)),
            ("AZ-305", Expires(40, 1)),
        ],
        skills: [s(5, 5), s(5, 5), s(4, 5), s(5, 5), s(4, 5), s(5, 5), s(4, 4), s(5, 5)],
    },
    PersonPlan {
        name: "Lukas Schneider",
        goals: &[
            g(
                Leadership,
                "Run three CxO briefings on hybrid cloud strategy",
                140,
                Some(60),
                InProgress,
                &[(110, 10), (48, 35)],
                "First briefing at Northwind went well; the second keeps slipping.",
            ),
            g(
                Certification,
                "Earn AZ-700 (Network Engineer Associate)",
                90,
                Some(18),
                InProgress,
                &[(70, 20), (30, 40), (9, 60)],
                "",
            ),
            g(Skill, "Shadow Amara in two renewal negotiations", 20, Some(120), NotStarted, &[], ""),
        ],
        certs: &[("AZ-900", Earned(2400)), ("AZ-104", Expires(150, 3)), ("AZ-305", Expires(300, 1))],
        skills: [s(4, 5), s(5, 5), s(3, 4), s(3, 4), s(2, 4), s(3, 4), s(3, 4), s(4, 4)],
    },
    PersonPlan {
        name: "Priya Raman",
        goals: &[
            g(
                Certification,
                "Earn SC-100 (Cybersecurity Architect Expert)",
                100,
                Some(25),
                InProgress,
                &[(80, 15), (20, 40)],
                "",
            ),
            g(
                Evangelism,
                "Zero-trust envisioning series for healthcare accounts",
                220,
                Some(-30),
                Done,
                &[(180, 30), (90, 70), (35, 100)],
                "Five workshops; two led to the Lamna and Humongous pilots.",
            ),
            g(
                StretchAssignment,
                "Own the security workstream of the Lamna Healthcare migration",
                60,
                Some(150),
                InProgress,
                &[(40, 10), (15, 25)],
                "",
            ),
        ],
        certs: &[
            ("SC-900", Earned(1300)),
            ("AZ-500", Expires(25, 2)),
            ("SC-200", Expires(-50, 1)),
            ("SC-300", Expires(250, 0)),
        ],
        skills: [s(4, 5), s(4, 5), s(3, 4), s(4, 4), s(3, 4), s(4, 5), s(3, 3), s(4, 4)],
    },
    PersonPlan {
        name: "Mateo García",
        goals: &[
            g(
                Evangelism,
                "Present a customer story at the local Build event",
                75,
                Some(40),
                NotStarted,
                &[],
                "",
            ),
            g(
                Certification,
                "Earn AZ-204 (Azure Developer Associate)",
                130,
                Some(-12),
                InProgress,
                &[(100, 30), (40, 55), (25, 70)],
                "",
            ),
            g(
                Skill,
                "Run two discovery workshops on his own",
                45,
                Some(33),
                InProgress,
                &[(30, 25), (6, 50)],
                "Ran the Tailspin workshop alone; customer asked for a follow-up.",
            ),
        ],
        certs: &[("AZ-900", Earned(700)), ("AZ-400", Expires(100, 0))],
        skills: [s(3, 4), s(3, 4), s(2, 3), s(2, 4), s(2, 3), s(2, 3), s(2, 3), s(3, 3)],
    },
    PersonPlan {
        name: "Sofia Lindqvist",
        goals: &[
            g(
                Certification,
                "Earn AI-102 (Azure AI Engineer Associate)",
                80,
                Some(70),
                InProgress,
                &[(50, 10), (10, 30)],
                "",
            ),
            g(
                StretchAssignment,
                "Shadow Amara in three executive meetings",
                60,
                Some(90),
                InProgress,
                &[(35, 33)],
                "First meeting at Woodgrove.",
            ),
        ],
        certs: &[("AI-900", Earned(300)), ("DP-900", Earned(250)), ("AZ-900", Earned(380))],
        skills: [s(2, 4), s(3, 4), s(2, 3), s(3, 3), s(2, 3), s(2, 3), s(2, 3), s(3, 4)],
    },
    PersonPlan {
        name: "Kenji Watanabe",
        goals: &[
            g(
                Leadership,
                "Team-lead stretch: lead the Adventure Works pursuit team",
                160,
                Some(100),
                InProgress,
                &[(120, 20), (70, 40), (14, 55)],
                "Runs the weekly pursuit stand-up; two architects report in.",
            ),
            g(
                Leadership,
                "Coach Mateo and Fatima through their first solo workshops",
                90,
                Some(140),
                InProgress,
                &[(60, 20), (21, 40)],
                "",
            ),
            g(
                Other,
                "People-manager foundations course",
                200,
                Some(-100),
                Dropped,
                &[(180, 10)],
                "Replaced by the team-lead stretch, which teaches more.",
            ),
        ],
        certs: &[
            ("PL-900", Earned(1800)),
            ("MB-910", Earned(1700)),
            ("PL-600", Expires(280, 1)),
            ("PL-200", Expires(55, 2)),
            ("PL-400", Expires(-200, 0)),
        ],
        skills: [s(4, 4), s(4, 5), s(5, 5), s(4, 5), s(4, 5), s(4, 4), s(5, 5), s(5, 5)],
    },
    PersonPlan {
        name: "Fatima Al-Sayed",
        goals: &[
            g(
                Certification,
                "Earn MS-900 (Microsoft 365 Fundamentals)",
                70,
                Some(-20),
                Done,
                &[(50, 40), (28, 100)],
                "Passed on the first attempt.",
            ),
            g(
                Skill,
                "Build a Copilot for Microsoft 365 demo for Margie's Travel",
                30,
                Some(10),
                InProgress,
                &[(16, 30), (3, 60)],
                "",
            ),
            g(
                Certification,
                "Earn MD-102 (Endpoint Administrator Associate)",
                10,
                Some(150),
                NotStarted,
                &[],
                "",
            ),
        ],
        certs: &[("MS-900", Earned(28))],
        skills: [s(2, 3), s(2, 4), s(1, 3), s(2, 3), None, s(1, 3), None, s(2, 3)],
    },
    PersonPlan {
        name: "Daniel O'Brien",
        goals: &[g(
            Certification,
            "Earn AZ-400 (DevOps Engineer Expert)",
            200,
            Some(60),
            InProgress,
            &[(150, 20)],
            "Paused while on parental leave.",
        )],
        certs: &[("AZ-104", Expires(12, 1)), ("AZ-305", Expires(-20, 1))],
        skills: [s(4, 4), s(4, 5), s(3, 4), s(3, 3), s(3, 3), s(3, 4), s(3, 3), s(4, 4)],
    },
];

/// Adds development data for the architects `demo::generate` just created. Grace, who left
/// before the team kept its plans here, has none (and so could still be deleted).
pub fn generate(conn: &Connection, size: DemoSize, today: NaiveDate) -> Result<(), StoreError> {
    let team = architects::list(conn)?;
    let competencies = skills::competencies(conn)?;
    let catalogue = certifications::catalogue(conn)?;
    let demo = Demo { conn, today, competencies: &competencies, catalogue: &catalogue };
    match size {
        DemoSize::Small => {
            for plan in SMALL_TEAM {
                let Some(architect) = team.iter().find(|a| a.name() == plan.name) else { continue };
                demo.person(architect.id, plan, plan.name.len())?;
            }
            Ok(())
        }
        DemoSize::Large => large(&demo, &team),
    }
}

struct Demo<'a> {
    conn: &'a Connection,
    today: NaiveDate,
    competencies: &'a [Competency],
    catalogue: &'a [CatalogueCert],
}

impl Demo<'_> {
    fn ago(&self, days: u64) -> NaiveDate {
        self.today.checked_sub_days(Days::new(days)).unwrap_or(self.today)
    }

    fn ahead(&self, days: i64) -> NaiveDate {
        let shifted = if days >= 0 {
            self.today.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            self.today.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        shifted.unwrap_or(self.today)
    }

    fn person(&self, id: ArchitectId, plan: &PersonPlan, seed: usize) -> Result<(), StoreError> {
        for spec in plan.goals {
            self.goal(id, spec)?;
        }
        for &(code, spec) in plan.certs {
            self.cert(id, code, spec)?;
        }
        self.skills(id, &plan.skills, seed)
    }

    fn goal(&self, architect: ArchitectId, spec: &GoalSpec) -> Result<GoalId, StoreError> {
        let created_on = self.ago(spec.created);
        let fields = GoalFields {
            kind: spec.kind,
            description: spec.description.to_owned(),
            target_on: spec.target.map(|days| self.ahead(days)),
            status: spec.status,
            progress_pct: 0,
            evidence: spec.evidence.to_owned(),
            // "Earn AZ-204" is about AZ-204.
            cert: self
                .catalogue
                .iter()
                .find(|c| spec.kind == GoalKind::Certification && spec.description.contains(c.code.as_str()))
                .map(|c| c.id),
        };
        let id = goals::insert(self.conn, architect, &fields, created_on, self.today)?;
        // Recorded progress moves the status on its own (to done at 100 %); a dropped goal
        // stays dropped.
        for &(days_ago, pct) in spec.history {
            goals::record_progress(self.conn, id, i64::from(pct), self.ago(days_ago), self.today)?;
        }
        Ok(id)
    }

    fn cert(&self, architect: ArchitectId, code: &str, spec: CertSpec) -> Result<(), StoreError> {
        let Some(entry) = self.catalogue.iter().find(|c| c.code == code) else { return Ok(()) };
        let (earned_on, renewals) = match spec {
            CertSpec::Earned(days) => (self.ago(days), Vec::new()),
            CertSpec::Expires(days, renewals) if entry.kind.expires() => {
                dates_for_expiry(self.ahead(days), renewals)
            }
            // A fundamentals certification given an expiry by mistake: earned that long ago.
            CertSpec::Expires(days, _) => (self.ago(days.unsigned_abs()), Vec::new()),
        };
        let earned = certifications::record_earned(self.conn, architect, entry.id, earned_on, self.today)?;
        let (certifications::Earned::New(record) | certifications::Earned::Again(record)) = earned;
        for renewed_on in renewals {
            certifications::record_renewal(self.conn, record, renewed_on, self.today)?;
        }
        Ok(())
    }

    /// Ratings as they are today; some also get an earlier, lower rating, so the history shows
    /// growth.
    fn skills(&self, architect: ArchitectId, levels: &Levels, seed: usize) -> Result<(), StoreError> {
        for (index, (competency, level)) in self.competencies.iter().zip(levels).enumerate() {
            let Some((current, target)) = *level else { continue };
            let spread = u64::try_from((seed + index * 7) % 5).unwrap_or(0);
            if (seed + index).is_multiple_of(3) && current > 1 {
                let then = self.ago(240 + 20 * spread);
                skills::set_level(
                    self.conn,
                    architect,
                    competency.id,
                    i64::from(current - 1),
                    i64::from(target),
                    then,
                )?;
            }
            let on = self.ago(14 + 25 * spread);
            skills::set_level(
                self.conn,
                architect,
                competency.id,
                i64::from(current),
                i64::from(target),
                on,
            )?;
        }
        Ok(())
    }
}

/// The earned date and renewals that make a certification expire on `expires_on` after
/// `renewals` renewals, each renewal a month before the expiry it extended.
fn dates_for_expiry(expires_on: NaiveDate, renewals: u32) -> (NaiveDate, Vec<NaiveDate>) {
    let months = |n: u32| Months::new(VALIDITY_MONTHS * n);
    let earned_on = expires_on.checked_sub_months(months(renewals + 1)).unwrap_or(expires_on);
    let renewed = (1..=renewals)
        .filter_map(|n| {
            // A month before the expiry it extends: inside the six-month renewal window.
            earned_on.checked_add_months(months(n))?.checked_sub_days(Days::new(30))
        })
        .collect();
    (earned_on, renewed)
}

/// A count of days as a signed offset (demo numbers are small).
fn days(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(0)
}

fn days_u64(count: u64) -> i64 {
    i64::try_from(count).unwrap_or(0)
}

const GOAL_TEMPLATES: &[(GoalKind, &str)] = &[
    (Certification, "Earn the next role-based certification"),
    (Skill, "Lead discovery workshops without support"),
    (StretchAssignment, "Own the technical plan of a strategic pursuit"),
    (Leadership, "Mentor a newer architect"),
    (Evangelism, "Present at a partner or community event"),
    (Skill, "Deepen business-case skills with the account team"),
    (Other, "Write a reference architecture for the area"),
];

/// A hundred architects: a few goals each with history, all competencies rated, a handful of
/// certifications in every state. Deterministic, like the rest of the demo.
fn large(demo: &Demo<'_>, team: &[Architect]) -> Result<(), StoreError> {
    let mut rng = Rng::new(0xDE5E_1095);
    let role_based: Vec<&CatalogueCert> = demo.catalogue.iter().filter(|c| c.kind.expires()).collect();
    let fundamentals: Vec<&CatalogueCert> =
        demo.catalogue.iter().filter(|c| c.kind == CertKind::Fundamentals).collect();
    for (index, architect) in team.iter().enumerate() {
        for _ in 0..=rng.below(3) {
            let &(kind, description) = rng.pick(GOAL_TEMPLATES);
            let created = 10 + rng.below(240) as u64;
            // From a month after creation to ten months after: some overdue, some due soon.
            let target = days(30 + rng.below(300)) - days_u64(created);
            let points: Vec<(u64, u8)> = (0..rng.below(4))
                .map(|n| {
                    (
                        created.saturating_sub(10 + 30 * n as u64 + rng.below(20) as u64),
                        15 * u8::try_from(n + 1).unwrap_or(1),
                    )
                })
                .collect();
            let done = rng.below(5) == 0;
            let spec = GoalSpec {
                kind,
                description,
                created,
                target: Some(target),
                status: NotStarted,
                history: &[],
                evidence: "",
            };
            let id = demo.goal(architect.id, &spec)?;
            for (days_ago, pct) in points {
                goals::record_progress(demo.conn, id, i64::from(pct), demo.ago(days_ago), demo.today)?;
            }
            if done {
                goals::record_progress(demo.conn, id, 100, demo.ago(rng.below(10) as u64), demo.today)?;
            }
        }
        let mut held: Vec<&str> = Vec::new();
        for _ in 0..=rng.below(3) {
            let entry = if rng.below(3) == 0 { *rng.pick(&fundamentals) } else { *rng.pick(&role_based) };
            if held.contains(&entry.code.as_str()) {
                continue;
            }
            held.push(&entry.code);
            let spec = if entry.kind.expires() {
                Expires(days(rng.below(560)) - 200, u32::try_from(rng.below(3)).unwrap_or(0))
            } else {
                Earned(30 + rng.below(2000) as u64)
            };
            demo.cert(architect.id, &entry.code, spec)?;
        }
        let mut levels: Levels = [None; 8];
        for level in &mut levels {
            let current = u8::try_from(1 + rng.below(4)).unwrap_or(1);
            let target = (current + *rng.pick(&[0, 0, 1, 1, 1, 2, 2, 3])).min(5);
            *level = Some((current, target));
        }
        demo.skills(architect.id, &levels, index)?;
    }
    Ok(())
}
