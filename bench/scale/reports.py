"""Reports: an inspection of 200 items with 30 camera photos (4000×3000, stored downscaled
when attached), rendered to PDF by the app, against reportlab alone laying out the same
texts and the same stored photos (A4, the bundled CJK font, two photos a row)."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from common import Row

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
ITEMS, PHOTOS = 200, 30


def camera_jpeg(seed: int) -> bytes:
    """A 4000×3000 JPEG as heavy as a phone camera's (about 3.5 MB: fine-grained noise
    over gradients), every other one rotated by its EXIF orientation."""
    from PIL import Image
    base = Image.linear_gradient("L").resize((4000, 3000))
    noise = Image.effect_noise((4000, 3000), 10 + seed % 3)
    image = Image.merge("RGB", (Image.blend(base, noise, 0.5), noise,
                                base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 2 else 1
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88, exif=exif.tobytes())
    return buffer.getvalue()


def _inspection(ws):
    from bench_reports import template_body
    from app.services import evidence, inspections
    from app.services.answers import answer_item, set_note
    from app.services.schools import add_school
    from app.services.templates import store_template_body
    with ws.store.atomic():
        template_id = store_template_body(ws, template_body(ITEMS, True)).created
    ws.set_identity(name="张督学", role="inspector")
    school = add_school(ws, name="青山区育才小学", district="青山区", level="primary").created
    inspection = inspections.start_inspection(ws, school_id=school, template=template_id).created
    keys = [item.key for item in inspections.get_template(ws, template_id).items]
    for index, key in enumerate(keys):
        answer_item(ws, inspection, key, "no" if index % 6 == 0 else "yes")
        if index % 10 == 3:
            set_note(ws, inspection, key, "冷藏柜温度记录缺两天，已要求补记。" * 3)
    for n in range(PHOTOS):
        evidence.attach_file(ws, inspection, keys[(n * 7) % len(keys)], data=camera_jpeg(n),
                             filename=f"IMG_{n}.jpg", caption=f"现场照片 {n + 1}")
    return inspection, keys


def _baseline(ws, inspection: str, keys: list[str]) -> bytes:
    """reportlab alone: the same item texts and notes as paragraphs, the stored photos."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table
    from app.reports.fonts import FONT, register_fonts
    from app.services.templates import get_template
    register_fonts()
    style = ParagraphStyle("b", fontName=FONT, fontSize=9.5, leading=14)
    template = get_template(ws, ws.store.get("inspections", inspection)["template_id"])
    notes = {r["item_key"]: r["note"] for r in ws.store.query(
        "select item_key, note from responses where inspection_id = ?", [inspection])}
    story = []
    for item in template.items:
        story.append(Paragraph(f"{item.text['zh']} — {item.source['zh'] if item.source else ''}",
                               style))
        if notes.get(item.key):
            story.append(Paragraph(notes[item.key], style))
    images = [Image(io.BytesIO(ws.store.blob(r["sha256"])), width=80 * mm, height=60 * mm)
              for r in ws.store.query("select sha256 from attachments where inspection_id = ?",
                                      [inspection])]
    story.append(Table([images[i:i + 2] for i in range(0, len(images), 2)]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def measure(home: Path) -> list[Row]:
    from app.reports.render import build_report
    from app.workspace import Workspace
    ws = Workspace.open(home)
    # The 200-item template is imported by an administrator (the role table's rule), the
    # visit made and reported by an inspector.
    ws.set_identity(name="管理员", role="admin")
    inspection, keys = _inspection(ws)
    build_report(ws, inspection, "zh")  # warm: fonts registered, template parsed
    _baseline(ws, inspection, keys)
    app_times, base_times, size = [], [], 0
    for _ in range(3):
        start = time.perf_counter()
        size = len(build_report(ws, inspection, "zh"))
        app_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        _baseline(ws, inspection, keys)
        base_times.append(time.perf_counter() - start)
    stored = ws.store.scalar("select sum(size) from attachments where inspection_id = ?",
                             [inspection])
    ws.close()
    return [
        Row(f"report: {ITEMS} items + {PHOTOS} photos", min(app_times), min(base_times), "s",
            target=1.5),
        Row("report: PDF size", size / 2**20, None, "MB", limit=10),
        Row(f"photos as stored ({PHOTOS} camera photos)", stored / 2**20, None, "MB"),
    ]
