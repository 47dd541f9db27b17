"""The 2017 press review of the Promotion 2 site (titles, outlets and links as published).

Authors' names are left out of the titles. A date is given only when the link states it.
"""

import datetime

MODERNISATION = "modernisation.gouv.fr"

PRESS_ITEMS = [
    # Du côté de la DINSIC
    {
        "category": "programme",
        "title": "Le programme Entrepreneur d’Intérêt Général lancé prochainement",
        "outlet": MODERNISATION,
        "published_on": None,
        "url": "http://www.modernisation.gouv.fr/ladministration-change-avec-le-numerique/"
        "par-louverture-des-donnees-dans-les-administrations/"
        "le-programme-entrepreneur-dinteret-general-lance-prochainement",
    },
    {
        "category": "programme",
        "title": "Les Entrepreneurs d’Intérêt Général",
        "outlet": MODERNISATION,
        "published_on": None,
        "url": "http://www.modernisation.gouv.fr/ladministration-change-avec-le-numerique/"
        "par-louverture-des-donnees-dans-les-administrations/entrepreneur-interet-general",
    },
    {
        "category": "programme",
        "title": "Le Président de la République rencontre la 1re promotion d’Entrepreneurs "
        "d’Intérêt Général",
        "outlet": MODERNISATION,
        "published_on": None,
        "url": "http://www.modernisation.gouv.fr/ladministration-change-avec-le-numerique/"
        "par-louverture-des-donnees-dans-les-administrations/"
        "president-de-la-republique-rencontre-la-1re-promotion-entrepreneurs-interet-general",
    },
    {
        "category": "programme",
        "title": "Découvrez la première promotion des Entrepreneurs d’Intérêt Général",
        "outlet": MODERNISATION,
        "published_on": None,
        "url": "http://www.modernisation.gouv.fr/ladministration-change-avec-le-numerique/"
        "par-louverture-des-donnees-dans-les-administrations/"
        "decouvrez-la-1re-promotion-des-entrepreneurs-dinteret-general",
    },
    {
        "category": "programme",
        "title": "Administrations, lancez vos défis à la prochaine promotion d’Entrepreneurs "
        "d’Intérêt Général",
        "outlet": MODERNISATION,
        "published_on": None,
        "url": "http://www.modernisation.gouv.fr/ladministration-change-avec-le-numerique/"
        "par-louverture-des-donnees-dans-les-administrations/"
        "administrations-lancez-vos-defis-a-la-prochaine-promotion-dentrepreneurs-dinteret-general",
    },
    {
        "category": "programme",
        "title": "Appel à projets : réunion d’information à destination des administrations",
        "outlet": MODERNISATION,
        "published_on": None,
        "url": "http://www.modernisation.gouv.fr/actualites/actualites/"
        "appel-a-projets-entrepreneurs-dinteret-general-reunion-dinformation-a-destination-"
        "des-administrations",
    },
    {
        "category": "programme",
        "title": "10 mois plus tard, les Entrepreneurs d’Intérêt Général ont relevé leurs défis",
        "outlet": MODERNISATION,
        "published_on": None,
        "url": "http://www.modernisation.gouv.fr/ladministration-change-avec-le-numerique/"
        "par-louverture-des-donnees-dans-les-administrations/"
        "10-mois-plus-tard-decouvrez-comment-les-1ers-entrepreneures-dinteret-general-ont-"
        "releve-leurs-defis",
    },
    # Ailleurs dans la presse
    {
        "category": "press",
        "title": "Vidéos : Entrepreneurs d’intérêt général, kezako ?",
        "outlet": "YouTube",
        "published_on": None,
        "url": "https://www.youtube.com/watch?v=-fF5871_8vU",
    },
    {
        "category": "press",
        "title": "Interviews des EIG Promo 1",
        "outlet": "Dailymotion",
        "published_on": None,
        "url": "http://www.dailymotion.com/playlist/x4tlyz_SGMAP_entrepreneur-d-interet-general-eig",
    },
    {
        "category": "press",
        "title": "Des Civic Tech à l’Entreprenariat d’intérêt général",
        "outlet": "Caisse des Dépôts",
        "published_on": None,
        "url": "http://www.caissedesdepots.fr/des-civictech-lentrepreneuriat-dinteret-general",
    },
    {
        "category": "press",
        "title": "La performance se mesure de manière très nouvelle avec les entrepreneurs "
        "d’intérêt général",
        "outlet": "Acteurs Publics",
        "published_on": datetime.date(2017, 7, 11),
        "url": "https://www.acteurspublics.com/webtv/2017/07/11/"
        "mathilde-bras-la-performance-se-mesure-de-maniere-tres-nouvelle-avec-les-"
        "entrepreneurs-dinteret-general",
    },
    {
        "category": "press",
        "title": "L’État recherche dix « entrepreneurs d’intérêt général »",
        "outlet": "April",
        "published_on": None,
        "url": "https://www.april.org/next-inpact-l-etat-recherche-dix-entrepreneurs-d-interet-general",
    },
    {
        "category": "press",
        "title": "L’État recrute 27 informaticiens payés 4 000 euros nets",
        "outlet": "Le Monde Informatique",
        "published_on": None,
        "url": "http://www.lemondeinformatique.fr/actualites/"
        "lire-l-etat-recrute-27-informaticiens-payes-4-000-euros-net-69531.html",
    },
    {
        "category": "press",
        "title": "L’État recherche dix entrepreneurs d’intérêt général",
        "outlet": "NextINpact",
        "published_on": None,
        "url": "https://www.nextinpact.com/news/"
        "102018-l-etat-recherche-dix-entrepreneurs-d-interet-general.htm",
    },
    {
        "category": "press",
        "title": "Les entrepreneurs d’intérêt général vont-ils hacker l’État ?",
        "outlet": "Silicon",
        "published_on": None,
        "url": "http://www.silicon.fr/entrepreneurs-interet-general-hacker-etat-161509.html"
        "?inf_by=59e61f76681db8a97f8b46c0",
    },
    {
        "category": "press",
        "title": "Devenez Entrepreneur d’Intérêt Général !",
        "outlet": "Tremplin UTC",
        "published_on": datetime.date(2017, 10, 9),
        "url": "http://www.tremplin-utc.asso.fr/index.php/article/"
        "devenez-entrepreneur-e-d-interet-general/09/10/2017/913",
    },
    {
        "category": "press",
        "title": "Le gouvernement lance un programme inédit : Entrepreneur d’intérêt général",
        "outlet": "ID formation",
        "published_on": None,
        "url": "http://www.id-formation.com/"
        "2016-gouvernement-lance-programme-inedit-entrepreneur-interet-general.html",
    },
    # Du côté des administrations
    {
        "category": "administrations",
        "title": "Visite du Liberté Living Lab avec les Entrepreneurs d’Intérêt Général",
        "outlet": "Gouvernement",
        "published_on": None,
        "url": "http://www.gouvernement.fr/"
        "visite-du-liberte-living-lab-et-rencontre-avec-les-entrepreneurs-d-interet-general",
    },
    {
        "category": "administrations",
        "title": "11 entrepreneurs s’engagent pour des défis d’intérêt général",
        "outlet": "Ministère de l’Économie",
        "published_on": None,
        "url": "https://www.economie.gouv.fr/entreprises/entrepreneurs-interet-general",
    },
    {
        "category": "administrations",
        "title": "Appel à projets : défis de transition numérique des administrations pour la "
        "deuxième promotion des entrepreneurs d’intérêt général",
        "outlet": "Caisse des Dépôts",
        "published_on": None,
        "url": "https://cdcinvestissementsdavenir.achatpublic.com/sdm/ent/gen/ent_detail.do"
        "?PCSLID=CSL_2017_F5cizb3iEh",
    },
    {
        "category": "administrations",
        "title": "Devenez Entrepreneur(e) d’intérêt général en 2018",
        "outlet": "Shom",
        "published_on": None,
        "url": "http://www.shom.fr/le-shom/actualites/les-communiques/actualite-detaillee/"
        "article/devenez-entrepreneure-dinteret-general-en-2018/",
    },
    {
        "category": "administrations",
        "title": "Appel à candidatures Entrepreneurs d’Intérêt Général 2018 : relever le défi "
        "de l’intelligence artificielle pour l’éducation",
        "outlet": "École du numérique",
        "published_on": datetime.date(2017, 10, 11),
        "url": "http://ecolenumerique.education.gouv.fr/2017/10/11/"
        "appel-candidatures-entrepreneurs-dinteret-general-2018-relever-le-defi-de-"
        "lintelligence-artificielle-pour-leducation/",
    },
    {
        "category": "administrations",
        "title": "Apprenants de la Grande École, devenez « Entrepreneurs d’Intérêt général »",
        "outlet": "Grande École du numérique",
        "published_on": None,
        "url": "https://www.grandeecolenumerique.fr/2016/11/entrepreneurs-interet-general/",
    },
    {
        "category": "administrations",
        "title": "Devenez Entrepreneur.e d’Intérêt Général",
        "outlet": "Préfecture de Saône-et-Loire",
        "published_on": None,
        "url": "http://www.saone-et-loire.gouv.fr/"
        "devenez-entrepreneur-o-e-d-interet-general-a9918.html",
    },
    {
        "category": "administrations",
        "title": "En 2018, devenez Entrepreneur.e d’Intérêt Général : rejoignez la promotion 2 !",
        "outlet": "Préfecture de région Bourgogne-Franche-Comté",
        "published_on": None,
        "url": "http://www.prefectures-regions.gouv.fr/bourgogne-franche-comte/Actualites/"
        "En-2018-devenez-Entrepreneur-e-d-interet-general-rejoignez-la-Promotion-2",
    },
]
