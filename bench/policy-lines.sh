#!/usr/bin/env bash
# The line suggestions measured on bench/policy-lines/policies.csv (issue 12, part 5): builds the runner and prints, per
# language, the figures on the test split beside their goals and the plain keyword baseline. `./policy-lines.sh tune`
# instead searches the settings on the tune split alone (leave one out); see policy-lines/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/Rumbo.Bench.PolicyLines" -c Release -v quiet -nologo >/dev/null
dotnet "$here/Rumbo.Bench.PolicyLines/bin/Release/net10.0/Rumbo.Bench.PolicyLines.dll" "$here/policy-lines/policies.csv" "${1:-test}"
