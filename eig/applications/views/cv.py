from eig.accounts.access import SIGNED_IN, access
from eig.applications.access import cv_response, get_own_application


@access(SIGNED_IN, get_object=get_own_application)
def download(request, application):
    """The candidate's own CV; the team, the jury and mentors have theirs in their own areas."""
    return cv_response(request, application)
