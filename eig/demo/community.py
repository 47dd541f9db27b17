"""Promotion 2's life in the demo: its fellows, a few public profiles, the 2018 calendar with
registrations and attendance, and sessions still to come to register to.

Idempotent and fast: rows are keyed on what identifies them (an application, an account, an
event's title), the photos are drawn once.
"""

import datetime
import io
import zoneinfo

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from eig.applications.models import Application
from eig.community.models import Fellow, Profile, Registration
from eig.events.models import Event

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
LIVING_LAB = "Liberté Living Lab, Paris"

# The fellows who agreed to be shown, in our own words; the demo fellow (the first one) has
# started their profile but not agreed yet, to try the consent.
PROFILES = [
    {
        "bio": "Développeur, je rends lisibles des données qui dormaient dans des tableurs.",
        "skills": "Python, Django, données ouvertes",
        "links": "https://github.com/exemple-eig",
        "public_fields": ["bio", "skills"],
        "consented": False,
    },
    {
        "bio": "Designer de services : j’ai passé mes premières semaines sur le terrain, avec "
        "les agents qui utiliseront l’outil.",
        "skills": "Recherche utilisateur, prototypage, accessibilité",
        "links": "https://www.example.org/portfolio",
        "after": "Designer dans une administration centrale, où l’outil est maintenu.",
        "public_fields": ["photo", "bio", "skills", "links", "after"],
        "consented": True,
    },
    {
        "bio": "Data scientist, je cherche avec l’équipe métier les signaux qui comptent.",
        "skills": "Statistiques, apprentissage automatique, R",
        "public_fields": ["photo", "bio", "skills"],
        "consented": True,
    },
    {
        "bio": "Développeuse, je construis l’API et j’ouvre le code dès le premier jour.",
        "skills": "JavaScript, API, logiciel libre",
        "links": "https://gitlab.com/exemple-eig",
        "public_fields": ["photo", "bio", "links"],
        "consented": True,
    },
    {
        "bio": "Je fais le lien entre l’équipe, les utilisateurs et les données.",
        "skills": "Gestion de produit, SQL",
        "public_fields": ["bio", "skills"],
        "consented": True,
    },
]
MENTOR_PROFILE = {
    "bio": "J’accompagne l’équipe du défi : je lui ouvre les portes de l’administration et je "
    "l’aide à garder le cap de sa feuille de route.",
    "skills": "Conduite du changement, connaissance du métier",
    "public_fields": ["bio", "skills"],
}

# What the 2018 calendar gains: audience, times, registration (titles as in data/events.py).
SESSION = (datetime.time(15), datetime.time(18, 30))  # every other Thursday at the Living Lab
CALENDAR_2018 = {
    "Bootcamp d'intégration de la promotion 2": {
        "audience": "promotion",
        "times": (datetime.time(9, 30), datetime.time(18)),
        "capacity": 40,
    },
    "Bootcamp des mentors": {
        "audience": "mentors",
        "times": (datetime.time(14), datetime.time(18)),
    },
    "Construire la feuille de route de chaque défi": {"audience": "promotion", "times": SESSION},
    "Première session de revue de code": {"audience": "promotion", "times": SESSION},
    "Recherche produit, design centré utilisateur et ouverture du code": {
        "audience": "promotion",
        "times": SESSION,
    },
    "Clinique des données": {"audience": "promotion", "times": SESSION, "capacity": 12},
    "Communiquer et apprendre": {"audience": "promotion", "times": SESSION},
    "Barcamp documentation": {"audience": "promotion", "times": SESSION},
    "Réunion d'information sur l'appel à défis de la promotion 3": {
        "kind": "information_administrations",
    },
    "Session d'information pour les candidat·e·s de la promotion 2": {
        "kind": "information_candidates",
    },
    "Atelier pérennité avec les DSI des ministères": {"audience": "promotion"},
    "Point d'étape sur les feuilles de route": {"audience": "promotion", "times": SESSION},
    "Demo Day de la promotion 2": {
        "kind": "demo_day",
        "times": (datetime.time(14), datetime.time(17)),
        "capacity": 120,
    },
    "Session de mi-parcours des mentors": {"audience": "mentors"},
    "Séminaire au vert et atelier retour d'expérience": {"audience": "promotion"},
    "Journée Wikipédia et Wikimedia Commons": {"audience": "promotion"},
    "Présentation des résultats de la promotion 2": {
        "kind": "final_presentation",
        "times": (datetime.time(18), datetime.time(21)),
        "capacity": 200,
    },
}
# Sessions to come, dated from today so that there is always something to register to.
UPCOMING = [
    {
        "title": "Session de la promotion : revue de code croisée",
        "kind": "workshop",
        "audience": "promotion",
        "days": 7,
        "capacity": 30,
        "registered": 8,
        "description": "Chaque équipe montre un morceau de son code à une autre, qui le relit "
        "avec elle. Apportez votre ordinateur.",
    },
    {
        "title": "Atelier accessibilité numérique",
        "kind": "workshop",
        "audience": "promotion",
        "days": 14,
        "capacity": 6,
        "registered": 6,
        "waiting": 2,
        "description": "Tester son service avec un lecteur d’écran et corriger les erreurs les "
        "plus fréquentes. Petit groupe : six places.",
    },
    {
        "title": "Session de mentoring : préparer le Demo Day",
        "kind": "mentoring",
        "audience": "mentors",
        "days": 10,
        "capacity": None,
        "registered": 0,
        "description": "Les mentors préparent avec l’équipe du programme la présentation de "
        "chaque défi en cinq minutes.",
    },
    {
        "title": "Session d’information pour les candidat·e·s de la promotion 3",
        "kind": "information_candidates",
        "audience": "public",
        "days": 9,
        "capacity": 80,
        "registered": 0,
        "description": "L’équipe du programme présente les défis ouverts et répond aux "
        "questions sur la candidature.",
    },
]


def load_community_demo(cohort, mentor=None):
    """Make the cohort's fellows and their calendar; returns the demo fellow (or None)."""
    fellows = _fellows(cohort)
    if not fellows:
        return None
    for fellow, values in zip(fellows, PROFILES, strict=False):
        _profile(
            fellow.user,
            fellow.application.full_name,
            values,
            photo="photo" in values["public_fields"],
        )
    if mentor is not None and mentor.user_id:
        _profile(mentor.user, mentor.full_name, {**MENTOR_PROFILE, "consented": True}, photo=False)
    _calendar_2018(cohort, [fellow.user for fellow in fellows])
    _upcoming(cohort, [fellow.user for fellow in fellows[1:]])
    return fellows[0]


def _fellows(cohort):
    """The retained candidates on their first choice, as many per défi as it sought."""
    places = {challenge.pk: challenge.fellows_sought or 3 for challenge in cohort.challenges.all()}
    retained = (
        Application.objects.filter(cohort=cohort, status=Application.Status.SELECTED)
        .prefetch_related("choices")
        .order_by("pk")
    )
    for application in retained:
        choice = min(application.choices.all(), key=lambda c: c.rank, default=None)
        if choice is None or Fellow.objects.filter(application=application).exists():
            continue
        if (
            places.get(choice.challenge_id, 0)
            <= cohort.fellows.filter(challenge=choice.challenge_id).count()
        ):
            continue
        Fellow.objects.create(
            application=application,
            user_id=application.candidate_id,
            challenge_id=choice.challenge_id,
            cohort=cohort,
        )
    return list(
        Fellow.objects.filter(cohort=cohort).select_related("application", "user").order_by("pk")
    )


def _profile(user, name, values, *, photo):
    values = dict(values)
    consented = values.pop("consented")
    profile, created = Profile.objects.get_or_create(
        user=user,
        defaults={
            "name": name,
            **values,
            "consented_at": timezone.now() if consented else None,
        },
    )
    if created and photo:
        profile.photo.save(f"profil-{user.pk}.jpg", _portrait(name), save=True)
    return profile


def _portrait(name):
    """A drawn portrait: initials on a DSFR colour, for a demo without real faces."""
    colours = ["#000091", "#6a6af4", "#18753c", "#b34000", "#a558a0"]
    image = Image.new("RGB", (240, 240), colours[sum(map(ord, name)) % len(colours)])
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    draw = ImageDraw.Draw(image)
    draw.text((120, 120), initials, fill="white", anchor="mm", font_size=96)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=85)
    return ContentFile(output.getvalue())


def _at(day, time):
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def _calendar_2018(cohort, fellows):
    for event in Event.objects.filter(title__in=CALENDAR_2018):
        values = CALENDAR_2018[event.title]
        event.kind = values.get("kind", event.kind)
        event.audience = values.get("audience", "public")
        event.capacity = values.get("capacity")
        event.registration_open = "capacity" in values or "times" in values
        if "times" in values:
            start, end = values["times"]
            event.starts_at = _at(event.starts_on, start)
            event.ends_at = _at(event.ends_on or event.starts_on, end)
        event.save()
        if event.registration_open and event.audience != "mentors":
            # Past sessions: who came, as the team noted it.
            for index, user in enumerate(fellows[: event.capacity or len(fellows)]):
                Registration.objects.get_or_create(
                    event=event,
                    user=user,
                    defaults={
                        "status": Registration.Status.REGISTERED,
                        "registered_at": event.start - datetime.timedelta(days=7, minutes=index),
                        "attended": index % 7 != 3,
                        "reminded_at": event.start - datetime.timedelta(days=1),
                    },
                )


def _upcoming(cohort, others):
    today = timezone.localdate()
    for entry in UPCOMING:
        # The next weekday at least `days` ahead that is a Thursday, as the sessions were.
        day = today + datetime.timedelta(days=entry["days"])
        day += datetime.timedelta(days=(3 - day.weekday()) % 7)
        event, _created = Event.objects.update_or_create(
            title=entry["title"],
            cohort=cohort,
            defaults={
                "kind": entry["kind"],
                "audience": entry["audience"],
                "starts_on": day,
                "starts_at": _at(day, SESSION[0]),
                "ends_at": _at(day, SESSION[1]),
                "place": LIVING_LAB,
                "description": entry["description"],
                "capacity": entry["capacity"],
                "registration_open": True,
            },
        )
        now = timezone.now()
        people = others[: entry["registered"] + entry.get("waiting", 0)]
        for index, user in enumerate(people):
            Registration.objects.get_or_create(
                event=event,
                user=user,
                defaults={
                    "status": Registration.Status.REGISTERED
                    if index < entry["registered"]
                    else Registration.Status.WAITING,
                    "registered_at": now - datetime.timedelta(days=3, minutes=-index),
                },
            )


def demo_fellow(programme):
    """The fellow `load_community_demo` prepared, for load_demo to print."""
    return (
        Fellow.objects.filter(cohort__programme=programme)
        .select_related("application", "challenge", "user")
        .order_by("pk")
        .first()
    )
