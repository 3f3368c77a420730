-- 0010: hiring (issue 13): requisitions, candidates and the dates they reached each stage,
-- structured interview plans and scorecards, the recruiter's aggregate slate and panel reports,
-- onboarding plans from an editable 30-60-90 template, and why people left. Append-only: once
-- shipped, never edit this file; add a new one.
--
-- Candidates are people outside the company. Only what the process needs is stored: a name,
-- how they came, their stages, the manager's private notes and what the panel assessed. No
-- column holds gender, ethnicity or any other special-category attribute, of anyone: slate and
-- panel diversity are the recruiter's aggregate yes / no / not reported per requisition and
-- stage, linked to no person. Deleting a candidate deletes every row about them (CASCADE).

CREATE TABLE requisitions (
    id               INTEGER PRIMARY KEY,
    role             TEXT NOT NULL CHECK (length(trim(role)) > 0),
    -- The HR system's opening id ("REQ-2026-0142"); empty when there is none yet.
    opening_id       TEXT NOT NULL DEFAULT '',
    -- A ladder level or area deleted later leaves the requisition without one, not blocked.
    level_id         INTEGER REFERENCES career_levels (id) ON DELETE SET NULL,
    solution_area_id INTEGER REFERENCES solution_areas (id) ON DELETE SET NULL,
    opened_on        TEXT NOT NULL CHECK (date(opened_on) IS opened_on),
    target_start_on  TEXT CHECK (target_start_on IS NULL
        OR (date(target_start_on) IS target_start_on AND target_start_on >= opened_on)),
    status           TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'on_hold', 'filled', 'cancelled')),
    -- Set when filled or cancelled; the purge dates of its candidates count from it.
    closed_on        TEXT CHECK (closed_on IS NULL OR (date(closed_on) IS closed_on AND closed_on >= opened_on)),
    status_reason    TEXT NOT NULL DEFAULT '',
    -- The architect who left and whose place this fills, if any.
    backfill_for     INTEGER REFERENCES architects (id) ON DELETE RESTRICT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((status IN ('filled', 'cancelled')) = (closed_on IS NOT NULL)),
    CHECK (status <> 'cancelled' OR length(trim(status_reason)) > 0)
) STRICT;

CREATE UNIQUE INDEX requisitions_opening ON requisitions (opening_id COLLATE NOCASE) WHERE opening_id <> '';
CREATE INDEX requisitions_status ON requisitions (status, opened_on);
CREATE INDEX requisitions_backfill ON requisitions (backfill_for);

CREATE TABLE candidates (
    id             INTEGER PRIMARY KEY,
    requisition_id INTEGER NOT NULL REFERENCES requisitions (id) ON DELETE CASCADE,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    source         TEXT NOT NULL CHECK (source IN ('referral', 'recruiter', 'inbound', 'internal_move')),
    -- The latest stage reached (its date is in candidate_stages).
    stage          TEXT NOT NULL CHECK (stage IN ('sourced', 'screen', 'interview_loop', 'debrief', 'offer',
        'hired', 'declined', 'rejected', 'withdrawn')),
    notes          TEXT NOT NULL DEFAULT '',
    -- An earlier purge date than the rule's (12 months after the requisition closes).
    purge_on       TEXT CHECK (purge_on IS NULL OR date(purge_on) IS purge_on),
    -- The architect a hire became.
    architect_id   INTEGER REFERENCES architects (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((stage = 'hired') = (architect_id IS NOT NULL))
) STRICT;

CREATE INDEX candidates_requisition ON candidates (requisition_id);
CREATE INDEX candidates_architect ON candidates (architect_id) WHERE architect_id IS NOT NULL;

-- The day each stage was reached, one row per stage a candidate went through.
CREATE TABLE candidate_stages (
    candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    stage        TEXT NOT NULL CHECK (stage IN ('sourced', 'screen', 'interview_loop', 'debrief', 'offer',
        'hired', 'declined', 'rejected', 'withdrawn')),
    reached_on   TEXT NOT NULL CHECK (date(reached_on) IS reached_on),
    PRIMARY KEY (candidate_id, stage)
) STRICT, WITHOUT ROWID;

-- The interview plan: panel steps in order, each assessing some competencies of the skills
-- matrix. A competency assessed by no step is a gap, by two a double: the app flags both.
CREATE TABLE interview_steps (
    id             INTEGER PRIMARY KEY,
    requisition_id INTEGER NOT NULL REFERENCES requisitions (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- A colleague on the panel; empty when the manager runs the step (by_me).
    interviewer    TEXT NOT NULL DEFAULT '',
    by_me          INTEGER NOT NULL DEFAULT 0 CHECK (by_me IN (0, 1))
) STRICT;

CREATE INDEX interview_steps_requisition ON interview_steps (requisition_id, position);

CREATE TABLE interview_step_competencies (
    step_id       INTEGER NOT NULL REFERENCES interview_steps (id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    PRIMARY KEY (step_id, competency_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX interview_step_competencies_competency ON interview_step_competencies (competency_id);

-- One interview of a candidate in one step, and its scorecard once submitted. Times are the
-- manager's wall clock, "YYYY-MM-DDTHH:MM".
CREATE TABLE interviews (
    id             INTEGER PRIMARY KEY,
    candidate_id   INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    step_id        INTEGER NOT NULL REFERENCES interview_steps (id) ON DELETE RESTRICT,
    held_at        TEXT NOT NULL CHECK (length(held_at) = 16 AND datetime(held_at) IS replace(held_at, 'T', ' ') || ':00'),
    recommendation TEXT CHECK (recommendation IS NULL OR recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')),
    submitted_at   TEXT CHECK (submitted_at IS NULL
        OR (length(submitted_at) = 16 AND datetime(submitted_at) IS replace(submitted_at, 'T', ' ') || ':00')),
    CHECK ((recommendation IS NULL) = (submitted_at IS NULL)),
    UNIQUE (candidate_id, step_id)
) STRICT;

CREATE INDEX interviews_step ON interviews (step_id);
CREATE INDEX interviews_held ON interviews (held_at);

-- A rating needs its evidence: the CHECK refuses one without.
CREATE TABLE scorecard_ratings (
    interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    evidence      TEXT NOT NULL CHECK (length(trim(evidence)) > 0),
    PRIMARY KEY (interview_id, competency_id)
) STRICT, WITHOUT ROWID;

-- What the recruiter reports in aggregate per requisition and stage. Nothing here names or
-- describes a person.
CREATE TABLE slate_reports (
    requisition_id INTEGER NOT NULL REFERENCES requisitions (id) ON DELETE CASCADE,
    stage          TEXT NOT NULL CHECK (stage IN ('sourced', 'screen', 'interview_loop', 'debrief', 'offer')),
    reported_on    TEXT NOT NULL CHECK (date(reported_on) IS reported_on),
    slate_size     INTEGER NOT NULL CHECK (slate_size BETWEEN 0 AND 1000),
    slate_policy   TEXT NOT NULL CHECK (slate_policy IN ('yes', 'no', 'not_reported')),
    panel_policy   TEXT NOT NULL CHECK (panel_policy IN ('yes', 'no', 'not_reported')),
    PRIMARY KEY (requisition_id, stage)
) STRICT, WITHOUT ROWID;

-- The 30-60-90 template a hire's onboarding plan starts from, editable in Settings.
-- `{buddy}` in a text becomes the buddy's name.
CREATE TABLE onboarding_template (
    id        INTEGER PRIMARY KEY,
    position  INTEGER NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('goal', 'talking_point')),
    goal_kind TEXT NOT NULL DEFAULT 'other' CHECK (goal_kind IN
        ('skill', 'certification', 'stretch_assignment', 'leadership', 'evangelism', 'other')),
    day       INTEGER NOT NULL CHECK (day BETWEEN 0 AND 365),
    text      TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;

-- A hire's onboarding: the start, the buddy, the first one-on-one (its agenda holds the
-- talking points) and the goals of the plan (in the development plan, with their day).
CREATE TABLE onboarding_plans (
    architect_id        INTEGER PRIMARY KEY REFERENCES architects (id) ON DELETE RESTRICT,
    started_on          TEXT NOT NULL CHECK (date(started_on) IS started_on),
    buddy_id            INTEGER REFERENCES architects (id) ON DELETE SET NULL,
    first_one_on_one_id INTEGER REFERENCES one_on_ones (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX onboarding_plans_buddy ON onboarding_plans (buddy_id);

CREATE TABLE onboarding_goals (
    goal_id      INTEGER PRIMARY KEY REFERENCES goals (id) ON DELETE CASCADE,
    architect_id INTEGER NOT NULL REFERENCES onboarding_plans (architect_id) ON DELETE CASCADE,
    day          INTEGER NOT NULL CHECK (day BETWEEN 0 AND 365)
) STRICT;

CREATE INDEX onboarding_goals_architect ON onboarding_goals (architect_id);

-- Why an architect left. Promoted, or moved into a more senior role elsewhere in the
-- organisation, counts as someone developed into a senior position; both name the new role.
CREATE TABLE departures (
    architect_id INTEGER PRIMARY KEY REFERENCES architects (id) ON DELETE CASCADE,
    left_on      TEXT NOT NULL CHECK (date(left_on) IS left_on),
    reason       TEXT NOT NULL CHECK (reason IN
        ('promoted', 'senior_role_elsewhere', 'lateral_move', 'left_company', 'other')),
    new_role     TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    CHECK (reason NOT IN ('promoted', 'senior_role_elsewhere') OR length(trim(new_role)) > 0)
) STRICT;

CREATE INDEX departures_left_on ON departures (left_on);

-- Months after a requisition closes until its candidates are due for deletion.
INSERT INTO settings (key, value) VALUES ('candidate_purge_months', '12') ON CONFLICT (key) DO NOTHING;

-- Seed: model::onboarding::DEFAULT_TEMPLATE as it was when this migration shipped (a test
-- checks they match).
INSERT INTO onboarding_template (position, kind, goal_kind, day, text) VALUES
    (1, 'goal', 'certification', 30, 'Earn AZ-900 Azure Fundamentals'),
    (2, 'goal', 'skill', 30, 'Shadow {buddy} in three customer meetings'),
    (3, 'goal', 'stretch_assignment', 60, 'Lead a first customer engagement: a discovery or envisioning session'),
    (4, 'goal', 'certification', 90, 'Earn the role-based certification of your solution area (e.g. AZ-305)'),
    (5, 'goal', 'evangelism', 90, 'Present a customer story or demo at the team meeting'),
    (6, 'talking_point', 'other', 0, 'Welcome: how the first 90 days go, and {buddy} as your buddy'),
    (7, 'talking_point', 'other', 0, 'Your 30-60-90 goals: what would make the first month a success?'),
    (8, 'talking_point', 'other', 0, 'Accounts you will cover and the first introductions to make'),
    (9, 'talking_point', 'other', 0, 'How you like to work, get feedback and be recognised');
