"""Build the wheel, install it without dependencies into a fresh venv, and import the mapped packages."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installs_parsers_and_tools_inside_the_package(tmp_path):
    dist = tmp_path / "dist"
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
        cwd=tmp_path,
    )
    wheel = next(dist.glob("drt_agent-*.whl"))
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
