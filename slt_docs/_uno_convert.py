"""Convert .docx files to tagged PDF with LibreOffice, updating the table of
contents first. Runs under a Python that can ``import uno`` (LibreOffice's own,
or Debian's python3-uno), never inside slt_docs' own interpreter.

Usage: python _uno_convert.py SOFFICE PROFILE_DIR IN.docx OUT.pdf [IN OUT ...]

It starts a private, headless LibreOffice (its own profile folder, a pipe
named after this process), opens each document hidden, updates every index
(the TOC field gets its headings and page numbers) and every field, exports a
tagged PDF (universell utforming), and shuts LibreOffice down.
"""

import os
import subprocess
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _connect(pipe, proc, timeout=60.0):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def main(argv):
    soffice, profile = argv[1], argv[2]
    pairs = list(zip(argv[3::2], argv[4::2]))
    pipe = f"slt_docs_{os.getpid()}"
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "--nolockcheck", f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = _connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for src, dst in pairs:
            doc = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                (_prop("Hidden", True), _prop("ReadOnly", False)))
            if doc is None:
                raise RuntimeError(f"LibreOffice could not open {src}")
            try:
                doc.getTextFields().refresh()
                indexes = doc.getDocumentIndexes()
                for i in range(indexes.getCount()):
                    indexes.getByIndex(i).update()
                doc.refresh()
                filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", (
                    _prop("UseTaggedPDF", True),
                    _prop("ExportBookmarks", True),
                    _prop("ExportNotes", False),
                ))
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (
                    _prop("FilterName", "writer_pdf_Export"),
                    _prop("FilterData", filter_data),
                ))
            finally:
                doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
