import factory
import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Where users and producers of official statistics meet"
    slug = "home"
    intro = "Join the forum for the statistics you use."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A short summary."
    body = [{"type": "paragraph", "value": "<p>Some content.</p>"}]

    class Meta:
        model = StandardPage


def home_as_default_site(root=None, hostname="localhost"):
    """A new home page, in place of whatever was under the root, served as the
    default site: what tests, benchmarks and drills start from."""
    root = root or Page.get_first_root_node()
    Page.objects.child_of(root).delete()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(
        hostname=hostname, port=80, root_page=home, is_default_site=True
    )
    return home
