# Set-up and the two main jobs. Everything the project needs is installed here.
#   make run    set up, then build the graph from seeds/ into out/
#   make test   set up, then run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kg-installed
# Debian packages the tests need: a CJK font for the notebook's charts and the
# view's screenshots, and the headless browser that tests `kg view`.
SYSTEM_PACKAGES := fonts-wqy-microhei chromium
SYSTEM_FILES    := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc /usr/bin/chromium

# What set-up leaves in the venv: the pkuseg model, and the XML Schemas the tests validate the exports with.
PKUSEG  := $(VENV)/share/kg/pkuseg-default/weights.npz
SCHEMAS := $(VENV)/share/kg/graphml-xsd/graphml.xsd $(VENV)/share/kg/gexf-xsd/gexf.xsd
# kg with every extra the test suite needs: dev (test tools), dask (the Dask engine), notebook (its widget, charts)
EXTRAS  := dev,dask,notebook
PIP_LOG := $(VENV)/pip-install.log

.PHONY: setup system-packages run test model bench clean-out
# Each step prints one "[setup i/5]" line when it has work to do; a machine already set up prints nothing.
setup: system-packages $(STAMP) $(PKUSEG) $(SCHEMAS)

# apt-get only when a file is missing (CI is root on a fresh Debian 12 machine); elsewhere a warning,
# and the tests that need them say what is missing.
system-packages:
	@missing=0; for f in $(SYSTEM_FILES); do test -e $$f || missing=1; done; \
	if [ $$missing = 1 ]; then \
	  command -v apt-get >/dev/null || { echo "warning: no apt-get; install $(SYSTEM_PACKAGES) (Debian names) for the notebook and browser tests" >&2; exit 0; }; \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "[setup 1/5] apt-get install $(SYSTEM_PACKAGES) (a CJK font and the browser the tests use)"; log=$$(mktemp); \
	  if ! { $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	         $$sudo apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES); } >$$log 2>&1; then \
	    cat $$log >&2; rm -f $$log; exit 1; fi; rm -f $$log; \
	fi

# pip's own output goes to $(PIP_LOG); the terminal gets one numbered line per package pip collects
# (from an index, or a local wheel it processes: the progress of a fresh install, a few minutes) and the
# count installed; on failure the log's tail.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { echo "[setup 2/5] creating the virtual environment $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "[setup 3/5] installing kg and the Python packages it uses, with the extras $(EXTRAS) (a few minutes on a fresh machine)"
	@$(BIN)/python -m pip install --quiet --upgrade pip wheel setuptools numpy cython
	@# a venv set up before the rename holds this checkout as the distribution "kg": remove it, or both own bin/kg
	@$(BIN)/python -m pip uninstall --yes --quiet kg >/dev/null 2>&1 || true
	@rc=$$(mktemp); \
	{ $(BIN)/python -m pip install --progress-bar off -e '.[$(EXTRAS)]' 2>&1; echo $$? >$$rc; } | tee $(PIP_LOG) | \
	  awk '/^Collecting /{ n++; printf "  %3d %s\n", n, $$2; fflush() } \
	       /^Processing \//{ n++; k = split($$2, part, "/"); printf "  %3d %s\n", n, part[k]; fflush() } \
	       /^Successfully installed/{ printf "  installed %d package%s\n", NF - 2, NF == 3 ? "" : "s" }'; \
	status=$$(cat $$rc); rm -f $$rc; \
	if [ "$$status" != 0 ]; then echo "pip failed (exit $$status); the end of $(PIP_LOG):" >&2; tail -n 30 $(PIP_LOG) >&2; exit 1; fi
	@touch $(STAMP)

# The pkuseg default model, from the registry's pkuseg source package, pinned by hash. Fetched when
# missing (order-only on the install: a changed pyproject.toml does not fetch it again; every load checks it).
$(PKUSEG): | $(STAMP)
	@echo "[setup 4/5] fetching the pkuseg segmentation model (pinned by SHA-256)"
	@$(BIN)/python -m kg.kb.models >/dev/null

# The GraphML and GEXF schemas the tests validate graph.graphml and graph.gexf with, from Debian's
# libjgrapht-java, pinned by hash (tests/support/xml_schemas.py). Without apt-get only a warning:
# `make run` does not need them, and the schema tests say what is missing.
$(SCHEMAS) &: | $(STAMP)
	@if command -v apt-get >/dev/null; then \
	  echo "[setup 5/5] fetching the GraphML and GEXF XML Schemas (Debian libjgrapht-java, pinned by SHA-256)"; \
	  $(BIN)/python -m tests.support.xml_schemas >/dev/null; \
	else echo "warning: no apt-get; the GraphML and GEXF schemas (Debian libjgrapht-java) are not fetched" >&2; fi

run: setup
	$(BIN)/kg build 'seeds/*.txt' --out out

# pytest's exit code 5 (no tests collected) is a failure, not a pass.
test: setup
	$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

# Retrain the name tagger (kg/data/models/README.md): the public corpora in ../shared/ner-corpora (or
# $$KG_NER_CORPORA) and the project's development gold; prints the sha256 to pin in kg/extract/ner/tagger.py.
model: setup
	$(BIN)/python -m kg.eval.ner_gold --set dev --out build/ner-gold-dev.jsonl
	$(BIN)/python -m kg.extract.ner.train --out kg/data/models/ner-crf.crfsuite --extra build/ner-gold-dev.jsonl --extra-weight 3

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py

clean-out:
	rm -rf out
