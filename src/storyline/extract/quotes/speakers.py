"""Speaker resolution: from the source as written (``he``, ``the Afghan politician``, ``Khan``) to a named mention.

No coreference model installs offline, so these are rules over the article's named PERSON/ORG mentions (from
:func:`storyline.extract.ner.recognise`) and the parse:

1. **Named source**: the source contains a PERSON mention (``Tajikistan's president Emomali Rahmon``): that one
   (none where a plural noun heads two or more: ``the two leading Republicans, Donald J. Trump and Senator Ted
   Cruz``); else an ORG mention covering the source's head (``The New York Post reports``). A plural description
   (``the attendees``) names no single person.
2. **Full name**: a short mention (``Pedram``, ``Khan``, ``Mansour``) is expanded to the longest PERSON mention of
   the article that ends with the same word (compared case- and accent-blind, or by consonant skeleton for
   transliterations: ``Mansour`` / ``Mansoor``), the nearest preceding one first: ``Khan`` becomes ``Ismail Khan``,
   not ``Amir Khan Muttaqi``.
3. **Pronoun** (``he``, ``she``, ``they``): the speaker of the latest attribution in the last few sentences; else the
   PERSON in subject position nearest before; else the nearest PERSON before (for ``they``, never a person: the
   organisation that spoke last in those sentences, else none). ``he`` and ``she`` skip people the article shows to
   be of the other gender: an honorific (``Mr.``, ``Mrs.``), a kin word before the name (``her husband, Frank
   Fiorina``), the first ``he``/``she``/``his``/``her`` (or ``himself``/``herself``) after the person as a subject in
   the same sentence, with no other person between and not inside a clause the person reports (``Keyworth was one of
   the more trusted minds …, and he was so fired up``), or, failing those, the pronoun an earlier attribution of
   theirs was resolved from, or, where the article shows nothing, a first name given nearly always to the other sex
   (``Loretta``; :mod:`storyline.extract.first_names`). The latest speaker stands in only if the pronoun fits, and
   only if the text has not turned to someone else since (a later subject of the writer's own clauses, or the only
   person of the sentence before; see :meth:`SpeakerResolver._turned_to`); and where no one is named in the pronoun's
   own sentence, a person shown to fit comes before one whose gender the article does not show.
4. **Definite description** (``the National Congress Party leader``, ``the chairman of the Afghan National Congress
   Party``): the PERSON whose appositions and premodifiers in the article (``the leader of the National Congress
   Party Abdul Latif Pedram``, ``X, the head of Y``) share the most words with the description (role words such
   as leader/head/chief/chairman count as one); failing that, when the head noun is a role noun
   (``the Afghan politician``), as a pronoun; an organisation's description (``the party``) is the nearest
   organisation before whose name holds that noun (:mod:`storyline.extract.descriptions`).
5. Indefinite or generic sources (``a source``, ``experts``, ``an opposition figure``) stay unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.extract.descriptions import organisation_described
from storyline.extract.first_names import first_name_gender
from storyline.extract.ner import EntityMention, fold, skeleton
from storyline.extract.quotes.direct import QuotedSpan
from storyline.extract.quotes.indirect import quote_at

PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
ROLE_SYNONYMS: dict[str, str] = {
    "head": "leader",
    "chief": "leader",
    "chairman": "leader",
    "chairwoman": "leader",
    "chair": "leader",
    "chairperson": "leader",
    "boss": "leader",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
    "representative": "spokesman",
}
_ROLE_WORDS = (
    "politician leader president minister official spokesman commander ambassador diplomat senator candidate "
    "governor lawmaker analyst expert general envoy secretary director mayor congressman congresswoman nominee "
    "founder author activist man woman deputy premier chancellor king prince judge lawyer attorney professor "
    "economist adviser advisor aide campaigner businessman mogul billionaire democrat republican warlord cleric "
    "officer negotiator strategist figure member"
)
ROLE_NOUNS = frozenset(_ROLE_WORDS.split()) | frozenset(ROLE_SYNONYMS)
DESCRIPTOR_POS = frozenset({"NOUN", "PROPN", "ADJ"})
STOP_DESCRIPTORS = frozenset({"the", "a", "an", "of", "mr", "mrs", "ms", "dr"})
RECENT_SENTENCES = 4
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CONTEXT_TOKENS = 10
# Words before a name that show the person's gender: an honorific, or a kin word ("her husband, Frank Fiorina").
_MALE_WORDS = frozenset({"mr", "husband", "son", "father", "brother", "grandfather", "uncle", "nephew", "boyfriend"})
_FEMALE_WORDS = frozenset(
    {"mrs", "ms", "miss", "wife", "daughter", "mother", "sister", "grandmother", "aunt", "niece", "girlfriend", "widow"}
)


def _reported(token: Token, verb: Token) -> bool:
    """Whether ``token`` lies in a clause reported by ``verb`` or below it ("Wakefield told The Huffington Post that
    she was a regular": she is someone else), where a pronoun need not stand for the subject."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("ccomp", "parataxis"):
            return True
        token = token.head
    return False


@dataclass(frozen=True)
class Speaker:
    name: str
    start: int  # the named mention the source was resolved to
    end: int
    evidence: str


_GIVEN_NAME_AFTER = re.compile(r"[A-Z][a-z]+-[a-z]+")  # "Geun-hye", "Jae-in": a Korean given name after the surname


def _first_name_gender(name: str) -> str | None:
    """What a reader assumes of a full name's first name ("Loretta Lynch": f), where it is common and nearly always
    one sex's (:mod:`storyline.extract.first_names`); not of a title ("Judge", "General", "King"), a lone word, a
    word of one or two letters (surname-first "Lu Kang", "Li Keqiang") or a name written surname first with a
    hyphenated given name ("Park Geun-hye")."""
    words = name.split()
    if len(words) < 2 or len(words[0]) < 3 or any(_GIVEN_NAME_AFTER.fullmatch(word) for word in words[1:]):
        return None
    if _norm(words[0]) in ROLE_NOUNS or _norm(words[0]) in _MALE_WORDS | _FEMALE_WORDS:
        return None
    return first_name_gender(words[0])


def _norm(word: str) -> str:
    folded = fold(word)
    return ROLE_SYNONYMS.get(folded, folded)


def _words(text: str) -> list[str]:
    return [word for word in fold(text).split() if word]


class SpeakerResolver:
    """Resolves sources of one article; feed it attributions in text order (:meth:`remember`)."""

    def __init__(self, doc: Doc, entities: Sequence[EntityMention], quoted: Sequence[QuotedSpan] = ()) -> None:
        self.doc = doc
        self.quoted = quoted  # direct quotes: people named inside them are not who the text turns to
        self.people = sorted((e for e in entities if e.kind == "PERSON"), key=lambda e: e.start)
        self.orgs = sorted((e for e in entities if e.kind == "ORG"), key=lambda e: e.start)
        self.history: list[tuple[int, Speaker]] = []  # (source start, speaker) of earlier attributions
        self.sentences = list(doc.sents)
        self._descriptors = {index: self._descriptor_words(person) for index, person in enumerate(self.people)}
        self._genders: dict[str, str] | None = None
        self._speaker_names: dict[tuple[int, int], str] = {}
        self._said_as: dict[str, str] = {}  # whom an earlier "he said" / "she said" stood for -> that gender

    def _gender_of(self, name: str) -> str | None:
        """ "m" or "f" where the article shows a person's gender (:meth:`_shown_gender`), else what the first name of
        a full name suggests (:func:`_first_name_gender`), else ``None``."""
        return self._shown_gender(name) or _first_name_gender(name)

    def _shown_gender(self, name: str) -> str | None:
        """ "m" or "f" where the article itself shows a person's gender (see the module docstring), else ``None``."""
        if self._genders is None:
            votes: dict[str, list[int]] = {}
            for mention in self.people:
                gender = self._gender_evidence(mention)
                if gender is not None:
                    key = fold(self._speaker_name(mention))
                    tally = votes.setdefault(key, [0, 0])
                    tally[gender == "f"] += 1
            self._genders = {key: "m" if m > f else "f" for key, (m, f) in votes.items() if m != f}
        return self._genders.get(fold(name)) or self._said_as.get(fold(name))

    def _gender_evidence(self, mention: EntityMention) -> str | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        before = [t for t in self.doc[max(0, span.start - 3) : span.start] if not t.is_punct]
        if before and _norm(before[-1].text) in _MALE_WORDS | _FEMALE_WORDS:
            return "m" if _norm(before[-1].text) in _MALE_WORDS else "f"
        if span.root.dep_ not in SUBJECTS:
            return None
        others = {i for p in self.people if p is not mention for i in range(p.start, p.end)}
        after = max(span.end, span.root.right_edge.i + 1)  # past the person's own phrase ("X, her counterpart")
        for token in self.doc[after : span.root.sent.end]:
            if token.idx in others:
                return None  # another person first: "Fiorina met Keyworth, and he …"
            word = token.lower_
            subject = word in {"he", "she"} and token.dep_ in SUBJECTS
            owner = (word in {"his", "her"} and token.tag_ == "PRP$") or word in {"himself", "herself"}
            if (subject or owner) and not _reported(token, span.root.head):
                return "m" if word in {"he", "his", "himself"} else "f"
        return None

    def remember(self, position: int, speaker: Speaker | None) -> None:
        if speaker is not None:
            self.history.append((position, speaker))

    # -- full names -------------------------------------------------------------------------------------------
    def full_name(self, mention: EntityMention) -> EntityMention:
        """The longest PERSON mention ending with the same word, nearest preceding first."""
        words = _words(mention.text)
        if not words:
            return mention
        last = words[-1]
        best = mention
        best_key = (len(words), 0)
        for other in self.people:
            other_words = _words(other.text)
            if len(other_words) <= len(words) or not other_words:
                continue
            same = other_words[-1] == last or (len(last) > 3 and skeleton(other_words[-1]) == skeleton(last))
            if not same:
                continue
            distance = mention.start - other.start if other.start <= mention.start else 10**6 + other.start
            key = (len(other_words), -distance)
            if key > best_key:
                best, best_key = other, key
        return best

    def _speaker_name(self, mention: EntityMention) -> str:
        """The name a speaker resolved to ``mention`` is given: its full name with trailing names (once per mention)."""
        span = (mention.start, mention.end)
        if span not in self._speaker_names:
            self._speaker_names[span] = self._with_trailing_names(self.full_name(mention))
        return self._speaker_names[span]

    def _named(self, mention: EntityMention, evidence: str) -> Speaker:
        name = self._speaker_name(mention)
        if name != mention.text:
            evidence += f" -> full name {name!r}"
        return Speaker(name, mention.start, mention.end, evidence)

    def _with_trailing_names(self, mention: EntityMention) -> str:
        """The mention's text plus up to two capitalised proper nouns right after it that the recogniser left out
        (``Mohammad Zahir`` + ``Aghbar``)."""
        doc = self.doc
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return mention.text
        end = span.end
        while end < len(doc) and end - span.end < 2 and doc[end - 1].whitespace_:
            token = doc[end]
            if token.pos_ != "PROPN" or not token.text[:1].isupper() or not token.is_alpha:
                break
            end += 1
        if end == span.end:
            return mention.text
        last = doc[end - 1]
        return mention.text + doc.text[mention.end : last.idx + len(last)]

    # -- descriptors ------------------------------------------------------------------------------------------
    def _descriptor_words(self, person: EntityMention) -> set[str]:
        """Nouns/adjectives around a PERSON mention: premodifiers (``NRF leader X``) and appositions (``X, the …``)."""
        doc = self.doc
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return set()
        words: set[str] = set()
        sentence = span.sent
        index = span.start - 1
        while index >= sentence.start and span.start - index <= CONTEXT_TOKENS:
            token = doc[index]
            if token.pos_ in ("VERB", "AUX") or token.lower_ in (",", ";", ":", "—", "–"):
                break
            if token.pos_ in DESCRIPTOR_POS:
                words.add(_norm(token.text))
            index -= 1
        index = span.end
        if index < sentence.end and doc[index].text == ",":
            index += 1
            while index < sentence.end and index - span.end <= CONTEXT_TOKENS:
                token = doc[index]
                if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ":", "—", "–", "."):
                    break
                if token.pos_ in DESCRIPTOR_POS:
                    words.add(_norm(token.text))
                index += 1
        return words - STOP_DESCRIPTORS - set(_words(person.text))

    def _descriptor_match(self, source: Span) -> tuple[EntityMention, set[str]] | None:
        wanted = {_norm(t.text) for t in source if t.pos_ in DESCRIPTOR_POS} - STOP_DESCRIPTORS
        head = _norm(source.root.text)
        best: tuple[int, int, int] | None = None
        choice: tuple[EntityMention, set[str]] | None = None
        for index, person in enumerate(self.people):
            if person.start >= source.start_char:
                break
            shared = wanted & self._descriptors[index]
            if not shared:
                continue
            weight = len(shared) + (1 if head in shared else 0)
            key = (weight, person.start, index)
            if weight >= 2 and (best is None or key > best):
                best, choice = key, (person, shared)
        return choice

    # -- salience ---------------------------------------------------------------------------------------------
    def _recent(self, source: Span, want_person: bool, gender: str | None = None) -> tuple[Speaker, str] | None:
        doc = self.doc
        sentences = self.sentences
        current = next((i for i, s in enumerate(sentences) if s.start <= source.start < s.end), 0)
        earliest = sentences[max(0, current - RECENT_SENTENCES)].start_char
        latest = [(position, speaker) for position, speaker in self.history if earliest <= position < source.start_char]
        if not want_person:  # "they": many people, never one of them; an organisation that spoke last at most
            organisations = {(org.start, org.end) for org in self.orgs}
            spoke = [speaker for _, speaker in latest if (speaker.start, speaker.end) in organisations]
            return (spoke[-1], "organisation of the previous attribution") if spoke else None
        if latest and self._fits(latest[-1][1].name, gender):  # not an older speaker: "she said … He added" is not her
            position, speaker = latest[-1]
            turned = self._turned_to(position, source, speaker.name, gender)
            if turned is not None:
                return self._named(turned, "person the text turned to"), "person the text turned to"
            return speaker, "speaker of the previous attribution"
        candidates = [
            p
            for p in self.people
            if earliest <= p.start < source.start_char and self._fits(self._speaker_name(p), gender)
        ]
        if not candidates:
            return None
        shown = [c for c in candidates if gender is not None and self._gender_of(self._speaker_name(c)) is not None]
        if shown and not any(c.start >= source.sent.start_char for c in candidates):
            candidates = shown  # "He" after "Sanders … Clinton": the one shown to be a he, unless named in its sentence
        for candidate in reversed(candidates):
            span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
            if span is not None and (span.root.dep_ in SUBJECTS or span.root.head.dep_ in SUBJECTS):
                return self._named(candidate, "nearest preceding subject"), "nearest preceding subject"
        return self._named(candidates[-1], "nearest preceding name"), "nearest preceding name"

    def _turned_to(self, position: int, source: Span, speaker: str, gender: str | None) -> EntityMention | None:
        """The person the text turned to after the previous attribution (at ``position``), who a pronoun stands for
        rather than that attribution's speaker: the last one before the pronoun, in a later sentence than that
        attribution, outside quotes and reported clauses, who fits the pronoun (is shown to, where the speaker is;
        not a word of a compound: "the Clinton phone bank") and is the owner of the subject of the pronoun's sentence
        ("Trump's beef with Fox News was aimed at Megyn Kelly, who he claims …"), the subject of a finite clause
        ("Rep. Devin Nunes … didn't second-guess Comey's recommendation, but he did call for …"; in the pronoun's own
        sentence only of its main clause or of a clause hanging on the pronoun's verb: "Lynch still has the final say
        on whether Clinton faces prosecution, and though she has said …" is Lynch), or the only person of the
        sentence before the pronoun's, a sentence whose subject is no one ("Just look at House Speaker Paul D. Ryan.
        He's said …")."""
        doc = self.doc
        attributed = doc.char_span(position, position + 1, alignment_mode="expand")
        if attributed is None:
            return None
        first_sentence = attributed.sent.end  # token index: people of the attribution's own sentence do not count
        previous = next((s for s in reversed(self.sentences) if s.end <= source.sent.start), None)
        shown = gender is not None and self._shown_gender(speaker) == gender
        turned = None
        for person in self.people:
            if not (position < person.start < source.start_char) or quote_at(self.quoted, person.start) is not None:
                continue
            span = doc.char_span(person.start, person.end, alignment_mode="expand")
            if span is None or span.start < first_sentence or _reported(span.root, span.root.sent.root):
                continue
            name = self._speaker_name(person)
            if fold(name) == fold(speaker) or not self._fits(name, gender) or span.root.dep_ == "compound":
                continue
            if shown and self._gender_of(name) is None:
                continue  # the speaker is shown to be a he (she); this one might be anyone
            if (
                self._finite_subject(span.root, source)
                or self._owns_the_subject(span.root, source)
                or (span.sent == previous and self._sole_person(person))
            ):
                turned = person
        return turned

    @staticmethod
    def _finite_subject(token: Token, source: Span) -> bool:
        """``token`` is the subject of a finite clause; in the pronoun's (``source``'s) sentence, of its main clause
        or of a clause hanging on the pronoun's verb."""
        verb = token.head
        if token.dep_ not in SUBJECTS or not (
            "Fin" in verb.morph.get("VerbForm", [])
            or any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children)
        ):
            return False
        if verb.sent != source.sent:
            return True
        main = verb.sent.root
        return verb == main or (verb.dep_ == "conj" and verb.head == main) or verb.head == source.root.head

    @staticmethod
    def _owns_the_subject(token: Token, source: Span) -> bool:
        """``token`` owns the subject of the pronoun's sentence ("Sanders's role is under discussion, but he has
        said …")."""
        owned = token.head
        return (
            token.dep_ == "poss"
            and owned.dep_ in SUBJECTS
            and owned.head == source.sent.root
            and token.sent == source.sent
            and token.i < source.start
        )

    def _sole_person(self, person: EntityMention) -> bool:
        """``person`` is the only person named in its sentence, a sentence whose subject is no one: none, ``it``,
        ``that``, or a lower-case common noun that is no role ("That might sound strange to anyone … listening to FBI
        Director James Comey's statement")."""
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return False
        sentence = span.sent
        inside = [(p.start, p.end) for p in self.people if sentence.start_char <= p.start < sentence.end_char]
        subjects = [c for c in sentence.root.children if c.dep_ in SUBJECTS]
        nobody = all(
            s.lower_ in ("it", "this", "that", "there", "what")
            or (s.pos_ == "NOUN" and s.text[:1].islower() and _norm(s.text) not in ROLE_NOUNS)
            for s in subjects
        )
        return inside == [(person.start, person.end)] and nobody

    def _fits(self, name: str, gender: str | None) -> bool:
        """Whether a person may be the one a pronoun of ``gender`` stands for (no gender shown: any)."""
        return gender is None or self._gender_of(name) in (None, gender)

    def _heads(self, mention: EntityMention, source: Span, modifiers: bool = False) -> bool:
        """The mention is the source's head or in apposition to it, not a possessor or an object inside it
        (``Massoud's troops``, ``the son of Massoud``), nor, unless ``modifiers``, a name modifying a common noun
        (``Trump campaign chairman Paul Manafort``; ``Joseph R. Biden Jr.`` is one name)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        while token.i != source.root.i:
            modifier = token.dep_ == "compound" and token.head.pos_ != "PROPN" and not modifiers
            if token.dep_ in ("poss", "pobj", "nmod") or modifier:
                return False
            if not source.start <= token.head.i < source.end or token.head == token:
                return token.i == source.root.i
            token = token.head
        return True

    # -- main -------------------------------------------------------------------------------------------------
    def resolve(self, start: int, end: int) -> Speaker | None:
        """The speaker behind the source ``text[start:end]``, or ``None``."""
        source = self.doc.char_span(start, end, alignment_mode="expand")
        if source is None or len(source) == 0:
            return None
        within = [p for p in self.people if start <= p.start and p.end <= end]
        inside = [p for p in within if self._heads(p, source)] or [
            p
            for p in within
            if self._heads(p, source, modifiers=True)  # "the Obama administration": Obama
        ]
        if len(inside) > 1 and source.root.tag_ in ("NNS", "NNPS"):
            return None  # "the two leading Republicans, Donald J. Trump and Senator Ted Cruz": a group, not the first
        if inside:
            return self._named(inside[0], f"named in the source: {inside[0].text!r}")
        if _norm(source.root.text) in ROLE_NOUNS:
            # "the leader of the party X" parsed with X as the object of "of": a role noun names its holder
            for person in self.people:
                span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
                if start <= person.start and person.end <= end and span is not None and span.root.dep_ != "poss":
                    return self._named(person, f"named after the role {source.root.text!r}: {person.text!r}")
        head = source.root
        for org in self.orgs:
            if start <= org.start and org.end <= end and org.start <= head.idx < org.end:
                return Speaker(org.text, org.start, org.end, f"named organisation in the source: {org.text!r}")
        lower = head.lower_
        if len(source) == 1 and lower in PRONOUNS:
            gender = "m" if lower in {"he", "him"} else "f" if lower in {"she", "her"} else None
            recent = self._recent(source, want_person=lower in PERSON_PRONOUNS, gender=gender)
            if recent is None:
                return None
            speaker, how = recent
            if gender is not None:  # the text's own evidence, where there is any, still comes first
                self._said_as.setdefault(fold(speaker.name), gender)
            return Speaker(speaker.name, speaker.start, speaker.end, f"pronoun {source.text!r} -> {how}")
        first = source[0].lower_
        definite = first in ("the", "this", "that") or source[0].tag_ == "PRP$" or source[0].dep_ == "poss"
        if not definite or head.pos_ not in ("NOUN", "PROPN"):
            return None
        group = head.tag_ == "NNS"  # "the attendees", "the leaders", "the media": many people, not one of them
        match = None if group else self._descriptor_match(source)
        if match is not None:
            person, shared = match
            speaker = self._named(person, f"described as {', '.join(sorted(shared))}")
            return Speaker(
                speaker.name, speaker.start, speaker.end, f"description {source.text!r} -> {speaker.evidence}"
            )
        if not group and (_norm(head.text) in ROLE_NOUNS or fold(head.text) in ROLE_NOUNS):
            recent = self._recent(source, want_person=True)
            if recent is not None:
                speaker, how = recent
                return Speaker(speaker.name, speaker.start, speaker.end, f"role noun {source.text!r} -> {how}")
        described = organisation_described(self.doc.text, start, end, self.orgs)
        if described is None:
            return None
        how = f"the nearest organisation before with that word: {described.text!r}"
        return Speaker(described.text, described.start, described.end, f"description {source.text!r} -> {how}")
