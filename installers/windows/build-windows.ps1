# Builds SPT Desktop for Windows in one go: the PyInstaller folder, its self-test, the Inno
# Setup setup and the MSI, signed when SPT_SIGN_MODE is set (see sign.ps1).
#
#   powershell -NoProfile -ExecutionPolicy Bypass -File installers\windows\build-windows.ps1
#
# Needs (docs/installers.md): Python 3.11+ with the project's .venv (py -3.11 -m venv .venv;
# .venv\Scripts\pip install -e ".[desktop,build]"), Inno Setup 6.6+ (ISCC.exe), the WiX
# Toolset v5 .NET tool (dotnet tool install -g wix --version 5.0.2) with its Util extension
# (wix extension add -g WixToolset.Util.wixext/5.0.2), and for signing the Windows SDK's
# signtool or jsign.
#
# Output in dist\: spt-desktop\ (both executables, with version resources),
# SPT-Desktop-<version>-setup.exe and SPT-Desktop-<version>-x64.msi.
#
#   -SkipBuild        reuse dist\spt-desktop\ (e.g. to make only the installers again)
#   -MsiVersion X.Y.Z the MSI's ProductVersion when it must differ from the app's (CI
#                     builds a second, higher one from the same folder to test upgrading)
#   -MsiOnly          make only the MSI
param(
    [switch]$SkipBuild,
    [string]$MsiVersion = '',
    [switch]$MsiOnly
)

$ErrorActionPreference = 'Stop'
$Root = Resolve-Path (Join-Path $PSScriptRoot '..\..')
Set-Location $Root

$Version = (Select-String -Path 'spt_desktop\__init__.py' -Pattern '^__version__ = "(.+)"$').Matches[0].Groups[1].Value
if (-not $Version) { throw 'geen __version__ in spt_desktop\__init__.py' }
if (-not $MsiVersion) { $MsiVersion = $Version }
$Bundle = Join-Path $Root 'dist\spt-desktop'
$Python = Join-Path $Root '.venv\Scripts\python.exe'
$Sign = [bool]$env:SPT_SIGN_MODE
$SignScript = Join-Path $PSScriptRoot 'sign.ps1'

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe gaf exitcode $LASTEXITCODE" }
}

function Invoke-Sign([string[]]$Files) {
    if ($Sign) { Invoke-Checked 'powershell.exe' (@('-NoProfile', '-ExecutionPolicy', 'Bypass', '-File', $SignScript) + $Files) }
}

# The version resources PyInstaller wrote (installers/windows/version_info.py): a build
# without them would be invisible to IT's detection rules.
function Assert-VersionResource([string]$Path) {
    $info = (Get-Item -LiteralPath $Path).VersionInfo
    if ($info.ProductVersion -ne $Version -or $info.ProductName -ne 'SPT Desktop' -or
        $info.CompanyName -ne 'Servicepunten Techniek') {
        throw "versie-informatie van $Path klopt niet: '$($info.ProductName)' '$($info.ProductVersion)' '$($info.CompanyName)'"
    }
    Write-Host "versie-informatie: $Path $($info.FileVersion) ($($info.FileDescription))"
}

if (-not $SkipBuild) {
    $started = Get-Date
    Invoke-Checked $Python @('-m', 'PyInstaller', '--noconfirm', '--clean', '--log-level', 'WARN',
        '--distpath', 'dist', '--workpath', 'build\pyinstaller', 'installers\spt_desktop.spec')
    Write-Host ("PyInstaller: {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
    Invoke-Checked (Join-Path $Bundle 'spt-desktop.exe') @('--selftest')
    Invoke-Sign @((Join-Path $Bundle 'SPT Desktop.exe'), (Join-Path $Bundle 'spt-desktop.exe'))
}
Assert-VersionResource (Join-Path $Bundle 'SPT Desktop.exe')
Assert-VersionResource (Join-Path $Bundle 'spt-desktop.exe')

if (-not $MsiOnly) {
    $iscc = if ($env:ISCC) { $env:ISCC } else { Join-Path ${env:ProgramFiles(x86)} 'Inno Setup 6\ISCC.exe' }
    $isccArgs = @("/DAppVersion=$Version")
    # The sign tool `spt` runs its parameters (the SignTool= line of the script): the setup
    # and the uninstaller are signed by sign.ps1 while ISCC builds.
    if ($Sign) { $isccArgs += @('/DSign', '/Sspt=$p') }
    Invoke-Checked $iscc ($isccArgs + @('installers\windows\spt-desktop.iss'))
}

$msi = "dist\SPT-Desktop-$MsiVersion-x64.msi"
Invoke-Checked 'wix' @('build', '-arch', 'x64', '-ext', 'WixToolset.Util.wixext',
    '-d', "Version=$MsiVersion", '-bindpath', "app=$Bundle", '-o', $msi,
    'installers\windows\spt-desktop.wxs')
Invoke-Sign @($msi)
Get-ChildItem dist\*.exe, dist\*.msi | ForEach-Object { Write-Host ("{0}: {1:N1} MB" -f $_.Name, ($_.Length / 1MB)) }
