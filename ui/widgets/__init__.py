"""Small shared widgets and translated labels for codes (statuses, levels, severities)."""
