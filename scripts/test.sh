#!/usr/bin/env bash
# Install everything the tests need and run them.
# System packages (LibreOffice for PDF, poppler for page images, fonts, and
# Chromium with its driver for the web page's accessibility test) come from apt
# when missing and this runs as root; Python packages from PyPI; axe-core from
# npm (package.json + package-lock.json, into node_modules/).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
/usr/bin/python3 -c "import uno" >/dev/null 2>&1 || need_apt+=(python3-uno)
command -v fc-list >/dev/null 2>&1 || need_apt+=(fontconfig)
# Every font a shipped template or example profile names, or its metric twin
# (tests/test_fonts.py lists them and fails when one is missing):
#   family in fc-list      Debian package
fonts=(
  "Liberation Sans"      fonts-liberation          # Arial, Times New Roman, Courier (New)
  "Carlito"              fonts-crosextra-carlito   # Calibri
  "Caladea"              fonts-crosextra-caladea   # Cambria
  "Open Sans"            fonts-open-sans           # examples/profiler/gronn-sans.docx
  "OpenSymbol"           fonts-opensymbol          # Symbol (bullets)
  "DejaVu Sans"          fonts-dejavu-core         # the årshjul's SVG in Chromium (tests/test_aarshjul.py)
)
for ((i = 0; i < ${#fonts[@]}; i += 2)); do
  fc-list : family 2>/dev/null | grep -qi "^${fonts[i]}\(,\|$\)" || need_apt+=("${fonts[i + 1]}")
done
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
[ -f /usr/share/hyphen/hyph_nb_NO.dic ] || need_apt+=(hyphen-no)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${need_apt[@]}"
  else
    echo "Mangler systempakker: ${need_apt[*]} (installer med: sudo apt-get install ${need_apt[*]})" >&2
    exit 1
  fi
fi

python3 -m pip install -q -e '.[test]'
npm ci --no-audit --no-fund --loglevel=error
ruff check .
set +e
python3 -m pytest "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest fant ingen tester – det regnes som feil" >&2
  exit 1
fi
if [ "$status" = 0 ] && [ "$#" = 0 ]; then
  # The benchmarks of rendering and of the batch in their smallest size, so
  # that they cannot rot unnoticed: each must run to the end and print its
  # table (figures from a small run on a shared machine say little; run them
  # in full size to measure, see benchmarks/).
  echo "== ytelsesmålinger i minste størrelse (benchmarks/)"
  python3 benchmarks/bench_render.py --tiny
  python3 benchmarks/bench_batch.py --tiny
fi
exit "$status"
