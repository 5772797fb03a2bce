"""Benchmark: rendering the handlingsplan, ours against plain docxtpl.

A script that prints figures (not a timed test)::

    python benchmarks/bench_render.py            # full run (about a minute on 2 cores)
    python benchmarks/bench_render.py --quick    # fewer runs, no plain memory runs (~25 s)
    python benchmarks/bench_render.py --json     # the figures as JSON on stdout
    python benchmarks/bench_render.py --json out.json   # text report, JSON written to a file

Cases: the Aukra example (``examples/aukra``) and synthetic plans of 1 000 and
5 000 tiltak (Aukra's data with its delmål replaced; 10–50 tiltak per delmål,
each with 3 bullet points, 2–3 ansvar and a tidspunkt), built through
``slt_docs.load_dict``.

For every case, in a fresh subprocess:

- **load**: ``slt_docs.load_dict`` (cattrs structuring + the data checks); for
  Aukra also ``slt_docs.load`` of the folder (YAML + the same);
- **view**: ``handlingsplan_view(data, lang)``;
- **render, ours**: ``render_docx`` (docxtpl in the sandboxed environment,
  document properties, language, zip normalisation), from the view;
- **render, plain**: plain docxtpl with the SAME template and the SAME
  prepared context (the view's fields as a dict, plus ``bilde`` {} and a
  ``lenke`` helper like ours), in docxtpl's default Jinja ``Environment`` with
  autoescape, saved to memory;
- **ours/plain**: ratio of the two render medians (same input, runs
  interleaved so drift hits both alike); and the end-to-end time
  load + view + render.

Peak memory: each case × variant runs once more in a fresh subprocess that
reports its own ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` — the peak
resident set of that process, interpreter and imports included, i.e. what the
operating system sees when a coordinator runs ``slt-docs lag``. Not
tracemalloc: it only sees allocations made through Python's allocator, and most
of the memory of a rendering is lxml/libxml2 trees allocated with malloc, so it
would under-report. Not the parent's ``RUSAGE_CHILDREN`` either: that is the
maximum over *all* children waited for so far, so it cannot tell cases apart.
The same subprocesses give the cold figures: import time and the first
load + view + render (where no compiled template can be reused).

Whole command: ``python -m slt_docs lag examples/aukra --doc handlingsplan``
against a bare process that imports docxtpl and renders the same template
with the same context (``BARE``), each in a fresh process, interleaved, CPU
medians. As a user has it: Python's bytecode cache on (``benchmarks/common.py``)
and slt_docs' compiled template code kept between runs (``SLT_DOCS_CACHE``, in
a temporary folder); the first run of each is not counted, and ours is also
printed for a first run with an empty cache.

Targets (issue 3, item 8), PASS/FAIL at the end: render ours/plain ≤ 1.2× in
every case (medians, warm); time per tiltak at 5 000 ≤ 1.2 × that at 1 000
(total load + view + render); 1 000 tiltak end-to-end < 2 s, "well under" read
as ≤ 1 s, and < 2 s also in a fresh process with its imports; peak RSS of a
fresh process rendering 1 000 tiltak < 150 MB. ``--strict`` exits 1 on a FAIL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's slt_docs, not an installed one
sys.path.insert(1, str(Path(__file__).resolve().parent))
from common import checkout_env, run_json  # noqa: E402

AUKRA = ROOT / "examples" / "aukra"
SIZES = (100, 1000, 5000, 20000)
TINY_SIZES = (100,)
BASE, BIG = 1000, 20000  # linearity: time per tiltak at BIG ÷ at BASE

TARGET_RATIO = 1.2  # our render time / plain docxtpl, same template and context
TARGET_SECONDS = 2.0  # 1 000 tiltak end-to-end (load + view + render)
WELL_UNDER = 0.5  # "well under": at most this share of TARGET_SECONDS
TARGET_MB = 150.0  # peak RSS of a fresh process rendering 1 000 tiltak
TARGET_LINEAR = 1.2  # time per tiltak at 20 000 / time per tiltak at 1 000
TARGET_CLI = 3.0  # `slt-docs render` of Aukra's handlingsplan / a bare docxtpl process


# -- synthetic data ---------------------------------------------------------------

_WORDS = (
    "førebygging", "barn", "unge", "skole", "politi", "kommune", "samarbeid", "foreldre",
    "rus", "kriminalitet", "oppvekst", "tiltak", "møte", "informasjon", "helse", "kultur",
    "frivillige", "ungdomsråd", "koordinator", "arbeidsgruppe", "rettleiar", "kunnskap",
    "tverrfagleg", "innsats", "oppfølging", "nettverk", "trygg", "inkludering", "miljø",
    "aktivitetar", "tilbod", "ressursar", "kartlegging", "evaluering", "plan",
)
_ANSVAR = (
    "SLT-koordinator", "SLT-koordineringsgruppa", "Politiet", "Politikontakten",
    "Helsesjukepleiar", "Rektorar", "Barnevernet", "Kultursjef", "NAV", "Ungdomsrådet",
    "Folkehelsekoordinator", "Utførande nivå", "Aukra kommune", "Frivilligsentralen",
)
_TIDSPUNKT = ("Våren 2022", "Hausten 2022", "Gjennomføring våren 2022",
              "Fast møteverksemd fire gangar i året", "Vært avklart på eit seinare tidspunkt")


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.1:
        words.insert(len(words) // 2, "&")  # the kind of text autoescaping must handle
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def synthetic_tiltak(rng: random.Random) -> dict[str, Any]:
    """One tiltak of realistic size."""
    tidspunkt: list[Any]
    roll = rng.random()
    if roll < 0.3:
        tidspunkt = [{"hele_aaret": True}]
    elif roll < 0.4:
        tidspunkt = [{"etikett": "Planlegging", "tekst": rng.choice(_TIDSPUNKT)},
                     rng.choice(_TIDSPUNKT)]
    else:
        tidspunkt = [rng.choice(_TIDSPUNKT)]
    return {
        "tittel": _sentence(rng, 3, 7).rstrip("."),
        "punkter": [_sentence(rng, 8, 22) for _ in range(3)],
        "ansvar": rng.sample(_ANSVAR, rng.randint(2, 3)),
        "tidspunkt": tidspunkt,
    }


def synthetic_raw(count: int, seed: int = 2022) -> dict[str, Any]:
    """Aukra's data as plain dicts, its delmål replaced by ``count`` tiltak
    spread over delmål of 10–50 tiltak each."""
    import slt_docs

    raw = slt_docs.to_dict(slt_docs.load(AUKRA))
    rng = random.Random(seed)
    delmaal = []
    left = count
    while left:
        n = min(left, rng.randint(10, 50))
        left -= n
        delmaal.append({
            "tittel": _sentence(rng, 6, 14).rstrip("."),
            "presisering": rng.choice(["generelt", "byggande", "førebyggjande"]),
            "tiltak": [synthetic_tiltak(rng) for _ in range(n)],
        })
    raw["handlingsplan"]["delmaal"] = delmaal
    raw.pop("status", None)  # Aukra's status names Aukra's tiltak, not these
    return raw


def case_raw(case: str) -> dict[str, Any]:
    """The plain data of a case: ``aukra`` or a number of tiltak."""
    import slt_docs

    if case == "aukra":
        return slt_docs.to_dict(slt_docs.load(AUKRA))
    return synthetic_raw(int(case))


# -- the two renderers -------------------------------------------------------------

Pictures = dict[str, tuple[bytes, float]]
"""The pictures a view shows, by name: PNG bytes and width in mm."""


def view_pictures(data: Any, view: Any) -> Pictures:
    """The pictures the handlingsplan shows — the årshjul, and the status
    chart when the data has a status file — drawn once, outside the timings."""
    from slt_docs.aarshjul import aarshjul_png

    pictures: Pictures = {}
    if getattr(view, "aarshjul", ""):
        pictures["aarshjul"] = (aarshjul_png(data), 135)
    if getattr(view, "statusoversikt", None) is not None:
        from slt_docs.cycle.chart import status_chart_png
        from slt_docs.cycle.status import summary_year, year_status

        status = year_status(data, summary_year(data))
        language = slt_docs_language(data)
        pictures["statusdiagram"] = (status_chart_png(status, language), 120)
    return pictures


def slt_docs_language(data: Any) -> Any:
    import slt_docs

    return slt_docs.get_language(data.kommune.spraak)


def plain_context(view: Any, tpl: Any, pictures: Pictures) -> dict[str, Any]:
    """What our renderer hands docxtpl: the view's fields, ``bilde`` and ``lenke``."""
    import attrs
    from docx.shared import Mm
    from docxtpl import InlineImage, RichText

    def lenke(link: Any) -> RichText:
        text = RichText()
        text.add(link.tekst, url_id=tpl.build_url_id(link.url), style="Hyperlink",
                 color="0563C1", underline=True)
        return text

    context = {f.name: getattr(view, f.name) for f in attrs.fields(type(view))}
    context["bilde"] = {name: InlineImage(tpl, io.BytesIO(png), width=Mm(width))
                        for name, (png, width) in pictures.items()}
    context["lenke"] = lenke
    return context


def render_plain(template: Path, view: Any, pictures: Pictures) -> bytes:
    """Plain docxtpl: default Jinja Environment with autoescape, saved to memory."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render(plain_context(view, tpl, pictures), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def render_ours(template: Path, view: Any, lang: Any, created: dt.datetime,
                pictures: Pictures) -> bytes:
    """Our renderer, from the same view and the same pictures (the example
    data has no logo)."""
    from slt_docs.render.docx import Picture, render_docx

    ours = {name: Picture(source=png, width_mm=width, alt=name)
            for name, (png, width) in pictures.items()}
    return render_docx(template, view, lang, pictures=ours, created=created,
                       template_name=template.name, trusted=True)  # our own template


# -- workers (run in fresh subprocesses) ----------------------------------------------

def _timed(fn: Any) -> tuple[float, Any]:
    """CPU time of ``fn()`` (this process; rendering is single-threaded), so
    that other work on a shared machine does not inflate the figures."""
    gc.collect()
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def _stats(times: list[float]) -> dict[str, Any]:
    return {"median": statistics.median(times), "min": min(times), "n": len(times),
            "runs": times}


def worker_time(case: str, repeat: int) -> dict[str, Any]:
    """Time every stage of one case, ``repeat`` times each."""
    import slt_docs
    from slt_docs.documents import DocKind, default_template, document_date
    from slt_docs.view import handlingsplan_view

    template = default_template(DocKind.handlingsplan)
    raw = case_raw(case)
    # warm up lazy imports, catalogs and Babel data on the small example first
    small = slt_docs.load(AUKRA)
    small_lang = slt_docs.get_language(small.kommune.spraak)
    small_view = handlingsplan_view(small, small_lang)
    pictures = view_pictures(small, small_view)  # the same møteplan in every case
    render_ours(template, small_view, small_lang, document_date(small, DocKind.handlingsplan),
                pictures)
    render_plain(template, small_view, pictures)

    result: dict[str, Any] = {"case": case}
    if case == "aukra":
        result["load_yaml"] = _stats([_timed(lambda: slt_docs.load(AUKRA))[0]
                                      for _ in range(repeat)])
    loads = [_timed(lambda: slt_docs.load_dict(raw)) for _ in range(repeat)]
    data = loads[-1][1]
    result["load"] = _stats([t for t, _ in loads])
    lang = slt_docs.get_language(data.kommune.spraak)
    views = [_timed(lambda: handlingsplan_view(data, lang)) for _ in range(repeat)]
    view = views[-1][1]
    result["view"] = _stats([t for t, _ in views])
    result["tiltak"] = view.tiltak.antall_tiltak
    result["delmaal"] = len(view.tiltak.delmaal)
    created = document_date(data, DocKind.handlingsplan)
    ours, plain = [], []
    for i in range(repeat):  # interleaved, alternating which goes first
        pair = [("ours", lambda: render_ours(template, view, lang, created, pictures)),
                ("plain", lambda: render_plain(template, view, pictures))]
        for name, fn in pair if i % 2 == 0 else reversed(pair):
            seconds, out = _timed(fn)
            (ours if name == "ours" else plain).append(seconds)
            result[f"bytes_{name}"] = len(out)
    result["render_ours"] = _stats(ours)
    result["render_plain"] = _stats(plain)
    return result


def _maxrss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def worker_memory(case: str, variant: str) -> dict[str, Any]:
    """One rendering in this (fresh) process; the peak RSS after each step, and
    the cold times: imports, and load + view + render the first time."""
    start = time.perf_counter()
    import docxtpl  # noqa: F401  (both variants pay for the same imports)

    import slt_docs
    from slt_docs.documents import DocKind, Options, default_template, render_bytes
    from slt_docs.view import handlingsplan_view

    import_seconds = time.perf_counter() - start
    steps = {"imports": _maxrss_mb()}
    raw = case_raw(case)
    steps["raw_dict"] = _maxrss_mb()
    start = time.perf_counter()
    data = slt_docs.load_dict(raw)
    steps["load"] = _maxrss_mb()
    if variant == "ours":  # the public API, as `slt-docs lag` runs it
        out = render_bytes(data, DocKind.handlingsplan, Options())
    else:
        view = handlingsplan_view(data, slt_docs.get_language(data.kommune.spraak))
        steps["view"] = _maxrss_mb()
        out = render_plain(default_template(DocKind.handlingsplan), view,
                           view_pictures(data, view))
    first_seconds = time.perf_counter() - start
    steps["render"] = _maxrss_mb()
    return {"case": case, "variant": variant, "peak_mb": _maxrss_mb(), "steps_mb": steps,
            "bytes": len(out), "import_seconds": import_seconds, "first_seconds": first_seconds,
            "modules": sorted(m for m in ("matplotlib", "numpy", "PIL") if m in sys.modules)}


# -- a whole command against a bare docxtpl process (fresh processes) ------------------

BARE = """
import io, json, sys
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText
context_file, pictures_file, template, out = sys.argv[1:5]
with open(context_file, encoding="utf-8") as fh:
    context = json.load(fh)
tpl = DocxTemplate(template)
def lenke(link):
    text = RichText()
    text.add(link["tekst"], url_id=tpl.build_url_id(link["url"]), style="Hyperlink",
             color="0563C1", underline=True)
    return text
context["lenke"] = lenke
with open(pictures_file, encoding="utf-8") as fh:
    pictures = json.load(fh)
context["bilde"] = {name: InlineImage(tpl, png, width=Mm(width))
                    for name, (png, width) in pictures.items()}
tpl.render(context, autoescape=True)
tpl.save(out)
"""
"""A bare docxtpl process: read the prepared context (the view as JSON) and
the pictures (the årshjul, the status chart), render the template, save the
file — nothing else."""


def worker_prepare(folder: str) -> dict[str, Any]:
    """Write the context of Aukra's handlingsplan (the view as plain JSON) and
    its pictures into ``folder``, for the bare docxtpl process."""
    import attrs

    import slt_docs
    from slt_docs.documents import DocKind, default_template
    from slt_docs.view import handlingsplan_view

    data = slt_docs.load(AUKRA)
    view = handlingsplan_view(data, slt_docs.get_language(data.kommune.spraak))
    context = attrs.asdict(view, recurse=True)
    target = Path(folder)
    (target / "context.json").write_text(json.dumps(context, ensure_ascii=False),
                                         encoding="utf-8")
    files = {}
    for name, (png, width) in view_pictures(data, view).items():
        (target / f"{name}.png").write_bytes(png)
        files[name] = (str(target / f"{name}.png"), width)
    (target / "pictures.json").write_text(json.dumps(files), encoding="utf-8")
    return {"template": str(default_template(DocKind.handlingsplan)),
            "pictures": str(target / "pictures.json")}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_timed(cmd: list[str], **env: str) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of ``cmd`` in a fresh process
    (``env``: more environment variables)."""
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                          env=checkout_env(**env), check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode})")
    return seconds, _children_cpu() - cpu


def cold_cli(repeat: int, progress: bool) -> dict[str, Any]:
    """``python -m slt_docs render examples/aukra --doc handlingsplan`` against a
    bare docxtpl process rendering the same template with the same context,
    interleaved, each in a fresh process; wall and CPU times. The ratio is
    of CPU times (on a shared machine the wall time holds other people's
    work; on an idle one the two are the same, all of it single-threaded)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="slt_bench_cli_") as tmp:
        prepared = run_worker(["prepare", tmp])
        ours_cmd = [sys.executable, "-m", "slt_docs", "render", str(AUKRA), "--doc",
                    "handlingsplan", "-o", str(Path(tmp) / "ours.docx")]
        if "--uten-libreoffice" in subprocess.run(
                [*ours_cmd[:4], "--help"], capture_output=True, text=True, cwd=ROOT,
                env=checkout_env(), check=False).stdout:
            # like the bare process: no LibreOffice layout pass for the TOC's page numbers
            ours_cmd.append("--uten-libreoffice")
        bare_cmd = [sys.executable, "-c", BARE, str(Path(tmp) / "context.json"),
                    prepared["pictures"], prepared["template"], str(Path(tmp) / "bare.docx")]
        python_cmd = [sys.executable, "-c", "pass"]
        runs: dict[str, list[tuple[float, float]]] = {"ours": [], "bare": [], "python": []}
        cache = str(Path(tmp) / "cache")  # slt_docs' compiled template code (SLT_DOCS_CACHE)
        # The first run of each, not counted: modules compiled to bytecode,
        # files read into the page cache, the template's code cached (and
        # that first run of ours on its own, with an empty cache, as a
        # coordinator's very first command has it).
        runs["ours_first"] = [_run_timed(ours_cmd, SLT_DOCS_CACHE=cache)]
        _run_timed(bare_cmd)
        for i in range(repeat):
            if progress:
                print(f"… cold CLI run {i + 1}/{repeat}", file=sys.stderr, flush=True)
            pair = [("ours", ours_cmd), ("bare", bare_cmd)]
            for name, cmd in pair if i % 2 == 0 else reversed(pair):
                runs[name].append(_run_timed(cmd, SLT_DOCS_CACHE=cache))
            runs["python"].append(_run_timed(python_cmd))
    result: dict[str, Any] = {name: _stats([wall for wall, _ in times])
                              for name, times in runs.items()}
    for name, times in runs.items():
        result[f"{name}_cpu"] = _stats([cpu for _, cpu in times])
    result["ratio"] = result["ours_cpu"]["median"] / result["bare_cpu"]["median"]
    result["ratio_wall"] = result["ours"]["median"] / result["bare"]["median"]
    result["import_slt_docs"] = import_time()
    return result


def import_time() -> dict[str, Any]:
    """``import slt_docs`` in a fresh process: seconds (``-X importtime``'s
    cumulative total) and which heavy modules it loaded."""
    code = ("import sys, slt_docs; print(' '.join(m for m in ('matplotlib', 'numpy', 'PIL', "
            "'icalendar', 'slt_docs.packs.lint', 'slt_docs.data.dump', 'docxtpl', "
            "'slt_docs.ooxml') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True,
                          text=True, cwd=ROOT, env=checkout_env(), check=True)
    total = 0
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == "slt_docs":
            total = int(parts[1])
    return {"seconds": total / 1e6, "heavy": proc.stdout.split()}


def run_worker(args: list[str]) -> dict[str, Any]:
    """Run a worker in a fresh interpreter; its JSON answer."""
    return run_json(__file__, args)


# -- the report ---------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def benchmark(mode: str, progress: bool) -> dict[str, Any]:
    """``mode``: ``full``, ``quick`` (fewer runs) or ``tiny`` (CI: Aukra and 100
    tiltak once, no memory runs)."""
    sizes = TINY_SIZES if mode == "tiny" else SIZES
    full = mode == "full"
    repeats = {"aukra": 15 if full else 3, "100": 15 if full else 3, "1000": 7 if full else 2,
               "5000": 3 if full else 1, "20000": 3 if full else 1}
    if mode == "tiny":
        repeats = dict.fromkeys(repeats, 1)
    cases = ["aukra", *(str(n) for n in sizes)]
    timings, memory = {}, {}
    for case in cases:
        if progress:
            print(f"… timing {case} ×{repeats[case]}", file=sys.stderr, flush=True)
        timings[case] = run_worker(["time", case, str(repeats[case])])
    if mode != "tiny":
        for case in (c for c in cases if c != str(BIG)):
            for variant in ("ours", "plain") if full else ("ours",):
                if progress:
                    print(f"… memory {case} {variant}", file=sys.stderr, flush=True)
                memory[f"{case}/{variant}"] = run_worker(["memory", case, variant])
    cold = cold_cli(7 if full else 3 if mode == "quick" else 1, progress)

    for t in timings.values():
        t["ratio"] = t["render_ours"]["median"] / t["render_plain"]["median"]
        t["ratio_min"] = t["render_ours"]["min"] / t["render_plain"]["min"]
        t["total_ours"] = (t["load"]["median"] + t["view"]["median"]
                           + t["render_ours"]["median"])
        t["us_per_tiltak"] = t["total_ours"] / max(t["tiltak"], 1) * 1e6

    linear: dict[str, float] = {}
    if str(BIG) in timings and str(BASE) in timings:
        small, large = timings[str(BASE)], timings[str(BIG)]
        for key in ("load", "view", "render_ours", "render_plain"):
            linear[key] = (large[key]["median"] / BIG) / (small[key]["median"] / BASE)
        linear["total_ours"] = (large["total_ours"] / BIG) / (small["total_ours"] / BASE)

    targets = []
    compared = [c for c in cases if c in ("aukra", "100", "1000", "5000")]
    worst = max(timings[c]["ratio"] for c in compared)
    targets.append({"name": f"in-process render ours/plain docxtpl ≤ {TARGET_RATIO}× "
                    f"(worst of {', '.join(compared)})", "value": round(worst, 3),
                    "pass": worst <= TARGET_RATIO})
    if linear:
        targets.append({"name": f"linear: time per tiltak at {BIG:,} ÷ at {BASE:,} "
                        f"≤ {TARGET_LINEAR}", "value": round(linear["total_ours"], 3),
                        "pass": linear["total_ours"] <= TARGET_LINEAR})
    targets.append({"name": f"`slt-docs render` of Aukra's handlingsplan ≤ {TARGET_CLI:.0f}× "
                    "a bare docxtpl process", "value": round(cold["ratio"], 3),
                    "pass": cold["ratio"] <= TARGET_CLI})
    if f"{BASE}/ours" in memory:
        mb = memory[f"{BASE}/ours"]["peak_mb"]
        targets.append({"name": f"{BASE} tiltak peak RSS < {TARGET_MB:.0f} MB",
                        "value": round(mb, 1), "pass": mb < TARGET_MB})
    return {
        "mode": mode,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "versions": _versions(),
                    "load_average": os.getloadavg()[0]},
        "timings": timings,
        "memory": memory,
        "cold": cold,
        "linearity": linear,
        "targets": targets,
    }


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {p: version(p) for p in ("docxtpl", "Jinja2", "python-docx", "lxml", "cattrs",
                                    "Pillow", "numpy")}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def print_report(r: dict[str, Any]) -> None:
    m = r["machine"]
    print(f"slt_docs render benchmark ({r['mode']})")
    print(f"Python {m['python']} on {m['platform']}, {m['cpus']} CPUs, load average "
          f"{m['load_average']:.1f}; " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()))
    print("In-process, warm, CPU time (medians; each case in a fresh subprocess; ours and "
          "plain interleaved on the same view and årshjul picture):\n")
    print(f"  {'case':<22}{'tiltak':>7}{'load':>11}{'view':>11}{'render ours':>13}"
          f"{'plain':>11}{'ours/plain':>11}{'total':>11}{'µs/tiltak':>10}")
    for case, t in r["timings"].items():
        name = "Aukra example" if case == "aukra" else f"synthetic {int(case):,}"
        print(f"  {name:<22}{t['tiltak']:>7}{_ms(t['load']['median']):>11}"
              f"{_ms(t['view']['median']):>11}{_ms(t['render_ours']['median']):>13}"
              f"{_ms(t['render_plain']['median']):>11}{t['ratio']:>10.2f}×"
              f"{_ms(t['total_ours']):>11}{t['us_per_tiltak']:>10.0f}")
    if r["linearity"]:
        lin = r["linearity"]
        print(f"\n  linearity, time per tiltak at {BIG:,} ÷ at {BASE:,} (1.00 = linear): "
              + ", ".join(f"{k} {v:.2f}" for k, v in lin.items()))
    if r["memory"]:
        print("\n  Peak memory (ru_maxrss of a fresh process: imports + load + one render)")
        for key, mem in r["memory"].items():
            print(f"  {key:<22}{mem['peak_mb']:8.1f} MB   imports {_ms(mem['import_seconds'])}"
                  f", first load/view/render {_ms(mem['first_seconds'])}; heavy modules "
                  f"loaded: {', '.join(mem['modules']) or 'none'}")
    c = r["cold"]
    print("\n  Whole command, fresh process each (medians; CPU = user + system):")
    print(f"  {'':<48}{'CPU':>11}{'wall':>14}")
    for key, label in (("ours", "slt-docs lag aukra --doc handlingsplan"),
                       ("ours_first", "  the same, first run (no compiled code kept)"),
                       ("bare", "bare docxtpl process, same template + context"),
                       ("python", "python -c pass")):
        if key + "_cpu" in c:
            print(f"  {label:<48}{_ms(c[key + '_cpu']['median']):>11}"
                  f"{_ms(c[key]['median']):>14}")
    print(f"  {'ratio ours/bare':<48}{c['ratio']:10.2f}×{c['ratio_wall']:13.2f}×")
    imp = c["import_slt_docs"]
    print(f"  {'import slt_docs (-X importtime)':<48}{_ms(imp['seconds'])}   heavy modules "
          f"loaded: {', '.join(imp['heavy']) or 'none'}")
    print("\n  Targets (issues 3 and 12)")
    for t in r["targets"]:
        print(f"  [{verdict(t['pass'])}] {t['name']}: {t['value']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--tiny", action="store_true",
                        help="CI size: Aukra and 100 tiltak, one run each, no memory runs")
    parser.add_argument("--json", nargs="?", const="-", metavar="FILE",
                        help="JSON on stdout (no text), or written to FILE")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, *rest = args.worker
        if kind == "time":
            answer = worker_time(rest[0], int(rest[1]))
        elif kind == "memory":
            answer = worker_memory(rest[0], rest[1])
        elif kind == "prepare":
            answer = worker_prepare(rest[0])
        else:
            raise SystemExit(f"unknown worker {kind}")
        print(json.dumps(answer))
        return 0
    mode = "tiny" if args.tiny else "quick" if args.quick else "full"
    result = benchmark(mode, progress=args.json != "-")
    if args.json == "-":
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print_report(result)
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    failed = not all(t["pass"] for t in result["targets"])
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
