import factory
import wagtail_factories

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
