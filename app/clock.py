"""Time for the app: a wall clock that can be replaced, and a hybrid logical clock for revs.

A rev is `"<13-digit ms>.<5-digit counter>.<device id>"` and nothing else (REV_RE; the device
id is 1–64 letters, digits, `-` or `_`). Fixed widths make string order equal to causal order,
so revs sort right even when laptop clocks disagree or jump backwards, and the one comparison
used everywhere (text order, also in SQL) is the HLC order: the clock never goes below the
highest rev it has made or seen (Kulkarni et al., HLC, 2014) — except a rev beyond the horizon
ahead of the wall clock, which it never adopts (one bad clock must not drag every later edit,
on every device, into the future).
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Callable

MAX_COUNTER = 99_999
REV_RE = re.compile(r"^([0-9]{13})\.([0-9]{5})\.([A-Za-z0-9_-]{1,64})$")
HORIZON_MS = 24 * 3_600_000
_TWO = tuple(f"{n:02d}" for n in range(60))   # hours, minutes, seconds as stored
# "Today" for due dates is the district's calendar day, not UTC's: between 00:00 and 08:00 in
# China the UTC date is still yesterday.
DEFAULT_TIMEZONE = "Asia/Shanghai"
# Where the system has no time-zone database (a bare Windows install), the fixed offsets of
# zones without summer time still give the right day.
FIXED_ZONES = {"Asia/Shanghai": 8, "Asia/Urumqi": 6, "Asia/Hong_Kong": 8, "Asia/Taipei": 8,
               "UTC": 0}


class WallClock:
    """The real time. Tests and the demo generator pass a `FixedClock` instead."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def now_iso(self) -> str:
        """`iso(self.now())`: the stamp every write stores (`Store.clock_iso`)."""
        return iso(self.now())

    def ms(self) -> int:
        return int(time.time() * 1000)


class FixedClock(WallClock):
    """A clock that only moves when told to (deterministic demo data, tests)."""

    def __init__(self, start: datetime, step: timedelta = timedelta(seconds=1)):
        self.current = start
        self.step = step
        self._days: dict[date, str] = {}     # "YYYY-MM-DDT" of each day read (now_iso)

    def now(self) -> datetime:
        self.current += self.step
        return self.current

    def ms(self) -> int:
        return int(self.current.timestamp() * 1000)

    def now_iso(self) -> str:
        """`iso(self.now())` without formatting a datetime: the demo stamps about a hundred
        readings per visit, and isoformat of an aware datetime (through libc's printf) was
        the largest single cost of a reading. The day's text is made once per day, the
        time of day from two-digit strings; other zones and years keep `iso`."""
        current = self.now()
        if current.tzinfo is not timezone.utc or current.year < 1000:
            return iso(current)
        day = current.date()
        prefix = self._days.get(day)
        if prefix is None:
            prefix = self._days[day] = day.isoformat() + "T"
        return f"{prefix}{_TWO[current.hour]}:{_TWO[current.minute]}:{_TWO[current.second]}Z"


def zone(name: str) -> tzinfo:
    """The time zone called `name`; ValueError when there is none by that name."""
    # Imported here: it reads the time-zone search path (sysconfig) when loaded, and
    # nothing before the window's first paint asks for a zone.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        if name in FIXED_ZONES:
            return timezone(timedelta(hours=FIXED_ZONES[name]), name)
        raise ValueError(f"unknown time zone {name!r:.60}; use a name like Asia/Shanghai.") \
            from None


def local_date(now: datetime, zone_name: str = DEFAULT_TIMEZONE) -> date:
    """The calendar day at instant `now` in the named zone."""
    return now.astimezone(zone(zone_name)).date()


def iso(dt: datetime) -> str:
    """ISO 8601 UTC with seconds, the one timestamp format stored."""
    # isoformat's first 19 characters (C, whatever the microseconds and the offset it
    # appends): strftime and a formatted string are slower, and every write stamps a time.
    t = dt if dt.tzinfo is timezone.utc else dt.astimezone(timezone.utc)
    if t.year < 1000:   # strftime's own rendering of such years (no zero padding here)
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.isoformat()[:19] + "Z"


@dataclass(frozen=True, order=True)
class Timestamp:
    """One HLC reading: physical milliseconds, logical counter, device."""

    ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.ms:013d}.{self.counter:05d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> "Timestamp":
        """The one accepted shape; anything else (other widths, signs, spaces) is refused."""
        match = REV_RE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"not a rev: {text!r:.80}")
        return cls(int(match.group(1)), int(match.group(2)), match.group(3))


class HybridLogicalClock:
    """Issues revs for one device; `observe` folds in revs received from others."""

    def __init__(self, device_id: str, physical_ms: Callable[[], int],
                 last: str | None = None, horizon_ms: int = HORIZON_MS):
        self.device_id = device_id
        self._physical_ms = physical_ms
        self.horizon_ms = horizon_ms
        self._ms, self._counter = 0, 0
        self._lock = threading.Lock()
        if last:
            self.observe(last)

    def tick(self) -> str:
        """A new rev, greater than every rev made or observed before."""
        with self._lock:
            wall = self._physical_ms()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            else:
                self._advance_counter()
            # Timestamp's text, formatted here: a frozen dataclass per write costs more.
            return f"{self._ms:013d}.{self._counter:05d}.{self.device_id}"

    def observe(self, rev: str) -> None:
        """Move past a rev seen in imported data, so our next rev orders after it. A rev
        malformed or beyond the horizon is never adopted (the importer refuses such bundles;
        this also keeps a poisoned saved clock from being picked up again)."""
        try:
            seen = Timestamp.parse(rev)
        except ValueError:
            return
        if seen.ms > self._physical_ms() + self.horizon_ms:
            return
        with self._lock:
            if (seen.ms, seen.counter) > (self._ms, self._counter):
                self._ms, self._counter = seen.ms, seen.counter

    @property
    def last(self) -> str:
        return str(Timestamp(self._ms, self._counter, self.device_id))

    def _advance_counter(self) -> None:
        # A counter overflow borrows a millisecond from the future rather than wrapping,
        # which would break the order.
        if self._counter >= MAX_COUNTER:
            self._ms, self._counter = self._ms + 1, 0
        else:
            self._counter += 1
