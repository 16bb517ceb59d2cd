"""Given demo inspections, the rendered report says what a reader needs, in the reader's
language, with every font embedded."""

from __future__ import annotations

import subprocess

import pytest

from app.reports.render import build_report
from app.services import evidence, inspections
from app.services.answers import answer_item
from tests.app.reports.conftest import jpeg_with_orientation, pdftext


@pytest.fixture(scope="module")
def verified_id(demo_ws):
    return demo_ws.cases["verified"]


@pytest.fixture(scope="module")
def reports(demo_ws, verified_id):
    return {lang: build_report(demo_ws, verified_id, lang) for lang in ("zh", "en")}


def test_chinese_report_text_is_extractable(demo_ws, verified_id, reports):
    text = pdftext(reports["zh"])
    school = demo_ws.store.query("select s.name from schools s join inspections i on "
                                 "i.school_id = s.id where i.id = ?", [verified_id])[0]["name"]
    assert school in text
    for phrase in ("督导检查报告", "结果概要", "检查明细", "整改要求", "签署", "评定等级"):
        assert phrase in text
    assert "第1页共" in text.replace(" ", "")


def test_english_report_text_is_extractable(reports):
    text = pdftext(reports["en"])
    for phrase in ("Inspection report", "Summary of results", "Checklist items",
                   "Corrective actions", "Signatures", "Page 1 of"):
        assert phrase in text
    assert "结果概要" not in text


def test_report_is_multi_page_with_hash_in_footer_and_metadata(demo_ws, verified_id, reports):
    from app.services.signoff import content_sha256
    digest = content_sha256(demo_ws, verified_id)
    text = pdftext(reports["zh"])
    assert text.count("\f") >= 3
    assert digest in text
    info = subprocess.run(["pdfinfo", "-custom", "-"], input=reports["zh"],
                          capture_output=True).stdout.decode()
    assert f"SchoolInspectContentSha256:{digest}" in info.replace(" ", "")
    assert f"SchoolInspectInspectionId:{verified_id}" in info.replace(" ", "")


def test_self_assessment_answers_stand_beside_the_inspectors(reports):
    text = pdftext(reports["zh"])
    assert "学校自评" in text and "督学核查" in text
    assert "≠" in text  # the demo's principal and inspector disagree somewhere


def test_every_font_is_embedded(tmp_path, reports):
    for lang, pdf in reports.items():
        path = tmp_path / f"{lang}.pdf"
        path.write_bytes(pdf)
        rows = subprocess.run(["pdffonts", str(path)], capture_output=True,
                              text=True).stdout.splitlines()[2:]
        assert rows, "no fonts listed"
        for row in rows:
            # columns: name type encoding emb sub uni object ID
            assert row.split()[-5] == "yes", row


def test_signed_inspection_has_no_draft_mark(reports):
    assert "DRAFT" not in pdftext(reports["en"], "-raw")


def test_unsigned_inspection_is_marked_draft(demo_ws):
    draft_id = demo_ws.cases["draft"]
    pdf = build_report(demo_ws, draft_id, "zh")
    pages = pdftext(pdf).count("\f")
    # The mark is drawn rotated across every page; -raw keeps its letters together.
    assert pdftext(pdf, "-raw").count("DRAFT") == pages
    assert "此报告为草稿" in pdftext(pdf)
    # the rotated mark stays inside the margins too
    from tests.app.reports.test_layout import words_outside_margins
    assert words_outside_margins(pdf) == []


def test_ethics_report_gives_each_teachers_grade_and_reason(demo_ws):
    ethics_id = demo_ws.cases["ethics"]
    text = pdftext(build_report(demo_ws, ethics_id, "zh"))
    assert "师德考核报告" in text and "师德考核结果" in text
    assert "本校教师师德考核汇总" in text
    assert "一票否决" in text or "加权总分" in text


def test_photo_with_exif_orientation_is_printed_upright(ws, mini_inspection, tmp_path):
    """A JPEG stored 480×240 with EXIF Orientation=6 is a portrait photo: the PDF must hold
    it portrait, whatever the viewer does with EXIF."""
    item = next(i for i in inspections.get_template(ws, "mini").items)
    answer_item(ws, mini_inspection, item.key, _any_answer(item))
    evidence.attach_file(ws, mini_inspection, item.key, data=jpeg_with_orientation(),
                         filename="phone.jpg", caption="厨房留样柜")
    pdf = tmp_path / "photo.pdf"
    pdf.write_bytes(build_report(ws, mini_inspection, "zh"))
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True,
                             text=True).stdout.splitlines()[2:]
    photos = [row.split() for row in listing if row.split()[2] == "image"
              and row.split()[8] == "jpeg"]
    assert len(photos) == 1
    width, height = int(photos[0][3]), int(photos[0][4])
    assert (width, height) == (240, 480)
    assert "厨房留样柜" in pdftext(pdf.read_bytes())


def _any_answer(item):
    return {"yes_no": "yes", "score": 1, "number": 1}.get(item.type, "na")
