"""Lag alle SLT-dokumentene for en eksempelkommune.

    python examples/lag_dokumenter.py aukra            # nynorsk, som dataene sier
    python examples/lag_dokumenter.py nordre-land nb   # bokmål

Dokumentene havner i out/<kommune>/. Skriptet viser hele Python-API-et:
last inn, kontroller, lag .docx (til fil og til minnet), kalenderen og nettsiden
som lenker til dem.
"""

import io
import sys
from pathlib import Path

import slt_docs

kommune = sys.argv[1] if len(sys.argv) > 1 else "aukra"
spraak = sys.argv[2] if len(sys.argv) > 2 else None
mappe = Path(__file__).parent / kommune
ut = Path("out") / kommune

resultat = slt_docs.read(mappe)  # leser og kontrollerer alle YAML-filene i mappa
for problem in resultat.problems:
    print(problem)  # norsk melding med fil, linje og felt
if resultat.data is None:
    sys.exit(f"{mappe}: {len(resultat.errors)} feil funnet")
data = resultat.data

# alle dokumentene, årshjulet, kalenderen (moteplan.ics) og til sist nettside.html
for fil in slt_docs.render_all(data, ut, lang=spraak):
    print("skrev", fil)

if data.handlingsplan is not None:
    minne = io.BytesIO()  # f.eks. svaret fra en nettjeneste
    slt_docs.render(data, "handlingsplan", lang=spraak, output=minne)
    print(f"handlingsplanen er {len(minne.getvalue())} byte")

if data.moteplan is not None:
    kalender = slt_docs.to_ics(data, lang=spraak)  # det samme som moteplan.ics, i minnet
    print(f"kalenderen har {kalender.count(b'BEGIN:VEVENT')} møter")
