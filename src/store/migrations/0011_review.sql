-- 0011: the quarterly self-review (issue 14). Append-only: once shipped, never edit this file.
--
-- A review belongs to a fiscal quarter, keyed by its label parts (FY27 Q2 = 2027, 2), which do
-- not depend on the fiscal start month. While it is a draft its figures are computed from the
-- records; finalizing stores them as JSON (`snapshot`) exactly as they were, and locks the text
-- until it is reopened.

CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY,
    fiscal_year  INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1 AND 9999),
    quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    setbacks     TEXT NOT NULL DEFAULT '' CHECK (length(setbacks) <= 20000),
    state        TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'final')),
    finalized_on TEXT CHECK (finalized_on IS NULL OR date(finalized_on) IS finalized_on),
    snapshot     TEXT CHECK (snapshot IS NULL OR json_valid(snapshot)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (fiscal_year, quarter),
    CHECK ((state = 'final') = (finalized_on IS NOT NULL AND snapshot IS NOT NULL))
) STRICT;

-- Accomplishments and impact, one bullet each, tagged by impact ring and accountability.
-- `suggestion` is the key of the suggested bullet it was accepted from, if any.
CREATE TABLE review_accomplishments (
    id             INTEGER PRIMARY KEY,
    review_id      INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 2000),
    ring           TEXT CHECK (ring IS NULL OR ring IN ('own', 'others_success', 'building_on_others')),
    accountability TEXT CHECK (accountability IS NULL OR accountability IN ('coaching', 'market', 'business')),
    suggestion     TEXT
) STRICT;

CREATE INDEX review_accomplishments_review ON review_accomplishments (review_id, position);

-- Suggested bullets the manager dropped, so they are not offered again.
CREATE TABLE review_dropped_suggestions (
    review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    key       TEXT NOT NULL CHECK (length(key) > 0),
    PRIMARY KEY (review_id, key)
) STRICT, WITHOUT ROWID;

-- Priorities for the next quarter. A priority can become a development goal (goal_id, which
-- has no foreign key: deleting the goal leaves the priority) or a reminder on a day.
CREATE TABLE review_priorities (
    id        INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 2000),
    goal_id   INTEGER,
    remind_on TEXT CHECK (remind_on IS NULL OR date(remind_on) IS remind_on)
) STRICT;

CREATE INDEX review_priorities_review ON review_priorities (review_id, position);
CREATE INDEX review_priorities_remind ON review_priorities (remind_on) WHERE remind_on IS NOT NULL;

-- The competencies of the role the manager rates themselves on (editable in Settings).
CREATE TABLE review_competencies (
    id       INTEGER PRIMARY KEY,
    role     TEXT NOT NULL CHECK (length(trim(role)) > 0),
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position INTEGER NOT NULL,
    UNIQUE (role, name)
) STRICT;

-- A self-rating per competency and quarter. The competency's role and name are kept as they
-- were when rated, so renaming or removing it in Settings leaves a finalized review as it was.
CREATE TABLE review_ratings (
    id            INTEGER PRIMARY KEY,
    review_id     INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    competency_id INTEGER REFERENCES review_competencies (id) ON DELETE SET NULL,
    role          TEXT NOT NULL,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    rating        INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    evidence      TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 5000),
    UNIQUE (review_id, competency_id)
) STRICT;

CREATE INDEX review_ratings_competency ON review_ratings (competency_id);

-- What became of each of the previous quarter's priorities, written in this quarter's review.
CREATE TABLE review_promise_outcomes (
    review_id   INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    priority_id INTEGER NOT NULL REFERENCES review_priorities (id) ON DELETE CASCADE,
    outcome     TEXT CHECK (outcome IS NULL OR outcome IN ('done', 'partly', 'not')),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    PRIMARY KEY (review_id, priority_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX review_promise_outcomes_priority ON review_promise_outcomes (priority_id);

-- The review reads a quarter's meetings and closed or overdue action items by date.
CREATE INDEX IF NOT EXISTS one_on_ones_held_on ON one_on_ones (held_on);
CREATE INDEX IF NOT EXISTS action_items_done_on ON action_items (done_on) WHERE done_on IS NOT NULL;

-- Seeds: model::review::words::DEFAULT_COMPETENCIES as they were when this migration shipped.
INSERT INTO review_competencies (role, name, position) VALUES
    ('Technical Sales Leader', 'Experienced', 1),
    ('Technical Sales Leader', 'Bold', 2),
    ('Technical Sales Leader', 'Influencer', 3),
    ('Technical Sales Leader', 'Excellent communicator', 4),
    ('Business Manager', 'Collaborative', 5),
    ('Business Manager', 'Performer', 6),
    ('Technology Thought Leader', 'Passion for technology', 7);
