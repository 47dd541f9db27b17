"""Load the demo: Promotions 1 and 2, their défis, the press review, events and pages.

Every write is keyed on a natural key (slug, number, URL...), so loading twice changes nothing.
Editorial pages are created when missing and never overwritten: the team may have edited them.
"""

import datetime
import json
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from wagtail.models import GroupPagePermission, Locale, Page, Site

from eig.accounts.roles import PROGRAMME_TEAM_GROUP
from eig.accounts.second_factor import normalise_code
from eig.auditions.demo import load_audition_demo
from eig.challenges.models import Challenge, HostOrganisation, Mentor, ResultLink, Skill
from eig.cohorts.models import Cohort, Programme, RulesVersion
from eig.demo.candidates import load_candidates
from eig.demo.challenge_jury import load_challenge_jury_demo
from eig.demo.community import load_community_demo
from eig.demo.data import challenges as challenge_data
from eig.demo.data import events as event_data
from eig.demo.data import news as news_data
from eig.demo.data import pages as page_data
from eig.demo.data import press as press_data
from eig.demo.data import programme as programme_data
from eig.demo.data import rules as rules_data
from eig.demo.english import load_english_calls, load_english_events, load_english_pages
from eig.demo.mentors import load_mentor_demo
from eig.demo.open_call import load_open_call
from eig.demo.promotion_1 import load_promotion_1
from eig.demo.proposals import load_proposals_demo
from eig.events.models import Event
from eig.press.models import PressItem
from eig.selection.demo import load_selection_demo
from eig.selection.demo_reviews import load_review_demo
from eig.website.models import (
    ContentPage,
    FaqPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    RulesPage,
    SitemapPage,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
DEMO_USERNAME = "equipe@eig.example"  # also the e-mail: sign-in links find it
DEMO_PASSWORD = "demo-eig-2018"
# The team's second factor in the demo: recovery codes everyone knows, each used once and
# put back by the next `load_demo` (so by every `make run`).
DEMO_SECOND_FACTOR_CODES = [f"eig-demo-{number:02d}" for number in range(1, 21)]
TEAM_APPS = [
    *("cohorts", "challenges", "press", "events", "selection", "proposals"),
    *("wagtaildocs", "wagtailimages"),
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


@transaction.atomic
def load_demo():
    """Everything `make run` shows: the site, an open call to try, and synthetic candidates."""
    programme = load_site()
    load_open_call(programme)
    load_proposals_demo(programme.cohorts.all())
    load_challenge_jury_demo(programme.cohorts.get(number=2))
    promotion_2 = programme.cohorts.get(number=2)
    load_candidates(promotion_2)
    load_selection_demo(promotion_2)
    load_review_demo(promotion_2)
    load_audition_demo(promotion_2)
    load_community_demo(promotion_2, mentor=load_mentor_demo(promotion_2))
    # After Promotion 2's candidates: the first of them stays the demo candidate.
    load_promotion_1(programme.cohorts.get(number=1))
    load_english_events()
    load_english_calls()
    load_demo_second_factor()
    return programme


def load_site():
    """The public site: Promotions 1 and 2, défis, press, events, pages, the team account."""
    programme = load_programme()
    cohorts = load_cohorts(programme)
    load_challenges(cohorts)
    load_press()
    load_events(cohorts)
    home = load_pages()
    load_team_account(home)
    return programme


def load_programme():
    values = dict(programme_data.PROGRAMME)
    programme, _ = Programme.objects.update_or_create(name=values.pop("name"), defaults=values)
    return programme


def load_cohorts(programme):
    cohorts = {}
    for entry in programme_data.COHORTS:
        values = dict(entry)
        number = values.pop("number")
        criteria = values.pop("selection_criteria", [])
        for field in ("application_call_opens_at", "application_call_closes_at"):
            values[field] = _paris_time(values[field])
        cohort, _ = Cohort.objects.update_or_create(
            programme=programme, number=number, defaults=values
        )
        cohort.set_selection_criteria(criteria)
        cohorts[number] = cohort
    RulesVersion.objects.get_or_create(
        cohort=cohorts[2],
        version="1",
        defaults={
            "published_on": datetime.date(2017, 9, 27),
            "text": rules_data.promotion_2_text(),
            "document_url": rules_data.PROMOTION_2_DOCUMENT,
        },
    )
    latest = max(cohorts.values(), key=lambda cohort: cohort.number)
    if programme.current_cohort_id != latest.pk:
        programme.current_cohort = latest
        programme.save(update_fields=["current_cohort"])
    return cohorts


def _paris_time(text):
    if not text:
        return None
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=PARIS)


def load_challenges(cohorts):
    skills = {
        slug: Skill.objects.update_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in challenge_data.SKILLS.items()
    }
    hosts = {
        key: HostOrganisation.objects.update_or_create(
            ministry=host["ministry"],
            directorate=host["directorate"],
            defaults={"website": host["website"]},
        )[0]
        for key, host in challenge_data.HOSTS.items()
    }
    for entry in challenge_data.CHALLENGES:
        values = dict(entry)
        slug = values.pop("slug")
        skill_slugs = values.pop("skills")
        mentors = values.pop("mentors")
        values["cohort"] = cohorts[values["cohort"]]
        values["host"] = hosts[values["host"]]
        values["profiles_sought"] = "\n".join(values["profiles_sought"])
        challenge, _ = Challenge.objects.update_or_create(slug=slug, defaults=values)
        challenge.skills.set([skills[skill_slug] for skill_slug in skill_slugs])
        _replace_mentors(challenge, mentors)
        _add_result_links(challenge)


def _add_result_links(challenge):
    """A finished défi's published code and site, as its first results (no invented figures)."""
    if challenge.status != Challenge.Status.COMPLETED or challenge.result_links.exists():
        return
    links = [
        (ResultLink.Kind.CODE, "Le code source du projet", challenge.source_code_url),
        (ResultLink.Kind.SITE, "Le service en ligne", challenge.website_url),
    ]
    ResultLink.objects.bulk_create(
        ResultLink(challenge=challenge, sort_order=position, kind=kind, title=title, url=url)
        for position, (kind, title, url) in enumerate(links)
        if url
    )


def _replace_mentors(challenge, mentors):
    wanted = [
        (position, mentor["full_name"], mentor["job_title"], mentor["role"], mentor["consents"])
        for position, mentor in enumerate(mentors)
    ]
    current = list(
        challenge.mentors.values_list(
            "sort_order", "full_name", "job_title", "role", "consents_to_publication"
        )
    )
    if current != wanted:
        challenge.mentors.all().delete()
        Mentor.objects.bulk_create(
            Mentor(
                challenge=challenge,
                sort_order=position,
                full_name=name,
                job_title=job_title,
                role=role,
                consents_to_publication=consents,
            )
            for position, name, job_title, role, consents in wanted
        )


def load_press():
    for entry in press_data.PRESS_ITEMS:
        values = dict(entry)
        PressItem.objects.update_or_create(url=values.pop("url"), defaults=values)


def load_events(cohorts):
    for entry in event_data.EVENTS:
        values = dict(entry)
        values["cohort"] = cohorts.get(values["cohort"])
        Event.objects.update_or_create(
            title=values.pop("title"), starts_on=values.pop("starts_on"), defaults=values
        )


def load_pages():
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        home = _create_home()
    children = [
        ("faq", FaqPage, _faq_fields(page_data.FAQ), True),
        ("reglement", RulesPage, _content_fields(page_data.RULES), True),
        ("mentions-legales", ContentPage, _content_fields(page_data.LEGAL_NOTICE), False),
        ("accessibilite", ContentPage, _content_fields(page_data.ACCESSIBILITY), False),
        ("donnees-personnelles", ContentPage, _content_fields(page_data.PERSONAL_DATA), False),
        ("gestion-des-cookies", ContentPage, _content_fields(page_data.COOKIES), False),
        ("plan-du-site", SitemapPage, {"intro": page_data.SITEMAP["intro"]}, False),
    ]
    for slug, page_class, fields, in_menu in children:
        if not home.get_children().filter(slug=slug).exists():
            title = fields.pop("title", None) or page_data.SITEMAP["title"]
            page = page_class(title=title, slug=slug, show_in_menus=in_menu, **fields)
            home.add_child(instance=page)
            page.save_revision().publish()
    load_news(home)
    load_english_pages(home)
    return home


def load_news(home):
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(slug="actualites", show_in_menus=True, **news_data.NEWS_INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    for entry in news_data.ARTICLES:
        if NewsArticlePage.objects.child_of(index).filter(slug=entry["slug"]).exists():
            continue
        values = dict(entry)
        tags = values.pop("tags")
        article = NewsArticlePage(**{**values, "body": _stream(values["body"])})
        index.add_child(instance=article)
        article.tags.set(tags)
        article.save_revision().publish()


def _create_home():
    site = Site.objects.filter(is_default_site=True).first()
    root = _page_tree_root()
    home = HomePage(slug="accueil", **_home_fields())
    root.add_child(instance=home)
    home.save_revision().publish()
    previous_root = site.root_page if site else None
    if site:
        site.root_page = home
        site.site_name = programme_data.PROGRAMME["name"]
        site.save()
    else:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if previous_root and previous_root.specific_class is Page:
        previous_root.delete()  # Wagtail's placeholder "Welcome" page
    return home


def _page_tree_root():
    """Wagtail's root node, recreated if the database was flushed since the migrations."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    return Page.get_first_root_node() or Page.add_root(
        instance=Page(
            title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)
        )
    )


def _home_fields():
    return {
        "title": page_data.HOME["title"],
        "seo_title": page_data.HOME.get("seo_title", ""),
        "intro": page_data.HOME["intro"],
        "body": _stream(page_data.HOME["body"]),
    }


def _content_fields(data):
    return {"title": data["title"], "intro": data["intro"], "body": _stream(data["body"])}


def _faq_fields(data):
    sections = [
        {
            "type": "section",
            "value": {
                "title": section["title"],
                "questions": [
                    {"question": question, "answer": answer}
                    for question, answer in section["questions"]
                ],
            },
        }
        for section in data["sections"]
    ]
    return {"title": data["title"], "intro": data["intro"], "sections": json.dumps(sections)}


def _stream(blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def load_team_account(home):
    group, _ = Group.objects.get_or_create(name=PROGRAMME_TEAM_GROUP)
    permissions = Permission.objects.filter(content_type__app_label__in=TEAM_APPS) | (
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group.permissions.add(*permissions)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=home,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={
            "email": DEMO_USERNAME,
            "first_name": "Équipe",
            "last_name": "du programme",
            "is_staff": True,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(group)
    return user


def load_demo_second_factor():
    """Known codes for the demo team account, made by `load_demo` only (refused outside DEBUG)."""
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Codes de démonstration", defaults={"confirmed": True}
    )
    known = set(device.token_set.values_list("token", flat=True))
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=token)
        for token in map(normalise_code, DEMO_SECOND_FACTOR_CODES)
        if token not in known
    )
    if device.throttling_failure_count:
        device.throttle_reset()
    return device
