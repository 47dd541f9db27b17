"""The récépissé of a submission: a PDF of exactly what the candidate submitted, to keep.

It is written from the snapshot the last Submission keeps, never from the application as it is
now: after a change not submitted again, the receipt still shows what was submitted, and says
that the application has changed since. A submission without its snapshot (made before they were
kept, or erased by the retention) has no receipt.

The PDF uses the core fonts of PDF readers (Helvetica) in the Windows-1252 encoding, which holds
every character of French, typographic apostrophe, guillemets, œ, ellipsis and dashes included:
no font file to ship and keep licensed. Characters beyond it (another alphabet, an emoji) are
written without their accents, or as "?": the digest, computed from the exact text, is what
proves the content.
"""

import unicodedata

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from eig.applications.calls import paris_time
from eig.applications.models import (
    CONTENT_FIELDS,
    EXPERIENCE_CONTENT,
    Application,
    ChallengeChoice,
)

ENCODING = "windows-1252"


def last_submission(application):
    return application.submissions.order_by("-at", "-pk").first()


def why_no_receipt(application):
    """Why there is no receipt to give for `application` now, or None when there is one."""
    if application.is_draft:
        return _("Une candidature se dépose avant d’avoir un récépissé.")
    submission = last_submission(application)
    if submission is None or not submission.snapshot:
        return _(
            "Le contenu de votre dépôt n’a pas été conservé : aucun récépissé ne peut en être "
            "établi. L’équipe du programme peut vous en confirmer la réception."
        )
    return None


def receipt_filename(application):
    return f"recepisse-promotion-{application.cohort.number}-{application.public_id.hex[:8]}.pdf"


def receipt_pdf(application):
    """The receipt of the last submission of `application`, as PDF bytes; call it only when
    `why_no_receipt` is None."""
    submission = last_submission(application)
    answers = dict(zip(CONTENT_FIELDS, submission.snapshot["fields"], strict=True))
    pdf = _Receipt(reference=str(application.public_id))
    pdf.set_title(_("Récépissé de dépôt de candidature"))
    pdf.set_author(_("Programme Entrepreneurs d’intérêt général"))
    pdf.add_page()

    pdf.set_font("helvetica", "B", 16)
    pdf.paragraph(_("Récépissé de dépôt de candidature"), height=8)
    pdf.set_font("helvetica", "", 11)
    pdf.paragraph(
        _("Programme Entrepreneurs d’intérêt général — %(cohort)s") % {"cohort": application.cohort}
    )
    pdf.ln(3)
    dates = application.submission_dates()
    pdf.field(_("Référence de la candidature"), str(application.public_id))
    pdf.field(_("Déposée le (heure de Paris)"), paris_time(dates[0]))
    if len(dates) > 1:
        pdf.field(
            _("Dernier dépôt, dont ce récépissé reprend le contenu"), paris_time(submission.at)
        )
    pdf.field(_("Règlement accepté"), _rules(application))
    pdf.field(_("Empreinte SHA-256 du contenu déposé"), submission.digest)
    if application.changed_since_submission():
        pdf.set_font("helvetica", "B", 10)
        pdf.paragraph(
            _(
                "Votre candidature a été modifiée depuis ce dépôt et n’a pas été redéposée : ce "
                "récépissé reprend ce que vous avez déposé, pas vos modifications."
            )
        )
    pdf.set_font("helvetica", "", 8)
    pdf.paragraph(
        _(
            "L’empreinte est calculée sur les réponses, les expériences et les choix de défis "
            "déposés ; votre espace candidat l’affiche aussi : deux contenus identiques ont la "
            "même empreinte, une seule lettre changée la change entièrement."
        ),
        height=4,
    )

    pdf.section(_("Identité et contact"))
    for name in ("first_name", "last_name", "email", "phone", "city"):
        pdf.field(_label(name), answers[name])
    profiles = dict(Application._meta.get_field("profile").flatchoices)
    pdf.field(_label("profile"), profiles.get(answers["profile"], answers["profile"]))
    pdf.field(_label("years_of_experience"), _unless_none(answers["years_of_experience"]))

    pdf.section(_("Parcours et expériences"))
    pdf.field(_label("background"), answers["background"])
    for values in submission.snapshot["experiences"]:
        experience = dict(zip(EXPERIENCE_CONTENT, map(_unless_none, values), strict=True))
        years = "–".join(filter(None, (experience["start_year"], experience["end_year"])))
        heading = ", ".join(part for part in (experience["organisation"], years) if part)
        pdf.field(
            _("Expérience %(position)s : %(title)s") % experience,
            "\n".join(part for part in (heading, experience["description"]) if part),
        )
    pdf.field(_label("experiences_text"), answers["experiences_text"])
    for name in ("code_forge_url", "portfolio_url", "professional_profile_url"):
        pdf.field(_label(name), answers[name])

    pdf.section(_("CV"))
    pdf.field(_("Fichier"), _cv(application, answers["cv"]))

    pdf.section(_("Motivation"))
    pdf.field(_label("motivation"), answers["motivation"])
    pdf.field(_label("administration_fit"), answers["administration_fit"])

    pdf.section(_("Choix des défis"))
    choices = submission.snapshot["choices"]
    Challenge = ChallengeChoice._meta.get_field("challenge").related_model
    challenges = Challenge.objects.select_related("host").in_bulk(
        [challenge_id for _rank, challenge_id, _contribution in choices]
    )
    for rank, challenge_id, contribution in choices:
        challenge = challenges[challenge_id]  # a chosen défi is never deleted (PROTECT)
        pdf.field(
            _("Choix n° %(rank)s : %(challenge)s (%(host)s)")
            % {"rank": rank, "challenge": challenge.name, "host": challenge.host},
            contribution,
        )
    if not choices:
        pdf.paragraph(_("Aucun défi choisi."))

    pdf.section(_("Binôme"))
    pdf.field(_label("preferred_teammate"), answers["preferred_teammate"])

    pdf.section(_("Éligibilité et déclarations"))
    for name in (
        "available_full_time",
        "not_public_agent",
        "studies_completed",
        "accepts_rules",
        "consents_to_processing",
        "pool_consent",
    ):
        pdf.field(_label(name), _("oui") if answers[name] == "True" else _("non"))
    return bytes(pdf.output())


def _unless_none(value):
    # The snapshot writes every answer as text: an empty number reads "None".
    return "" if value == "None" else value


def _cv(application, stored_name):
    """The CV submitted: its name and size while the application still holds that file."""
    if not stored_name:
        return ""
    if application.cv.name == stored_name:
        return f"{application.cv_filename} ({filesizeformat(application.cv_size)})"
    return _("un fichier, remplacé depuis par un autre")


def _label(name):
    label = str(Application._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:]


def _rules(application):
    version = application.rules_version
    if version is not None:
        link = version.document_link or settings.SITE_URL + version.get_absolute_url()
        return f"{version}\n{link}"
    # Accepted before the rules were versioned: the cohort's rules page.
    rules_url = f"{settings.SITE_URL}{reverse('rules')}?promotion={application.cohort.number}"
    accepted = _("oui") if application.accepts_rules else _("non")
    return f"{accepted} — {rules_url}"


def _printable(text):
    """`text` in the core fonts' encoding: accents stripped from what it lacks, else "?"."""
    out = []
    for character in str(text):
        try:
            character.encode(ENCODING)
        except UnicodeEncodeError:
            stripped = "".join(
                c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c)
            )
            character = stripped.encode(ENCODING, errors="replace").decode(ENCODING)
        out.append(character)
    return "".join(out)


class _Receipt(FPDF):
    def __init__(self, *, reference):
        super().__init__(format="A4")
        self.core_fonts_encoding = ENCODING
        self.reference = reference
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=18)

    def footer(self):
        self.set_y(-12)
        self.set_font("helvetica", "", 8)
        self.set_text_color(100)
        self.cell(
            0,
            5,
            _printable(
                _("Récépissé %(reference)s — page %(page)s/{nb}")
                % {"reference": self.reference, "page": self.page_no()}
            ),
            align="C",
        )
        self.set_text_color(0)

    def paragraph(self, text, *, height=5.5):
        self.multi_cell(0, height, _printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def section(self, title):
        if self.will_page_break(30):  # a title starts a page rather than end one
            self.add_page()
        self.ln(4)
        self.set_font("helvetica", "B", 13)
        self.paragraph(title, height=7)
        self.set_draw_color(0, 0, 145)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(2)

    def field(self, label, value):
        """A label, then the answer as typed; "non renseigné" for an empty one."""
        if self.will_page_break(15):  # never a label at the foot of a page, its answer overleaf
            self.add_page()
        self.set_font("helvetica", "B", 9)
        self.set_text_color(60)
        self.paragraph(label, height=5)
        self.set_text_color(0)
        empty = value is None or value == ""
        self.set_font("helvetica", "I" if empty else "", 10)
        self.paragraph(_("non renseigné") if empty else str(value))
        self.ln(1.5)
