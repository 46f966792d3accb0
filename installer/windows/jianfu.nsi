; Jianfu (减负助手) installer for Windows 10/11: per user, no administrator rights by default.
; Build on Windows after the PyInstaller bundle (see README):
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\..\build\dist\jianfu installer\windows\jianfu.nsi
; installer/build.sh compiles it on Linux against the Linux bundle to check the script.
; /DSIGN="<command> %1" signs the installer and the uninstaller (build.ps1 passes signtool when a
; certificate is configured).
Unicode true
ManifestSupportedOS Win10
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

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
!ifdef SIGN
  !finalize '${SIGN}'
  !uninstfinalize '${SIGN}'
!endif

!define MUI_ICON "..\..\resources\icons\jianfu.ico"
!define MUI_UNICON "..\..\resources\icons\jianfu.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\jianfu.exe"

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE UseOwnFolder
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
LangString NEED_WINDOWS ${LANG_SIMPCHINESE} "减负助手需要 64 位的 Windows 10（1809 版或更新）或 Windows 11。$\r$\n本机的系统版本过旧或为 32 位，无法安装。"
LangString NEED_WINDOWS ${LANG_ENGLISH} "Jianfu needs 64-bit Windows 10 (version 1809 or later) or Windows 11.$\r$\nThis computer's Windows is older or 32-bit; the installation stops."
LangString RUNNING ${LANG_SIMPCHINESE} "减负助手正在运行。请先关闭所有减负助手窗口（已填写的内容都已自动保存），再点“重试”。"
LangString RUNNING ${LANG_ENGLISH} "Jianfu is running. Close every Jianfu window first (everything entered is already saved), then click Retry."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_ZH}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_ZH} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "Jianfu developers"

; Qt 6 needs 64-bit Windows 10 1809 (build 17763) or later; it also uses the system's icu.dll.
!macro CHECK_WINDOWS
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} 17763
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_WINDOWS)" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
!macroend

; A running copy holds its executables open: writing to them fails until it is closed.
!macro CHECK_NOT_RUNNING UN
  Function ${UN}CheckNotRunning
    retry:
    ${ForEach} $1 0 1 + 1
      ${If} $1 == 0
        StrCpy $2 "$INSTDIR\jianfu.exe"
      ${Else}
        StrCpy $2 "$INSTDIR\jianfu-cli.exe"
      ${EndIf}
      ${If} ${FileExists} $2
        ClearErrors
        FileOpen $0 $2 a
        ${If} ${Errors}
          MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RUNNING)" /SD IDCANCEL IDRETRY retry
          SetErrorLevel 4
          Quit
        ${EndIf}
        FileClose $0
      ${EndIf}
    ${Next}
  FunctionEnd
!macroend
!insertmacro CHECK_NOT_RUNNING ""
!insertmacro CHECK_NOT_RUNNING "un."

Function .onInit
  !insertmacro CHECK_WINDOWS
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  Call un.CheckNotRunning
FunctionEnd

; A folder chosen by the user (say D:\) is never filled or emptied: the program goes into a
; "Jianfu" folder inside it unless the folder already is one or holds Jianfu.
Function UseOwnFolder
  ${GetFileName} "$INSTDIR" $0
  ${If} $0 != "Jianfu"
  ${AndIfNot} ${FileExists} "$INSTDIR\jianfu.exe"
    StrCpy $INSTDIR "$INSTDIR\Jianfu"
  ${EndIf}
FunctionEnd

Section "Install"
  Call UseOwnFolder  ; also for /D=... in silent installs
  Call CheckNotRunning
  ; An upgrade: the previous version's files go first, or its old libraries would stay in _internal
  ; next to the new ones. Only a folder that holds Jianfu's own resources is removed.
  ${If} ${FileExists} "$INSTDIR\_internal\resources\checklists\*.*"
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
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
  WriteRegStr HKCU "Software\Classes\.jianfu\OpenWithProgids" "${PROGID}" ""
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
  Delete "$SMPROGRAMS\${APP_ZH}\$(SHORTCUT).lnk"
  Delete "$SMPROGRAMS\${APP_ZH}\Uninstall.lnk"
  RMDir "$SMPROGRAMS\${APP_ZH}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.jianfu\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.jianfu\OpenWithProgids"
  ReadRegStr $0 HKCU "Software\Classes\.jianfu" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKCU "Software\Classes\.jianfu" ""
  ${EndIf}
  DeleteRegKey /ifempty HKCU "Software\Classes\.jianfu"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; Software\Jianfu also holds the program's settings (QSettings): they stay with the data.
  DeleteRegValue HKCU "Software\Jianfu" "InstallDir"
  DeleteRegKey /ifempty HKCU "Software\Jianfu"
  ; Only what the installer put there: never the whole folder, which the user may have chosen.
  ${If} ${FileExists} "$INSTDIR\_internal\resources\checklists\*.*"
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  Delete "$INSTDIR\jianfu.exe"
  Delete "$INSTDIR\jianfu-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Off by default: the user's data (platformdirs: %LOCALAPPDATA%\jianfu) and settings stay unless asked.
Section /o "un.$(DESC_DATA)" SecUninstallData
  RMDir /r "$LOCALAPPDATA\jianfu"
  DeleteRegKey HKCU "Software\Jianfu"
SectionEnd
