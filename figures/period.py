"""The period a figures page covers: chosen by GOV.UK date inputs, the last 12
months unless asked otherwise. A bad date is shown by its field and the default
stands in for it, so the page always has figures to show."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import long_date
from core.forms import GovukDateField

HINT = _("For example, 1 4 2026")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def last_twelve_months(cls, today=None):
        today = today or timezone.localdate()
        try:
            start = today.replace(year=today.year - 1) + timedelta(days=1)
        except ValueError:  # 29 February
            start = today.replace(year=today.year - 1, day=28) + timedelta(days=1)
        return cls(start, today)

    @property
    def starts_at(self):
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def ends_before(self):
        """The first moment after the period, in UK time."""
        return timezone.make_aware(
            datetime.combine(self.end + timedelta(days=1), time.min)
        )

    def moments(self):
        """For a `__range`-like filter on a moment: start <= moment < ends_before."""
        return {"gte": self.starts_at, "lt": self.ends_before}

    @property
    def key(self):
        return f"{self.start.isoformat()}:{self.end.isoformat()}"

    def __str__(self):
        return gettext("%(start)s to %(end)s") % {
            "start": long_date(self.start),
            "end": long_date(self.end),
        }

    def query(self):
        """The query string that chooses this period again."""
        return (
            f"date_from_day={self.start.day}&date_from_month={self.start.month}"
            f"&date_from_year={self.start.year}&date_to_day={self.end.day}"
            f"&date_to_month={self.end.month}&date_to_year={self.end.year}"
        )


class PeriodForm(forms.Form):
    date_from = GovukDateField(label=_("From"), required=False, help_text=HINT)
    date_to = GovukDateField(label=_("To"), required=False, help_text=HINT)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", gettext("To must be the same as or after From"))
        return cleaned


def chosen_period(query):
    """The form (to show, errors and all) and the period it chose."""
    default = Period.last_twelve_months()
    form = PeriodForm(query)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    start = cleaned.get("date_from") if "date_from" not in form.errors else None
    end = cleaned.get("date_to") if "date_to" not in form.errors else None
    end = end or default.end
    start = start or Period.last_twelve_months(end).start
    if end < start:
        start, end = default.start, default.end
    return form, Period(start, end)
