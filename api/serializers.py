"""What the API says of each kind of content: what its page shows a visitor, no more.

No email address anywhere (a theme contact's and a consultation's are on their pages
for people to read, not for harvesting); authors as the pages name them, with their
badge in the theme; an erased member as "A former member", with no profile.
Each serialiser reads only what its view fetched: no query per row.
"""

from django.urls import reverse
from django.utils.translation import gettext_noop
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.models import Cadence, Status
from events.models import EventPage
from forums.models import Thread

FORMER_MEMBER = "A former member"


class Linked(serializers.Serializer):
    """Full addresses at the host the request came to, as the data-gap downloads."""

    def absolute(self, path):
        return self.context["request"].build_absolute_uri(path)


class ThemeSerializer(Linked):
    """The theme something is in."""

    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField(help_text=gettext_noop("The theme's page."))

    def get_url(self, theme) -> str:
        return self.absolute(theme.get_url(self.context["request"]))


class BadgeSerializer(serializers.Serializer):
    """The role beside a post in its theme, as the page's badge says it."""

    role = serializers.ChoiceField(choices=["producer", "chair"])
    organisation = serializers.CharField(
        allow_null=True, source="organisation.name", default=None
    )
    label = serializers.SerializerMethodField(
        help_text=gettext_noop("'Producer, ONS' or 'Chair'.")
    )

    def get_label(self, role) -> str:
        label = "Producer" if role.role == "producer" else "Chair"
        if role.organisation:
            return f"{label}, {role.organisation.short_name}"
        return label


class AuthorSerializer(serializers.Serializer):
    """Who wrote a post, as its page names them."""

    name = serializers.CharField()
    profile_url = serializers.URLField(allow_null=True)
    badge = BadgeSerializer(allow_null=True)


def author_of(user, role, absolute):
    """The author's record: `user` may be None (the member left) or erased."""
    if user is None:
        return {"name": FORMER_MEMBER, "profile_url": None, "badge": None}
    return {
        "name": user.public_name,
        "profile_url": absolute(user.get_absolute_url()) if user.is_active else None,
        "badge": BadgeSerializer(role).data if role else None,
    }


class AuthoredSerializer(Linked):
    """A post with an `author`, its badge found in `context["badges"]` by (theme id,
    user id)."""

    author = serializers.SerializerMethodField()

    @extend_schema_field(AuthorSerializer)
    def get_author(self, post):
        user = self.author_user(post)
        role = self.context["badges"].get((self.theme_id(post), getattr(user, "pk", 0)))
        return author_of(user, role, self.absolute)

    def author_user(self, post):
        return post.author

    def theme_id(self, post):
        return post.theme_id


class ThreadSerializer(AuthoredSerializer):
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(
        help_text=gettext_noop("The thread's page.")
    )
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Thread.Kind.choices)
    theme = ThemeSerializer()
    topics = serializers.SerializerMethodField()
    body = serializers.CharField(
        help_text=gettext_noop("As the author wrote it, in Markdown.")
    )
    body_html = serializers.CharField(help_text=gettext_noop("As the page shows it."))
    created = serializers.DateTimeField(source="created_at")
    edited = serializers.DateTimeField(source="edited_at", allow_null=True)
    last_activity = serializers.DateTimeField(source="last_activity_at")
    reply_count = serializers.IntegerField()
    is_pinned = serializers.BooleanField()
    is_locked = serializers.BooleanField()
    answer = serializers.IntegerField(
        source="answer_id",
        allow_null=True,
        help_text=gettext_noop(
            "The reply a producer marked as the answer to a question."
        ),
    )
    answered_by = serializers.CharField(
        source="answered_by.name", allow_null=True, default=None
    )
    replies_url = serializers.SerializerMethodField()

    def get_url(self, thread) -> str:
        return self.absolute(thread.get_absolute_url())

    def get_topics(self, thread) -> list[str]:
        return sorted(topic.name for topic in thread.topics.all())

    def get_replies_url(self, thread) -> str:
        return self.absolute(reverse("api:thread_replies", args=[thread.pk]))


class ReplySerializer(AuthoredSerializer):
    """A reply that everybody sees; deleted, held and hidden ones are left out."""

    id = serializers.IntegerField()
    thread = serializers.IntegerField(source="object_pk")
    in_reply_to = serializers.SerializerMethodField(
        help_text=gettext_noop(
            "The reply this one answers; null for a reply to the thread."
        )
    )
    text = serializers.CharField(source="comment", help_text=gettext_noop("Markdown."))
    posted = serializers.DateTimeField(source="submit_date")

    def author_user(self, reply):
        return reply.user

    def theme_id(self, reply):
        return self.context["theme_id"]

    def get_in_reply_to(self, reply) -> int | None:
        return reply.parent_id if reply.level else None

    def to_representation(self, reply):
        record = super().to_representation(reply)
        record["thread"] = int(record["thread"])
        return record


class PageSerializer(Linked):
    """What every page-made thing has: its page, its theme and its Wagtail API
    record (with every field its page shows)."""

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text=gettext_noop("The page."))
    page_api_url = serializers.SerializerMethodField(
        help_text=gettext_noop("The page in the pages API (/api/v2/pages/<id>/).")
    )
    title = serializers.CharField()
    theme = ThemeSerializer()
    summary = serializers.CharField()

    def get_url(self, page) -> str:
        return self.absolute(page.get_url(self.context["request"]))

    def get_page_api_url(self, page) -> str:
        return self.absolute(reverse("api:wagtailapi:pages:detail", args=[page.pk]))


class MeetingSerializer(PageSerializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    format = serializers.ChoiceField(choices=EventPage.Format.choices)
    venue = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=EventPage.Status.choices)
    status_reason = serializers.CharField(allow_blank=True)
    capacity = serializers.IntegerField(allow_null=True)
    places_left = serializers.SerializerMethodField(
        help_text=gettext_noop("Null when the meeting has no limit.")
    )
    registration_opens = serializers.DateTimeField(allow_null=True)
    registration_closes = serializers.DateTimeField(allow_null=True)

    def get_places_left(self, meeting) -> int | None:
        if meeting.capacity is None:
            return None
        return max(meeting.capacity - meeting.confirmed_count, 0)


class ConsultationSerializer(PageSerializer):
    state = serializers.ChoiceField(
        choices=["forthcoming", "open", "closed", "outcome"],
        help_text=gettext_noop(
            "closed: analysing feedback; outcome: its outcome is published."
        ),
    )
    opens = serializers.DateTimeField(source="opens_at")
    closes = serializers.DateTimeField(source="closes_at")
    consulting = serializers.CharField(source="contact_organisation.name")
    contact_name = serializers.CharField()
    outcome_date = serializers.DateField(allow_null=True)
    responses_url = serializers.SerializerMethodField(
        help_text=gettext_noop(
            "Its published responses, once it has closed; null before."
        )
    )

    def get_responses_url(self, consultation) -> str | None:
        if consultation.state in ("closed", "outcome"):
            return self.absolute(
                reverse("api:consultation_responses", args=[consultation.pk])
            )
        return None


class AnswerSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField(
        allow_blank=True,
        help_text=gettext_noop("Choices joined by '; '; empty if not answered."),
    )


class ResponseSerializer(serializers.Serializer):
    """A published response, named as its author agreed."""

    id = serializers.IntegerField()
    respondent = serializers.CharField(source="published_name")
    submitted = serializers.DateTimeField(source="submitted_at")
    answers = serializers.SerializerMethodField()

    @extend_schema_field(AnswerSerializer(many=True))
    def get_answers(self, response):
        return [
            {
                "question": question.question,
                "answer": question.display(response.answers.get(question.id)),
            }
            for question in self.context["questions"]
        ]


class OrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    acronym = serializers.CharField(allow_blank=True)
    website = serializers.URLField(allow_blank=True)
    kind = serializers.ChoiceField(choices=["producer", "user"])
    themes = serializers.SerializerMethodField(
        help_text=gettext_noop("The public themes it takes part in.")
    )

    @extend_schema_field(ThemeSerializer(many=True))
    def get_themes(self, organisation):
        return ThemeSerializer(
            organisation.public_themes, many=True, context=self.context
        ).data


class NamedStatisticSerializer(Linked):
    """The statistic a contact answers for."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField(
        help_text=gettext_noop("Its page on this site.")
    )

    def get_url(self, statistic) -> str:
        return self.absolute(statistic.get_absolute_url())


class ContactSerializer(Linked):
    """Someone to talk to, as /contacts/ lists them: a theme's contact or a
    statistic's. The email address is on the site's pages only."""

    kind = serializers.SerializerMethodField(
        help_text=gettext_noop("theme: a theme's contact; statistic: a statistic's.")
    )
    name = serializers.CharField()
    role = serializers.CharField()
    organisation = serializers.SerializerMethodField(
        help_text=gettext_noop(
            "Their organisation: a statistic's producer for its contacts."
        )
    )
    organisation_id = serializers.SerializerMethodField(
        help_text=gettext_noop("The organisation's id in /api/v2/organisations/.")
    )
    responsible_for = serializers.SerializerMethodField(
        help_text=gettext_noop("The statistics they can help with.")
    )
    phone = serializers.CharField(allow_blank=True)
    theme = serializers.SerializerMethodField(
        help_text=gettext_noop(
            "The theme whose contact they are (a theme's contacts only)."
        )
    )
    statistic = serializers.SerializerMethodField(
        help_text=gettext_noop(
            "The statistic whose contact they are (a statistic's only)."
        )
    )
    contact_url = serializers.SerializerMethodField(
        help_text=gettext_noop("The page that lists them, with how to reach them.")
    )

    @staticmethod
    def of_statistic(contact):
        return hasattr(contact, "statistic_id")

    def get_kind(self, contact) -> str:
        return "statistic" if self.of_statistic(contact) else "theme"

    def get_organisation(self, contact) -> str:
        if self.of_statistic(contact):
            return contact.statistic.producer.name
        return contact.organisation.name

    def get_organisation_id(self, contact) -> int:
        if self.of_statistic(contact):
            return contact.statistic.producer_id
        return contact.organisation_id

    def get_responsible_for(self, contact) -> str:
        if self.of_statistic(contact):
            return contact.statistic.name
        return contact.responsible_for

    @extend_schema_field(ThemeSerializer(allow_null=True))
    def get_theme(self, contact):
        if self.of_statistic(contact):
            return None
        return ThemeSerializer(contact.theme, context=self.context).data

    @extend_schema_field(NamedStatisticSerializer(allow_null=True))
    def get_statistic(self, contact):
        if not self.of_statistic(contact):
            return None
        return NamedStatisticSerializer(contact.statistic, context=self.context).data

    def get_contact_url(self, contact) -> str:
        if self.of_statistic(contact):
            return self.absolute(contact.statistic.get_absolute_url())
        theme_url = contact.theme.get_url(self.context["request"])
        return self.absolute(theme_url) + "#contacts"


class StatisticContactSerializer(serializers.Serializer):
    """Someone to ask about a statistic, as its page lists them, without the email
    address (on the page only)."""

    name = serializers.CharField()
    role = serializers.CharField()
    phone = serializers.CharField(allow_blank=True)


class StatisticSerializer(Linked):
    """An output or series of statistics, as its page here describes it."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField(
        help_text=gettext_noop("Its page on this site.")
    )
    description = serializers.CharField()
    producer = serializers.CharField(source="producer.name")
    producer_id = serializers.IntegerField(
        help_text=gettext_noop("The producer's id in /api/v2/organisations/.")
    )
    producer_reference = serializers.CharField(
        allow_blank=True,
        help_text=gettext_noop("The producer's own id for it, if any."),
    )
    status = serializers.ChoiceField(choices=Status.choices)
    cadence = serializers.ChoiceField(choices=Cadence.choices)
    next_release = serializers.DateField(allow_null=True)
    producer_url = serializers.URLField(
        help_text=gettext_noop("Its page on the producer's site.")
    )
    themes = serializers.SerializerMethodField(
        help_text=gettext_noop("The public themes it belongs to.")
    )
    contacts = serializers.SerializerMethodField(
        help_text=gettext_noop(
            "Whom to ask about it; their email addresses are on its page."
        )
    )
    updated = serializers.DateTimeField(source="updated_at")

    def get_url(self, statistic) -> str:
        return self.absolute(statistic.get_absolute_url())

    @extend_schema_field(ThemeSerializer(many=True))
    def get_themes(self, statistic):
        return ThemeSerializer(
            statistic.public_themes, many=True, context=self.context
        ).data

    @extend_schema_field(StatisticContactSerializer(many=True))
    def get_contacts(self, statistic):
        return StatisticContactSerializer(statistic.contacts.all(), many=True).data
