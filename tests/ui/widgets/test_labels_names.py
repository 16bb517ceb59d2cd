"""District and subject names in English where the data has them (never a guess)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.names_en import SUBJECTS_EN, district_en
from ui.widgets import labels


def test_districts_and_subjects_read_english_in_the_english_ui():
    assert labels.district("青山区", "en") == "Qingshan District"
    assert labels.district("青山区", "zh") == "青山区"
    assert labels.subject("数学", "en") == "Mathematics"
    assert labels.subject("数学", "zh") == "数学"


def test_unknown_names_stay_as_they_are():
    assert district_en("不存在区") is None
    assert labels.district("不存在区", "en") == "不存在区"
    assert labels.subject("书法", "en") == "书法"
    assert labels.district(None, "en") == "" and labels.subject(None, "en") == ""
    assert all(name.isascii() for name in SUBJECTS_EN.values())


def test_the_schools_page_shows_english_district_and_subject(ctx, ws, qtbot):
    from app.services.schools import add_school, add_teacher
    from ui.pages.schools_page import SchoolsPage
    ws.set_identity(language="en")
    school = add_school(ws, name="青山区育才小学", name_en="Qingshan Yucai Primary",
                        district="青山区", level="primary").created
    add_teacher(ws, school, name="王芳", subject="数学")
    page = SchoolsPage(ctx)
    qtbot.addWidget(page)
    model = page.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert model.index(0, headers.index("District")).data() == "Qingshan District"
    assert page.district.findText("Qingshan District") > 0     # the filter too
    page.table.selectRow(0)                                      # its teachers are listed
    assert page.teachers.index(0, 1).data() == "Mathematics"
