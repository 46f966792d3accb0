; Jianfu (减负助手) installer for Windows 10/11: per user, no administrator rights by default.
; Build on Windows after the PyInstaller bundle (see README):
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\..\build\dist\jianfu installer\windows\jianfu.nsi
; installer/build.sh compiles it on Linux against the Linux bundle to check the script.
Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\build\dist\jianfu"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\Jianfu-${VERSION}-setup.exe"
!endif

!define APP "Jianfu"
!define APP_ZH "减负助手"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Jianfu"
!define PROGID "Jianfu.Assessment"

Name "${APP_ZH} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Jianfu"
InstallDirRegKey HKCU "Software\Jianfu" "InstallDir"
BrandingText "${APP_ZH} ${VERSION}"

!define MUI_ICON "..\..\resources\icons\jianfu.ico"
!define MUI_UNICON "..\..\resources\icons\jianfu.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\jianfu.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString DESC_DATA ${LANG_SIMPCHINESE} "同时删除本机的自查数据（不可恢复）"
LangString DESC_DATA ${LANG_ENGLISH} "Also delete the assessments stored on this computer (cannot be undone)"
LangString SHORTCUT ${LANG_SIMPCHINESE} "减负助手"
LangString SHORTCUT ${LANG_ENGLISH} "Jianfu"
LangString FILETYPE ${LANG_SIMPCHINESE} "减负助手自查文件"
LangString FILETYPE ${LANG_ENGLISH} "Jianfu assessment file"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_ZH}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_ZH} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "Jianfu developers"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\Jianfu" "InstallDir" "$INSTDIR"

  CreateDirectory "$SMPROGRAMS\${APP_ZH}"
  CreateShortcut "$SMPROGRAMS\${APP_ZH}\$(SHORTCUT).lnk" "$INSTDIR\jianfu.exe" "" "$INSTDIR\jianfu.exe" 0
  CreateShortcut "$SMPROGRAMS\${APP_ZH}\Uninstall.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\$(SHORTCUT).lnk" "$INSTDIR\jianfu.exe" "" "$INSTDIR\jianfu.exe" 0

  ; .jianfu files open in the application (per user: HKCU\Software\Classes)
  WriteRegStr HKCU "Software\Classes\.jianfu" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(FILETYPE)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\jianfu.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\jianfu.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_ZH} (Jianfu)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Jianfu developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\jianfu.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "un.Program" SecUninstallProgram
  SectionIn RO
  Delete "$DESKTOP\$(SHORTCUT).lnk"
  RMDir /r "$SMPROGRAMS\${APP_ZH}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  ReadRegStr $0 HKCU "Software\Classes\.jianfu" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.jianfu"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Jianfu"
  RMDir /r "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Off by default: the user's data (platformdirs: %LOCALAPPDATA%\jianfu) stays unless asked.
Section /o "un.$(DESC_DATA)" SecUninstallData
  RMDir /r "$LOCALAPPDATA\jianfu"
SectionEnd
