"""Building the glibc-2.28 bundle and the .deb, installing it, running it, removing it.

Slow (the first run builds CPython for the bundle, about 15 minutes; later runs 5-10 minutes) and
it installs a package, so it is not part of the default run: ``python3 -m pytest -m slow``, as
root on Debian 12 (x86-64).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from jianfu import __version__

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "build" / "dist" / "jianfu"
DEB = ROOT / "dist" / f"jianfu_{__version__}_amd64.deb"
ELF_REPORT = ROOT / "installer" / "linux" / "elf_report.py"
GLIBC_MAX = (2, 28)  # UOS 20, Kylin V10 (Debian 10 base)
GLIBCXX_MAX = (3, 4, 25)  # libstdc++ of GCC 8, Debian 10

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs a Debian-like build machine"),
]


def version(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in text.strip().split("."))


@pytest.fixture(scope="module")
def built() -> Path:
    env = {**os.environ}
    if shutil.which("makensis") is None and os.geteuid() != 0:
        env["SKIP_NSIS"] = "1"
    env.pop("JIANFU_PYTHON", None)  # the portable build, as released
    subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], check=True, env=env, timeout=3600)
    return BUNDLE


def test_bundle_runs_on_glibc_2_28(built: Path) -> None:
    report = ["python3", str(ELF_REPORT)]
    glibc = subprocess.run([*report, "glibc", str(built)], check=True, capture_output=True, text=True).stdout
    glibcxx = subprocess.run([*report, "glibcxx", str(built)], check=True, capture_output=True, text=True).stdout
    assert (2, 17) <= version(glibc) <= GLIBC_MAX, glibc
    assert version(glibcxx) <= GLIBCXX_MAX, glibcxx


def test_bundle_carries_qt_translations_and_nothing_unused(built: Path) -> None:
    internal = built / "_internal"
    # Qt's own dialogs in Chinese: the catalogue sits where QLibraryInfo looks in the bundle.
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").stat().st_size > 100_000
    assert (internal / "resources" / "translations" / "jianfu_zh_CN.qm").exists()
    names = [path.relative_to(built).as_posix() for path in built.rglob("*")]
    assert not [n for n in names if n.endswith((".pfb", ".afm"))], "ReportLab's Type-1 fonts are not used"
    assert not [n for n in names if "readline" in n], "GNU readline (GPL) must not be bundled"
    plugins = {n.split("/plugins/")[1] for n in names if "/plugins/" in n and n.endswith(".so")}
    assert "platforms/libqxcb.so" in plugins
    assert not [p for p in plugins if "wayland" in p or "eglfs" in p or p.startswith("imageformats/libqjpeg")]
    assert not [n for n in names if re.search(r"PIL/_(avif|webp|imagingcms|imagingft|imagingtk)", n)]
    assert not (built / "jianfu-cli").exists(), "one executable serves the window and the command line"


def test_deb_is_xz_with_depends_and_licences(built: Path, tmp_path: Path) -> None:
    members = subprocess.run(["ar", "t", str(DEB)], check=True, capture_output=True, text=True).stdout.split()
    assert members == ["debian-binary", "control.tar.xz", "data.tar.xz"]  # dpkg 1.19 cannot read zstd
    fields = subprocess.run(["dpkg-deb", "-f", str(DEB)], check=True, capture_output=True, text=True).stdout
    depends = re.search(r"^Depends: (.+)$", fields, flags=re.MULTILINE)
    assert depends, fields
    packages = [p.strip() for p in depends.group(1).split(",")]
    assert packages[0] == "libc6 (>= 2.28)"
    for package in packages[1:]:  # each names a package this machine has, by its library's owner
        subprocess.run(["dpkg-query", "-W", package.split("|")[0].strip()], check=True, capture_output=True)
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(tmp_path)], check=True)
    licences = (tmp_path / "usr" / "share" / "doc" / "jianfu" / "copyright").read_text(encoding="utf-8")
    for expected in (
        "LGPL-3",
        "PySide6",
        "ICU",
        "CPython",
        "PSF",
        "WenQuanYi",
        "Symbola",
        "reportlab",
        "pypdfium2",
        "pillow",
    ):
        assert expected in licences, expected
    if shutil.which("lintian"):
        output = subprocess.run(["lintian", str(DEB)], capture_output=True, text=True, timeout=900).stdout
        errors = {line.split()[2] for line in output.splitlines() if line.startswith("E:")}
        assert errors <= {"embedded-library"}, output


@pytest.mark.skipif(os.geteuid() != 0, reason="installing the .deb needs root")
def test_install_run_remove_purge(built: Path, tmp_path: Path) -> None:
    subprocess.run(["apt-get", "install", "-y", "-qq", str(DEB)], check=True, timeout=600)
    env = {**os.environ, "JIANFU_HOME": str(tmp_path / "home")}
    env.pop("QT_QPA_PLATFORM", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["/usr/bin/jianfu", *args], check=True, capture_output=True, text=True, env=env, timeout=120
        )

    try:
        assert __version__ in run("--version").stdout
        run("demo", str(tmp_path / "demo"))
        run("report", str(tmp_path / "demo" / "柳河镇-2026-Q4.jianfu"), "-o", str(tmp_path / "plan.pdf"))
        assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
        assert Path("/usr/share/applications/jianfu.desktop").exists()
        globs = Path("/usr/share/mime/globs2")
        if globs.exists():  # shared-mime-info ran the package's trigger
            assert "*.jianfu" in globs.read_text(encoding="utf-8")
        if shutil.which("xvfb-run"):
            assert_window_starts(env, tmp_path)
    finally:
        subprocess.run(["apt-get", "remove", "-y", "-qq", "jianfu"], check=True, timeout=600)
    assert not Path("/usr/lib/jianfu").exists()
    assert not Path("/usr/bin/jianfu").exists()
    subprocess.run(["apt-get", "purge", "-y", "-qq", "jianfu"], check=True, timeout=600)
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", "jianfu"], capture_output=True, text=True)
    assert "installed" not in status.stdout.replace("not-installed", "")


def assert_window_starts(env: dict[str, str], tmp_path: Path) -> None:
    """The installed program opens its window under Xvfb and keeps running until closed."""
    log = tmp_path / "gui.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "/usr/bin/jianfu"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            time.sleep(20)
            assert process.poll() is None, log.read_text(encoding="utf-8", errors="replace")
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Could not load the Qt platform plugin" not in text, text
    assert "Traceback" not in text, text
    assert (tmp_path / "home" / "jianfu.sqlite3").exists()  # the window opened its database
