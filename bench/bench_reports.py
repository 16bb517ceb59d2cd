"""Speed of reports: a 50-item inspection with 8 camera-sized photos — gathering, rendering
(zh and en), signing, countersigning and verifying; plus a 200-item report. A plain script,
run by hand:

    python bench/bench_reports.py
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.reports.model import gather  # noqa: E402
from app.reports.render import build_report  # noqa: E402
from app.reports.service import sign_as_user  # noqa: E402
from app.reports.verify import verify_bytes  # noqa: E402
from app.services import evidence, inspections, signoff  # noqa: E402
from app.services.answers import answer_item, set_note  # noqa: E402
from app.services.schools import add_school  # noqa: E402
from app.services.templates import store_template_body  # noqa: E402
from app.workspace import Workspace  # noqa: E402

MINI = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "mini_template.json"


@contextmanager
def timed(label: str):
    start = time.perf_counter()
    yield
    print(f"{label:48} {time.perf_counter() - start:7.2f} s")


def template_body(items: int, photos: bool) -> dict:
    body = json.loads(MINI.read_text(encoding="utf-8"))
    body.update(key=f"bench_{items}_{int(photos)}", version=1, modes=["inspection"])
    per = items // 5
    body["sections"] = [{"key": f"s{s}", "title": {"zh": f"第{s + 1}部分", "en": f"Part {s + 1}"},
                         "items": [{"key": f"s{s}.i{i}", "type": "yes_no",
                                    "photo_required": photos and i == 0,
                                    "text": {"zh": f"第{i + 1}项：留样按规定保存并有记录。",
                                             "en": f"Item {i + 1}: samples kept and logged."},
                                    "source": {"zh": "《学校食品安全与营养健康管理规定》",
                                               "en": "School food safety provisions"}}
                                   for i in range(per)]} for s in range(5)]
    return body


def camera_jpeg(seed: int) -> bytes:
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (4000, 3000), (90 + seed * 10, 140, 200))
    ImageDraw.Draw(image).ellipse((500, 500, 2500, 2500), fill=(200, 90, 60))
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 2 else 1
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88, exif=exif.tobytes())
    return buffer.getvalue()


def signed_inspection(ws, items: int, photos: int) -> str:
    with ws.store.atomic():
        template_id = store_template_body(ws, template_body(items, photos > 0)).created
    school = add_school(ws, name="青山区育才小学", district="青山区", level="primary").created
    inspection = inspections.start_inspection(ws, school_id=school, template=template_id).created
    keys = [item.key for item in inspections.get_template(ws, template_id).items]
    for index, key in enumerate(keys):
        answer_item(ws, inspection, key, "no" if index % 6 == 0 else "yes")
        if index % 10 == 3:
            set_note(ws, inspection, key, "冷藏柜温度记录缺两天，已要求补记。" * 3)
    for n in range(photos):
        evidence.attach_file(ws, inspection, keys[(n * 10) % len(keys)],
                             data=camera_jpeg(n), filename=f"IMG_{n}.jpg",
                             caption=f"现场照片 {n + 1}")
    inspections.complete_inspection(ws, inspection)
    signoff.sign_off(ws, inspection, signer=ws.actor)
    return inspection


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "inspector")
        ws.set_identity(name="张督学", role="inspector")
        principal = Workspace.open(Path(tmp) / "principal")
        principal.set_identity(name="王校长", role="principal")
        inspection = signed_inspection(ws, 50, 8)
        with timed("gather model (50 items, 8 photos)"):
            gather(ws, inspection, "zh")
        with timed("render report zh (50 items, 8 photos)"):
            pdf = build_report(ws, inspection, "zh")
        with timed("render report en (50 items, 8 photos)"):
            build_report(ws, inspection, "en")
        with timed("sign (PAdES, visible field)"):
            signed = sign_as_user(ws, pdf, inspection_id=inspection)
        with timed("countersign (principal)"):
            both = sign_as_user(principal, signed)
        with timed("verify two signatures"):
            verify_bytes(ws, both)
        print(f"{'report size':48} {len(both) / 1024:7.0f} KiB")
        big = signed_inspection(ws, 200, 0)
        with timed("render report zh (200 items, no photos)"):
            build_report(ws, big, "zh")
        ws.close()
        principal.close()


if __name__ == "__main__":
    main()
