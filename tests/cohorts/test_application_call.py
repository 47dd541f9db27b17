import datetime
import zoneinfo

from django.utils import timezone

from eig.challenges.models import Challenge
from eig.cohorts.models import ApplicationCallState, Cohort
from tests.factories import ChallengeFactory, CohortFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
SECOND = datetime.timedelta(seconds=1)


def test_call_state_around_its_opening_and_closing_instants():
    # Closes at 02:30 on the night summer time ends in Paris: 02:30 happens twice that night;
    # fold=0 is the first one (UTC+2).
    opens = datetime.datetime(2026, 9, 27, 0, 0, tzinfo=PARIS)
    closes = datetime.datetime(2026, 10, 25, 2, 30, tzinfo=PARIS)
    cohort = Cohort(application_call_opens_at=opens, application_call_closes_at=closes)

    assert cohort.application_call_state(opens - SECOND) == ApplicationCallState.UPCOMING
    assert cohort.application_call_state(opens) == ApplicationCallState.OPEN
    assert cohort.application_call_state(closes - SECOND) == ApplicationCallState.OPEN
    assert cohort.application_call_state(closes) == ApplicationCallState.CLOSED
    assert cohort.application_call_state(closes + SECOND) == ApplicationCallState.CLOSED
    # One hour of wall-clock time later it is 02:30 again in Paris, but the call is closed.
    assert closes.astimezone(datetime.UTC).hour == 0
    assert cohort.application_call_state(closes + datetime.timedelta(hours=1)) == "closed"


def test_call_without_dates_is_not_scheduled():
    assert Cohort().application_call_state() == ApplicationCallState.NOT_SCHEDULED


def open_cohort(**kwargs):
    now = timezone.now()
    return CohortFactory(
        application_call_opens_at=now - datetime.timedelta(days=3),
        application_call_closes_at=now + datetime.timedelta(days=2, hours=5),
        **kwargs,
    )


def test_home_and_challenge_pages_invite_to_apply_while_the_call_is_open(client, demo):
    cohort = open_cohort(programme=demo)
    challenge = ChallengeFactory(cohort=cohort, status=Challenge.Status.OPEN, slug="ouvert")

    home = client.get("/").content.decode()
    page = client.get("/defis/ouvert/").content.decode()

    for html in (home, page):
        assert ">Candidater</a>" in html
        assert "Il reste 2 jours :" in html  # one unit, rounded down
        assert "(heure de Paris)" in html
    assert f'href="/candidater/?defi={challenge.slug}"' in page


def test_pages_say_when_the_call_opens(client, demo):
    now = timezone.now()
    CohortFactory(
        programme=demo,
        application_call_opens_at=datetime.datetime(2030, 9, 27, 9, 0, tzinfo=PARIS),
        application_call_closes_at=datetime.datetime(2030, 10, 27, 17, 0, tzinfo=PARIS),
    )
    assert now.year < 2030

    html = client.get("/").content.decode()

    assert "ouvrira le vendredi 27 septembre 2030 à 09h00 (heure de Paris)" in html
    assert ">Candidater</a>" not in html


def test_home_says_when_the_featured_cohort_call_closed(client, demo):
    html = client.get("/").content.decode()

    assert "est clos depuis le 27 octobre 2017 à 17h00 (heure de Paris)" in html
    assert ">Candidater</a>" not in html
    assert ">Candidater</a>" not in client.get("/defis/hopkins/").content.decode()
