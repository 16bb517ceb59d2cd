"""Inspection and corrective-action life cycles, as data."""

MODES = ("inspection", "self_assessment")
STATUSES = ("draft", "in_progress", "completed", "signed")
EDITABLE = ("draft", "in_progress")

# The corrective-action (整改) life cycle: 待整改 → 整改中 → 已报告整改 (the school reports, with a
# note and evidence) → 已核查销号 (closed) or 未整改到位 (back to the school). The rules that read
# these (open / overdue / closed, who may move an action where) live in app/domain/actions.py.
ACTION_STATUSES = ("pending", "in_progress", "reported", "verified", "not_rectified")
ACTION_SEVERITIES = ("low", "medium", "high")
# Statuses written by versions before the life cycle (databases migrate; old bundles are
# mapped on import): open → pending, resolved → reported; in_progress and verified stay.
LEGACY_ACTION_STATUSES = {"open": "pending", "resolved": "reported"}
# Which action status may follow which. 已核查销号 is final: a closed item stays closed (a
# problem found again is a new finding). The school may report again after 未整改到位; the
# inspector may verify on the spot in a 回头看 whatever the school has reported.
ACTION_TRANSITIONS = {
    "pending": ("in_progress", "reported", "verified", "not_rectified"),
    "in_progress": ("reported", "verified", "not_rectified"),
    "reported": ("verified", "not_rectified", "in_progress"),
    "not_rectified": ("in_progress", "reported", "verified", "not_rectified"),
    "verified": (),
}
SIGNER_ROLES = ("inspector", "principal", "panel")
# Who a profile (and a `users` record) is: what each may do is enforced in the services.
USER_ROLES = ("inspector", "principal", "admin")
