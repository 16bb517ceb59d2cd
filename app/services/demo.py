"""Realistic demo data, the same logical content for the same seed.

Runs through the real services (so demo data obeys every rule the UI does) inside one
transaction, with a seeded id factory and a fixed clock anchored at today's date.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import uuid
from typing import TYPE_CHECKING

from app.clock import FixedClock
from app.services import actions, answers, evidence, inspections, reads, schools, signoff
from app.services.demo_data import (ACTIONS, DISTRICTS, GIVEN, INSPECTORS, LEVELS, NOTES,
                                    PLACES, RECTIFIED, RESPONSIBLE, SUBJECTS, SURNAMES)
from app.services.templates import get_template, list_templates

if TYPE_CHECKING:
    from app.workspace import Workspace

STATUS_WEIGHTS = (("draft", 1), ("in_progress", 2), ("completed", 2), ("signed", 5))


class DemoBuilder:
    def __init__(self, ws: Workspace, seed: int):
        self.ws, self.rng = ws, random.Random(seed)
        self.anchor = dt.datetime.combine(dt.date.today(), dt.time(8), dt.timezone.utc)
        self.photos = [_photo(i, self.rng) for i in range(4)]
        self.templates = {t["key"]: get_template(ws, t["id"]) for t in list_templates(ws)}

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
        """(template key, mode) fitting the school."""
        keys = [k for k in self.templates if k != "school_comprehensive_self"]
        if school["level"] != "kindergarten":
            keys = [k for k in keys if self.templates[k].kind != "kindergarten"]
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
            teacher = self.rng.choice(schools.list_teachers(self.ws, school["id"]))["id"]
        day = self.anchor.date() - dt.timedelta(days=self.rng.randrange(0, 240))
        who = [school["principal"]] if mode == "self_assessment" else \
            self.rng.sample(INSPECTORS, self.rng.randrange(1, 3))
        inspection_id = inspections.start_inspection(
            self.ws, school_id=school["id"], template=template.id, mode=mode,
            teacher_id=teacher, visit_date=day.isoformat(), inspectors=who,
            follow_up_of=follow_up_of, self_assessment_id=self_assessment_id).created
        if status != "draft":
            self.fill(inspection_id, template, day, complete=status != "in_progress")
        if status in ("completed", "signed"):
            inspections.complete_inspection(self.ws, inspection_id)
        if status == "signed":
            self.sign(inspection_id, who[0], mode)
        return inspection_id

    def fill(self, inspection_id: str, template, day: dt.date, complete: bool) -> None:
        quality = self.rng.uniform(0.6, 0.98)
        for item in template.items:
            if not complete and self.rng.random() < 0.5:
                continue
            if not item.required and self.rng.random() < 0.6:
                continue
            value = self.answer(item, quality)
            note = self.rng.choice(NOTES) if self.rng.random() < 0.15 else None
            answers.answer_item(self.ws, inspection_id, item.key, value,
                                note=note if note else answers._UNSET)
            if item.photo_required or (item.type == "number" and self.rng.random() < 0.1):
                photo = self.rng.randrange(len(self.photos))
                evidence.attach_file(self.ws, inspection_id, item.key,
                                     data=self.photos[photo], filename=f"IMG_{photo:04d}.png",
                                     caption=item.text["zh"][:30])
        self.raise_actions(inspection_id, template, day)

    def answer(self, item, quality: float):
        good = self.rng.random() < quality
        if item.type == "yes_no":
            return "na" if self.rng.random() < 0.03 else ("yes" if good else "no")
        if item.type == "score":
            top = item.max_score
            return self.rng.randint(int(top * 0.75), top) if good else \
                self.rng.randint(0, int(top * 0.6))
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
        result = reads.evaluate(self.ws, inspection_id)
        for key in result.failed[:3]:
            text = self.rng.choice(ACTIONS)
            due = day + dt.timedelta(days=self.rng.choice((14, 30, 60)))
            actions.raise_action(self.ws, inspection_id, item_key=key,
                                 description=f"{text[0]}（{text[1]}）",
                                 severity=self.rng.choice(("low", "medium", "high")),
                                 responsible=self.rng.choice(RESPONSIBLE),
                                 due_date=due.isoformat())

    def sign(self, inspection_id: str, signer: str, mode: str) -> None:
        role = "principal" if mode == "self_assessment" else "inspector"
        signoff.sign_off(self.ws, inspection_id, signer=signer, role=role,
                         image_png=_signature(self.rng))
        for action in actions.open_actions_of(self.ws, inspection_id):
            if action["status"] != "pending":
                continue
            roll = self.rng.random()
            if roll < 0.3:
                actions.rectify(self.ws, action["id"], note=self.rng.choice(RECTIFIED))
            elif roll < 0.45:
                actions.move_action(self.ws, action["id"], "in_progress")


def generate_demo(ws: Workspace, *, schools: int = 12, inspections: int = 60,
                  seed: int = 1) -> dict:
    """Add `schools` schools and exactly `inspections` inspections of every template."""
    builder = DemoBuilder(ws, seed)
    store = ws.store
    saved = store.clock, store.id_factory
    store.clock = FixedClock(builder.anchor - dt.timedelta(days=300))
    store.id_factory = lambda: str(uuid.UUID(int=builder.rng.getrandbits(128), version=4))
    try:
        with store.atomic():
            builder.add_users()
            made = builder.add_schools(schools)
            _add_inspections(builder, made, inspections)
    finally:
        store.clock, store.id_factory = saved
    return {"schools": schools, "inspections": inspections, "seed": seed}


def _add_inspections(builder: DemoBuilder, made: list[dict], total: int) -> None:
    statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
    count = 0
    while count < total:
        school = made[count % len(made)] if count < len(made) else builder.rng.choice(made)
        if total - count >= 2 and builder.rng.random() < 0.12 and \
                "school_comprehensive_self" in builder.templates:
            own = builder.inspection(school, "school_comprehensive_self", "self_assessment",
                                     "signed")
            builder.inspection(school, "school_comprehensive", "inspection",
                               builder.rng.choice(statuses), self_assessment_id=own)
            count += 2
            continue
        key, mode = builder.plan(school)
        earlier = _earlier_with_open_actions(builder, school["id"], key)
        builder.inspection(school, key, mode, builder.rng.choice(statuses),
                           follow_up_of=earlier if builder.rng.random() < 0.5 else None)
        count += 1


def _earlier_with_open_actions(builder: DemoBuilder, school_id: str, key: str) -> str | None:
    rows = builder.ws.store.query(
        "select i.id from inspections i where i.school_id = ? and i.template_key = ? and "
        "i.status = 'signed' and exists (select 1 from actions a where a.inspection_id = i.id "
        "and a.deleted = 0) order by i.id", [school_id, key])
    return next((r["id"] for r in rows if actions.open_actions_of(builder.ws, r["id"])), None)


def _photo(index: int, rng: random.Random) -> bytes:
    """A small generated 'photo' (coloured scene with a date stamp), PNG bytes."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (640, 480), (200 - index * 30, 215, 190 + index * 15))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(0, 560), rng.randrange(0, 400)
        draw.rectangle((x, y, x + rng.randrange(30, 120), y + rng.randrange(30, 90)),
                       fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw.text((16, 450), f"EVIDENCE #{index + 1}", fill=(0, 0, 0))
    return _png(image)


def _signature(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw
    image = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(20 + i * 20, 60 + rng.randrange(-35, 35)) for i in range(17)]
    draw.line(points, fill=(20, 30, 90, 255), width=3, joint="curve")
    return _png(image)


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
