"""The demo's news: a few articles of Promotion 2's year, in our own words."""

import datetime

NEWS_INDEX = {
    "title": "Actualités",
    "intro": "Les nouvelles du programme : appels, promotions, défis et rendez-vous.",
}

ARTICLES = [
    {
        "slug": "appel-a-defis-promotion-2",
        "title": "Administrations : proposez vos défis pour la Promotion 2",
        "published_on": datetime.date(2017, 5, 2),
        "author": "L’équipe du programme",
        "intro": "L’appel à défis de la deuxième promotion est ouvert. Une réunion d’information "
        "attend les administrations le 16 mai au Liberté Living Lab.",
        "tags": ["Appel à défis", "Promotion 2"],
        "body": [
            (
                "paragraph",
                "<p>Une administration qui veut résoudre un problème d’intérêt général grâce au "
                "numérique et aux données peut proposer un défi. Elle s’engage à accueillir une "
                "équipe de deux ou trois entrepreneur·e·s d’intérêt général pendant dix mois, "
                "avec un mentor opérationnel et un mentor stratégique.</p>",
            ),
        ],
    },
    {
        "slug": "treize-defis-promotion-2",
        "title": "Treize défis pour la Promotion 2",
        "published_on": datetime.date(2017, 9, 20),
        "author": "L’équipe du programme",
        "intro": "Quarante-trois défis proposés, trente entendus par le jury les 4 et 5 juillet, "
        "treize retenus : la deuxième promotion a ses défis.",
        "tags": ["Défis", "Promotion 2"],
        "body": [
            (
                "paragraph",
                "<p>Le jury, paritaire entre professionnels du public et du privé, a entendu "
                "trente administrations. Dix défis ont été retenus, puis trois autres financés "
                "par leur administration, validés par le comité de pilotage.</p>",
            ),
        ],
    },
    {
        "slug": "appel-a-candidatures-promotion-2",
        "title": "Talents du numérique : l’appel à candidatures est ouvert",
        "published_on": datetime.date(2017, 9, 27),
        "author": "L’équipe du programme",
        "intro": "Jusqu’au 27 octobre à 17 heures, candidatez aux défis de votre choix ; une "
        "session d’information a lieu le 10 octobre.",
        "tags": ["Appel à candidatures", "Promotion 2"],
        "body": [
            (
                "paragraph",
                "<p>Développeurs, designers, data scientists : la candidature se fait en ligne "
                "uniquement. Les candidatures sont lues par un jury et par les mentors des "
                "défis, puis les personnes présélectionnées sont auditionnées mi-novembre.</p>",
            ),
        ],
    },
    {
        "slug": "demo-day-2018",
        "title": "Demo Day : cinq minutes par défi",
        "published_on": datetime.date(2018, 6, 22),
        "author": "L’équipe du programme",
        "intro": "À mi-parcours, chaque équipe a montré en cinq minutes ce qu’elle a construit "
        "depuis son arrivée en janvier.",
        "tags": ["Promotion 2", "Événements"],
        "body": [
            (
                "paragraph",
                "<p>Prototypes, premières mises en production, jeux de données ouverts : les "
                "treize défis ont présenté leurs avancées devant leurs mentors et les "
                "administrations.</p>",
            ),
        ],
    },
]
