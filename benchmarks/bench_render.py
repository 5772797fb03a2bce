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
AUKRA = ROOT / "examples" / "aukra"
SIZES = (1000, 5000)

TARGET_RATIO = 1.2  # our render time / plain docxtpl, same template and context
TARGET_SECONDS = 2.0  # 1 000 tiltak end-to-end (load + view + render)
WELL_UNDER = 0.5  # "well under": at most this share of TARGET_SECONDS
TARGET_MB = 150.0  # peak RSS of a fresh process rendering 1 000 tiltak
TARGET_LINEAR = 1.2  # time per tiltak at 5 000 / time per tiltak at 1 000


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

def plain_context(view: Any, tpl: Any) -> dict[str, Any]:
    """What our renderer hands docxtpl: the view's fields, ``bilde`` and ``lenke``."""
    import attrs
    from docxtpl import RichText

    def lenke(link: Any) -> RichText:
        text = RichText()
        text.add(link.tekst, url_id=tpl.build_url_id(link.url), style="Hyperlink",
                 color="0563C1", underline=True)
        return text

    context = {f.name: getattr(view, f.name) for f in attrs.fields(type(view))}
    context["bilde"] = {}
    context["lenke"] = lenke
    return context


def render_plain(template: Path, view: Any) -> bytes:
    """Plain docxtpl: default Jinja Environment with autoescape, saved to memory."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render(plain_context(view, tpl), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def render_ours(template: Path, view: Any, lang: Any, created: dt.datetime) -> bytes:
    """Our renderer, from the same view (no pictures: the data has no logo)."""
    from slt_docs.render.docx import render_docx

    return render_docx(template, view, lang, pictures={}, created=created,
                       template_name=template.name)


# -- workers (run in fresh subprocesses) ----------------------------------------------

def _timed(fn: Any) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


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
    render_ours(template, small_view, small_lang, document_date(small, DocKind.handlingsplan))
    render_plain(template, small_view)

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
        pair = [("ours", lambda: render_ours(template, view, lang, created)),
                ("plain", lambda: render_plain(template, view))]
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
        out = render_plain(default_template(DocKind.handlingsplan), view)
    first_seconds = time.perf_counter() - start
    steps["render"] = _maxrss_mb()
    return {"case": case, "variant": variant, "peak_mb": _maxrss_mb(), "steps_mb": steps,
            "bytes": len(out), "import_seconds": import_seconds, "first_seconds": first_seconds,
            "modules": sorted(m for m in ("matplotlib", "numpy", "PIL") if m in sys.modules)}


def run_worker(args: list[str]) -> dict[str, Any]:
    """Run a worker in a fresh interpreter; its JSON answer."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"worker {' '.join(args)} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.splitlines()[-1])


# -- the report ---------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def benchmark(quick: bool, progress: bool) -> dict[str, Any]:
    repeats = {"aukra": 3 if quick else 15, "1000": 2 if quick else 7, "5000": 1 if quick else 3}
    cases = ["aukra", *(str(n) for n in SIZES)]
    timings, memory = {}, {}
    for case in cases:
        if progress:
            print(f"… timing {case} ×{repeats[case]}", file=sys.stderr, flush=True)
        timings[case] = run_worker(["time", case, str(repeats[case])])
    for case in cases:
        for variant in ("ours",) if quick else ("ours", "plain"):
            if progress:
                print(f"… memory {case} {variant}", file=sys.stderr, flush=True)
            memory[f"{case}/{variant}"] = run_worker(["memory", case, variant])
    baseline = run_worker(["baseline"])

    for t in timings.values():
        t["ratio"] = t["render_ours"]["median"] / t["render_plain"]["median"]
        t["ratio_min"] = t["render_ours"]["min"] / t["render_plain"]["min"]
        t["total_ours"] = (t["load"]["median"] + t["view"]["median"]
                           + t["render_ours"]["median"])

    small, large = timings[str(SIZES[0])], timings[str(SIZES[1])]
    scale = SIZES[1] / SIZES[0]
    linear = {key: (large[key]["median"] / SIZES[1]) / (small[key]["median"] / SIZES[0])
              for key in ("load", "view", "render_ours", "render_plain")}
    linear["total_ours"] = (large["total_ours"] / SIZES[1]) / (small["total_ours"] / SIZES[0])
    # a straight line through the two points: cost per tiltak and fixed cost
    slope = (large["total_ours"] - small["total_ours"]) / (SIZES[1] - SIZES[0])
    linear["fit_us_per_tiltak"] = slope * 1e6
    linear["fit_fixed_ms"] = (small["total_ours"] - slope * SIZES[0]) * 1000

    max_ratio = max(t["ratio"] for t in timings.values())
    t1000 = small["total_ours"]
    mb1000 = memory[f"{SIZES[0]}/ours"]["peak_mb"]
    cold1000 = (memory[f"{SIZES[0]}/ours"]["import_seconds"]
                + memory[f"{SIZES[0]}/ours"]["first_seconds"])
    targets = [
        {"name": f"overhead ours/plain docxtpl ≤ {TARGET_RATIO}× (worst case)",
         "value": round(max_ratio, 3), "pass": max_ratio <= TARGET_RATIO},
        {"name": f"cost linear in tiltak: time/tiltak at {SIZES[1]} ÷ at {SIZES[0]} "
                 f"≤ {TARGET_LINEAR}",
         "value": round(linear["total_ours"], 3), "pass": linear["total_ours"] <= TARGET_LINEAR},
        {"name": f"{SIZES[0]} tiltak end-to-end < {TARGET_SECONDS:.0f} s",
         "value": round(t1000, 3), "pass": t1000 < TARGET_SECONDS},
        {"name": f"{SIZES[0]} tiltak well under: ≤ {WELL_UNDER * TARGET_SECONDS:.1f} s",
         "value": round(t1000, 3), "pass": t1000 <= WELL_UNDER * TARGET_SECONDS},
        {"name": f"{SIZES[0]} tiltak in a fresh process (imports + first render) "
                 f"< {TARGET_SECONDS:.0f} s",
         "value": round(cold1000, 3), "pass": cold1000 < TARGET_SECONDS},
        {"name": f"{SIZES[0]} tiltak peak RSS < {TARGET_MB:.0f} MB",
         "value": round(mb1000, 1), "pass": mb1000 < TARGET_MB},
    ]
    return {
        "quick": quick,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "versions": _versions()},
        "scale": scale,
        "timings": timings,
        "memory": memory,
        "baseline_mb": baseline["peak_mb"],
        "linearity": linear,
        "targets": targets,
    }


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {p: version(p) for p in ("slt_docs", "docxtpl", "Jinja2", "python-docx", "lxml",
                                    "cattrs")}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def print_report(r: dict[str, Any]) -> None:
    m = r["machine"]
    print(f"slt_docs render benchmark{' (--quick)' if r['quick'] else ''}")
    print(f"Python {m['python']} on {m['platform']}, {m['cpus']} CPUs; "
          + ", ".join(f"{k} {v}" for k, v in m["versions"].items()))
    print("Times: median / min over n runs, each case in a fresh subprocess.")
    for case, t in r["timings"].items():
        title = "Aukra example" if case == "aukra" else f"synthetic, {int(case):,} tiltak"
        print(f"\n== {title}: {t['tiltak']} tiltak in {t['delmaal']} delmål "
              f"(docx {t['bytes_ours'] / 1024:.0f} KiB ours, {t['bytes_plain'] / 1024:.0f} KiB "
              "plain)")
        rows = [("load, YAML folder (slt_docs.load)", "load_yaml"),
                ("load, dict (load_dict: cattrs + checks)", "load"),
                ("view (handlingsplan_view)", "view"),
                ("render, ours (render_docx)", "render_ours"),
                ("render, plain docxtpl (same context)", "render_plain")]
        for label, key in rows:
            if key in t:
                s = t[key]
                print(f"  {label:<42}{_ms(s['median'])} / {_ms(s['min'])}   n={s['n']}")
        print(f"  {'ratio ours/plain (median; min)':<42}{t['ratio']:8.2f}×   "
              f"({t['ratio_min']:.2f}×)")
        print(f"  {'total ours: load + view + render':<42}{_ms(t['total_ours'])}"
              f"   ({t['total_ours'] / max(t['tiltak'], 1) * 1e6:.0f} µs per tiltak)")
    print("\n== Peak memory (ru_maxrss of a fresh process: imports + load + one render)")
    print(f"  {'baseline (python + imports only)':<42}{r['baseline_mb']:8.1f} MB")
    for key, mem in r["memory"].items():
        steps = ", ".join(f"{k} {v:.0f}" for k, v in mem["steps_mb"].items())
        print(f"  {key:<42}{mem['peak_mb']:8.1f} MB   (after {steps})")
    loaded = r["memory"][f"{SIZES[0]}/ours"]["modules"]
    if loaded:
        print(f"  note: importing slt_docs loads {', '.join(loaded)} (the årshjul's plotting)")
    print("\n== Cold process (fresh interpreter, first rendering; one run each, so noisy)")
    for key, mem in r["memory"].items():
        print(f"  {key:<42}imports {_ms(mem['import_seconds'])} + load/view/render "
              f"{_ms(mem['first_seconds'])} = {_ms(mem['import_seconds'] + mem['first_seconds'])}")
    for case in r["timings"]:
        ours, plain = r["memory"].get(f"{case}/ours"), r["memory"].get(f"{case}/plain")
        if ours and plain:
            print(f"  {case + ': first render ours/plain':<42}"
                  f"{ours['first_seconds'] / plain['first_seconds']:8.2f}×   (no compiled-template "
                  "reuse possible)")
    lin = r["linearity"]
    a, b = SIZES
    print(f"\n== Linearity: time per tiltak at {b:,} ÷ time per tiltak at {a:,} "
          "(1.00 = linear)")
    for key, label in (("load", "load_dict"), ("view", "view"), ("render_ours", "render, ours"),
                       ("render_plain", "render, plain"), ("total_ours", "total, ours")):
        print(f"  {label:<42}{lin[key]:8.2f}")
    print(f"  {'line through both, total ours':<42}{lin['fit_us_per_tiltak']:8.0f} µs per tiltak"
          f" + {lin['fit_fixed_ms']:.0f} ms fixed (Aukra's whole render: "
          f"{r['timings']['aukra']['total_ours'] * 1000:.0f} ms)")
    print("\n== Targets (issue 3, item 8)")
    for t in r["targets"]:
        print(f"  [{verdict(t['pass'])}] {t['name']}: {t['value']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
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
        else:
            import docxtpl  # noqa: F401

            import slt_docs.documents  # noqa: F401
            answer = {"peak_mb": _maxrss_mb()}
        print(json.dumps(answer))
        return 0
    result = benchmark(args.quick, progress=args.json != "-")
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
