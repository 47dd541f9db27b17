"""The English site of the demo (docs/i18n.md): the home, the rules and the FAQ translated, the
other pages left as aliases of the French ones so that the fallback notice shows on real pages;
the programme's tagline, the calls for défis and the selection criteria translated; one défi
partly translated, some events and the promotions' presentations.
"""

import json

from wagtail.models import Locale

from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort, Programme, SelectionCriterion
from eig.events.models import Event
from eig.proposals.models import ChallengeCall, ChallengeCallCriterion, ChallengeCallQuestion
from eig.website.i18n import ensure_english_tree

HOME = {
    "title": "Home",
    "seo_title": "Entrepreneurs d'intérêt général: digital talent serving the French State",
    "intro": (
        "Run by Etalab, the Entrepreneurs d'intérêt général programme invites digital "
        "specialists to join a public administration for the time of a défi: a concrete "
        "problem, put forward by the administration itself, which they work on with its staff "
        "through data, code and design."
    ),
    "body": [
        ("heading", "How it works"),
        (
            "paragraph",
            "<p>Every year, administrations put forward défis of general interest. A jury keeps "
            "the most promising ones, then a call for applications brings together, for each "
            "défi, a small team of entrepreneurs d'intérêt général (EIG) with complementary "
            "skills.</p>"
            "<p>Hired on a fixed-term contract by the administration that runs the défi, the "
            "fellows work there every day with an <b>operational mentor</b> and are followed "
            "by a <b>strategic mentor</b> from its management. Together they form a promotion "
            "that meets regularly for mentoring sessions, workshops and mutual help.</p>",
        ),
        ("heading", "An ambition: opening the State to digital talent"),
        (
            "paragraph",
            "<p>Launched in 2016 at the initiative of the Presidency of the Republic, the "
            "programme brings into the administration people who rarely go there: data "
            "scientists, developers, designers. It gives them missions useful to everyone, and "
            "in return lets public services discover other ways of working: agile methods, "
            "user-centred design, open data and open source code.</p>",
        ),
        ("heading", "Open and reusable results"),
        (
            "paragraph",
            "<p>The fellows publish their work under a free licence and share what they learnt. "
            "Other administrations can take up and improve the tools they build, and each "
            "promotion learns from the previous one.</p>",
        ),
    ],
}

RULES = {
    "title": "Rules",
    "intro": (
        "Each promotion has its rules. By applying, you accept the rules of the promotion you "
        "apply to, in the version shown here on the day you tick the box. The rules are "
        "written in French: the French version is the only one that applies."
    ),
}

FAQ = {
    "title": "Frequently asked questions",
    "intro": (
        "Answers to the questions most often asked by applicants and by the administrations "
        "that wish to put forward a défi."
    ),
    "sections": [
        (
            "For applicants",
            [
                (
                    "Who can take part in the programme?",
                    "<p>Anyone who has completed higher education may apply; students and "
                    "apprentices still in training may not. Around five years of professional "
                    "experience is appreciated, but less experienced people who have led "
                    "entrepreneurial or community projects are welcome.</p>",
                ),
                (
                    "What kind of contract is it?",
                    "<p>For promotion 2, each fellow signed with the host administration a "
                    "fixed-term contract of ten months, paid 4,000 euros net a month.</p>",
                ),
                (
                    "Why ten months?",
                    "<p>Each promotion's rules set the length: for promotion 2, full-time work "
                    "ran from January to November 2018. This short format aims at a first "
                    "concrete, usable result.</p>",
                ),
            ],
        ),
        (
            "For administrations",
            [
                (
                    "Should we host two or three fellows?",
                    "<p>A défi is usually given to a team of two or three fellows with "
                    "complementary skills. There are exceptions: in promotion 2, the EIG Link "
                    "défi, supporting the whole promotion, was given to a single person. The "
                    "team's size follows from the profiles the défi needs.</p>",
                ),
            ],
        ),
    ],
}


# One défi translated (the others show their French texts with the notice).
CHALLENGES = {
    "signauxfaibles": {
        "name_en": "Weak Signals",
        "summary_en": (
            "Spotting small and medium-sized businesses in difficulty early, by bringing "
            "together public data (URSSAF, DIRECCTE, Banque de France…), so that the State's "
            "services can support them in time."
        ),
        "problem_en": (
            "Every year in France, some 4,000 small and medium-sized businesses go bankrupt, "
            "while some failures could be avoided if they were spotted early enough. The "
            "administrations hold a lot of information on the economic, financial and social "
            "situation of businesses, but it is scattered."
        ),
    },
}


# Some events translated, by their French title (the others show in French with the notice).
EVENTS = {
    "Demo Day de la promotion 2": {
        "title_en": "Cohort 2 Demo Day",
        "description_en": "Each team shows in five minutes what its challenge has built so far.",
    },
    "Arrivée des EIG dans leurs administrations d'accueil": {
        "title_en": "The EIGs join their host organisations",
        "description_en": "The fellows of Cohort 2 start their ten months within the teams "
        "that run their challenges.",
    },
    "Bootcamp d'intégration de la promotion 2": {
        "title_en": "Cohort 2 induction bootcamp",
    },
    "Session d’information pour les candidat·e·s de la promotion 3": {
        "title_en": "Information session for Cohort 3 applicants",
        "description_en": "The programme team presents the open challenges and answers "
        "applicants' questions.",
    },
}


# The promotions' presentations, by number.
COHORTS = {
    1: "The first cohort led the way in 2017: 11 entrepreneurs d'intérêt général joined "
    "ministries, courts and public bodies to take up 9 challenges. Each challenge was followed "
    "by at least one mentor from its host organisation, and the results were presented at a "
    "closing session in October 2017.",
    2: "The second cohort was recruited in autumn 2017 and joined its host organisations in "
    "January 2018 for ten months. Working in teams of two or three, its members took up 13 "
    "challenges selected by a jury of experts, then validated by the steering committee of the "
    "Investments for the Future fund that finances them. Each team had an operational mentor "
    "and was followed by a strategic mentor.",
    3: "A fictional cohort, created by the demo to try the call for applications: its "
    "challenges do not exist, but the application journey is the programme's own.",
}


# The programme's own texts: its tagline (in the header) and who runs it (in the footer).
PROGRAMME = {
    "tagline_en": "Digital talent joining public administrations to take up, with their staff, "
    "challenges of general interest",
    "operator_en": "Etalab (DINSIC, Prime Minister's Office)",
}

# The calls for défis: their presentation, by cohort number.
CALL_INTRODUCTIONS = {
    2: "Central administrations, regional services, public bodies: put forward a digital "
    "challenge of general interest that two or three entrepreneurs d'intérêt général will take "
    "up for ten months with your staff. The challenges kept by the jury, then approved by the "
    "steering committee of the fund that finances them, make up the programme's second cohort.",
    3: "Central administrations, regional services, public bodies: put forward a digital "
    "challenge of general interest that two or three entrepreneurs d'intérêt général will take "
    "up for ten months with your staff. The challenges kept by the jury, then approved by the "
    "steering committee, make up the programme's Cohort 3.",
}

CALL_MEETING_PLACES = {
    "Liberté Living Lab, Paris": "Liberté Living Lab, Paris",
    "En visioconférence (le lien est envoyé aux inscrits)": "By video call (the link is sent "
    "to those who register)",
}

# The criteria of a défi, by their French title: (title, details).
CALL_CRITERIA = {
    "Impact pour l’administration et pour le public": (
        "Impact on the administration and the public",
        "",
    ),
    "Qualité de l’équipe d’agents et sa disponibilité": (
        "Quality and availability of the staff team",
        "",
    ),
    "Niveau et engagement des mentors": ("Seniority and commitment of the mentors", ""),
    "Précision du défi et des résultats attendus": (
        "Clarity of the challenge and of the expected results",
        "",
    ),
    "Données et ressources disponibles": ("Data and resources available", ""),
    "Cohérence avec les valeurs du programme": ("Fit with the programme's values", ""),
}

# The administrations' questions, by their French question: (question, answer).
CALL_QUESTIONS = {
    "Qui peut proposer un défi ?": (
        "Who can put forward a challenge?",
        "Any State administration, central or regional, and its public bodies. Several staff "
        "members of the same administration write a single proposal together.",
    ),
    "Combien coûte l'accueil des EIG ?": (
        "What does hosting EIGs cost?",
        "The programme pays a large share of the fellows' salaries; the host administration "
        "says in its proposal what it can co-fund, and provides a team of staff, mentors, a "
        "workplace and its data.",
    ),
    "Que se passe-t-il après le dépôt ?": (
        "What happens once the proposal is submitted?",
        "The programme team checks that the proposal is admissible and shortlists challenges "
        "on paper; the shortlisted administrations then present their challenge to a jury. "
        "The steering committee approves the challenges kept.",
    ),
    "Pouvons-nous modifier notre proposition après l'avoir déposée ?": (
        "Can we change our proposal after submitting it?",
        "Yes, until the call closes: each change becomes the submitted version.",
    ),
}

# The selection criteria of the calls for applications, by their French title. The
# availability's details depend on the cohort's dates (written below).
SELECTION_CRITERIA = {
    "Dynamisme et esprit d'initiative": (
        "Drive and initiative",
        "Energy, a vision, a taste for taking initiatives and a positive attitude.",
    ),
    "Compréhension du défi": (
        "Understanding of the challenge",
        "Grasping what is at stake in the challenge and suggesting strategic directions to move "
        "it forward.",
    ),
    "Sens de l'intérêt général": (
        "Commitment to the general interest",
        "Working for the common good, for instance through contributions to free software or "
        "volunteering.",
    ),
    "Intégration dans l'administration": (
        "Fitting into the administration",
        "Finding one's place in an administration and working with all its trades: information "
        "systems, business services, human resources, senior management.",
    ),
    "Intégration dans une administration": (
        "Fitting into an administration",
        "Dialogue with business services, IT and HR.",
    ),
    "Compétences techniques": (
        "Technical skills",
        "Technology (programming languages, frameworks, full-stack development), design, user "
        "experience or data science.",
    ),
}


def load_english_calls():
    """The calls for défis in English: their presentation, criteria and questions; and the
    open call's cohort, made after the site (its presentation and selection criteria)."""
    load_english_programme()
    load_english_cohorts()
    for place, place_en in CALL_MEETING_PLACES.items():
        ChallengeCall.objects.filter(
            information_meeting_place=place, information_meeting_place_en=""
        ).update(information_meeting_place_en=place_en)
    for number, introduction in CALL_INTRODUCTIONS.items():
        ChallengeCall.objects.filter(cohort__number=number, introduction_en="").update(
            introduction_en=introduction
        )
    for title, (title_en, details_en) in CALL_CRITERIA.items():
        ChallengeCallCriterion.objects.filter(title=title, title_en="").update(
            title_en=title_en, details_en=details_en
        )
    for question, (question_en, answer_en) in CALL_QUESTIONS.items():
        ChallengeCallQuestion.objects.filter(question=question, question_en="").update(
            question_en=question_en, answer_en=answer_en
        )


def load_english_programme():
    """The programme's tagline and operator and the selection criteria, in English."""
    Programme.objects.filter(tagline_en="").update(**PROGRAMME)
    for title, (title_en, details_en) in SELECTION_CRITERIA.items():
        SelectionCriterion.objects.filter(title=title, title_en="").update(
            title_en=title_en, details_en=details_en
        )
    for criterion in SelectionCriterion.objects.filter(
        title="Disponibilité", title_en=""
    ).select_related("cohort"):
        criterion.title_en, criterion.details_en = "Availability", _availability(criterion.cohort)
        criterion.save(update_fields=["title_en", "details_en"])


def _availability(cohort):
    if not cohort.starts_on:
        return f"Full time for {cohort.duration_months} months."
    return (
        f"Full time for {cohort.duration_months} months, "
        f"from {cohort.starts_on:%B} {cohort.starts_on.day}, {cohort.starts_on.year}."
    )


def load_english_cohorts():
    for number, description in COHORTS.items():
        Cohort.objects.filter(number=number, description_en="").update(description_en=description)


def load_english_events():
    for title, texts in EVENTS.items():
        Event.objects.filter(title=title, title_en="").update(**texts)


def load_english_challenges():
    for slug, texts in CHALLENGES.items():
        Challenge.objects.filter(slug=slug, name_en="").update(**texts)


def load_english_pages(home):
    """The English tree, then the translations of the home, the rules and the FAQ (once)."""
    load_english_programme()
    load_english_cohorts()
    load_english_challenges()
    ensure_english_tree()
    english = Locale.objects.get(language_code="en")
    pages = {
        home: {**HOME, "body": _stream(HOME["body"])},
        home.get_children().get(slug="reglement"): RULES,
        home.get_children().get(slug="faq"): {**FAQ, "sections": _faq(FAQ["sections"])},
    }
    for page, fields in pages.items():
        translation = page.get_translation(english).specific
        if translation.alias_of_id is None:
            continue  # already translated
        translation.alias_of = None
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()


def _stream(blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _faq(sections):
    return json.dumps(
        [
            {
                "type": "section",
                "value": {
                    "title": title,
                    "questions": [{"question": q, "answer": a} for q, a in questions],
                },
            }
            for title, questions in sections
        ]
    )
