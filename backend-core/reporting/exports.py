"""Report files written row by row to a temporary file: CSV (``csv`` module), XLSX
(openpyxl's write-only workbook, which spools rows to disk as they come) and PDF
(WeasyPrint, the engine of the invoices: the table is laid out in memory, so a PDF
takes at most ``PDF_MAX_ROWS`` rows). Each file ends with a total row summing the
money columns. Headers are in the active language."""

from __future__ import annotations

import csv
import datetime as dt
import html
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import dates
from reporting.reports import MONEY, Column, Row

PDF_MAX_ROWS = 5000

CONTENT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


class TooManyRowsForPdf(Exception):
    """A PDF of more than ``PDF_MAX_ROWS`` rows was asked for."""


class ReportWriter:
    """Write ``columns`` then rows to ``path``; ``close()`` adds the total row and
    finishes the file. ``totals`` holds the running sums of the money columns."""

    def __init__(self, path: Path, columns: Sequence[Column], title: str) -> None:
        self.path, self.columns, self.title = path, columns, title
        self.money = [i for i, c in enumerate(columns) if c.type == MONEY]
        self.totals = [Decimal(0) for _ in self.money]

    def write(self, row: Row) -> None:
        for n, i in enumerate(self.money):
            self.totals[n] += row[i] or Decimal(0)
        self._write(row)

    def total_row(self) -> list[Any]:
        row: list[Any] = [None] * len(self.columns)
        row[0] = _("Total")
        for n, i in enumerate(self.money):
            row[i] = self.totals[n]
        return row

    def headers(self) -> list[str]:
        return [str(c.title) for c in self.columns]

    def _write(self, row: Row) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


def _cell(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


class CsvWriter(ReportWriter):
    def __init__(self, path: Path, columns: Sequence[Column], title: str) -> None:
        super().__init__(path, columns, title)
        # UTF-8 with a byte-order mark: spreadsheet programs then read Thai and Arabic right.
        self.file: IO[str] = path.open("w", newline="", encoding="utf-8-sig")
        self.csv = csv.writer(self.file)
        self.csv.writerow(self.headers())

    def _write(self, row: Row) -> None:
        self.csv.writerow([_cell(v) for v in row])

    def close(self) -> None:
        self.csv.writerow(self.total_row())
        self.file.close()


class XlsxWriter(ReportWriter):
    def __init__(self, path: Path, columns: Sequence[Column], title: str) -> None:
        from openpyxl import Workbook

        super().__init__(path, columns, title)
        self.book = Workbook(write_only=True)
        self.sheet = self.book.create_sheet(title=title[:31])
        if dates.is_rtl(get_language() or ""):
            self.sheet.sheet_view.rightToLeft = True
        self.sheet.append(self.headers())

    def _write(self, row: Row) -> None:
        self.sheet.append(list(row))

    def close(self) -> None:
        self.sheet.append(self.total_row())
        self.book.save(self.path)


class PdfWriter(ReportWriter):
    def __init__(self, path: Path, columns: Sequence[Column], title: str) -> None:
        super().__init__(path, columns, title)
        self.rows: list[str] = []

    def _line(self, row: Sequence[Any], cell: str = "td") -> str:
        cells = "".join(
            f"<{cell}>{html.escape(str(_cell(v)) if v is not None else '')}</{cell}>" for v in row
        )
        return f"<tr>{cells}</tr>"

    def _write(self, row: Row) -> None:
        if len(self.rows) >= PDF_MAX_ROWS:
            raise TooManyRowsForPdf()
        self.rows.append(self._line(row))

    def close(self) -> None:
        from weasyprint import HTML

        language = get_language() or "en"
        direction = "rtl" if dates.is_rtl(language) else "ltr"
        document = (
            f'<html lang="{language}" dir="{direction}"><head><meta charset="utf-8"><style>'
            "@page { size: A4 landscape; margin: 12mm }"
            "body { font-family: sans-serif; font-size: 8pt }"
            "table { border-collapse: collapse; width: 100% }"
            "th, td { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: start }"
            "thead { display: table-header-group } tfoot td { font-weight: bold }"
            f"</style></head><body><h1>{html.escape(self.title)}</h1><table>"
            f"<thead>{self._line(self.headers(), 'th')}</thead><tbody>{''.join(self.rows)}</tbody>"
            f"<tfoot>{self._line(self.total_row())}</tfoot></table></body></html>"
        )
        HTML(string=document).write_pdf(self.path)


WRITERS: dict[str, type[ReportWriter]] = {"csv": CsvWriter, "xlsx": XlsxWriter, "pdf": PdfWriter}
