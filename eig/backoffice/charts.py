"""The geometry of the back office's bar charts, which the templates draw as inline SVG.

Coordinates are SVG user units; the SVG scales to the width of the page through its viewBox.
"""

import datetime
import math
from dataclasses import dataclass

from django.utils.text import Truncator

WIDTH = 720

# Défis: two bars under each name.
ROW_HEIGHT = 64
BAR_HEIGHT = 14
VALUE_ROOM = 48  # right of the longest bar, for its value
LABEL_MAX_CHARS = 90

# Days: one column each.
AXIS_ROOM = 36  # left of the columns, for the maximum
PLOT_TOP = 24
PLOT_HEIGHT = 180
DATE_ROOM = 28  # under the columns, for the dates
MAX_DATES = 12
MIN_SLOT_FOR_VALUES = 20


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int

    def __post_init__(self):
        # A tenth of a unit is finer than a pixel, and keeps the markup short.
        for side in ("x", "y", "width", "height"):
            object.__setattr__(self, side, round(getattr(self, side), 1))

    @property
    def right(self):
        return round(self.x + self.width, 1)

    @property
    def bottom(self):
        return round(self.y + self.height, 1)


@dataclass(frozen=True)
class ChallengeRow:
    label: str
    label_y: float
    choices: Bar
    first_choices: Bar


@dataclass(frozen=True)
class ChallengeChart:
    height: float
    rows: list[ChallengeRow]
    width: int = WIDTH


@dataclass(frozen=True)
class DayColumn:
    day: datetime.date
    bar: Bar
    center: float
    shows_date: bool  # one day in a few is dated on the axis, so that dates never overlap


@dataclass(frozen=True)
class DayChart:
    height: float
    baseline: float
    top: float  # the level of `maximum`
    maximum: int
    columns: list[DayColumn]
    shows_values: bool  # above each column, when columns are wide enough for them
    left: int = AXIS_ROOM
    width: int = WIDTH


def challenge_chart(counts):
    """For each défi (stats.ChallengeCount), a bar for all its choices, then one for first ones."""
    scale = (WIDTH - VALUE_ROOM) / max([count.choices for count in counts] + [1])
    rows = []
    for index, count in enumerate(counts):
        top = index * ROW_HEIGHT
        second_bar_y = top + 24 + BAR_HEIGHT + 4
        rows.append(
            ChallengeRow(
                label=Truncator(count.challenge).chars(LABEL_MAX_CHARS),
                label_y=top + 16,
                choices=Bar(0, top + 24, count.choices * scale, BAR_HEIGHT, count.choices),
                first_choices=Bar(
                    0, second_bar_y, count.first_choices * scale, BAR_HEIGHT, count.first_choices
                ),
            )
        )
    return ChallengeChart(height=len(counts) * ROW_HEIGHT, rows=rows)


def day_chart(counts):
    """A column for each day (stats.DayCount), as high as its number of applications."""
    maximum = max([count.applications for count in counts] + [1])
    slot = (WIDTH - AXIS_ROOM) / max(len(counts), 1)
    dated_every = max(math.ceil(len(counts) / MAX_DATES), 1)
    baseline = PLOT_TOP + PLOT_HEIGHT
    columns = []
    for index, count in enumerate(counts):
        height = count.applications * PLOT_HEIGHT / maximum
        left = AXIS_ROOM + index * slot
        bar = Bar(left + slot * 0.15, baseline - height, slot * 0.7, height, count.applications)
        columns.append(
            DayColumn(
                day=count.day,
                bar=bar,
                center=round(left + slot / 2, 1),
                shows_date=index % dated_every == 0,
            )
        )
    return DayChart(
        height=baseline + DATE_ROOM,
        baseline=baseline,
        top=PLOT_TOP,
        maximum=maximum,
        columns=columns,
        shows_values=slot >= MIN_SLOT_FOR_VALUES,
    )
