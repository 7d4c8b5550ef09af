//! The words the corpus is made of: the themes a CJG writes about, per doelgroep, each with
//! its subjects, facts and tips, plus the sentences every theme shares. Real pages mix
//! theme-specific facts with general advice; the generator does the same, so a search index
//! sees a vocabulary, term frequencies and page lengths like a real CJG site's.

/// How a doelgroep is addressed: parents as "u", young people as "je".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Address {
    /// Parents: "Wat kunt u zelf doen?"
    U,
    /// Young people: "Wat kun je zelf doen?"
    Je,
}

impl Address {
    /// The shared sentences written in this form of address.
    pub fn phrases(self) -> &'static Phrases {
        match self {
            Address::U => &PHRASES_U,
            Address::Je => &PHRASES_JE,
        }
    }
}

/// One top-level section: ouders or jongeren.
pub struct Doelgroep {
    /// Folder name and URL segment.
    pub slug: &'static str,
    /// Title of the section page.
    pub title: &'static str,
    /// Description in the section's front matter.
    pub description: &'static str,
    /// How its pages speak to the reader.
    pub address: Address,
    /// Its theme sections.
    pub themes: &'static [Thema],
}

/// A theme section below a doelgroep, with what its pages talk about.
pub struct Thema {
    /// Folder name and URL segment.
    pub slug: &'static str,
    /// Title of the section page.
    pub title: &'static str,
    /// Description in the section's front matter.
    pub description: &'static str,
    /// Noun phrases a page can be about, lower case ("doorslapen", "het middagslaapje").
    pub subjects: &'static [&'static str],
    /// Who the text speaks about ("uw peuter"); empty for jongeren, who are spoken to.
    pub children: &'static [&'static str],
    /// Age groups for titles: "peuters" for parents, "16" (years) for young people.
    pub ages: &'static [&'static str],
    /// Whole sentences of fact.
    pub facts: &'static [&'static str],
    /// Whole imperative sentences of advice.
    pub tips: &'static [&'static str],
}

/// The sentences, headings and titles shared by all themes of one address.
///
/// Placeholders: `{o}` the subject, `{O}` the subject with a capital, `{k}` the child,
/// `{h}` where to get help, `{t}` a span of time, `{l}` an age group.
pub struct Phrases {
    /// Page titles.
    pub titles: &'static [&'static str],
    /// Second sentences of a page description (the first is a fact of the theme).
    pub descriptions: &'static [&'static str],
    /// First sentences of a page.
    pub openings: &'static [&'static str],
    /// Advice that fits any theme.
    pub general: &'static [&'static str],
    /// `##` headings.
    pub headings: &'static [&'static str],
    /// The line above a list of tips.
    pub list_openings: &'static [&'static str],
    /// Who helps, for `{h}`.
    pub helpers: &'static [&'static str],
    /// Last paragraphs, with a link to the contact page.
    pub closings: &'static [&'static str],
}

/// Spans of time for `{t}`.
pub const DURATIONS: &[&str] = &["een paar weken", "twee weken", "een maand", "zes weken", "een paar maanden", "drie maanden"];

/// The sentences for pages addressed to parents.
const PHRASES_U: Phrases = Phrases {
    titles: &[
        "{O}",
        "{O} bij {l}",
        "Tips bij {o}",
        "Wat doet u bij {o}?",
        "{O}: wanneer zoekt u hulp?",
        "Vragen over {o}",
        "Zo helpt u uw kind bij {o}",
    ],
    descriptions: &[
        "Hier leest u wat u zelf kunt doen en wanneer u beter hulp vraagt.",
        "Met een paar eenvoudige stappen helpt u uw kind op weg.",
        "Twijfelt u? Het CJG denkt gratis met u mee.",
        "Lees wat normaal is en wat u kunt doen.",
    ],
    openings: &[
        "Veel ouders hebben vragen over {o}.",
        "Maakt u zich zorgen over {o}? Dat is begrijpelijk.",
        "Bijna elke ouder krijgt te maken met {o}.",
        "Bij {o} voelt u zich als ouder soms machteloos.",
        "{O} kan veel van u en {k} vragen.",
        "Het is heel gewoon dat u twijfelt over {o}.",
        "Hier leest u wat u zelf kunt doen en wanneer u beter hulp vraagt.",
        "Elk kind is anders. Wat bij het ene kind werkt, werkt bij het andere niet.",
    ],
    general: &[
        "Praat met {k} over wat er speelt, ook als dat lastig is.",
        "Let op wat {k} nodig heeft en neem daar de tijd voor.",
        "Geef {k} een compliment als iets goed gaat.",
        "Blijf rustig, ook als het even tegenzit.",
        "Duurt het langer dan {t}? Neem dan contact op met {h}.",
        "Twijfelt u? Vraag advies aan {h}.",
        "U hoeft het niet alleen te doen: {h} denkt graag met u mee.",
        "Schrijf een paar dagen op wanneer het gebeurt. Dan ziet u sneller een patroon.",
        "Bespreek het met de andere ouder of verzorger, zodat u allebei hetzelfde doet.",
        "Kleine stappen werken vaak beter dan grote veranderingen.",
        "Zorg ook goed voor uzelf. Een uitgeruste ouder heeft meer geduld.",
        "Vaak gaat het na {t} vanzelf beter.",
        "Vergelijk {k} niet te veel met andere kinderen: elk kind heeft zijn eigen tempo.",
        "Vraag ook eens aan de opvang of school hoe het daar gaat.",
        "Houd vol: een nieuwe gewoonte kost meestal {t}.",
        "Merkt u dat {k} zich niet goed voelt of anders doet dan anders? Vraag dan wat er is.",
        "Ook opa's en oma's of oppas kunnen helpen door dezelfde afspraken aan te houden.",
        "Soms helpt het om even afstand te nemen en er later rustig op terug te komen.",
    ],
    headings: &[
        "Wat is normaal?",
        "Wat kunt u zelf doen?",
        "Tips voor thuis",
        "Wanneer hulp zoeken?",
        "Waar kunt u terecht?",
        "Zo praat u erover met uw kind",
        "Wat werkt meestal niet?",
        "Meer weten over {o}",
    ],
    list_openings: &[
        "Deze tips helpen veel ouders:",
        "Probeer het volgende:",
        "Wat u kunt doen:",
        "Een paar dingen die vaak helpen:",
    ],
    helpers: &[
        "het CJG",
        "de jeugdverpleegkundige",
        "de huisarts",
        "het consultatiebureau",
        "de leerkracht",
        "de intern begeleider op school",
        "het opvoedspreekuur",
        "de jeugdarts",
    ],
    closings: &[
        "Heeft u nog vragen? Neem [contact](/contact/) op met het CJG. Dat is gratis en u heeft geen verwijzing nodig.",
        "Komt u er samen niet uit? Bel of chat met het CJG via de [contactpagina](/contact/).",
        "Wilt u er liever even over praten? Op de [contactpagina](/contact/) ziet u hoe u ons bereikt.",
    ],
};

/// The sentences for pages addressed to young people.
const PHRASES_JE: Phrases = Phrases {
    titles: &[
        "{O}",
        "{O}: hoe werkt het?",
        "Alles over {o}",
        "Vragen over {o}",
        "{O} als je {l} bent",
        "Wat moet je weten over {o}?",
        "Hulp bij {o}",
    ],
    descriptions: &[
        "Hier lees je hoe het werkt en waar je terecht kunt.",
        "Wat je zelf kunt doen, en wie je helpt als het niet lukt.",
        "Je kunt altijd anoniem een vraag stellen aan het CJG.",
        "Lees wat je rechten zijn en wat je zelf kunt regelen.",
    ],
    openings: &[
        "Veel jongeren hebben vragen over {o}.",
        "Twijfel je over {o}? Je bent echt niet de enige.",
        "Hier lees je wat je zelf kunt doen en waar je terecht kunt.",
        "{O} is soms best ingewikkeld.",
        "Over {o} hoor je veel verschillende verhalen.",
        "Het is slim om je goed te laten informeren over {o}.",
    ],
    general: &[
        "Praat erover met iemand die je vertrouwt, zoals een vriend, je ouders of je mentor.",
        "Zoek het goed uit voordat je een beslissing neemt.",
        "Weet je het niet zeker? Vraag het aan {h}.",
        "Je mag altijd anoniem een vraag stellen.",
        "Zet alles op papier, dan houd je overzicht.",
        "Wacht niet te lang als het niet goed gaat: hoe eerder je hulp vraagt, hoe makkelijker het is.",
        "Duurt het langer dan {t}? Neem dan contact op met {h}.",
        "Je hebt recht op hulp, ook als je nog geen achttien bent.",
        "Bij het CJG kun je gratis en zonder verwijzing terecht.",
        "Lees de kleine lettertjes voordat je iets tekent.",
        "Schaam je niet: de mensen die je helpen horen dit elke dag.",
        "Vraag of iemand met je meegaat als je het spannend vindt.",
        "Op internet staat veel informatie, maar niet alles klopt.",
        "Het is oké om nee te zeggen als je iets niet wilt.",
        "Kijk wat bij jou past, ook als je vrienden het anders doen.",
    ],
    headings: &[
        "Hoe werkt het?",
        "Wat kun je zelf doen?",
        "Tips",
        "Wanneer hulp zoeken?",
        "Waar kun je terecht?",
        "Wat zijn je rechten?",
        "Erover praten",
        "Meer weten over {o}",
    ],
    list_openings: &["Deze tips helpen:", "Wat je kunt doen:", "Let hierop:", "Zo pak je het aan:"],
    helpers: &[
        "het CJG",
        "je mentor",
        "de huisarts",
        "het jongerenwerk",
        "de schoolmaatschappelijk werker",
        "de Kindertelefoon",
        "een vertrouwenspersoon",
        "het Juridisch Loket",
    ],
    closings: &[
        "Nog vragen? Neem [contact](/contact/) op met het CJG. Anoniem mag ook.",
        "Kom je er niet uit? Chat of bel met het CJG via de [contactpagina](/contact/).",
        "Wil je met iemand praten? Op de [contactpagina](/contact/) zie je hoe je ons bereikt.",
    ],
};

/// The section tree: two doelgroepen with their themes.
pub const DOELGROEPEN: &[Doelgroep] = &[
    Doelgroep {
        slug: "ouders",
        title: "Ouders",
        description: "Antwoorden op vragen over opgroeien en opvoeden, van de zwangerschap tot uw kind 23 jaar is.",
        address: Address::U,
        themes: THEMES_OUDERS,
    },
    Doelgroep {
        slug: "jongeren",
        title: "Jongeren",
        description: "Antwoorden op je vragen over wonen, geld, werk, school, seks en hoe je je voelt.",
        address: Address::Je,
        themes: THEMES_JONGEREN,
    },
];

const THEMES_OUDERS: &[Thema] = &[
    Thema {
        slug: "slapen",
        title: "Slapen",
        description: "Doorslapen, nachtmerries en bedtijd: hoe helpt u uw kind goed te slapen?",
        subjects: &["doorslapen", "het slaapritueel", "nachtmerries", "nachtangst", "het middagslaapje", "vroeg wakker worden", "slapen in een eigen bed", "de bedtijd"],
        children: &["uw baby", "uw peuter", "uw kind", "uw kleuter"],
        ages: &["baby's", "peuters", "kleuters", "schoolkinderen"],
        facts: &[
            "Een baby slaapt gemiddeld veertien tot zestien uur per dag.",
            "Peuters hebben ongeveer twaalf uur slaap nodig, verdeeld over de nacht en een middagslaapje.",
            "Bijna elk kind wordt 's nachts weleens wakker.",
            "Nachtangst komt vooral voor bij kinderen tussen de drie en zeven jaar.",
            "Een vast ritme overdag helpt kinderen ook 's nachts beter te slapen.",
            "Schermen vlak voor het slapengaan maken het moeilijker om in slaap te vallen.",
        ],
        tips: &[
            "Houd elke avond hetzelfde ritueel aan: badje, pyjama, boekje en dan slapen.",
            "Leg uw kind wakker in bed, zodat het zelf leert in slaap te vallen.",
            "Zorg voor een rustige, donkere en niet te warme slaapkamer.",
            "Zet schermen een uur voor bedtijd uit.",
            "Troost uw kind kort als het wakker wordt, maar haal het niet uit bed.",
            "Houd ook in het weekend ongeveer dezelfde tijden aan.",
        ],
    },
    Thema {
        slug: "eten-en-drinken",
        title: "Eten en drinken",
        description: "Slecht eten, snoepen en de overstap naar vast voedsel: zo wordt eten weer gezellig.",
        subjects: &["slecht eten", "kieskeurig eten", "de overstap naar vast voedsel", "snoepen tussendoor", "ontbijten voor school", "genoeg groente eten", "drinken uit een beker", "overgewicht"],
        children: &["uw kind", "uw peuter", "uw dreumes", "uw zoon", "uw dochter"],
        ages: &["baby's", "dreumesen", "peuters", "schoolkinderen"],
        facts: &[
            "Kinderen moeten een nieuwe smaak soms wel tien tot vijftien keer proeven voordat ze hem lekker vinden.",
            "Rond zes maanden is een baby meestal klaar voor de eerste hapjes.",
            "Peuters eten de ene dag veel en de andere dag bijna niets; dat is normaal.",
            "Water en melk zijn de beste dorstlessers voor kinderen.",
            "Kinderen die ontbijten, kunnen zich op school beter concentreren.",
            "Samen aan tafel eten helpt kinderen om gevarieerd te leren eten.",
        ],
        tips: &[
            "Eet zoveel mogelijk samen aan tafel, zonder televisie.",
            "Bied nieuwe groente vaak aan, zonder te dwingen.",
            "Geef kleine porties en laat uw kind zelf opscheppen.",
            "Spreek vaste tijden af voor eten en tussendoortjes.",
            "Beloon niet met snoep en straf niet met eten.",
            "Geef zelf het goede voorbeeld en eet ook groente en fruit.",
        ],
    },
    Thema {
        slug: "huilen",
        title: "Huilen en troosten",
        description: "Een baby die veel huilt, vraagt veel van ouders. Wat helpt, en wanneer belt u de huisarts?",
        subjects: &["veel huilen", "krampjes", "troosten", "inbakeren", "een huilbaby", "huilen bij het afscheid", "doorkomende tandjes"],
        children: &["uw baby", "uw kind", "uw pasgeboren kind"],
        ages: &["baby's", "pasgeborenen", "dreumesen"],
        facts: &[
            "Alle baby's huilen, de meeste zo'n één tot drie uur per dag.",
            "Rond zes weken huilen baby's het meest; daarna wordt het vaak minder.",
            "Huilen is voor een baby de enige manier om te laten weten dat er iets is.",
            "Schudden is levensgevaarlijk voor een baby, ook als het maar kort is.",
            "Een vast dagritme geeft veel baby's rust.",
        ],
        tips: &[
            "Leg uw baby veilig in bed en loop even weg als u merkt dat u boos wordt.",
            "Houd overdag een vast ritme aan van slapen, drinken en spelen.",
            "Zorg voor weinig prikkels: gedempt licht en rustige geluiden.",
            "Vraag iemand anders om het even over te nemen.",
            "Draag uw baby dicht tegen u aan in een draagzak.",
            "Bel de huisarts als uw baby koorts heeft of anders huilt dan anders.",
        ],
    },
    Thema {
        slug: "gedrag",
        title: "Gedrag",
        description: "Driftbuien, liegen en ongehoorzaam gedrag: hoe gaat u om met lastig gedrag?",
        subjects: &["driftbuien", "ongehoorzaam gedrag", "brutaal zijn", "liegen", "slaan en bijten", "koppigheid", "druk gedrag", "ruzie tussen broers en zussen"],
        children: &["uw kind", "uw peuter", "uw kleuter", "uw zoon", "uw dochter"],
        ages: &["peuters", "kleuters", "schoolkinderen", "pubers"],
        facts: &[
            "Driftbuien horen bij de ontwikkeling van peuters en kleuters.",
            "Jonge kinderen kunnen hun gevoelens nog niet goed in woorden zeggen.",
            "Kinderen doen vaak na wat ze bij volwassenen zien.",
            "Aandacht voor goed gedrag werkt beter dan straf voor slecht gedrag.",
            "Rond vier jaar ontdekken kinderen dat ze kunnen liegen; dat hoort bij de ontwikkeling.",
            "Moe, hongerig of overprikkeld zijn maakt de kans op een driftbui groter.",
        ],
        tips: &[
            "Blijf kalm en praat weinig tijdens een driftbui.",
            "Geef niet toe, anders leert uw kind dat boos worden werkt.",
            "Benoem het gevoel van uw kind: je bent boos omdat het niet mag.",
            "Geef kleine keuzes, zoals de rode of de blauwe beker.",
            "Vertel vooraf wat er gaat gebeuren.",
            "Troost uw kind als de bui voorbij is.",
        ],
    },
    Thema {
        slug: "grenzen-stellen",
        title: "Grenzen stellen",
        description: "Regels, afspraken, straffen en belonen: duidelijkheid geeft kinderen houvast.",
        subjects: &["regels en afspraken", "belonen", "straffen", "een time-out", "consequent zijn", "nee zeggen", "huisregels"],
        children: &["uw kind", "uw zoon", "uw dochter", "uw puber", "uw kleuter"],
        ages: &["peuters", "kleuters", "schoolkinderen", "pubers"],
        facts: &[
            "Kinderen voelen zich veiliger als ze weten waar ze aan toe zijn.",
            "Een paar duidelijke regels werken beter dan heel veel regels.",
            "Belonen werkt het best als het direct na het goede gedrag komt.",
            "Een time-out is bedoeld om af te koelen, niet om te straffen.",
            "Pubers willen meebeslissen over de afspraken die voor hen gelden.",
        ],
        tips: &[
            "Maak samen een paar duidelijke afspraken en schrijf ze op.",
            "Vertel wat uw kind wel moet doen in plaats van wat niet mag.",
            "Beloon goed gedrag met aandacht en een compliment.",
            "Laat de gevolgen passen bij wat er gebeurd is.",
            "Houd u zelf ook aan de afspraken.",
            "Spreek af wat er gebeurt als een afspraak niet wordt nagekomen.",
        ],
    },
    Thema {
        slug: "media",
        title: "Media en schermtijd",
        description: "Gamen, sociale media en de eerste telefoon: hoeveel schermtijd is goed?",
        subjects: &["schermtijd", "gamen", "sociale media", "een eigen telefoon", "veilig online", "filmpjes kijken", "online pesten"],
        children: &["uw kind", "uw zoon", "uw dochter", "uw puber", "uw tiener"],
        ages: &["peuters", "schoolkinderen", "tieners", "pubers"],
        facts: &[
            "Kinderen onder de twee jaar hebben weinig aan schermen.",
            "Veel kinderen krijgen hun eerste telefoon in groep acht.",
            "Games zijn zo gemaakt dat het moeilijk is om te stoppen.",
            "Sociale media laten vooral de mooie kant van het leven zien.",
            "Schermen in de slaapkamer zorgen vaak voor minder slaap.",
        ],
        tips: &[
            "Maak samen afspraken over schermtijd en houd ze vol.",
            "Laat telefoons en tablets 's nachts buiten de slaapkamer opladen.",
            "Speel eens samen een spelletje en vraag wat uw kind er leuk aan vindt.",
            "Zet een wekker als de speeltijd om is.",
            "Praat over wat uw kind online ziet en meemaakt.",
            "Stel de privacy-instellingen samen in.",
        ],
    },
    Thema {
        slug: "school",
        title: "School",
        description: "Van de eerste schooldag tot de overstap naar de middelbare school.",
        subjects: &["naar de basisschool", "huiswerk", "de schoolkeuze", "spijbelen", "de overstap naar de middelbare school", "leerproblemen", "dyslexie", "het schooladvies"],
        children: &["uw kind", "uw zoon", "uw dochter", "uw kleuter", "uw puber"],
        ages: &["kleuters", "schoolkinderen", "brugklassers", "pubers"],
        facts: &[
            "Een kind moet naar school vanaf de eerste schooldag van de maand nadat het vijf is geworden.",
            "In groep acht krijgt uw kind een schooladvies voor de middelbare school.",
            "Kinderen leren het best als ze zich veilig voelen in de klas.",
            "Veel kinderen vinden de overstap naar de brugklas spannend.",
            "De leerplichtambtenaar let erop dat kinderen naar school gaan.",
        ],
        tips: &[
            "Vraag elke dag hoe het op school was en luister echt.",
            "Zorg voor een rustige plek om huiswerk te maken.",
            "Help met plannen, maar maak het huiswerk niet zelf.",
            "Ga op tijd in gesprek met de leerkracht of mentor.",
            "Bezoek samen open dagen voordat u een school kiest.",
            "Vier ook de kleine successen.",
        ],
    },
    Thema {
        slug: "sociaal-emotioneel",
        title: "Sociaal-emotioneel",
        description: "Zelfvertrouwen, vriendschappen, faalangst en pesten: zo groeit uw kind in zijn schoenen.",
        subjects: &["zelfvertrouwen", "faalangst", "vriendschappen", "verlegenheid", "gepest worden", "omgaan met emoties", "boosheid", "angst"],
        children: &["uw kind", "uw zoon", "uw dochter", "uw puber"],
        ages: &["kleuters", "schoolkinderen", "tieners", "pubers"],
        facts: &[
            "Zelfvertrouwen groeit als kinderen merken dat ze iets zelf kunnen.",
            "Ongeveer één op de tien kinderen heeft last van faalangst.",
            "Verlegen kinderen hebben vaak meer tijd nodig om te wennen.",
            "Kinderen die gepest worden, vertellen dat lang niet altijd thuis.",
            "Alle emoties mogen er zijn; het gaat om wat je ermee doet.",
        ],
        tips: &[
            "Geef een compliment voor de moeite, niet alleen voor het resultaat.",
            "Laat uw kind dingen zelf proberen, ook als het misgaat.",
            "Nodig een vriendje uit om thuis te spelen.",
            "Neem de angst van uw kind serieus en lach er niet om.",
            "Vraag bij pesten wat uw kind zelf wil dat er gebeurt.",
            "Praat met school als uw kind gepest wordt.",
        ],
    },
    Thema {
        slug: "gezondheid",
        title: "Gezondheid",
        description: "Koorts, kinderziektes, vaccinaties en hoofdluis: wat doet u zelf en wanneer naar de huisarts?",
        subjects: &["koorts", "waterpokken", "vaccinaties", "hoofdluis", "zindelijk worden", "tandenpoetsen", "oorontsteking", "buikpijn"],
        children: &["uw kind", "uw baby", "uw peuter", "uw kleuter"],
        ages: &["baby's", "peuters", "kleuters", "schoolkinderen"],
        facts: &[
            "Koorts is een gezonde reactie van het lichaam op een infectie.",
            "Waterpokken is besmettelijk tot alle blaasjes zijn ingedroogd.",
            "Het Rijksvaccinatieprogramma beschermt kinderen gratis tegen ernstige ziektes.",
            "Hoofdluis heeft niets met vies zijn te maken.",
            "De meeste kinderen zijn tussen twee en vier jaar overdag zindelijk.",
            "Vanaf het eerste tandje poetst u twee keer per dag.",
        ],
        tips: &[
            "Geef uw kind met koorts genoeg te drinken.",
            "Bel de huisarts als een baby jonger dan drie maanden koorts heeft.",
            "Kam bij hoofdluis twee weken lang elke dag met een luizenkam.",
            "Wacht met zindelijk worden tot uw kind er zelf aan toe is.",
            "Poets na tot uw kind ongeveer tien jaar is.",
            "Bel direct de huisarts als uw kind suf is of slecht drinkt.",
        ],
    },
    Thema {
        slug: "gezin",
        title: "Gezin",
        description: "Scheiden, een nieuw samengesteld gezin, rouw en stress als ouder.",
        subjects: &["scheiden", "een nieuw samengesteld gezin", "broertjes en zusjes", "rouw", "stress als ouder", "alleenstaand ouderschap", "mantelzorg voor een gezinslid", "geldzorgen"],
        children: &["uw kind", "de kinderen", "uw zoon", "uw dochter"],
        ages: &["jonge kinderen", "schoolkinderen", "pubers", "het hele gezin"],
        facts: &[
            "Kinderen merken spanningen in huis eerder op dan ouders denken.",
            "Een scheiding is vooral moeilijk voor kinderen als de ruzie blijft.",
            "Kinderen rouwen op hun eigen manier, soms pas veel later.",
            "Bijna de helft van de ouders voelt zich weleens overbelast.",
            "Geldzorgen geven stress, en stress maakt opvoeden zwaarder.",
        ],
        tips: &[
            "Vertel de kinderen samen dat u uit elkaar gaat.",
            "Zeg duidelijk dat het niet de schuld van de kinderen is.",
            "Maak een ouderschapsplan met afspraken over zorg en geld.",
            "Plan elke week een moment alleen voor uzelf.",
            "Vraag hulp van familie, vrienden of buren.",
            "Zoek op tijd hulp als het geld niet meer rondkomt.",
        ],
    },
    Thema {
        slug: "ontwikkeling",
        title: "Ontwikkeling",
        description: "Praten, spelen, bewegen en leren: hoe ontwikkelt uw kind zich?",
        subjects: &["leren praten", "tweetalig opvoeden", "de motoriek", "spelen", "voorlezen", "stotteren", "de taalontwikkeling", "leren fietsen"],
        children: &["uw kind", "uw baby", "uw dreumes", "uw peuter"],
        ages: &["baby's", "dreumesen", "peuters", "kleuters"],
        facts: &[
            "De meeste kinderen zeggen rond hun eerste verjaardag hun eerste woordjes.",
            "Kinderen die tweetalig opgroeien, gaan soms iets later praten; dat is normaal.",
            "Voorlezen is goed voor de woordenschat en de band met uw kind.",
            "Spelen is voor jonge kinderen de belangrijkste manier om te leren.",
            "Veel peuters stotteren een tijdje; bij de meesten gaat het vanzelf over.",
        ],
        tips: &[
            "Praat veel met uw kind en vertel wat u doet.",
            "Lees elke dag samen een boekje.",
            "Spreek thuis de taal die u zelf het best spreekt.",
            "Laat uw kind veel buiten spelen en bewegen.",
            "Geef uw kind de tijd om uit te praten.",
            "Verbeter niet, maar herhaal het woord op de goede manier.",
        ],
    },
    Thema {
        slug: "pubers",
        title: "Pubers",
        description: "Uitgaan, alcohol, privacy en ruzie: opvoeden als uw kind puber wordt.",
        subjects: &["het puberbrein", "uitgaan", "alcohol en pubers", "privacy", "ruzie met uw puber", "seksuele voorlichting", "zakgeld voor pubers", "de eerste vriendschap of relatie"],
        children: &["uw puber", "uw tiener", "uw zoon", "uw dochter"],
        ages: &["pubers", "tieners", "jongeren van 12 tot 16", "jongeren van 16 en 17"],
        facts: &[
            "Het brein van pubers is nog volop in ontwikkeling, vooral het deel dat risico's afweegt.",
            "Alcohol is voor jongeren onder de achttien schadelijker dan voor volwassenen.",
            "Pubers hebben meer slaap nodig dan ze denken.",
            "Ruzie met ouders hoort bij het zelfstandig worden.",
            "Jongeren die thuis over seks kunnen praten, wachten vaak langer en zijn voorzichtiger.",
        ],
        tips: &[
            "Blijf in gesprek, ook als uw puber weinig zegt.",
            "Maak afspraken over uitgaan en hoe laat uw kind thuis is.",
            "Geef meer vrijheid naarmate afspraken worden nagekomen.",
            "Respecteer de privacy van uw kind, maar blijf betrokken.",
            "Praat op een rustig moment, bijvoorbeeld in de auto of tijdens het koken.",
            "Vertel eerlijk wat u vindt van alcohol en drugs.",
        ],
    },
];

const THEMES_JONGEREN: &[Thema] = &[
    Thema {
        slug: "wonen",
        title: "Wonen",
        description: "Op kamers, huurtoeslag en een slaapplek: alles over wonen.",
        subjects: &["op kamers gaan", "huurtoeslag", "een huurcontract", "inschrijven bij de gemeente", "een slaapplek vinden", "huisgenoten", "een woning zoeken"],
        children: &[],
        ages: &["16", "17", "18", "21"],
        facts: &[
            "Huurtoeslag kun je krijgen vanaf je achttiende, voor een zelfstandige woning.",
            "Een verhuurder mag maximaal twee keer de kale huur als borg vragen.",
            "Je moet je binnen vijf dagen na een verhuizing inschrijven bij de gemeente.",
            "Wachtlijsten voor sociale huurwoningen zijn in veel steden jaren lang.",
            "Een kamer delen met anderen is vaak goedkoper dan alleen wonen.",
        ],
        tips: &[
            "Schrijf je zo vroeg mogelijk in als woningzoekende.",
            "Betaal nooit geld voordat je de kamer hebt gezien.",
            "Vraag altijd een schriftelijk huurcontract.",
            "Reken uit wat wonen per maand echt kost.",
            "Maak foto's van de kamer als je erin trekt.",
            "Ga naar het jongerenwerk als je vandaag geen slaapplek hebt.",
        ],
    },
    Thema {
        slug: "geld",
        title: "Geld",
        description: "Schulden, sparen, een bankrekening en een budget: zo houd je grip op je geld.",
        subjects: &["schulden", "sparen", "een bankrekening", "kopen op afbetaling", "een budget maken", "zakgeld", "toeslagen", "rood staan"],
        children: &[],
        ages: &["16", "17", "18", "21"],
        facts: &[
            "Vanaf je achttiende mag je zelf leningen afsluiten en ben je zelf verantwoordelijk voor je schulden.",
            "Achteraf betalen is ook een lening.",
            "Veel jongeren met schulden hebben meerdere kleine schulden.",
            "Je kunt gratis hulp krijgen bij geldzaken via de gemeente.",
            "Een overzicht van je inkomsten en uitgaven geeft rust.",
        ],
        tips: &[
            "Schrijf een maand lang op waar je geld naartoe gaat.",
            "Betaal vaste lasten meteen als je geld binnenkomt.",
            "Zet elke maand een klein bedrag apart om te sparen.",
            "Open je post, ook als je bang bent voor wat erin staat.",
            "Koop niets op afbetaling als je het nu niet kunt betalen.",
            "Vraag hulp bij schulden voordat ze groter worden.",
        ],
    },
    Thema {
        slug: "werk",
        title: "Werk en bijbaan",
        description: "Een bijbaan, solliciteren, het minimumloon en je rechten als werknemer.",
        subjects: &["een bijbaan", "het minimumloon", "solliciteren", "een arbeidscontract", "werktijden", "stage lopen", "vakantiewerk", "je loonstrook"],
        children: &[],
        ages: &["13", "15", "16", "18"],
        facts: &[
            "Vanaf dertien jaar mag je licht werk doen, zoals kranten bezorgen.",
            "Het minimumloon hangt af van je leeftijd.",
            "Onder de zestien jaar mag je niet na zeven uur 's avonds werken.",
            "Je hebt ook met een bijbaan recht op vakantiegeld.",
            "Een werkgever moet je loonstrook geven.",
        ],
        tips: &[
            "Vraag altijd een contract op papier.",
            "Controleer je loonstrook elke maand.",
            "Schrijf een korte sollicitatiebrief over wat jij kunt en wilt.",
            "Oefen een sollicitatiegesprek met iemand die je kent.",
            "Houd je werktijden bij in je agenda.",
            "Vraag het Juridisch Loket om hulp als je werkgever niet betaalt.",
        ],
    },
    Thema {
        slug: "school-en-studie",
        title: "School en studie",
        description: "Studiekeuze, studiefinanciering, examenstress en stoppen met school.",
        subjects: &["studiefinanciering", "een studiekeuze", "stoppen met school", "een diploma halen", "bijles", "examenstress", "een tussenjaar", "spijbelen"],
        children: &[],
        ages: &["15", "16", "17", "18"],
        facts: &[
            "Tot je achttiende moet je naar school tot je een startkwalificatie hebt.",
            "Studiefinanciering vraag je aan bij DUO.",
            "Veel studenten switchen in het eerste jaar van studie.",
            "Examenstress is normaal, maar te veel stress maakt leren moeilijker.",
            "Een startkwalificatie is een diploma havo, vwo of mbo niveau twee.",
        ],
        tips: &[
            "Ga naar open dagen en meeloopdagen voordat je kiest.",
            "Praat met je mentor voordat je besluit te stoppen.",
            "Maak een planning en begin op tijd met leren.",
            "Neem pauzes en zorg voor genoeg slaap.",
            "Vraag studiefinanciering drie maanden van tevoren aan.",
            "Zoek bijles als je vastloopt met een vak.",
        ],
    },
    Thema {
        slug: "gezondheid",
        title: "Gezondheid",
        description: "De zorgverzekering, de huisarts, sport en gezond eten.",
        subjects: &["de zorgverzekering", "slapen", "sporten", "gezond eten", "de huisarts", "acne", "het eigen risico", "de puberteit"],
        children: &[],
        ages: &["14", "16", "18", "21"],
        facts: &[
            "Vanaf je achttiende moet je zelf een zorgverzekering afsluiten.",
            "Tot je achttiende betaal je geen eigen risico.",
            "Jongeren hebben ongeveer acht tot tien uur slaap per nacht nodig.",
            "Je mag vanaf twaalf jaar zelf bepalen of je ouders meekijken in je medische gegevens.",
            "Bewegen helpt ook tegen stress en somberheid.",
        ],
        tips: &[
            "Sluit je zorgverzekering af binnen vier maanden na je achttiende verjaardag.",
            "Vraag zorgtoeslag aan als je weinig verdient.",
            "Ga naar de huisarts als je ergens al weken last van hebt.",
            "Probeer elke dag een half uur te bewegen.",
            "Eet op vaste tijden en sla het ontbijt niet over.",
            "Leg je telefoon weg als je gaat slapen.",
        ],
    },
    Thema {
        slug: "seks-en-relaties",
        title: "Seks en relaties",
        description: "Anticonceptie, soa, zwanger, verliefd en je grenzen aangeven.",
        subjects: &["anticonceptie", "een soa-test", "zwanger zijn", "verliefd zijn", "een relatie", "je grenzen aangeven", "sexting", "de morning-afterpil"],
        children: &[],
        ages: &["14", "16", "18", "21"],
        facts: &[
            "Een condoom beschermt tegen zwangerschap en tegen soa.",
            "Je kunt je anoniem en gratis laten testen op soa bij de GGD als je jonger bent dan vijfentwintig.",
            "De morning-afterpil werkt het best als je hem zo snel mogelijk neemt.",
            "Seks is alleen oké als jullie het allebei echt willen.",
            "Een naaktfoto van iemand onder de achttien doorsturen is strafbaar.",
        ],
        tips: &[
            "Gebruik altijd een condoom bij een nieuwe partner.",
            "Praat met je partner over wat je wel en niet wilt.",
            "Ga naar de huisarts als je de pil wilt.",
            "Doe een zwangerschapstest als je menstruatie te laat is.",
            "Stuur nooit een naaktfoto door die je van iemand krijgt.",
            "Zoek hulp als iemand over je grenzen gaat.",
        ],
    },
    Thema {
        slug: "je-goed-voelen",
        title: "Je goed voelen",
        description: "Somberheid, stress, eenzaamheid, piekeren en je zelfbeeld.",
        subjects: &["somberheid", "stress", "eenzaamheid", "piekeren", "je zelfbeeld", "rouw", "paniekaanvallen", "onzekerheid"],
        children: &[],
        ages: &["12", "14", "16", "18"],
        facts: &[
            "Bijna iedereen voelt zich weleens somber.",
            "Eén op de vijf jongeren heeft weleens last van eenzaamheid.",
            "Piekeren gaat vaak 's avonds in bed het hardst.",
            "Praten over hoe je je voelt lucht vaak al op.",
            "Een paniekaanval voelt eng, maar is niet gevaarlijk.",
        ],
        tips: &[
            "Zoek elke dag iets op wat je leuk vindt om te doen.",
            "Spreek af met iemand, ook als je er weinig zin in hebt.",
            "Schrijf je zorgen op, dan hoeven ze niet in je hoofd te blijven.",
            "Probeer op vaste tijden te slapen en op te staan.",
            "Chat met de Kindertelefoon als je met niemand kunt praten.",
            "Denk je aan zelfdoding? Bel dan 113 of 0800-0113.",
        ],
    },
    Thema {
        slug: "alcohol-en-drugs",
        title: "Alcohol en drugs",
        description: "Alcohol, blowen, vapen, roken en gokken: wat doet het met je?",
        subjects: &["alcohol", "blowen", "vapen", "xtc", "roken", "gokken", "lachgas", "groepsdruk"],
        children: &[],
        ages: &["14", "16", "18", "21"],
        facts: &[
            "Alcohol kopen mag pas vanaf je achttiende.",
            "Je hersenen zijn tot je vijfentwintigste nog in ontwikkeling.",
            "Vapes bevatten vaak nicotine, en nicotine is verslavend.",
            "Blowen kan je geheugen en concentratie slechter maken.",
            "Lachgas kan blijvende zenuwschade geven.",
        ],
        tips: &[
            "Zeg nee als je iets niet wilt, ook als anderen het wel doen.",
            "Drink geen alcohol als je nog moet fietsen of rijden.",
            "Neem nooit iets aan waarvan je niet weet wat het is.",
            "Blijf bij elkaar en let op je vrienden als je uitgaat.",
            "Bel 112 als iemand niet meer wakker te krijgen is.",
            "Praat met de huisarts of het jongerenwerk als je wilt stoppen.",
        ],
    },
];
