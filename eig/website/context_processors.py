from django.utils.functional import SimpleLazyObject


def programme(request):
    """The programme, for the header and footer; loaded only by pages that use it, and kept by
    the process until a change (every page shows it: eig.website.purge)."""
    from eig.website.purge import kept
    from eig.website.selectors import current_programme

    return {"programme": SimpleLazyObject(lambda: kept(request, "programme", current_programme))}


def spaces(request):
    """The signed-in person's spaces, one link per role in the header (eig.website.spaces)."""
    from eig.website.spaces import current_space, spaces_of

    found = SimpleLazyObject(lambda: spaces_of(request))
    return {
        "spaces": found,
        "current_space": SimpleLazyObject(lambda: current_space(request, found)),
    }
