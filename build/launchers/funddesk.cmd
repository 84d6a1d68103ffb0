@echo off
rem `funddesk` command line of the installed FundDesk (Windows): the app's own executable run as Node
rem (ELECTRON_RUN_AS_NODE=1) on the built CLI inside app.asar. The installer puts this folder on the user's PATH.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\FundDesk.exe" "%~dp0..\app.asar\out\main\cli.js" %*
exit /b %ERRORLEVEL%
