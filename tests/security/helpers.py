"""Reading the Content-Security-Policy header in the tests."""


def directives(policy):
    """The policy as {directive: [sources]}: django-csp writes the directives in no fixed
    order (a set's), so the tests look them up by name."""
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}
