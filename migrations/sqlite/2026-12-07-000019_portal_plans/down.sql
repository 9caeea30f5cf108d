DROP TABLE already_paid_claims;
DROP TABLE payment_plan_requests;
DROP TABLE plan_limits;
