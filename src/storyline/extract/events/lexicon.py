"""The event lexicon: verbs, phrasal verbs and nouns that carry an event, by PLOVER 2.0 category, with CAMEO codes.

Written for Storyline from the CAMEO 1.1b3 codebook categories and the PLOVER 2.0 manual's definitions (the code
of each entry is the CAMEO code its plain sense belongs to; :mod:`storyline.extract.events.cameo` says which PLOVER
category each code maps to). Entries are generic English: nothing here names an actor or a place.

Besides the event words, the module lists the *governing* words that change what an embedded event means: intent
(``agree to``, ``ready to``, ``plan to``), request (``urge X to``), refusal (``refuse to``, ``fail to``), threat
(``threaten to``), permission (``allow X to``), and the reporting verbs (``said``, ``told``) that make an event a
reported claim.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon entry: the PLOVER category and CAMEO code of a word's plain event sense, and an optional mode."""

    plover: str
    cameo: str
    mode: str | None = None


def _entries(table: dict[str, tuple[str, str] | tuple[str, str, str]]) -> dict[str, LexiconEntry]:
    return {word: LexiconEntry(*value) for word, value in table.items()}


# Verb lemmas (spaCy lemmas, lower case) → (PLOVER, CAMEO[, mode]).
VERBS: dict[str, LexiconEntry] = _entries(
    {
        # AGREE: agreeing, promising, offering (CAMEO 03: express intent to cooperate)
        "agree": ("AGREE", "030"),
        "promise": ("AGREE", "030"),
        "pledge": ("AGREE", "030"),
        "offer": ("AGREE", "030"),
        "consent": ("AGREE", "030"),
        "accept": ("AGREE", "030"),
        "undertake": ("AGREE", "030"),
        "guarantee": ("AGREE", "030"),
        "commit": ("AGREE", "030"),
        # CONSULT (04)
        "meet": ("CONSULT", "040"),
        "talk": ("CONSULT", "040"),
        "discuss": ("CONSULT", "040"),
        "consult": ("CONSULT", "040"),
        "confer": ("CONSULT", "040"),
        "negotiate": ("CONSULT", "046"),
        "telephone": ("CONSULT", "041", "phone"),
        "phone": ("CONSULT", "041", "phone"),
        "visit": ("CONSULT", "042", "visit"),
        "host": ("CONSULT", "043", "visit"),
        "receive": ("CONSULT", "043", "visit"),
        "mediate": ("CONSULT", "045"),
        # SUPPORT (05)
        "praise": ("SUPPORT", "051"),
        "welcome": ("SUPPORT", "051"),
        "commend": ("SUPPORT", "051"),
        "endorse": ("SUPPORT", "051"),
        "hail": ("SUPPORT", "051"),
        "applaud": ("SUPPORT", "051"),
        "congratulate": ("SUPPORT", "051"),
        "thank": ("SUPPORT", "051"),
        "award": ("SUPPORT", "051"),
        "honour": ("SUPPORT", "051"),
        "honor": ("SUPPORT", "051"),
        "support": ("SUPPORT", "051"),
        "back": ("SUPPORT", "051"),
        "defend": ("SUPPORT", "052"),
        "recognise": ("SUPPORT", "054"),
        "recognize": ("SUPPORT", "054"),
        "apologize": ("SUPPORT", "055"),
        "apologise": ("SUPPORT", "055"),
        "forgive": ("SUPPORT", "056"),
        "sign": ("SUPPORT", "057"),
        "ratify": ("SUPPORT", "057"),
        # COOPERATE (06)
        "cooperate": ("COOPERATE", "060"),
        "collaborate": ("COOPERATE", "060"),
        "ally": ("COOPERATE", "060"),
        # AID (07)
        "give": ("AID", "070"),
        "provide": ("AID", "070"),
        "send": ("AID", "070"),
        "donate": ("AID", "070"),
        "deliver": ("AID", "070"),
        "supply": ("AID", "070"),
        "assist": ("AID", "070"),
        "help": ("AID", "070"),
        "fund": ("AID", "071"),
        "contribute": ("AID", "070"),
        "finance": ("AID", "071"),
        "arm": ("AID", "072"),
        "evacuate": ("AID", "073"),
        "rescue": ("AID", "073"),
        "shelter": ("AID", "075", "asylum"),
        "grant": ("AID", "070"),
        # CONCEDE (08, yield)
        "concede": ("CONCEDE", "080"),
        "allow": ("CONCEDE", "080"),
        "permit": ("CONCEDE", "080"),
        "yield": ("CONCEDE", "080"),
        "accede": ("CONCEDE", "083"),
        "lift": ("CONCEDE", "081"),
        "ease": ("CONCEDE", "081"),
        "relax": ("CONCEDE", "081"),
        "shorten": ("CONCEDE", "081"),
        "approve": ("CONCEDE", "080"),
        # RETREAT (08: return, release, de-escalate)
        "release": ("RETREAT", "0841", "release"),
        "free": ("RETREAT", "0841", "release"),
        "return": ("RETREAT", "0842", "return"),
        "withdraw": ("RETREAT", "0872", "withdraw"),
        "retreat": ("RETREAT", "0874", "withdraw"),
        "surrender": ("RETREAT", "0874", "disarm"),
        "disarm": ("RETREAT", "0873", "disarm"),
        "demobilize": ("RETREAT", "0873", "disarm"),
        "resign": ("RETREAT", "080"),
        "open": ("RETREAT", "086", "access"),
        "reopen": ("RETREAT", "086", "access"),
        "re-open": ("RETREAT", "086", "access"),
        # REQUEST (10)
        "ask": ("REQUEST", "100"),
        "request": ("REQUEST", "100"),
        "demand": ("REQUEST", "100"),
        "urge": ("REQUEST", "100"),
        "appeal": ("REQUEST", "100"),
        "seek": ("REQUEST", "100"),
        "plead": ("REQUEST", "100"),
        "beg": ("REQUEST", "100"),
        "implore": ("REQUEST", "100"),
        "petition": ("REQUEST", "100"),
        "invite": ("REQUEST", "106", "meet"),
        # ACCUSE (09 investigate, 11 disapprove)
        "investigate": ("ACCUSE", "090", "investigate"),
        "probe": ("ACCUSE", "090", "investigate"),
        "criticize": ("ACCUSE", "111", "disapprove"),
        "criticise": ("ACCUSE", "111", "disapprove"),
        "condemn": ("ACCUSE", "111", "disapprove"),
        "denounce": ("ACCUSE", "111", "disapprove"),
        "deplore": ("ACCUSE", "111", "disapprove"),
        "slam": ("ACCUSE", "111", "disapprove"),
        "blast": ("ACCUSE", "111", "disapprove"),
        "rebuke": ("ACCUSE", "111", "disapprove"),
        "accuse": ("ACCUSE", "112", "allege"),
        "blame": ("ACCUSE", "112", "allege"),
        "allege": ("ACCUSE", "112", "allege"),
        "charge": ("ACCUSE", "1121", "allege"),
        "indict": ("ACCUSE", "1121", "allege"),
        "complain": ("ACCUSE", "114", "allege"),
        "sue": ("ACCUSE", "115", "allege"),
        "convict": ("ACCUSE", "116", "disapprove"),
        # REJECT (12)
        "reject": ("REJECT", "120"),
        "refuse": ("REJECT", "120"),
        "decline": ("REJECT", "120"),
        "rebuff": ("REJECT", "120"),
        "spurn": ("REJECT", "120"),
        "oppose": ("REJECT", "120"),
        "dismiss": ("REJECT", "120"),
        "veto": ("REJECT", "129"),
        "defy": ("REJECT", "128"),
        # THREATEN (13)
        "threaten": ("THREATEN", "130"),
        "warn": ("THREATEN", "130"),
        # PROTEST (14)
        "protest": ("PROTEST", "140"),
        "demonstrate": ("PROTEST", "141", "demo"),
        "rally": ("PROTEST", "141", "demo"),
        "march": ("PROTEST", "141", "demo"),
        "picket": ("PROTEST", "141", "demo"),
        "strike": ("PROTEST", "143", "boycott"),
        "boycott": ("PROTEST", "143", "boycott"),
        "block": ("PROTEST", "144", "obstruct"),
        "blockade": ("COERCE", "191", "restrict"),
        "riot": ("PROTEST", "145", "riot"),
        # SANCTION (16)
        "expel": ("SANCTION", "166", "expel"),
        "halt": ("SANCTION", "160"),
        "suspend": ("SANCTION", "160"),
        "sever": ("SANCTION", "161", "withdraw"),
        "freeze": ("SANCTION", "160"),
        "recall": ("SANCTION", "161", "withdraw"),
        # MOBILIZE (15)
        "mobilize": ("MOBILIZE", "154", "troops"),
        "mobilise": ("MOBILIZE", "154", "troops"),
        "deploy": ("MOBILIZE", "154", "troops"),
        "mass": ("MOBILIZE", "154", "troops"),
        "reinforce": ("MOBILIZE", "154", "troops"),
        "train": ("MOBILIZE", "154", "troops"),
        # COERCE (17)
        "arrest": ("COERCE", "173", "arrest"),
        "detain": ("COERCE", "173", "arrest"),
        "jail": ("COERCE", "173", "arrest"),
        "imprison": ("COERCE", "173", "arrest"),
        "deport": ("COERCE", "174", "deport"),
        "seize": ("COERCE", "171", "seize"),
        "confiscate": ("COERCE", "1711", "seize"),
        "demolish": ("COERCE", "1711", "seize"),
        "raze": ("COERCE", "1711", "seize"),
        "deface": ("COERCE", "171", "seize"),
        "occupy": ("COERCE", "192", "seize"),
        "ban": ("COERCE", "1722", "ban"),
        "outlaw": ("COERCE", "1722", "ban"),
        "impose": ("COERCE", "172", "restrict"),
        "censor": ("COERCE", "1721", "restrict"),
        "kidnap": ("COERCE", "181", "abduct"),
        "abduct": ("COERCE", "181", "abduct"),
        "hijack": ("COERCE", "181", "abduct"),
        # ASSAULT (18, 19, 20)
        "attack": ("ASSAULT", "190"),
        "fight": ("ASSAULT", "190"),
        "clash": ("ASSAULT", "190"),
        "invade": ("ASSAULT", "190"),
        "raid": ("ASSAULT", "190"),
        "storm": ("ASSAULT", "190"),
        "ambush": ("ASSAULT", "190"),
        "shell": ("ASSAULT", "194", "heavy-weapons"),
        "bombard": ("ASSAULT", "194", "heavy-weapons"),
        "bomb": ("ASSAULT", "183", "explosives"),
        "explode": ("ASSAULT", "183", "explosives"),
        "detonate": ("ASSAULT", "183", "explosives"),
        "shoot": ("ASSAULT", "193", "firearms"),
        "fire": ("ASSAULT", "190"),
        "kill": ("ASSAULT", "1823"),
        "murder": ("ASSAULT", "1823"),
        "wound": ("ASSAULT", "190"),
        "injure": ("ASSAULT", "190"),
        "beat": ("ASSAULT", "182", "beat"),
        "torture": ("ASSAULT", "1822", "torture"),
        "abuse": ("ASSAULT", "182", "beat"),
        "assassinate": ("ASSAULT", "186", "assassinate"),
        "execute": ("ASSAULT", "1823"),
        "behead": ("ASSAULT", "1823"),
        "massacre": ("ASSAULT", "202", "massacre"),
        "destroy": ("ASSAULT", "1712", "seize"),
        "burn": ("ASSAULT", "1712", "seize"),
    }
)

# Verb + particle (or verb + fixed object) → entry; matched before the single verb.
PHRASAL_VERBS: dict[tuple[str, str], LexiconEntry] = {
    ("turn", "down"): LexiconEntry("REJECT", "120"),
    ("rule", "out"): LexiconEntry("REJECT", "120"),
    ("call", "for"): LexiconEntry("REQUEST", "100"),
    ("call", "on"): LexiconEntry("REQUEST", "100"),
    ("call", "upon"): LexiconEntry("REQUEST", "100"),
    ("ask", "for"): LexiconEntry("REQUEST", "100"),
    ("appeal", "for"): LexiconEntry("REQUEST", "100"),
    ("press", "for"): LexiconEntry("REQUEST", "100"),
    ("hand", "over"): LexiconEntry("CONCEDE", "080"),
    ("give", "up"): LexiconEntry("CONCEDE", "080"),
    ("step", "down"): LexiconEntry("RETREAT", "080"),
    ("pull", "out"): LexiconEntry("RETREAT", "0872", "withdraw"),
    ("pull", "back"): LexiconEntry("RETREAT", "0872", "withdraw"),
    ("call", "off"): LexiconEntry("CONCEDE", "080"),
    ("break", "off"): LexiconEntry("SANCTION", "161", "withdraw"),
    ("cut", "off"): LexiconEntry("SANCTION", "160"),
    ("beat", "up"): LexiconEntry("ASSAULT", "182", "beat"),
    ("blow", "up"): LexiconEntry("ASSAULT", "183", "explosives"),
    ("set", "fire"): LexiconEntry("COERCE", "171", "seize"),
    ("open", "fire"): LexiconEntry("ASSAULT", "190"),
    ("crack", "down"): LexiconEntry("COERCE", "175"),
    ("take", "control"): LexiconEntry("COERCE", "192", "seize"),
    ("gain", "control"): LexiconEntry("COERCE", "192", "seize"),
    ("seize", "power"): LexiconEntry("COERCE", "192", "seize"),
    ("stop", "work"): LexiconEntry("PROTEST", "143", "boycott"),
    ("shun", "work"): LexiconEntry("PROTEST", "143", "boycott"),
    ("sit", "down"): LexiconEntry("CONSULT", "040"),
    ("give", "sanctuary"): LexiconEntry("AID", "075", "asylum"),
    ("give", "safety"): LexiconEntry("AID", "075", "asylum"),
    ("give", "welcome"): LexiconEntry("CONSULT", "043", "visit"),
    ("give", "refuge"): LexiconEntry("AID", "075", "asylum"),
    ("grant", "asylum"): LexiconEntry("AID", "075", "asylum"),
    ("seek", "refuge"): LexiconEntry("REQUEST", "1034", "assist"),
    ("seek", "asylum"): LexiconEntry("REQUEST", "1034", "assist"),
    ("lift", "blockade"): LexiconEntry("RETREAT", "0872", "withdraw"),
    ("lift", "sanction"): LexiconEntry("RETREAT", "085", "ease"),
    ("lift", "embargo"): LexiconEntry("RETREAT", "085", "ease"),
    ("reach", "agreement"): LexiconEntry("AGREE", "030"),
    ("reach", "consensus"): LexiconEntry("AGREE", "030"),
    ("reach", "deal"): LexiconEntry("AGREE", "030"),
    ("reach", "accord"): LexiconEntry("AGREE", "030"),
    ("collect", "signature"): LexiconEntry("PROTEST", "140"),
    ("throw", "stone"): LexiconEntry("PROTEST", "145", "riot"),
    ("throw", "stones"): LexiconEntry("PROTEST", "145", "riot"),
    ("impose", "sanction"): LexiconEntry("COERCE", "163", "restrict"),
    ("impose", "embargo"): LexiconEntry("COERCE", "163", "restrict"),
    ("impose", "curfew"): LexiconEntry("COERCE", "1723", "curfew"),
    ("hold", "hostage"): LexiconEntry("COERCE", "181", "abduct"),
}

# Verb + preposition (or particle, or light verb + noun) pairs that never carry an event ("talk about the weather").
NOT_EVENTS: frozenset[tuple[str, str]] = frozenset(
    {
        ("talk", "about"),
        ("talk", "of"),
        ("speak", "about"),
        ("meet", "expectation"),
        ("fight", "for"),
        ("talk", "up"),
        ("shell", "out"),
        ("blast", "out"),  # "Her campaign quickly blasted out an email": sent
        ("hold", "appeal"),  # light verb + noun: "his economic pitch … holds obvious appeal" attracts, asks nothing
        ("have", "appeal"),
    }
)

# Event nouns (lemmas) → entry. Coded when a light verb governs them ("held talks", "staged a protest"), when a
# passive light verb has them as subject ("talks were held"), or when their participants are named ("a meeting
# between X and Y", "Sunday's meeting with X").
NOUNS: dict[str, LexiconEntry] = _entries(
    {
        "agreement": ("AGREE", "030"),
        "accord": ("AGREE", "030"),
        "deal": ("AGREE", "030"),
        "consensus": ("AGREE", "030"),
        "talk": ("CONSULT", "046"),
        "talks": ("CONSULT", "046"),
        "negotiation": ("CONSULT", "046"),
        "meeting": ("CONSULT", "040"),
        "encounter": ("CONSULT", "040"),
        "summit": ("CONSULT", "040"),
        "consultation": ("CONSULT", "040"),
        "dialogue": ("CONSULT", "046"),
        "discussion": ("CONSULT", "040"),
        "visit": ("CONSULT", "042", "visit"),
        "mediation": ("CONSULT", "045"),
        "welcome": ("CONSULT", "043", "visit"),
        "treaty": ("SUPPORT", "057"),
        "war game": ("COOPERATE", "062"),
        "exercise": ("MOBILIZE", "152", "troops"),
        "drill": ("MOBILIZE", "152", "troops"),
        "aid": ("AID", "070"),
        "assistance": ("AID", "070"),
        "asylum": ("AID", "075", "asylum"),
        "sanctuary": ("AID", "075", "asylum"),
        "ceasefire": ("RETREAT", "0871", "ceasefire"),
        "cease-fire": ("RETREAT", "0871", "ceasefire"),
        "truce": ("RETREAT", "0871", "ceasefire"),
        "withdrawal": ("RETREAT", "0872", "withdraw"),
        "pullout": ("RETREAT", "0872", "withdraw"),
        "pull out": ("RETREAT", "0872", "withdraw"),
        "retreat": ("RETREAT", "0874", "withdraw"),
        "appeal": ("REQUEST", "100"),
        "investigation": ("ACCUSE", "090", "investigate"),
        "inquiry": ("ACCUSE", "090", "investigate"),
        "probe": ("ACCUSE", "090", "investigate"),
        "hearing": ("ACCUSE", "090", "investigate"),
        "lawsuit": ("ACCUSE", "115", "allege"),
        "protest": ("PROTEST", "140"),
        "demonstration": ("PROTEST", "141", "demo"),
        "rally": ("PROTEST", "141", "demo"),
        "march": ("PROTEST", "141", "demo"),
        "strike": ("PROTEST", "143", "boycott"),
        "hunger strike": ("PROTEST", "142", "hunger"),
        "boycott": ("PROTEST", "143", "boycott"),
        "riot": ("PROTEST", "145", "riot"),
        "sit-in": ("PROTEST", "141", "demo"),
        "blockade": ("COERCE", "191", "restrict"),
        "curfew": ("COERCE", "1723", "curfew"),
        "sanction": ("COERCE", "163", "restrict"),
        "embargo": ("COERCE", "163", "restrict"),
        "crackdown": ("COERCE", "175"),
        "arrest": ("COERCE", "173", "arrest"),
        "attack": ("ASSAULT", "190"),
        "offensive": ("ASSAULT", "190"),
        "assault": ("ASSAULT", "190"),
        "raid": ("ASSAULT", "190"),
        "airstrike": ("ASSAULT", "195"),
        "air strike": ("ASSAULT", "195"),
        "bombing": ("ASSAULT", "183", "explosives"),
        "invasion": ("ASSAULT", "190"),
        "fighting": ("ASSAULT", "190"),
        "clash": ("ASSAULT", "190"),
        "gunbattle": ("ASSAULT", "193", "firearms"),
        "ethnic cleansing": ("ASSAULT", "203", "cleansing"),
        "assassination": ("ASSAULT", "186", "assassinate"),
    }
)

# Verbs that only carry the event of their object noun ("hold talks", "stage a protest", "engage in fighting").
LIGHT_VERBS: frozenset[str] = frozenset(
    {
        "hold", "have", "conduct", "stage", "launch", "begin", "start", "carry", "mount", "make", "organize",
        "organise", "engage", "embark", "open", "resume", "continue", "join", "attend", "take", "pay", "reach",
        "sign", "conclude", "announce", "declare", "complete", "speed", "initiate", "wage", "unleash",
        "undertake", "lead", "host", "convene", "give", "grant", "impose", "extend", "tighten", "enter", "set",
    }
)  # fmt: skip

# Governing words that wrap an embedded event (xcomp / ccomp / prep complement), and what they make of it.
INTENT_WORDS: frozenset[str] = frozenset(
    {
        "agree", "offer", "promise", "pledge", "vow", "plan", "intend", "want", "hope", "prepare", "ready",
        "willing", "prepared", "decide", "aim", "expect", "propose", "readiness", "willingness", "intention",
        "seek", "try", "attempt", "wish", "consider", "commit", "determined", "eager", "keen", "set",
        "swear", "resolve", "undertake", "anticipate", "likely", "poised", "due", "going", "about",
    }
)  # fmt: skip
REQUEST_WORDS: frozenset[str] = frozenset(
    {"urge", "ask", "call", "demand", "request", "appeal", "press", "invite", "implore", "beg", "encourage", "need"}
)
REFUSAL_WORDS: frozenset[str] = frozenset(
    {"refuse", "decline", "fail", "reluctant", "unwilling", "reluctance", "reject", "oppose", "resist"}
)
THREAT_WORDS: frozenset[str] = frozenset({"threaten", "warn", "ultimatum"})
PERMISSION_WORDS: frozenset[str] = frozenset({"allow", "permit", "let"})
DENIAL_WORDS: frozenset[str] = frozenset({"deny", "dismiss", "refute", "rebut"})
ASPECT_WORDS: frozenset[str] = frozenset({"continue", "begin", "start", "resume", "keep", "stop", "cease", "finish"})

# Reporting verbs: their subject is who reports; the event is in their clausal complement.
REPORTING_VERBS: frozenset[str] = frozenset(
    {
        "say", "tell", "report", "announce", "state", "claim", "add", "note", "confirm", "write", "quote",
        "declare", "insist", "stress", "emphasize", "emphasise", "explain", "reveal", "disclose", "suggest",
        "indicate", "argue", "believe", "think", "mention", "point", "acknowledge", "admit", "assert", "maintain",
        "caution", "predict", "conclude", "testify", "reiterate", "recall", "inform", "learn", "hear", "show",
        "deny", "know", "understand", "doubt", "fear", "worry", "feel", "expect", "hope", "brief", "describe",
    }
)  # fmt: skip

# Categories whose planned or announced form PLOVER codes as AGREE (cooperative) or THREATEN (conflictual).
COOPERATIVE: frozenset[str] = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST"}
)
CONFLICTUAL: frozenset[str] = frozenset(
    {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
)

# Objects that make a verb's sense more specific: (verb, object lemma) → entry, checked before VERBS.
OBJECT_SENSES: dict[tuple[str, str], LexiconEntry] = {
    ("lift", "curfew"): LexiconEntry("CONCEDE", "0813"),
    ("lift", "emergency"): LexiconEntry("CONCEDE", "0814"),
    ("lift", "ban"): LexiconEntry("CONCEDE", "0812"),
    ("open", "border"): LexiconEntry("RETREAT", "086", "access"),
    ("go", "strike"): LexiconEntry("PROTEST", "143", "boycott"),  # "went on strike over pay"
    ("withdraw", "inspector"): LexiconEntry("SANCTION", "1662", "expel"),
    ("withdraw", "ambassador"): LexiconEntry("SANCTION", "161", "withdraw"),
    ("halt", "aid"): LexiconEntry("SANCTION", "162", "discontinue"),
    ("suspend", "aid"): LexiconEntry("SANCTION", "162", "discontinue"),
    ("cut", "aid"): LexiconEntry("SANCTION", "162", "discontinue"),
    ("cut", "tie"): LexiconEntry("SANCTION", "161", "withdraw"),
    ("break", "relation"): LexiconEntry("SANCTION", "161", "withdraw"),
    ("halt", "negotiation"): LexiconEntry("SANCTION", "164", "withdraw"),
    ("halt", "mediation"): LexiconEntry("SANCTION", "165", "withdraw"),
    ("stop", "negotiation"): LexiconEntry("SANCTION", "164", "withdraw"),
    ("send", "troop"): LexiconEntry("MOBILIZE", "154", "troops"),
    ("send", "force"): LexiconEntry("MOBILIZE", "154", "troops"),
    ("pull", "troop"): LexiconEntry("MOBILIZE", "154", "troops"),
    ("move", "troop"): LexiconEntry("MOBILIZE", "154", "troops"),
    ("move", "force"): LexiconEntry("MOBILIZE", "154", "troops"),
    ("bring", "troop"): LexiconEntry("MOBILIZE", "154", "troops"),
    ("mobilize", "support"): LexiconEntry("SUPPORT", "053"),
    ("mobilise", "support"): LexiconEntry("SUPPORT", "053"),
    ("send", "arm"): LexiconEntry("AID", "072"),
    ("send", "weapon"): LexiconEntry("AID", "072"),
    ("give", "aid"): LexiconEntry("AID", "070"),
    ("return", "weapon"): LexiconEntry("RETREAT", "0842", "return"),
    ("extend", "curfew"): LexiconEntry("COERCE", "1723", "curfew"),
    ("tighten", "blockade"): LexiconEntry("COERCE", "191", "restrict"),
    ("impose", "restriction"): LexiconEntry("COERCE", "172", "restrict"),
    ("impose", "law"): LexiconEntry("COERCE", "1724", "martial-law"),
    ("impose", "ban"): LexiconEntry("COERCE", "1722", "ban"),
    ("hold", "shield"): LexiconEntry("COERCE", "181", "abduct"),
    ("deliver", "blow"): LexiconEntry("ASSAULT", "190"),
    ("launch", "offensive"): LexiconEntry("ASSAULT", "190"),
    ("protest", "violation"): LexiconEntry("PROTEST", "140"),
    ("support", "resolution"): LexiconEntry("SUPPORT", "051"),
    ("sign", "treaty"): LexiconEntry("SUPPORT", "057"),
    ("sign", "agreement"): LexiconEntry("SUPPORT", "057"),
    ("restore", "tie"): LexiconEntry("SUPPORT", "054"),
    ("restore", "relation"): LexiconEntry("SUPPORT", "054"),
    ("establish", "relation"): LexiconEntry("SUPPORT", "054"),
}

# Nouns that name a proposal, request or demand: as the object of a verb, they are not the target; their maker is.
PROPOSAL_NOUNS: frozenset[str] = frozenset(
    {
        "offer", "proposal", "request", "demand", "call", "plan", "ultimatum", "invitation", "appeal", "initiative",
        "suggestion", "bid", "overture", "plea", "resolution", "statement", "formula", "proposition", "effort",
        "right", "decision", "policy", "mediation", "idea",
    }
)  # fmt: skip

# Nouns that name actors (used to find actor noun phrases without an entity recogniser).
ACTOR_NOUNS: frozenset[str] = frozenset(
    {
        "government", "army", "police", "force", "troop", "soldier", "rebel", "militant", "insurgent", "official",
        "minister", "president", "leader", "party", "group", "movement", "militia", "fighter", "authority",
        "delegation", "parliament", "court", "council", "union", "student", "worker", "protester", "demonstrator",
        "settler", "resident", "villager", "refugee", "civilian", "diplomat", "envoy", "ambassador", "spokesman",
        "opposition", "regime", "administration", "ministry", "agency", "organization", "organisation", "side",
        "coalition", "alliance", "front", "commander", "general", "king", "prince", "emir", "chief", "member",
        "representative", "delegate", "people", "hacker", "activist", "prisoner", "detainee", "immigrant", "youth",
        "inhabitant", "landowner", "supporter", "guerrilla", "terrorist", "bomber", "gunman", "helicopter", "tank",
        "aircraft", "warship", "bulldozer", "agent", "secretary", "chairman", "premier", "mayor", "governor",
        "nation", "country", "community", "senate", "congress", "cabinet", "navy", "resistance",
        # people by office or role whom no person-noun ending finds ("Attorneys for Clinton appeared to oppose …")
        "attorney", "judge", "sheriff", "candidate", "deputy", "aide", "counsel", "bishop", "imam", "cleric",
        "monarch", "queen", "citizen", "executive", "ceo", "staff", "suspect", "victim",
    }
)  # fmt: skip
