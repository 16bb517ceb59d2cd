"""Report file names a person recognises: school, visit date and checklist, safe on every
file system, in the report's language."""

from __future__ import annotations

from app.reports.naming import report_file_name, safe_part
from app.services.schools import edit_school


def test_name_from_school_date_and_template(ws, school_id, mini_inspection):
    visit = ws.store.get("inspections", mini_inspection)["visit_date"]
    assert report_file_name(ws, mini_inspection, "zh") == f"青山区育才小学_{visit}_迷你检查.pdf"
    edit_school(ws, school_id, name_en="Qingshan Yucai Primary")
    english = report_file_name(ws, mini_inspection, "en")
    assert english == f"Qingshan Yucai Primary_{visit}_Mini check.pdf"


def test_unsafe_characters_never_reach_the_file_name():
    assert safe_part('a/b\\c:d*e?f"g<h>i|j\x00k') == "a b c d e f g h i j k"
    assert safe_part("..") == "-" and len(safe_part("长" * 200)) == 60
