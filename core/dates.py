"""Times as GOV.UK writes them: 9am, 5:30pm, midday, and '11:59pm on 2 January 2027'."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def clock_time(moment):
    local = timezone.localtime(moment)
    if local.minute == 0 and local.hour in (0, 12):
        return _("midnight") if local.hour == 0 else _("midday")
    hour = local.hour % 12 or 12
    minutes = f":{local.minute:02d}" if local.minute else ""
    if local.hour < 12:
        return pgettext("a time before midday, such as 9am", "%(time)sam") % {
            "time": f"{hour}{minutes}"
        }
    return pgettext("a time after midday, such as 5:30pm", "%(time)spm") % {
        "time": f"{hour}{minutes}"
    }


def time_and_date(moment, weekday=False):
    """'9am on 21 November 2026', or with the weekday: '9am on Saturday 21 …'."""
    day = date_format(timezone.localtime(moment), "l j F Y" if weekday else "j F Y")
    return pgettext(
        "a time and a date, such as 9am on 2 January 2027", "%(time)s on %(date)s"
    ) % {
        "time": clock_time(moment),
        "date": day,
    }


def long_date(value):
    """'2 January 2027', for a date or (in UK time) a moment."""
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return date_format(value, "j F Y")
