"""Queries and response times of the public pages as the number of themes grows."""

import argparse

from common import build_site, get_ok, measure, test_database
from django.core.management import call_command
from django.test import Client

from accounts.factories import OrganisationFactory
from themes.factories import ThemeContactFactory, ThemePageFactory


def add_themes(theme_index, count, organisations):
    for _ in range(count):
        theme = ThemePageFactory(parent=theme_index)
        theme.organisations.set(organisations)
        theme.save()
        ThemeContactFactory.create_batch(5, theme=theme, organisation=organisations[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    with test_database() as vendor:
        theme_index = build_site()
        organisations = OrganisationFactory.create_batch(3)
        client = Client()
        print(f"database: {vendor}")
        print(f"{'themes':>7} {'page':<12} {'queries':>7} {'median ms':>10}")
        themes = 0
        for size in sorted(args.sizes):
            add_themes(theme_index, size - themes, organisations)
            # Indexing is a background task, queued but not run here.
            call_command("update_index", verbosity=0)
            themes = size
            theme = theme_index.get_children().last()
            for name, url in [
                ("home", "/"),
                ("themes", theme_index.url),
                ("themes p2", f"{theme_index.url}?page=2"),
                ("theme", theme.url),
                ("search", "/search/?query=theme"),
            ]:
                queries, ms = measure(get_ok(client, url), args.repeat)
                print(f"{size:>7} {name:<12} {queries:>7} {ms:>10.1f}")


if __name__ == "__main__":
    main()
