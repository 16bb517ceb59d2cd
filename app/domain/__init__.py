"""Pure domain rules: templates, answers, scoring, statuses. No I/O, no Qt."""
