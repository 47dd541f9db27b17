from eig.selection.conflicts import (
    CandidateFacts,
    ReviewerFacts,
    employer_domain,
    employer_reason,
    host_reason,
    most_recent_organisation,
    normalise_organisation,
)


def test_organisations_compare_without_case_accents_or_spaces():
    assert normalise_organisation("  Ministère de l’Intérieur ") == normalise_organisation(
        "ministere  de l'interieur"
    )


def test_public_webmail_says_nothing_about_an_employer():
    assert employer_domain("alice@gmail.com") == ""
    assert employer_domain("alice@Laposte.net") == ""
    assert employer_domain("alice@acme.fr") == "acme.fr"


def test_same_organisation_as_the_current_employer_is_a_conflict():
    reviewer = ReviewerFacts(organisation="Société Générale", email="bob@jury.example.org")
    candidate = CandidateFacts(email="a@gmail.com", latest_organisation="societe generale")
    assert employer_reason(reviewer, candidate)


def test_same_professional_email_domain_is_a_conflict():
    reviewer = ReviewerFacts(organisation="", email="bob@acme.fr")
    assert employer_reason(reviewer, CandidateFacts(email="alice@ACME.fr"))


def test_same_webmail_domain_is_no_conflict():
    reviewer = ReviewerFacts(organisation="", email="bob@gmail.com")
    assert employer_reason(reviewer, CandidateFacts(email="alice@gmail.com")) is None


def test_other_employer_is_no_conflict():
    reviewer = ReviewerFacts(organisation="Etalab", email="bob@etalab.example")
    candidate = CandidateFacts(email="alice@acme.fr", latest_organisation="Acme")
    assert employer_reason(reviewer, candidate) is None


def test_reviewer_of_a_host_administration_and_its_defi_is_a_conflict():
    reviewer = ReviewerFacts(organisation="", email="bob@x.fr", host_id=7)
    assert host_reason(reviewer, CandidateFacts(email="a@y.fr", host_ids=frozenset({7, 8})))
    assert host_reason(reviewer, CandidateFacts(email="a@y.fr", host_ids=frozenset({8}))) is None
    assert host_reason(ReviewerFacts("", "bob@x.fr"), CandidateFacts("a@y.fr")) is None


def test_the_most_recent_experience_is_the_ongoing_one_then_the_latest():
    experiences = [(1, 2010, 2015, "Ancien"), (2, 2016, None, "Actuel"), (3, 2015, 2020, "Autre")]
    assert most_recent_organisation(experiences) == "Actuel"
    assert most_recent_organisation([(1, 2010, 2015, "A"), (2, 2012, 2019, "B")]) == "B"
    assert most_recent_organisation([]) == ""
