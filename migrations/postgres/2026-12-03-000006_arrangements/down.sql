ALTER TABLE organisations DROP COLUMN plan_grace_days;
DROP TABLE payment_plan_instalments;
DROP TABLE payment_plans;
DROP TABLE promises;
