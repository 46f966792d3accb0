"""Writes the .deb's copyright file: every component the bundle carries, with its licence.

    BUILD_PYTHON copyright.py REPOSITORY BUNDLE > copyright

Run with the Python the bundle was built with: the Python distributions are read from its
metadata (with their licence files), CPython's own licence from its library folder, the fonts
from resources/fonts, and the libraries copied from this machine from their Debian copyright files.
"""

from __future__ import annotations

import re
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from elf_report import owner_of, system_library_paths  # noqa: E402

# Build tools in the build environment whose code is not in the bundle (PyInstaller's bootloader
# is: it is listed below with its exception).
NOT_BUNDLED = {"pip", "setuptools", "wheel", "altgraph", "packaging", "pyinstaller-hooks-contrib"}
RULE = "-" * 78


def section(title: str, licence: str, text: str = "") -> str:
    body = f"{RULE}\n{title}\nLicense: {licence}\n"
    text = without_common_licences(text).strip()
    return body + ("\n" + text + "\n" if text else "")


def licence_of(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    licence = (meta.get("License") or "").strip()
    if classifiers:
        return "; ".join(classifiers)
    return licence.splitlines()[0] if licence else "see the text below"


# Full texts of licences every Debian system carries are replaced by a pointer to them.
COMMON_LICENCES = [
    (re.compile(r"^\s*Apache License\s*\n\s*Version 2\.0, January 2004", re.MULTILINE), "Apache-2.0"),
    (re.compile(r"^\s*GNU LESSER GENERAL PUBLIC LICENSE\s*\n\s*Version 3", re.MULTILINE), "LGPL-3"),
    (re.compile(r"^\s*GNU LESSER GENERAL PUBLIC LICENSE\s*\n\s*Version 2\.1", re.MULTILINE), "LGPL-2.1"),
    (re.compile(r"^\s*GNU GENERAL PUBLIC LICENSE\s*\n\s*Version 3", re.MULTILINE), "GPL-3"),
    (re.compile(r"^\s*GNU GENERAL PUBLIC LICENSE\s*\n\s*Version 2", re.MULTILINE), "GPL-2"),
    (re.compile(r"^\s*Mozilla Public License Version 2\.0", re.MULTILINE), "MPL-2.0"),
]


def without_common_licences(text: str) -> str:
    """The text with each full common licence (up to its "END OF TERMS AND CONDITIONS")
    replaced by where to read that licence; what follows it (other components) is kept."""
    for pattern, name in COMMON_LICENCES:
        match = pattern.search(text)
        if match:
            end = text.find("END OF TERMS AND CONDITIONS", match.end())
            rest = "" if end < 0 else text[end + len("END OF TERMS AND CONDITIONS") :]
            pointer = f"The full text of the {name} licence is in /usr/share/common-licenses/{name}."
            return without_common_licences(text[: match.start()]) + pointer + without_common_licences(rest)
    return text


def licence_texts(distribution: metadata.Distribution) -> str:
    texts = []
    for file in distribution.files or []:
        name = file.name.upper()
        if (".dist-info/" in str(file) or ".dist-info\\" in str(file)) and name.startswith(
            ("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")
        ):
            path = Path(str(file.locate()))
            if path.is_file():
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def python_distributions() -> list[str]:
    sections = []
    for distribution in sorted(metadata.distributions(), key=lambda d: d.metadata["Name"].lower()):
        name = distribution.metadata["Name"]
        if re.sub(r"[-_.]+", "-", name.lower()) in NOT_BUNDLED:
            continue
        title = f"{name} {distribution.version}"
        if name.lower() == "pyinstaller":
            title = f"PyInstaller {distribution.version} bootloader (the program's executable)"
        elif name.lower().startswith("pyside6"):
            title += " (Qt for Python, with Qt 6 and ICU libraries)"
        sections.append(section(title, licence_of(distribution), licence_texts(distribution)))
    return sections


def host_libraries(bundle: Path) -> list[str]:
    """Libraries PyInstaller copied from this machine, with their Debian copyright files."""
    paths = system_library_paths()
    packages: dict[str, list[str]] = {}
    for path in sorted(bundle.rglob("*.so*")):
        if path.name.startswith("libpython"):
            continue  # the CPython built for the bundle, listed above
        if path.name in paths and "PySide6" not in path.parts and "pypdfium2_raw" not in path.parts:
            owner = owner_of(paths[path.name])
            if owner is not None:
                packages.setdefault(owner, []).append(path.name)
    sections = []
    for package, names in sorted(packages.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        text = copyright_file.read_text(encoding="utf-8", errors="replace") if copyright_file.exists() else ""
        title = f"{', '.join(names)} (from the Debian package {package})"
        sections.append(section(title, "see the Debian copyright file below", text))
    return sections


def main() -> None:
    root, bundle = Path(sys.argv[1]), Path(sys.argv[2])
    out = [
        "Jianfu (减负助手) and the components bundled with it in /usr/lib/jianfu.",
        "Licences named here in short (Apache-2.0, LGPL-3, GPL-2, GPL-3, BSD, MPL-2.0) are in",
        "/usr/share/common-licenses on Debian-based systems.",
        "",
        section("Jianfu (the program, its checklists and templates)", "Apache-2.0"),
        section(
            "Qt 6 (libQt6*.so in PySide6/Qt/lib and its plugins), The Qt Company Ltd.",
            "LGPL-3 (the Qt libraries are used unmodified, as shared libraries; replace them in "
            "/usr/lib/jianfu/_internal/PySide6/Qt/lib to relink)",
        ),
        section(
            "ICU 73 (libicu*.so.73 in PySide6/Qt/lib), Unicode, Inc. and others",
            "Unicode-3.0 (ICU licence: https://github.com/unicode-org/icu/blob/main/LICENSE)",
        ),
        section(
            "Third-party code inside the Qt libraries (HarfBuzz, libpng, PCRE2, md4c, double-conversion, ...)",
            "MIT, BSD-3-Clause, libpng and similar permissive licences, listed per component at "
            "https://doc.qt.io/qt-6/licenses-used-in-qt.html",
        ),
    ]
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    cpython_licence = stdlib / "LICENSE.txt"
    out.append(
        section(
            f"CPython {sys.version.split()[0]} (libpython and the standard library)",
            "PSF-2.0",
            cpython_licence.read_text(encoding="utf-8") if cpython_licence.exists() else "",
        )
    )
    out += python_distributions()
    for font_copyright in sorted((root / "resources" / "fonts").glob("*.COPYRIGHT")):
        font = font_copyright.name.removesuffix(".COPYRIGHT")
        text = font_copyright.read_text(encoding="utf-8", errors="replace")
        out.append(section(f"Font {font} (resources/fonts)", "see the text below", text))
    out += host_libraries(bundle)
    print("\n".join(out))


if __name__ == "__main__":
    main()
