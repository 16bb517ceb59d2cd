"""English documents name everything in English where the name has an English form.

Given a school of 青山区 with an English name, visited by inspectors whose names, notes and
corrective actions are written in English (what users write is printed as written), every
English document — report, opinion letter, notice, ledger, district summary, results
workbook — holds no Chinese character at all: a Chinese leftover is a district, school,
label or caption that has an English form and was not given it. The Chinese documents keep
the Chinese names."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from app.reports.documents import make_document, set_number_pattern
from app.reports.ledger import gather_ledger, render_ledger
from app.reports.service import make_report
from app.reports.summary import build_summary
from app.services import actions, evidence, inspections, signoff
from app.services.answers import answer_item
from app.services.demo import DemoBuilder
from app.services.schools import add_school, add_teacher
from app.services.templates import get_template
from tests.app.reports.conftest import pdftext
from tests.conftest import open_profile

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# A template's English text may gloss a Chinese term: "green beans (四季豆)".
GLOSS = re.compile(r"(?<=[A-Za-z]) \([\u3400-\u9fff]+\)")
SCHOOL_ZH, SCHOOL_EN = "青山区育才小学", "Qingshan Yucai Primary School"
FAILED = ("staff.health_certs", "store.freezer_temp", "src.incoming_records")


def _good(builder: DemoBuilder, item):
    if item.type in ("text", "photo"):
        return "Checked on site."
    if item.type == "choice" and item.choices:
        return max(item.choices, key=lambda c: c.get("score", 0))["key"]
    if item.type == "rating":
        return item.scale[-1]["key"]
    if item.type == "score":
        return item.max_score
    return builder.reading(item, True) if item.type == "number" else builder.answer(item, 1.0)


def _fill(ws, builder: DemoBuilder, inspection_id: str, *, fail: tuple = ()) -> None:
    """Answer every item well, `fail` ones badly, with English notes, photos captioned as the
    demo captions them (the item's Chinese short name) and English corrective actions."""
    template = get_template(ws, ws.store.get("inspections", inspection_id)
                                        ["template_id"])
    for item in template.items:
        value = _good(builder, item)
        if item.key in fail:
            value = builder.reading(item, False) if item.type == "number" else "no"
        answer_item(ws, inspection_id, item.key, value,
                    note="Records were incomplete." if item.key in fail else None)
        if item.photo_required or item.key in fail:
            evidence.attach_file(ws, inspection_id, item.key, data=builder.photos[0],
                                 filename="IMG_0001.png", caption=item.short_label("zh"))
        if item.key in fail:
            actions.raise_action(ws, inspection_id, item_key=item.key,
                                 description="Complete the records and report back.",
                                 severity="medium", responsible="Canteen manager",
                                 due_date="2026-12-20")
    inspections.complete_inspection(ws, inspection_id)
    signoff.sign_off(ws, inspection_id, signer="Wang Jingyi", role="inspector",
                     image_png=builder.photos[0])


@pytest.fixture(scope="module")
def english(prepared_db, tmp_path_factory):
    ws = open_profile(prepared_db, tmp_path_factory.mktemp("english_names"))
    ws.set_identity(name="Chen Guodong", role="inspector", language="en",
                    organisation="Qingshan Education Supervision Office")
    # An official number is an identifier and printed as set; here one without Chinese.
    set_number_pattern(ws, "QS-{year}-{seq}")
    school = add_school(ws, name=SCHOOL_ZH, name_en=SCHOOL_EN, district="青山区",
                        level="primary", code="33020001", address="8 Yucai Road",
                        principal="Liu Yang").created
    teacher = add_teacher(ws, school, name="Hu Jie", subject="数学").created
    builder = DemoBuilder(ws, seed=3)
    builder.set_day(dt.date(2026, 11, 2))
    canteen = inspections.start_inspection(ws, school_id=school, template="canteen_food_safety",
                                           visit_date="2026-11-02",
                                           inspectors=["Wang Jingyi"]).created
    _fill(ws, builder, canteen, fail=FAILED)
    ethics = inspections.start_inspection(ws, school_id=school, template="teacher_ethics",
                                          teacher_id=teacher, visit_date="2026-11-03",
                                          inspectors=["Wang Jingyi"]).created
    _fill(ws, builder, ethics)
    ws.cases = {"canteen": canteen, "ethics": ethics, "school": school}
    yield ws
    ws.close()


def documents(ws, lang: str) -> dict[str, bytes]:
    cases = ws.cases
    ledger = gather_ledger(ws, school_id=cases["school"], lang=lang)
    return {
        "report": make_report(ws, cases["canteen"], lang=lang, sign=False).pdf,
        "ethics report": make_report(ws, cases["ethics"], lang=lang, sign=False).pdf,
        "opinion letter": make_document(ws, "opinion", cases["canteen"], lang=lang,
                                        sign=False).pdf,
        "notice": make_document(ws, "notice", cases["canteen"], lang=lang, sign=False).pdf,
        "school ledger": render_ledger(ledger),
        "ledger": render_ledger(gather_ledger(ws, lang=lang)),
        "district summary": build_summary(ws, "青山区", "2026-01-01", "2026-12-31", lang),
    }


def everything_in(pdf: bytes) -> str:
    """The text a reader sees plus the title, author and subject a viewer shows."""
    info = PdfFileReader(io.BytesIO(pdf)).trailer["/Info"]
    return pdftext(pdf) + "\n".join(str(info.get(k) or "") for k in ("/Title", "/Author",
                                                                     "/Subject"))


def test_english_documents_hold_no_chinese_where_names_have_english_forms(english):
    leftovers = {name: [line for line in GLOSS.sub("", everything_in(pdf)).splitlines()
                        if CJK.search(line)]
                 for name, pdf in documents(english, "en").items()}
    assert {name: lines for name, lines in leftovers.items() if lines} == {}


def test_english_documents_name_the_district_and_school_in_english(english):
    made = {name: everything_in(pdf) for name, pdf in documents(english, "en").items()}
    for name in ("report", "ethics report", "district summary"):
        assert "Qingshan District" in made[name], name
    for name in ("report", "opinion letter", "notice", "school ledger", "ledger"):
        assert SCHOOL_EN in " ".join(made[name].split()), name
    # The photo the demo captioned 健康证 reads by the item's English short name.
    template = get_template(english, english.store.get(
        "inspections", english.cases["canteen"])["template_id"])
    assert template.item("staff.health_certs").short_label("en") in made["report"]


def test_chinese_documents_keep_the_chinese_names(english):
    made = {name: everything_in(pdf) for name, pdf in documents(english, "zh").items()}
    for name in ("report", "ethics report", "district summary"):
        assert "青山区" in made[name], name
    for name in ("report", "opinion letter", "notice", "ledger"):
        assert SCHOOL_ZH in made[name], name


def test_the_district_summary_takes_the_district_by_its_english_name(english):
    text = pdftext(build_summary(english, "Qingshan District", "2026-01-01", "2026-12-31", "en"))
    assert "Qingshan District" in text and "District inspection summary" in text


def test_the_results_workbook_names_schools_and_districts_in_english(english, tmp_path):
    from openpyxl import load_workbook
    from app.excel.results import export_results
    out = export_results(english, tmp_path / "results.xlsx", lang="en",
                         district="Qingshan District")
    assert out["inspections"] == 1          # ethics evaluations are not in this workbook
    book = load_workbook(out["path"], read_only=True)
    cells = [str(c) for sheet in book for row in sheet.iter_rows(min_row=2, values_only=True)
             for c in row if c is not None]
    assert SCHOOL_EN in cells and "Qingshan District" in cells
    assert SCHOOL_ZH not in cells and "青山区" not in cells
