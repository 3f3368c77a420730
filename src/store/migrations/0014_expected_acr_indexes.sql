-- 0014: covering indexes for the Business screen's expected-ACR chart (issue 12). No data
-- moves. Append-only: once shipped, never edit this file; add a new one.

-- Every milestone due before the chart's last month, with what the chart sums: a range of this
-- index alone, instead of the due-day index and a lookup of each row. It serves everything the
-- due-day index did, and replaces it.
CREATE INDEX milestones_due_expected ON milestones (due_on, state, expected_acr, opportunity_id);
DROP INDEX milestones_due;

-- Which account each win that is not lost belongs to, from the index alone. It serves
-- everything the account index did, and replaces it.
CREATE INDEX opportunities_account_status ON opportunities (account_id, status);
DROP INDEX opportunities_account;
