"""The pages: a member sees the défis of their group only, the lead the common grid, the team
the grids side by side and the plan with its refusals next to their cause."""

import datetime

import pytest
from django.urls import reverse

from eig.challenge_jury import services
from eig.challenge_jury.forms import slot_key
from eig.challenge_jury.models import ConsolidatedGrid, MemberGrid
from tests.challenge_jury.helpers import make_call, make_group, make_member, make_shortlisted
from tests.factories import HostOrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jury(cohort):
    call = make_call(cohort)
    mine, other = make_shortlisted(call, title="Cartes des friches"), make_shortlisted(call)
    members = [make_member(call, name=f"Membre {i}") for i in range(5)]
    lead = members[0]
    group = make_group(call, members=members, proposals=[mine], lead=lead)
    elsewhere = make_group(call, number=2, time=datetime.time(14, 0), proposals=[other])
    return {
        "call": call,
        "mine": mine,
        "other": other,
        "lead": lead,
        "member": members[1],
        "group": group,
        "elsewhere": elsewhere,
    }


def test_a_member_sees_only_the_défis_of_their_group(client, jury):
    client.force_login(jury["member"].user)
    home = client.get(reverse("challenge_jury:home"))
    assert "Cartes des friches" in home.text and str(jury["other"]) not in home.text
    assert (
        client.get(reverse("challenge_jury:proposal", args=[jury["mine"].public_id])).status_code
        == 200
    )
    assert (
        client.get(reverse("challenge_jury:proposal", args=[jury["other"].public_id])).status_code
        == 404
    )
    # Not the lead: no common grid.
    url = reverse("challenge_jury:consolidated", args=[jury["mine"].public_id])
    assert client.get(url).status_code == 404


def test_a_member_fills_their_grid_and_a_refused_send_keeps_what_was_typed(client, jury):
    member, proposal = jury["member"], jury["mine"]
    criteria = list(proposal.call.criteria.all())
    client.force_login(member.user)
    url = reverse("challenge_jury:proposal", args=[proposal.public_id])
    response = client.post(
        url, {f"score_{criteria[0].pk}": "4", "comment": "Équipe motivée", "submit": "1"}
    )
    assert response.status_code == 200
    assert "Notez chaque critère avant d’envoyer la grille" in response.text
    assert "Équipe motivée" in response.text
    assert not MemberGrid.objects.exists()
    data = {f"score_{c.pk}": "4" for c in criteria} | {"comment": "Équipe motivée", "submit": "1"}
    assert client.post(url, data).status_code == 302
    grid = MemberGrid.objects.get()
    assert grid.submitted_at and grid.comment == "Équipe motivée"


def test_the_lead_fills_the_consolidated_grid_seeing_the_members_grids(client, jury):
    proposal, lead, member = jury["mine"], jury["lead"], jury["member"]
    criteria = list(proposal.call.criteria.all())
    services.save_member_grid(
        member=member,
        proposal=proposal,
        scores={str(c.pk): 2 for c in criteria},
        comment="Données incomplètes",
        submit=True,
        by=member.user,
    )
    client.force_login(lead.user)
    url = reverse("challenge_jury:consolidated", args=[proposal.public_id])
    page = client.get(url)
    assert member.full_name in page.text and "Données incomplètes" in page.text
    data = {f"score_{c.pk}": "3" for c in criteria} | {
        "comment": "À revoir",
        "recommendation": "not_retained",
        "submit": "1",
    }
    assert client.post(url, data).status_code == 302
    grid = ConsolidatedGrid.objects.get()
    assert grid.recommendation == "not_retained" and grid.filled_by == lead


def test_the_team_sees_the_scores_side_by_side(client, carol, jury):
    proposal = jury["mine"]
    criteria = list(proposal.call.criteria.all())
    for index, member in enumerate(jury["group"].members.all()[:2]):
        services.save_member_grid(
            member=member,
            proposal=proposal,
            scores={str(c.pk): index + 2 for c in criteria},
            comment="",
            submit=True,
            by=member.user,
        )
    client.force_login(carol)
    page = client.get(reverse("challenge_jury:proposal_grids", args=[proposal.public_id]))
    assert page.status_code == 200
    assert "Membre 0" in page.text and "Membre 1" in page.text
    assert "2,5" in page.text or "2.5" in page.text  # the mean of 2 and 3


def test_a_refused_move_on_the_plan_is_shown_next_to_its_cause(client, carol, jury):
    host = HostOrganisationFactory()
    jury["mine"].host = host
    jury["mine"].save()
    agent = make_member(jury["call"], host=host, name="Agent de la maison")
    client.force_login(carol)
    url = reverse("challenge_jury:plan", args=[jury["call"].cohort.number])
    response = client.post(
        url,
        {"action": "move_member", "pk": agent.pk, f"member-{agent.pk}-group": jury["group"].pk},
    )
    assert response.status_code == 200
    assert "un agent ne juge jamais le défi de son administration" in response.text
    agent.refresh_from_db()
    assert agent.group is None


def test_the_team_adds_a_member_and_a_bad_address_keeps_the_form(client, carol, jury):
    client.force_login(carol)
    url = reverse("challenge_jury:members", args=[jury["call"].cohort.number])
    response = client.post(
        url,
        {
            "full_name": "Nina Petit",
            "email": "pas-une-adresse",
            "sector": "private",
            "expertise": "design",
        },
    )
    assert response.status_code == 200 and "Nina Petit" in response.text
    response = client.post(
        url,
        {
            "full_name": "Nina Petit",
            "email": "nina@jury-defis.example.org",
            "sector": "private",
            "expertise": "design",
        },
    )
    assert response.status_code == 302
    assert jury["call"].jury_members.filter(email="nina@jury-defis.example.org").exists()


def test_an_author_books_a_slot_and_downloads_the_ics(client, jury):
    proposal = jury["mine"]
    author = proposal.authors.get().user
    client.force_login(author)
    url = reverse("challenge_jury:booking", args=[proposal.public_id])
    page = client.get(url)
    assert page.status_code == 200
    slot = services.group_slots(jury["group"])[0][0]
    assert client.post(url, {"slot": slot_key(slot)}).status_code == 302
    ics = client.get(reverse("challenge_jury:booking_ics", args=[proposal.public_id]))
    assert ics["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in ics.content
    # Another administration's hearing: 404.
    other = reverse("challenge_jury:booking", args=[jury["other"].public_id])
    assert client.get(other).status_code == 404


def test_the_team_sets_the_rhythm_and_a_bad_one_is_refused_next_to_its_field(client, carol, jury):
    client.force_login(carol)
    url = reverse("challenge_jury:plan", args=[jury["call"].cohort.number])
    rhythm = {
        "action": "calendar",
        "calendar-reading_minutes": "5",
        "calendar-pitch_minutes": "10",
        "calendar-questions_minutes": "20",
        "calendar-deliberation_minutes": "5",
        "calendar-break_minutes": "10",
        "calendar-break_every_minutes": "40",
        "calendar-morning_starts": "09:30",
        "calendar-morning_ends": "09:00",
        "calendar-afternoon_starts": "14:00",
        "calendar-afternoon_ends": "18:00",
        "calendar-rooms": "3",
    }
    response = client.post(url, rhythm)
    assert response.status_code == 200 and "La fin vient après le début." in response.text
    assert 'value="09:30"' in response.text  # nothing typed is lost
    response = client.post(url, rhythm | {"calendar-morning_ends": "12:30"})
    assert response.status_code == 302
    calendar = services.calendar_of(jury["call"])
    assert calendar.hearing_minutes == 40 and calendar.rooms == 3
    assert calendar.morning_starts == datetime.time(9, 30)


def test_the_team_page_of_a_proposal_links_to_its_grids(rf, carol, jury):
    from eig.proposals.team_panels import team_panels

    request = rf.get("/")
    request.user = carol
    (panel,) = team_panels(jury["mine"], request)
    assert panel["title"] == "Grilles du jury"
    assert reverse("challenge_jury:proposal_grids", args=[jury["mine"].public_id]) in panel["html"]
    assert team_panels(make_shortlisted(jury["call"]), request) == []


def test_the_administrations_space_links_to_the_booking(client, jury):
    proposal = jury["mine"]
    client.force_login(proposal.authors.get().user)
    page = client.get(reverse("proposals:space"))
    assert reverse("challenge_jury:booking", args=[proposal.public_id]) in page.text
    assert "Réserver l’audition devant le jury" in page.text


def test_the_plan_shows_the_rhythm_once_and_its_title_is_plain_text(client, carol, jury):
    client.force_login(carol)
    page = client.get(reverse("challenge_jury:plan", args=[jury["call"].cohort.number])).text

    title = page[page.index("<title>") : page.index("</title>")]
    assert "<" not in title[len("<title>") :]
    assert page.count('id="rhythm-title"') == 1
