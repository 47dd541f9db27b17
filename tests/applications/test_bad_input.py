"""Bad input to the candidate's pages gets a form error or a 404, never an error 500:
superscript or non-ASCII digits, unknown slots and défis, in the posts and in the addresses."""

import pytest

from eig.applications.models import Application
from tests.applications.helpers import (
    background_data,
    choices_data,
    identity_data,
    start,
    step_url,
)
from tests.factories import ApplicationFactory, InterviewSlotFactory

# Superscript two, Arabic-Indic three, fullwidth twelve: str.isdigit() says yes to all.
ODD_DIGITS = ["²", "٣", "１２", "-1", "99999999999999999999", "1e3", "abc"]


def _posts(cohort):
    """(address, data) of the candidate's posts, with `{value}` where the odd value goes."""
    parcours = step_url(cohort, "parcours")
    return [
        ("/candidater/", {"cohort": "{value}"}),
        ("/candidater/", {"cohort": str(cohort.number), "defi": "{value}"}),
        (step_url(cohort, "identite"), identity_data(years_of_experience="{value}")),
        (step_url(cohort, "identite") + "brouillon/", identity_data(years_of_experience="{value}")),
        (parcours, background_data(experiences=[{"title": "A", "start_year": "{value}"}])),
        (parcours, background_data() | {"experiences-TOTAL_FORMS": "{value}"}),
        (parcours + "brouillon/", background_data() | {"experiences-INITIAL_FORMS": "{value}"}),
        (step_url(cohort, "defis"), choices_data() | {"choices-0-challenge": "{value}"}),
        (
            step_url(cohort, "defis") + "brouillon/",
            choices_data() | {"choices-0-challenge": "{value}"},
        ),
        (step_url(cohort, "defis"), choices_data() | {"choices-TOTAL_FORMS": "{value}"}),
        (f"/candidater/{cohort.number}/recapitulatif/", {"navigation": "{value}"}),
        (step_url(cohort, "motivation"), {"navigation": "{value}", "version": "{value}"}),
    ]


@pytest.mark.parametrize("value", ODD_DIGITS)
@pytest.mark.parametrize("index", range(12))
def test_odd_values_in_the_candidates_posts_never_give_an_error_500(
    alice_client, alice, cohort, challenges, index, value
):
    start(alice_client, cohort)
    url, data = _posts(cohort)[index]
    data = {key: value if item == "{value}" else item for key, item in data.items()}

    response = alice_client.post(url, data)

    assert response.status_code in (200, 302, 403, 404)
    assert Application.objects.filter(candidate=alice).count() == 1


@pytest.mark.parametrize("value", ["²", "٣", "１２", "99999999999999999999"])
@pytest.mark.parametrize(
    "address",
    [
        "/candidater/{value}/",
        "/candidater/{value}/identite/",
        "/candidater/{value}/identite/brouillon/",
        "/candidater/{value}/recapitulatif/",
        "/candidater/3/{value}/",
        "/candidater/3/{value}/brouillon/",
        "/mon-espace/candidatures/{value}/",
        "/mon-espace/candidatures/{value}/retirer/",
        "/mon-espace/audition/{value}/",
    ],
)
def test_odd_values_in_the_candidates_addresses_are_404(alice_client, cohort, address, value):
    start(alice_client, cohort)
    url = address.replace("{value}", value)

    assert alice_client.get(url).status_code in (404, 405)  # the autosave takes POST only
    assert alice_client.post(url, {}).status_code in (404, 405)  # the resume takes GET only


@pytest.mark.parametrize("slot", ["²", "٣", "１２", "", "999999", "-1", "1.5"])
def test_an_odd_or_unknown_slot_is_a_message_on_the_booking_page(alice_client, alice, slot):
    application = ApplicationFactory(
        candidate=alice, submitted=True, status=Application.Status.INVITED
    )
    InterviewSlotFactory(cohort=application.cohort)

    response = alice_client.post(
        f"/mon-espace/audition/{application.public_id}/", {"slot": slot}, follow=True
    )

    assert response.status_code == 200
    assert "Choisissez un créneau." in response.content.decode()
    assert not hasattr(application, "interview") or not application.interview


def test_an_unknown_defi_is_an_error_next_to_the_field(alice_client, alice, cohort, challenges):
    start(alice_client, cohort)

    response = alice_client.post(
        step_url(cohort, "defis"), choices_data() | {"choices-0-challenge": "999999"}
    )

    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Application.objects.get(candidate=alice).choices.exists()
