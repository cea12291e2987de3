import factory

from accounts.factories import UserFactory
from gaps.models import DataGap
from themes.factories import ThemePageFactory


class DataGapFactory(factory.django.DjangoModelFactory):
    """A raised gap, without the timeline entry and follow services.raise_gap adds;
    `DataGapFactory(topics=["housing"])` tags it."""

    theme = factory.SubFactory(ThemePageFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Data gap {n}")
    measure = "Overcrowding by local authority."
    purpose = "Planning how many homes each area needs."

    class Meta:
        model = DataGap
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
