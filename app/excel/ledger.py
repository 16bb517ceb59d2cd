"""The 整改台账 as an .xlsx workbook: the same rows as the PDF ledger (app/reports/ledger.py)."""

from __future__ import annotations

from pathlib import Path

from app.excel.sheets import new_workbook, table_sheet, write_row
from app.reports.doc_labels import doc_labels
from app.reports.ledger import COLUMNS, Ledger

WIDTHS = (6, 24, 12, 30, 40, 10, 14, 12, 16, 40, 22, 10)


def write_ledger_xlsx(ledger: Ledger, out: Path | str) -> Path:
    labels = doc_labels(ledger.lang)
    book = new_workbook()
    rows = [[int(r[0]), *r[1:]] for r in ledger.rows]
    table_sheet(book, labels["ledger"][:31], [labels[c] for c in COLUMNS], rows, WIDTHS)
    about = book.create_sheet("info")
    period = " – ".join(filter(None, (ledger.date_from, ledger.date_to)))
    for line in (labels["ledger_scope"].format(scope=ledger.scope), period,
                 labels["ledger_counts"].format(total=len(ledger.rows), closed=ledger.closed,
                                                open=len(ledger.rows) - ledger.closed,
                                                overdue=ledger.overdue),
                 ledger.today):
        write_row(about, [line])
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    book.save(tmp)
    tmp.replace(out)
    return out
