"""The project's shape: dependencies in step, lint clean, portable code."""

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


# conda-forge names that differ from the PyPI name of the same package.
CONDA_TO_PYPI = {"playwright-python": "playwright"}


def _requirement(spec: str) -> tuple[str, str]:
    """("intake", "==2.0.9") from "intake==2.0.9" or conda's "intake==2.0.9"."""
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", spec)
    assert match, spec
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def test_conda_and_pip_list_the_same_runtime_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pip_side = dict(_requirement(s) for s in project["project"]["dependencies"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda_side = {}
    for item in env["dependencies"]:
        specs = item["pip"] if isinstance(item, dict) else [item]
        for spec in specs:
            if spec.startswith("-e") or spec.split(">")[0].split("=")[0] in {
                "python",
                "pip",
            }:
                continue
            name, version = _requirement(spec)
            conda_side[CONDA_TO_PYPI.get(name, name)] = version
    assert conda_side == pip_side


def test_intake_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "intake==2.0.9" in project["project"]["dependencies"]


def test_minilab_command_is_installed():
    script = Path(sys.executable).parent / "minilab"
    assert script.exists() or shutil.which("minilab")


def test_ruff_lint_and_format_are_clean():
    ruff = [sys.executable, "-m", "ruff"]
    lint = subprocess.run([*ruff, "check", str(ROOT)], capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    form = subprocess.run(
        [*ruff, "format", "--check", str(ROOT)], capture_output=True, text=True
    )
    assert form.returncode == 0, form.stdout + form.stderr


@pytest.mark.parametrize("path", sorted(ROOT.glob("notebooks/**/*.ipynb")), ids=str)
def test_notebooks_are_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path


def test_library_has_no_shell_calls_or_posix_only_modules():
    """Workshop laptops run Windows: lab_lib uses pathlib and no shell."""
    banned_modules = {"subprocess", "pwd", "grp", "fcntl", "termios", "resource"}
    banned_calls = {"system", "popen", "fork", "spawnl", "spawnv"}
    for path in (ROOT / "lab_lib").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names]
                if isinstance(node, ast.ImportFrom) and node.module:
                    names.append(node.module)
                assert not banned_modules & {n.split(".")[0] for n in names}, path
            if isinstance(node, ast.Attribute) and node.attr in banned_calls:
                assert not (isinstance(node.value, ast.Name) and node.value.id == "os")
        assert "'/tmp" not in path.read_text(encoding="utf-8"), path


def test_generated_briefs_stay_out_of_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "papers/*" in ignored and ".venv/" in ignored
