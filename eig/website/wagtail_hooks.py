"""The domain records in the Wagtail admin, so the programme team edits them without a developer."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from eig.challenges.admin_forms import MentorsPanel
from eig.challenges.models import Challenge, HostOrganisation, Skill
from eig.cohorts.models import Cohort, Programme
from eig.events.models import Event
from eig.press.models import PressItem
from eig.proposals.models import ChallengeCall

# A criterion's English version next to the French one: left blank, the French text shows.
CRITERION_PANELS = [
    FieldRowPanel([FieldPanel("title"), FieldPanel("title_en")]),
    FieldRowPanel([FieldPanel("details"), FieldPanel("details_en")]),
]


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "site"
    menu_label = _("Programme")
    list_display = ["name", "operator", "current_cohort"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
                    FieldPanel("tagline"),
                    FieldRowPanel([FieldPanel("operator"), FieldPanel("operator_url")]),
                    FieldRowPanel(
                        [FieldPanel("contact_email"), FieldPanel("more_information_url")]
                    ),
                    FieldRowPanel(
                        [FieldPanel("current_cohort"), FieldPanel("accessibility_status")]
                    ),
                ],
                heading=_("Français"),
            ),
            # Left blank, the French texts show on the English site.
            ObjectList([FieldPanel("tagline_en"), FieldPanel("operator_en")], heading="English"),
        ]
    )


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    list_display = ["name", "year", "fellows_count", "is_published"]
    list_filter = ["is_published"]
    panels = [
        FieldRowPanel([FieldPanel("programme"), FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("is_published"),
        FieldPanel("description"),
        # Left blank, the French text shows on the English site with a notice.
        FieldPanel("description_en", heading="Presentation in English"),
        FieldRowPanel(
            [
                FieldPanel("fellows_count"),
                FieldPanel("duration_months"),
                FieldPanel("net_monthly_pay"),
            ],
            heading=_("Chiffres"),
        ),
        FieldPanel("contract"),
        FieldRowPanel(
            [FieldPanel("team_size_min"), FieldPanel("team_size_max")], heading=_("Équipes")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("application_call_opens_at"),
                        FieldPanel("application_call_closes_at"),
                    ]
                ),
                FieldRowPanel([FieldPanel("auditions_start"), FieldPanel("auditions_end")]),
                FieldPanel("mentors_see_from_stage"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            ],
            heading=_("Calendrier publié"),
        ),
        InlinePanel(
            "rules_versions",
            heading=_("Règlement"),
            label=_("version du règlement"),
            help_text=_(
                "Les candidat·e·s acceptent la dernière version publiée ; sans version publiée, "
                "personne ne peut candidater."
            ),
        ),
        InlinePanel(
            "selection_criteria",
            heading=_("Critères de sélection"),
            label=_("critère"),
            panels=CRITERION_PANELS,
        ),
        MultiFieldPanel(
            [FieldPanel("audition_weight"), FieldPanel("reviewers_see_other_reviews")],
            heading=_("Évaluations et auditions"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("draft_retention_days"),
                FieldPanel("rejected_retention_days"),
                FieldPanel("pool_retention_days"),
            ],
            heading=_("Conservation des données"),
            help_text=_("Appliquée chaque nuit et affichée sur la page « Données personnelles »."),
        ),
    ]


class ChallengeCallViewSet(SnippetViewSet):
    model = ChallengeCall
    icon = "doc-full-inverse"
    list_display = ["__str__", "opens_at", "closes_at"]
    french_panels = [
        FieldPanel("cohort"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Fenêtre")),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("information_meeting_at"), FieldPanel("information_meeting_place")]
                ),
                FieldRowPanel([FieldPanel("jury_starts_on"), FieldPanel("jury_ends_on")]),
                FieldPanel("committee_on"),
            ],
            heading=_("Dates"),
        ),
        InlinePanel(
            "criteria",
            heading=_("Critères d’un défi"),
            label=_("critère"),
            help_text=_(
                "Un nouvel appel reçoit les critères du programme ; modifiez-les ici. Ils "
                "servent à la présélection et à la grille du jury des défis."
            ),
            panels=CRITERION_PANELS,
        ),
        FieldPanel("rules"),
        InlinePanel(
            "questions",
            heading=_("Questions fréquentes des administrations"),
            label=_("question"),
            panels=[
                FieldRowPanel([FieldPanel("question"), FieldPanel("question_en")]),
                FieldRowPanel([FieldPanel("answer"), FieldPanel("answer_en")]),
            ],
        ),
    ]
    # The English site's texts (docs/i18n.md): left blank, the French ones show with a notice.
    english_panels = [
        HelpPanel(
            content=_(
                "Les critères et les questions fréquentes ont leur version anglaise à côté de "
                "la française, dans l’onglet « Français »."
            )
        ),
        FieldPanel("introduction_en"),
        FieldPanel("information_meeting_place_en"),
        FieldPanel("rules_en"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(french_panels, heading=_("Français")),
            ObjectList(english_panels, heading="English"),
        ]
    )


class HostOrganisationViewSet(SnippetViewSet):
    model = HostOrganisation
    icon = "home"
    list_display = ["ministry", "directorate"]
    search_fields = ["ministry", "directorate"]


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "tag"
    list_display = ["name", "slug"]


class ChallengeViewSet(SnippetViewSet):
    model = Challenge
    icon = "pick"
    list_display = ["name", "cohort", "host", "status"]
    list_filter = ["cohort", "status"]
    search_fields = ["name", "summary"]
    french_panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("cohort"), FieldPanel("host"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("challenge"),
        FieldPanel("expected_results"),
        MultiFieldPanel(
            [
                FieldPanel("skills"),
                FieldPanel("profiles_sought"),
                FieldRowPanel(
                    [
                        FieldPanel("fellows_sought"),
                        FieldPanel("location"),
                        FieldPanel("remote_policy"),
                    ]
                ),
            ],
            heading=_("Équipe recherchée"),
        ),
        FieldRowPanel([FieldPanel("source_code_url"), FieldPanel("website_url")]),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("results_summary"),
                InlinePanel("result_links", label=_("réalisation")),
                InlinePanel("key_figures", label=_("chiffre clé")),
                FieldRowPanel([FieldPanel("outcome"), FieldPanel("outcome_details")]),
            ],
            heading=_("Résultats (affichés une fois la promotion terminée)"),
            classname="collapsed",
        ),
        MentorsPanel(
            heading=_("Mentors"),
            label=_("mentor"),
            help_text=_(
                "Le compte ne se choisit que parmi l’équipe, le jury et les mentors ; "
                "pour inviter un ou une mentor à son espace, enregistrez le défi puis "
                "« Mentors et invitations » dans la liste des défis."
            ),
        ),
    ]
    # The English site's texts (docs/i18n.md): left blank, the French ones show with a notice.
    english_panels = [
        FieldPanel("name_en"),
        FieldPanel("summary_en"),
        FieldPanel("problem_en"),
        FieldPanel("challenge_en"),
        FieldPanel("expected_results_en"),
        FieldPanel("results_summary_en"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(french_panels, heading=_("Français")),
            ObjectList(english_panels, heading="English"),
        ]
    )


class PressItemViewSet(SnippetViewSet):
    model = PressItem
    icon = "doc-full"
    list_display = ["title", "outlet", "category", "published_on"]
    list_filter = ["category"]
    search_fields = ["title", "outlet"]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    list_display = ["title", "starts_on", "place", "kind", "audience"]
    list_filter = ["kind", "audience", "cohort", "registration_open"]
    search_fields = ["title", "place"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldRowPanel(
                        [FieldPanel("kind"), FieldPanel("audience"), FieldPanel("cohort")]
                    ),
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldRowPanel([FieldPanel("place"), FieldPanel("url")]),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("registration_open"), FieldPanel("capacity")]),
                ],
                heading=_("Français"),
            ),
            # Left blank, the French texts show on the English site with a notice.
            ObjectList([FieldPanel("title_en"), FieldPanel("description_en")], heading="English"),
        ]
    )


class ProgrammeGroup(SnippetViewSetGroup):
    menu_label = _("Programme EIG")
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = [
        ProgrammeViewSet,
        CohortViewSet,
        ChallengeCallViewSet,
        ChallengeViewSet,
        HostOrganisationViewSet,
        SkillViewSet,
        PressItemViewSet,
        EventViewSet,
    ]


register_snippet(ProgrammeGroup)
