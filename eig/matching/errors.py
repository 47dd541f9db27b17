"""The one exception of the matching engine beyond plain ``ValueError``."""


class Infeasible(ValueError):
    """The constraints admit no solution at all.

    Raised by ``form_teams`` and ``assign_reviewers``. The message, in French since the
    programme team reads it, names the cause: which défi, application or reviewer, which
    constraint and the numbers involved. It is never a bare solver status.

    It subclasses ``ValueError`` because an infeasible instance is, for the caller, bad
    input that no algorithm can fix; catch ``Infeasible`` first to tell "no solution
    exists" apart from "the input is malformed" (plain ``ValueError``).
    """
