"""`pip install .` gives the distribution zh-innovation-kg with the import package and the command `kg`.

Offline: the wheel is built from a copy of the package without build
isolation (setuptools and wheel come from the test environment), and
installed with ``--no-index --no-deps`` into a fresh virtual environment that
sees the test environment's site-packages through a ``.pth`` file, so kg's
dependencies are importable without downloading anything. The installed
`kg` then builds a short article, and its tables must be the bytes this
checkout's `kg` writes for it.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

DIST = "zh-innovation-kg"
TEXT = "青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋产业。青岛聚大洋藻业集团有限公司落户青岛蓝谷。\n"


def _env() -> dict[str, str]:
    """The environment without this checkout on the path and without any pip configuration (no index, no links)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("PIP_")}
    return env | {"PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONNOUSERSITE": "1"}


def _run(cmd: list[str], cwd: Path) -> str:
    proc = subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, (cmd, proc.stdout[-2000:], proc.stderr[-2000:])
    return proc.stdout


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel of this checkout installed (offline)."""
    tmp = tmp_path_factory.mktemp("install")
    src = tmp / "src"  # a copy, so building writes no build/ or egg-info into the checkout
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "kg", src / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
          "-w", str(tmp / "dist"), str(src)], tmp)
    (wheel,) = (tmp / "dist").glob("*.whl")
    env_dir = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], tmp)
    python = env_dir / "bin" / "python"
    purelib = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp).strip())
    # the test environment's packages (pip, kg's dependencies) after the fresh venv's own; .pth files in those
    # folders are not run, so an editable kg installed there cannot shadow the wheel
    (purelib / "test-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], tmp)
    return env_dir


def test_the_distribution_name_is_free_of_the_taken_kg():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["name"] == DIST and meta["scripts"] == {"kg": "kg.cli:main"}


def test_pip_install_gives_the_distribution_and_its_kg_command(venv, tmp_path):
    python, kg = venv / "bin" / "python", venv / "bin" / "kg"
    show = _run([str(python), "-m", "pip", "show", "-f", DIST], tmp_path)
    fields = dict(line.split(": ", 1) for line in show.splitlines() if ": " in line)
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp_path).strip()
    assert fields["Name"] == DIST and fields["Location"] == purelib
    assert "kg/cli.py" in show and "kg/data/models" in show  # the package and its data files
    probe = ("import importlib.metadata as m, kg; d = m.distribution('zh-innovation-kg'); "
             "print(d.metadata['Name'], d.version, kg.__version__, kg.__file__, "
             "[e.value for e in d.entry_points if e.name == 'kg'])")
    name, version, own, where, scripts = _run([str(python), "-c", probe], tmp_path).split(" ", 4)
    assert (name, version, own) == (DIST, "0.1.0", "0.1.0") and where.startswith(purelib)
    assert scripts.strip() == "['kg.cli:main']"
    assert _run([str(kg), "--version"], tmp_path) == "kg, version 0.1.0\n"


def test_the_installed_kg_builds_what_this_checkout_builds(venv, tmp_path):
    from kg.run.build import build

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    _run([str(venv / "bin" / "kg"), "build", str(tmp_path / "in"), "--out", str(tmp_path / "installed"), "-q"],
         tmp_path)
    assert build([str(tmp_path / "in")], tmp_path / "here", progress=False).exit_code == 0
    for name in ("entities.csv", "relations.csv", "graph.ttl", "graph.gexf"):
        assert (tmp_path / "installed" / name).read_bytes() == (tmp_path / "here" / name).read_bytes(), name
    assert "徐一冰" in (tmp_path / "installed" / "entities.csv").read_text(encoding="utf-8")
