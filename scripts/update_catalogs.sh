#!/usr/bin/env bash
# Refresh the message template and the language catalogs from the code.
# Run after adding or changing a fixed word (N_(), NP_(), gettext calls).
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel extract --no-location --omit-header --sort-output \
  -k N_ -k NP_:1c,2 -k pgettext:1c,2 -k ngettext:1,2 -k npgettext:1c,2,3 \
  -o templates/lang/slt_docs.pot slt_docs
for po in templates/lang/*.po; do
  code=$(basename "$po" .po)
  pybabel update --no-fuzzy-matching --ignore-obsolete --no-wrap -l "$code" \
    -i templates/lang/slt_docs.pot -o "$po"
done
