"""What the ELF files of a bundle need from the system, for the build and its tests.

    python3 elf_report.py glibc BUNDLE      # the highest GLIBC_ symbol version any file needs
    python3 elf_report.py glibcxx BUNDLE    # the same for GLIBCXX_ (libstdc++)
    python3 elf_report.py depends BUNDLE [--glibc 2.28]
        # the .deb Depends: the Debian packages holding the libraries the bundle links but does
        # not carry, found on this (build) machine, and libc6 (>= the glibc ceiling)

Uses binutils (objdump) and dpkg; no third-party Python module.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

# Libraries of the C library itself: they come with libc6.
LIBC = re.compile(r"^(ld-linux.*|libc|libm|libdl|libpthread|librt|libutil|libresolv|libnsl|libanl)\.so")


# Debian 10 (UOS 20, Kylin V10) names some packages differently from Debian 12, the build machine.
OLDER_NAMES = {"libgcc-s1": "libgcc-s1 | libgcc1"}


def elf_files(bundle: Path) -> Iterator[Path]:
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def dynamic_symbols(path: Path) -> str:
    return subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True, check=False).stdout


def highest(bundle: Path, prefix: str) -> str:
    found: set[tuple[int, ...]] = set()
    for path in elf_files(bundle):
        for version in re.findall(rf"\b{prefix}_([0-9.]+)\b", dynamic_symbols(path)):
            found.add(tuple(int(n) for n in version.strip(".").split(".")))
    return ".".join(str(n) for n in max(found, default=(0,)))


def needed(path: Path) -> list[str]:
    headers = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    return re.findall(r"^\s+NEEDED\s+(\S+)$", headers, flags=re.MULTILINE)


def system_library_paths() -> dict[str, str]:
    """soname -> path, for the 64-bit libraries the dynamic loader knows."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for name, flags, path in re.findall(r"^\s+(\S+) \(([^)]*)\) => (\S+)$", listing, flags=re.MULTILINE):
        if "x86-64" in flags:
            paths.setdefault(name, path)
    return paths


def owner_of(path: str) -> str | None:
    """The Debian package holding a library (dpkg may know it under /lib or /usr/lib)."""
    candidates = [path, str(Path(path).resolve())]
    candidates += [c.removeprefix("/usr") for c in candidates if c.startswith("/usr/lib")]
    candidates += ["/usr" + c for c in candidates if c.startswith("/lib")]
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return result.stdout.split(":")[0].split(",")[0].strip()
    return None


def package_of(path: str) -> str:
    owner = owner_of(path)
    if owner is None:
        raise SystemExit(f"no Debian package holds {path}: install it from a package, or bundle it")
    return owner


def depends(bundle: Path, glibc: str | None) -> str:
    elves = list(elf_files(bundle))
    carried = {path.name for path in bundle.rglob("*")}
    missing = sorted({name for path in elves for name in needed(path)} - carried)
    libraries = system_library_paths()
    packages: set[str] = set()
    for soname in missing:
        if LIBC.match(soname):
            continue
        if soname not in libraries:
            raise SystemExit(f"{soname} is needed by the bundle but not installed on this machine")
        packages.add(package_of(libraries[soname]))
    packages.discard("libc6")
    libc = f"libc6 (>= {glibc})" if glibc else "libc6"
    return ", ".join([libc, *(OLDER_NAMES.get(p, p) for p in sorted(packages))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["glibc", "glibcxx", "depends"])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--glibc", help="the glibc version the bundle is built for")
    arguments = parser.parse_args()
    if arguments.what == "depends":
        print(depends(arguments.bundle, arguments.glibc))
    else:
        print(highest(arguments.bundle, arguments.what.upper()))


if __name__ == "__main__":
    main()
