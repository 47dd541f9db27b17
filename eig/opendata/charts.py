"""Charts drawn as inline SVG, each with the table of its figures (its accessible form).

Geometry only, in SVG user units: the templates draw it, and the SVG scales to the page width
through its viewBox. A hidden count (None, see `suppression`) gets no bar and the words of
« masqué » in its place, in the chart as in the table.
"""

from dataclasses import dataclass, field
from html import escape

from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

WIDTH = 720
LABEL_HEIGHT = 20
BAR_HEIGHT = 14
BAR_GAP = 4
ROW_GAP = 14
VALUE_ROOM = 96  # right of the longest bar, for its value or « masqué »
LABEL_MAX_CHARS = 90

# Lines: a plot under its top margin, dates under it, the maximum left of it.
AXIS_ROOM = 44
PLOT_TOP = 16
PLOT_HEIGHT = 200
DATE_ROOM = 32
SERIES_CLASSES = 6  # eig-od-series-0…5 in charts.css, then again


@dataclass(frozen=True)
class Bar:
    series: int
    y: float
    width: float
    value: object  # an int, or None when hidden
    height: int = BAR_HEIGHT

    @property
    def value_y(self):
        return round(self.y + self.height - 2, 1)

    @property
    def css(self):
        return f"eig-od-series-{self.series % SERIES_CLASSES}"


@dataclass(frozen=True)
class Row:
    label: str
    label_y: float
    bars: list
    values: list

    @property
    def svg(self):
        """Its label and bars in the chart, drawn here: the template's loops, then format_html,
        took tens of milliseconds for the few hundred rows of a jury."""
        label = escape(self.label)
        parts = [f'<text class="eig-od-chart__label" x="0" y="{self.label_y}">{label}</text>']
        for bar in self.bars:
            if bar.value is None:
                hidden = escape(str(_("masqué")))
                parts.append(
                    f'<text class="eig-od-chart__hidden" x="0" y="{bar.value_y}">{hidden}</text>'
                )
            else:
                parts.append(
                    f'<rect class="{bar.css}" x="0" y="{bar.y}" width="{bar.width}" '
                    f'height="{bar.height}"></rect><text class="eig-od-chart__value" '
                    f'x="{bar.width}" dx="4" y="{bar.value_y}">{escape(str(bar.value))}</text>'
                )
        return mark_safe("".join(parts))  # noqa: S308 (every text escaped)

    @property
    def cells(self):
        """Its cells in the table, drawn here for the same reason."""
        values = "".join(f"<td>{table_value(value)}</td>" for value in self.values)
        return mark_safe(f'<th scope="row">{escape(self.label)}</th>{values}')  # noqa: S308


def table_value(value):
    """A count as the table shows it: « masqué » when hidden, else as Django localizes it (below
    1,000 that is its digits, written without localize: it was most of a row's cost)."""
    if value is None:
        return escape(str(_("masqué")))
    if isinstance(value, int) and -1000 < value < 1000:
        return str(value)
    return escape(localize(value))


def short_label(label):
    label = str(label)
    # Truncator costs more than the rest of a row: only for the labels that need it.
    return label if len(label) <= LABEL_MAX_CHARS else Truncator(label).chars(LABEL_MAX_CHARS)


@dataclass
class BarChart:
    """A horizontal bar per series under each label; `rows` as (label, [value per series])."""

    id: str
    title: str  # what the chart shows, read by screen readers before the table
    caption: str  # the table's
    label_header: str
    series: list
    rows: list = field(default_factory=list)
    height: float = 0
    width: int = WIDTH

    @classmethod
    def of(cls, *, id, title, caption, label_header, series, rows):
        chart = cls(id, title, caption, label_header, list(series))
        values = [value for _label, row_values in rows for value in row_values if value]
        scale = (WIDTH - VALUE_ROOM) / max([*values, 1])
        top = 0
        for label, row_values in rows:
            bars = []
            y = top + LABEL_HEIGHT
            for index, value in enumerate(row_values):
                bars.append(Bar(index, round(y, 1), round((value or 0) * scale, 1), value))
                y += BAR_HEIGHT + BAR_GAP
            chart.rows.append(Row(short_label(label), top + 14, bars, row_values))
            top = y + ROW_GAP
        chart.height = round(top, 1)
        return chart


@dataclass(frozen=True)
class Line:
    series: int
    label: str
    points: str  # for <polyline points="…">
    last_x: float
    last_y: float
    last_value: int

    @property
    def css(self):
        return f"eig-od-series-{self.series % SERIES_CLASSES}"


@dataclass
class LineChart:
    """Cumulative counts, one line per series, on a shared axis of days (0 = the first day)."""

    id: str
    title: str
    caption: str
    day_header: str
    series: list
    table: list  # (day, [value per series or None past its end])
    lines: list
    ticks: list  # (x, day)
    maximum: int
    baseline: float = PLOT_TOP + PLOT_HEIGHT
    top: float = PLOT_TOP
    left: int = AXIS_ROOM
    width: int = WIDTH
    height: float = PLOT_TOP + PLOT_HEIGHT + DATE_ROOM

    @classmethod
    def of(cls, *, id, title, caption, day_header, series):
        """`series`: (label, [cumulative count on each day from the first]) in order."""
        days = max([len(values) for _label, values in series] + [1])
        maximum = max([values[-1] for _label, values in series if values] + [1])
        step = (WIDTH - AXIS_ROOM - VALUE_ROOM) / max(days - 1, 1)
        baseline = PLOT_TOP + PLOT_HEIGHT

        def point(day, value):
            return round(AXIS_ROOM + day * step, 1), round(
                baseline - value * PLOT_HEIGHT / maximum, 1
            )

        lines = []
        for index, (label, values) in enumerate(series):
            if not values:
                continue
            points = [point(day, value) for day, value in enumerate(values)]
            lines.append(
                Line(
                    index,
                    label,
                    " ".join(f"{x},{y}" for x, y in points),
                    *points[-1],
                    values[-1],
                )
            )
        every = max(days // 8, 1)
        ticks = [(point(day, 0)[0], day) for day in range(0, days, every)]
        table = [
            (day, [values[day] if day < len(values) else None for _label, values in series])
            for day in range(days)
        ]
        return cls(
            id,
            title,
            caption,
            day_header,
            [label for label, _v in series],
            table,
            lines,
            ticks,
            maximum,
        )
