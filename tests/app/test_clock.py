"""Revs stay ordered when a laptop's clock jumps backwards or two devices disagree."""

from datetime import datetime, timedelta, timezone

from hypothesis import given, strategies as st

from app.clock import HybridLogicalClock, Timestamp, iso


class SteppedClock:
    """A wall clock driven by the test."""

    def __init__(self, ms: int):
        self.value = ms

    def __call__(self) -> int:
        return self.value


def test_revs_increase_when_the_wall_clock_jumps_backwards():
    wall = SteppedClock(1_800_000_000_000)
    clock = HybridLogicalClock("dev-a", wall)
    first = clock.tick()
    wall.value -= 3_600_000  # the laptop's clock is set back an hour
    second, third = clock.tick(), clock.tick()
    assert first < second < third


def test_a_device_with_a_slow_clock_orders_after_what_it_has_seen():
    fast = HybridLogicalClock("office", SteppedClock(1_800_000_000_000 + 23 * 3_600_000))
    slow = HybridLogicalClock("laptop", SteppedClock(1_800_000_000_000))
    office_rev = fast.tick()
    slow.observe(office_rev)
    assert slow.tick() > office_rev


def test_a_rev_beyond_the_horizon_is_never_adopted():
    wall = SteppedClock(1_800_000_000_000)
    clock = HybridLogicalClock("laptop", wall)
    clock.observe("2534022143990.00000.evil")          # year 9999
    clock.observe(str(Timestamp(wall.value + 25 * 3_600_000, 0, "evil")))
    assert Timestamp.parse(clock.tick()).ms == wall.value


def test_a_poisoned_saved_clock_is_not_picked_up_again():
    wall = SteppedClock(1_800_000_000_000)
    clock = HybridLogicalClock("laptop", wall, last="2534022143990.00000.laptop")
    assert Timestamp.parse(clock.tick()).ms == wall.value


def test_only_one_rev_shape_parses():
    for text in ("99999.00000.dev", "1800000000000.0.dev", " 1800000000000.00000.dev",
                 "1800000000000.00000.", "+800000000000.00000.dev",
                 "1800000000000.00000.dev\n", "1800000000000.00000.a.b", None, 5):
        try:
            Timestamp.parse(text)
        except ValueError:
            continue
        raise AssertionError(f"{text!r} parsed")


def test_the_last_rev_survives_a_restart():
    wall = SteppedClock(1_800_000_000_000)
    before = HybridLogicalClock("dev", wall)
    last = before.tick()
    wall.value -= 10_000
    after = HybridLogicalClock("dev", wall, last=last)
    assert after.tick() > last


def test_rev_text_round_trips():
    stamp = Timestamp(1_800_000_000_123, 42, "dev-a")
    assert Timestamp.parse(str(stamp)) == stamp


@given(st.lists(st.integers(min_value=-10_000, max_value=10_000), min_size=1, max_size=60))
def test_revs_are_strictly_increasing_whatever_the_wall_clock_does(jumps):
    wall = SteppedClock(1_800_000_000_000)
    clock = HybridLogicalClock("dev", wall)
    revs = []
    for jump in jumps:
        wall.value += jump
        revs.append(clock.tick())
    assert revs == sorted(revs) and len(set(revs)) == len(revs)


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 5_000)), min_size=1, max_size=40))
def test_two_devices_exchanging_revs_never_go_backwards(steps):
    # b runs 20 h behind a: within the horizon, so b adopts a's revs (tested beyond it above)
    walls = [SteppedClock(1_800_000_000_000), SteppedClock(1_800_000_000_000 - 72_000_000)]
    clocks = [HybridLogicalClock("a", walls[0]), HybridLogicalClock("b", walls[1])]
    latest = ""
    for use_b, advance in steps:
        walls[use_b].value += advance
        clocks[use_b].observe(latest) if latest else None
        rev = clocks[use_b].tick()
        assert rev > latest
        latest = rev


@given(st.datetimes(timezones=st.sampled_from([
    timezone.utc, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))])))
def test_a_stored_time_is_the_utc_instant_to_the_second(moment):
    """The one stored format, whatever the zone, microseconds or year of the instant."""
    utc = moment.astimezone(timezone.utc)
    assert iso(moment) == utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    if utc.year >= 1000:
        assert datetime.strptime(iso(moment), "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=timezone.utc) == utc.replace(microsecond=0)
