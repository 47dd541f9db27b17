"""`{% fragment "name" vary_on… %}…{% endfragment %}`: a piece of a public page, rendered once
and kept in the shared cache until what it shows changes (eig.website.purge gives the fragments
a new version on the same saves as the purges) or PUBLIC_CACHE_SECONDS pass.

Only for what every visitor sees alike: nothing personal, nothing with a form token.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language

from eig.website.purge import fragments_version

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        # One fragment per language: the English site's cards are not the French ones.
        vary_on = [
            fragments_version(),
            get_language(),
            *(value.resolve(context) for value in self.vary_on),
        ]
        key = make_template_fragment_key(self.name, vary_on)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.PUBLIC_CACHE_SECONDS)
        return html


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


@register.filter
def pks(objects):
    """What a list of records is, for a fragment's key: the same records, the same fragment."""
    return ",".join(str(obj.pk) for obj in objects)
