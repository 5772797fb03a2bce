"""The UNO side of :class:`slt_docs.render.office.OfficeSession`.

Runs under a Python that can ``import uno`` (Debian's python3-uno with the
system Python, or the Python bundled with LibreOffice), never inside
slt_docs' own interpreter, and uses the standard library only.

Usage: PYTHON _uno_worker.py PIPE_NAME CONNECT_TIMEOUT OFFICE_PGID SESSION_DIR

It connects to the LibreOffice the session started (listening on the named
pipe), answers ``{"ok": true, "ready": true, "version": "7.4.7.2"}`` and
then reads one JSON request per line on stdin and writes one JSON reply per
line on stdout:

- ``{"op": "pdf", "src": IN.docx, "dst": OUT.pdf, "ua": true}``: update the
  indexes and fields, export a tagged PDF (PDF/UA-1 when ``ua``);
- ``{"op": "toc", "src": IN.docx}``: update the indexes and return every
  table of contents line as LibreOffice laid it out:
  ``{"ok": true, "toc": [{"level": 1, "text": "Bakgrunn", "page": "3"}, …]}``;
- ``{"op": "quit"}``: close LibreOffice and end.

A failed job answers ``{"ok": false, "error": KIND, "detail": TEXT}`` with
KIND ``"office"`` when the connection to LibreOffice is lost (it crashed)
and ``"job"`` when this one document could not be handled. Documents are
opened hidden and read-only and closed without saving: LibreOffice never
writes a .docx. When stdin closes (the session's process ended without
saying goodbye, e.g. it was killed), the worker ends LibreOffice's process
group, removes the session's folder (LibreOffice's profile) and exits.
"""

import json
import os
import re
import shutil
import signal
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
from com.sun.star.lang import DisposedException  # type: ignore[import-not-found]
from com.sun.star.uno import RuntimeException  # type: ignore[import-not-found]


def _prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _connect(pipe, timeout):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _version(ctx):
    try:
        provider = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", ctx)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            (_prop("nodepath", "/org.openoffice.Setup/Product"),))
        return access.getByName("ooSetupVersionAboutBox")
    except Exception:
        return ""


class Worker:
    def __init__(self, ctx):
        self.ctx = ctx
        self.desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)

    def _open(self, src):
        url = uno.systemPathToFileUrl(os.path.abspath(src))
        doc = self.desktop.loadComponentFromURL(
            url, "_blank", 0, (_prop("Hidden", True), _prop("ReadOnly", True)))
        if doc is None:
            raise ValueError(f"LibreOffice could not open {src}")
        return doc

    @staticmethod
    def _update(doc):
        doc.getTextFields().refresh()
        indexes = doc.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.refresh()

    def pdf(self, job):
        doc = self._open(job["src"])
        try:
            self._update(doc)
            filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", (
                _prop("UseTaggedPDF", True),
                _prop("PDFUACompliance", bool(job.get("ua", True))),
                _prop("DisplayPDFDocumentTitle", True),
                _prop("ExportBookmarks", True),
                _prop("ExportNotes", False),
                _prop("UseLosslessCompression", True),
            ))
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["dst"])), (
                _prop("FilterName", "writer_pdf_Export"),
                _prop("FilterData", filter_data),
            ))
        finally:
            doc.close(True)
        return {}

    def toc(self, job):
        doc = self._open(job["src"])
        try:
            self._update(doc)
            lines = []
            indexes = doc.getDocumentIndexes()
            for i in range(indexes.getCount()):
                index = indexes.getByIndex(i)
                if not index.supportsService("com.sun.star.text.ContentIndex"):
                    continue
                paragraphs = index.getAnchor().createEnumeration()
                while paragraphs.hasMoreElements():
                    para = paragraphs.nextElement()
                    if not para.supportsService("com.sun.star.text.Paragraph"):
                        continue
                    text = para.getString()
                    style = para.getPropertyValue("ParaStyleName") or ""
                    level = re.search(r"(\d+)$", style)
                    title, _, page = text.rpartition("\t")
                    if not title:
                        title, page = text, ""
                    lines.append({"level": int(level.group(1)) if level else 0,
                                  "text": title, "page": page.strip(), "style": style})
        finally:
            doc.close(True)
        return {"toc": lines}

    def alive(self):
        try:
            self.desktop.getComponents()
            return True
        except Exception:
            return False

    def quit(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass


def _orphaned(pgid, folder):
    """The session went away without closing: end LibreOffice, remove its profile."""
    if pgid > 0 and hasattr(os, "killpg"):
        try:
            os.killpg(pgid, signal.SIGTERM)
            time.sleep(2)
            os.killpg(pgid, signal.SIGKILL)
        except OSError:
            pass
    if folder and os.path.basename(folder).startswith("slt_docs_office_"):
        shutil.rmtree(folder, ignore_errors=True)


def main(argv):
    # The replies go to a private copy of stdout; anything else that writes to
    # stdout (LibreOffice, a library) lands on stderr instead.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    pipe, timeout, pgid, folder = argv[1], float(argv[2]), int(argv[3]), argv[4]

    def reply(obj):
        out.write(json.dumps(obj, ensure_ascii=True) + "\n")
        out.flush()

    try:
        worker = Worker(_connect(pipe, timeout))
    except Exception as exc:
        reply({"ok": False, "error": "office", "detail": f"{type(exc).__name__}: {exc}"})
        return 1
    reply({"ok": True, "ready": True, "version": _version(worker.ctx)})
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            job = json.loads(line)
            op = job.get("op")
            if op == "quit":
                worker.quit()
                reply({"ok": True})
                return 0
            if op not in ("pdf", "toc"):
                raise ValueError(f"unknown op {op!r}")
            result = getattr(worker, op)(job)
            reply({"ok": True, **result})
        except (DisposedException, RuntimeException) as exc:
            kind = "office" if isinstance(exc, DisposedException) or not worker.alive() else "job"
            reply({"ok": False, "error": kind, "detail": f"{type(exc).__name__}: {exc}"})
        except Exception as exc:
            reply({"ok": False, "error": "job", "detail": f"{type(exc).__name__}: {exc}"})
    _orphaned(pgid, folder)  # stdin closed without "quit": the session is gone
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
