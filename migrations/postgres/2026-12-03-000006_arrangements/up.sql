-- What a debtor agreed to pay: promises (one amount by one date) and payment plans (a schedule
-- of instalments adding up to an agreed total). Both are judged against the payments received
-- since they were made (recorded after them: what was already paid is in the amount agreed);
-- their status changes once, from open/active, and is never deleted.
CREATE TABLE promises (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- Positive, in minor units of the case currency.
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    due_date DATE NOT NULL,
    -- open, kept or broken.
    status TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL,
    -- Payments recorded from then and value-dated by due_date count towards it.
    created_at TIMESTAMP NOT NULL,
    -- When it was found kept or broken.
    settled_at TIMESTAMP
);
CREATE INDEX promises_case_id ON promises (case_id, id);
CREATE INDEX promises_organisation_id ON promises (organisation_id, id);
CREATE INDEX promises_status_due_date ON promises (status, due_date);

CREATE TABLE payment_plans (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- The agreed total, positive, in minor units; the instalments add up to it exactly.
    total_minor BIGINT NOT NULL CHECK (total_minor > 0),
    currency TEXT NOT NULL,
    -- weekly, monthly or quarterly; NULL when the instalments were given one by one.
    frequency TEXT,
    -- Days after an instalment's due date before a shortfall defaults the plan.
    grace_days INTEGER NOT NULL CHECK (grace_days >= 0),
    -- active, completed, defaulted or cancelled.
    status TEXT NOT NULL,
    -- The first day an active plan can have defaulted: the day after the grace period of the
    -- first instalment not yet covered. The scheduler looks at plans due for review only.
    review_on DATE,
    -- The instalment whose shortfall defaulted the plan.
    defaulted_instalment INTEGER,
    -- Why it was cancelled.
    cancel_reason TEXT,
    recorded_by TEXT NOT NULL,
    -- Payments recorded from then count towards the instalments.
    created_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP
);
CREATE INDEX payment_plans_case_id ON payment_plans (case_id, id);
CREATE INDEX payment_plans_organisation_id ON payment_plans (organisation_id, id);
CREATE INDEX payment_plans_status_review_on ON payment_plans (status, review_on);

CREATE TABLE payment_plan_instalments (
    plan_id TEXT NOT NULL REFERENCES payment_plans (id),
    -- 1 for the first.
    number INTEGER NOT NULL,
    due_date DATE NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (plan_id, number)
);

-- A creditor's grace period for missed instalments, the default of its plans.
ALTER TABLE organisations ADD COLUMN plan_grace_days INTEGER NOT NULL DEFAULT 7;
