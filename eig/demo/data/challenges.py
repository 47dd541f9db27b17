"""Skills, host administrations and the défis of Promotions 1 and 2.

The texts paraphrase the programme's public pages. Mentors' names are fictional; their job
titles are plausible for the host administration.
"""

SKILLS = {
    "data-science": "Data science",
    "developpement": "Développement",
    "design": "Design / UX",
    "design-de-services": "Design de services",
    "datavisualisation": "Datavisualisation",
    "devops": "DevOps",
    "geomatique": "Géomatique",
    "web-des-donnees": "Web des données",
    "coaching": "Coaching",
}

HOSTS = {
    # Promotion 1
    "afd": {
        "ministry": "Agence française de développement",
        "directorate": "",
        "website": "https://www.afd.fr",
    },
    "sgms": {
        "ministry": "Ministères sociaux",
        "directorate": "Secrétariat général des ministères sociaux",
        "website": "",
    },
    "bnf": {
        "ministry": "Bibliothèque nationale de France",
        "directorate": "",
        "website": "https://www.bnf.fr",
    },
    "ccomptes": {
        "ministry": "Cour des comptes",
        "directorate": "",
        "website": "https://www.ccomptes.fr",
    },
    "dgfip": {
        "ministry": "Ministères économiques et financiers",
        "directorate": "Direction générale des finances publiques (DGFiP)",
        "website": "https://www.economie.gouv.fr/dgfip",
    },
    "culture": {
        "ministry": "Ministère de la Culture",
        "directorate": "",
        "website": "https://www.culture.gouv.fr",
    },
    "mesri": {
        "ministry": "Ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation",
        "directorate": "",
        "website": "https://www.enseignementsup-recherche.gouv.fr",
    },
    "interieur": {
        "ministry": "Ministère de l'Intérieur",
        "directorate": "",
        "website": "https://www.interieur.gouv.fr",
    },
    # Promotion 2
    "shom": {
        "ministry": "Ministère des Armées",
        "directorate": "Service hydrographique et océanographique de la Marine (Shom)",
        "website": "https://www.shom.fr",
    },
    "dggn": {
        "ministry": "Ministère de l'Intérieur",
        "directorate": "Direction générale de la gendarmerie nationale (DGGN)",
        "website": "https://www.gendarmerie.interieur.gouv.fr",
    },
    "dne": {
        "ministry": "Ministère de l'Éducation nationale",
        "directorate": "Direction du numérique pour l'éducation",
        "website": "https://www.education.gouv.fr",
    },
    "mesri-doad": {
        "ministry": "Ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation",
        "directorate": "Département des outils d'aide à la décision",
        "website": "https://www.enseignementsup-recherche.gouv.fr",
    },
    "dam": {
        "ministry": "Ministère de la Transition écologique et solidaire",
        "directorate": "Direction des affaires maritimes",
        "website": "",
    },
    "etalab": {
        "ministry": "Services du Premier ministre",
        "directorate": "DINSIC, Etalab",
        "website": "https://www.etalab.gouv.fr",
    },
    "mobilier-national": {
        "ministry": "Ministère de la Culture",
        "directorate": "Direction générale de la création artistique, Mobilier national",
        "website": "https://www.mobiliernational.culture.gouv.fr",
    },
    "macp": {
        "ministry": "Ministère de l'Action et des Comptes publics",
        "directorate": "",
        "website": "",
    },
    "drees": {
        "ministry": "Ministère des Solidarités et de la Santé",
        "directorate": (
            "Direction de la recherche, des études, de l'évaluation et des statistiques (DREES)"
        ),
        "website": "https://drees.solidarites-sante.gouv.fr",
    },
    "interieur-mcavd": {
        "ministry": "Ministère de l'Intérieur",
        "directorate": "Mission de coordination et d'appui à la valorisation des données",
        "website": "https://www.interieur.gouv.fr",
    },
    "dge-direccte-bfc": {
        "ministry": "Ministère de l'Économie",
        "directorate": ("Direction générale des entreprises et DIRECCTE Bourgogne-Franche-Comté"),
        "website": "https://www.entreprises.gouv.fr",
    },
    "cget": {
        "ministry": "Services du Premier ministre",
        "directorate": (
            "Commissariat général à l'égalité des territoires, Carrefour des innovations sociales"
        ),
        "website": "",
    },
}

OPERATIONAL = "operational"
STRATEGIC = "strategic"

CHALLENGES = [
    # ------------------------------------------------------------------ Promotion 1 (2017)
    {
        "cohort": 1,
        "slug": "afd-geodata",
        "name": "AFD – Geodata",
        "host": "afd",
        "summary": (
            "Mettre les données ouvertes, en particulier cartographiques, au service des "
            "agents de l'Agence française de développement pour éclairer la préparation de "
            "leurs projets."
        ),
        "problem": (
            "Pour préparer un projet, par exemple la construction d'une route, l'AFD a besoin "
            "d'informations de base comme le nombre d'habitants vivant le long du tracé. Dans "
            "certains pays, ces informations n'existent pas sous une forme directement "
            "utilisable. Elles peuvent pourtant être calculées à partir de données ouvertes."
        ),
        "challenge": (
            "Il s'agit de tirer parti des données cartographiques libres, comme celles "
            "d'OpenStreetMap, pour produire automatiquement les indicateurs utiles à un projet "
            "routier : densité de population, occupation des sols… Le travail doit aussi être "
            "documenté pour que l'agence puisse le poursuivre après le défi."
        ),
        "expected_results": (
            "Une plateforme web ouverte de calcul d'indicateurs, accompagnée d'une "
            "documentation qui explique comment construire des visualisations à partir des "
            "API ouvertes de l'AFD."
        ),
        "skills": ["developpement", "geomatique"],
        "profiles_sought": ["développement"],
        "fellows_sought": 1,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/AFD_projects",
        "website_url": "https://data.afd.fr/urban.html",
        "mentors": [
            {
                "full_name": "Thomas Berthelot",
                "job_title": "Chargé de mission données, Agence française de développement",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 1,
        "slug": "ars-parcours-de-soin",
        "name": "ARS Occitanie – Parcours de soin",
        "host": "sgms",
        "summary": (
            "Visualiser, à partir du Système national des données de santé, les parcours de "
            "soin des patients atteints de maladies chroniques en Occitanie pour mieux adapter "
            "l'offre de soins de la région."
        ),
        "problem": (
            "Un patient atteint d'une maladie chronique, cardiovasculaire par exemple, a besoin "
            "d'une prise en charge particulière : spécialistes, établissements, rythme de "
            "consultations, traitements spécifiques. Ces parcours sont difficiles à saisir dans "
            "leur ensemble, alors que les comprendre est indispensable pour organiser une offre "
            "de soins adaptée."
        ),
        "challenge": (
            "Le défi consiste à exploiter les données de remboursement des soins de ville et "
            "des soins hospitaliers du SNDS. Il faut à la fois un socle capable de stocker et "
            "d'interroger efficacement des données nombreuses et hétérogènes, et une interface "
            "qui les rende compréhensibles par des personnes qui ne sont pas informaticiennes."
        ),
        "expected_results": (
            "Un logiciel de visualisation des parcours de soin, sous forme de graphiques et "
            "d'infographies, au service des politiques régionales de santé."
        ),
        "skills": ["developpement", "data-science", "datavisualisation"],
        "profiles_sought": ["développement et data science"],
        "fellows_sought": 1,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/parcoursdesoins",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Nadia Haddad",
                "job_title": "Médecin de santé publique, ARS Occitanie",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 1,
        "slug": "bnf-catalogage",
        "name": "BnF – Catalogage",
        "host": "bnf",
        "summary": (
            "Repenser les outils de catalogage de la Bibliothèque nationale de France pour "
            "mieux produire, indexer et diffuser les métadonnées de ses collections."
        ),
        "problem": (
            "La BnF conserve plus de 15 millions d'ouvrages et en reçoit environ 670 000 "
            "nouveaux chaque année. Ses catalogueurs doivent tenir leurs bases à jour et "
            "transmettre aux institutions partenaires des notices volumineuses, complexes et "
            "difficiles à indexer."
        ),
        "challenge": (
            "L'objectif de départ était de créer un outil capable de traiter ces métadonnées "
            "massives. Le chantier s'étant révélé trop vaste pour une seule personne en dix "
            "mois, le travail s'est concentré sur une première étape : décrire précisément le "
            "processus de catalogage et la manière dont les métadonnées sont produites."
        ),
        "expected_results": (
            "Une cartographie du processus de catalogage et des prototypes de consultation en "
            "ligne des données du catalogue."
        ),
        "skills": ["developpement", "web-des-donnees"],
        "profiles_sought": ["développement"],
        "fellows_sought": 1,
        "location": "",
        "status": "completed",
        "source_code_url": "",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Élodie Garnier",
                "job_title": "Responsable des métadonnées du catalogue, BnF",
                "role": OPERATIONAL,
                "consents": False,
            },
        ],
    },
    {
        "cohort": 1,
        "slug": "cc-api-rapports",
        "name": "Cour des comptes – API des rapports",
        "host": "ccomptes",
        "summary": (
            "Rendre les rapports de la Cour des comptes exploitables par tous grâce à une API, "
            "pour mieux informer les citoyens sur l'usage de l'argent public."
        ),
        "problem": (
            "La Cour des comptes contrôle la façon dont les institutions publiques gèrent "
            "l'argent public et publie de très nombreux rapports. Destinés autant aux "
            "organismes contrôlés qu'aux citoyens, ces rapports n'étaient diffusés qu'en PDF, "
            "un format peu commode à explorer et à réutiliser."
        ),
        "challenge": (
            "Il s'agit d'adopter une approche par les données : concevoir une interface de "
            "programmation (API) qui relie les requêtes du public à une base regroupant "
            "l'ensemble des rapports. Cette brique doit ensuite permettre de construire des "
            "services plus riches, comme un moteur de recherche ou un agent conversationnel."
        ),
        "expected_results": (
            "Une API sur les rapports de la Cour, première pierre d'une juridiction financière "
            "plus numérique."
        ),
        "skills": ["developpement"],
        "profiles_sought": ["développement"],
        "fellows_sought": 1,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/api-ccomptes",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Vincent Charpentier",
                "job_title": "Conseiller référendaire chargé du numérique, Cour des comptes",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 1,
        "slug": "dgfip-fraude-fiscale",
        "name": "DGFiP – Fraude fiscale",
        "host": "dgfip",
        "summary": (
            "Croiser les informations reçues de l'étranger avec les données fiscales "
            "nationales pour repérer les revenus perçus hors de France qui n'ont pas été "
            "déclarés."
        ),
        "problem": (
            "Une personne qui vit en France mais travaille dans un autre pays doit déclarer "
            "elle-même les revenus qu'elle y perçoit. Depuis l'été 2016, plusieurs pays de "
            "l'OCDE échangent automatiquement des informations sur ces revenus (salaires, "
            "pensions…). Ces données restaient à exploiter."
        ),
        "challenge": (
            "Le défi consiste à rapprocher ces informations internationales des données "
            "nationales pour repérer les résidents fiscaux qui ont omis de déclarer des revenus "
            "de source étrangère. L'outil doit aussi proposer des dossiers à contrôler et "
            "préparer le pré-remplissage des déclarations."
        ),
        "expected_results": (
            "Un outil qui rend le contrôle plus efficace et rapproche le traitement des revenus "
            "étrangers de celui des revenus perçus en France, déjà pré-remplis."
        ),
        "skills": ["data-science"],
        "profiles_sought": ["data science"],
        "fellows_sought": 1,
        "location": "",
        "status": "completed",
        "source_code_url": "",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Amandine Roussel",
                "job_title": "Cheffe de projet analyse de données, DGFiP",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 1,
        "slug": "mcc-inventaire-orgues",
        "name": "Inventaire des orgues",
        "host": "culture",
        "summary": (
            "Réunir dans un site collaboratif les connaissances des institutions, des "
            "associations et des passionnés pour révéler le patrimoine des orgues en France."
        ),
        "problem": (
            "Des églises de village aux grandes cathédrales, les orgues sont à la fois des "
            "instruments de musique et des objets d'art. Organistes, historiens de l'art et "
            "associations d'amis des orgues en ont une connaissance très riche, mais dispersée "
            "entre de nombreuses sources."
        ),
        "challenge": (
            "À la demande de l'association Orgue en France, le ministère de la Culture souhaite "
            "rassembler dans un même outil ses données publiques, celles des régions, celles "
            "des sites d'amateurs et celles de Wikipédia et Wikidata. Le défi est de construire "
            "un site web collaboratif auquel chacun peut contribuer."
        ),
        "expected_results": (
            "Un inventaire en ligne des orgues, confié ensuite à l'association Orgue en France : "
            "un exemple de coopération entre institutions et société civile."
        ),
        "skills": ["developpement", "web-des-donnees"],
        "profiles_sought": ["développement"],
        "fellows_sought": 1,
        "location": "",
        "status": "completed",
        "source_code_url": "",
        "website_url": "https://www.inventaire-des-orgues.fr",
        "mentors": [
            {
                "full_name": "Sophie Lacombe",
                "job_title": "Conservatrice du patrimoine, chargée de l'inventaire des orgues",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 1,
        "slug": "mesri-merge-machine",
        "name": "MESRI – Magical Merge Machine",
        "host": "mesri",
        "summary": (
            "Concevoir un outil générique qui accélère le nettoyage des bases de données en "
            "les rapprochant de référentiels, pour éviter les reprises de données manuelles."
        ),
        "problem": (
            "Beaucoup de bases de données sont alimentées à la main, sans respecter les "
            "référentiels existants : le nom d'un même établissement peut ainsi varier d'une "
            "base à l'autre. Corriger ces écarts ligne à ligne est long et coûteux."
        ),
        "challenge": (
            "Le défi consiste à créer un logiciel qui apprend, à partir d'exemples validés par "
            "l'utilisateur, quelles correspondances établir entre la base à nettoyer et une "
            "base de référence. Une fois suffisamment entraîné, l'outil doit proposer lui-même "
            "une normalisation des données."
        ),
        "expected_results": (
            "Un outil libre et réutilisable qui réduit le travail manuel de normalisation des "
            "bases de données."
        ),
        "skills": ["developpement", "data-science"],
        "profiles_sought": ["développement", "développement"],
        "fellows_sought": 2,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/Merge-Machine",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Hugo Delmas",
                "job_title": "Chef de projet données, MESRI",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 1,
        "slug": "mi-cartav",
        "name": "cartAV – Sécurité routière",
        "host": "interieur",
        "summary": (
            "Exploiter les données de verbalisation et d'accidents recueillies par les forces "
            "de l'ordre pour améliorer la sécurité sur les routes."
        ),
        "problem": (
            "Chaque jour, policiers et gendarmes produisent une grande quantité de données, "
            "qu'il s'agisse de verbalisations ou de comptes rendus d'accidents. Ils n'ont pas "
            "les moyens de les exploiter eux-mêmes, alors qu'elles pourraient servir à dresser "
            "des profils d'accidents et à choisir des actions de prévention."
        ),
        "challenge": (
            "L'équipe doit géocoder ces données et décrire en détail les circonstances de chaque "
            "accident, puis construire un outil cartographique qui les présente à une échelle "
            "très fine."
        ),
        "expected_results": (
            "Une carte qui affiche aussi bien des indicateurs généraux que des analyses "
            "détaillées (par exemple les accidents graves impliquant un cycliste), pour orienter "
            "l'action publique."
        ),
        "skills": ["developpement", "geomatique", "datavisualisation"],
        "profiles_sought": ["développement", "développement"],
        "fellows_sought": 2,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/cartav",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Karim Benali",
                "job_title": "Chef de projet valorisation des données, ministère de l'Intérieur",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 1,
        "slug": "mi-matchid",
        "name": "matchID",
        "host": "interieur",
        "summary": (
            "Fiabiliser le fichier national des permis de conduire et les statistiques de "
            "sécurité routière en y repérant les titulaires décédés."
        ),
        "problem": (
            "Le décès d'un titulaire n'entraîne pas automatiquement l'invalidation de son "
            "permis dans le fichier national des permis de conduire. Des permis de personnes "
            "décédées restent donc valides : c'est un risque quand d'autres conducteurs s'en "
            "servent, et une source d'erreur pour les statistiques routières."
        ),
        "challenge": (
            "Le défi consiste à rapprocher les noms du fichier des permis de ceux des registres "
            "de décès. Comme les orthographes varient d'un fichier à l'autre, il faut combiner "
            "analyse de données et appariement approximatif (« fuzzy matching »)."
        ),
        "expected_results": (
            "Un outil d'appariement générique, réutilisable par d'autres administrations, qui "
            "améliore la qualité du fichier et des statistiques."
        ),
        "skills": ["developpement", "data-science"],
        "profiles_sought": ["développement"],
        "fellows_sought": 1,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/matchID-project/",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Claire Vasseur",
                "job_title": "Cheffe de projet données, ministère de l'Intérieur",
                "role": OPERATIONAL,
                "consents": False,
            },
        ],
    },
    # ------------------------------------------------------------------ Promotion 2 (2018)
    {
        "cohort": 2,
        "slug": "archemse",
        "name": "ArchiFiltre",
        "host": "sgms",
        "summary": (
            "Donner aux services et aux archivistes des ministères sociaux un outil pour "
            "explorer, trier et conserver durablement de grands volumes de fichiers "
            "bureautiques et de messageries."
        ),
        "problem": (
            "Les ministères sociaux doivent garder la trace de leur action : notes, fiches, "
            "courriels ou documents officiels peuvent devoir être produits en cas de "
            "contestation. Avec la multiplication des outils informatiques, ces documents se "
            "sont dispersés dans des arborescences et des formats très variés. Le tri, "
            "préalable indispensable à l'archivage, est devenu très difficile à mener à la "
            "main."
        ),
        "challenge": (
            "Il s'agit de concevoir, avec les archivistes, une méthode pour reconnaître les "
            "types et formats de documents produits par les services et comprendre les liens "
            "qui les unissent. En parallèle, l'équipe construit une application qui donne une "
            "vue d'ensemble d'une arborescence complète, pour décider en connaissance de cause "
            "de ce qu'il faut conserver ou éliminer."
        ),
        "expected_results": (
            "Une application qui permet d'évaluer et de trier en masse des fichiers non "
            "structurés, et une gestion des archives plus fiable et plus pérenne."
        ),
        "skills": ["developpement", "data-science"],
        "profiles_sought": ["conception-développement", "data science"],
        "fellows_sought": 2,
        "location": "",
        "status": "completed",
        "source_code_url": "",
        "website_url": "https://archifiltre.com/",
        "mentors": [
            {
                "full_name": "Léa Fontaine",
                "job_title": "Cheffe de la mission des archives, ministères sociaux",
                "role": OPERATIONAL,
                "consents": True,
            },
            {
                "full_name": "Olivier Marchand",
                "job_title": "Adjoint au secrétaire général des ministères sociaux",
                "role": STRATEGIC,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "balisenav",
        "name": "b@liseNAV",
        "host": "shom",
        "summary": (
            "Raccourcir le délai entre un changement du balisage en mer et sa diffusion aux "
            "navigateurs, et rendre l'information plus lisible grâce à une carte marine "
            "enrichie, publiée en formats ouverts."
        ),
        "problem": (
            "Le Shom tient à jour les cartes marines à partir des informations que lui "
            "transmettent les services des phares et balises. Ces transmissions et leur "
            "intégration prennent parfois du temps, et les cartes qui en résultent ne sont pas "
            "toujours faciles à lire. Or la sécurité des marins, professionnels comme "
            "plaisanciers, dépend de la fraîcheur de ces informations."
        ),
        "challenge": (
            "L'équipe doit fiabiliser les données échangées entre les administrations pour "
            "produire plus vite une information nautique sûre. Cela suppose de traiter et "
            "d'agréger les données en amont, puis de travailler l'ergonomie des systèmes de "
            "navigation interactifs."
        ),
        "expected_results": (
            "Une carte marine augmentée, nourrie de données plus complètes, plus récentes et "
            "plus lisibles, diffusée dans des formats ouverts."
        ),
        "skills": ["geomatique", "data-science"],
        "profiles_sought": [
            "webservices géographiques / interfaces / modèles",
            "géomatique / cartographie",
        ],
        "fellows_sought": 2,
        "location": "Brest",
        "status": "completed",
        "source_code_url": "",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Patrick Le Goff",
                "job_title": "Responsable de la diffusion de l'information nautique, Shom",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "brigadenumerique",
        "name": "Brigade Numérique",
        "host": "dggn",
        "summary": (
            "Offrir aux citoyens un accueil de la gendarmerie en ligne et multicanal "
            "(messagerie instantanée, réseaux sociaux, questions fréquentes, prise de "
            "rendez-vous), aussi utile qu'un appel ou un passage en brigade, hors urgences."
        ),
        "problem": (
            "Les gendarmes veillent sur des zones rurales et périurbaines où la brigade la plus "
            "proche peut être éloignée des habitants. Dans le même temps, les citoyens se "
            "tournent de plus en plus vers les réseaux sociaux et les agents conversationnels. "
            "Ces usages rendent possible une proximité numérique qui vient compléter l'accueil "
            "physique."
        ),
        "challenge": (
            "Il s'agit de bâtir, en partant des besoins des usagers, des outils qui facilitent "
            "le contact avec la gendarmerie : une prise de rendez-vous en ligne reliée à la "
            "planification de l'activité des unités, un recensement des horaires d'accueil des "
            "brigades et une meilleure ergonomie de l'outil multicanal utilisé par la Brigade "
            "numérique."
        ),
        "expected_results": (
            "Un accueil en ligne qui simplifie les démarches courantes des citoyens, et des "
            "outils plus commodes pour les gendarmes qui leur répondent."
        ),
        "skills": ["developpement", "design"],
        "profiles_sought": [
            "développement web avancé (prise de rendez-vous en ligne)",
            "ergonomie",
        ],
        "fellows_sought": 2,
        "location": "Issy-les-Moulineaux",
        "status": "completed",
        "source_code_url": "",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Julien Morvan",
                "job_title": "Officier chef de projet Brigade numérique, DGGN",
                "role": OPERATIONAL,
                "consents": True,
            },
            {
                "full_name": "Inès Chabert",
                "job_title": "Sous-directrice de la transformation numérique, DGGN",
                "role": STRATEGIC,
                "consents": False,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "coacheleves",
        "name": "CoachÉlève - AssistProf",
        "host": "dne",
        "summary": (
            "Prototyper, en recherche-action avec des chercheurs et des éditeurs, deux outils "
            "d'intelligence artificielle fondés sur les données d'apprentissage : un coach pour "
            "l'élève et un assistant conversationnel pour l'enseignant."
        ),
        "problem": (
            "Les élèves disposent d'une large offre d'applications pédagogiques, de sites "
            "spécialisés et d'exercices en ligne. Le suivi scolaire s'est lui aussi numérisé, "
            "notamment avec les espaces numériques de travail, et laisse de nombreuses traces "
            "d'apprentissage. Ces données restent peu utilisées pour accompagner chaque élève."
        ),
        "challenge": (
            "Au sein du laboratoire d'innovation de la Direction du numérique pour l'éducation, "
            "l'équipe définit avec des éditeurs, des établissements et des parents d'élèves un "
            "périmètre d'expérimentation pertinent. Elle cartographie d'abord les données "
            "disponibles, puis s'appuie sur ce travail pour concevoir un accompagnement "
            "pédagogique personnalisé."
        ),
        "expected_results": (
            "Une cartographie des données d'apprentissage et deux prototypes : un coach qui "
            "aide l'élève à progresser et un assistant qui répond aux enseignants."
        ),
        "skills": ["data-science"],
        "profiles_sought": ["data science", "data science"],
        "fellows_sought": 2,
        "location": "",
        "status": "completed",
        "source_code_url": "",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Nicolas Perrot",
                "job_title": "Responsable du laboratoire d'innovation, Direction du numérique "
                "pour l'éducation",
                "role": OPERATIONAL,
                "consents": True,
            },
            {
                "full_name": "Camille Renaud",
                "job_title": "Cheffe de service, Direction du numérique pour l'éducation",
                "role": STRATEGIC,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "dataesr",
        "name": "dataESR",
        "host": "mesri-doad",
        "summary": (
            "Construire le socle technique générique d'une plateforme qui expose les données "
            "et les indicateurs de l'enseignement supérieur et de la recherche, avec des aides "
            "à l'analyse pour les spécialistes comme pour le grand public."
        ),
        "problem": (
            "Le ministère chargé de l'enseignement supérieur et de la recherche détient une "
            "très grande quantité de données. Elles sont pourtant éparpillées et ne s'appuient "
            "pas toujours sur des référentiels communs, ce qui complique leur gestion, leur "
            "partage et leur utilisation par le public."
        ),
        "challenge": (
            "L'équipe doit bâtir une plateforme qui rassemble ces données, les relie à des "
            "référentiels et à des métadonnées, et en tire des indicateurs. Des outils d'aide à "
            "l'analyse doivent faciliter la navigation et l'interprétation, pour les "
            "professionnels comme pour les citoyens."
        ),
        "expected_results": (
            "Une infrastructure générique et de premiers indicateurs qui rendent les données "
            "de la recherche accessibles à tous."
        ),
        "skills": ["devops", "web-des-donnees", "data-science"],
        "profiles_sought": [
            "devops / solution architect",
            "web des données, gestion de référentiels",
            "data science",
        ],
        "fellows_sought": 3,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/dataESR",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Romain Aubert",
                "job_title": "Chef du département des outils d'aide à la décision",
                "role": OPERATIONAL,
                "consents": True,
            },
            {
                "full_name": "Sandrine Pelletier",
                "job_title": "Sous-directrice des systèmes d'information et des études "
                "statistiques",
                "role": STRATEGIC,
                "consents": False,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "donneesauvetagemaritime",
        "name": "PrédiSauvetage",
        "host": "dam",
        "summary": (
            "Croiser les données des CROSS, de la SNSM et d'autres acteurs du sauvetage en mer "
            "pour comprendre quels profils et quelles circonstances exposent au risque, et "
            "mieux cibler la prévention auprès des plaisanciers."
        ),
        "problem": (
            "En 2016, les centres régionaux opérationnels de surveillance et de sauvetage "
            "(CROSS) ont coordonné environ 10 000 opérations de secours en mer. Eux, comme la "
            "SNSM et les autres intervenants, produisent des données sur ces opérations et sur "
            "les accidents. Exploitées ensemble, elles permettraient de mieux connaître "
            "l'accidentologie en mer."
        ),
        "challenge": (
            "L'équipe doit mettre l'analyse de données et les modèles prédictifs au service du "
            "sauvetage, en construisant un outil qui repère les profils et les situations à "
            "l'origine des interventions. Pour que cet outil perdure, elle forme et anime aussi "
            "une communauté de responsables issus des organismes du sauvetage en mer."
        ),
        "expected_results": (
            "Des analyses qui orientent les actions de prévention, les campagnes d'information "
            "ciblées et les politiques publiques de sécurité en mer."
        ),
        "skills": ["data-science", "design", "datavisualisation"],
        "profiles_sought": ["data science", "UX design, datavisualisation"],
        "fellows_sought": 2,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/predisauvetage",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Agathe Lemoine",
                "job_title": "Chargée de mission données, Direction des affaires maritimes",
                "role": OPERATIONAL,
                "consents": True,
            },
            {
                "full_name": "Bruno Tessier",
                "job_title": "Sous-directeur de la sécurité maritime, Direction des affaires "
                "maritimes",
                "role": STRATEGIC,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "eiglink",
        "name": "EIG Link",
        "host": "etalab",
        "summary": (
            "Apporter un appui technique et méthodologique à toutes les équipes de la "
            "promotion (choix techniques, méthodes agiles, ressources, ouverture du code) et "
            "encourager l'entraide entre les défis."
        ),
        "problem": (
            "Les membres d'une promotion ont des expertises très différentes et travaillent "
            "dans des administrations variées. Ils se posent des questions techniques (tests, "
            "choix de bibliothèques, logiciel libre) autant qu'administratives (trouver le bon "
            "interlocuteur, ouvrir des données). Sans appui commun, chaque équipe risque de "
            "réinventer ses propres réponses."
        ),
        "challenge": (
            "Intégré à l'équipe d'Etalab, l'EIG Link suit les défis à chaque étape : il aide à "
            "établir la feuille de route technique de départ, suggère des réorientations et "
            "prépare la pérennisation des solutions. Il diffuse les méthodes agiles, les bonnes "
            "pratiques et la publication des codes sources."
        ),
        "expected_results": (
            "Une promotion mieux outillée, des équipes qui partagent leurs pratiques et des "
            "codes sources ouverts et réutilisables."
        ),
        "skills": ["devops", "developpement", "coaching"],
        "profiles_sought": ["développement (senior), devops"],
        "fellows_sought": 1,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/eig-link",
        "website_url": "",
        "mentors": [],
    },
    {
        "cohort": 2,
        "slug": "gobelins",
        "name": "Gobelins",
        "host": "mobilier-national",
        "summary": (
            "Rendre consultable par tous, métiers d'art compris, la collection du Mobilier "
            "national, soit environ 100 000 biens décrits jusqu'ici dans une base interne, avec "
            "une indexation enrichie par les contributions du public."
        ),
        "problem": (
            "Le Mobilier national et les manufactures des Gobelins, de Beauvais et de la "
            "Savonnerie conservent des objets d'art du XVIe au XXIe siècle et entretiennent des "
            "savoir-faire rares. Ce patrimoine n'est pourtant décrit que dans une base de "
            "données interne, hors de portée du public."
        ),
        "challenge": (
            "L'équipe doit concevoir une plateforme qui serve à la fois les agents, les métiers "
            "d'art et le grand public. Elle repose sur une indexation partagée qui permet des "
            "recherches multicritères dans toute la documentation technique et scientifique, "
            "une interface de consultation pensée pour ses utilisateurs et un dispositif de "
            "contribution ouvert au public."
        ),
        "expected_results": (
            "Une collection publiée en ligne, consultable et enrichie par ses visiteurs, qui "
            "accroît le rayonnement de l'institution."
        ),
        "skills": ["design-de-services", "developpement"],
        "profiles_sought": ["design de services", "développement (sémantique, indexation)"],
        "fellows_sought": 2,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/gobelins",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Céline Faure",
                "job_title": "Responsable de la documentation des collections, Mobilier national",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "hopkins",
        "name": "Hopkins",
        "host": "macp",
        "summary": (
            "Mieux détecter la fraude financière et le blanchiment en rapprochant des données "
            "structurées et textuelles hétérogènes grâce au big data, à l'analyse de graphes "
            "et à l'apprentissage automatique."
        ),
        "problem": (
            "L'économie souterraine pèse lourd : elle était estimée à environ 12 % du PIB "
            "français en 2015. Dans le même temps, le volume de données structurées et "
            "textuelles exploitables ne cesse d'augmenter. Le ministère a donc souhaité se "
            "doter d'outils d'analyse plus performants pour remonter les circuits financiers "
            "clandestins."
        ),
        "challenge": (
            "Un premier volet consiste à valoriser les données structurées des flux "
            "financiers : préparation des données, résolution d'identités, représentation des "
            "flux sous forme de graphes et détection de communautés par l'analyse de réseaux. "
            "Un second volet applique l'apprentissage profond à la classification automatique "
            "de documents recueillis dans la lutte contre le blanchiment. Une habilitation "
            "« Confidentiel Défense » est requise."
        ),
        "expected_results": (
            "Des outils d'exploration de graphes et de classification de textes qui aident les "
            "services à repérer plus vite les circuits suspects."
        ),
        "skills": ["data-science", "developpement"],
        "profiles_sought": [
            "data science (données structurées)",
            "data science (données textuelles)",
            "développement (data engineer)",
        ],
        "fellows_sought": 3,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/graph-explorer",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Aurélie Dumas",
                "job_title": "Cheffe de projet data science, ministère de l'Action et des "
                "Comptes publics",
                "role": OPERATIONAL,
                "consents": False,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "labsante",
        "name": "Lab Santé",
        "host": "drees",
        "summary": (
            "Rendre les données du Système national des données de santé (SNDS) utilisables "
            "au rythme de la décision publique : documentation, tables intermédiaires, "
            "indicateurs, modèles et visualisations pour les acteurs de santé."
        ),
        "problem": (
            "Grâce à son système d'assurance maladie, la France dispose de données de santé "
            "presque exhaustives, variées et mises à jour régulièrement. Elles ont été réunies "
            "dans une base unique, le SNDS, mais leur complexité freine encore leur "
            "exploitation."
        ),
        "challenge": (
            "L'équipe doit d'abord aider la DREES à exploiter ces données : les structurer, les "
            "harmoniser et former les agents à de nouveaux outils. Elle doit ensuite montrer "
            "leur potentiel à travers des projets pilotes qui mobilisent des méthodes avancées, "
            "comme le traitement automatique du langage ou l'apprentissage automatique."
        ),
        "expected_results": (
            "Une documentation, des tables et des indicateurs réutilisables, ainsi que des "
            "projets pilotes qui prouvent l'intérêt du SNDS pour la décision publique."
        ),
        "skills": ["data-science", "datavisualisation", "design-de-services"],
        "profiles_sought": [
            "data science et/ou data management",
            "data science et/ou data management",
            "datavisualisation et design de service",
        ],
        "fellows_sought": 3,
        "location": "",
        "status": "completed",
        "source_code_url": "",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Yasmine Belkacem",
                "job_title": "Responsable de la mission données de santé, DREES",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "previsecours",
        "name": "Prévisecours",
        "host": "interieur-mcavd",
        "summary": (
            "Anticiper le nombre et le lieu des interventions de secours à personne en Essonne "
            "pour aider les sapeurs-pompiers à mieux répartir leurs moyens humains et "
            "matériels."
        ),
        "problem": (
            "Le volume des interventions des sapeurs-pompiers varie fortement, et leurs lieux "
            "dépendent de l'heure, du jour, de la saison et de bien d'autres facteurs. Cette "
            "instabilité complique l'organisation des équipes et de la logistique dans les "
            "casernes."
        ),
        "challenge": (
            "Avec les sapeurs-pompiers de l'Essonne, qui fournissent l'historique de leurs "
            "interventions, l'équipe doit mettre au point un modèle prédictif du volume des "
            "interventions et de leur localisation. Elle croise pour cela des sources variées "
            "(météo, topographie, état des logements…), entraîne le modèle sur le passé puis le "
            "confronte à des données en temps réel."
        ),
        "expected_results": (
            "Un modèle qui aide à mobiliser les moyens au bon endroit et au bon moment, et une "
            "méthode transposable à d'autres départements comparables."
        ),
        "skills": ["data-science", "developpement"],
        "profiles_sought": ["data science", "développement full stack"],
        "fellows_sought": 2,
        "location": "Paris 12e",
        "status": "completed",
        "source_code_url": "https://github.com/previsecours",
        "website_url": "http://previsecours.fr/",
        "mentors": [
            {
                "full_name": "Mathieu Joly",
                "job_title": "Chef de la mission de coordination et d'appui à la valorisation "
                "des données",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "signauxfaibles",
        "name": "Signaux Faibles",
        "host": "dge-direccte-bfc",
        "summary": (
            "Repérer tôt les petites et moyennes entreprises fragilisées en rapprochant des "
            "données publiques (URSSAF, DIRECCTE, Banque de France…), pour que les services "
            "de l'État puissent les accompagner à temps."
        ),
        "problem": (
            "Chaque année en France, quelque 4 000 PME et ETI font faillite, alors que certaines "
            "défaillances pourraient être évitées si elles étaient repérées assez tôt. Les "
            "administrations détiennent beaucoup d'informations sur la situation économique, "
            "financière et sociale des entreprises, mais elles sont dispersées."
        ),
        "challenge": (
            "Porté par la DIRECCTE Bourgogne-Franche-Comté avec la Direction générale des "
            "entreprises, le défi consiste à concevoir un algorithme qui estime la probabilité "
            "de défaillance d'une entreprise à 12, 18 et 24 mois. L'équipe doit aussi "
            "développer une chaîne de chargement qui actualise régulièrement et "
            "automatiquement les données à partir des bases opérationnelles."
        ),
        "expected_results": (
            "Une détection automatisée et régulièrement actualisée des entreprises en "
            "difficulté, qui permet aux agents d'aller au-devant d'elles pour les accompagner."
        ),
        "skills": ["data-science", "developpement"],
        "profiles_sought": ["data science", "développement informatique"],
        "fellows_sought": 2,
        "location": "Dijon",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/opensignauxfaibles",
        "website_url": "",
        "mentors": [
            {
                "full_name": "Anne-Sophie Rivière",
                "job_title": "Chargée de mission intelligence économique, DIRECCTE "
                "Bourgogne-Franche-Comté",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
    {
        "cohort": 2,
        "slug": "socialconnect",
        "name": "SocialConnect",
        "host": "cget",
        "summary": (
            "Repérer les innovations sociales des territoires et leur donner de la visibilité "
            "grâce à une plateforme web collaborative et à un moteur de recherche qui agrège "
            "les bases existantes."
        ),
        "problem": (
            "Les territoires comptent des dizaines de milliers d'initiatives d'innovation "
            "sociale, dans la santé, l'environnement, l'emploi et bien d'autres domaines. Elles "
            "restent souvent méconnues du grand public et ne se connaissent pas toujours entre "
            "elles."
        ),
        "challenge": (
            "L'équipe doit construire une plateforme contributive qui recense ces innovations "
            "et un moteur de recherche pensé pour le grand public. Deux outils plus spécialisés "
            "l'accompagnent : un moissonneur qui collecte les données des sites partenaires et "
            "un outil qui harmonise leur indexation. L'ensemble doit rester simple à utiliser."
        ),
        "expected_results": (
            "Une plateforme qui fait connaître les innovations sociales, facilite leur mise en "
            "réseau et les aide à grandir."
        ),
        "skills": ["design", "developpement"],
        "profiles_sought": [
            "design / UX",
            "développement informatique (moissonneur, moteur de recherche, back-office)",
        ],
        "fellows_sought": 2,
        "location": "",
        "status": "completed",
        "source_code_url": "https://github.com/entrepreneur-interet-general/OpenScraper",
        "website_url": "http://www.carrefourdesinnovationssociales.fr/",
        "mentors": [
            {
                "full_name": "François Clément",
                "job_title": "Responsable du Carrefour des innovations sociales, CGET",
                "role": OPERATIONAL,
                "consents": True,
            },
        ],
    },
]
