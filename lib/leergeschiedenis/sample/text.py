"""Dutch text banks for the synthetic sample (``sample.generate``, ``sample.schaal``).

Kept apart so the generator stays readable. Every text is invented; none is
about a real person. ``{a|b}`` picks one alternative, ``{name}`` is filled per
proeftuin (``wijk``, ``welzijn``, ``corporatie``, ``ontmoetingsplek``).

Reflection-card entries are ``(text, roles, themes)`` or ``(text, roles,
themes, only)``: ``roles`` uses one letter per contract role (b = wijkbewoner,
p = professional, m = manager, d = bestuurder, f = financier, s = student,
o = overig, ``*`` = all), ``themes`` are the *meaning* a human coder would see
(used for the manual ``themas`` column; the automatic coding only sees the
proeftuin's trefwoorden), ``only`` limits an entry to one proeftuin.
"""

from __future__ import annotations

ROLE_LETTERS = {
    "wijkbewoner": "b",
    "professional": "p",
    "manager": "m",
    "bestuurder": "d",
    "financier": "f",
    "student": "s",
    "overig": "o",
}

# Theme keys: what a card is about, independent of a proeftuin's numbering.
THEMES = (
    "leefwereld",
    "positief",
    "samen_wijk",
    "vertrouwen",
    "leren",
    "regels",
    "ontschotten",
    "bestuur",
    "rendement",
    "eenplan",
    "preventief",
)

GELEERD = [
    ("Ik vertrouw nu op de deskundigheid van collega's van andere organisaties.", "pm", ["vertrouwen"], "ruwaard"),
    ("Elke casus is een experiment: we leren door het in de praktijk te doen.", "pmd", ["leren"], "ruwaard"),
    (
        "Met een klein team generalisten in de buurt kom je verder dan met tien hulpverleners achter elkaar.",
        "pmd",
        ["vertrouwen"],
        "maastricht",
    ),
    ("1 Gezin 1 Plan 1 Regisseur werkt: het gezin weet eindelijk wie de regisseur is.", "pmdb", ["eenplan"], "maastricht"),
    (
        "Door eerder aan de keukentafel te zitten zijn we sneller en voorkomen we escalatie.",
        "pm",
        ["preventief", "leefwereld"],
        "maastricht",
    ),
    (
        "Kort ondersteunen gericht op zelfredzaamheid werkt, als je op tijd en preventief komt.",
        "pm",
        ["preventief"],
        "maastricht",
    ),
    ("Het kost meer tijd dan verwacht om als generalist in een nieuwe buurt te starten.", "pm", ["leren"], "maastricht"),
    ("Dat je pas echt verder komt als je aan de keukentafel vraagt wat iemand zelf wil.", "pmdo", ["leefwereld"]),
    ("Luisteren naar de leefwereld van de bewoner levert meer op dan het volgen van onze eigen systemen.", "pmd", ["leefwereld"]),
    (
        "Ik ben gaan vragen wat de bewoner wil, in plaats van wat wij {kunnen bieden|in de aanbieding hebben}.",
        "p",
        ["leefwereld"],
    ),
    ("Dat ik zelf mag zeggen wat ik nodig heb. Dat was voor mij nieuw.", "b", ["leefwereld"]),
    ("Eigen regie betekent ook dat je als professional een stap terug doet.", "pm", ["leefwereld", "vertrouwen"]),
    ("Hoe belangrijk het is om gewoon langs te gaan in plaats van te {mailen|bellen|een brief te sturen}.", "p", ["leefwereld"]),
    ("Dat bewoners het meest waarderen dat er iemand echt naar hen luistert.", "pmdsf", ["leefwereld"]),
    ("Dat mensen veel meer kunnen dan wij denken als we uitgaan van wat wel kan.", "pm", ["positief"]),
    ("Met het spinnenweb praat je over het hele leven en niet alleen over het probleem.", "pbs", ["positief"]),
    ("Positieve gezondheid geeft een andere taal: niet wat mankeert je, maar wat is belangrijk voor je.", "pmd", ["positief"]),
    ("Dat de veerkracht in {wijk} groter is dan ik dacht.", "pmd", ["positief", "samen_wijk"]),
    ("Ik kan meer dan ik dacht.", "b", ["positief"]),
    ("Dat een gesprek over wat wel kan meer energie geeft dan een lijst met problemen.", "pbm", ["positief"]),
    ("Dat hulp vragen geen zwakte is.", "b", ["positief"]),
    ("Als buurtbewoners naar elkaar omkijken, is er {minder|veel minder} hulp van ons nodig.", "pmd", ["samen_wijk"]),
    ("Dat ik ook iets kan betekenen voor mijn buren.", "b", ["samen_wijk"]),
    ("In Ons Huis van de Wijk voel ik me welkom, ik hoef niks uit te leggen.", "b", ["samen_wijk"], "ruwaard"),
    ("We zijn samen verantwoordelijk voor de wijk, niet alleen de gemeente.", "*", ["samen_wijk"]),
    ("Dat de mensen van de instanties ook gewoon mensen zijn.", "b", ["leefwereld"]),
    ("Dat vertrouwen geven aan professionals sneller tot een oplossing leidt dan nog een overleg.", "md", ["vertrouwen"]),
    ("Ik heb meer ruimte dan ik dacht, ik moet hem alleen durven pakken.", "p", ["vertrouwen"]),
    ("Loslaten is lastig als je gewend bent alles te controleren.", "md", ["vertrouwen"]),
    ("Dat ik mijn medewerkers vaker moet vragen wat zij nodig hebben in plaats van wat ze gedaan hebben.", "m", ["vertrouwen"]),
    ("Dat we van elkaar leren als we casussen samen nabespreken.", "pm", ["leren"]),
    ("Reflecteren op je eigen handelen voelt ongemakkelijk, maar het werkt.", "pm", ["leren"]),
    ("Dat een leersessie iets anders is dan een werkoverleg: hier mag je twijfelen.", "p", ["leren"]),
    ("Hoe weinig wij van elkaars werk wisten voordat de proeftuin begon.", "pm", ["leren"]),
    ("Hoe professionals van verschillende organisaties samen een plan maken.", "s", ["leren"]),
    ("Dat studenten met een frisse blik vragen stellen die wij vergeten zijn.", "pm", ["leren"]),
    ("De meeste oplossingen passen gewoon binnen de regels, we durfden het alleen niet.", "pm", ["regels", "vertrouwen"]),
    (
        "Doen wat nodig is, alsof er geen regels zijn, blijkt vaak {goedkoper|ook goedkoper|sneller en goedkoper}.",
        "pmd",
        ["regels", "rendement"],
    ),
    ("Maatwerk leveren kan, als je de juiste mensen aan tafel hebt.", "pm", ["regels"]),
    ("Dat de schotten tussen budgetten de bewoner meer in de weg zitten dan de regels zelf.", "mdf", ["ontschotten"]),
    ("Zolang ieder zijn eigen budget bewaakt, blijft de oplossing liggen.", "md", ["ontschotten"]),
    ("Eén pot voor de wijk lijkt ver weg, maar kleine stappen kunnen nu al.", "df", ["ontschotten"]),
    ("Ontschotten begint bij de vraag wat iemand nodig heeft, niet bij wie het betaalt.", "mdf", ["ontschotten", "leefwereld"]),
    ("Bestuurders moeten niet alleen ja zeggen, maar ook zorgen dat het in de organisatie kan.", "md", ["bestuur"]),
    ("Met een klein mandaat voor de professional los je veel escalaties op.", "md", ["bestuur", "vertrouwen"]),
    ("Eigenaarschap voor de wijk begint bij mezelf, niet bij een ander loket.", "pmd", ["bestuur", "samen_wijk"]),
    ("Dat het welbevinden van mensen zo snel kan stijgen als de stress over geld wegvalt.", "pm", ["rendement"]),
    ("In de effectenarena zag ik dat wij investeren en een ander de winst heeft.", "mdf", ["rendement", "ontschotten"]),
    ("De kosten van niets doen zijn {veel|een stuk} hoger dan ik had gedacht.", "mdf", ["rendement"]),
    ("Maatschappelijk rendement zichtbaar maken helpt om het gesprek met de financiers te voeren.", "mdf", ["rendement"]),
    ("Dat de besparing vaak in de verkeerde zak valt.", "mdf", ["rendement", "ontschotten"]),
    ("Dat ik niet de enige ben met deze vragen.", "b", []),
    ("Dat er achter elke casus een heel verhaal zit.", "pso", []),
    (
        "Eén huishouden, één plan, één regisseur klinkt simpel, maar vraagt dat je afspraken maakt over wie wat doet.",
        "pmd",
        ["eenplan"],
        "deurne",
    ),
    (
        "Dat de regisseur vooral iemand moet zijn die het gezin vertrouwt, niet per se iemand van de gemeente.",
        "pm",
        ["eenplan", "vertrouwen"],
        "deurne",
    ),
    ("Dat de gemeenten in de Peel veel van elkaar kunnen leren.", "md", ["leren"], "deurne"),
]

OPGEVALLEN = [
    ("Dat iedereen aan tafel handelt vanuit de gezamenlijke visie op een vitale wijk.", "pmdf", ["bestuur"], "ruwaard"),
    (
        "Er zijn geen harde cijfers, wel illustratieve registratie: daar moeten we eerlijk over zijn.",
        "pmdf",
        ["rendement"],
        "maastricht",
    ),
    ("Eén regisseur per gezin scheelt overleg en versnippering van aanbieders.", "pmd", ["eenplan"], "maastricht"),
    ("Hoeveel buurtkracht er is als je collectief naar een vraag kijkt.", "pbm", ["samen_wijk"], "maastricht"),
    ("Hoe open iedereen was over wat niet lukte.", "*", ["leren"]),
    ("Dat er zo veel organisaties aan tafel zaten en toch niemand echt de regie had.", "pmb", ["eenplan"]),
    ("Dat bewoners zelf met oplossingen kwamen waar wij niet aan gedacht hadden.", "pmd", ["leefwereld", "positief"]),
    ("De sfeer was anders dan bij een gewoon overleg: minder praten over, meer praten met.", "pmdo", ["leefwereld"]),
    ("Dat de wijkagent en de schuldhulpverlener elkaar nu bij de voornaam kennen.", "pm", ["samen_wijk"]),
    ("Hoeveel tijd er nog gaat zitten in verantwoorden en afstemmen.", "pm", ["regels", "bestuur"]),
    ("Dat regels vaak uit gewoonte worden toegepast en niet omdat het moet.", "pm", ["regels"]),
    ("Dat medewerkers nog steeds om toestemming vragen voor kleine dingen.", "md", ["vertrouwen"]),
    ("Dat de bestuurders er echt bij waren en meedachten.", "pbo", ["bestuur"]),
    ("Het ging {deze keer|weer} vooral over geld en budgetten, terwijl de bewoner iets anders nodig had.", "pb", ["ontschotten"]),
    ("Dat één huisuitzetting meer kost dan een jaar budgetbeheer.", "pmdf", ["rendement"]),
    ("Dat de kosten van een uithuisplaatsing zo hoog zijn, en dat niemand die optelt.", "mdf", ["rendement"]),
    ("Dat wijkbewoners zo eerlijk vertelden over hun ervaringen met hulpverlening.", "pmds", ["leefwereld"]),
    ("Er waren meer bewoners dan de vorige keer, dat gaf energie.", "*", ["samen_wijk"]),
    (
        "Dat iedereen zijn eigen taal spreekt; GGZ, woningcorporatie en gemeente bedoelen vaak hetzelfde.",
        "pm",
        ["leren", "ontschotten"],
    ),
    ("Dat ik als {bewoner|wijkbewoner} serieus werd genomen.", "b", ["leefwereld"]),
    ("Hoe snel er iets geregeld was toen iedereen aan tafel zat.", "b", ["regels"]),
    ("Dat het gesprek over het spinnenweb ging en niet over mijn dossier.", "b", ["positief"]),
    ("Dat de professionals zelf ook niet altijd weten hoe het moet.", "b", ["leren"]),
    ("Hoeveel mensen in {wijk} eenzaam zijn zonder dat iemand het merkt.", "pmbo", ["samen_wijk"]),
    ("De vraag 'wat zou je doen als er geen regels waren' maakt echt iets los.", "pm", ["regels"]),
    ("Dat financiers nog weinig zicht hebben op wat er in de wijk gebeurt.", "mdf", ["rendement"]),
    ("Dat de leersessie steeds meer een plek wordt waar we ook fouten durven te delen.", "pm", ["leren", "vertrouwen"]),
    ("Dat de cijfers over welbevinden zo hard stijgen; ik was eerst sceptisch.", "mdf", ["rendement"]),
    ("Weinig {collega's van de huisartsen|huisartsen|mensen van de zorgverzekeraar} aanwezig.", "pm", []),
    ("De zaal was te klein voor zoveel mensen, mooi probleem.", "*", []),
    ("Dat wat voor de één een kleine moeite is, voor de ander het verschil maakt.", "*", []),
    ("Er werd veel gelachen, ook bij {moeilijke|zware} onderwerpen.", "*", []),
    ("Hoe zwaar de stress over schulden weegt op de gezondheid van een gezin.", "pms", ["positief", "rendement"]),
    ("Dat een bestuurder zei: als het goed is voor de bewoner, regelen wij de rest.", "pm", ["bestuur", "vertrouwen"]),
    ("Dat professionals meer ruimte nemen sinds we dit met elkaar bespreken.", "md", ["vertrouwen", "leren"]),
    ("Dat er in één huishouden soms zeven hulpverleners over de vloer komen.", "pmb", ["eenplan"], "deurne"),
    ("Dat inwoners uit de kleine kernen eerder naar de buren gaan dan naar een loket.", "pmb", ["samen_wijk"], "deurne"),
]

VERVOLG = [
    ("Gewoon uitproberen en daarna samen bespreken wat het opleverde.", "pm", ["leren"], "ruwaard"),
    ("De samenwerking tussen de organisaties moet beter, niet alleen binnen het team.", "pmd", ["ontschotten"], "maastricht"),
    ("Collectieve basisvoorzieningen in de buurten moeten beter en beter bekend worden.", "pmdb", ["samen_wijk"], "maastricht"),
    ("Neem de tijd: de nieuwe werkwijze kost meer tijd dan verwacht.", "md", ["leren"], "maastricht"),
    ("Vaker bewoners uitnodigen bij de leersessie.", "*", ["samen_wijk", "leren"]),
    (
        "Graag een vast aanspreekpunt per casus, zodat de bewoner niet alles drie keer hoeft te vertellen.",
        "pb",
        ["eenplan", "leefwereld"],
    ),
    (
        "Maak een klein budget beschikbaar dat professionals zonder aanvraag kunnen inzetten.",
        "pmd",
        ["ontschotten", "vertrouwen"],
    ),
    ("Afspraken maken over wie doorzettingsmacht heeft als een casus vastloopt.", "pmd", ["bestuur"]),
    (
        "Een effectenarena organiseren over {jeugd|schulden|wonen}, daar zit veel geld en weinig samenwerking.",
        "mdf",
        ["rendement"],
    ),
    ("De bestuurders vaker laten aanschuiven bij een MDO.", "pm", ["bestuur"]),
    ("Meer aandacht voor het welbevinden op de lange termijn, niet alleen na zes weken.", "pm", ["rendement"]),
    ("Casussen waarin we regels hebben opgerekt verzamelen en bespreken met de juristen.", "pm", ["regels", "leren"]),
    ("Ook de huisartsen structureel betrekken.", "pm", []),
    ("Collega's die nog niet meedoen een keer laten meekijken.", "pm", ["leren"]),
    ("Het spinnenweb ook gebruiken bij het eerste gesprek met nieuwe bewoners.", "p", ["positief"]),
    ("Ruimte houden om te experimenteren, ook als de cijfers even tegenvallen.", "mdf", ["vertrouwen"]),
    ("Samen met bewoners de agenda voor de volgende sessie maken.", "pb", ["leefwereld", "leren"]),
    ("Meer van dit soort avonden in de wijk zelf, niet op het gemeentehuis.", "b", ["samen_wijk"]),
    ("Zorg dat er één iemand is die je kunt bellen.", "b", ["eenplan"]),
    ("Een vast moment waarop managers hun mandaat met de professionals bespreken.", "md", ["bestuur", "vertrouwen"]),
    (
        "De besparing zichtbaar maken per financier, zodat niemand het gevoel heeft alleen te betalen.",
        "mdf",
        ["rendement", "ontschotten"],
    ),
    ("Korter op de bal: binnen een week een MDO.", "pm", []),
    (
        "Een lijst maken van regels die echt knellen, en die {naar Den Haag sturen|aan de wethouder geven}.",
        "md",
        ["regels", "bestuur"],
    ),
    ("Zorg dat iedere organisatie elke maand minstens één casus inbrengt.", "md", []),
    ("Kleiner beginnen: liever één straat goed dan de hele wijk half.", "*", ["samen_wijk"]),
    ("Gewoon doen wat nodig is, en achteraf uitzoeken wie betaalt.", "pm", ["regels", "ontschotten"]),
    ("Meer tijd voor reflecteren na afloop, nu was het te kort.", "pmo", ["leren"]),
    ("De ervaringen uit {ontmoetingsplek} delen met andere wijken.", "pmd", ["samen_wijk", "leren"]),
    (
        "Per huishouden één regisseur aanwijzen en die het mandaat geven om door te pakken.",
        "pmd",
        ["eenplan", "bestuur"],
        "deurne",
    ),
    ("Eén plan per gezin ook echt in één systeem zetten, niet in vijf.", "pm", ["eenplan", "ontschotten"], "deurne"),
    (
        "Ontschotten over de gemeentegrenzen heen: één budget per huishouden in plaats van vijf potjes.",
        "pmdf",
        ["ontschotten", "eenplan"],
        "deurne",
    ),
]

DELEN = [
    ("Vertrouw op elkaars intenties en deskundigheid.", "pmd", ["vertrouwen"], "ruwaard"),
    ("Wij zijn er eerder bij en voorkomen escalatie; dat is preventief werken.", "pm", ["preventief"], "maastricht"),
    ("Eén plan met het hele gezin aan de keukentafel.", "pb", ["eenplan", "leefwereld"], "maastricht"),
    ("Dat ik trots ben op wat we samen met de bewoners hebben bereikt.", "pmd", ["samen_wijk"]),
    ("Een mevrouw vertelde dat ze na het MDO voor het eerst in maanden weer goed sliep.", "pm", ["positief", "leefwereld"]),
    ("Mijn dank aan iedereen die de moeite nam om echt te luisteren.", "b", ["leefwereld"]),
    ("Dat het ook voor professionals fijn is om niet alles alleen te hoeven dragen.", "p", ["vertrouwen"]),
    ("Onze organisatie gaat de werkwijze ook buiten {wijk} proberen.", "md", ["leren"]),
    ("Vertrouwen is geen gevoel, het is een besluit.", "md", ["vertrouwen"]),
    (
        "De resultaten van de metingen zijn veelbelovend, maar we moeten eerlijk blijven over wat niet lukt.",
        "mdf",
        ["rendement", "leren"],
    ),
    ("De casus waarin {corporatie} de huurachterstand heeft bevroren; dat had niemand verwacht.", "p", ["regels", "ontschotten"]),
    ("Dat wij als financier ook moeten leren loslaten.", "f", ["vertrouwen", "ontschotten"]),
    ("Goed dat we dit samen doen.", "*", []),
    ("Ik wil graag dat mijn verhaal helpt voor andere mensen in de buurt.", "b", ["samen_wijk"]),
    ("Het werkt pas als de bestuurders het ook uitdragen in hun eigen organisatie.", "pm", ["bestuur"]),
    ("We hebben gezien dat je met een paar honderd euro soms een uitzetting voorkomt.", "pmd", ["rendement", "regels"]),
    ("Het verschil tussen werken voor en werken met bewoners.", "pm", ["leefwereld"]),
    ("Als student heb ik gezien hoe professionals hun nek uitsteken.", "s", ["vertrouwen"]),
    ("Het voelt alsof de wijk weer een beetje van ons is.", "b", ["samen_wijk"]),
    ("Bij {welzijn} staat de koffie altijd klaar, kom gerust langs.", "b", ["samen_wijk"]),
    ("Onze raad van bestuur heeft de proeftuin op de agenda gezet.", "d", ["bestuur"]),
    ("Dat ik als wijkverpleegkundige nu eerder de schuldhulp bel, en andersom.", "p", ["samen_wijk", "leren"]),
    ("Het werkt als de regisseur het plan samen met het gezin maakt.", "pb", ["eenplan", "leefwereld"], "deurne"),
]

# --- more voices per theme (issue 16) -----------------------------------------
# The seeds' own themes, as residents (b), professionals (p), managers (m), directors (d), financiers (f),
# students (s) and others (o) would write them on a card. Suggestions (VERVOLG) on one theme share words
# ("keukentafel", "regels", "ruimte", "leersessie", "effectenarena", "budget" ...), as real suggestions do,
# so grouping them by shared words is meaningful.

GELEERD += [
    ("Loslaten is voor een manager het moeilijkste wat er is, en het belangrijkste.", "md", ["vertrouwen"]),
    ("Ik heb moeten leren loslaten: mijn collega's kunnen het ook.", "pm", ["vertrouwen"]),
    ("In de kleine kernen is naar elkaar omkijken nog heel gewoon.", "pmb", ["samen_wijk"]),
    ("Naar elkaar omkijken begint met weten wie je buren zijn.", "b", ["samen_wijk"]),
    ("Versnippering van hulp maakt een gezin moe: zeven hulpverleners, zeven plannen.", "pmd", ["eenplan"]),
    ("Met één regisseur verdwijnt de versnippering, en het gezin weet wie het aanspreekpunt is.", "pmdb", ["eenplan"]),
    # leefwereld
    ("Aan de keukentafel hoor je andere dingen dan aan de balie: daar begint het echte verhaal.", "pm", ["leefwereld"]),
    ("Dat eigen regie niet betekent dat je iemand alleen laat, maar dat je naast iemand gaat staan.", "pmd", ["leefwereld"]),
    ("Ik dacht dat ik wist wat goed voor mensen was; luisteren leerde me dat het vaak anders ligt.", "p", ["leefwereld"]),
    ("Ze vroegen eerst wat ik zelf wilde, pas daarna wat er mis was.", "b", ["leefwereld"]),
    ("Onze formulieren gaan over ons aanbod; de leefwereld van de bewoner past er niet in.", "md", ["leefwereld", "regels"]),
    # regels / doen wat nodig is
    ("Doen wat nodig is vraagt moed, maar achteraf bleek bijna alles binnen de regels te passen.", "pmd", ["regels"]),
    ("Een regel is vaak een gewoonte die niemand meer durft te bevragen.", "pm", ["regels", "vertrouwen"]),
    ("Als je vraagt wat er nodig is, in plaats van wat er mag, komt de oplossing sneller.", "pm", ["regels", "leefwereld"]),
    ("Ik merk dat er met maatwerk veel meer kan dan ik had verwacht.", "b", ["regels"]),
    # vertrouwen
    ("Als ik mijn collega van de corporatie vertrouw, hoef ik niet alles zelf te controleren.", "p", ["vertrouwen"]),
    ("Loslaten als manager betekent ook accepteren dat het soms anders gaat dan ik zou doen.", "m", ["vertrouwen"]),
    ("Vertrouwen groeit als je samen een moeilijke casus hebt opgelost.", "pm", ["vertrouwen", "leren"]),
    ("Ruimte geven werkt alleen als je ook durft te zeggen dat fouten mogen.", "md", ["vertrouwen"]),
    ("Dat ik de hulpverleners weer durf te vertrouwen, na alles wat er gebeurd is.", "b", ["vertrouwen"]),
    # samen_wijk / eigenaarschap
    (
        "Eigenaarschap is niet iets wat je kunt opleggen; bewoners nemen het als ze merken dat het ertoe doet.",
        "pmd",
        ["samen_wijk", "bestuur"],
    ),
    ("De buurtbewoners weten vaak eerder dan wij dat het met iemand niet goed gaat.", "pm", ["samen_wijk"]),
    ("Samen verantwoordelijk zijn betekent ook dat je elkaar aanspreekt als iets blijft liggen.", "pmd", ["samen_wijk"]),
    ("Ik heb geleerd dat ik mijn buurvrouw gewoon mag vragen om mee te gaan naar de dokter.", "b", ["samen_wijk"]),
    # positief / maatschappelijk compleet perspectief
    ("Als je naar het hele leven kijkt, blijkt de schuld vaak niet het grootste probleem.", "pm", ["positief"]),
    ("Met het spinnenweb zie je in één oogopslag waar iemand energie van krijgt.", "pms", ["positief"]),
    (
        "Veerkracht zit soms op een plek waar je het niet zoekt: een hobby, een hond, een buurman.",
        "pm",
        ["positief", "samen_wijk"],
    ),
    ("Niet één probleem oplossen, maar kijken wat iemand op alle levensdomeinen nodig heeft.", "pmd", ["positief"]),
    ("Dat ik niet alleen mijn problemen ben, maar ook dingen goed kan.", "b", ["positief"]),
    # leren / experimenteren
    ("Een experiment mag mislukken, als we er maar samen van leren.", "pmd", ["leren"]),
    ("Door casussen samen na te bespreken zie je patronen die je alleen niet ziet.", "pm", ["leren"]),
    ("Uitproberen en bijsturen werkt beter dan eerst een jaar plannen.", "md", ["leren"]),
    ("In de leersessie hoorde ik hoe een collega het heel anders aanpakte, en het werkte.", "p", ["leren"]),
    ("Dat ik als student meer leer van één casus in de wijk dan van een week college.", "s", ["leren"]),
    # rendement
    ("Welbevinden is ook een opbrengst, niet alleen de euro's die je bespaart.", "mdf", ["rendement"]),
    ("In de effectenarena werd pas duidelijk wie de kosten draagt en wie de baten heeft.", "mdf", ["rendement", "ontschotten"]),
    ("Dat de kosten van niets doen bijna nooit in een begroting staan.", "mdf", ["rendement"]),
    ("Een micro-analyse van één casus zegt meer dan een dikke rapportage.", "pmd", ["rendement"]),
    # bestuur / gezamenlijke visie
    ("Als bestuurders dezelfde taal spreken als de professionals, gaat het sneller.", "pmd", ["bestuur"]),
    ("Een gezamenlijke visie op papier is makkelijk; ernaar handelen op maandagochtend is het werk.", "md", ["bestuur"]),
    ("Dat doorzettingsmacht pas werkt als iemand hem ook echt durft te gebruiken.", "pmd", ["bestuur", "vertrouwen"]),
    ("Mijn mandaat is groter dan ik dacht, mijn manager staat erachter.", "p", ["bestuur", "vertrouwen"]),
    # ontschotten / systemen die steunen
    ("Onze systemen zijn gebouwd om te verantwoorden, niet om te helpen.", "pmd", ["ontschotten"]),
    ("De schotten tussen Wmo, Jeugdwet en Zorgverzekeringswet zie je pas als je één gezin volgt.", "mdf", ["ontschotten"]),
    ("Eén budget voor de wijk geeft rust: we praten over de bewoner in plaats van over wie betaalt.", "mdf", ["ontschotten"]),
    ("Drie keer hetzelfde registreren in drie systemen kost tijd die we niet aan de bewoner besteden.", "pm", ["ontschotten"]),
]

OPGEVALLEN += [
    ("Hoe vaak we nog praten over bewoners in plaats van met bewoners.", "pmo", ["leefwereld"]),
    ("Dat de bewoner aan tafel zat en zelf het woord nam.", "pmdb", ["leefwereld"]),
    ("Dat het gesprek aan de keukentafel een half uur duurde en drie overleggen scheelde.", "pm", ["leefwereld"]),
    ("Dat niemand kon zeggen welke regel het eigenlijk verbood.", "pmd", ["regels"]),
    ("Hoe snel het ging toen de wethouder zei: doe wat nodig is.", "pmb", ["regels", "bestuur"]),
    ("Dat professionals elkaar nu bellen in plaats van mailen.", "pm", ["vertrouwen"]),
    ("Dat een manager zei: ik hoef het niet te weten, als het maar goed komt.", "p", ["vertrouwen"]),
    ("Dat de buurtbewoners zelf een koffieochtend opzetten zonder dat iemand het vroeg.", "pmbd", ["samen_wijk"]),
    ("Hoeveel eigenaarschap er in de straat is als je het niet overneemt.", "pm", ["samen_wijk"]),
    ("Dat het spinnenweb het gesprek opende, ook bij mensen die weinig zeggen.", "ps", ["positief"]),
    ("Dat iedereen aan tafel een ander levensdomein zag, en pas samen het hele leven.", "pmd", ["positief"]),
    ("Dat er in de leersessie ook gelachen werd om wat er mis ging.", "*", ["leren"]),
    ("Hoe eerlijk de professionals waren over hun twijfels.", "mdb", ["leren", "vertrouwen"]),
    ("Dat de financiers in de effectenarena zo open waren over hun eigen budget.", "mdf", ["rendement", "ontschotten"]),
    ("Dat welbevinden na een paar weken al zichtbaar stijgt.", "pmdf", ["rendement"]),
    ("Dat de bestuurders zelf een casus kwamen bespreken.", "pmb", ["bestuur"]),
    ("Dat we het over de gezamenlijke visie eens zijn, maar over het mandaat nog niet.", "md", ["bestuur"]),
    ("Dat het budget van de één de besparing van de ander is.", "mdf", ["ontschotten", "rendement"]),
    ("Dat niemand precies wist welk systeem de casus moest registreren.", "pm", ["ontschotten"]),
]

VERVOLG += [
    ("Bij elk plan opschrijven wat de bewoner wil, in zijn eigen woorden.", "pmd", ["leefwereld"]),
    ("Meer maatwerk durven leveren, ook als het protocol iets anders zegt.", "pm", ["regels"]),
    ("Managers die durven loslaten, zodat professionals de ruimte krijgen om te doen wat nodig is.", "pmd", ["vertrouwen"]),
    ("Buren helpen om naar elkaar omkijken in de buurt weer gewoon te maken.", "pmb", ["samen_wijk"]),
    ("De versnippering aanpakken: per gezin één regisseur en één plan.", "pmd", ["eenplan"]),
    # leefwereld: keukentafel, gesprek, bewoner
    ("Het eerste gesprek altijd aan de keukentafel voeren, niet op kantoor.", "pm", ["leefwereld"]),
    ("Bij elk eerste gesprek beginnen met de vraag wat de bewoner zelf wil.", "pmd", ["leefwereld"]),
    ("Meer tijd voor het gesprek aan de keukentafel, minder voor het verslag.", "pm", ["leefwereld"]),
    ("De bewoner zelf laten vertellen in het MDO, in plaats van over hem te praten.", "pmb", ["leefwereld", "bestuur"]),
    ("Vaker bij mensen thuis langsgaan, ook als er geen probleem is.", "b", ["leefwereld"]),
    # regels: regels, lijst, juristen
    ("Een lijst bijhouden van regels waar we van afweken, en waarom.", "pm", ["regels"]),
    ("De regels die knellen elk kwartaal met de juristen bespreken.", "md", ["regels"]),
    ("Eerst doen wat nodig is, de regels achteraf met de juristen uitzoeken.", "pm", ["regels"]),
    ("Professionals leren hoeveel ruimte de regels al bieden.", "md", ["regels", "vertrouwen"]),
    # vertrouwen: ruimte, professionals, fouten
    ("Professionals meer ruimte geven om zelf te beslissen, zonder eerst te overleggen.", "pmd", ["vertrouwen"]),
    ("Fouten bespreken zonder schuldige te zoeken, zodat professionals ruimte durven te nemen.", "pm", ["vertrouwen", "leren"]),
    ("Managers laten zien dat ze professionals vertrouwen, ook als het misgaat.", "pm", ["vertrouwen"]),
    ("Afspreken hoeveel ruimte professionals hebben zonder toestemming te vragen.", "md", ["vertrouwen", "bestuur"]),
    # samen_wijk: buurt, bewoners, wijk
    ("Bewoners uit de buurt vragen om mee te denken over de casussen in hun straat.", "pmd", ["samen_wijk"]),
    ("Een buurtavond organiseren waar bewoners zelf vertellen wat de wijk nodig heeft.", "pmb", ["samen_wijk"]),
    ("Meer bewoners in de buurt betrekken als vrijwilliger of maatje.", "pmb", ["samen_wijk"]),
    ("Ons Huis van de Wijk vaker open, ook in de avond, voor bewoners uit de buurt.", "b", ["samen_wijk"], "ruwaard"),
    # positief: spinnenweb, gesprek
    ("Het spinnenweb na drie maanden opnieuw invullen en samen het verschil bespreken.", "pm", ["positief"]),
    ("Alle professionals trainen in het gesprek met het spinnenweb.", "md", ["positief", "leren"]),
    ("Het spinnenweb gebruiken in het MDO, zodat we over het hele leven praten.", "pm", ["positief"]),
    # leren: leersessie, casussen
    ("In elke leersessie één casus nabespreken die niet goed ging.", "pm", ["leren"]),
    ("Nieuwe collega's een leersessie laten bijwonen voordat ze casussen oppakken.", "md", ["leren"]),
    ("De lessen uit de leersessie opschrijven en delen met de organisaties.", "pmd", ["leren"]),
    ("Vaker bewoners en studenten uitnodigen bij de leersessie.", "pms", ["leren", "samen_wijk"]),
    # rendement: effectenarena, financiers, besparing
    ("Met alle financiers een effectenarena houden over de duurste casussen.", "mdf", ["rendement", "ontschotten"]),
    ("De besparing per financier elk halfjaar in de effectenarena bespreken.", "mdf", ["rendement"]),
    ("Welbevinden ook na een half jaar meten, zodat we weten of de besparing blijft.", "pmd", ["rendement"]),
    ("De financiers laten zien wat de besparing is bij een paar echte casussen.", "mf", ["rendement"]),
    # bestuur: bestuurders, mdo, mandaat, doorzettingsmacht
    ("Bestuurders een keer per kwartaal bij een MDO laten aanschuiven.", "pmb", ["bestuur"]),
    ("Het mandaat van de professional op papier zetten, zodat iedereen het kent.", "pmd", ["bestuur", "vertrouwen"]),
    ("Afspreken welke bestuurder doorzettingsmacht heeft als een casus vastloopt.", "pmd", ["bestuur"]),
    ("De bestuurders vragen de gezamenlijke visie ook in hun eigen organisatie uit te dragen.", "pm", ["bestuur"]),
    # ontschotten: budget, financiers, systeem
    ("Een gezamenlijk budget voor de wijk waar alle financiers aan bijdragen.", "mdf", ["ontschotten"]),
    ("Eén systeem voor het plan van de bewoner, dat alle organisaties kunnen lezen.", "pm", ["ontschotten"]),
    ("Het budget laten volgen wat de bewoner nodig heeft, niet het loket.", "mdf", ["ontschotten", "leefwereld"]),
    (
        "Met de financiers afspreken dat een klein budget zonder aanvraag mag worden ingezet.",
        "mdf",
        ["ontschotten", "vertrouwen"],
    ),
]

DELEN += [
    ("Vraag eerst wat de bewoner wil; de rest volgt.", "pmb", ["leefwereld"]),
    ("Maatwerk is geen uitzondering meer, het is hoe we werken.", "pmd", ["regels"]),
    ("Een bewoner zei: jullie zijn de eersten die vragen wat ik zelf wil.", "pm", ["leefwereld"]),
    ("Dank aan de buurvrouw die mij mee nam naar de koffieochtend.", "b", ["samen_wijk"]),
    ("Soms is de beste hulp een kop koffie aan de keukentafel.", "pmb", ["leefwereld"]),
    ("We deden wat nodig was en niemand heeft ons daarop aangesproken.", "pm", ["regels"]),
    ("Ik vertrouw mijn team; dat is het beste besluit van dit jaar.", "m", ["vertrouwen"]),
    ("Als je het hele leven ziet, zie je ook waar de kracht zit.", "pmd", ["positief"]),
    ("Een experiment dat mislukt is ook een les, als je het deelt.", "pmd", ["leren"]),
    ("Een uithuisplaatsing voorkomen is goed voor het kind en voor de begroting.", "mdf", ["rendement"]),
    ("Onze bestuurders stonden achter ons toen het spannend werd.", "p", ["bestuur"]),
    ("Zolang de systemen niet meebewegen, blijft het trekken aan een dood paard.", "pm", ["ontschotten"]),
    ("De wijk is van ons allemaal, ik doe graag mee.", "b", ["samen_wijk"]),
    ("Ik ben trots dat mijn organisatie het budget durfde los te laten.", "df", ["ontschotten", "vertrouwen"]),
]

# More residents' own words (casussen.citaat); drawn from their own random stream, so the cases do not change.
CITATEN_MEER = [
    "Ik hoefde niet meer van loket naar loket.",
    "Eindelijk iemand die bleef, ook toen het moeilijk werd.",
    "Ze namen de tijd en luisterden echt naar mij.",
    "Ik mag weer meedoen in de buurt.",
    "Mijn huis is weer van mij.",
    "Het was de eerste keer dat ik zelf mocht zeggen wat ik nodig had.",
    "Ik voel me geen nummer meer.",
    "De rekeningen zijn niet weg, maar ik slaap er niet meer wakker van.",
    "Mijn zoon woont nog thuis, daar ben ik zo blij mee.",
    "Ik weet nu wie ik kan bellen.",
    "Er zat niemand meer tussen mij en de oplossing.",
    "Ik dacht dat niemand meer iets voor mij kon doen.",
    "Ik heb weer iets om voor op te staan.",
    "De buren groeten me weer.",
]

# --- casussen ---------------------------------------------------------------

# One storyline per case: (ik_wil, ik_heb_nodig, proeftuinoplossing), per life domain of the text bank.
VERHALEN: dict[str, list[tuple[str, str, str]]] = {
    "financien": [
        (
            "Ik wil weer overzicht over mijn geld en 's nachts niet meer wakker liggen van de rekeningen.",
            "Iemand die met mij de post doorneemt en de schuldeisers belt.",
            "Schuldeisers gezamenlijk benaderd; incasso zes maanden stilgezet. Budgetbeheer gestart zonder wachttijd.",
        ),
        (
            "Ik wil van mijn schulden af, zodat mijn kinderen er geen last meer van hebben.",
            "Een betalingsregeling die ik ook echt kan volhouden.",
            "Schuldhulpverlening direct gestart in plaats van na de wachtlijst; aflossing afgestemd op wat er echt overblijft.",
        ),
        (
            "Ik wil dat de deurwaarder stopt met langskomen.",
            "Dat de boetes en incassokosten even stilgezet worden.",
            "Met de deurwaarder en de schuldeisers een adempauze van een half jaar afgesproken; "
            "vrijwilliger thuisadministratie komt wekelijks.",
        ),
        (
            "Ik wil zelf mijn boodschappen kunnen betalen zonder steeds geld te lenen.",
            "Hulp bij het aanvragen van de toeslagen waar ik recht op heb.",
            "Toeslagen met terugwerkende kracht aangevraagd; budgetcoach van {welzijn} helpt met een weekbudget.",
        ),
        (
            "Ik wil gewoon rust. Elke week komt er weer een {nieuwe brief|nieuwe aanmaning|brief van een incassobureau}.",
            "Iemand die de brieven met mij openmaakt en zegt wat belangrijk is.",
            "Huurachterstand tijdelijk voorgeschoten door de gemeente, terugbetalen in kleine termijnen. "
            "Post wordt samen met een vrijwilliger geopend.",
        ),
    ],
    "wonen": [
        (
            "Ik wil in mijn huis blijven wonen, hier ken ik de buren.",
            "Tijd om de huurachterstand af te lossen zonder dat de woning wordt opgezegd.",
            "{corporatie} bevriest de huurachterstand en ziet af van ontruiming; wekelijks huisbezoek door het wijkteam.",
        ),
        (
            "Ik wil een woning waar mijn {zoon|dochter} ook een eigen kamer heeft.",
            "Een grotere woning, ook al sta ik nog niet lang genoeg ingeschreven.",
            "Voorrang bij een grotere woning in de wijk, verhuizing samen met vrijwilligers geregeld.",
        ),
        (
            "Ik wil dat de schimmel in de badkamer eindelijk wordt aangepakt.",
            "Iemand die met de woningcorporatie meepraat.",
            "Huisbezoek met {corporatie} en de wijkverpleegkundige; badkamer binnen een maand aangepakt.",
        ),
        (
            "Ik wil niet op straat komen te staan.",
            "Een tijdelijke plek om te slapen tot er een woning is.",
            "Tijdelijk onderdak in een logeerwoning, daarna een eigen woning met begeleiding.",
        ),
        (
            "Ik wil weer een plek voor mezelf, nu slaap ik bij een vriend op de bank.",
            "Een eigen kamer, ook als ik nog geen vast inkomen heb.",
            "Kamer via {corporatie} met een tijdelijk huurcontract; uitkering en briefadres in dezelfde week geregeld.",
        ),
    ],
    "werk_en_dagbesteding": [
        (
            "Ik wil weer werken, al is het maar een paar uur per week.",
            "Een werkplek waar ze rekening houden met mijn klachten.",
            "Proefplaatsing bij een werkgever in de wijk, met behoud van uitkering gedurende drie maanden.",
        ),
        (
            "Ik wil iets omhanden hebben, thuis zitten maakt me somber.",
            "Een plek waar ik overdag naartoe kan, met mensen om me heen.",
            "Vrijwilligerswerk bij {welzijn} als opstap naar betaald werk; sollicitatieplicht tijdelijk opgeschort.",
        ),
        (
            "Ik wil mijn diploma halen en niet meer afhankelijk zijn van een uitkering.",
            "Een opleiding die ik naast de zorg voor de kinderen kan doen.",
            "Opleiding deels betaald uit het re-integratiebudget, rooster afgestemd op schooltijden.",
        ),
        (
            "Ik wil vrijwilligerswerk doen in de buurt.",
            "Dat ik mag proberen te werken zonder dat mijn uitkering meteen stopt.",
            "Vrijwilligerswerk in de buurtmoestuin met toestemming van de consulent; de onkostenvergoeding wordt niet gekort.",
        ),
    ],
    "gezondheid": [
        (
            "Ik wil me weer goed voelen en minder pijn hebben.",
            "Iemand die met mij gaat wandelen, zodat ik in beweging blijf.",
            "Beweeggroep in de wijk via de huisarts; fysiotherapie tijdelijk betaald buiten de gewone regeling.",
        ),
        (
            "Ik wil van de drank af, voor mezelf en voor mijn {dochter|zoon|kinderen}.",
            "Een behandeling dichtbij huis, zonder wachtlijst.",
            "Ambulante begeleiding bij het afbouwen van alcohol, gekoppeld aan dagbesteding in de wijk.",
        ),
        (
            "Ik wil dat de paniekaanvallen minder worden zodat ik weer naar buiten durf.",
            "Een vaste hulpverlener die ik kan bellen als het niet goed gaat.",
            "Vaste contactpersoon bij de GGZ, afspraken thuis in plaats van op de polikliniek.",
        ),
        (
            "Ik wil niet nog een keer opgenomen worden.",
            "Iemand die met mij meegaat naar de huisarts en de GGZ.",
            "Huisarts, wijkverpleging en GGZ maken één plan; crisisopname voorkomen door snelle inzet van het FACT-team.",
        ),
        (
            "Ik wil weer kunnen slapen zonder pillen.",
            "Rust in mijn hoofd, en iemand die daar de tijd voor neemt.",
            "Praktijkondersteuner GGZ van de huisarts en een slaapcursus in de wijk; medicatie samen afgebouwd.",
        ),
    ],
    "sociaal_netwerk": [
        (
            "Ik wil mensen om me heen hebben, ik ben zo vaak alleen.",
            "Een maatje om samen mee te koken of te wandelen.",
            "Maatje via {welzijn}, twee keer per week samen eten in {ontmoetingsplek}.",
        ),
        (
            "Ik wil weer contact met mijn familie.",
            "Iemand die me helpt om weer contact te zoeken met mijn kinderen.",
            "Contact met de familie hersteld via een familiegesprek onder begeleiding.",
        ),
        (
            "Ik wil iemand hebben met wie ik kan praten.",
            "Een plek in de buurt waar ik zonder afspraak naartoe kan.",
            "Inloop in {ontmoetingsplek} op vaste ochtenden; een buurtgenoot loopt de eerste keren mee.",
        ),
        (
            "Ik wil af en toe een kop koffie drinken bij iemand anders dan bij de dokter.",
            "Buren die af en toe aanbellen.",
            "Koffieochtend in de flat opgezet met drie buren; wijkverpleging afgebouwd.",
        ),
    ],
    "opvoeding": [
        (
            "Ik wil een goede moeder zijn en dat mijn kinderen gewoon naar school kunnen.",
            "Hulp bij de opvoeding, thuis en niet op een kantoor.",
            "Gezinscoach komt thuis, één plan met school en jeugdhulp; uithuisplaatsing voorkomen.",
        ),
        (
            "Ik wil dat mijn zoon thuis kan blijven wonen.",
            "Dat school en jeugdhulp met één plan komen.",
            "Jeugdhulp ambulant in plaats van met verblijf, met steun van de grootouders.",
        ),
        (
            "Ik wil minder ruzie thuis.",
            "Iemand die naar ons allemaal luistert, niet alleen naar de kinderen.",
            "Gezinsgesprekken thuis met één vaste hulpverlener; het schoolmaatschappelijk werk sluit aan.",
        ),
        (
            "Ik wil dat mijn dochter weer naar school gaat en haar vriendinnen ziet.",
            "Een school die meedenkt in plaats van meldt.",
            "Leerplichtambtenaar, school en jeugdhulp maken één plan; zachte start met halve dagen.",
        ),
        (
            "Ik wil een goede vader zijn, ook al woon ik niet meer bij de kinderen.",
            "Een plek waar ik de kinderen kan zien.",
            "Begeleide omgang in {ontmoetingsplek} in plaats van op een kantoor; mediation voor beide ouders.",
        ),
    ],
    "veiligheid": [
        (
            "Ik wil me veilig voelen in mijn eigen huis.",
            "Een nieuw slot en iemand die een oogje in het zeil houdt.",
            "Slot binnen een dag vervangen door {corporatie}; de wijkagent komt de eerste weken langs.",
        ),
        (
            "Ik wil dat de overlast in de portiek stopt.",
            "Een gesprek met de buren, met iemand erbij.",
            "Buurtbemiddeling ingezet; wijkagent en {corporatie} maken samen afspraken met de bewoners.",
        ),
        (
            "Ik wil niet meer terug in de criminaliteit.",
            "Begeleiding na mijn detentie, bij wonen en werk.",
            "Na detentie direct woonruimte en begeleiding; reclassering en gemeente werken met één plan.",
        ),
    ],
    "zingeving": [
        (
            "Ik wil weer ergens voor opstaan in de ochtend.",
            "Iets zinvols om te doen, liefst met mensen om me heen.",
            "Vrijwilligerswerk bij de moestuin in de wijk; gesprekken met een geestelijk verzorger.",
        ),
        (
            "Ik wil dat mijn leven weer zin heeft.",
            "Iemand die met me meedenkt over wat ik nog wil in mijn leven.",
            "Gesprekken met een geestelijk verzorger in de wijk en deelname aan een lotgenotengroep.",
        ),
        (
            "Ik wil iets betekenen voor een ander.",
            "Een plek waar ze mij nodig hebben.",
            "Deelname aan de kookgroep van {welzijn}, later zelf mede-organisator.",
        ),
    ],
}

# Collective cases: (main life domain, wij willen, wij kunnen, wij hebben nodig, proeftuinoplossing).
VERHALEN_COLLECTIEF: list[tuple[str, str, str, str, str]] = [
    (
        "wonen",
        "Wij willen een veilige en schone flat waar kinderen buiten kunnen spelen.",
        "Een aantal bewoners wil meehelpen met opruimen en een oogje in het zeil houden.",
        "Afspraken met de woningcorporatie en de wijkagent over wie wat doet.",
        "Schoonmaakactie met bewoners en {corporatie}; speelplek opgeknapt, de wijkagent houdt spreekuur in de flat.",
    ),
    (
        "sociaal_netwerk",
        "Wij willen als bewoners van de straat samen iets doen tegen de eenzaamheid van ouderen.",
        "Er zijn buren die willen koken voor een gezamenlijke maaltijd.",
        "Een ruimte in de buurt en een klein budget om te beginnen.",
        "Buurtmaaltijd eens per maand in {ontmoetingsplek}, georganiseerd door bewoners met hulp van {welzijn}.",
    ),
    (
        "veiligheid",
        "Wij willen dat de hangplek bij het winkelcentrum geen probleem meer is, voor de jongeren en voor de omwonenden.",
        "We kennen de jongeren en hun ouders.",
        "Steun van het jongerenwerk en één gesprek met alle partijen aan tafel.",
        "Jongerenwerk en wijkagent hebben samen met de jongeren een eigen plek gezocht; de overlastmeldingen nemen af.",
    ),
    (
        "sociaal_netwerk",
        "Wij willen een ontmoetingsplek in de buurt waar iedereen binnen kan lopen.",
        "Een aantal bewoners wil de ruimte beheren en openhouden.",
        "Een ruimte in de buurt en een klein budget om te beginnen.",
        "Ontmoetingsruimte in de flat ingericht met bewoners; {corporatie} stelt de ruimte gratis beschikbaar.",
    ),
    (
        "sociaal_netwerk",
        "Wij willen dat de ouders van de basisschool elkaar beter leren kennen.",
        "Wij kunnen een paar avonden per maand iets organiseren.",
        "Ondersteuning van het opbouwwerk in de eerste maanden.",
        "Ouderkoffie op school elke vrijdag, samen met de intern begeleider en {welzijn}.",
    ),
]

IK_KAN = [
    "Ik kan goed koken en doe graag iets voor een ander.",
    "Ik kan goed met mijn handen werken.",
    "Ik kan plannen als iemand me eerst op weg helpt.",
    "Ik kan mijn afspraken nakomen als ik een herinnering krijg.",
    "Ik kan goed met kinderen omgaan.",
    "Ik heb een rijbewijs en een auto.",
    "Ik kan doorzetten als ik ergens voor ga.",
    "Ik kan goed luisteren, zeggen mensen.",
    "Mijn {zus|broer|buurvrouw} wil helpen met de administratie.",
    "Ik kan de buurvrouw helpen met boodschappen.",
    "Ik kan fietsen en kom overal zelf.",
    "Ik heb vroeger in de bouw gewerkt en weet van aanpakken.",
    "Ik spreek drie talen en kan vertalen voor anderen.",
    "Ik kan goed tuinieren.",
    "Ik ben eerlijk over wat er mis is gegaan.",
    "Ik kan goed overweg met de computer.",
]

CITATEN = [
    "Voor het eerst vroeg iemand wat ik zelf wilde.",
    "Ze kwamen gewoon bij mij aan de keukentafel zitten.",
    "Ik hoefde mijn verhaal maar één keer te vertellen.",
    "Eindelijk iemand die niet zegt dat het niet kan.",
    "Ik slaap weer.",
    "Mijn kinderen zien me weer lachen.",
    "Het voelde alsof ze allemaal voor mij werkten in plaats van voor hun eigen organisatie.",
    "We mochten doen wat nodig was, en dat bleek minder ingewikkeld dan gedacht.",
    "Zonder deze aanpak had deze man nu op straat gestaan.",
    "We hebben gewoon gedaan wat nodig was.",
    "Ik durf weer open te doen als er gebeld wordt.",
    "Het is niet opgelost, maar ik sta er niet meer alleen voor.",
]

CITATEN_COLLECTIEF = [
    "Wij als buren zien elkaar nu weer staan.",
    "De flat voelt weer als thuis.",
]

# Cost-line explanations (kosten.toelichting), by provision code; not confidential, never about a person.
TOELICHTING = {
    "HUI": "inschatting: ontruiming bij aanhoudende huurachterstand",
    "MO": "verblijf in de opvang na uitzetting (schatting)",
    "CRI": "eerdere opnames in de afgelopen twee jaar als basis",
    "JHV": "uithuisplaatsing was in voorbereiding",
    "VPH": "opname verwacht bij gelijkblijvende situatie",
    "DET": "op basis van eerdere veroordelingen (schatting wijkagent)",
    "UPW": "uitkering loopt door",
    "RIT": "traject via de gemeente",
    "BB": "budgetbeheer voor een jaar",
    "VRW": "coördinatie van het maatje",
    "MZ": "mantelzorg door familie, gewaardeerd als schaduwprijs",
}

# --- a regional or national programme (``leergeschiedenis sample --schaal N``) ----------

# Real Dutch municipalities per province (Oss and Deurne have their own sample); the regio
# names the regional organisations (GGZ, GGD, verslavingszorg, hogeschool, ROC) of the
# generated proeftuinen, the verzekeraar is the health insurer that joins as financier.
PROVINCIES: dict[str, dict[str, object]] = {
    "Groningen": {
        "regio": "Groningen",
        "verzekeraar": "Menzis",
        "gemeenten": ("Groningen", "Het Hogeland", "Westerkwartier", "Midden-Groningen", "Oldambt", "Veendam",
                      "Stadskanaal", "Pekela", "Eemsdelta", "Westerwolde"),
    },
    "Friesland": {
        "regio": "Fryslân",
        "verzekeraar": "De Friesland",
        "gemeenten": ("Leeuwarden", "Heerenveen", "Smallingerland", "Opsterland", "Ooststellingwerf", "Weststellingwerf",
                      "Harlingen", "Waadhoeke", "Tytsjerksteradiel", "Dantumadiel", "Noardeast-Fryslân", "De Fryske Marren",
                      "Achtkarspelen", "Súdwest-Fryslân"),
    },
    "Drenthe": {
        "regio": "Drenthe",
        "verzekeraar": "Zilveren Kruis",
        "gemeenten": ("Assen", "Emmen", "Hoogeveen", "Meppel", "Coevorden", "Borger-Odoorn", "Aa en Hunze", "Tynaarlo",
                      "Noordenveld", "Midden-Drenthe", "De Wolden", "Westerveld"),
    },
    "Overijssel": {
        "regio": "IJssel-Vecht en Twente",
        "verzekeraar": "Menzis",
        "gemeenten": ("Zwolle", "Enschede", "Hengelo", "Almelo", "Deventer", "Kampen", "Hardenberg", "Oldenzaal",
                      "Rijssen-Holten", "Raalte", "Steenwijkerland", "Twenterand", "Wierden", "Haaksbergen", "Losser",
                      "Borne", "Hof van Twente"),
    },
    "Flevoland": {
        "regio": "Flevoland",
        "verzekeraar": "Zilveren Kruis",
        "gemeenten": ("Almere", "Lelystad", "Dronten", "Noordoostpolder", "Urk", "Zeewolde"),
    },
    "Gelderland": {
        "regio": "Gelderland",
        "verzekeraar": "Menzis",
        "gemeenten": ("Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Doetinchem", "Zutphen", "Harderwijk", "Tiel", "Wageningen",
                      "Barneveld", "Culemborg", "Zevenaar", "Winterswijk", "Oude IJsselstreek", "Lochem", "Epe", "Nijkerk",
                      "Berkelland", "Buren", "West Betuwe", "Renkum", "Rheden"),
    },
    "Utrecht": {
        "regio": "Utrecht",
        "verzekeraar": "Zilveren Kruis",
        "gemeenten": ("Utrecht", "Amersfoort", "Nieuwegein", "Zeist", "Veenendaal", "Houten", "IJsselstein", "Woerden",
                      "Stichtse Vecht", "De Bilt", "Soest", "Leusden", "Vijfheerenlanden", "Wijk bij Duurstede", "Montfoort"),
    },
    "Noord-Holland": {
        "regio": "Noord-Holland",
        "verzekeraar": "Zilveren Kruis",
        "gemeenten": ("Amsterdam", "Haarlem", "Zaanstad", "Alkmaar", "Hilversum", "Purmerend", "Hoorn", "Den Helder",
                      "Amstelveen", "Velsen", "Dijk en Waard", "Beverwijk", "Edam-Volendam", "Enkhuizen", "Haarlemmermeer",
                      "Diemen", "Gooise Meren", "Schagen", "Heiloo"),
    },
    "Zuid-Holland": {
        "regio": "Zuid-Holland",
        "verzekeraar": "Zorg en Zekerheid",
        "gemeenten": ("Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Zoetermeer", "Delft", "Gouda", "Schiedam",
                      "Vlaardingen", "Alphen aan den Rijn", "Westland", "Nissewaard", "Leidschendam-Voorburg",
                      "Capelle aan den IJssel", "Katwijk", "Gorinchem", "Ridderkerk", "Barendrecht", "Pijnacker-Nootdorp",
                      "Molenlanden", "Krimpenerwaard", "Lansingerland", "Hoeksche Waard", "Papendrecht", "Zwijndrecht"),
    },
    "Zeeland": {
        "regio": "Zeeland",
        "verzekeraar": "CZ",
        "gemeenten": ("Middelburg", "Vlissingen", "Goes", "Terneuzen", "Hulst", "Sluis", "Schouwen-Duiveland", "Reimerswaal",
                      "Veere", "Borsele"),
    },
    "Noord-Brabant": {
        "regio": "Brabant",
        "verzekeraar": "CZ",
        "gemeenten": ("Eindhoven", "Tilburg", "Breda", "'s-Hertogenbosch", "Helmond", "Roosendaal", "Bergen op Zoom",
                      "Waalwijk", "Oosterhout", "Maashorst", "Veldhoven", "Meierijstad", "Etten-Leur", "Best", "Boxtel",
                      "Geldrop-Mierlo", "Heusden", "Dongen", "Valkenswaard", "Land van Cuijk", "Bernheze", "Moerdijk"),
    },
    "Limburg": {
        "regio": "Limburg",
        "verzekeraar": "CZ",
        "gemeenten": ("Maastricht", "Venlo", "Heerlen", "Sittard-Geleen", "Roermond", "Weert", "Kerkrade", "Venray",
                      "Landgraaf", "Brunssum", "Stein", "Horst aan de Maas", "Peel en Maas", "Echt-Susteren", "Maasgouw",
                      "Beekdaelen", "Gennep"),
    },
}  # fmt: skip

# Neighbourhood-style names (invented; any likeness to a real wijk of that gemeente is chance).
WIJKEN = (
    "Bloemenbuurt", "Vogelwijk", "Kruidenwijk", "Componistenbuurt", "Rivierenwijk", "Zeeheldenbuurt", "Bomenbuurt",
    "Sterrenwijk", "Schildersbuurt", "Dichtersbuurt", "Professorenwijk", "Indische Buurt", "Transvaalbuurt",
    "Vruchtenbuurt", "Edelstenenbuurt", "Planetenwijk", "Vlinderbuurt", "Molenwijk", "Kerkebuurt", "Stationsbuurt",
    "Havenkwartier", "Spoorzone", "Waterwijk", "Parkwijk", "Tuindorp", "De Akkers", "De Weiden", "De Bongerd", "De Horst",
    "Het Hof", "De Hoef", "De Kamp", "De Brink", "De Esch", "De Velden", "De Hoven", "De Gaarden", "De Beemden", "De Donk",
    "De Heuvel", "De Bron", "De Schans", "De Vesting", "Oude Stad", "Nieuwland", "Oosterpark", "Westerpark", "Zuiderpark",
    "Noorderpark", "Oosterhof", "Westerhof", "Zuidrand", "Noordrand", "Oostflank", "Hoogkamp", "Lindenhof", "Eikenburg",
    "Beukenrode", "Wilgenhof", "Berkenkamp", "Populierenbuurt", "Iepenbuurt", "Heidepark", "Duinzicht", "Polderwijk",
    "Dijkzone", "Slotwijk", "Kasteelbuurt", "Burgemeesterswijk", "Oranjewijk", "Koningsbuurt", "Prinsenhof",
    "Kloosterveld", "Abdijbuurt", "Fabriekswijk", "Tuinstad", "Het Zand", "Het Veld", "De Maten", "De Vlier", "Meerzicht",
    "Meerwijk", "Bosrand", "Zonnehoek", "Zonnewijk", "Hoogland", "Geuzenbuurt", "Kanaalzone", "Lage Weide", "Vogelzang",
    "Bergweide", "Klaverveld", "Rozenhof", "Zeeburg", "Ganzenhoek", "Brugwijk", "Hofstede",
)  # fmt: skip

WELZIJN = ("Welzijn {g}", "Stichting Welzijn {g}", "Sociaal Werk {g}", "Wijkracht {g}", "Welzijnswerk {g}", "Buurtwerk {g}")
CORPORATIES = ("Woonstichting {g}", "Woningstichting {g}", "{g} Wonen", "Woonbedrijf {g}", "Wooncorporatie {g}", "Thuis in {g}")
ONTMOETINGSPLEKKEN = (
    "het buurthuis", "de buurtkamer", "het wijkcentrum", "Het Huis van de Wijk", "De Ontmoeting", "de huiskamer van de wijk",
    "het wijkpunt", "De Buurtwinkel",
)  # fmt: skip
# Spinnenweb groups: where a programme measures Positive Health; {w} = the wijk, {o} = the ontmoetingsplek.
GROEPEN = (
    "Inloop in {o}", "Huisartsenpraktijk {w}", "Wijkteam {w}", "Beweeggroep {w}", "Samen aan tafel {w}", "Taalcafé {w}",
    "Mantelzorgcafé {w}", "Buurtsportcoach {w}", "Ouderenadvies {w}", "Leefstijlcoach {w}", "Jongerenwerk {w}",
    "Welzijn op recept {w}",
)  # fmt: skip
VISIES = (
    "{w} is een wijk waar inwoners zelf de regie hebben en samen met professionals doen wat nodig is.",
    "In {w} ervaren inwoners een betere (positieve) gezondheid, tegen lagere maatschappelijke kosten.",
    "In {w} kijken buren naar elkaar om en vinden inwoners snel de juiste hulp, zonder schotten.",
    "{w} is een vitale wijk waar iedereen mee kan doen, met één plan per huishouden.",
)
DOELEN = (
    "Inwoners ervaren een betere (positieve) gezondheid",
    "Lagere maatschappelijke kosten",
    "Professionals werken vanuit de leefwereld van de inwoner",
    "Organisaties werken ontschot samen en leren van elkaar",
    "Eén huishouden, één plan, één regisseur",
    "Minder huisuitzettingen en minder escalatie van schulden",
    "Bestuurders maken ruimte voor wat in de wijk nodig is",
    "Inwoners kijken naar elkaar om",
)
