"""After their own review, the other reviews of an application and its discussion thread.

Reviewing is blind unless the cohort says otherwise (`Cohort.reviewers_see_other_reviews`):
then a reviewer who has submitted their own review reads the others' and discusses the
application with its other reviewers and the programme team.

Between reviewers, names are not shown: each other reviewer is "Membre du jury A, B…", the
same letter in the reviews and in the thread (HotCRP's way). A review is weighed on its
arguments, not on the rank or the administration of its author, and nobody is pressed to
rally to a known name. The team, who invited the jury, sees the names.
"""

from string import ascii_uppercase

from django import forms
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eig.accounts.roles import is_programme_team
from eig.audit.models import Action
from eig.audit.services import record
from eig.plain_text import DsfrForm
from eig.selection.models import Assignment, DiscussionComment, Review

BODY_MAX_LENGTH = 5000


class DiscussionForm(DsfrForm):
    body = forms.CharField(
        label=gettext_lazy("Votre message"),
        help_text=gettext_lazy("Texte simple, lu par les autres membres du jury et l’équipe."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=BODY_MAX_LENGTH,
        error_messages={
            "required": gettext_lazy("Écrivez votre message avant de l’envoyer."),
            "max_length": gettext_lazy("Écrivez %(limit_value)d caractères au plus."),
        },
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Écrivez votre message avant de l’envoyer."))
        return body


def is_open_to(assignment, review):
    """Whether the reviewer of `assignment` may read the other reviews and discuss."""
    return (
        assignment.application.cohort.reviewers_see_other_reviews
        and review is not None
        and review.is_submitted
    )


def letters(application):
    """{assignment pk: "A", "B"…}: how the reviewers of `application` name each other."""
    pks = (
        Assignment.objects.released()
        .filter(application=application)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return {pk: _letter(position) for position, pk in enumerate(pks)}


def _letter(position):
    if position < len(ascii_uppercase):
        return ascii_uppercase[position]
    return f"{ascii_uppercase[position // 26 - 1]}{ascii_uppercase[position % 26]}"


def submitted_reviews_of(application):
    """The submitted reviews of `application` by its released, conflict-free reviewers."""
    return (
        Review.objects.filter(
            status=Review.Status.SUBMITTED,
            assignment__in=Assignment.objects.released()
            .without_conflict()
            .filter(application=application),
        )
        .select_related("assignment__reviewer")
        .prefetch_related("scores", "recommended", "revisions")
        .order_by("assignment_id")
    )


def thread(application):
    return list(DiscussionComment.objects.filter(application=application))


def shown_author(comment, *, viewer_assignment, names):
    """The author as a reviewer reads it: themselves, the team, or a letter; `names` the
    letters of `letters()`."""
    if comment.side == DiscussionComment.Side.TEAM:
        return _("Équipe du programme")
    if viewer_assignment is not None and comment.assignment_id == viewer_assignment.pk:
        return _("Vous")
    return reviewer_title(names.get(comment.assignment_id))


def reviewer_title(letter):
    return _("Membre du jury %(letter)s") % {"letter": letter} if letter else _("Membre du jury")


def post_comment(*, application, by, body, assignment=None, request=None):
    """Add `body` to the discussion of `application`, by a reviewer (`assignment`: theirs,
    released, free of conflict, review submitted, cohort not blind) or by the team.

    Http404 for anyone else, so that the thread stays unseen.
    """
    with transaction.atomic():
        if assignment is not None:
            assignment = (
                Assignment.objects.released()
                .without_conflict()
                .filter(pk=assignment.pk, reviewer__user=by, application=application)
                .select_related("reviewer", "application__cohort")
                .first()
            )
            review = Review.objects.filter(assignment=assignment).first() if assignment else None
            if assignment is None or not is_open_to(assignment, review):
                raise Http404
            side, name = DiscussionComment.Side.REVIEWER, assignment.reviewer.full_name
        elif is_programme_team(by):
            side = DiscussionComment.Side.TEAM
            name = by.get_full_name() or by.email or by.get_username()
        else:
            raise Http404
        comment = DiscussionComment.objects.create(
            application=application,
            author=by,
            assignment=assignment,
            side=side,
            author_name=name,
            body=body,
        )
        record(
            action=Action.DISCUSSION_POSTED,
            actor=by,
            target=application,
            request=request,
            data={"comment": comment.pk, "side": side},
        )
    return comment
