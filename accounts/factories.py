import time
from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.utils import timezone

from accounts.models import Organisation, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Statistics Office {n}")
    acronym = factory.Sequence(lambda n: f"SO{n}")
    website = "https://statistics.example.org"
    kind = Organisation.Kind.PRODUCER

    class Meta:
        model = Organisation


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


def totp_code(secret):
    """The code an authenticator app shows now for `secret`.

    Not the first of allauth's accepted counters: that is the previous period's,
    refused once the clock moves on.
    """
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
