"""Queries and times of the meetings pages as meetings, registrations and minutes
actions grow: the meetings list, a meeting page, its minutes, the theme page with
its open actions, the attendee list and its CSV, and a reminders run."""

import argparse
from datetime import timedelta

from common import build_site, get_ok, measure, test_database
from django.test import Client
from django.utils import timezone

from accounts.factories import UserFactory
from connections.models import ActionItem
from events import reminders, services
from events.factories import EventPageFactory, MinutesPageFactory
from events.models import MeetingRegistration
from themes.factories import ThemePageFactory


def download(client, url):
    def action():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        b"".join(response.streaming_content)

    return action


def grow(theme, meeting, minutes, size, done):
    """Up to `size` meetings in the theme, registrations on one and actions."""
    start = timezone.now() + timedelta(days=8)
    EventPageFactory.create_batch(size - done, parent=theme, start=start)
    for user in UserFactory.create_batch(size - done):
        services.register(meeting, user, tell_them=False)
    ActionItem.objects.bulk_create(
        ActionItem(page=minutes, description=f"Action {n}", owner="Owner")
        for n in range(size - done)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    with test_database() as vendor:
        theme = ThemePageFactory(parent=build_site(), slug="migration")
        meeting = EventPageFactory(
            parent=theme, slug="spring", start=timezone.now() + timedelta(days=8)
        )
        past = EventPageFactory(
            parent=theme, slug="past", start=timezone.now() - timedelta(days=30)
        )
        minutes = MinutesPageFactory(parent=past)
        editor = UserFactory(is_superuser=True, two_factor=True)
        admin = Client()
        admin.force_login(editor)
        client = Client()
        attendees = f"/admin/meetings/{meeting.pk}/attendees/"
        print(f"database: {vendor}")
        print(f"{'size':>6} {'measure':<16} {'queries':>7} {'median ms':>10}")
        done = 0
        for size in sorted(args.sizes):
            grow(theme, meeting, minutes, size, done)
            done = size

            def remind(size=size):
                # Every registrant of the meeting is owed its week reminder.
                MeetingRegistration.objects.update(week_reminder_sent_at=None)
                queued = reminders.queue_reminders(timezone.now() + timedelta(days=2))
                assert queued == size, queued

            for name, action in [
                ("meetings list", get_ok(client, "/meetings/")),
                ("meeting page", get_ok(client, meeting.url)),
                ("minutes page", get_ok(client, minutes.url)),
                ("theme page", get_ok(client, theme.url)),
                ("attendee list", get_ok(admin, attendees)),
                ("attendee CSV", download(admin, attendees + "?export=csv")),
                ("reminders run", remind),
            ]:
                queries, ms = measure(action, args.repeat)
                print(f"{size:>6} {name:<16} {queries:>7} {ms:>10.1f}")


if __name__ == "__main__":
    main()
