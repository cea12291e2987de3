import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.connections import create_demo_links
from demo.consultations import create_demo_consultations
from demo.content.home import THEME_INDEX_INTRO, THEME_INDEX_TITLE
from demo.content.users import DEMO_USERS
from demo.events import create_demo_meetings, create_demo_past_meetings
from demo.forums import create_demo_threads
from demo.gaps import create_demo_gaps
from demo.home import create_demo_home_page, create_demo_standard_pages
from demo.satisfaction import create_demo_satisfaction
from demo.statistics import create_demo_statistics
from demo.themes import (
    create_demo_organisations,
    create_demo_roles,
    create_demo_theme_index,
    create_demo_themes,
)
from demo.users import create_demo_users
from demo.welsh import create_demo_welsh
from search.indexing import rebuild as rebuild_search_index

# Documented in the README; seed_demo never runs with DEBUG off.
DEFAULT_DEMO_PASSWORD = "statsforum-demo"  # noqa: S105


class Command(BaseCommand):
    help = (
        "Build the demo site: themes, organisations, contacts, standard pages, "
        "demo users, discussions with replies, meetings, data gaps, "
        "consultations and the statistics they name. Safe to run again: it adds "
        "what is missing and changes nothing that exists. Refuses to run unless "
        "DEBUG is on."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DEBUG on: demo users with a known password "
                "must never reach a real site."
            )
        password = os.environ.get("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
        with transaction.atomic():
            home_page = create_demo_home_page()
            create_demo_standard_pages(home_page)
            theme_index = create_demo_theme_index(
                home_page, THEME_INDEX_TITLE, THEME_INDEX_INTRO
            )
            create_demo_themes(theme_index, create_demo_organisations())
            users = create_demo_users(password)
            create_demo_roles(users)
            create_demo_threads(users)
            create_demo_meetings(users)
            create_demo_past_meetings()
            create_demo_gaps(users)
            create_demo_consultations(users)
            create_demo_links()
            create_demo_statistics()
            create_demo_satisfaction()
            create_demo_welsh(home_page)
            # Signals index what the services make; the demo also backdates and
            # bulk-creates (published responses), so the index is built again.
            indexed = rebuild_search_index()

        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
        self.stdout.write(f"The search index holds {indexed} documents.")
        self.stdout.write(f"Demo sign-ins, each with the password '{password}':")
        for spec in DEMO_USERS:
            self.stdout.write(f"  {spec['email']:<24} {spec['role']}")
        if settings.STATSFORUM_MFA_WAIVED_EMAILS:
            waived = ", ".join(settings.STATSFORUM_MFA_WAIVED_EMAILS)
            self.stdout.write(
                f"Two-factor authentication is waived for {waived} in development "
                "only; every other admin user must set it up."
            )
