"""A CV that a PDF viewer could run or open something from is refused, saying what it holds."""

import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from eig import pdf_files
from eig.applications.cv import check_pdf
from eig.applications.models import Application
from eig.applications.storage import private_storage
from tests.applications.helpers import identity_data, pdf_upload, start, step_url
from tests.factories import small_pdf


def pdf(change=None):
    """A one-page PDF made with pypdf, changed by `change(writer)` before it is written."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if change:
        change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def action(kind, **entries):
    return DictionaryObject(
        {NameObject("/S"): NameObject(kind), **{NameObject(k): v for k, v in entries.items()}}
    )


def with_javascript(writer):
    writer.add_open_action(JavaScript("app.alert('bonjour');"))


def with_launch_on_open(writer):
    writer._root_object[NameObject("/OpenAction")] = action(
        "/Launch", **{"/F": TextStringObject("calc.exe")}
    )


def with_javascript_when_a_page_opens(writer):
    # An indirect action, under the page's additional actions: found all the same.
    script = writer._add_object(action("/JavaScript", **{"/JS": TextStringObject("x()")}))
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): script})


def with_attachment(writer):
    writer.add_attachment("notes.txt", b"bonjour")


def with_file_attachment_annotation(writer):
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FileAttachment"),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (0, 0, 10, 10)]),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])


def with_xfa_form(writer):
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): TextStringObject("<xdp/>")}
    )


def with_javascript_and_attachment(writer):
    with_javascript(writer)
    with_attachment(writer)


def with_harmless_actions(writer):
    # Opening on the first page and a link to a web page: nothing runs, nothing is opened.
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [writer.pages[0].indirect_reference, NameObject("/Fit")]
    )
    writer.add_uri(0, "https://example.org/", [0, 0, 100, 20])


def with_a_dangling_reference(writer):
    writer._root_object[NameObject("/Broken")] = IndirectObject(9999, 0, writer)


def refusal(content):
    with pytest.raises(ValidationError) as refused:
        check_pdf(pdf_upload(content))
    return refused.value


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (with_javascript, "Ce PDF contient du JavaScript :"),
        (with_javascript_when_a_page_opens, "Ce PDF contient du JavaScript :"),
        (
            with_launch_on_open,
            "Ce PDF contient une action qui ouvre un programme ou un fichier :",
        ),
        (with_attachment, "Ce PDF contient des fichiers joints :"),
        (with_file_attachment_annotation, "Ce PDF contient des fichiers joints :"),
        (with_xfa_form, "Ce PDF contient un formulaire XFA :"),
        (
            with_javascript_and_attachment,
            "Ce PDF contient du JavaScript et des fichiers joints :",
        ),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_pdf_with_active_content_is_refused_naming_what_it_holds(change, found):
    error = refusal(pdf(change))

    assert error.code == "active_content"
    assert error.message.startswith(found)
    assert "« Enregistrer au format PDF »" in error.message


@pytest.mark.parametrize(
    "change", [None, with_harmless_actions, with_a_dangling_reference], ids=str
)
def test_a_pdf_without_active_content_is_accepted(change):
    check_pdf(pdf_upload(pdf(change)))


def test_a_truncated_pdf_with_javascript_is_refused_as_unreadable_not_an_error():
    content = pdf(with_javascript)

    assert refusal(content[: len(content) // 2]).code == "unreadable"


@pytest.mark.parametrize(
    "change",
    [with_javascript, with_launch_on_open, with_attachment, with_xfa_form],
    ids=lambda change: change.__name__,
)
def test_the_refused_cv_leaves_the_draft_and_the_previous_cv_as_they_were(
    alice_client, cohort, change
):
    start(alice_client, cohort)
    alice_client.post(step_url(cohort, "identite"), identity_data(first_name="Alicia"))
    alice_client.post(step_url(cohort, "cv"), {"cv": pdf_upload(small_pdf(), name="Bon CV.pdf")})

    response = alice_client.post(
        step_url(cohort, "cv"), {"cv": pdf_upload(pdf(change), name="Piégé.pdf")}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Ce PDF contient" in page
    assert "fr-upload-group--error" in page
    draft = Application.objects.get(candidate__username="alice@example.fr")
    assert draft.first_name == "Alicia"
    assert draft.cv_filename == "Bon CV.pdf"
    assert private_storage.open(draft.cv.name).read() == small_pdf()


def test_the_cv_field_says_what_is_refused(alice_client, cohort):
    start(alice_client, cohort)

    page = alice_client.get(step_url(cohort, "cv")).content.decode()

    assert "sans JavaScript ni fichier joint" in page


def test_a_pdf_with_too_many_objects_to_check_is_refused_as_unreadable(monkeypatch):
    monkeypatch.setattr(pdf_files, "MAX_OBJECTS", 3)

    assert refusal(pdf(with_harmless_actions)).code == "unreadable"
