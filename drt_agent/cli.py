"""The `drt-agent` command line. Heavy imports (torch, parsers) happen inside commands, so --help is fast."""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    name="drt-agent",
    help="A depth-recurrent Transformer that reasons in latent space: graph reachability, boolean logic, "
    "relational text.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

EXIT_USAGE = 2
EXIT_IO = 1  # stdout could not be written (closed pipe, full disk): not the user's input, so not 2


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    message = " ".join(message.split("\n"))  # always one line
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _emit(text: str) -> None:
    """Print a result; a closed or full stdout is a one-line error (exit 1), never a traceback."""
    if sys.stdout is None:
        raise _fail("stdout is closed; redirect it to a file to keep the result", EXIT_IO)
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except OSError as exc:
        _quiet_stdout()
        raise _fail(f"cannot write to stdout ({exc.strerror or exc})", EXIT_IO) from None


def _steps(value: str) -> int | str:
    if value == "auto":
        return "auto"
    try:
        n = int(value)
    except ValueError:
        raise _fail(f"--steps takes 'auto' or a whole number, got {value!r}") from None
    if n < 1:
        raise _fail(f"--steps must be at least 1, got {n}")
    return n


def _range(value: str, name: str) -> tuple[int, int]:
    try:
        lo, _, hi = value.partition(":")
        out = (int(lo), int(hi or lo))
    except ValueError:
        raise _fail(f"{name} takes LO:HI (e.g. 1:5), got {value!r}") from None
    if out[0] > out[1] or out[0] < 0:
        raise _fail(f"{name}: LO must be <= HI and non-negative, got {value!r}")
    return out


def _ints(value: str, name: str) -> list[int]:
    try:
        return [int(v) for v in value.replace(" ", "").split(",") if v]
    except ValueError:
        raise _fail(f"{name} takes comma-separated whole numbers, got {value!r}") from None


def _grid(value: str, name: str, lo: int, hi: int, empty: bool = False) -> list[int]:
    """A comma-separated list of whole numbers, each in [lo, hi]."""
    out = _ints(value, name)
    if not out and not empty:
        raise _fail(f"{name} needs at least one number, e.g. {name} 1,2,4")
    bad = [v for v in out if not lo <= v <= hi]
    if bad:
        raise _fail(f"{name} takes whole numbers from {lo} to {hi}, got {bad[0]}")
    return out


def _check_sampling(n: int, seed: int) -> None:
    if not 1 <= n <= 100_000:
        raise _fail(f"--n is the number of problems per cell, from 1 to 100000, got {n}")
    if not 0 <= seed < 2**32:
        raise _fail(f"--seed must be a whole number from 0 to {2**32 - 1}, got {seed}")


def _sample_knobs(task_cls: type, pairs: list[str] | None) -> dict[str, Any]:
    """--knob NAME=VALUE generator settings, checked against the task's generator (names, types, bounds)."""
    from .config import knob_problems

    knobs = _knobs(pairs or [])
    problems = knob_problems(task_cls, knobs, "sample")
    if problems:
        raise _fail("--knob: " + "; ".join(problems))
    return knobs


def _knobs(pairs: list[str]) -> dict[str, Any]:
    """--knob NAME=VALUE pairs -> task settings; values read as JSON (numbers, true/false) or kept as text."""
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise _fail(f"--knob takes NAME=VALUE (e.g. interface=paper), got {pair!r}")
        try:
            out[name.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            out[name.strip()] = raw
    return out


def _read_text(text: str | None, file: Path | None) -> str:
    if file is not None:
        try:
            return file.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise _fail(f"cannot read --file {file}: {exc.strerror}") from None
    if text is None or text == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise _fail(
                'give the problem as an argument, e.g. drt-agent solve "A-B, B-C. Is A connected to C?"'
            )
        return _read_stdin()
    return text


def _read_stdin() -> str:
    """stdin as text; undecodable bytes become U+FFFD, which the parsers reject with a clear message."""
    raw = getattr(sys.stdin, "buffer", None)
    return raw.read().decode("utf-8", errors="replace") if raw is not None else sys.stdin.read()


def _human(sol: Any) -> str:
    """A solution for people: the answer, depth and confidence, how the text was read, and the exact check."""
    from . import domains

    def said(answer: Any) -> str:
        return "yes" if answer is True else "no" if answer is False else str(answer)

    shown = said(sol.answer)
    if sol.answered_by == "exact":  # the network was overruled: say so
        shown += f" (the exact solver's answer; the model said {said(sol.model_answer)})"
    lines = [f"answer: {shown}", f"steps used: {sol.steps_used}", f"confidence: {sol.confidence:.3f}"]
    p = sol.problem
    described = domains.of(p).lines(p, sol) if p is not None else []
    lines += [line for line in described if line.startswith("read as:")]
    lines += [f"assumed: {a}" for a in sol.assumptions]
    lines += [f"skipped: {t!r}" for t in sol.skipped]
    if sol.exact is not None:
        verdict = "agrees" if sol.agrees_with_exact else "DISAGREES"
        lines.append(f"exact check: {verdict} (exact answer: {sol.exact})")
    lines += [line for line in described if not line.startswith("read as:")]
    return "\n".join(lines)


def _problem_from_line(line: str, default_domain: str | None, limits: Any = None) -> tuple[str, str | None]:
    """A --batch line: plain text, or a JSON object with `text` and an optional `domain`."""
    stripped = line.strip()
    if stripped.startswith("{"):
        from .errors import ParseError
        from .limits import resolve

        resolve(limits).check_text(stripped)  # size and nesting before json.loads can recurse
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ParseError(f"line is not valid JSON: {exc.msg} at column {exc.colno}") from None
        except RecursionError:
            raise ParseError("line is JSON nested too deeply to read") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise ParseError(
                'a JSON line needs a string field "text", e.g. {"text": "A-B. Is A connected to B?"}'
            )
        domain = obj.get("domain", default_domain)
        if domain is not None and not isinstance(domain, str):
            raise ParseError('"domain" must be a string naming a domain (drt-agent schema lists them)')
        return obj["text"], domain
    return stripped, default_domain


BATCH_CHUNK = 64  # lines solved together at most; fewer when no more input is waiting


class _Stop(BaseException):
    """A signal asked `--batch` to stop: finished lines are kept, the exit status is 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _OutputError(Exception):
    """stdout cannot take more output (closed, a broken pipe, a full disk)."""


_WAIT = object()  # no whole line can be read without waiting for the writer
_OVERLONG = object()  # a line longer than the size limit, skipped


class _LineReader:
    """The lines of a `--batch` source, read in blocks from a file descriptor, so that `--batch -` can tell a
    line already written by the producer (solve it with the others) from one not yet written (answer what we
    have first: a producer that waits for each answer must not wait forever)."""

    def __init__(self, fd: int | None, max_line_bytes: int, stream: Any = None) -> None:
        self.fd = fd  # None: read `stream` (a file object without a descriptor, e.g. a test's stdin)
        self.stream = stream
        self.max = max_line_bytes
        self.buf = bytearray()
        self.pos = 0  # where the next line starts
        self.scan = 0  # bytes before this hold no newline after pos: a long line is searched once
        self.eof = False
        self.skipping = False  # inside an over-long line: drop bytes up to its end

    def _ready(self) -> bool:
        import select

        if self.fd is None:
            return True
        try:
            return bool(select.select([self.fd], [], [], 0)[0])
        except (OSError, ValueError):  # no select on this kind of file: reading will not block for long
            return True

    def _fill(self) -> None:
        if self.fd is None:
            data = self.stream.read(1 << 16)
            data = data.encode("utf-8") if isinstance(data, str) else data
        else:
            data = os.read(self.fd, 1 << 16)
        if not data:
            self.eof = True
        if self.pos:
            del self.buf[: self.pos]
            self.scan, self.pos = max(0, self.scan - self.pos), 0
        self.buf += data

    def next(self, block: bool) -> Any:
        """The next line (bytes, no newline), _OVERLONG, None at the end, or _WAIT when `block` is False and no
        whole line is there yet."""
        while True:
            end = self.buf.find(b"\n", max(self.pos, self.scan))
            if end >= 0:
                line, self.pos = bytes(self.buf[self.pos : end]), end + 1
                if self.skipping or len(line) > self.max:
                    self.skipping = False
                    return _OVERLONG
                return line
            self.scan = len(self.buf)
            if self.eof:
                line = bytes(self.buf[self.pos :])
                self.buf, self.pos, self.scan = bytearray(), 0, 0
                if self.skipping or len(line) > self.max:
                    self.skipping = False
                    return _OVERLONG
                return line if line else None
            if len(self.buf) - self.pos > self.max:  # no newline in sight: skip to the end of this line
                self.skipping, self.buf, self.pos, self.scan = True, bytearray(), 0, 0
            if not block and not self.skipping and not self._ready():
                return _WAIT
            self._fill()


def _batch_item(raw: Any, default_domain: str | None, limits: Any) -> Any:
    """One input line -> (text, domain) to solve, or the DrtError that is its output line."""
    from .errors import LimitError, ParseError

    if raw is _OVERLONG:
        return LimitError(
            f"the line is longer than {limits.max_chars:,} characters (max_chars); split it or raise the "
            "limit with --limit max_chars=N"
        )
    text = raw.decode("utf-8", errors="replace")  # undecodable bytes become U+FFFD: the parsers refuse it
    if not text.strip():
        return ParseError("empty line")  # still one output line: consumers match answers by line number
    try:
        return _problem_from_line(text, default_domain, limits)
    except ParseError as exc:
        return exc
    except LimitError as exc:
        return exc


class _BatchWriter:
    """Writes output lines in input order straight to stdout's file descriptor, counting what went out, so a
    signal or a failed write never leaves a line half-written or written twice. A signal that arrives during
    a write is held until the write is done."""

    def __init__(self) -> None:
        self.written = 0
        self.pending: list[str] = []
        self.writing = False
        self.held: int | None = None  # a signal that came during a write

    def flush(self) -> None:
        out = sys.stdout
        if out is None:
            raise _OutputError("stdout is closed")
        self.writing = True
        try:
            try:
                fd = out.fileno()
                out.flush()
            except (AttributeError, ValueError, io.UnsupportedOperation):
                fd = None  # not a real file (e.g. a test's capture): its own write and flush
            while self.pending:
                data = (self.pending[0] + "\n").encode("utf-8")
                if fd is None:
                    out.write(self.pending[0] + "\n")
                else:
                    view = memoryview(data)
                    while view:
                        view = view[os.write(fd, view) :]
                self.pending.pop(0)
                self.written += 1
            if fd is None:
                out.flush()
        except OSError as exc:
            raise _OutputError(exc.strerror or str(exc)) from None
        finally:
            self.writing = False
        if self.held is not None:
            raise _Stop(self.held)


def _solve_chunk(items: list[Any], steps: Any, model: str | None, limits: Any, device: str) -> list[str]:
    """Output lines for one chunk, in input order: a solution as JSON, or {"error": {...}}."""
    from .api import solve_many
    from .errors import DrtError

    todo = [it for it in items if not isinstance(it, DrtError)]
    try:
        solved = iter(solve_many(todo, steps=steps, model=model, limits=limits, device=device))
    except DrtError as exc:  # the whole chunk failed the same way (e.g. its checkpoint cannot load)
        solved = iter([exc] * len(todo))
    out = []
    for it in items:
        res = it if isinstance(it, DrtError) else next(solved)
        out.append(json.dumps({"error": res.to_dict()}) if isinstance(res, DrtError) else _one_line(res))
    return out


# characters some line readers (str.splitlines, JavaScript) take for a line break: escaped in JSON strings
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _one_line(solution: Any) -> str:
    """A solution as one JSON line that every line reader sees as one line (the text it quotes may hold
    U+2028 or U+0085, which JSON allows unescaped)."""
    return solution.model_dump_json().translate(_LINE_BREAKS)


def _on_signals(handler: Any) -> dict[int, Any]:
    """Install `handler` for SIGINT and SIGTERM where they still have their default action (a signal the
    caller chose to ignore stays ignored); returns the previous handlers to restore."""
    import signal

    old: dict[int, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        current = signal.getsignal(sig)
        if current in (signal.SIG_DFL, signal.default_int_handler):
            try:
                old[sig] = signal.signal(sig, handler)
            except ValueError:  # not the main thread: signals stay as they are
                break
    return old


def _restore_signals(old: dict[int, Any]) -> None:
    import signal

    for sig, handler in old.items():
        signal.signal(sig, handler)


def _quiet_stdout() -> None:
    """After stdout failed: point it at /dev/null so the interpreter's last flush cannot print a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _run_batch(
    source: str,
    steps: int | str,
    domain: str | None,
    model: str | None,
    limits: Any = None,
    device: str = "auto",
) -> None:
    """`solve --batch`: one output line per input line (blank and unreadable lines get an error line), in
    input order, each written and flushed as soon as it and all before it are done. SIGINT / SIGTERM keep
    every finished line and exit 130 / 143; a stdout that cannot be written is a one-line error, exit 1."""
    import signal

    from . import domains
    from .errors import DrtError
    from .limits import resolve
    from .reasoner import get_reasoner

    limits = resolve(limits)
    if sys.stdout is None:
        raise _fail("stdout is closed: --batch writes its answers there; redirect it to a file", EXIT_IO)
    try:  # settings that would fail every line fail once, before any input is read
        if domain is not None:
            domains.get(domain)
        if model is not None:
            get_reasoner(model, device)
    except DrtError as exc:
        raise _fail(str(exc)) from None
    try:
        if source == "-":
            if sys.stdin is None:
                raise _fail("stdin is closed: give --batch a file, or pipe the lines in")
            stream: Any = getattr(sys.stdin, "buffer", sys.stdin)
            try:
                fd: int | None = sys.stdin.fileno()
            except (OSError, ValueError, AttributeError):  # not backed by a descriptor
                fd = None
            owned = False
        else:
            fd, owned, stream = os.open(source, os.O_RDONLY), True, None
    except OSError as exc:
        raise _fail(f"cannot read --batch {source}: {exc.strerror}") from None

    reader = _LineReader(fd, 4 * limits.max_chars + 4, stream)
    writer = _BatchWriter()

    def stop(signum: int, frame: Any) -> None:
        if writer.writing:
            writer.held = signum  # raised once the line being written is complete
        else:
            raise _Stop(signum)

    old = _on_signals(stop)
    n_lines = 0
    try:
        chunk: list[Any] = []
        while True:
            try:
                raw = reader.next(block=not chunk)
            except OSError as exc:
                raise _fail(f"cannot read --batch {source}: {exc.strerror}") from None
            if raw is not _WAIT and raw is not None:
                n_lines += 1
                try:
                    limits.check_batch(n_lines)
                except DrtError as exc:
                    raise _fail(f"line {n_lines}: {exc}") from None
                chunk.append(_batch_item(raw, domain, limits))
                if len(chunk) < BATCH_CHUNK:
                    continue
            if chunk:
                writer.pending.extend(_solve_chunk(chunk, steps, model, limits, device))
                chunk = []
                writer.flush()
            if raw is None:
                break
    except (_Stop, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, _Stop) else int(signal.SIGINT)
        for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal must not cut the last flush short
            with contextlib.suppress(ValueError):
                signal.signal(sig, signal.SIG_IGN)
        writer.held = None
        with contextlib.suppress(_OutputError):
            writer.flush()  # answers already computed are finished lines: they go out too
        name = signal.Signals(signum).name
        raise _fail(
            f"stopped by {name} after {writer.written} of {n_lines} lines read; their answers are on stdout",
            128 + signum,
        ) from None
    except _OutputError as exc:
        _quiet_stdout()
        raise _fail(
            f"cannot write to stdout ({exc}) after {writer.written} answers; the rest were not written",
            EXIT_IO,
        ) from None
    finally:
        _restore_signals(old)
        if owned and fd is not None:
            os.close(fd)


@app.command()
def solve(
    text: Annotated[
        str | None, typer.Argument(help="The problem as text; '-' or nothing reads stdin.")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    batch: Annotated[
        str | None,
        typer.Option("--batch", help="File with one problem per line ('-' = stdin); JSON lines out."),
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the problem from a file.")] = None,
    steps: Annotated[str, typer.Option(help="Thinking steps: 'auto' or a whole number.")] = "auto",
    domain: Annotated[
        str | None, typer.Option(help=f"The kind of problem: {_domain_names()} (default: detected).")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="A checkpoint directory to use instead of the shipped one.")
    ] = None,
    facts: Annotated[
        Path | None,
        typer.Option(
            "--facts",
            "--graph",
            help="Read the facts (a graph as edges, JSON or DOT; a story; ...) from this file ('-' = stdin); the "
            'text argument is then only the question, e.g. --facts edges.txt "Is A connected to F?".',
        ),
    ] = None,
    limit: Annotated[
        list[str] | None,
        typer.Option(
            "--limit",
            help="Raise an input limit, NAME=N (repeatable), e.g. --limit max_nodes=50000. Limits: "
            "max_chars, max_nodes, max_edges, max_tokens, max_depth, max_steps, max_batch, max_name_chars, "
            "max_dense_cells (env: DRT_AGENT_MAX_NODES=...).",
        ),
    ] = None,
    device: Annotated[
        str, typer.Option(help="Where to think: auto (CUDA when available), cpu, cuda or cuda:N.")
    ] = "auto",
) -> None:
    """Solve a problem given as text, e.g. drt-agent solve "A-B, B-C, C-F. Is A connected to F?"."""
    from .errors import DrtError
    from .limits import Limits

    n_steps = _steps(steps)
    try:
        limits = Limits.from_pairs(limit or [])
    except DrtError as exc:
        raise _fail(str(exc)) from None
    if batch is not None:
        _run_batch(batch, n_steps, domain, model, limits, device)
        return
    from .api import solve as api_solve

    try:
        problem: Any = _read_text(text, file) if facts is None else _with_facts(facts, text, domain, limits)
        sol = api_solve(problem, domain=domain, steps=n_steps, model=model, limits=limits, device=device)
    except DrtError as exc:
        if json_out:
            _emit(json.dumps({"error": exc.to_dict()}))
            raise typer.Exit(EXIT_USAGE) from None
        raise _fail(str(exc)) from None
    _emit(_one_line(sol) if json_out else _human(sol))


def _with_facts(path: Path, question: str | None, domain: str | None, limits: Any) -> Any:
    """`--facts FILE "question"`: the facts and the question come separately; read as the domain the whole
    text routes to (or --domain), by its reader for separate parts when it has one."""
    from . import domains
    from .errors import ParseError
    from .parsers import detect_domain

    if question is None or question == "-":
        raise ParseError(
            '--facts needs the question as the argument, e.g. --facts edges.txt "Is A connected to F?"'
        )
    if str(path) == "-":
        body = _read_stdin()
    else:
        try:
            body = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise ParseError(f"cannot read --facts {path}: {exc.strerror}") from None
    dom = domains.get(domain or detect_domain(f"{body}\n{question}", limits))
    if dom.read_parts is not None:
        return dom.read_parts(body, question, limits)
    return dom.read(f"{body}\n{question}", limits)


def _domain_names() -> str:
    from . import domains

    return ", ".join(domains.names())


@app.command()
def schema(
    which: Annotated[
        str, typer.Argument(help="all, problem, solution, or a domain's name for its problem alone.")
    ] = "all",
) -> None:
    """Print the JSON Schema of the typed problems and of Solution, so any agent framework can validate calls."""
    from pydantic import TypeAdapter

    from . import domains
    from .problems import Problem, Solution

    schemas: dict[str, Any] = {
        "problem": TypeAdapter(Problem).json_schema(),
        "solution": Solution.model_json_schema(),
        **{d.name: d.problem.model_json_schema() for d in domains.all_domains()},
    }
    if which == "all":
        out: Any = {"problem": schemas["problem"], "solution": schemas["solution"]}
    elif which in schemas:
        out = schemas[which]
    else:
        raise _fail(f"unknown schema {which!r}; choose one of: all, {', '.join(schemas)}")
    _emit(json.dumps(out, indent=2))


def _interrupted(exc: Any) -> typer.Exit:
    """SIGINT/SIGTERM stopped training after a whole iteration: say where its state is; exit 128 + signal."""
    import signal

    name = signal.Signals(exc.signum).name
    where = (
        f"; its state is in {exc.out}: rerun the same command with --resume to continue" if exc.out else ""
    )
    return _fail(f"stopped by {name} after iteration {exc.iterations}{where}", 128 + exc.signum)


def _config_options(finetune: bool) -> list[inspect.Parameter]:
    """CLI options for the TrainConfig and CoreConfig fields (one place for each default and help text).
    Every option defaults to None: the task's recipe (or the base checkpoint) decides, then the dataclass."""
    from dataclasses import MISSING, fields

    from .config import TrainConfig
    from .core.config import CoreConfig

    core_fields = [] if finetune else fields(CoreConfig)  # fine-tuning keeps the base's architecture
    params = []
    for f in [*fields(TrainConfig), *core_fields]:
        meta = f.metadata
        if "help" not in meta or meta.get("cli") is False or (meta.get("finetune") and not finetune):
            continue
        default = f.default if f.default is not MISSING else None
        kind = (
            str
            if f.type in ("tuple[int, int]",)
            else {"int": int, "float": float, "bool": bool, "str": str}.get(
                str(f.type).replace(" | None", ""), str
            )
        )
        shown = f"{default[0]}:{default[1]}" if isinstance(default, tuple) else default
        option = typer.Option(
            help=f"{meta['help']} [default: the recipe's, else {shown}]", show_default=False
        )
        params.append(
            inspect.Parameter(
                f.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=Annotated[kind | None, option],
            )
        )
    return params


def _config_values(opts: dict[str, Any]) -> dict[str, Any]:
    """Given CLI option values -> TrainConfig/CoreConfig overrides (LO:HI ranges parsed, None dropped)."""
    out: dict[str, Any] = {}
    for name, value in opts.items():
        if value is None:
            continue
        out[name] = _range(value, f"--{name.replace('_', '-')}") if name in ("steps", "complexity") else value
    return out


def _with_options(params: list[inspect.Parameter]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command function these extra keyword options (typer reads the signature)."""

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        sig = inspect.signature(fn, eval_str=True)
        fixed = [p for p in sig.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
        fn.__signature__ = sig.replace(parameters=[*fixed, *params])  # type: ignore[attr-defined]
        return fn

    return wrap


@app.command()
@_with_options(_config_options(finetune=False))
def train(
    task: Annotated[str, typer.Argument(help="The task to train: a domain, or one of its variants.")],
    out: Annotated[Path, typer.Option(help="Checkpoint directory to write.")] = Path("runs/model"),
    resume: Annotated[bool, typer.Option(help="Continue from the training state in --out.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    knob: Annotated[
        list[str] | None,
        typer.Option(help="Task setting NAME=VALUE, repeatable (e.g. --knob interface=paper for logic)."),
    ] = None,
    **opts: Any,
) -> None:
    """Train a model with silent thinking (defaults: the task's shipped recipe). Runs data-parallel under
    `torchrun --nproc-per-node N -m drt_agent.cli train ...`."""
    from .config import config_for
    from .distributed import maybe_init_distributed, shutdown_distributed
    from .errors import DrtError
    from .train import TrainingInterrupted
    from .train import train as run_train

    try:
        cfg = config_for(task, **_config_values(opts), task_knobs=_knobs(knob) if knob else None)
    except (DrtError, TypeError, ValueError) as exc:
        raise _fail(str(exc)) from None
    maybe_init_distributed()
    rank = int(os.environ.get("RANK", "0"))  # set by torchrun; every process trains, rank 0 writes
    try:
        run_train(cfg, out_dir=out, resume=resume, progress=progress)
    except DrtError as exc:  # e.g. --resume from a state trained with other settings
        raise _fail(str(exc)) from None
    except TrainingInterrupted as exc:
        raise _interrupted(exc) from None
    finally:
        shutdown_distributed()
    if rank == 0:
        typer.echo(f"checkpoint written to {out}", err=True)


@app.command()
def evaluate(
    model: Annotated[str, typer.Argument(help="Shipped checkpoint name or checkpoint directory.")],
    complexities: Annotated[
        str, typer.Option(help="Comma-separated complexity buckets.")
    ] = "1,2,3,4,5,6,8,10,12,16,24,32,64,128",
    n: Annotated[int, typer.Option(help="Problems per bucket.")] = 500,
    seed: Annotated[int, typer.Option(help="Seed of the test problems.")] = 1234,
    knob: Annotated[
        list[str] | None, typer.Option(help="Generator setting NAME=VALUE, e.g. --knob directed=true.")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Write the results as JSON here.")] = None,
) -> None:
    """Accuracy of the `auto` depth policy per complexity bucket, on fresh problems scored against exact solvers."""
    from .checkpoint import load_checkpoint
    from .errors import DrtError
    from .evaluate import evaluate_auto, sample_bucket

    buckets = _grid(complexities, "--complexities", 1, 1024)
    _check_sampling(n, seed)
    try:
        loaded = load_checkpoint(model)
    except DrtError as exc:
        raise _fail(str(exc)) from None
    knobs = _sample_knobs(type(loaded.task), knob)
    rows = []
    typer.echo("complexity  n    accuracy  median_steps  median_steps_pos  acc_at_3x")
    for c in buckets:
        try:
            _, batch = sample_bucket(loaded.task, c, n, seed, **knobs)
        except (TypeError, ValueError) as exc:
            raise _fail(f"cannot generate complexity {c} problems with these settings: {exc}") from None
        r = evaluate_auto(loaded.model, loaded.task, batch, c)
        rows.append(r.to_dict())
        typer.echo(
            f"{c:>10}  {r.n:<4} {r.accuracy:8.4f}  {r.median_steps:12.1f}  "
            f"{r.median_steps_positive if r.median_steps_positive is not None else float('nan'):16.1f}  {r.accuracy_at_3x:9.4f}"
        )
    if out is not None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps({"model": model, "seed": seed, "knobs": knobs, "rows": rows}, indent=2))
        except OSError as exc:
            raise _fail(f"cannot write --out {out}: {exc.strerror or exc}") from None


@app.command()
def mcp(
    model: Annotated[
        list[str] | None,
        typer.Option(help="DOMAIN=DIR: serve a checkpoint directory for a domain (repeatable)."),
    ] = None,
) -> None:
    """Serve the agent tools over MCP on stdio (client config: {"command": "drt-agent", "args": ["mcp"]})."""
    models: dict[str, str] = {}
    for item in model or []:
        domain, sep, path = item.partition("=")
        if not sep or not domain or not path:
            raise _fail(f"--model takes DOMAIN=DIR, e.g. --model graph=runs/graph, got {item!r}")
        models[domain] = path
    try:
        from .tools.mcp import main as serve
    except ImportError as exc:
        raise _fail(f"the MCP server needs the 'mcp' extra: pip install 'drt-agent[mcp]' ({exc})") from None
    serve(models or None)


@app.command()
@_with_options(_config_options(finetune=True))
def finetune(
    corpus: Annotated[
        Path, typer.Argument(help="JSON lines, each with 'text', an optional 'question', and 'answer'.")
    ],
    base: Annotated[str, typer.Option(help="Checkpoint to start from: a shipped name or a directory.")],
    out: Annotated[Path, typer.Option(help="Checkpoint directory to write.")] = Path("runs/finetuned"),
    resume: Annotated[bool, typer.Option(help="Continue from the training state in --out.")] = False,
    max_bad_lines: Annotated[
        float, typer.Option(help="Largest share of unreadable corpus lines to skip (they are reported).")
    ] = 0.1,
    strict: Annotated[bool, typer.Option(help="Refuse a corpus with any unreadable line.")] = False,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    **opts: Any,
) -> None:
    """Fine-tune a checkpoint of any domain on your own corpus: the training loop, started from the base (new
    words and answers are learned). The result loads with `drt-agent solve --model OUT` and Reasoner.load(OUT)."""
    from .distributed import maybe_init_distributed, shutdown_distributed
    from .errors import DrtError
    from .train import TrainingInterrupted
    from .train import finetune as run_finetune

    values = _config_values(opts)
    maybe_init_distributed()
    rank = int(os.environ.get("RANK", "0"))
    try:
        res = run_finetune(
            corpus,
            out,
            base=base,
            progress=progress,
            resume=resume,
            max_bad_lines=0.0 if strict else max_bad_lines,
            **values,
        )
    except DrtError as exc:
        raise _fail(str(exc)) from None
    except TrainingInterrupted as exc:
        raise _interrupted(exc) from None
    finally:
        shutdown_distributed()
    if rank != 0:
        return
    for line in res.skipped_lines:
        typer.echo(f"skipped {line}", err=True)
    typer.echo(
        f"held-out accuracy {res.holdout_before:.3f} -> {res.holdout_after:.3f} on {res.n_holdout} problems "
        f"({res.n_train} trained, {res.train_seconds:.0f} s, new words: {len(res.new_words)}, "
        f"new answers: {len(res.new_answers)}, skipped lines: {len(res.skipped_lines)}); checkpoint written to {out}"
    )


@app.command()
def frontier(
    model: Annotated[str, typer.Argument(help="Shipped checkpoint name or checkpoint directory.")],
    steps: Annotated[
        str, typer.Option(help="Comma-separated thinking-step counts.")
    ] = "1,2,3,4,5,6,8,10,12,16,24,32",
    complexities: Annotated[
        str, typer.Option(help="Comma-separated complexity buckets.")
    ] = "1,2,3,4,5,6,7,8,9,10,11,12",
    n: Annotated[int, typer.Option(help="Problems per cell.")] = 500,
    seed: Annotated[int, typer.Option(help="Seed of the test problems.")] = 1234,
    knob: Annotated[
        list[str] | None, typer.Option(help="Generator setting NAME=VALUE, e.g. --knob directed=true.")
    ] = None,
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("runs/frontier"),
    plot: Annotated[bool, typer.Option(help="Draw frontier.png (needs the 'plot' extra).")] = True,
    auto: Annotated[bool, typer.Option(help="Also measure the auto depth policy per bucket.")] = True,
    diagonal: Annotated[
        str,
        typer.Option(help="Comma-separated complexities to follow along the diagonal (steps = c-1, c, 3c)."),
    ] = "",
) -> None:
    """Accuracy over thinking steps x complexity (the computational frontier): JSON, CSV and a heatmap PNG."""
    from .checkpoint import load_checkpoint
    from .errors import DrtError
    from .frontier import compute_frontier, follow_diagonal, write_frontier

    grid = _grid(complexities, "--complexities", 1, 1024, empty=True)  # empty: follow only the diagonal
    step_counts = _grid(steps, "--steps", 1, 512)
    follow = _grid(diagonal, "--diagonal", 1, 1024, empty=True)
    _check_sampling(n, seed)
    try:
        knobs = _sample_knobs(type(load_checkpoint(model).task), knob)
    except DrtError as exc:
        raise _fail(str(exc)) from None
    try:
        fr = compute_frontier(
            model, step_counts, grid, n=n, seed=seed, with_auto=auto and bool(grid), **knobs
        )
        if follow:
            fr.diagonal = follow_diagonal(model, follow, n=n, seed=seed, **knobs)
        paths = write_frontier(fr, out, plot=plot and bool(grid))
    except DrtError as exc:
        raise _fail(str(exc)) from None
    except (TypeError, ValueError) as exc:  # the generator refused these settings
        raise _fail(f"cannot generate problems with these settings: {exc}") from None
    except OSError as exc:
        raise _fail(f"cannot write to --out {out}: {exc.strerror or exc}") from None
    header = "complexity " + " ".join(f"{s:>6}" for s in fr.steps)
    typer.echo(header)
    for c, row in zip(fr.complexities, fr.grid, strict=True):
        typer.echo(f"{c:>10} " + " ".join(f"{v:6.3f}" for v in row))
    for r in fr.diagonal:
        short = "  -  " if r["acc_one_short"] is None else f"{r['acc_one_short']:.3f}"
        typer.echo(
            f"diagonal {r['complexity']:>4} ({r['nodes'][0]}-{r['nodes'][1]} nodes): one step short {short}, "
            f"at {r['complexity']} steps {r['acc_at_c']:.3f}, at {3 * r['complexity']} steps {r['acc_at_3c']:.3f}"
        )
    typer.echo("wrote " + ", ".join(str(p) for p in paths), err=True)


def _installed_version() -> str:
    from importlib.metadata import version as pkg_version

    return pkg_version("drt-agent")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(_installed_version())
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the installed version and exit.", is_eager=True, callback=_print_version
        ),
    ] = False,
) -> None:
    """A depth-recurrent Transformer that reasons in latent space: graph reachability, boolean logic,
    relational text."""


@app.command()
def version() -> None:
    """Print the installed version (also `drt-agent --version`)."""
    typer.echo(_installed_version())


def _click_exception() -> type[Exception]:
    """click's ClickException, found through typer's public BadParameter (typer may vendor its own click)."""
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def run(argv: list[str] | None = None) -> int:
    """The command line as a function returning its exit status. A usage error (an unknown option, a value
    of the wrong type) is one line `error: ...` on stderr, exit 2, like every other error here."""
    click_exception = _click_exception()
    try:
        rv = app(args=argv, standalone_mode=False)
    except click_exception as exc:  # type: ignore[misc]
        if type(exc).__name__ == "NoArgsIsHelpError":  # the help was printed: that is the answer
            return int(getattr(exc, "exit_code", EXIT_USAGE))
        ctx = getattr(exc, "ctx", None)
        hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
        message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
        if sys.stderr is not None:
            print(f"error: {message}{hint}", file=sys.stderr)
        return int(getattr(exc, "exit_code", EXIT_USAGE))
    except typer.Abort:
        return 130
    return rv if isinstance(rv, int) and not isinstance(rv, bool) else 0


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
