-- 0006: the manager's own choice for one calendar occurrence, over what the rules decide (a
-- category, or 'ignore'). Kept across imports, so importing the same calendar again never
-- undoes a choice. Shipped: never edit, append a new file instead.

CREATE TABLE calendar_choices (
    event_uid     TEXT NOT NULL CHECK (length(event_uid) > 0),
    -- '' for an event that does not repeat.
    recurrence_id TEXT NOT NULL DEFAULT '',
    outcome       TEXT NOT NULL CHECK (outcome IN ('coaching', 'market', 'business', 'ignore')),
    PRIMARY KEY (event_uid, recurrence_id)
) STRICT;
