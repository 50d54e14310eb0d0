#!/usr/bin/env bash
# Audits the pins of requirements.txt against the known vulnerabilities (pip-audit: PyPI's
# advisories, OSV as fallback). Exits 1 if a pin is known to be vulnerable. Where neither
# service can be reached, says so loudly and exits 0: nothing could be checked, nothing is
# known to be wrong. CI runs it (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=var/audit-venv
mkdir -p var
if ! cmp -s requirements-audit.txt "$VENV/.installed" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r requirements-audit.txt 2>&1 | { grep -v "is ignored: it is neither" || true; }
  cp requirements-audit.txt "$VENV/.installed"
fi
report=$(mktemp)
trap 'rm -f "$report" "$report.osv"' EXIT
"$VENV/bin/pip-audit" --no-deps --disable-pip -r requirements.txt -f json -o "$report" 2>/dev/null || true
"$VENV/bin/pip-audit" --no-deps --disable-pip -s osv -r requirements.txt -f json -o "$report.osv" 2>/dev/null || true
exec "$VENV/bin/python" - "$report" "$report.osv" <<'PY'
import json
import sys

def read(path):
    try:
        with open(path) as handle:
            return json.load(handle)["dependencies"]
    except (OSError, ValueError, KeyError):
        return []

vulnerable, audited, total = {}, set(), set()
for path in sys.argv[1:]:
    for dep in read(path):
        total.add(dep["name"])
        if "skip_reason" not in dep:
            audited.add(dep["name"])
            for vuln in dep.get("vulns", []):
                vulnerable.setdefault(f'{dep["name"]}=={dep["version"]}', set()).add(
                    f'{vuln["id"]} (fixed in {", ".join(vuln.get("fix_versions") or ["no release yet"])})')
for pin, vulns in sorted(vulnerable.items()):
    print(f"audit: {pin} is known to be vulnerable: {'; '.join(sorted(vulns))}")
if vulnerable:
    sys.exit(1)
if not audited:
    print(f"audit: WARNING: no advisory service could be reached; none of the {len(total)} pins "
          "of requirements.txt was checked")
else:
    print(f"audit: {len(audited)} pins of requirements.txt checked, none known to be vulnerable"
          + (f" ({len(total - audited)} not found: {', '.join(sorted(total - audited))})" if total - audited else ""))
PY
