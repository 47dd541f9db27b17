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
    PROCONNECT_REFUSED = (
        "account.proconnect_refused",
        _("s’est vu refuser une connexion ProConnect"),
    )
    ACCOUNT_LOCKED_OUT = (
        "account.locked_out",
        _("a fait bloquer les connexions par mot de passe (trop d’échecs)"),
    )
    SESSION_EXPIRED = "session.expired", _("a été déconnecté·e après une période d’inactivité")
    # Second factor and trusted browsers (eig.accounts.signals.AccountEvent, same codes)
    SECOND_FACTOR_ENABLED = "second_factor.enabled", _("a activé la double authentification")
    SECOND_FACTOR_VERIFIED = (
        "second_factor.verified",
        _("a donné un code de double authentification valide"),
    )
    SECOND_FACTOR_REFUSED = (
        "second_factor.refused",
        _("a donné un code de double authentification refusé"),
    )
    RECOVERY_CODE_USED = "second_factor.recovery_code_used", _("a utilisé un code de secours")
    RECOVERY_CODES_RENEWED = (
        "second_factor.recovery_codes_renewed",
        _("a généré de nouveaux codes de secours"),
    )
    SECOND_FACTOR_DISABLED = (
        "second_factor.disabled",
        _("a désactivé la double authentification"),
    )
    BROWSER_CONFIRMATION_SENT = (
        "browser.confirmation_sent",
        _("s’est connecté·e depuis un nouveau navigateur, à confirmer par e-mail"),
    )
    BROWSER_CONFIRMED = "browser.confirmed", _("a confirmé un nouveau navigateur")
    # Applications
    APPLICATION_VIEWED = "application.viewed", _("a consulté la candidature")
    CV_DOWNLOADED = "application.cv_downloaded", _("a téléchargé le CV")
    APPLICATION_SUBMITTED = "application.submitted", _("a déposé sa candidature")
    APPLICATION_RESUBMITTED = "application.resubmitted", _("a modifié et redéposé sa candidature")
    APPLICATION_WITHDRAWN = "application.withdrawn", _("a retiré sa candidature")
    APPLICATION_DELETED = "application.deleted", _("a supprimé son brouillon")
    APPLICATION_ACCESS_DENIED = (
        "application.access_denied",
        _("a tenté d’ouvrir une candidature qui ne lui est pas confiée"),
    )
    APPLICATION_MOVED = "application.moved", _("a changé l’état de la candidature")
    ADDRESS_CONFIRMED = (
        "application.address_confirmed",
        _("a confirmé l’adresse de contact d’une candidature"),
    )
    # Retention (eig.applications.retention): run by the platform, without an author
    RETENTION_APPLIED = (
        "retention.applied",
        _("a supprimé ou anonymisé les données arrivées au terme de leur conservation"),
    )
    # Exports, by kind
    APPLICATIONS_EXPORTED = "application.exported", _("a exporté une liste de candidatures")
    SCORES_EXPORTED = "scores.exported", _("a exporté les notes")
    RANKING_EXPORTED = "ranking.exported", _("a exporté le classement d’un défi")
    REVIEWS_EXPORTED = "reviews.exported", _("a exporté les évaluations et leurs commentaires")
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
    CONFLICTS_SEARCHED = (
        "conflict.searched",
        _("a cherché une personne candidate pour déclarer un conflit d’intérêts"),
    )
    CONFLICT_CONSENTED = (
        "conflict.consented",
        _("a levé un conflit d’intérêts lié à une administration d’accueil"),
    )
    ASSIGNMENT_PROPOSED = "assignment.proposed", _("a calculé une proposition d’affectation")
    ASSIGNMENT_ADDED = "assignment.added", _("a ajouté une affectation")
    ASSIGNMENT_REMOVED = "assignment.removed", _("a retiré une affectation")
    ASSIGNMENT_RELEASED = "assignment.released", _("a publié les affectations")
    REVIEWER_ASSIGNMENTS_NOTIFIED = (
        "reviewer.assignments_notified",
        _("a prévenu un membre du jury de ses candidatures à évaluer"),
    )
    REVIEWER_REMINDED = (
        "reviewer.reminded",
        _("a relancé un membre du jury avant la date limite d’évaluation"),
    )
    MENTOR_INVITED = "mentor.invited", _("a invité un ou une mentor à son espace")
    MENTOR_OPINION_GIVEN = "mentor.opinion_given", _("a donné son avis de mentor")
    MENTOR_OPINION_CHANGED = "mentor.opinion_changed", _("a modifié son avis de mentor")
    REVIEW_SAVED = "review.saved", _("a enregistré le brouillon d’une évaluation")
    REVIEW_SUBMITTED = "review.submitted", _("a soumis une évaluation")
    REVIEW_AMENDED = "review.amended", _("a modifié une évaluation après l’avoir soumise")
    DISCUSSION_POSTED = (
        "discussion.posted",
        _("a écrit dans la discussion d’une candidature"),
    )
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
    # One code per outcome sent ("decision.sent", retired, said none).
    DECISIONS_SENT_SELECTED = (
        "decision.sent_selected",
        _("a envoyé la décision « retenue » aux candidat·e·s"),
    )
    DECISIONS_SENT_WAITLISTED = (
        "decision.sent_waitlisted",
        _("a envoyé la décision « liste d’attente » aux candidat·e·s"),
    )
    DECISIONS_SENT_REJECTED = (
        "decision.sent_rejected",
        _("a envoyé la décision « non retenue » aux candidat·e·s"),
    )
    DECISIONS_SENT_BEFORE_TEAMS = (
        "decision.sent_before_teams",
        _("a confirmé l’envoi de la décision « retenue » avant la publication des équipes"),
    )
    # The actor is who sent the decision; the worker records the failure of its e-mail.
    DECISION_SEND_FAILED = (
        "decision.send_failed",
        _("a envoyé une décision dont l’e-mail n’a pas pu partir"),
    )
    DECISIONS_RETRIED = (
        "decision.retried",
        _("a relancé l’envoi des e-mails de décision en échec"),
    )
    # Teams
    TEAMS_COMPUTED = "teams.computed", _("a calculé une proposition d’équipes")
    TEAMS_LOCKED = "teams.locked", _("a verrouillé la proposition d’équipes")
    TEAMS_PUBLISHED = "teams.published", _("a publié les équipes")
    TEAMS_PAIR_PINNED = "teams.pair_pinned", _("a imposé une personne sur un défi")
    TEAMS_PAIR_FORBIDDEN = "teams.pair_forbidden", _("a écarté une personne d’un défi")
    TEAMS_PAIR_RELEASED = (
        "teams.pair_released",
        _("a retiré une personne imposée ou écartée d’un défi"),
    )
    # The promotion's life: fellows, public profiles, registrations to events
    FELLOWS_MADE = (
        "community.fellows_made",
        _("a fait des personnes retenues les EIG de la promotion"),
    )
    PROFILE_UPDATED = "community.profile_updated", _("a modifié son profil public")
    PROFILE_CONSENT_GIVEN = (
        "community.profile_consent_given",
        _("a accepté la publication de son profil"),
    )
    PROFILE_CONSENT_WITHDRAWN = (
        "community.profile_consent_withdrawn",
        _("a retiré son accord à la publication de son profil"),
    )
    EVENT_REGISTERED = "community.event_registered", _("s’est inscrit·e à un événement")
    EVENT_WAITLISTED = (
        "community.event_waitlisted",
        _("s’est inscrit·e sur la liste d’attente d’un événement"),
    )
    EVENT_REGISTRATION_CANCELLED = (
        "community.event_registration_cancelled",
        _("a annulé son inscription à un événement"),
    )
    EVENT_MOVED_UP = (
        "community.event_moved_up",
        _("a fait passer une personne de la liste d’attente aux inscrits"),
    )
    EVENT_ATTENDANCE_TAKEN = (
        "community.event_attendance_taken",
        _("a noté les présences à un événement"),
    )
    CALENDAR_FEED_CREATED = (
        "community.calendar_feed_created",
        _("a créé son lien d’abonnement à l’agenda de la promotion"),
    )
    CALENDAR_FEED_REVOKED = (
        "community.calendar_feed_revoked",
        _("a révoqué son lien d’abonnement à l’agenda de la promotion"),
    )
    CHALLENGE_RESULTS_EDITED = (
        "community.challenge_results_edited",
        _("a modifié les résultats de son défi"),
    )
    # The call for défis: the administrations' side
    PROPOSAL_CREATED = "proposal.created", _("a commencé une proposition de défi")
    PROPOSAL_SUBMITTED = "proposal.submitted", _("a déposé une proposition de défi")
    PROPOSAL_EDITED_AFTER_SUBMISSION = (
        "proposal.edited_after_submission",
        _("a modifié une proposition de défi déposée"),
    )
    PROPOSAL_AUTHOR_INVITED = (
        "proposal.author_invited",
        _("a invité un ou une collègue à rédiger une proposition de défi"),
    )
    PROPOSAL_ATTACHMENT_ADDED = (
        "proposal.attachment_added",
        _("a joint un fichier à une proposition de défi"),
    )
    PROPOSAL_ATTACHMENT_DELETED = (
        "proposal.attachment_deleted",
        _("a retiré un fichier d’une proposition de défi"),
    )
    PROPOSAL_ATTACHMENT_VIEWED = (
        "proposal.attachment_viewed",
        _("a ouvert un fichier d’une proposition de défi"),
    )
    # The call for défis: the team's side
    PROPOSAL_VIEWED = "proposal.viewed", _("a consulté une proposition de défi")
    PROPOSAL_MOVED = "proposal.moved", _("a changé l’étape d’une proposition de défi")
    PROPOSALS_EXPORTED = "proposal.exported", _("a exporté une liste de propositions de défis")
    PROPOSAL_PUBLISHED = (
        "proposal.published",
        _("a fait d’une proposition validée un défi de sa promotion"),
    )
    PROPOSAL_DECISIONS_SENT = (
        "proposal.decisions_sent",
        _("a envoyé leur décision aux administrations qui ont proposé un défi"),
    )
    # The défi jury
    DEFI_JURY_MEMBER_ADDED = "defi_jury.member_added", _("a ajouté un membre au jury des défis")
    DEFI_JURY_MEMBER_REMOVED = (
        "defi_jury.member_removed",
        _("a retiré un membre du jury des défis"),
    )
    DEFI_JURY_CONFLICT_ADDED = (
        "defi_jury.conflict_added",
        _("a déclaré un conflit d’intérêts au jury des défis"),
    )
    DEFI_JURY_CONFLICT_REMOVED = (
        "defi_jury.conflict_removed",
        _("a levé un conflit d’intérêts au jury des défis"),
    )
    DEFI_JURY_PLANNED = (
        "defi_jury.planned",
        _("a fait proposer les groupes et les auditions du jury des défis"),
    )
    DEFI_JURY_PLAN_EDITED = (
        "defi_jury.plan_edited",
        _("a modifié les groupes ou les auditions du jury des défis"),
    )
    DEFI_HEARING_BOOKED = "defi_jury.hearing_booked", _("a réservé l’audition d’un défi")
    DEFI_GRID_SAVED = "defi_jury.grid_saved", _("a enregistré sa grille d’un défi")
    DEFI_GRID_SUBMITTED = "defi_jury.grid_submitted", _("a envoyé sa grille d’un défi")
    DEFI_CONSOLIDATED_GRID_SAVED = (
        "defi_jury.consolidated_saved",
        _("a enregistré la grille commune d’un défi"),
    )
    DEFI_CONSOLIDATED_GRID_SUBMITTED = (
        "defi_jury.consolidated_submitted",
        _("a envoyé la grille commune d’un défi"),
    )
    PROPOSAL_DECISION_SEND_FAILED = (
        "proposal.decision_send_failed",
        _("a envoyé une décision sur un défi dont l’e-mail n’a pas pu partir"),
    )


class AuditEntry(models.Model):
    """Who did or looked at what, and when: one row per action, never updated.

    Except by the retention (eig.audit.retention): once a person's data is erased, the entries
    about them lose their name; past their period, entries are deleted.
    """

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

    @property
    def action_label(self):
        """What the code says; a code since retired is shown as it is."""
        try:
            return Action(self.action).label
        except ValueError:
            return self.action
