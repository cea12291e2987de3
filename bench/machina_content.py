"""The thread both sites serve in bench/machina.py: its title, authors and Markdown
replies of about 560 bytes with links, lists and emphasis, the same on every run."""

import random

TITLE = "Net migration estimates: revisions and the new admin-based method"
OPENING = (
    "The latest **long-term international migration** estimates were revised again. "
    "How are you using the [provisional figures](https://www.ons.gov.uk/peoplepopulation"
    "andcommunity/populationandmigration/internationalmigration), and what would help?"
)

_NAMES = [
    ("Amira", "Khan"),
    ("Tom", "Whitfield"),
    ("Priya", "Natarajan"),
    ("Gareth", "Owen"),
    ("Siobhan", "Murphy"),
    ("Kwame", "Mensah"),
    ("Helen", "Clarke"),
    ("Rafael", "Costa"),
    ("Morag", "Campbell"),
    ("Daniel", "Okafor"),
    ("Eleanor", "Price"),
    ("Yusuf", "Ali"),
    ("Bethan", "Jones"),
    ("Lukas", "Nowak"),
    ("Grace", "Adeyemi"),
    ("Iain", "Fraser"),
    ("Chloe", "Bennett"),
    ("Marek", "Zielinski"),
    ("Fiona", "Doyle"),
    ("Sanjay", "Mehta"),
]
AUTHORS = [
    {"first": first, "last": last, "username": f"{first}.{last}".lower()}
    for first, last in _NAMES
]

_TOPICS = [
    "net migration",
    "visa grants",
    "asylum applications",
    "student flows",
    "emigration",
    "population projections",
    "labour market",
    "regional estimates",
]
_RELEASES = [
    "quarterly release",
    "annual bulletin",
    "methods update",
    "user guide",
    "technical annex",
    "revisions policy",
]
_AREAS = [
    "local authorities",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "London boroughs",
    "coastal towns",
    "university cities",
]
_USES = [
    "school place planning",
    "housing need",
    "GP list cleaning",
    "council tax base",
    "NHS workforce plans",
    "transport models",
]
_SENTENCES = [
    "We compared them with the *Home Office* tables and the gap narrowed.",
    "A short note in the **bulletin** would save users hours.",
    "The confidence intervals would help too.",
    "Has anyone reconciled this with the census?",
    "Thanks to the team for the webinar.",
]


def bodies(count, seed=15):
    """`count` replies of about 560 bytes of Markdown, the same for a seed."""
    pick = random.Random(seed).choice  # noqa: S311 (sample text, not secrets)
    out = []
    for n in range(count):
        topic, area = pick(_TOPICS), pick(_AREAS)
        link = f"https://www.ons.gov.uk/releases/{topic.replace(' ', '-')}-{n}"
        text = (
            f"Thanks for raising this. The **{topic}** figures in the "
            f"[{pick(_RELEASES)}]({link}) moved by *{(n * 7) % 19 + 1}%* on the "
            f"previous quarter, which matters for {pick(_USES)} in {area}.\n\n"
            f"Three things would help us:\n\n"
            f"- a longer back series for {area}\n"
            f"- the *revisions triangle* beside the headline figures\n"
            f"- a note on how the method changed\n\n"
            f"See [the code](https://github.com/example/migration-{n % 40})."
        )
        sentences = iter(_SENTENCES[n % 5 :] + _SENTENCES[: n % 5])
        while len(text.encode()) < 520:
            text += " " + next(sentences)
        out.append(f"{text} (Reply {n + 1}.)")
    return out
