"""The calendar of Promotion 2 (2017-2018), with the Promotion 1 results session."""

import datetime

LIBERTE_LIVING_LAB = "Liberté Living Lab, Paris"
SECRETARIAT_NUMERIQUE = "Secrétariat d'État chargé du Numérique, Paris"
MOBILIER_NATIONAL = "Mobilier national, Paris"

EVENTS = [
    {
        "cohort": 2,
        "kind": "information",
        "title": "Réunion d'information sur l'appel à projets PIA, pour les administrations",
        "starts_on": datetime.date(2017, 5, 16),
        "ends_on": None,
        "place": LIBERTE_LIVING_LAB,
        "url": "https://rdv.etalab.gouv.fr/e/22/"
        "entrepreneurs-dinteret-general-reunion-dinformation-autour-de-lappel-a-projets-pia-"
        "a-destination-des-administrations",
        "description": (
            "Les administrations intéressées sont venues découvrir l'appel à défis de la "
            "deuxième promotion et poser leurs questions à l'équipe du programme."
        ),
    },
    {
        "cohort": 2,
        "kind": "jury",
        "title": "Jury de sélection des défis",
        "starts_on": datetime.date(2017, 7, 4),
        "ends_on": datetime.date(2017, 7, 5),
        "place": SECRETARIAT_NUMERIQUE,
        "url": "",
        "description": (
            "Les administrations ont présenté leurs défis à un jury pluridisciplinaire, qui les "
            "a notés selon les critères de l'appel à projets."
        ),
    },
    {
        "cohort": 2,
        "kind": "milestone",
        "title": "Appel à candidatures de la promotion 2",
        "starts_on": datetime.date(2017, 9, 27),
        "ends_on": datetime.date(2017, 10, 27),
        "place": "En ligne",
        "url": "",
        "description": (
            "Les candidatures étaient déposées uniquement par le formulaire en ligne, jusqu'au "
            "27 octobre 2017 à 17 heures."
        ),
    },
    {
        "cohort": 2,
        "kind": "information",
        "title": "Session d'information pour les candidat·e·s de la promotion 2",
        "starts_on": datetime.date(2017, 10, 10),
        "ends_on": None,
        "place": SECRETARIAT_NUMERIQUE,
        "url": "https://rdv.etalab.gouv.fr/e/23/"
        "entrepreneure-dinteret-general-promotion-2-session-dinformations",
        "description": (
            "Une rencontre pour comprendre le programme, découvrir les défis et préparer sa "
            "candidature."
        ),
    },
    {
        "cohort": 1,
        "kind": "showcase",
        "title": "Promotion 1 : session de restitution des défis",
        "starts_on": datetime.date(2017, 10, 26),
        "ends_on": None,
        "place": LIBERTE_LIVING_LAB,
        "url": "https://rdv.etalab.gouv.fr/e/24/"
        "entrepreneure-dinteret-general-promo-1-session-de-restitution-des-defis",
        "description": (
            "Les entrepreneur·e·s de la première promotion ont présenté ce qu'ils et elles ont "
            "réalisé pendant leurs dix mois au sein de l'administration."
        ),
    },
    {
        "cohort": 2,
        "kind": "jury",
        "title": "Auditions des candidat·e·s",
        "starts_on": datetime.date(2017, 11, 14),
        "ends_on": datetime.date(2017, 11, 15),
        "place": "",
        "url": "",
        "description": (
            "Les candidat·e·s présélectionné·e·s ont été reçu·e·s par un jury réunissant des "
            "membres du jury des défis et les mentors opérationnels."
        ),
    },
    {
        "cohort": 2,
        "kind": "milestone",
        "title": "Arrivée des EIG dans leurs administrations d'accueil",
        "starts_on": datetime.date(2018, 1, 15),
        "ends_on": None,
        "place": "",
        "url": "",
        "description": (
            "Les membres de la promotion 2 ont pris leurs fonctions auprès des équipes qui "
            "portent leurs défis."
        ),
    },
    {
        "cohort": 2,
        "kind": "bootcamp",
        "title": "Bootcamp d'intégration de la promotion 2",
        "starts_on": datetime.date(2018, 2, 5),
        "ends_on": datetime.date(2018, 2, 9),
        "place": LIBERTE_LIVING_LAB,
        "url": "",
        "description": (
            "Cinq jours pour faire connaissance et rencontrer des acteurs clés de l'État "
            "numérique, dont l'ANSSI, la CNIL, la Cour des comptes et Etalab."
        ),
    },
    {
        "cohort": 2,
        "kind": "bootcamp",
        "title": "Bootcamp des mentors",
        "starts_on": datetime.date(2018, 2, 22),
        "ends_on": None,
        "place": "",
        "url": "",
        "description": (
            "Une demi-journée pour préparer les mentors à leur rôle auprès des équipes."
        ),
    },
    {
        "cohort": 2,
        "kind": "mentoring",
        "title": "Construire la feuille de route de chaque défi",
        "starts_on": datetime.date(2018, 3, 8),
        "ends_on": None,
        "place": LIBERTE_LIVING_LAB,
        "url": "",
        "description": (
            "Chaque équipe a formalisé les étapes et les objectifs de son défi pour les mois à "
            "venir."
        ),
    },
    {
        "cohort": 2,
        "kind": "workshop",
        "title": "Première session de revue de code",
        "starts_on": datetime.date(2018, 3, 14),
        "ends_on": None,
        "place": LIBERTE_LIVING_LAB,
        "url": "",
        "description": (
            "Les équipes ont relu ensemble une partie de leur code et échangé sur leurs "
            "pratiques de développement."
        ),
    },
    {
        "cohort": 2,
        "kind": "mentoring",
        "title": "Recherche produit, design centré utilisateur et ouverture du code",
        "starts_on": datetime.date(2018, 3, 22),
        "ends_on": None,
        "place": LIBERTE_LIVING_LAB,
        "url": "",
        "description": (
            "Une session commune aux EIG et aux mentors sur la conception centrée sur les "
            "usagers et la publication des codes sources."
        ),
    },
    {
        "cohort": 2,
        "kind": "workshop",
        "title": "Clinique des données",
        "starts_on": datetime.date(2018, 4, 5),
        "ends_on": None,
        "place": "",
        "url": "",
        "description": (
            "Un atelier réservé aux EIG, consacré aux questions concrètes que posent les "
            "données de leurs défis."
        ),
    },
    {
        "cohort": 2,
        "kind": "mentoring",
        "title": "Communiquer et apprendre",
        "starts_on": datetime.date(2018, 4, 11),
        "ends_on": None,
        "place": "",
        "url": "",
        "description": (
            "EIG et mentors ont travaillé ensemble sur la manière de faire connaître les défis "
            "et de partager ce qu'ils apprennent."
        ),
    },
    {
        "cohort": 2,
        "kind": "workshop",
        "title": "Barcamp documentation",
        "starts_on": datetime.date(2018, 5, 2),
        "ends_on": None,
        "place": "",
        "url": "",
        "description": (
            "Un format ouvert pour améliorer la documentation des projets et faciliter leur "
            "reprise."
        ),
    },
    {
        "cohort": None,
        "kind": "information",
        "title": "Réunion d'information sur l'appel à défis de la promotion 3",
        "starts_on": datetime.date(2018, 5, 15),
        "ends_on": None,
        "place": LIBERTE_LIVING_LAB,
        "url": "",
        "description": (
            "Une présentation de l'appel à défis de la promotion suivante aux administrations "
            "qui souhaitaient y répondre."
        ),
    },
    {
        "cohort": 2,
        "kind": "workshop",
        "title": "Atelier pérennité avec les DSI des ministères",
        "starts_on": datetime.date(2018, 5, 16),
        "ends_on": None,
        "place": LIBERTE_LIVING_LAB,
        "url": "",
        "description": (
            "Un échange avec les directions des systèmes d'information des ministères sur la "
            "reprise et le maintien des outils créés pendant les défis."
        ),
    },
    {
        "cohort": 2,
        "kind": "mentoring",
        "title": "Point d'étape sur les feuilles de route",
        "starts_on": datetime.date(2018, 6, 14),
        "ends_on": None,
        "place": "",
        "url": "",
        "description": (
            "À mi-parcours, EIG et mentors ont fait le bilan des feuilles de route et ajusté "
            "leurs priorités."
        ),
    },
    {
        "cohort": 2,
        "kind": "showcase",
        "title": "Demo Day de la promotion 2",
        "starts_on": datetime.date(2018, 6, 21),
        "ends_on": None,
        "place": "",
        "url": "",
        "description": (
            "Chaque équipe a disposé de cinq minutes pour montrer où en était son défi."
        ),
    },
    {
        "cohort": 2,
        "kind": "mentoring",
        "title": "Session de mi-parcours des mentors",
        "starts_on": datetime.date(2018, 7, 12),
        "ends_on": None,
        "place": "DINSIC, Paris",
        "url": "",
        "description": (
            "Les mentors ont partagé leur expérience de l'accompagnement des équipes depuis "
            "janvier."
        ),
    },
    {
        "cohort": 2,
        "kind": "workshop",
        "title": "Séminaire au vert et atelier retour d'expérience",
        "starts_on": datetime.date(2018, 9, 6),
        "ends_on": datetime.date(2018, 9, 7),
        "place": "Hors de Paris",
        "url": "",
        "description": (
            "Deux jours loin du bureau pour prendre du recul et tirer les enseignements des "
            "premiers mois."
        ),
    },
    {
        "cohort": 2,
        "kind": "workshop",
        "title": "Journée Wikipédia et Wikimedia Commons",
        "starts_on": datetime.date(2018, 9, 21),
        "ends_on": None,
        "place": MOBILIER_NATIONAL,
        "url": "",
        "description": (
            "Une journée consacrée à la contribution aux projets Wikimedia et au partage de "
            "contenus libres."
        ),
    },
    {
        "cohort": 2,
        "kind": "showcase",
        "title": "Présentation des résultats de la promotion 2",
        "starts_on": datetime.date(2018, 11, 15),
        "ends_on": None,
        "place": MOBILIER_NATIONAL,
        "url": "",
        "description": (
            "L'événement de clôture où les équipes ont présenté ce qu'elles ont accompli "
            "pendant leurs dix mois."
        ),
    },
    {
        "cohort": 2,
        "kind": "milestone",
        "title": "Publication des vidéos de résultats",
        "starts_on": datetime.date(2018, 12, 3),
        "ends_on": None,
        "place": "En ligne",
        "url": "",
        "description": (
            "Des vidéos présentant le travail de chaque défi de la promotion ont été mises en "
            "ligne."
        ),
    },
]
