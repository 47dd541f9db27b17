"""The team's list of proposals: its filters, its statistics and its export."""

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from eig import exports
from eig.proposals.models import Proposal

Status = Proposal.Status
# The list's stage filter: every proposal but the drafts (the default), or all of them.
SUBMITTED = ""
ANY_STATUS = "tout"


def ministry_expression():
    # The ministry of the host chosen, else the one a new host names.
    return Coalesce("host__ministry", "new_host_ministry")


def filter_proposals(
    proposals, *, call, status=SUBMITTED, ministry="", fellows=None, remote="", search=""
):
    """The proposals of `call` narrowed by the list's filters; an empty filter keeps all."""
    proposals = proposals.filter(call=call).annotate(ministry=ministry_expression())
    if status == SUBMITTED:
        proposals = proposals.exclude(status=Status.DRAFT)
    elif status != ANY_STATUS:
        proposals = proposals.filter(status=status)
    if ministry:
        proposals = proposals.filter(ministry=ministry)
    if fellows:
        proposals = proposals.filter(fellows_sought=fellows)
    if remote:
        proposals = proposals.filter(remote_policy=remote)
    if search:
        matches = (
            Q(title__icontains=search)
            | Q(host__ministry__icontains=search)
            | Q(host__directorate__icontains=search)
            | Q(new_host_ministry__icontains=search)
            | Q(new_host_directorate__icontains=search)
            | Q(authors__email__icontains=search)
        )
        proposals = proposals.filter(pk__in=Proposal.objects.filter(matches).values("pk"))
    return proposals


def for_listing(proposals):
    return (
        proposals.select_related("host", "call__cohort", "published_challenge")
        .prefetch_related("authors", "seats")
        .order_by("title", "pk")
    )


def ministries(call):
    """The ministries of the call's proposals, for the filter's choices."""
    names = (
        Proposal.objects.filter(call=call)
        .annotate(ministry=ministry_expression())
        .exclude(ministry="")
        .values_list("ministry", flat=True)
        .distinct()
    )
    return sorted(set(names))


def statistics(proposals):
    """Counts per stage and per ministry, and the seats sought, of the listed proposals."""
    per_status = dict(
        proposals.order_by().values_list("status").annotate(count=Count("pk", distinct=True))
    )
    per_ministry = list(
        proposals.order_by()
        .values("ministry")
        .annotate(count=Count("pk", distinct=True), seats=Sum("fellows_sought"))
        .order_by("-count", "ministry")
    )
    return {
        "per_status": [
            (capfirst(label), per_status.get(value, 0))
            for value, label in Status.choices
            if per_status.get(value)
        ],
        "per_ministry": per_ministry,
        "seats": sum(row["seats"] or 0 for row in per_ministry),
        "count": sum(row["count"] for row in per_ministry),
    }


def export(proposals, cohort, file_format):
    """The filtered list as a file: one row per proposal, its authors' e-mails included."""
    headers = [
        _("Identifiant"),
        _("Nom du défi"),
        _("Administration"),
        _("Ministère"),
        _("Étape"),
        _("Motif d’irrecevabilité"),
        _("Déposée le"),
        _("Nombre d’EIG recherché·e·s"),
        _("Profils recherchés"),
        _("Lieu"),
        _("Télétravail"),
        _("Auteur·e·s"),
        _("Défi créé"),
        _("Décision envoyée le"),
    ]
    rows = (
        [
            str(proposal.public_id),
            proposal.title,
            proposal.host_name,
            proposal.ministry or "",
            proposal.get_status_display(),
            proposal.inadmissible_reason,
            exports.paris_time(proposal.submitted_at),
            proposal.fellows_sought,
            " ; ".join(seat.profile for seat in proposal.seats.all()),
            proposal.location,
            proposal.get_remote_policy_display(),
            ", ".join(sorted(author.email for author in proposal.authors.all())),
            proposal.published_challenge.name if proposal.published_challenge else "",
            exports.paris_time(proposal.decision_sent_at),
        ]
        for proposal in proposals
    )
    name = exports.file_name("propositions", f"promotion-{cohort.number}", file_format=file_format)
    title = _("Propositions %(cohort)s") % {"cohort": cohort}
    return exports.download(headers, rows, file_format, name, title=title)
