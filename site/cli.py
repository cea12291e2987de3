"""The `statsforum` command: Django's manage.py for an installed site."""

import os
import sys


def main():
    """Run a management command, with the production settings unless told otherwise."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "statsforum.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
