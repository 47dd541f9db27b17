"""Public profiles: the photo's checks, saving, consent given and withdrawn."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from eig.audit.models import Action
from eig.audit.services import record
from eig.challenges.models import Mentor
from eig.community.models import Fellow, Profile
from eig.storage import delete_after_commit

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
# Larger photos are scaled down: the site shows them small, and a re-encoded copy keeps no
# metadata (a phone's photo carries where it was taken).
PHOTO_SIDE = 600


def profile_of(user):
    """The person's profile, made on first use with the name the programme knows them by."""
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    fellow = Fellow.objects.filter(user=user).select_related("application").first()
    mentor = Mentor.objects.filter(user=user).first()
    name = (
        (fellow and fellow.application.full_name)
        or (mentor and mentor.full_name)
        or user.get_full_name()
        or user.email
    )
    return Profile.objects.get_or_create(user=user, defaults={"name": name})[0]


def checked_photo(upload):
    """The uploaded photo re-encoded as JPEG, or ValidationError saying what is wrong with it."""
    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            _("Cette photo pèse %(size).1f Mo : la limite est de 2 Mo.")
            % {"size": upload.size / 1024 / 1024},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in PHOTO_FORMATS:
                raise UnidentifiedImageError
            image.load()
            image = image.convert("RGB")
            image.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
            output = io.BytesIO()
            image.save(output, "JPEG", quality=85)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError):
        raise ValidationError(
            _("Ce fichier n’est pas une image lisible : choisissez une photo JPEG, PNG ou WebP."),
            code="not_an_image",
        ) from None
    return ContentFile(output.getvalue(), name="photo.jpg")


def save_profile(*, profile, values, photo=None, remove_photo=False, consent, by, request=None):
    """Save the profile's fields; `consent` given or withdrawn takes effect at once."""
    with transaction.atomic():
        for field, value in values.items():
            setattr(profile, field, value)
        previous = profile.photo.name
        if remove_photo:
            profile.photo = None
        if photo is not None:
            # Stored first: if the storage fails, StorageUnavailable rolls everything back and
            # the previous photo is still there.
            profile.photo.save(f"profil-{profile.user_id}.jpg", photo, save=False)
        if previous and previous != profile.photo.name:
            delete_after_commit(previous)
        was_consenting = profile.consented_at is not None
        if consent and not was_consenting:
            profile.consented_at = timezone.now()
        elif not consent:
            profile.consented_at = None
        profile.save()
        record(action=Action.PROFILE_UPDATED, actor=by, target=profile, request=request)
        if consent != was_consenting:
            action = Action.PROFILE_CONSENT_GIVEN if consent else Action.PROFILE_CONSENT_WITHDRAWN
            record(action=action, actor=by, target=profile, request=request)
    return profile
