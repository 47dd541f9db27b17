"""Locking and publishing a team proposal: decided on its locked row, all or nothing, once."""

import threading
import time

import pytest
from django.db import OperationalError, connection

from eig.applications.models import Application, ChallengeChoice
from eig.audit.models import Action, AuditEntry
from eig.teams import services
from eig.teams.models import TeamProposal
from eig.teams.services import TeamsRefused, lock, propose_teams, publish
from tests.factories import ApplicationFactory, ChallengeFactory, CohortFactory


def draft_proposal():
    cohort = CohortFactory(is_published=True, team_size_min=1, team_size_max=3)
    challenge = ChallengeFactory(cohort=cohort)
    application = ApplicationFactory(
        cohort=cohort, submitted=True, status=Application.Status.SELECTED
    )
    application.choices.all().delete()
    ChallengeChoice.objects.create(
        application=application, challenge=challenge, rank=1, contribution="x"
    )
    return propose_teams(cohort=cohort)


def copies(proposal):
    """Two copies of the proposal as two pages loaded it: each still says "draft"."""
    return [TeamProposal.objects.get(pk=proposal.pk) for _ in range(2)]


def test_a_second_lock_is_refused_even_from_a_page_loaded_before_the_first(carol):
    first, second = copies(draft_proposal())

    lock(first, by=carol)
    with pytest.raises(TeamsRefused, match="brouillon"):
        lock(second, by=carol)

    assert AuditEntry.objects.filter(action=Action.TEAMS_LOCKED).count() == 1


def test_a_second_publication_is_refused_even_from_a_page_loaded_before_the_first(carol):
    proposal = draft_proposal()
    lock(proposal, by=carol)
    first, second = copies(proposal)

    publish(first, by=carol)
    with pytest.raises(TeamsRefused, match="verrouillée"):
        publish(second, by=carol)

    assert AuditEntry.objects.filter(action=Action.TEAMS_PUBLISHED).count() == 1


def test_a_proposal_replaced_by_a_new_run_can_no_longer_be_locked(carol):
    replaced = draft_proposal()
    propose_teams(cohort=replaced.cohort)

    with pytest.raises(TeamsRefused, match="remplacée"):
        lock(replaced, by=carol)

    assert TeamProposal.objects.get(cohort=replaced.cohort).status == TeamProposal.Status.DRAFT


@pytest.mark.parametrize("transition", [lock, publish])
def test_the_change_and_its_journal_entry_go_together(carol, monkeypatch, transition):
    proposal = draft_proposal()
    if transition is publish:
        lock(proposal, by=carol)
    before = TeamProposal.objects.get(pk=proposal.pk).status

    def broken_journal(**kwargs):
        raise RuntimeError("journal unavailable")

    monkeypatch.setattr(services, "record", broken_journal)
    with pytest.raises(RuntimeError):
        transition(proposal, by=carol)

    assert TeamProposal.objects.get(pk=proposal.pk).status == before


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_locks_give_one_lock(monkeypatch):
    proposal = draft_proposal()
    pages = copies(proposal)
    start = threading.Barrier(2)
    outcomes = []
    record = services.record

    def slow_record(**kwargs):
        # Holds the transaction open: without the row lock, the other click would read "draft".
        time.sleep(0.5)
        record(**kwargs)

    monkeypatch.setattr(services, "record", slow_record)

    def click(page):
        start.wait()
        try:
            outcomes.append(lock(page, by=None))
        # PostgreSQL makes the second wait for the row lock, then find the proposal locked;
        # SQLite's in-memory test database refuses the second writer outright.
        except (TeamsRefused, OperationalError) as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=click, args=(page,)) for page in pages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcomes) == 2
    assert sum(isinstance(outcome, TeamProposal) for outcome in outcomes) == 1
    if connection.vendor == "postgresql":
        assert sum(isinstance(outcome, TeamsRefused) for outcome in outcomes) == 1
    assert AuditEntry.objects.filter(action=Action.TEAMS_LOCKED).count() == 1
    assert TeamProposal.objects.get(pk=proposal.pk).status == TeamProposal.Status.LOCKED
