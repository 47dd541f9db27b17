"""The times of a group's hearings, as pure functions on plain values (no database).

A hearing is reading, pitch, questions and deliberation, one after the other. A break comes
as soon as the next hearing would carry the time worked since the last break beyond
`break_every` minutes: with the default 40-minute hearings, a break after each one.
"""

import datetime
import zoneinfo

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def hearing_times(first_start, count, *, length, pause, every):
    """(start, end) of `count` hearings from `first_start` (aware), breaks included. O(count)."""
    times, start, worked = [], first_start, 0
    for _index in range(count):
        if worked and worked + length > every:
            start += datetime.timedelta(minutes=pause)
            worked = 0
        end = start + datetime.timedelta(minutes=length)
        times.append((start, end))
        start, worked = end, worked + length
    return times


def hearings_that_fit(starts, ends, *, length, pause, every):
    """How many hearings fit between two wall-clock instants (aware datetimes)."""
    count = 0
    while True:
        times = hearing_times(starts, count + 1, length=length, pause=pause, every=every)
        if times[-1][1] > ends:
            return count
        count += 1


def half_day_of(calendar, moment):
    """(start, end) of the half-day holding `moment` (aware), in Paris time; None outside."""
    local = moment.astimezone(PARIS)
    for opens, closes in (
        (calendar.morning_starts, calendar.morning_ends),
        (calendar.afternoon_starts, calendar.afternoon_ends),
    ):
        start = datetime.datetime.combine(local.date(), opens, tzinfo=PARIS)
        end = datetime.datetime.combine(local.date(), closes, tzinfo=PARIS)
        if start <= local < end:
            return start, end
    return None


def half_days(calendar, first_day, last_day):
    """Every half-day (start, end) from `first_day` to `last_day`, in order."""
    days = (last_day - first_day).days + 1
    found = []
    for offset in range(max(days, 0)):
        day = first_day + datetime.timedelta(days=offset)
        for opens, closes in (
            (calendar.morning_starts, calendar.morning_ends),
            (calendar.afternoon_starts, calendar.afternoon_ends),
        ):
            found.append(
                (
                    datetime.datetime.combine(day, opens, tzinfo=PARIS),
                    datetime.datetime.combine(day, closes, tzinfo=PARIS),
                )
            )
    return found
