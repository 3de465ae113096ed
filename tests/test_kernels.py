"""Kernels forked from a warm server (analysis.build.kernels): a forked kernel is the kernel ipykernel_launcher
would have started — same environment, working directory, arguments, streams — only with its libraries imported
already; Jupyter can interrupt it, shut it down and kill it as before; anything that prevents a safe fork gives an
ordinary kernel, never a failed start.

The tests that examine what a forked kernel does share one server (``shared_server``: a socket folder of this
module's own, started at the first such test, ended with the module): a server's start is two seconds of imports, the
same for every test, and none of these tests is about the start. The tests about a server's life (an environment whose
libraries start threads, a socket folder replaced) have a socket folder (TMPDIR) of their own, so their servers are
their own and end with them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.build import kernels

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _kernel_variables(monkeypatch, folder: Path) -> None:
    """This process's environment as the runner gives it to public kernels (its JUPYTER_PATH and kernel process
    variables), with the socket folder under `folder`/tmp."""
    from analysis.build import run

    monkeypatch.setenv("TMPDIR", str(folder / "tmp"))
    (folder / "tmp").mkdir(exist_ok=True)
    monkeypatch.setenv("JUPYTER_PATH", os.environ.get("JUPYTER_PATH", ""))  # restored after the test
    run._use_this_environments_kernel()
    for name, value in (run.kernel_process_env() | {"MPLBACKEND": "Agg"}).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv(kernels.SWITCH, raising=False)


def _end_servers(folder: Path) -> None:
    for server in _servers(folder):
        try:
            os.kill(server, signal.SIGTERM)
        except ProcessLookupError:
            pass


@pytest.fixture
def kernel_env(tmp_path, monkeypatch):
    """The runner's kernel environment with a socket folder of the test's own (its servers end with it)."""
    _kernel_variables(monkeypatch, tmp_path)
    yield tmp_path
    _end_servers(tmp_path)


@pytest.fixture(scope="module")
def shared_folder(tmp_path_factory):
    """The socket folder of this module's shared server (its server ends with the module)."""
    folder = tmp_path_factory.mktemp("shared-server")
    yield folder
    _end_servers(folder)


def _use_shared_server(monkeypatch, shared_folder: Path) -> Path:
    """The runner's kernel environment with the module's socket folder, its server serving (started by the first
    test that asks for it: the same environment, the same server); returns the folder."""
    _kernel_variables(monkeypatch, shared_folder)
    _serving(shared_folder)
    return shared_folder


@pytest.fixture
def shared_server(shared_folder, monkeypatch):
    return _use_shared_server(monkeypatch, shared_folder)


def _servers(tmp_path: Path) -> list[int]:
    """The kernel servers of this test (the kernels they fork share their command line: not those)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if b"--serve" in cmdline and f"TMPDIR={tmp_path / 'tmp'}".encode() in environ.split(b"\0"):
            found.append(int(proc.name))
    parents = {pid: int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]) for pid in found
               if Path(f"/proc/{pid}").exists()}
    return [pid for pid, ppid in parents.items() if ppid not in parents]


def _socket_folder(tmp_path: Path) -> Path:
    return tmp_path / "tmp" / f"analysis-kernels-{os.getuid()}"


def _serving(tmp_path: Path, seconds: float = 120) -> None:
    """Start this test's server and wait until it serves: a loaded machine (the suite's other worker executing
    notebooks) may take longer than a client's own wait to import everything, and these tests are about what a
    forked kernel does, not about how long a start takes."""
    kernels.start_server()
    deadline = time.monotonic() + seconds
    while not list(_socket_folder(tmp_path).glob("*.sock")):
        assert time.monotonic() < deadline, "the kernel server did not come up"
        time.sleep(0.05)


def _start(cwd: Path, **env):
    """A kernel started by the forking manager, as nbclient starts it; returns (manager, blocking client)."""
    manager = kernels.manager_class()(kernel_name="python3")
    import asyncio

    asyncio.run(manager.start_kernel(cwd=str(cwd), env=dict(os.environ, **env)))
    client = manager.blocking_client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    return manager, client


def _run(client, code: str, timeout: float = 60) -> dict:
    """Execute `code`; return {"stdout": ..., "error": ename or None}."""
    msg_id = client.execute(code)
    out, error = [], None
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            out.append(content["text"])
        elif kind == "error":
            error = content["ename"]
        elif kind == "status" and content["execution_state"] == "idle":
            return {"stdout": "".join(out), "error": error}


def _stop(manager, client) -> None:
    import asyncio

    client.stop_channels()
    asyncio.run(manager.shutdown_kernel(now=False))


PROBE = ("import os, sys; print(repr(dict(pid=os.getpid(), ppid=os.getppid(), cwd=os.getcwd(), argv0=sys.argv[0], "
         "run=os.environ.get('ANALYSIS_NOTEBOOK'), pandas_before='pandas' in sys.modules, "
         "path=sys.path, threads=len(os.listdir('/proc/self/task')) > 0)))")


def _probe(client) -> dict:
    result = _run(client, PROBE)
    assert result["error"] is None
    return eval(result["stdout"])  # noqa: S307 (our own repr)


def test_a_kernel_is_forked_from_the_server_as_ipykernel_launcher_would_have_started_it(kernel_env, tmp_path,
                                                                                        monkeypatch, shared_folder):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    monkeypatch.setenv(kernels.SWITCH, "0")  # with the switch off, in the test's own socket folder: no server
    manager, client = _start(notebooks, ANALYSIS_NOTEBOOK="ordinary")
    ordinary = _probe(client)
    _stop(manager, client)
    assert ordinary["pandas_before"] is False and not _servers(tmp_path)
    shared = _use_shared_server(monkeypatch, shared_folder)
    manager, client = _start(notebooks, ANALYSIS_NOTEBOOK="first")
    first = _probe(client)
    _stop(manager, client)
    manager, client = _start(notebooks, ANALYSIS_NOTEBOOK="second")  # a per-run variable: the same server
    second = _probe(client)
    assert first["pandas_before"] is True and second["pandas_before"] is True, "not forked from the server"
    assert first["ppid"] == second["ppid"] and _servers(shared) == [second["ppid"]]
    # what ipykernel_launcher would have given it
    assert second["run"] == "second"
    assert second["cwd"] == ordinary["cwd"] == str(notebooks)
    assert Path(second["argv0"]).name == "ipykernel_launcher.py"
    assert second["path"] == ordinary["path"]
    # numpy's global generator is seeded afresh, as in a new interpreter
    draws = _run(client, "import numpy as np; print(np.random.random())")["stdout"]
    _stop(manager, client)
    manager, client = _start(notebooks, ANALYSIS_NOTEBOOK="third")
    assert _run(client, "import numpy as np; print(np.random.random())")["stdout"] != draws
    _stop(manager, client)


def test_a_forked_kernel_is_interrupted_shut_down_and_killed_as_jupyter_expects(shared_server, tmp_path):
    manager, client = _start(tmp_path)
    kernel_pid = _probe(client)["pid"]
    assert kernel_pid != manager.provisioner.process.pid  # Jupyter manages the client, the kernel is the fork
    # Interrupted while the cell sleeps: once the cell has started (it says so with a file; a loaded machine may take
    # longer than a second to get there), and half a second later, so that the interrupt lands in the sleep. Twice
    # in a loaded suite an interrupt sent the moment the cell announced itself left the next cell without output.
    running = tmp_path / "running"
    msg_id = client.execute(f"import time; open({str(running)!r}, 'w').close(); time.sleep(60)")
    deadline = time.monotonic() + 60
    while not running.exists():
        assert time.monotonic() < deadline, "the cell did not start"
        time.sleep(0.02)
    time.sleep(0.5)
    import asyncio

    asyncio.run(manager.interrupt_kernel())
    reply = client.get_shell_msg(timeout=20)
    while reply["parent_header"]["msg_id"] != msg_id:  # replies to the earlier requests first
        reply = client.get_shell_msg(timeout=20)
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    after = _run(client, "print(1 + 1)")
    assert after["error"] is None and after["stdout"].strip() == "2", after  # still alive after the interrupt
    # a kernel that exits by itself: its client (the process Jupyter polls) exits too
    client.execute("import os; os._exit(3)")
    deadline = time.monotonic() + 20
    while manager.provisioner.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert manager.provisioner.process.poll() == 3
    client.stop_channels()
    asyncio.run(manager.shutdown_kernel(now=True))
    # a kernel whose client Jupyter kills goes with it
    manager, client = _start(tmp_path)
    kernel_pid = _probe(client)["pid"]
    asyncio.run(manager.shutdown_kernel(now=True))  # SIGKILL to the client's process group
    client.stop_channels()
    deadline = time.monotonic() + 20
    while Path(f"/proc/{kernel_pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{kernel_pid}").exists() or "Z" in Path(f"/proc/{kernel_pid}/stat").read_text().split()[2]


def test_an_environment_whose_libraries_start_threads_gets_ordinary_kernels(kernel_env, tmp_path, monkeypatch):
    monkeypatch.delenv("JE_ARROW_MALLOC_CONF")  # pyarrow's jemalloc starts its thread when pandas is imported
    manager, client = _start(tmp_path)
    _stop(manager, client)
    folder = _socket_folder(tmp_path)
    deadline = time.monotonic() + 30
    while not list(folder.glob("*.unforkable")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(folder.glob("*.unforkable")), "the server did not notice the thread"
    manager, client = _start(tmp_path)
    assert _probe(client)["pandas_before"] is False  # an ordinary kernel, started at once
    _stop(manager, client)
    assert not _servers(tmp_path)


def test_the_key_ignores_per_run_variables_only():
    env = {"PATH": "/bin", "PYTHONHASHSEED": "0", "ANALYSIS_NOTEBOOK": "01", "JPY_PARENT_PID": "7"}
    key = kernels.server_key(env)
    assert kernels.server_key(env | {"ANALYSIS_NOTEBOOK": "02", "JPY_PARENT_PID": "8",
                                     "PYTEST_CURRENT_TEST": "x"}) == key
    for name, value in {"PYTHONHASHSEED": "1", "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "4",
                        "PYTHONPATH": "/elsewhere"}.items():
        assert kernels.server_key(env | {name: value}) != key, name


def test_the_switch_and_other_kernel_commands_leave_the_command_as_it_was(monkeypatch):
    manager = kernels.manager_class()(kernel_name="python3")
    cmd = manager.format_kernel_cmd()
    assert cmd[:2] == [sys.executable, str(Path(kernels.__file__).resolve())]
    assert cmd[2:4] == ["-f", os.path.realpath(manager.connection_file)]
    monkeypatch.setenv(kernels.SWITCH, "0")
    assert not kernels.enabled()


def test_a_socket_folder_others_can_enter_is_refused(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    where = tmp_path / f"analysis-kernels-{os.getuid()}"
    where.mkdir(mode=0o755)
    where.chmod(0o755)
    with pytest.raises(PermissionError, match="not a private folder"):
        kernels.folder()
    where.chmod(0o700)
    assert kernels.folder() == where


FORKED = '''# %%
import json
import os
import sys

pandas_before = "pandas" in sys.modules  # before anything here imports it

import matplotlib.pyplot as plt
import numpy as np

from analysis.core import figures, io, paths

figures.use_style()
draws = np.random.default_rng(5).normal(size=200)
fig, ax = plt.subplots()
ax.hist(draws, bins=20)
ax.set_title("Two hundred seeded draws")
figures.save(fig, "94_forked", caption="A histogram of seeded draws.", source="Computed in the notebook.")
io.write_json(paths.RESULTS / "94_forked.json", {
    "mean": float(draws.mean()), "set_order": list({"tariff", "refugee", "energy", "chips", "ai"}),
    "pandas_before_import": pandas_before})
'''


def test_a_forked_kernel_writes_the_same_bytes_as_an_ordinary_one(shared_folder, tmp_path, monkeypatch):
    """Figures (PNG, SVG, PDF), records and results of a notebook run in an ordinary kernel and in a forked one
    are the same bytes (the string-hash seed, the house style, the fonts: nothing the server did before the fork
    shows in the outputs)."""
    import hashlib

    from analysis.build import run
    from analysis.core import paths

    root = tmp_path / "root"
    (root / "notebooks").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "data" / "datapackage.json").write_text('{"name": "forked", "resources": []}', encoding="utf-8")
    (root / "notebooks" / "94_forked.py").write_text(
        "# ---\n# jupyter:\n#   kernelspec:\n#     display_name: Python 3\n#     language: python\n"
        "#     name: python3\n# ---\n\n" + FORKED, encoding="utf-8")
    for name, value in (("ROOT", root), ("NOTEBOOKS", root / "notebooks"), ("DATA", root / "data")):
        monkeypatch.setattr(paths, name, value)
    _kernel_variables(monkeypatch, shared_folder)  # the module's server (started here if no test has yet)
    outputs = {}
    for how in ("ordinary", "forked"):
        monkeypatch.setenv(kernels.SWITCH, "0" if how == "ordinary" else "1")
        if how == "forked":  # the runner starts it too, with the kernel's environment (waited for here)
            run.start_kernel_server()
            _serving(shared_folder)
        out = tmp_path / how.replace(" ", "_")
        monkeypatch.setattr(paths, "OUTPUT", out)
        run.execute(run.find("94"), {}, cache="off")
        result = json.loads((out / "build" / "results" / "94_forked.json").read_text())
        outputs[how] = (result.pop("pandas_before_import"), None,
                        {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
                         for p in sorted(out.rglob("*")) if p.is_file() and "notebooks" not in p.parts
                         and "results" not in p.parts and p.suffix != ".lock"}, result)
    assert outputs["ordinary"][0] is False and outputs["forked"][0] is True  # the forked kernel had pandas already
    assert outputs["forked"][2] == outputs["ordinary"][2]
    assert any(name.endswith(".pdf") for name in outputs["forked"][2])
    assert outputs["forked"][3] == outputs["ordinary"][3]  # the draws, and the order of a set of strings


@pytest.mark.skipif(not (shutil.which("unshare") and os.geteuid() == 0), reason="needs unshare and root")
def test_a_process_in_another_network_namespace_has_another_key():
    """A run confined to a network namespace without network (tests/test_reliability.py) must never be handed a
    kernel forked outside it: its key differs, so it starts a server of its own, inside."""
    code = "import os; from analysis.build import kernels; print(kernels.server_key(dict(os.environ)))"
    here = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    confined = subprocess.run(["unshare", "-n", sys.executable, "-c", code], capture_output=True, text=True,
                              check=True).stdout
    assert here.strip() and confined.strip() and here != confined
    assert kernels.server_key({"A": "1"}) == kernels.server_key({"A": "1"})  # and the key is stable


def test_a_forked_kernel_exits_when_the_process_that_launched_it_dies(shared_server, tmp_path):
    """As an ordinary kernel does (ipykernel's parent poller): a runner killed mid-run leaves no kernel running on."""
    script = tmp_path / "launcher.py"
    script.write_text(
        "import asyncio, os, sys, time\n"
        "from analysis.build import kernels\n"
        "manager = kernels.manager_class()(kernel_name='python3')\n"
        "asyncio.run(manager.start_kernel(cwd=os.getcwd()))\n"
        "client = manager.blocking_client(); client.start_channels(); client.wait_for_ready(timeout=60)\n"
        "msg = client.execute('import os; print(os.getpid(), os.getppid(), flush=True)')\n"
        "while True:\n"
        "    m = client.get_iopub_msg(timeout=60)\n"
        "    if m['msg_type'] == 'stream':\n"
        "        print('PIDS', m['content']['text'].strip(), flush=True); break\n"
        "time.sleep(600)\n", encoding="utf-8")
    # env: this process's variables as os.environ holds them (readline, imported in pytest, exports COLUMNS and
    # LINES to the environment a child inherits by default: another key, another server, for nothing)
    launcher = subprocess.Popen([sys.executable, str(script)], cwd=tmp_path, stdout=subprocess.PIPE, text=True,
                                env=dict(os.environ))
    line = launcher.stdout.readline()
    while not line.startswith("PIDS"):  # the kernel's own notes share the launcher's standard output
        assert line, "the launcher ended without the kernel's process ids"
        line = launcher.stdout.readline()
    kernel_pid, server_pid = map(int, line.split()[1:])
    assert server_pid in _servers(shared_server)  # forked
    launcher.kill()
    launcher.wait()
    deadline = time.monotonic() + 20
    while Path(f"/proc/{kernel_pid}").exists() and time.monotonic() < deadline:
        if "Z" in Path(f"/proc/{kernel_pid}/stat").read_text().rsplit(")", 1)[1].split()[0]:
            break  # exited, not yet reaped by the server
        time.sleep(0.1)
    alive = Path(f"/proc/{kernel_pid}").exists() and "Z" not in Path(
        f"/proc/{kernel_pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    assert not alive, "the kernel outlived the process that launched it"


def test_a_server_whose_folder_was_replaced_stops_and_leaves_the_new_server_alone(kernel_env, tmp_path):
    """A socket folder deleted and made again (a temporary folder of the same name) while its server idles: the
    old server stops without touching the new folder, whose own server keeps serving."""
    _serving(tmp_path)
    manager, client = _start(tmp_path)
    first_server = _probe(client)["ppid"]
    _stop(manager, client)
    folder = _socket_folder(tmp_path)
    shutil.rmtree(folder)
    _serving(tmp_path)  # a new folder, a new server of the same key
    manager, client = _start(tmp_path)
    second_server = _probe(client)["ppid"]
    _stop(manager, client)
    assert second_server != first_server
    deadline = time.monotonic() + 10
    while Path(f"/proc/{first_server}").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not Path(f"/proc/{first_server}").exists() or "Z" in Path(
        f"/proc/{first_server}/stat").read_text().rsplit(")", 1)[1].split()[0], "the old server did not stop"
    assert list(folder.glob("*.sock")), "the old server removed the new server's socket"
    manager, client = _start(tmp_path)
    assert _probe(client)["ppid"] == second_server
    _stop(manager, client)


def test_the_runners_client_leaves_nothing_of_the_kernels_start_behind(shared_server, tmp_path):
    """The runner's kernel client (kernels.ready_client_class) is ready once the kernel has closed its answer to
    kernel_info on IOPub, instead of after jupyter_client's 0.2 s of silence: nothing the kernel published while
    starting, nor any answer to the readiness requests, is left on the channels for the first cell to read."""
    import asyncio
    from queue import Empty


    async def start_and_listen():
        manager = kernels.manager_class()(kernel_name="python3")
        await manager.start_kernel(cwd=str(tmp_path), env=dict(os.environ))
        client = manager.client()
        assert isinstance(client, kernels.ready_client_class())
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=60)
            left = []
            for channel in (client.shell_channel, client.iopub_channel):
                try:
                    left.append(await channel.get_msg(timeout=0.5))
                except Empty:
                    pass
            msg_id = client.execute("print(6 * 7)")
            out = []
            while True:
                msg = await client.get_iopub_msg(timeout=30)
                assert msg["parent_header"].get("msg_id") == msg_id, f"a message of the start: {msg['msg_type']}"
                if msg["msg_type"] == "stream":
                    out.append(msg["content"]["text"])
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    return left, "".join(out)
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)

    left, out = asyncio.run(start_and_listen())
    assert left == [], [m["msg_type"] for m in left]
    assert out.strip() == "42"
