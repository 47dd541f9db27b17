"""What the apps above the applications hold about a candidate, gathered without importing them.

An app holding data about an application (its audition, its decisions, the jury's work...)
declares it in its own `personal_data.py` module: a subclass of `Holder`, decorated with
`@register`. The candidate's data export adds what each holder exports, and the retention
(eig.applications.retention) asks each holder to erase its free texts when it anonymises an
application. The modules are found the way Django finds `admin.py` modules.
"""

from django.utils.module_loading import autodiscover_modules

_holders = []
_discovered = False


class Holder:
    """The data an app holds about applications; `key` names its part of each exported one."""

    key = ""

    def export(self, application):
        """What the candidate gets in their export (JSON-ready), or None for nothing to export."""
        return None

    def erase(self, application_ids):
        """Blank the names and free texts kept about these applications (a list of their ids)."""


def register(holder_class):
    _holders.append(holder_class())
    return holder_class


def holders():
    global _discovered
    if not _discovered:
        autodiscover_modules("personal_data")
        _discovered = True
    return list(_holders)
