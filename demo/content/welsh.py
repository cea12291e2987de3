"""The demo's Welsh: the home page, the themes page, one theme and the standard
pages, as an editor would write them in wagtail-localize (GOV.UK Welsh style, the
terms in the project's glossary). Keyed by the English page's slug."""

HOME = {
    "title": "Lle mae defnyddwyr a chynhyrchwyr ystadegau swyddogol yn cwrdd",
    "intro": (
        "Mae statsforum yn dod â'r bobl sy'n defnyddio ystadegau swyddogol y DU a'r "
        "bobl sy'n eu cynhyrchu at ei gilydd. Dewch o hyd i'r person iawn i siarad ag "
        "ef, dywedwch beth sydd ei angen arnoch a gweld beth sy'n digwydd o ganlyniad."
    ),
    "body": [
        {"type": "heading", "value": "Sut mae statsforum yn gweithio"},
        {
            "type": "paragraph",
            "value": (
                "<p>Mae'r fforwm wedi'i drefnu'n themâu, fel iechyd a gofal "
                "cymdeithasol, mudo neu'r economi. Mae pob thema'n dod â defnyddwyr yr "
                "ystadegau a'r sefydliadau sy'n eu cynhyrchu at ei gilydd, ar draws "
                "pedair gwlad y DU.</p><p>Mae pob thema'n rhestru cysylltiadau wedi'u "
                "henwi yn y sefydliadau hynny, fel y gallwch weld pwy sy'n gyfrifol am "
                "yr ystadegau rydych chi'n eu defnyddio.</p>"
            ),
        },
        {"type": "heading", "value": "Beth allwch chi ei wneud fel aelod"},
        {
            "type": "paragraph",
            "value": (
                "<ul><li>Ymuno â'r themâu sydd o ddiddordeb i chi.</li><li>Gofyn "
                "cwestiynau a thrafod ystadegau gyda defnyddwyr eraill a gyda "
                "chynhyrchwyr.</li><li>Cwrdd â chynhyrchwyr yng nghyfarfodydd y themâu "
                "a chlywed am eu cynlluniau.</li><li>Dweud wrth gynhyrchwyr am fylchau "
                "data a sut rydych chi'n defnyddio eu hystadegau.</li><li>Gweld beth "
                "ddigwyddodd i'r hyn y gofynnoch chi amdano: mae cynhyrchwyr yn postio "
                "diweddariadau pan fyddan nhw'n gweithredu ar adborth.</li></ul><p>Mae "
                "aelodaeth am ddim ac yn agored i unrhyw un sydd â diddordeb yn "
                "ystadegau swyddogol y DU.</p>"
            ),
        },
        {
            "type": "inset_text",
            "value": (
                "statsforum yw olynydd StatsUserNet. Os oeddech chi'n aelod o "
                "StatsUserNet, bydd angen i chi greu cyfrif newydd."
            ),
        },
    ],
}

THEME_INDEX = {
    "title": "Themâu",
    "intro": (
        "Mae pob thema'n dod â defnyddwyr a chynhyrchwyr ystadegau ar un pwnc at ei "
        "gilydd. Ymunwch â thema i ddilyn trafodaethau, cwrdd â'r bobl sy'n "
        "cynhyrchu'r "
        "ystadegau a chymryd rhan mewn cyfarfodydd ac ymgyngoriadau."
    ),
}

THEME_SLUG = "health-and-social-care"

THEME = {
    "title": "Iechyd a gofal cymdeithasol",
    "summary": (
        "Ystadegau am y GIG, iechyd y cyhoedd a gofal cymdeithasol i oedolion ar draws "
        "y DU, o amseroedd aros ac adrannau brys i leoedd mewn cartrefi gofal."
    ),
    "introduction": [
        {"type": "heading", "value": "Beth mae'r thema hon yn ei gwmpasu"},
        {
            "type": "paragraph",
            "value": (
                "<p>Mae'r thema hon ar gyfer pobl sy'n defnyddio neu'n cynhyrchu "
                "ystadegau am iechyd, y GIG a gofal cymdeithasol yng Nghymru, Lloegr, "
                "yr Alban a Gogledd Iwerddon.</p><p>Mae'r aelodau'n cynnwys "
                "dadansoddwyr yn y llywodraeth a'r GIG, ymchwilwyr, elusennau, "
                "newyddiadurwyr a chynghorau lleol.</p>"
            ),
        },
        {
            "type": "paragraph",
            "value": (
                "<h3>Yr ystadegau rydyn ni'n eu trafod</h3><ul><li>Amseroedd aros o "
                "atgyfeirio i driniaeth (RTT), Lloegr</li><li>Presenoldeb mewn "
                "adrannau damweiniau ac achosion brys a derbyniadau brys, Lloegr</li>"
                "<li>Arolwg Iechyd Lloegr</li><li>Gweithgarwch a chyllid gofal "
                "cymdeithasol i oedolion, Lloegr</li><li>Gweithgarwch ac amseroedd "
                "aros "
                "adrannau damweiniau ac achosion brys, yr Alban</li><li>Crynodeb o "
                "weithgarwch a pherfformiad y GIG, Cymru</li><li>Ystadegau amseroedd "
                "aros ysbytai, Gogledd Iwerddon</li></ul>"
            ),
        },
        {
            "type": "details",
            "value": {
                "summary": "Pwy sy'n cynhyrchu'r ystadegau hyn",
                "content": (
                    "<p>Mae iechyd wedi'i ddatganoli, felly mae pob gwlad yn cyhoeddi "
                    "ei hystadegau ei hun.</p><ul><li>Lloegr: GIG Lloegr a'r Adran "
                    "Iechyd a Gofal Cymdeithasol</li><li>Yr Alban: Iechyd Cyhoeddus yr "
                    "Alban</li><li>Cymru: Llywodraeth Cymru</li><li>Gogledd Iwerddon: "
                    "ystadegwyr NISRA yn yr Adran Iechyd</li></ul>"
                ),
            },
        },
        {
            "type": "inset_text",
            "value": (
                "Mae targedau a diffiniadau amseroedd aros yn wahanol yn y pedair "
                "gwlad. Darllenwch y nodiadau gyda phob datganiad cyn i chi gymharu "
                "ffigurau."
            ),
        },
        {"type": "heading", "value": "Sut i gymryd rhan"},
        {
            "type": "paragraph",
            "value": (
                "<ul><li>Ymunwch â'r thema i ddilyn trafodaethau a chlywed am "
                "gyfarfodydd.</li><li>Gofynnwch gwestiwn, neu codwch fwlch data os nad "
                "yw'r ystadegau sydd eu hangen arnoch yn bodoli neu os nad ydyn nhw'n "
                "ddigon manwl.</li><li>Dewch i gyfarfodydd y thema i glywed am "
                "gynlluniau a dweud wrth gynhyrchwyr beth sydd ei angen arnoch.</li>"
                "<li>Ymatebwch i ymgyngoriadau ar newidiadau i'r ystadegau hyn.</li>"
                "</ul><p>Pan fydd cynhyrchydd yn gweithredu ar gwestiwn neu fwlch "
                "data, bydd yn postio diweddariad yn y drafodaeth, fel y gallwch weld "
                "beth ddigwyddodd iddo.</p>"
            ),
        },
    ],
}


def _heading(text):
    return {"type": "heading", "value": text}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


STANDARD_PAGES = {
    "about": {
        "title": "Ynglŷn â statsforum",
        "intro": (
            "statsforum yw'r lle mae defnyddwyr a chynhyrchwyr ystadegau swyddogol y "
            "DU "
            "yn cwrdd i siarad am yr ystadegau, rhannu'r hyn sydd ei angen arnyn nhw a "
            "gweithio gyda'i gilydd."
        ),
        "body": [
            _heading("Pwy sy'n rhedeg statsforum"),
            _paragraph(
                "<p>Tîm statsforum sy'n rhedeg statsforum, tîm canolog bach mewn "
                "swyddfa ystadegau yn y DU. Rydyn ni'n gweithio gyda chynhyrchwyr "
                "ystadegau swyddogol ar draws y llywodraeth yng Nghymru, Lloegr, yr "
                "Alban a Gogledd Iwerddon, a gyda grwpiau defnyddwyr fel y Statistics "
                "User Forum.</p>"
            ),
            _heading("Pam mae statsforum yn bodoli"),
            _paragraph(
                "<p>Mae statsforum yn cymryd lle StatsUserNet, y rhwydwaith ar-lein i "
                "ddefnyddwyr ystadegau swyddogol a fu'n rhedeg am flynyddoedd lawer."
                "</p><p>Canfu'r strategaeth ymgysylltu â defnyddwyr ystadegau ei bod "
                "hi'n aml yn anodd i ddefnyddwyr:</p><ul><li>dod o hyd i'r person iawn "
                "i siarad ag ef yn y sefydliad sy'n cynhyrchu'r "
                "ystadegau</li><li>gwybod "
                "a gafodd eu hadborth ei ddefnyddio, a sut, ac a wnaeth wahaniaeth</li>"
                "<li>dod o hyd i gyfleoedd i rannu eu harbenigedd, eu syniadau neu eu "
                "hadborth</li></ul><p>Mae hi hefyd yn anodd i gynhyrchwyr gydweithio "
                "pan fydd ystadegau ar yr un pwnc yn dod o sefydliadau gwahanol. Ac "
                "nid "
                "oedd modd mesur yn hawdd a oedd ymgysylltu'n gwella.</p><p>Mae "
                "statsforum wedi'i gynllunio i ddatrys y problemau hyn.</p>"
            ),
            _heading("Sut mae themâu'n gweithio"),
            _paragraph(
                "<p>Mae'r fforwm wedi'i drefnu'n themâu, fel tai a chynllunio neu "
                "droseddu a chyfiawnder. Mae pob thema'n ymdrin ag un pwnc ar draws "
                "pedair gwlad y DU, fel y gall cynhyrchwyr o sefydliadau gwahanol "
                "weithio gyda'i gilydd mewn un lle.</p><p>Ym mhob thema:</p><ul><li>"
                "<b>cynhyrchwyr</b> yw'r sefydliadau sy'n cyhoeddi'r ystadegau. Maen "
                "nhw'n enwi cysylltiadau sy'n ateb cwestiynau ac yn postio "
                "diweddariadau pan fyddan nhw'n gweithredu ar adborth</li><li><b>"
                "cadeiryddion</b> sy'n arwain y thema. Maen nhw'n pennu agenda'r "
                "cyfarfodydd, yn croesawu aelodau newydd ac yn cadw trafodaethau ar y "
                "pwnc</li><li><b>golygyddion</b> sy'n gofalu am dudalennau'r thema. "
                "Maen nhw'n cyhoeddi papurau'r cyfarfod a'r cofnodion, ac yn cadw'r "
                "cysylltiadau'n gyfredol</li></ul><p>Gall unrhyw un ddod yn aelod ac "
                "ymuno â chynifer o themâu ag y mynnan nhw.</p>"
            ),
            _heading("Mesur cynnydd"),
            _paragraph(
                "<p>Rydyn ni eisiau gwybod a yw statsforum yn gwneud gwahaniaeth. "
                "Rydyn ni'n edrych ar bethau fel faint o gwestiynau sy'n cael ateb gan "
                "gynhyrchydd a pha mor aml mae adborth yn arwain at newid. Dim ond "
                "cyfansymiau rydyn ni'n eu cyhoeddi, byth wybodaeth am aelodau unigol."
                "</p>"
            ),
            _heading("Cysylltu â ni"),
            _paragraph(
                "<p>Anfonwch e-bost at dîm statsforum: statsforum@example.gov.uk.</p>"
                "<p>Rhowch wybod i ni os hoffech chi ddechrau thema newydd, dod yn "
                "gadeirydd neu'n olygydd, neu os nad yw rhywbeth ar y wefan yn "
                "gweithio.</p>"
            ),
        ],
    },
    "code-of-conduct": {
        "title": "Cod ymddygiad",
        "intro": (
            "Mae'r rheolau hyn yn helpu i gadw statsforum yn lle defnyddiol, "
            "croesawgar "
            "a diogel i bawb sy'n cymryd rhan."
        ),
        "body": [
            _paragraph(
                "<p>Fforwm cyhoeddus yw statsforum. Drwy ymuno, rydych chi'n cytuno i "
                "ddilyn y cod ymddygiad hwn. Mae'n berthnasol i negeseuon, atebion, "
                "proffiliau a chyfarfodydd a drefnir drwy'r wefan.</p>"
            ),
            _heading("Byddwch yn barchus"),
            _paragraph(
                "<p>Anghytunwch â syniadau, nid â phobl. Mae croeso i feirniadu "
                "ystadegau pan fydd hynny'n adeiladol ac yn esbonio beth fyddai'n "
                "helpu.</p><p>Peidiwch â phostio dim sy'n sarhaus, yn fygythiol, yn "
                "gwahaniaethu neu'n aflonyddu. Peidiwch â thargedu aelodau unigol na "
                "staff cynhyrchwyr â beirniadaeth bersonol.</p>"
            ),
            _heading("Peidiwch â rhannu data personol"),
            _paragraph(
                "<p>Peidiwch â phostio data personol amdanoch chi'ch hun nac am unrhyw "
                "un arall, fel cyfeiriadau cartref, rhifau ffôn neu fanylion iechyd."
                "</p><p>Peidiwch â phostio data a allai adnabod pobl, gan gynnwys "
                "cyfrifon bach o dablau heb eu cyhoeddi neu gofnodion o ddata "
                "gweinyddol.</p>"
            ),
            {
                "type": "warning_text",
                "value": (
                    "Rhaid i gynhyrchwyr beidio â rhannu ystadegau cyn iddyn nhw gael "
                    "eu cyhoeddi'n swyddogol. Mae rheolau mynediad cyn rhyddhau yn "
                    "berthnasol ar statsforum fel ym mhob man arall."
                ),
            },
            _heading("Datganwch eich buddiannau"),
            _paragraph(
                "<p>Dywedwch i bwy rydych chi'n gweithio pan fydd hynny'n berthnasol "
                "i'r hyn rydych chi'n ei bostio. Os oes gennych fuddiant masnachol, "
                "gwleidyddol neu ymgyrchu mewn pwnc, dywedwch hynny.</p><p>Peidiwch â "
                "defnyddio'r fforwm i hysbysebu cynhyrchion na gwasanaethau.</p>"
            ),
            _heading("Cadwch at y pwnc"),
            _paragraph(
                "<p>Cadwch negeseuon yn berthnasol i'r thema ac i ystadegau swyddogol. "
                "Edrychwch a oes trafodaeth yn bodoli eisoes cyn i chi ddechrau un "
                "newydd. Gall cadeiryddion symud neu gau trafodaethau sydd oddi ar y "
                "pwnc.</p>"
            ),
            _heading("Cymedroli a rhoi gwybod"),
            _paragraph(
                "<p>Cadeiryddion y themâu a thîm statsforum sy'n cymedroli'r fforwm. "
                "Gallan nhw olygu neu ddileu negeseuon sy'n torri'r cod hwn.</p><p>Os "
                "gwelwch chi rywbeth sy'n torri'r cod hwn, anfonwch e-bost at "
                "statsforum@example.gov.uk gyda dolen i'r neges, a dywedwch wrthym "
                "pa reol rydych chi'n credu ei bod yn ei thorri. Byddwn ni'n edrych ar "
                "bob adroddiad ac yn ceisio ateb o fewn 5 diwrnod gwaith.</p>"
            ),
            _heading("Os byddwch chi'n torri'r cod"),
            _paragraph(
                "<p>Gan ddibynnu ar ba mor ddifrifol yw'r broblem, gallwn ni:</p><ul>"
                "<li>dileu neu olygu eich neges</li><li>cysylltu â chi i esbonio beth "
                "aeth o'i le</li><li>eich atal rhag postio am gyfnod</li><li>cau eich "
                "cyfrif</li></ul><p>Os ydych chi'n credu ein bod ni wedi gwneud y "
                "penderfyniad anghywir, anfonwch e-bost at statsforum@example.gov.uk "
                "a bydd aelod arall o'r tîm yn ei adolygu.</p>"
            ),
        ],
    },
}

STANDARD_PAGES["accessibility"] = {
    "title": "Datganiad hygyrchedd",
    "intro": "Mae'r datganiad hygyrchedd hwn yn berthnasol i wefan statsforum.",
    "body": [
        _paragraph(
            "<p>Swyddfa'r Fforwm Ystadegau, y corff cyhoeddus sy'n gyfrifol am "
            "statsforum, sy'n rhedeg y wefan hon. Ei thîm statsforum sy'n rhedeg y "
            "wefan o ddydd i ddydd. Rydyn ni eisiau i gynifer o bobl â phosibl allu "
            "defnyddio'r wefan hon. Er enghraifft, mae hynny'n golygu y dylech chi "
            "allu:</p><ul><li>newid lliwiau, lefelau cyferbynnedd a ffontiau gan "
            "ddefnyddio gosodiadau eich porwr neu eich dyfais</li><li>chwyddo hyd at "
            "400% heb i'r testun fynd oddi ar y sgrin na'r dudalen sgrolio i'r ochr"
            "</li><li>symud drwy'r rhan fwyaf o'r wefan gan ddefnyddio bysellfwrdd yn "
            "unig</li><li>symud drwy'r rhan fwyaf o'r wefan gan ddefnyddio meddalwedd "
            "adnabod lleferydd</li><li>gwrando ar y rhan fwyaf o'r wefan gan "
            "ddefnyddio darllenydd sgrin</li></ul><p>Rydyn ni hefyd wedi gwneud "
            "testun y wefan mor syml i'w ddeall â phosibl.</p><p>Mae gan <a "
            'href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> gyngor ar wneud '
            "eich dyfais yn haws i'w defnyddio os oes gennych anabledd.</p>"
        ),
        _heading("Pa mor hygyrch yw'r wefan hon"),
        _paragraph(
            "<p>Rydyn ni'n gwybod nad yw rhai rhannau o'r wefan hon yn gwbl hygyrch:"
            "</p><ul><li>mae rhai dogfennau, fel papurau cyfarfod a lanlwythwyd gan "
            "olygyddion, yn PDFs ac efallai na fyddan nhw'n gweithio'n dda gyda "
            "darllenwyr sgrin</li><li>efallai na fydd negeseuon a ysgrifennwyd gan "
            "aelodau yn defnyddio penawdau, ac efallai na fydd dolenni mewn negeseuon "
            "yn disgrifio i ble maen nhw'n mynd</li></ul>"
        ),
        _heading("Adborth a gwybodaeth gyswllt"),
        _paragraph(
            "<p>Os oes angen gwybodaeth ar y wefan hon arnoch mewn fformat gwahanol, "
            "fel PDF hygyrch, print bras, hawdd ei ddeall, recordiad sain neu "
            "braille, cysylltwch â ni:</p><ul><li>e-bost statsforum@example.gov.uk"
            "</li><li>ffoniwch 020 7946 0123 (dydd Llun i ddydd Gwener, 9am i 5pm, "
            "ac eithrio gwyliau banc)</li><li>ysgrifennwch at dîm statsforum, "
            "Swyddfa'r Fforwm Ystadegau, 1 Drummond Gate, Llundain SW1V 2QQ</li>"
            "</ul><p>Byddwn ni'n ystyried eich cais ac yn ymateb o fewn 5 diwrnod "
            "gwaith.</p><p>Os ydych chi'n fyddar, yn drwm eich clyw neu os oes "
            "gennych nam ar eich lleferydd, gallwch ein ffonio drwy Relay UK: deialwch "
            "18001 ac yna 020 7946 0123.</p><h3>Rhoi gwybod am broblemau hygyrchedd "
            "gyda'r wefan hon</h3><p>Rydyn ni bob amser yn ceisio gwella hygyrchedd y "
            "wefan hon. Os dewch chi o hyd i unrhyw broblemau sydd heb eu rhestru ar "
            "y dudalen hon, neu os ydych chi'n credu nad ydyn ni'n bodloni'r gofynion "
            "hygyrchedd, anfonwch e-bost at statsforum@example.gov.uk neu ffoniwch "
            "020 7946 0123.</p>"
        ),
        _heading("Y weithdrefn orfodi"),
        _paragraph(
            '<p>Y <a href="https://www.equalityhumanrights.com">Comisiwn Cydraddoldeb '
            "a Hawliau Dynol</a> (EHRC) sy'n gyfrifol am orfodi Rheoliadau Hygyrchedd "
            "Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018 "
            "(y 'rheoliadau hygyrchedd').</p><p>Os nad ydych chi'n hapus â'r ffordd "
            "rydyn ni'n ymateb i'ch cwyn, cysylltwch â'r <a "
            'href="https://www.equalityadvisoryservice.com">Gwasanaeth Cynghori a '
            "Chefnogi Cydraddoldeb</a> (EASS).</p><p>Os ydych chi yng Ngogledd "
            'Iwerddon, cysylltwch â <a href="https://www.equalityni.org">Chomisiwn '
            "Cydraddoldeb Gogledd Iwerddon</a>.</p>"
        ),
        _heading("Gwybodaeth dechnegol am hygyrchedd y wefan hon"),
        _paragraph(
            "<p>Mae Swyddfa'r Fforwm Ystadegau wedi ymrwymo i wneud ei gwefan yn "
            "hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus "
            "(Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018.</p><h3>Statws "
            "cydymffurfio</h3><p>Mae'r wefan hon yn cydymffurfio'n rhannol â <a "
            'href="https://www.w3.org/TR/WCAG22/">Chanllawiau Hygyrchedd Cynnwys y '
            "We fersiwn 2.2</a> safon AA, oherwydd yr achosion o beidio â "
            "chydymffurfio a restrir isod.</p><p>Gwasanaeth newydd mewn beta yw "
            "statsforum. Nid yw wedi cael archwiliad hygyrchedd annibynnol eto. Ni "
            "fyddwn ni'n dweud ei fod yn cydymffurfio'n llawn nes bod archwiliad "
            "wedi'i wneud a bod unrhyw broblemau a ganfyddir wedi'u datrys.</p>"
        ),
        _heading("Cynnwys nad yw'n hygyrch"),
        _paragraph(
            "<p>Nid yw'r cynnwys a restrir isod yn hygyrch am y rhesymau canlynol."
            "</p><h3>Peidio â chydymffurfio â'r rheoliadau hygyrchedd</h3><ul><li>"
            "Efallai nad yw rhai dogfennau PDF a lanlwythwyd gan olygyddion, fel "
            "papurau cyfarfod, wedi'u tagio na'u strwythuro, felly efallai na fydd "
            "defnyddwyr darllenwyr sgrin yn gallu eu dilyn. Mae hyn yn methu maen "
            "prawf llwyddiant 1.3.1 WCAG 2.2 (Gwybodaeth a Pherthnasoedd). Rydyn ni'n "
            "gofyn i olygyddion gyhoeddi papurau fel tudalennau gwe lle gallan nhw."
            "</li></ul><h3>Baich anghymesur</h3><p>Nid ydyn ni'n honni y byddai "
            "datrys unrhyw un o'r problemau ar y dudalen hon yn faich anghymesur.</p>"
            "<h3>Cynnwys nad yw o fewn cwmpas y rheoliadau hygyrchedd</h3><ul><li>"
            "Mae negeseuon, atebion ac ymatebion i ymgyngoriadau a ysgrifennwyd gan "
            "aelodau yn gynnwys trydydd parti nad ydyn ni'n ei ariannu, ei ddatblygu "
            "na'i reoli. Efallai na fyddan nhw'n defnyddio penawdau (maen prawf "
            "llwyddiant 1.3.1 WCAG 2.2), ac efallai na fydd eu dolenni'n gwneud "
            "synnwyr y tu allan i'w cyd-destun (maen prawf llwyddiant 2.4.4). Rydyn "
            "ni'n rhoi canllawiau i aelodau ar ysgrifennu negeseuon hygyrch.</li><li>"
            "Mae PDFs a dogfennau eraill a gyhoeddwyd cyn 23 Medi 2018 wedi'u "
            "heithrio os nad ydyn nhw'n hanfodol i ddarparu ein gwasanaethau, fel "
            "papurau o gyfarfodydd blaenorol.</li><li>Mae fideo byw o gyfarfodydd "
            "ar-lein wedi'i eithrio o'r rheoliadau.</li></ul>"
        ),
        _heading("Beth rydyn ni'n ei wneud i wella hygyrchedd"),
        _paragraph(
            "<ul><li>Mae ein profion awtomataidd yn ymweld â phob math o dudalen ar y "
            "wefan, fel ymwelydd, fel aelod ac fel y staff sy'n ei rhedeg, ac yn "
            "gwirio pob un ag axe-core yn erbyn WCAG 2.2 AA ar led ffôn (320 picsel) "
            "a lled cyfrifiadur (1280 picsel). Maen nhw hefyd yn gwirio nad oes "
            "unrhyw dudalen yn sgrolio i'r ochr ar 320 picsel, sef sut mae sgrin 1280 "
            "picsel yn edrych wedi'i chwyddo i 400%. Rydyn ni'n cynnal y gwiriadau "
            "hyn ar bob newid.</li><li>Rydyn ni'n profi mewngofnodi, ateb "
            "trafodaeth, cofrestru ar gyfer cyfarfod, codi bwlch data ac ymateb i "
            "ymgynghoriad gan ddefnyddio bysellfwrdd yn unig.</li><li>Rydyn ni'n "
            "bwriadu cael archwiliad hygyrchedd annibynnol a byddwn ni'n cyhoeddi'r "
            "hyn y mae'n ei ganfod yn y datganiad hwn.</li></ul>"
        ),
        _heading("Paratoi'r datganiad hygyrchedd hwn"),
        _paragraph(
            "<p>Cafodd y datganiad hwn ei baratoi ar 25 Tachwedd 2026. Cafodd ei "
            "adolygu ddiwethaf ar 6 Rhagfyr 2026.</p><p>Cafodd y wefan hon ei phrofi "
            "ddiwethaf ar 6 Rhagfyr 2026. Tîm statsforum a gynhaliodd y prawf: profion "
            "awtomataidd ag axe-core o bob math o dudalen, ar led 320 a 1280 picsel, "
            "a phrofi'r prif deithiau gan ddefnyddio bysellfwrdd yn unig.</p>"
        ),
    ],
}

STANDARD_PAGES["privacy"] = {
    "title": "Hysbysiad preifatrwydd",
    "intro": (
        "Mae'r hysbysiad hwn yn esbonio pa ddata personol y mae statsforum yn ei "
        "gasglu, pam rydyn ni'n ei gasglu, pwy sy'n gallu ei weld a beth yw eich "
        "hawliau."
    ),
    "body": [
        _heading("Pwy ydyn ni"),
        _paragraph(
            "<p>Tîm statsforum sy'n rhedeg statsforum. Y swyddfa ystadegau sy'n "
            "rhedeg statsforum yw rheolydd data eich data personol. Mae hyn yn golygu "
            "mai hi sy'n penderfynu sut mae eich data'n cael ei ddefnyddio a hi sy'n "
            "gyfrifol am ei gadw'n ddiogel.</p><p>Gallwch gysylltu â ni am eich data "
            "yn statsforum@example.gov.uk. Gallwch hefyd ofyn i ni am fanylion "
            "cyswllt ein swyddog diogelu data.</p>"
        ),
        _heading("Pa ddata personol rydyn ni'n ei gasglu"),
        _paragraph(
            "<p>Pan fyddwch chi'n creu cyfrif, rydyn ni'n casglu eich enw a'ch "
            "cyfeiriad e-bost. Gallwch hefyd ddewis ychwanegu eich sefydliad, eich "
            "sector, eich meysydd arbenigedd a bywgraffiad byr at eich proffil.</p>"
            "<p>Pan fyddwch chi'n defnyddio statsforum, rydyn ni hefyd yn cadw:</p>"
            "<ul><li>y negeseuon a'r atebion rydych chi'n eu hysgrifennu</li><li>y "
            "themâu rydych chi'n ymuno â nhw</li><li>eich cofrestriadau ar gyfer "
            "cyfarfodydd</li><li>eich ymatebion i ymgyngoriadau</li></ul><p>Dim ond "
            "cwcis hanfodol rydyn ni'n eu defnyddio. Mae'r rhain yn eich cadw wedi "
            "mewngofnodi (cwci sesiwn) ac yn diogelu ffurflenni rhag camddefnydd "
            "(cwci CSRF). Nid ydyn ni'n defnyddio cwcis dadansoddi na hysbysebu.</p>"
        ),
        _heading("Pam rydyn ni'n defnyddio eich data a'n sail gyfreithlon"),
        _paragraph(
            "<p>Rydyn ni'n defnyddio eich data i redeg statsforum: i adael i chi "
            "gymryd rhan mewn themâu, dangos eich negeseuon, rheoli cyfarfodydd ac "
            "ymgyngoriadau, a chysylltu â chi am eich cyfrif.</p><p>O dan GDPR y DU, "
            "ein sail gyfreithlon yw bod hyn yn angenrheidiol ar gyfer tasg a wneir er "
            "budd y cyhoedd (tasg gyhoeddus). Mae ymgysylltu â defnyddwyr ystadegau "
            "swyddogol yn rhan o'n rôl gyhoeddus.</p><p>Ar gyfer meysydd dewisol y "
            "proffil, ein sail gyfreithlon yw eich caniatâd. Gallwch eu tynnu o'ch "
            "proffil unrhyw bryd.</p>"
        ),
        _heading("Pwy sy'n gallu gweld eich data"),
        _paragraph(
            "<ul><li>Mae eich enw, ac unrhyw feysydd proffil dewisol rydych chi'n eu "
            "llenwi, yn cael eu dangos ar eich proffil cyhoeddus a gyda'ch negeseuon."
            "</li><li>Gall pobl eraill sy'n defnyddio'r wefan weld negeseuon mewn "
            "themâu.</li><li>Gall cadeiryddion a golygyddion thema weld pwy sydd "
            "wedi cofrestru ar gyfer ei chyfarfodydd.</li><li>Gall cynhyrchwyr weld "
            "ymatebion i ymgyngoriadau a anfonir atyn nhw.</li><li>Gall tîm "
            "statsforum weld holl fanylion cyfrifon er mwyn rhedeg a chymedroli'r "
            "wefan.</li></ul><p>Nid ydyn ni'n gwerthu eich data nac yn ei rannu at "
            "ddibenion marchnata.</p>"
        ),
        {
            "type": "inset_text",
            "value": (
                "Nid yw eich cyfeiriad e-bost byth yn cael ei ddangos yn gyhoeddus. "
                "Dim ond tîm statsforum sy'n gallu ei weld."
            ),
        },
        _heading("Am faint rydyn ni'n cadw eich data"),
        _paragraph(
            "<p>Rydyn ni'n cadw manylion eich cyfrif cyhyd ag y bydd gennych gyfrif. "
            "Os byddwch chi'n dileu eich cyfrif, rydyn ni'n dileu manylion eich "
            "cyfrif a'ch proffil ar unwaith. Chi sy'n dewis beth sy'n digwydd i'ch "
            "negeseuon cyhoeddus: rydyn ni'n eu dileu, neu'n eu cadw o dan yr enw 'cyn "
            "aelod' fel bod sgyrsiau'n dal i wneud synnwyr.</p><p>Rydyn ni'n cadw "
            "cofrestriadau ar gyfer cyfarfodydd am 12 mis ar ôl y cyfarfod. Rydyn "
            "ni'n cadw ymatebion i ymgyngoriadau cyhyd ag y bydd eu hangen ar y "
            "cynhyrchydd i gyhoeddi ei ymateb, a dim mwy na 3 blynedd.</p>"
        ),
        _heading("Eich hawliau"),
        _paragraph(
            "<p>Mae gennych hawl i:</p><ul><li>cael copi o'ch data personol "
            "(mynediad)</li><li>cywiro data anghywir neu anghyflawn (cywiro)</li>"
            "<li>dileu eich data (dileu)</li><li>gwrthwynebu sut rydyn ni'n "
            "defnyddio eich data, neu ofyn i ni ei gyfyngu</li><li>tynnu eich "
            "caniatâd yn ôl ar gyfer meysydd proffil dewisol</li></ul><p>Gallwch "
            "lawrlwytho eich data a dileu eich cyfrif eich hun o dudalennau eich "
            "cyfrif. Gallwch olygu eich proffil unrhyw bryd. Am unrhyw beth arall, "
            "anfonwch e-bost at statsforum@example.gov.uk.</p>"
        ),
        _heading("Sut i gwyno"),
        _paragraph(
            "<p>Os nad ydych chi'n hapus â'r ffordd rydyn ni wedi defnyddio eich "
            "data, anfonwch e-bost at statsforum@example.gov.uk yn gyntaf.</p><p>"
            'Gallwch hefyd gwyno i <a href="https://ico.org.uk">Swyddfa\'r '
            "Comisiynydd Gwybodaeth</a> (ICO), sy'n rheoleiddio diogelu data yn y "
            "DU.</p>"
        ),
    ],
}

# Snippets in Welsh: an organisation's name, a statistic's name and description
# (the fields wagtail-localize offers to translate), by acronym and by slug.
ORGANISATIONS = {
    "ONS": {"name": "Swyddfa Ystadegau Gwladol"},
    "NHSE": {"name": "GIG Lloegr"},
}
STATISTICS = {
    "nhs-referral-to-treatment-waiting-times": {
        "name": "Amseroedd aros y GIG o atgyfeirio i driniaeth (RTT)",
        "description": "Cyfrifon misol o gleifion sy'n aros am ofal dewisol dan "
        "arweiniad ymgynghorydd yn Lloegr, a pha mor hir y maen nhw wedi aros.",
    },
    "labour-force-survey": {
        "name": "Arolwg o'r Llafurlu",
        "description": "Arolwg o aelwydydd am gyflogaeth, diweithdra ac "
        "anweithgarwch economaidd yn y DU, a gyhoeddir yn y trosolwg misol o'r "
        "farchnad lafur.",
    },
}
