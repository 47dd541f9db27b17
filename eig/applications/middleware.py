"""Oversized posts to the application pages get a page that says why, not an error 400 or 500."""

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse

from eig.applications import steps
from eig.applications.models import CV_MAX_BYTES
from eig.applications.views.steps import render_too_large

# A CV at the limit, plus the other fields of the form and the multipart framing.
MAX_POST_BYTES = CV_MAX_BYTES + 256 * 1024


class RequestTooLargeMiddleware:
    """Placed after the authentication middleware: it runs before any view or CSRF check."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and _is_application_page(request.path):
            if _content_length(request) > MAX_POST_BYTES:
                # Refused before reading the body: a huge upload is never written to disk.
                return request_too_large(request)
            try:
                request.POST  # noqa: B018 (parsed now, so its size limit can be reported)
            except RequestDataTooBig:
                return request_too_large(request)
        return self.get_response(request)


def request_too_large(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if (
        match
        and match.url_name == "application_step"
        and match.kwargs["slug"] == steps.by_key("cv").slug
    ):
        # The step again, the file refused next to its field: nothing else was lost.
        return render_too_large(request, **match.kwargs)
    return render(
        request,
        "applications/request_too_large.html",
        {"limit": CV_MAX_BYTES, "back_url": request.path, "breadcrumb_data": {}},
        status=413,
    )


def _is_application_page(path):
    return path.startswith((reverse("application_start"), reverse("candidate_space")))


def _content_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
