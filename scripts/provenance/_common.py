"""What every provenance script shares: the Table Schema field builder, where inputs come from, how a table is
written to data/ and described in data/datapackage.json.

Repository paths come from :mod:`analysis.core.paths` (run the scripts with ``PYTHONPATH=src`` from the repository
root). Inputs that are not in the repository -- stored public copies, or the files of an earlier compilation made
for the project -- are named with ``--input DIR`` or an environment variable; every expected file is listed with its
origin and sha256 and checked before anything is written, so a missing or different file stops the script with a
message that says which file to get and where from.
"""
from __future__ import annotations

import argparse
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.core import data, paths


def field(name: str, type_: str, description: str | None = None, unit: str | None = None, *,
          format: str | None = None, **constraints) -> dict:
    """One Table Schema field, keys in the order the descriptor keeps them: name, type, format, description, unit,
    constraints (`constraints` in the order given: required=True, unique=True, minimum=0, enum=[...], ...)."""
    spec = {"name": name, "type": type_}
    if format is not None:
        spec["format"] = format
    if description is not None:
        spec["description"] = description
    if unit is not None:
        spec["unit"] = unit
    if constraints:
        spec["constraints"] = constraints
    return spec


@dataclass(frozen=True)
class Input:
    """A file a script reads that is not in the repository: its file name, where it comes from, its sha256 (None
    only for a transcription whose digest was not recorded when it was made: then only its presence is checked)."""

    name: str
    origin: str
    sha256: str | None


def input_folder(expected: list[Input], env: str, argv: list[str] | None = None) -> Path:
    """The folder holding the `expected` files, from ``--input DIR`` or environment variable `env`.

    Exits with a message naming every missing or different file, its origin and sha256, before anything is written.
    """
    parser = argparse.ArgumentParser(description="Rebuild a data/ table from the files named in the script.")
    parser.add_argument("--input", type=Path, help=f"folder holding the input files (default: ${env})")
    folder = parser.parse_args(argv).input or (Path(os.environ[env]) if os.environ.get(env) else None)
    wanted = "\n".join(f"  {i.name}  (sha256 {i.sha256 or 'not recorded'})\n      from {i.origin}" for i in expected)
    if folder is None:
        raise SystemExit(f"no input folder: pass --input DIR or set {env} to a folder holding\n{wanted}")
    problems = []
    for item in expected:
        path = folder / item.name
        if not path.is_file():
            problems.append(f"  {item.name}: missing in {folder}\n      get it from {item.origin}")
        elif item.sha256 and (digest := hashlib.sha256(path.read_bytes()).hexdigest()) != item.sha256:
            problems.append(f"  {item.name}: sha256 {digest} is not the file of record {item.sha256}\n"
                            f"      get it from {item.origin}")
    if problems:
        raise SystemExit("input files not as expected:\n" + "\n".join(problems))
    return folder


def write_csv(frame: pd.DataFrame, resource: dict, **to_csv) -> None:
    """Write `frame` to the resource's file in data/ (UTF-8, LF line ends, no index)."""
    frame.to_csv(paths.DATA / resource["path"], index=False, lineterminator="\n", **to_csv)


def describe(resource: dict) -> None:
    """Record `resource` in data/datapackage.json (validates the file and records its sha256 and size)."""
    out = data.upsert_resource(resource)
    print("described", out["name"], out["hash"], out["bytes"])
