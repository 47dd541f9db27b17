"""The jury's work on an application: out of the export, its free texts go with the anonymisation.

Reviews belong to the deliberations, which the privacy page excepts from the right of access.
Once an application is anonymised, the reviews' comments, the mentors' opinions, the messages
of its discussion and the conflicts' reasons (which may name the candidate's employer) are
blanked; verdicts and scores stay for the statistics.
"""

from django.utils.translation import gettext as _

from eig.applications.personal_data import Holder, register
from eig.selection.models import (
    Conflict,
    DiscussionComment,
    MentorOpinion,
    Review,
    ReviewScore,
)


@register
class JuryWork(Holder):
    key = "jury"

    def export(self, application):
        """That the jury reviewed it, and how many times: not what it wrote (the deliberations)."""
        reviews = Review.objects.filter(
            assignment__application=application, status=Review.Status.SUBMITTED
        ).count()
        return {
            "reviews_submitted": reviews,
            "not_included": _(
                "Le contenu des évaluations, qui relève du secret des délibérations."
            ),
        }

    def erase(self, application_ids):
        # Ids first: an UPDATE through joins becomes a nested subquery PostgreSQL plans badly.
        reviews = list(
            Review.objects.filter(assignment__application_id__in=application_ids).values_list(
                "pk", flat=True
            )
        )
        Review.objects.filter(pk__in=reviews).update(comment="")
        ReviewScore.objects.filter(review_id__in=reviews).update(comment="")
        Conflict.objects.filter(application_id__in=application_ids).update(
            reason=_("motif effacé avec la candidature")
        )
        MentorOpinion.objects.filter(application_id__in=application_ids).update(text="")
        DiscussionComment.objects.filter(application_id__in=application_ids).update(body="")
