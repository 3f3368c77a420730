-- 0003: development plans, skills matrix and certifications (issue 4). Append-only: once shipped,
-- never edit this file; add a new one.
--
-- Architects are never hard-deleted while anything refers to them, so every reference to
-- `architects` is ON DELETE RESTRICT. History rows belong to their parent record and go with it
-- (CASCADE). Competencies and catalogue entries can be deleted after the app has asked and said
-- what depends on them; the ratings and records that used them go with them (CASCADE).

CREATE TABLE goals (
    id           INTEGER PRIMARY KEY,
    architect_id INTEGER NOT NULL REFERENCES architects (id) ON DELETE RESTRICT,
    kind         TEXT NOT NULL CHECK (kind IN
        ('skill', 'certification', 'stretch_assignment', 'leadership', 'evangelism', 'other')),
    description  TEXT NOT NULL CHECK (length(trim(description)) > 0),
    created_on   TEXT NOT NULL CHECK (date(created_on) IS created_on),
    target_on    TEXT CHECK (target_on IS NULL OR (date(target_on) IS target_on AND target_on >= created_on)),
    status       TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'done', 'dropped')),
    progress_pct INTEGER NOT NULL DEFAULT 0 CHECK (progress_pct BETWEEN 0 AND 100),
    evidence     TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX goals_architect ON goals (architect_id);

-- Every change of a goal's progress, dated, so "stalled" (no change for N days) is computable.
-- `recorded_on` rather than `on`, which is an SQL keyword.
CREATE TABLE goal_progress (
    id           INTEGER PRIMARY KEY,
    goal_id      INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    recorded_on  TEXT NOT NULL CHECK (date(recorded_on) IS recorded_on),
    progress_pct INTEGER NOT NULL CHECK (progress_pct BETWEEN 0 AND 100)
) STRICT;

CREATE INDEX goal_progress_goal ON goal_progress (goal_id, recorded_on);

CREATE TABLE competencies (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE skill_levels (
    id            INTEGER PRIMARY KEY,
    architect_id  INTEGER NOT NULL REFERENCES architects (id) ON DELETE RESTRICT,
    competency_id INTEGER NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    current_level INTEGER NOT NULL CHECK (current_level BETWEEN 1 AND 5),
    target_level  INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5),
    changed_on    TEXT NOT NULL CHECK (date(changed_on) IS changed_on),
    UNIQUE (architect_id, competency_id)
) STRICT;

CREATE INDEX skill_levels_competency ON skill_levels (competency_id);

-- Every dated change of a rating: the levels as they were from `changed_on`.
CREATE TABLE skill_history (
    id             INTEGER PRIMARY KEY,
    skill_level_id INTEGER NOT NULL REFERENCES skill_levels (id) ON DELETE CASCADE,
    changed_on     TEXT NOT NULL CHECK (date(changed_on) IS changed_on),
    current_level  INTEGER NOT NULL CHECK (current_level BETWEEN 1 AND 5),
    target_level   INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 5)
) STRICT;

CREATE INDEX skill_history_level ON skill_history (skill_level_id, changed_on);

CREATE TABLE cert_catalogue (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(code)) > 0),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('fundamentals', 'role_based', 'specialty'))
) STRICT;

-- One record per architect and certification: earning it again after it lapsed moves the
-- earned date (and clears the renewals of the lapsed period), it does not add a second record.
CREATE TABLE cert_records (
    id           INTEGER PRIMARY KEY,
    architect_id INTEGER NOT NULL REFERENCES architects (id) ON DELETE RESTRICT,
    cert_id      INTEGER NOT NULL REFERENCES cert_catalogue (id) ON DELETE CASCADE,
    earned_on    TEXT NOT NULL CHECK (date(earned_on) IS earned_on),
    UNIQUE (architect_id, cert_id)
) STRICT;

CREATE INDEX cert_records_cert ON cert_records (cert_id);

CREATE TABLE cert_renewals (
    id                INTEGER PRIMARY KEY,
    cert_record_id INTEGER NOT NULL REFERENCES cert_records (id) ON DELETE CASCADE,
    renewed_on        TEXT NOT NULL CHECK (date(renewed_on) IS renewed_on),
    UNIQUE (cert_record_id, renewed_on)
) STRICT;

-- An open goal whose progress has not changed for this many days is "stalled".
INSERT INTO settings (key, value) VALUES ('stalled_days', '30') ON CONFLICT (key) DO NOTHING;

-- Seeds: model::skills::DEFAULT_COMPETENCIES and model::certification::DEFAULT_CATALOGUE as they
-- were when this migration shipped (a test checks they match).
INSERT INTO competencies (name, position) VALUES
    ('Architecture design', 1),
    ('Technical depth in solution area', 2),
    ('Consultative / solution selling', 3),
    ('Presentations & demos', 4),
    ('Negotiation & influence', 5),
    ('Customer envisioning', 6),
    ('Business acumen', 7),
    ('Cross-group collaboration', 8);

INSERT INTO cert_catalogue (code, name, kind) VALUES
    ('AZ-900', 'Microsoft Certified: Azure Fundamentals', 'fundamentals'),
    ('AI-900', 'Microsoft Certified: Azure AI Fundamentals', 'fundamentals'),
    ('DP-900', 'Microsoft Certified: Azure Data Fundamentals', 'fundamentals'),
    ('SC-900', 'Microsoft Certified: Security, Compliance, and Identity Fundamentals', 'fundamentals'),
    ('PL-900', 'Microsoft Certified: Power Platform Fundamentals', 'fundamentals'),
    ('MS-900', 'Microsoft 365 Certified: Fundamentals', 'fundamentals'),
    ('MB-910', 'Microsoft Certified: Dynamics 365 Fundamentals (CRM)', 'fundamentals'),
    ('MB-920', 'Microsoft Certified: Dynamics 365 Fundamentals (ERP)', 'fundamentals'),
    ('AZ-104', 'Microsoft Certified: Azure Administrator Associate', 'role_based'),
    ('AZ-204', 'Microsoft Certified: Azure Developer Associate', 'role_based'),
    ('AZ-305', 'Microsoft Certified: Azure Solutions Architect Expert', 'role_based'),
    ('AZ-400', 'Microsoft Certified: DevOps Engineer Expert', 'role_based'),
    ('AZ-500', 'Microsoft Certified: Azure Security Engineer Associate', 'role_based'),
    ('AZ-700', 'Microsoft Certified: Azure Network Engineer Associate', 'role_based'),
    ('AZ-801', 'Microsoft Certified: Windows Server Hybrid Administrator Associate', 'role_based'),
    ('AI-102', 'Microsoft Certified: Azure AI Engineer Associate', 'role_based'),
    ('DP-100', 'Microsoft Certified: Azure Data Scientist Associate', 'role_based'),
    ('DP-300', 'Microsoft Certified: Azure Database Administrator Associate', 'role_based'),
    ('DP-600', 'Microsoft Certified: Fabric Analytics Engineer Associate', 'role_based'),
    ('DP-700', 'Microsoft Certified: Fabric Data Engineer Associate', 'role_based'),
    ('PL-300', 'Microsoft Certified: Power BI Data Analyst Associate', 'role_based'),
    ('SC-100', 'Microsoft Certified: Cybersecurity Architect Expert', 'role_based'),
    ('SC-200', 'Microsoft Certified: Security Operations Analyst Associate', 'role_based'),
    ('SC-300', 'Microsoft Certified: Identity and Access Administrator Associate', 'role_based'),
    ('SC-401', 'Microsoft Certified: Information Security Administrator Associate', 'role_based'),
    ('MS-102', 'Microsoft 365 Certified: Administrator Expert', 'role_based'),
    ('MD-102', 'Microsoft 365 Certified: Endpoint Administrator Associate', 'role_based'),
    ('PL-200', 'Microsoft Certified: Power Platform Functional Consultant Associate', 'role_based'),
    ('PL-400', 'Microsoft Certified: Power Platform Developer Associate', 'role_based'),
    ('PL-600', 'Microsoft Certified: Power Platform Solution Architect Expert', 'role_based'),
    ('MB-335', 'Microsoft Certified: Dynamics 365 Supply Chain Management Functional Consultant Expert', 'role_based'),
    ('MB-700', 'Microsoft Certified: Dynamics 365: Finance and Operations Apps Solution Architect Expert', 'role_based'),
    ('AZ-120', 'Microsoft Certified: Azure for SAP Workloads Specialty', 'specialty'),
    ('AZ-140', 'Microsoft Certified: Azure Virtual Desktop Specialty', 'specialty'),
    ('DP-420', 'Microsoft Certified: Azure Cosmos DB Developer Specialty', 'specialty');
