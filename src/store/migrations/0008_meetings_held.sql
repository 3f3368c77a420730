-- 0008: a one-on-one is held once something happened in it (notes, energy, a tick, an action
-- raised, a goal reviewed), not when it is started: an empty meeting started by mistake does
-- not count. A held one-on-one may log its own time (coaching), once, linked to it; its length
-- is the meeting's own or 30 minutes. A certification goal can name its certification.
-- Shipped: never edit, append a new file instead.

ALTER TABLE one_on_ones ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1));
ALTER TABLE one_on_ones ADD COLUMN minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 5 AND 480);

-- Meetings recorded before this version were held if anything happened in them.
UPDATE one_on_ones SET held = 1
WHERE notes != '' OR mood IS NOT NULL
   OR EXISTS (SELECT 1 FROM talking_points p WHERE p.discussed_in = one_on_ones.id)
   OR EXISTS (SELECT 1 FROM action_items a WHERE a.raised_in = one_on_ones.id)
   OR EXISTS (SELECT 1 FROM one_on_one_goals g WHERE g.one_on_one_id = one_on_ones.id);

CREATE INDEX one_on_ones_held ON one_on_ones (architect_id, held_on) WHERE held = 1;

ALTER TABLE time_entries ADD COLUMN one_on_one_id INTEGER REFERENCES one_on_ones (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX time_entries_one_on_one ON time_entries (one_on_one_id) WHERE one_on_one_id IS NOT NULL;

ALTER TABLE goals ADD COLUMN cert_id INTEGER REFERENCES cert_catalogue (id) ON DELETE SET NULL;
