#!/bin/sh
# Mutation testing of the engine: mutmut on counting.py, timeline.py, audit.py and rules.py with
# the fast test subset of [tool.mutmut] in pyproject.toml, then the score per module.
# Maintainers only (docs/mutation.md); needs: pip install -e '.[test,mutation]'
#
#   scripts/mutation.sh                 every mutant (about 2,700; hours on one shared core)
#   SAMPLE=3 scripts/mutation.sh        the mutants whose number ends in 3 (about 290, 15 min)
#   JOBS=2 scripts/mutation.sh          two workers (default one: the machine is shared)
#   scripts/mutation.sh NAME...         run these mutants again (names or globs), keeping the
#                                       other results; after adding a test for a survivor
#   scripts/mutation.sh --score [--survivors]   only the score of the last run
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
if [ "${1:-}" = "--score" ]; then
    shift
    exec "$PYTHON" scripts/mutation_score.py "$@"
fi
if [ $# -eq 0 ]; then
    rm -rf mutants  # a fresh run: results cached under other tests or other code would be stale
    if [ -n "${SAMPLE:-}" ]; then
        set -- "quorum.*__mutmut_*${SAMPLE}"
    fi
fi
# CI=1 loads the derandomized hypothesis profile (tests/conftest.py): a rerun gives the same
# verdicts. mutmut exits non-zero when mutants survive: the score below says how many.
CI=1 "$PYTHON" -m mutmut run --max-children "${JOBS:-1}" "$@" || true
exec "$PYTHON" scripts/mutation_score.py --survivors
