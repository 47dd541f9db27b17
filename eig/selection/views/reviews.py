"""The reviewer's evaluation of an assigned application, on the cohort's grid."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.challenges.models import Challenge
from eig.selection import reviews
from eig.selection.access import REVIEWER, assignment_or_404
from eig.selection.grid import ReviewForm, initial_for
from eig.selection.models import Review


@access(REVIEWER, PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def evaluation(request, public_id):
    """The grid for one's own released assignment; others get a 404, recorded."""
    assignment = assignment_or_404(request, public_id)
    application = assignment.application
    grid = reviews.grid_for(assignment.reviewer.cohort)
    review = Review.objects.filter(assignment=assignment).prefetch_related("scores").first()
    closed = reviews.is_closed(grid)
    read_only = closed or (review is not None and review.is_submitted)
    form = ReviewForm(
        request.POST if request.method == "POST" and not read_only else None,
        initial=initial_for(review),
        criteria=list(grid.criteria.order_by("sort_order", "pk")),
        challenges=Challenge.objects.filter(choices__application=application).order_by(
            "choices__rank"
        ),
    )
    if request.method == "POST":
        if read_only:
            messages.error(
                request,
                reviews.closed_message(grid)
                if closed
                else _("Cette évaluation est déjà soumise : elle ne peut plus changer."),
            )
            return redirect("jury:evaluation", public_id=public_id)
        submit = "submit" in request.POST
        if form.is_valid() and (not submit or form.require_complete()):
            try:
                reviews.save_review(
                    assignment=assignment, by=request.user, data=form.review_data(), submit=submit
                )
            except reviews.ReviewRefused as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Votre évaluation est soumise.")
                    if submit
                    else _("Votre brouillon est enregistré."),
                )
                return redirect("jury:evaluation", public_id=public_id)
    return render(
        request,
        "selection/reviews/evaluation.html",
        {
            "application": application,
            "grid": grid,
            "review": review,
            "form": form,
            "read_only": read_only,
            "closed": closed,
            "closed_message": reviews.closed_message(grid) if closed else "",
            "breadcrumb_data": {
                "links": [
                    {"url": reverse("jury:home"), "title": _("Espace jury")},
                    {
                        "url": reverse("jury:application", args=[public_id]),
                        "title": application.full_name or _("Candidature"),
                    },
                ],
                "current": _("Évaluation"),
            },
        },
    )
