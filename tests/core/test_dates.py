from datetime import UTC, date, datetime

import pytest

from core.dates import clock_time, long_date, time_and_date


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        # Winter: UK time is UTC.
        (datetime(2027, 1, 2, 9, 0, tzinfo=UTC), "9am"),
        (datetime(2027, 1, 2, 17, 30, tzinfo=UTC), "5:30pm"),
        (datetime(2027, 1, 2, 12, 0, tzinfo=UTC), "midday"),
        (datetime(2027, 1, 2, 0, 0, tzinfo=UTC), "midnight"),
        (datetime(2027, 1, 2, 23, 59, tzinfo=UTC), "11:59pm"),
        # Summer: UK time is an hour ahead.
        (datetime(2026, 7, 1, 8, 5, tzinfo=UTC), "9:05am"),
    ],
)
def test_clock_times_are_written_as_gov_uk_writes_them(utc, expected):
    assert clock_time(utc) == expected


def test_time_and_date_are_in_uk_time():
    # 23:30 UTC on 30 June is 00:30 on 1 July in London.
    moment = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert time_and_date(moment) == "12:30am on 1 July 2026"
    assert time_and_date(moment, weekday=True) == "12:30am on Wednesday 1 July 2026"
    assert long_date(moment) == "1 July 2026"
    assert long_date(date(2027, 1, 2)) == "2 January 2027"
