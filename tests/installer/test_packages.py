"""Building the bundle and the .deb, installing it, and running the installed program.

Slow (a minute or two, more with NSIS) and it installs a package, so it is not part of the
default run: ``python3 -m pytest -m slow`` (as root on a Debian-like machine).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built() -> Path:
    env = {**os.environ}
    if shutil.which("makensis") is None and os.geteuid() != 0:
        env["SKIP_NSIS"] = "1"
    subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], check=True, env=env, timeout=1800)
    return ROOT / "dist"


def test_bundle_deb_and_nsis(built: Path, tmp_path: Path) -> None:
    from jianfu import __version__

    deb = built / f"jianfu_{__version__}_amd64.deb"
    assert deb.exists()
    if not os.environ.get("SKIP_NSIS"):
        assert (ROOT / "build" / f"Jianfu-{__version__}-setup-check.exe").exists()
    if os.geteuid() != 0:
        pytest.skip("installing the .deb needs root")
    subprocess.run(["apt-get", "install", "-y", "-qq", str(deb)], check=True, timeout=600)

    def run(*args):
        return subprocess.run(
            ["/usr/bin/jianfu", *args],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "JIANFU_HOME": str(tmp_path / "home")},
            timeout=120,
        )

    assert __version__ in run("--version").stdout
    run("demo", str(tmp_path / "demo"))
    run("report", str(tmp_path / "demo" / "柳河镇-2026-Q4.jianfu"), "-o", str(tmp_path / "plan.pdf"))
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert Path("/usr/share/applications/jianfu.desktop").exists()
    globs = Path("/usr/share/mime/globs2")
    if globs.exists():  # shared-mime-info ran the package's trigger
        assert "*.jianfu" in globs.read_text(encoding="utf-8")
