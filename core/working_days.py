"""Working days, for "waiting more than N working days": Monday to Friday, less bank
holidays in England and Wales (England's list: Wales keeps the same days)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone

LONDON = ZoneInfo("Europe/London")
WEEKEND = {5, 6}
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG")


def is_working_day(day):
    return day.weekday() not in WEEKEND and day not in BANK_HOLIDAYS


def waited_since(working_days, now=None):
    """Anything from before this moment has waited more than `working_days`.

    Counting the working days after the day it started, up to and including
    today: on the (N+1)th it has waited more than N.
    """
    today = timezone.localtime(now or timezone.now(), LONDON).date()
    day, counted = today, 0
    while True:
        if is_working_day(day):
            counted += 1
            if counted == working_days + 1:
                break
        day -= timedelta(days=1)
    # Started on any day before that (N+1)th working day back.
    return datetime.combine(day, time.min, tzinfo=LONDON)
