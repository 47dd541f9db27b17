from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    """Every code the journal knows, with what it says of the person who acted.

    Recording a code that is not here is an error: a new write that matters gets its member here.
    """

    # Accounts
    SIGNED_IN = "account.signed_in", _("s’est connecté·e")
    SIGN_IN_FAILED = "account.sign_in_failed", _("a échoué à se connecter")
    # Applications
    APPLICATION_VIEWED = "application.viewed", _("a consulté la candidature")
    CV_DOWNLOADED = "application.cv_downloaded", _("a téléchargé le CV")
    APPLICATION_SUBMITTED = "application.submitted", _("a déposé sa candidature")
    APPLICATION_WITHDRAWN = "application.withdrawn", _("a retiré sa candidature")
    APPLICATION_DELETED = "application.deleted", _("a supprimé son brouillon")
    APPLICATION_ACCESS_DENIED = (
        "application.access_denied",
        _("a tenté d’ouvrir une candidature qui ne lui est pas confiée"),
    )
    APPLICATION_MOVED = "application.moved", _("a changé l’état de la candidature")
    # Exports, by kind
    APPLICATIONS_EXPORTED = "application.exported", _("a exporté une liste de candidatures")
    SCORES_EXPORTED = "scores.exported", _("a exporté les notes")
    RANKING_EXPORTED = "ranking.exported", _("a exporté le classement d’un défi")
    DECISIONS_EXPORTED = "decisions.exported", _("a exporté les décisions envoyées")
    # Communications
    ANNOUNCEMENT_SENT = "announcement.sent", _("a envoyé une annonce aux candidat·e·s")
    # Jury
    REVIEWER_INVITED = "reviewer.invited", _("a invité un membre du jury")
    REVIEWER_EXPERTISE_CHANGED = (
        "reviewer.expertise_changed",
        _("a modifié son expertise et sa charge de membre du jury"),
    )
    CONFLICT_DECLARED = "conflict.declared", _("a déclaré un conflit d’intérêts")
    CONFLICT_CONSENTED = (
        "conflict.consented",
        _("a levé un conflit d’intérêts lié à une administration d’accueil"),
    )
    ASSIGNMENT_PROPOSED = "assignment.proposed", _("a calculé une proposition d’affectation")
    ASSIGNMENT_ADDED = "assignment.added", _("a ajouté une affectation")
    ASSIGNMENT_REMOVED = "assignment.removed", _("a retiré une affectation")
    ASSIGNMENT_RELEASED = "assignment.released", _("a publié les affectations")
    REVIEW_SAVED = "review.saved", _("a enregistré le brouillon d’une évaluation")
    REVIEW_SUBMITTED = "review.submitted", _("a soumis une évaluation")
    # Auditions
    INTERVIEW_BOOKED = "interview.booked", _("a réservé un créneau d’audition")
    INTERVIEW_GRADED = "interview.graded", _("a rempli la grille d’audition")
    INTERVIEW_SLOT_DELETED = "interview_slot.deleted", _("a supprimé un créneau d’audition")
    INTERVIEW_SLOTS_CREATED = "interview_slots.created", _("a créé des créneaux d’audition")
    # Decisions
    DECISION_TEMPLATE_EDITED = (
        "decision_template.edited",
        _("a modifié un modèle d’e-mail de décision"),
    )
    DECISIONS_SENT = "decision.sent", _("a envoyé des décisions aux candidat·e·s")
    # Teams
    TEAMS_COMPUTED = "teams.computed", _("a calculé une proposition d’équipes")
    TEAMS_LOCKED = "teams.locked", _("a verrouillé la proposition d’équipes")
    TEAMS_PUBLISHED = "teams.published", _("a publié les équipes")


class AuditEntry(models.Model):
    """Who did or looked at what, and when: one row per action, never updated."""

    action = models.CharField(_("action"), max_length=60, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("auteur (à la date)"), max_length=254, blank=True)
    target_type = models.CharField(_("type d'objet"), max_length=60)
    target_id = models.CharField(_("objet"), max_length=64)
    target_label = models.CharField(_("libellé de l'objet"), max_length=200, blank=True)
    ip = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)
    data = models.JSONField(_("détails"), default=dict, blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("journal d'audit")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self):
        return f"{self.action} {self.target_type}:{self.target_id}"
