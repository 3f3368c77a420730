-- 0009: the Business screen. Accounts become records (the architects' free-text "accounts
-- covered" move into them, nothing lost), opportunities and wins with their consumption plans
-- and milestones, actual consumption per account and month, market initiatives with their
-- events, the business network, the quarter scorecard's targets, and time entries that name an
-- account or an initiative. Shipped: never edit, append a new file instead.

CREATE TABLE accounts (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    industry          TEXT NOT NULL DEFAULT '',
    segment           TEXT NOT NULL DEFAULT '',
    account_executive TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

-- Which architects cover an account; `position` keeps the order of each architect's list.
-- Part of the architect's profile: deleted with them.
CREATE TABLE account_architects (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    architect_id INTEGER NOT NULL REFERENCES architects (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (account_id, architect_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX account_architects_by_architect ON account_architects (architect_id, position);

-- The free text, one account per line or comma, split with a recursive query: every piece,
-- trimmed, becomes an account (one per name whatever its case: the first spelling met is
-- kept) assigned to the architect in the order written.
WITH RECURSIVE
    pieces (architect_id, position, piece, rest) AS (
        SELECT id, 0, '', replace(replace(accounts, char(13), ''), char(10), ',') || ','
        FROM architects
        WHERE trim(accounts) <> ''
        UNION ALL
        SELECT architect_id,
               position + 1,
               trim(substr(rest, 1, instr(rest, ',') - 1), ' ' || char(9)),
               substr(rest, instr(rest, ',') + 1)
        FROM pieces
        WHERE rest <> ''
    ),
    named AS (
        SELECT architect_id, position, piece FROM pieces WHERE piece <> ''
    )
INSERT INTO accounts (name, created_at, updated_at)
SELECT piece, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM (
    -- With min(), SQLite takes the bare `piece` from the row holding the minimum: the first
    -- spelling met, in architect and list order.
    SELECT piece, min(architect_id * 100000 + position) AS first_met
    FROM named
    GROUP BY piece COLLATE NOCASE
)
ORDER BY first_met;

WITH RECURSIVE
    pieces (architect_id, position, piece, rest) AS (
        SELECT id, 0, '', replace(replace(accounts, char(13), ''), char(10), ',') || ','
        FROM architects
        WHERE trim(accounts) <> ''
        UNION ALL
        SELECT architect_id,
               position + 1,
               trim(substr(rest, 1, instr(rest, ',') - 1), ' ' || char(9)),
               substr(rest, instr(rest, ',') + 1)
        FROM pieces
        WHERE rest <> ''
    )
INSERT OR IGNORE INTO account_architects (account_id, architect_id, position)
SELECT accounts.id, pieces.architect_id, pieces.position
FROM pieces JOIN accounts ON accounts.name = pieces.piece COLLATE NOCASE
WHERE pieces.piece <> ''
ORDER BY pieces.architect_id, pieces.position;

ALTER TABLE architects DROP COLUMN accounts;

CREATE TABLE opportunities (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    solution_area_id INTEGER REFERENCES solution_areas (id) ON DELETE RESTRICT,
    stage          INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 5),
    monthly_acr    INTEGER NOT NULL CHECK (monthly_acr >= 0),
    status         TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    closed_on      TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    lost_reason    TEXT NOT NULL DEFAULT '',
    -- NULL when the CRM id is not known; unique when it is, so a re-import never duplicates.
    crm_id         TEXT UNIQUE,
    created_on     TEXT NOT NULL CHECK (date(created_on) IS created_on),
    -- The consumption plan: agreed with the customer on this day (NULL: not agreed).
    plan_agreed_on TEXT CHECK (plan_agreed_on IS NULL OR date(plan_agreed_on) IS plan_agreed_on),
    plan_sponsor   TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((status = 'open') = (closed_on IS NULL)),
    CHECK (status = 'lost' OR lost_reason = '')
) STRICT;
CREATE INDEX opportunities_account ON opportunities (account_id);
CREATE INDEX opportunities_area ON opportunities (solution_area_id) WHERE solution_area_id IS NOT NULL;
-- The screen and the scorecard read what is open and what closed lately.
CREATE INDEX opportunities_closed ON opportunities (closed_on);

-- The architects driving an opportunity's technical decision.
CREATE TABLE opportunity_architects (
    opportunity_id INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    architect_id   INTEGER NOT NULL REFERENCES architects (id) ON DELETE RESTRICT,
    PRIMARY KEY (opportunity_id, architect_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX opportunity_architects_by_architect ON opportunity_architects (architect_id);

CREATE TABLE milestones (
    id                 INTEGER PRIMARY KEY,
    opportunity_id     INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    workload           TEXT NOT NULL CHECK (length(trim(workload)) > 0),
    owner_architect_id INTEGER REFERENCES architects (id) ON DELETE RESTRICT,
    owner_partner      TEXT NOT NULL DEFAULT '',
    due_on             TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    expected_acr       INTEGER CHECK (expected_acr IS NULL OR expected_acr >= 0),
    committed          INTEGER NOT NULL CHECK (committed IN (0, 1)),
    state              TEXT NOT NULL CHECK (state IN ('on_track', 'at_risk', 'blocked', 'live', 'cancelled')),
    evidence           TEXT NOT NULL DEFAULT '',
    evidence_on        TEXT CHECK (evidence_on IS NULL OR date(evidence_on) IS evidence_on),
    crm_id             TEXT UNIQUE,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK (owner_architect_id IS NULL OR owner_partner = ''),
    -- The commit gate, again: an owner, a due date and an expected ACR.
    CHECK (committed = 0 OR ((owner_architect_id IS NOT NULL OR owner_partner <> '')
                              AND due_on IS NOT NULL AND expected_acr IS NOT NULL))
) STRICT;
CREATE INDEX milestones_opportunity ON milestones (opportunity_id);
CREATE INDEX milestones_owner ON milestones (owner_architect_id) WHERE owner_architect_id IS NOT NULL;
CREATE INDEX milestones_due ON milestones (due_on);
-- Milestones still to deliver, which keep an old win on the Business screen.
CREATE INDEX milestones_open ON milestones (opportunity_id) WHERE state IN ('on_track', 'at_risk', 'blocked');

-- What an account actually consumed in a month (the month's first day), in dollars.
CREATE TABLE consumption (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    month      TEXT NOT NULL CHECK (date(month) IS month AND substr(month, 9, 2) = '01'),
    dollars    INTEGER NOT NULL CHECK (dollars >= 0),
    PRIMARY KEY (account_id, month)
) STRICT, WITHOUT ROWID;
CREATE INDEX consumption_by_month ON consumption (month);

CREATE TABLE initiatives (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    thesis       TEXT NOT NULL DEFAULT '',
    target       TEXT NOT NULL DEFAULT '',
    play         TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('idea', 'active', 'paused', 'won', 'dropped')),
    next_step    TEXT NOT NULL DEFAULT '',
    next_step_on TEXT CHECK (next_step_on IS NULL OR date(next_step_on) IS next_step_on),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE initiative_accounts (
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    PRIMARY KEY (initiative_id, account_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX initiative_accounts_by_account ON initiative_accounts (account_id);

CREATE TABLE initiative_architects (
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    architect_id  INTEGER NOT NULL REFERENCES architects (id) ON DELETE RESTRICT,
    PRIMARY KEY (initiative_id, architect_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX initiative_architects_by_architect ON initiative_architects (architect_id);

CREATE TABLE initiative_opportunities (
    initiative_id  INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    opportunity_id INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, opportunity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX initiative_opportunities_by_opportunity ON initiative_opportunities (opportunity_id);

CREATE TABLE initiative_events (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('workshop', 'briefing', 'hackathon', 'conference_talk')),
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    held_on       TEXT NOT NULL CHECK (date(held_on) IS held_on),
    attendance    INTEGER CHECK (attendance IS NULL OR attendance BETWEEN 0 AND 100000)
) STRICT;
CREATE INDEX initiative_events_initiative ON initiative_events (initiative_id, held_on);

CREATE TABLE contacts (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    organisation TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL CHECK (kind IN ('customer', 'partner', 'internal')),
    role         TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    ideal_days   INTEGER NOT NULL CHECK (ideal_days BETWEEN 1 AND 3650),
    max_days     INTEGER NOT NULL CHECK (max_days BETWEEN 1 AND 3650),
    created_on   TEXT NOT NULL CHECK (date(created_on) IS created_on),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (ideal_days <= max_days)
) STRICT;
CREATE INDEX contacts_email ON contacts (email) WHERE email <> '';

-- A calendar meeting is one interaction per contact, however often it is imported: its event
-- UID and recurrence id (as the time entry's) are the key.
CREATE TABLE interactions (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    on_date       TEXT NOT NULL CHECK (date(on_date) IS on_date),
    note          TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'calendar')),
    event_uid     TEXT,
    recurrence_id TEXT,
    CHECK ((source = 'calendar') = (event_uid IS NOT NULL))
) STRICT;
CREATE INDEX interactions_contact ON interactions (contact_id, on_date);
CREATE UNIQUE INDEX interactions_event
    ON interactions (contact_id, event_uid, ifnull(recurrence_id, '')) WHERE event_uid IS NOT NULL;

-- The scorecard's targets per fiscal quarter (FY27 Q2 = 2027, 2), values in hundredths.
CREATE TABLE scorecard_metrics (
    id          INTEGER PRIMARY KEY,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1 AND 9999),
    quarter     INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    kind        TEXT NOT NULL CHECK (kind IN ('acr', 'wins', 'pipeline', 'custom')),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    unit        TEXT NOT NULL DEFAULT '',
    target      INTEGER NOT NULL,
    actual      INTEGER,
    position    INTEGER NOT NULL
) STRICT;
CREATE INDEX scorecard_metrics_quarter ON scorecard_metrics (fiscal_year, quarter, position);

-- A time entry may name the account or the initiative it was spent on (one or the other).
ALTER TABLE time_entries ADD COLUMN account_id INTEGER REFERENCES accounts (id) ON DELETE RESTRICT;
ALTER TABLE time_entries ADD COLUMN initiative_id INTEGER REFERENCES initiatives (id) ON DELETE RESTRICT;
CREATE INDEX time_entries_account ON time_entries (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX time_entries_initiative ON time_entries (initiative_id) WHERE initiative_id IS NOT NULL;
