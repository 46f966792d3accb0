# Builds the Windows bundle and installer on Windows 10/11 (PyInstaller cannot cross-build).
# Needs Python 3.10+ (64-bit) and NSIS 3.08+ (makensis on PATH). From the repository root:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Signing (optional): set JIANFU_SIGN_PFX to a .pfx code-signing certificate and
# JIANFU_SIGN_PASSWORD to its password; the executables, the installer and the uninstaller are
# then signed with signtool (Windows SDK) and time-stamped. Without them nothing is signed.
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root

# A virtual environment of its own, as the README's commands (the system Python stays untouched).
if (-not (Test-Path build\venv\Scripts\python.exe)) { python -m venv build\venv }
$python = "$root\build\venv\Scripts\python.exe"
& $python -m pip install -q --disable-pip-version-check -e . "pyinstaller>=6,<7"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
$version = & $python -c "import jianfu; print(jianfu.__version__)"

& $python -m PyInstaller --noconfirm --clean --log-level WARN --distpath build\dist --workpath build\pyinstaller installer\jianfu.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$bundle = "$root\build\dist\jianfu"
& "$bundle\jianfu-cli.exe" --version
if ($LASTEXITCODE -ne 0) { throw "the bundled jianfu-cli does not start" }
if (-not (Test-Path "$bundle\_internal\PySide6\translations\qtbase_zh_CN.qm")) { throw "Qt's Chinese translation is missing" }

$nsisArgs = @("/V2", "/WX", "/DVERSION=$version", "/DBUNDLE=$bundle", "/DOUTFILE=$root\dist\Jianfu-$version-setup.exe")
if ($env:JIANFU_SIGN_PFX) {
    $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
        Sort-Object FullName | Select-Object -Last 1
    if (-not $signtool) { throw "JIANFU_SIGN_PFX is set but signtool.exe (Windows SDK) was not found" }
    $sign = "`"$($signtool.FullName)`" sign /f `"$env:JIANFU_SIGN_PFX`" /p `"$env:JIANFU_SIGN_PASSWORD`" /fd sha256 /tr http://timestamp.digicert.com /td sha256"
    foreach ($exe in "$bundle\jianfu.exe", "$bundle\jianfu-cli.exe") {
        cmd /c "$sign `"$exe`""
        if ($LASTEXITCODE -ne 0) { throw "signing $exe failed" }
    }
    $nsisArgs += "/DSIGN=$sign `"%1`""  # makensis signs the installer and the uninstaller it writes
}
New-Item -ItemType Directory -Force dist | Out-Null
& makensis @nsisArgs installer\windows\jianfu.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Get-Item dist\Jianfu-$version-setup.exe
