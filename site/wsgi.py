import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "statsforum.settings.production")

application = get_wsgi_application()

# Import every view now rather than on the first request, then tell the garbage
# collector that all it has seen so far lives as long as the process: a full
# collection walked those 260,000 objects every time (80-160 ms, the slowest
# requests of a busy worker). With gunicorn's --preload the workers also keep
# sharing these pages with the master instead of copying them (bench/README.md).
get_resolver().url_patterns  # noqa: B018
gc.freeze()
