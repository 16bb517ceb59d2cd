"""Given a long inspection (200 items, a 3,000-character note), every word of the report lies
inside the page margins, long tables carry their header on every page, and no page is empty."""

from __future__ import annotations

import re

import pytest

from app.reports.render import build_report
from app.reports.styles import FOOTER_SPACE, HEADER_SPACE, MARGIN, PAGE
from app.services import inspections, signoff
from app.services.answers import answer_item, set_note
from app.services.schools import add_school
from app.services.templates import store_template_body
from tests.app.reports.conftest import big_template_body, pdftext
from tests.conftest import open_profile

LONG_NOTE_ZH = ("冷藏柜温度记录缺失，留样标签不全，部分留样不足一百二十五克。" * 100)[:3000]
LONG_NOTE_EN = ("The sample fridge log is missing several days and labels are incomplete; "
                * 60)[:3000]
TOLERANCE = 0.5  # points: rounding in pdftotext's boxes


@pytest.fixture(scope="module")
def big_reports(prepared_db, tmp_path_factory):
    ws = open_profile(prepared_db, tmp_path_factory.mktemp("layout"))
    ws.set_identity(name="Inspector Long-Name Example", role="inspector")
    with ws.store.atomic():
        template_id = store_template_body(ws, big_template_body(200)).created
    school = add_school(ws, name="青山区第一实验小学（东校区）附属幼儿园与食堂管理中心",
                        district="青山区", level="primary").created
    inspection = inspections.start_inspection(ws, school_id=school, template=template_id).created
    for index, item in enumerate(inspections.get_template(ws, template_id).items):
        answer_item(ws, inspection, item.key, "no" if index % 7 == 0 else "yes")
    set_note(ws, inspection, "s0.i0", "留样冰箱内无当日午餐留样。")  # a failed veto's fact
    set_note(ws, inspection, "s0.i1", LONG_NOTE_ZH)
    set_note(ws, inspection, "s1.i2", LONG_NOTE_EN)
    inspections.set_summary(ws, inspection, LONG_NOTE_ZH)
    inspections.complete_inspection(ws, inspection)
    signoff.sign_off(ws, inspection, signer="Inspector Long-Name Example")
    reports = {lang: build_report(ws, inspection, lang) for lang in ("zh", "en")}
    ws.close()
    return reports


def _words(pdf: bytes):
    """(page number, page width, page height, word box, word) from `pdftotext -bbox`."""
    html = pdftext(pdf, "-bbox")
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", html, re.S), start=1):
        width, height = (float(v) for v in re.search(
            r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        for *box, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                    r'yMax="([\d.]+)">(.*?)</word>', page):
            yield number, width, height, tuple(float(v) for v in box), word


def words_outside_margins(pdf: bytes) -> list:
    return [(page, word, box) for page, width, height, box, word in _words(pdf)
            if box[0] < MARGIN - TOLERANCE or box[1] < MARGIN - TOLERANCE
            or box[2] > width - MARGIN + TOLERANCE or box[3] > height - MARGIN + TOLERANCE]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_word_lies_inside_the_margins(big_reports, lang):
    assert len(list(_words(big_reports[lang]))) > 2000
    assert words_outside_margins(big_reports[lang]) == []


def _content_text(pdf: bytes) -> str:
    """The text of the content frame only (header and footer cropped away), so a note that
    runs over a page break reads as one."""
    width, height = PAGE
    return pdftext(pdf, "-x", str(int(MARGIN)), "-y", str(int(MARGIN + HEADER_SPACE)),
                   "-W", str(int(width - 2 * MARGIN)),
                   "-H", str(int(height - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_note_is_printed_in_full(big_reports, lang):
    text = re.sub(r"\s+", "", _content_text(big_reports[lang]))
    assert re.sub(r"\s+", "", LONG_NOTE_ZH) in text
    # English wraps at spaces, so compare without whitespace.
    assert re.sub(r"\s+", "", LONG_NOTE_EN) in text


def test_item_table_repeats_its_header_and_no_page_is_empty(big_reports):
    pages = pdftext(big_reports["en"]).split("\f")[:-1]
    assert len(pages) >= 8
    item_pages = [p for p in pages if len(re.findall(r"Item \d+: food samples", p)) >= 3]
    assert len(item_pages) >= 5
    assert all("Finding" in p and "Score" in p for p in item_pages)
    # every page has real content between its header and footer
    contents = _content_text(big_reports["en"]).split("\f")[:-1]
    assert len(contents) == len(pages)
    assert all(len(re.sub(r"\s+", "", c)) > 100 for c in contents)
