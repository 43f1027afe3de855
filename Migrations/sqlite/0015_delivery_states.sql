-- Delivery states of the outbox (issue 16): a notification goes pending → sending → delivered, or to
-- failed-temporary (tried again from next_attempt_at, with a backoff) or failed-permanent (kept, never tried
-- again by itself). Every change of state is an event on the notification's callback.
--
-- 'sending' is set, under the notifier's lock, just before a gateway gets the notification. Only the lock's
-- holder sends, so a notifier that finds a row still 'sending' knows the desk that set it died mid-run: it
-- treats the row as pending (delivery is at least once; the idempotency key lets the far end drop the repeat).
--
-- Columns are added, not the table rebuilt: the rows, their ids and the triggers stay as they were. A row
-- delivered before this migration is 'delivered'; every other one is 'pending', whatever its failures were
-- (this desk did not tell a temporary failure from a permanent one), and is due at once.

-- (An OR chain, not an IN list: see 0004, an IN list in a CHECK costs every insert an ephemeral table.)
ALTER TABLE notifications ADD COLUMN state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state = 'pending' OR state = 'sending' OR state = 'delivered' OR state = 'failed-temporary'
           OR state = 'failed-permanent');
-- Set only while failed-temporary: the earliest time the notifier tries again.
ALTER TABLE notifications ADD COLUMN next_attempt_at TEXT CHECK (next_attempt_at GLOB '[0-9][0-9][0-9][0-9]-*Z');

UPDATE notifications SET state = 'delivered' WHERE delivered_at IS NOT NULL;

-- The state and the delivery time say the same thing; a write that lets them disagree is refused.
CREATE TRIGGER notifications_state_agrees BEFORE UPDATE OF state, delivered_at, next_attempt_at ON notifications
WHEN (NEW.state = 'delivered') <> (NEW.delivered_at IS NOT NULL)
  OR (NEW.state = 'failed-temporary') <> (NEW.next_attempt_at IS NOT NULL)
  OR OLD.state = 'delivered'
BEGIN SELECT RAISE(ABORT, 'a notification''s state disagrees with its delivery, or it was delivered already'); END;
