"""Who is responding, as the request tells it: a member by their account; someone
without one by the responses this browser's session holds, and by their IP address.

Views use this; the services take the user and these values.
"""

from allauth.account.adapter import get_adapter

from consultations.services import responding

SESSION_KEY = "consultation_responses"


def held_response_id(request, consultation_id):
    return request.session.get(SESSION_KEY, {}).get(str(consultation_id))


def remember_response(request, response):
    """Let this browser come back to a response made without an account."""
    responses = request.session.get(SESSION_KEY, {})
    responses[str(response.consultation_id)] = response.pk
    request.session[SESSION_KEY] = responses


def response_of(request, consultation):
    """The visitor's own response: by account, or by this browser's session."""
    return responding.response_of(
        request.user, consultation, held_response_id(request, consultation.pk)
    )


def owns(request, response):
    return responding.owns(
        request.user, response, held_response_id(request, response.consultation_id)
    )


def ip_address(request):
    """Counted against the limit for people without an account; members are
    counted by their account."""
    if request.user.is_authenticated:
        return None
    return get_adapter().get_client_ip(request)
