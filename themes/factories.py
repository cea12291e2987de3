import factory
import wagtail_factories

from themes.models import Organisation, ThemeContact, ThemeIndexPage, ThemePage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Statistics Office {n}")
    acronym = factory.Sequence(lambda n: f"SO{n}")
    website = "https://statistics.example.org"
    kind = Organisation.Kind.PRODUCER

    class Meta:
        model = Organisation


class ThemeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Themes"
    slug = "themes"
    intro = "Every theme has its own forum."

    class Meta:
        model = ThemeIndexPage


class ThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Theme {n}")
    summary = factory.LazyAttribute(lambda o: f"Statistics about {o.title.lower()}.")

    class Meta:
        model = ThemePage


class ThemeContactFactory(factory.django.DjangoModelFactory):
    theme = factory.SubFactory(ThemePageFactory)
    name = factory.Faker("name")
    role = "Head of statistics"
    organisation = factory.SubFactory(OrganisationFactory)
    responsible_for = "Quarterly estimates"
    email = factory.Sequence(lambda n: f"contact{n}@statistics.example.org")

    class Meta:
        model = ThemeContact
