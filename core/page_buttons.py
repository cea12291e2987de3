"""A button for one kind of page, in the admin's page explorer and page header."""

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem


class PageKindButton(PageMenuItem):
    """Shown on pages of `page_type` to those `may_use(user, page)` allows."""

    page_type = None

    def may_use(self, user, page):
        raise NotImplementedError

    def is_shown(self, user):
        # Explorer listings hand over plain Pages; the content type says what it is.
        page_class = self.page.specific_class
        return (
            page_class is not None
            and issubclass(page_class, self.page_type)
            and self.may_use(user, self.page)
        )


def register_page_button(button_class):
    """Show the button in explorer listings and in the page's header menu."""

    @hooks.register("register_page_listing_buttons")
    def listing_button(page, user, next_url=None):
        yield button_class(page=page, priority=40)

    @hooks.register("register_page_header_buttons")
    def header_button(page, user, view_name, next_url=None):
        yield button_class(page=page, priority=12)

    return button_class
