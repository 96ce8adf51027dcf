# Two commands a researcher needs: `make report` and `make test`. Both set up from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
JOBS   ?=
TIMEOUT ?=
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: setup report test lab bench lint clean

# The virtual environment, reinstalled when the dependency list changes.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

## setup: create .venv, install everything, prepare language resources and the Jupyter kernel
setup: $(STAMP)
	$(PY) -m helpers setup

## report: render every notebook for every article into reports/ (index: reports/index.html);
## JOBS=N renders N at a time, TIMEOUT=S gives each render S seconds (default 600)
report: setup
	$(PY) -m helpers batch $(if $(JOBS),--jobs $(JOBS),) $(if $(TIMEOUT),--timeout $(TIMEOUT),)

## test: run every test, notebooks included (property tests on fixed examples: same verdict every run)
test: setup
	DDN_DERANDOMIZE=1 $(PY) -m pytest -n 2 --dist loadfile

## lab: open JupyterLab on the notebooks with the project's kernel
lab: setup
	$(VENV)/bin/jupyter lab notebooks/

## bench: run the benchmarks in benchmarks/ (score against a plain NLTK VADER script and
## vaderSentiment, whole process against whole process; --jobs scaling; memory to a million
## rows; start-up; the profile of score in reports/benchmarks/profile.txt) and write
## benchmarks/results.json; BENCH=--quick for a shorter run
BENCH ?=
bench: setup
	$(PY) benchmarks/run.py $(BENCH)

## lint: ruff on the code; notebooks are checked but not formatted (the formatter would
## split parameters-cell lines, and papermill reads each parameter from one line)
lint: setup
	$(VENV)/bin/ruff check src tests benchmarks notebooks
	$(VENV)/bin/ruff format --check src tests benchmarks

clean:
	rm -rf reports scratch .nltk_data .pytest_cache
