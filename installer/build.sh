#!/usr/bin/env bash
# Builds, on Linux: the PyInstaller bundle, the .deb for UOS/Kylin/Debian, and compiles the NSIS
# script against that bundle to check it (the real Windows installer is built on Windows from
# the Windows bundle: see README). Output goes to dist/ under the repository.
#   bash installer/build.sh            # everything
#   SKIP_NSIS=1 bash installer/build.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/dist"
work="$root/build"
version=$(python3 -c "import sys; sys.path.insert(0, '$root/src'); import jianfu; print(jianfu.__version__)")
mkdir -p "$out" "$work"

need=()
command -v dpkg-deb >/dev/null || need+=(dpkg)
[ -n "${SKIP_NSIS:-}" ] || command -v makensis >/dev/null || need+=(nsis)
if ((${#need[@]})); then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; fi
python3 -m pip install -q "pyinstaller>=6,<7"

echo "== bundle"
python3 -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$work/dist" --workpath "$work/pyinstaller" \
    "$root/installer/jianfu.spec"
bundle="$work/dist/jianfu"
"$bundle/jianfu-cli" --version

echo "== .deb"
stage="$work/deb"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/mime/packages" "$stage/usr/share/icons/hicolor/256x256/apps"
cp -a "$bundle" "$stage/opt/jianfu"
ln -s /opt/jianfu/jianfu-cli "$stage/usr/bin/jianfu"  # the command line; with no arguments it opens the window
install -m 644 "$root/installer/linux/jianfu.desktop" "$stage/usr/share/applications/jianfu.desktop"
install -m 644 "$root/installer/linux/jianfu-mime.xml" "$stage/usr/share/mime/packages/jianfu.xml"
install -m 644 "$root/resources/icons/jianfu.png" "$stage/usr/share/icons/hicolor/256x256/apps/jianfu.png"
size=$(du -sk "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$root/installer/linux/control.in" > "$stage/DEBIAN/control"
install -m 755 "$root/installer/linux/postinst" "$stage/DEBIAN/postinst"
install -m 755 "$root/installer/linux/postrm" "$stage/DEBIAN/postrm"
deb="$out/jianfu_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zzstd --build "$stage" "$deb" >/dev/null
echo "$deb"

if [ -z "${SKIP_NSIS:-}" ]; then
    echo "== NSIS (script check against the Linux bundle)"
    makensis -V2 -WX -DVERSION="$version" -DBUNDLE="$bundle" -DOUTFILE="$work/Jianfu-$version-setup-check.exe" \
        "$root/installer/windows/jianfu.nsi"
    ls -la "$work/Jianfu-$version-setup-check.exe"
fi
du -sh "$bundle" "$deb"
