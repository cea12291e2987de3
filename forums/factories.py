import factory

from accounts.factories import UserFactory
from forums.models import Thread
from themes.factories import ThemePageFactory


class ThreadFactory(factory.django.DjangoModelFactory):
    theme = factory.SubFactory(ThemePageFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    body = "What do you think about the new **estimates**?"
    kind = Thread.Kind.DISCUSSION

    class Meta:
        model = Thread
