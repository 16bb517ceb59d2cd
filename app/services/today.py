"""The one "today": the injectable clock's instant, read as a calendar day in the district's
time zone (a local setting, default Asia/Shanghai). Every due-date rule asks here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.clock import DEFAULT_TIMEZONE, local_date, zone
from app.errors import ValidationError

if TYPE_CHECKING:
    from app.workspace import Workspace

TIMEZONE_SETTING = "district_timezone"


def district_timezone(ws: Workspace) -> str:
    name = ws.store.setting(TIMEZONE_SETTING, DEFAULT_TIMEZONE) or DEFAULT_TIMEZONE
    try:
        zone(name)
    except ValueError:
        return DEFAULT_TIMEZONE     # a setting broken by hand must not stop every page
    return name


def set_district_timezone(ws: Workspace, name: str) -> str:
    try:
        zone(name)
    except ValueError as exc:
        raise ValidationError(f"time zone: {exc}") from None
    with ws.store.atomic():
        ws.store.set_setting(TIMEZONE_SETTING, name)
    return name


def today(ws: Workspace) -> str:
    """Today's date (YYYY-MM-DD) in the district, from the workspace's clock."""
    return local_date(ws.store.clock.now(), district_timezone(ws)).isoformat()
