"""Editorial pages (Wagtail) of the demo site.

Rich text is limited to <p>, <h3>, <ul>/<ol>/<li>, <a href>, <b> and <i>. Figures of the
programme (fellows, défis, duration, pay) are computed by the home template from the data, so
the home text does not repeat them.
"""

CONTACT = '<a href="mailto:contact@eig.example">contact@eig.example</a>'

HOME = {
    "title": "Accueil",
    "seo_title": "Entrepreneurs d'intérêt général : des talents du numérique au service de l'État",
    "intro": (
        "Porté par Etalab, le programme Entrepreneurs d'intérêt général invite des "
        "spécialistes du numérique à rejoindre une administration le temps d'un défi : "
        "un problème concret, proposé par l'administration elle-même, qu'ils et elles "
        "s'attachent à résoudre avec les agents grâce aux données, au code et au design."
    ),
    "body": [
        ("heading", "Le principe"),
        (
            "paragraph",
            "<p>Chaque année, des administrations proposent des défis d'intérêt général. Un "
            "jury retient les plus prometteurs, puis un appel à candidatures permet de réunir, "
            "pour chacun, une petite équipe d'entrepreneur·e·s d'intérêt général (EIG) aux "
            "compétences complémentaires.</p>"
            "<p>Recruté·e·s en contrat à durée déterminée par l'administration qui porte le "
            "défi, les EIG y travaillent au quotidien avec un <b>mentor opérationnel</b> et "
            "sont suivi·e·s par un <b>mentor stratégique</b> issu de la hiérarchie. Ils et "
            "elles forment une promotion qui se retrouve régulièrement pour des sessions de "
            "mentoring, des ateliers et des temps d'entraide.</p>",
        ),
        ("heading", "Une ambition : ouvrir l'État aux talents du numérique"),
        (
            "paragraph",
            "<p>Lancé en 2016 à l'initiative de la Présidence de la République, le programme "
            "fait entrer dans l'administration des profils qui n'y viennent pas spontanément "
            ": data scientists, développeur·se·s, designers. Il leur confie des missions utiles "
            "à tous, et permet en retour aux services de découvrir d'autres façons de "
            "travailler : méthodes agiles, conception centrée sur les usagers, ouverture des "
            "données et du code.</p>"
            "<p>Les défis sont financés par le Programme d'investissements d'avenir, au titre "
            "du fonds « Transition numérique de l'État et modernisation de l'action "
            "publique », ou directement par l'administration d'accueil.</p>",
        ),
        ("heading", "Des résultats ouverts et réutilisables"),
        (
            "paragraph",
            "<p>Les EIG s'engagent à publier leurs travaux sous licence libre et à partager "
            "leur expérience. Les outils créés peuvent ainsi être repris et améliorés par "
            "d'autres administrations, et chaque promotion profite des enseignements de la "
            "précédente.</p>",
        ),
    ],
}

FAQ = {
    "title": "Questions fréquentes",
    "intro": (
        "Les réponses aux questions que se posent le plus souvent les candidat·e·s et les "
        "administrations qui souhaitent proposer un défi."
    ),
    "sections": [
        {
            "title": "Pour les candidat·e·s",
            "questions": [
                (
                    "Qui peut participer au programme ?",
                    "<p>Toute personne physique ayant terminé ses études supérieures peut "
                    "candidater ; les étudiant·e·s et les apprenti·e·s en cours de formation ne "
                    "le peuvent pas. Une expérience professionnelle d'environ cinq ans est "
                    "appréciée, mais les profils moins expérimentés qui ont mené des projets "
                    "entrepreneuriaux ou associatifs sont les bienvenus.</p>"
                    "<p>Sont exclu·e·s : les agent·e·s en poste dans une administration "
                    "publique, les membres du jury et les expert·e·s associé·e·s au "
                    "programme.</p>",
                ),
                (
                    "Quelle différence entre un·e EIG et un·e prestataire ?",
                    "<p>Un·e prestataire réalise, pour le compte de l'administration, une "
                    "commande définie à l'avance. L'EIG est recruté·e par l'administration "
                    "d'accueil et travaille au sein de ses équipes : il ou elle contribue à "
                    "définir la solution avec les métiers et ses mentors, et publie son travail "
                    "en logiciel libre pour qu'il reste à la disposition de tous.</p>"
                    "<p>L'EIG appartient aussi à une promotion, accompagnée par Etalab tout au "
                    "long du programme.</p>",
                ),
                (
                    "Quelle différence avec un contrat de trois ans dans l'administration ?",
                    "<p>Un contrat de trois ans correspond en général à un poste permanent "
                    "de l'administration et à ses missions courantes. L'EIG est recruté·e pour "
                    "une durée courte et un objectif précis : relever un défi retenu par un "
                    "jury, en équipe, avec des mentors et au sein d'une promotion qui se "
                    "retrouve régulièrement. Sa rémunération est financée, pour les défis "
                    "sélectionnés par le jury, par le Programme d'investissements "
                    "d'avenir.</p>",
                ),
                (
                    "Quelle est la forme du contrat ?",
                    "<p>Pour la promotion 2, chaque EIG a signé avec son administration "
                    "d'accueil un contrat d'agent non titulaire, c'est-à-dire un contrat à "
                    "durée déterminée, de dix mois, pour une rémunération de 4 000 euros nets "
                    "par mois.</p>"
                    "<p>L'administration signe ensuite une convention avec la Caisse des "
                    "dépôts, opérateur du fonds qui finance le programme, et reçoit par ce biais "
                    "le montant correspondant aux salaires.</p>",
                ),
                (
                    "Pourquoi dix mois ?",
                    "<p>La durée est fixée par le règlement de chaque promotion : pour la "
                    "promotion 2, l'engagement à temps plein allait de janvier à novembre 2018. "
                    "Ce format resserré invite à viser un premier résultat concret et "
                    "utilisable.</p>"
                    "<p>Pour toute question sur ce choix, écrivez-nous à " + CONTACT + ".</p>",
                ),
                (
                    "Que se passe-t-il après les dix mois ?",
                    "<p>Le contrat d'EIG prend fin à son terme. La suite dépend de chaque défi : "
                    "le programme travaille avec les administrations, notamment avec les "
                    "directions des systèmes d'information, pour que les outils créés "
                    "perdurent, et la publication du code en logiciel libre permet à d'autres "
                    "de poursuivre le travail.</p>"
                    "<p>Après la promotion 1, certains outils ont été repris par d'autres "
                    "administrations ou confiés à une association partenaire, et un EIG de la "
                    "première promotion a rejoint la deuxième pour accompagner les équipes. "
                    "Pour une situation particulière, écrivez à " + CONTACT + ".</p>",
                ),
                (
                    "Comment les mentors sont-ils préparés ?",
                    "<p>Les mentors ont leur propre parcours : pour la promotion 2, une "
                    "demi-journée de bootcamp leur était réservée en février 2018, et une "
                    "session de mi-parcours les a réunis en juillet. Ils et elles participent "
                    "aussi à des sessions communes avec les EIG, par exemple sur la conception "
                    "centrée sur les usagers et l'ouverture du code.</p>"
                    "<p>Le mentor opérationnel accompagne l'équipe au quotidien ; le mentor "
                    "stratégique, issu de la hiérarchie, fait le point avec elle chaque "
                    "mois.</p>",
                ),
                (
                    "Quels étaient les défis de la promotion 1 ?",
                    "<p>En 2017, la première promotion a réuni 11 EIG autour de 9 défis : "
                    "cartographie des accidents de la route, inventaire collaboratif des orgues, "
                    "API pour les rapports de la Cour des comptes, détection de la fraude "
                    "fiscale, nettoyage automatique de bases de données… Vous les retrouverez "
                    "tous, avec leur description, dans la liste des défis de ce site.</p>",
                ),
                (
                    "À qui poser une autre question ?",
                    "<p>L'équipe du programme vous répond à l'adresse " + CONTACT + ".</p>",
                ),
            ],
        },
        {
            "title": "Pour les administrations",
            "questions": [
                (
                    "Faut-il accueillir deux ou trois EIG ?",
                    "<p>Un défi est en principe confié à une équipe de deux ou trois EIG, pour "
                    "réunir des compétences complémentaires. Des exceptions existent : dans la "
                    "promotion 2, le défi EIG Link, consacré à l'accompagnement de toute la "
                    "promotion, a été confié à une seule personne. La taille de l'équipe "
                    "découle des profils dont le défi a besoin.</p>",
                ),
                (
                    "Comment définir les profils recherchés ?",
                    "<p>Décrivez, profil par profil, les compétences nécessaires pour relever "
                    "le défi : data science, développement, design, géomatique… Pour la "
                    "promotion 2, les administrations ont par exemple demandé « data science "
                    "(données textuelles) », « géomatique / cartographie » ou « design / UX ». "
                    "Un profil précis aide les candidat·e·s à se projeter et le jury à "
                    "choisir.</p>",
                ),
                (
                    "Une administration peut-elle financer elle-même son défi ?",
                    "<p>Oui. En plus des défis retenus par le jury et financés par le Programme "
                    "d'investissements d'avenir, la promotion 2 comptait deux défis financés "
                    "par leur administration d'accueil : <i>CoachÉlève - AssistProf</i> et "
                    "<i>dataESR</i>. Leurs EIG faisaient partie de la promotion au même titre "
                    "que les autres.</p>",
                ),
                (
                    "Quelles sont les conditions du cofinancement ?",
                    "<p>Pour la promotion 2, le financement provenait du fonds « Transition "
                    "numérique de l'État et modernisation de l'action publique » du Programme "
                    "d'investissements d'avenir, opéré par la Caisse des dépôts. "
                    "L'administration recrute les EIG puis signe une convention avec la Caisse "
                    "des dépôts, qui lui reverse le montant des salaires par un fonds de "
                    "concours. Le comité de pilotage du fonds, sous l'égide du Commissariat "
                    "général à l'investissement, valide les défis retenus.</p>"
                    "<p>Les conditions précises sont fixées par chaque appel à projets ; pour "
                    "les connaître, écrivez à " + CONTACT + ".</p>",
                ),
                (
                    "Les frais annexes, comme les déplacements, sont-ils pris en charge ?",
                    "<p>Le mécanisme de financement décrit ci-dessus porte sur la rémunération "
                    "des EIG. Pour les autres dépenses, comme les déplacements ou l'équipement, "
                    "renseignez-vous auprès de l'équipe du programme avant de déposer votre "
                    "dossier : " + CONTACT + ".</p>",
                ),
                (
                    "Une collectivité territoriale peut-elle proposer un défi ?",
                    "<p>Les défis des deux premières promotions étaient portés par des "
                    "administrations de l'État, des juridictions et des établissements publics. "
                    "Des acteurs locaux y ont toutefois pris part comme partenaires : pour "
                    "<i>Prévisecours</i>, les sapeurs-pompiers de l'Essonne ont fourni leurs "
                    "données. Si vous représentez une collectivité, écrivez à " + CONTACT + " "
                    "pour savoir si et comment vous pouvez participer.</p>",
                ),
                (
                    "Peut-on obtenir une simulation financière ?",
                    "<p>Le coût d'un défi dépend du nombre d'EIG accueilli·e·s et des frais "
                    "propres à votre administration. Pour une estimation adaptée à votre "
                    "projet, contactez l'équipe du programme à " + CONTACT + ".</p>",
                ),
                (
                    "Peut-on proposer un défi interministériel ?",
                    "<p>Un défi peut associer plusieurs services : <i>Signaux Faibles</i>, par "
                    "exemple, était porté ensemble par la Direction générale des entreprises et "
                    "la DIRECCTE Bourgogne-Franche-Comté. Il faut toutefois une administration "
                    "d'accueil qui recrute les EIG et signe la convention de financement. "
                    "Pour un projet associant plusieurs ministères, écrivez-nous à "
                    + CONTACT
                    + " afin d'en préciser l'organisation.</p>",
                ),
                (
                    "Les EIG peuvent-ils travailler hors de Paris ?",
                    "<p>Oui. Dans la promotion 2, les équipes de <i>b@liseNAV</i> et de "
                    "<i>Signaux Faibles</i> travaillaient respectivement à Brest et à Dijon. "
                    "Les sessions collectives de la promotion ont lieu à Paris, un jeudi sur "
                    "deux, et tous les EIG s'engagent à y participer : pensez-y en préparant "
                    "votre défi.</p>",
                ),
                (
                    "Quel est le rôle du mentor opérationnel ?",
                    "<p>Le mentor opérationnel fait partie de l'équipe qui accueille le défi. "
                    "Il ou elle guide les EIG au quotidien, leur ouvre les portes des services "
                    "et des données, et veille à l'avancement de la feuille de route. Les "
                    "mentors opérationnels siègent aussi au jury qui auditionne les "
                    "candidat·e·s.</p>",
                ),
                (
                    "Les mentors doivent-ils assister aux sessions ?",
                    "<p>Certaines sessions sont destinées aux mentors ou les associent aux "
                    "EIG : le bootcamp des mentors, des sessions communes sur la conception "
                    "centrée sur les usagers et l'ouverture du code, le point d'étape à "
                    "mi-parcours. D'autres sont réservées aux EIG. Pour savoir ce qui est "
                    "attendu de vos mentors, écrivez à " + CONTACT + ".</p>",
                ),
                (
                    "Peut-on avoir deux mentors ?",
                    "<p>Oui, c'est même le schéma prévu : un mentor opérationnel pour le "
                    "quotidien et un mentor stratégique, issu de la hiérarchie, pour un suivi "
                    "mensuel. Dans la promotion 2, plusieurs défis étaient ainsi suivis par "
                    "deux mentors.</p>",
                ),
                (
                    "Quel type de contrat l'administration signe-t-elle avec les EIG ?",
                    "<p>L'administration d'accueil recrute directement les EIG par un contrat "
                    "d'agent non titulaire à durée déterminée, de dix mois pour la promotion 2. "
                    "Elle est donc leur employeur pendant toute la durée du défi.</p>",
                ),
                (
                    "Combien de temps faut-il pour constituer le dossier ?",
                    "<p>Cela dépend surtout de la maturité du projet et des échanges à mener en "
                    "interne. Le dossier décrit le défi et l'équipe qui l'accueillera, mentors "
                    "compris ; il est d'abord examiné par écrit, avant une présentation orale "
                    "devant le jury. Pour un conseil avant de vous lancer, écrivez à "
                    + CONTACT
                    + ".</p>",
                ),
                (
                    "Comment fonctionne le jury de sélection des défis ?",
                    "<p>Pour la promotion 2, les dossiers ont d'abord été examinés par écrit. "
                    "Les administrations ont ensuite présenté leur défi à l'oral, les 4 et "
                    "5 juillet 2017, devant un jury externe et pluridisciplinaire, composé à "
                    "parité de professionnel·le·s du public et du privé, qui les a notés selon "
                    "une grille reprenant les critères de l'appel à projets.</p>"
                    "<p>Sur 43 défis proposés, 30 ont été auditionnés et 10 retenus, puis "
                    "validés par le comité de pilotage du fonds.</p>",
                ),
                (
                    "Qui contacter ?",
                    "<p>L'équipe du programme répond aux administrations à l'adresse "
                    + CONTACT
                    + ".</p>",
                ),
            ],
        },
    ],
}

RULES = {
    "title": "Règlement",
    "intro": (
        "Chaque promotion a son règlement. En candidatant, vous acceptez celui de la promotion "
        "à laquelle vous candidatez, dans la version affichée ici le jour où vous cochez la case."
    ),
    "body": [],
}

# The rules of Promotion 2 (2018) in outline, as the demo's first version of its rules
# (eig/demo/data/rules.py); the official text is the PDF of the time.
RULES_PROMOTION_2 = {
    "blocks": [
        ("heading", "Le programme en bref"),
        (
            "paragraph",
            "<p>Le programme Entrepreneurs d'intérêt général est piloté par Etalab, au sein de "
            "la DINSIC (Services du Premier ministre). Pour la promotion 2, les EIG retenu·e·s "
            "sont recruté·e·s par les administrations qui portent les défis, à temps plein, de "
            "janvier à novembre 2018, en équipes de deux ou trois (avec des exceptions). Le "
            "programme est financé par le fonds « Transition numérique de l'État et "
            "modernisation de l'action publique » du Programme d'investissements "
            "d'avenir.</p>",
        ),
        ("heading", "Qui peut candidater ?"),
        (
            "paragraph",
            "<ul>"
            "<li>Seules les personnes physiques peuvent candidater.</li>"
            "<li>Il faut avoir terminé ses études supérieures : les étudiant·e·s et les "
            "apprenti·e·s ne sont pas éligibles.</li>"
            "<li>Une expérience d'environ cinq ans est appréciée ; les profils moins "
            "expérimentés porteurs de projets entrepreneuriaux ou associatifs sont "
            "bienvenus.</li>"
            "<li>Les agent·e·s en poste dans une administration publique, les membres du jury "
            "et les expert·e·s du programme ne peuvent pas candidater.</li>"
            "</ul>",
        ),
        ("heading", "Le dossier de candidature"),
        (
            "paragraph",
            "<p>Les candidatures se déposent uniquement par le formulaire en ligne, du "
            "27 septembre au 27 octobre 2017 à 17 heures ; aucun autre mode d'envoi n'est "
            "accepté. Le dossier comprend :</p>"
            "<ul>"
            "<li>un parcours détaillé et la description des expériences ;</li>"
            "<li>la contribution envisagée au défi ;</li>"
            "<li>le choix de un à trois défis (les lauréat·e·s ne travaillent que sur un "
            "seul) ;</li>"
            "<li>une estimation des moyens matériels, humains et financiers nécessaires ;</li>"
            "<li>de façon facultative, le nom d'un·e autre candidat·e avec qui former un "
            "binôme, la sélection restant individuelle ;</li>"
            "<li>l'acceptation du règlement.</li>"
            "</ul>"
            "<p>Tout dossier incomplet est rejeté.</p>",
        ),
        ("heading", "Les étapes de la sélection"),
        (
            "paragraph",
            "<ol>"
            "<li><b>Présélection</b> : après la clôture de l'appel, Etalab examine les "
            "dossiers.</li>"
            "<li><b>Auditions</b> : les 14 et 15 novembre 2017, les candidat·e·s "
            "présélectionné·e·s sont reçu·e·s par un jury composé de membres du jury des défis, "
            "selon leurs disponibilités, et des mentors opérationnels. Chaque membre signe une "
            "charte d'éthique et de confidentialité.</li>"
            "<li><b>Résultats</b> : la liste définitive est arrêtée avant le 15 décembre 2017 "
            "et validée par le comité de pilotage du fonds.</li>"
            "</ol>",
        ),
        ("heading", "Les critères de sélection"),
        (
            "paragraph",
            "<ul>"
            "<li>Dynamisme, vision, esprit d'initiative et attitude positive.</li>"
            "<li>Compréhension du défi et capacité à proposer des orientations stratégiques "
            "pour le faire avancer.</li>"
            "<li>Sens de l'intérêt général, par exemple des contributions à des logiciels "
            "libres ou un engagement associatif.</li>"
            "<li>Capacité à s'intégrer dans une administration et à travailler avec ses "
            "métiers : systèmes d'information, services métier, ressources humaines, direction "
            "générale.</li>"
            "<li>Compétences techniques : technologie (langages, frameworks, développement "
            "full stack), design, expérience utilisateur ou data science.</li>"
            "<li>Disponibilité à temps plein pendant dix mois à partir de janvier 2018.</li>"
            "</ul>",
        ),
        ("heading", "Contrat et rémunération"),
        (
            "paragraph",
            "<p>Chaque lauréat·e signe avec son administration d'accueil un contrat d'agent non "
            "titulaire à durée déterminée de dix mois. La rémunération s'élève à 4 000 euros "
            "nets par mois. Les EIG de la promotion 2 ont pris leurs fonctions le 15 janvier "
            "2018.</p>",
        ),
        ("heading", "Les engagements des EIG"),
        (
            "paragraph",
            "<ul>"
            "<li>Respecter les valeurs du service public.</li>"
            "<li>Publier leurs travaux sous licence libre.</li>"
            "<li>Partager leur expérience et prendre part à la communication sur le "
            "programme.</li>"
            "<li>Participer aux sessions de mentoring de la promotion.</li>"
            "</ul>",
        ),
        ("heading", "Données personnelles"),
        (
            "paragraph",
            "<p>Les informations transmises servent à l'organisation de la sélection. Selon le "
            "règlement de la promotion 2, elles sont conservées deux ans au plus. Vous pouvez "
            "exercer vos droits en écrivant à l'adresse du programme : " + CONTACT + ".</p>",
        ),
        ("heading", "Texte de référence"),
        (
            "paragraph",
            "<p>Ce résumé n'a pas de valeur juridique : seul le règlement officiel, publié en "
            "PDF, fait foi.</p>",
        ),
    ],
}

LEGAL_NOTICE = {
    "title": "Mentions légales",
    "intro": "Les informations légales relatives au site de la Plateforme EIG.",
    "body": [
        ("heading", "Éditeur du site"),
        (
            "paragraph",
            "<p>Ce site est édité par Etalab, département de la direction interministérielle "
            "du numérique et du système d'information et de communication de l'État (DINSIC), "
            "rattachée aux Services du Premier ministre.</p>"
            "<p>Adresse : Etalab, 20 avenue de Ségur, 75007 Paris.</p>"
            "<p>Contact : " + CONTACT + "</p>",
        ),
        ("heading", "Directeur de la publication"),
        ("paragraph", "<p>Le directeur interministériel du numérique.</p>"),
        ("heading", "Hébergement"),
        (
            "paragraph",
            "<p>Hébergement : à compléter par l'opérateur du site (nom, adresse, téléphone de "
            "l'hébergeur).</p>",
        ),
        ("heading", "Réutilisation des contenus"),
        (
            "paragraph",
            "<p>Sauf mention contraire, les textes de ce site sont publiés sous "
            '<a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence '
            "Ouverte 2.0</a> : vous pouvez les réutiliser librement, y compris à des fins "
            "commerciales, à condition d'en mentionner la source. Les logos, la marque de "
            "l'État et les contenus provenant de tiers ne sont pas concernés.</p>",
        ),
        ("heading", "Code source"),
        (
            "paragraph",
            "<p>La Plateforme EIG est un logiciel libre, distribué sous licence GNU Affero "
            "General Public License, version 3 ou ultérieure (AGPL-3.0-or-later).</p>",
        ),
        ("heading", "Liens vers d'autres sites"),
        (
            "paragraph",
            "<p>Ce site renvoie vers des sites publics et privés dont l'éditeur ne maîtrise pas "
            "le contenu. Ces liens ne valent pas approbation et n'engagent pas la "
            "responsabilité d'Etalab.</p>",
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Déclaration d'accessibilité",
    "intro": (
        "Etalab s'engage à rendre ses sites internet accessibles, conformément à l'article 47 "
        "de la loi n° 2005-102 du 11 février 2005."
    ),
    "body": [
        (
            "paragraph",
            "<p>Cette déclaration d'accessibilité s'applique au site de la Plateforme EIG.</p>",
        ),
        ("heading", "État de conformité"),
        (
            "paragraph",
            "<p>Le site de la Plateforme EIG est <b>non conforme</b> au référentiel général "
            "d'amélioration de l'accessibilité (RGAA), version 4.1. Ce statut s'explique par "
            "l'absence d'audit : aucun audit de conformité n'a encore été réalisé, si bien "
            "qu'aucun taux de conformité ne peut être déclaré.</p>"
            "<p>Le site s'appuie sur le Système de design de l'État (DSFR), dont les composants "
            "sont conçus pour être accessibles. Des vérifications automatisées et des tests de "
            "navigation au clavier accompagnent son développement, sans remplacer un "
            "audit.</p>",
        ),
        ("heading", "Contenus non accessibles"),
        (
            "paragraph",
            "<p>Aucun audit n'a encore été réalisé : les non-conformités et les éventuelles "
            "dérogations ne sont donc pas encore identifiées. Elles seront détaillées ici à "
            "l'issue du premier audit.</p>",
        ),
        ("heading", "Établissement de cette déclaration"),
        ("paragraph", "<p>Cette déclaration a été établie le 28 novembre 2026.</p>"),
        ("heading", "Technologies utilisées"),
        ("paragraph", "<ul><li>HTML</li><li>CSS</li><li>JavaScript</li></ul>"),
        ("heading", "Retour d'information et contact"),
        (
            "paragraph",
            "<p>Si vous ne parvenez pas à accéder à un contenu ou à un service, écrivez-nous à "
            + CONTACT
            + " : nous vous indiquerons une autre manière d'y accéder ou vous transmettrons "
            "le contenu sous une forme adaptée.</p>",
        ),
        ("heading", "Voies de recours"),
        (
            "paragraph",
            "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder "
            "à un contenu ou à un service et que vous n'avez pas obtenu de réponse "
            "satisfaisante, vous pouvez saisir le Défenseur des droits :</p>"
            "<ul>"
            '<li>en ligne, par le <a href="https://formulaire.defenseurdesdroits.fr/">'
            "formulaire du Défenseur des droits</a> ;</li>"
            "<li>en contactant le délégué ou la déléguée du Défenseur des droits de votre "
            "région ;</li>"
            "<li>par téléphone, au 09 69 39 00 00 ;</li>"
            "<li>par courrier, gratuitement et sans affranchissement : Défenseur des droits, "
            "Libre réponse 71120, 75342 Paris CEDEX 07.</li>"
            "</ul>",
        ),
    ],
}

PERSONAL_DATA = {
    "title": "Données personnelles",
    "intro": (
        "Cette page explique quelles données personnelles la Plateforme EIG traite, dans quel "
        "but, pendant combien de temps, et comment exercer vos droits."
    ),
    "body": [
        ("heading", "Responsable de traitement"),
        (
            "paragraph",
            "<p>Le responsable de traitement est Etalab, au sein de la DINSIC (Services du "
            "Premier ministre), 20 avenue de Ségur, 75007 Paris.</p>",
        ),
        ("heading", "Finalités"),
        (
            "paragraph",
            "<p>Vos données sont traitées pour :</p>"
            "<ul>"
            "<li>gérer le programme : promotions, défis, accompagnement des équipes ;</li>"
            "<li>gérer les candidatures et la sélection : examen des dossiers, évaluations, "
            "auditions et décisions ;</li>"
            "<li>communiquer sur le programme : actualités et événements.</li>"
            "</ul>",
        ),
        ("heading", "Base légale"),
        (
            "paragraph",
            "<p>Ces traitements sont nécessaires à l'exécution d'une mission d'intérêt public "
            "dont est investi le responsable de traitement (article 6, paragraphe 1, point e, "
            "du règlement général sur la protection des données).</p>",
        ),
        ("heading", "Données traitées"),
        (
            "paragraph",
            "<ul>"
            "<li>identité (nom, prénom) ;</li>"
            "<li>coordonnées (adresse électronique, téléphone) ;</li>"
            "<li>parcours et expériences, curriculum vitæ ;</li>"
            "<li>évaluations rédigées lors de la sélection.</li>"
            "</ul>",
        ),
        ("heading", "Durées de conservation"),
        (
            "paragraph",
            "<p>Une candidature non retenue est conservée le temps de pouvoir vous expliquer "
            "la décision, puis anonymisée. Avec votre accord, donné en candidatant, elle reste "
            "dans un vivier pour vous proposer d'autres opportunités, deux ans au plus. Les "
            "durées ci-dessous sont celles que la plateforme applique, chaque nuit.</p>",
        ),
        # The periods themselves come from the cohorts and the settings, never typed here.
        ("retention_periods", None),
        ("heading", "Les e-mails du programme"),
        (
            "paragraph",
            "<p>Le programme vous écrit à l'adresse de votre compte, celle qui reçoit les liens "
            "de connexion. Si vous indiquez une autre adresse de contact dans votre "
            "candidature, elle reçoit d'abord un lien de confirmation, et rien d'autre : les "
            "e-mails du programme n'y sont envoyés qu'une fois l'adresse confirmée.</p>",
        ),
        ("heading", "Destinataires"),
        (
            "paragraph",
            "<p>Vos données ne sont accessibles qu'aux personnes qui en ont besoin : l'équipe "
            "du programme, les membres du jury et les mentors des défis que vous avez "
            "choisis.</p>",
        ),
        ("heading", "Vos droits"),
        (
            "paragraph",
            "<p>Vous disposez d'un droit d'accès, de rectification, d'effacement, de "
            "limitation, d'opposition et de portabilité sur vos données. Pour les exercer, "
            "écrivez à " + CONTACT + ".</p>",
        ),
        ("heading", "Télécharger vos données"),
        (
            "paragraph",
            "<p>Depuis votre espace, « Télécharger mes données » vous donne tout ce que la "
            "plateforme conserve sur vous : votre compte, vos candidatures avec leurs choix de "
            "défis et vos expériences, les étapes qui vous ont été annoncées, les messages qui "
            "vous ont été envoyés (annonces, décisions), votre réservation d'audition, "
            "l'historique de vos connexions et de vos actions enregistrées au journal.</p>"
            "<p>Deux éléments n'y figurent pas : les évaluations rédigées par les membres du "
            "jury, et les notes et commentaires des auditions. Ils relèvent des délibérations "
            "du jury, dont le secret protège la liberté d'appréciation de ses membres. "
            "L'article 15, paragraphe 4, du règlement général sur la protection des données "
            "prévoit que le droit d'obtenir une copie de ses données ne doit pas porter "
            "atteinte aux droits et libertés d'autrui : c'est sur ce fondement que ces "
            "éléments ne sont pas communiqués. Vous pouvez toujours demander à l'équipe du "
            "programme les motifs de la décision qui vous concerne. Quand votre candidature "
            "est anonymisée, les commentaires du jury sont effacés avec elle ; seules les "
            "notes restent, sans lien avec vous, pour les statistiques.</p>",
        ),
        ("heading", "Délégué à la protection des données"),
        (
            "paragraph",
            "<p>Vous pouvez joindre le délégué à la protection des données à l'adresse <a href=\""
            'mailto:dpd@eig.example">dpd@eig.example</a>. <i>Adresse de démonstration : à '
            "compléter par l'opérateur du site.</i></p>",
        ),
        ("heading", "Réclamation"),
        (
            "paragraph",
            "<p>Si vous estimez, après nous avoir contactés, que vos droits ne sont pas "
            "respectés, vous pouvez adresser une réclamation à la Commission nationale de "
            'l\'informatique et des libertés (<a href="https://www.cnil.fr/fr/plaintes">'
            "CNIL</a>).</p>",
        ),
    ],
}

COOKIES = {
    "title": "Gestion des cookies",
    "intro": "Ce site n'utilise que les cookies strictement nécessaires à son fonctionnement.",
    "body": [
        ("heading", "Qu'est-ce qu'un cookie ?"),
        (
            "paragraph",
            "<p>Un cookie est un petit fichier déposé sur votre appareil lorsque vous consultez "
            "un site. Il permet au site de se souvenir d'une information d'une page à "
            "l'autre.</p>",
        ),
        ("heading", "Les cookies que nous utilisons"),
        (
            "paragraph",
            "<ul>"
            "<li><b>Session</b> : maintient votre connexion lorsque vous êtes "
            "identifié·e.</li>"
            "<li><b>Protection des formulaires (CSRF)</b> : vérifie que les formulaires envoyés "
            "proviennent bien de ce site.</li>"
            "<li><b>Langue</b> : mémorise la langue d'affichage.</li>"
            "</ul>"
            "<p>Ces cookies sont indispensables au fonctionnement du site : ils ne nécessitent "
            "donc pas votre consentement.</p>",
        ),
        ("heading", "Ni mesure d'audience ni traceurs tiers"),
        (
            "paragraph",
            "<p>Nous n'utilisons aucun outil de mesure d'audience, aucun cookie publicitaire et "
            "aucun traceur de réseau social. C'est pourquoi aucun bandeau ne vous demande votre "
            "consentement.</p>",
        ),
        ("heading", "Supprimer les cookies"),
        (
            "paragraph",
            "<p>Vous pouvez supprimer les cookies à tout moment depuis les réglages de votre "
            "navigateur, en général dans la rubrique consacrée à la confidentialité, à la vie "
            "privée ou à l'historique. Si vous supprimez le cookie de session, vous serez "
            "simplement déconnecté·e.</p>",
        ),
    ],
}

SITEMAP = {
    "title": "Plan du site",
    "intro": "Toutes les pages du site, pour retrouver rapidement une information.",
}
