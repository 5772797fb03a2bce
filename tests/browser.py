"""A real browser for the web page tests: Debian's headless Chromium driven by
selenium, with axe-core (from npm, installed into node_modules/ by
scripts/test.sh and .ci/run) run inside the page.

Nothing here skips: a missing browser, driver or axe-core fails the test
with the command that installs it.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "out" / "skjermbilder"
CHROMIUM = ("/usr/bin/chromium", "chromium")
CHROMEDRIVER = ("/usr/bin/chromedriver", "chromedriver")
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
"""Every WCAG 2.0 and 2.1 rule of level A and AA that axe-core has."""
INSTALL = ("apt-get install chromium chromium-driver; npm ci; pip install -e '.[test]' "
           "(scripts/test.sh does all of it)")


def _find(candidates: tuple[str, ...]) -> str | None:
    for name in candidates:
        found = shutil.which(name) or (name if Path(name).is_file() else None)
        if found:
            return found
    return None


def require_tools() -> tuple[str, str]:
    """The paths of Chromium and ChromeDriver; fails the test loudly when
    anything the browser tests need is missing."""
    missing = []
    chromium, driver = _find(CHROMIUM), _find(CHROMEDRIVER)
    if chromium is None:
        missing.append("chromium")
    if driver is None:
        missing.append("chromium-driver (chromedriver)")
    if not AXE.is_file():
        missing.append(f"axe-core ({AXE.relative_to(REPO)})")
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (Python)")
    if missing:
        pytest.fail(f"nettleser-testene mangler: {', '.join(missing)}. Installer: {INSTALL}")
    assert chromium is not None and driver is not None
    return chromium, driver


def start_browser() -> Iterator[Any]:
    """A headless Chromium (fresh profile, no network services) for a test module."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = require_tools()
    profile = tempfile.mkdtemp(prefix="slt-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                "--window-size=1280,900", "--lang=nb-NO", "--force-color-profile=srgb"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path) -> None:
    """Load a page file and wait for it to finish."""
    driver.get(path.resolve().as_uri())
    driver.execute_script("return document.readyState")


def run_axe(driver: Any) -> dict[str, Any]:
    """axe-core's results for the open page, all WCAG 2.0/2.1 A and AA rules."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}, "resultTypes":
               ["violations", "incomplete"]}
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(r => done(JSON.stringify(r)),"
        " e => done(JSON.stringify({error: String(e)})));", options)
    data = json.loads(result)
    if "error" in data:
        pytest.fail(f"axe-core feilet: {data['error']}")
    return data


def describe(violations: list[dict[str, Any]]) -> str:
    """The violations in a form a developer can act on."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')}")
    return "\n".join(lines)


def screenshot(driver: Any, name: str) -> Path:
    """A full-page screenshot into out/skjermbilder/<name>.png (for a person to
    look at). Written to a temporary file first and moved into place, so that
    test runs side by side (pytest-xdist workers, two checkouts' runs) never
    leave or read a half-written picture."""
    height = driver.execute_script(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(1280, min(int(height) + 100, 16000))
    png = driver.get_screenshot_as_png()
    driver.set_window_size(1280, 900)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    with tempfile.NamedTemporaryFile(dir=SCREENSHOTS, prefix=f".{name}.", suffix=".tmp",
                                     delete=False) as tmp:
        tmp.write(png)
    os.chmod(tmp.name, 0o644)  # as an ordinary file, not the temporary file's 0600
    os.replace(tmp.name, path)
    return path
