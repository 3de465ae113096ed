"""Command line: ``python -m analysis {run,claims,data,site,figures} ...`` (``--help`` on each)."""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path


def _cmd_run(args) -> int:
    from analysis.core import io, paths
    from analysis.build import run

    removed = io.clean_partials(paths.FIGURES, paths.BUILD)
    if removed:
        print(f"removed {len(removed)} temporary file(s) left by an interrupted run")
    if args.jobs < 0:
        print(f"--jobs {args.jobs} refused: a number of workers, 1 or more (0: one per core)", file=sys.stderr)
        return 2
    chosen = run.execution_order([run.find(n) for n in args.notebooks] if args.notebooks else None)
    given = {}
    for item in args.parameter:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            print(f"-p {item!r} refused: write -p NAME=VALUE", file=sys.stderr)
            return 2
        if key.strip() in given:
            print(f"-p {key.strip()} given twice", file=sys.stderr)
            return 2
        given[key.strip()] = value
    if args.fast:
        given["fast"] = "true"
    declared = {nb: set(run.parameters(nb)) for nb in chosen}
    typed, private = {}, {}
    try:
        everywhere = set().union(*declared.values())
        for name in given:
            if name not in everywhere and len(chosen) > 1:
                import difflib

                near = difflib.get_close_matches(name, sorted(everywhere), n=1, cutoff=0.6)
                raise run.ParameterError(f"unknown parameter {name!r}: no notebook of this run declares it"
                                         + (f"; did you mean {near[0]!r}?" if near else ""))
        for nb in chosen:
            others = set().union(*(d for n, d in declared.items() if n != nb))
            typed[nb] = run.check_parameters(nb, given, known_elsewhere=others)
            if inputs := run.private_inputs(nb, typed[nb]):
                private[nb] = inputs
        if private and len(chosen) > 1:
            names = ", ".join(f"{nb.stem} ({', '.join(private[nb])})" for nb in private)
            raise run.ParameterError(f"a run on your own data takes one notebook; {names} would read a user file: "
                                     f"run it alone (python -m analysis run {next(iter(private)).stem[:2]} ...)")
        if args.out and not private:
            raise run.ParameterError("--out is for a run on your own data (a path parameter such as panel_path); "
                                     "public runs write to figures/ and build/ (or $ANALYSIS_OUTPUT)")
        output = run.private_output(chosen[0], private[chosen[0]], args.out) if private else None
    except run.ParameterError as err:
        print(err, file=sys.stderr)
        return 2
    timings = []

    def report_error(err: run.RunError) -> int:
        if "\n" in err.details:  # a refused input lists each problem (file, row, column, value)
            print(err.details, file=sys.stderr)
        print(err, file=sys.stderr)
        return 1

    cache = "off" if private else "refresh" if args.force else "use"

    def done(stem: str, result: run.Executed | run.RunError) -> None:
        if isinstance(result, run.RunError):
            return
        timings.append((stem, result.seconds, "cached" if result.cached else ""))
        how = "cached" if result.cached else "ran"
        print(f"  {result.seconds:6.1f} s  {how:<6}  {stem} -> {result.path}", flush=True)
        for warning in run.design_warnings(result.path):
            print(f"  WARNING ({stem}): {warning}", file=sys.stderr, flush=True)

    if not private:  # only a public run writes the claims report; imported (pandas) while the kernel server starts
        from analysis.core import claims
    independent = [nb for nb in chosen if not nb.stem.startswith("00_")]
    if not private and independent:
        # Public notebooks are independent of each other: run them side by side, then the overview.
        jobs = run.workers(args.jobs, len(independent))
        print(f"running {len(independent)} notebook(s) on up to {jobs} worker(s)"
              + (" (those whose inputs are unchanged restored from build/cache/)" if cache == "use" else "")
              + " ...", flush=True)
        try:
            run.execute_many(independent, typed, jobs=jobs, on_done=done, cache=cache)
        except run.RunError as err:
            return report_error(err)
        chosen = [nb for nb in chosen if nb not in independent]
    for nb in chosen:
        print(f"running {nb.name} ..." + (f" (private: outputs only in {output})" if private else ""), flush=True)
        try:
            result = run.execute(nb, typed[nb], progress=False, output=output, private=private.get(nb), cache=cache)
        except run.RunError as err:
            return report_error(err)
        done(nb.stem, result)
    if private:
        print(f"\nprivate run: figures, results, verdicts, executed notebook and manifest.json (input sha256, "
              f"parameters) in {output}\nnothing was written to the public figures, claims report or site.")
    else:
        with io.locked(paths.BUILD / ".run.lock", str(paths.OUTPUT)):
            rep = claims.write_report()
        print(f"\nclaims report: {len(rep)} claims -> {paths.CLAIMS_REPORT}")
        print(claims.scoreboard(rep)["overall"].to_string())
    print(f"\n{'notebook':<45} seconds\n" + "\n".join(f"{n:<45} {s:7.1f}  {how}" for n, s, how in timings))
    if restored := sum(how == "cached" for _, _, how in timings):
        print(f"{restored} of {len(timings)} restored from build/cache/ (inputs unchanged); --force re-runs them")
    return 0


def _cmd_claims(args) -> int:
    import pandas as pd

    from analysis.core import claims

    rep = claims.write_report()
    if args.format == "claimreview":
        import json

        from analysis.build import claimreview

        try:
            items = claimreview.reviews(rep)
        except claimreview.ClaimReviewError as err:
            print(err, file=sys.stderr)
            return 2
        text = json.dumps(items, indent=1, ensure_ascii=False) + "\n"
        if args.out:
            from analysis.core import io

            io.write_text(Path(args.out).resolve(), text)
            print(f"{len(items)} ClaimReview items written to {args.out}")
        else:
            sys.stdout.write(text)
        return 0
    if args.show:
        hit = rep.loc[rep["claim_id"] == args.show]
        if hit.empty:
            print(f"no claim {args.show!r}", file=sys.stderr)
            return 2
        for col, value in hit.iloc[0].items():
            print(f"{col:>15}: {value}")
        return 0
    with pd.option_context("display.width", 160, "display.max_rows", 500):
        board = claims.scoreboard(rep)
        print("Claims by verdict\n" + board["overall"].to_string())
        print("\nEvidence behind the verdicts, by topic\n" + board["evidence"].to_string())
        print("\nBy topic\n" + board["topic"].to_string())
        print("\nBy document\n" + board["document"].to_string())
        if not args.summary:
            print("\nEvery claim\n" + rep[["claim_id", "verdict", "stated_value", "computed_value", "reason"]]
                  .to_string(index=False, max_colwidth=70))
    print(f"\nwritten: build/claims_report.csv ({len(rep)} claims)")
    return 0


def _cmd_data(args) -> int:
    from analysis.core import data

    if args.action == "verify":
        problems = data.verify_all(full=not args.quick)
        n = len(data.descriptor()["resources"])
        if problems:
            print("\n".join(str(p) for p in problems))
            print(f"\n{len(problems)} problem(s) in data/ ({n} resources checked)")
            return 1
        print(f"data/: {n} resources match datapackage.json (schema, size, sha256"
              + ("; rows as recorded in data/validated.json)" if args.quick else ")"))
        return 0
    changed = data.rehash(args.names or None)
    print("re-hashed: " + (", ".join(changed) if changed else "nothing changed"))
    return 0


def _cmd_site(args) -> int:
    from pathlib import Path

    from analysis.core import paths
    from analysis.build import site_inputs

    out = Path(args.out or paths.BUILD / "site").expanduser().resolve()
    executed = Path(args.notebooks or paths.BUILD / "notebooks").expanduser().resolve()
    if not args.update_licences and not args.force:  # checked before importing the site builder (pandas, Sphinx)
        if site_inputs.is_current(out, site_inputs.inputs_digest(out, executed, strict=args.strict)):
            print(f"site: {out / 'index.html'}  (unchanged: nothing it is built from changed; --force rebuilds it)")
            return 0
    from analysis.core import claims
    from analysis.build import site

    if args.update_licences:
        from analysis.core import licences

        try:
            print(f"updated {licences.update_data_licences()}")
        except licences.LicenceError as err:
            print(err, file=sys.stderr)
            return 2
        return 0
    claims.write_report()
    inputs = site_inputs.inputs_digest(out, executed, strict=args.strict)  # with the report just written
    try:
        index = site.build(executed, out, strict=args.strict)
    except site.SiteError as err:
        print(err, file=sys.stderr)
        return 2
    site_inputs.remember(out, inputs)
    print(f"site: {index}  (open it in a browser; it needs no network)")
    return 0


def _cmd_figures(args) -> int:
    from analysis.build import export

    try:
        done = export.export(args.format, args.out, args.only or None)
    except export.ExportError as err:
        print(err, file=sys.stderr)
        return 2
    for item in done:
        print(f"{item.figure}  (+ {item.sidecar.name})")
    print(f"{len(done)} figure(s) exported as {args.format.upper()} to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="execute notebooks headless and write the claims report")
    p.add_argument("notebooks", nargs="*", help="names or number prefixes (default: all)")
    p.add_argument("--fast", action="store_true", help="pass fast=True (fewer Monte Carlo replications)")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="notebooks run side by side (default: one per core; 1: one after another)")
    p.add_argument("-p", "--parameter", action="append", default=[], metavar="KEY=VALUE",
                   help="notebook parameter, typed and checked against the notebook's parameters cell, "
                        "e.g. -p panel_path=/data/my_panel.parquet (a run on your own file is private)")
    p.add_argument("--out", metavar="DIR", help="output folder of a private run on your own data "
                                                "(default build/private/<notebook>-<input sha256>)")
    p.add_argument("--force", action="store_true",
                   help="execute every notebook even if nothing it depends on changed (default: restore those "
                        "from build/cache/)")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("claims", help="write build/claims_report.csv and print the scoreboard")
    p.add_argument("--show", metavar="CLAIM_ID", help="print one claim with its verdict and provenance")
    p.add_argument("--summary", action="store_true", help="only the counts, not every claim")
    p.add_argument("--format", choices=["table", "claimreview"], default="table",
                   help="claimreview: every verdict as schema.org ClaimReview JSON-LD")
    p.add_argument("--out", metavar="FILE", help="with --format claimreview: write to FILE instead of stdout")
    p.set_defaults(func=_cmd_claims)

    p = sub.add_parser("data", help="check data/ against datapackage.json, or record new hashes")
    p.add_argument("action", choices=["verify", "rehash"])
    p.add_argument("names", nargs="*", help="resources to re-hash (default: all)")
    p.add_argument("--quick", action="store_true",
                   help="verify: do not re-validate row by row the files data/validated.json records as validated "
                        "(their bytes and descriptor entries unchanged); every other check is made")
    p.set_defaults(func=_cmd_data)

    p = sub.add_parser("site", help="build the static HTML site of the executed notebooks into build/site/")
    p.add_argument("--notebooks", metavar="DIR", help="executed notebooks (default: build/notebooks)")
    p.add_argument("--out", metavar="DIR", help="output folder (default: build/site)")
    p.add_argument("--strict", action="store_true", help="treat Sphinx warnings as errors")
    p.add_argument("--force", action="store_true", help="rebuild even if nothing the site is built from changed")
    p.add_argument("--update-licences", action="store_true",
                   help="only rewrite the per-resource table in DATA_LICENSES.md from data/datapackage.json")
    p.set_defaults(func=_cmd_site)

    p = sub.add_parser("figures", help="export figures for reports (with caption + source sidecars)")
    p.add_argument("--format", required=True, choices=["pdf", "svg", "png"])
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--only", nargs="+", metavar="NAME", help="figure names, number prefixes (01) or globs")
    p.set_defaults(func=_cmd_figures)

    # commands a study adds (entry points of the group "analysis.commands" in pyproject.toml): the command line
    # discovers them, as it discovers notebooks, instead of importing the studies; and loads them only when the
    # command asked for is not one of its own (or for the list of commands): a study's package imports its
    # estimators, a third of a second every `run` would pay for
    words = sys.argv[1:] if argv is None else argv
    if next((w for w in words if not w.startswith("-")), None) not in sub.choices:
        for entry in sorted(metadata.entry_points(group="analysis.commands"), key=lambda e: e.name):
            entry.load()(sub)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
