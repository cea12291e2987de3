"""/statistics/: every statistic, filtered; a page per statistic; following one;
/contacts/: everyone to talk to, and the link that stops a contact's emails."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Organisation
from catalogue import contact_emails, services
from catalogue import contacts as contact_list
from catalogue.forms import StatisticFilters
from catalogue.listing import in_language, listed_statistics
from catalogue.models import Statistic
from core.translation import of_record, titled_in_language
from themes.roles import public_themes

STATISTICS_PER_PAGE = 25
CONTACTS_PER_PAGE = 25


def statistic_list(request):
    themes = list(
        public_themes().filter(statistics__isnull=False).distinct().order_by("title")
    )
    producers = of_record(
        Organisation.objects.filter(statistics__isnull=False)
    ).distinct()
    filters = StatisticFilters(request.GET, themes=themes, producers=producers)
    statistics = listed_statistics(filters.chosen(), filters.chosen_theme())
    listed = Paginator(statistics, STATISTICS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    listed.object_list = in_language(listed.object_list)
    return render(
        request,
        "catalogue/statistic_list.html",
        {
            "statistics": listed,
            "filters": StatisticFilters(
                initial=filters.chosen(), themes=themes, producers=producers
            ),
            "filtered": bool(filters.chosen()),
        },
    )


def statistic_detail(request, slug):
    statistic = get_object_or_404(
        of_record(Statistic.objects).select_related("producer"), slug=slug
    )
    in_language([statistic])
    return render(
        request,
        "catalogue/statistic.html",
        {
            "statistic": statistic,
            "contacts": statistic.contacts.all(),
            # In the reader's language: one query for them all.
            "themes": titled_in_language(
                public_themes().filter(statistics=statistic).order_by("title")
            ),
            "following": services.follows(statistic, request.user),
        },
    )


@require_POST
@verified_email_required
def follow(request, slug):
    statistic = get_object_or_404(of_record(Statistic.objects), slug=slug)
    action = request.POST.get("action")
    if action == "follow":
        services.follow(statistic, request.user)
        message = _("We will email you about new discussions and data gaps naming it.")
    elif action == "unfollow":
        services.unfollow(statistic, request.user)
        message = _("You will no longer get emails about this statistic.")
    else:
        return HttpResponseBadRequest(_("Choose to follow or unfollow the statistic."))
    messages.success(request, message)
    return redirect(statistic.get_absolute_url() + "#follow")


def contacts(request):
    choices = contact_list.filter_choices()
    filters = contact_list.ContactFilters(request.GET, **choices)
    listed = Paginator(
        contact_list.listed_contacts(filters.chosen(), filters.chosen_theme()),
        CONTACTS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "catalogue/contact_list.html",
        {
            "page_obj": listed,
            "contacts": contact_list.contacts_for(listed.object_list),
            "filters": contact_list.ContactFilters(initial=filters.chosen(), **choices),
            "filtered": bool(filters.chosen()),
        },
    )


@csrf_exempt  # RFC 8058: mail clients POST here without a session or a CSRF token.
@require_http_methods(["GET", "POST"])
def stop_emails(request, token):
    """A contact without an account stops questions being emailed to them: a GET
    asks (a mail scanner's visit stops nothing), the POST does it."""
    try:
        address, statistic_ids = contact_emails.read_stop_token(token)
    except signing.BadSignature as error:
        return render(
            request,
            "catalogue/stop_emails_invalid.html",
            {"expired": isinstance(error, contact_emails.ExpiredLink)},
            status=400,
        )
    statistics = in_language(
        contact_emails.statistics_of(address, statistic_ids).select_related("producer")
    )
    if request.method == "POST":
        contact_emails.stop_emails(address, statistic_ids)
        return render(
            request, "catalogue/emails_stopped.html", {"statistics": statistics}
        )
    return render(request, "catalogue/stop_emails.html", {"statistics": statistics})
