"""Queries, times and peak memory of a consultation as its submitted responses grow
to 100, 1,000 and 10,000: the consultation page, the list of consultations, the
admin summary of responses, and the exports of every response as CSV (streamed
inline, and built in the background) and as Excel (built in the background)."""

import argparse
import tracemalloc
from datetime import timedelta

from common import build_site, get_ok, measure, test_database
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import User
from consultations import exports, services
from consultations.blocks import AGREEMENT_SCALE
from consultations.factories import ConsultationPageFactory
from consultations.models import ConsultationResponse, ResponseExport
from themes.factories import ThemePageFactory

BATCH = 5000
# Every other response is from a member; the rest responded without an account.
MEMBER_EVERY = 2
OTHER_CONSULTATIONS = 9
HOW_OFTEN = ["Every week", "Every month", "Less often"]
BREAKDOWNS = [["Region"], ["Region", "Age"], ["Age", "Sex"], []]
IMPACT = (
    "We plan services from the monthly figures; quarterly ones would leave us "
    "three months behind, and our board would ask why. "
)
Response = ConsultationResponse


def add_responses(consultation, first, count):
    """`count` submitted responses numbered from `first`, in batches."""
    for start in range(first, first + count, BATCH):
        numbers = range(start, min(start + BATCH, first + count))
        members = iter(
            User.objects.bulk_create(
                User(email=f"respondent{n}@example.org", first_name=f"Person {n}")
                for n in numbers
                if n % MEMBER_EVERY == 0
            )
        )
        Response.objects.bulk_create(
            new_response(consultation, n, None if n % MEMBER_EVERY else next(members))
            for n in numbers
        )


def new_response(consultation, n, user):
    answers = {
        "how-often": HOW_OFTEN[n % len(HOW_OFTEN)],
        "agree-quarterly": AGREEMENT_SCALE[n % len(AGREEMENT_SCALE)],
        "breakdowns": BREAKDOWNS[n % len(BREAKDOWNS)],
        # Two to four sentences: answers in the respondents' own words vary.
        "impact": IMPACT * (2 + n % 3),
    }
    if n % 3 == 0:
        answers["job"] = "Senior analyst"
    organisation = n % 4 == 0
    return Response(
        consultation=consultation,
        user=user,
        name="" if user else f"Visitor {n}",
        email="" if user else f"visitor{n}@example.net",
        status=Response.Status.SUBMITTED,
        answers=answers,
        respond_as=(
            Response.RespondAs.ORGANISATION
            if organisation
            else Response.RespondAs.INDIVIDUAL
        ),
        organisation_name=f"Council {n % 300}" if organisation else "",
        publication=list(Response.Publication)[n % 3],
        submitted_at=timezone.now() - timedelta(minutes=n),
    )


def streamed_csv(consultation):
    def action():
        response = exports.csv_download(consultation)
        return sum(len(chunk) for chunk in response.streaming_content)

    return action


def built_export(export):
    return lambda: exports.build_export(export.pk)


def stored_size(export):
    return len(ResponseExport.objects.get(pk=export.pk).content)


def peak_memory(action):
    """(what the action returned, peak MB allocated while it ran)."""
    tracemalloc.start()
    try:
        result = action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / 1024 / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with test_database() as vendor:
        theme = ThemePageFactory(parent=build_site(), slug="labour")
        ons = OrganisationFactory(acronym="ONS")
        consultation = ConsultationPageFactory(
            parent=theme, slug="frequency", contact_organisation=ons
        )
        # Freeze its questions as opening would (the email task is only queued).
        services.open_if_due(consultation)
        ConsultationPageFactory.create_batch(
            OTHER_CONSULTATIONS, parent=theme, contact_organisation=ons
        )
        # The signed-in member has responded: the page shows them their response.
        member = UserFactory()
        Response.objects.create(
            consultation=consultation,
            user=member,
            status=Response.Status.SUBMITTED,
            answers={"how-often": "Every week"},
            submitted_at=timezone.now(),
        )
        signed_in, admin = Client(), Client()
        signed_in.force_login(member)
        admin.force_login(UserFactory(is_superuser=True, two_factor=True))
        summary = reverse("consultations_responses", args=[consultation.pk])
        csv_export, xlsx_export = (
            ResponseExport.objects.create(
                consultation=consultation, requested_by=member, format=format
            )
            for format in ResponseExport.Format
        )
        print(f"database: {vendor}")
        print(
            f"{'responses':>9} {'measure':<18} {'queries':>7} {'median ms':>10} "
            f"{'peak MB':>8} {'bytes':>10}"
        )
        done = 1  # the member's
        for size in sorted(args.sizes):
            add_responses(consultation, done, size - done)
            done = size
            if connection.vendor == "postgresql":
                # As autovacuum would have by now: the planner needs statistics.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            for name, action, export in [
                ("consultation page", get_ok(signed_in, consultation.url), None),
                ("consultations list", get_ok(signed_in, "/consultations/"), None),
                ("admin summary", get_ok(admin, summary), None),
                ("CSV streamed", streamed_csv(consultation), None),
                ("CSV export", built_export(csv_export), csv_export),
                ("Excel export", built_export(xlsx_export), xlsx_export),
            ]:
                queries, ms = measure(action, args.repeat)
                written, peak = peak_memory(action)
                if export:
                    written = stored_size(export)
                print(
                    f"{size:>9} {name:<18} {queries:>7} {ms:>10.1f} {peak:>8.1f} "
                    f"{written or '':>10}"
                )


if __name__ == "__main__":
    main()
