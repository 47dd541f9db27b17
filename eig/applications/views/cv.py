from django.http import FileResponse, Http404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from eig.applications.access import get_application_for
from eig.applications.views.common import sign_in_required
from eig.audit.services import record_view_by_someone_else


@sign_in_required
@never_cache
@require_GET
def download(request, public_id):
    """The CV, for its owner and the programme team; anyone else gets a 404."""
    application = get_application_for(request.user, public_id)
    if not application.cv:
        raise Http404
    record_view_by_someone_else(
        request=request, application=application, action="application.cv_downloaded"
    )
    return FileResponse(
        application.cv.open("rb"),
        as_attachment=True,
        filename=application.cv_filename or "cv.pdf",
        content_type="application/pdf",
    )
