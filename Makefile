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

.PHONY: setup system-packages run test bench clean-out
setup: system-packages $(STAMP) $(VENV)/share/kg/pkuseg-default/weights.npz $(VENV)/share/kg/graphml-xsd/graphml.xsd

# apt-get only when a file is missing (CI is root on a fresh Debian 12 machine); elsewhere a warning,
# and the tests that need them say what is missing.
system-packages:
	@missing=0; for f in $(SYSTEM_FILES); do test -e $$f || missing=1; done; \
	if [ $$missing = 1 ]; then \
	  command -v apt-get >/dev/null || { echo "warning: no apt-get; install $(SYSTEM_PACKAGES) (Debian names) for the notebook and browser tests" >&2; exit 0; }; \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  echo "apt-get install $(SYSTEM_PACKAGES)" >&2; log=$$(mktemp); \
	  if ! { $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	         $$sudo apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES); } >$$log 2>&1; then \
	    cat $$log >&2; rm -f $$log; exit 1; fi; rm -f $$log; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip wheel setuptools numpy cython
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The pkuseg default model, from the registry's pkuseg source package, pinned by hash.
$(VENV)/share/kg/pkuseg-default/weights.npz: $(STAMP)
	$(BIN)/python -m kg.kb.models

# The GraphML schema the tests validate graph.graphml with, from Debian's libjgrapht-java, pinned by hash.
# Without apt-get only a warning: `make run` does not need it, and the schema tests say what is missing.
$(VENV)/share/kg/graphml-xsd/graphml.xsd: $(STAMP)
	@if command -v apt-get >/dev/null; then $(BIN)/python -m tests.support.graphml_schema; \
	else echo "warning: no apt-get; the GraphML schema (Debian libjgrapht-java) is not fetched" >&2; fi

run: setup
	$(BIN)/kg build 'seeds/*.txt' --out out

# pytest's exit code 5 (no tests collected) is a failure, not a pass.
test: setup
	$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

bench: setup
	$(BIN)/python benchmarks/bench_ingest.py

clean-out:
	rm -rf out
