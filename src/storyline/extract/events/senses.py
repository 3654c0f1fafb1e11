"""Word senses: a lexicon verb carries its event only with the kind of object that event takes.

The lexicon codes a verb by its plain event sense, but news uses many of these verbs in other senses, and a reader
of the coded events sees each such use as an event that did not happen:

* ``release`` and ``free`` are a release (RETREAT) of people or property: "released two hostages", not "released
  his tax returns", "recently released polls" or "the clip was released on Tuesday";
* ``execute`` kills a person, not "executed the game plan"; ``destroy`` is an attack on something physical
  ("destroyed the bridge", "destroyed 40 tanks"), not "destroying the reputation of this committee";
* ``sign`` is an agreement (SUPPORT) when what is signed is one ("signed a memorandum"), not a bill or a law;
* ``open`` gives access (RETREAT) when it opens a border, a crossing or an airspace, not a museum;
* ``give``, ``send``, ``provide``, ``supply`` and ``deliver`` are aid when what goes is aid (money, arms, goods,
  help, troops), not "sent a letter", "was given a sneak peek" or "provided them with paper copies"; ``help`` with
  a complement ("helped found the movement") leaves the event to the complement; ``offer`` is a promise, not
  "offering analysis"; ``meet`` is a meeting, not "met with opposition" or "met the deadline", and ``discuss``
  needs someone to discuss with ("will discuss his new book" is no consultation);
* ``recall`` withdraws an envoy, not "recalled what it was like"; ``recognize`` recognises a state or a
  government, not "recognized the need"; ``beat`` is a beating, not "would beat Trump 46 to 40 percent";
* ``return`` is a withdrawal of forces or a return of people or property, not "he returned to teaching";
  ``occupy`` takes a place, not "occupied the spotlight"; ``demonstrate`` with an object or a that-clause shows;
  ``fight`` to do something or about someone is no combat;
* ``ask`` is a request when something is asked for ("asked the court to", "asked for help", "asked that …"),
  not a question ("Graham asked.", "asking her, “I just …”");
* a verbal attack ("attacked other candidates on stage for accepting donations", "is attacked in the media",
  "attacked Obama, calling him …", "Clinton attacked Trump, saying …") is an accusation, and so is a retort in
  words ("fired back with a snarky statement");
* ``accept`` takes an offer, terms or people, not "accepting death"; ``agree`` is no agreement when it shares an
  opinion ("everyone agrees NCLB was flawed", "he agreed with Mr. Cruz"); ``appeal`` is to people; ``yield``,
  ``lift``, ``host``, ``train``, ``seek``, ``undertake``, ``commit``, ``concede``, ``rally``, ``oppose``,
  ``seize``, ``suspend``, ``strike``, ``warn`` and ``fight`` have their no-event senses ("yielded a couple of
  floor votes", "the plan is lifted from a paper", "hosts an MSNBC show", "seeks reelection", "he conceded",
  "rallied young people", "as opposed to", "seize on his comments", "suspended his campaign", "struck a chord",
  "the quake struck", "the IMF warned that the vote could depress growth", "fighting addiction"); a stance verb in
  a sentence about a poll is an opinion ("male troops backed Trump, 57 percent to 22").

:func:`event_sense` says, for a verb trigger, which entry its sense carries here, or ``None`` for no event.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from storyline.extract.events.lexicon import ACTOR_NOUNS, PROPOSAL_NOUNS, LexiconEntry

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
_STATE_LEMMAS = frozenset({"be", "seem", "remain", "appear", "look", "become", "feel", "need"})
# Where words are exchanged: "fired back with a snarky statement", "shot back in an article", "attacked in the
# media", "attacked him in a speech" (a curated list: SPOKEN_NOUNS also holds "way" and "order").
_WORD_MEDIA = frozenset(
    {
        "article", "tweet", "post", "op-ed", "letter", "column", "editorial", "email", "e-mail", "blog", "video", "ad",
        "ads", "advertisement", "message", "release", "interview", "appearance", "statement", "speech", "address",
        "remark", "comment", "conference", "briefing", "debate", "media", "medium", "press", "twitter", "facebook",
        "rally", "show", "broadcast", "podcast", "book", "memoir", "response", "reply", "rebuttal", "retort",
        "criticism", "attack", "tirade", "rant", "salvo", "jab", "barb", "insult",
    }
)  # fmt: skip
# Naming the target while attacking it: "attacked Obama, calling him the most ignorant president".
_NAMING_VERBS = frozenset({"call", "accuse", "label", "brand", "describe", "dub", "deride", "mock", "ridicule"})
# What a candidate seeks: an office, not something asked of others.
_OFFICES = frozenset(
    {"reelection", "re-election", "election", "nomination", "office", "seat", "presidency", "term", "post", "job",
     "candidacy", "mandate", "majority", "endorsement", "vote", "votes"}
)  # fmt: skip
# What a reporter seeks: "did not return a request seeking comment".
_ASKED_OF_THE_PRESS = frozenset({"comment", "reaction", "clarification", "confirmation", "interview"})
_SAYING_VERBS = frozenset({"say", "claim", "argue", "charge", "insist", "contend", "suggest", "warn"})
# What is fought in combat beside forces and places: "police fought pitched battles with protesters".
_BATTLES = frozenset({"battle", "war", "fight", "clash", "skirmish", "gunbattle", "firefight", "duel", "insurgency"})
# Days and times a seizure happens on: "members seized on Tuesday" (not "seize on Ryan's comments").
_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "night", "morning",
     "evening", "weekend", "date", "occasion"}
)  # fmt: skip
# What strikes without attacking: a quake, a storm, a car.
_NOT_ATTACKERS = frozenset(
    {"quake", "earthquake", "tremor", "aftershock", "storm", "hurricane", "cyclone", "typhoon", "tornado",
     "lightning", "tsunami", "wave", "flood", "car", "vehicle", "truck", "bus", "train", "van", "suv", "driver",
     "camry", "virus", "disease", "epidemic", "fire", "blaze", "disaster", "recession", "crisis"}
)  # fmt: skip
# What a campaign suspends: its own run, not aid or talks.
_CAMPAIGNS = frozenset({"campaign", "bid", "candidacy", "run"})
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
_STANCE_VERBS = frozenset({"support", "back", "oppose", "favor", "favour", "prefer", "endorse", "approve", "reject"})
_POLL_WORDS = frozenset({"percent", "%", "poll", "polls", "survey", "surveys", "respondents", "pollster"})
_AGREEMENT_STRUCK = LexiconEntry("SUPPORT", "057")
_STRIKE_ATTACK = LexiconEntry("ASSAULT", "190")
_ACTOR_OBJECT_VERBS = frozenset({"release", "free", "execute", "receive", "recall", "recognize", "recognise"})
_AID_VERBS = frozenset({"give", "send", "provide", "supply", "deliver"})
# Around "beat": a vote or a game, not a beating ("Clinton would beat Trump 46 to 40 percent").
_CONTEST_WORDS = frozenset(
    {"percent", "point", "vote", "election", "primary", "race", "poll", "game", "match", "record", "expectation",
     "estimate", "forecast", "odds", "deadline", "%", "rival", "challenger", "opponent", "incumbent", "nominee",
     "ballot", "matchup", "challenge", "contest", "caucus", "nomination", "margin", "polling"}
)  # fmt: skip
_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "he", "she", "they", "we", "i"})
VERBAL_ATTACK = LexiconEntry("ACCUSE", "111")


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _patients(verb: Token) -> list[Token]:
    """What the verb acts on: its direct objects, or the subject of its passive."""
    patients = [c for c in verb.children if c.dep_ == "dobj"]
    if not patients:
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    for patient in list(patients):
        if patient.like_num or _lemma(patient) in {"dozen", "hundred", "thousand", "some", "all", "many", "number"}:
            patients.extend(p for prep in patient.children if prep.lower_ == "of" for p in prep.children)
        patients.extend(c for c in patient.children if c.dep_ == "conj")
    return patients


_RULED_VERBS = _ACTOR_OBJECT_VERBS | _AID_VERBS | {
    "destroy", "occupy", "return", "help", "discuss", "beat", "demonstrate", "fight", "sign", "open", "offer",
    "meet", "ask", "attack", "accept", "agree", "appeal", "yield", "concede", "rally", "host", "undertake", "commit",
    "oppose", "shoot", "fire", "seize", "suspend", "strike", "lift", "warn", "support", "back", "favor", "favour",
    "prefer", "endorse", "approve", "reject", "seek", "train", "allow", "permit",
}  # fmt: skip


def event_sense(
    base: str, verb: Token, entry: LexiconEntry, subject_of: Callable[[Token], Token | None]
) -> LexiconEntry | None:
    """The entry this use of a lexicon verb carries, or ``None`` where the verb is used in a sense that is no event
    (``subject_of``: the one who acts in a verb's clause, from the event patterns)."""
    if base not in _RULED_VERBS:
        return entry
    if base in _STANCE_VERBS and any(t.lower_ in _POLL_WORDS for t in verb.sent):
        return None  # "Americans overwhelmingly oppose cutting off funds, a poll found"
    patients = _patients(verb)
    lemmas = {_lemma(p) for p in patients}
    people = any(_names_people(p) for p in patients)
    if base in _ACTOR_OBJECT_VERBS:
        if not people and not (base in {"release", "free"} and lemmas & RELEASED_PROPERTY):
            return None
    elif base in {"destroy", "occupy"}:
        if (
            not people
            and not lemmas & (PHYSICAL_TARGETS | TERRITORY_NOUNS)
            and not any(p.pos_ == "PROPN" for p in patients)
        ):
            return None
    elif base == "return":
        if patients:
            if not people and not lemmas & (RELEASED_PROPERTY | PHYSICAL_TARGETS | TERRITORY_NOUNS):
                return None
        elif (subject := subject_of(verb)) is None or _lemma(subject) not in FORCE_NOUNS:
            return None  # "he returned to teaching", "the power returned": no withdrawal
    elif base in _AID_VERBS:
        given = lemmas | {_lemma(p) for prep in verb.children if prep.lower_ == "with" for p in prep.children}
        if not given & AID_THINGS and not any(p.like_num for p in patients):
            return None  # "sent a letter", "provided them with paper copies", "sent Nega north"
    elif base == "help":
        if any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
            return None  # "helped found the movement": the complement carries the event, if any
    elif base == "discuss":
        subject = subject_of(verb)
        together = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children) or (
            subject is not None and (subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children))
        )
        if not together:
            return None  # "Author Roger Stone will discuss his new book": no one to consult
    elif base == "beat":
        if any(_lemma(t) in _CONTEST_WORDS for child in verb.children if child.dep_ != "nsubj" for t in child.subtree):
            return None  # "would beat Trump 46 to 40 percent", not "police beat 20 protesters"
    elif base == "demonstrate":
        if patients or any(c.dep_ == "ccomp" for c in verb.children):
            return None  # "demonstrating that the stimulus was too small": showing, not protesting
    elif base == "fight":
        if any(c.dep_ == "xcomp" for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ == "about" for c in verb.children
        ):
            return None  # "still fighting to win over his party", "fighting about Obama"
        armed = people or lemmas & (PHYSICAL_TARGETS | TERRITORY_NOUNS | FORCE_NOUNS | _BATTLES)
        if patients and not armed and not any(p.pos_ == "PROPN" for p in patients):
            return None  # "fighting addiction", "fight the virus": no combat
    elif base == "seek":
        if lemmas & _OFFICES or not lemmas - {"that", "which", "what"} or lemmas & _ASKED_OF_THE_PRESS:
            return None  # "as she seeks reelection": running for office; "the result Sanders was seeking"
    elif base == "sign":
        if patients and not lemmas & AGREEMENT_NOUNS:
            return None
    elif base == "open":
        if not lemmas & OPENED_ROUTES:
            return None
    elif base == "offer":
        if lemmas & SPOKEN_NOUNS or (
            patients and not lemmas & OFFERED_THINGS and not any(c.dep_ == "xcomp" for c in verb.children)
        ):
            return None  # "offering analysis", "offered the emotional high point"; not "offered its troops"
    elif base == "warn":
        said = [c for c in verb.children if c.dep_ == "ccomp"]
        if said and not any(_names_people(s) for c in said for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}):
            return None  # "doctors warned that the virus could reach the mainland": a danger foretold, no threat
        if (
            not said
            and not patients
            and any(c.dep_ == "prep" and c.lower_ in {"about", "against"} for c in verb.children)
        ):
            return None  # "the sort of change the party warned about", "Merkel warned against the forces of hate"
    elif base == "train":
        if patients and not people and not lemmas & FORCE_NOUNS:
            return None  # "a field operation that has been trained more thoroughly": no forces
    elif base == "meet":
        met = patients + [p for prep in verb.children if prep.lower_ == "with" for p in prep.children]
        if any(_lemma(m) in MET_THINGS and not any(c.dep_ in {"det", "poss"} for c in m.children) for m in met):
            return None
    elif base == "ask":
        if not _asks_for_something(verb, lemmas):
            return None
    elif base in {"allow", "permit"}:
        subject = subject_of(verb)
        if subject is not None and subject.lower_ in {"it", "this", "that", "which", "what"}:
            return None  # "This allows him to catch up on Skype", "It also allows Republicans to …": a thing does
    elif base == "accept":
        if patients and not people and not lemmas & ACCEPTED_THINGS:
            return None  # "accepting death", "what is accepted practice"; not "accepted the offer"
    elif base == "agree":
        if any(c.dep_ == "ccomp" and _lemma(c) in _STATE_LEMMAS for c in verb.children):
            return None  # "almost everyone agrees NCLB was a flawed law": an opinion shared, not an agreement
        if _agrees_with_someone_only(verb):
            return None  # "Mr. Manafort said he agreed with Mr. Cruz": the same opinion
    elif base == "appeal":
        to = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "to" for p in prep.children]
        if to and not any(_names_people(p) for p in to) and not any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "trying to appeal to a sense of displacement": attracting, not asking
    elif base == "yield":
        if patients and not people and not lemmas & YIELDED_THINGS:
            return None  # "it yielded a couple of floor votes": produced, not conceded
    elif base == "concede":
        if any(c.dep_ == "ccomp" for c in verb.children):
            return None  # "“…,” he conceded": an admission, not a concession
    elif base == "rally":
        if patients or any(c.dep_ == "prep" and c.lower_ in {"behind", "around"} for c in verb.children):
            return None  # "rallied young people", "rally behind Clinton": support gathered, not a protest
    elif base == "host":
        if lemmas & HOSTED_SHOWS or not patients:
            return None  # "an activist who hosts an MSNBC show", "when Charles Barkley hosted": no visitor
    elif base == "undertake":
        if patients:
            return None  # "undertook the last major expansion": carried out, not a promise
    elif base == "commit":
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
        if passive and not any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "she would have been committed to the issue": devoted, not a commitment
    elif base == "oppose":
        doc = verb.doc
        if verb.i > 0 and doc[verb.i - 1].lower_ == "as" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to":
            return None  # "as opposed to": a contrast
    elif base in {"shoot", "fire"}:
        if not patients and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return None  # "the odds … shot up": rose
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"with", "in"}]
        if any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in verb.children) and any(
            _lemma(p) in _WORD_MEDIA for prep in preps for p in prep.children
        ):
            return VERBAL_ATTACK  # "Trump fired back with a snarky statement"; not "police shot back at the gunmen"
    elif base == "lift":
        if patients and not lemmas & LIFTED_RESTRICTIONS:
            return None  # "the plan is lifted whole cloth from a paper", "lifted the trophy"
    elif base == "seize":
        seized_on = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"} for p in c.children]
        if seized_on and not any(_lemma(p) in _DAYS or p.like_num for p in seized_on):
            return None  # "was all too happy to seize on Ryan's comments": made use of
    elif base == "suspend":
        if lemmas & _CAMPAIGNS:
            return None  # "Cruz, after suspending his campaign": he left the race
    elif base == "strike" and (striker := subject_of(verb)) is not None and _lemma(striker) in _NOT_ATTACKERS:
        return None  # "the quake struck Qeshm island", "she was struck by a car": no attack
    elif base == "strike" and patients:
        if lemmas & AGREEMENT_NOUNS:
            return _AGREEMENT_STRUCK  # "striking deals"
        if people or lemmas & (PHYSICAL_TARGETS | TERRITORY_NOUNS) or any(p.pos_ == "PROPN" for p in patients):
            return _STRIKE_ATTACK  # "missiles struck the base"
        return None  # "struck a chord", "strike a balance": no walk-out
    elif base == "attack" and (attack_in_words(verb) or _said_of_someone(verb, patients, subject_of)):
        return VERBAL_ATTACK
    return entry


def _said_of_someone(attack: Token, patients: list[Token], subject_of: Callable[[Token], Token | None]) -> bool:
    """An attack by an advertisement or an article ("an ad … that attacks Clinton"), or on a person while saying
    something ("Clinton attacked Trump, saying he would appoint …"; not "attacked the army base, saying it was a
    legitimate target")."""
    subject = subject_of(attack)
    if subject is not None and _lemma(subject) in _WORD_MEDIA:
        return True
    saying = any(c.dep_ == "advcl" and c.tag_ == "VBG" and _lemma(c) in _SAYING_VERBS for c in attack.children)
    return saying and bool(patients) and all(_names_a_person(p) for p in patients)


def _names_a_person(token: Token) -> bool:
    """A personal pronoun, or a proper name that no gazetteer knows as a place ("Trump", not "Kabul")."""
    from storyline.extract.ner import place_gazetteer

    if token.lower_ in _PERSONAL_PRONOUNS:
        return True
    return token.pos_ == "PROPN" and place_gazetteer().kind(token.text) is None


def attack_in_words(attack: Token) -> bool:
    """Whether an attack is made in words: for a reason ("attacked other candidates for accepting donations"), in
    a medium ("is attacked in the media", "attacked him in a speech") or while naming the target ("attacked Obama,
    calling him ignorant")."""
    for child in attack.children:
        if child.dep_ == "prep" and child.lower_ == "for" and any(c.dep_ in {"pcomp", "pobj"} for c in child.children):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in {"in", "on", "during"}
            and any(_lemma(p) in _WORD_MEDIA for p in child.children)
        ):
            return True
        if child.dep_ == "advcl" and child.tag_ == "VBG" and _lemma(child) in _NAMING_VERBS:
            return True
    return False


def _names_people(token: Token) -> bool:
    """Whether a patient is people: a name, a personal pronoun, an actor or captive word, a number of them."""
    word = _lemma(token)
    return (
        token.pos_ == "PROPN"
        or token.lower_ in _PERSONAL_PRONOUNS
        or word in ACTOR_NOUNS
        or word in CAPTIVE_NOUNS
        or token.like_num
    )


def _agrees_with_someone_only(verb: Token) -> bool:
    """Whether "agree" has only a partner ("agreed with Mr. Cruz", "agreed with Trump on the issue"): nothing agreed
    to ("agreed with the rebels to …", "agreed with Kabul on a ceasefire")."""
    partners = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    if not partners or any(c.dep_ in {"xcomp", "ccomp", "dobj"} or _infinitive(c) for c in verb.children):
        return False  # "agreed with Imran Khan to boost negotiations" (the parser may hang it as an adverbial)
    heads = [verb] + [p for prep in partners for p in prep.children]  # "with the rebels on a ceasefire"
    agreed_on = [
        p
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in {"on", "to", "upon"}
        for p in prep.children
    ]
    return not any(_lemma(p) in AGREEMENT_NOUNS | PROPOSAL_NOUNS or p.pos_ == "VERB" for p in agreed_on)


def _infinitive(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _asks_for_something(verb: Token, lemmas: set[str]) -> bool:
    """Whether "ask" requests something: an action ("asked X to …", "asked that …"), a thing ("asked for help",
    "asked permission"); not a question ("asked whether …", "Graham asked.")."""
    for child in verb.children:
        if child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ == "for"):
            return True
        if child.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
            return True
    return bool(lemmas & ASKED_FOR)
