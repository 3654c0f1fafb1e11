"""The ``parse`` stage: spaCy's dependency parse of each English article, for the stages that read it.

The parse is not stored (``Document`` stays free of model objects): it is kept for the current batch only, in
``ctx.state``, where :func:`storyline.extract.common.batch_parses` hands it to ``quotes`` and ``events``. Making
it a stage of its own puts its cost, the largest of the pipeline, in its own line of the run's timings, and lets
the pipeline check that it comes before the stages that need it. Its ``prefetch`` starts the parse in the model
worker (:mod:`storyline.worker`) as soon as the text is clean.
"""

from __future__ import annotations

from storyline.document import Document
from storyline.extract.common import batch_parses, prefetch_parses
from storyline.pipeline import Context, Stage


def run(docs: list[Document], ctx: Context) -> list[Document]:
    """Parse the batch's English documents (once; later stages of the batch reuse it)."""
    batch_parses(docs, ctx)
    return docs


STAGE = Stage(name="parse", requires=("text", "language"), assigns=("parse",), run=run, prefetch=prefetch_parses)
