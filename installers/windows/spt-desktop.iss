; Inno Setup script of SPT Desktop: a per-user install, no administrator rights needed.
;
;   iscc /DAppVersion=0.1.0 installers\windows\spt-desktop.iss
;   iscc /DAppVersion=0.1.0 /DSign "/Sspt=$p" installers\windows\spt-desktop.iss   (signed)
;
; installers/windows/build-windows.ps1 runs this (and PyInstaller, the self-test, WiX and the
; signing) in one go; docs/installers.md says how.
;
; Input:  dist\spt-desktop\ (PyInstaller one-folder build, see docs/installers.md)
; Output: dist\SPT-Desktop-<version>-setup.exe
;
; Installs into %LOCALAPPDATA%\Programs\SPT Desktop with a Start menu entry. Uninstalling
; removes the program and keeps the coach's vault (and its key file) unless the coach ticks
; the box to delete it; a silent uninstall (/SILENT, /VERYSILENT) keeps it unless
; /DELETEVAULT is given (for IT wiping a laptop that is handed on).
;
; Needs Inno Setup 6.6 or newer (CreateCustomForm's signature) with its Dutch.isl.

#if Ver < EncodeVer(6, 6, 0)
  #error Inno Setup 6.6 or newer is needed (CreateCustomForm with a size)
#endif

#define AppName "SPT Desktop"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppPublisher "Servicepunten Techniek"
; The windowed executable (the console one, spt-desktop.exe, is for IT: --selftest, CLI).
#define AppExe "SPT Desktop.exe"
; Must equal the folder spt_desktop.app.data_dir() uses: platformdirs
; user_data_dir("spt-desktop", appauthor=False) = %LOCALAPPDATA%\spt-desktop.
; tests/installers/test_bundle.py checks that the two agree.
#define VaultDirName "spt-desktop"
; QSettings of the app (organisation\application), removed together with the vault.
#define SettingsKey "Software\Servicepunten Techniek\SPT Desktop"
#define SourceDir "..\..\dist\spt-desktop"
; Signs one file: the setup, and the uninstaller Inno Setup writes at compile time.
; Its settings (certificate thumbprint, token CSP, Trusted Signing, jsign) come from the
; environment; see the script and docs/installers.md.
#define SignScript AddBackslash(SourcePath) + "sign.ps1"

[Setup]
; Never change the AppId: upgrades and the uninstaller find the installation by it.
AppId={{C2E752B5-59CF-47A9-9912-EAFAF07B83D8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
; The setup's own version resource (what IT's inventory and AppLocker/WDAC read); the two
; executables get theirs from PyInstaller (installers/windows/version_info.py).
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} {#AppVersion} installatie
VersionInfoCopyright={#AppPublisher}, EUPL-1.2
#ifdef Sign
; ISCC /DSign "/Sspt=$p" defines the sign tool `spt` as "run these parameters"; the
; parameters run sign.ps1 on the file Inno Setup passes as $f. SignedUninstaller: the
; uninstaller (unins000.exe) is signed too, before it goes into the setup.
SignTool=spt powershell.exe -NoProfile -ExecutionPolicy Bypass -File $q{#SignScript}$q $f
SignedUninstaller=yes
#endif
; Per user: {autopf} is %LOCALAPPDATA%\Programs when running without admin rights.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 1809 or newer.
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=SPT-Desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\spt-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; Close a running SPT Desktop (it locks its vault cleanly) before replacing files.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no library of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Caseload en trajecten van de SPT-coaches"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteVault: Boolean;

function VaultDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#VaultDirName}');
end;

function HasParam(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
      Result := True;
end;

{ The uninstaller's one question, as a box to tick that is not ticked: keeping the vault is
  the default, because it may hold work that has not been synchronised yet. }
function AskDeleteVault(var Delete: Boolean): Boolean;
var
  Form: TSetupForm;
  Info, Warning: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
  Form := CreateCustomForm(460, 240, False, False);
  try
    Form.Caption := '{#AppName} verwijderen';

    Info := TNewStaticText.Create(Form);
    Info.Parent := Form;
    Info.Left := ScaleX(16);
    Info.Top := ScaleY(16);
    Info.Width := Form.ClientWidth - ScaleX(32);
    Info.WordWrap := True;
    Info.Caption :=
      'Het programma wordt verwijderd. Uw kluis (de versleutelde gegevens van uw ' +
      'kandidaten) blijft bewaard in:' + #13#10 + VaultDir() + #13#10#13#10 +
      'Zo kunt u {#AppName} later opnieuw installeren en verder werken.';

    { A short one-line caption: Pascal Script's TNewCheckBox has no WordWrap; the warning
      is a wrapped static text under it. }
    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16);
    Box.Top := Info.Top + Info.Height + ScaleY(16);
    Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Caption := 'Ook mijn kluis verwijderen';
    Box.Checked := False;

    Warning := TNewStaticText.Create(Form);
    Warning.Parent := Form;
    Warning.Left := Box.Left + ScaleX(18);
    Warning.Top := Box.Top + Box.Height + ScaleY(2);
    Warning.Width := Form.ClientWidth - Warning.Left - ScaleX(16);
    Warning.WordWrap := True;
    Warning.Caption :=
      'Niet gesynchroniseerde wijzigingen gaan dan definitief verloren; ook de ' +
      'herstelsleutel helpt daarna niet meer.';

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := ScaleX(100);
    OkButton.Height := ScaleY(24);
    OkButton.Left := Form.ClientWidth - ScaleX(16 + 100 + 8 + 100);
    OkButton.Top := Form.ClientHeight - ScaleY(24 + 12);
    OkButton.Caption := 'Verwijderen';
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Width := ScaleX(100);
    CancelButton.Height := ScaleY(24);
    CancelButton.Left := Form.ClientWidth - ScaleX(16 + 100);
    CancelButton.Top := OkButton.Top;
    CancelButton.Caption := 'Annuleren';
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    Form.ActiveControl := CancelButton;
    Result := Form.ShowModal() = mrOk;
    Delete := Result and Box.Checked;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  DeleteVault := False;
  Result := True;
  if not DirExists(VaultDir()) then
    Exit;
  if UninstallSilent() then
    DeleteVault := HasParam('/DELETEVAULT')
  else
    Result := AskDeleteVault(DeleteVault);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteVault then
  begin
    { The vault, its key header, -wal/-shm files and backups before migrations. }
    if not DelTree(VaultDir(), True, True, True) then
      if not UninstallSilent() then
        MsgBox('De kluismap kon niet helemaal worden verwijderd: ' + VaultDir() +
          '. Sluit alle programma''s en verwijder de map zelf.', mbError, MB_OK);
    RegDeleteKeyIncludingSubkeys(HKCU, '{#SettingsKey}');
  end;
end;
