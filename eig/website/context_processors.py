from django.utils.functional import SimpleLazyObject


def programme(request):
    """The programme, for the header and footer; loaded only by pages that use it."""
    from eig.website.selectors import current_programme

    return {"programme": SimpleLazyObject(current_programme)}
