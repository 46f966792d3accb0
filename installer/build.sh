#!/usr/bin/env bash
# Builds, on Linux (x86-64, Debian 12 or similar, as root or with the tools installed):
#   - the PyInstaller bundle, by default on a CPython built once against glibc 2.17 and cached
#     (installer/linux/build-python.sh), with PySide6 wheels for manylinux_2_28, so that every
#     ELF file in it needs at most GLIBC_2.28 (UOS 20, Kylin V10, Debian 10 and later);
#   - dist/jianfu_<version>_amd64.deb (xz members, which dpkg 1.19 reads; Depends computed from
#     what the bundle takes from the system), checked with lintian when it is installed;
#   - a check build of the NSIS script against the Linux bundle (the real Windows installer is
#     built on Windows: installer/windows/build.ps1).
#   bash installer/build.sh                      # everything
#   SKIP_NSIS=1 bash installer/build.sh          # without the NSIS check
#   JIANFU_PYTHON=python3 bash installer/build.sh  # quick bundle on this machine's Python (not portable)
# Cache (CPython, wheels, virtual environment): $JIANFU_BUILD_CACHE, default ~/.cache/jianfu-build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/dist"
work="$root/build"
cache=${JIANFU_BUILD_CACHE:-$HOME/.cache/jianfu-build}
glibc_max=2.28
pyside_version=6.9.3  # the newest PySide6 with manylinux_2_28 x86_64 wheels (6.10+ need glibc 2.34)
version=$(python3 -c "import sys; sys.path.insert(0, '$root/src'); import jianfu; print(jianfu.__version__)")
mkdir -p "$out" "$work" "$cache"
start=$SECONDS

need=()
command -v dpkg-deb >/dev/null || need+=(dpkg)
command -v objdump >/dev/null || need+=(binutils)
command -v patchelf >/dev/null || need+=(patchelf)
[ -n "${SKIP_NSIS:-}" ] || command -v makensis >/dev/null || need+=(nsis)
command -v lintian >/dev/null || need+=(lintian)
if ((${#need[@]})); then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

echo "== Python"
if [ -n "${JIANFU_PYTHON:-}" ]; then
    python=$JIANFU_PYTHON
    "$python" -m pip install -q "pyinstaller>=6,<7"
    unset glibc_max
else
    prefix=$(bash "$root/installer/linux/build-python.sh" "$cache")
    # The project's dependencies (from pyproject.toml), PySide6 pinned to the manylinux_2_28 one.
    mapfile -t requirements < <(python3 - "$root/pyproject.toml" "$pyside_version" <<'EOF'
import re, sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
for requirement in project["dependencies"]:
    name = re.split(r"[<>=!~;\[ ]", requirement)[0]
    print(f"{name}=={sys.argv[2]}" if name == "PySide6-Essentials" else requirement)
print("pyinstaller>=6,<7")
EOF
)
    key=$(printf '%s\n' "${requirements[@]}" | sha256sum | cut -c1-12)
    venv="$cache/venv-$key"
    if [ ! -f "$venv/.complete" ]; then
        # Wheels are fetched by this machine's pip (the cached Python has no ssl module) for the
        # target: CPython 3.11, manylinux 2.28 at most.
        platforms=()
        for tag in manylinux_2_28 manylinux_2_27 manylinux_2_17 manylinux2014 manylinux_2_5 manylinux1; do
            platforms+=(--platform "${tag}_x86_64")
        done
        python3 -m pip download -q --only-binary :all: "${platforms[@]}" --python-version 3.11 --implementation cp \
            --abi cp311 --abi abi3 --abi none -d "$cache/wheels" "${requirements[@]}"
        rm -rf "$venv"
        "$prefix/bin/python3.11" -m venv "$venv"
        "$venv/bin/python" -m pip install -q --no-index --find-links "$cache/wheels" "${requirements[@]}"
        touch "$venv/.complete"
    fi
    python="$venv/bin/python"
fi
echo "   $("$python" -c 'import sys, PySide6; print(sys.version.split()[0], "PySide6", PySide6.__version__)')"

echo "== bundle"
rm -rf "$work/dist/jianfu"
(cd "$root" && JIANFU_GLIBC_MAX=${glibc_max:-} "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$work/dist" --workpath "$work/pyinstaller" "$root/installer/jianfu.spec")
bundle="$work/dist/jianfu"
"$bundle/jianfu" --version
highest=$(python3 "$root/installer/linux/elf_report.py" glibc "$bundle")
echo "   highest glibc symbol needed: GLIBC_$highest"
if [ -n "${glibc_max:-}" ] && [ "$(printf '%s\n%s\n' "$highest" "$glibc_max" | sort -V | tail -1)" != "$glibc_max" ]; then
    echo "error: the bundle needs GLIBC_$highest, more than $glibc_max" >&2
    exit 1
fi

echo "== .deb"
stage="$work/deb"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/lib" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/mime/packages" "$stage/usr/share/icons/hicolor/256x256/apps" \
    "$stage/usr/share/doc/jianfu"
cp -a "$bundle" "$stage/usr/lib/jianfu"
find "$stage/usr/lib/jianfu" -type f -name "*.so*" -exec chmod 644 {} +  # libraries are not programs
# One executable: the command line, and the window when started without arguments.
ln -s ../lib/jianfu/jianfu "$stage/usr/bin/jianfu"
install -m 644 "$root/installer/linux/jianfu.desktop" "$stage/usr/share/applications/jianfu.desktop"
install -m 644 "$root/installer/linux/jianfu-mime.xml" "$stage/usr/share/mime/packages/jianfu.xml"
install -m 644 "$root/resources/icons/jianfu.png" "$stage/usr/share/icons/hicolor/256x256/apps/jianfu.png"
"$python" "$root/installer/linux/copyright.py" "$root" "$bundle" > "$stage/usr/share/doc/jianfu/copyright"
# The maintainer: Debian's DEBFULLNAME/DEBEMAIL, or the repository's git identity.
maintainer="${DEBFULLNAME:-$(git -C "$root" config user.name || echo Jianfu)} <${DEBEMAIL:-$(git -C "$root" config user.email || true)}>"
sed -e "s/@VERSION@/$version/" -e "s/@MAINTAINER@/$maintainer/" "$root/installer/linux/changelog.in" | gzip -9n > "$stage/usr/share/doc/jianfu/changelog.gz"
depends=$(python3 "$root/installer/linux/elf_report.py" depends "$bundle" ${glibc_max:+--glibc "$glibc_max"})
echo "   Depends: $depends"
size=$(du -sk "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" -e "s/@MAINTAINER@/$maintainer/" \
    "$root/installer/linux/control.in" > "$stage/DEBIAN/control"
install -m 755 "$root/installer/linux/postinst" "$stage/DEBIAN/postinst"
install -m 755 "$root/installer/linux/postrm" "$stage/DEBIAN/postrm"
find "$stage" -type d -exec chmod 755 {} +
deb="$out/jianfu_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "   $deb"
if command -v lintian >/dev/null; then
    lintian --no-tag-display-limit "$deb" > "$work/lintian.txt" 2>&1 || true
    echo "   lintian: $(grep -c '^E:' "$work/lintian.txt" || true) errors, $(grep -c '^W:' "$work/lintian.txt" || true) warnings ($work/lintian.txt)"
fi

if [ -z "${SKIP_NSIS:-}" ]; then
    echo "== NSIS (script check against the Linux bundle)"
    makensis -V2 -WX -DVERSION="$version" -DBUNDLE="$bundle" -DOUTFILE="$work/Jianfu-$version-setup-check.exe" \
        "$root/installer/windows/jianfu.nsi"
    ls -la "$work/Jianfu-$version-setup-check.exe"
fi
du -sh "$bundle" "$deb"
echo "built in $((SECONDS - start)) s"
