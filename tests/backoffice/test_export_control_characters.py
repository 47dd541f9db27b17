"""Text stored with control characters (before forms refused them, or imported) still exports."""

import pytest
from django.utils import timezone

from eig.decisions.models import DecisionNotice
from tests.backoffice.helpers import submitted
from tests.backoffice.test_export import EXPORT, FORMATS, read_rows

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", FORMATS)
def test_control_characters_are_left_out_of_the_cells(team_client, file_format):
    submitted(
        first_name="Ali\x07ce",
        last_name="\x1b=Martin",
        city="Lyon\x7f\x85",
        phone="06 12\x0c 34 56 78",
    )

    response = team_client.get(EXPORT.format(file_format))

    assert response.status_code == 200
    [row] = read_rows(response, file_format)
    assert row["Prénom"] == "Alice"
    # The escape removed, what remains is still neutralised as a formula.
    assert row["Nom"] == "'=Martin"
    assert row["Ville de résidence"] == "Lyon"
    assert row["Téléphone"] == "06 12 34 56 78"


def test_the_decisions_export_keeps_working_with_a_bell_in_a_name(team_client, carol):
    application = submitted(first_name="Chlo\x07é", last_name="Bernard", status="selected")
    DecisionNotice.objects.create(
        application=application,
        outcome="selected",
        subject="Objet",
        body="Texte",
        decided_at=timezone.now(),
        sent_at=timezone.now(),
        sent_by=carol,
    )

    response = team_client.get(f"/equipe/decisions/{application.cohort.number}/export.xlsx")

    assert response.status_code == 200
    [row] = read_rows(response, "xlsx")
    assert row["Candidature"] == "Chloé Bernard"
