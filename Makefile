# The two commands README.md gives: `make demo` (the main job) and `make test` (the test suite).
# Each creates .venv if there is none and installs the package with its dev extras first.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.llm_startup-installed
OUT    ?= demo_out
# nbdev_test runs one notebook per worker; torch then uses the cores itself.
WORKERS ?= 1
# make run-all NBS=nbs/05_sentiment.ipynb runs one lesson the same way.
NBS ?= nbs/*.ipynb

.PHONY: demo test install sync-check export clean-nbs lab run-all

$(STAMP): setup.py settings.ini
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/llm-startup quickstart --out $(OUT)

# Tests keep their cache (e.g. the digits images) in the git-ignored .cache/, not in the user's home.
# The lessons' name-based recipes (from_pretrained('bert-base-chinese'), --model hfl/rbt3, ResNet50_Weights.DEFAULT) run on tiny
# stand-ins placed where the libraries look (appendix 95): a Hugging Face cache and a torch hub folder, offline.
STANDINS := $(CURDIR)/.cache/standins
test: $(STAMP)
	$(PY) -c "from llm_startup.standins import seed_all; seed_all('$(STANDINS)')"
	LLM_STARTUP_CACHE=$(CURDIR)/.cache/llm_startup HF_HOME=$(STANDINS)/hf HF_HUB_OFFLINE=1 TORCH_HOME=$(STANDINS)/torch \
	  $(VENV)/bin/nbdev_test --n_workers $(WORKERS) --timing

# The library is generated from the notebooks: exporting and cleaning must change nothing.
sync-check: $(STAMP)
	$(VENV)/bin/nbdev_export
	$(VENV)/bin/nbdev_clean
	@test -z "$$(git status --porcelain -- llm_startup nbs)" || (git status --short -- llm_startup nbs; echo "nbdev_export/nbdev_clean changed or added files: run them and commit the result" && exit 1)

export: $(STAMP)
	$(VENV)/bin/nbdev_export

clean-nbs: $(STAMP)
	$(VENV)/bin/nbdev_clean

# As root (containers, cloud notebooks) JupyterLab refuses to start without --allow-root.
lab: $(STAMP)
	$(VENV)/bin/jupyter lab nbs $(if $(filter 0,$(shell id -u)),--allow-root,)

# Run All, as a reader does: every notebook top to bottom in a real Jupyter kernel, offline, quick form; copies go to a temp folder.
run-all: $(STAMP)
	@out=$$(mktemp -d); for nb in $(NBS); do t0=$$(date +%s); \
	  HF_HUB_OFFLINE=1 LLM_STARTUP_CACHE=$$out/cache $(VENV)/bin/jupyter nbconvert --to notebook --execute --log-level=WARN \
	    --ExecutePreprocessor.timeout=1800 --output-dir $$out "$$nb" 2> $$out/log.txt || { sed 's/\x1b\[[0-9;]*m//g' $$out/log.txt > $$out/plain.txt; \
	    grep -m1 -A20 'An error occurred while executing' $$out/plain.txt; echo ...; tail -30 $$out/plain.txt; echo "run-all: $$nb FAILED (the cell and traceback are above)"; exit 1; }; \
	  echo "run-all: $$nb $$(( $$(date +%s) - t0 )) s"; done; rm -rf $$out
