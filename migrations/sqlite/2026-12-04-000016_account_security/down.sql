DROP TABLE password_resets;
DROP TABLE login_throttle;
