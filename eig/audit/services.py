"""The audit log: each action has a dotted code such as `application.viewed`."""

from eig.audit.models import AuditEntry

ACTION_LABELS = {
    "application.viewed": "a consulté la candidature",
    "application.cv_downloaded": "a téléchargé le CV",
    "application.exported": "a exporté une liste de candidatures",
    "application.submitted": "a déposé sa candidature",
    "application.withdrawn": "a retiré sa candidature",
    "application.deleted": "a supprimé son brouillon",
    "application.access_denied": "a tenté d'ouvrir une candidature qui ne lui est pas confiée",
    "reviewer.invited": "a invité un membre du jury",
    "conflict.declared": "a déclaré un conflit d'intérêts",
    "conflict.consented": "a levé un conflit d'intérêts lié à une administration d'accueil",
    "assignment.proposed": "a calculé une proposition d'affectation",
    "assignment.added": "a ajouté une affectation",
    "assignment.removed": "a retiré une affectation",
    "assignment.released": "a publié les affectations",
    "review.saved": "a enregistré le brouillon d'une évaluation",
    "review.submitted": "a soumis une évaluation",
    "application.moved": "a changé l'état de la candidature",
    "interview.booked": "a réservé un créneau d'audition",
    "interview.graded": "a rempli la grille d'audition",
    "interview_slot.deleted": "a supprimé un créneau d'audition",
    "interview_slots.created": "a créé des créneaux d'audition",
    "decision.sent": "a envoyé des décisions aux candidat·e·s",
    "teams.locked": "a verrouillé la proposition d'équipes",
    "teams.published": "a publié les équipes",
}


def record(*, action, actor, target=None, request=None, data=None):
    """Append one entry; `target` is a model instance (its label is kept as it was then)."""
    return AuditEntry.objects.create(
        action=action,
        actor=actor if actor and actor.is_authenticated else None,
        actor_label=getattr(actor, "email", "") or getattr(actor, "username", "") or "",
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(getattr(target, "public_id", None) or target.pk) if target else "",
        target_label=str(target)[:200] if target is not None else "",
        ip=request.META.get("REMOTE_ADDR") if request else None,
        data=data or {},
    )


def record_view_by_someone_else(*, request, application, action="application.viewed"):
    """Views of an application or its CV by anyone but its owner are recorded."""
    if request.user.pk != application.candidate_id:
        record(action=action, actor=request.user, target=application, request=request)


def record_export(*, request, file_format, filters):
    record(
        action="application.exported",
        actor=request.user,
        request=request,
        data={"format": file_format, "filters": filters},
    )


def record_access_denied(*, request, public_id, page=None):
    """Someone reached an application they may not see: recorded before the 404."""
    from eig.applications.models import Application

    data = {"public_id": str(public_id)}
    if page:
        data["page"] = page
    record(
        action="application.access_denied",
        actor=request.user,
        target=Application.objects.filter(public_id=public_id).first(),
        request=request,
        data=data,
    )
