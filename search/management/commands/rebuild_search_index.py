from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Build the site search's index again from all the content."

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(f"The search index holds {count} documents.")
