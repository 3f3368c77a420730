-- 0013: indexes for the Business screen's reads (issue 12). No data moves. Append-only: once
-- shipped, never edit this file; add a new one.

-- The last weeks' interactions, newest first: a range of this index read backwards (its rowid
-- is the id) instead of every interaction scanned and sorted.
CREATE INDEX interactions_by_day ON interactions (on_date);

-- All accounts' consumption per month (the scorecard's sums) from the index alone. The table
-- is WITHOUT ROWID, so the index also holds the account; it replaces the month-only index.
CREATE INDEX consumption_month_dollars ON consumption (month, dollars);
DROP INDEX consumption_by_month;

-- An old quarter's scorecard reads the opportunities recorded by its last day: what is open
-- and recorded by then is one range of this index, and the closed ones are filtered on it
-- before their rows are read. It serves everything the closing-day index did, and replaces it.
CREATE INDEX opportunities_closed_created ON opportunities (closed_on, created_on);
DROP INDEX opportunities_closed;
