DROP TABLE legal_steps;
