"""Demo organisations and themes, with introductions and contacts, as plain data."""

ORGANISATIONS = [
    {
        "name": "Office for National Statistics",
        "acronym": "ONS",
        "website": "https://www.ons.gov.uk",
        "kind": "producer",
    },
    {
        "name": "Department of Health and Social Care",
        "acronym": "DHSC",
        "website": (
            "https://www.gov.uk/government/organisations/"
            "department-of-health-and-social-care"
        ),
        "kind": "producer",
    },
    {
        "name": "NHS England",
        "acronym": "NHSE",
        "website": "https://www.england.nhs.uk",
        "kind": "producer",
    },
    {
        "name": "Public Health Scotland",
        "acronym": "PHS",
        "website": "https://publichealthscotland.scot",
        "kind": "producer",
    },
    {
        "name": "Ministry of Housing, Communities and Local Government",
        "acronym": "MHCLG",
        "website": (
            "https://www.gov.uk/government/organisations/"
            "ministry-of-housing-communities-local-government"
        ),
        "kind": "producer",
    },
    {
        "name": "Home Office",
        "acronym": "HO",
        "website": "https://www.gov.uk/government/organisations/home-office",
        "kind": "producer",
    },
    {
        "name": "Welsh Government",
        "acronym": "WG",
        "website": "https://www.gov.wales",
        "kind": "producer",
    },
    {
        "name": "Northern Ireland Statistics and Research Agency",
        "acronym": "NISRA",
        "website": "https://www.nisra.gov.uk",
        "kind": "producer",
    },
    {
        "name": "Scottish Government",
        "acronym": "SG",
        "website": "https://www.gov.scot",
        "kind": "producer",
    },
    {
        "name": "National Records of Scotland",
        "acronym": "NRS",
        "website": "https://www.nrscotland.gov.uk",
        "kind": "producer",
    },
    {
        "name": "Department for Transport",
        "acronym": "DfT",
        "website": (
            "https://www.gov.uk/government/organisations/department-for-transport"
        ),
        "kind": "producer",
    },
    {
        "name": "Ministry of Justice",
        "acronym": "MoJ",
        "website": "https://www.gov.uk/government/organisations/ministry-of-justice",
        "kind": "producer",
    },
    {
        "name": "HM Revenue and Customs",
        "acronym": "HMRC",
        "website": "https://www.gov.uk/government/organisations/hm-revenue-customs",
        "kind": "producer",
    },
    {
        "name": "Royal Statistical Society",
        "acronym": "RSS",
        "website": "https://rss.org.uk",
        "kind": "user",
    },
    {
        "name": "Statistics User Forum",
        "acronym": "SUF",
        "website": (
            "https://rss.org.uk/policy-campaigns/policy-groups/statistics-user-forum/"
        ),
        "kind": "user",
    },
    {
        "name": "Local Government Association",
        "acronym": "LGA",
        "website": "https://www.local.gov.uk",
        "kind": "user",
    },
    {
        "name": "The Migration Observatory",
        "acronym": "MigObs",
        "website": "https://migrationobservatory.ox.ac.uk",
        "kind": "user",
    },
    {
        "name": "Resolution Foundation",
        "acronym": "RF",
        "website": "https://www.resolutionfoundation.org",
        "kind": "user",
    },
    {
        "name": "Nuffield Trust",
        "acronym": "NT",
        "website": "https://www.nuffieldtrust.org.uk",
        "kind": "user",
    },
    {
        "name": "Institute for Fiscal Studies",
        "acronym": "IFS",
        "website": "https://ifs.org.uk",
        "kind": "user",
    },
    {
        "name": "RAC Foundation",
        "acronym": "RACF",
        "website": "https://www.racfoundation.org",
        "kind": "user",
    },
]

THEMES = [
    {
        "title": "Health and social care",
        "slug": "health-and-social-care",
        "summary": (
            "Statistics on the NHS, public health and adult social care across the UK, "
            "from waiting times and A&E to care home places."
        ),
        "introduction": [
            {
                "type": "heading",
                "value": "What this theme covers",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>This theme is for people who use or produce statistics about "
                    "health, the NHS and social care in England, Scotland, Wales and "
                    "Northern Ireland.</p><p>Members include analysts in government "
                    "and the NHS, researchers, charities, journalists and local "
                    "councils.</p>"
                ),
            },
            {
                "type": "paragraph",
                "value": (
                    "<h3>Statistics we discuss</h3><ul><li>Referral to treatment (RTT) "
                    "waiting times, England</li><li>A&amp;E attendances and emergency "
                    "admissions, England</li><li>Health Survey for England</li>"
                    "<li>Adult social care activity and finance, England</li>"
                    "<li>A&amp;E activity and waiting times, Scotland</li><li>NHS "
                    "activity and performance summary, Wales</li><li>Hospital waiting "
                    "times statistics, Northern Ireland</li></ul>"
                ),
            },
            {
                "type": "details",
                "value": {
                    "summary": "Who produces these statistics",
                    "content": (
                        "<p>Health is devolved, so each nation publishes its own "
                        "statistics.</p><ul><li>England: NHS England and the "
                        "Department of Health and Social Care</li><li>Scotland: Public "
                        "Health Scotland</li><li>Wales: the Welsh Government</li>"
                        "<li>Northern Ireland: NISRA statisticians in the Department "
                        "of Health</li></ul>"
                    ),
                },
            },
            {
                "type": "inset_text",
                "value": (
                    "Waiting time targets and definitions differ between the four "
                    "nations. Check the notes with each release before you compare "
                    "figures."
                ),
            },
            {
                "type": "heading",
                "value": "How to take part",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Join the theme to follow discussions and hear about "
                    "meetings.</li><li>Ask a question, or raise a data gap if the "
                    "statistics you need do not exist or are not detailed enough.</li>"
                    "<li>Come to theme meetings to hear about plans and tell producers "
                    "what you need.</li><li>Respond to consultations on changes to "
                    "these statistics.</li></ul><p>When a producer acts on a question "
                    "or data gap, they post an update in the discussion, so you can "
                    "see what happened to it.</p>"
                ),
            },
        ],
        "organisations": ["DHSC", "NHSE", "PHS", "WG", "NISRA", "NT"],
        "contacts": [
            {
                "name": "Priya Raman",
                "role": "Head of Health Statistics",
                "organisation": "DHSC",
                "responsible_for": (
                    "Adult social care statistics and DHSC statistical releases, "
                    "England"
                ),
                "email": "health.statistics@example.gov.uk",
                "phone": "020 7946 0123",
            },
            {
                "name": "Tomasz Nowak",
                "role": "Lead Analyst, Waiting Times",
                "organisation": "NHSE",
                "responsible_for": (
                    "Referral to treatment waiting times and A&E attendances and "
                    "emergency admissions, England"
                ),
                "email": "waiting.times@example.gov.uk",
                "phone": "",
            },
            {
                "name": "Catriona MacLeod",
                "role": "Principal Information Analyst",
                "organisation": "PHS",
                "responsible_for": "A&E activity and waiting times, Scotland",
                "email": "ae.statistics@example.gov.uk",
                "phone": "0131 496 0451",
            },
        ],
    },
    {
        "title": "Housing and planning",
        "slug": "housing-and-planning",
        "summary": (
            "Statistics on homes, house building, rents, homelessness and planning "
            "across the UK."
        ),
        "introduction": [
            {
                "type": "heading",
                "value": "What this theme covers",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>This theme covers statistics about the homes people live in, "
                    "how many new homes are built, what housing costs and who is "
                    "homeless. It also covers planning applications and decisions.</p>"
                    "<p>It is for anyone who uses these statistics, including "
                    "councils, housing associations, developers, researchers and "
                    "campaigners.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Statistics we discuss",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>English Housing Survey</li><li>Housing supply: indicators "
                    "of new supply, England</li><li>Statutory homelessness statistics, "
                    "England</li><li>Planning applications in England</li><li>Housing "
                    "statistics for Scotland</li><li>Dwelling stock estimates and "
                    "homelessness statistics, Wales</li><li>Northern Ireland housing "
                    "statistics</li><li>UK House Price Index and Price Index of "
                    "Private Rents</li></ul>"
                ),
            },
            {
                "type": "details",
                "value": {
                    "summary": "Who produces these statistics",
                    "content": (
                        "<p>Housing is devolved. The Ministry of Housing, Communities "
                        "and Local Government publishes statistics for England. The "
                        "Scottish Government, the Welsh Government and NISRA "
                        "statisticians in the Department for Communities publish "
                        "statistics for their nations.</p><p>The Office for National "
                        "Statistics publishes UK-wide house price and rent "
                        "statistics.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": "How to take part",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Join the theme to follow discussions and hear about "
                    "meetings.</li><li>Ask a question, or raise a data gap if the "
                    "statistics you need do not exist or are not detailed enough.</li>"
                    "<li>Come to theme meetings to hear about plans and tell producers "
                    "what you need.</li><li>Respond to consultations on changes to "
                    "these statistics.</li></ul><p>When a producer acts on a question "
                    "or data gap, they post an update in the discussion, so you can "
                    "see what happened to it. Councils are welcome to share how they "
                    "use local housing statistics and where they find gaps.</p>"
                ),
            },
        ],
        "organisations": ["MHCLG", "ONS", "SG", "WG", "NISRA", "LGA"],
        "contacts": [
            {
                "name": "Kwame Mensah",
                "role": "Head of Housing Statistics",
                "organisation": "MHCLG",
                "responsible_for": (
                    "English Housing Survey, housing supply and statutory homelessness "
                    "statistics, England"
                ),
                "email": "housing.statistics@example.gov.uk",
                "phone": "020 7946 0418",
            },
            {
                "name": "Siân Griffiths",
                "role": "Senior Statistician, Housing",
                "organisation": "WG",
                "responsible_for": (
                    "Dwelling stock estimates, new house building and homelessness "
                    "statistics, Wales"
                ),
                "email": "stats.housing@example.gov.uk",
                "phone": "029 2018 0732",
            },
            {
                "name": "Daniel Ferreira",
                "role": "Lead Statistician, Private Rents",
                "organisation": "ONS",
                "responsible_for": (
                    "Price Index of Private Rents and UK House Price Index"
                ),
                "email": "housing.prices@example.gov.uk",
                "phone": "",
            },
        ],
    },
    {
        "title": "Migration",
        "slug": "migration",
        "summary": (
            "Statistics on people moving to and from the UK, visas, asylum and the "
            "effect of migration on the population."
        ),
        "introduction": [
            {
                "type": "heading",
                "value": "What this theme covers",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>This theme covers statistics on international migration to and "
                    "from the UK, the immigration system and how migration changes the "
                    "size and make-up of the population.</p><p>Members include "
                    "researchers, local councils, charities, journalists and the teams "
                    "who produce the statistics.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Statistics we discuss",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Long-term international migration estimates, UK</li>"
                    "<li>Immigration system statistics: visas, asylum, returns and "
                    "detention</li><li>Mid-year population estimates, including "
                    "migration components</li><li>Migration flows and population "
                    "estimates, Scotland</li><li>Long-term international migration "
                    "statistics, Northern Ireland</li></ul><p>The Office for National "
                    "Statistics produces UK migration estimates and the Home Office "
                    "produces immigration system statistics. National Records of "
                    "Scotland and NISRA produce estimates for Scotland and Northern "
                    "Ireland.</p>"
                ),
            },
            {
                "type": "warning_text",
                "value": (
                    "Migration estimates are revised as more data becomes available. "
                    "Check you are using the latest edition before you quote a figure."
                ),
            },
            {
                "type": "heading",
                "value": "How to take part",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Join the theme to follow discussions and hear about "
                    "meetings.</li><li>Ask a question, or raise a data gap if the "
                    "statistics you need do not exist or are not detailed enough.</li>"
                    "<li>Come to theme meetings to hear about plans and tell producers "
                    "what you need.</li><li>Respond to consultations on changes to "
                    "these statistics.</li></ul><p>When a producer acts on a question "
                    "or data gap, they post an update in the discussion, so you can "
                    "see what happened to it.</p>"
                ),
            },
        ],
        "organisations": ["ONS", "HO", "NRS", "NISRA", "MigObs"],
        "contacts": [
            {
                "name": "Grace Okafor",
                "role": "Head of International Migration Statistics",
                "organisation": "ONS",
                "responsible_for": "Long-term international migration estimates, UK",
                "email": "migration.statistics@example.gov.uk",
                "phone": "020 7946 0562",
            },
            {
                "name": "Imran Hussain",
                "role": "Chief Statistician, Migration Statistics",
                "organisation": "HO",
                "responsible_for": (
                    "Immigration system statistics, including visas, asylum, returns "
                    "and detention"
                ),
                "email": "migrationstats@example.gov.uk",
                "phone": "",
            },
            {
                "name": "Eilidh Stewart",
                "role": "Population Statistician",
                "organisation": "NRS",
                "responsible_for": (
                    "Migration flows and mid-year population estimates, Scotland"
                ),
                "email": "population.scotland@example.gov.uk",
                "phone": "0131 496 0287",
            },
        ],
    },
    {
        "title": "The economy",
        "slug": "the-economy",
        "summary": (
            "Statistics on economic growth, prices, jobs, earnings, trade and public "
            "finances across the UK."
        ),
        "introduction": [
            {
                "type": "heading",
                "value": "What this theme covers",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>This theme covers the main measures of how the UK economy is "
                    "doing, including growth, inflation, the labour market, earnings "
                    "and tax receipts.</p><p>It is for economists, businesses, "
                    "researchers, journalists and anyone who wants to understand or "
                    "question these statistics.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Statistics we discuss",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>GDP monthly estimate and quarterly national accounts, "
                    "UK</li><li>Consumer price inflation, including CPI and CPIH</li>"
                    "<li>Labour market overview and the Labour Force Survey</li>"
                    "<li>Earnings and employment from PAYE Real Time Information</li>"
                    "<li>HMRC tax receipts and national insurance contributions</li>"
                    "<li>GDP quarterly national accounts, Scotland</li><li>Northern "
                    "Ireland Composite Economic Index</li></ul>"
                ),
            },
            {
                "type": "details",
                "value": {
                    "summary": "Who produces these statistics",
                    "content": (
                        "<p>The Office for National Statistics produces most UK "
                        "economic statistics. HM Revenue and Customs produces tax "
                        "statistics and works with ONS on earnings data from PAYE.</p>"
                        "<p>The Scottish Government, the Welsh Government and NISRA "
                        "produce economic statistics for their nations.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": "How to take part",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Join the theme to follow discussions and hear about "
                    "meetings.</li><li>Ask a question, or raise a data gap if the "
                    "statistics you need do not exist or are not detailed enough.</li>"
                    "<li>Come to theme meetings to hear about plans and tell producers "
                    "what you need.</li><li>Respond to consultations on changes to "
                    "these statistics.</li></ul><p>When a producer acts on a question "
                    "or data gap, they post an update in the discussion, so you can "
                    "see what happened to it.</p>"
                ),
            },
        ],
        "organisations": ["ONS", "HMRC", "SG", "NISRA", "RF", "IFS"],
        "contacts": [
            {
                "name": "Mei Ling Chen",
                "role": "Deputy Director, GDP",
                "organisation": "ONS",
                "responsible_for": (
                    "GDP monthly estimate and quarterly national accounts, UK"
                ),
                "email": "gdp@example.gov.uk",
                "phone": "020 7946 0731",
            },
            {
                "name": "Jonathan Okoro",
                "role": "Head of Labour Market Statistics",
                "organisation": "ONS",
                "responsible_for": (
                    "Labour market overview, Labour Force Survey and earnings "
                    "statistics"
                ),
                "email": "labour.market@example.gov.uk",
                "phone": "",
            },
            {
                "name": "Ruth Abrams",
                "role": "Statistician, Tax Receipts",
                "organisation": "HMRC",
                "responsible_for": (
                    "HMRC tax receipts and national insurance contributions, and PAYE "
                    "Real Time Information earnings data"
                ),
                "email": "tax.statistics@example.gov.uk",
                "phone": "",
            },
            {
                "name": "Hamish Fraser",
                "role": "Senior Economist, Economic Statistics",
                "organisation": "SG",
                "responsible_for": (
                    "GDP quarterly national accounts and monthly GDP, Scotland"
                ),
                "email": "economic.statistics@example.gov.uk",
                "phone": "0131 496 0612",
            },
        ],
    },
    {
        "title": "Crime and justice",
        "slug": "crime-and-justice",
        "summary": (
            "Statistics on crime, policing, the courts, prisons and reoffending across "
            "the UK."
        ),
        "introduction": [
            {
                "type": "heading",
                "value": "What this theme covers",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>This theme covers statistics on crime and how the justice "
                    "system responds to it, from police recorded crime to the courts, "
                    "prisons and probation.</p><p>It is for researchers, charities, "
                    "police and community safety teams, journalists and the people who "
                    "produce the statistics.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Statistics we discuss",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Crime Survey for England and Wales</li><li>Police "
                    "recorded crime and outcomes, England and Wales</li><li>Criminal "
                    "justice system statistics quarterly</li><li>Offender management "
                    "statistics and proven reoffending statistics</li><li>Recorded "
                    "crime in Scotland and the Scottish Crime and Justice Survey</li>"
                    "<li>Northern Ireland Safe Community Survey and police recorded "
                    "crime in Northern Ireland</li></ul>"
                ),
            },
            {
                "type": "details",
                "value": {
                    "summary": "Survey or police recorded crime: which should I use?",
                    "content": (
                        "<p>Crime surveys ask people about crimes they have "
                        "experienced, including crimes they did not report to the "
                        "police. They are best for long-term trends in common "
                        "crimes.</p><p>Police recorded crime only includes crimes "
                        "reported to and recorded by the police. It is better for less "
                        "common but serious crimes and for local areas. Changes in "
                        "recording practice can affect the figures.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": "How to take part",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Join the theme to follow discussions and hear about "
                    "meetings.</li><li>Ask a question, or raise a data gap if the "
                    "statistics you need do not exist or are not detailed enough.</li>"
                    "<li>Come to theme meetings to hear about plans and tell producers "
                    "what you need.</li><li>Respond to consultations on changes to "
                    "these statistics.</li></ul><p>When a producer acts on a question "
                    "or data gap, they post an update in the discussion, so you can "
                    "see what happened to it.</p>"
                ),
            },
        ],
        "organisations": ["ONS", "HO", "MoJ", "SG", "NISRA", "RSS"],
        "contacts": [
            {
                "name": "Aoife Gallagher",
                "role": "Head of Crime Statistics",
                "organisation": "ONS",
                "responsible_for": (
                    "Crime Survey for England and Wales and crime in England and Wales "
                    "releases"
                ),
                "email": "crime.statistics@example.gov.uk",
                "phone": "020 7946 0845",
            },
            {
                "name": "Samuel Osei",
                "role": "Chief Statistician, Justice",
                "organisation": "MoJ",
                "responsible_for": (
                    "Criminal justice system statistics, offender management and "
                    "proven reoffending statistics"
                ),
                "email": "justice.statistics@example.gov.uk",
                "phone": "",
            },
            {
                "name": "Niamh O'Neill",
                "role": "Principal Statistician, Justice",
                "organisation": "NISRA",
                "responsible_for": (
                    "Northern Ireland Safe Community Survey and justice statistics, "
                    "Northern Ireland"
                ),
                "email": "justice.ni@example.gov.uk",
                "phone": "028 9649 6218",
            },
        ],
    },
    {
        "title": "Travel and tourism",
        "slug": "travel-and-tourism",
        "summary": (
            "Statistics on how people travel in the UK, visits to and from the UK, and "
            "tourism in each of the four nations."
        ),
        "introduction": [
            {
                "type": "heading",
                "value": "What this theme covers",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>This theme covers statistics on how and why people travel, "
                    "including everyday journeys, road traffic and international "
                    "travel. It also covers tourism: trips, visits and spending by UK "
                    "residents and overseas visitors.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Statistics we discuss",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>International Passenger Survey and travel trends</li>"
                    "<li>Overseas travel and tourism</li><li>National Travel Survey, "
                    "England</li><li>Road traffic estimates, Great Britain</li>"
                    "<li>Great Britain Tourism Survey and Great Britain Day Visits "
                    "Survey</li><li>Scottish Transport Statistics</li><li>Northern "
                    "Ireland tourism statistics</li></ul><p>Producers include the "
                    "Office for National Statistics, the Department for Transport, "
                    "Transport Scotland, the Welsh Government, NISRA and the national "
                    "tourism agencies.</p>"
                ),
            },
            {
                "type": "inset_text",
                "value": (
                    "Not sure which survey has the figures you need? Ask in the theme "
                    "and a producer or chair will point you to the right source."
                ),
            },
            {
                "type": "heading",
                "value": "How to take part",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Join the theme to follow discussions and hear about "
                    "meetings.</li><li>Ask a question, or raise a data gap if the "
                    "statistics you need do not exist or are not detailed enough.</li>"
                    "<li>Come to theme meetings to hear about plans and tell producers "
                    "what you need.</li><li>Respond to consultations on changes to "
                    "these statistics.</li></ul><p>When a producer acts on a question "
                    "or data gap, they post an update in the discussion, so you can "
                    "see what happened to it.</p>"
                ),
            },
        ],
        "organisations": ["ONS", "DfT", "SG", "WG", "NISRA", "RACF"],
        "contacts": [
            {
                "name": "Fatima Begum",
                "role": "Head of Travel and Tourism Statistics",
                "organisation": "ONS",
                "responsible_for": (
                    "International Passenger Survey, travel trends and overseas travel "
                    "and tourism"
                ),
                "email": "travel.tourism@example.gov.uk",
                "phone": "",
            },
            {
                "name": "Rhys Morgan",
                "role": "Statistician, National Travel Survey",
                "organisation": "DfT",
                "responsible_for": "National Travel Survey and road traffic estimates",
                "email": "travel.survey@example.gov.uk",
                "phone": "020 7946 0976",
            },
            {
                "name": "Aleksandra Kowalska",
                "role": "Tourism Statistician",
                "organisation": "NISRA",
                "responsible_for": (
                    "Northern Ireland tourism statistics, including overnight trips "
                    "and visitor attractions"
                ),
                "email": "tourism.ni@example.gov.uk",
                "phone": "028 9649 6374",
            },
        ],
    },
]
