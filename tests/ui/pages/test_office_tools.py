"""The office's documents and workbooks on the Reports page: the opinion letter previewed and
signed, the ledger to Excel, a roster with a bad row refused with the row named."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from tests.ui.helpers import visit_with_two_actions
from ui.pages.reports_page import ReportsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def earlier(ws, school_id):
    return visit_with_two_actions(ws, school_id)


def test_reports_page_makes_documents_and_workbooks(qtbot, ctx, ws, earlier, tmp_path):
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.inspection.setCurrentIndex(page.inspection.findData(earlier))
    page.office.document("opinion")
    qtbot.waitUntil(lambda: page.pdf is not None and page.document.pageCount() > 0,
                    timeout=60000)
    assert page.suggested_name.startswith("opinion_") and b"/ByteRange" in page.pdf
    out = page.office.ledger_to_excel(tmp_path / "ledger.xlsx")
    rows = list(load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2
    bad = tmp_path / "bad.xlsx"
    book = Workbook()
    book.active.append(["学校名称 Name", "区县 District"])
    book.active.append(["某校", None])
    book.save(bad)
    report = page.office.import_roster(bad)
    assert not report["imported"] and report["errors"][0]["row"] == 2
    assert "2" in page.office.last_message.detailedText()
