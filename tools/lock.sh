#!/usr/bin/env bash
# Re-resolve requirements.lock: install the project's direct dependencies (pyproject.toml, runtime and test)
# into a throwaway venv and freeze what that pulled in. Run after changing dependencies in pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3.12 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --upgrade pip
"$tmp/venv/bin/pip" install --quiet ".[test]"
{
  echo "# Every package make installs, pinned. Regenerate with tools/lock.sh; hashes for model packages are in requirements-models.lock."
  "$tmp/venv/bin/pip" freeze --exclude storyline | grep -v '^-e ' | LC_ALL=C sort -f
} > requirements.lock
echo "wrote requirements.lock ($(grep -c '==' requirements.lock) packages)"
