"""The command line as a user meets it: every command has help, and every misuse is one line with exit 2.

The commands are discovered by walking the click group of :mod:`kg.cli`, so a
command added later is checked without touching this file.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import click
import pandas as pd
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.query.table import cell_width
from tests.conftest import GOLD_SEEDS

#: The commands kg has today; the walk must find at least these.
KNOWN_COMMANDS = {"build", "clean", "eval", "export", "load", "query", "view"}


def _context(path: tuple[str, ...]) -> click.Context:
    """The context click makes for ``kg PATH...`` (with the settings the group hands down, like -h)."""
    ctx = main.make_context("kg", [], resilient_parsing=True)
    for name in path:
        ctx = ctx.command.get_command(ctx, name).make_context(name, [], parent=ctx, resilient_parsing=True)
    return ctx


def walk(path: tuple[str, ...] = ()):
    """(path, command) of ``kg PATH...`` and of all its subcommands, depth first."""
    ctx = _context(path)
    yield path, ctx.command
    if isinstance(ctx.command, click.Group):
        for name in ctx.command.list_commands(ctx):
            yield from walk((*path, name))


COMMANDS = list(walk())
SUBCOMMANDS = [(path, cmd) for path, cmd in COMMANDS if path]


def _id(path: tuple[str, ...]) -> str:
    return " ".join(("kg", *path))


def _params(path: tuple[str, ...]) -> list[click.Parameter]:
    """The parameters ``kg PATH... --help`` documents, including click's --help (and --version) options."""
    ctx = _context(path)
    return ctx.command.get_params(ctx)


def _squash(text: str) -> str:
    """Text without any whitespace: help texts compare equal however click wraps them (and without click's
    ``\\b``, which marks a paragraph click prints as written and is not printed itself)."""
    return "".join(text.replace("\b", "").split())


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()  # click >= 8.2: result.stdout and result.stderr are kept apart


# -- every command has help


def test_the_walk_finds_every_command():
    names = {path[-1] for path, _ in SUBCOMMANDS}
    assert KNOWN_COMMANDS <= names, KNOWN_COMMANDS - names
    assert [path for path, _ in COMMANDS][0] == () and main.name == "kg"


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[_id(p) for p, _ in COMMANDS])
def test_help_of_every_command(runner, path, cmd):
    res = runner.invoke(main, [*path, "--help"])
    assert res.exit_code == 0, res.output
    assert res.stderr == "" and "Traceback" not in res.stdout
    usage = res.stdout.splitlines()[0]
    assert usage.startswith(f"Usage: {_id(path)} "), usage
    short = cmd.get_short_help_str(limit=1000)
    assert short.strip() and "\n" not in short, f"{_id(path)} has no one-line summary"
    assert cmd.help and _squash(cmd.help) in _squash(res.stdout)
    for param in _params(path):
        if isinstance(param, click.Option):
            assert param.help and param.help.strip(), f"{_id(path)} {param.opts[0]} has no help"
            assert not param.hidden, f"{_id(path)} {param.opts[0]} is hidden from --help"
            for opt in (*param.opts, *param.secondary_opts):
                assert opt in res.stdout, opt
            assert _squash(param.help) in _squash(res.stdout), param.opts[0]
        else:  # click arguments have no help of their own: the command's text must explain them
            name = param.human_readable_name
            assert name in cmd.help, f"{_id(path)}: the help text never mentions the argument {name}"
            assert name in usage, usage


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[_id(p) for p, _ in COMMANDS])
def test_short_help_option_works_too(runner, path):
    res = runner.invoke(main, [*path, "-h"])
    assert res.exit_code == 0 and res.stdout == runner.invoke(main, [*path, "--help"]).stdout


def test_root_help_lists_every_command_with_its_summary(runner):
    res = runner.invoke(main, ["--help"])
    assert res.exit_code == 0 and res.stdout.startswith("Usage: kg [OPTIONS] COMMAND")
    section = res.stdout.split("\nCommands:\n", 1)[1]
    listed: dict[str, str] = {}
    name = None
    for line in section.splitlines():
        if line.startswith("  ") and not line.startswith("   "):  # "  name  summary"
            name, _, text = line.strip().partition(" ")
            listed[name] = text
        elif line.strip() and name:  # a wrapped summary
            listed[name] += " " + line
    assert set(listed) == set(main.commands)
    for name, text in listed.items():
        shown = _squash(text).removesuffix("...")
        assert shown and _squash(main.commands[name].get_short_help_str(limit=1000)).startswith(shown), name


def _installed_kg() -> str:
    script = Path(sys.executable).parent / "kg"
    return str(script) if script.exists() else (shutil.which("kg") or "kg")


def test_the_installed_kg_script_has_help_and_one_line_errors():
    res = subprocess.run([_installed_kg(), "--help"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stdout.startswith("Usage: kg [OPTIONS] COMMAND"), res.stderr
    assert all(name in res.stdout for name in KNOWN_COMMANDS)
    res = subprocess.run([_installed_kg(), "buidl"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr == "Error: No such command 'buidl'. Did you mean 'build'? (see 'kg --help')\n"


def test_kg_alone_prints_the_help_on_stderr_with_exit_2(runner):
    # click's own behaviour for a group called without a command (click >= 8.2), kept as it is:
    # the full help (not a one-line error) on stderr, exit code 2.
    res = runner.invoke(main, [])
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.startswith("Usage: kg [OPTIONS] COMMAND") and "\nCommands:\n" in res.stderr
    assert res.stderr == runner.invoke(main, ["--help"]).stdout


# -- every misuse is one line on stderr with exit code 2

DIR, MISSING = "{dir}", "{missing}"  # an empty existing folder; a path that does not exist


def _generated_misuses():
    """Misuse cases derived from each command's parameters: (id, args, fragments of the error line)."""
    yield "kg unknown command", ["buidl"], ["No such command 'buidl'", "(see 'kg --help')"]
    for path, cmd in COMMANDS:
        hint = f"(see '{_id(path)} --help')"
        yield (f"{_id(path)} unknown option", [*path, "--no-such-option"],
               ["No such option '--no-such-option'", hint])
        params = _params(path)
        arguments = [p for p in params if isinstance(p, click.Argument)]
        required = [a for a in arguments if a.required]
        for i, arg in enumerate(required):
            before = [DIR] * i
            yield (f"{_id(path)} missing argument {arg.human_readable_name}", [*path, *before],
                   [f"Missing argument '{arg.make_metavar(_context(path))}'", hint])
        filled = [DIR] * len(required)
        for opt in params:
            if not isinstance(opt, click.Option):
                continue
            if opt.required:
                yield (f"{_id(path)} missing option {opt.opts[0]}", [*path, *filled],
                       [f"Missing option '{opt.opts[0]}'", hint])
            if not opt.is_flag and not opt.count:
                yield (f"{_id(path)} {opt.opts[-1]} without its value", [*path, *filled, opt.opts[-1]],
                       [f"Option '{opt.opts[-1]}' requires an argument.", hint])


GENERATED = list(_generated_misuses())

BUILD, EVAL, EXPORT, LOAD, QUERY, VIEW = (f"(see 'kg {c} --help')" for c in ("build", "eval", "export", "load", "query", "view"))
OUT = ["--out", DIR + "/out"]

#: (id, args, fragments of the one error line): bad values, paths that do not exist, conflicts.
MISUSES = [
    ("build --workers 0", ["build", DIR, *OUT, "--workers", "0"], ["'--workers': 0 is not in the range 1<=x<=256", BUILD]),
    ("build --workers many", ["build", DIR, *OUT, "-w", "many"], ["'many' is not a valid integer", BUILD]),
    ("build --segmenter thulac", ["build", DIR, *OUT, "--segmenter", "thulac"],
     ["'thulac' is not one of 'char', 'jieba', 'pkuseg'", BUILD]),
    ("build --engine spark", ["build", DIR, *OUT, "--engine", "spark"], ["'spark' is not one of 'local', 'dask'", BUILD]),
    ("build --leave-one-out missing", ["build", DIR, *OUT, "--leave-one-out", MISSING], ["does not exist", BUILD]),
    ("build --out and --update", ["build", DIR, *OUT, "--update", DIR], ["give either --out DIR", "not both"]),
    ("build without --out or --update", ["build", DIR], ["give --out DIR for the outputs"]),
    ("build --update with --leave-one-out", ["build", DIR, "--update", DIR, "--leave-one-out", str(GOLD_SEEDS)],
     ["are settings of a new build"]),
    ("build --update missing folder", ["build", DIR, "--update", MISSING], ["no such folder"]),
    ("eval --set nope", ["eval", "--set", "nope"], ["'nope' is not one of 'dev', 'test', 'seeds', 'all'", EVAL]),
    ("eval missing OUT_DIR", ["eval", MISSING, "--set", "seeds"], ["Directory", "does not exist", EVAL]),
    ("eval --gold missing", ["eval", "--gold", MISSING], ["File", "does not exist", EVAL]),
    ("eval --system nope", ["eval", "--set", "seeds", "--system", "nope"], ["'nope' is not one of 'kg', 'kg.rules', 'kg.pairs', 'jieba.posseg'", EVAL]),
    ("eval --by nope", ["eval", "--set", "seeds", "--by", "nope"], ["'nope' is not one of", EVAL]),
    ("eval --set and --gold", ["eval", "--set", "seeds", "--gold", str(GOLD_SEEDS)], ["give --set or --gold, not both"]),
    ("eval without a gold set", ["eval", DIR], ["give --set NAME or --gold PATH"]),
    ("export missing OUT_DIR", ["export", MISSING, "--to", "neo4j"], ["Directory", "does not exist", EXPORT]),
    ("export --to gexf", ["export", DIR, "--to", "gexf"], ["Invalid value for '--to': 'gexf' is not", "neo4j", EXPORT]),
    ("export a folder that is no build", ["export", DIR, "--to", "neo4j"],
     ["is not a finished build (no entities.csv", "run `kg build"]),
    ("export --dest inside a folder that is no build", ["export", DIR, "--to", "neo4j", "--dest", DIR + "/neo4j"],
     ["is not a finished build"]),
    ("load missing OUT_DIR", ["load", MISSING, "--store", DIR + "/store"], ["Directory", "does not exist", LOAD]),
    ("load without --store or --endpoint", ["load", DIR], ["give --store PATH or --endpoint URL"]),
    ("load a folder that is no build", ["load", DIR, "--store", DIR + "/store"], ["has no graph.ttl", "kg build"]),
    ("query missing OUT_DIR", ["query", MISSING, "funds"], ["Directory", "does not exist", QUERY]),
    ("query unknown named question", ["query", DIR, "bogus"], ["unknown query 'bogus'", "people", "chain-leaders"]),
    ("query people without --org", ["query", DIR, "people"], ["`people` needs --org"]),
    ("query mentions without --entity", ["query", DIR, "mentions"], ["`mentions` needs --entity"]),
    ("query companies-in without --park", ["query", DIR, "companies-in"], ["`companies-in` needs --park"]),
    ("query an old name without its option", ["query", DIR, "companies"], ["`companies-in` needs --park"]),
    ("query funds --park", ["query", DIR, "funds", "--park", "蓝谷"], ["`funds` takes no option, not --park"]),
    ("query people --park", ["query", DIR, "people", "--org", "蓝谷", "--park", "蓝谷"],
     ["`people` takes only --org, not --park"]),
    ("query SPARQL with --person", ["query", DIR, "SELECT ?s WHERE { ?s ?p ?o }", "--person", "徐一冰"],
     ["--person: options of the named questions"]),
    ("query industries-under without --industry", ["query", DIR, "industries-under"], ["`industries-under` needs --industry"]),
    ("query --format xml", ["query", DIR, "funds", "--format", "xml"], ["'xml' is not one of 'table', 'csv', 'json'", QUERY]),
    ("query a folder that is no build", ["query", DIR, "funds"], ["has no graph.ttl", "kg build"]),
    ("query --wide and --max-width", ["query", DIR, "funds", "--wide", "--max-width", "80"], ["give --wide", "not both"]),
    ("query --wide with --format csv", ["query", DIR, "funds", "--format", "csv", "--wide"], ["--format csv is never cut"]),
    ("query --max-width with --format json", ["query", DIR, "funds", "--format", "json", "--max-width", "80"],
     ["--format json is never cut"]),
    ("query --max-width 5", ["query", DIR, "funds", "--max-width", "5"], ["'--max-width': 5 is not in the range x>=20", QUERY]),
    ("view missing OUT_DIR", ["view", MISSING], ["Directory", "does not exist", VIEW]),
    ("view --max-nodes 0", ["view", DIR, "--max-nodes", "0"], ["'--max-nodes': 0 is not in the range x>=1", VIEW]),
    ("view a folder that is no build", ["view", DIR], ["run `kg build"]),
]


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


@pytest.mark.parametrize("args,fragments", [(a, f) for _, a, f in GENERATED + MISUSES],
                         ids=[i for i, _, _ in GENERATED + MISUSES])
def test_misuse_is_one_error_line_with_exit_2(runner, tmp_path, args, fragments):
    folder = tmp_path / "dir"
    folder.mkdir()
    args = [a.replace(DIR, str(folder)).replace(MISSING, str(tmp_path / "missing")) for a in args]
    res = runner.invoke(main, args)
    assert isinstance(res.exception, SystemExit), repr(res.exception)  # no exception escaped
    assert res.exit_code == 2, (res.exit_code, res.output)
    assert res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and lines[0].strip() != "Error:", res.stderr
    assert "Traceback" not in res.stderr and "Usage:" not in res.stderr and "Try '" not in res.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert _files(folder) == [], "a misused command must not write anything"
    assert not (tmp_path / "missing").exists()


def test_the_generated_misuses_cover_every_command():
    ids = {i for i, _, _ in GENERATED}
    assert {f"kg {name} unknown option" for name in KNOWN_COMMANDS} <= ids
    assert {"kg build missing argument INPUTS", "kg clean missing argument INPUTS", "kg load missing argument OUT_DIR",
            "kg query missing argument OUT_DIR", "kg query missing argument QUERY", "kg view missing argument OUT_DIR"} <= ids
    assert {"kg build --workers without its value", "kg build --segmenter without its value",
            "kg eval --set without its value", "kg view --max-nodes without its value"} <= ids


def test_the_one_line_error_names_the_path_of_the_real_program():
    # run as `python -m kg.cli`, the hint names that command line, not a made-up `kg`
    res = subprocess.run([sys.executable, "-m", "kg.cli", "view", "--max-nodes", "0", "."],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr == ("Error: Invalid value for '--max-nodes': 0 is not in the range x>=1. "
                          "(see 'python -m kg.cli view --help')\n")


# -- what is not a usage error keeps its behaviour


def test_help_and_version_are_not_errors(runner):
    res = runner.invoke(main, ["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("kg, version ") and res.stderr == ""


def test_a_build_that_processes_no_input_still_exits_4(runner, tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(main, ["build", str(tmp_path / "nothing.txt"), "--out", str(out)])
    assert res.exit_code == 4, res.output
    assert "E100 input not found" in res.stderr and not res.stderr.startswith("Error:")
    assert (out / "documents.csv").exists()


# -- kg query's table fits the terminal; --wide and the machine formats are never cut

#: Every evidence sentence of the seeds' graph: short columns first, the long sentence last.
EVIDENCE = ("SELECT ?doc_id ?start ?relation ?sentence WHERE { ?st kg:relationType ?relation ; "
            "prov:wasDerivedFrom/dcterms:identifier ?doc_id ; prov:qualifiedDerivation/prov:entity ?s . "
            "?s kg:text ?sentence ; kg:startOffset ?start } ORDER BY ?doc_id ?start ?relation ?sentence")


def _query(runner, out, *args, columns: int = 80) -> str:
    res = runner.invoke(main, ["query", str(out), EVIDENCE, *args], env={"COLUMNS": str(columns)})
    assert res.exit_code == 0 and res.stderr == "", res.output
    return res.stdout


def _evidence(runner, out, raw: bool = False) -> pd.DataFrame:
    """The rows in full (CSV); unless ``raw``, line breaks shown as the table shows them."""
    import io

    df = pd.read_csv(io.StringIO(_query(runner, out, "--format", "csv")), dtype=str, keep_default_na=False)
    if not raw:
        df["sentence"] = df["sentence"].str.replace("\r\n", "⏎").str.replace("\n", "⏎").str.replace("\r", "⏎")
    return df


@pytest.mark.parametrize("columns", [70, 100, 160])
def test_query_table_fits_the_terminal_and_cuts_long_cells_with_an_ellipsis(runner, seed_build, columns):
    full = _evidence(runner, seed_build)
    lines = _query(runner, seed_build, columns=columns).splitlines()
    assert len(lines) == len(full) + 1 and lines[0].split()[:3] == ["doc_id", "start", "relation"]
    assert max(cell_width(line) for line in lines) <= columns
    assert max(full["sentence"].map(cell_width)) > columns  # so something must be cut
    head = lines[0].index("sentence")  # where the sentence column starts (the columns before it are ASCII)
    cut = 0
    for line, row in zip(lines[1:], full.itertuples()):
        assert line.split()[:3] == [row.doc_id, row.start, row.relation]  # the short columns are whole
        shown = line[head:]
        if shown.endswith("…"):
            cut += 1
            assert row.sentence.startswith(shown[:-1]) and cell_width(shown) >= 6, (shown, row.sentence)
        else:
            assert shown == row.sentence
    assert cut > len(full) / 2


def test_query_wide_and_max_width(runner, seed_build):
    full = _evidence(runner, seed_build)
    wide = _query(runner, seed_build, "--wide", columns=40).splitlines()
    assert max(cell_width(line) for line in wide) == max(full["sentence"].map(cell_width)) + wide[0].index("sentence")
    assert all(line.endswith(row.sentence) for line, row in zip(wide[1:], full.itertuples()))
    capped = _query(runner, seed_build, "--max-width", "70", columns=300).splitlines()
    assert max(cell_width(line) for line in capped) == 70


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_query_machine_formats_are_never_cut(runner, seed_build, fmt):
    import io
    import json

    narrow, roomy = (_query(runner, seed_build, "--format", fmt, columns=c) for c in (20, 1000))
    assert narrow == roomy
    rows = (pd.read_csv(io.StringIO(narrow), dtype=str, keep_default_na=False).to_dict("records") if fmt == "csv"
            else json.loads(narrow))
    sentences = _evidence(runner, seed_build, raw=True)["sentence"].tolist()
    assert [r["sentence"] for r in rows] == sentences and max(map(len, sentences)) > 300
