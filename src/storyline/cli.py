"""The ``storyline`` command: each command parses its arguments and calls one library function."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline import __version__, corpus
from storyline.document import Reject
from storyline.errors import StorylineError
from storyline.export import write_export
from storyline.pipeline import DEFAULT_STAGES
from storyline.settings import SETTINGS, Options
from storyline.store import open_store

app = typer.Typer(
    help="Storyline: turn a stream of news into sourced, trustworthy event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
eval_app = typer.Typer(
    help="Score a stage against its benchmark and write its predictions.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DbOption = Annotated[
    str,
    typer.Option(
        "--db", help="SQLite file or database URL (postgresql+psycopg://user@host/db).", envvar="STORYLINE_DB"
    ),
]
DEFAULT_DB = Options().db


def _fail(error: StorylineError) -> typer.Exit:
    err.print(f"[red]error[/red] {error}")
    return typer.Exit(2)


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"storyline {__version__}")
        raise typer.Exit()


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to ingest; '-' reads one input from stdin.")],
    db: DbOption = DEFAULT_DB,
    strict: Annotated[bool, typer.Option("--strict", help="Exit non-zero if any input is rejected.")] = False,
    batch_size: Annotated[int | None, typer.Option("--batch-size", help="Documents per stage batch.")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar.")] = True,
    stages: Annotated[
        str, typer.Option("--stages", help="Comma-separated stages to run, in order (default: all of them).")
    ] = ",".join(DEFAULT_STAGES),
) -> None:
    """Read articles (txt, html, json/jsonl, RSS/Atom, WARC), run the stages and store the articles."""
    try:
        options = Options().with_(db=db, batch_size=batch_size, progress=progress)
        repo = open_store(options.db)
    except StorylineError as error:
        raise _fail(error) from error

    def show_reject(reject: Reject) -> None:
        err.print(f"[yellow]rejected[/yellow] {reject.message}", markup=True)

    bar = Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, disable=not progress
    )
    try:
        with bar:
            task = bar.add_task("ingest", total=None)
            report = corpus.ingest(
                paths,
                repo,
                options,
                stages=[name.strip() for name in stages.split(",") if name.strip()],
                stdin=sys.stdin.buffer,
                on_reject=show_reject,
                on_inputs_listed=lambda total: bar.update(task, total=total),
                on_input_done=lambda n: bar.advance(task, n),
            )
    except StorylineError as error:
        raise _fail(error) from error
    finally:
        repo.close()
    out.print(_summary_table(report))
    if report.stored == 0 or (strict and report.rejects):
        raise typer.Exit(1)


def _summary_table(report: corpus.IngestReport) -> Table:
    table = Table(title="What each stage produced")
    table.add_column("stage")
    table.add_column("in", justify="right")
    table.add_column("out", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("notes")
    table.add_row("ingest", str(report.inputs), str(report.read), "", f"{len(report.rejects)} rejected in all")
    stage_names = [key[: -len(".in")] for key in report.stage_counts if key.endswith(".in")]
    for name in stage_names:
        note = ", ".join(
            f"{key.split('.', 1)[1]}: {value}"
            for key, value in report.stage_counts.items()
            if key.startswith(f"{name}.") and not key.endswith((".in", ".out"))
        )
        seconds = f"{report.stage_seconds.get(name, 0.0):.2f}"
        counts = report.stage_counts
        table.add_row(name, str(counts[f"{name}.in"]), str(counts[f"{name}.out"]), seconds, note)
    table.add_row("store", str(report.read), str(report.added), "", f"{report.already_stored} already stored")
    return table


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    out_path: Annotated[
        Path | None, typer.Option("--out", help="File to write; stdout when omitted (not parquet).")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the knowledge base in the export contract's format."""
    if format not in ("jsonl", "csv", "parquet"):
        raise _fail(StorylineError("E020", f"unknown export format {format!r}", "use --format jsonl, csv or parquet"))
    try:
        repo = open_store(db)
        try:
            count = write_export(repo, format, out_path)  # type: ignore[arg-type]
        finally:
            repo.close()
    except StorylineError as error:
        raise _fail(error) from error
    if out_path is not None:
        err.print(f"wrote {count} records to {out_path}")


@app.command()
def stats(db: DbOption = DEFAULT_DB) -> None:
    """Count what the store holds."""
    try:
        repo = open_store(db)
        try:
            counts = repo.counts()
        finally:
            repo.close()
    except StorylineError as error:
        raise _fail(error) from error
    table = Table(title=f"Store {db}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(key, str(value))
    out.print(table)


@app.command()
def settings() -> None:
    """List every setting with its default and meaning."""
    table = Table(title="Settings")
    table.add_column("name")
    table.add_column("default")
    table.add_column("meaning")
    for setting in SETTINGS:
        table.add_row(setting.name, repr(setting.default), setting.help)
    out.print(table)


@eval_app.command("copies")
def eval_copies(
    data: Annotated[Path, typer.Option("--data", help="Folder of a labelled copy set (benchmarks/copies generator).")],
    predictions: Annotated[Path, typer.Option("--predictions", help="JSONL file to write, one line per article.")],
) -> None:
    """Find copies in a labelled set, write {id, copy_of, copy_kind, spin_score} per article, print P/R per kind."""
    from storyline.eval.copies import evaluate_copies

    try:
        score = evaluate_copies(data, predictions)
    except StorylineError as error:
        raise _fail(error) from error
    out.print_json(data=score.to_dict())


@eval_app.command("stories")
def eval_stories(
    data: Annotated[Path, typer.Option("--data", help="The ECB+ folder (topic folders of token XML).")],
    predictions: Annotated[Path, typer.Option("--predictions", help="JSON file to write: file name -> story, topic.")],
    topics: Annotated[str, typer.Option("--topics", help="Topics to feed, e.g. 1-35, 2,5,12 or dev.")] = "1-35",
) -> None:
    """Cluster ECB+ documents online, write their story and topic, print B-cubed P/R/F1 for both."""
    from storyline.eval.stories import evaluate_stories, parse_topics

    try:
        score = evaluate_stories(data, parse_topics(topics), predictions)
    except StorylineError as error:
        raise _fail(error) from error
    out.print("\n".join(score.lines()))


@eval_app.command("ner")
def eval_ner(
    data: Annotated[Path, typer.Option("--data", help="A CoNLL-2003 file (e.g. eng.testa).")],
    predictions: Annotated[Path, typer.Option("--predictions", help="CoNLL file to write, with a prediction column.")],
) -> None:
    """Tag a CoNLL-2003 file, write it back with predictions (conlleval format), print entity P/R/F1 per type."""
    from storyline.eval.ner import evaluate_ner

    try:
        score = evaluate_ner(data, predictions)
    except StorylineError as error:
        raise _fail(error) from error
    out.print(score.report())


@eval_app.command("time")
def eval_time(
    data: Annotated[Path, typer.Option("--data", help="Folder of TimeML files (e.g. the TBAQ folder).")],
    predictions: Annotated[Path, typer.Option("--predictions", help="Folder to write one TimeML file per input.")],
) -> None:
    """Tag TimeML documents (their DCT as anchor), write TIMEX3 predictions, print span and value F1."""
    from storyline.eval.time import evaluate_time

    try:
        score = evaluate_time(data, predictions)
    except StorylineError as error:
        raise _fail(error) from error
    out.print(score.report())


@eval_app.command("quotes")
def eval_quotes(
    data: Annotated[Path, typer.Option("--data", help="A PolNeAR split folder (.txt and .ann files).")],
    predictions: Annotated[Path, typer.Option("--predictions", help="JSONL file to write, one line per attribution.")],
) -> None:
    """Find attributions in PolNeAR articles, write {article, source, cue, content}, print exact-match P/R/F1."""
    from storyline.eval.quotes import evaluate_quotes

    try:
        score = evaluate_quotes(data, predictions)
    except StorylineError as error:
        raise _fail(error) from error
    out.print("\n".join(score.lines()))


@eval_app.command("events")
def eval_events(
    data: Annotated[Path, typer.Option("--data", help="PLOVER gold records (JSONL, e.g. plover_gsr_dev.jsonl).")],
    predictions: Annotated[Path, typer.Option("--predictions", help="JSONL file to write, one line per record.")],
) -> None:
    """Code each record's main event, write {id, plover, mode, source, target}, print accuracy, macro F1, actors."""
    from storyline.eval.events import evaluate_events

    try:
        score = evaluate_events(data, predictions)
    except StorylineError as error:
        raise _fail(error) from error
    out.print("\n".join(score.lines()))


@eval_app.command("petrarch")
def eval_petrarch(
    data: Annotated[
        Path, typer.Option("--data", help="PETRARCH unit-test records (PETR.UnitTest.records.flat.jsonl).")
    ],
    predictions: Annotated[
        Path | None, typer.Option("--predictions", help="JSONL file to write, one line per record.")
    ] = None,
    verbs: Annotated[
        Path | None,
        typer.Option("--verbs", help="The suite's verb dictionary (PETR.Validate.verbs.txt) to re-code triggers with."),
    ] = None,
) -> None:
    """Code the PETRARCH-2 unit-test sentences and print how many CAMEO codes match (a second events check)."""
    from storyline.eval.events import evaluate_petrarch

    if verbs is None and (data.parent / "PETR.Validate.verbs.txt").is_file():
        verbs = data.parent / "PETR.Validate.verbs.txt"
    try:
        score = evaluate_petrarch(data, predictions, verbs)
    except StorylineError as error:
        raise _fail(error) from error
    out.print("\n".join(score.lines()))


@eval_app.command("geo")
def eval_geo(
    data: Annotated[Path, typer.Option("--data", help="The LGL corpus XML (lgl.xml).")],
    predictions: Annotated[Path, typer.Option("--predictions", help="JSONL file to write, one line per toponym.")],
) -> None:
    """Find and resolve LGL toponyms, write {article, start, end, lat, lon, geonames_id}, print P/R/F1, acc@161."""
    from storyline.eval.geo import evaluate_geo

    try:
        score = evaluate_geo(data, predictions)
    except StorylineError as error:
        raise _fail(error) from error
    out.print("\n".join(score.lines()))


@eval_app.command("actors")
def eval_actors(
    data: Annotated[Path, typer.Option("--data", help="actor_resolution_expectations.jsonl (NGEC's expectations).")],
) -> None:
    """Resolve actor names to country and sector and print the share NGEC's expectations get right."""
    from storyline.eval.actors import score_actor_expectations

    try:
        score = score_actor_expectations(data)
    except StorylineError as error:
        raise _fail(error) from error
    out.print("\n".join(score.lines()))


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback unless told otherwise).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    public: Annotated[
        bool, typer.Option("--public", help="Let anyone read on a non-loopback address (writes still need the token).")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=64, help="Server processes sharing the port (one per CPU core).")
    ] = 1,
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json) and the web pages over a store; writes need STORYLINE_API_TOKEN."""
    from storyline.api.serve import serve as serve_store

    try:
        options = Options().with_(db=db)
        serve_store(options.db, host=host, port=port, public_reads=public, workers=workers)
    except StorylineError as error:
        raise _fail(error) from error


if __name__ == "__main__":  # pragma: no cover
    app()
