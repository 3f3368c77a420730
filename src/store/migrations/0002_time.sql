-- 0002: the manager's own time (the 50/30/20 split) and per-quarter targets.
-- Shipped: never edit, append a new file instead. The fiscal-year start month and the default
-- targets live in `settings` (keys `fiscal_start_month`, `time_targets`).

CREATE TABLE time_entries (
    id            INTEGER PRIMARY KEY,
    entry_date    TEXT NOT NULL CHECK (date(entry_date) IS entry_date),
    -- 'HH:MM', when known (calendar imports); the CHECK refuses 25:00 or 9:5.
    start_time    TEXT CHECK (start_time IS NULL OR strftime('%H:%M', '2000-01-01 ' || start_time) IS start_time),
    minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    category      TEXT NOT NULL CHECK (category IN ('coaching', 'market', 'business')),
    description   TEXT NOT NULL DEFAULT '',
    architect_id  INTEGER REFERENCES architects (id) ON DELETE RESTRICT,
    source        TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'calendar')),
    -- A calendar event's UID and, for one occurrence of a recurring event, its RECURRENCE-ID:
    -- together they identify the event, so importing the same calendar twice never duplicates.
    event_uid     TEXT,
    recurrence_id TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK ((source = 'calendar') = (event_uid IS NOT NULL)),
    CHECK (recurrence_id IS NULL OR event_uid IS NOT NULL)
) STRICT;

-- Covering index for the aggregates (minutes per category per day over a date range) and the
-- week's entry list: range scans on the date never touch the table for sums.
CREATE INDEX time_entries_by_date ON time_entries (entry_date, category, minutes);
CREATE INDEX time_entries_architect ON time_entries (architect_id) WHERE architect_id IS NOT NULL;
-- A missing recurrence id counts as '' so (uid, no recurrence) is unique too (NULLs never clash).
CREATE UNIQUE INDEX time_entries_event
    ON time_entries (event_uid, ifnull(recurrence_id, '')) WHERE event_uid IS NOT NULL;

-- Targets for one fiscal quarter, overriding the defaults. Keyed by the quarter's label parts
-- (FY27 Q2 = 2027, 2), which do not depend on the start month.
CREATE TABLE quarter_targets (
    fiscal_year   INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1 AND 9999),
    quarter       INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    coaching_pct  INTEGER NOT NULL CHECK (coaching_pct BETWEEN 0 AND 100),
    market_pct    INTEGER NOT NULL CHECK (market_pct BETWEEN 0 AND 100),
    business_pct  INTEGER NOT NULL CHECK (business_pct BETWEEN 0 AND 100),
    tolerance_pct INTEGER NOT NULL CHECK (tolerance_pct BETWEEN 0 AND 50),
    CHECK (coaching_pct + market_pct + business_pct = 100),
    PRIMARY KEY (fiscal_year, quarter)
) STRICT, WITHOUT ROWID;
