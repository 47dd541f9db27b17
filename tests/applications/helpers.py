"""Posting the steps of the application form as a browser would."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import small_pdf


def step_url(cohort, slug):
    return f"/candidater/{cohort.number}/{slug}/"


def review_url(cohort):
    return f"/candidater/{cohort.number}/recapitulatif/"


def start(client, cohort, **extra):
    return client.post("/candidater/", {"cohort": cohort.number, **extra})


def management(prefix, total, initial=0, maximum=5):
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": maximum,
    }


def identity_data(**changes):
    return {
        "first_name": "Alice",
        "last_name": "Martin",
        "email": "alice@example.fr",
        "phone": "06 12 34 56 78",
        "city": "Lyon",
        "profile": "development",
        "years_of_experience": "6",
    } | changes


def background_data(experiences=(), initial=0, **changes):
    data = {
        "background": "Développeuse web, puis cheffe de projet.",
        "experiences_text": "",
        "code_forge_url": "https://forge.example/alice",
        "portfolio_url": "",
        "professional_profile_url": "",
        **management("experiences", len(experiences), initial=initial),
    }
    for index, experience in enumerate(experiences):
        data |= {f"experiences-{index}-{name}": value for name, value in experience.items()}
    return data | changes


def choices_data(*rows):
    """`rows`: (challenge, contribution) pairs; the form always has three rows."""
    data = management("choices", 3, maximum=3)
    for index in range(3):
        challenge, contribution = rows[index] if index < len(rows) else (None, "")
        data[f"choices-{index}-challenge"] = challenge.pk if challenge else ""
        data[f"choices-{index}-contribution"] = contribution
    return data


def motivation_data(**changes):
    return {
        "motivation": "Contribuer au logiciel libre, au service de tous.",
        "administration_fit": "En partant des besoins des agents.",
    } | changes


def eligibility_data(**changes):
    return {
        "available_full_time": "on",
        "not_public_agent": "on",
        "studies_completed": "on",
        "accepts_rules": "on",
        "consents_to_processing": "on",
    } | changes


def pdf_upload(content=None, name="CV Alice.pdf"):
    return SimpleUploadedFile(name, content or small_pdf(), content_type="application/pdf")


def fill_every_step(client, cohort, challenge):
    """Fill the whole form, step by step, each time with « Enregistrer et continuer »."""
    posts = [
        ("identite", identity_data()),
        (
            "parcours",
            background_data(
                experiences=[{"title": "Développeuse", "organisation": "Asso", "start_year": 2018}]
            ),
        ),
        ("cv", {"cv": pdf_upload()}),
        ("motivation", motivation_data()),
        ("defis", choices_data((challenge, "Dix ans de web."))),
        ("binome", {"preferred_teammate": ""}),
        ("eligibilite", eligibility_data()),
    ]
    for slug, data in posts:
        response = client.post(step_url(cohort, slug), {**data, "navigation": "next"})
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
