-- Buyer types, sensitive messages and routing to a substitute (issue 3).
-- Added columns only: every existing row keeps its meaning (no attributes given, not sensitive,
-- never routed), so a desk migrated from 0001 reads exactly as before.

-- The four buyer attributes of the B2B study (DESIGN.md), each optional: NULL when the caller did not say.
ALTER TABLE messages ADD COLUMN decision TEXT
    CHECK (decision IS NULL OR decision IN ('self', 'discretion', 'proposes'));
ALTER TABLE messages ADD COLUMN proceed TEXT
    CHECK (proceed IS NULL OR proceed IN ('messages', 'meeting'));
ALTER TABLE messages ADD COLUMN order_timing TEXT
    CHECK (order_timing IS NULL OR order_timing IN ('within_3_months', 'within_6_months', 'later'));
ALTER TABLE messages ADD COLUMN other_vendors TEXT
    CHECK (other_vendors IS NULL OR other_vendors IN ('many', 'some', 'none'));
-- Marked by the operator or by a configured keyword; lists then show that it exists, not its words.
ALTER TABLE messages ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1));

-- The buyer type read from the latest attributes of the callback's messages.
ALTER TABLE callbacks ADD COLUMN buyer_type TEXT NOT NULL DEFAULT 'unknown'
    CHECK (buyer_type IN ('type1', 'type2', 'unknown'));
-- True when any of its messages is sensitive.
ALTER TABLE callbacks ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1));
-- The owner the callback was taken for, while it sits with their substitute; NULL otherwise.
ALTER TABLE callbacks ADD COLUMN routed_from_id INTEGER REFERENCES staff(id)
    CHECK (routed_from_id IS NULL OR routed_from_id <> owner_id);

-- A repeat call for the owner joins the callback routed from them: looked up by caller and routed-from owner.
CREATE INDEX callbacks_live_by_routed_from ON callbacks(caller_id, routed_from_id)
    WHERE state IN ('open', 'acknowledged') AND routed_from_id IS NOT NULL;
