"""The whole collection, end to end: every notebook executed with its default parameters, figures written.

Outputs go to a fresh temporary folder (ANALYSIS_OUTPUT), as on a clean clone; the virtual environment is the
one already installed (its creation is timed separately in the README's run-time table).
Target: under 60 s for the default run on the 2-core reference machine.
"""

from __future__ import annotations

import sys
import tempfile

from common import measure_in_subprocess, record, table

TARGET_SECONDS = 60


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-collection-") as out:
        code = f"""
import json, os, time
os.environ["ANALYSIS_OUTPUT"] = {out!r}
os.environ["MPLBACKEND"] = "Agg"
from analysis.core import claims
from analysis.build import run
times = {{}}
for nb in run.execution_order():
    _, seconds = run.execute(nb)
    times[nb.stem] = round(seconds, 2)
claims.write_report()
print(json.dumps(times))
"""
        result = measure_in_subprocess(code)
    per_notebook = result["output"]
    cases = [{"case": name, "seconds": s} for name, s in per_notebook.items()]
    cases.append({"case": "whole collection (incl. interpreter start-up)", "seconds": result["seconds"],
                  "peak_rss_gib": result["peak_rss_gib"], "target_seconds": TARGET_SECONDS,
                  "meets_target": result["seconds"] < TARGET_SECONDS})
    record("collection", cases)
    print(table(cases, ["case", "seconds", "peak_rss_gib", "target_seconds", "meets_target"]))


if __name__ == "__main__":
    sys.exit(main())
