"""Demo threads, with replies, as plain data; the authors are in content.users."""

THREADS = [
    # Health and social care
    {
        "theme": "health-and-social-care",
        "kind": "question",
        "days_ago": 40,
        "title": (
            "Can referral to treatment waiting times be compared between England, "
            "Scotland and Wales?"
        ),
        "body": (
            "My local hospital trust is near the Welsh border and friends on both "
            "sides keep comparing how long they have waited for hip and knee "
            "operations. I would like to understand the numbers properly rather "
            "than rely on anecdotes.\n\n"
            "I have found the [NHS England referral to treatment waiting times]"
            "(https://www.england.nhs.uk/statistics/statistical-work-areas/"
            "rtt-waiting-times/) and the Welsh Government's NHS activity and "
            "performance summary, but I am not sure they measure the same thing.\n\n"
            "- Do the two nations start and stop the clock at the same points?\n"
            "- Is there a table for **trauma and orthopaedics** that is "
            "comparable?\n"
            "- Is there any official guidance on comparing the four nations?\n\n"
            "Any pointers would be very welcome."
        ),
        "topics": ["waiting times", "uk comparability"],
        "author": "hannah",
        "replies": [
            {
                "author": "member",
                "text": (
                    "The short answer is *not directly*. The pathways and clock "
                    "rules differ, so the release notes warn against simple "
                    "comparisons. The [Nuffield Trust](https://www.nuffieldtrust.org."
                    "uk) has written explainers on the differences that I found "
                    "helpful as a starting point."
                ),
                "answers": [
                    {
                        "author": "hannah",
                        "text": (
                            "Thank you, Maya. That explains why the headline numbers I "
                            "saw quoted looked so different. I will read the notes "
                            "before I compare anything again."
                        ),
                    },
                ],
            },
            {
                "author": "daniel",
                "text": (
                    "We had the same problem on the data desk. We now report each "
                    "nation against its own target and link to the methodology "
                    "notes, rather than putting them in one league table. It would "
                    "be really useful if the producers published a joint note on "
                    "comparability."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
    {
        "theme": "health-and-social-care",
        "kind": "discussion",
        "days_ago": 95,
        "title": "Data gap: health of people living in temporary accommodation",
        "body": (
            "I work on housing and health at a charity, and one question comes up "
            "again and again: what happens to the health of families who spend "
            "months in temporary accommodation?\n\n"
            "The [homelessness statistics](https://www.gov.uk/government/"
            "collections/homelessness-statistics) tell us how many households are "
            "in temporary accommodation, and health statistics tell us about GP "
            "registration and emergency admissions, but as far as I can tell "
            "nothing links the two.\n\n"
            "> We can count the households, but we cannot see whether their "
            "children are missing health visitor checks.\n\n"
            "I would like to hear from others who have hit this gap:\n\n"
            "- Have you found local data that helps?\n"
            "- Would linked administrative data be the right route?\n\n"
            "If there is enough interest I would like to raise it formally as a "
            "data gap at the next theme meeting."
        ),
        "topics": ["data gaps", "homelessness", "data linkage"],
        "author": "member",
        "replies": [
            {
                "author": "gwen",
                "text": (
                    "Strongly agree. We see the same in Wales, where families are "
                    "often placed outside their home area and lose contact with "
                    "their GP. Happy to add our examples to a formal data gap "
                    "submission."
                ),
                "answers": [
                    {
                        "author": "member",
                        "text": (
                            "Thanks, Gwen. I will start a shared list of examples and "
                            "post it here before the meeting, so people can add to it."
                        ),
                    },
                ],
            },
            {
                "author": "laura",
                "text": (
                    "In Bristol we have tried matching our housing register to "
                    "public health data under a data sharing agreement. It is "
                    "possible locally but slow, and the results are not comparable "
                    "with other areas. A national approach would help councils a "
                    "lot."
                ),
                "answers": [],
            },
            {
                "author": "hannah",
                "text": (
                    "From my time as a district nurse: **health visitor and school "
                    "nurse records** would be a good place to look, as families "
                    "often move between caseloads when they are rehoused."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
    # Housing and planning
    {
        "theme": "housing-and-planning",
        "kind": "question",
        "days_ago": 12,
        "title": "Will the English Housing Survey publish local authority estimates?",
        "body": (
            "We use the [English Housing Survey](https://www.gov.uk/government/"
            "collections/english-housing-survey) for national context on housing "
            "conditions, but our housing strategy needs to know about **damp, "
            "mould and overcrowding in Bristol** specifically.\n\n"
            "I understand the sample is not designed for local estimates. Even so:\n\n"
            "- Are there plans for modelled or small area estimates?\n"
            "- Could regional tables be broken down by tenure more often?\n"
            "- Is there guidance on combining the survey with local stock "
            "condition surveys?\n\n"
            "Many councils commission their own surveys at considerable cost, so "
            "even a modelled estimate with wide confidence intervals would be "
            "valuable. I would be grateful to hear whether this has been "
            "considered."
        ),
        "topics": ["local authority data", "housing conditions"],
        "author": "laura",
        "replies": [
            {
                "author": "chair",
                "text": (
                    "Thanks, Laura, this is a common request. I have added it to the "
                    "agenda for our next theme meeting and asked the MHCLG survey "
                    "team to come and talk about what is feasible. Please add any "
                    "specific tables you need as a reply here."
                ),
                "answers": [
                    {
                        "author": "laura",
                        "text": (
                            "Thank you. The most useful would be damp and mould by "
                            "tenure, and overcrowding for households with children. "
                            "Both feed directly into our housing strategy."
                        ),
                    },
                ],
            },
            {
                "author": "gwen",
                "text": (
                    "For comparison, Wales has the Welsh Housing Conditions Survey, "
                    "which faces the same sample size problem. Any method developed "
                    "for England could be worth sharing with the [Welsh Government]"
                    "(https://www.gov.wales/statistics-and-research) too."
                ),
                "answers": [],
            },
            {
                "author": "fraser",
                "text": (
                    "Small area estimation has worked well for income statistics. "
                    "It would be good to know whether the same approach could be "
                    "used for housing conditions."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
    {
        "theme": "housing-and-planning",
        "kind": "discussion",
        "days_ago": 150,
        "title": "Comparing homelessness statistics across England, Wales and Scotland",
        "body": (
            "We are often asked by journalists and Senedd members whether "
            "homelessness is *rising faster* in Wales than elsewhere. It is a fair "
            "question, but the legislation, the definitions and the way the "
            "statistics are collected all differ between the nations.\n\n"
            "For example:\n\n"
            "- England publishes detailed case-level statistics on "
            "[GOV.UK](https://www.gov.uk/government/collections/"
            "homelessness-statistics)\n"
            "- Scotland has its own [homelessness statistics](https://www.gov.scot/"
            "collections/homelessness-statistics/) based on different duties\n"
            "- Wales publishes on the [Welsh Government](https://www.gov.wales/"
            "statistics-and-research) website\n\n"
            "How do others handle this? Is there a measure, such as households in "
            "temporary accommodation, that people think is *reasonably* "
            "comparable? I would love to see a joint note from the producers."
        ),
        "topics": ["homelessness", "uk comparability"],
        "author": "gwen",
        "replies": [
            {
                "author": "laura",
                "text": (
                    "We tend to compare rates per 1,000 households within England "
                    "only, and avoid cross-border comparisons altogether. A joint "
                    "note would save a lot of repeated explanation."
                ),
                "answers": [],
            },
            {
                "author": "daniel",
                "text": (
                    'As a journalist, I would welcome a short **"what you can and '
                    'cannot compare"** table. We are asked for UK totals all the '
                    "time and usually have to say no."
                ),
                "answers": [
                    {
                        "author": "gwen",
                        "text": (
                            "Agreed, and it would stop the same misleading comparisons "
                            "appearing every year. We would happily comment on a "
                            "draft if that helps."
                        ),
                    },
                ],
            },
            {
                "author": "chair",
                "text": (
                    "**Summary so far:** members want a joint comparability note "
                    "from the three producers. I will raise this with them and "
                    "report back here after the next theme meeting."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
    # Migration
    {
        "theme": "migration",
        "kind": "question",
        "days_ago": 60,
        "title": (
            "Where are revisions to the long-term international migration estimates "
            "explained?"
        ),
        "body": (
            "I teach a course on population change and use the ONS "
            "[long-term international migration estimates](https://www.ons.gov.uk/"
            "peoplepopulationandcommunity/populationandmigration/"
            "internationalmigration) with students. The figures for earlier periods "
            "have been revised in recent releases, which is expected with "
            "administrative data, but it makes teaching tricky.\n\n"
            "Could you tell me:\n\n"
            "- where the **reasons for each revision** are explained;\n"
            "- whether earlier vintages of the estimates are kept available; and\n"
            "- whether there are plans for a revisions triangle or similar table?\n\n"
            "Being able to show students *why* numbers change is a good lesson in "
            "how official statistics work, so this would be very helpful."
        ),
        "topics": ["revisions", "international migration"],
        "author": "rafael",
        "replies": [
            {
                "author": "member",
                "text": (
                    "I would like this too. We use the estimates for housing demand "
                    "work and have to explain to trustees why last year's figures "
                    "have changed."
                ),
                "answers": [],
            },
            {
                "author": "producer",
                "text": (
                    "Thanks for the question, Rafael. Each release includes a "
                    "section on **revisions** explaining what has changed and why, "
                    "usually because more complete administrative data have become "
                    "available. Previous editions stay on the release page under "
                    "*previous versions*, so earlier vintages can still be "
                    "downloaded.\n\n"
                    "We have heard several requests for a revisions table and we "
                    "plan to look at this as part of our work on the statistics. "
                    "The next release date is on the [release calendar]"
                    "(https://www.ons.gov.uk/releasecalendar)."
                ),
                "answers": [
                    {
                        "author": "rafael",
                        "text": (
                            "That is very helpful, thank you. I had missed the "
                            "previous versions link. I will use the old and new "
                            "editions side by side in my next seminar."
                        ),
                    },
                    {
                        "author": "producer",
                        "text": (
                            "Glad it helped. We will post an update in this thread "
                            "when we have decided on the revisions table, and we would "
                            "welcome views on what it should include."
                        ),
                    },
                ],
            },
            {
                "author": "daniel",
                "text": (
                    "A revisions table would help journalists too. We now always "
                    "say the latest figures are *provisional* and likely to be "
                    "revised."
                ),
                "answers": [],
            },
        ],
        "answer": 1,
    },
    {
        "theme": "migration",
        "kind": "discussion",
        "days_ago": 200,
        "title": (
            "Explaining the difference between Home Office visa statistics and ONS "
            "migration estimates"
        ),
        "body": (
            "Every quarter readers ask us why the number of visas granted does not "
            "match net migration. I would like to build a clear explainer and "
            "would welcome views from users and producers.\n\n"
            "My understanding is:\n\n"
            "- the Home Office [immigration system statistics](https://www.gov.uk/"
            "government/collections/immigration-statistics-quarterly-release) "
            "count **visas granted**, and not everyone with a visa comes or "
            "stays;\n"
            "- the ONS estimates measure people who **move for 12 months or more**, "
            "including British and EU nationals;\n"
            "- net migration is immigration minus emigration, so it can fall even "
            "when visa grants are high.\n\n"
            "Have I got this right, and what else trips people up?"
        ),
        "topics": ["international migration", "visas", "explainers"],
        "author": "daniel",
        "replies": [
            {
                "author": "producer",
                "text": (
                    "That is a good summary, Daniel. Two things to add: visas can "
                    "be used months after they are granted, and our estimates "
                    "include people who do not need a visa. The ONS release has a "
                    "section comparing the sources, and we work with Home Office "
                    "colleagues so the two publications explain each other."
                ),
                "answers": [
                    {
                        "author": "daniel",
                        "text": (
                            "Thanks, Priya. I will link to that section in the "
                            "explainer and send you a draft to check that we describe "
                            "it correctly."
                        ),
                    },
                ],
            },
            {
                "author": "rafael",
                "text": (
                    "Also worth mentioning dependants. Changes in visa rules for "
                    "dependants can affect the two sources at different times, which "
                    "confuses my students every year."
                ),
                "answers": [],
            },
            {
                "author": "member",
                "text": (
                    "A simple diagram showing the flows between visa grants, "
                    "arrivals and departures would help non-specialists, including "
                    "charity staff like me."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
    # The economy
    {
        "theme": "the-economy",
        "kind": "question",
        "days_ago": 30,
        "title": (
            "Are there plans for more timely quarterly GDP estimates for Scotland and "
            "the English regions?"
        ),
        "body": (
            "We advise firms and councils on local economic conditions. The UK "
            "[GDP monthly estimate](https://www.ons.gov.uk/economy/"
            "grossdomesticproductgdp) is timely, and the Scottish Government "
            "publishes its own GDP statistics for Scotland, but the regional "
            "picture for England arrives much later.\n\n"
            "I have a few questions for producers:\n\n"
            "- Are there plans to make **quarterly regional GDP** more timely?\n"
            "- Will the regional figures be aligned with the latest UK revisions?\n"
            "- Is there guidance on comparing Scotland's GDP with English regions?\n\n"
            "Clients increasingly ask how their area is doing *now*, and we would "
            "rather use official statistics than private surveys."
        ),
        "topics": ["regional data", "gdp"],
        "author": "fraser",
        "replies": [
            {
                "author": "laura",
                "text": (
                    "Seconded. Our economic strategy team use regional GDP but it is "
                    "often a year or more out of date by the time we report to "
                    "councillors."
                ),
                "answers": [],
            },
            {
                "author": "daniel",
                "text": (
                    "I would be interested in the answer too. Has anyone had a "
                    "reply from the regional accounts team by email?"
                ),
                "answers": [
                    {
                        "author": "fraser",
                        "text": (
                            "Not yet. I will post here if I hear anything, so everyone "
                            "can see it. That way nobody needs to send the same email "
                            "again."
                        ),
                    },
                ],
            },
        ],
        "answer": None,
    },
    {
        "theme": "the-economy",
        "kind": "discussion",
        "days_ago": 250,
        "title": "Reporting monthly GDP responsibly: revisions and recession headlines",
        "body": (
            "Monthly GDP figures attract a lot of coverage, and a small fall in one "
            "month can lead to dramatic headlines. I would like to discuss good "
            "practice for reporting them.\n\n"
            "Some things we try to do at the paper:\n\n"
            "- lead on the **three-month** figure rather than a single month;\n"
            "- say that early estimates are often revised;\n"
            "- avoid the word *recession* unless there are two quarters of "
            "decline in the quarterly estimates.\n\n"
            "> A single month is a noisy measure of a large economy.\n\n"
            "What do other users find helpful? And would producers consider "
            "including a short *how to report this* box in the [monthly GDP "
            "bulletin](https://www.ons.gov.uk/economy/grossdomesticproductgdp)?"
        ),
        "topics": ["gdp", "revisions", "communicating statistics"],
        "author": "daniel",
        "replies": [
            {
                "author": "fraser",
                "text": (
                    "Very sensible. I would add: look at the sectors behind the "
                    "headline. A fall driven by weather or strikes in one industry "
                    "tells a different story from a broad decline."
                ),
                "answers": [],
            },
            {
                "author": "aisha",
                "text": (
                    "This would help in Parliament too. Members often quote a single "
                    "month in debates, and a clear note on uncertainty in the "
                    "bulletin would be easy for us to point to in briefings."
                ),
                "answers": [
                    {
                        "author": "daniel",
                        "text": (
                            "Good point. A shared note would help journalists and "
                            "researchers say the same thing, and it would cut down on "
                            "corrections."
                        ),
                    },
                ],
            },
            {
                "author": "rafael",
                "text": (
                    "For teaching, I use the revisions analysis that ONS publishes "
                    "alongside GDP. It is a good way to show students how much early "
                    "estimates typically change."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
    # Crime and justice
    {
        "theme": "crime-and-justice",
        "kind": "question",
        "days_ago": 75,
        "title": (
            "How are falling response rates affecting the Crime Survey for England "
            "and Wales?"
        ),
        "body": (
            "I use the [Crime Survey for England and Wales](https://www.ons.gov.uk/"
            "peoplepopulationandcommunity/crimeandjustice) microdata from the "
            "[UK Data Service](https://ukdataservice.ac.uk) to study repeat "
            "victimisation. Like many household surveys, it has struggled with "
            "response rates since the pandemic.\n\n"
            "I would like to understand the practical impact for researchers:\n\n"
            "- Are estimates for smaller groups, such as **young men** or **police "
            "force areas**, still reliable enough to publish?\n"
            "- Has the weighting changed, and is that documented?\n"
            "- What is planned to improve response?\n\n"
            "I know the [Office for Statistics Regulation](https://osr."
            "statisticsauthority.gov.uk) has looked at the survey, and I would "
            "welcome an update from the producers on next steps."
        ),
        "topics": ["survey quality", "crime survey"],
        "author": "rafael",
        "replies": [
            {
                "author": "aisha",
                "text": (
                    "This matters for Parliament too. We use the survey to answer "
                    "questions about crime trends, and need to know when to add a "
                    "caution to our briefings."
                ),
                "answers": [],
            },
            {
                "author": "hannah",
                "text": (
                    "As a lay reader, I would find a plain English note on *how "
                    "sure* we can be about the figures really helpful."
                ),
                "answers": [
                    {
                        "author": "rafael",
                        "text": (
                            "Good point, Hannah. Confidence intervals are in the "
                            "tables, but they are not easy to find. A plain summary "
                            "would help everyone."
                        ),
                    },
                ],
            },
        ],
        "answer": None,
    },
    {
        "theme": "crime-and-justice",
        "kind": "question",
        "days_ago": 8,
        "title": "Where can I find Crown Court caseload statistics by court centre?",
        "body": (
            "I am preparing a briefing for a member of the Justice Committee on "
            "delays in the Crown Court. The [criminal court statistics]"
            "(https://www.gov.uk/government/collections/criminal-court-statistics) "
            "give a national picture of outstanding cases, but constituents ask "
            "about their **local court**.\n\n"
            "Could the Ministry of Justice confirm:\n\n"
            "- whether outstanding cases are published by court centre;\n"
            "- whether the data tools allow breakdowns by offence type; and\n"
            "- how often the local figures are updated?\n\n"
            "I would also like to know who is the best contact for questions about "
            "the underlying data, so that we do not send the same question to "
            "several teams."
        ),
        "topics": ["courts", "local data"],
        "author": "aisha",
        "replies": [
            {
                "author": "laura",
                "text": (
                    "The MoJ data tools are worth exploring. Our community safety "
                    "team found some court-level breakdowns there, although "
                    "definitions took a while to understand."
                ),
                "answers": [],
            },
            {
                "author": "daniel",
                "text": (
                    "I have the same question for a regional story. Knowing the "
                    "right contact would help a lot, as press office queries can "
                    "take time."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
    # Travel and tourism
    {
        "theme": "travel-and-tourism",
        "kind": "question",
        "days_ago": 120,
        "title": (
            "Can International Passenger Survey data show overseas visitor spending "
            "for smaller areas?"
        ),
        "body": (
            "Our tourism partnership is deciding where to spend a modest marketing "
            "budget, and we would like evidence on **where overseas visitors go "
            "and what they spend** outside the big cities.\n\n"
            "The [International Passenger Survey](https://www.ons.gov.uk/"
            "peoplepopulationandcommunity/leisureandtourism) gives national "
            "figures, and [VisitBritain](https://www.visitbritain.org) publishes "
            "some regional analysis, but sample sizes for rural areas seem small.\n\n"
            "- Can results be pooled over several years for smaller areas?\n"
            "- Are there plans to use card spending or other new data sources?\n"
            "- How does the survey relate to NISRA's tourism statistics for "
            "Northern Ireland?\n\n"
            "Any advice from producers or other users would be appreciated."
        ),
        "topics": ["tourism", "local data"],
        "author": "oliver",
        "replies": [
            {
                "author": "fraser",
                "text": (
                    "We pool three years of data for Scottish council areas and "
                    "show wide ranges. It is not perfect, but it gives clients a "
                    "sense of scale."
                ),
                "answers": [
                    {
                        "author": "oliver",
                        "text": (
                            "Thanks, Fraser. Do you publish the ranges alongside the "
                            "estimates for clients, or just use them internally when "
                            "you advise them?"
                        ),
                    },
                    {
                        "author": "fraser",
                        "text": (
                            "Yes, always. We found clients trust the numbers more when "
                            "the uncertainty is shown openly rather than hidden in a "
                            "footnote."
                        ),
                    },
                ],
            },
            {
                "author": "laura",
                "text": (
                    "Our visitor economy team would also welcome new data sources. "
                    "Card spending data looks promising, but we would want a "
                    "producer to explain its coverage."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
    {
        "theme": "travel-and-tourism",
        "kind": "discussion",
        "days_ago": 300,
        "title": "Measuring bus reliability outside London: what data do we have?",
        "body": (
            "I no longer drive, and in my part of North Yorkshire the bus is a "
            "lifeline. Buses often run late or not at all, but I cannot find "
            "statistics that reflect this.\n\n"
            "The Department for Transport publishes [bus statistics]"
            "(https://www.gov.uk/government/collections/bus-statistics) on "
            "passenger journeys and mileage, and the [National Travel Survey]"
            "(https://www.gov.uk/government/collections/"
            "national-travel-survey-statistics) covers how people travel. What I "
            "would like to know is:\n\n"
            "- whether **punctuality and cancelled services** are measured for "
            "rural routes;\n"
            "- whether live bus location data could be used for statistics; and\n"
            "- how people without a car are represented in the survey.\n\n"
            "I would be glad to hear how others look at this."
        ),
        "topics": ["buses", "rural areas", "data gaps"],
        "author": "hannah",
        "replies": [
            {
                "author": "oliver",
                "text": (
                    "This matters for tourism too. Visitors without a car rely on "
                    "the same rural services, and we hear complaints about missed "
                    "connections every summer."
                ),
                "answers": [],
            },
            {
                "author": "laura",
                "text": (
                    "Local transport authorities collect some punctuality data for "
                    "their own monitoring. It might be worth asking your county "
                    "council what they hold, even if it is not published as "
                    "official statistics."
                ),
                "answers": [
                    {
                        "author": "hannah",
                        "text": (
                            "Thank you, Laura. I will ask them what they collect and "
                            "report back here for anyone else in a rural area."
                        ),
                    },
                ],
            },
            {
                "author": "aisha",
                "text": (
                    "Rural bus services come up often in parliamentary questions. "
                    "A national measure of reliability would be very useful for "
                    "scrutiny."
                ),
                "answers": [],
            },
        ],
        "answer": None,
    },
]
