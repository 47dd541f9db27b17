"""The call for défis of the demo: Promotion 2's (May–June 2017) and an open one to try.

Promotion 2's call: an information meeting on 16 May 2017 and a jury on 4–5 July 2017 (the
programme's public facts); 43 proposals, 30 heard, the 13 published défis retained. The opening
and closing instants are not in the facts: they are plausible, and say so in the docs. The 30
proposals that were not retained are fictional, written for the demo; no administration
proposed them.
"""

import datetime

P2_CALL = {
    "opens_at": (datetime.date(2017, 5, 2), datetime.time(9)),
    "closes_at": (datetime.date(2017, 6, 16), datetime.time(23, 59, 59)),
    "information_meeting_at": (datetime.date(2017, 5, 16), datetime.time(14)),
    "information_meeting_place": "Liberté Living Lab, Paris",
    "jury_starts_on": datetime.date(2017, 7, 4),
    "jury_ends_on": datetime.date(2017, 7, 5),
    "introduction": (
        "Administrations centrales, services déconcentrés, établissements publics : proposez "
        "un défi numérique d'intérêt général que deux ou trois entrepreneur·e·s d'intérêt "
        "général relèveront pendant dix mois avec vos agents. Les défis retenus par le jury, "
        "puis validés par le comité de pilotage du fonds qui les finance, forment la "
        "deuxième promotion du programme."
    ),
}

# The stages of Promotion 2's pre-selection, in Paris time.
P2_DATES = {
    "admissibility": datetime.datetime(2017, 6, 21, 10),
    "shortlist": datetime.datetime(2017, 6, 27, 15),
    "jury": datetime.datetime(2017, 7, 5, 18),
    "committee": datetime.datetime(2017, 7, 20, 11),
}

QUESTIONS = [
    (
        "Qui peut proposer un défi ?",
        "Toute administration de l'État, centrale ou déconcentrée, et ses établissements "
        "publics. Plusieurs agents d'une même administration rédigent ensemble une seule "
        "proposition.",
    ),
    (
        "Combien coûte l'accueil des EIG ?",
        "Le programme finance une large part de la rémunération des EIG ; l'administration "
        "d'accueil indique dans sa proposition ce qu'elle peut cofinancer, et met à "
        "disposition une équipe d'agents, des mentors, un poste de travail et ses données.",
    ),
    (
        "Que se passe-t-il après le dépôt ?",
        "L'équipe du programme vérifie que la proposition est recevable, présélectionne les "
        "défis sur dossier, puis les administrations présélectionnées présentent leur défi "
        "devant un jury. Le comité de pilotage valide les défis retenus.",
    ),
    (
        "Pouvons-nous modifier notre proposition après l'avoir déposée ?",
        "Oui, jusqu'à la clôture de l'appel : chaque modification devient la version déposée.",
    ),
]

# Proposals that were heard by the jury and not retained: (title, host, new host, summary).
HEARD = [
    (
        "Signalements en ligne",
        "dggn",
        None,
        "Permettre de signaler en ligne une situation "
        "préoccupante et d'en suivre le traitement par les brigades.",
    ),
    (
        "Cartographie des friches",
        "cget",
        None,
        "Repérer les friches urbaines à partir des "
        "données foncières pour aider les communes à les reconvertir.",
    ),
    (
        "Tableau de bord des aides agricoles",
        None,
        ("Ministère de l'Agriculture et de l'Alimentation", "Direction des services informatiques"),
        "Suivre en temps réel le versement des aides et prévenir les retards de paiement.",
    ),
    (
        "Prévoir les crues éclair",
        "dam",
        None,
        "Croiser mesures de terrain et prévisions "
        "météorologiques pour alerter plus tôt les communes exposées.",
    ),
    (
        "Registre des associations ouvert",
        "interieur",
        None,
        "Rendre le répertoire des associations consultable et réutilisable par tous.",
    ),
    (
        "Guide des marchés publics",
        "macp",
        None,
        "Aider les petites entreprises à trouver et "
        "comprendre les marchés publics qui les concernent.",
    ),
    (
        "Archives sonores en partage",
        "bnf",
        None,
        "Décrire automatiquement des milliers "
        "d'heures d'enregistrements pour les ouvrir au public.",
    ),
    (
        "Qualité de l'air dans les écoles",
        None,
        ("Ministère des Solidarités et de la Santé", "Direction générale de la santé"),
        "Rassembler les mesures de qualité de l'air "
        "intérieur et guider les établissements vers les bons gestes.",
    ),
    (
        "Simulateur de retraite des fonctionnaires",
        "dgfip",
        None,
        "Donner à chaque agent une "
        "estimation fiable de sa future pension, à partir de son dossier.",
    ),
    (
        "Le patrimoine en 3D",
        "culture",
        None,
        "Publier les relevés 3D des monuments protégés dans un format ouvert et réutilisable.",
    ),
    (
        "Détecter les sols pollués",
        None,
        (
            "Ministère de la Transition écologique et solidaire",
            "Direction générale de la prévention des risques",
        ),
        "Repérer les anciens sites industriels à partir des archives et des images aériennes.",
    ),
    (
        "Orientation après le bac",
        "mesri",
        None,
        "Aider les lycéens à comparer les formations à partir des parcours réels des étudiants.",
    ),
    (
        "Contrôles sanitaires plus ciblés",
        None,
        ("Ministère de l'Agriculture et de l'Alimentation", "Direction générale de l'alimentation"),
        "Choisir les établissements à contrôler à partir de l'historique des inspections.",
    ),
    (
        "Registre des décisions de justice",
        None,
        ("Ministère de la Justice", "Direction des services judiciaires"),
        "Pseudonymiser les décisions des cours d'appel pour les ouvrir au public.",
    ),
    (
        "Accueil des demandeurs d'asile",
        "interieur",
        None,
        "Réduire l'attente aux guichets "
        "par une prise de rendez-vous et un suivi des dossiers en ligne.",
    ),
    (
        "Suivi des navires de pêche",
        "dam",
        None,
        "Exploiter les positions des navires pour mieux préparer les contrôles en mer.",
    ),
    (
        "Annuaire des services publics locaux",
        "etalab",
        None,
        "Tenir à jour, avec les collectivités, l'annuaire des guichets et de leurs horaires.",
    ),
]

# Proposals submitted and not shortlisted; an inadmissible one carries its reason.
NOT_SHORTLISTED = [
    (
        "Portail des subventions culturelles",
        "culture",
        None,
        "Réunir en un seul formulaire les demandes de subvention des compagnies.",
        "",
    ),
    (
        "Chatbot des impôts locaux",
        "dgfip",
        None,
        "Répondre aux questions courantes des contribuables sur la taxe d'habitation.",
        "",
    ),
    (
        "Intranet modernisé",
        None,
        ("Ministère des Armées", "Secrétariat général pour l'administration"),
        "Refondre l'intranet des services centraux.",
        "Le projet est "
        "une refonte d'outil interne sans problème d'intérêt général à résoudre, hors du "
        "champ de l'appel.",
    ),
    (
        "Données des transports scolaires",
        None,
        ("Préfecture de la région Occitanie", ""),
        "Rassembler les circuits de transport scolaire de la région.",
        "",
    ),
    (
        "Inventaire des forêts publiques",
        None,
        (
            "Ministère de l'Agriculture et de l'Alimentation",
            "Direction générale de la performance économique",
        ),
        "Mesurer plus souvent l'état des forêts domaniales.",
        "",
    ),
    (
        "Application de gestion des congés",
        "sgms",
        None,
        "Dématérialiser les demandes de congés des agents.",
        "Un outil de gestion interne déjà disponible sur le marché : "
        "la proposition ne relève pas de l'appel.",
    ),
    (
        "Observatoire des loyers étudiants",
        "mesri",
        None,
        "Publier les loyers moyens autour des campus.",
        "",
    ),
    (
        "Prévisions de fréquentation des musées",
        "culture",
        None,
        "Anticiper l'affluence pour adapter l'accueil des visiteurs.",
        "",
    ),
    (
        "Plateforme des stages en administration",
        None,
        (
            "Services du Premier ministre",
            "Direction générale de l'administration et de la fonction publique",
        ),
        "Publier toutes les offres de stage de l'État.",
        "",
    ),
    (
        "Suivi des chantiers routiers",
        None,
        ("Direction interdépartementale des routes Est", ""),
        "Informer les usagers des travaux en cours.",
        "Dossier incomplet à la clôture : aucun mentor stratégique ni équipe d'agents désignés.",
    ),
    (
        "Carte des déserts médicaux",
        None,
        ("Agence régionale de santé Centre-Val de Loire", ""),
        "Visualiser l'offre de soins par commune.",
        "",
    ),
    (
        "Numérisation des registres paroissiaux",
        None,
        ("Archives départementales du Finistère", ""),
        "Numériser et indexer les registres anciens.",
        "Un projet de "
        "numérisation sans dimension de service ni de données à valoriser : il relève d'un "
        "marché de prestation.",
    ),
    (
        "Suivi de la consommation énergétique des bâtiments",
        "macp",
        None,
        "Mesurer les consommations des bâtiments de l'État pour cibler les rénovations.",
        "",
    ),
]

# The demo agent's draft in the open call, to try the form.
OPEN_CALL_DRAFT = {
    "title": "Mieux orienter les appels au 3939",
    "summary": (
        "Aider les conseillers du service de renseignement administratif à trouver plus vite "
        "la bonne réponse, à partir des questions déjà traitées."
    ),
    "problem": (
        "Les conseillers reçoivent chaque jour des milliers de questions sur les démarches ; "
        "les réponses existent, mais sont dispersées entre plusieurs bases documentaires."
    ),
}
DEMO_AGENT_EMAIL = "agent@administration.example.org"
