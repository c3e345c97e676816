"""Solara's page assets, fetched from the npm registry instead of a CDN.

A Solara server does not ship its JavaScript and CSS: it proxies them from cdn.jsdelivr.net and
keeps a copy in a cache folder. Many public-sector networks (and this project's CI) block that
CDN, so the page stays blank. The npm registry serves the very same packages, and jsdelivr's
`/npm/<name>@<version>/<path>` URLs map one to one onto Solara's cache layout
`<cache>/<name>@<version>/<path>`. `prepare()` fills the cache with `npm pack` once; the launcher
points Solara at it with `SOLARA_ASSETS_PROXY_CACHE_DIR` (the same variable makes SolaraViz work
inside JupyterLab, whose Solara server extension runs in the Jupyter process).

The cache is never committed: build it with `samenloop dashboard --prepare-assets` or
`make dashboard-assets`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from simulation.errors import SamenloopError

# What Solara 1.64 loads from its CDN with ipyvue/ipyvuetify < 2 (the pinned, working set-up):
# the Vue 2 app bundle, requirejs, font-awesome, the grid layout used by SolaraViz, and
# vega/vega-lite/vega-embed for the charts. The Vue 3 bundle is included too so that a page
# served with ipyvue 3 fails for the documented reason (blank plots) rather than a 404.
PACKAGES = (
    "@widgetti/solara-vuetify-app@10.1.1",
    "@widgetti/solara-vuetify3-app@5.2.0",
    "@widgetti/vue-grid-layout@2.3.13-alpha.2",
    "requirejs@2.3.6",
    "font-awesome@4.5.0",
    "vega@5",
    "vega-lite@5",
    "vega-embed@6",
)
# Referenced by Solara but only for components the dashboard does not use (math and diagrams in
# Markdown, code editors, ECharts, the documentation site's search).
NOT_NEEDED = (
    "katex",
    "mermaid",
    "codemirror",
    "echarts",
    "@widgetti/solara-milkdown",
    "@docsearch/js",
    "@docsearch/css",
)
ENV_CACHE = "SOLARA_ASSETS_PROXY_CACHE_DIR"
ENV_ASSETS = "SAMENLOOP_ASSETS_DIR"
_COMPLETE = ".samenloop-complete"
_CDN_REFERENCE = re.compile(r"(?:\{\{\s*cdn\s*\}\}|getCdn\(\)\})/((?:@[\w.-]+/)?[\w.-]+@[\w.^~-]+)")


def default_cache_dir() -> Path:
    """Where the assets live: $SAMENLOOP_ASSETS_DIR, else the user's cache folder."""
    configured = os.environ.get(ENV_ASSETS)
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "samenloop" / "solara-cdn"


def referenced_by_solara() -> set[str]:
    """`name@version` of every package the installed Solara's templates load from its CDN."""
    import solara

    root = Path(solara.__file__).parent
    found: set[str] = set()
    for path in root.rglob("*"):
        if path.suffix not in (".vue", ".html", ".js", ".py", ".j2") or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="ignore")
        except OSError:
            continue
        for match in _CDN_REFERENCE.findall(text):
            if "${" not in match:
                found.add(match.rstrip("`"))
    return found


def _name(spec: str) -> str:
    return spec.rsplit("@", 1)[0]


def missing_packages(cache_dir: Path | None = None) -> list[str]:
    """Packages of `PACKAGES` not (completely) in the cache."""
    cache = cache_dir or default_cache_dir()
    return [spec for spec in PACKAGES if not (cache / spec / _COMPLETE).exists()]


def prepare(cache_dir: Path | None = None, *, npm: str = "npm", quiet: bool = False) -> list[str]:
    """Fill the cache from the npm registry; return the packages fetched (none when complete).

    Idempotent: a package is fetched only if its folder lacks the completion marker, so an
    interrupted run is repaired by running it again.

    Raises:
        SamenloopError: npm is missing or a package cannot be fetched (offline registry).
    """
    cache = cache_dir or default_cache_dir()
    todo = missing_packages(cache)
    if not todo:
        return []
    if shutil.which(npm) is None:
        raise SamenloopError(
            "npm is needed once to fetch the dashboard's page assets from the npm registry",
            value=npm,
            fix="install Node.js/npm (Debian: apt-get install npm), or copy a prepared cache into "
            f"{cache} (or set {ENV_ASSETS})",
        )
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="samenloop-npm-") as tmp:
        for spec in todo:
            if not quiet:
                print(f"fetching {spec} from the npm registry", flush=True)
            done = subprocess.run(
                [npm, "pack", "--silent", "--pack-destination", tmp, spec],
                capture_output=True,
                text=True,
                check=False,
            )
            tarball = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
            if done.returncode != 0 or not tarball or not (Path(tmp) / tarball).exists():
                raise SamenloopError(
                    f"npm could not fetch {spec}: {done.stderr.strip()[-300:] or 'no package file'}",
                    value=spec,
                    fix="check that the npm registry is reachable (npm ping) and run the command again",
                )
            _unpack(Path(tmp) / tarball, cache / spec)
    return todo


def _unpack(tarball: Path, dest: Path) -> None:
    """Unpack an npm package (files under `package/`) into `dest`, then mark it complete."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            parts = Path(member.name).parts
            if len(parts) < 2 or not (member.isfile() or member.isdir()):
                continue
            member.name = str(Path(*parts[1:]))
            archive.extract(member, dest, filter="data")
    (dest / _COMPLETE).write_text("ok\n", encoding="utf-8")


def environment(cache_dir: Path | None = None) -> dict[str, str]:
    """Environment variables that make a Solara server use the cache (and send no telemetry)."""
    return {
        ENV_CACHE: str(cache_dir or default_cache_dir()),
        "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "false",
    }
