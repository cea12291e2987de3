"""Every app's `account_hooks` is found and registered with accounts."""

from accounts import notifications, personal_data, trust


def test_every_app_that_holds_personal_data_is_in_the_export_and_erasure():
    keys = {data.key for data in personal_data.registered()}

    assert keys == {
        "account",
        "themes",
        "discussions",
        "data_gaps",
        "meetings",
        "consultations",
        "statistics",
        "satisfaction",
        "action_status_updates",
    }


def test_every_app_that_notifies_has_its_kinds_registered():
    from consultations.notifications import KINDS as consultation_kinds
    from events.notifications import KINDS as meeting_kinds
    from forums.notifications import KINDS as discussion_kinds
    from gaps.notifications import KINDS as gap_kinds

    registered = {kind.key for kind in notifications.registered_kinds()}

    for kind in [*discussion_kinds, *gap_kinds, *meeting_kinds, *consultation_kinds]:
        assert kind.key in registered
    assert notifications.get_kind("data_export_ready")


def test_both_kinds_of_public_post_count_towards_trust():
    from forums.account_hooks import posts_others_see as threads_and_replies
    from gaps.account_hooks import posts_others_see as gaps

    assert threads_and_replies in trust._public_post_counters
    assert gaps in trust._public_post_counters
