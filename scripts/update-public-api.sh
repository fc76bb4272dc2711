#!/usr/bin/env bash
# Records the public API of the shipped library projects in their PublicAPI.Unshipped.txt.
# Run it after adding, changing or removing public members (or after merging a branch that did):
# it builds each project, adds every symbol the analyzer reports as undeclared (RS0016), drops every
# declared symbol that no longer exists (RS0017), and repeats until the build is clean.
# Review the diff: an unexpected line is an accidental API change.
# On a release, move the lines of PublicAPI.Unshipped.txt into PublicAPI.Shipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=(src/Domain src/Http src/Api src/DependencyInjection src/FsCheck)
for dir in "${projects[@]}"; do
  for round in 1 2 3 4 5; do
    log=$(mktemp)
    dotnet build "$dir" -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
    added=$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u || true)
    removed=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" "$log" | sort -u || true)
    rm -f "$log"
    [ -z "$added" ] && [ -z "$removed" ] && break
    file="$dir/PublicAPI.Unshipped.txt"
    { head -n 1 "$file"; { tail -n +2 "$file"; [ -n "$added" ] && printf '%s\n' "$added"; } \
        | grep -vxF -f <(printf '%s\n' "$removed") | grep -v '^$' | sort -u; } > "$file.new" || true
    mv "$file.new" "$file"
    echo "$dir: +$(printf '%s' "$added" | grep -c . || true) -$(printf '%s' "$removed" | grep -c . || true) (round $round)"
  done
done
dotnet build "${projects[-1]}" -nologo -clp:NoSummary | tail -n 3
