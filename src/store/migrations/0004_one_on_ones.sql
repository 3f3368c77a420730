-- 0004: one-on-ones, their talking points and action items, talking-point templates, and the
-- full-text search index. Shipped: never edit, append a new file instead.
--
-- Carry-over is by reference: a talking point or action item belongs to the meeting it was
-- raised in (raised_in) and is on every later agenda with the same architect until a meeting
-- marks it discussed (discussed_in) or it is done (done_on). Nothing is ever copied.

CREATE TABLE one_on_ones (
    id           INTEGER PRIMARY KEY,
    architect_id INTEGER NOT NULL REFERENCES architects (id) ON DELETE RESTRICT,
    held_on      TEXT NOT NULL CHECK (date(held_on) IS held_on),
    mood         INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5),
    notes        TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    -- One meeting per architect per day: the order of meetings decides what carries over.
    UNIQUE (architect_id, held_on)
) STRICT;

-- Development goals reviewed in a meeting. goal_id is a goals(id) of the development plan;
-- it has no foreign key because this migration may run before that table exists.
CREATE TABLE one_on_one_goals (
    one_on_one_id INTEGER NOT NULL REFERENCES one_on_ones (id) ON DELETE CASCADE,
    goal_id       INTEGER NOT NULL,
    PRIMARY KEY (one_on_one_id, goal_id)
) STRICT;

-- architect_id repeats the meeting's architect so "open items of one architect" is one
-- small index lookup even with years of history.
CREATE TABLE talking_points (
    id           INTEGER PRIMARY KEY,
    architect_id INTEGER NOT NULL REFERENCES architects (id) ON DELETE RESTRICT,
    raised_in    INTEGER NOT NULL REFERENCES one_on_ones (id) ON DELETE CASCADE,
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 500),
    raised_by    TEXT NOT NULL CHECK (raised_by IN ('me', 'them')),
    topic        TEXT NOT NULL DEFAULT '',
    -- Deleting the meeting that discussed a point opens the point again.
    discussed_in INTEGER REFERENCES one_on_ones (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX talking_points_raised_in ON talking_points (raised_in);
CREATE INDEX talking_points_discussed_in ON talking_points (discussed_in);
CREATE INDEX talking_points_open ON talking_points (architect_id) WHERE discussed_in IS NULL;

CREATE TABLE action_items (
    id           INTEGER PRIMARY KEY,
    architect_id INTEGER NOT NULL REFERENCES architects (id) ON DELETE RESTRICT,
    raised_in    INTEGER NOT NULL REFERENCES one_on_ones (id) ON DELETE CASCADE,
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 500),
    owner        TEXT NOT NULL CHECK (owner IN ('me', 'them')),
    due_on       TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    done_on      TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX action_items_raised_in ON action_items (raised_in);
CREATE INDEX action_items_open ON action_items (architect_id) WHERE done_on IS NULL;
CREATE INDEX action_items_done ON action_items (architect_id, done_on) WHERE done_on IS NOT NULL;

CREATE TABLE talking_point_templates (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    prompt   TEXT NOT NULL CHECK (length(trim(prompt)) > 0),
    position INTEGER NOT NULL
) STRICT;

INSERT INTO talking_point_templates (name, prompt, position) VALUES
    ('Career', 'Career: where do you want to be in a year, and what would help you get there?', 1),
    ('Customers', 'Customers: which account needs my help or air cover right now?', 2),
    ('Wellbeing', 'Wellbeing: how are your energy and workload? Anything I can take off your plate?', 3),
    ('Feedback', 'Feedback: one thing I could do differently, and feedback I have for you', 4);

-- Full-text search over notes, talking points and action items (and goals, once they exist).
-- Maintained by the store (src/store/search.rs), not by triggers, because text in scripts
-- without spaces is split into characters before it is indexed. The rowid encodes the
-- item's date, kind and id (src/model/search.rs), so results come newest first for free.
CREATE VIRTUAL TABLE search_index USING fts5 (
    body,
    architect_id UNINDEXED,
    meeting_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
