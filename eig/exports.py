"""Tables as CSV, XLSX or ODS downloads, for every export of the platform.

A plain module below every app: the back office, the selection and the decisions build their
rows, this module turns them into a file. It imports no app of `eig/`.
"""

import zoneinfo

import tablib
from django.http import HttpResponse
from django.utils import timezone

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


def download(headers, rows, file_format, name, *, title):
    """The response that hands the file `name` over as an attachment; `title` names its sheet."""
    response = HttpResponse(
        file_bytes(headers, rows, file_format, title=title),
        content_type=CONTENT_TYPES[file_format],
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
