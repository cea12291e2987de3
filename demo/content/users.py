"""Every demo user, as plain data: the sign-ins with a role, then the members.

seed_demo lists the sign-ins with their roles; the members started and answered
the demo discussions.
"""

DEMO_USERS = [
    {
        "email": "member@example.org",
        "first_name": "Maya",
        "last_name": "Okafor",
        "role": "member",
    },
    {
        "email": "producer@example.org",
        "first_name": "Priya",
        "last_name": "Shah",
        "role": "statistics producer",
    },
    {
        "email": "chair@example.org",
        "first_name": "Callum",
        "last_name": "Reid",
        "role": "forum chair",
    },
    {
        "email": "editor@example.org",
        "first_name": "Eleri",
        "last_name": "Jones",
        "role": "editor",
        "groups": ["Editors", "Moderators"],
    },
]

DEMO_MEMBERS = [
    {
        "key": "rafael",
        "first_name": "Rafael",
        "last_name": "Costa",
        "email": "rafael.costa@example.org",
        "organisation_name": "University of Leeds",
        "sector": "academic",
        "bio": (
            "Lecturer in quantitative social science who uses migration and crime "
            "survey data in teaching and research."
        ),
    },
    {
        "key": "laura",
        "first_name": "Laura",
        "last_name": "Whitfield",
        "email": "laura.whitfield@example.org",
        "organisation_name": "Bristol City Council",
        "sector": "government_analyst",
        "bio": (
            "Research and intelligence analyst who writes the council's housing "
            "and community safety needs assessments."
        ),
    },
    {
        "key": "gwen",
        "first_name": "Gwen",
        "last_name": "Pritchard",
        "email": "gwen.pritchard@example.org",
        "organisation_name": "Shelter Cymru",
        "sector": "voluntary",
        "bio": (
            "Policy and research officer working on homelessness and private "
            "renting in Wales."
        ),
    },
    {
        "key": "daniel",
        "first_name": "Daniel",
        "last_name": "Mensah",
        "email": "daniel.mensah@example.org",
        "organisation_name": "The Guardian",
        "sector": "media",
        "bio": (
            "Data journalist who reports on the economy, migration and public services."
        ),
    },
    {
        "key": "hannah",
        "first_name": "Hannah",
        "last_name": "Lindqvist",
        "email": "hannah.lindqvist@example.org",
        "organisation_name": "",
        "sector": "citizen",
        "bio": (
            "Retired district nurse in North Yorkshire with an interest in local "
            "health services, buses and community safety."
        ),
    },
    {
        "key": "oliver",
        "first_name": "Oliver",
        "last_name": "Brennan",
        "email": "oliver.brennan@example.org",
        "organisation_name": "Causeway Coast Tours",
        "sector": "business",
        "bio": (
            "Runs a small tour company and sits on a regional tourism partnership "
            "board."
        ),
    },
    {
        "key": "aisha",
        "first_name": "Aisha",
        "last_name": "Rahman",
        "email": "aisha.rahman@example.org",
        "organisation_name": "House of Commons",
        "sector": "parliamentarian",
        "bio": (
            "Parliamentary researcher for a member of the Justice Committee, "
            "preparing briefings and written questions."
        ),
    },
    {
        "key": "fraser",
        "first_name": "Fraser",
        "last_name": "Munro",
        "email": "fraser.munro@example.org",
        "organisation_name": "Anderson Bell Economics",
        "sector": "business",
        "bio": (
            "Economist at a small Glasgow consultancy advising firms and local "
            "authorities on regional economic trends."
        ),
    },
]
