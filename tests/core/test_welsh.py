"""The shared words in Welsh: times and dates as GOV.UK Welsh writes them, waits,
the date input's messages and the breadcrumbs' first step."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.dates import time_and_date
from core.forms import GovukDateField
from core.ratelimit import wait_in_words

UK = ZoneInfo("Europe/London")


def test_a_time_and_date_read_in_welsh():
    with translation.override("cy"):
        assert (
            time_and_date(datetime(2027, 1, 2, 9, tzinfo=UK)) == "9yb ar 2 Ionawr 2027"
        )
        assert time_and_date(datetime(2027, 1, 2, 17, 30, tzinfo=UK)).startswith(
            "5:30yp ar "
        )
        assert time_and_date(datetime(2027, 1, 2, 12, tzinfo=UK)).startswith(
            "canol dydd ar "
        )


def test_a_time_and_date_stay_in_english_by_default():
    assert time_and_date(datetime(2027, 1, 2, 9, tzinfo=UK)) == "9am on 2 January 2027"


def test_a_wait_is_said_in_welsh():
    with translation.override("cy"):
        assert wait_in_words(30) == "30 eiliad"
        assert wait_in_words(600) == "10 munud"


def test_a_date_typed_in_part_is_refused_in_welsh():
    field = GovukDateField()

    with translation.override("cy"), pytest.raises(ValidationError) as refusal:
        field.clean(["2", "", "2027"])

    assert refusal.value.messages == ["Y dyddiad: rhaid cynnwys mis"]
