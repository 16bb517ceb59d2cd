"""Realistic demo data, the same logical content for the same seed.

`DemoBuilder` makes every random choice; what it does to an inspection goes through an
*ops* object. `ServiceOps` (demo_ops.py) calls the real services one answer at a time (so
demo data obeys every rule the UI does); `BatchOps` (demo_batch.py) makes the very same rows
in memory and writes them per table with executemany, which is what `generate_demo` uses
for inspections (schools, teachers and users always go through the services). Both run
inside one transaction, with a seeded id factory and a fixed clock anchored at today's date,
and give byte-identical content (tests/app/services/test_demo_batch.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from typing import TYPE_CHECKING

from app.clock import FixedClock
from app.domain.scoring import is_failed
from app.security import roles
from app.services import schools
from app.services.demo_data import (DISTRICTS, GIVEN, INSPECTORS, LEVELS, NOTES, PLACES,
                                    RECTIFIED, SUBJECTS, SURNAMES, action_text, fact_note,
                                    responsible_for)
from app.services.demo_images import photo, signature_points
from app.services.demo_ops import ServiceOps
from app.services.templates import get_template, list_templates

if TYPE_CHECKING:
    from app.workspace import Workspace

STATUS_WEIGHTS = (("draft", 1), ("in_progress", 2), ("completed", 2), ("signed", 5))
# How many days before today a visit in each status took place: drafts and visits in
# progress are recent, signed ones spread over the school year.
VISIT_AGE = {"draft": (0, 10), "in_progress": (0, 21), "completed": (3, 45),
             "signed": (10, 240)}


class DemoBuilder:
    def __init__(self, ws: Workspace, seed: int, ops=None):
        self.ws, self.rng = ws, random.Random(seed)
        self.ops = ops or ServiceOps(ws)
        self.anchor = dt.datetime.combine(dt.date.today(), dt.time(8), dt.timezone.utc)
        self.photos = [photo(i, self.rng) for i in range(4)]
        self.templates: dict = {}
        self._failed: dict[tuple, bool] = {}
        for row in list_templates(ws):  # newest version of each key first
            self.templates.setdefault(row["key"], get_template(ws, row["id"]))

    def add_users(self) -> None:
        for name in INSPECTORS:
            self.ws.store.insert("users", {"name": name, "role": "inspector",
                                           "organisation": "青山区教育督导室",
                                           "created_at": self.ws.store.clock_iso()})

    # -- schools and teachers -----------------------------------------------------------
    def add_schools(self, count: int) -> list[dict]:
        made = []
        for n in range(count):
            district = DISTRICTS[n % len(DISTRICTS)]
            level = LEVELS[self.rng.randrange(len(LEVELS))] if n >= len(LEVELS) else LEVELS[n]
            place = PLACES[n % len(PLACES)]
            number = n // len(PLACES) + 1
            suffix = f"第{number}" if number > 1 else ""
            changes = schools.add_school(
                self.ws, name=f"{district[0]}{place[0]}{suffix}{level[1]}",
                name_en=f"{district[1]} {place[1]} {level[2]}" + (f" No. {number}"
                                                                    if number > 1 else ""),
                code=f"{3301 + n % 3:04d}{n + 1:04d}", district=district[0], level=level[0],
                principal=self.person(), student_count=self.rng.randrange(180, 2400),
                boarding=self.rng.random() < 0.2, address=f"{district[0]}{place[0]}路{n + 8}号")
            school = self.ws.store.get("schools", changes.created)
            self.add_teachers(school)
            made.append(school)
        return made

    def add_teachers(self, school: dict) -> None:
        for _ in range(self.rng.randrange(4, 8)):
            schools.add_teacher(self.ws, school["id"], name=self.person(),
                                subject=self.rng.choice(SUBJECTS),
                                employee_no=f"T{self.rng.randrange(10000, 99999)}")

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)

    # -- inspections ----------------------------------------------------------------------
    def plan(self, school: dict) -> tuple[str, str]:
        """(template key, mode) fitting the school: only templates for its level (a
        kindergarten is inspected with kindergarten checklists)."""
        keys = [k for k, t in self.templates.items() if k != "school_comprehensive_self"
                and t.fits_level(school["level"])]
        key = self.rng.choice(sorted(keys))
        modes = self.templates[key].modes
        mode = "self_assessment" if "self_assessment" in modes and self.rng.random() < 0.25 \
            else modes[0]
        return key, mode

    def inspection(self, school: dict, key: str, mode: str, status: str, *,
                   self_assessment_id: str | None = None,
                   follow_up_of: str | None = None) -> str:
        template = self.templates[key]
        teacher = None
        if template.per_teacher:
            teacher = self.rng.choice(self.ops.teachers(school["id"]))["id"]
        day = self.anchor.date() - dt.timedelta(days=self.rng.randrange(*VISIT_AGE[status]))
        for earlier in (follow_up_of, self_assessment_id):
            if earlier:  # a follow-up or a verification comes after what it looks at
                after = dt.date.fromisoformat(self.ops.visit_date(earlier)) \
                    + dt.timedelta(days=7)
                day = max(day, min(after, self.anchor.date()))
        self.set_day(day)
        who = [school["principal"]] if mode == "self_assessment" else \
            self.rng.sample(INSPECTORS, self.rng.randrange(1, 3))
        inspection_id = self.ops.start(school["id"], template, mode, teacher, day.isoformat(),
                                       who, follow_up_of, self_assessment_id)
        if status != "draft":
            self.fill(inspection_id, template, day, complete=status != "in_progress")
        if status in ("completed", "signed"):
            self.ops.complete(inspection_id)
        if status == "signed":
            self.set_day(day + dt.timedelta(days=self.rng.randrange(0, 4)))
            self.sign(inspection_id, who[0], mode)
        self.ops.done(inspection_id)
        return inspection_id

    def set_day(self, day: dt.date, hour: int = 9) -> None:
        """Move the demo clock to `day` (never past the anchor): what happens on a visit is
        stamped on the visit day, a signature on or after it."""
        when = dt.datetime.combine(day, dt.time(hour), dt.timezone.utc)
        self.ws.store.clock.current = min(when, self.anchor)

    def fill(self, inspection_id: str, template, day: dt.date, complete: bool) -> None:
        quality = self.rng.uniform(0.6, 0.98)
        for item in template.items:
            if not complete and self.rng.random() < 0.5:
                continue
            if not item.required and self.rng.random() < 0.6:
                continue
            value = self.answer(item, quality)
            failed = self.failed(item, value, template.pass_fraction)
            needs = item.fact_needs() if failed else ()
            note = fact_note(item, template.kind) if "note" in needs or (failed and self.rng.random() < 0.5) \
                else self.rng.choice(NOTES) if self.rng.random() < 0.15 else None
            self.ops.answer(inspection_id, item, value, note)
            if item.photo_required or "evidence" in needs or \
                    (item.type == "number" and self.rng.random() < 0.1):
                photo = self.rng.randrange(len(self.photos))
                self.ops.attach(inspection_id, item, self.photos[photo], f"IMG_{photo:04d}.png",
                                item.short_label("zh"))
        self.raise_actions(inspection_id, template, day)

    def failed(self, item, value, pass_fraction: float) -> bool:
        """`is_failed`, judged once per item and answer: a template's items get the same
        few answers again and again (a reading, a float, varies: judged each time)."""
        if type(value) is float:
            return is_failed(item, value, pass_fraction)
        key = (id(item), type(value), value, pass_fraction)   # items live in self.templates
        found = self._failed.get(key)
        if found is None:
            found = self._failed[key] = is_failed(item, value, pass_fraction)
        return found

    def answer(self, item, quality: float):
        # Red lines are crossed rarely in real schools; ordinary shortcomings are common.
        good = self.rng.random() < (max(quality, 0.97) if item.veto else quality)
        if item.type == "yes_no":
            return "na" if item.na_allowed and self.rng.random() < 0.03 else \
                ("yes" if good else "no")
        if item.type == "score" and item.max_score >= 50:  # rater scores, satisfaction rates
            top = item.max_score
            return self.rng.randint(int(top * 0.85), top) if good else \
                self.rng.randint(int(top * 0.55), int(top * 0.84))
        if item.type == "score":
            top = item.max_score
            return self.rng.randint(int(top * 0.75), top) if good else \
                self.rng.randint(0, int(top * 0.6))
        if item.type == "choice" and any("score" in c for c in item.choices):
            ranked = sorted(item.choices, key=lambda c: c.get("score", 0))
            if good:
                return ranked[-1]["key"] if self.rng.random() < 0.85 else ranked[-2]["key"]
            return ranked[0]["key"]
        if item.type in ("rating", "choice"):
            options = item.scale or item.choices
            index = len(options) - 1 - self.rng.randrange(2) if good else self.rng.randrange(2)
            return options[max(0, min(index, len(options) - 1))]["key"]
        if item.type == "number":
            return self.reading(item, good)
        if item.type == "date":
            return (self.anchor.date() - dt.timedelta(days=self.rng.randrange(1, 90))).isoformat()
        return self.rng.choice(NOTES)

    def reading(self, item, good: bool) -> float:
        low, high = item.limits.get("min"), item.limits.get("max")
        if low is not None and high is not None:
            value = self.rng.uniform(low, high) if good else high + self.rng.uniform(1, 4)
        elif low is not None:
            value = low * self.rng.uniform(1.0, 1.5) + 1 if good else low * 0.8
        elif high is not None:
            value = high - self.rng.uniform(1, 6) if good else high + self.rng.uniform(2, 5)
        else:
            value = self.rng.uniform(0, 100)
        return round(value, 1)

    def raise_actions(self, inspection_id: str, template, day: dt.date) -> None:
        """Corrective actions on failed items that can be corrected (not on rater scores),
        each worded for its own item, due 2–8 weeks after the visit."""
        result = self.ops.evaluate(inspection_id)
        rater_items = {r["item"] for r in template.raters}
        needed = [k for k, need in result.missing_facts if need == "action"]
        # Only items a school can correct: not rater scores, not counts that weigh nothing.
        correctable = [k for k in result.failed if k not in needed and k not in rater_items
                       and (template.item(k).veto or template.item(k).weight > 0)
                       and not template.per_teacher]  # a teacher's breach is sanctioned
        chosen = needed + correctable[:max(0, 3 - len(needed))]
        for key in chosen:
            item = template.item(key)
            due = day + dt.timedelta(days=self.rng.choice((14, 30, 60)))
            self.ops.raise_action(inspection_id, key,
                                  description=action_text(item, self.rng),
                                  severity="high" if item.veto else
                                  self.rng.choice(("low", "medium", "medium")),
                                  responsible=responsible_for(template.kind, self.rng),
                                  due_date=due.isoformat())

    def sign(self, inspection_id: str, signer: str, mode: str) -> None:
        role = "principal" if mode == "self_assessment" else "inspector"
        self.ops.sign_off(inspection_id, signer, role, signature_points(self.rng))
        today = self.anchor.date()
        for action in self.ops.open_actions(inspection_id):
            if action["status"] != "pending":
                continue
            due = dt.date.fromisoformat(action["due_date"])
            # Past its due date most actions are done; a few are overdue, as in a real ledger.
            done, started = (0.8, 0.1) if due < today else (0.25, 0.35)
            roll = self.rng.random()
            signed_on = self.ws.store.clock.current.date()
            if roll < done + started:
                span = max(1, (min(due, today) - signed_on).days)
                self.set_day(signed_on + dt.timedelta(days=self.rng.randrange(1, span + 1)))
                if roll >= done:
                    self.ops.move(action["id"], "in_progress", "已制定整改方案，正在落实。")
                else:
                    self.ops.move(action["id"], "reported", self.rng.choice(RECTIFIED))
                    if due < today:  # checked on a later visit: most closed, some sent back
                        self.set_day(min(today, self.ws.store.clock.current.date()
                                         + dt.timedelta(days=self.rng.randrange(3, 15))))
                        check = self.rng.random()
                        if check < 0.7:
                            self.ops.move(action["id"], "verified", "复查核实整改到位，予以销号。")
                        elif check < 0.8:
                            self.ops.move(action["id"], "not_rectified",
                                          "复查发现整改不到位，退回学校继续整改。")
            self.set_day(signed_on)


def generate_demo(ws: Workspace, *, schools: int = 12, inspections: int = 60,
                  seed: int = 1, batched: bool = True) -> dict:
    """Add `schools` schools and exactly `inspections` inspections of every template.
    `batched=False` makes the inspections through the services one call at a time (the
    reference the batched path is tested against; same content, much slower)."""
    builder = DemoBuilder(ws, seed)
    store = ws.store
    saved = store.clock, store.id_factory
    store.clock = FixedClock(builder.anchor - dt.timedelta(days=300))
    store.id_factory = lambda: seeded_id(builder.rng)
    try:
        # The bulk settings are made before the transaction begins: SQLite decides where
        # its statement journals go (memory or a temporary file) when a transaction starts.
        with store.bulk_cache() if batched else contextlib.nullcontext(), store.atomic(), \
                roles.training(ws):
            builder.add_users()
            made = builder.add_schools(schools)
            if batched:
                from app.services.demo_batch import BatchOps
                builder.ops = BatchOps(ws, builder.templates)
            _add_inspections(builder, made, inspections)
            builder.ops.finish()
            if not batched:   # the batched path stores each visit's score as it goes
                store.refresh_scores()
    finally:
        store.clock, store.id_factory = saved
        builder.ops.close()
    return {"schools": schools, "inspections": inspections, "seed": seed}


def seeded_id(rng: random.Random) -> str:
    """str(uuid.UUID(int=rng.getrandbits(128), version=4)), without the UUID object (a
    record id for every demo row): the same variant and version bits, the same text."""
    n = rng.getrandbits(128)
    n = (n & ~(0xc000 << 48) | 0x8000 << 48) & ~(0xf000 << 64) | 4 << 76
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _add_inspections(builder: DemoBuilder, made: list[dict], total: int) -> None:
    statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
    count = 0
    while count < total:
        school = made[count % len(made)] if count < len(made) else builder.rng.choice(made)
        if total - count >= 2 and builder.rng.random() < 0.12 and \
                "school_comprehensive_self" in builder.templates and \
                builder.templates["school_comprehensive_self"].fits_level(school["level"]):
            own = builder.inspection(school, "school_comprehensive_self", "self_assessment",
                                     "signed")
            builder.inspection(school, "school_comprehensive", "inspection",
                               builder.rng.choice(statuses), self_assessment_id=own)
            count += 2
            continue
        key, mode = builder.plan(school)
        earlier = builder.ops.earlier_with_open_actions(school["id"], key)
        builder.inspection(school, key, mode, builder.rng.choice(statuses),
                           follow_up_of=earlier if builder.rng.random() < 0.5 else None)
        count += 1
