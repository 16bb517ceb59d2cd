"""What a report says before layout: photos captioned by their item, not their file name."""

from __future__ import annotations

from app.reports.model import gather
from app.services.evidence import attach_file
from tests.ui.helpers import write_png


def test_report_captions_a_photo_by_its_item_not_its_file_name(ws, tmp_path,
                                                               mini_inspection):
    attach_file(ws, mini_inspection, "b.fridge", write_png(tmp_path / "IMG_2041.png"))
    attach_file(ws, mini_inspection, "a.samples", write_png(tmp_path / "IMG_7.png"),
                caption="留样柜照片")
    photos = {p.item: p.caption for p in gather(ws, mini_inspection, "en").photos}
    assert photos == {"Fridge temperature": "Fridge temperature",
                      "Samples kept": "留样柜照片"}
    assert {p.caption for p in gather(ws, mini_inspection, "zh").photos} == {"冷藏温度",
                                                                             "留样柜照片"}
