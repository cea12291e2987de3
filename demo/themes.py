"""Demo organisations, themes and contacts, built from demo.content.themes."""

from accounts.models import Organisation
from core.translation import of_record
from demo.content.themes import ORGANISATIONS, THEMES
from themes import services
from themes.models import (
    Role,
    ThemeContact,
    ThemeIndexPage,
    ThemePage,
)
from themes.roles import holds_role_anywhere


def create_demo_organisations():
    for spec in ORGANISATIONS:
        of_record(Organisation.objects).get_or_create(name=spec["name"], defaults=spec)
    return {
        org.acronym: org for org in of_record(Organisation.objects).all() if org.acronym
    }


def create_demo_theme_index(home_page, title, intro):
    existing = ThemeIndexPage.objects.child_of(home_page).first()
    if existing:
        return existing
    theme_index = ThemeIndexPage(title=title, slug="themes", intro=intro)
    home_page.add_child(instance=theme_index)
    return theme_index


def create_demo_themes(theme_index, organisations):
    """Add each demo theme that is not there yet, published, with its contacts."""
    existing = set(
        ThemePage.objects.child_of(theme_index).values_list("slug", flat=True)
    )
    for spec in THEMES:
        if spec["slug"] in existing:
            continue
        theme = ThemePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            introduction=spec["introduction"],
        )
        theme.organisations.set([organisations[a] for a in spec["organisations"]])
        theme.contacts = [
            ThemeContact(
                name=contact["name"],
                role=contact["role"],
                organisation=organisations[contact["organisation"]],
                responsible_for=contact["responsible_for"],
                email=contact["email"],
                phone=contact["phone"],
            )
            for contact in spec["contacts"]
        ]
        theme_index.add_child(instance=theme)
        theme.save_revision().publish()


def create_demo_roles(users):
    """The member joins two themes; the producer and the chair get a theme each."""
    editor = users["editor"]
    health, migration, housing = (
        of_record(ThemePage.objects).get(slug=slug)
        for slug in ["health-and-social-care", "migration", "housing-and-planning"]
    )
    for theme in (health, migration):
        services.join_theme(users["member"], theme)
    if not holds_role_anywhere(users["producer"]):
        services.grant_role(
            migration,
            users["producer"],
            Role.PRODUCER,
            granted_by=editor,
            organisation=of_record(Organisation.objects).get(acronym="ONS"),
            job_title="Statistician, International Migration",
            tell=False,
        )
    if not holds_role_anywhere(users["chair"]):
        services.grant_role(
            housing, users["chair"], Role.CHAIR, granted_by=editor, tell=False
        )
