"""The English site of the demo (docs/i18n.md): the home, the rules and the FAQ translated, the
other pages left as aliases of the French ones so that the fallback notice shows on real pages.
"""

import json

from wagtail.models import Locale

from eig.challenges.models import Challenge
from eig.cohorts.models import Cohort
from eig.events.models import Event
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
}


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
