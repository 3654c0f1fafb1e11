"""The word lists behind the word senses of event verbs (:mod:`storyline.extract.events.senses`).

Each list names the kind of object, subject or neighbour that tells one sense of a lexicon verb from another:
what is released, destroyed, signed, opened, given as aid, offered, met, asked for, accepted, hosted, yielded,
lifted, fought or struck; where words are exchanged; what strikes without attacking.
"""

from __future__ import annotations

from storyline.extract.events.lexicon import PROPOSAL_NOUNS

# People who are released, freed or executed, beyond the actor words of the lexicon.
CAPTIVE_NOUNS: frozenset[str] = frozenset(
    {
        "hostage", "captive", "prisoner", "detainee", "journalist", "reporter", "sailor", "crew", "national",
        "citizen", "worker", "soldier", "pilot", "tourist", "student", "man", "woman", "child", "person",
        "inmate", "convict", "dissident", "activist", "suspect", "fisherman", "passenger", "hostage-taker",
    }
)  # fmt: skip
# Property that is released: frozen assets, seized ships, the remains of the dead.
RELEASED_PROPERTY: frozenset[str] = frozenset(
    {"asset", "fund", "ship", "vessel", "tanker", "aircraft", "plane", "body", "remains", "cargo", "property"}
)
# Physical things that can be destroyed in an attack.
PHYSICAL_TARGETS: frozenset[str] = frozenset(
    {
        "building", "house", "home", "village", "town", "city", "bridge", "road", "weapon", "vehicle", "car",
        "truck", "tank", "aircraft", "plane", "helicopter", "jet", "ship", "boat", "vessel", "base", "facility",
        "infrastructure", "mosque", "church", "temple", "shrine", "school", "hospital", "crop", "field", "property",
        "depot", "camp", "position", "site", "stockpile", "equipment", "plant", "factory", "pipeline", "well",
        "office", "headquarters", "compound", "embassy", "station", "airport", "port", "launcher", "missile",
        "drone", "statue", "monument", "tunnel", "checkpoint", "post", "bunker", "warehouse", "shop", "market",
        "farm", "dam", "residence", "apartment", "structure", "target", "hideout", "shelter", "museum", "library",
        "stronghold", "outpost", "barrack", "arsenal", "ammunition", "munition", "battery", "radar", "installation",
        "convoy", "train", "bus", "hut", "dwelling", "tent", "orchard", "tower", "palace", "ministry", "court",
    }
)  # fmt: skip
# Land that is occupied or returned.
TERRITORY_NOUNS: frozenset[str] = frozenset(
    {"territory", "land", "area", "region", "province", "capital", "square", "street", "parliament", "island"}
)
# Forces whose return is a withdrawal ("the troops returned to their barracks").
FORCE_NOUNS: frozenset[str] = frozenset(
    {"troop", "force", "soldier", "army", "fighter", "militant", "rebel", "unit", "militia", "battalion", "brigade"}
)
# What is signed as an agreement between parties.
AGREEMENT_NOUNS: frozenset[str] = frozenset(
    {
        "agreement", "accord", "deal", "treaty", "pact", "memorandum", "declaration", "protocol", "ceasefire",
        "cease-fire", "truce", "convention", "charter", "communique", "roadmap", "framework", "armistice",
        "understanding", "mou", "contract", "alliance", "settlement", "partnership", "compact", "document",
        "statement", "arrangement",
    }
)  # fmt: skip
# What is opened when a border or a route is opened to others.
OPENED_ROUTES: frozenset[str] = frozenset(
    {
        "border", "crossing", "checkpoint", "airspace", "road", "port", "corridor", "airport", "route", "passage",
        "gate", "bridge", "embassy", "consulate", "frontier", "highway", "waterway", "strait", "channel",
        "terminal", "access", "market", "door", "crossing-point", "sea", "harbour", "harbor", "pass",
    }
)  # fmt: skip
# What is given, sent, provided, supplied or delivered as aid (CAMEO 07): money, arms, goods, help.
AID_THINGS: frozenset[str] = frozenset(
    {
        "aid", "assistance", "support", "help", "weapon", "arm", "fund", "funding", "money", "loan", "grant",
        "credit", "food", "shelter", "refuge", "asylum", "sanctuary", "equipment", "training", "supply", "medicine",
        "troop", "security", "protection", "relief", "fuel", "water", "vaccine", "ammunition", "material",
        "convoy", "shipment", "consignment", "package", "tonne", "ton", "kit", "vehicle", "tank", "aircraft",
        "plane", "helicopter", "missile", "gun", "rifle", "drone", "dollar", "euro", "pound", "million", "billion",
        "$", "€", "£", "grain", "flour", "rice", "wheat", "tent", "blanket", "doctor", "expert", "adviser",
        "advisor", "instructor", "intelligence", "backing", "service", "care", "treatment", "oil", "gas",
        "electricity", "donation", "contribution", "compensation", "payment", "subsidy", "investment",
        "ration", "meal", "drug", "vaccination", "soldier", "force", "personnel", "peacekeeper", "volunteer",
    }
)  # fmt: skip
# Things given or offered that are words or looks, not aid or a promise.
SPOKEN_NOUNS: frozenset[str] = frozenset(
    {
        "peek", "speech", "interview", "talk", "statement", "address", "testimony", "account", "opinion", "reason",
        "chance", "opportunity", "example", "name", "impression", "birth", "way", "answer", "hint", "nod",
        "signal", "credit", "thought", "consideration", "priority", "glimpse", "look", "update", "briefing",
        "lecture", "conference", "order", "performance", "detail", "figure", "number", "estimate", "indication",
        "explanation", "response", "reply", "analysis", "view", "comment", "insight", "perspective", "assessment",
        "take", "evidence", "critique", "rebuttal", "prediction", "prayer", "sympathy", "word", "advice",
        "observation", "remark", "criticism", "praise", "defense", "defence", "argument", "preview", "tour",
        "sense", "idea", "picture", "description", "summary", "overview", "warning", "lesson", "presentation",
        "rundown", "endorsement", "shout-out", "shoutout", "thumbs", "boost", "headache", "pause", "break",
    }
)  # fmt: skip
# What one meets that is no meeting: a reaction ("met with opposition"), a goal ("met the deadline").
MET_THINGS: frozenset[str] = frozenset(
    {
        "opposition", "resistance", "criticism", "skepticism", "scepticism", "approval", "disapproval", "success",
        "failure", "reaction", "response", "silence", "derision", "ridicule", "applause", "anger", "outrage",
        "hostility", "indifference", "expectation", "goal", "target", "deadline", "requirement", "standard",
        "need", "demand", "criterion", "obligation", "condition", "challenge", "threshold", "quota", "fate",
        "end", "death", "scrutiny", "suspicion", "protest", "backlash", "praise", "acclaim",
    }
)  # fmt: skip
# What is asked for when "ask" is a request without a complement clause ("asked permission").
ASKED_FOR: frozenset[str] = frozenset(
    {
        "help", "permission", "support", "assistance", "aid", "protection", "asylum", "forgiveness", "mercy",
        "clemency", "pardon", "release", "intervention", "money", "fund", "extradition", "resignation", "leniency",
        "patience", "cooperation", "favor", "favour",
    }
)  # fmt: skip

# What is accepted in an agreement: an offer, a plan, terms, a result, people let in; not "accepting death".
ACCEPTED_THINGS: frozenset[str] = (
    PROPOSAL_NOUNS
    | AGREEMENT_NOUNS
    | {
        "term", "condition", "resignation", "result", "outcome", "verdict", "ruling", "apology", "nomination",
        "credential", "aid", "assistance", "help", "compromise", "surrender", "mandate", "extension", "refugee",
        "migrant", "asylum-seeker", "deployment", "presence", "jurisdiction", "authority", "recommendation",
    }
)  # fmt: skip
# What is hosted that is no visit or meeting: a show, a party, a game.
HOSTED_SHOWS: frozenset[str] = frozenset(
    {"show", "program", "programme", "podcast", "series", "radio", "broadcast", "fundraiser", "party", "game",
     "tournament", "contest", "festival", "concert", "olympics", "cup", "championship", "website", "blog"}
)  # fmt: skip
# What is yielded in a concession: ground, land, power; not "yielded a couple of floor votes".
YIELDED_THINGS: frozenset[str] = TERRITORY_NOUNS | {"ground", "power", "control", "position", "seat", "city", "town"}
STATE_LEMMAS = frozenset({"be", "seem", "remain", "appear", "look", "become", "feel", "need"})
# Where words are exchanged: "fired back with a snarky statement", "shot back in an article", "attacked in the
# media", "attacked him in a speech" (a curated list: SPOKEN_NOUNS also holds "way" and "order").
WORD_MEDIA = frozenset(
    {
        "article", "tweet", "post", "op-ed", "letter", "column", "editorial", "email", "e-mail", "blog", "video", "ad",
        "ads", "advertisement", "message", "release", "interview", "appearance", "statement", "speech", "address",
        "remark", "comment", "conference", "briefing", "debate", "media", "medium", "press", "twitter", "facebook",
        "rally", "show", "broadcast", "podcast", "book", "memoir", "response", "reply", "rebuttal", "retort",
        "criticism", "attack", "tirade", "rant", "salvo", "jab", "barb", "insult",
    }
)  # fmt: skip
# Naming the target while attacking it: "attacked Obama, calling him the most ignorant president".
NAMING_VERBS = frozenset({"call", "accuse", "label", "brand", "describe", "dub", "deride", "mock", "ridicule"})
# What a candidate seeks: an office, not something asked of others.
OFFICES = frozenset(
    {"reelection", "re-election", "election", "nomination", "office", "seat", "presidency", "term", "post", "job",
     "candidacy", "mandate", "majority", "endorsement", "vote", "votes"}
)  # fmt: skip
# What a reporter seeks: "did not return a request seeking comment".
ASKED_OF_THE_PRESS = frozenset({"comment", "reaction", "clarification", "confirmation", "interview"})
SAYING_VERBS = frozenset({"say", "claim", "argue", "charge", "insist", "contend", "suggest", "warn"})
# What is fought in combat beside forces and places: "police fought pitched battles with protesters".
BATTLES = frozenset({"battle", "war", "fight", "clash", "skirmish", "gunbattle", "firefight", "duel", "insurgency"})
# Calendar words: the events' time words (patterns.is_time_word), the days a seizure or a firing happens on.
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"}
)  # fmt: skip
MONTH_ABBREVIATIONS = frozenset({"jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."})
TIME_WORDS: frozenset[str] = (
    WEEKDAYS
    | MONTHS
    | {"today", "yesterday", "tomorrow", "week", "weekend", "month", "year", "day", "night", "morning", "evening"}
)
# Days and times a seizure happens on: "members seized on Tuesday" (not "seize on Ryan's comments").
DAYS: frozenset[str] = WEEKDAYS | {"day", "night", "morning", "evening", "weekend", "date", "occasion"}
# What strikes without attacking: a quake, a storm, a car.
NOT_ATTACKERS = frozenset(
    {"quake", "earthquake", "tremor", "aftershock", "storm", "hurricane", "cyclone", "typhoon", "tornado",
     "lightning", "tsunami", "wave", "flood", "car", "vehicle", "truck", "bus", "train", "van", "suv", "driver",
     "camry", "virus", "disease", "epidemic", "fire", "blaze", "disaster", "recession", "crisis"}
)  # fmt: skip
# What a campaign suspends: its own run, not aid or talks.
CAMPAIGNS = frozenset({"campaign", "bid", "candidacy", "run"})
# What is lifted in an easing: a restriction; not "the plan is lifted almost whole cloth from a paper".
LIFTED_RESTRICTIONS: frozenset[str] = frozenset(
    {
        "restriction", "limit", "cap", "moratorium", "freeze", "siege", "suspension", "order", "rule", "requirement",
        "veto", "tariff", "quota", "control", "measure", "lockdown", "closure", "state", "law", "immunity",
        "boycott", "ban", "curfew", "embargo", "sanction", "blockade", "emergency", "prohibition", "barrier",
        "checkpoint", "roadblock", "restraint", "condition", "penalty", "travel", "visa", "regulation",
    }
)  # fmt: skip
# What is offered in a promise or a proposal, beside aid and proposals: "offered talks", "offered amnesty".
OFFERED_THINGS: frozenset[str] = (
    AID_THINGS
    | PROPOSAL_NOUNS
    | AGREEMENT_NOUNS
    | {
        "talk", "negotiation", "dialogue", "amnesty", "concession", "incentive", "reward", "resignation", "apology",
        "condolence", "mediation", "compromise", "guarantee", "assurance", "post", "job", "position", "seat",
        "pardon", "immunity", "safe", "passage", "exchange", "swap", "hostage", "prisoner", "access", "land",
        "territory", "cooperation", "partnership", "alliance", "membership", "role", "ministry", "portfolio",
        "control", "power", "share", "stake", "autonomy", "say", "branch", "hand",
    }
)  # fmt: skip
# Stance verbs read off a poll ("male troops backed Trump, 57 percent to 22 percent"): opinions, not events.
STANCE_VERBS = frozenset({"support", "back", "oppose", "favor", "favour", "prefer", "endorse", "approve", "reject"})
POLL_WORDS = frozenset({"percent", "%", "poll", "polls", "survey", "surveys", "respondents", "pollster"})
ACTOR_OBJECT_VERBS = frozenset({"release", "free", "execute", "receive", "recall", "recognize", "recognise"})
AID_VERBS = frozenset({"give", "send", "provide", "supply", "deliver"})
# Around "beat": a vote or a game, not a beating ("Clinton would beat Trump 46 to 40 percent").
CONTEST_WORDS = frozenset(
    {"percent", "point", "vote", "election", "primary", "race", "poll", "game", "match", "record", "expectation",
     "estimate", "forecast", "odds", "deadline", "%", "rival", "challenger", "opponent", "incumbent", "nominee",
     "ballot", "matchup", "challenge", "contest", "caucus", "nomination", "margin", "polling", "candidate"}
)  # fmt: skip
PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "he", "she", "they", "we", "i"})
# What explodes in an attack: a bomb, or what carries one ("U.S. deaths from Alzheimer's are exploding" is none).
EXPLOSIVES = frozenset(
    {"bomb", "device", "mine", "landmine", "grenade", "shell", "rocket", "missile", "ied", "vest", "explosive",
     "charge", "bomber", "car", "truck", "vehicle", "tanker", "package", "parcel", "munition", "ordnance", "mortar",
     "projectile", "suitcase", "backpack", "motorcycle", "bicycle", "drone"}
)  # fmt: skip
# What is burned in an arson, beside buildings and land: "burned the flag", "burned tyres".
BURNED_THINGS: frozenset[str] = (
    PHYSICAL_TARGETS
    | TERRITORY_NOUNS
    | {"flag", "effigy", "tyre", "tire", "portrait", "picture", "poster", "book", "copy", "quran", "koran", "bible"}
)
# What shoots or fires without attacking: "fireworks shooting over Lake Erie", "prices shot higher".
NOT_SHOOTERS = frozenset(
    {"firework", "flare", "price", "stock", "share", "rate", "flame", "spark", "index", "cost", "number", "poll",
     "odds", "fire", "blaze", "film", "movie", "sequel", "production", "crew"}
)  # fmt: skip
# What is killed that was never alive: a bill, a deal, "journalists are killing journalism".
KILLED_PLANS: frozenset[str] = (
    AGREEMENT_NOUNS
    | PROPOSAL_NOUNS
    | {
        "bill", "legislation", "law", "measure", "amendment", "reform", "idea", "project", "program", "programme",
        "plan", "initiative", "momentum", "chance", "hope", "story", "campaign", "bid", "job", "industry",
        "business", "economy", "mood", "buzz", "conversation", "debate", "tradition", "journalism", "market",
        "competition", "nomination", "candidacy", "career", "deal", "proposal", "rule", "regulation", "policy",
    }
)  # fmt: skip
# What is awarded that is no honour: the delegates or seats a vote gives ("Clinton will be awarded delegates").
NOT_HONOURS = frozenset({"delegate", "superdelegate", "seat", "vote", "point", "percent", "%", "state", "elector"})
# What is funded that is no one aided: a plan, a program ("The plan would be funded by taxing …").
FUNDED_PLANS: frozenset[str] = PROPOSAL_NOUNS | {
    "plan", "program", "programme", "policy", "bill", "agenda", "scheme", "initiative", "cut", "increase",
    "expansion", "spending", "tax", "credit", "it", "this", "which", "that", "study", "research", "campaign",
}  # fmt: skip
# A newborn welcomed is no support given ("had just welcomed a second baby girl").
NEWBORNS = frozenset(
    {"baby", "child", "daughter", "son", "girl", "boy", "birth", "grandchild", "grandson", "granddaughter", "twin",
     "newborn", "arrival"}
)  # fmt: skip
# Opinions a poll reports, held by a share of people ("About two-thirds of Republican primary voters support …",
# "Only about 4 in 10 Republican voters … want …", "supported by overwhelming majorities of both men and women").
OPINION_VERBS: frozenset[str] = STANCE_VERBS | {"want", "like", "think", "believe", "expect"}
POLL_SHARES = frozenset(
    {"majority", "plurality", "minority", "percent", "%", "half", "third", "quarter", "fifth", "most", "share",
     "proportion"}
)  # fmt: skip
POLLED_PEOPLE = frozenset(
    {"voter", "respondent", "american", "adult", "people", "man", "woman", "republican", "democrat", "independent",
     "resident", "citizen", "evangelical", "latino", "hispanic", "millennial", "parent", "supporter", "caucusgoer"}
)  # fmt: skip
# A document about an election (not "campaign", "rally" or "convention", which war news and treaties use too):
# there a person attacking a person does it in words ("As Trump attacked Clinton, the attendees chanted"), unless
# the sentence shows violence.
CAMPAIGN_WORDS = frozenset(
    {"candidate", "candidates", "election", "elections", "primary", "primaries", "nominee", "nomination", "voters",
     "delegates", "caucus", "caucuses", "presidential", "ballot", "gop", "electoral", "reelection", "re-election",
     "polls", "superdelegates"}
)  # fmt: skip
VIOLENCE_WORDS = frozenset(
    {"knife", "gun", "weapon", "stab", "stabbed", "punch", "punched", "hospital", "injured", "injury", "wounded",
     "police", "arrested", "killed", "shot", "shooting", "bomb", "assault", "assaulted", "fist", "hammer",
     "beaten", "blood", "gunman", "attacker", "suspect", "victim", "soldiers", "troops", "militants", "rebels",
     "army", "missile", "airstrike", "murder", "violence", "violent", "physically"}
)  # fmt: skip
# What is fired in an attack: "shots were fired", "rockets were fired at Sderot" (not "the coach was fired").
FIRED_WEAPONS = frozenset(
    {"shot", "round", "rocket", "missile", "shell", "bullet", "gun", "salvo", "volley", "gas", "mortar", "cannon",
     "projectile", "flare", "grenade", "weapon", "canister", "torpedo", "artillery", "barrage", "fire"}
)  # fmt: skip
# What is attacked in an armed attack: places, buildings, forces, people who are no candidates (civilians,
# villagers, police), gatherings, vehicles on the move.
ATTACKED_THINGS: frozenset[str] = (
    PHYSICAL_TARGETS
    | TERRITORY_NOUNS
    | FORCE_NOUNS
    | CAPTIVE_NOUNS
    | {"civilian", "villager", "refugee", "police", "officer", "protester", "demonstrator", "worshipper", "pilgrim"}
    | {"rally", "protest", "march", "demonstration", "wedding", "funeral", "gathering", "ceremony", "meeting",
       "party", "concert", "festival", "procession", "parade", "crowd", "patrol", "motorcade", "column", "line",
       "flank", "front", "defence", "defense", "garrison", "sector", "fort", "lorry", "ambulance", "car", "cell"}
)  # fmt: skip
# Who is deployed beside forces and weapons.
DEPLOYED_FORCES = frozenset(
    {"police", "officer", "personnel", "peacekeeper", "guard", "agent", "squad", "marine", "sailor", "warship",
     "destroyer", "carrier", "fleet", "jet", "bomber", "fighter", "battery", "system", "asset", "division",
     "regiment", "contingent", "reinforcement", "reserve", "paratrooper", "commando", "sniper", "monitor",
     "observer", "inspector", "expert", "adviser", "advisor", "medic", "doctor", "team"}
)  # fmt: skip
FAMILY = frozenset(
    {"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "family", "parent", "child"}
)
# Endings of person nouns, and the common things that share them.
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ee", "phobe", "crat", "ant", "ent", "man", "woman")
# Common things formed like person nouns: "a demographic corner that could threaten …", "the event that allows …".
THINGS_LIKE_PERSONS = frozenset(
    {
        "corner", "number", "power", "water", "order", "letter", "paper", "border", "matter", "center", "centre",
        "chapter", "quarter", "disaster", "character", "computer", "register", "theater", "theatre", "winter",
        "summer", "weather", "answer", "shelter", "cancer", "factor", "sector", "error", "floor", "door", "motor",
        "labor", "labour", "behavior", "behaviour", "rumor", "event", "incident", "accident", "content", "component",
        "current", "extent", "intent", "plant", "grant", "restaurant", "variant", "fee", "tree", "degree",
        "guarantee", "meter", "filter", "barrier", "layer", "tower", "cluster", "charter", "banner", "river",
        "poster", "trailer", "tumor", "tumour", "color", "colour", "mirror", "vector", "flavor", "honor",
        "honour", "favor", "favour", "humor", "humour",
    }
)  # fmt: skip
# What a thing said or done invites that is no invitation ("inviting vicious ridicule"), beside MET_THINGS.
INVITED_TROUBLE = frozenset(
    {"comparison", "question", "speculation", "trouble", "disaster", "controversy", "attack", "mockery", "rebuke",
     "retaliation", "abuse", "fraud", "corruption", "ridicule", "condemnation"}
)  # fmt: skip
# Adverbs of a standing view or a habit ("has long opposed", "consistently reject", "typically oppose").
# Not "repeatedly" or "often": "has repeatedly rejected calls to resign" reports acts.
HABITUAL_ADVERBS = frozenset(
    {"long", "consistently", "typically", "always", "usually", "generally", "traditionally", "historically",
     "steadfastly", "staunchly", "invariably"}
)  # fmt: skip
# What is met that is a goal or a bar, never people, with or without a determiner ("meet that threshold").
MET_GOALS = frozenset(
    {"expectation", "goal", "target", "deadline", "requirement", "standard", "criterion", "criteria", "threshold",
     "quota", "benchmark", "obligation", "condition", "need", "demand"}
)  # fmt: skip
