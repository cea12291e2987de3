"""Demo home page, theme index and standard page content, as plain data."""

import datetime

HOME_TITLE = "Where users and producers of official statistics meet"

HOME_INTRO = (
    "statsforum brings together the people who use UK official statistics and the "
    "people who produce them. Find the right person to talk to, say what you need and "
    "see what happens as a result."
)

HOME_BODY = [
    {
        "type": "heading",
        "value": "How statsforum works",
    },
    {
        "type": "paragraph",
        "value": (
            "<p>The forum is organised into themes, such as health and social care, "
            "migration or the economy. Each theme brings together users of the "
            "statistics and the organisations that produce them, across all four UK "
            "nations.</p><p>Every theme lists named contacts in those organisations, "
            "so you can see who is responsible for the statistics you use.</p>"
        ),
    },
    {
        "type": "heading",
        "value": "What you can do as a member",
    },
    {
        "type": "paragraph",
        "value": (
            "<ul><li>Join the themes you are interested in.</li><li>Ask questions and "
            "discuss statistics with other users and with producers.</li><li>Meet "
            "producers at theme meetings and hear about their plans.</li><li>Tell "
            "producers about data gaps and how you use their statistics.</li><li>See "
            "what happened to what you asked for: producers post updates when they act "
            "on feedback.</li></ul><p>Membership is free and open to anyone with an "
            "interest in UK official statistics.</p>"
        ),
    },
    {
        "type": "inset_text",
        "value": (
            "statsforum is the successor to StatsUserNet. If you were a StatsUserNet "
            "member, you will need to create a new account."
        ),
    },
]

THEME_INDEX_TITLE = "Themes"

THEME_INDEX_INTRO = (
    "Each theme brings together users and producers of statistics on one topic. Join a "
    "theme to follow discussions, meet the people who produce the statistics and take "
    "part in meetings and consultations."
)

STANDARD_PAGES = [
    {
        "title": "About statsforum",
        "slug": "about",
        "intro": (
            "statsforum is where users and producers of UK official statistics meet to "
            "talk about the statistics, share what they need and work together."
        ),
        "body": [
            {
                "type": "heading",
                "value": "Who runs statsforum",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>statsforum is run by the statsforum team, a small central team "
                    "in a UK statistics office. We work with producers of official "
                    "statistics across government in England, Scotland, Wales and "
                    "Northern Ireland, and with user groups such as the Statistics "
                    "User Forum.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Why statsforum exists",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>statsforum replaces StatsUserNet, the online network for users "
                    "of official statistics that ran for many years.</p><p>The user "
                    "engagement strategy for statistics found that users often find it "
                    "hard to:</p><ul><li>find the right person to talk to in the "
                    "organisation that produces the statistics</li><li>know if and how "
                    "their feedback was used, and whether it made a difference</li>"
                    "<li>find opportunities to share their expertise, ideas or "
                    "feedback</li></ul><p>Producers also find it hard to join up with "
                    "each other when statistics on the same topic come from different "
                    "organisations. And nobody could easily measure whether engagement "
                    "was getting better.</p><p>statsforum is designed to fix these "
                    "problems.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "How themes work",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The forum is organised into themes, such as housing and "
                    "planning or crime and justice. Each theme covers one topic across "
                    "all four UK nations, so producers from different organisations "
                    "can work together in one place.</p><p>In each theme:</p><ul><li>"
                    "<b>producers</b> are the organisations that publish the "
                    "statistics. They name contacts who answer questions and post "
                    "updates when they act on feedback</li><li><b>chairs</b> lead the "
                    "theme. They set the agenda for meetings, welcome new members and "
                    "keep discussions on topic</li><li><b>editors</b> look after the "
                    "theme pages. They publish meeting papers and notes, and keep "
                    "contacts up to date</li></ul><p>Anyone can become a member and "
                    "join as many themes as they like.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Measuring progress",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>We want to know whether statsforum is making a difference. We "
                    "look at things like how many questions get an answer from a "
                    "producer and how often feedback leads to a change. We only ever "
                    "report totals, not information about individual members.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Contact us",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Email the statsforum team at statsforum@example.gov.uk.</p>"
                    "<p>Tell us if you would like to start a new theme, become a chair "
                    "or editor, or if something on the site is not working.</p>"
                ),
            },
        ],
        "show_in_menus": True,
    },
    {
        "title": "Code of conduct",
        "slug": "code-of-conduct",
        "intro": (
            "These rules help keep statsforum a useful, welcoming and safe place for "
            "everyone who takes part."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>statsforum is a public forum. By joining, you agree to follow "
                    "this code of conduct. It applies to posts, replies, profiles and "
                    "meetings arranged through the site.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Be respectful",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Disagree with ideas, not people. Criticism of statistics is "
                    "welcome when it is constructive and explains what would help.</p>"
                    "<p>Do not post anything that is abusive, threatening, "
                    "discriminatory or harassing. Do not single out individual members "
                    "or producers' staff for personal criticism.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Do not share personal data",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Do not post personal data about yourself or anyone else, such "
                    "as home addresses, phone numbers or health details.</p><p>Do not "
                    "post data that could identify people, including small counts from "
                    "unpublished tables or records from administrative data.</p>"
                ),
            },
            {
                "type": "warning_text",
                "value": (
                    "Producers must not share statistics before they are officially "
                    "published. Pre-release access rules apply on statsforum as they "
                    "do everywhere else."
                ),
            },
            {
                "type": "heading",
                "value": "Declare your interests",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Say who you work for when it is relevant to what you are "
                    "posting. If you have a commercial, political or campaigning "
                    "interest in a topic, say so.</p><p>Do not use the forum to "
                    "advertise products or services.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Stay on topic",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Keep posts relevant to the theme and to official statistics. "
                    "Check whether a discussion already exists before you start a new "
                    "one. Chairs may move or close discussions that are off topic.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Moderation and reporting",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Theme chairs and the statsforum team moderate the forum. They "
                    "may edit or remove posts that break this code.</p><p>If you see "
                    "something that breaks this code, email statsforum@example.gov.uk "
                    "with a link to the post and tell us which rule you think it "
                    "breaks. We will look at every report and aim to reply within 5 "
                    "working days.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "If you break the code",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Depending on how serious the problem is, we may:</p><ul>"
                    "<li>remove or edit your post</li><li>contact you to explain what "
                    "went wrong</li><li>stop you posting for a period of time</li>"
                    "<li>close your account</li></ul><p>If you think we got a decision "
                    "wrong, email statsforum@example.gov.uk and a different member of "
                    "the team will review it.</p>"
                ),
            },
        ],
        "show_in_menus": True,
    },
    {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "intro": "This accessibility statement applies to the statsforum website.",
        # Checked on 6 December 2026 by tests/browser/test_every_page.py (axe-core
        # and the 320 px reflow check on every kind of page) and the keyboard-only
        # journeys: the claims below are what those tests measure.
        "last_reviewed": datetime.date(2026, 12, 6),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>This website is run by the Statistics Forum Office, the public "
                    "body responsible for statsforum. Its statsforum team runs the "
                    "site day to day. We want as many people as possible to be able "
                    "to use this website. For example, that means you should be able "
                    "to:</p><ul><li>change colours, contrast levels and fonts using "
                    "your browser or device settings</li><li>zoom in up to 400% "
                    "without the text spilling off the screen or the page scrolling "
                    "sideways</li><li>navigate most of the website using just a "
                    "keyboard</li><li>navigate most of the website using speech "
                    "recognition software</li><li>listen to most of the website using "
                    "a screen reader</li></ul><p>We have also made the website text as "
                    "simple as possible to understand.</p><p><a "
                    'href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice '
                    "on making your device easier to use if you have a disability.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "How accessible this website is",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>We know some parts of this website are not fully "
                    "accessible:</p><ul><li>some documents, such as meeting papers "
                    "uploaded by editors, are PDFs and may not work well with screen "
                    "readers</li><li>posts written by members may not use headings, "
                    "and links in posts may not describe where they go</li></ul>"
                ),
            },
            {
                "type": "heading",
                "value": "Feedback and contact information",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>If you need information on this website in a different format, "
                    "such as accessible PDF, large print, easy read, audio recording "
                    "or braille, contact us:</p><ul><li>email "
                    "statsforum@example.gov.uk</li><li>call 020 7946 0123 (Monday to "
                    "Friday, 9am to 5pm, except bank holidays)</li><li>write to "
                    "statsforum team, Statistics Forum Office, 1 Drummond Gate, "
                    "London SW1V 2QQ</li></ul><p>We will consider your request and "
                    "get back to you within 5 working days.</p><p>If you are deaf, "
                    "hearing impaired or have a speech impairment, you can call us "
                    "through Relay UK: dial 18001 then 020 7946 0123.</p>"
                    "<h3>Reporting accessibility problems with this website</h3><p>We "
                    "are always looking to improve the accessibility of this website. "
                    "If you find any problems not listed on this page, or think we are "
                    "not meeting accessibility requirements, email "
                    "statsforum@example.gov.uk or call 020 7946 0123.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Enforcement procedure",
            },
            {
                "type": "paragraph",
                "value": (
                    '<p>The <a href="https://www.equalityhumanrights.com">Equality and '
                    "Human Rights Commission</a> (EHRC) is responsible for enforcing "
                    "the Public Sector Bodies (Websites and Mobile Applications) (No. "
                    "2) Accessibility Regulations 2018 (the 'accessibility "
                    "regulations').</p><p>If you are not happy with how we respond to "
                    "your complaint, contact <a "
                    'href="https://www.equalityadvisoryservice.com">the Equality '
                    "Advisory and Support Service</a> (EASS).</p><p>If you are in "
                    "Northern Ireland, contact <a "
                    'href="https://www.equalityni.org">the Equality Commission for '
                    "Northern Ireland</a>.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Technical information about this website's accessibility",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The Statistics Forum Office is committed to making its website "
                    "accessible, in accordance with the Public Sector Bodies (Websites "
                    "and Mobile Applications) (No. 2) Accessibility Regulations "
                    "2018.</p><h3>Compliance status</h3><p>This website is partially "
                    'compliant with the <a href="https://www.w3.org/TR/WCAG22/">Web '
                    "Content Accessibility Guidelines version 2.2</a> AA standard, due "
                    "to the non-compliances listed below.</p><p>statsforum is a new "
                    "service in beta. It has not yet had an independent accessibility "
                    "audit. We will not say it is fully compliant until an audit has "
                    "been done and any problems it finds are fixed.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Non-accessible content",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The content listed below is non-accessible for the following "
                    "reasons.</p><h3>Non-compliance with the accessibility "
                    "regulations</h3><ul><li>Some PDF documents uploaded by editors, "
                    "such as meeting papers, may not be tagged or structured, so "
                    "screen reader users may not be able to follow them. This fails "
                    "WCAG 2.2 success criterion 1.3.1 (Info and Relationships). We ask "
                    "editors to publish papers as web pages where they can.</li></ul>"
                    "<h3>Disproportionate burden</h3><p>We are not claiming that "
                    "fixing any of the problems on this page would be a "
                    "disproportionate burden.</p><h3>Content that's not within the "
                    "scope of the accessibility regulations</h3><ul><li>Posts, "
                    "replies and consultation responses written by members are "
                    "third-party content that we do not fund, develop or control. "
                    "They may not use headings (WCAG 2.2 success criterion 1.3.1), "
                    "and their links may not make sense out of context (success "
                    "criterion 2.4.4). We give members guidance on writing accessible "
                    "posts.</li><li>PDFs and other documents published before 23 "
                    "September 2018 are exempt if they are not essential to providing "
                    "our services, such as papers from past meetings.</li><li>Live "
                    "video of online meetings is exempt from the regulations.</li></ul>"
                ),
            },
            {
                "type": "heading",
                "value": "What we're doing to improve accessibility",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Our automated tests visit every kind of page on the "
                    "website, as a visitor, a member and the staff who run it, and "
                    "check each one with axe-core against WCAG 2.2 AA at a phone's "
                    "width (320 pixels) and a desktop's (1280 pixels). They also "
                    "check that no page scrolls sideways at 320 pixels, which is how "
                    "a 1280 pixel screen looks zoomed to 400%. We run these checks "
                    "on every change.</li><li>We test signing in, "
                    "replying to a discussion, registering for a meeting, raising a "
                    "data gap and responding to a consultation using only a "
                    "keyboard.</li><li>We plan to have an independent accessibility "
                    "audit and will publish what it finds in this statement.</li>"
                    "</ul>"
                ),
            },
            {
                "type": "heading",
                "value": "Preparation of this accessibility statement",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>This statement was prepared on 25 November 2026. It was last "
                    "reviewed on 6 December 2026.</p><p>This website was last tested "
                    "on 6 December 2026. The test was carried out by the statsforum "
                    "team: automated testing with axe-core of every kind of page, at "
                    "320 and 1280 pixels wide, and testing the main journeys using "
                    "only a keyboard.</p>"
                ),
            },
        ],
        "show_in_menus": True,
    },
    {
        "title": "Privacy notice",
        "slug": "privacy",
        "intro": (
            "This notice explains what personal data statsforum collects, why we "
            "collect it, who can see it and what your rights are."
        ),
        "body": [
            {
                "type": "heading",
                "value": "Who we are",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>statsforum is run by the statsforum team. The statistics "
                    "office that runs statsforum is the data controller for your "
                    "personal data. This means it decides how your data is used and is "
                    "responsible for keeping it safe.</p><p>You can contact us about "
                    "your data at statsforum@example.gov.uk. You can also ask us for "
                    "the contact details of our data protection officer.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "What personal data we collect",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>When you create an account, we collect your name and email "
                    "address. You can also choose to add your organisation, sector, "
                    "areas of expertise and a short bio to your profile.</p><p>When "
                    "you use statsforum, we also keep:</p><ul><li>the posts and "
                    "replies you write</li><li>the themes you join</li><li>your "
                    "registrations for meetings</li><li>your responses to "
                    "consultations</li></ul><p>We only use essential cookies. These "
                    "keep you signed in (a session cookie) and protect forms from "
                    "misuse (a CSRF cookie). We do not use analytics or advertising "
                    "cookies.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Why we use your data and our lawful basis",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>We use your data to run statsforum: to let you take part in "
                    "themes, show your posts, manage meetings and consultations, and "
                    "contact you about your account.</p><p>Under UK GDPR, our lawful "
                    "basis is that this is necessary for a task carried out in the "
                    "public interest (public task). Engaging with users of official "
                    "statistics is part of our public role.</p><p>For the optional "
                    "profile fields, our lawful basis is your consent. You can remove "
                    "them from your profile at any time.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Who can see your data",
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li>Your name, and any optional profile fields you fill in, "
                    "are shown on your public profile and next to your posts.</li>"
                    "<li>Posts in themes can be seen by other people using the "
                    "site.</li><li>Chairs and editors of a theme can see who is "
                    "registered for its meetings.</li><li>Producers can see "
                    "consultation responses sent to them.</li><li>The statsforum team "
                    "can see all account details to run and moderate the site.</li>"
                    "</ul><p>We do not sell your data or share it for marketing.</p>"
                ),
            },
            {
                "type": "inset_text",
                "value": (
                    "Your email address is never shown publicly. Only the statsforum "
                    "team can see it."
                ),
            },
            {
                "type": "heading",
                "value": "How long we keep your data",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>We keep your account details for as long as you have an "
                    "account. If you delete your account, we delete your account and "
                    "profile details at once. You choose what happens to your public "
                    "posts: we remove them, or keep them under the name 'a former "
                    "member' so conversations still make sense.</p>"
                    "<p>We keep meeting registrations for 12 "
                    "months after the meeting. We keep consultation responses for as "
                    "long as the producer needs them to publish its response, and no "
                    "longer than 3 years.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "Your rights",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>You have the right to:</p><ul><li>get a copy of your personal "
                    "data (access)</li><li>have wrong or incomplete data corrected "
                    "(rectification)</li><li>have your data deleted (erasure)</li>"
                    "<li>object to how we use your data, or ask us to restrict it</li>"
                    "<li>withdraw your consent for optional profile fields</li></ul>"
                    "<p>You can download your data and delete your account yourself "
                    "from your account pages. You can edit your profile at any time. "
                    "For anything else, email statsforum@example.gov.uk.</p>"
                ),
            },
            {
                "type": "heading",
                "value": "How to complain",
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>If you are unhappy with how we have used your data, email "
                    "statsforum@example.gov.uk first.</p><p>You can also complain to "
                    'the <a href="https://ico.org.uk">Information Commissioner\'s '
                    "Office</a> (ICO), which regulates data protection in the UK.</p>"
                ),
            },
        ],
        "show_in_menus": True,
    },
]
