-- 0005: calendar import. The manager's categorisation rules, in order (first match wins).
-- Shipped: never edit, append a new file instead. The manager's own e-mail addresses and the
-- company's domains live in `settings` (keys `my_emails`, `company_domains`), one per line.

CREATE TABLE calendar_rules (
    id         INTEGER PRIMARY KEY,
    position   INTEGER NOT NULL UNIQUE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- A JSON array of conditions, as `import::rules::Condition` writes them.
    conditions TEXT NOT NULL CHECK (json_valid(conditions) AND json_type(conditions) = 'array'),
    outcome    TEXT NOT NULL CHECK (outcome IN ('coaching', 'market', 'business', 'ignore'))
) STRICT;
