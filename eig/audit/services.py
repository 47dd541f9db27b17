"""The audit log: each entry has one code of `Action`, such as `application.viewed`."""

from eig.audit.models import Action, AuditEntry


def record(*, action, actor, target=None, request=None, data=None):
    """Append one entry; `target` is a model instance (its label is kept as it was then).

    `action` must be a member of `Action` (or its code): an unknown code raises ValueError.
    """
    action = Action(action)
    return AuditEntry.objects.create(
        action=action.value,
        actor=actor if actor and actor.is_authenticated else None,
        actor_label=getattr(actor, "email", "") or getattr(actor, "username", "") or "",
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(getattr(target, "public_id", None) or target.pk) if target else "",
        target_label=str(target)[:200] if target is not None else "",
        ip=request.META.get("REMOTE_ADDR") if request else None,
        data=data or {},
    )


def record_view_by_someone_else(*, request, application, action=Action.APPLICATION_VIEWED):
    """Views of an application or its CV by anyone but its owner are recorded."""
    if request.user.pk != application.candidate_id:
        record(action=action, actor=request.user, target=application, request=request)


def record_export(*, request, action, file_format, filters, target=None):
    """A download, under the code of its kind (`Action.SCORES_EXPORTED`…), with its filters."""
    record(
        action=action,
        actor=request.user,
        target=target,
        request=request,
        data={"format": file_format, "filters": filters},
    )


def record_access_denied(*, request, public_id, target=None, page=None):
    """Someone reached an object they may not see: recorded before the 404.

    `target` is the object if it exists (the caller looks it up: the journal knows no model).
    """
    data = {"public_id": str(public_id)}
    if page:
        data["page"] = page
    record(
        action=Action.APPLICATION_ACCESS_DENIED,
        actor=request.user,
        target=target,
        request=request,
        data=data,
    )
