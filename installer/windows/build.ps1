# Builds the Windows bundle and installer on Windows 10/11 (PyInstaller cannot cross-build).
# Needs Python 3.10+ and NSIS 3 (makensis on PATH). From the repository root:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root
python -m pip install -q -e . "pyinstaller>=6,<7"
$version = python -c "import jianfu; print(jianfu.__version__)"
python -m PyInstaller --noconfirm --clean --distpath build\dist --workpath build\pyinstaller installer\jianfu.spec
& build\dist\jianfu\jianfu-cli.exe --version
New-Item -ItemType Directory -Force dist | Out-Null
makensis /V2 /WX /DVERSION=$version /DBUNDLE=$root\build\dist\jianfu /DOUTFILE=$root\dist\Jianfu-$version-setup.exe installer\windows\jianfu.nsi
Get-Item dist\Jianfu-$version-setup.exe
