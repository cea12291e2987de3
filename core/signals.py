"""Signals any app may send.

`content_changed`: a service changed rows in place with a queryset `update()`,
which sends no `post_save`. Whoever keeps a copy of the content (the search index)
listens. Sent with `sender` the model and `pks` the rows changed.
"""

from django.dispatch import Signal

content_changed = Signal()


def tell_content_changed(model, pks):
    content_changed.send(sender=model, pks=[pk for pk in pks if pk is not None])
