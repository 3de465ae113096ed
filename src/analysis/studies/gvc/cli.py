"""``python -m analysis gvc-panel``: the GVC study's command, found by the command line through its entry point.

Kept light (argparse only): the command line loads it on every call; the DuckDB builder is imported when the command
runs.
"""

from __future__ import annotations


def add_command(sub) -> None:
    """Add ``gvc-panel`` to the command line's subparsers."""
    p = sub.add_parser("gvc-panel", help="build the GVC firm-year panel from customs transaction files (DuckDB, "
                       "out of core); see data/schemas/gvc_transactions.schema.json")
    p.add_argument("--transactions", required=True, metavar="GLOB", help="Parquet or CSV files, e.g. 'dir/*.parquet'")
    p.add_argument("--immex", required=True, metavar="FILE", help="IMMEX register (gvc_immex schema)")
    p.add_argument("--firms", required=True, metavar="FILE", help="firm register with NAICS sector (gvc_firms)")
    p.add_argument("--tariffs", required=True, metavar="FILE",
                   help="HS6 US tariff changes on China (gvc_tariff_changes)")
    p.add_argument("--out", required=True, metavar="FILE", help="output panel, Parquet (gvc_panel schema)")
    p.add_argument("--base-year", type=int, default=2017)
    p.add_argument("--export-basis", choices=["us", "all"], default="us",
                   help="base-year shares of exports to the US or to all destinations")
    p.add_argument("--unknown-products", choices=["error", "zero"], default="error")
    p.add_argument("--missing-firms", choices=["error", "drop"], default="error")
    p.add_argument("--memory-limit", default="1GB", help="DuckDB memory ceiling; it spills to disk beyond it")
    p.add_argument("--temp-directory", metavar="DIR", help="where DuckDB spills (default: a temporary folder)")
    p.add_argument("--threads", type=int, help="DuckDB threads (default: all cores)")
    p.add_argument("--no-progress", action="store_true", help="no progress bars")
    p.set_defaults(func=_run)



def _run(args) -> int:
    from analysis.studies.gvc import transactions

    return transactions.cli(args)
