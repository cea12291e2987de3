"""The demo home page and standard pages, built from demo.content.home."""

import datetime

from wagtail.models import Page, Site

from core.links import site_address
from core.translation import of_record
from demo.content.home import HOME_BODY, HOME_INTRO, HOME_TITLE, STANDARD_PAGES
from home.models import HomePage, StandardPage


def create_demo_home_page():
    """Make a HomePage the default site's root, replacing Wagtail's welcome page."""
    home_page = of_record(HomePage.objects.all()).first()
    if home_page is None:
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a plain "Welcome" page where ours goes.
        Page.objects.child_of(root).exact_type(Page).filter(slug="home").delete()
        home_page = HomePage(
            title=HOME_TITLE, slug="home", intro=HOME_INTRO, body=HOME_BODY
        )
        root.add_child(instance=home_page)
        home_page.save_revision().publish()
    # Deleting the welcome page also deleted the site that pointed at it. Its address
    # follows the one being served (PORT=9000 make run), as links in emails do.
    hostname, port = site_address()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": hostname, "port": port},
        create_defaults={
            "hostname": hostname,
            "port": port,
            "site_name": "statsforum",
            "root_page": home_page,
        },
    )
    return home_page


def create_demo_standard_pages(home_page):
    existing = set(
        StandardPage.objects.child_of(home_page).values_list("slug", flat=True)
    )
    for spec in STANDARD_PAGES:
        if spec["slug"] in existing:
            continue
        page = StandardPage(**{"last_reviewed": datetime.date(2026, 11, 25), **spec})
        home_page.add_child(instance=page)
        page.save_revision().publish()
