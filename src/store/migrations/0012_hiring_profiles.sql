-- 0012: hiring profiles (issue 13): a named list of competencies of the skills matrix that a
-- requisition's interview plan assesses instead of the whole matrix. Append-only: once
-- shipped, never edit this file; add a new one.

CREATE TABLE hiring_profiles (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0)
) STRICT;

CREATE UNIQUE INDEX hiring_profiles_name ON hiring_profiles (name COLLATE NOCASE);

CREATE TABLE hiring_profile_competencies (
    profile_id    INTEGER NOT NULL REFERENCES hiring_profiles (id) ON DELETE CASCADE,
    competency_id INTEGER NOT NULL REFERENCES competencies (id) ON DELETE CASCADE,
    PRIMARY KEY (profile_id, competency_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX hiring_profile_competencies_competency ON hiring_profile_competencies (competency_id);

-- The profile a requisition's plan assesses; none means the whole skills matrix. A profile in
-- use is not deleted (the store refuses), SET NULL only guards a hand-edited file.
ALTER TABLE requisitions ADD COLUMN profile_id INTEGER REFERENCES hiring_profiles (id) ON DELETE SET NULL;

CREATE INDEX requisitions_profile ON requisitions (profile_id);
