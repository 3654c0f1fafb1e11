"""The actor lexicon: sectors, role words, demonyms, country aliases and well-known international bodies.

Sectors follow PLOVER / NGEC agent types; :data:`SECTOR_CODES` gives the three-letter code of each
(``government`` → ``GOV``). The tables are world knowledge, not knowledge of any test set:

* :data:`ROLE_SECTORS`: role and group words (singular, lower case; several words allowed) → sectors, primary
  first (``"defense minister"`` → government, military). Words with an empty tuple are roles without a sector
  of their own (``leader``, ``head``): the sector then comes from what they lead (``"NRF leader"``).
* :data:`DEMONYMS`: ISO 3166 alpha-3 → nationality adjectives (plurals are derived).
* :data:`COUNTRY_ALIASES`: common country names that pycountry does not spell that way (``UK``, ``Russia``).
* :data:`ORGANISATIONS`: international bodies and news agencies: names and acronyms → (country or group code,
  sectors). Group codes for bodies without a country: ``IGO`` (international), ``UNO`` (the United Nations
  system), ``EUR`` (the European Union), as in CAMEO/NGEC.
* Armed movements whose country and sector are decided here (documented in ``benchmarks/entities/README.md``):
  the Taliban are coded ``AFG`` / ``government`` (the de facto government since August 2021; earlier news would
  call them rebels); Al-Qaeda and the Islamic State ``rebel`` without a country.
"""

from __future__ import annotations

SECTOR_CODES: dict[str, str] = {
    "government": "GOV",
    "military": "MIL",
    "rebel": "REB",
    "opposition": "OPP",
    "party": "PTY",
    "police": "COP",
    "legislature": "LEG",
    "judiciary": "JUD",
    "intelligence": "SPY",
    "IGO": "IGO",
    "media": "JRN",
    "business": "BUS",
    "NGO": "NGO",
    "civilian": "CVL",
    "education": "EDU",
    "medical": "MED",
    "health": "HLH",
    "religious": "REL",
    "criminal": "CRM",
    "paramilitary": "PRM",
    "armed group": "UAF",
    "labour": "LAB",
    "agriculture": "AGR",
    "refugee": "REF",
    "unknown": "UNK",
    "elite": "ELI",
    "partially recognised state": "PRE",
}


def _words(text: str) -> list[str]:
    """Words of a ``|``-separated list (several words to an entry allowed)."""
    return text.split("|")


def _table(sectors: tuple[str, ...], text: str) -> dict[str, tuple[str, ...]]:
    return dict.fromkeys(_words(text), sectors)


ROLE_SECTORS: dict[str, tuple[str, ...]] = {
    **_table(
        ("government",),
        "president|vice president|vice-president|prime minister|premier|minister|deputy minister|"
        "chancellor|governor|mayor|ambassador|diplomat|envoy|consul|official|authority|government|"
        "ministry|department|administration|cabinet|regime|junta|king|queen|emir|sultan|monarch|"
        "prince|ombudsman|secretary of state|foreign minister|interior minister|head of state|"
        "president's office|presidency|kremlin|white house|state department|municipality|council|"
        "governorate|central bank|consul general|pres|gov|amb",
    ),
    **_table(
        ("government", "military"),
        "defense minister|defence minister|defense ministry|defence ministry|defense department|"
        "defence department|minister of defense|minister of defence|ministry of defense|"
        "ministry of defence|defense secretary|defence secretary|secretary of defense|secretary of defence|"
        "pentagon",
    ),
    **_table(
        ("military",),
        "army|military|troop|soldier|general|commander|colonel|lieutenant|captain|major general|"
        "admiral|navy|naval|air force|marine|fleet|warplane|fighter jet|jet|destroyer|frigate|"
        "warship|submarine|tank|brigade|battalion|regiment|division|national guard|armed forces|"
        "forces|force|guard|sergeant|officer corps|military officer|gen|lt|col|maj|sgt|adm|brig|"
        "rocket|missile|artillery|drone|katyusha|contingent|special forces|peacekeeper|military base",
    ),
    **_table(
        ("rebel",),
        "rebel|insurgent|militant|guerrilla|resistance|front|liberation|insurgency|jihadi|jihadist|"
        "mujahideen|mujahid|separatist|fighter|resistance fighter|resistance force|"
        "resistance council|rebellion",
    ),
    **_table(
        ("opposition",),
        "opposition|dissident|opponent|opposition figure|opposition group",
    ),
    **_table(
        ("civilian", "opposition"),
        "protester|protestor|demonstrator|political prisoner|opposition supporter",
    ),
    **_table(
        ("party",),
        "party|politician|candidate|hopeful|campaign",
    ),
    **_table(
        ("police",),
        "police|policeman|policewoman|cop|police officer|police station|gendarmerie|border guard|"
        "immigration|customs|riot police|constable",
    ),
    **_table(
        ("legislature",),
        "parliament|parliamentarian|lawmaker|legislator|legislature|senator|congressman|"
        "congresswoman|mp|assembly|senate|congress|duma|sen|member of parliament|"
        "speaker of parliament|legislative body",
    ),
    **_table(
        ("judiciary",),
        "judge|court|prosecutor|attorney|lawyer|justice|tribunal|judiciary|supreme court|"
        "attorney general|solicitor general",
    ),
    **_table(
        ("intelligence",),
        "intelligence|spy|intelligence agency|intelligence service|secret service|security service|"
        "director of central intelligence|intelligence officer",
    ),
    **_table(
        ("media",),
        "newspaper|news agency|agency|television|tv|channel|radio|journalist|reporter|editor|"
        "correspondent|broadcaster|media|magazine|journal|herald|gazette|tribune|telegraph|news outlet|"
        "blogger|news channel|news service",
    ),
    **_table(
        ("business",),
        "company|firm|corporation|corp|inc|ltd|llc|plc|bank|airline|business|businessman|"
        "businesswoman|ceo|executive|investor|entrepreneur|industry|manufacturer|retailer|trader|"
        "merchant|group of companies|chief executive|chief executive officer|chief operating officer|"
        "chief financial officer|coo|cfo",
    ),
    **_table(
        ("NGO",),
        "ngo|charity|aid group|aid agency|non-governmental organization|humanitarian organization|"
        "human rights group|rights group|activist|campaigner|foundation",
    ),
    **_table(
        ("civilian",),
        "civilian|people|resident|citizen|villager|tourist|driver|taxi driver|relative|family|"
        "netizen|passenger|pedestrian|crowd|ordinary|woman|women|child|children|youth|inhabitant|"
        "local|population|public|parent|schoolchildren|indigenous leader|prisoner|hostage|victim",
    ),
    **_table(
        ("education",),
        "university|professor|school|student|teacher|academic|scholar|researcher|expert|college|institute|think tank",
    ),
    **_table(
        ("medical",),
        "doctor|paramedic|medic|hospital|nurse|ambulance|physician|surgeon|medical services|clinic",
    ),
    **_table(
        ("religious",),
        "cleric|imam|priest|bishop|church|mosque|rabbi|pope|mullah|religious leader|muslim|christian|"
        "jewish|jew|buddhist|hindu|sikh|catholic|orthodox|islamic|clergy|monk|community leader",
    ),
    **_table(
        ("criminal",),
        "criminal|gang|cartel|smuggler|smuggling gang|thief|vandal|gangster|syndicate|trafficker|"
        "kidnapper|pirate|supremacist|wanted person|drug lord|mafia|robber|bandit|poacher|"
        "cyber criminal",
    ),
    **_table(
        ("paramilitary",),
        "paramilitary|militia|self-defense force|self defense force|warlord",
    ),
    **_table(
        ("armed group",),
        "gunman|gunmen|mercenary|armed man|attacker|assailant",
    ),
    **_table(
        ("labour",),
        "union|trade union|labor union|labour union|worker|miner|striker",
    ),
    **_table(
        ("agriculture",),
        "farmer|herder|peasant|agriculture|agricultural worker|farm worker|farmworker",
    ),
    **_table(("unknown",), "man|men|person|individual|he|she|they|occupier|savage|stranger"),
    **_table(("legislature",), "congressional|parliamentary|legislative"),
    **_table(
        ("refugee",),
        "refugee|displaced|asylum seeker|migrant|displaced person",
    ),
    **_table(
        ("partially recognised state",),
        "partially recognized country|partially recognised country|breakaway state|breakaway region|"
        "self-declared republic|unrecognized state|unrecognised state",
    ),
    **_table(
        (),
        "leader|head|chief|chairman|chairwoman|chair|member|spokesman|spokeswoman|spokesperson|"
        "representative|delegate|delegation|figure|founder|director|secretary|secretary-general|"
        "deputy|adviser|advisor|aide|coordinator|director general|director-general|inspector general|"
        "analyst|executive director",
    ),
}
# Generic heads whose sector yields to a more specific word before them ("the rebel FDLR force" is rebel).
WEAK_HEADS = frozenset({"force", "forces", "group", "unit"})
# Words that turn a government or legislature role into a former office holder (``elite``).
FORMER_WORDS = frozenset({"former", "ex", "retired", "late", "erstwhile", "onetime", "one-time"})
# Words that make a news agency or channel state media (government first, media second).
STATE_WORDS = frozenset({"state", "official", "state-run", "state-owned", "government"})
# Verbs of kinship: a full name after "son of" is named as someone's relative.
KIN_WORDS = frozenset(
    _words(
        "aunt|brother|cousin|daughter|father|granddaughter|grandfather|grandmother|grandson|husband|"
        "mother|nephew|niece|sister|son|uncle|widow|widower|wife"
    )
)

DEMONYMS: dict[str, str] = {
    "AFG": "Afghan|Afghani",
    "ALB": "Albanian",
    "DZA": "Algerian",
    "AGO": "Angolan",
    "ARG": "Argentine|Argentinian|Argentinean",
    "ARM": "Armenian",
    "AUS": "Australian|Aussie",
    "AUT": "Austrian",
    "AZE": "Azerbaijani|Azeri",
    "BHR": "Bahraini",
    "BGD": "Bangladeshi",
    "BLR": "Belarusian|Belarussian",
    "BEL": "Belgian",
    "BEN": "Beninese",
    "BTN": "Bhutanese",
    "BOL": "Bolivian",
    "BIH": "Bosnian",
    "BWA": "Botswanan",
    "BRA": "Brazilian",
    "BGR": "Bulgarian",
    "BFA": "Burkinabe",
    "BDI": "Burundian",
    "KHM": "Cambodian",
    "CMR": "Cameroonian",
    "CAN": "Canadian",
    "TCD": "Chadian",
    "CHL": "Chilean",
    "CHN": "Chinese",
    "COL": "Colombian",
    "COD": "Congolese",
    "CRI": "Costa Rican",
    "HRV": "Croatian|Croat",
    "CUB": "Cuban",
    "CYP": "Cypriot",
    "CZE": "Czech",
    "DNK": "Danish|Dane",
    "DJI": "Djiboutian",
    "DOM": "Dominican",
    "ECU": "Ecuadorian|Ecuadorean",
    "EGY": "Egyptian",
    "SLV": "Salvadoran|Salvadorean",
    "ERI": "Eritrean",
    "EST": "Estonian",
    "ETH": "Ethiopian",
    "FIN": "Finnish|Finn",
    "FRA": "French|Frenchman|Frenchwoman",
    "GAB": "Gabonese",
    "GMB": "Gambian",
    "GEO": "Georgian",
    "DEU": "German",
    "GHA": "Ghanaian",
    "GRC": "Greek",
    "GTM": "Guatemalan",
    "GIN": "Guinean",
    "HTI": "Haitian",
    "HND": "Honduran",
    "HUN": "Hungarian",
    "ISL": "Icelandic|Icelander",
    "IND": "Indian",
    "IDN": "Indonesian",
    "IRN": "Iranian|Persian",
    "IRQ": "Iraqi",
    "IRL": "Irish",
    "ISR": "Israeli",
    "ITA": "Italian",
    "CIV": "Ivorian",
    "JAM": "Jamaican",
    "JPN": "Japanese",
    "JOR": "Jordanian",
    "KAZ": "Kazakh|Kazakhstani",
    "KEN": "Kenyan",
    "XKX": "Kosovar|Kosovan",
    "KWT": "Kuwaiti",
    "KGZ": "Kyrgyz|Kirghiz",
    "LAO": "Laotian|Lao",
    "LVA": "Latvian",
    "LBN": "Lebanese",
    "LBR": "Liberian",
    "LBY": "Libyan",
    "LTU": "Lithuanian",
    "LUX": "Luxembourgish",
    "MDG": "Malagasy",
    "MWI": "Malawian",
    "MYS": "Malaysian",
    "MDV": "Maldivian",
    "MLI": "Malian",
    "MLT": "Maltese",
    "MRT": "Mauritanian",
    "MEX": "Mexican",
    "MDA": "Moldovan",
    "MNG": "Mongolian",
    "MNE": "Montenegrin",
    "MAR": "Moroccan",
    "MOZ": "Mozambican",
    "MMR": "Burmese|Myanmarese",
    "NAM": "Namibian",
    "NPL": "Nepali|Nepalese",
    "NLD": "Dutch|Dutchman",
    "NZL": "New Zealander|Kiwi",
    "NIC": "Nicaraguan",
    "NER": "Nigerien",
    "NGA": "Nigerian",
    "PRK": "North Korean",
    "MKD": "Macedonian",
    "NOR": "Norwegian",
    "OMN": "Omani",
    "PAK": "Pakistani",
    "PSE": "Palestinian",
    "PAN": "Panamanian",
    "PNG": "Papua New Guinean",
    "PRY": "Paraguayan",
    "PER": "Peruvian",
    "PHL": "Filipino|Philippine",
    "POL": "Polish|Pole",
    "PRT": "Portuguese",
    "QAT": "Qatari",
    "ROU": "Romanian",
    "RUS": "Russian",
    "RWA": "Rwandan",
    "SAU": "Saudi|Saudi Arabian",
    "SEN": "Senegalese",
    "SRB": "Serbian|Serb",
    "SLE": "Sierra Leonean",
    "SGP": "Singaporean",
    "SVK": "Slovak|Slovakian",
    "SVN": "Slovenian|Slovene",
    "SOM": "Somali|Somalian",
    "ZAF": "South African",
    "KOR": "South Korean|Korean",
    "SSD": "South Sudanese",
    "ESP": "Spanish|Spaniard",
    "LKA": "Sri Lankan",
    "SDN": "Sudanese",
    "SWE": "Swedish|Swede",
    "CHE": "Swiss",
    "SYR": "Syrian",
    "TWN": "Taiwanese",
    "TJK": "Tajik|Tajikistani|Tadjik",
    "TZA": "Tanzanian",
    "THA": "Thai",
    "TGO": "Togolese",
    "TUN": "Tunisian",
    "TUR": "Turkish|Turk",
    "TKM": "Turkmen",
    "UGA": "Ugandan",
    "UKR": "Ukrainian",
    "ARE": "Emirati",
    "GBR": "British|Briton|English|Scottish|Welsh|Scot",
    "USA": "American|US|U.S.",
    "URY": "Uruguayan",
    "UZB": "Uzbek|Uzbekistani",
    "VEN": "Venezuelan",
    "VNM": "Vietnamese",
    "YEM": "Yemeni",
    "ZMB": "Zambian",
    "ZWE": "Zimbabwean",
}

COUNTRY_ALIASES: dict[str, str] = {
    "UK": "GBR",
    "U.K.": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Wales": "GBR",
    "US": "USA",
    "U.S.": "USA",
    "USA": "USA",
    "U.S.A.": "USA",
    "America": "USA",
    "United States": "USA",
    "United States of America": "USA",
    "Russia": "RUS",
    "Russian Federation": "RUS",
    "Iran": "IRN",
    "Syria": "SYR",
    "South Korea": "KOR",
    "North Korea": "PRK",
    "Republic of China": "TWN",
    "People's Republic of China": "CHN",
    "PRC": "CHN",
    "Taiwan": "TWN",
    "Kosovo": "XKX",
    "Palestine": "PSE",
    "Palestinian Territories": "PSE",
    "Gaza": "PSE",
    "West Bank": "PSE",
    "Vietnam": "VNM",
    "Laos": "LAO",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Tanzania": "TZA",
    "Moldova": "MDA",
    "Czech Republic": "CZE",
    "DRC": "COD",
    "DR Congo": "COD",
    "Democratic Republic of Congo": "COD",
    "Democratic Republic of the Congo": "COD",
    "Congo-Kinshasa": "COD",
    "Congo-Brazzaville": "COG",
    "Ivory Coast": "CIV",
    "Burma": "MMR",
    "Holland": "NLD",
    "Turkey": "TUR",
    "Macedonia": "MKD",
    "Swaziland": "SWZ",
    "Vatican": "VAT",
    "East Timor": "TLS",
    "Cape Verde": "CPV",
    "Bosnia": "BIH",
    "Brunei": "BRN",
    "Micronesia": "FSM",
    "Soviet Union": "SUN",
    "USSR": "SUN",
    "UAE": "ARE",
    "Emirates": "ARE",
    "Abkhazia": "GEO",
    "South Ossetia": "GEO",
    "Transnistria": "MDA",
    "Nagorno-Karabakh": "AZE",
    "Somaliland": "SOM",
    "Northern Cyprus": "CYP",
}
# De facto states: a country code of the state they broke away from, and sector "partially recognised state".
PARTIALLY_RECOGNISED = frozenset(
    {"Abkhazia", "South Ossetia", "Transnistria", "Nagorno-Karabakh", "Somaliland", "Northern Cyprus"}
)

# name or acronym -> (country or group code, sectors)
ORGANISATIONS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    **dict.fromkeys(("United Nations", "UN", "U.N."), ("UNO", ())),
    **dict.fromkeys(("United Nations Security Council", "UN Security Council", "Security Council"), ("UNO", ())),
    **dict.fromkeys(("International Court of Justice", "ICJ"), ("UNO", ("judiciary",))),
    **dict.fromkeys(("UN General Assembly", "United Nations General Assembly"), ("UNO", ("legislature",))),
    **dict.fromkeys(("World Health Organization", "WHO"), ("UNO", ("health",))),
    **dict.fromkeys(("UNHCR", "UNICEF", "UNESCO", "IAEA", "World Food Programme", "WFP"), ("UNO", ())),
    **dict.fromkeys(("European Union", "EU", "European Commission", "European Council"), ("EUR", ())),
    **dict.fromkeys(("European Parliament",), ("EUR", ("legislature",))),
    **dict.fromkeys(("North Atlantic Treaty Organization", "NATO", "Nato"), ("IGO", ("military",))),
    **dict.fromkeys(("Collective Security Treaty Organization", "CSTO"), ("IGO", ("military",))),
    **dict.fromkeys(("Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO"), ("IGO", ())),
    **dict.fromkeys(("Commonwealth of Independent States", "CIS", "Eurasian Economic Union", "EAEU"), ("IGO", ())),
    **dict.fromkeys(("Association of Southeast Asian Nations", "ASEAN", "African Union", "Arab League"), ("IGO", ())),
    **dict.fromkeys(("Organization of American States", "OAS", "Gulf Cooperation Council", "GCC"), ("IGO", ())),
    **dict.fromkeys(("Organisation of Islamic Cooperation", "Organization of Islamic Cooperation", "OIC"), ("IGO", ())),
    **dict.fromkeys(("Economic Community of West African States", "ECOWAS", "OSCE", "Council of Europe"), ("IGO", ())),
    **dict.fromkeys(("Organization for Security and Co-operation in Europe", "OPEC", "G7", "G20"), ("IGO", ())),
    **dict.fromkeys(
        ("International Monetary Fund", "IMF", "World Bank", "World Trade Organization", "WTO"), ("IGO", ())
    ),
    **dict.fromkeys(("International Criminal Court", "ICC"), ("IGO", ("judiciary",))),
    **dict.fromkeys(("Interpol",), ("IGO", ("police",))),
    **dict.fromkeys(("Red Cross", "International Committee of the Red Cross", "ICRC"), (None, ("NGO",))),
    **dict.fromkeys(("Amnesty International", "Human Rights Watch"), (None, ("NGO",))),
    # news agencies and broadcasters
    **dict.fromkeys(("Reuters", "BBC", "Financial Times", "The Guardian"), ("GBR", ("media",))),
    **dict.fromkeys(("AFP", "Agence France-Presse", "France 24"), ("FRA", ("media",))),
    **dict.fromkeys(
        ("AP", "Associated Press", "CNN", "Bloomberg", "New York Times", "Washington Post"), ("USA", ("media",))
    ),
    **dict.fromkeys(("TASS", "RIA Novosti", "Interfax", "Sputnik", "RT"), ("RUS", ("media",))),
    **dict.fromkeys(("Xinhua",), ("CHN", ("media",))),
    **dict.fromkeys(("Al Jazeera",), ("QAT", ("media",))),
    **dict.fromkeys(("Deutsche Welle",), ("DEU", ("media",))),
    **dict.fromkeys(("IRNA",), ("IRN", ("media",))),
    **dict.fromkeys(("Anadolu",), ("TUR", ("media",))),
    **dict.fromkeys(("Tolo News", "TOLOnews", "Pajhwok"), ("AFG", ("media",))),
    # armed movements (see the module docstring)
    **dict.fromkeys(("Taliban",), ("AFG", ("government",))),
    **dict.fromkeys(("Northern Alliance", "Haqqani network"), ("AFG", ("rebel",))),
    **dict.fromkeys(("Al-Qaeda", "Al Qaeda", "al-Qaida", "Islamic State", "ISIS", "ISIL", "Daesh"), (None, ("rebel",))),
    **dict.fromkeys(("ISIS-K", "Islamic State Khorasan"), ("AFG", ("rebel",))),
}
