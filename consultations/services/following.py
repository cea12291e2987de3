"""Following a consultation, to hear when it opens and what came of it."""

from consultations.models import ConsultationFollow


def is_following(user, consultation):
    return (
        user.is_authenticated
        and ConsultationFollow.objects.filter(
            user=user, consultation=consultation
        ).exists()
    )


def follow(user, consultation):
    ConsultationFollow.objects.get_or_create(user=user, consultation=consultation)


def unfollow(user, consultation):
    ConsultationFollow.objects.filter(user=user, consultation=consultation).delete()
