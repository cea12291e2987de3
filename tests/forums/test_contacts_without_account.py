"""A statistic's contacts without an account hear of a question about it by email:
an outbox row naming their address, sent by the worker like any other, never
twice, with a signed link that stops such emails (RFC 8058) and no sign-in. The
question page names them (never their address); a contact who stopped the emails,
or whose address bounced, is neither emailed nor listed."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts import outbox, return_path
from accounts.bounces import receive_bounce
from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import EmailSuppression, Notification
from catalogue import contact_emails
from catalogue.factories import StatisticFactory
from catalogue.models import StatisticContact
from demo.welsh import translate_snippet
from forums import notifications as forum_notifications
from forums import services
from forums.models import Thread
from tests.accounts.returned_mail import returned
from tests.accounts.test_outbox import DUMMY_TASKS
from tests.accounts.test_send_attempts import DOWN, RefusingBackend
from tests.core.test_translations import untranslated  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

Status = Notification.Status
QUESTION = {"title": "Why did the response rate fall?", "body": "In *2024*."}
# Restated, not imported: the links last a year.
LINK_DAYS = 365


@pytest.fixture
def lfs(ons, housing):
    return StatisticFactory(name="Labour Force Survey", producer=ons, themes=[housing])


def listed(statistic, name="Dana Dataperson", email="Dana.D@ons.example", **fields):
    return StatisticContact.objects.create(
        statistic=statistic, name=name, role="Lead", email=email, **fields
    )


def ask(client, statistic, theme, **question):
    client.force_login(UserFactory(first_name="Asha", last_name="Asker"))
    response = client.post(
        reverse("forums:ask_about_statistic", kwargs={"slug": statistic.slug}),
        {**QUESTION, **question, "theme": theme.pk},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    return Thread.objects.latest("pk")


def question(theme, statistics, title="Q"):
    """A question started through the service, its fan-out run as the view's is."""
    return services.start_thread(
        UserFactory(), theme, title=title, body="B", kind="question",
        statistics=statistics,
    )  # fmt: skip


def emails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def stop_url_in(message):
    return message.extra_headers["List-Unsubscribe"].strip("<>")


def path_of(url):
    return url.removeprefix("http://127.0.0.1:8000").removeprefix("http://testserver")


# The email


def test_a_contact_without_an_account_is_emailed_the_question(client, housing, lfs):
    listed(lfs)

    thread = ask(client, lfs, housing)

    [message] = emails_to("dana.d@ons.example")
    row = Notification.objects.get(user=None)
    assert (row.address, row.recipient_name) == (
        "dana.d@ons.example",
        "Dana Dataperson",
    )
    assert (row.status, row.event_key) == (Status.SENT, f"thread:{thread.pk}")
    assert message.extra_headers["Message-ID"] == row.message_id
    assert message.subject == (
        "A question about Labour Force Survey: Why did the response rate fall?"
    )
    [(html, _)] = message.alternatives
    for body in (message.body, html):
        assert "Hello Dana Dataperson," in body
        assert "Asha Asker asked a question about Labour Force Survey" in body
        assert "Why did the response rate fall?" in body
        assert thread.get_absolute_url() in body
        assert "listed on statsforum as a contact for Labour Force Survey" in body
        assert stop_url_in(message) in body.replace("&amp;", "&")
        assert "email preferences" not in body
    assert "<em>2024</em>" in html


def test_the_email_has_a_one_click_stop_link_and_our_return_path(
    client, housing, lfs, settings
):
    listed(lfs)

    ask(client, lfs, housing)

    [message] = emails_to("dana.d@ons.example")
    row = Notification.objects.get(user=None)
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    assert "/contacts/stop/" in stop_url_in(message)
    token = message.from_email.partition("+")[2].partition("@")[0]
    assert message.from_email.endswith("@" + settings.INBOUND_EMAIL_DOMAIN)
    assert return_path.verifies(token, row.pk, "dana.d@ons.example")
    assert "Reply-To" not in message.extra_headers and not message.reply_to


def test_the_email_is_in_english_even_from_a_welsh_page(client, housing, lfs):
    listed(lfs)
    client.force_login(UserFactory())

    client.post(f"/cy/statistics/{lfs.slug}/ask/", {**QUESTION, "theme": housing.pk})

    [message] = emails_to("dana.d@ons.example")
    assert message.subject.startswith("A question about Labour Force Survey")
    assert "/cy/" not in message.body


def test_a_contact_of_two_statistics_a_question_names_gets_one_email(housing, lfs, ons):
    aps = StatisticFactory(name="Annual Population Survey", producer=ons)
    listed(lfs)
    listed(aps, email="dana.d@ons.example")

    question(housing, [lfs, aps])

    [message] = emails_to("dana.d@ons.example")
    assert "Labour Force Survey, Annual Population Survey" in message.subject


def test_a_fan_out_run_again_writes_and_sends_nothing_twice(housing, lfs):
    listed(lfs)
    listed(lfs, name="Eli Else", email="eli@ons.example")
    thread = question(housing, [lfs])
    assert len(emails_to("eli@ons.example")) == 1

    forum_notifications.tell_members_of_thread(thread.pk)

    assert Notification.objects.filter(user=None).count() == 2
    assert len(emails_to("dana.d@ons.example")) == 1
    assert len(emails_to("eli@ons.example")) == 1


@override_settings(TASKS=DUMMY_TASKS)
def test_the_fan_out_writes_the_rows_and_the_worker_sends_them(housing, lfs):
    listed(lfs)
    thread = question(housing, [lfs])  # its fan-out task waits: a dummy worker

    forum_notifications.tell_members_of_thread(thread.pk)

    row = Notification.objects.get(user=None)
    assert row.status == Status.PENDING and not mail.outbox
    outbox.deliver([row.pk])
    outbox.deliver([row.pk])  # a task run again sends nothing more
    assert len(emails_to("dana.d@ons.example")) == 1


def test_a_mail_server_down_is_waited_out_then_sent_once(housing, lfs):
    listed(lfs)
    with override_settings(EMAIL_BACKEND=DOWN):
        question(housing, [lfs])
    row = Notification.objects.get(user=None)
    assert (row.status, row.attempts) == (Status.PENDING, 1)
    assert row.next_attempt_at > timezone.now() + timedelta(minutes=9)
    Notification.objects.filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )

    outbox.sweep()

    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.SENT, 2)
    assert len(emails_to("dana.d@ons.example")) == 1


def test_an_address_the_mail_server_refuses_for_good_is_suppressed(housing, lfs):
    listed(lfs)
    RefusingBackend.reply = (550, b"5.1.1 No such user")
    try:
        backend = "tests.accounts.test_send_attempts.RefusingBackend"
        with override_settings(EMAIL_BACKEND=backend):
            question(housing, [lfs])
    finally:
        RefusingBackend.reply = None

    row = Notification.objects.get(user=None)
    assert (row.status, row.attempts) == (Status.SUPPRESSED, 1)
    suppression = EmailSuppression.objects.get()
    assert (suppression.user, suppression.address) == (None, "dana.d@ons.example")
    question(housing, [lfs], title="Again")
    assert Notification.objects.filter(user=None).count() == 1
    assert not mail.outbox


@override_settings(TASKS=DUMMY_TASKS)
def test_the_fan_out_costs_the_same_few_queries_for_50_contacts_as_for_5(
    housing, lfs, ons, django_assert_max_num_queries
):
    many = StatisticFactory(name="Many contacts", producer=ons)
    for n in range(50):
        listed(many, name=f"Contact {n}", email=f"c{n}@ons.example")
    for n in range(5):
        listed(lfs, name=f"Contact {n}", email=f"few{n}@ons.example")
    few_thread = question(housing, [lfs])
    many_thread = question(housing, [many])

    def cost(thread):
        with django_assert_max_num_queries(8) as counted:
            forum_notifications.tell_contacts_without_account(thread, {})
        return [query["sql"].split()[0] for query in counted.captured_queries]

    forum_notifications.tell_contacts_without_account(question(housing, [lfs]), {})
    Notification.objects.filter(user=None).delete()
    many, few = cost(many_thread), cost(few_thread)
    # The statistics, the contacts, the stopped addresses; in a savepoint, one
    # bulk insert (SQLite splits it at 999 parameters, PostgreSQL never), the read
    # back and the worker's task: what reads, reads once for 50 as for 5.
    assert [q for q in many if q != "INSERT"] == [q for q in few if q != "INSERT"]
    assert Notification.objects.filter(user=None).count() == 55


# Bounces and complaints


def test_a_bounce_stops_email_to_the_address(housing, lfs):
    listed(lfs)
    question(housing, [lfs])
    [message] = mail.outbox
    token = message.from_email.partition("+")[2].partition("@")[0]

    suppression = receive_bounce(
        returned("postfix_permanent", message.from_email, "dana.d@ons.example"), token
    )

    assert (suppression.user, suppression.address) == (None, "dana.d@ons.example")
    assert suppression.reason == EmailSuppression.Reason.BOUNCE
    question(housing, [lfs], title="Again")
    assert len(mail.outbox) == 1


def test_a_spam_complaint_stops_email_to_the_address(housing, lfs):
    listed(lfs)
    question(housing, [lfs])
    [message] = mail.outbox

    suppression = receive_bounce(
        returned("arf_complaint", message.from_email, "dana.d@ons.example"), ""
    )

    assert (suppression.user, suppression.reason) == (None, "complaint")


def test_a_bounce_naming_another_address_changes_nothing(housing, lfs):
    contact = listed(lfs)
    question(housing, [lfs])
    row = Notification.objects.get(user=None)
    forged = f"bounces+{return_path.token_for(row.pk, 'someone@else.example')}@x"

    found = receive_bounce(
        returned("postfix_permanent", forged, "dana.d@ons.example"),
        return_path.token_for(row.pk, "someone@else.example"),
    )

    assert found is None and not EmailSuppression.objects.exists()
    assert contact.email == "Dana.D@ons.example"


def test_a_member_s_suppression_of_the_same_address_is_theirs_alone(housing, lfs):
    listed(lfs, email="shared@ons.example")
    member = UserFactory(email="other@ons.example")
    EmailSuppression.objects.create(
        user=member, address="shared@ons.example", reason="bounce"
    )

    question(housing, [lfs])

    assert len(emails_to("shared@ons.example")) == 1


# Whom the question page lists


def test_the_question_page_names_the_contact_never_their_address(client, housing, lfs):
    listed(lfs)

    thread = ask(client, lfs, housing)

    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Sent to Dana Dataperson (ONS)." in page
    assert "dana.d@ons.example" not in page.lower()


def test_a_welsh_question_page_names_the_contacts_producer_in_welsh(
    client, housing, welsh
):
    government = OrganisationFactory(name="Welsh Government", acronym="")
    translate_snippet(government, welsh, {"name": "Llywodraeth Cymru"})
    survey = StatisticFactory(
        name="National Survey for Wales", producer=government, themes=[housing]
    )
    listed(survey, email="dana@gov.wales.example")
    thread = ask(client, survey, housing)

    page = client.get("/cy" + thread.get_absolute_url()).content.decode()

    assert "Dana Dataperson (Llywodraeth Cymru)" in page


def test_a_contact_who_stopped_the_emails_is_not_emailed_or_listed(
    client, housing, lfs
):
    listed(lfs, emails_stopped_at=timezone.now())

    thread = ask(client, lfs, housing)

    assert not mail.outbox
    assert not Notification.objects.filter(user=None).exists()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Dana Dataperson" not in page


def test_a_suppressed_address_is_not_emailed_or_listed(client, housing, lfs):
    listed(lfs)
    EmailSuppression.objects.create(address="dana.d@ons.example", reason="bounce")

    thread = ask(client, lfs, housing)

    assert not mail.outbox
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Dana Dataperson" not in page


def test_an_address_that_bounced_after_the_question_is_no_longer_listed(
    client, housing, lfs
):
    listed(lfs)
    thread = ask(client, lfs, housing)
    assert "Dana Dataperson" in client.get(thread.get_absolute_url()).content.decode()

    EmailSuppression.objects.create(address="dana.d@ons.example", reason="bounce")

    assert (
        "Dana Dataperson" not in client.get(thread.get_absolute_url()).content.decode()
    )


# A contact who is also a member


def test_a_contact_who_is_a_member_by_their_verified_address_hears_once_as_member(
    client, housing, lfs
):
    member = UserFactory(
        first_name="Dana", last_name="Member", email="dana.d@ons.example"
    )
    listed(lfs)

    thread = ask(client, lfs, housing)

    [message] = emails_to("dana.d@ons.example")
    assert Notification.objects.get(event_key=f"thread:{thread.pk}", user=member)
    assert not Notification.objects.filter(user=None).exists()
    assert "Hello Dana Member," in message.body
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Dana Member" in page and "Dana Dataperson" not in page


def test_an_account_that_has_not_verified_the_address_does_not_take_the_email(
    client, housing, lfs
):
    UserFactory(email="dana.d@ons.example", verified=False)
    listed(lfs)

    ask(client, lfs, housing)

    [message] = emails_to("dana.d@ons.example")
    assert "Hello Dana Dataperson," in message.body
    assert Notification.objects.filter(user=None).count() == 1


# The stop link


def stop_link(client, housing, lfs):
    listed(lfs)
    question(housing, [lfs])
    [message] = mail.outbox
    return path_of(stop_url_in(message))


def test_the_stop_link_asks_first_and_changes_nothing_on_a_get(client, housing, lfs):
    url = stop_link(client, housing, lfs)

    response = client.get(url)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Stop emails about questions?" in page
    assert "Labour Force Survey" in page
    assert '<form method="post"' in page
    assert StatisticContact.objects.get().emails_stopped_at is None


def test_the_stop_link_posted_without_a_session_stops_later_questions(
    housing, lfs, client
):
    from django.test import Client

    url = stop_link(client, housing, lfs)

    # A mail client's one-click POST: no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url, {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert "We will stop emailing you about questions" in response.content.decode()
    assert StatisticContact.objects.get().emails_stopped_at is not None
    question(housing, [lfs], title="Later")
    assert len(mail.outbox) == 1


def test_the_stop_link_stops_only_its_address_and_statistics(housing, lfs, ons):
    aps = StatisticFactory(name="Annual Population Survey", producer=ons)
    listed(lfs)
    listed(lfs, name="Eli Else", email="eli@ons.example")
    listed(aps)

    contact_emails.stop_emails("dana.d@ons.example", [lfs.pk])

    stopped = set(
        StatisticContact.objects.filter(emails_stopped_at__isnull=False).values_list(
            "statistic__name", "name"
        )
    )
    assert stopped == {("Labour Force Survey", "Dana Dataperson")}


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_stop_link_is_a_clear_400_and_changes_nothing(
    client, housing, lfs, method
):
    url = stop_link(client, housing, lfs)
    forged = url.rstrip("/")[:-3] + "abc/"
    made_up = reverse(
        "catalogue:stop_emails",
        args=[signing.dumps({"a": "dana.d@ons.example", "s": [lfs.pk]}, salt="x")],
    )

    for address in (forged, made_up):
        response = getattr(client, method)(address)
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert StatisticContact.objects.get().emails_stopped_at is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_expired_stop_link_is_a_clear_400_and_changes_nothing(
    client, housing, lfs, method, monkeypatch
):
    listed(lfs)
    old = timezone.now() - timedelta(days=LINK_DAYS, hours=1)
    with monkeypatch.context() as then:
        then.setattr(signing.time, "time", old.timestamp)
        url = path_of(contact_emails.stop_link("dana.d@ons.example", [lfs.pk]))

    response = getattr(client, method)(url)

    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    assert StatisticContact.objects.get().emails_stopped_at is None


def test_a_link_not_quite_a_year_old_still_works(client, lfs, monkeypatch):
    listed(lfs)
    old = timezone.now() - timedelta(days=LINK_DAYS - 1)
    with monkeypatch.context() as then:
        then.setattr(signing.time, "time", old.timestamp)
        url = path_of(contact_emails.stop_link("dana.d@ons.example", [lfs.pk]))

    assert client.post(url).status_code == 200
    assert StatisticContact.objects.get().emails_stopped_at is not None


def test_a_stop_link_for_an_address_changed_since_stops_nothing(client, lfs):
    contact = listed(lfs)
    url = path_of(contact_emails.stop_link("dana.d@ons.example", [lfs.pk]))
    StatisticContact.objects.filter(pk=contact.pk).update(email="new@ons.example")

    client.post(url)

    assert StatisticContact.objects.get().emails_stopped_at is None


def test_the_stop_pages_are_in_welsh(client, housing, lfs, untranslated):  # noqa: F811
    url = stop_link(client, housing, lfs)

    asked = client.get("/cy" + url)
    done = client.post("/cy" + url)

    assert asked["Content-Language"] == done["Content-Language"] == "cy"
    assert sorted(set(untranslated)) == []


# Personal data


def test_a_members_erasure_and_export_leave_rows_to_addresses_alone(housing, lfs):
    from accounts.services import delete_account

    listed(lfs)
    asker = UserFactory()
    services.start_thread(
        asker, housing, title="Q", body="B", kind="question", statistics=[lfs]
    )

    delete_account(asker, keep_public_posts=False)

    assert Notification.objects.filter(user=None).count() == 1


def test_the_address_and_what_was_sent_are_forgotten_after_three_months(
    client, housing, lfs
):
    from django.core.management import call_command

    listed(lfs)
    thread = question(housing, [lfs])
    recent = question(housing, [lfs], title="Recent")
    Notification.objects.filter(user=None, event_key=f"thread:{thread.pk}").update(
        created_at=timezone.now() - timedelta(days=91)
    )

    call_command("prune_outbox_addresses", "--min-age-days", "90")

    old = Notification.objects.get(user=None, event_key=f"thread:{thread.pk}")
    assert old.address == "" and "stop_url" not in old.context
    assert old.recipient_name == "Dana Dataperson"
    kept = Notification.objects.get(user=None, event_key=f"thread:{recent.pk}")
    assert kept.address == "dana.d@ons.example"
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Sent to Dana Dataperson (ONS)." in page


# What members and editors see


def test_the_kind_is_no_members_choice(client):
    from accounts.notifications import get_kind

    kind = get_kind("statistic_question")
    assert (kind.optional, kind.stop_link) == (False, "stop_url")
    client.force_login(UserFactory())

    page = client.get(reverse("notification_preferences")).content.decode()

    assert "New threads" in page
    assert "Questions about statistics you are a contact for" not in page


def test_editors_see_and_lift_a_bounced_address_without_an_account(client, editor):
    bounced = EmailSuppression.objects.create(
        address="dana.d@ons.example", reason="bounce"
    )
    client.force_login(editor)

    listing = client.get(reverse("email_suppressions:index"))
    lifted = client.post(reverse("email_suppressions:delete", args=[bounced.pk]))

    assert listing.status_code == 200
    assert "dana.d@ons.example" in listing.content.decode()
    assert lifted.status_code == 302
    assert not EmailSuppression.objects.exists()
