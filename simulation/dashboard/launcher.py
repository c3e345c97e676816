"""Start the dashboard: prepare the environment and hand over to `solara run` (one warm process).

The server binds to 127.0.0.1 unless told otherwise. The launcher replaces its own process with
the Solara server (`os.execvpe`), so the PID a caller sees is the server's: stopping it stops the
dashboard (no orphaned child). Settings reach the app as `SAMENLOOP_DASHBOARD_*` variables, the
asset cache as `SOLARA_ASSETS_PROXY_CACHE_DIR`.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from simulation.dashboard import assets
from simulation.dashboard.i18n import LANGS
from simulation.dashboard.session import NO_COMPARISON, OWN_FILES_VARIABLE, scenario_names
from simulation.errors import SamenloopError, did_you_mean
from simulation.scenario_files import load_scenario

APP = "simulation.dashboard.app"


def check_choice(value: str, allowed: list[str], field: str) -> None:
    """Raise a clear error when `value` is not one of `allowed`."""
    if value not in allowed:
        raise SamenloopError(
            f"unknown {'language' if field == 'lang' else 'scenario'} '{value}'.{did_you_mean(value, allowed)}",
            field=f"--{field}",
            value=value,
            allowed=", ".join(allowed),
            fix="use one of the names above (see `samenloop scenarios`) or the path of a scenario file"
            if field != "lang"
            else "use nl or en",
        )


def check_can_listen(host: str, port: int) -> None:
    """Raise a clear error when the server could not listen on `host:port` (checked before start)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise SamenloopError(
            f"unknown address to bind ({exc.strerror or exc})",
            field="--host",
            value=host,
            fix="leave --host out to serve on this machine only (127.0.0.1), or give an address of this machine",
        ) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
        try:
            probe.bind(address)
        except OSError as exc:
            raise SamenloopError(
                f"cannot serve on {host}:{port} ({exc.strerror or exc})",
                field="--port",
                value=port,
                fix="choose another --port, or stop the program that uses this one",
            ) from None


def server_command(
    *,
    port: int,
    host: str,
    scenario: str,
    compare: str | None,
    seed: int,
    years: float,
    lang: str,
    assets_dir: Path,
) -> tuple[list[str], dict[str, str]]:
    """The `solara run` command line and its environment."""
    names = scenario_names()
    own_files: list[str] = []

    def choose(value: str, field: str) -> str:
        """A scenario name as it is; an own file checked now (not in the browser), as an absolute path."""
        if Path(value).suffix not in (".yaml", ".yml"):
            check_choice(value, names, field)
            return value
        load_scenario(value)
        path = str(Path(value).resolve())
        own_files.extend([path] if path not in own_files else [])
        return path

    scenario = choose(scenario, "scenario")
    compare = choose(compare, "compare") if compare else None
    check_choice(lang, list(LANGS), "lang")
    env = dict(os.environ)
    env[OWN_FILES_VARIABLE] = os.pathsep.join(own_files)
    env.update(assets.environment(assets_dir))
    env.update(
        {
            "SAMENLOOP_DASHBOARD_SCENARIO": scenario,
            "SAMENLOOP_DASHBOARD_COMPARE": compare or NO_COMPARISON,
            "SAMENLOOP_DASHBOARD_SEED": str(seed),
            "SAMENLOOP_DASHBOARD_YEARS": str(years),
            "SAMENLOOP_DASHBOARD_LANG": lang,
            "PYTHONUNBUFFERED": "1",
        }
    )
    command = [
        sys.executable, "-m", "solara", "run", APP,
        "--host", host, "--port", str(port),
        "--production", "--no-open", "--log-level", "warning",
    ]  # fmt: skip
    return command, env


def serve(
    *,
    port: int = 8765,
    host: str = "127.0.0.1",
    scenario: str = "current-practice",
    compare: str | None = None,
    seed: int = 0,
    years: float = 6.0,
    lang: str = "nl",
    assets_dir: Path | None = None,
) -> None:
    """Replace this process by the dashboard's Solara server (fetching the assets first if needed)."""
    cache = assets_dir or assets.default_cache_dir()
    command, env = server_command(
        port=port, host=host, scenario=scenario, compare=compare, seed=seed, years=years, lang=lang, assets_dir=cache
    )
    check_can_listen(host, port)
    if assets.missing_packages(cache):
        assets.prepare(cache)
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    print(f"Samenloop dashboard on http://{shown}:{port}/  (stop with Ctrl+C)", flush=True)
    os.execvpe(command[0], command, env)
