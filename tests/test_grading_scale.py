"""The 0–18 scale: § 1 JurPrNotSkV names of every point value, § 2 averages (cut off, not
rounded, band edges 14.00 / 11.50 / 9.00 / 6.50 / 4.00 / 1.50), and share → points."""

from decimal import Decimal
from fractions import Fraction

import pytest

from lawkit.grading.scale import average, average_label, points_for_share, points_label, truncate_two_decimals

EXPECTED_LABELS = {
    0: "ungenügend",
    1: "mangelhaft", 2: "mangelhaft", 3: "mangelhaft",
    4: "ausreichend", 5: "ausreichend", 6: "ausreichend",
    7: "befriedigend", 8: "befriedigend", 9: "befriedigend",
    10: "vollbefriedigend", 11: "vollbefriedigend", 12: "vollbefriedigend",
    13: "gut", 14: "gut", 15: "gut",
    16: "sehr gut", 17: "sehr gut", 18: "sehr gut",
}


@pytest.mark.parametrize(("points", "label"), sorted(EXPECTED_LABELS.items()))
def test_label_of_every_point_value(points, label):
    assert points_label(points) == label


@pytest.mark.parametrize("bad", [-1, 19, 100])
def test_points_outside_the_scale_are_refused(bad):
    with pytest.raises(ValueError, match="from 0 to 18"):
        points_label(bad)


@pytest.mark.parametrize("bad", [True, 12.0, "12", None])
def test_points_must_be_whole_numbers(bad):
    with pytest.raises(TypeError):
        points_label(bad)


@pytest.mark.parametrize(("values", "mean", "label"), [
    ([14, 14, 13], "13.66", "gut"),            # 13.666… cut off, not rounded to 13.67
    ([Decimal("13.999")], "13.99", "gut"),      # stays below the edge 14.00
    ([14, 14, 14, 13, 15], "14.00", "sehr gut"),
    ([12, 11], "11.50", "gut"),                 # exactly on the edge 11.50
    ([12, 11, 11], "11.33", "vollbefriedigend"),
    ([9, 9, 8, 10], "9.00", "vollbefriedigend"),
    ([9, 8, 8], "8.33", "befriedigend"),
    ([7, 6], "6.50", "befriedigend"),
    ([6, 6, 7], "6.33", "ausreichend"),
    ([4, 4, 3], "3.66", "mangelhaft"),
    ([4], "4.00", "ausreichend"),
    ([2, 1], "1.50", "mangelhaft"),
    ([1, 1, 2], "1.33", "ungenügend"),
    ([0], "0.00", "ungenügend"),
    ([18, 18, 17], "17.66", "sehr gut"),
])
def test_average_as_paragraph_2_computes_it(values, mean, label):
    assert average(values) == (Decimal(mean), label)


def test_average_text_names_the_truncated_value_with_a_decimal_comma():
    from lawkit.grading.scale import average_text

    assert average_text([9, 9, 8]) == "8,66 (befriedigend)"
    assert average_text([12, 11]) == "11,50 (gut)"
    assert average_text([18]) == "18,00 (sehr gut)"


def test_average_of_many_values_is_exact():
    # 1/3 of a point above 11: 34/3 = 11.333…; a float sum of 0.1-steps would drift
    assert average([11] * 2 + [12])[0] == Decimal("11.33")
    assert average([Fraction(23, 2), Fraction(23, 2)]) == (Decimal("11.50"), "gut")
    assert average(["13,999"]) == (Decimal("13.99"), "gut")
    assert average([13.999]) == (Decimal("13.99"), "gut")


def test_average_refuses_empty_and_out_of_range():
    with pytest.raises(ValueError, match="at least one"):
        average([])
    with pytest.raises(ValueError, match="from 0 to 18"):
        average([19])
    with pytest.raises(ValueError, match="cannot read"):
        average(["viel"])


@pytest.mark.parametrize(("edge", "below"), [
    ("14.00", "13.99"), ("11.50", "11.49"), ("9.00", "8.99"), ("6.50", "6.49"),
    ("4.00", "3.99"), ("1.50", "1.49"),
])
def test_band_edges(edge, below):
    assert average_label(Decimal(edge)) != average_label(Decimal(below))


def test_truncation_never_rounds_up():
    assert truncate_two_decimals(Fraction(2, 3)) == Decimal("0.66")
    assert truncate_two_decimals(Fraction(1799, 100)) == Decimal("17.99")


@pytest.mark.parametrize(("share", "points"), [
    (Fraction(1), 18), (Fraction(17, 18), 17), (Fraction(17, 18) - Fraction(1, 10**9), 16),
    (Fraction(1, 2), 9), (Fraction(1, 18), 1), (Fraction(1, 19), 0), (Fraction(0), 0),
    (Fraction(2, 3), 12), (Fraction(7, 10), 12), (Fraction(13, 18), 13),
])
def test_points_for_share_is_floor_of_18_times_share(share, points):
    assert points_for_share(share) == points
