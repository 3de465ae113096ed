"""Kernels forked from a warm server: a notebook's kernel starts with its libraries already imported.

Every kernel of the collection spent about two seconds of CPU importing the same libraries (IPython's kernel,
numpy, pandas, scipy, matplotlib, ipywidgets, the figure writers) before it ran a line: a fifth of a cold run, more
in the test suite, which starts dozens of kernels. This module starts kernels the way ``multiprocessing``'s
forkserver starts workers: a server process imports those libraries once and forks a kernel for each request; the
fork shares the imported modules copy-on-write and starts in milliseconds.

How it fits Jupyter. :func:`manager_class` is a jupyter_client kernel manager that launches this file as the
kernel command instead of ``python -m ipykernel_launcher``. That small client process is what Jupyter manages
(polls, signals, kills); it asks the server for a kernel and stays until the kernel exits:

* The server is found by a key made of everything a library could read when it is imported — the interpreter, the
  site-packages folder (a package installed or upgraded changes its time), this file, every environment variable
  except those that name one run (``ANALYSIS_*``, read by this package only, which the server never imports;
  Jupyter's ``JPY_*``; pytest's ``PYTEST_*``) — and of what a fork inherits from the server rather than from the
  client (:func:`process_context`: namespaces, control group, limits, privileges), so a run confined to a network
  namespace without network never gets a kernel forked outside it. Another environment or context: another server.
* The runner starts the server (:func:`start_server`) as it starts executing notebooks, so that the server's
  imports overlap its own start-up; a client that finds no server starts one. Either way the client waits for a
  starting server (its start costs what an ordinary kernel's imports would). Anything unexpected — no server after
  :data:`WAIT_SECONDS`, a server that failed or refuses — makes the client an ordinary kernel (``exec`` of
  ``python -m ipykernel_launcher``), so a kernel always starts.
* The fork becomes the kernel ``ipykernel_launcher`` would have started: the client's environment, working folder,
  standard streams (passed over the socket) and arguments; numpy's global generator seeded afresh; the server's
  sockets, lock and pipes closed.
* Jupyter keeps its hold: the client forwards signals (interrupts), a kernel whose client is killed exits, a client
  whose kernel exits returns its exit status, and the client kills its kernel when the process that launched it
  dies (what ipykernel's parent poller does for an ordinary kernel: a runner killed mid-run leaves none behind).
* The server forks only while it has a single thread (a fork of a process with threads is not safe): one that
  finds a thread after its imports marks its key unforkable, and those kernels start the ordinary way. Its socket
  sits in a folder only this user can enter; it logs to ``<key>.log`` there; it exits after :data:`IDLE_SECONDS`
  without a kernel, or once its socket is no longer the one clients reach (its folder deleted).

``ANALYSIS_KERNEL_SERVER=0`` turns the whole thing off (ordinary kernels). This file runs as a script (the client
and the server), so it imports only the standard library at module level and never the ``analysis`` package: a
kernel imports that afresh, under its own environment.
"""

from __future__ import annotations

import sys

if __name__ == "__main__" and sys.path and sys.path[0] == __file__.rpartition("/")[0]:
    del sys.path[0]  # run as a script: this package's folder is not a place to import from (it has a site.py)

import fcntl
import functools
import hashlib
import json
import os
import signal
import socket
import stat
import subprocess
import tempfile
import threading
import time
from pathlib import Path

# What the server imports before it forks: the third-party libraries every notebook kernel imports (the figure
# writers and fontTools' subsetter: every notebook saves figures; pandas' Styler: the verdict tables; ipykernel's
# debugger, which every kernel imports as it starts).
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "IPython", "numpy", "pandas", "scipy.special",
           "scipy.linalg", "matplotlib", "matplotlib.pyplot", "matplotlib_inline.backend_inline", "ipywidgets",
           "matplotlib.backends.backend_agg", "matplotlib.backends.backend_svg", "matplotlib.backends.backend_pdf",
           "fontTools.subset", "pandas.io.formats.style", "ipykernel.debugger")
# Environment variables that may differ between the server and a kernel it forks: they name one notebook's run and
# are read when a notebook runs, never when a library is imported.
PER_RUN_PREFIXES = ("ANALYSIS_", "JPY_", "PYTEST_")
IDLE_SECONDS = 60.0
WAIT_SECONDS = 10.0  # the longest a kernel waits for a server that is starting (a start takes 2-5 s)
SWITCH = "ANALYSIS_KERNEL_SERVER"
_THIS = Path(__file__).resolve()


def enabled(env=os.environ) -> bool:
    return env.get(SWITCH, "1") != "0"


def manager_class(*, blocking: bool = False):
    """An ``AsyncKernelManager`` (what nbclient uses; with `blocking`, a ``KernelManager``) that starts the standard
    Python kernel of this interpreter through this file; any other kernel command is left as it is. The async
    manager's clients are :func:`ready_client_class`'s."""
    from jupyter_client.manager import AsyncKernelManager, KernelManager
    from traitlets import default

    class ForkedKernelManager(KernelManager if blocking else AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            if len(cmd) > 2 and cmd[1:3] == ["-m", "ipykernel_launcher"] and _same_file(cmd[0], sys.executable):
                return [cmd[0], str(_THIS), *cmd[3:]]
            return cmd

        if not blocking:
            @default("client_factory")
            def _ready_client(self):
                return ready_client_class()

    return ForkedKernelManager


@functools.lru_cache(maxsize=1)
def ready_client_class():
    """jupyter_client's ``AsyncKernelClient`` whose ``wait_for_ready`` ends as soon as the kernel is ready.

    jupyter_client's own, once the kernel has answered a ``kernel_info`` request, reads the IOPub channel until no
    message has come for 0.2 s, to drop what the kernel published while starting: every kernel start waited those
    0.2 s, half of a forked kernel's start. Here the wait ends with the message that closes the kernel's answer on
    IOPub, its ``idle`` status for that request: a kernel handles requests in order, so everything it published
    before is dropped as before. The IOPub subscription may come into force after that ``idle`` was sent (a
    publisher drops messages until then); the kernel then says so with an ``iopub_welcome`` message (Jupyter
    enhancement proposal 65), and the request is sent again, as it is when nothing comes at all."""
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient

    async def answer(channel, request: str, seconds: float, *wanted: tuple[str, str | None]):
        """The first message answering `request` whose (type, execution state) is in `wanted`, or an
        ``iopub_welcome``; None after `seconds` without one. Everything else on the channel is dropped."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                msg = await channel.get_msg(timeout=left)
            except Empty:
                return None
            if msg["msg_type"] == "iopub_welcome" or (
                    msg["parent_header"].get("msg_id") == request
                    and (msg["msg_type"], msg["content"].get("execution_state")) in wanted):
                return msg
        return None

    class ReadyKernelClient(AsyncKernelClient):
        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
            while True:
                request = self.kernel_info()
                reply = await answer(self.shell_channel, request, 1.0, ("kernel_info_reply", None))
                if reply is not None:
                    end = await answer(self.iopub_channel, request, 0.5, ("status", "idle"))
                    if end is not None and end["msg_type"] == "status":
                        self._handle_kernel_info_reply(reply)  # adapts the protocol version, as jupyter_client does
                        return
                if not await self.is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
                if time.monotonic() > deadline:
                    raise RuntimeError("Kernel didn't respond in %d seconds" % timeout)

    return ReadyKernelClient


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


# ------------------------------------------------------------------------------------------------ key, folder
def server_key(env, context: list | None = None) -> str:
    """The server a kernel with environment `env`, started in this process's context (:func:`process_context`,
    or `context`), may be forked from (see the module docstring)."""
    import sysconfig

    site = Path(sysconfig.get_paths()["purelib"])
    stable = sorted((k, v) for k, v in env.items() if not k.startswith(PER_RUN_PREFIXES))
    this = _THIS.stat()
    blob = json.dumps([sys.executable, sys.version, str(site), _mtime(site), this.st_mtime_ns, this.st_size,
                       PRELOAD, stable, process_context() if context is None else context])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


def process_context() -> list:
    """What a forked kernel inherits from the server rather than from the process that asked for it, beyond the
    environment: namespaces (a run confined to a network namespace without network must not get a kernel forked
    outside it), control group, root folder, user and groups, capabilities, seccomp and no-new-privileges,
    security label, CPU affinity, nice value, umask and resource limits. A client and a server that differ in
    any of these never meet (their keys differ): the client starts a server of its own, inside its context."""
    import resource

    proc = Path("/proc/self")
    context: list = []
    try:
        context.append(sorted((ns.name, os.readlink(ns)) for ns in (proc / "ns").iterdir()))
    except OSError:
        context.append(None)
    for name in ("cgroup", "attr/current"):
        try:
            context.append((proc / name).read_text(errors="replace"))
        except OSError:
            context.append(None)
    try:
        context.append(os.readlink(proc / "root"))
    except OSError:
        context.append(None)
    try:
        status = dict(line.split(":", 1) for line in (proc / "status").read_text().splitlines() if ":" in line)
    except OSError:
        status = {}
    context.append([status.get(field, "").strip() for field in (
        "Uid", "Gid", "Groups", "Umask", "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp",
        "Cpus_allowed_list", "Mems_allowed_list")])
    context.append(os.getpriority(os.PRIO_PROCESS, 0))
    context.append([(name, resource.getrlimit(getattr(resource, name)))
                    for name in sorted(dir(resource)) if name.startswith("RLIMIT_")])
    return context


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def folder() -> Path:
    """This user's folder of server sockets (mode 0700; refused if someone else owns it or can enter it)."""
    where = Path(tempfile.gettempdir()) / f"analysis-kernels-{os.getuid()}"
    where.mkdir(mode=0o700, exist_ok=True)
    info = where.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o077:
        raise PermissionError(f"{where} is not a private folder of this user")
    return where


# ------------------------------------------------------------------------------------------------------ client
def _plain_kernel(argv: list[str], cwd: str | None = None) -> None:
    """Become an ordinary kernel, as if Jupyter had started ``python -m ipykernel_launcher`` itself (in `cwd`)."""
    if cwd is not None:
        os.chdir(cwd)
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *argv])


def start_server(env=None) -> None:
    """Start, in the background, the server kernels with environment `env` (default: this process's) will be
    forked from, unless it runs or is starting. The runner calls this before it needs a kernel, so the server's
    imports overlap its own start-up."""
    env = dict(os.environ if env is None else env)
    if enabled(env):
        try:
            _start_server(folder(), server_key(env), env)
        except OSError:
            pass  # no server: kernels start the ordinary way


def _start_server(where: Path, key: str, env) -> None:
    """Start the server for `key` unless one holds its lock (running or starting) or a server found that this
    environment cannot be forked safely."""
    if (where / f"{key}.unforkable").exists() or not _lock_free(where, key):
        return
    with open(where / f"{key}.log", "ab") as log:
        subprocess.Popen([sys.executable, str(_THIS), "--serve", key], cwd=where, env=env, stdin=subprocess.DEVNULL,
                         stdout=log, stderr=log, start_new_session=True, close_fds=True)


def _lock_free(where: Path, key: str) -> bool:
    """No server for `key` holds its lock (a server takes it before it imports anything and keeps it for life)."""
    lock = os.open(where / f"{key}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(lock)


def _log(where: Path, key: str, line: str) -> None:
    """A line in the server's log (``<key>.log`` in its folder), for whoever wonders why kernels started slowly."""
    try:
        with open(where / f"{key}.log", "a", encoding="utf-8") as log:
            log.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} pid {os.getpid()}: {line}\n")
    except OSError:
        pass


def _connect(where: Path, key: str, wait: float) -> socket.socket | None:
    """A connection to the server for `key`, waiting up to `wait` seconds while it is starting; None if there is
    none (or it found it cannot fork). Connects by a relative name: a socket's path may not be longer than ~100
    bytes, and a TMPDIR can be."""
    here = os.getcwd()
    os.chdir(where)
    try:
        started = time.monotonic()
        while True:
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                conn.connect(f"{key}.sock")
                return conn
            except OSError:
                conn.close()
            waited = time.monotonic() - started
            if Path(f"{key}.unforkable").exists():
                return None
            if waited > wait:
                if wait:
                    _log(where, key, f"a kernel gave up waiting for this server after {wait:g} s")
                return None
            if waited > 2.0 and _lock_free(where, key):
                return None  # no server is starting (it failed): do not wait for nothing
            time.sleep(0.02)
    finally:
        os.chdir(here)


def client(argv: list[str]) -> None:
    """The kernel command: a kernel forked by the server, or an ordinary one.

    With no server yet, it starts one and waits for it (a server's start costs what an ordinary kernel's imports
    cost, and every later kernel saves them); whatever goes wrong, it becomes an ordinary kernel."""
    here = os.getcwd()
    if not enabled():
        _plain_kernel(argv)
    try:
        where = folder()
        context = process_context()
        key = server_key(os.environ, context)
        conn = _connect(where, key, wait=0)
        if conn is None:
            _start_server(where, key, os.environ.copy())
            conn = _connect(where, key, wait=WAIT_SECONDS)
        if conn is None:
            _plain_kernel(argv, here)
        request = json.dumps({"argv": argv, "cwd": here, "env": dict(os.environ),
                              "context": context}).encode("utf-8")
        socket.send_fds(conn, [len(request).to_bytes(8, "big") + request], [0, 1, 2])
        replies = conn.makefile("rb")
        first = json.loads(replies.readline() or b"{}")
    except Exception:  # anything unexpected: start the ordinary way
        _plain_kernel(argv, here)
    if "pid" not in first:
        _plain_kernel(argv, here)  # refused (the server cannot fork safely now)
    pid = first["pid"]

    def forward(signum, _frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2):
        signal.signal(signum, forward)
    # An ordinary kernel exits when the process that launched it dies (ipykernel's parent poller, when its parent
    # is JPY_PARENT_PID): a runner killed mid-run leaves no kernel writing on. A forked kernel's parent is the
    # server, so the client watches the launcher in its place, as often as ipykernel does.
    launcher = os.getppid()
    if os.environ.get("JPY_PARENT_PID") == str(launcher):
        def watch_launcher():
            while os.getppid() == launcher:
                time.sleep(1.0)
            forward(signal.SIGKILL, None)
            os._exit(1)

        threading.Thread(target=watch_launcher, name="launcher", daemon=True).start()
    code = 1
    for line in replies:  # the server's word when the kernel exits; end of stream if the server died
        code = json.loads(line).get("exit", code)
    sys.exit(code)


# ------------------------------------------------------------------------------------------------------ server
def serve(key: str) -> None:
    """The server for `key` (started by :func:`_start_server`): take the key's lock, import :data:`PRELOAD`, then
    fork a kernel for each client until :data:`IDLE_SECONDS` pass without one."""
    where = folder()
    lock = os.open(where / f"{key}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return  # another server for this key is starting or running
    if server_key(os.environ) != key:
        _log(where, key, "started with another environment or context than its key's: not serving")
        return
    _log(where, key, "importing")
    if not os.environ.get("MPLBACKEND"):  # what ipykernel sets before a kernel imports matplotlib
        os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    import importlib
    import select

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    if not _single_threaded():  # e.g. OpenBLAS started its thread pool: forking this process would not be safe
        (where / f"{key}.unforkable").write_text("a library started threads on import\n", encoding="utf-8")
        _log(where, key, "a library started threads on import: not forkable")
        return
    # a kernel's exit wakes the loop at once (its client is waiting for the exit status)
    wake_read, wake_write = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_write)
    path = where / f"{key}.sock"
    path.unlink(missing_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    os.chdir(where)
    listener.bind(path.name)  # relative, as clients connect (the server's working folder is its socket folder)
    listener.listen(16)
    bound = os.stat(path.name).st_ino
    _log(where, key, "serving")
    kernels: dict[int, socket.socket] = {}  # kernel pid → its client's connection
    own_fds = [lock, wake_read, wake_write]  # closed in every kernel
    idle_since = time.monotonic()

    def reachable() -> bool:
        """Its socket is still the file clients connect to (its folder may have been deleted, and a server of the
        same key started in a new folder of the same name: then this one is out of reach and must not touch it)."""
        try:
            return os.stat(path).st_ino == bound
        except OSError:
            return False

    try:
        while kernels or (time.monotonic() - idle_since < IDLE_SECONDS and reachable()):
            readable, _, _ = select.select([listener, wake_read], [], [], 1.0)
            if wake_read in readable:
                try:
                    while os.read(wake_read, 512):
                        pass
                except BlockingIOError:
                    pass
            _reap(kernels)
            if kernels:
                idle_since = time.monotonic()
            if listener not in readable:
                continue
            conn, _ = listener.accept()
            conn.settimeout(10.0)
            try:
                _fork_kernel(conn, listener, kernels, key, own_fds)
            except Exception as err:  # a broken request: tell the client (it starts the ordinary way)
                _reply(conn, {"refused": f"{type(err).__name__}: {err}"})
                conn.close()
            idle_since = time.monotonic()
    finally:
        if reachable():  # its own socket only
            path.unlink(missing_ok=True)
        listener.close()
        _log(where, key, "idle: stopped")


def _reply(conn: socket.socket, message: dict) -> None:
    try:
        conn.sendall(json.dumps(message).encode("utf-8") + b"\n")
    except OSError:
        pass


def _reap(kernels: dict[int, socket.socket]) -> None:
    """Tell each client whose kernel has exited its exit status, and let it go."""
    for pid in list(kernels):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            conn = kernels.pop(pid)
            _reply(conn, {"exit": os.waitstatus_to_exitcode(status)})
            conn.close()


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    head, fds, _, _ = socket.recv_fds(conn, 8, 3)
    size = int.from_bytes(head, "big")
    body = bytearray()
    while len(body) < size:
        chunk = conn.recv(size - len(body))
        if not chunk:
            raise EOFError("the client hung up")
        body += chunk
    return json.loads(body), fds


def _single_threaded() -> bool:
    return threading.active_count() == 1 and len(os.listdir("/proc/self/task")) == 1


def _fork_kernel(conn: socket.socket, listener: socket.socket, kernels: dict, key: str, own_fds: list[int]) -> None:
    request, fds = _receive(conn)
    if len(fds) != 3 or server_key(request["env"], request["context"]) != key:
        for fd in fds:
            os.close(fd)
        raise ValueError("the kernel's environment is not this server's")
    if not _single_threaded():
        for fd in fds:
            os.close(fd)
        raise RuntimeError("the server has started threads: forking would not be safe")
    pid = os.fork()
    if pid == 0:
        try:
            code = _become_kernel(request, fds, conn, [listener, *kernels.values()], own_fds)
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        os._exit(code)
    for fd in fds:
        os.close(fd)
    kernels[pid] = conn
    _reply(conn, {"pid": pid})


def _become_kernel(request: dict, fds: list[int], conn: socket.socket, others: list[socket.socket],
                   own_fds: list[int]) -> int:
    """In the forked child: turn into the kernel ipykernel_launcher would have started; return its exit code."""
    signal.set_wakeup_fd(-1)
    for sock in others:  # the server's listener and other kernels' connections are not this kernel's
        sock.close()
    for fd in own_fds:  # nor its lock (held while any process has it open) and wake-up pipe
        os.close(fd)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if "numpy" in sys.modules:  # a fresh interpreter seeds numpy's global generator from the OS, so does this one
        sys.modules["numpy"].random.seed()
    conn.settimeout(None)

    def exit_when_client_gone():
        while conn.recv(1024):
            pass
        os.kill(os.getpid(), signal.SIGKILL)  # Jupyter killed the client: the kernel goes with it

    threading.Thread(target=exit_when_client_gone, name="kernel-client", daemon=True).start()
    import importlib.util

    sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, *request["argv"]]
    code = 0
    try:
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    import atexit

    atexit._run_exitfuncs()  # what the interpreter would run at exit (IPython's history, ipykernel's cleanup)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    return code


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--serve":
        serve(sys.argv[2])
    else:
        client(sys.argv[1:])
