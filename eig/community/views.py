from django.contrib import messages
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from eig.accounts.access import PROGRAMME_TEAM, SIGNED_IN, access, public
from eig.audit.models import Action
from eig.audit.services import record
from eig.cohorts.models import Cohort
from eig.community import selectors
from eig.community.access import (
    MEMBER,
    events_visible_to,
    fellow_cohort_ids,
    member_cohort_ids,
    own_profile_or_404,
    visible_event_or_404,
    visible_events,
)
from eig.community.forms import AttendanceForm, ProfileForm
from eig.community.ics import calendar_of
from eig.community.models import CalendarFeed, Profile, Registration
from eig.community.profiles import profile_of, save_profile
from eig.community.registrations import RegistrationRefused, cancel, register, take_attendance
from eig.community.results import own_challenge_or_404, own_challenges, results_forms, save_results
from eig.events.models import Event
from eig.storage import StorageUnavailable, report_unavailable_upload


@access(MEMBER)
def home(request):
    """The space of a fellow or a mentor: their profile, the promotion's events, the calendar."""
    cohorts = list(Cohort.objects.filter(pk__in=member_cohort_ids(request.user)))
    events = visible_events(request).filter(registration_open=True).upcoming()
    mine = {
        registration.event_id: registration
        for registration in Registration.objects.filter(user=request.user).exclude(
            status=Registration.Status.CANCELLED
        )
    }
    upcoming = list(events.select_related("cohort").order_by("starts_on", "starts_at"))
    for event in upcoming:
        event.mine = mine.get(event.pk)
    feeds = {feed.cohort_id: feed for feed in CalendarFeed.objects.filter(user=request.user)}
    return render(
        request,
        "community/home.html",
        {
            "challenges": list(own_challenges(request.user)),
            "profile": profile_of(request.user),
            "events": upcoming,
            "calendars": [
                (
                    cohort,
                    feeds.get(cohort.pk)
                    and request.build_absolute_uri(
                        reverse("community:cohort_feed", args=[feeds[cohort.pk].token])
                    ),
                )
                for cohort in cohorts
            ],
            "public_feed": request.build_absolute_uri(reverse("community:public_feed")),
            "breadcrumb_data": {"current": _("Ma promotion")},
        },
    )


@access(MEMBER)
def my_profile(request):
    return redirect("community:profile_edit", pk=profile_of(request.user).pk)


@access(MEMBER, methods=("GET", "HEAD", "POST"), get_object=own_profile_or_404)
def profile_edit(request, profile):
    alumni_field = bool(fellow_cohort_ids(request.user))
    status = 200
    form = ProfileForm(
        request.POST or None,
        request.FILES or None,
        instance=profile,
        alumni_field=alumni_field,
    )
    if request.method == "POST" and form.is_valid():
        values = {
            field: form.cleaned_data[field]
            for field in ("name", "bio", "skills", "links", "after", "public_fields")
            if field in form.cleaned_data
        }
        try:
            save_profile(
                profile=Profile.objects.get(pk=profile.pk),
                values=values,
                photo=form.cleaned_data["photo_upload"],
                remove_photo=form.cleaned_data.get("remove_photo", False),
                consent=form.cleaned_data["consent"],
                by=request.user,
                request=request,
            )
        except StorageUnavailable:
            # Nothing was saved: the form comes back with what was typed.
            report_unavailable_upload(form, "photo_upload")
            status = 503
        else:
            if form.cleaned_data["consent"]:
                messages.success(
                    request, _("Votre profil est enregistré ; les champs cochés sont publics.")
                )
            else:
                messages.success(request, _("Votre profil est enregistré ; rien n’en est publié."))
            return redirect("community:profile_edit", pk=profile.pk)
    return render(
        request,
        "community/profile_edit.html",
        {
            "form": form,
            "profile": Profile.objects.get(pk=profile.pk),
            "breadcrumb_data": {
                "links": [{"url": reverse("community:home"), "title": _("Ma promotion")}],
                "current": _("Mon profil public"),
            },
        },
        status=status,
    )


@access(MEMBER, methods=("GET", "HEAD", "POST"), get_object=own_challenge_or_404)
def challenge_results(request, challenge):
    """The fellows and mentors of a défi tell what came out of it (public once it is over)."""
    forms_ = results_forms(challenge, request.POST or None)
    if request.method == "POST":
        if all(form.is_valid() for form in forms_):
            save_results(forms_, by=request.user, request=request)
            if request.POST.get("navigation") != "stay":
                messages.success(request, _("Les résultats du défi sont enregistrés."))
            return redirect("community:results", pk=challenge.pk)
        messages.error(request, _("Certains champs sont à corriger : rien n’est perdu."))
    form, links, figures = forms_
    return render(
        request,
        "community/results.html",
        {
            "challenge": challenge,
            "form": form,
            "links": links,
            "figures": figures,
            "shown": challenge.shows_results(),
            "breadcrumb_data": {
                "links": [{"url": reverse("community:home"), "title": _("Ma promotion")}],
                "current": _("Les résultats de « %(name)s »") % {"name": challenge.name},
            },
        },
    )


@public()
def profile_photo(request, pk):
    """A profile's photo: for everyone once its owner made it public, always for its owner."""
    profile = get_object_or_404(Profile, pk=pk)
    if not (profile.shows("photo") or (profile.photo and profile.user_id == request.user.pk)):
        raise Http404
    response = FileResponse(profile.photo.open("rb"), content_type="image/jpeg")
    if profile.user_id == request.user.pk:
        response["Cache-Control"] = "no-store"
    return response


@public()
def event_detail(request, pk):
    event = visible_event_or_404(request, pk)
    registration = selectors.registration_of(event, request.user)
    return render(
        request,
        "community/event_detail.html",
        {
            "event": event,
            "registration": registration,
            "position": registration
            and registration.status == Registration.Status.WAITING
            and selectors.waiting_position(registration),
            "places_left": selectors.places_left(event),
            "started": event.has_started(),
            "breadcrumb_data": {
                "links": [{"url": reverse("events"), "title": _("Événements")}],
                "current": event.title,
            },
        },
    )


@access(SIGNED_IN, methods=("POST",))
def event_register(request, pk):
    event = get_object_or_404(Event, pk=pk)
    visible = visible_events(request).filter(pk=pk).exists()
    try:
        registration = register(event=event, user=request.user, visible=visible, request=request)
    except RegistrationRefused as refused:
        messages.error(request, refused.message)
    else:
        if registration.status == Registration.Status.WAITING:
            messages.warning(
                request,
                _(
                    "L’événement est complet : vous êtes sur la liste d’attente, en position "
                    "%(position)d. Si une place se libère, elle vous revient et un e-mail vous "
                    "le dit."
                )
                % {"position": selectors.waiting_position(registration)},
            )
        else:
            messages.success(
                request, _("Vous êtes inscrit·e. Un e-mail de confirmation vous est envoyé.")
            )
    return _back(request, event, visible)


@access(SIGNED_IN, methods=("POST",))
def event_cancel(request, pk):
    event = get_object_or_404(Event, pk=pk)
    try:
        cancel(event=event, user=request.user, request=request)
    except RegistrationRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Votre inscription est annulée."))
    return _back(request, event, visible_events(request).filter(pk=pk).exists())


def _back(request, event, visible):
    if visible:
        return redirect("community:event_detail", pk=event.pk)
    return redirect("my_spaces")


@public()
def event_ics(request, pk):
    event = visible_event_or_404(request, pk)
    return _calendar_response(calendar_of([event]), f"evenement-{event.pk}.ics")


@public()
def public_feed(request):
    events = Event.objects.public().order_by("starts_on", "starts_at")
    return _calendar_response(
        calendar_of(events, name=_("Événements publics — Entrepreneurs d’intérêt général")),
        "evenements.ics",
    )


@public()
def cohort_feed(request, token):
    """A promotion's calendar for one person, at their secret address (revocable)."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("cohort", "user"), token=token)
    events = events_visible_to(feed.user).filter(cohort=feed.cohort).order_by("starts_on")
    return _calendar_response(
        calendar_of(events, name=_("Agenda de la %(cohort)s") % {"cohort": feed.cohort}),
        f"promotion-{feed.cohort.number}.ics",
    )


def _calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _member_cohort(request):
    number = request.POST.get("promotion", "")
    cohort = Cohort.objects.filter(
        number=number if number.isdigit() else -1, pk__in=member_cohort_ids(request.user)
    ).first()
    if cohort is None:
        raise Http404
    return cohort


@access(MEMBER, methods=("POST",))
def feed_create(request):
    """A new secret address for the calendar; the former one, if any, stops working."""
    cohort = _member_cohort(request)
    CalendarFeed.objects.filter(user=request.user, cohort=cohort).delete()
    feed = CalendarFeed.objects.create(user=request.user, cohort=cohort)
    record(action=Action.CALENDAR_FEED_CREATED, actor=request.user, target=feed, request=request)
    messages.success(
        request,
        _("Votre lien d’abonnement est prêt : ajoutez-le à votre agenda. Gardez-le pour vous."),
    )
    return redirect("community:home")


@access(MEMBER, methods=("POST",))
def feed_revoke(request):
    cohort = _member_cohort(request)
    deleted, _rows = CalendarFeed.objects.filter(user=request.user, cohort=cohort).delete()
    if deleted:
        record(
            action=Action.CALENDAR_FEED_REVOKED, actor=request.user, target=cohort, request=request
        )
    messages.success(request, _("Votre lien d’abonnement est révoqué : il ne donne plus rien."))
    return redirect("community:home")


# --- The team's space -------------------------------------------------------------------------


@access(PROGRAMME_TEAM)
def team_events(request):
    with_registration = Event.objects.filter(
        Q(registration_open=True) | Q(registrations__isnull=False)
    ).values("pk")
    events = selectors.with_counts(Event.objects.filter(pk__in=with_registration))
    return render(
        request,
        "community/team_events.html",
        {
            "events": list(events.select_related("cohort").order_by("-starts_on")),
            "now": timezone.now(),
            "breadcrumb_data": {"current": _("Événements")},
        },
    )


def _team_event(request, pk):
    return get_object_or_404(Event.objects.select_related("cohort"), pk=pk)


@access(PROGRAMME_TEAM, methods=("GET", "HEAD", "POST"), get_object=_team_event)
def attendance(request, event):
    registrations = list(event.registrations.select_related("user").order_by("registered_at", "pk"))
    profiles = dict(
        Profile.objects.filter(user__in=[r.user_id for r in registrations]).values_list(
            "user_id", "name"
        )
    )
    for registration in registrations:
        user = registration.user
        registration.user_label = (
            profiles.get(user.pk) or user.get_full_name() or user.email or _("compte anonymisé")
        )
    registered = [r for r in registrations if r.status == Registration.Status.REGISTERED]
    form = AttendanceForm(request.POST or None, registrations=registered)
    if request.method == "POST" and form.is_valid():
        take_attendance(
            event=event,
            present=[int(pk) for pk in form.cleaned_data["present"]],
            by=request.user,
            request=request,
        )
        messages.success(request, _("Les présences sont enregistrées."))
        return redirect("community:attendance", pk=event.pk)
    return render(
        request,
        "community/attendance.html",
        {
            "event": event,
            "form": form,
            "waiting": [r for r in registrations if r.status == Registration.Status.WAITING],
            "registered": registered,
            "breadcrumb_data": {
                "links": [{"url": reverse("community:team_events"), "title": _("Événements")}],
                "current": event.title,
            },
        },
    )
