"""Lag alle SLT-dokumentene for en eksempelkommune.

    python examples/lag_dokumenter.py aukra            # nynorsk, som dataene sier
    python examples/lag_dokumenter.py nordre-land nb   # bokmål

Dokumentene havner i out/<kommune>/. Skriptet viser hele Python-API-et:
last inn, kontroller, lag .docx, kalenderen og nettsiden som lenker til dem.
"""

import sys
from pathlib import Path

import slt_docs

kommune = sys.argv[1] if len(sys.argv) > 1 else "aukra"
spraak = sys.argv[2] if len(sys.argv) > 2 else None
mappe = Path(__file__).parent / kommune
ut = Path("out") / kommune

try:
    data = slt_docs.load(mappe)  # leser og kontrollerer alle YAML-filene i mappa
except slt_docs.SltError as feil:
    sys.exit(str(feil))  # norsk feilmelding med fil, linje og felt

# alle dokumentene, årshjulet, kalenderen (moteplan.ics) og til sist nettside.html
for fil in slt_docs.render_all(data, ut, lang=spraak):
    print("skrev", fil)
