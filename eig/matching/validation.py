"""Input checks shared by the solvers: each raises ``ValueError`` naming the offending entry.

Messages are in French: they reach the programme team through the ``match`` command.
"""

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import ArrayLike


def enumerate_fr(items: Sequence[object], limit: int = 8) -> str:
    """``"a, b et c"``; past ``limit`` items, ``"a, b, … et 5 autres"``; none: ``"aucun"``."""
    if not items:
        return "aucun"
    shown = [str(item) for item in items[:limit]]
    hidden = len(items) - len(shown)
    if hidden:
        return f"{', '.join(shown)} et {hidden} autre{'s' if hidden > 1 else ''}"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} et {shown[-1]}"


def first_true(mask: np.ndarray) -> tuple[int, ...]:
    """Index of the first True cell of ``mask`` (row-major), which the caller knows exists."""
    return tuple(int(i) for i in np.unravel_index(int(np.argmax(mask)), mask.shape))


def float_matrix(name: str, value: ArrayLike) -> np.ndarray:
    """``value`` as a 2-D float array; rejects anything else, such as a ragged list."""
    try:
        matrix = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} : tableau de nombres attendu ({error})") from None
    if matrix.ndim != 2:
        raise ValueError(
            f"{name} : tableau à 2 dimensions attendu, reçu {matrix.ndim} dimension(s)"
        )
    return matrix


def bool_matrix(name: str, value: ArrayLike, shape: tuple[int, int]) -> np.ndarray:
    """``value`` as a boolean array of ``shape``; integers 0/1 are refused to avoid mix-ups."""
    matrix = np.asarray(value)
    if matrix.dtype != np.bool_:
        raise ValueError(f"{name} : tableau de booléens attendu, reçu le type {matrix.dtype}")
    if matrix.shape != shape:
        raise ValueError(f"{name} : forme {matrix.shape} attendue {shape}")
    return matrix


def check_finite(name: str, matrix: np.ndarray, where: np.ndarray | None = None) -> None:
    """Refuse NaN and infinities (only in the cells ``where`` is True, if given)."""
    bad = ~np.isfinite(matrix)
    if where is not None:
        bad &= where
    if bad.any():
        cell = first_true(bad)
        raise ValueError(f"{name}[{cell[0]}, {cell[1]}] n'est pas un nombre fini : {matrix[cell]}")


def per_item_counts(name: str, value: ArrayLike, count: int) -> np.ndarray:
    """A non-negative integer per item, given as one integer for all or a sequence of ``count``."""
    if isinstance(value, bool):
        raise ValueError(f"{name} : entier attendu, reçu {value!r}")
    array = np.asarray(value)
    if array.ndim == 0:
        array = np.full(count, array)
    if array.ndim != 1 or array.size != count:
        raise ValueError(f"{name} : un entier ou une liste de {count} entiers attendu")
    if array.dtype == np.bool_ or not np.issubdtype(array.dtype, np.integer):
        raise ValueError(f"{name} : entiers attendus, reçu le type {array.dtype}")
    if (array < 0).any():
        index = int(np.argmax(array < 0))
        raise ValueError(f"{name}[{index}] : valeur négative ({array[index]})")
    return array.astype(np.int64)


def index_pairs(
    name: str, pairs: Iterable[tuple[int, int]], shape: tuple[int, int]
) -> list[tuple[int, int]]:
    """``pairs`` as distinct (row, column) integers within ``shape``, in input order."""
    checked: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for pair in pairs:
        if not (isinstance(pair, Sequence) and len(pair) == 2):
            raise ValueError(f"{name} : couple (candidat, défi) attendu, reçu {pair!r}")
        row, column = pair
        for index, size, label in ((row, shape[0], "candidat"), (column, shape[1], "défi")):
            if not isinstance(index, int | np.integer) or isinstance(index, bool):
                raise ValueError(f"{name} : indice de {label} entier attendu dans {pair!r}")
            if not 0 <= index < size:
                raise ValueError(f"{name} : {label} {index} hors limites dans {pair!r}")
        key = (int(row), int(column))
        if key in seen:
            raise ValueError(f"{name} : le couple {key} apparaît deux fois")
        seen.add(key)
        checked.append(key)
    return checked


def count_fr(number: int, singular: str, plural: str) -> str:
    """``"1 candidat"``, ``"0 candidat"``, ``"3 candidats"`` (French: 0 and 1 are singular)."""
    return f"{number} {singular if number <= 1 else plural}"


def integral(values: np.ndarray) -> np.ndarray:
    """Round a solver's vector, refusing any value farther than 1e-6 from an integer."""
    rounded = np.round(values)
    if np.abs(values - rounded).max(initial=0) > 1e-6:
        raise RuntimeError("HiGHS a renvoyé une solution non entière")
    return rounded.astype(np.int64)
