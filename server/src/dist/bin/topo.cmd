@echo off
rem topo: runs lib\topo.jar on Java 17 or newer, found as the VS Code extension finds it:
rem TOPO_JAVA_HOME alone when it is set, otherwise JAVA_HOME, then java.exe on the PATH.
rem
rem   TOPO_OPTS   more JVM options, split at spaces (e.g. set TOPO_OPTS=-Xmx2g)
rem
rem The first run with a Java writes a class-data archive (AppCDS) under %LOCALAPPDATA%\topo;
rem later runs map it in and start faster. The POSIX script bin/topo does the same steps.
rem Messages that hold a path are echoed outside parenthesised blocks, where a ")" in the
rem path (C:\Program Files (x86)\...) cannot end the block.
setlocal EnableExtensions DisableDelayedExpansion

for %%i in ("%~dp0..") do set "TOPO_HOME=%%~fi"
set "TOPO_JAR=%TOPO_HOME%\lib\topo.jar"
set "MESSAGE="%TOPO_JAR%" is missing; reinstall topo"
if not exist "%TOPO_JAR%" goto fail

rem TOPO_JAVA_HOME is an explicit choice: used alone, and any problem with it is reported.
if not defined TOPO_JAVA_HOME goto tryJavaHome
set "JAVA_EXE=%TOPO_JAVA_HOME%\bin\java.exe"
set "MESSAGE=TOPO_JAVA_HOME is set to "%TOPO_JAVA_HOME%", but there is no bin\java.exe in that folder."
if not exist "%JAVA_EXE%" goto fail
call :checkJava TOPO_JAVA_HOME
set "MESSAGE=%PROBLEM%"
if defined PROBLEM goto fail
goto run

rem Otherwise JAVA_HOME and the PATH are tried in turn, and the first recent enough wins.
:tryJavaHome
set "PROBLEMS="
if not defined JAVA_HOME goto tryPath
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not exist "%JAVA_EXE%" goto javaHomeEmpty
call :checkJava JAVA_HOME
if not defined PROBLEM goto run
set "PROBLEMS=%PROBLEM% "
goto tryPath
:javaHomeEmpty
set "PROBLEMS=JAVA_HOME is set to "%JAVA_HOME%", but there is no bin\java.exe in that folder. "

:tryPath
set "JAVA_EXE="
for %%j in (java.exe) do set "JAVA_EXE=%%~$PATH:j"
if not defined JAVA_EXE goto noJavaOnPath
call :checkJava PATH
if not defined PROBLEM goto run
set "PROBLEMS=%PROBLEMS%%PROBLEM% "
goto noJava
:noJavaOnPath
set "PROBLEMS=%PROBLEMS%no java.exe was found on the PATH. "
:noJava
set "MESSAGE=no Java 17 or newer was found: %PROBLEMS%Install a JDK 17+ and set TOPO_JAVA_HOME or JAVA_HOME to its folder."
goto fail

rem The options the VS Code extension starts the server with (docs/performance.md, "JVM
rem options"); the JVM's own messages go to stderr, never into a report written on stdout.
:run
set "JVM_OPTIONS=-XX:+UseSerialGC -XX:NewRatio=1 -XX:SurvivorRatio=2 -XX:TieredStopAtLevel=1 -Xms64m -Xmx512m -Xlog:disable -Xlog:all=warning:stderr %TOPO_OPTS%"

rem The class-data archive, unless TOPO_OPTS already say how classes are shared. Its name
rem holds the Java version and the jar's size and time, so a rebuilt jar gets a new one,
rem and the command: an archive holds the classes its first run loaded, and check, diagram
rem and lsp load different ones. A run without a command (--version) writes none.
set "COMMAND="
for %%c in (check fmt diagram import explain lsp) do if "%~1"=="%%c" set "COMMAND=%%c"
if not defined COMMAND goto plain
if not defined LOCALAPPDATA goto plain
if not defined TOPO_OPTS goto archive
if not "%TOPO_OPTS:Xshare=%"=="%TOPO_OPTS%" goto plain
if not "%TOPO_OPTS:SharedArchiveFile=%"=="%TOPO_OPTS%" goto plain
if not "%TOPO_OPTS:ArchiveClassesAtExit=%"=="%TOPO_OPTS%" goto plain
:archive
set "CACHE=%LOCALAPPDATA%\topo"
if not exist "%CACHE%\" mkdir "%CACHE%" 2>nul
if not exist "%CACHE%\" goto plain
for %%f in ("%TOPO_JAR%") do set "STAMP=%%~zf-%%~tf"
set "STAMP=%STAMP:/=%"
set "STAMP=%STAMP::=%"
set "STAMP=%STAMP:.=%"
set "STAMP=%STAMP: =%"
set "ARCHIVE=%CACHE%\cds-%JAVA_VERSION%-%STAMP%-%COMMAND%.jsa"
if exist "%ARCHIVE%" goto warm

rem Written under a name of its own, then renamed: a run that starts meanwhile never maps
rem a half-written archive. Its warnings (picocli's classes are too old to share) are off.
set "PARTIAL=%ARCHIVE%.%RANDOM%.partial"
"%JAVA_EXE%" %JVM_OPTIONS% "-XX:ArchiveClassesAtExit=%PARTIAL%" "-Xlog:cds*=off:stderr" -jar "%TOPO_JAR%" %*
set "STATUS=%ERRORLEVEL%"
if exist "%PARTIAL%" move /y "%PARTIAL%" "%ARCHIVE%" >nul 2>&1
if exist "%PARTIAL%" del "%PARTIAL%" >nul 2>&1
exit /b %STATUS%

:warm
"%JAVA_EXE%" %JVM_OPTIONS% "-XX:SharedArchiveFile=%ARCHIVE%" "-Xlog:cds*=off:stderr" -jar "%TOPO_JAR%" %*
exit /b %ERRORLEVEL%

:plain
"%JAVA_EXE%" %JVM_OPTIONS% -jar "%TOPO_JAR%" %*
exit /b %ERRORLEVEL%

rem One line on stderr, like the jar's own errors; 2 is the jar's status for "could not run".
:fail
echo topo: %MESSAGE% 1>&2
exit /b 2

rem Sets PROBLEM when JAVA_EXE cannot run topo (%1 says where it came from), and
rem JAVA_VERSION. The release file of its JDK costs nothing to read; "java -version"
rem starts a JVM, so it is only asked when there is no release file.
:checkJava
set "PROBLEM="
set "JAVA_VERSION="
set "MAJOR="
for %%j in ("%JAVA_EXE%\..\..") do set "JAVA_DIR=%%~fj"
if exist "%JAVA_DIR%\release" for /f "usebackq tokens=1,* delims==" %%a in ("%JAVA_DIR%\release") do if "%%a"=="JAVA_VERSION" set "JAVA_VERSION=%%~b"
if not defined JAVA_VERSION for /f "tokens=3" %%v in ('call "%JAVA_EXE%" -version 2^>^&1 ^| findstr /c:" version "') do set "JAVA_VERSION=%%~v"
if defined JAVA_VERSION for /f "tokens=1,2 delims=._-+" %%a in ("%JAVA_VERSION%") do if "%%a"=="1" (set "MAJOR=%%b") else set "MAJOR=%%a"
if not defined MAJOR goto unreadableVersion
if %MAJOR% LSS 17 goto tooOld
goto :eof
:unreadableVersion
set "PROBLEM=could not read the Java version of "%JAVA_EXE%" (from %~1)."
goto :eof
:tooOld
set "PROBLEM=Java %JAVA_VERSION% at "%JAVA_EXE%" (from %~1) is too old; topo needs Java 17 or newer."
goto :eof
