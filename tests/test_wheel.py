"""The built wheel: its layout, its metadata, and every tool answering in each documented install.

`pip install "drt-agent[langchain]"` and `pip install "drt-agent[mcp]"` are each installed into a fresh venv (the
project's constraints file kept, torch from this machine's local CPU wheel via pip's find-links) and must answer
one question per domain through every tool they offer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOCAL_WHEELS = Path("/opt/wheels")  # this machine's CPU torch wheel; pip's config already names it


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        cwd=dist,
    )
    return next(dist.glob("drt_agent-*.whl"))


def test_wheel_installs_parsers_and_tools_inside_the_package(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    site = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the fresh venv sees the test environment's packages (torch, pydantic, ...) but not its editable drt_agent
    Path(site, "test-env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", site, str(wheel)], check=True
    )
    code = (
        "import drt_agent, drt_agent.parsers, drt_agent.tools, pathlib;"
        "from drt_agent.checkpoint import shipped_names;"
        "assert 'graph' in shipped_names(), shipped_names();"
        "print(pathlib.Path(drt_agent.__file__).parent)"
    )
    out = subprocess.run([py, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()).is_relative_to(Path(site)), out.stdout
    top = subprocess.run([py, "-c", "import tools"], capture_output=True, text=True, cwd=tmp_path)
    assert top.returncode != 0, "no generic top-level 'tools' module may be installed"


def test_wheel_metadata_license_and_types(wheel: Path) -> None:
    """SPDX license expression, the LICENSE file, py.typed, and spaCy as a core dependency."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "drt_agent/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in meta.splitlines()
    assert not any(line.startswith("License: ") for line in meta.splitlines())  # the deprecated table form
    core = [
        line for line in meta.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    assert any(line.startswith("Requires-Dist: spacy") for line in core), core


QUESTIONS = (
    "CALLS = ["
    "('graph_reachability', {'text': 'A-B, B-C, C-D. Is A connected to D?'}, True),"
    "('graph_reachability', {'edges': [{'src': 'x', 'dst': 'y'}], 'source': 'y', 'target': 'x', 'directed': True},"
    " False),"
    "('boolean_logic', {'expression': 'not (True and False) or False'}, True),"
    "('relational_reasoning', {'story': 'Ann is the mother of Bob. Bob is the father of Cy.',"
    " 'question': 'How is Ann related to Cy?'}, 'grandmother'),"
    "('drt_solve', {'text': 'Ann is the mother of Bob. Carol is the sister of Ann. How is Carol related to Bob?'},"
    " 'aunt'),"
    "('drt_solve', {'text': 'T and not F'}, True),"
    "]\n"
)

LANGCHAIN_CHECK = (
    QUESTIONS
    + """
import importlib.util
from drt_agent.tools.langchain import get_tools
tools = {t.name: t for t in get_tools()}
assert set(tools) == {name for name, _, _ in CALLS}, sorted(tools)
for i, (name, args, expected) in enumerate(CALLS):
    msg = tools[name].invoke({"type": "tool_call", "id": str(i), "name": name, "args": args})
    assert msg.status == "success" and msg.artifact["answer"] == expected, (name, msg.content)
assert importlib.util.find_spec("mcp") is None, "the langchain extra must not bring mcp"
print("answered", len(CALLS))
"""
)

MCP_CHECK = (
    QUESTIONS
    + """
import asyncio, importlib.util, os, sys
from mcp import Client, StdioServerParameters

async def main():
    server = StdioServerParameters(command=os.path.join(os.path.dirname(sys.executable), "drt-agent"), args=["mcp"])
    async with Client(server, read_timeout_seconds=180) as client:
        names = {t.name for t in (await client.list_tools()).tools}
        assert names == {name for name, _, _ in CALLS}, sorted(names)
        for name, args, expected in CALLS:
            result = await client.call_tool(name, args)
            assert not result.is_error and result.structured_content["solution"]["answer"] == expected, (
                name, result.content)

asyncio.run(main())
assert importlib.util.find_spec("langchain_core") is None, "the mcp extra must not bring langchain-core"
print("answered", len(CALLS))
"""
)


def _fresh_install(wheel: Path, extra: str, where: Path) -> Path:
    """A fresh venv with `drt-agent[extra]` installed the documented way, pins from constraints.txt."""
    venv.EnvBuilder(with_pip=True).create(where)
    py = where / "bin" / "python"
    cmd = [
        str(py),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
        "-c",
        str(ROOT / "constraints.txt"),
    ]
    if LOCAL_WHEELS.is_dir():
        cmd += ["--find-links", str(LOCAL_WHEELS)]
    proc = subprocess.run([*cmd, f"{wheel}[{extra}]"], capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return py


@pytest.mark.slow
@pytest.mark.parametrize(("extra", "check"), [("langchain", LANGCHAIN_CHECK), ("mcp", MCP_CHECK)])
def test_each_documented_install_answers_every_domain(
    wheel: Path, tmp_path: Path, extra: str, check: str
) -> None:
    """Every tool the install offers answers its question: the relational one included (spaCy comes with the
    core install), through LangChain in the langchain install and through `drt-agent mcp` in the mcp one."""
    py = _fresh_install(wheel, extra, tmp_path / f"venv-{extra}")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    out = subprocess.run(
        [str(py), "-c", check], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600
    )
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-3000:]
    assert out.stdout.strip().endswith("answered 6")
