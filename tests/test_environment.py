"""environment.yml (conda route) and pyproject.toml (pip route) pin the same packages at the same versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _pip_pins() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    pins = {}
    for spec in specs:
        name, _, version = spec.partition("==")
        assert version, f"pyproject.toml: {spec!r} is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def _conda_pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "environment.yml").read_text().splitlines():
        m = re.fullmatch(r"\s+-\s+([A-Za-z0-9_.-]+)=([^=\s]+)\s*", line)
        if m and m[1] != "python":
            pins[m[1].lower()] = m[2]
    return pins


def test_conda_and_pip_pin_the_same_packages():
    assert _conda_pins() == _pip_pins()


def test_python_version_agrees():
    yml = (REPO / "environment.yml").read_text()
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert "python=3.11" in yml and "3.11" in requires


def _lock_pins() -> dict[str, str]:
    text = (REPO / "requirements.lock").read_text()
    return {m[1].lower().replace("_", "-"): m[2] for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}


def test_lock_pins_every_direct_dependency_at_the_same_version():
    lock = _lock_pins()
    stale = {name: (version, lock.get(name.replace("_", "-"))) for name, version in _pip_pins().items()
             if lock.get(name.replace("_", "-")) != version}
    assert not stale, f"requirements.lock disagrees with pyproject.toml (run `make lock`): {stale}"


def test_every_locked_package_carries_a_hash():
    entries = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", (REPO / "requirements.lock").read_text().strip())
    unhashed = [e.split(" ")[0] for e in entries if "--hash=sha256:" not in e]
    assert len(entries) > len(_pip_pins()) and not unhashed, unhashed


def _omitted() -> set[str]:
    """The packages `make lock` leaves out of the lock on purpose (LOCK_OMIT in the Makefile)."""
    line = next(l for l in (REPO / "Makefile").read_text().splitlines() if l.startswith("LOCK_OMIT"))
    return set(re.findall(r"--no-emit-package (\S+)", line))


def _required(roots: list[str], omitted: set[str]) -> dict[str, str]:
    """Every package the roots need on this platform, extras followed, as {name: who needs it}; read from the
    installed packages' metadata (which the lock installed). Omitted packages are not followed."""
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: dict[str, str] = {}
    todo = [(Requirement(r), "pyproject.toml") for r in roots]
    done: set[tuple[str, frozenset]] = set()
    while todo:
        req, parent = todo.pop()
        name = canonicalize_name(req.name)
        seen.setdefault(name, parent)
        if name in omitted or (name, frozenset(req.extras)) in done:
            continue
        done.add((name, frozenset(req.extras)))
        try:
            children = requires(req.name) or []
        except PackageNotFoundError:
            continue  # reported by the caller as missing from the lock
        for child in map(Requirement, children):
            if child.marker is None or any(child.marker.evaluate({"extra": e}) for e in {"", *req.extras}):
                todo.append((child, name))
    return seen


def test_the_lock_is_complete_so_it_installs_with_no_deps():
    """`make` installs the lock with --no-deps: every package the project needs, at any depth, must be in it,
    except the few LOCK_OMIT names on purpose (and those must really be absent)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    roots = project["dependencies"] + project["optional-dependencies"]["test"]
    omitted = _omitted()
    assert omitted == {"rfc3987-syntax", "lark"}
    lock = set(_lock_pins())
    needed = _required(roots, omitted)
    missing = {name: parent for name, parent in needed.items() if name not in lock and name not in omitted}
    assert not missing, f"needed but not in requirements.lock (run `make lock`): {missing}"
    assert not omitted & lock, f"requirements.lock pins packages LOCK_OMIT leaves out: {omitted & lock}"
