"""The bar charts' rows: labels and counts as the table shows them."""

from django.utils import translation
from django.utils.formats import localize

from eig.opendata.charts import LABEL_MAX_CHARS, BarChart


def chart(rows):
    return BarChart.of(
        id="essai", title="", caption="", label_header="", series=["a", "b"], rows=rows
    )


def test_counts_are_written_as_django_localizes_them_and_hidden_ones_say_so():
    with translation.override("fr"):
        rows = chart([("Défi", [999, 12345]), ("Autre", [None, 0])]).rows
        first, second = rows[0].cells, rows[1].cells
        expected = f"<td>999</td><td>{localize(12345)}</td>"

    assert first == f'<th scope="row">Défi</th>{expected}'
    assert second == '<th scope="row">Autre</th><td>masqué</td><td>0</td>'


def test_a_label_is_cut_only_past_its_room():
    fits = "d" * LABEL_MAX_CHARS
    long = "x" * (LABEL_MAX_CHARS + 10)

    rows = chart([(fits, [1, 1]), (long, [1, 1])]).rows

    assert rows[0].label == fits
    assert len(rows[1].label) == LABEL_MAX_CHARS and rows[1].label.endswith("…")
