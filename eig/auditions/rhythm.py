"""The times of a day of auditions, as a pure function on plain data (no Django).

The programme's rhythm: an audition lasts 40 minutes (10 reading the dossier, 5 presentation,
15 questions, 10 deliberation) and "10 minutes of break every 40 minutes" is read as a 10-minute
break after each audition, so auditions start every 50 minutes: 9:00, 9:50, 10:40...
"""

import datetime
import zoneinfo

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
AUDITION_MINUTES = 10 + 5 + 15 + 10
BREAK_MINUTES = 10


def slot_starts(*, day, first_start, count, length=AUDITION_MINUTES, pause=BREAK_MINUTES):
    """The `count` aware start times from `first_start` (a wall-clock time in Paris) on `day`.

    Times follow the wall clock of Paris, one every `length + pause` minutes. O(count).
    """
    first = datetime.datetime.combine(day, first_start)
    step = datetime.timedelta(minutes=length + pause)
    return [(first + index * step).replace(tzinfo=PARIS) for index in range(count)]
