import factory
import wagtail_factories

from accounts.factories import OrganisationFactory, UserFactory
from themes.models import ThemeContact, ThemeIndexPage, ThemePage


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


class ThemeSectionPageFactory(wagtail_factories.PageFactory):
    """A page in a theme's section: given the theme as `parent`, it goes under the
    theme's `_section` index (made if the theme has none yet)."""

    _section = None

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        if parent is not None and issubclass(parent.specific_class, ThemePage):
            parent = cls._section.for_theme(parent)
        return super()._create_instance(model_class, parent, kwargs)


class ThemeContactFactory(factory.django.DjangoModelFactory):
    theme = factory.SubFactory(ThemePageFactory)
    name = factory.Faker("name")
    role = "Head of statistics"
    organisation = factory.SubFactory(OrganisationFactory)
    responsible_for = "Quarterly estimates"
    email = factory.Sequence(lambda n: f"contact{n}@statistics.example.org")

    class Meta:
        model = ThemeContact


def appoint(theme, role, granted_by, organisation=None, **user_fields):
    """A new member, with two-factor authentication, given a role in the theme."""
    from themes.services import grant_role

    person = UserFactory(two_factor=True, **user_fields)
    grant_role(
        theme,
        person,
        role,
        granted_by=granted_by,
        organisation=organisation,
        tell=False,
    )
    return person
