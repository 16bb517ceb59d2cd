"""Small openpyxl helpers shared by the roster, results and ledger workbooks.

Text is always written as text: a school name or note starting with "=" must never become a
formula in the office's Excel (CSV/formula injection), so every string cell is typed "s".
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

from app.errors import ValidationError

MAX_WORKBOOK_BYTES = 20 << 20
MAX_UNPACKED_BYTES = 200 << 20     # a small .xlsx that unpacks to gigabytes is a zip bomb
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


def new_workbook() -> Workbook:
    book = Workbook()
    book.remove(book.active)
    return book


def write_row(sheet, values, *, bold: bool = False) -> None:
    sheet.append([None if v is None else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"            # never a formula, whatever the text starts with
        if bold:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def table_sheet(book: Workbook, title: str, headers: list[str], rows, widths=()) -> None:
    sheet = book.create_sheet(title)
    write_row(sheet, headers, bold=True)
    for row in rows:
        write_row(sheet, row)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    sheet.freeze_panes = "A2"


def open_rows(path: Path, max_rows: int) -> list[tuple[str, list[list]]]:
    """[(sheet title, rows of cell values)] of a workbook, refusing what is too big."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if size > MAX_WORKBOOK_BYTES:
        raise ValidationError(f"{path.name}: larger than {MAX_WORKBOOK_BYTES >> 20} MB.")
    try:
        with zipfile.ZipFile(path) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise ValidationError(f"{path.name}: unpacks to more than "
                                      f"{MAX_UNPACKED_BYTES >> 20} MB; refused.")
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise ValidationError(f"{path.name}: not a readable .xlsx workbook.") from None
    try:
        tables = []
        for sheet in book.worksheets:
            rows = []
            for values in sheet.iter_rows(values_only=True):
                if len(rows) > max_rows:
                    raise ValidationError(f"{path.name}: sheet {sheet.title!r} has more than "
                                          f"{max_rows} rows; split the roster.")
                rows.append(list(values))
            tables.append((sheet.title, rows))
        return tables
    finally:
        book.close()
