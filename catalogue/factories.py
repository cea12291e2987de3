import factory

from accounts.factories import OrganisationFactory
from catalogue.models import Statistic, StatisticContact


class StatisticFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Survey of things {n}")
    slug = factory.LazyAttribute(lambda o: Statistic.slug_for(o.name))
    description = "Estimates of things, by region."
    producer = factory.SubFactory(OrganisationFactory)
    status = Statistic.Status.OFFICIAL
    cadence = Statistic.Cadence.QUARTERLY
    producer_url = factory.LazyAttribute(
        lambda o: f"https://statistics.example.org/{o.slug}"
    )

    class Meta:
        model = Statistic
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, themes, **kwargs):
        if create and themes:
            self.themes.set(themes)
            self.save()


class StatisticContactFactory(factory.django.DjangoModelFactory):
    statistic = factory.SubFactory(StatisticFactory)
    name = factory.Faker("name")
    role = "Head of the survey"
    email = factory.Sequence(lambda n: f"survey{n}@statistics.example.org")

    class Meta:
        model = StatisticContact
