# The two commands a new user needs: `make generate` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SPECS ?= specs
OUT ?= generated
OUT_OPENAPI ?= openapi

.PHONY: generate check inspect openapi test typecheck bench watch clean

# Installs the generator (and the runtime's httpx) once, again when pyproject.toml changes.
$(VENV)/.stamp-generator: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[runtime]'
	touch $@

# Adds what the tests need (pytest, syrupy, mypy, the vendor SDK as an oracle).
$(VENV)/.stamp-test: $(VENV)/.stamp-generator
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[runtime,test]'
	touch $@

generate: $(VENV)/.stamp-generator
	$(PY) -m generator generate $(SPECS) -o $(OUT)

check: $(VENV)/.stamp-generator
	$(PY) -m generator check $(SPECS) -o $(OUT)

watch: $(VENV)/.stamp-generator
	$(PY) -m generator generate $(SPECS) -o $(OUT) --watch

inspect: $(VENV)/.stamp-generator
	$(PY) -m generator inspect $(SPECS)

openapi: $(VENV)/.stamp-generator
	$(PY) -m generator openapi $(SPECS) -o $(OUT_OPENAPI)

test: $(VENV)/.stamp-test
	$(PY) -m pytest $(PYTEST_ARGS)

typecheck: $(VENV)/.stamp-test
	$(PY) -m mypy --strict generator $(OUT)

# Benchmarks (figures also written as JSON under bench/results/).
bench: $(VENV)/.stamp-test
	$(PY) bench/generator_runs.py --json bench/results/generator_runs.json
	$(PY) bench/client_call.py --json bench/results/client_call.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .hypothesis
