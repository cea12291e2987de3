"""Replies to a data gap's emails: the member's support, with what they wrote as
their use case, through `services.support` after the page's own checks.

Support with a use case is what any member adds to a gap on its page (a gap's
discussions are threads, which a triager links; a reply about one goes to that
thread). So a reply adds the member's support and use case; it never replaces a
use case they wrote before (a "thank you" would overwrite it): that is changed on
the page. The gap's author is told their need is counted already.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from accounts.replies import Posted, Refused, ReplyTarget
from gaps import services
from gaps.forms import SupportForm
from gaps.models import DataGap, GapSupport


def post_by_email(user, gap_id, text):
    gap = services.gaps_visible_to(user).select_related("theme").filter(pk=gap_id)
    gap = gap.first()
    if gap is None:
        raise Refused(_("The data gap has been removed, or you can no longer see it."))
    url = gap.get_full_url()
    if gap.author_id == user.pk:
        raise Refused(
            _(
                "You raised this data gap, so your need is counted already. A reply by "
                "email adds your support and how you would use the statistics; to add "
                "to its discussion, go to the gap's page."
            ),
            url,
        )
    support = GapSupport.objects.filter(gap=gap, user=user).first()
    if support and support.use_case:
        raise Refused(
            _(
                "You have already told the producers how you would use these "
                "statistics. To change what you wrote, edit it on the gap's page."
            ),
            url,
        )
    form = SupportForm(
        {"use_case": text, "show_name": "on" if support and support.show_name else ""}
    )
    if not form.is_valid():
        raise Refused(" ".join(form.errors["use_case"]), url)
    try:
        services.check_may_support(user, gap.theme)
        services.support(gap, user, **form.cleaned_data)
    except ValidationError as refusal:
        raise Refused(" ".join(refusal.messages), url) from refusal
    except PermissionDenied as refusal:
        raise Refused(str(refusal), url) from refusal
    return Posted(held=False, url=f"{url}#support")


def about_gap(gap_id):
    gap = DataGap.objects.select_related("theme").filter(pk=gap_id).first()
    if gap is None:
        return _("a data gap since removed"), ""
    return _("the data gap “%(title)s”") % {"title": gap.title}, gap.get_full_url()


GAP = ReplyTarget(key="gap", code="g", post=post_by_email, about=about_gap)
