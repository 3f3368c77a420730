//! A deterministic, realistic demo team: the same database for the same size and date.

mod business;
pub mod calendar;
mod development;
mod hiring;
mod one_on_ones;
mod review;
mod time;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::model::lists::next_level;
use crate::model::{ArchitectFields, Cadence, ListKind, Readiness, Status};
use crate::store::{StoreError, architects, lists};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
pub enum DemoSize {
    /// About eight architects: a real team, for exploring the app.
    #[default]
    Small,
    /// A hundred architects, for benchmarks.
    Large,
}

/// A small deterministic random source (SplitMix64), so the demo needs no dependency and
/// is the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % (n.max(1) as u64)).unwrap_or(0)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One hand-written architect of the small team.
struct Person {
    name: &'static str,
    email: &'static str,
    /// Index into the career ladder (0 = lowest).
    level: usize,
    area: usize,
    years_on_team: u64,
    cadence: Cadence,
    accounts: &'static str,
    aspiration: &'static str,
    readiness: Readiness,
    evidence: &'static str,
    status: Status,
}

const SMALL_TEAM: &[Person] = &[
    Person {
        name: "Amara Okafor",
        email: "amara.okafor@contoso.com",
        level: 3,
        area: 1,
        years_on_team: 6,
        cadence: Cadence::Biweekly,
        accounts: "Woodgrove Bank\nFabrikam Insurance",
        aspiration: "Lead the data platform practice for financial services",
        readiness: Readiness::ReadyNow,
        evidence: "Led the Woodgrove lakehouse win end to end; mentors two architects.",
        status: Status::Active,
    },
    Person {
        name: "Lukas Schneider",
        email: "lukas.schneider@contoso.com",
        level: 2,
        area: 0,
        years_on_team: 4,
        cadence: Cadence::Weekly,
        accounts: "Northwind Traders\nAlpine Ski House",
        aspiration: "Principal architect for hybrid and edge",
        readiness: Readiness::OneToTwoYears,
        evidence: "Strong technical depth; needs more executive-level presence.",
        status: Status::Active,
    },
    Person {
        name: "Priya Raman",
        email: "priya.raman@contoso.com",
        level: 2,
        area: 3,
        years_on_team: 3,
        cadence: Cadence::Weekly,
        accounts: "Lamna Healthcare\nHumongous Insurance",
        aspiration: "Become the security lead for the region",
        readiness: Readiness::OneToTwoYears,
        evidence: "Ran the zero-trust envisioning series; SC-100 in progress.",
        status: Status::Active,
    },
    Person {
        name: "Mateo García",
        email: "mateo.garcia@contoso.com",
        level: 1,
        area: 2,
        years_on_team: 2,
        cadence: Cadence::Weekly,
        accounts: "Tailspin Toys\nWingtip Toys\nProseware",
        aspiration: "Grow into a senior architect for app modernisation",
        readiness: Readiness::ThreePlusYears,
        evidence: "Great with developers; building customer-facing confidence.",
        status: Status::Active,
    },
    Person {
        name: "Sofia Lindqvist",
        email: "sofia.lindqvist@contoso.com",
        level: 1,
        area: 1,
        years_on_team: 1,
        cadence: Cadence::Weekly,
        accounts: "Coho Winery\nFourth Coffee",
        aspiration: "Specialise in AI solutions",
        readiness: Readiness::NotAssessed,
        evidence: "",
        status: Status::Active,
    },
    Person {
        name: "Kenji Watanabe",
        email: "kenji.watanabe@contoso.com",
        level: 3,
        area: 5,
        years_on_team: 5,
        cadence: Cadence::Biweekly,
        accounts: "Adventure Works\nLitware",
        aspiration: "Move into people management",
        readiness: Readiness::OneToTwoYears,
        evidence: "Natural coach; wants to test management through a team-lead stretch.",
        status: Status::Active,
    },
    Person {
        name: "Fatima Al-Sayed",
        email: "fatima.alsayed@contoso.com",
        level: 0,
        area: 4,
        years_on_team: 0,
        cadence: Cadence::Weekly,
        accounts: "Margie's Travel",
        aspiration: "Learn the full Modern Work portfolio",
        readiness: Readiness::NotAssessed,
        evidence: "",
        status: Status::Active,
    },
    Person {
        name: "Daniel O'Brien",
        email: "daniel.obrien@contoso.com",
        level: 2,
        area: 0,
        years_on_team: 3,
        cadence: Cadence::Biweekly,
        accounts: "Blue Yonder Airlines\nRelecloud",
        aspiration: "Solution architect for mission-critical workloads",
        readiness: Readiness::OneToTwoYears,
        evidence: "Parental leave until the new year.",
        status: Status::OnLeave,
    },
    Person {
        name: "Grace Mensah",
        email: "grace.mensah@contoso.com",
        level: 2,
        area: 2,
        years_on_team: 4,
        cadence: Cadence::Weekly,
        accounts: "Trey Research",
        aspiration: "",
        readiness: Readiness::NotAssessed,
        evidence: "",
        status: Status::Left,
    },
];

const FIRST_NAMES: &[&str] = &[
    "Aisha", "Ben", "Carmen", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kavya", "Liam",
    "Maya", "Nikolai", "Olu", "Paula", "Quentin", "Rania", "Sven", "Tanvi", "Umar", "Valeria", "Wei",
    "Ximena", "Yusuf", "Zoe",
];
const LAST_NAMES: &[&str] = &[
    "Andersen",
    "Bianchi",
    "Chen",
    "Diallo",
    "Eriksson",
    "Fernández",
    "Gupta",
    "Hoffmann",
    "Ivanova",
    "Jansen",
    "Kowalski",
    "Lefebvre",
    "Mwangi",
    "Nakamura",
    "Oliveira",
    "Petrov",
    "Quispe",
    "Rossi",
    "Singh",
    "Tanaka",
];
const ACCOUNTS: &[&str] = &[
    "Contoso",
    "Fabrikam",
    "Northwind Traders",
    "Tailspin Toys",
    "Woodgrove Bank",
    "Adventure Works",
    "Litware",
    "Wingtip Toys",
    "Proseware",
    "Alpine Ski House",
    "Coho Winery",
    "Fourth Coffee",
    "Relecloud",
    "Trey Research",
    "VanArsdel",
    "Lamna Healthcare",
    "Humongous Insurance",
    "Blue Yonder Airlines",
];

/// Fills an empty database with the demo team and the demo manager's time entries, relative
/// to `today`. Refuses a database that already has architects or time entries, so demo data
/// never mixes with real notes.
pub fn generate(conn: &Connection, size: DemoSize, today: NaiveDate) -> Result<usize, StoreError> {
    // The large demo writes about 90 MB in one transaction: with SQLite's default 2 MB page
    // cache most pages go back and forth through the operating system (a third of the time in a
    // debug build). A larger cache while writing, then the connection's own again.
    let cache: i64 = conn.pragma_query_value(None, "cache_size", |row| row.get(0))?;
    conn.pragma_update(None, "cache_size", DEMO_CACHE_KIB)?;
    let written = generate_with_cache(conn, size, today);
    conn.pragma_update(None, "cache_size", cache)?;
    written
}

/// The page cache while the demo is written, in KiB (SQLite takes a negative size as KiB).
const DEMO_CACHE_KIB: i64 = -131_072;

fn generate_with_cache(conn: &Connection, size: DemoSize, today: NaiveDate) -> Result<usize, StoreError> {
    let existing: i64 = conn.query_row("SELECT count(*) FROM architects", [], |r| r.get(0))?;
    if existing == 0 && crate::store::time::any(conn)? {
        return Err(StoreError::InUse(
            "this database already has time entries; demo data only goes into an empty database \
             (use --db with a new file)"
                .to_owned(),
        ));
    }
    if existing > 0 {
        return Err(StoreError::InUse(format!(
            "this database already has {existing} architects; demo data only goes into an empty database \
             (use --db with a new file)"
        )));
    }
    let levels = lists::list(conn, ListKind::CareerLevel)?;
    let areas = lists::list(conn, ListKind::SolutionArea)?;
    let level = |index: usize| levels.get(index.min(levels.len().saturating_sub(1))).map(|l| l.id);
    let area = |index: usize| areas.get(index % areas.len().max(1)).map(|a| a.id);
    let titles = [
        "Associate Cloud Solution Architect",
        "Cloud Solution Architect",
        "Senior Cloud Solution Architect",
        "Principal Cloud Solution Architect",
        "Distinguished Architect",
    ];

    let people: Vec<ArchitectFields> = match size {
        DemoSize::Small => SMALL_TEAM
            .iter()
            .enumerate()
            .map(|(i, p)| ArchitectFields {
                name: p.name.into(),
                title: titles[p.level].into(),
                email: p.email.into(),
                level: level(p.level),
                solution_area: area(p.area),
                started_on: today.checked_sub_days(Days::new(p.years_on_team * 365 + 40 + 17 * i as u64)),
                accounts: p.accounts.into(),
                cadence: p.cadence,
                aspiration: p.aspiration.into(),
                target_level: next_level(&levels, level(p.level)),
                readiness: p.readiness,
                readiness_assessed_on: (p.readiness != Readiness::NotAssessed)
                    .then(|| today.checked_sub_days(Days::new(20 + 9 * i as u64)))
                    .flatten(),
                readiness_evidence: p.evidence.into(),
                status: p.status,
            })
            .collect(),
        DemoSize::Large => {
            let mut rng = Rng::new(0x1EAD_11E5);
            (0..100)
                .map(|i| {
                    let first = FIRST_NAMES[i % FIRST_NAMES.len()];
                    let last = LAST_NAMES[(i * 7 + i / FIRST_NAMES.len()) % LAST_NAMES.len()];
                    let level_index = rng.below(4);
                    let readiness = *rng.pick(&[
                        Readiness::ReadyNow,
                        Readiness::OneToTwoYears,
                        Readiness::ThreePlusYears,
                        Readiness::NotAssessed,
                    ]);
                    let accounts =
                        (0..=rng.below(3)).map(|_| *rng.pick(ACCOUNTS)).collect::<Vec<_>>().join("\n");
                    ArchitectFields {
                        name: format!("{first} {last}"),
                        title: titles[level_index].into(),
                        email: format!("{}.{}{i}@contoso.com", first.to_lowercase(), last.to_lowercase()),
                        level: level(level_index),
                        solution_area: area(rng.below(6)),
                        started_on: today.checked_sub_days(Days::new(30 + rng.below(3650) as u64)),
                        accounts,
                        cadence: if rng.below(3) == 0 { Cadence::Biweekly } else { Cadence::Weekly },
                        aspiration: String::new(),
                        target_level: next_level(&levels, level(level_index)),
                        readiness,
                        readiness_assessed_on: (readiness != Readiness::NotAssessed)
                            .then(|| today.checked_sub_days(Days::new(rng.below(300) as u64)))
                            .flatten(),
                        readiness_evidence: String::new(),
                        status: match i % 25 {
                            0 => Status::Left,
                            7 => Status::OnLeave,
                            _ => Status::Active,
                        },
                    }
                })
                .collect()
        }
    };
    let mut created = Vec::with_capacity(people.len());
    for fields in people {
        let id = architects::insert(conn, &fields, today)?;
        created.push((id, fields));
    }
    time::generate(conn, size, today, &architects::list(conn)?)?;
    development::generate(conn, size, today)?;
    one_on_ones::generate(conn, size, today, &created)?;
    business::generate(conn, size, today, &architects::list(conn)?)?;
    hiring::generate(conn, size, today)?;
    review::generate(conn, today)?;
    // The demo manager's own address and the company's domain, so a calendar imported into
    // the demo tells customers from colleagues.
    if crate::store::calendar::list_setting(conn, crate::store::calendar::MY_EMAILS)?.is_empty() {
        crate::store::calendar::save_identity(conn, "me@contoso.com", "contoso.com")?;
    }
    Ok(created.len())
}
