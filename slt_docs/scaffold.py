"""Starting a new kommune: a complete, commented data folder to edit instead
of copying an example (``slt-docs ny MAPPE --navn … --lang nb|nn``).

The folder holds one file per part of the data, every section a plan
usually has, role placeholders instead of people, a møteplan with a series
rule, and the JSON Schema with the line that makes an editor use it. The
comments are written in the chosen written standard; the texts are
placeholders for the kommune's own words. It passes ``slt-docs kontroller``
and ``slt-docs lag`` makes every document kind from it.

The file texts below mark each word that differs between the written
standards as ``⟦bokmål|nynorsk⟧``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .data.schema import SCHEMA_FILE, SCHEMA_LINE, schema_text
from .data.spellings import WRITTEN_STANDARDS
from .errors import SltError
from .files import write_files
from .models import slug

_CHOICE = re.compile(r"⟦([^|⟧]*)\|([^⟧]*)⟧")

_HEADER = SCHEMA_LINE

KOMMUNE = """\
# {navn}: ⟦kommunen. Laget av «slt-docs ny». Rediger teksten etter kolonene;|kommunen. Laga av «slt-docs ny». Rediger teksten etter kolonane;⟧
# ⟦linjer som begynner med # er kommentarer og kommer ikke med i dokumentene.|linjer som byrjar med # er kommentarar og kjem ikkje med i dokumenta.⟧
# ⟦Når du har endret noe|Når du har endra noko⟧: slt-docs kontroller {mappe}
# ⟦Lag dokumentene|Lag dokumenta⟧:        slt-docs lag {mappe} -o ⟦dokumenter|dokument⟧/
# ⟦Alle felt er forklart i docs/data.md, og editoren viser dem med|Alle felt er forklarte i docs/data.md, og editoren viser dei med⟧
# {schema} (VS Code: ⟦installer YAML-utvidelsen fra Red Hat|installer YAML-utvidinga frå Red Hat⟧).
kommune:
  navn: {navn_yaml}
  spraak: {spraak}                  # nb = bokmål, nn = nynorsk (⟦alle faste ord i dokumentene|alle faste ord i dokumenta⟧)
  # fullt_navn: {navn} kommune      # ⟦navnet på forsiden, hvis det skal være et annet|namnet på framsida, dersom det skal vere eit anna⟧
  # logo: logo.png                  # ⟦bildefil i denne mappa|biletfil i denne mappa⟧ (PNG, JPEG ⟦eller|eller⟧ SVG)
  # logo_alt: Kommunevåpenet til {navn}
  # profil: profilmal.docx          # ⟦kommunens Word-mal med skrift, farger og logo|Word-malen til kommunen med skrift, fargar og logo⟧
  kontakter:
    # ⟦Oppgi roller, ikke privatpersoner: rolleadresser og sentralbord.|Oppgi roller, ikkje privatpersonar: rolleadresser og sentralbord.⟧
    - rolle: koordinator
      tittel: SLT-koordinator
      epost: koordinator@{slug}.kommune.example
      telefon: "000 00 000"
    - rolle: politikontakt
      tittel: ⟦Politikontakt|Politikontakt⟧
      epost: politikontakt@{slug}.kommune.example
"""

ORGANISASJON = """\
# {navn}: ⟦SLT-organiseringen. Skrives én gang og brukes i alle dokumentene.|SLT-organiseringa. Skriv ho éin gong; ho blir brukt i alle dokumenta.⟧
# ⟦Andre filer viser til organene med id|Andre filer viser til organa med id⟧ (organ: koordineringsgruppa).
organisasjon:
  innledning:
    - ⟦Skriv her hvordan SLT er organisert i kommunen|Skriv her korleis SLT er organisert i kommunen⟧.
  nivaa:
    # --- ⟦Styrende|Styrande⟧ nivå -------------------------------------------------
    - type: ⟦styrende|styrande⟧
      id: politiradet
      navn: ⟦Politirådet|Politirådet⟧
      forutsetning: ⟦Politirådet er forankret i kommunestyret|Politirådet er forankra i kommunestyret⟧.
      deltakere:                  # ⟦roller, ikke navn|roller, ikkje namn⟧
        - ⟦Ordfører|Ordførar⟧
        - ⟦Kommunedirektør|Kommunedirektør⟧
        - rolle: ⟦Lensmann|Lensmann⟧
          enhet: ⟦Politiet|Politiet⟧
        - SLT-koordinator
      mandat:
        - ⟦Sette mål og prioriteringer for SLT-arbeidet|Setje mål og prioriteringar for SLT-arbeidet⟧
        - ⟦Vedta handlingsplanen og følge den opp|Vedta handlingsplanen og følgje han opp⟧
      moteverksemd: {{antall: 4, per: år, timer: 2}}   # «⟦fire møter i året à to timer|fire møte i året à to timar⟧»
      beslutningsmyndighet:
        - ⟦Prioritere tiltak i handlingsplanen|Prioritere tiltak i handlingsplanen⟧
      budsjettramme: 10 000       # ⟦kroner i året nivået kan bestemme over|kroner i året nivået kan avgjere⟧
    # --- ⟦Koordinerende|Koordinerande⟧ nivå --------------------------------------------
    - type: ⟦koordinerende|koordinerande⟧
      id: koordineringsgruppa
      navn: ⟦Koordineringsgruppa|Koordineringsgruppa⟧
      leder: SLT-koordinator
      deltakere:
        - SLT-koordinator
        - rolle: ⟦Forebyggende politi|Førebyggjande politi⟧
          enhet: ⟦Politiet|Politiet⟧
        - ⟦Leder barnevernstjenesten|Leiar barnevernstenesta⟧
        - ⟦Rektor ungdomsskolen|Rektor ungdomsskulen⟧
        - ⟦Helsesykepleier|Helsesjukepleiar⟧
      mandat:
        tekst:
          - ⟦Koordineringsgruppa samordner det forebyggende arbeidet|Koordineringsgruppa samordnar det førebyggjande arbeidet⟧.
        punkter:
          - ⟦Lage forslag til handlingsplan|Lage framlegg til handlingsplan⟧
          - ⟦Følge opp tiltakene|Følgje opp tiltaka⟧
      moteverksemd: {{antall: 1, per: måned, timer: 1.5, ved_behov: true}}
    # --- ⟦Utførende|Utførande⟧ nivå -----------------------------------------------
    - type: ⟦utførende|utførande⟧
      navn: ⟦Utførende nivå|Utførande nivå⟧
      deltakere:
        - ⟦Ansatte i skole, barnehage, helse, barnevern og politi|Tilsette i skule, barnehage, helse, barnevern og politi⟧
      moteplasser:
        - ⟦Tverrfaglige team på skolene|Tverrfaglege team på skulane⟧
  arbeidsgrupper:
    - navn: ⟦Arbeidsgruppe rusforebygging|Arbeidsgruppe rusførebygging⟧
      id: rusgruppa
      type: arbeidsgruppe          # ⟦eller|eller⟧ fokusgruppe, ansvarsgruppe …
      nivaa: koordineringsgruppa
      ansvar: SLT-koordinator
      aar: {aar}
      opploses: ⟦når oppgaven er gjennomført|når oppgåva er gjennomført⟧
  koordinator:
    tittel: SLT-koordinator
    rolle:
      - ⟦Koordinatoren er bindeleddet mellom kommunen og politiet|Koordinatoren er bindeleddet mellom kommunen og politiet⟧.
    oppgaver:
      - ⟦Lede koordineringsgruppa|Leie koordineringsgruppa⟧
      - ⟦Skrive handlingsplanen og møteplanen|Skrive handlingsplanen og møteplanen⟧
  informasjonsutveksling:
    - ⟦Skriv her hvordan taushetsplikten ivaretas|Skriv her korleis teieplikta blir teken vare på⟧.
"""

HANDLINGSPLAN = """\
# {navn}: ⟦handlingsplanen. Teksten er plassholdere: skriv kommunens egne ord.|handlingsplanen. Teksten er plasshaldarar: skriv kommunen sine eigne ord.⟧
handlingsplan:
  tittel: ⟦Handlingsplan SLT|Handlingsplan SLT⟧
  periode: {aar}                    # ⟦ett år, eller|eitt år, eller⟧ {aar}-{aar_slutt}
  # undertittel: ⟦Undertittel på forsiden|Undertittel på framsida⟧
  vedtatt:
    av: ⟦Politirådet|Politirådet⟧
    # dato: {aar}-01-31             # ⟦også|også⟧ 31.1.{aar} ⟦eller|eller⟧ 31. januar {aar}
  visjon: ⟦Trygg oppvekst for alle barn og unge|Trygg oppvekst for alle born og unge⟧.
  bakgrunn:
    - tittel: ⟦Om SLT|Om SLT⟧
      innhold:
        - ⟦Skriv her om bakgrunnen for SLT-arbeidet i kommunen|Skriv her om bakgrunnen for SLT-arbeidet i kommunen⟧.
        - kilde: (SLT-håndboka, 2011)
  maal:
    - ⟦Forebygge rus og kriminalitet blant barn og unge|Førebyggje rus og kriminalitet blant born og unge⟧.
  maal_for_perioden:
    - punkter:
        - ⟦Skriv målene for perioden her|Skriv måla for perioden her⟧
  maalgruppe:
    - ⟦Barn og unge mellom 10 og 23 år og familiene deres|Born og unge mellom 10 og 23 år og familiane deira⟧.
  tilbakeblikk:                     # ⟦året før|året før⟧
    aar: {aar_for}
    innledning:
      - ⟦Skriv her hva som ble gjort i fjor|Skriv her kva som vart gjort i fjor⟧.
    moter:
      - organ: politiradet
        tema: [⟦Handlingsplan|Handlingsplan⟧, ⟦Status for tiltakene|Status for tiltaka⟧]
    arbeidsgrupper:
      - ⟦Arbeidsgruppe rusforebygging|Arbeidsgruppe rusførebygging⟧
  hovedmaal: ⟦Forebygge rus og kriminalitet blant barn og unge|Førebyggje rus og kriminalitet blant born og unge⟧
  tiltakstabell:
    kolonner: [delmaal, tiltak, ansvar, tidspunkt]   # ⟦eller|eller⟧ [tiltak, ansvar]
  delmaal:
    - tittel: ⟦Tidlig innsats|Tidleg innsats⟧
      tiltak:
        - tittel: ⟦Foreldremøte om rus|Foreldremøte om rus⟧
          punkter:
            - "⟦Tema: rus og digitale medier|Tema: rus og digitale medium⟧"
          ansvar: [SLT-koordinator, ⟦Rektor ungdomsskolen|Rektor ungdomsskulen⟧]
          tidspunkt:
            - ⟦Våren|Våren⟧ {aar}
        - tittel: ⟦Oppfølging i politirådet|Oppfølging i politirådet⟧
          ansvar: [SLT-koordinator]
          tidspunkt:
            - moter: politiradet       # ⟦datoene hentes fra møteplanen|datoane blir henta frå møteplanen⟧
    - tittel: ⟦Trygge møteplasser|Trygge møteplassar⟧
      tiltak:
        - tittel: ⟦Natteravn i helgene|Natteravn i helgane⟧
          ansvar: [⟦Frivillige|Frivillige⟧]
          tidspunkt:
            - hele_aaret: true         # «⟦Hele året|Heile året⟧»
  oppfolging:
    - ⟦Koordineringsgruppa følger opp planen og rapporterer til politirådet|Koordineringsgruppa følgjer opp planen og rapporterer til politirådet⟧.
"""

MOTEPLAN = """\
# {navn}: ⟦møteplanen for|møteplanen for⟧ {aar}. ⟦Faste møter skrives som regler under «serier»,|Faste møte skriv du som reglar under «serier»,⟧
# ⟦enkeltmøter under «moter». Datoer|enkeltmøte under «moter». Datoar⟧: {aar}-03-04, 4.3.{aar} ⟦eller|eller⟧ 4. mars {aar}.
moteplan:
  aar: {aar}
  organer: [politiradet, koordineringsgruppa]   # ⟦rekkefølgen i rutenettet|rekkjefølgja i rutenettet⟧
  serier:
    - organ: koordineringsgruppa    # ⟦første onsdag i hver måned|første onsdag i kvar månad⟧
      regel: {{frekvens: ⟦månedlig|månadleg⟧, ukedag: onsdag, nr: 1}}
      hopp_over_maaneder: [juli]
      tid: "08.30-10.00"
      sted: ⟦Rådhuset|Rådhuset⟧
      ved_fridag: flytt             # ⟦behold, dropp eller flytt (til neste arbeidsdag)|behald, dropp eller flytt (til neste arbeidsdag)⟧
    - organ: politiradet            # ⟦andre tirsdag i fire måneder|andre tysdag i fire månader⟧
      regel: {{ukedag: ⟦tirsdag|tysdag⟧, nr: 2, maaneder: [februar, mai, september, november]}}
      tid: "13.00-15.00"
      sted: ⟦Kommunestyresalen|Kommunestyresalen⟧
  moter:
    - organ: koordineringsgruppa
      dato: {planleggingsdag}
      tid: "09.00-14.00"
      tittel: ⟦Planleggingsdag for høsten|Planleggingsdag for hausten⟧
  # skoleferier:
  #   - {{navn: ⟦Vinterferie|Vinterferie⟧, fra: {aar}-02-20, til: {aar}-02-24}}
"""

DOKUMENTER = """\
# {navn}: ⟦mandat og tiltakstabeller som egne dokumenter|mandat og tiltakstabellar som eigne dokument⟧ (slt-docs lag {mappe}).
dokumenter:
  mandat:
    - organ: politiradet
    - organ: koordineringsgruppa
  tiltak:
    - tittel: ⟦Tiltak|Tiltak⟧ {aar}
"""

NETTSIDE = """\
# {navn}: ⟦det som bare står på SLT-nettsiden|det som berre står på SLT-nettsida⟧ (slt-docs lag {mappe} --doc nettside).
# ⟦Resten av siden lages fra organisasjonen, møteplanen og kontaktene.|Resten av sida blir laga frå organisasjonen, møteplanen og kontaktane.⟧
nettside:
  tittel: {nettside_tittel}
  innledning:
    - ⟦SLT står for samordning av lokale rus- og kriminalitetsforebyggende tiltak|SLT står for samordning av lokale rus- og kriminalitetsførebyggjande tiltak⟧.
  seksjoner:
    - tittel: ⟦Hva er SLT?|Kva er SLT?⟧
      innhold:
        - ⟦Skriv her hva SLT betyr i kommunen|Skriv her kva SLT tyder i kommunen⟧.
  dokumenter:
    - tittel: ⟦Planer|Planar⟧
      lenker:
        - tekst: ⟦Handlingsplan SLT|Handlingsplan SLT⟧
          url: https://www.{slug}.kommune.example/slt/handlingsplan.pdf
  antall_moter: 8                   # ⟦så mange av de neste møtene viser siden|så mange av dei neste møta viser sida⟧
"""

FILES = {
    "kommune.yaml": KOMMUNE,
    "organisasjon.yaml": ORGANISASJON,
    "handlingsplan.yaml": HANDLINGSPLAN,
    "moteplan.yaml": MOTEPLAN,
    "dokumenter.yaml": DOKUMENTER,
    "nettside.yaml": NETTSIDE,
}
"""The data files a new kommune starts with."""


def _yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar, quoted when it would not stay plain text."""
    if re.fullmatch(r"[\wÆØÅæøå][\wÆØÅæøå .\-]*", text) and text.strip() == text and \
            text.casefold() not in ("true", "false", "null", "yes", "no"):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scaffold_files(navn: str, spraak: str, aar: int, folder_label: str) -> dict[str, str]:
    """The text of every file of a new kommune named ``navn`` in written
    standard ``spraak`` (nb or nn), for the year ``aar``."""
    if spraak not in WRITTEN_STANDARDS:
        raise SltError(f"skriftspråket må være nb (bokmål) eller nn (nynorsk), ikke «{spraak}»")
    if not navn.strip():
        raise SltError("kommunen må ha et navn (--navn)")
    index = WRITTEN_STANDARDS.index(spraak)
    navn = re.sub(r"\s+kommune$", "", navn.strip(), flags=re.IGNORECASE) or navn.strip()
    june = dt.date(aar, 6, 15)
    planning_day = june + dt.timedelta(days=(3 - june.weekday()) % 7)  # a Thursday
    values = {"navn": navn, "navn_yaml": _yaml_scalar(navn),
              "nettside_tittel": _yaml_scalar(f"SLT i {navn}"),
              "planleggingsdag": f"{planning_day.day}. juni {aar}",
              "slug": slug(navn) or "kommune", "spraak": spraak, "aar": aar,
              "aar_slutt": aar + 3, "aar_for": aar - 1, "mappe": folder_label,
              "schema": SCHEMA_FILE}
    out = {}
    for name, text in FILES.items():
        text = _CHOICE.sub(lambda m: m[1 + index], text.format(**values))
        out[name] = _HEADER + text
    return out


def new_kommune(folder: str | Path, navn: str, spraak: str = "nb",
                aar: int | None = None) -> list[Path]:
    """Write a new kommune's data folder (and the schema) into ``folder``,
    which must be missing or empty, all or nothing; returns the paths
    written. Raises :class:`~slt_docs.errors.SltError`
    (:class:`~slt_docs.files.OutputError` when a file cannot be written)."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SltError(f"{folder} finnes og er ikke en tom mappe; velg en ny mappe (ingenting "
                       "er skrevet)")
    year = aar if aar is not None else dt.date.today().year
    files = scaffold_files(navn, spraak, year, str(folder))
    return write_files({**{folder / name: text.encode("utf-8") for name, text in files.items()},
                        folder / SCHEMA_FILE: schema_text().encode("utf-8")})
