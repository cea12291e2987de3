"""Demo past meetings with published minutes, so the chain meeting → minutes →
actions can be seen without waiting for a real meeting."""

PAST_MEETINGS = [
    {
        "theme": "housing-and-planning",
        "title": "Housing statistics users' autumn meeting",
        "slug": "housing-users-autumn",
        "summary": "MHCLG and ONS on the English Housing Survey and local figures.",
        "format": "hybrid",
        "venue": "2 Marsham Street",
        "address": "London\nSW1P 4DF",
        "joining_link": "https://meet.example.org/housing-autumn",
        "days_ago": 45,
        "minutes": {
            "summary": (
                "<p>MHCLG set out the English Housing Survey's plans for the next two "
                "years. Members from councils asked again for local estimates of "
                "damp and overcrowding; ONS described its small area modelling "
                "work and agreed to publish a timetable.</p>"
            ),
            "attendees": [
                (
                    "Priya Nair",
                    "Ministry of Housing, Communities and Local Government",
                    "present",
                ),
                ("Tom Walsh", "Office for National Statistics", "present"),
                ("Laura Bennett", "Bristol City Council", "present"),
                ("Rafael Costa", "Shelter", "present"),
                ("Dr Amira Hassan", "University of Leeds", "apologies"),
            ],
            "items": [
                (
                    "English Housing Survey: plans",
                    "<p>MHCLG will move the survey's headline report to the spring "
                    "and add a table on damp and mould by tenure.</p>",
                ),
                (
                    "Local estimates",
                    "<p>Councils described how they use the survey for strategy "
                    "work. ONS explained that the sample cannot support direct "
                    "local estimates but that modelled estimates are being tested."
                    "</p>",
                ),
            ],
            "decisions": [
                "The forum will review the draft modelled estimates before they are "
                "published.",
                "The next meeting will be held online in the spring.",
            ],
            "actions": [
                {
                    "description": "Publish a timetable for modelled local "
                    "estimates of damp and overcrowding",
                    "owner": "Tom Walsh",
                    "organisation": "ONS",
                    "due_in_days": -10,
                    "status": "open",
                    "thread": "Will the English Housing Survey publish local "
                    "authority estimates?",
                },
                {
                    "description": "Circulate the new damp and mould table by tenure "
                    "to members for comment",
                    "owner": "Priya Nair",
                    "organisation": "MHCLG",
                    "due_in_days": 20,
                    "status": "open",
                },
                {
                    "description": "Send members the survey's user guide",
                    "owner": "The chair",
                    "organisation": None,
                    "due_in_days": -30,
                    "status": "done",
                },
            ],
        },
    },
    {
        "theme": "migration",
        "title": "Migration statistics users' summer meeting",
        "slug": "migration-users-summer",
        "summary": "Revisions to long-term international migration estimates.",
        "format": "online",
        "venue": "",
        "address": "",
        "joining_link": "https://meet.example.org/migration-summer",
        "days_ago": 120,
        "minutes": {
            "summary": (
                "<p>ONS explained the latest revisions to long-term international "
                "migration estimates and the move to administrative data. Members "
                "asked for clearer notes on revisions and for local authority "
                "breakdowns.</p>"
            ),
            "attendees": [
                ("Sam Okafor", "Office for National Statistics", "present"),
                ("Helen Price", "Home Office", "present"),
                ("Dr Amira Hassan", "University of Leeds", "present"),
                ("Hannah Kerr", "", "apologies"),
            ],
            "items": [
                (
                    "Revisions to migration estimates",
                    "<p>ONS walked through why the estimates were revised and how "
                    "large the revisions were.</p>",
                ),
            ],
            "decisions": [
                "ONS will add a plain-English note on revisions to each release.",
            ],
            "actions": [
                {
                    "description": "Add a plain-English revisions note to the "
                    "quarterly release",
                    "owner": "Sam Okafor",
                    "organisation": "ONS",
                    "due_in_days": -60,
                    "status": "done",
                },
                {
                    "description": "Report back on local authority breakdowns of "
                    "net migration",
                    "owner": "Sam Okafor",
                    "organisation": "ONS",
                    "due_in_days": 30,
                    "status": "open",
                },
                {
                    "description": "Explore a joint Home Office and ONS user event",
                    "owner": "Helen Price",
                    "organisation": "HO",
                    "due_in_days": -20,
                    "status": "dropped",
                },
            ],
        },
    },
]
