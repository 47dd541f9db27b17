"""Tables as CSV, XLSX or ODS downloads, for every export of the platform.

A plain module below every app: the back office, the selection and the decisions build their
rows, this module turns them into a file. It imports no app of `eig/`.
"""

import datetime
import decimal
import tempfile
import zoneinfo

import openpyxl
import tablib
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from eig.plain_text import without_control_characters

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
# A cell starting with one of these may be run as a formula by a spreadsheet (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
SHEET_TITLE_MAX_LENGTH = 31  # Excel refuses longer sheet names
XLSX_MIN_WIDTH, XLSX_MAX_WIDTH = 12, 40
XLSX_TYPES = (str, int, float, decimal.Decimal, datetime.date, datetime.time, datetime.timedelta)


def neutralised(value):
    """Text as a spreadsheet may take it: without control characters (stored before forms
    refused them, one would make the XLSX file fail), and prefixed with an apostrophe when a
    spreadsheet would take it for a formula (OWASP)."""
    if not isinstance(value, str):
        return value
    value = without_control_characters(value)
    if value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def paris_time(moment):
    # Spreadsheets have no time zones: the time as read in Paris, to the minute.
    if moment is None:
        return None
    return timezone.localtime(moment, PARIS).replace(tzinfo=None, second=0, microsecond=0)


def file_name(*parts, file_format):
    """The parts joined by dashes, then today's date in Paris: notes-promotion-2-2026-11-28.xlsx."""
    today = timezone.localdate(timezone=PARIS).isoformat()
    return f"{'-'.join(parts)}-{today}.{file_format}"


def sheet_title(title):
    """`title` as a spreadsheet accepts a sheet name: 31 characters, none of []:*?/\\."""
    return title.translate(str.maketrans("[]:*?/\\", "()-----"))[:SHEET_TITLE_MAX_LENGTH]


def file_bytes(headers, rows, file_format, *, title):
    """The file, its sheet named `title`: every cell a spreadsheet could take for a formula is
    neutralised."""
    dataset = tablib.Dataset(headers=headers, title=sheet_title(title))
    for row in rows:
        dataset.append([neutralised(value) for value in row])
    if file_format == "csv":
        # French spreadsheets split CSV on semicolons (the comma is their decimal mark); the byte
        # order mark tells them the file is UTF-8, so accents survive.
        return ("\ufeff" + dataset.export("csv", delimiter=CSV_DELIMITER)).encode()
    return dataset.export(file_format)


def xlsx_file(headers, rows, *, title):
    """The XLSX file of `rows` (an iterable, consumed once) in a temporary file, at its start.

    Written row by row (openpyxl's write-only mode): memory stays the same whatever the number
    of rows. As `file_bytes` writes it: bold headers kept in view, cells neutralised, a text of
    several lines wrapped; the columns take the width of their header (the rows are not known
    in advance).
    """
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        width = min(max(len(str(header)) + 2, XLSX_MIN_WIDTH), XLSX_MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True)
    sheet.append([_cell(sheet, header, font=bold) for header in headers])
    for row in rows:
        sheet.append([_xlsx_value(sheet, neutralised(value), wrapped) for value in row])
    # Handed over open: the response that streams it closes it (deleted on closing).
    file = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(file)
    file.seek(0)
    return file


def _xlsx_value(sheet, value, wrapped):
    if isinstance(value, str) and "\n" in value:
        return _cell(sheet, value, alignment=wrapped)
    if value is None or isinstance(value, XLSX_TYPES):
        return value
    return str(value)  # what openpyxl cannot store (a UUID, say), as text


def _cell(sheet, value, **style):
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def streamed_download(headers, rows, file_format, name, *, title):
    """`download`, with an XLSX file written row by row to disk then streamed (see `xlsx_file`):
    for the exports that may hold tens of thousands of rows."""
    if file_format != "xlsx":
        return download(headers, rows, file_format, name, title=title)
    response = FileResponse(
        xlsx_file(headers, rows, title=title), content_type=CONTENT_TYPES["xlsx"]
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def download(headers, rows, file_format, name, *, title):
    """The response that hands the file `name` over as an attachment; `title` names its sheet."""
    response = HttpResponse(
        file_bytes(headers, rows, file_format, title=title),
        content_type=CONTENT_TYPES[file_format],
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
