"""The programme and its first two promotions."""

import datetime

PROGRAMME = {
    "name": "Entrepreneurs d'intérêt général",
    "short_name": "EIG",
    "tagline": "Des talents du numérique embarqués dans l'administration pour relever, "
    "avec les agents, des défis d'intérêt général",
    "operator": "Etalab (DINSIC, Services du Premier ministre)",
    "operator_url": "https://www.etalab.gouv.fr",
    "contact_email": "contact@eig.example",
    "more_information_url": "https://www.etalab.gouv.fr/entrepreneurs-dinteret-general",
    "accessibility_status": "non",
}

COHORTS = [
    {
        "number": 1,
        "year": 2017,
        "description": (
            "La première promotion a ouvert la voie en 2017 : 11 entrepreneur·e·s d'intérêt "
            "général ont rejoint des ministères, des juridictions et des établissements publics "
            "pour y mener 9 défis. Chaque défi était suivi par au moins un mentor de "
            "l'administration d'accueil, et les résultats ont été présentés lors d'une "
            "session de restitution en octobre 2017."
        ),
        "fellows_count": 11,
        "starts_on": None,
        "ends_on": None,
        "auditions_start": None,
        "auditions_end": None,
        # The facts do not date Promotion 1's call: four weeks in the autumn of 2016 for the
        # demo, as long as Promotion 2's, so that their curves compare (eig/demo/promotion_1.py).
        "application_call_opens_at": "2016-11-14 00:00",
        "application_call_closes_at": "2016-12-12 17:00",
        "duration_months": 10,
        "net_monthly_pay": None,
        # The promotion 1 défis were taken up by one or two fellows each (site-eig).
        "team_size_min": 1,
        "team_size_max": 2,
        "selection_criteria": [],
    },
    {
        "number": 2,
        "year": 2018,
        "description": (
            "La deuxième promotion a été recrutée à l'automne 2017 et a rejoint ses "
            "administrations d'accueil en janvier 2018 pour dix mois. Ses membres, réunis en "
            "équipes de deux ou trois, ont travaillé sur 13 défis retenus par un jury "
            "d'experts puis validés par le comité de pilotage du fonds du Programme "
            "d'investissements d'avenir qui les finance. Chaque équipe était épaulée par un "
            "mentor opérationnel et suivie par un mentor stratégique."
        ),
        "fellows_count": 27,
        "starts_on": datetime.date(2018, 1, 15),
        "ends_on": None,  # the facts only say "November 2018"
        "auditions_start": datetime.date(2017, 11, 14),
        "auditions_end": datetime.date(2017, 11, 15),
        "application_call_opens_at": "2017-09-27 00:00",
        "application_call_closes_at": "2017-10-27 17:00",
        "duration_months": 10,
        "net_monthly_pay": 4000,
        "contract": "contrat d'agent non titulaire à durée déterminée",
        "team_size_min": 2,
        "team_size_max": 3,
        "selection_criteria": [
            (
                "Dynamisme et esprit d'initiative",
                "De l'énergie, une vision, le goût de prendre des initiatives et une attitude "
                "positive.",
            ),
            (
                "Compréhension du défi",
                "Savoir saisir les enjeux du défi et proposer des orientations stratégiques "
                "pour le faire avancer.",
            ),
            (
                "Sens de l'intérêt général",
                "Un engagement au service du collectif, par exemple des contributions à des "
                "logiciels libres ou une activité associative.",
            ),
            (
                "Intégration dans l'administration",
                "L'aptitude à trouver sa place dans une administration et à travailler avec "
                "tous ses métiers : systèmes d'information, services métier, ressources "
                "humaines, direction générale.",
            ),
            (
                "Compétences techniques",
                "Technologie (langages de programmation, frameworks, développement full "
                "stack), design, expérience utilisateur ou data science.",
            ),
            (
                "Disponibilité",
                "Pouvoir s'engager à temps plein pendant dix mois à partir de janvier 2018.",
            ),
        ],
    },
]
