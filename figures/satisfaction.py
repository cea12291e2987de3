"""After an outcome, the people concerned are asked once "Did this meet your
need?": by email, with a signed link that opens a page to confirm (a mail scanner
following the link answers nothing), and on the outcome's own page.

The features know nothing of this: `ask_about_outcomes` (a scheduler job) looks
for outcomes of the last days and asks whoever has not been asked. Once only is the
unique (person, outcome) row; the email's event key makes a rerun send nothing."""

from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from accounts.notifications import notify
from consultations.models import ConsultationPage, ConsultationResponse
from core.links import full_url
from core.translation import said_in_each_language
from figures.models import SatisfactionAsk
from forums.models import Thread
from gaps.models import DataGap, GapSupport, Status
from themes import roles
from themes.models import ThemePage

KIND = "satisfaction"
SALT = "statsforum.satisfaction"
# Long enough for a holiday, short enough that the answer is about this outcome.
LINK_DAYS = 60
LOOK_BACK = timedelta(days=7)
Outcome = SatisfactionAsk.Outcome


def answer_link(ask, satisfied):
    token = signing.dumps({"ask": ask.pk, "yes": satisfied}, salt=SALT)
    return full_url(reverse("figures:satisfaction", kwargs={"token": token}))


def ask_from_token(token):
    """The ask and the answer a signed link carries, or ValidationError."""
    try:
        signed = signing.loads(token, salt=SALT, max_age=timedelta(days=LINK_DAYS))
        ask = SatisfactionAsk.objects.get(pk=int(signed["ask"]))
        return ask, bool(signed["yes"])
    except (
        signing.BadSignature,
        SatisfactionAsk.DoesNotExist,
        KeyError,
        TypeError,
        ValueError,
    ):
        raise ValidationError(
            gettext("This link is not valid or has expired.")
        ) from None


def record_answer(ask, user_or_none, satisfied, comment=""):
    """Record the answer, once: a second answer changes nothing. Returns whether
    this one counted."""
    if user_or_none is not None and user_or_none.pk != ask.user_id:
        raise ValidationError(gettext("This question was asked of someone else."))
    return bool(
        SatisfactionAsk.objects.filter(pk=ask.pk, answered_at__isnull=True).update(
            satisfied=satisfied,
            comment=comment.strip()[:1000],
            answered_at=timezone.now(),
        )
    )


def pending_for(user, outcome, object_id):
    if not user.is_authenticated:
        return None
    return SatisfactionAsk.objects.filter(
        user=user, outcome=outcome, object_id=object_id, answered_at__isnull=True
    ).first()


def _outcomes(since):
    """(outcome, object id, theme id, organisation id, title, path, people) for
    each outcome since `since`."""
    gaps = roles.public_posts(
        DataGap.objects.filter(
            status__in=[Status.MET, Status.PARTLY_MET, Status.NOT_FEASIBLE],
            last_moved_at__gte=since,
        )
    ).select_related("theme")
    for gap in gaps:
        people = {
            *GapSupport.objects.filter(gap=gap).values_list("user", flat=True),
            gap.author_id,
        }
        yield (
            Outcome.GAP,
            gap,
            gap.owner_organisation_id,
            gap.get_absolute_url(),
            people,
        )
    consultations = roles.public_pages(
        ConsultationPage.objects.filter(outcome_announced_at__gte=since)
    )
    themes = {}
    for page in consultations:
        theme = themes.setdefault(page.pk, ThemePage.objects.ancestor_of(page).first())
        people = set(
            ConsultationResponse.objects.filter(consultation=page, user__isnull=False)
            .submitted()
            .values_list("user", flat=True)
        )
        page.theme_id = theme.pk
        yield (
            Outcome.CONSULTATION,
            page,
            page.contact_organisation_id,
            page.url,
            people,
        )
    questions = roles.public_posts(
        Thread.objects.filter(
            kind=Thread.Kind.QUESTION,
            answer__isnull=False,
            answer__submit_date__gte=since,
        )
    ).select_related("theme")
    for thread in questions:
        yield (
            Outcome.QUESTION,
            thread,
            thread.answered_by_id,
            thread.get_absolute_url(),
            {thread.author_id},
        )


def ask_about_outcomes(since=None, tell=True):
    """Ask everyone concerned by an outcome since `since` (the last week) who was
    not asked yet; `tell=False` writes the asks without emailing (the demo).
    Returns how many were asked."""
    since = since or timezone.now() - LOOK_BACK
    asked = 0
    for outcome, thing, organisation_id, path, people in _outcomes(since):
        for user_id in people - {None}:
            ask, created = SatisfactionAsk.objects.get_or_create(
                user_id=user_id,
                outcome=outcome,
                object_id=thing.pk,
                defaults={
                    "theme_id": thing.theme_id,
                    "organisation_id": organisation_id,
                    "title": thing.title[:255],
                    "url": path,
                },
            )
            if not created:
                continue
            asked += 1
            if not tell:
                continue
            notify(
                ask.user,
                KIND,
                "satisfaction",
                {
                    "title": ask.title,
                    "what": said_in_each_language(ask.get_outcome_display),
                    "url": full_url(path),
                    "yes_url": answer_link(ask, True),
                    "no_url": answer_link(ask, False),
                },
                event_key=f"satisfaction:{ask.pk}",
            )
    return asked
