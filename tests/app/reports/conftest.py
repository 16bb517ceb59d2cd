"""Fixtures for report tests: one demo profile per module (reports are slow to build, so each
module renders what it needs once), plus a big inspection for the layout checks."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MINI_TEMPLATE, open_profile


@pytest.fixture(scope="module")
def demo_ws(prepared_db, tmp_path_factory):
    """A profile with an inspector identity and, built through the real services by the demo
    builder: a verified self-assessment, a teacher-ethics assessment and a draft."""
    from app.services.demo import DemoBuilder
    ws = open_profile(prepared_db, tmp_path_factory.mktemp("reports_demo"))
    ws.set_identity(name="陈国栋", role="inspector", organisation="青山区教育督导室")
    builder = DemoBuilder(ws, seed=11)
    school = builder.add_schools(1)[0]
    own = builder.inspection(school, "school_comprehensive_self", "self_assessment", "signed")
    ws.cases = {
        "verified": builder.inspection(school, "school_comprehensive", "inspection", "signed",
                                       self_assessment_id=own),
        "ethics": builder.inspection(school, "teacher_ethics", "inspection", "signed"),
        "draft": builder.inspection(school, "canteen_food_safety", "inspection",
                                    "in_progress"),
        "school": school["id"], "district": school["district"]}
    yield ws
    ws.close()


def pdftext(pdf: bytes, *extra: str) -> str:
    return subprocess.run(["pdftotext", *extra, "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()


def poppler(tool: str, pdf_path: Path, *extra: str) -> str:
    result = subprocess.run([tool, *extra, str(pdf_path)], capture_output=True, text=True)
    return result.stdout + result.stderr


def big_template_body(items: int = 200) -> dict:
    """A template of `items` yes/no items in four sections, built on the test template's
    grading."""
    body = json.loads(MINI_TEMPLATE.read_text(encoding="utf-8"))
    body.update(key="big_layout", version=1, modes=["inspection"])
    per = items // 4
    body["sections"] = [{
        "key": f"s{s}", "title": {"zh": f"第{s + 1}部分 长表格检查", "en": f"Part {s + 1}"},
        "items": [{"key": f"s{s}.i{i}", "type": "yes_no", "critical": i == 0,
                   "text": {"zh": f"第{s * per + i + 1}项：食堂留样按规定保存，标签齐全，"
                                  "每餐每样不少于125克并冷藏48小时以上。",
                            "en": f"Item {s * per + i + 1}: food samples are kept as "
                                  "required, labelled, at least 125 g per dish, "
                                  "refrigerated for 48 hours or more."},
                   "source": {"zh": "《学校食品安全与营养健康管理规定》",
                              "en": "Provisions on School Food Safety (2019)"}}
                  for i in range(per)]} for s in range(4)]
    return body


def jpeg_with_orientation(width: int = 480, height: int = 240, orientation: int = 6) -> bytes:
    """A landscape-stored JPEG whose EXIF says 'rotate 90° to view' (portrait when shown)."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (width, height), (90, 140, 200))
    ImageDraw.Draw(image).rectangle((0, 0, width // 4, height), fill=(220, 60, 60))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    return buffer.getvalue()
