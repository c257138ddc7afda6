# Signs files of SPT Desktop with Authenticode: the two executables, the Inno Setup setup
# and its uninstaller (Inno Setup calls this through SignTool=), and the MSI.
#
#   powershell -NoProfile -ExecutionPolicy Bypass -File installers\windows\sign.ps1 FILE...
#
# The key never lies in a file on the build machine: it sits on a hardware token (EV
# certificates must, since 2023) or in a cloud signing service. SPT_SIGN_MODE picks how:
#
#   thumbprint   signtool /sha1: a certificate in the Windows certificate store whose key
#                is on a token with a minidriver (SafeNet, YubiKey PIV, ...). The token's
#                software asks for the PIN; for unattended builds use the vendor's
#                single-logon setting.
#                  SPT_SIGN_SHA1   the certificate's SHA-1 thumbprint
#   csp          signtool /csp /kc /f: a token reached through its CSP by key container,
#                e.g. SafeNet's "eToken Base Cryptographic Provider" with the PIN in the
#                container name ("[{{PIN}}]=p11#..."), for unattended builds.
#                  SPT_SIGN_CSP    the CSP's name
#                  SPT_SIGN_KC     the key container (a secret when it holds the PIN)
#                  SPT_SIGN_CERT   the certificate (.cer, public part only)
#   trusted-signing  Azure Trusted Signing (Artifact Signing) through signtool's dlib:
#                  SPT_SIGN_DLIB      path of Azure.CodeSigning.Dlib.dll (NuGet package
#                                     Microsoft.Trusted.Signing.Client, bin\x64)
#                  SPT_SIGN_METADATA  metadata.json: {"Endpoint": ..., "CodeSigningAccountName":
#                                     ..., "CertificateProfileName": ...}
#                  Sign-in: DefaultAzureCredential (az login, or AZURE_CLIENT_ID/
#                  AZURE_TENANT_ID/AZURE_CLIENT_SECRET, or a workload identity in CI).
#   jsign        jsign (Java, also on Linux/macOS) with any of its key stores: Trusted
#                Signing, Azure Key Vault, Google Cloud KMS, AWS KMS, a PKCS#11 token.
#                  SPT_JSIGN            the command (default: jsign)
#                  SPT_JSIGN_STORETYPE  e.g. TRUSTEDSIGNING, AZUREKEYVAULT, ETOKEN, PIV
#                  SPT_JSIGN_KEYSTORE   e.g. weu.codesigning.azure.net (for a token: empty)
#                  SPT_JSIGN_ALIAS      e.g. <account>/<profile>
#                  SPT_JSIGN_STOREPASS  access token or PIN (a secret)
#
#   SPT_SIGN_TIMESTAMP  RFC 3161 timestamp server (default http://timestamp.digicert.com;
#                       Trusted Signing: http://timestamp.acs.microsoft.com). Always
#                       timestamped: the signature then outlives the certificate.
#   SPT_SIGNTOOL        signtool.exe (default: found in PATH or the newest Windows SDK)
#
# Every file is checked after signing (Get-AuthenticodeSignature must say Valid); the
# script stops at the first failure with a non-zero exit code.
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)

$ErrorActionPreference = 'Stop'
$Mode = $env:SPT_SIGN_MODE
$Timestamp = if ($env:SPT_SIGN_TIMESTAMP) { $env:SPT_SIGN_TIMESTAMP } else { 'http://timestamp.digicert.com' }
$Description = 'SPT Desktop'

function Need([string]$Name) {
    $value = [Environment]::GetEnvironmentVariable($Name)
    if (-not $value) { throw "ondertekenen ($Mode): $Name is niet gezet" }
    return $value
}

function Find-SignTool {
    if ($env:SPT_SIGNTOOL) { return $env:SPT_SIGNTOOL }
    $inPath = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if ($inPath) { return $inPath.Source }
    # The Windows SDK on the GitHub runners and developer machines; the newest x64 one.
    $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
    $found = Get-ChildItem -Path $kits -Filter signtool.exe -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.DirectoryName -like '*\x64' } |
        Where-Object { (Split-Path (Split-Path $_.DirectoryName) -Leaf) -match '^\d+(\.\d+)+$' } |
        Sort-Object { [version](Split-Path (Split-Path $_.DirectoryName) -Leaf) } -Descending |
        Select-Object -First 1
    if (-not $found) { throw 'signtool.exe niet gevonden (Windows SDK) en SPT_SIGNTOOL niet gezet' }
    return $found.FullName
}

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe gaf exitcode $LASTEXITCODE" }
}

# signtool's own arguments for the chosen mode (the same for every file).
function SignToolArguments {
    $common = @('sign', '/fd', 'SHA256', '/tr', $Timestamp, '/td', 'SHA256', '/d', $Description)
    switch ($Mode) {
        'thumbprint' { return $common + @('/sha1', (Need 'SPT_SIGN_SHA1')) }
        'csp' {
            return $common + @('/f', (Need 'SPT_SIGN_CERT'), '/csp', (Need 'SPT_SIGN_CSP'),
                '/kc', (Need 'SPT_SIGN_KC'))
        }
        'trusted-signing' {
            return $common + @('/dlib', (Need 'SPT_SIGN_DLIB'), '/dmdf', (Need 'SPT_SIGN_METADATA'))
        }
        default { throw "SPT_SIGN_MODE '$Mode' onbekend (thumbprint, csp, trusted-signing, jsign)" }
    }
}

if (-not $Mode) { throw 'SPT_SIGN_MODE is niet gezet: thumbprint, csp, trusted-signing of jsign' }

foreach ($file in $Files) {
    $path = (Resolve-Path -LiteralPath $file).Path
    if ($Mode -eq 'jsign') {
        $jsign = if ($env:SPT_JSIGN) { $env:SPT_JSIGN } else { 'jsign' }
        $arguments = @('--storetype', (Need 'SPT_JSIGN_STORETYPE'), '--alias', (Need 'SPT_JSIGN_ALIAS'),
            '--storepass', (Need 'SPT_JSIGN_STOREPASS'), '--alg', 'SHA-256',
            '--tsaurl', $Timestamp, '--tsmode', 'RFC3161', '--name', $Description)
        if ($env:SPT_JSIGN_KEYSTORE) { $arguments += @('--keystore', $env:SPT_JSIGN_KEYSTORE) }
        Invoke-Checked $jsign ($arguments + @($path))
    }
    else {
        Invoke-Checked (Find-SignTool) ((SignToolArguments) + @($path))
    }
    $signature = Get-AuthenticodeSignature -LiteralPath $path
    if ($signature.Status -ne 'Valid') {
        throw "handtekening van $path is niet geldig: $($signature.Status) $($signature.StatusMessage)"
    }
    if (-not $signature.TimeStamperCertificate) { throw "handtekening van $path heeft geen tijdstempel" }
    Write-Host "ondertekend: $path ($($signature.SignerCertificate.Subject))"
}
