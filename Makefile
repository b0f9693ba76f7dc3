# Set-up and the two main jobs. Everything the project needs is installed here.
#   make run    set up, then build the graph from seeds/ into out/
#   make test   set up, then run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.kg-installed

.PHONY: setup run test bench clean-out
setup: $(STAMP) $(VENV)/share/kg/pkuseg-default/weights.npz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip wheel setuptools numpy cython
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The pkuseg default model, from the registry's pkuseg source package, pinned by hash.
$(VENV)/share/kg/pkuseg-default/weights.npz: $(STAMP)
	$(BIN)/python -m kg.models

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
