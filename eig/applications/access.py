"""Which applications and CVs a person may see or change: every view, export and e-mail asks here.

The rules of the roles above the applications (reviewers, audition panels) live with them
(`eig.selection.access`, `eig.auditions.access`); the mentor's rule is here because a mentor
belongs to a défi, below the applications.
"""

from django.http import FileResponse, Http404

from eig.applications.models import Application
from eig.audit.models import Action
from eig.audit.services import record_access_denied, record_view_by_someone_else


def own_applications(user):
    """The applications `user` made: only these can they change, withdraw or delete."""
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(candidate=user)


def mentored_by(user):
    """The applications that chose a défi `user` mentors, at or after the stage opened to them."""
    if not user.is_authenticated:
        return Application.objects.none()
    return (
        Application.objects.visible_to_mentors()
        .filter(choices__challenge__mentors__user=user)
        .distinct()
    )


def application_or_404(request, applications, public_id, *, page=None):
    """The application `public_id` among `applications`; else Http404, as if it did not exist.

    A refusal is recorded in the journal (with the application when it exists): someone
    reached an application by its address without being allowed to see it.
    """
    application = applications.select_related("cohort").filter(public_id=public_id).first()
    if application is None:
        target = Application.objects.filter(public_id=public_id).first()
        record_access_denied(request=request, public_id=public_id, target=target, page=page)
        raise Http404
    return application


def get_own_application(request, public_id):
    """`request.user`'s own application; Http404 for anyone else's, the team's included."""
    return application_or_404(request, own_applications(request.user), public_id)


def cv_response(request, application):
    """The CV of an application its caller may see: a download, recorded; 404 without a file."""
    if not application.cv:
        raise Http404
    try:
        cv = application.cv.open("rb")
    except FileNotFoundError:
        raise Http404 from None  # the record names a file the storage no longer has
    record_view_by_someone_else(
        request=request, application=application, action=Action.CV_DOWNLOADED
    )
    return FileResponse(
        cv,
        as_attachment=True,
        filename=application.cv_filename or f"cv-{application.public_id}.pdf",
        content_type="application/pdf",
    )
