-- 0001: the roster and the lists it picks from. Shipped: never edit, append a new file instead.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE career_levels (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE solution_areas (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    position INTEGER NOT NULL
) STRICT;

-- Dates are ISO text; the CHECKs refuse a day that does not exist (SQLite's date() would
-- otherwise turn 2026-02-30 into a March date).
CREATE TABLE architects (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title                 TEXT NOT NULL DEFAULT '',
    email                 TEXT NOT NULL DEFAULT '',
    level_id              INTEGER REFERENCES career_levels (id) ON DELETE RESTRICT,
    solution_area_id      INTEGER REFERENCES solution_areas (id) ON DELETE RESTRICT,
    started_on            TEXT CHECK (started_on IS NULL OR date(started_on) IS started_on),
    accounts              TEXT NOT NULL DEFAULT '',
    cadence               TEXT NOT NULL DEFAULT 'weekly' CHECK (cadence IN ('weekly', 'biweekly')),
    aspiration            TEXT NOT NULL DEFAULT '',
    target_level_id       INTEGER REFERENCES career_levels (id) ON DELETE RESTRICT,
    readiness             TEXT NOT NULL DEFAULT 'not_assessed'
        CHECK (readiness IN ('ready_now', 'one_to_two_years', 'three_plus_years', 'not_assessed')),
    readiness_assessed_on TEXT
        CHECK (readiness_assessed_on IS NULL OR date(readiness_assessed_on) IS readiness_assessed_on),
    readiness_evidence    TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'left')),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;

CREATE INDEX architects_level ON architects (level_id);
CREATE INDEX architects_target_level ON architects (target_level_id);
CREATE INDEX architects_area ON architects (solution_area_id);

INSERT INTO career_levels (name, position) VALUES
    ('Associate Solution Architect', 1),
    ('Solution Architect', 2),
    ('Senior Solution Architect', 3),
    ('Principal Solution Architect', 4),
    ('Distinguished Architect', 5);

INSERT INTO solution_areas (name, position) VALUES
    ('Azure Infrastructure', 1),
    ('Data & AI', 2),
    ('Digital & App Innovation', 3),
    ('Security', 4),
    ('Modern Work', 5),
    ('Business Applications', 6);
