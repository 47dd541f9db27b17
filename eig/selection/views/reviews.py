"""The reviewer's evaluation of an assigned application, on the cohort's grid, beside the
application; its confirmation; after submission, the other reviews and the discussion."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, access
from eig.audit.services import record_view_by_someone_else
from eig.challenges.models import Challenge
from eig.selection import discussion, reviews
from eig.selection.access import REVIEWER, assignment_or_404
from eig.selection.grid import ReviewForm, initial_for
from eig.selection.models import Review
from eig.selection.selectors import next_to_do


@access(REVIEWER, PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def evaluation(request, public_id):
    """Saves the grid of one's own released assignment (others: a 404, recorded); the grid
    itself is on the application's page, where a GET is sent."""
    assignment = assignment_or_404(request, public_id)
    if request.method != "POST":
        return redirect(reverse("jury:application", args=[public_id]) + "#grille")
    review = _review_of(assignment)
    grid = reviews.grid_for(assignment.reviewer.cohort)
    if reviews.is_closed(grid):
        messages.error(request, reviews.closed_message(grid))
        return redirect("jury:application", public_id=public_id)
    form = _form(assignment, grid, review, request.POST)
    # "Soumettre" saves a complete draft, then asks to confirm; once submitted, it only saves,
    # and the review must stay complete.
    submitted = review is not None and review.is_submitted
    confirm = "submit" in request.POST and not submitted
    if form.is_valid() and (not (confirm or submitted) or form.require_complete()):
        try:
            saved = reviews.save_review(
                assignment=assignment, by=request.user, data=form.review_data(), submit=False
            )
        except reviews.ReviewRefused as error:
            form.add_error(None, str(error))
        else:
            if confirm:
                return redirect("jury:submission", public_id=public_id)
            messages.success(
                request,
                _("Vos modifications sont enregistrées : l’équipe du programme les voit.")
                if saved.is_submitted
                else _("Votre brouillon est enregistré."),
            )
            if "next" in request.POST:
                return _to_next(request, assignment)
            return redirect("jury:application", public_id=public_id)
    return evaluation_page(request, assignment, form=form)


@access(REVIEWER, PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"))
def submission(request, public_id):
    """The confirmation of a submission: what will be submitted, then the submission."""
    assignment = assignment_or_404(request, public_id)
    review = _review_of(assignment)
    if review is None or review.is_submitted:
        return redirect("jury:application", public_id=public_id)
    grid = reviews.grid_for(assignment.reviewer.cohort)
    if request.method == "POST":
        try:
            reviews.submit_review(assignment=assignment, by=request.user)
        except reviews.ReviewRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Votre évaluation est soumise."))
        return redirect("jury:application", public_id=public_id)
    application = assignment.application
    return render(
        request,
        "selection/reviews/submission.html",
        {
            "application": application,
            "grid": grid,
            "summary": reviews.summary(review, grid),
            "breadcrumb_data": {
                "links": [
                    {"url": reverse("jury:home"), "title": _("Espace jury")},
                    {
                        "url": reverse("jury:application", args=[public_id]),
                        "title": application.full_name or _("Candidature"),
                    },
                ],
                "current": _("Soumettre l’évaluation"),
            },
        },
    )


@access(REVIEWER, PROGRAMME_TEAM, methods=("POST",), get_object=assignment_or_404)
def discussion_post(request, assignment):
    """A reviewer's message in the discussion: once their review is submitted, in a cohort
    that does not keep reviewing blind (else a 404: the thread stays unseen)."""
    public_id = assignment.application.public_id
    review = _review_of(assignment)
    if not discussion.is_open_to(assignment, review):
        raise Http404
    form = discussion.DiscussionForm(request.POST)
    if not form.is_valid():
        return evaluation_page(request, assignment, comment_form=form)
    discussion.post_comment(
        application=assignment.application,
        by=request.user,
        body=form.cleaned_data["body"],
        assignment=assignment,
        request=request,
    )
    messages.success(request, _("Votre message est publié."))
    return redirect(reverse("jury:application", args=[public_id]) + "#discussion")


def evaluation_page(request, assignment, *, form=None, comment_form=None):
    """The application beside its grid; after submission, the others' reviews and the thread.
    The view of the application is recorded."""
    application = assignment.application
    record_view_by_someone_else(request=request, application=application)
    review = _review_of(assignment)
    grid = reviews.grid_for(assignment.reviewer.cohort)
    closed = reviews.is_closed(grid)
    context = {
        "application": application,
        "choices": list(application.choices.select_related("challenge__host")),
        "experiences": list(application.experiences.all()),
        "cv_url": reverse("jury:application_cv", args=[application.public_id]),
        "grid": grid,
        "review": review,
        "form": form or _form(assignment, grid, review),
        "read_only": closed,
        "closed": closed,
        "closed_message": reviews.closed_message(grid) if closed else "",
        "next": next_to_do(request.user, after=assignment),
        "open": discussion.is_open_to(assignment, review),
        "breadcrumb_data": {
            "links": [{"url": reverse("jury:home"), "title": _("Espace jury")}],
            "current": application.full_name or _("Candidature"),
        },
    }
    if context["open"]:
        names = discussion.letters(application)
        context["other_reviews"] = [
            (
                discussion.reviewer_title(names.get(other.assignment_id)),
                other,
                reviews.summary(other, grid),
            )
            for other in discussion.submitted_reviews_of(application).exclude(pk=review.pk)
        ]
        context["discussion_url"] = reverse("jury:discussion", args=[application.public_id])
        context["discussion_intro"] = _(
            "Les autres membres du jury de cette candidature et l’équipe du programme lisent "
            "ces messages."
        )
        context["thread"] = [
            (discussion.shown_author(c, viewer_assignment=assignment, names=names), c)
            for c in discussion.thread(application)
        ]
        context["comment_form"] = comment_form or discussion.DiscussionForm()
    return render(request, "selection/reviews/evaluation.html", context)


def _review_of(assignment):
    return (
        Review.objects.filter(assignment=assignment)
        .prefetch_related("scores", "recommended")
        .first()
    )


def _form(assignment, grid, review, data=None):
    return ReviewForm(
        data,
        initial=initial_for(review),
        criteria=list(grid.criteria.order_by("sort_order", "pk")),
        challenges=Challenge.objects.filter(choices__application=assignment.application).order_by(
            "choices__rank"
        ),
    )


def _to_next(request, assignment):
    following = next_to_do(request.user, after=assignment)
    if following is None:
        messages.info(request, _("Il ne vous reste aucune autre candidature à évaluer."))
        return redirect("jury:home")
    return redirect("jury:application", public_id=following.application.public_id)
