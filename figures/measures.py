"""The figures of a theme or an organisation over a period, computed in the database
and cached a short while. Each figure is a small table (its CSV download, the table
beside its chart) with a sentence saying what it shows."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    DateField,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment

from accounts.models import User
from consultations.models import ConsultationPage
from consultations.models.pages import OUTCOME_DUE_AFTER
from core.aggregates import median_days
from core.charts import Figure
from core.dates import long_date
from core.links import full_url
from core.translation import localize, title_in_language
from events.models import EventPage, MeetingRegistration, MinutesAttendee
from figures.models import SatisfactionAsk
from forums.models import Thread
from gaps.models import DataGap, GapSupport, Status
from themes import roles
from themes.models import Role, ThemeMembership, ThemePage, ThemeRole

# Long enough to spare the database a busy page, short enough that a new answer
# shows within minutes.
CACHE_SECONDS = 10 * 60
MEETINGS_SHOWN = 50
OUTCOMES_SHOWN = 20
NOT_GIVEN = _("Not given")


@dataclass(frozen=True)
class Scope:
    """What the figures are of: a theme, or what an organisation does in the
    themes where it is a producer."""

    key: str
    name: str
    theme_ids: tuple
    organisation: object = None

    @classmethod
    def of_theme(cls, theme):
        # In the reader's language, as the organisation's name: one query in Welsh.
        return cls(f"theme:{theme.pk}", title_in_language(theme), (theme.pk,))

    @classmethod
    def of_organisation(cls, organisation):
        produces_in = ThemeRole.objects.filter(
            organisation=organisation, role=Role.PRODUCER
        ).values("theme")
        themes = roles.public_themes().filter(pk__in=produces_in)
        return cls(
            f"organisation:{organisation.pk}",
            # In the reader's language: the figures are cached in each.
            organisation.localized.name,
            tuple(themes.values_list("pk", flat=True)),
            organisation,
        )


@dataclass
class Figures:
    scope_name: str
    period: object
    figures: list = field(default_factory=list)

    def get(self, slug):
        return next((f for f in self.figures if f.slug == slug), None)


def figures_of(scope, period):
    return cache.get_or_set(
        # Each language its own copy: the titles, sentences and headers are in it.
        f"figures:{scope.key}:{period.key}:{get_language()}",
        lambda: _figures_of(scope, period),
        CACHE_SECONDS,
    )


def _figures_of(scope, period):
    return Figures(
        scope.name,
        period,
        [
            *questions(scope, period),
            *gaps(scope, period),
            consultations(scope, period),
            members(scope, period),
            meetings(scope, period),
            satisfied(scope, period),
            you_said_we_did(scope, period),
        ],
    )


def share(part, whole):
    return f"{round(100 * part / whole)}%" if whole else gettext("none")


def days(value):
    if value is None:
        return gettext("no responses")
    return gettext("%(days)s days") % {"days": value}


def _answered_by(scope):
    """Answered by a producer (by the organisation, for its figures)."""
    if scope.organisation:
        return Q(answered_by=scope.organisation)
    return Q(answered_by__isnull=False)


def questions(scope, period):
    asked = roles.public_posts(
        Thread.objects.filter(
            kind=Thread.Kind.QUESTION,
            theme__in=scope.theme_ids,
            created_at__gte=period.starts_at,
            created_at__lt=period.ends_before,
        )
    )
    counts = asked.aggregate(
        asked=Count("pk"), answered=Count("pk", filter=_answered_by(scope))
    )
    answered_share = share(counts["answered"], counts["asked"])
    # The first public reply by a producer in the thread's theme (of this
    # organisation, for its figures).
    producers = ThemeRole.objects.filter(theme=OuterRef(OuterRef("theme")))
    producers = producers.filter(role=Role.PRODUCER)
    if scope.organisation:
        producers = producers.filter(organisation=scope.organisation)
    first_reply = (
        XtdComment.objects.filter(
            content_type=ContentType.objects.get_for_model(Thread),
            object_pk=Cast(OuterRef("pk"), CharField()),
            is_public=True,
            is_removed=False,
            user__in=producers.values("user"),
        )
        .order_by("submit_date")
        .values("submit_date")[:1]
    )
    timed = asked.annotate(
        first_producer_reply=Subquery(first_reply, output_field=DateTimeField())
    )
    median = median_days(timed, "created_at", "first_producer_reply")
    return [
        Figure(
            "questions",
            gettext("Questions for the producers"),
            gettext("%(asked)s questions asked; %(share)s answered by a producer.")
            % {"asked": counts["asked"], "share": answered_share},
            (gettext("Questions"), gettext("Number")),
            [
                (gettext("Asked"), counts["asked"]),
                (gettext("Answered by a producer"), counts["answered"]),
                (gettext("Not answered"), counts["asked"] - counts["answered"]),
            ],
        ),
        _response_times(scope, period, median),
    ]


def _scope_gaps(scope):
    gaps = DataGap.objects.filter(theme__in=scope.theme_ids)
    if scope.organisation:
        gaps = gaps.filter(owner_organisation=scope.organisation)
    return roles.public_posts(gaps).exclude(status=Status.DUPLICATE)


def _raised_in(scope, period):
    return _scope_gaps(scope).filter(
        created_at__gte=period.starts_at, created_at__lt=period.ends_before
    )


def _response_times(scope, period, questions_median):
    gaps_median = median_days(
        _raised_in(scope, period), "created_at", "first_response_at"
    )
    return Figure(
        "response-times",
        gettext("Median time to a first producer response"),
        gettext("Questions: %(questions)s. Data gaps: %(gaps)s.")
        % {"questions": days(questions_median), "gaps": days(gaps_median)},
        (gettext("Asked or raised"), gettext("Median days")),
        [
            (gettext("Questions"), questions_median),
            (gettext("Data gaps"), gaps_median),
        ],
    )


def gaps(scope, period):
    by_status = dict(
        _raised_in(scope, period)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    closed = (
        _scope_gaps(scope)
        .filter(
            last_moved_at__gte=period.starts_at, last_moved_at__lt=period.ends_before
        )
        .aggregate(
            met=Count("pk", filter=Q(status=Status.MET)),
            partly_met=Count("pk", filter=Q(status=Status.PARTLY_MET)),
            not_feasible=Count("pk", filter=Q(status=Status.NOT_FEASIBLE)),
        )
    )
    raised = sum(by_status.values())
    statuses = [s for s in Status if s != Status.DUPLICATE]
    return [
        Figure(
            "gaps-by-status",
            gettext("Data gaps raised, by where they stand now"),
            gettext("%(raised)s data gaps raised; %(met)s of them met so far.")
            % {"raised": raised, "met": by_status.get(Status.MET, 0)},
            (gettext("Status"), gettext("Data gaps")),
            [(str(status.label), by_status.get(status, 0)) for status in statuses],
        ),
        Figure(
            "gaps-closed",
            gettext("Data gaps met or closed"),
            gettext(
                "%(met)s data gaps met and %(partly)s partly met in the period; "
                "%(not_feasible)s found not feasible."
            )
            % {
                "met": closed["met"],
                "partly": closed["partly_met"],
                "not_feasible": closed["not_feasible"],
            },
            (gettext("Outcome"), gettext("Data gaps")),
            [
                (gettext("Met"), closed["met"]),
                (gettext("Partly met"), closed["partly_met"]),
                (gettext("Not feasible"), closed["not_feasible"]),
            ],
        ),
    ]


def _public_under(pages, scope):
    paths = list(
        ThemePage.objects.filter(pk__in=scope.theme_ids).values_list("path", flat=True)
    )
    under = Q(pk__in=[])
    for path in paths:
        under |= Q(path__startswith=path)
    return roles.public_pages(pages.filter(under))


def consultations(scope, period):
    pages = ConsultationPage.objects.filter(
        closes_at__gte=period.starts_at, closes_at__lt=period.ends_before
    )
    if scope.organisation:
        pages = pages.filter(contact_organisation=scope.organisation)
    # Twelve weeks of calendar days from the closing date, as the page says: adding
    # them to the closing time instead crosses a clock change in UTC and lands a day
    # early for a consultation that closed just after midnight in summer time.
    due = Cast(TruncDate("closes_at") + OUTCOME_DUE_AFTER, output_field=DateField())
    today = timezone.localdate()
    counts = (
        _public_under(pages, scope)
        .annotate(due=due)
        .aggregate(
            on_time=Count("pk", filter=Q(outcome_date__lte=F("due"))),
            late=Count("pk", filter=Q(outcome_date__gt=F("due"))),
            overdue=Count("pk", filter=Q(outcome_date__isnull=True, due__lt=today)),
            awaited=Count(
                "pk",
                filter=Q(
                    outcome_date__isnull=True,
                    due__gte=today,
                    closes_at__lte=timezone.now(),
                ),
            ),
            open=Count("pk", filter=Q(closes_at__gt=timezone.now())),
        )
    )
    closed = sum(counts.values()) - counts["open"]
    return Figure(
        "consultations",
        gettext("Consultations and their outcomes"),
        gettext(
            "%(closed)s consultations closed: %(on_time)s with the outcome published "
            "within 12 weeks, %(late)s published late and %(overdue)s overdue."
        )
        % {
            "closed": closed,
            "on_time": counts["on_time"],
            "late": counts["late"],
            "overdue": counts["overdue"],
        },
        (gettext("Consultations closing in the period"), gettext("Number")),
        [
            (gettext("Outcome published on time"), counts["on_time"]),
            (gettext("Outcome published late"), counts["late"]),
            (gettext("Outcome overdue"), counts["overdue"]),
            (gettext("Outcome not due yet"), counts["awaited"]),
            (gettext("Still open"), counts["open"]),
        ],
    )


def members(scope, period):
    joined = ThemeMembership.objects.filter(
        theme__in=scope.theme_ids, joined_at__lt=period.ends_before
    )
    in_period = {"gte": period.starts_at, "lt": period.ends_before}
    scope_threads = Thread.objects.filter(theme__in=scope.theme_ids)
    started = scope_threads.filter(
        author=OuterRef("pk"),
        created_at__gte=in_period["gte"],
        created_at__lt=in_period["lt"],
    )
    replied = XtdComment.objects.filter(
        user=OuterRef("pk"),
        content_type=ContentType.objects.get_for_model(Thread),
        object_pk__in=scope_threads.values(key=Cast("pk", CharField())),
        submit_date__gte=in_period["gte"],
        submit_date__lt=in_period["lt"],
    )
    supported = GapSupport.objects.filter(
        user=OuterRef("pk"),
        gap__theme__in=scope.theme_ids,
        created_at__gte=in_period["gte"],
        created_at__lt=in_period["lt"],
    )
    active = ExpressionWrapper(
        Q(Exists(started)) | Q(Exists(replied)) | Q(Exists(supported)),
        output_field=BooleanField(),
    )
    rows = (
        User.objects.filter(is_active=True, pk__in=joined.values("user"))
        .annotate(active=active)
        .order_by()
        .values("sector")
        .annotate(
            members=Count("pk"), active_members=Count("pk", filter=Q(active=True))
        )
    )
    counted = {row["sector"]: row for row in rows}
    labels = [*User.Sector.choices, ("", NOT_GIVEN)]
    table = [
        (
            str(label),
            counted.get(sector, {}).get("members", 0),
            counted.get(sector, {}).get("active_members", 0),
        )
        for sector, label in labels
    ]
    total = sum(row[1] for row in table)
    active_total = sum(row[2] for row in table)
    return Figure(
        "members",
        gettext("Members and active members, by sector"),
        gettext(
            "%(total)s members, %(active)s of them active in the period (they asked, "
            "replied or supported a data gap)."
        )
        % {"total": total, "active": active_total},
        (gettext("Sector"), gettext("Members"), gettext("Active members")),
        table,
    )


def meetings(scope, period):
    now = timezone.now()
    held = _public_under(
        EventPage.objects.filter(
            start__gte=period.starts_at, start__lt=min(period.ends_before, now)
        ).exclude(status=EventPage.Status.CANCELLED),
        scope,
    )
    registered = (
        MeetingRegistration.objects.filter(
            meeting=OuterRef("pk"), status=MeetingRegistration.Status.CONFIRMED
        )
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    present = (
        MinutesAttendee.objects.filter(
            page__live=True,
            page__path__startswith=OuterRef("path"),
            page__depth=OuterRef("depth") + 1,
            attendance=MinutesAttendee.Attendance.PRESENT,
        )
        .order_by()
        .values("page__depth")
        .annotate(count=Count("pk"))
        .values("count")
    )
    rows = list(
        held.annotate(registered=Subquery(registered), present=Subquery(present))
        .order_by("start")
        .values_list("title", "start", "registered", "present")[:MEETINGS_SHOWN]
    )
    table = [
        (
            f"{title}, {long_date(start)}",
            registered or 0,
            present,
        )
        for title, start, registered, present in rows
    ]
    present_total = sum(row[2] or 0 for row in table)
    return Figure(
        "meetings",
        gettext("Meeting attendance"),
        gettext(
            "%(held)s meetings held; %(present)s people present in the published "
            "minutes."
        )
        % {"held": len(table), "present": present_total},
        (gettext("Meeting"), gettext("Registered"), gettext("Present")),
        table,
        chart_column=2,
    )


def you_said_we_did(scope, period, shown=OUTCOMES_SHOWN):
    """What became of what people raised: gaps met or closed, consultations'
    outcomes and questions answered in the period, newest first."""
    moved = {"gte": period.starts_at, "lt": period.ends_before}
    gaps = (
        _scope_gaps(scope)
        .filter(
            status__in=[Status.MET, Status.PARTLY_MET, Status.NOT_FEASIBLE],
            last_moved_at__gte=moved["gte"],
            last_moved_at__lt=moved["lt"],
        )
        .select_related("theme")
        .order_by("-last_moved_at")[:shown]
    )
    outcomes = ConsultationPage.objects.filter(
        outcome_date__gte=period.start, outcome_date__lte=period.end
    )
    if scope.organisation:
        outcomes = outcomes.filter(contact_organisation=scope.organisation)
    outcomes = _public_under(outcomes, scope).order_by("-outcome_date")[:shown]
    answered = roles.public_posts(
        Thread.objects.filter(
            _answered_by(scope),
            theme__in=scope.theme_ids,
            answer__submit_date__gte=moved["gte"],
            answer__submit_date__lt=moved["lt"],
        )
    )
    answered = list(
        answered.select_related("theme", "answered_by", "answer").order_by(
            "-answer__submit_date"
        )[:shown]
    )
    # Who answered, in the reader's language: one query.
    localize(thread.answered_by for thread in answered)
    rows = [
        (
            gap.title,
            gettext("Data gap"),
            str(Status(gap.status).label),
            timezone.localdate(gap.last_moved_at),
            gap.get_absolute_url(),
        )
        for gap in gaps
    ]
    rows += [
        (
            page.title,
            gettext("Consultation"),
            gettext("Outcome published"),
            page.outcome_date,
            page.url,
        )
        for page in outcomes
    ]
    rows += [
        (
            thread.title,
            gettext("Question"),
            gettext("Answered by %(organisation)s")
            % {"organisation": thread.answered_by.localized.short_name},
            timezone.localdate(thread.answer.submit_date),
            thread.get_absolute_url(),
        )
        for thread in answered
    ]
    rows.sort(key=lambda row: row[3], reverse=True)
    return Figure(
        "you-said-we-did",
        gettext("You said, we did"),
        gettext(
            "%(gaps)s data gaps met or closed, %(outcomes)s consultation outcomes "
            "published and %(answered)s questions answered in the period."
        )
        % {"gaps": len(gaps), "outcomes": len(outcomes), "answered": len(answered)},
        (
            gettext("What was raised"),
            gettext("Kind"),
            gettext("What happened"),
            gettext("When"),
            gettext("Address"),
        ),
        [
            (title, kind, what, long_date(when), full_url(url))
            for title, kind, what, when, url in rows
        ],
        chart_column=None,
        links=tuple(url for *_rest, url in rows),
    )


def satisfied(scope, period):
    """Of the people asked "Did this meet your need?" after an outcome, those who
    answered in the period, and how many said yes."""
    asks = SatisfactionAsk.objects.filter(
        theme__in=scope.theme_ids,
        answered_at__gte=period.starts_at,
        answered_at__lt=period.ends_before,
    )
    if scope.organisation:
        asks = asks.filter(organisation=scope.organisation)
    counts = {
        row["outcome"]: row
        for row in asks.order_by()
        .values("outcome")
        .annotate(answered=Count("pk"), yes=Count("pk", filter=Q(satisfied=True)))
    }
    table = [
        (
            str(label),
            counts.get(outcome, {}).get("answered", 0),
            counts.get(outcome, {}).get("yes", 0),
            share(
                counts.get(outcome, {}).get("yes", 0),
                counts.get(outcome, {}).get("answered", 0),
            ),
        )
        for outcome, label in SatisfactionAsk.Outcome.choices
    ]
    answered = sum(row[1] for row in table)
    yes = sum(row[2] for row in table)
    return Figure(
        "satisfaction",
        gettext("Did it meet their need?"),
        gettext(
            "%(answered)s people answered after an outcome; %(share)s said it met "
            "their need."
        )
        % {"answered": answered, "share": share(yes, answered)},
        (
            gettext("After"),
            gettext("Answered"),
            gettext("It met their need"),
            gettext("Share"),
        ),
        table,
        chart_column=2,
    )
