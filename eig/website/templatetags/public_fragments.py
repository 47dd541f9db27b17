"""`{% fragment "name" vary_on… %}…{% endfragment %}`: a piece of a public page, rendered once
and kept in the shared cache until what it shows changes (eig.website.purge gives the fragments
a new version on the same saves as the purges) or PUBLIC_CACHE_SECONDS pass.

Only for what every visitor sees alike: nothing personal, nothing with a form token.

A page costs one cache round-trip, whatever its fragments: the version is read once per request,
and each process keeps its own copy of the fragments of the current version (bounded), so that
only the first request of a process after a change reads them from the shared cache.
"""

import time

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.timezone import localdate
from django.utils.translation import get_language

from eig.website.purge import request_fragments_version

register = template.Library()

# This process's copies: key -> (expiry, html), for one version (a new one empties them).
MAX_COPIES = 500
_copies = {}
_copies_version = None


def _copy(version, key, now):
    global _copies_version
    if version != _copies_version:
        _copies.clear()
        _copies_version = version
    stored = _copies.get(key)
    return stored if stored is not None and stored[0] > now else None


def forget_copies():
    """For a process whose shared cache went back in time (a test's rolled-back writes)."""
    _copies.clear()


def _keep(key, stored):
    if len(_copies) >= MAX_COPIES:  # many filtered lists: start again rather than grow
        _copies.clear()
    _copies[key] = stored


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        if getattr(getattr(context, "request", None), "is_preview", False):
            return self.nodelist.render(context)  # an editor's draft, not the live page
        version = request_fragments_version(getattr(context, "request", None))
        # One fragment per language (the English site's cards are not the French ones) and per
        # day (what is upcoming and what is past).
        vary_on = [
            version,
            get_language(),
            localdate().isoformat(),
            *(value.resolve(context) for value in self.vary_on),
        ]
        key = make_template_fragment_key(self.name, vary_on)
        now = time.time()
        stored = _copy(version, key, now)
        if stored is None:
            # Stored with its expiry, so that a copy does not outlive the shared one.
            stored = cache.get(key)
            if stored is None or stored[0] <= now:
                html = self.nodelist.render(context)
                stored = (now + settings.PUBLIC_CACHE_SECONDS, html)
                cache.set(key, stored, settings.PUBLIC_CACHE_SECONDS)
            _keep(key, stored)
        return stored[1]


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]]
    )
