"""Long fuzz run over the pure text layer: ``parse_page`` and the jump-line grammar.

    .venv/bin/python bench/fuzz.py [--examples 5000] [--seconds 120]

Two engines, each over both targets, with the checks of tests/fuzz/properties.py (no
exception, blocks that join back into the page, jump spans that are the printed text):

- hypothesis: ``--examples`` generated pages of hostile pieces (markup, entities, template
  syntax, controls, odd spaces, the grammars' words) and of arbitrary unicode;
- atheris (coverage-guided, libFuzzer): ``--seconds`` per target in a child process, its input
  bytes read as unicode or as a string of hostile pieces; the archive.text modules instrumented.

Prints a table: inputs, exceptions (a broken check counts as one), the slowest input's time
and length. Failing inputs are written to var/fuzz/ to be replayed. Exit status 1 if any
input failed.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FAILURES = ROOT / "var" / "fuzz"
TARGETS = ("parse_page", "jumps")


@dataclass
class Tally:
    """What one engine saw on one target."""

    engine: str
    target: str
    inputs: int = 0
    exceptions: int = 0
    max_seconds: float = 0.0
    slowest_chars: int = 0
    first_failure: str = ""
    failures: list[str] = field(default_factory=list)

    def run(self, check, text: str) -> None:
        started = time.perf_counter()
        try:
            check(text)
        except Exception:  # every failure is counted and kept, the run goes on
            self.exceptions += 1
            if len(self.failures) < 20:
                self.failures.append(text)
            if not self.first_failure:
                self.first_failure = traceback.format_exc(limit=3).strip().splitlines()[-1][:120]
        elapsed = time.perf_counter() - started
        self.inputs += 1
        if elapsed > self.max_seconds:
            self.max_seconds, self.slowest_chars = elapsed, len(text)


def checks():
    from tests.fuzz.properties import check_jumps, check_page

    return {"parse_page": check_page, "jumps": check_jumps}


def run_hypothesis(target: str, examples: int) -> Tally:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests.fuzz.properties import PAGES

    tally, check = Tally("hypothesis", target), checks()[target]

    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(PAGES, st.text(max_size=3000)))
    def probe(text):
        tally.run(check, text)  # never raises: hypothesis only generates

    probe()
    return tally


def run_atheris(target: str, seconds: int) -> Tally:
    """libFuzzer ends its process when the time is up, so each target runs in a child that
    writes its tally to a file as it goes."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "tally.json"
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        subprocess.run(
            [sys.executable, __file__, "--atheris-child", target, str(out), f"-max_total_time={seconds}",
             "-max_len=4096", "-print_final_stats=0", str(corpus)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=seconds + 300, check=False,
        )
        if not out.exists():
            return Tally("atheris", target, first_failure="the child wrote no tally (see its output)")
        return Tally(**json.loads(out.read_text()))


def atheris_child(target: str, out: str, libfuzzer_args: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["archive.text"]):
        from tests.fuzz.properties import HOSTILE_TOKENS, warm_up
    warm_up()
    tally, check = Tally("atheris", target), checks()[target]

    def save() -> None:
        Path(out).write_text(json.dumps(asdict(tally)))

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        if provider.ConsumeBool():
            text = provider.ConsumeUnicodeNoSurrogates(len(data))
        else:
            text = "".join(HOSTILE_TOKENS[provider.ConsumeIntInRange(0, len(HOSTILE_TOKENS) - 1)]
                           for _ in range(provider.ConsumeIntInRange(0, 200)))
        before = (tally.exceptions, tally.max_seconds)
        tally.run(check, text)
        if tally.inputs % 500 == 0 or (tally.exceptions, tally.max_seconds) != before:
            save()

    save()
    atheris.Setup([sys.argv[0], *libfuzzer_args], one_input)
    atheris.Fuzz()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--atheris-child":
        os.environ.setdefault("PYTHONHASHSEED", "0")
        atheris_child(sys.argv[2], sys.argv[3], sys.argv[4:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000, help="hypothesis examples per target")
    parser.add_argument("--seconds", type=int, default=120, help="atheris time per target")
    args = parser.parse_args()

    from tests.fuzz.properties import warm_up

    warm_up()
    tallies = []
    for target in TARGETS:
        tallies.append(run_hypothesis(target, args.examples))
        print(f"hypothesis {target}: {tallies[-1].inputs} inputs", file=sys.stderr, flush=True)
    for target in TARGETS:
        tallies.append(run_atheris(target, args.seconds))
        print(f"atheris {target}: {tallies[-1].inputs} inputs", file=sys.stderr, flush=True)

    print(f"\n{'engine':<11}{'target':<12}{'inputs':>9}{'exceptions':>12}{'max time':>11}{'its chars':>11}  first failure")
    for tally in tallies:
        print(f"{tally.engine:<11}{tally.target:<12}{tally.inputs:>9}{tally.exceptions:>12}"
              f"{tally.max_seconds * 1000:>9.1f}ms{tally.slowest_chars:>11}  {tally.first_failure}")
    failed = [tally for tally in tallies if tally.exceptions]
    if failed:
        FAILURES.mkdir(parents=True, exist_ok=True)
        for tally in failed:
            path = FAILURES / f"{tally.engine}-{tally.target}.json"
            path.write_text(json.dumps(tally.failures, ensure_ascii=False, indent=1))
            print(f"failing inputs: {path}")
        sys.exit(1)


if __name__ == "__main__":
    main()
