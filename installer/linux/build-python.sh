#!/usr/bin/env bash
# Builds, once, the CPython that Linux bundles are made with: compiled by GCC 11 against a
# glibc 2.17 sysroot (the PyPI wheel `ppbt`), from Debian's own source packages, so that every
# file of the bundle runs on glibc 2.28 (UOS 20, Kylin V10). Only pip and apt are used.
#   bash installer/linux/build-python.sh CACHE_DIR     # prints CACHE_DIR/python when done
# The result is cached: a second call returns at once. About 12 minutes on 2 cores.
set -euo pipefail
cache=$(realpath -m "${1:?usage: build-python.sh CACHE_DIR}")
prefix="$cache/python"
stamp="$prefix/.jianfu-python-complete"
if [ -f "$stamp" ]; then echo "$prefix"; exit 0; fi

ppbt_version=0.1.8
work="$cache/python-build"
rm -rf "$work" "$prefix"
mkdir -p "$work"/{src,apt/lists/partial,apt/cache/archives/partial,wheels,build}
cd "$work"
log="$work/build.log"
echo "building CPython for glibc 2.17 in $work (log: $log)" >&2

# 1. Toolchain: GCC 11.2 with a glibc 2.17 sysroot, shipped as a PyPI wheel (SaltStack's ppbt).
python3 -m pip download -q --no-deps --only-binary :all: "ppbt==$ppbt_version" -d wheels
python3 -m zipfile -e wheels/ppbt-"$ppbt_version"-*.whl ppbt
tar -xJf ppbt/ppbt/_toolchain/x86_64-linux-gnu.tar.xz -C "$work"
toolchain="$work/x86_64-linux-gnu"
sysroot="$toolchain/x86_64-linux-gnu/sysroot"
export PATH="$toolchain/bin:$PATH" CC=x86_64-linux-gnu-gcc AR=x86_64-linux-gnu-ar RANLIB=x86_64-linux-gnu-ranlib

# 2. Sources from Debian's source packages, with a private apt state (the machine's apt is untouched).
uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${uri:-http://deb.debian.org/debian} bookworm main" \
    > apt/sources.list
apt_private=(-o Dir::Etc::SourceList="$work/apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
             -o Dir::State::Lists="$work/apt/lists" -o Dir::Cache="$work/apt/cache")
apt-get "${apt_private[@]}" -qq update
(cd src && apt-get "${apt_private[@]}" -qq source --download-only python3.11 zlib libffi sqlite3 >/dev/null)

# 3. Static zlib, libffi and sqlite3 (no readline: it is GPL), then CPython with a shared
#    libpython, which PyInstaller needs.
deps="$work/deps"
export CFLAGS="-O2 -fPIC"
cd build
tar -xjf ../src/zlib_*.orig.tar.bz2
(cd zlib-* && ./configure --prefix="$deps" --static && make -j2 && make install) >>"$log" 2>&1
tar -xzf ../src/libffi_*.orig.tar.gz
(cd libffi-* && ./configure --prefix="$deps" --disable-shared --enable-static --with-pic --disable-docs \
    && make -j2 && make install) >>"$log" 2>&1
tar -xJf ../src/sqlite3_*.orig.tar.xz
(cd sqlite3-* && ./configure --prefix="$deps" --disable-shared --enable-static --with-pic --disable-tcl \
    --disable-readline && make -j2 && make install) >>"$log" 2>&1
tar -xzf ../src/python3.11_*.orig.tar.gz
cd Python-3.11.*
# Python 3.11's setup.py adds the build machine's /usr/include/<multiarch> and /usr/local: keep
# the extension modules to the sysroot, or they would link Debian 12's libraries.
python3 - "$sysroot" <<'EOF'
import sys
sysroot = sys.argv[1]
text = open("setup.py").read()
for old, new in [
    ("        if not CROSS_COMPILING:\n            add_dir_to_list(self.compiler.library_dirs, '/usr/local/lib')",
     "        if False:\n            add_dir_to_list(self.compiler.library_dirs, '/usr/local/lib')"),
    ("        self.add_multiarch_paths()\n", ""),
    ("system_lib_dirs = ['/lib64', '/usr/lib64', '/lib', '/usr/lib']",
     f"system_lib_dirs = ['{sysroot}/lib64', '{sysroot}/usr/lib64', '{sysroot}/lib', '{sysroot}/usr/lib']"),
    ("system_include_dirs = ['/usr/include']", f"system_include_dirs = ['{sysroot}/usr/include']"),
]:
    if old not in text:
        sys.exit(f"setup.py changed, cannot patch: {old!r}")
    text = text.replace(old, new)
open("setup.py", "w").write(text)
EOF
./configure --prefix="$prefix" --enable-shared --without-ensurepip --with-system-ffi \
    CPPFLAGS="-I$deps/include" LDFLAGS="-L$deps/lib -L$deps/lib64" \
    LIBFFI_CFLAGS="-I$deps/include" LIBFFI_LIBS="-L$deps/lib64 -L$deps/lib -lffi" \
    LIBSQLITE3_CFLAGS="-I$deps/include" LIBSQLITE3_LIBS="-L$deps/lib -lsqlite3 -lm -lpthread -ldl" \
    ZLIB_CFLAGS="-I$deps/include" ZLIB_LIBS="-L$deps/lib -lz" >>"$log" 2>&1
make -j2 >>"$log" 2>&1
make install >>"$log" 2>&1
patchelf --set-rpath '$ORIGIN/../lib' "$prefix/bin/python3.11"
# What the program and pip need (no ssl: pip installs from downloaded wheels; no lzma/bz2/readline).
"$prefix/bin/python3.11" -c "import ctypes, sqlite3, zlib, hashlib, unicodedata, ensurepip" >&2
cd "$cache"
rm -rf "$work"  # sources and toolchain: about 1 GB, not needed any more
touch "$stamp"
echo "$prefix"
