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
* **Nothing re-run that has not changed** (``cache="use"``, what ``python -m analysis run`` does). A public run is
  stored in ``build/cache/notebooks/`` under a key of everything it depends on (:func:`cache_key`); a later run
  with the same key restores the executed notebook, figures, results, verdicts and figure records byte for byte
  instead of executing it. Private runs are never stored or restored.
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
import platform
import re
import shutil
import sys
import sysconfig
import time
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from analysis.build import kernels
from analysis.core import io, paths

PRIVATE_MARKER = ".analysis-private-run"
CACHE_MODES = ("use", "refresh", "off")  # restore or run and store; run and store (--force); run only


class Executed(NamedTuple):
    """What a run returns: the executed copy, the seconds it took, and whether it was restored from the cache."""

    path: Path
    seconds: float
    cached: bool = False


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
    source = parameters_source(notebook)
    if source is None:
        return {}
    out: dict[str, Parameter] = {}
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


_PERCENT_CELL = re.compile(r"^# %%")
_PARAMETERS_MARKER = re.compile(r"""^# %%.*\btags\s*=\s*\[[^\]]*["']parameters["']""")


def parameters_source(notebook: Path) -> str | None:
    """The source of the notebook's cell tagged ``parameters`` (None without one).

    A percent-format text notebook (``# %%`` cell markers) is read as text: importing jupytext takes seconds, and a
    run restored from the cache needs nothing else from it. Other formats are read with jupytext.
    """
    text = Path(notebook).read_text(encoding="utf-8")
    lines = text.splitlines()
    if Path(notebook).suffix == ".py" and any(_PERCENT_CELL.match(line) for line in lines):
        start = next((i for i, line in enumerate(lines) if _PARAMETERS_MARKER.match(line)), None)
        if start is None:
            return None
        end = next((j for j in range(start + 1, len(lines)) if _PERCENT_CELL.match(lines[j])), len(lines))
        return "\n".join(lines[start + 1:end]).strip("\n")
    import jupytext

    cells = [c for c in jupytext.reads(text, fmt=Path(notebook).suffix.lstrip(".")).cells
             if "parameters" in c.get("metadata", {}).get("tags", [])]
    return cells[0].source if cells else None


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
def _use_this_environments_kernel() -> None:
    """The kernel named "python3" must be this environment's, not one a user registered elsewhere (set before
    anything reads the environment kernels are started with)."""
    here = str(Path(sys.prefix) / "share" / "jupyter")
    if not os.environ.get("JUPYTER_PATH", "").startswith(here):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [here, os.environ.get("JUPYTER_PATH")]))


def start_kernel_server() -> None:
    """Start this environment's kernel server (analysis.build.kernels) unless it runs already, with the environment
    the runner's kernels get: called as a run starts, so that the server's imports overlap the run's own."""
    _use_this_environments_kernel()
    kernels.start_server(os.environ | kernel_process_env())


def kernel_process_env() -> dict[str, str]:
    """The variables a notebook's kernel process is started with, beyond the run's own ``ANALYSIS_*``.

    PYTHONHASHSEED: a fixed string-hash seed fixes set and dict iteration order inside libraries (diff-diff's
    sums otherwise change in the last digits from run to run, and with them the PDF figures).
    MALLOC_*: glibc returns every freed array above 128 KiB to the system and page-faults the next one in; the
    Monte Carlos allocate and free the same megabyte arrays thousands of times (20-25% of their time).
    OPENBLAS/OMP/MKL_NUM_THREADS: one BLAS thread per kernel. Notebooks run side by side, one per core, and
    threads of two kernels fighting over two cores made the Monte Carlos half as fast. A fixed thread count also
    fixes the order of BLAS sums: a serial and a parallel run agree byte for byte, and a run on a user's panel gives
    the same digits on a laptop and on a research centre's many-core server. The estimators gain nothing from more
    BLAS threads (their fits are tall and thin; ``make bench``, 2 cores: the BJS imputation on 5M rows 8.3 s with
    one thread, 9.6 s with two; the GVC triple difference on 2.4M rows 9.9 s and 10.7 s), so a user's run keeps one.
    JE_ARROW_MALLOC_CONF: pyarrow (imported by pandas) starts jemalloc's background purging thread on import,
    though Arrow allocates with mimalloc here; without it a kernel's libraries start no thread when imported, so
    the kernel can be forked from a server that has imported them (analysis.build.kernels).
    """
    return {"PYTHONHASHSEED": "0", "MALLOC_MMAP_THRESHOLD_": "67108864", "MALLOC_TRIM_THRESHOLD_": "268435456",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "JE_ARROW_MALLOC_CONF": "background_thread:false"}


def execute(notebook: Path, parameters: dict | None = None, *, out_dir: Path | None = None,
            output: Path | None = None, progress: bool = False, private: dict[str, Path] | None = None,
            cache: str = "off") -> Executed:
    """Run one text notebook; commit its outputs together on success; return (executed .ipynb, seconds, cached).

    Parameters
    ----------
    parameters : typed papermill parameters (see :func:`check_parameters`; checked again here).
    out_dir : folder of the executed copy (default ``<output>/build/notebooks``).
    output : output folder receiving ``figures/`` and ``build/`` (default the public one, ``paths.OUTPUT``).
    private : the user files of a private run (name → path); their fingerprints go to ``manifest.json``.
        Found from the parameters when not given: a run reading a user's file is always private, and without an
        `output` of its own it goes to ``build/private/<notebook>-<input sha256[:12]>/``, never to the public one.
    cache : ``"use"``: restore the outputs of an earlier run with the same :func:`cache_key` instead of executing,
        else execute and store; ``"refresh"``: execute and store; ``"off"`` (default): execute only. A private run
        is never cached.

    Raises :class:`RunError` (one line naming notebook, cell and error) when the notebook fails; its executed
    copy with the traceback is kept in ``<output>/build/failed/``.
    """
    typed = check_parameters(notebook, dict(parameters or {}))
    private = private or private_inputs(notebook, typed) or None
    if private and (output is None or Path(output).resolve() == paths.OUTPUT):
        output = private_output(notebook, private, None)
    output = Path(output or paths.OUTPUT).resolve()
    build = output / "build"
    target_dir = Path(out_dir).resolve() if out_dir else build / "notebooks"
    target = target_dir / f"{notebook.stem}.ipynb"
    failed = build / "failed" / f"{notebook.stem}.ipynb"
    if cache not in CACHE_MODES:
        raise ValueError(f"cache={cache!r}: one of {', '.join(CACHE_MODES)}")
    if private:
        cache = "off"
    base = _base_key(notebook, typed, output) if cache != "off" else None
    if cache == "use" and (hit := _restore(notebook, base, output, target)):
        return hit
    start_kernel_server()
    import jupytext  # imported here: slow to import, and a restored run needs neither
    import papermill

    start = time.perf_counter()
    io.clean_partials(build)
    staging = io.staging_folder(build, notebook.stem)
    source = staging / f"{notebook.stem}.input.ipynb"
    jupytext.write(jupytext.read(notebook), source, fmt="ipynb")
    executed = staging / f"{notebook.stem}.executed.ipynb"
    # The run's own variables, all absolute. ANALYSIS_HEADLESS: see analysis.build.interactive.
    # ANALYSIS_NOTEBOOK: lets figures.save record which notebook (and cell) saved each figure.
    kernel_env = kernel_process_env() | {"ANALYSIS_HEADLESS": "1", "ANALYSIS_ROOT": str(paths.ROOT),
                                "ANALYSIS_NOTEBOOK": notebook.stem,
                                "ANALYSIS_OUTPUT": str(output), "ANALYSIS_STAGING": str(staging),
                                "ANALYSIS_PRIVATE": "1" if private else ""}
    before = {key: os.environ.get(key) for key in kernel_env}
    os.environ.update(kernel_env)
    # The kernel is forked from a server that has already imported its libraries (analysis.build.kernels). The
    # server never sees a user's data: it only imports libraries and forks; what a private run's kernel reads stays
    # in that kernel's own process and ends with it.
    forked = {"kernel_manager_class": kernels.manager_class()} if kernels.enabled() else {}
    try:
        papermill.execute_notebook(
            str(source), str(executed), parameters=typed, kernel_name="python3", cwd=str(paths.NOTEBOOKS),
            progress_bar=progress, log_output=False, language="python",
            # papermill rewrites the whole notebook after every cell by default (80 writes of a growing notebook,
            # over a second of the runner's CPU per notebook); it is written once, at the end, and on failure
            request_save_on_cell_execute=False, **forked,
            # the kernel is stopped at once after its last cell (everything it writes is written and closed by
            # then) instead of being asked to shut down and polled until it has: 0.1-0.2 s a notebook
            shutdown_kernel="immediate",
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
    inputs = _read_inputs_record(staging)
    if base is not None:
        _store(notebook, base, inputs, staging, executed, time.perf_counter() - start)
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
    return Executed(target, time.perf_counter() - start)


def _import_executor() -> None:
    import jupytext  # noqa: F401
    import papermill  # noqa: F401


def _execute_in_worker(notebook: str, typed: dict, cache: str) -> Executed:
    return execute(Path(notebook), typed, cache=cache)


def workers(jobs: int | None, n: int) -> int:
    """Worker processes for `n` notebooks: `jobs` (0 or None: one per core), never more than `n`, at least 1."""
    return max(1, min(jobs or os.cpu_count() or 1, n))


def execute_many(chosen: list[Path], typed: dict[Path, dict], *, jobs: int | None = None, keep_going: bool = False,
                 on_done=None, cache: str = "off") -> dict[str, Executed | RunError]:
    """Run independent public notebooks side by side, one kernel per worker process (default: one per core).

    Each notebook stages its outputs and commits them under the output lock when it succeeds, exactly as a serial
    run does, so the files written are the same byte for byte whatever the order. The overview (``00_*``), which
    reads the others' verdicts, must be run after this returns. With ``cache="use"`` the notebooks whose
    :func:`cache_key` is unchanged are restored first, here, and only the others go to the workers. Returns
    notebook stem → :class:`Executed`; the first failure is raised (the other notebooks still finish), or with
    `keep_going` returned in its place. `on_done(stem, result)` is called as each finishes (progress lines).
    """
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: dict[str, Executed | RunError] = {}
    if cache == "use":
        for nb in chosen:
            if hit := restore(nb, typed[nb]):
                results[nb.stem] = hit
                if on_done:
                    on_done(nb.stem, hit)
        cache = "refresh"  # the others were just looked up: run them and store
    if len(results) < len(chosen):  # the kernel server's imports overlap the workers' start-up
        start_kernel_server()
    # longest first, so the workers finish together: as long as its last cached run took (unknown ones first), and
    # without a cached run by the figures it saves (saving figures is most of what a notebook costs)
    todo = sorted((nb for nb in chosen if nb.stem not in results),
                  key=lambda nb: (-last_seconds(nb), -nb.read_text(encoding="utf-8").count("figures.save(")))
    jobs = workers(jobs, len(todo))
    if jobs == 1:
        for nb in todo:
            try:
                results[nb.stem] = execute(nb, typed[nb], cache=cache)
            except RunError as err:
                if not keep_going:
                    raise
                results[nb.stem] = err
            if on_done:
                on_done(nb.stem, results[nb.stem])
        return {nb.stem: results[nb.stem] for nb in chosen}
    # The workers are forked from this process once it has imported papermill and jupytext (while the kernel
    # server imports its libraries on the other core): imported once, not once per worker and once more here for
    # the overview's run after them. Forked only from a process without other Python threads (the command line and
    # the test workers: no kernel, no event loop yet, and the pool forks all its workers before it starts its own
    # thread); a caller with threads of its own (say, a Jupyter session calling this) gets fresh interpreters.
    _import_executor()
    start_method = "fork" if threading.active_count() == 1 else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(start_method)) as pool:
        futures = {pool.submit(_execute_in_worker, str(nb), typed[nb], cache): nb.stem for nb in todo}
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


# ------------------------------------------------------------------------------------------- run cache
# An entry is a folder build/cache/notebooks/<notebook>-<base key[:20]>/ holding meta.json (the key, the inputs the
# kernel read, the files), executed.ipynb and files/<path under the output folder>; written whole by
# io.atomic_folder, so a half-written entry never counts. jupyter-cache would hash only the code cells; the key
# here also covers the data the kernel read, the package source and the environment.
CACHE_KEEP = 3  # entries kept per notebook (other parameters, an earlier package source)
_CACHE_FORMAT = 1


def cache_folder() -> Path:
    return paths.BUILD / "cache" / "notebooks"


def _sha256_file(path: Path) -> str:
    try:
        return fingerprint(path)["sha256"]
    except OSError:
        return "missing"


def _sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def package_digest() -> str:
    """sha256 over the package source: every ``analysis/**/*.py`` file's relative name and bytes."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for f in sorted(package.rglob("*.py")):
        h.update(f"{f.relative_to(package).as_posix()}\0".encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def environment_digest() -> str:
    """sha256 of what the kernel runs on: requirements.lock, the Python version and platform, and the names (with
    versions) of the distributions installed in this environment, so a package upgraded by hand counts too."""
    installed = sorted(p.name for p in Path(sysconfig.get_paths()["purelib"]).glob("*.dist-info"))
    return _sha256_text(json.dumps({"lock": _sha256_file(paths.ROOT / "requirements.lock"), "python": sys.version,
                                    "platform": platform.platform(), "installed": installed}))


def _base_key(notebook: Path, typed: dict, output: Path) -> dict:
    """What a run depends on that is known before it runs (the data it reads are added from its run record)."""
    base = {"format": _CACHE_FORMAT, "notebook": notebook.stem, "text": _sha256_file(notebook),
            "parameters": json.loads(json.dumps(typed, sort_keys=True, default=str)),
            "package": package_digest(), "environment": environment_digest(),
            "root": str(paths.ROOT), "output": str(output)}
    if notebook.stem.startswith("00_"):
        # The overview reads every other notebook's verdicts (claims.report: those of notebooks that exist).
        present = {p.stem for p in paths.NOTEBOOKS.glob("*") if p.suffix in (".py", ".md", ".ipynb")}
        base["verdicts"] = {f.name: _sha256_file(f) for f in sorted((output / "build" / "verdicts").glob("*.csv"))
                            if f.stem in present}
        base["notebooks"] = sorted(present)
    return base


def _inputs_now(inputs: list[dict]) -> list[dict]:
    """The inputs a run read, with the sha256 of their current bytes (and of their resource's descriptor entry)."""
    resources = {}
    if any(i["resource"] for i in inputs):
        try:
            resources = {r["name"]: r for r in json.loads(paths.DESCRIPTOR.read_text(encoding="utf-8"))["resources"]}
        except (OSError, ValueError, KeyError):
            pass
    return [{**i, "sha256": _sha256_file(paths.DATA / i["path"]),
             "entry": _sha256_text(json.dumps(resources.get(i["resource"]), sort_keys=True)) if i["resource"] else ""}
            for i in inputs]


def cache_key(base: dict, inputs: list[dict]) -> str:
    """The key of a run: sha256 of its base (notebook text, typed parameters, package source, environment, root
    and output folders; for the overview the other notebooks' verdicts) and of each data file it read (path,
    sha256, and for a resource its descriptor entry)."""
    return _sha256_text(json.dumps({"base": base, "inputs": inputs}, sort_keys=True))


def _entry(notebook: Path, base: dict) -> Path:
    return cache_folder() / f"{notebook.stem}-{cache_key(base, [])[:20]}"


def _read_inputs_record(staging: Path) -> list[dict] | None:
    """The data files the kernel recorded reading (analysis.core.data.record_input), relative to data/, deduplicated;
    the record is removed from the staging folder (it is not an output). None if it read a file outside data/ (a
    user's file): such a run is not cached."""
    record = staging / paths.INPUTS_RECORD
    if not record.is_file():
        return []
    lines = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines() if line.strip()]
    record.unlink()
    data = paths.DATA.resolve()
    out = {}
    for item in lines:
        path = Path(item["path"])
        if not path.is_relative_to(data):
            return None
        out[path.relative_to(data).as_posix()] = {"path": path.relative_to(data).as_posix(),
                                                  "resource": item.get("resource", ""), "loaded": item.get("sha256")}
    return [out[k] for k in sorted(out)]


def _store(notebook: Path, base: dict, inputs: list[dict] | None, staging: Path, executed: Path,
           seconds: float) -> None:
    """Keep a copy of a successful run's staged outputs under its key (before they are committed)."""
    if inputs is None:
        return
    now = _inputs_now([{"path": i["path"], "resource": i["resource"]} for i in inputs])
    if any(i["loaded"] and i["loaded"] != n["sha256"] for i, n in zip(inputs, now)):
        return  # a data file changed while the notebook ran: its outputs match no one state of the inputs
    inputs = [{"path": n["path"], "resource": n["resource"]} for n in now]
    files = sorted(f.relative_to(staging).as_posix() for f in staging.rglob("*")
                   if f.is_file() and f != executed and not f.name.startswith(io.PARTIAL_PREFIX))
    with io.atomic_folder(_entry(notebook, base)) as draft:
        for rel in files:
            (draft / "files" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(staging / rel, draft / "files" / rel)
        shutil.copyfile(executed, draft / "executed.ipynb")
        meta = {"key": cache_key(base, now), "base": base, "inputs": inputs, "files": files,
                "seconds": round(seconds, 2)}
        (draft / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    entries = sorted((p for p in cache_folder().glob(f"{notebook.stem}-*")
                      if p.is_dir() and not p.name.startswith(io.PARTIAL_PREFIX)),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[CACHE_KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


def last_seconds(notebook: Path) -> float:
    """How long the newest cached run of `notebook` took (any key); infinity if none is cached."""
    metas = sorted(cache_folder().glob(f"{notebook.stem}-*/meta.json"), key=lambda p: p.stat().st_mtime)
    for meta in reversed(metas):
        try:
            return float(json.loads(meta.read_text(encoding="utf-8"))["seconds"])
        except (OSError, ValueError, KeyError):
            continue
    return float("inf")


def restore(notebook: Path, parameters: dict | None = None, *, out_dir: Path | None = None) -> Executed | None:
    """Restore a public run of `notebook` from the cache if its key is unchanged; None if it must be executed."""
    typed = check_parameters(notebook, dict(parameters or {}))
    if private_inputs(notebook, typed):
        return None
    output = paths.OUTPUT.resolve()
    target = (Path(out_dir).resolve() if out_dir else output / "build" / "notebooks") / f"{notebook.stem}.ipynb"
    return _restore(notebook, _base_key(notebook, typed, output), output, target)


def _restore(notebook: Path, base: dict, output: Path, target: Path) -> Executed | None:
    start = time.perf_counter()
    entry = _entry(notebook, base)
    try:
        meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("key") != cache_key(base, _inputs_now(meta.get("inputs", []))):
        return None
    build = output / "build"
    io.clean_partials(build)
    staging = io.staging_folder(build, notebook.stem)
    executed = staging / f"{notebook.stem}.executed.ipynb"
    try:
        for rel in meta["files"]:
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(entry / "files" / rel, staging / rel)
        shutil.copyfile(entry / "executed.ipynb", executed)
    except OSError:  # the entry was replaced or pruned meanwhile: run instead
        shutil.rmtree(staging, ignore_errors=True)
        return None
    with io.locked(build / ".run.lock", str(output)):
        io.commit_staging(staging, output, extra={executed: target})
        (build / "failed" / f"{notebook.stem}.ipynb").unlink(missing_ok=True)
    return Executed(target, time.perf_counter() - start, cached=True)


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
