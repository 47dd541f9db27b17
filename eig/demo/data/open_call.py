"""A fictional cohort whose call for applications is open, so the form can be tried.

Its dates are set when the demo is first loaded: the call opened a week before and closes
two months after. The défis are fictional, written for the demonstration.
"""

COHORT = {
    "number": 3,
    "description": (
        "Promotion fictive, créée par la démonstration pour essayer l'appel à candidatures : "
        "ses défis n'existent pas, mais le parcours de candidature est celui du programme."
    ),
    "duration_months": 10,
    "net_monthly_pay": 4000,
    "contract": "contrat de droit public à durée déterminée",
    "team_size_min": 2,
    "team_size_max": 3,
    "selection_criteria": [
        ("Dynamisme et esprit d'initiative", "vision, attitude positive"),
        ("Compréhension du défi", "capacité à proposer des orientations stratégiques"),
        ("Sens de l'intérêt général", "logiciel libre, engagement associatif…"),
        ("Intégration dans une administration", "dialogue avec les métiers, le SI, les RH"),
        ("Compétences techniques", "développement, design, expérience utilisateur, data science"),
    ],  # then the availability, written from the cohort's start (eig/demo/open_call.py)
}

HOST = {
    "ministry": "Administration de démonstration",
    "directorate": "Direction fictive du numérique",
    "website": "",
}

CHALLENGES = [
    {
        "slug": "demo-cartes-des-services",
        "name": "Cartes des services (démonstration)",
        "summary": (
            "Défi fictif : cartographier les guichets publics d'un département et leurs "
            "horaires pour orienter les usagers vers le bon service du premier coup."
        ),
        "problem": (
            "Les informations sur les guichets sont éparpillées entre plusieurs sites et "
            "rarement à jour ; les usagers se déplacent parfois pour rien."
        ),
        "challenge": (
            "Construire avec les agents d'accueil une base ouverte des lieux et horaires, "
            "et un service de recherche simple, testé avec les usagers."
        ),
        "expected_results": "Un jeu de données ouvert et un service en ligne utilisé localement.",
        "skills": ["developpement", "design", "geomatique"],
        "profiles_sought": ["développement web", "design de services"],
        "fellows_sought": 2,
        "location": "Lyon",
        "remote_policy": "partial",
        "mentors": [
            {
                "full_name": "Claire Fontaine (fictive)",
                "job_title": "Cheffe du service d'accueil des usagers",
                "role": "operational",
                "consents_to_publication": True,
            },
            {
                "full_name": "Marc Delorme (fictif)",
                "job_title": "Directeur fictif du numérique",
                "role": "strategic",
                "consents_to_publication": True,
            },
        ],
    },
    {
        "slug": "demo-previsions-affluence",
        "name": "Prévoir l'affluence (démonstration)",
        "summary": (
            "Défi fictif : anticiper l'affluence dans les accueils d'un réseau public pour "
            "adapter les effectifs et réduire l'attente."
        ),
        "problem": "Les pics d'affluence sont subis, faute d'outil pour les anticiper.",
        "challenge": (
            "Exploiter l'historique des passages et des données de contexte pour prévoir "
            "l'affluence, et restituer ces prévisions aux équipes sous une forme utile."
        ),
        "expected_results": "Un modèle documenté, ouvert, et un tableau de bord pour les équipes.",
        "skills": ["data-science", "datavisualisation"],
        "profiles_sought": ["data science", "datavisualisation"],
        "fellows_sought": 2,
        "location": "Paris",
        "remote_policy": "on_site",
        "mentors": [
            {
                "full_name": "Nadia Benali (fictive)",
                "job_title": "Responsable du pilotage des accueils",
                "role": "operational",
                "consents_to_publication": False,
            },
        ],
    },
    {
        "slug": "demo-courriers-clairs",
        "name": "Courriers clairs (démonstration)",
        "summary": (
            "Défi fictif : aider les services à rédiger des courriers compréhensibles, grâce "
            "à un outil d'aide à la rédaction et à des tests avec les destinataires."
        ),
        "problem": "Les courriers administratifs sont souvent mal compris et suscitent des appels.",
        "challenge": (
            "Outiller les rédacteurs : modèles, vérifications automatiques de lisibilité, "
            "et une démarche de test auprès des usagers."
        ),
        "expected_results": "Un outil libre et une bibliothèque de modèles de courriers.",
        "skills": ["design", "developpement", "data-science"],
        "profiles_sought": ["design de contenus", "développement", "traitement du langage"],
        "fellows_sought": 3,
        "location": "Paris",
        "remote_policy": "remote",
        "mentors": [
            {
                "full_name": "Julien Morel (fictif)",
                "job_title": "Chef de la mission relation usagers",
                "role": "operational",
                "consents_to_publication": True,
            },
        ],
    },
    {
        "slug": "demo-donnees-des-marches",
        "name": "Données des marchés publics (démonstration)",
        "summary": (
            "Défi fictif : rendre exploitables les données des marchés publics d'une région "
            "pour mieux connaître les achats et ouvrir ces données."
        ),
        "problem": "Les données d'achat existent mais sont hétérogènes et peu réutilisées.",
        "challenge": (
            "Consolider, documenter et publier les données, puis construire des outils "
            "d'analyse pour les acheteurs publics."
        ),
        "expected_results": "Des données ouvertes de qualité et des analyses réutilisables.",
        "skills": ["data-science", "web-des-donnees", "devops"],
        "profiles_sought": ["ingénierie des données", "data science"],
        "fellows_sought": 2,
        "location": "Dijon",
        "remote_policy": "partial",
        "mentors": [],
    },
]
