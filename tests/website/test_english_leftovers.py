"""The English site's last French texts (docs/i18n.md): the call for défis, the selection
criteria and the programme's tagline have English fields; a défi or the promotions list shows the
notice once as soon as one shown text falls back to French, and none when all are translated."""

import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort, Programme, SelectionCriterion
from eig.demo.english import load_english_calls, load_english_programme
from eig.proposals.models import ChallengeCall, ChallengeCallCriterion, ChallengeCallQuestion
from eig.website import purge
from tests.factories import CohortFactory

NOTICE = "fr-notice--info"

pytestmark = pytest.mark.django_db


def page(client, path):
    return client.get(path).content.decode()


def committed():
    """What a save does once committed, which a test's transaction never is: the public pages'
    copies and the programme kept by the process are renewed (eig.website.purge)."""
    purge.new_fragments_version()


@pytest.fixture
def call():
    """An open call for défis, its texts in French and English, one criterion and one question."""
    now = timezone.now()
    call = ChallengeCall.objects.create(
        cohort=CohortFactory(number=70, year=2070),
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=10),
        introduction="Proposez vos défis.",
        introduction_en="Put forward your challenges.",
        rules="<p>Le règlement de l’appel.</p>",
        rules_en="<p>The call’s rules.</p>",
        information_meeting_at=now + datetime.timedelta(days=3),
        information_meeting_place="En visioconférence",
        information_meeting_place_en="By video call",
    )
    call.criteria.all().delete()
    ChallengeCallCriterion.objects.create(
        call=call,
        title="Impact",
        details="pour le public",
        title_en="Impact",
        details_en="on people",
    )
    ChallengeCallQuestion.objects.create(
        call=call,
        question="Qui peut proposer ?",
        answer="Toute administration.",
        question_en="Who can apply?",
        answer_en="Any administration.",
    )
    return call


def test_a_translated_call_reads_in_english_without_notice(client, call):
    english = page(client, "/en/appel-a-defis/")

    for text in (
        "Put forward your challenges.",
        "The call’s rules.",
        "(<span>By video call</span>)",
    ):
        assert text in english
    assert "Any administration." in english and "Who can apply?" in english
    assert "<li><span>Impact</span>: <span>on people</span></li>" in english
    assert "Proposez vos défis." not in english and "Qui peut proposer ?" not in english
    assert NOTICE not in english and 'lang="fr"' not in english.split("<main", 1)[1]


def test_the_french_call_is_unchanged(client, call):
    french = page(client, "/appel-a-defis/")

    assert "Proposez vos défis." in french and "Le règlement de l’appel." in french
    assert "(<span>En visioconférence</span>)" in french
    assert "<li><span>Impact</span> : <span>pour le public</span></li>" in french
    assert "Qui peut proposer ?" in french and "Put forward" not in french
    assert NOTICE not in french


@pytest.mark.parametrize(
    "untranslated",
    [
        ("call", "introduction_en"),
        ("call", "rules_en"),
        ("call", "information_meeting_place_en"),
        ("criterion", "details_en"),
        ("question", "answer_en"),
    ],
)
def test_one_untranslated_text_of_the_call_brings_the_notice_and_lang_fr(
    client, call, untranslated
):
    record, field = untranslated
    record = {
        "call": call,
        "criterion": call.criteria.get(),
        "question": call.questions.get(),
    }[record]
    setattr(record, field, "")
    record.save()

    english = page(client, "/en/appel-a-defis/")

    assert english.count(NOTICE) == 1
    french_text = {
        "introduction_en": r'<div class="fr-text--lead" lang="fr"><p>Proposez vos défis.</p></div>',
        "rules_en": r'<div lang="fr"><p>Le règlement de l’appel.</p></div>',
        "information_meeting_place_en": '(<span lang="fr">En visioconférence</span>)',
        "details_en": r'<span lang="fr">pour le public</span>',
        "answer_en": r'<div class="fr-collapse" id="faq-1" lang="fr"><p>Toute administration.</p>',
    }[field]
    assert french_text in english


def test_the_selection_criteria_read_in_english_on_a_promotion(client):
    cohort = CohortFactory(
        number=71, year=2071, description="Une promotion.", description_en="A cohort."
    )
    SelectionCriterion.objects.create(
        cohort=cohort, sort_order=0, title="Compréhension du défi", title_en="Understanding"
    )

    english = page(client, "/en/promotions/71/")
    assert '<span class="fr-text--bold">Understanding</span>' in english
    assert NOTICE not in english
    assert "Compréhension du défi" in page(client, "/promotions/71/")

    SelectionCriterion.objects.create(
        cohort=cohort, sort_order=1, title="Sens de l’intérêt général", details="engagement"
    )
    committed()
    english = page(client, "/en/promotions/71/")
    assert english.count(NOTICE) == 1
    assert '<span class="fr-text--bold" lang="fr">Sens de l’intérêt général</span>' in english


def test_the_tagline_and_operator_read_in_english_or_are_marked_french(client, demo):
    programme = Programme.objects.get()
    programme.tagline, programme.operator = "Des talents du numérique", "Etalab (Premier ministre)"
    programme.tagline_en, programme.operator_en = "", ""
    programme.save()

    english = page(client, "/en/defis/")
    assert '<p class="fr-header__service-tagline" lang="fr">Des talents du numérique</p>' in english

    programme.tagline_en, programme.operator_en = "Digital talent", "Etalab (Prime Minister)"
    programme.save()
    committed()
    english = page(client, "/en/defis/")
    assert '<p class="fr-header__service-tagline">Digital talent</p>' in english
    assert '<meta name="description" content="Digital talent">' in page(client, "/en/promotions/")
    assert "is run by Etalab (Prime Minister)." in english
    french = page(client, "/defis/")
    assert '<p class="fr-header__service-tagline">Des talents du numérique</p>' in french
    assert "Digital talent" not in french and "Etalab (Premier ministre)." in french


def test_a_challenge_with_only_its_summary_translated_shows_the_notice_once(client, demo):
    challenge = Challenge.objects.published().exclude(problem="").first()
    Challenge.objects.filter(pk=challenge.pk).update(
        name_en="In English",
        summary_en="Summary in English.",
        problem_en="",
        challenge_en="",
        expected_results_en="",
        results_summary_en="",
    )

    english = page(client, f"/en/defis/{challenge.slug}/")

    assert english.count(NOTICE) == 1
    assert "Part of this content is not yet available in English" in english
    assert re.search(r'<div lang="fr"><p>', english)  # the problem, in French
    assert '<p class="fr-text--lead">Summary in English.</p>' in english


def test_a_fully_translated_challenge_shows_no_notice(client, demo):
    challenge = Challenge.objects.published().first()
    Challenge.objects.filter(pk=challenge.pk).update(
        **{f"{field}_en": "In English." for field in ("name", "summary", "problem", "challenge")},
        expected_results_en="In English.",
        results_summary_en="In English.",
    )

    english = page(client, f"/en/defis/{challenge.slug}/")

    assert NOTICE not in english
    assert "<title>In English. — " in english


def test_the_promotions_list_shows_the_notice_when_a_presentation_is_french(client, demo):
    cohorts = Cohort.objects.published()
    for cohort in cohorts:
        cohort.description_en = f"Cohort {cohort.number} in English."
        cohort.save()
    assert NOTICE not in page(client, "/en/promotions/")

    untranslated = cohorts.exclude(description="").first()
    untranslated.description_en = ""
    untranslated.save()
    english = page(client, "/en/promotions/")
    assert english.count(NOTICE) == 1
    assert '<p class="fr-card__desc" lang="fr">' in english
    assert NOTICE not in page(client, "/promotions/")


def test_the_demo_s_tagline_and_criteria_are_in_english(client, demo):
    programme = Programme.objects.get()
    english = page(client, "/en/")

    assert f'<p class="fr-header__service-tagline">{programme.tagline_en}</p>' in english
    assert programme.tagline_en and NOTICE not in english  # the home's criteria are translated
    assert escape(programme.tagline) in page(client, "/")


def test_the_demo_translates_its_call_once_and_keeps_the_team_s_english(demo):
    call = ChallengeCall.objects.create(
        cohort=Cohort.objects.get(number=2), introduction="Administrations centrales…"
    )
    ChallengeCallQuestion.objects.create(
        call=call, question="Qui peut proposer un défi ?", answer="Toute administration."
    )

    load_english_calls()

    call.refresh_from_db()
    assert call.introduction_en.startswith("Central administrations")
    assert call.questions.get().question_en == "Who can put forward a challenge?"
    assert all(criterion.title_en for criterion in call.criteria.all())

    # Loaded again, the team's own English texts stay.
    Programme.objects.update(tagline_en="Our own tagline")
    call.criteria.update(title_en="Our own criterion")
    load_english_programme()
    load_english_calls()
    assert Programme.objects.get().tagline_en == "Our own tagline"
    assert set(call.criteria.values_list("title_en", flat=True)) == {"Our own criterion"}


def test_the_team_edits_the_english_texts_next_to_the_french_ones(team_client, demo, call):
    SelectionCriterion.objects.create(cohort=call.cohort, sort_order=0, title="Compréhension")

    edit = page(team_client, f"/admin/snippets/proposals/challengecall/edit/{call.pk}/")
    for field in ("introduction_en", "rules_en", "criteria-0-title_en", "questions-0-answer_en"):
        assert f'name="{field}"' in edit, field
    assert 'id="tab-label-english"' in edit
    edit = page(team_client, f"/admin/snippets/cohorts/cohort/edit/{call.cohort.pk}/")
    assert 'name="selection_criteria-0-title_en"' in edit


def test_the_team_writes_the_programme_s_english_tagline(team_client, demo):
    programme = Programme.objects.get()
    url = f"/admin/snippets/cohorts/programme/edit/{programme.pk}/"
    assert 'name="tagline_en"' in page(team_client, url)

    fields = ["name", "short_name", "tagline", "operator", "operator_url", "contact_email"]
    data = {name: getattr(programme, name) for name in fields}
    data |= {
        "more_information_url": programme.more_information_url,
        "current_cohort": programme.current_cohort_id or "",
        "accessibility_status": programme.accessibility_status,
        "tagline_en": "Digital talent for the State",
        "operator_en": "Etalab (Prime Minister)",
    }
    response = team_client.post(url, data)
    committed()

    assert response.status_code == 302
    programme.refresh_from_db()
    assert (programme.tagline_en, programme.operator_en) == (
        "Digital talent for the State",
        "Etalab (Prime Minister)",
    )
    assert "Digital talent for the State" in page(team_client, "/en/defis/")
