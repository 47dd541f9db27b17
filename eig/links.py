"""Links in plain-text e-mails: a path typed alone ("/donnees-personnelles/") is written out
with the site's public address, since a mail reader has no page to resolve it against."""

import re

from django.conf import settings

# A path standing alone: at the start of a line, after a space, a bracket or a quote; never
# inside "et/ou", "1/2", "</b>" nor an address that already has its site.
RELATIVE_PATH = re.compile(r"(?<![^\s(\[«\"'])/(?=[\w-])[\w\-./~%?=&#+]*")
# Punctuation that ends a sentence after a path, not part of it.
TRAILING = ".,;:!?"


def absolute_links(text, site_url=None):
    """`text` with each path standing alone prefixed by `site_url` (SITE_URL by default)."""
    site = (site_url or settings.SITE_URL).rstrip("/")

    def absolute(match):
        path = match[0]
        tail = ""
        while path[-1] in TRAILING:
            path, tail = path[:-1], path[-1] + tail
        return site + path + tail

    return RELATIVE_PATH.sub(absolute, text)
