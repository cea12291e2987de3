"""Demo consultations, one in each state, with members' responses, as plain data.

Days are counted from the day the demo is seeded: negative ones are in the past.
"""


def ask(kind, id, text, required=True, help_text="", **more):
    """One question block, in the StreamField's raw JSON."""
    return {
        "type": kind,
        "id": id,
        "value": {
            "question": text,
            "help_text": help_text,
            "required": required,
            **more,
        },
    }


def section(id, heading, introduction, questions):
    return {
        "type": "section",
        "id": id,
        "value": {
            "heading": heading,
            "introduction": introduction,
            "questions": questions,
        },
    }


def answer(
    who,
    days_in,
    answers,
    respond_as="individual",
    organisation="",
    publication="named",
):
    """A submitted response, `days_in` days after the consultation opened."""
    return {
        "who": who,
        "days_in": days_in,
        "answers": answers,
        "respond_as": respond_as,
        "organisation_name": organisation,
        "publication": publication,
    }


CONSULTATIONS = [
    # Forthcoming: opens in 12 days.
    {
        "theme": "crime-and-justice",
        "slug": "crime-survey-mixed-mode",
        "title": "Crime Survey for England and Wales: moving to a mixed-mode survey",
        "summary": "We propose to run the Crime Survey online and by telephone as well "
        "as face to face, and ask how to protect the long-run trend in crime.",
        "organisation": "ONS",
        "contact_name": "Aoife Gallagher",
        "contact_email": "crime.statistics@example.gov.uk",
        "opens": 12,
        "closes": 68,
        "body": [
            (
                "paragraph",
                "<p>Since 1982 the Crime Survey for England and Wales (CSEW) has "
                "been run face to face in people's homes. Response has fallen "
                "steadily, and each interview now costs much more than it did.</p>",
            ),
            ("heading", "What we propose"),
            (
                "paragraph",
                "<p>From April 2027 we would invite households to take part online "
                "first, and follow up by telephone or in person those who do not. "
                "The questions on domestic abuse and sexual violence would stay "
                "self-completed.</p>",
            ),
            ("heading", "What it would change"),
            (
                "paragraph",
                "<p>Estimates from the new design would not be directly comparable "
                "with the current series. We would run both designs side by side "
                "for a year and publish adjustments, so the trend since 1981 can "
                "continue.</p>",
            ),
        ],
        "questions": [
            section(
                "csew-use",
                "How you use the Crime Survey",
                "",
                [
                    ask(
                        "single_choice",
                        "csew-often",
                        "How often do you use Crime Survey estimates?",
                        options=[
                            "Every quarter, when they are published",
                            "A few times a year",
                            "Once a year or less",
                        ],
                    ),
                    ask(
                        "multiple_choice",
                        "csew-which",
                        "Which estimates do you use?",
                        options=[
                            "Headline crime trends",
                            "Fraud and computer misuse",
                            "Domestic abuse",
                            "Perceptions of crime and the police",
                            "Estimates for police force areas",
                        ],
                    ),
                ],
            ),
            section(
                "csew-design",
                "The proposed design",
                "Tell us what a change of mode would mean for the trend you use.",
                [
                    ask(
                        "agreement",
                        "csew-agree",
                        "The survey should move to a mixed-mode design from April "
                        "2027.",
                    ),
                    ask(
                        "long_text",
                        "csew-trend",
                        "What would a break in the long-run trend mean for your work?",
                        max_characters=2000,
                    ),
                    ask(
                        "short_text",
                        "csew-keep",
                        "Which one estimate could you not do without?",
                        required=False,
                    ),
                ],
            ),
        ],
        "responses": [],
    },
    # Open: opened 9 days ago.
    {
        "theme": "the-economy",
        "slug": "labour-market-quarterly",
        "title": "Labour market overview: publishing quarterly instead of monthly",
        "summary": "We propose to publish the full labour market overview every "
        "quarter, with monthly payroll and claimant figures, while the Transformed "
        "Labour Force Survey beds in.",
        "organisation": "ONS",
        "contact_name": "Jonathan Okoro",
        "contact_email": "labour.market@example.gov.uk",
        "opens": -9,
        "closes": 33,
        "who_may_respond": "anyone",
        "one_page_per_section": True,
        "body": [
            (
                "paragraph",
                "<p>The labour market overview, UK, is published every month. It "
                "brings together the Labour Force Survey (LFS), HM Revenue and "
                "Customs PAYE Real Time Information, vacancies and the claimant "
                "count.</p><p>Each release reports three-month averages from the "
                "LFS, so two thirds of the survey data in one release were in the "
                "last. Since response to the LFS fell, the monthly changes are often "
                "within sampling variability, and users tell us they are hard to "
                "interpret.</p>",
            ),
            ("heading", "What we propose"),
            (
                "paragraph",
                "<p>From January 2027 we would publish the full overview in "
                "February, May, August and November. Payrolled employees and the "
                "claimant count would still come every month, in a shorter "
                "release.</p>",
            ),
            (
                "inset_text",
                "Nothing changes before January 2027, and we will publish what we "
                "decide at least six months ahead.",
            ),
        ],
        "questions": [
            section(
                "lm-use",
                "How you use the labour market overview",
                "",
                [
                    ask(
                        "single_choice",
                        "lm-often",
                        "How often do you use the labour market overview?",
                        options=[
                            "Every month, on the day it is published",
                            "Every month, but not on the day",
                            "Every quarter",
                            "Less often",
                        ],
                    ),
                    ask(
                        "multiple_choice",
                        "lm-series",
                        "Which series do you rely on each month?",
                        required=False,
                        options=[
                            "Employment and unemployment rates (LFS)",
                            "Payrolled employees (PAYE RTI)",
                            "Vacancies",
                            "Claimant count",
                            "Average weekly earnings",
                        ],
                    ),
                ],
            ),
            section(
                "lm-proposal",
                "The proposal",
                "Tell us what you would lose, and anything you would gain.",
                [
                    ask(
                        "agreement",
                        "lm-agree",
                        "The full overview should be published quarterly, with "
                        "monthly payroll and claimant figures.",
                    ),
                    ask(
                        "long_text",
                        "lm-impact",
                        "What would quarterly publication mean for your work?",
                        max_characters=1500,
                    ),
                    ask(
                        "short_text",
                        "lm-keep",
                        "Which single monthly figure would you most want to keep?",
                        required=False,
                    ),
                ],
            ),
        ],
        # The demo member has not responded: signed in as her, you can.
        "responses": [
            answer(
                "fraser",
                1,
                {
                    "lm-often": "Every month, on the day it is published",
                    "lm-series": [
                        "Payrolled employees (PAYE RTI)",
                        "Vacancies",
                        "Average weekly earnings",
                    ],
                    "lm-agree": "Disagree",
                    "lm-impact": "Our clients plan hiring on the monthly figures. "
                    "Payroll data would help, but we would lose earnings, which "
                    "matter most to them in a period of high pay settlements.",
                    "lm-keep": "Average weekly earnings",
                },
                respond_as="organisation",
                organisation="Anderson Bell Economics",
            ),
            answer(
                "daniel",
                2,
                {
                    "lm-often": "Every month, on the day it is published",
                    "lm-series": [
                        "Employment and unemployment rates (LFS)",
                        "Claimant count",
                    ],
                    "lm-agree": "Agree",
                    "lm-impact": "Honestly, a quarterly release would stop us "
                    "writing headlines about changes that are within the margin of "
                    "error. I would rather report fewer, better numbers.",
                },
            ),
            answer(
                "laura",
                4,
                {
                    "lm-often": "Every quarter",
                    "lm-series": ["Claimant count"],
                    "lm-agree": "Neither agree nor disagree",
                    "lm-impact": "We use the claimant count for wards every month "
                    "and the LFS only for annual reports, so the proposal would "
                    "change little for the council as long as claimants stay "
                    "monthly.",
                    "lm-keep": "Claimant count by ward",
                },
                respond_as="organisation",
                organisation="Bristol City Council",
                publication="anonymous",
            ),
            answer(
                "hannah",
                6,
                {
                    "lm-often": "Less often",
                    "lm-agree": "Don't know",
                    "lm-impact": "I read the news coverage rather than the release, "
                    "so I am not sure it would affect me.",
                },
                publication="not_published",
            ),
        ],
    },
    # Closed 19 days ago: analysing feedback, the outcome not yet due.
    {
        "theme": "housing-and-planning",
        "slug": "english-housing-survey-redesign",
        "title": "English Housing Survey: a redesigned survey from 2027",
        "summary": "We propose to separate the English Housing Survey's interview "
        "from its physical survey of homes, and to enlarge the sample so we can "
        "publish estimates for groups of local authorities.",
        "organisation": "MHCLG",
        "contact_name": "Kwame Mensah",
        "contact_email": "housing.statistics@example.gov.uk",
        "opens": -61,
        "closes": -19,
        "thread": "Will the English Housing Survey publish local authority estimates?",
        "body": [
            (
                "paragraph",
                "<p>The English Housing Survey (EHS) combines an interview with "
                "householders and a surveyor's inspection of their home. It is the "
                "source of our estimates of non-decent homes, damp and mould, and "
                "energy efficiency.</p><p>The combined design limits the sample to "
                "about 13,000 interviews and 6,000 inspections a year: too few for "
                "estimates below the regions, which councils have asked for.</p>",
            ),
            ("heading", "What we propose"),
            (
                "paragraph",
                "<p>From April 2027 the interview would move to a larger, mainly "
                "online sample of about 30,000 households a year, and surveyors "
                "would inspect a sub-sample of homes. We would publish modelled "
                "estimates for groups of local authorities every two years.</p>",
            ),
        ],
        "questions": [
            section(
                "ehs-use",
                "How you use the survey",
                "",
                [
                    ask(
                        "single_choice",
                        "ehs-role",
                        "Which best describes how you use the English Housing Survey?",
                        options=[
                            "Local housing strategy or enforcement",
                            "Research or teaching",
                            "Campaigning or advice",
                            "Journalism",
                            "Something else",
                        ],
                    ),
                    ask(
                        "multiple_choice",
                        "ehs-topics",
                        "Which topics matter most to you?",
                        options=[
                            "Damp and mould",
                            "Overcrowding",
                            "Energy efficiency",
                            "Housing costs and affordability",
                            "Moves between tenures",
                        ],
                    ),
                    ask(
                        "agreement",
                        "ehs-agree-split",
                        "We should separate the interview from the inspection of "
                        "homes.",
                    ),
                ],
            ),
            section(
                "ehs-local",
                "Local estimates",
                "Modelled estimates would be published for groups of local "
                "authorities, not for each one.",
                [
                    ask(
                        "long_text",
                        "ehs-local-need",
                        "What would local estimates let you do that you cannot do now?",
                        max_characters=2000,
                    ),
                    ask(
                        "short_text",
                        "ehs-geography",
                        "Which geography would you most like estimates for?",
                        required=False,
                        help_text="For example, your council or combined authority.",
                    ),
                ],
            ),
        ],
        "responses": [
            answer(
                "laura",
                3,
                {
                    "ehs-role": "Local housing strategy or enforcement",
                    "ehs-topics": ["Damp and mould", "Overcrowding"],
                    "ehs-agree-split": "Strongly agree",
                    "ehs-local-need": "Target enforcement in the private rented "
                    "sector where damp is worst, and show councillors how Bristol "
                    "compares with similar cities.",
                    "ehs-geography": "Bristol City Council",
                },
                respond_as="organisation",
                organisation="Bristol City Council",
            ),
            answer(
                "gwen",
                8,
                {
                    "ehs-role": "Campaigning or advice",
                    "ehs-topics": [
                        "Damp and mould",
                        "Housing costs and affordability",
                    ],
                    "ehs-agree-split": "Agree",
                    "ehs-local-need": "We compare conditions in England and Wales. "
                    "Local English estimates would let us match them to the "
                    "Welsh Housing Conditions Survey areas.",
                },
                respond_as="organisation",
                organisation="Shelter Cymru",
            ),
            answer(
                "rafael",
                15,
                {
                    "ehs-role": "Research or teaching",
                    "ehs-topics": ["Moves between tenures", "Overcrowding"],
                    "ehs-agree-split": "Neither agree nor disagree",
                    "ehs-local-need": "Please keep the microdata comparable: a "
                    "larger online sample is welcome, but a change of mode needs a "
                    "parallel run so researchers can bridge the series.",
                },
                publication="anonymous",
            ),
            answer(
                "member",
                22,
                {
                    "ehs-role": "Something else",
                    "ehs-topics": ["Energy efficiency"],
                    "ehs-agree-split": "Don't know",
                    "ehs-local-need": "I would like to know how energy efficient "
                    "homes in my area are compared with the rest of England.",
                    "ehs-geography": "North Yorkshire",
                },
            ),
            answer(
                "hannah",
                40,
                {
                    "ehs-role": "Something else",
                    "ehs-topics": ["Damp and mould", "Energy efficiency"],
                    "ehs-agree-split": "Disagree",
                    "ehs-local-need": "Older people are less likely to answer "
                    "online. Please keep interviewers for those who need them.",
                },
                publication="not_published",
            ),
        ],
    },
    # Closed 120 days ago with no outcome: more than 12 weeks overdue.
    {
        "theme": "migration",
        "slug": "census-migration-outputs",
        "title": "Census outputs on international migration: changes for 2031",
        "summary": "We propose to publish fewer detailed census tables on year of "
        "arrival and length of residence, and to fill the years between censuses "
        "with admin-based estimates for local authorities.",
        "organisation": "ONS",
        "contact_name": "Grace Okafor",
        "contact_email": "migration.statistics@example.gov.uk",
        "opens": -175,
        "closes": -120,
        "gap": "Net migration for each local authority, every quarter",
        "body": [
            (
                "paragraph",
                "<p>Census 2021 produced more than 60 tables on international "
                "migration: country of birth, passports held, year of arrival and "
                "length of residence, many down to output areas.</p><p>Admin-based "
                "migration estimates from Home Office, HMRC and DWP data now give "
                "yearly figures for local authorities. Some census tables were "
                "little used, and the most detailed needed heavy disclosure "
                "control.</p>",
            ),
            ("heading", "What we propose"),
            (
                "paragraph",
                "<p>For Census 2031 we would keep country of birth and passports "
                "held for every geography, publish year of arrival for local "
                "authorities and above only, and drop the least used "
                "cross-tabulations. Yearly admin-based estimates would fill the "
                "years between censuses.</p>",
            ),
        ],
        "questions": [
            section(
                "cm-use",
                "How you use census migration data",
                "",
                [
                    ask(
                        "single_choice",
                        "cm-geography",
                        "What is the smallest geography you need census migration "
                        "data for?",
                        options=[
                            "Output area",
                            "Middle layer super output area (MSOA)",
                            "Local authority",
                            "Region or nation",
                        ],
                    ),
                    ask(
                        "multiple_choice",
                        "cm-topics",
                        "Which census migration topics do you use?",
                        options=[
                            "Country of birth",
                            "Passports held",
                            "Year of arrival in the UK",
                            "Length of residence",
                            "Address one year ago",
                        ],
                    ),
                ],
            ),
            section(
                "cm-proposal",
                "The proposal",
                "",
                [
                    ask(
                        "agreement",
                        "cm-agree",
                        "Year of arrival should be published for local authorities "
                        "and above only.",
                    ),
                    ask(
                        "long_text",
                        "cm-impact",
                        "Tell us about any work that depends on the detailed tables "
                        "we propose to drop.",
                        max_characters=2000,
                    ),
                    ask(
                        "short_text",
                        "cm-table",
                        "If you use one census table more than any other, which is it?",
                        required=False,
                        help_text="For example RM010 or TS004.",
                    ),
                ],
            ),
        ],
        "responses": [
            answer(
                "rafael",
                2,
                {
                    "cm-geography": "Middle layer super output area (MSOA)",
                    "cm-topics": ["Country of birth", "Year of arrival in the UK"],
                    "cm-agree": "Strongly disagree",
                    "cm-impact": "My students study how recent arrivals settle in "
                    "neighbourhoods of Leeds and Bradford. Year of arrival for "
                    "MSOAs is the only source that shows it.",
                    "cm-table": "RM010",
                },
            ),
            answer(
                "aisha",
                10,
                {
                    "cm-geography": "Local authority",
                    "cm-topics": ["Country of birth", "Passports held"],
                    "cm-agree": "Agree",
                    "cm-impact": "Constituency briefings use local authority "
                    "figures. Yearly admin-based estimates would be more useful "
                    "to us than ten-yearly detail.",
                },
            ),
            answer(
                "daniel",
                21,
                {
                    "cm-geography": "Local authority",
                    "cm-topics": ["Country of birth", "Length of residence"],
                    "cm-agree": "Neither agree nor disagree",
                    "cm-impact": "We map census data for readers' areas. Local "
                    "authorities are enough for most stories.",
                },
                publication="anonymous",
            ),
            answer(
                "member",
                30,
                {
                    "cm-geography": "Region or nation",
                    "cm-topics": ["Address one year ago"],
                    "cm-agree": "Don't know",
                    "cm-impact": "I do not use the detailed tables myself, but I "
                    "would want to know how admin-based estimates are checked "
                    "against the census.",
                },
            ),
            answer(
                "laura",
                50,
                {
                    "cm-geography": "Output area",
                    "cm-topics": [
                        "Country of birth",
                        "Year of arrival in the UK",
                        "Address one year ago",
                    ],
                    "cm-agree": "Disagree",
                    "cm-impact": "We plan English language provision in schools "
                    "from output area tables on recent arrivals.",
                    "cm-table": "TS015",
                },
                respond_as="organisation",
                organisation="Bristol City Council",
                publication="not_published",
            ),
        ],
    },
    # Outcome published, 60 days after it closed.
    {
        "theme": "travel-and-tourism",
        "slug": "international-passenger-survey-outputs",
        "title": "Overseas travel and tourism: changes to International Passenger "
        "Survey outputs",
        "summary": "We asked whether to publish overseas travel and tourism "
        "estimates quarterly instead of monthly, and to stop publishing estimates "
        "for individual towns.",
        "organisation": "ONS",
        "contact_name": "Fatima Begum",
        "contact_email": "travel.tourism@example.gov.uk",
        "opens": -260,
        "closes": -210,
        "outcome": -150,
        "body": [
            (
                "paragraph",
                "<p>The International Passenger Survey (IPS) interviews travellers "
                "at airports, seaports and the Channel Tunnel. Since the pandemic "
                "its sample has been smaller, and monthly estimates of visits and "
                "spending have become volatile.</p>",
            ),
            ("heading", "What we proposed"),
            (
                "paragraph",
                "<p>We proposed to publish overseas travel and tourism estimates "
                "quarterly, and to stop publishing estimates of visits to "
                "individual towns, which rest on very few interviews.</p>",
            ),
        ],
        "questions": [
            section(
                "ips-use",
                "How you use the estimates",
                "",
                [
                    ask(
                        "single_choice",
                        "ips-sector",
                        "What do you mainly use the estimates for?",
                        options=[
                            "Running or advising a tourism business",
                            "Destination marketing or a tourism partnership",
                            "Research",
                            "Government policy",
                            "Something else",
                        ],
                    ),
                    ask(
                        "multiple_choice",
                        "ips-breakdowns",
                        "Which breakdowns do you use?",
                        options=[
                            "Country of residence",
                            "Purpose of visit",
                            "Region visited",
                            "Town visited",
                            "Spending",
                        ],
                    ),
                ],
            ),
            section(
                "ips-proposal",
                "The proposals",
                "",
                [
                    ask(
                        "agreement",
                        "ips-agree-quarterly",
                        "Estimates should be published quarterly instead of monthly.",
                    ),
                    ask(
                        "long_text",
                        "ips-impact",
                        "What would the changes mean for your work?",
                        max_characters=1500,
                    ),
                    ask(
                        "short_text",
                        "ips-town",
                        "Which town estimates, if any, do you use?",
                        required=False,
                    ),
                ],
            ),
        ],
        "outcome_summary": "<p>Tourism businesses, destination partnerships, "
        "researchers and journalists responded. Most agreed that the monthly "
        "estimates had become too volatile to plan with, and that quarterly "
        "figures would be more useful.</p><p>Tourism partnerships told us they "
        "rely on town estimates to make the case for investment, even with wide "
        "margins of error, and asked us not to drop them.</p>",
        "outcome_changes": "<ul><li>Since April we publish overseas travel and "
        "tourism estimates quarterly, with a monthly count of visits from "
        "passenger numbers.</li><li>We kept town estimates for the 20 most visited "
        "towns, as three-year averages with confidence intervals, rather than "
        "dropping them.</li><li>We did not change the regional estimates.</li>"
        "</ul>",
        "responses": [
            answer(
                "oliver",
                1,
                {
                    "ips-sector": "Running or advising a tourism business",
                    "ips-breakdowns": ["Country of residence", "Town visited"],
                    "ips-agree-quarterly": "Agree",
                    "ips-impact": "Losing the town estimates would leave the "
                    "Causeway Coast with no official figure for overseas visitors.",
                    "ips-town": "Portrush and Bushmills",
                },
                respond_as="organisation",
                organisation="Causeway Coast Tours",
            ),
            answer(
                "fraser",
                6,
                {
                    "ips-sector": "Research",
                    "ips-breakdowns": ["Spending", "Region visited"],
                    "ips-agree-quarterly": "Strongly agree",
                    "ips-impact": "Quarterly spending by region is what we use; "
                    "the monthly noise only causes questions from clients.",
                },
                respond_as="organisation",
                organisation="Anderson Bell Economics",
            ),
            answer(
                "rafael",
                12,
                {
                    "ips-sector": "Research",
                    "ips-breakdowns": ["Purpose of visit", "Country of residence"],
                    "ips-agree-quarterly": "Agree",
                    "ips-impact": "Please publish the sample sizes behind each "
                    "estimate so users can judge them.",
                },
                publication="anonymous",
            ),
            answer(
                "daniel",
                20,
                {
                    "ips-sector": "Something else",
                    "ips-breakdowns": ["Country of residence", "Spending"],
                    "ips-agree-quarterly": "Neither agree nor disagree",
                    "ips-impact": "We report the monthly figures less than we "
                    "used to, because they revise so much.",
                },
            ),
            answer(
                "hannah",
                33,
                {
                    "ips-sector": "Something else",
                    "ips-breakdowns": ["Town visited"],
                    "ips-agree-quarterly": "Don't know",
                    "ips-impact": "Whitby depends on visitors; I would be sorry "
                    "to lose the town figures.",
                    "ips-town": "Whitby",
                },
                publication="not_published",
            ),
        ],
    },
]
