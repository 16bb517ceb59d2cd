"""Inspection and corrective-action life cycles, as data."""

MODES = ("inspection", "self_assessment")
STATUSES = ("draft", "in_progress", "completed", "signed")
EDITABLE = ("draft", "in_progress")

ACTION_STATUSES = ("open", "in_progress", "resolved", "verified")
ACTION_SEVERITIES = ("low", "medium", "high")
# Which action status may follow which: verifying needs a resolved action, but an inspector
# can reopen a resolution that does not hold up on the follow-up visit.
ACTION_TRANSITIONS = {
    "open": ("in_progress", "resolved"),
    "in_progress": ("open", "resolved"),
    "resolved": ("verified", "in_progress", "open"),
    "verified": ("open",),
}
SIGNER_ROLES = ("inspector", "principal", "panel")
# Who a profile (and a `users` record) is: what each may do is enforced in the services.
USER_ROLES = ("inspector", "principal", "admin")
