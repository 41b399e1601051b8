"""The 0–18 point scale of the juristische Prüfungen (JurPrNotSkV), in exact arithmetic.

§ 1 JurPrNotSkV gives every whole point value its name; § 2 computes averages to two decimals,
cut off (not rounded), and names them by the band edges 14.00 / 11.50 / 9.00 / 6.50 / 4.00 /
1.50. Everything here is Fraction or Decimal: a share of 17/18 gives exactly 17 points, never
16.999… rounded down.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

MAX_POINTS = 18

# § 1 JurPrNotSkV: the lowest point value of each name.
_POINT_BANDS: tuple[tuple[int, str], ...] = (
    (16, "sehr gut"),
    (13, "gut"),
    (10, "vollbefriedigend"),
    (7, "befriedigend"),
    (4, "ausreichend"),
    (1, "mangelhaft"),
    (0, "ungenügend"),
)

# § 2 JurPrNotSkV: the band edges of averages.
_AVERAGE_BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal("14.00"), "sehr gut"),
    (Decimal("11.50"), "gut"),
    (Decimal("9.00"), "vollbefriedigend"),
    (Decimal("6.50"), "befriedigend"),
    (Decimal("4.00"), "ausreichend"),
    (Decimal("1.50"), "mangelhaft"),
    (Decimal("0.00"), "ungenügend"),
)

Number = int | Decimal | Fraction | float | str


def points_label(points: int) -> str:
    """The name of a whole point value, § 1 JurPrNotSkV: 16–18 sehr gut … 0 ungenügend."""
    if isinstance(points, bool) or not isinstance(points, int):
        raise TypeError(f"points must be a whole number from 0 to 18, got {points!r}")
    if not 0 <= points <= MAX_POINTS:
        raise ValueError(f"points must be from 0 to 18, got {points}")
    return next(label for lowest, label in _POINT_BANDS if points >= lowest)


def average_label(value: Decimal | Fraction | int) -> str:
    """The name of an average (§ 2 JurPrNotSkV), by the band edges 14.00 / 11.50 / … / 1.50."""
    exact = _exact(value)
    if not 0 <= exact <= MAX_POINTS:
        raise ValueError(f"an average must be from 0 to 18, got {value}")
    return next(label for edge, label in _AVERAGE_BANDS if exact >= Fraction(edge))


def truncate_two_decimals(value: Fraction | Decimal | int) -> Decimal:
    """Two decimals, cut off (§ 2 JurPrNotSkV: "ohne Rundung"): 13.999 → 13.99."""
    exact = _exact(value)
    hundredths = math.floor(exact * 100) if exact >= 0 else math.ceil(exact * 100)
    return (Decimal(hundredths) / Decimal(100)).quantize(Decimal("0.01"))


def average(points: Iterable[Number]) -> tuple[Decimal, str]:
    """The average of several point values as § 2 JurPrNotSkV computes it, with its name.

    The mean is exact (a Fraction), then cut off after two decimals: average([14, 14, 13])
    is 13.66 (13.666… cut off), named "gut". Values may be whole points or earlier averages
    (Decimal, Fraction, int, or a decimal string); a float is read by its shortest repr.
    """
    values = [_exact(p) for p in points]
    if not values:
        raise ValueError("an average needs at least one point value")
    for value in values:
        if not 0 <= value <= MAX_POINTS:
            raise ValueError(f"point values must be from 0 to 18, got {float(value):g}")
    mean = truncate_two_decimals(sum(values, Fraction(0)) / len(values))
    return mean, average_label(mean)


def average_text(points: Iterable[Number]) -> str:
    """The average as a German text: the value with a decimal comma and its name,
    average_text([9, 9, 8]) == "8,66 (befriedigend)"."""
    mean, label = average(points)
    return f"{str(mean).replace('.', ',')} ({label})"


def points_for_share(share: Fraction) -> int:
    """Whole points for a share of the achievable score: floor(18 × share), exactly.

    A point is only given once it is fully earned (the same "cut off" as § 2): 17/18 of the
    score is exactly 17 points, anything less is 16. The share is clamped to 0..1.
    """
    share = min(max(Fraction(share), Fraction(0)), Fraction(1))
    return math.floor(share * MAX_POINTS)


def _exact(value: Number) -> Fraction:
    if isinstance(value, bool):
        raise TypeError(f"expected a number of points, got {value!r}")
    if isinstance(value, Fraction | int):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"expected a finite number of points, got {value}")
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number of points, got {value}")
        return Fraction(Decimal(repr(value)))
    if isinstance(value, str):
        try:
            return _exact(Decimal(value.strip().replace(",", ".")))
        except ArithmeticError:
            raise ValueError(f"cannot read {value!r} as a number of points") from None
    raise TypeError(f"expected a number of points, got {value!r}")


def format_units(value: Fraction) -> str:
    """A number of units in German notation, at most two decimals: 8, 2,67, 0,4."""
    if value.denominator == 1:
        return str(value.numerator)
    rounded = round(value, 2)
    text = f"{float(rounded):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
