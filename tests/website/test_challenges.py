import re

from eig.challenges.models import Challenge, Skill
from tests.factories import ChallengeFactory, CohortFactory, MentorFactory, SkillFactory


def listed(html):
    return re.findall(r'<h3 class="fr-card__title"><a href="/defis/([^/]+)/">', html)


def count(html):
    return re.search(r'id="results-count">(\d+) défis?<', html).group(1)


def test_list_shows_the_13_challenges_of_the_current_cohort(client, demo):
    html = client.get("/defis/").content.decode()

    assert len(listed(html)) == 13
    assert count(html) == "13"
    assert "signauxfaibles" in listed(html)
    assert "fr-card" in html


def test_filter_by_cohort(client, demo):
    assert len(listed(client.get("/defis/?promotion=1").content.decode())) == 9
    assert len(listed(client.get("/defis/?promotion=toutes").content.decode())) == 22


def test_filter_by_skill_narrows_the_list_and_the_count(client, demo):
    skill = Skill.objects.get(slug="data-science")
    expected = set(skill.challenges.filter(cohort__number=2).values_list("slug", flat=True))

    html = client.get("/defis/?competence=data-science").content.decode()

    assert 0 < len(expected) < 13
    assert set(listed(html)) == expected
    assert count(html) == str(len(expected))


def test_filter_by_host_and_skill_combine(client, demo):
    hopkins = Challenge.objects.get(slug="hopkins")

    html = client.get(
        f"/defis/?promotion=2&administration={hopkins.host_id}&competence=data-science"
    ).content.decode()

    assert listed(html) == ["hopkins"]
    assert count(html) == "1"


def test_unknown_filter_values_give_an_empty_list_and_a_message(client, demo):
    for query in [
        "competence=astrologie",
        "administration=abc",
        "administration=999999",
        "promotion=-1",
    ]:
        response = client.get(f"/defis/?{query}")

        assert response.status_code == 200, query
        html = response.content.decode()
        assert listed(html) == [], query
        assert count(html) == "0", query
        assert "Un filtre contient une valeur inconnue" in html, query
        assert "fr-select-group--error" in html or "fr-input-group--error" in html, query
    # A NUL byte never reaches the filters (nor a query): the control-character page answers.
    assert client.get("/defis/?promotion=%00").status_code == 400


def test_skills_no_published_challenge_uses_are_not_offered(client, db):
    used = SkillFactory(slug="cartographie-marine", name="Cartographie marine")
    unused = SkillFactory(slug="astronomie", name="Astronomie")
    cohort = CohortFactory()
    ChallengeFactory(cohort=cohort, skills=[used])

    html = client.get(f"/defis/?promotion={cohort.number}").content.decode()
    assert count(html) == "1"
    assert 'value="cartographie-marine"' in html
    assert 'value="astronomie"' not in html

    html = client.get(
        f"/defis/?promotion={cohort.number}&competence={unused.slug}"
    ).content.decode()
    assert count(html) == "0"
    assert "Un filtre contient une valeur inconnue" in html


def test_detail_shows_host_problem_skills_team_location_and_consenting_mentors(client, demo):
    challenge = Challenge.objects.get(slug="balisenav")
    MentorFactory(challenge=challenge, full_name="Camille Publique", consents_to_publication=True)
    MentorFactory(
        challenge=challenge, full_name="Dominique Discrète", consents_to_publication=False
    )

    html = client.get("/defis/balisenav/").content.decode()

    assert "Shom" in html
    assert "Le problème" in html and "Le défi" in html
    assert "Géomatique" in html
    assert "2 EIG" in html
    assert "Brest" in html
    assert "Camille Publique" in html
    assert "Dominique Discrète" not in html


def test_unknown_or_unpublished_challenge_gives_the_404_page(client, demo):
    draft = ChallengeFactory(status=Challenge.Status.DRAFT, slug="brouillon")

    for url in ["/defis/n-existe-pas/", f"/defis/{draft.slug}/"]:
        response = client.get(url)

        assert response.status_code == 404
        assert "Page non trouvée" in response.content.decode()


def test_text_typed_in_the_admin_is_escaped(client, demo):
    challenge = Challenge.objects.get(slug="hopkins")
    challenge.name = '<img src=x onerror="alert(1)">'
    challenge.problem = "<script>alert(2)</script>"
    challenge.save()

    for url in ["/defis/hopkins/", "/defis/", "/promotions/2/"]:
        html = client.get(url).content.decode()

        assert "<img src=x" not in html, url
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html, url
    assert "<script>alert(2)" not in client.get("/defis/hopkins/").content.decode()
