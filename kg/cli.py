"""Command line: a thin layer over the library; user errors are one clean line.

Every usage error, kg's own (:class:`KgUsageError`) as well as click's (unknown
command or option, missing argument, bad value), is one line on stderr that
starts with ``Error:``, and the exit code is 2.

>>> from click.testing import CliRunner
>>> CliRunner().invoke(main, ["--version"]).output.startswith("kg, version")
True
>>> res = CliRunner().invoke(main, ["view", "--max-nodes"])
>>> print(res.exit_code, res.stderr, end="")
2 Error: Option '--max-nodes' requires an argument. (see 'kg view --help')
"""

from __future__ import annotations

import sys

import click

from kg.version import __version__
from kg.errors import KgError, KgUsageError
from kg.options import DEFAULT_SEGMENTER, Segmenter

# click >= 8.2 answers a bare `kg` with the help on stderr and exit 2; that stays as it is.
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


class _OneLineUsageError(click.UsageError):
    """A click usage error shown the way kg shows its own: ``Error: <message> (see 'kg CMD --help')``.

    click would print the usage line, a "Try ... --help" line, a blank line and
    then the error; here it is the error alone, on one line (exit code 2 as before).
    """

    def __init__(self, error: click.UsageError, ctx: click.Context | None = None) -> None:
        super().__init__(" ".join(error.format_message().split()), error.ctx or ctx)

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        hint = ""
        if self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None:
            help_name = max(self.ctx.command.get_help_option_names(self.ctx), key=len)
            hint = f" (see '{self.ctx.command_path} {help_name}')"
        click.echo(f"Error: {self.message}{hint}", file=file, err=True, color=self.ctx.color if self.ctx else None)


def _one_line(error: click.UsageError, ctx: click.Context) -> click.UsageError:
    if isinstance(error, (_OneLineUsageError, _NO_ARGS_IS_HELP)):
        return error
    return _OneLineUsageError(error, ctx)


class _KgCommand(click.Command):
    """A command whose parse errors are one line (and name the command, which click leaves out for some)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise _one_line(exc, ctx) from None


class _KgGroup(click.Group):
    """The `kg` group: its own and its commands' usage errors are one line."""

    command_class = _KgCommand
    group_class = type

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise _one_line(exc, ctx) from None

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - whatever the command returns
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # unknown command, or raised by a command's callback
            raise _one_line(exc, ctx) from None
        except KgError as exc:  # e.g. the pkuseg model not fetched (ModelError): its message says the fix
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)


@click.group(name="kg", cls=_KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Turn Chinese news about regional innovation into a knowledge graph."""


@main.command(short_help="Build the graph outputs from news files (or add them to a build).")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Output folder (created if missing).")
@click.option("--update", "update_dir", metavar="OUT_DIR", type=click.Path(file_okay=False),
              help="Add INPUTS to the build in OUT_DIR: only documents it does not have are extracted (instead of --out).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary (for scripts).")
@click.option("--segmenter", type=click.Choice(Segmenter.names()), default=None,
              help=f"Word segmenter of the spaCy zh tokenizer (default {DEFAULT_SEGMENTER.value}; "
                   "see the README's segmenter table).")
@click.option("--leave-one-out", "leave_one_out", metavar="GOLD", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Evaluation aid: extract each document without the lexicon entries that only it "
                                 "(per the gold JSONL file GOLD) could have taught.")
@click.option("--base", "base_iri", metavar="IRI", default=None,
              help="Base IRI of entities, articles and statements in the RDF outputs.")
@click.option("--rules-only", is_flag=True,
              help="Extract with the rules alone, without the trained name tagger's proposals (faster, lower recall).")
@click.option("--relation-model", "relation_model", is_flag=True,
              help="Also let the learned relation pair classifier add relations the rules miss (off by default: "
                   "cross-validation shows no clear gain; docs/extraction.md).")
@click.option("-w", "--workers", type=click.IntRange(1, 256), default=None,
              help="Processes that extract in parallel (same outputs as one). Default 1; with --engine dask "
                   "and no --scheduler, the workers of the local Dask cluster (default: one per core).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this machine's processes, or Dask workers (linking and the graph stay here).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (implies --engine dask; without it a local cluster is started).")
def build(inputs: tuple[str, ...], out_dir: str | None, update_dir: str | None, quiet: bool, segmenter: str | None,
          leave_one_out: str | None, base_iri: str | None, rules_only: bool, relation_model: bool, workers: int | None,
          engine: str, scheduler: str | None) -> None:
    """Build the graph outputs from INPUTS into --out (or add them to an existing build with --update).

    INPUTS are files, folders (read recursively), glob patterns, JSONL files
    (one {"doc_id", "text", ...} object a line) and HTML pages, in any
    encoding (UTF-8/16/32 with or without BOM, GB18030/GBK, Big5).

    Every input gets a row in documents.csv: status=ok, or status=rejected
    with a coded reason. Exit codes: 0 all inputs processed; 3 some inputs
    rejected; 4 no input could be processed; 2 usage error.
    """
    from kg.run.build import EXIT_USAGE, build as run_build, update as run_update

    progress = False if quiet else None
    try:
        if (out_dir is None) == (update_dir is None):
            raise KgUsageError("give either --out DIR (a new build) or --update DIR (add to a build), not both"
                               if out_dir else "give --out DIR for the outputs (or --update DIR to add to a build)")
        if rules_only and relation_model:
            raise KgUsageError("--rules-only extracts with the rules alone; drop --relation-model (or --rules-only)")
        if update_dir is not None:
            if leave_one_out or rules_only or relation_model:
                raise KgUsageError("--leave-one-out, --rules-only and --relation-model are settings of a new build; "
                                   "an update keeps the build's own (drop them)")
            result = run_update(update_dir, inputs, progress=progress, workers=workers, engine=engine,
                                scheduler=scheduler, segmenter=segmenter, base_iri=base_iri)
        else:
            from kg.eval.evaluate import exclusive_gold_forms

            result = run_build(inputs, out_dir, progress=progress, segmenter=segmenter or DEFAULT_SEGMENTER,
                               leave_one_out=exclusive_gold_forms(leave_one_out) if leave_one_out else False, base_iri=base_iri, workers=workers,
                               engine=engine, scheduler=scheduler, model=not rules_only, pairs=relation_model)
    except KgUsageError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not quiet:
        _summary(result)
    sys.exit(result.exit_code)


def _summary(result) -> None:  # noqa: ANN001 - kg.run.build.BuildResult, imported lazily
    counts = result.update
    if result.kept_previous:
        click.echo(f"no document could be processed; the previous build in {result.out_dir} is unchanged", err=True)
    elif counts is None:
        docs = result.report["documents"]
        click.echo(f"{docs['ok']} documents built, {docs['rejected']} rejected → {result.out_dir}"
                   f" ({result.report['throughput_chars_per_s']} chars/s)", err=True)
    elif not counts.changed:
        click.echo(f"nothing new: {counts.unchanged} documents already in {result.out_dir}, "
                   f"{counts.rejected} rejected as before; no file changed", err=True)
    else:
        click.echo(f"{counts.added} documents added, {counts.replaced} replaced, {counts.unchanged} unchanged, "
                   f"{counts.rejected} rejected → {result.out_dir}", err=True)
    rejected = [r for r in result.documents if r.get("status") == "rejected"]
    for rej in rejected[:10]:
        click.echo(f"  rejected {rej['path']}: {rej['error']}", err=True)
    if len(rejected) > 10:
        click.echo(f"  … {len(rejected) - 10} more in documents.csv", err=True)


@main.command("eval", short_help="Score extraction against gold (a build, kg itself or a baseline).")
@click.argument("out_dir", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--set", "set_name", type=click.Choice(["dev", "test", "seeds", "all"]), default=None,
              help="A gold set of the checkout (benchmarks/gold/): unseen articles (dev, test, all) or the seeds.")
@click.option("--gold", "gold_paths", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL (../shared/gold-format.md) instead of --set; repeatable.")
@click.option("--system", type=click.Choice(["kg", "kg.rules", "kg.pairs", "jieba.posseg"]), default="kg",
              show_default=True,
              help="What to score when no OUT_DIR is given: kg itself, kg's rules alone (no name tagger), kg with the "
                   "relation pair classifier (trained on dev and the seeds: on those sets a training-set figure; "
                   "benchmarks/pairs_cv.py measures it honestly), or the jieba.posseg name-tag baseline.")
@click.option("--by", "by", type=click.Choice(["script", "group", "source"]), multiple=True,
              help="Also split the figures by the articles' script, group (corpus/traditional/web/seed) or source.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--no-errors", is_flag=True, help="Do not list misses and false hits.")
def eval_cmd(out_dir: str | None, set_name: str | None, gold_paths: tuple[str, ...], system: str,
             by: tuple[str, ...], as_json: bool, no_errors: bool) -> None:
    """Score extraction against gold: entities, mentions, relations, linking, per type.

    With OUT_DIR, the outputs of that build are scored. Without it, the gold
    set's articles (checked against their recorded sha256) are extracted
    first, so `kg eval --set test` alone gives the README's headline table.
    """
    import json

    from kg.eval.evaluate import format_by, format_report, score, score_by
    from kg.eval.goldsets import load_set, predict

    try:
        if set_name and gold_paths:
            raise KgUsageError("give --set or --gold, not both")
        gold, arts = load_set(set_name, list(gold_paths))
        if by and not arts:
            raise KgUsageError("--by needs the gold set's provenance (sources.jsonl); use --set")
        pred = predict(gold, arts, out_dir, system, progress=False if as_json else None)
    except KgUsageError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    result = score(gold, pred)
    groups = {key: score_by(gold, pred, {d: a.label(key) for d, a in arts.items()}) for key in by}
    if as_json:
        data = result.as_dict()
        if no_errors:
            data.pop("errors")
        data["documents"] = len(gold)
        if groups:
            data["by"] = {key: {label: {k: v for k, v in s.as_dict().items() if k != "errors"}
                                for label, s in g.items()} for key, g in groups.items()}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
        return
    name = f"set {set_name}" if set_name else ", ".join(gold_paths)
    click.echo(f"{system} on {name}: {len(gold)} documents\n")
    click.echo(format_report(result, show_errors=not no_errors))
    for key, g in groups.items():
        counts = {label: sum(1 for a in arts.values() if a.label(key) == label) for label in g}
        click.echo("\n" + format_by(key, g, counts))


@main.command("load", short_help="Load a build's graph into a pyoxigraph store or SPARQL endpoint.")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--store", "store_path", type=click.Path(file_okay=False), help="Embedded pyoxigraph store folder (created if missing).")
@click.option("--endpoint", metavar="URL", help="SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store.")
@click.option("--graph", "graph_iri", metavar="IRI", default=None, help="Named graph IRI (default: the default graph).")
@click.option("--append", is_flag=True, help="Add to the endpoint's graph instead of replacing it.")
def load_cmd(out_dir: str, store_path: str | None, endpoint: str | None, graph_iri: str | None, append: bool) -> None:
    """Load OUT_DIR/graph.ttl into a pyoxigraph store (--store) or a SPARQL endpoint (--endpoint)."""
    from kg.query.store import load_store, push_graph_store

    if not store_path and not endpoint:
        click.echo("Error: give --store PATH or --endpoint URL", err=True)
        sys.exit(2)
    try:
        if store_path:
            n = load_store(out_dir, store_path, graph_iri)
            click.echo(f"{n} triples in {store_path}", err=True)
        if endpoint:
            status = push_graph_store(out_dir, endpoint, graph_iri, replace=not append)
            click.echo(f"{endpoint}: HTTP {status}", err=True)
    except KgUsageError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)


#: Old `kg query` names, still answered with a one-line notice on stderr: the names are now the API's methods'.
RENAMED_QUESTIONS = {"companies": "companies-in", "parks": "parks-focusing-on", "industries": "industries-of"}


def _query_help() -> str:
    """`kg query --help`: the named questions with their one-line docstrings, from the table the API defines."""
    import textwrap

    from kg.query.api import OPTIONS, QUESTIONS

    lines = []
    for q in QUESTIONS.values():
        opt = f"--{q.option} {OPTIONS[q.option][0]}" if q.option else ""
        lines.append(f"  {q.command} {opt if q.required or not opt else f'[{opt}]'}".rstrip())
        lines += textwrap.wrap(q.summary.replace("``", "`"), 78, initial_indent=" " * 6, subsequent_indent=" " * 6)
    return (
        "Answer QUERY on the graph in OUT_DIR: a SPARQL SELECT, or a named question, which is the Python API's "
        "method of the same name with - for _ (`kg query out companies-in --park 青岛国际创新园` is "
        "`kg.open(\"out\").companies_in(park=\"青岛国际创新园\")`):\n\n\b\n" + "\n".join(lines) + "\n\n"
        "SPARQL runs read-only on the local graph: updates (INSERT, DELETE, LOAD, CLEAR, ...), "
        "FROM / FROM NAMED and SERVICE are refused before anything runs (exit 2). "
        "--allow-service lets SERVICE call the endpoints it names; a failing endpoint is an error (exit 2).\n\n"
        f"The old names {', '.join(RENAMED_QUESTIONS)} still work, with a notice."
    )


def _question_options(func):  # noqa: ANN001, ANN202 - a click callback
    """One --OPTION per parameter of the named questions, its help naming the questions that take it."""
    from kg.query.api import OPTIONS, QUESTIONS

    for option in reversed(list(dict.fromkeys(q.option for q in QUESTIONS.values() if q.option))):
        takers = [q for q in QUESTIONS.values() if q.option == option]
        uses = ", ".join(f"`{q.command}`" + ("" if q.required else " (optional: without it, all)") for q in takers)
        metavar, what = OPTIONS[option]
        func = click.option(f"--{option}", metavar=metavar, default=None, help=f"{what} for {uses}.")(func)
    return func


@main.command("query", short_help="Answer a SPARQL SELECT or a named question on a build's graph.", help=_query_help())
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("query")
@_question_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Print the rows as an aligned table, CSV with a header, or a JSON array of objects.")
@click.option("--wide", is_flag=True,
              help="Print the table with every cell in full (by default long cells are cut with … to fit the terminal).")
@click.option("--max-width", type=click.IntRange(20), metavar="N", default=None,
              help="Fit the table in N columns instead of the terminal's width ($COLUMNS; 80 when not on a terminal).")
@click.option("--allow-service", is_flag=True,
              help="Let SPARQL SERVICE clauses send (parts of) the query to the remote endpoints they name.")
def query_cmd(out_dir: str, query: str, fmt: str, wide: bool, max_width: int | None, allow_service: bool,
              **given: str | None) -> None:
    import re

    from kg.query.api import QUESTIONS, open_graph

    try:
        # the question and its options are checked before the graph is read
        if wide and max_width is not None:
            raise KgUsageError("give --wide (nothing cut) or --max-width N (cut to N columns), not both")
        if fmt != "table" and (wide or max_width is not None):
            raise KgUsageError(f"--wide and --max-width shape the table; --format {fmt} is never cut")
        name = RENAMED_QUESTIONS.get(query.strip(), query.strip())
        extra = [f"--{k}" for k, v in given.items() if v is not None]
        if name in QUESTIONS:
            q = QUESTIONS[name]
            if q.required and given[q.option] is None:
                raise KgUsageError(f"`{name}` needs --{q.option}")
            if [o for o in extra if o != f"--{q.option}"]:
                takes = f"only --{q.option}" if q.option else "no option"
                raise KgUsageError(f"`{name}` takes {takes}, not {', '.join(o for o in extra if o != f'--{q.option}')}")
        elif re.fullmatch(r"[\w-]*", name):
            raise KgUsageError(f"unknown query {query!r}: give a SPARQL SELECT or one of {', '.join(QUESTIONS)}")
        elif extra:
            raise KgUsageError(f"{', '.join(extra)}: options of the named questions; a SPARQL query takes none")
        if name != query.strip():
            click.echo(f"kg query: `{query.strip()}` is now `{name}` (the name of the API method); the old name "
                       f"will be removed", err=True)
        graph = open_graph(out_dir)
        if name in QUESTIONS:
            q = QUESTIONS[name]
            df = getattr(graph, q.method)(**({q.option: given[q.option]} if q.option else {}))
        else:  # any other text is SPARQL: checked (updates, FROM, SERVICE refused) before it runs
            df = graph.sparql(query, allow_service=allow_service)
    except KgUsageError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if fmt == "csv":
        click.echo(df.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(df.to_json(orient="records", force_ascii=False))
    else:
        import shutil

        from kg.query.table import format_table

        width = None if wide else max_width or shutil.get_terminal_size().columns
        click.echo(format_table(df, width))


@main.command("view", short_help="Write a self-contained HTML page to explore a build's graph.")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out_file", type=click.Path(dir_okay=False), default=None,
              help="HTML file to write (default: OUT_DIR/graph.html).")
@click.option("--max-nodes", type=click.IntRange(1), default=2000, show_default=True,
              help="Most entities on the page; a larger build keeps its most connected ones.")
def view_cmd(out_dir: str, out_file: str | None, max_nodes: int) -> None:
    """Write one self-contained HTML page to explore the graph in OUT_DIR.

    Nodes are coloured by type; search names, click a node or an edge for the
    sentence, article and relation type behind it. The page loads nothing
    from the network (open it from disk in any browser).
    """
    from kg.query.view import write_view

    try:
        path, stats = write_view(out_dir, out_file, max_nodes=max_nodes)
    except KgUsageError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    shown = f"{stats['shown']} of {stats['entities']}" if stats["shown"] < stats["entities"] else str(stats["entities"])
    click.echo(f"{shown} entities, {stats['relations']} relations → {path}", err=True)


@main.command("export", short_help="Export a build as a property graph: Neo4j bulk-import CSVs and a Cypher script.")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--to", "fmt", type=click.Choice(["neo4j"]), required=True,
              help="Target format: neo4j (node and relationship CSVs for neo4j-admin import, and load.cypher).")
@click.option("--dest", type=click.Path(file_okay=False), default=None,
              help="Folder to write (default: OUT_DIR/neo4j). It is replaced as a whole: give a new folder or an "
                   "earlier export.")
def export_cmd(out_dir: str, fmt: str, dest: str | None) -> None:
    """Export the build in OUT_DIR for a property-graph database.

    --to neo4j writes one node file per entity type (labels Entity and Park,
    Company, ...), one relationship file per relation type with its evidence
    (article, offsets, sentence, rule, confidence), the articles and their
    mentions, import.sh (neo4j-admin import into a new database) and
    load.cypher (LOAD CSV into a running one).
    """
    from kg.query.export import export_build

    try:
        result = export_build(out_dir, fmt, dest)
    except KgUsageError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"{result.nodes} nodes, {result.relationships} relationships in {len(result.files)} files "
               f"→ {result.dest}", err=True)


@main.command("clean", short_help="Show the article text and metadata kg finds in inputs.")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--normalized", is_flag=True,
              help="Print the normalized text the extractor reads instead of the cleaned body.")
@click.option("--removed", is_flag=True, help="Also list the removed spans with their reason.")
def clean_cmd(inputs: tuple[str, ...], normalized: bool, removed: bool) -> None:
    """Show the article body and metadata kg finds in INPUTS (for checking the cleaner)."""
    from kg.run.build import iter_processed
    from kg.text.ingest import Rejected

    for item in iter_processed(inputs):
        if isinstance(item, Rejected):
            click.echo(f"# {item.doc_id}: rejected: {item.error}\n")
            continue
        meta = item.cleaned.meta
        click.echo(f"# {item.doc.doc_id}  title={meta.title!r} source={meta.source!r} date={meta.date!r} author={meta.author!r} spun={item.normalized.spun}")
        if removed:
            raw = item.doc.raw_text
            for r in item.cleaned.removed:
                click.echo(f"  - [{r.start}:{r.end}] {r.reason}: {raw[r.start:r.end][:80]!r}")
        click.echo(item.normalized.text if normalized else item.cleaned.body_text())
        click.echo("")


if __name__ == "__main__":  # pragma: no cover
    main()
