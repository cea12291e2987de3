from django.core.management.base import BaseCommand

from forums import rendering


class Command(BaseCommand):
    help = (
        "Render again every thread and reply an older Markdown renderer made (after "
        "RENDERER_VERSION in forums/markdown.py went up). Batched, a transaction "
        "each: run it again after a stop and it goes on where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=rendering.BATCH_SIZE,
            help="Posts a batch.",
        )

    def handle(self, *args, batch_size, **options):
        done = rendering.render_outdated(batch_size, report=self.stdout.write)
        self.stdout.write(f"{done} posts rendered again; every post is up to date.")
