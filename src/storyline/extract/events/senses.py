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
  a sentence about a poll is an opinion ("male troops backed Trump, 57 percent to 22"), and so is any act that a
  share of people counted by a poll supports or wants ("About two-thirds of Republican primary voters support
  temporarily banning …", "4 in 10 Republican voters want all immigrants … to be deported");
* money, votes and jobs: ``receive`` a sum or a count ("will receive at least 42") is no visit, ``award``
  delegates no honour, ``charge`` a price ("charging tuition") no accusation, ``fund`` a plan no aid, and a
  passive ``fire`` with no weapon and nothing aimed at ("was fired as head coach") is a dismissal;
* ``explode`` is a bombing when a bomb or what carries one explodes (not "deaths … are exploding", "make it
  explode"), ``burn`` when a building, a vehicle or people burn (not "burning through $17.5 million", "burn up
  their phone lines"), ``kill`` when a life ends (not "killed the bill", "killing journalism"), ``shoot`` not when
  fireworks or prices shoot; "begs the question" asks nothing, and "welcomed a baby girl" supports no one;
* in election news (three or more campaign words in the document) a person attacking a person, with no sign of
  violence in the sentence, does it in words ("As Trump attacked Clinton, the attendees chanted", "his recent
  attacks on Trump"): an accusation.

:func:`event_sense` says, for a verb trigger, which entry its sense carries here, or ``None`` for no event.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from storyline.extract.events.lexicon import ACTOR_NOUNS, PROPOSAL_NOUNS, LexiconEntry
from storyline.extract.events.sense_words import (
    ACCEPTED_THINGS,
    ACTOR_OBJECT_VERBS,
    AGREEMENT_NOUNS,
    AID_THINGS,
    AID_VERBS,
    ASKED_FOR,
    ASKED_OF_THE_PRESS,
    ATTACKED_THINGS,
    BATTLES,
    BURNED_THINGS,
    CAMPAIGN_WORDS,
    CAMPAIGNS,
    CAPTIVE_NOUNS,
    CONTEST_WORDS,
    DAYS,
    DEPLOYED_FORCES,
    EXPLOSIVES,
    FAMILY,
    FIRED_WEAPONS,
    FORCE_NOUNS,
    FUNDED_PLANS,
    HABITUAL_ADVERBS,
    HOSTED_SHOWS,
    INVITED_TROUBLE,
    KILLED_PLANS,
    LIFTED_RESTRICTIONS,
    MET_GOALS,
    MET_THINGS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NAMING_VERBS,
    NEWBORNS,
    NOT_ATTACKERS,
    NOT_HONOURS,
    NOT_SHOOTERS,
    OFFERED_THINGS,
    OFFICES,
    OPENED_ROUTES,
    OPINION_VERBS,
    PERSON_SUFFIXES,
    PERSONAL_PRONOUNS,
    PHYSICAL_TARGETS,
    POLL_SHARES,
    POLL_WORDS,
    POLLED_PEOPLE,
    RELEASED_PROPERTY,
    SAYING_VERBS,
    SPOKEN_NOUNS,
    STANCE_VERBS,
    STATE_LEMMAS,
    TERRITORY_NOUNS,
    THINGS_LIKE_PERSONS,
    VIOLENCE_WORDS,
    WORD_MEDIA,
    YIELDED_THINGS,
)

_AGREEMENT_STRUCK = LexiconEntry("SUPPORT", "057")
_STRIKE_ATTACK = LexiconEntry("ASSAULT", "190")
VERBAL_ATTACK = LexiconEntry("ACCUSE", "111")
_CAMPAIGN_KEY = "storyline.events.campaign_news"


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


_RULED_VERBS = ACTOR_OBJECT_VERBS | AID_VERBS | {
    "destroy", "occupy", "return", "help", "discuss", "beat", "demonstrate", "fight", "sign", "open", "offer",
    "meet", "ask", "attack", "accept", "agree", "appeal", "yield", "concede", "rally", "host", "undertake", "commit",
    "oppose", "shoot", "fire", "seize", "suspend", "strike", "lift", "warn", "support", "back", "favor", "favour",
    "prefer", "endorse", "approve", "reject", "seek", "train", "allow", "permit", "award", "explode", "burn",
    "kill", "charge", "beg", "welcome", "fund", "finance", "deploy", "thank", "honor", "threaten", "invite",
}  # fmt: skip


def event_sense(
    base: str, verb: Token, entry: LexiconEntry, subject_of: Callable[[Token], Token | None]
) -> LexiconEntry | None:
    """The entry this use of a lexicon verb carries, or ``None`` where the verb is used in a sense that is no event
    (``subject_of``: the one who acts in a verb's clause, from the event patterns)."""
    if _opinion_of_a_share(verb, subject_of):
        return None  # "About two-thirds of Republican primary voters support temporarily banning …": a poll
    if base in STANCE_VERBS | {"agree"} and _a_standing_view(verb, base):
        return None  # "Voters consistently reject establishment Republicans", "Investors seem to agree"
    if base not in _RULED_VERBS:
        return entry
    if base in STANCE_VERBS and any(t.lower_ in POLL_WORDS for t in verb.sent):
        return None  # "Americans overwhelmingly oppose cutting off funds, a poll found"
    patients = _patients(verb)
    lemmas = {_lemma(p) for p in patients}
    people = any(_names_people(p) and not (base == "receive" and p.like_num) for p in patients)
    if base in ACTOR_OBJECT_VERBS:
        if lemmas & NOT_HONOURS or (not people and not (base in {"release", "free"} and lemmas & RELEASED_PROPERTY)):
            return None  # "will receive at least 42" (delegates), "received $26.4 million", "release those delegates"
    elif base == "award":
        if lemmas & NOT_HONOURS or any(p.like_num and not any(c.lower_ == "of" for c in p.children) for p in patients):
            return None  # "Clinton will be awarded delegates": a vote counted, no honour
    elif base == "explode":
        subject = subject_of(verb)
        causative = verb.dep_ in {"ccomp", "xcomp"} and _lemma(verb.head) in {"make", "let", "cause"}
        if causative or (
            subject is not None
            and subject.pos_ != "PRON"
            and _lemma(subject) not in EXPLOSIVES
            and not _names_people(subject)
        ):
            return None  # "deaths from Alzheimer's are exploding", "rubber bands … to make it explode"
    elif base == "burn":
        burner = [p for c in verb.children if c.dep_ == "agent" for p in c.children]  # "burned by low turnout"
        if burner and not any(_names_people(p) or person_like(p) or _lemma(p) in {"fire", "flame"} for p in burner):
            return None
        through = any(c.dep_ == "prep" and c.lower_ == "through" for c in verb.children)
        burned = [c for c in verb.children if c.dep_ == "dobj"]  # a passive subject may be people: "were burnt"
        if through or (
            burned
            and not any(_names_people(p) or p.pos_ in {"PROPN", "PRON"} for p in burned)
            and not {_lemma(p) for p in burned} & BURNED_THINGS
        ):
            return None  # "burning through $17.5 million", "burn up their email accounts and phone lines"
    elif base == "kill":
        if patients and not people and lemmas & KILLED_PLANS:
            return None  # "Senate Republicans killed the bill", "journalists are killing journalism"
    elif base == "charge":
        charged = [c for c in verb.children if c.dep_ == "dobj"]  # "was charged with murder" stays
        pressed = any(c.dep_ == "prep" and c.lower_ in {"with", "in", "over", "for"} for c in verb.children)
        if charged and not pressed and not any(_names_people(p) for p in charged):
            return None  # "when it comes to charging tuition": a price, no charge against anyone
    elif base == "beg":
        if "question" in lemmas:
            return None  # "it begs the question"
    elif base == "welcome":
        if lemmas & NEWBORNS:
            return None  # "had just welcomed a second baby girl"
    elif base == "deploy":
        if (
            patients
            and not people
            and not lemmas & (FORCE_NOUNS | PHYSICAL_TARGETS | DEPLOYED_FORCES)
            and not any(p.pos_ in {"PRON", "PROPN"} for p in patients)
        ):
            return None  # "deployed his pastor father as a surrogate", "deployed a new strategy"
        if patients and all(_lemma(p) in FAMILY for p in patients):
            return None
    elif base == "invite":
        if lemmas & (MET_THINGS | INVITED_TROUBLE):
            return None  # "a critique … inviting vicious ridicule from Gov. Chris Christie": drew, not asked
    elif base == "thank":
        if lemmas & {"god", "goodness", "heaven", "heavens"}:
            return None  # "Thank God they can fix this in post-production"
    elif base == "honor":
        if any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "he would be honored to serve": a feeling
    elif base == "threaten":
        subject = subject_of(verb)
        if subject is not None and subject.lower_ in {"it", "this", "that", "which"} and not people:
            return None  # "it threatens the extensive work that progressive economists did": a danger
    elif base in {"fund", "finance"}:
        if patients and not people and lemmas <= FUNDED_PLANS:
            return None  # "The plan would be funded by taxing all Wall Street transactions"
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
    elif base in AID_VERBS:
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
        if any(_lemma(t) in CONTEST_WORDS for child in verb.children if child.dep_ != "nsubj" for t in child.subtree):
            return None  # "would beat Trump 46 to 40 percent", not "police beat 20 protesters"
        if verb.dep_ == "relcl" and _lemma(verb.head) in CONTEST_WORDS:
            return None  # "the only candidate in the field who can beat Trump"
    elif base == "demonstrate":
        if patients or any(c.dep_ == "ccomp" for c in verb.children):
            return None  # "demonstrating that the stimulus was too small": showing, not protesting
    elif base == "fight":
        if any(c.dep_ == "xcomp" for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ == "about" for c in verb.children
        ):
            return None  # "still fighting to win over his party", "fighting about Obama"
        armed = people or lemmas & (PHYSICAL_TARGETS | TERRITORY_NOUNS | FORCE_NOUNS | BATTLES)
        if patients and not armed and not any(p.pos_ == "PROPN" for p in patients):
            return None  # "fighting addiction", "fight the virus": no combat
    elif base == "seek":
        if any(c.lower_ == "after" and c.dep_ in {"prt", "prep", "advmod"} for c in verb.children):
            return None  # "The North Dakota delegation has been heavily sought after": wanted, not asked
        if lemmas & OFFICES or not lemmas - {"that", "which", "what"} or lemmas & ASKED_OF_THE_PRESS:
            return None  # "as she seeks reelection": running for office; "the result Sanders was seeking"
    elif base == "sign":
        joined = any(c.dep_ == "prt" and c.lower_ in {"on", "up"} for c in verb.children)
        if (patients or joined) and not lemmas & AGREEMENT_NOUNS:
            return None  # "signed this bill into law", "signed on for The X-Files"
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
            and any(
                c.dep_ == "prep"
                and (c.lower_ in {"about", "against"} or (c.lower_ == "of" and not any(map(_names_people, c.children))))
                for c in verb.children
            )
        ):
            return None  # "the change the party warned about", "warned against the forces of hate", "warned of …"
    elif base == "train":
        if patients and not people and not lemmas & FORCE_NOUNS:
            return None  # "a field operation that has been trained more thoroughly": no forces
    elif base == "meet":
        met = patients + [p for prep in verb.children if prep.lower_ == "with" for p in prep.children]
        if any(_lemma(m) in MET_THINGS and not any(c.dep_ in {"det", "poss"} for c in m.children) for m in met):
            return None  # "met with opposition" (not "met the opposition")
        if any(_lemma(m) in MET_GOALS for m in met):
            return None  # "Candidates who meet that threshold", "met the deadline"
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
        if any(c.dep_ == "ccomp" and _lemma(c) in STATE_LEMMAS for c in verb.children):
            return None  # "almost everyone agrees NCLB was a flawed law": an opinion shared, not an agreement
        if _agrees_with_someone_only(verb):
            return None  # "Mr. Manafort said he agreed with Mr. Cruz": the same opinion
    elif base == "appeal":
        to = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "to" for p in prep.children]
        if to and not any(_names_people(p) for p in to) and not any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "trying to appeal to a sense of displacement": attracting, not asking
        if verb.dep_ == "xcomp" and _lemma(verb.head) in {"mean", "design", "intend", "aim", "calculate"}:
            return None  # "The new Unplugged is meant to appeal to Generation Xers and millennials alike"
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
        described = verb.tag_ == "VBN" and not patients and not any(c.lower_ == "to" for c in verb.children)
        if (passive or described) and not any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "committed to the issue", "see their own party as insufficiently committed": devoted
    elif base == "oppose":
        doc = verb.doc
        if verb.i > 0 and doc[verb.i - 1].lower_ == "as" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to":
            return None  # "as opposed to": a contrast
    elif base in {"shoot", "fire"}:
        if not patients and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return None  # "the odds … shot up": rose
        if (shooter := subject_of(verb)) is not None and _lemma(shooter) in NOT_SHOOTERS:
            return None  # "fireworks shooting over Lake Erie"
        if base == "fire" and _dismissed(verb, patients):
            return None  # "That could mean getting fired", "the coach was fired by the team": a job lost
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"with", "in"}]
        if any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in verb.children) and any(
            _lemma(p) in WORD_MEDIA for prep in preps for p in prep.children
        ):
            return VERBAL_ATTACK  # "Trump fired back with a snarky statement"; not "police shot back at the gunmen"
    elif base == "lift":
        if patients and not lemmas & LIFTED_RESTRICTIONS:
            return None  # "the plan is lifted whole cloth from a paper", "lifted the trophy"
    elif base == "seize":
        seized_on = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"} for p in c.children]
        if seized_on and not any(_lemma(p) in DAYS or p.like_num for p in seized_on):
            return None  # "was all too happy to seize on Ryan's comments": made use of
    elif base == "suspend":
        if lemmas & CAMPAIGNS:
            return None  # "Cruz, after suspending his campaign": he left the race
    elif base == "strike" and (striker := subject_of(verb)) is not None and _lemma(striker) in NOT_ATTACKERS:
        return None  # "the quake struck Qeshm island", "she was struck by a car": no attack
    elif base == "strike" and patients:
        if lemmas & AGREEMENT_NOUNS:
            return _AGREEMENT_STRUCK  # "striking deals"
        if people or lemmas & (PHYSICAL_TARGETS | TERRITORY_NOUNS) or any(p.pos_ == "PROPN" for p in patients):
            return _STRIKE_ATTACK  # "missiles struck the base"
        return None  # "struck a chord", "strike a balance": no walk-out
    elif base == "attack" and (
        attack_in_words(verb)
        or _said_of_someone(verb, patients, subject_of)
        or (bool(patients) and _between_candidates(verb, patients, subject_of(verb)))
    ):
        return VERBAL_ATTACK
    return entry


def _opinion_of_a_share(verb: Token, subject_of: Callable[[Token], Token | None]) -> bool:
    """Whether the verb is, or lies under, an opinion that a poll gives to a share of people ("About two-thirds of
    Republican primary voters support temporarily banning …", "Only about 4 in 10 Republican voters … want all
    immigrants … to be deported", "Sanders was supported by overwhelming majorities of both men and women")."""
    for token in (verb, *verb.ancestors):
        if _lemma(token) in OPINION_VERBS and (holder := subject_of(token)) is not None and _a_share(holder):
            return True
    return False


def _a_standing_view(verb: Token, base: str) -> bool:
    """A stance held over time, or an agreement that only seems: "who has long opposed the tax", "typically oppose
    taxing consumption", "Investors seem to agree" (not "Attorneys for Clinton appeared to oppose the effort,
    saying in court files …", which they did)."""
    if verb.dep_ == "xcomp" and (
        _lemma(verb.head) == "tend" or (base == "agree" and _lemma(verb.head) in {"seem", "appear"})
    ):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children)


def _a_share(token: Token) -> bool:
    """A share of people as a poll counts them: "two-thirds of voters", "57 percent", "4 in 10 Republican voters"."""
    word = _lemma(token)
    if word in POLL_SHARES:  # not "Three-quarters of the NEA's executive board voted to endorse Clinton"
        return word in {"percent", "%"} or any(
            _lemma(p) in POLLED_PEOPLE or p.lower_ == "those"
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children
        )
    return word in POLLED_PEOPLE and any(
        c.dep_ == "nummod" and any(q.lower_ == "in" for q in c.children) for c in token.children
    )


def _dismissed(verb: Token, patients: list[Token]) -> bool:
    """Whether "fire" is a dismissal: a passive ("was fired", "getting fired") whose subject is no weapon, with
    nothing fired at ("was fired upon", "shots were fired" stay attacks)."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    aimed = any(
        c.dep_ in {"prep", "prt"}
        and c.lower_ in {"at", "on", "upon", "into"}
        and not any(_a_date(p) for p in c.children)
        for c in verb.children
    )  # "fired on protesters", not "fired on Monday"
    return passive and not aimed and not any(_lemma(p) in FIRED_WEAPONS or p.lower_ in _THINGS for p in patients)


def _a_date(token: Token) -> bool:
    return _lemma(token) in DAYS or token.lower_ in MONTHS | MONTH_ABBREVIATIONS or token.like_num


_THINGS = frozenset({"it", "which", "that"})


def _between_candidates(attack: Token, patients: list[Token], attacker: Token | None) -> bool:
    """An attack in election news, with no sign of violence in its sentence, by a person on a person ("As Trump
    attacked Clinton, the attendees chanted") or on anything but a place, a building or a gathering ("When Donald
    Trump attacked a federal judge …", "criticized the president for attacking members of the court"): made in
    words."""
    if not campaign_news(attack.doc) or any(t.lower_ in VIOLENCE_WORDS for t in attack.sent):
        return False
    if attacker is not None and _may_be_a_candidate(attacker) and all(_may_be_a_candidate(p) for p in patients):
        return True
    return not any(p.pos_ == "PROPN" or _lemma(p) in ATTACKED_THINGS for p in patients)


def _may_be_a_candidate(token: Token) -> bool:
    """A personal pronoun or a proper name that is no country or province: in election news "Clinton" and "Rubio"
    are people, though towns bear their names."""
    from storyline.extract.ner import place_gazetteer

    if token.lower_ in PERSONAL_PRONOUNS | {"his", "her", "their"}:
        return True
    return token.pos_ == "PROPN" and place_gazetteer().kind(token.text) not in {"country", "province"}


def campaign_news(doc: Doc) -> bool:
    """Whether a document is election news: three or more different campaign words ("candidate", "primary", …)."""
    found = doc.user_data.get(_CAMPAIGN_KEY)
    if found is None:
        found = len({t.lower_ for t in doc if t.lower_ in CAMPAIGN_WORDS}) >= 3
        doc.user_data[_CAMPAIGN_KEY] = found
    return bool(found)


def attack_on_a_candidate(noun: Token) -> bool:
    """An attack (a noun) on a person in election news, with no sign of violence in its sentence: "sharp and
    relentless attacks on Clinton and the Democratic Party", "his recent attacks on Trump"."""
    targets = [
        p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {"on", "against"} for p in prep.children
    ]
    if not targets or not _may_be_a_candidate(targets[0]):
        return False
    return campaign_news(noun.doc) and not any(t.lower_ in VIOLENCE_WORDS for t in noun.sent)


def _said_of_someone(attack: Token, patients: list[Token], subject_of: Callable[[Token], Token | None]) -> bool:
    """An attack by an advertisement or an article ("an ad … that attacks Clinton"), or on a person while saying
    something ("Clinton attacked Trump, saying he would appoint …"; not "attacked the army base, saying it was a
    legitimate target")."""
    subject = subject_of(attack)
    if subject is not None and _lemma(subject) in WORD_MEDIA:
        return True
    if attack.dep_ == "acl" and _lemma(attack.head) in WORD_MEDIA:
        return True  # "a speech attacking the presumptive Republican presidential nominee"
    saying = any(c.dep_ == "advcl" and c.tag_ == "VBG" and _lemma(c) in SAYING_VERBS for c in attack.children)
    return saying and bool(patients) and all(_names_a_person(p) for p in patients)


def _names_a_person(token: Token) -> bool:
    """A personal pronoun, or a proper name that no gazetteer knows as a place ("Trump", not "Kabul")."""
    from storyline.extract.ner import place_gazetteer

    if token.lower_ in PERSONAL_PRONOUNS:
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
            and any(_lemma(p) in WORD_MEDIA for p in child.children)
        ):
            return True
        if child.dep_ == "advcl" and child.tag_ == "VBG" and _lemma(child) in NAMING_VERBS:
            return True
    return False


def _names_people(token: Token) -> bool:
    """Whether a patient is people: a name, a personal pronoun, an actor or captive word, a number of them."""
    word = _lemma(token)
    return (
        token.pos_ == "PROPN"
        or token.lower_ in PERSONAL_PRONOUNS
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


def person_like(token: Token | None) -> bool:
    """Whether a noun may name a person though the lexicon does not list it ("a rampant xenophobe, who has pledged
    to ...", "the kidnappers freed ..."): a word formed like a person noun, which the lexicon's actor words need not
    list, against a thing ("a visa program that allows ...", "the meeting yielded ...")."""
    if token is None:
        return False
    word = token.lower_.rstrip("s")
    if word in THINGS_LIKE_PERSONS or token.lemma_.lower() in THINGS_LIKE_PERSONS:
        return False
    return word.endswith(PERSON_SUFFIXES) and not word.endswith(("ment", "cent"))  # "an agreement that ..."
