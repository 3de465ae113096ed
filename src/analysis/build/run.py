"""Execute the text notebooks headless: jupytext reads each ``notebooks/NN_*.py``, papermill runs it.

What a run guarantees:

* **Typed parameters.** Each notebook's cell tagged ``parameters`` declares its parameters: the default's type
  (bool, int, float, text, list; a name ending in ``_path`` is a file) and, at the start of the comment, an
  optional range ``in [low, high]`` or set ``in {a, b}``; ``env NAME`` names an environment variable a path may
  come from. ``-p`` values are parsed to that type and checked (:func:`check_parameters`); an unknown name is
  refused with the nearest known one.
* **All or nothing.** The kernel writes into a hidden staging folder (``ANALYSIS_STAGING``); the notebook's
  figures, results, verdicts and executed copy are moved into place together only when it succeeds, under a lock
  on the output folder. A failed run keeps its executed notebook, with the traceback, in ``build/failed/`` and
  leaves the previous complete set untouched.
* **Private runs.** A run on a user's own file (a path parameter) is private: it writes only to its own folder
  (default ``build/private/<notebook>-<input sha256[:12]>/``), never to ``figures/``, the public claims report or
  the site, and that folder's ``manifest.json`` records the sha256 of the input and the parameters.
* **One resolution of paths.** The runner resolves the repository, the output folder and every path parameter
  to absolute paths once and hands them to the kernel, whose working directory is ``notebooks/``.
"""

from __future__ import annotations

import ast
import difflib
import hashlib
import io as _stdio
import json
import math
import os
import re
import shutil
import sys
import time
import tokenize
from dataclasses import dataclass
from pathlib import Path

from analysis.core import io, paths

PRIVATE_MARKER = ".analysis-private-run"


class ParameterError(ValueError):
    """A ``-p`` value that does not fit the notebook's declared parameter (one line, naming both)."""


class RunError(RuntimeError):
    """A notebook failed; ``str()`` is one line naming the notebook, the cell and the error. ``details`` holds the
    error's own message when it is meant for the user (a refused input), ``failed`` the kept executed copy."""

    def __init__(self, line: str, details: str = "", failed: Path | None = None):
        super().__init__(line)
        self.details, self.failed = details, failed

    def __reduce__(self):  # keep details and failed when raised in a worker process
        return (RunError, (str(self), self.details, self.failed))


def notebooks() -> list[Path]:
    """The collection's notebooks, in reading order (their number)."""
    return sorted(p for p in paths.NOTEBOOKS.glob("[0-9][0-9]_*.py"))


def execution_order(chosen: list[Path] | None = None) -> list[Path]:
    """Notebooks in the order to run them: the overview (``00_*``), which reads every other notebook's
    verdicts, goes last."""
    chosen = notebooks() if chosen is None else chosen
    return [p for p in chosen if not p.stem.startswith("00_")] + [p for p in chosen if p.stem.startswith("00_")]


def find(name: str) -> Path:
    """A notebook by file name, stem or number prefix (``01``, ``01_refugee_ceilings``)."""
    hits = [p for p in notebooks() if p.stem == name or p.name == name or p.stem.startswith(f"{name}_")]
    if len(hits) != 1:
        raise SystemExit(f"no single notebook matches {name!r}; have: {', '.join(p.stem for p in notebooks())}")
    return hits[0]


# ------------------------------------------------------------------------------------------- parameters
@dataclass(frozen=True)
class Parameter:
    """One declared notebook parameter: its default, type and allowed values."""

    name: str
    default: object
    kind: str  # bool, int, float, str, path, list
    low: float | None = None
    high: float | None = None
    choices: tuple | None = None
    env: str | None = None
    help: str = ""

    def describe(self) -> str:
        allowed = (f" in [{_num(self.low)}, {_num(self.high)}]" if self.low is not None or self.high is not None
                   else f" in {{{', '.join(map(str, self.choices))}}}" if self.choices else "")
        return f"{self.name} ({self.kind}{allowed}, default {self.default!r})"


def _num(x) -> str:
    return "…" if x is None else f"{x:g}"


def parameters(notebook: Path) -> dict[str, Parameter]:
    """The parameters declared in the notebook's cell tagged ``parameters`` (name → :class:`Parameter`)."""
    import jupytext

    nb = jupytext.read(notebook)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not cells:
        return {}
    out: dict[str, Parameter] = {}
    source = cells[0].source
    comments = {tok.start[0]: tok.string.lstrip("#").strip()
                for tok in tokenize.generate_tokens(_stdio.StringIO(source).readline) if tok.type == tokenize.COMMENT}
    for stmt in ast.parse(source).body:
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            continue
        target, value = stmt.targets[0], stmt.value
        pairs = ([(target, value)] if isinstance(target, ast.Name) else
                 list(zip(target.elts, value.elts)) if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple)
                 else [])
        for name_node, value_node in pairs:
            if isinstance(name_node, ast.Name):
                out[name_node.id] = _declare(name_node.id, ast.literal_eval(value_node),
                                             comments.get(stmt.lineno, ""))
    return out


def _declare(name: str, default, comment: str) -> Parameter:
    kind = ("bool" if isinstance(default, bool) else "int" if isinstance(default, int)
            else "float" if isinstance(default, float) else "list" if isinstance(default, (list, tuple))
            else "path" if name.endswith("_path") else "dir" if name.endswith("_dir") else "str")
    low = high = choices = None
    m = re.match(r"in\s*\[\s*([^,\]]*)\s*,\s*([^\]]*)\s*\]", comment)
    if m:
        low = float(m[1]) if m[1].strip() else None
        high = float(m[2]) if m[2].strip() else None
    m = re.match(r"in\s*\{([^}]*)\}", comment)
    if m:
        choices = tuple(c.strip().strip("'\"") for c in m[1].split(","))
    env = re.search(r"\benv ([A-Z][A-Z0-9_]+)", comment)
    return Parameter(name, default, kind, low, high, choices, env[1] if env else None, comment)


def coerce(param: Parameter, value, notebook: str = "") -> object:
    """`value` (text from ``-p`` or a Python value) as the parameter's type, checked against its range; raises
    :class:`ParameterError` with one line naming the notebook, the parameter and what it accepts."""
    where = f"{notebook}: " if notebook else ""

    def refuse(why: str):
        raise ParameterError(f"{where}-p {param.name}={value!r} refused: {why}; expected {param.describe()}")

    text = value.strip() if isinstance(value, str) else None
    if param.kind == "bool":
        if isinstance(value, bool):
            out = value
        elif text is not None and text.lower() in ("true", "yes", "1", "on"):
            out = True
        elif text is not None and text.lower() in ("false", "no", "0", "off"):
            out = False
        else:
            refuse("not a yes/no value (true/false, yes/no, 1/0)")
    elif param.kind == "int":
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            refuse("not a whole number")
        try:
            out = int(text.replace("_", "")) if text is not None else int(value)
        except ValueError:
            refuse("not a whole number")
    elif param.kind == "float":
        if isinstance(value, bool):
            refuse("not a number")
        try:
            out = float(text.replace("_", "")) if text is not None else float(value)
        except (TypeError, ValueError):
            refuse("not a number")
        if not math.isfinite(out):
            refuse("not a finite number")
    elif param.kind == "list":
        try:
            out = ast.literal_eval(text) if text is not None else value
        except (ValueError, SyntaxError):
            refuse("not a list such as [1, 2.5]")
        if not isinstance(out, (list, tuple)) or not all(isinstance(x, (int, float)) and not isinstance(x, bool)
                                                         and math.isfinite(x) for x in out):
            refuse("not a list of finite numbers such as [1, 2.5]")
        out = list(out)
    elif param.kind in ("path", "dir"):
        what, exists = ("file", Path.is_file) if param.kind == "path" else ("folder", Path.is_dir)
        if not isinstance(value, (str, os.PathLike)):
            refuse(f"not a {what} path")
        out = os.fspath(value).strip()
        if out:
            resolved = Path(out).expanduser().resolve()
            if not exists(resolved):
                refuse(f"no such {what} ({resolved})")
            out = str(resolved)
    else:
        if not isinstance(value, str):
            refuse("not text")
        out = value
    if param.low is not None and out < param.low or param.high is not None and out > param.high:
        refuse("out of range")
    if param.choices and str(out) not in param.choices:
        refuse("not one of the allowed values")
    return out


def check_parameters(notebook: Path, given: dict, *, known_elsewhere: set[str] = frozenset()) -> dict:
    """The parameters `given` for `notebook`, typed and checked against its declarations.

    Names the notebook does not declare are refused (with the nearest declared name) unless they are in
    `known_elsewhere` (declared by another notebook of the same run); those are not passed to this notebook.
    A path parameter left empty takes its declared environment variable, resolved here once.
    """
    declared = parameters(notebook)
    out = {}
    for name, value in given.items():
        if name not in declared:
            if name in known_elsewhere:
                continue
            near = difflib.get_close_matches(name, list(declared) + list(known_elsewhere), n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise ParameterError(f"{notebook.stem}: unknown parameter {name!r}{hint} (declared: "
                                 f"{', '.join(declared) or 'none'})")
        out[name] = coerce(declared[name], value, notebook.stem)
    for name, param in declared.items():
        if param.kind in ("path", "dir") and not out.get(name) and param.env and os.environ.get(param.env):
            out[name] = coerce(param, os.environ[param.env], f"{notebook.stem} (from ${param.env})")
    return out


def private_inputs(notebook: Path, typed: dict) -> dict[str, Path]:
    """The user files a run reads (non-empty path parameters): such a run is private."""
    declared = parameters(notebook)
    return {k: Path(v) for k, v in typed.items() if k in declared and declared[k].kind in ("path", "dir") and v}


def fingerprint(path: Path) -> dict:
    """sha256 and size of a file, read in blocks (inputs may be gigabytes); of a folder, the sha256 of its files'
    relative names and sha256s, in name order, and their total size."""
    if Path(path).is_dir():
        files = sorted(p for p in Path(path).rglob("*") if p.is_file())
        h = hashlib.sha256()
        for f in files:
            h.update(f"{f.relative_to(path).as_posix()}\0{fingerprint(f)['sha256']}\n".encode())
        return {"path": str(path), "sha256": h.hexdigest(), "bytes": sum(f.stat().st_size for f in files),
                "files": len(files)}
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return {"path": str(path), "sha256": h.hexdigest(), "bytes": Path(path).stat().st_size}


def private_output(notebook: Path, inputs: dict[str, Path], out: str | os.PathLike | None) -> Path:
    """The folder of a private run: `out`, or ``build/private/<notebook>-<sha256[:12] of the inputs>``.

    Refused if it overlaps the repository's tracked files or the public outputs (figures/, build/notebooks, the
    claims report): a private run must not be able to publish.
    """
    if out is None:
        digest = hashlib.sha256("".join(fingerprint(p)["sha256"] for p in inputs.values()).encode()).hexdigest()
        out = paths.PRIVATE / f"{notebook.stem}-{digest[:12]}"
    folder = Path(out).expanduser().resolve()
    public = [paths.FIGURES, paths.EXECUTED, paths.FAILED, paths.RESULTS, paths.VERDICTS, paths.CLAIMS_REPORT,
              paths.BUILD / "site"]
    for p in public:
        if folder == p or folder.is_relative_to(p) or p.is_relative_to(folder):
            raise ParameterError(f"--out {folder}: a run on your own data must not write into or over the public "
                                 f"outputs ({p}); choose a folder of its own")
    if folder.is_relative_to(paths.ROOT) and not folder.is_relative_to(paths.ROOT / "build"):
        raise ParameterError(f"--out {folder}: inside the repository's tracked files; a run on your own data writes "
                             "outside them (default build/private/)")
    try:
        io.claim_folder(folder, PRIVATE_MARKER, "a private run")
    except io.FolderNotOurs as err:
        raise ParameterError(str(err)) from None
    return folder


# --------------------------------------------------------------------------------------------- execution
def execute(notebook: Path, parameters: dict | None = None, *, out_dir: Path | None = None,
            output: Path | None = None, progress: bool = False, private: dict[str, Path] | None = None
            ) -> tuple[Path, float]:
    """Run one text notebook; commit its outputs together on success; return (executed .ipynb, seconds).

    Parameters
    ----------
    parameters : typed papermill parameters (see :func:`check_parameters`; checked again here).
    out_dir : folder of the executed copy (default ``<output>/build/notebooks``).
    output : output folder receiving ``figures/`` and ``build/`` (default the public one, ``paths.OUTPUT``).
    private : the user files of a private run (name → path); their fingerprints go to ``manifest.json``.
        Found from the parameters when not given: a run reading a user's file is always private, and without an
        `output` of its own it goes to ``build/private/<notebook>-<input sha256[:12]>/``, never to the public one.

    Raises :class:`RunError` (one line naming notebook, cell and error) when the notebook fails; its executed
    copy with the traceback is kept in ``<output>/build/failed/``.
    """
    import jupytext
    import papermill

    typed = check_parameters(notebook, dict(parameters or {}))
    private = private or private_inputs(notebook, typed) or None
    if private and (output is None or Path(output).resolve() == paths.OUTPUT):
        output = private_output(notebook, private, None)
    output = Path(output or paths.OUTPUT).resolve()
    build = output / "build"
    target_dir = Path(out_dir).resolve() if out_dir else build / "notebooks"
    target = target_dir / f"{notebook.stem}.ipynb"
    failed = build / "failed" / f"{notebook.stem}.ipynb"
    # The kernel named "python3" must be this environment's, not one a user registered elsewhere.
    here = str(Path(sys.prefix) / "share" / "jupyter")
    if not os.environ.get("JUPYTER_PATH", "").startswith(here):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [here, os.environ.get("JUPYTER_PATH")]))
    start = time.perf_counter()
    io.clean_partials(build)
    staging = io.staging_folder(build, notebook.stem)
    source = staging / f"{notebook.stem}.input.ipynb"
    jupytext.write(jupytext.read(notebook), source, fmt="ipynb")
    executed = staging / f"{notebook.stem}.executed.ipynb"
    # Inherited by this run's kernel only, all absolute. ANALYSIS_HEADLESS: see analysis.build.interactive.
    # PYTHONHASHSEED: a fixed string-hash seed fixes set and dict iteration order inside libraries (diff-diff's
    # sums otherwise change in the last digits from run to run, and with them the PDF figures).
    # ANALYSIS_NOTEBOOK: lets figures.save record which notebook (and cell) saved each figure.
    kernel_env = {"ANALYSIS_HEADLESS": "1", "PYTHONHASHSEED": "0", "ANALYSIS_ROOT": str(paths.ROOT),
                  "ANALYSIS_NOTEBOOK": notebook.stem,
                  "ANALYSIS_OUTPUT": str(output), "ANALYSIS_STAGING": str(staging),
                  "ANALYSIS_PRIVATE": "1" if private else ""}
    before = {key: os.environ.get(key) for key in kernel_env}
    os.environ.update(kernel_env)
    try:
        papermill.execute_notebook(
            str(source), str(executed), parameters=typed, kernel_name="python3", cwd=str(paths.NOTEBOOKS),
            progress_bar=progress, log_output=False, language="python",
        )
    except BaseException as err:
        kept = None
        if executed.is_file():
            failed.parent.mkdir(parents=True, exist_ok=True)
            os.replace(executed, failed)
            kept = failed
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(err, Exception):
            raise _run_error(notebook, err, kept) from err
        raise
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    source.unlink(missing_ok=True)
    if private:
        manifest = {"notebook": notebook.stem, "parameters": typed,
                    "inputs": {k: fingerprint(v) for k, v in private.items()},
                    "outputs": {str(f.relative_to(staging)): fingerprint(f)["sha256"]
                                for f in sorted(staging.rglob("*")) if f.is_file() and f != executed},
                    "note": "private run on a user's own data: not published; check the counts before release"}
        io.write_text(staging / "manifest.json", json.dumps(manifest, indent=2, sort_keys=True) + "\n", stage=False)
    with io.locked(build / ".run.lock", str(output)):
        io.commit_staging(staging, output, extra={executed: target})
        failed.unlink(missing_ok=True)
    return target, time.perf_counter() - start


def _execute_in_worker(notebook: str, typed: dict) -> tuple[Path, float]:
    return execute(Path(notebook), typed)


def workers(jobs: int | None, n: int) -> int:
    """Worker processes for `n` notebooks: `jobs` (0 or None: one per core), never more than `n`, at least 1."""
    return max(1, min(jobs or os.cpu_count() or 1, n))


def execute_many(chosen: list[Path], typed: dict[Path, dict], *, jobs: int | None = None, keep_going: bool = False,
                 on_done=None) -> dict[str, tuple[Path, float] | RunError]:
    """Run independent public notebooks side by side, one kernel per worker process (default: one per core).

    Each notebook stages its outputs and commits them under the output lock when it succeeds, exactly as a serial
    run does, so the files written are the same byte for byte whatever the order. The overview (``00_*``), which
    reads the others' verdicts, must be run after this returns. Returns notebook stem → (executed copy, seconds);
    the first failure is raised (the other notebooks still finish), or with `keep_going` returned in its place.
    `on_done(stem, result)` is called as each finishes (progress lines).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    jobs = workers(jobs, len(chosen))
    results: dict[str, tuple[Path, float] | RunError] = {}
    if jobs == 1:
        for nb in chosen:
            try:
                results[nb.stem] = execute(nb, typed[nb])
            except RunError as err:
                if not keep_going:
                    raise
                results[nb.stem] = err
            if on_done:
                on_done(nb.stem, results[nb.stem])
        return results
    # spawn: a fresh interpreter per worker (no inherited kernel sockets or locks)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {pool.submit(_execute_in_worker, str(nb), typed[nb]): nb.stem for nb in chosen}
        for future in as_completed(futures):
            stem = futures[future]
            try:
                results[stem] = future.result()
            except RunError as err:
                results[stem] = err
            if on_done:
                on_done(stem, results[stem])
    errors = [r for r in results.values() if isinstance(r, RunError)]
    if errors and not keep_going:
        raise errors[0]
    return {nb.stem: results[nb.stem] for nb in chosen}


def _run_error(notebook: Path, err: Exception, kept: Path | None) -> RunError:
    where = f"; traceback kept in {kept}" if kept else ""
    ename = getattr(err, "ename", None)
    if ename is not None:  # papermill.PapermillExecutionError: the kernel raised
        evalue = str(getattr(err, "evalue", "")).strip()
        first = evalue.splitlines()[0] if evalue else ""
        cell = f"cell {err.cell_index + 1} (In [{err.exec_count}])"
        user_facing = ename in ("DataError", "DesignError", "ParameterError", "ClaimError")
        return RunError(f"{notebook.stem}: {cell} failed: {ename}: {first}{where}",
                        evalue if user_facing else "", kept)
    name = type(err).__name__
    if name == "DeadKernelError":
        return RunError(f"{notebook.stem}: the kernel died (a crash inside a compiled library, or out of memory): "
                        f"{str(err).splitlines()[0] if str(err) else ''}{where}", "", kept)
    return RunError(f"{notebook.stem}: {name}: {str(err).splitlines()[0] if str(err) else ''}{where}", "", kept)


def guard_private(notebook: str, *inputs: str | os.PathLike) -> Path | None:
    """Called by a notebook that may read a user's file: make sure its outputs cannot reach the public ones.

    Under the runner a private run already writes to its own folder (``ANALYSIS_PRIVATE``). A notebook opened by
    hand on a user's file is redirected here to ``build/private/<notebook>-<input sha256[:12]>/``. Returns the
    private output folder, or None when no user file is read.
    """
    files = [Path(p) for p in inputs if p]
    if not files:
        return None
    if os.environ.get("ANALYSIS_PRIVATE") == "1":
        return paths.OUTPUT
    digest = hashlib.sha256("".join(fingerprint(p)["sha256"] for p in files).encode()).hexdigest()
    return paths.redirect_outputs(paths.PRIVATE / f"{notebook}-{digest[:12]}")


def design_warnings(executed: Path) -> list[str]:
    """The DesignWarnings a run raised (e.g. doses that look like fractions), read from its executed notebook, so
    the runner can repeat them where the user looks: the terminal."""
    nb = json.loads(Path(executed).read_text(encoding="utf-8"))
    found = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            text = "".join(out.get("text", "")) if out.get("output_type") == "stream" else ""
            for line in text.splitlines():
                if "DesignWarning:" in line:
                    found.append(line.split("DesignWarning:", 1)[1].strip())
    return list(dict.fromkeys(found))
