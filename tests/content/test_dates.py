import datetime as dt

import pytest

from generator.content.dates import FuzzyDate, parse_fuzzy_date


@pytest.mark.parametrize("text,shown,precision", [
    ("2022-02-11", "11 Feb 2022", "day"),
    ("2023-11", "Nov 2023", "month"),
    ("2021", "2021", "year"),
])
def test_precision_is_kept_for_display(text, shown, precision):
    d = parse_fuzzy_date(text)
    assert d.display() == shown
    assert d.precision == precision
    assert d.iso() == text


def test_approximate_dates_are_marked():
    assert parse_fuzzy_date("2023-11", approximate=True).display() == "c. Nov 2023"


def test_date_objects_are_accepted_and_datetimes_refused():
    assert parse_fuzzy_date(dt.date(2022, 1, 3)) == FuzzyDate(2022, 1, 3)
    with pytest.raises(ValueError, match="time"):
        parse_fuzzy_date(dt.datetime(2022, 1, 3, 23, 30))


@pytest.mark.parametrize("bad", ["2022-02-30", "2023-02-29", "2022-13", "2022-00-10",
                                 "11/02/2022", "Feb 2022", "", "2022-2-1", "0000"])
def test_impossible_or_malformed_dates_are_refused(bad):
    with pytest.raises(ValueError):
        parse_fuzzy_date(bad)


def test_leap_day_is_a_real_date():
    assert parse_fuzzy_date("2024-02-29").display() == "29 Feb 2024"


def test_month_sorts_before_its_days_and_after_previous_month():
    days = [parse_fuzzy_date(s) for s in ("2023-11-10", "2023-11", "2023-10-31", "2023",
                                          "2023-11-01", "2022-12")]
    ordered = [d.iso() for d in sorted(days, key=lambda d: d.sort_key)]
    assert ordered == ["2022-12", "2023", "2023-10-31", "2023-11", "2023-11-01", "2023-11-10"]


def test_compatible_dates_contain_each_other():
    month = parse_fuzzy_date("2023-11")
    assert month.compatible(parse_fuzzy_date("2023-11-10"))
    assert not month.compatible(parse_fuzzy_date("2023-12-01"))
    assert month.last_day() == dt.date(2023, 11, 30)
    assert parse_fuzzy_date("2024-02").last_day() == dt.date(2024, 2, 29)
