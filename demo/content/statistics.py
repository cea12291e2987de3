"""The demo's statistics: real outputs of the demo themes' real producers, each
named by the demo's threads, gaps, consultations, meetings and actions about it.

Contacts are invented people at example addresses, like the themes' contacts."""

STATISTICS = [
    # Health and social care
    {
        "name": "NHS referral to treatment (RTT) waiting times",
        "slug": "nhs-referral-to-treatment-waiting-times",
        "producer": "NHSE",
        "reference": "RTT",
        "description": "Monthly counts of patients waiting for consultant-led "
        "elective care in England, and how long they have waited.",
        "status": "accredited",
        "cadence": "monthly",
        "next_release_in_days": 12,
        "themes": ["health-and-social-care"],
        "url": "https://www.england.nhs.uk/statistics/statistical-work-areas/rtt-waiting-times/",
        "contacts": [
            ("Aisha Patel", "RTT statistics lead", "rtt.statistics@example.gov.uk")
        ],
        "threads": [
            "Can referral to treatment waiting times be compared between England, "
            "Scotland and Wales?"
        ],
        "meetings": ["waiting-times-four-nations"],
    },
    {
        "name": "NHS waiting times (Scotland)",
        "slug": "nhs-waiting-times-scotland",
        "producer": "PHS",
        "reference": "",
        "description": "Quarterly waiting times for inpatients, day cases and new "
        "outpatients in NHS Scotland.",
        "status": "accredited",
        "cadence": "quarterly",
        "next_release_in_days": 40,
        "themes": ["health-and-social-care"],
        "url": "https://publichealthscotland.scot/publications/nhs-waiting-times-stage-of-treatment/",
        "contacts": [
            (
                "Callum Fraser",
                "Waiting times analyst",
                "waiting.times.scot@example.gov.uk",
            )
        ],
        "threads": [
            "Can referral to treatment waiting times be compared between England, "
            "Scotland and Wales?"
        ],
        "meetings": ["waiting-times-four-nations"],
    },
    {
        "name": "Adult social care activity and finance",
        "slug": "adult-social-care-activity-and-finance",
        "producer": "NHSE",
        "reference": "ASC-FR",
        "description": "Yearly requests for adult social care support in England, "
        "the services provided and what councils spent.",
        "status": "accredited",
        "cadence": "annual",
        "next_release_in_days": 150,
        "themes": ["health-and-social-care"],
        "url": "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-activity-and-finance-report",
        "contacts": [],
        "threads": ["Data gap: health of people living in temporary accommodation"],
    },
    # Housing and planning
    {
        "name": "English Housing Survey",
        "slug": "english-housing-survey",
        "producer": "MHCLG",
        "reference": "EHS",
        "description": "A national survey of people's housing circumstances and the "
        "condition and energy efficiency of homes in England.",
        "status": "accredited",
        "cadence": "annual",
        "next_release_in_days": 90,
        "themes": ["housing-and-planning"],
        "url": "https://www.gov.uk/government/collections/english-housing-survey",
        "contacts": [
            ("Hannah Okafor", "English Housing Survey lead", "ehs@example.gov.uk"),
            (
                "Tom Bradley",
                "Housing conditions statistician",
                "ehs.conditions@example.gov.uk",
            ),
        ],
        "threads": [
            "Will the English Housing Survey publish local authority estimates?"
        ],
        "gaps": ["Overcrowding and damp by local authority", "Second homes by parish"],
        "consultations": ["english-housing-survey-redesign"],
        "meetings": ["housing-users-autumn", "housing-local-data"],
        "actions": [
            "Publish a timetable for modelled local estimates of damp and overcrowding",
            "Circulate the new damp and mould table by tenure to members for comment",
        ],
    },
    {
        "name": "Statutory homelessness in England",
        "slug": "statutory-homelessness-in-england",
        "producer": "MHCLG",
        "reference": "H-CLIC",
        "description": "Quarterly statistics on households owed a homelessness duty "
        "and households in temporary accommodation, by local authority.",
        "status": "accredited",
        "cadence": "quarterly",
        "next_release_in_days": 30,
        "themes": ["housing-and-planning", "health-and-social-care"],
        "url": "https://www.gov.uk/government/collections/homelessness-statistics",
        "contacts": [
            (
                "Grace Mensah",
                "Homelessness statistics",
                "homelessness.stats@example.gov.uk",
            )
        ],
        "threads": [
            "Comparing homelessness statistics across England, Wales and Scotland",
            "Data gap: health of people living in temporary accommodation",
        ],
        "gaps": ["Children in temporary accommodation by length of stay"],
    },
    {
        "name": "Rough sleeping snapshot in England",
        "slug": "rough-sleeping-snapshot-in-england",
        "producer": "MHCLG",
        "reference": "RS-SNAP",
        "description": "An estimate of the number of people sleeping rough on a "
        "single night each autumn, by local authority.",
        "status": "official",
        "cadence": "annual",
        "next_release_in_days": 75,
        "themes": ["housing-and-planning"],
        "url": "https://www.gov.uk/government/collections/rough-sleeping-statistics",
        "contacts": [],
        "gaps": ["Rough sleeping counts by month"],
    },
    # Migration
    {
        "name": "Long-term international migration",
        "slug": "long-term-international-migration",
        "producer": "ONS",
        "reference": "LTIM",
        "description": "Provisional and updated estimates of immigration, emigration "
        "and net migration to and from the UK, from administrative data.",
        "status": "in_development",
        "cadence": "twice_yearly",
        "next_release_in_days": 45,
        "themes": ["migration"],
        "url": "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/internationalmigration",
        "contacts": [
            (
                "Daniel Reyes",
                "Head of migration statistics",
                "migration.lead@example.gov.uk",
            )
        ],
        "threads": [
            "Where are revisions to the long-term international migration estimates "
            "explained?",
            "Explaining the difference between Home Office visa statistics and ONS "
            "migration estimates",
        ],
        "gaps": [
            "Net migration for each local authority, every quarter",
            "Emigration of British citizens by age",
            "Student migration by university",
        ],
        "consultations": ["census-migration-outputs"],
        "meetings": ["migration-users-summer", "migration-users-spring"],
        "actions": [
            "Add a plain-English revisions note to the quarterly release",
            "Report back on local authority breakdowns of net migration",
        ],
    },
    {
        "name": "Immigration system statistics",
        "slug": "immigration-system-statistics",
        "producer": "HO",
        "reference": "ISS",
        "description": "Quarterly statistics on visas, passenger arrivals, asylum, "
        "returns and detention in the UK immigration system.",
        "status": "accredited",
        "cadence": "quarterly",
        "next_release_in_days": 20,
        "themes": ["migration"],
        "url": "https://www.gov.uk/government/collections/immigration-statistics-quarterly-release",
        "contacts": [
            (
                "Fiona Walsh",
                "Migration statistics, Home Office",
                "migrationstats.ho@example.gov.uk",
            )
        ],
        "threads": [
            "Explaining the difference between Home Office visa statistics and ONS "
            "migration estimates"
        ],
        "gaps": [
            "Visa outcomes by nationality and route, monthly",
            "Monthly visa refusals by nationality",
            "People on asylum support by local authority",
        ],
        "actions": ["Explore a joint Home Office and ONS user event"],
    },
    # The economy
    {
        "name": "Labour Force Survey",
        "slug": "labour-force-survey",
        "producer": "ONS",
        "reference": "LFS",
        "description": "A household survey of employment, unemployment and economic "
        "inactivity in the UK, published in the monthly labour market overview.",
        "status": "official",
        "cadence": "monthly",
        "next_release_in_days": 9,
        "themes": ["the-economy"],
        "url": "https://www.ons.gov.uk/surveys/informationforhouseholdsandindividuals/householdandindividualsurveys/labourforcesurvey",
        "contacts": [
            ("Ruth Adeyemi", "Labour market statistics", "labour.market@example.gov.uk")
        ],
        "consultations": ["labour-market-quarterly"],
    },
    {
        "name": "GDP monthly estimate, UK",
        "slug": "gdp-monthly-estimate-uk",
        "producer": "ONS",
        "reference": "GDP-M",
        "description": "The first monthly estimate of gross domestic product, with "
        "the three-month growth rate and its revisions.",
        "status": "accredited",
        "cadence": "monthly",
        "next_release_in_days": 14,
        "themes": ["the-economy"],
        "url": "https://www.ons.gov.uk/economy/grossdomesticproductgdp/bulletins/gdpmonthlyestimateuk/latest",
        "contacts": [("Sam Whitfield", "GDP statistics", "gdp@example.gov.uk")],
        "threads": [
            "Reporting monthly GDP responsibly: revisions and recession headlines"
        ],
    },
    {
        "name": "Quarterly national accounts, Scotland",
        "slug": "quarterly-national-accounts-scotland",
        "producer": "SG",
        "reference": "QNAS",
        "description": "Quarterly GDP, income and the public sector balance for "
        "Scotland.",
        "status": "in_development",
        "cadence": "quarterly",
        "next_release_in_days": 55,
        "themes": ["the-economy"],
        "url": "https://www.gov.scot/collections/quarterly-national-accounts-scotland/",
        "contacts": [],
        "threads": [
            "Are there plans for more timely quarterly GDP estimates for Scotland and "
            "the English regions?"
        ],
    },
    # Crime and justice
    {
        "name": "Crime Survey for England and Wales",
        "slug": "crime-survey-for-england-and-wales",
        "producer": "ONS",
        "reference": "CSEW",
        "description": "A face-to-face victimisation survey of households: crime "
        "experienced by people, including crime not reported to the police.",
        "status": "in_development",
        "cadence": "quarterly",
        "next_release_in_days": 35,
        "themes": ["crime-and-justice"],
        "url": "https://www.crimesurvey.co.uk/",
        "contacts": [
            ("Nadia Hussain", "Crime statistics", "crime.statistics@example.gov.uk")
        ],
        "threads": [
            "How are falling response rates affecting the Crime Survey for England "
            "and Wales?"
        ],
        "consultations": ["crime-survey-mixed-mode"],
    },
    {
        "name": "Criminal court statistics",
        "slug": "criminal-court-statistics",
        "producer": "MoJ",
        "reference": "CCS",
        "description": "Quarterly caseloads, receipts, disposals and timeliness in "
        "the magistrates' courts and the Crown Court.",
        "status": "accredited",
        "cadence": "quarterly",
        "next_release_in_days": 60,
        "themes": ["crime-and-justice"],
        "url": "https://www.gov.uk/government/collections/criminal-court-statistics",
        "contacts": [
            ("Owen Price", "Courts statistics", "courts.statistics@example.gov.uk")
        ],
        "threads": [
            "Where can I find Crown Court caseload statistics by court centre?"
        ],
    },
    # Travel and tourism
    {
        "name": "International Passenger Survey",
        "slug": "international-passenger-survey",
        "producer": "ONS",
        "reference": "IPS",
        "description": "A survey of passengers at UK ports and airports: overseas "
        "visits to the UK, UK residents' visits abroad, and their spending.",
        "status": "official",
        "cadence": "quarterly",
        "next_release_in_days": 28,
        "themes": ["travel-and-tourism", "migration"],
        "url": "https://www.ons.gov.uk/surveys/informationforhouseholdsandindividuals/householdandindividualsurveys/internationalpassengersurvey",
        "contacts": [
            (
                "Leah Morgan",
                "Travel and tourism statistics",
                "travel.tourism@example.gov.uk",
            )
        ],
        "threads": [
            "Can International Passenger Survey data show overseas visitor spending "
            "for smaller areas?"
        ],
        "consultations": ["international-passenger-survey-outputs"],
    },
    {
        "name": "Bus statistics",
        "slug": "bus-statistics",
        "producer": "DfT",
        "reference": "BUS",
        "description": "Local bus passenger journeys, mileage, fares and punctuality "
        "in England, by local authority.",
        "status": "accredited",
        "cadence": "annual",
        "next_release_in_days": 110,
        "themes": ["travel-and-tourism"],
        "url": "https://www.gov.uk/government/collections/bus-statistics",
        "contacts": [("Ian Cooper", "Bus statistics", "bus.statistics@example.gov.uk")],
        "threads": ["Measuring bus reliability outside London: what data do we have?"],
    },
]
