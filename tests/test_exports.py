"""eig/exports.py: files French spreadsheets open as they are, sheets named after their content."""

import io

import openpyxl
import tablib

from eig import exports

HEADERS = ["Nom", "Montant"]
ROWS = [["Élodie Dupré", "1,5"], ["Noé", "2"]]


def test_csv_is_split_on_semicolons_and_starts_with_a_utf8_byte_order_mark():
    content = exports.file_bytes(HEADERS, ROWS, "csv", title="Candidatures")

    assert content.startswith("\ufeff".encode())
    lines = content.decode("utf-8-sig").splitlines()
    # The comma of "1,5" stays inside its cell: French spreadsheets read it as a decimal mark.
    assert lines == ["Nom;Montant", "Élodie Dupré;1,5", "Noé;2"]


def test_the_xlsx_sheet_is_named_after_its_content():
    content = exports.file_bytes(HEADERS, ROWS, "xlsx", title="Notes Promotion 3")

    assert openpyxl.load_workbook(io.BytesIO(content)).sheetnames == ["Notes Promotion 3"]


def test_the_ods_sheet_is_named_after_its_content():
    content = exports.file_bytes(HEADERS, ROWS, "ods", title="Décisions Promotion 3")

    book = tablib.Databook().load(content, format="ods")
    assert [sheet.title for sheet in book.sheets()] == ["Décisions Promotion 3"]


def test_a_sheet_title_is_cut_and_cleaned_as_spreadsheets_require():
    title = exports.sheet_title("Classement Données: marchés [publics] / région Bourgogne")

    assert len(title) == 31
    assert not set("[]:*?/\\") & set(title)
    content = exports.file_bytes(HEADERS, ROWS, "xlsx", title=title)
    assert openpyxl.load_workbook(io.BytesIO(content)).sheetnames == [title]
