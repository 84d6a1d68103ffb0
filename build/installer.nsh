; FundDesk's additions to electron-builder's NSIS installer (electron-builder.yml, nsis.include): the folder of
; the `funddesk` command line (resources\bin\funddesk.cmd) goes on the user's PATH (HKCU, no admin rights),
; and comes off it on uninstall. A PATH that NSIS cannot read whole (longer than its string limit) is left
; untouched: the README says how to add the folder by hand.
!include "StrFunc.nsh"
; electron-builder compiles this file twice (installer, then uninstaller): declare only what each one uses,
; since an unused function is a warning and makensis may be run with warnings as errors.
!ifdef BUILD_UNINSTALLER
  ${UnStrRep}
!else
  ${StrStr}
!endif

!macro customInstall
  ClearErrors
  ReadRegStr $0 HKCU "Environment" "Path"
  ${IfNot} ${Errors}
    ${StrStr} $1 "$0" "$INSTDIR\resources\bin"
    ${If} $1 == ""
      ${If} $0 == ""
        WriteRegExpandStr HKCU "Environment" "Path" "$INSTDIR\resources\bin"
      ${Else}
        WriteRegExpandStr HKCU "Environment" "Path" "$0;$INSTDIR\resources\bin"
      ${EndIf}
      SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
    ${EndIf}
  ${EndIf}
!macroend

!macro customUnInstall
  ClearErrors
  ReadRegStr $0 HKCU "Environment" "Path"
  ${IfNot} ${Errors}
    ${UnStrRep} $1 "$0" ";$INSTDIR\resources\bin" ""
    ${UnStrRep} $1 "$1" "$INSTDIR\resources\bin" ""
    ${If} $1 != $0
      WriteRegExpandStr HKCU "Environment" "Path" "$1"
      SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
    ${EndIf}
  ${EndIf}
!macroend
