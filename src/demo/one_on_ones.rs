//! Demo one-on-ones. The small team gets months of history and, in the last weeks, hand-written
//! items that put every kind of prep-card content on This week on first run: talking points
//! carried over (one of them twice), overdue and open actions, actions done since the last
//! meeting, a low mood, a biweekly architect not due, a one-on-one already held this week.
//! The large team gets ten years of weekly (or biweekly) one-on-ones, for the benchmark.

use chrono::{Datelike as _, Days, NaiveDate, Utc, Weekday};
use rusqlite::{Connection, params};

use super::{DemoSize, Rng};
use crate::model::architect::Choice as _;
use crate::model::fiscal::IsoWeek;
use crate::model::one_on_one::Party;
use crate::model::{ArchitectFields, ArchitectId, Cadence, OneOnOneId, Status, TalkingPointId};
use crate::store::{StoreError, search};

/// Inserts rows directly with cached statements: the demo is trusted data, and the large
/// size writes a few hundred thousand rows inside the caller's one transaction.
struct Writer<'c> {
    conn: &'c Connection,
    now: String,
}

impl Writer<'_> {
    fn meeting(
        &self,
        architect: ArchitectId,
        held_on: NaiveDate,
        mood: Option<u8>,
        notes: &str,
    ) -> Result<OneOnOneId, StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO one_on_ones (architect_id, held_on, mood, notes, held, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5)",
            )?
            .execute(params![architect, held_on, mood, notes, self.now])?;
        Ok(OneOnOneId(self.conn.last_insert_rowid()))
    }

    #[allow(clippy::too_many_arguments, reason = "one row's columns")]
    fn point(
        &self,
        architect: ArchitectId,
        meeting: OneOnOneId,
        text: &str,
        raised_by: Party,
        topic: &str,
        discussed_in: Option<OneOnOneId>,
    ) -> Result<TalkingPointId, StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO talking_points (architect_id, raised_in, text, raised_by, topic, discussed_in, \
                 created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            )?
            .execute(params![architect, meeting, text, raised_by.key(), topic, discussed_in, self.now])?;
        Ok(TalkingPointId(self.conn.last_insert_rowid()))
    }

    fn discussed(&self, point: TalkingPointId, meeting: OneOnOneId) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE talking_points SET discussed_in = ?2 WHERE id = ?1")?
            .execute(params![point, meeting])?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments, reason = "one row's columns")]
    fn action(
        &self,
        architect: ArchitectId,
        meeting: OneOnOneId,
        text: &str,
        owner: Party,
        due_on: Option<NaiveDate>,
        done_on: Option<NaiveDate>,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO action_items (architect_id, raised_in, text, owner, due_on, done_on, created_at, \
                 updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            )?
            .execute(params![architect, meeting, text, owner.key(), due_on, done_on, self.now])?;
        Ok(())
    }
}

const POINTS_THEM: &[&str] = &[
    "Pipeline review for {account}: what the customer needs before the next QBR",
    "Help with the {account} architecture review board",
    "Too many parallel POCs at {account}",
    "Certification plan for next quarter",
    "Feedback on the {account} envisioning workshop",
    "What a move to principal would take",
    "Partner co-sell with the SI on {account}",
    "Air cover for the {account} pricing discussion",
    "Training budget for the AI summit",
    "Travel load this month",
    "Customer escalation at {account}: latency in the pilot",
];
const POINTS_ME: &[&str] = &[
    "Consumption plan for {account}: are the milestones agreed?",
    "Feedback from the {account} account executive",
    "Mentoring the new associate architect",
    "Readiness: evidence for the promotion case",
    "Hiring loop next week: can you interview?",
    "Team meeting: share the {account} win story",
    "Deployment plan for the {account} win",
];
const ACTIONS_THEM: &[&str] = &[
    "Send the {account} workshop summary to the customer",
    "Share the {account} reference architecture with the team",
    "Write up the lessons learned from the {account} POC",
    "Prepare the demo for the partner day",
    "Draft the {account} consumption plan",
];
const ACTIONS_ME: &[&str] = &[
    "Set up a call with the {account} account executive",
    "Review the {account} consumption plan draft",
    "Ask finance about the training budget",
    "Introduce them to the product group for {account}",
];
const NOTE_LINES: &[&str] = &[
    "Customer happy with the POC results; next step is a production pilot",
    "Blocked on the security review; I will escalate with the account team",
    "Strong feedback from the CTO on the design session",
    "Consumption is behind plan: migration wave 2 slipped by a month",
    "Wants more time for hands-on work; agreed to protect Friday mornings",
    "The partner is ready to take over the landing zone build",
    "Executive sponsor changed; we need to re-run the envisioning",
    "Good week: two workshops, one clear next step each",
];
const DEVELOPMENT_LINES: &[&str] = &[
    "Renewal assessment booked for next month",
    "Keen on the AI-102 path; will share the study plan",
    "Presenting at the internal tech summit: dry run in two weeks",
    "Asked for a mentor outside the team",
    "Stretch idea: lead the next hackathon",
];

fn fill(template: &str, account: &str) -> String {
    template.replace("{account}", account)
}

/// The day of `weekday` in the week `weeks_back` weeks before `today`'s.
fn day_in_week(today: NaiveDate, weeks_back: u32, weekday: Weekday) -> NaiveDate {
    let mut week = IsoWeek::of(today);
    for _ in 0..weeks_back {
        week = week.previous();
    }
    week.monday() + Days::new(u64::from(weekday.num_days_from_monday()))
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// Ordinary meetings on `dates` (oldest first): notes, a few talking points discussed on the
/// spot or one meeting later, actions done on time or a little late. Everything is closed by
/// the last date, so hand-written items decide what is open. Returns the meeting ids.
fn simulate(
    w: &Writer<'_>,
    rng: &mut Rng,
    architect: ArchitectId,
    accounts: &[&str],
    dates: &[NaiveDate],
    short_notes: bool,
) -> Result<Vec<OneOnOneId>, StoreError> {
    let mut ids = Vec::with_capacity(dates.len());
    let mut carry: Vec<TalkingPointId> = Vec::new();
    let last_date = dates.last().copied();
    for (index, &held_on) in dates.iter().enumerate() {
        let account = *rng.pick(accounts);
        let mood = Some(u8::try_from(3 + rng.below(3)).unwrap_or(4)).filter(|_| rng.below(8) != 0);
        let notes = if short_notes {
            format!("{account}: {}. {}.", rng.pick(NOTE_LINES), rng.pick(DEVELOPMENT_LINES))
        } else {
            format!(
                "## {account}\n- {}\n- {}\n\n## Development\n- {}",
                rng.pick(NOTE_LINES),
                rng.pick(NOTE_LINES),
                rng.pick(DEVELOPMENT_LINES)
            )
        };
        let id = w.meeting(architect, held_on, mood, &notes)?;
        for point in carry.drain(..) {
            w.discussed(point, id)?;
        }
        let is_last = index + 1 == dates.len();
        for n in 0..=rng.below(2) {
            let (pool, by): (&[&str], Party) =
                if n == 0 { (POINTS_THEM, Party::Them) } else { (POINTS_ME, Party::Me) };
            let text = fill(rng.pick::<&str>(pool), account);
            let later = !is_last && rng.below(6) == 0;
            let point = w.point(architect, id, &text, by, "", (!later).then_some(id))?;
            if later {
                carry.push(point);
            }
        }
        if rng.below(3) != 0 {
            let (pool, owner): (&[&str], Party) =
                if rng.below(3) == 0 { (ACTIONS_ME, Party::Me) } else { (ACTIONS_THEM, Party::Them) };
            let due = plus(held_on, 7 + rng.below(8) as u64);
            let done = plus(held_on, 2 + rng.below(14) as u64);
            let done = last_date.map_or(done, |last| done.min(last).max(held_on));
            w.action(architect, id, &fill(rng.pick::<&str>(pool), account), owner, Some(due), Some(done))?;
        }
        ids.push(id);
    }
    Ok(ids)
}

/// Adds demo one-on-ones for the architects just created (in roster order).
pub fn generate(
    conn: &Connection,
    size: DemoSize,
    today: NaiveDate,
    architects: &[(ArchitectId, ArchitectFields)],
) -> Result<(), StoreError> {
    let w = Writer { conn, now: Utc::now().to_rfc3339() };
    match size {
        DemoSize::Small => small(&w, today, architects)?,
        DemoSize::Large => large(&w, today, architects)?,
    }
    search::rebuild(conn)?;
    Ok(())
}

/// When each small-team architect meets, how long ago the last one was (weeks back, 0 = this
/// week) and how many weeks of history there are.
fn small_plan(name: &str, today: NaiveDate) -> (Weekday, u32, u32) {
    let held_this_week = today.weekday().num_days_from_monday() >= Weekday::Tue.num_days_from_monday();
    match name {
        "Priya Raman" => (Weekday::Tue, u32::from(!held_this_week), 26),
        "Mateo García" => (Weekday::Thu, 1, 26),
        "Sofia Lindqvist" => (Weekday::Mon, 1, 20),
        "Kenji Watanabe" => (Weekday::Wed, 2, 26),
        "Amara Okafor" => (Weekday::Wed, 1, 26),
        "Fatima Al-Sayed" => (Weekday::Fri, 1, 14),
        "Daniel O'Brien" => (Weekday::Thu, 8, 30),
        "Grace Mensah" => (Weekday::Mon, 20, 60),
        _ => (Weekday::Tue, 1, 26),
    }
}

fn small(
    w: &Writer<'_>,
    today: NaiveDate,
    architects: &[(ArchitectId, ArchitectFields)],
) -> Result<(), StoreError> {
    let mut rng = Rng::new(0x0001_0E0E);
    for (id, fields) in architects {
        let (weekday, last, history) = small_plan(&fields.name, today);
        let step = if fields.cadence == Cadence::Biweekly { 2 } else { 1 };
        let mut weeks: Vec<u32> = (last..=last + history).step_by(step).collect();
        // A holiday now and then, never in the hand-written last weeks.
        weeks.retain(|k| *k < last + 4 || k % 9 != 4);
        weeks.reverse();
        let dates: Vec<NaiveDate> = weeks
            .iter()
            .map(|k| day_in_week(today, *k, weekday))
            .filter(|d| fields.started_on.is_none_or(|s| *d >= s))
            .collect();
        let accounts = fields.account_list();
        let accounts = if accounts.is_empty() { vec!["Contoso"] } else { accounts };
        let ids = simulate(w, &mut rng, *id, &accounts, &dates, false)?;
        let meeting_at = |k: u32| weeks.iter().position(|w| *w == k).and_then(|i| ids.get(i)).copied();
        let day = |k: u32, weekday: Weekday| day_in_week(today, k, weekday);
        recent(w, today, *id, &fields.name, &meeting_at, &day)?;
    }
    Ok(())
}

/// The hand-written last weeks of the small team.
fn recent(
    w: &Writer<'_>,
    today: NaiveDate,
    id: ArchitectId,
    name: &str,
    meeting_at: &dyn Fn(u32) -> Option<OneOnOneId>,
    day: &dyn Fn(u32, Weekday) -> NaiveDate,
) -> Result<(), StoreError> {
    use Party::{Me, Them};
    let mood = |meeting: Option<OneOnOneId>, value: u8| -> Result<(), StoreError> {
        if let Some(meeting) = meeting {
            w.conn.execute("UPDATE one_on_ones SET mood = ?2 WHERE id = ?1", params![meeting, value])?;
        }
        Ok(())
    };
    let notes = |meeting: Option<OneOnOneId>, text: &str| -> Result<(), StoreError> {
        if let Some(meeting) = meeting {
            w.conn.execute("UPDATE one_on_ones SET notes = ?2 WHERE id = ?1", params![meeting, text])?;
        }
        Ok(())
    };
    match name {
        "Lukas Schneider" => {
            let (Some(m3), Some(m2), Some(m1)) = (meeting_at(3), meeting_at(2), meeting_at(1)) else {
                return Ok(());
            };
            w.point(id, m3, "AKS capacity planning for Northwind's peak season", Them, "Customers", None)?;
            w.action(
                id,
                m3,
                "Introduce Lukas to the Alpine Ski House CTO",
                Me,
                Some(day(2, Weekday::Fri)),
                None,
            )?;
            w.action(
                id,
                m2,
                "Book the AZ-305 renewal assessment",
                Them,
                Some(day(1, Weekday::Fri)),
                Some(day(1, Weekday::Thu)),
            )?;
            w.action(
                id,
                m1,
                "Draft the hybrid landing zone proposal for Northwind",
                Them,
                Some(day(0, Weekday::Fri).max(plus(today, 3))),
                None,
            )?;
            mood(Some(m2), 4)?;
            mood(Some(m1), 3)?;
            notes(
                Some(m1),
                "## Northwind\n- Peak-season load test moved to January\n- Lukas wants to lead the **landing zone** \
                 design\n\n## Development\n- AZ-305 renewal: booking the assessment this week\n- Asked about the \
                 principal track: start collecting evidence",
            )?;
        }
        "Mateo García" => {
            let (Some(m3), Some(m2), Some(m1)) = (meeting_at(3), meeting_at(2), meeting_at(1)) else {
                return Ok(());
            };
            w.action(
                id,
                m3,
                "Share the Tailspin AKS migration runbook with the team",
                Them,
                Some(day(2, Weekday::Wed)),
                None,
            )?;
            w.point(id, m1, "Presenting at the Wingtip architecture review board", Me, "Career", None)?;
            w.action(id, m1, "Find a presentation coach slot for Mateo", Me, Some(plus(today, 4)), None)?;
            mood(Some(m2), 4)?;
            mood(Some(m1), 2)?;
            notes(
                Some(m1),
                "## Wellbeing\n- Tired: three customer escalations in two weeks\n- Agreed to move the Proseware POC \
                 by a week\n\n## Customers\n- Tailspin Toys: migration wave 2 planned\n- Wingtip: review board in \
                 December; Mateo is nervous about presenting",
            )?;
        }
        "Sofia Lindqvist" => {
            let Some(m2) = meeting_at(2) else { return Ok(()) };
            w.action(
                id,
                m2,
                "Finish the AI-102 practice assessment",
                Them,
                Some(day(1, Weekday::Fri)),
                Some(day(1, Weekday::Wed)),
            )?;
        }
        "Kenji Watanabe" => {
            let Some(m2) = meeting_at(2) else { return Ok(()) };
            w.point(id, m2, "Team-lead stretch: shadow the Litware account planning", Them, "Career", None)?;
            w.action(
                id,
                m2,
                "Draft the Adventure Works envisioning agenda",
                Them,
                Some(day(1, Weekday::Fri)),
                Some(day(1, Weekday::Thu)),
            )?;
            notes(
                Some(m2),
                "## Adventure Works\n- Envisioning workshop with the Tokyo team in January\n- Needs a second architect \
                 for the data stream\n\n## Career\n- Wants to try a **team-lead** stretch before applying for \
                 management\n\n## Tokyo\n- Their title for the workshop: 顧客ワークショップ",
            )?;
        }
        "Priya Raman" => {
            let Some(m1) = meeting_at(1) else { return Ok(()) };
            w.point(id, m1, "Conference talk proposal for the Security Summit", Them, "Career", None)?;
            if let Some(m0) = meeting_at(0) {
                w.point(id, m0, "SC-100 study plan: pick an exam date", Them, "", Some(m0))?;
                w.point(id, m0, "Lamna Healthcare zero-trust workshop debrief", Me, "Customers", Some(m0))?;
                w.action(
                    id,
                    m0,
                    "Send the zero-trust workshop summary to Lamna's CISO",
                    Them,
                    Some(plus(today, 5)),
                    None,
                )?;
                mood(Some(m0), 4)?;
            }
        }
        "Amara Okafor" => {
            let Some(m1) = meeting_at(1) else { return Ok(()) };
            w.action(
                id,
                m1,
                "Nominate Amara for the FSI practice lead role",
                Me,
                Some(plus(today, 12)),
                None,
            )?;
            notes(
                Some(m1),
                "## Fabrikam Insurance\n- Follow-up with Zoë Müller (CTO) on the data platform roadmap\n- Café \
                 session with the actuaries went well\n\n## Career\n- Ready now: collect the evidence for the FSI \
                 practice lead role",
            )?;
        }
        "Fatima Al-Sayed" => {
            let Some(m1) = meeting_at(1) else { return Ok(()) };
            w.action(id, m1, "Shadow Priya at the Lamna workshop", Them, Some(plus(today, 6)), None)?;
        }
        "Daniel O'Brien" => {
            let Some(m8) = meeting_at(8) else { return Ok(()) };
            w.action(id, m8, "Keep Daniel posted on the Relecloud renewal", Me, None, None)?;
        }
        _ => {}
    }
    Ok(())
}

/// Ten years of one-on-ones for each large-team architect, by cadence, up to last week (those
/// who left stop a year ago), each with notes, talking points and an action, plus a few open
/// items at the end.
fn large(
    w: &Writer<'_>,
    today: NaiveDate,
    architects: &[(ArchitectId, ArchitectFields)],
) -> Result<(), StoreError> {
    let mut rng = Rng::new(0x1A26_E000);
    let weekdays = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri];
    for (index, (id, fields)) in architects.iter().enumerate() {
        let weekday = weekdays[index % weekdays.len()];
        let step = if fields.cadence == Cadence::Biweekly { 2 } else { 1 };
        let last = match fields.status {
            Status::Left => 52,
            _ => 1 + u32::try_from(index % step).unwrap_or(0),
        };
        let mut weeks: Vec<u32> = (last..=521).step_by(step).collect();
        weeks.reverse();
        let dates: Vec<NaiveDate> = weeks.iter().map(|k| day_in_week(today, *k, weekday)).collect();
        let accounts = fields.account_list();
        let accounts = if accounts.is_empty() { vec!["Contoso"] } else { accounts };
        let ids = simulate(w, &mut rng, *id, &accounts, &dates, true)?;
        if let (Some(&meeting), Some(&held_on)) = (ids.last(), dates.last()) {
            let account = accounts[0];
            w.point(
                *id,
                meeting,
                &fill(POINTS_THEM[index % POINTS_THEM.len()], account),
                Party::Them,
                "",
                None,
            )?;
            w.action(
                *id,
                meeting,
                &fill(ACTIONS_THEM[index % ACTIONS_THEM.len()], account),
                Party::Them,
                Some(plus(held_on, 5)),
                None,
            )?;
        }
    }
    Ok(())
}
