"""The demo's rules, one version per promotion.

Promotion 2: the outline of its 2017 rules, with the official PDF of the time. Promotion 3 is
fictional: its rules are written for the demonstration, from the programme's principles, and
take their dates and figures from the cohort itself so they never contradict its calendar.
"""

import zoneinfo

from django.utils import timezone
from django.utils.formats import date_format, number_format

from eig.demo.data.pages import CONTACT, RULES_PROMOTION_2

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
PROMOTION_2_DOCUMENT = (
    "https://entrepreneur-interet-general.etalab.gouv.fr/assets/"
    "EIG-promotion2_reglement_programme_VFF.pdf"
)


def promotion_2_text():
    return "".join(
        f"<h2>{value}</h2>" if kind == "heading" else value
        for kind, value in RULES_PROMOTION_2["blocks"]
    )


def _day(value):
    return date_format(value, "j F Y")


def promotion_3_text(cohort):
    """The fictional rules of the open call, from the cohort's own dates and figures."""
    opens = timezone.localtime(cohort.application_call_opens_at, PARIS)
    closes = timezone.localtime(cohort.application_call_closes_at, PARIS)
    values = {
        "opens": _day(opens),
        "closes": _day(closes),
        "closes_hour": date_format(closes, "H\\hi"),
        "auditions": _day(cohort.auditions_start),
        "auditions_end": _day(cohort.auditions_end),
        "starts": _day(cohort.starts_on),
        "months": cohort.duration_months,
        "pay": number_format(cohort.net_monthly_pay, force_grouping=True),
        "contract": cohort.contract,
        "min": cohort.team_size_min,
        "max": cohort.team_size_max,
        "contact": CONTACT,
    }
    return (
        "<h2>1. L'objet du programme</h2>"
        "<p>Le programme réunit, pendant {months} mois, des spécialistes du numérique et des "
        "agents publics autour de défis d'intérêt général proposés par des administrations. "
        "Chaque défi est confié à une équipe de {min} à {max} entrepreneur·e·s d'intérêt "
        "général (EIG), épaulée par un mentor opérationnel et un mentor stratégique.</p>"
        "<h2>2. Qui peut candidater</h2>"
        "<ul>"
        "<li>Toute personne ayant terminé ses études ; les étudiant·e·s et apprenti·e·s ne "
        "peuvent pas candidater.</li>"
        "<li>Les agents publics en poste, les membres des jurys et les personnes qui "
        "organisent la sélection ne peuvent pas candidater.</li>"
        "<li>Il faut être disponible à temps plein pendant toute la durée du programme, à "
        "partir du {starts}.</li>"
        "</ul>"
        "<h2>3. Comment candidater</h2>"
        "<p>Les candidatures se déposent sur ce site, et seulement ici, du {opens} au "
        "{closes} à {closes_hour} (heure de Paris). Chaque personne choisit de un à trois "
        "défis, par ordre de préférence, et dit ce qu'elle apporterait à chacun. Elle peut "
        "indiquer avec qui elle aimerait faire équipe ; la sélection reste individuelle. Une "
        "candidature déposée reste modifiable jusqu'à la clôture ; une candidature incomplète "
        "ne peut pas être déposée.</p>"
        "<h2>4. La sélection</h2>"
        "<ol>"
        "<li>L'équipe du programme vérifie que chaque candidature remplit les conditions.</li>"
        "<li>Un jury lit les candidatures recevables et les évalue sur les critères publiés "
        "avec l'appel ; chaque membre déclare ses conflits d'intérêts et ne lit aucune "
        "candidature concernée.</li>"
        "<li>Les personnes retenues à l'issue de cette lecture sont invitées à une audition, "
        "du {auditions} au {auditions_end}.</li>"
        "<li>Les décisions sont envoyées à chaque personne par e-mail et restent visibles "
        "dans son espace.</li>"
        "</ol>"
        "<h2>5. Le contrat et la rémunération</h2>"
        "<p>Chaque EIG signe avec son administration d'accueil un {contract} de {months} mois, "
        "à partir du {starts}, rémunéré {pay} euros nets par mois.</p>"
        "<h2>6. Les engagements des EIG</h2>"
        "<ul>"
        "<li>Servir l'intérêt général et respecter les obligations des agents publics.</li>"
        "<li>Publier le code et les données produits sous licence libre, sauf secret "
        "protégé par la loi.</li>"
        "<li>Participer aux rencontres de la promotion et partager leur expérience.</li>"
        "</ul>"
        "<h2>7. Les données personnelles</h2>"
        "<p>Les candidatures servent à la sélection et sont conservées pour les durées "
        "indiquées sur la page « Données personnelles ». Pour exercer vos droits, écrivez à "
        "{contact}.</p>"
    ).format(**values)
