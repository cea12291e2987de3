from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    """A member with a verified email address.

    `UserFactory(verified=False)` has not confirmed their address yet;
    `UserFactory(two_factor=True)` has an authenticator app, its secret in
    `user.totp_secret`.
    """

    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("a-good-test-password")
    # An established member; UserFactory(trusted_since=None) is a newcomer whose
    # first posts wait for a moderator.
    date_joined = factory.LazyFunction(lambda: timezone.now() - timedelta(days=90))
    trusted_since = factory.LazyFunction(timezone.now)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(
                user=self,
                email=self.email,
                primary=True,
                verified=True if extracted is None else extracted,
            )

    @factory.post_generation
    def two_factor(self, create, extracted, **kwargs):
        if create and extracted:
            self.totp_secret = generate_totp_secret()
            TOTP.activate(self, self.totp_secret)
