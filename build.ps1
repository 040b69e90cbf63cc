#!/usr/bin/env pwsh
# Windows wrapper around the same dotnet commands as the README.
#   ./build.ps1            build and run the tests
#   ./build.ps1 node       run the main job (the node sample)
#   ./build.ps1 host       run the Akka.Hosting sample (set EXCHANGE_API_KEY first)
#   ./build.ps1 bench      run the quick benchmark
param([string]$Target = "test")
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
switch ($Target) {
    "test"  { dotnet test Actors.sln -c Release; exit $LASTEXITCODE }
    "node"  { dotnet run --project samples/Actors.Samples.Node -c Release; exit $LASTEXITCODE }
    "host"  { dotnet run --project samples/Actors.Samples.Host -c Release; exit $LASTEXITCODE }
    "bench" { dotnet run --project tests/Actors.Benchmarks -c Release -- --quick; exit $LASTEXITCODE }
    default { Write-Error "Unknown target '$Target' (use test, node, host or bench)"; exit 2 }
}
