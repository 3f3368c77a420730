-- 0007: which calendar brought an imported time entry (`vendor|name`, from the file's PRODID
-- and X-WR-CALNAME), so importing a second calendar never removes the first one's entries.
-- NULL for entries imported before calendars were told apart: the next import of the
-- calendar holding them claims them. Shipped: never edit, append a new file instead.

ALTER TABLE time_entries ADD COLUMN calendar TEXT;
