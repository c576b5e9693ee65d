"""Starting JupyterLab for a workshop: Indonesian, offline, on the workshop folder.

``minilab lab`` (and ``make lab``) run :func:`start`. The configuration lives
with the package in ``lab_lib/workshop/jupyterlab/``:

- ``settings/overrides.json`` makes the Indonesian language pack
  (``jupyterlab-language-pack-id-id``, locale ``id_ID``) the default interface
  and turns off the news feed, the update check and the extension manager,
  which would otherwise reach the internet;
- ``jupyter_lab_config.json`` turns the same three off on the server side and
  listens on 127.0.0.1 only.

What a participant changes in the settings, and the layout of their open tabs,
is kept in ``.minilab/jupyterlab/`` of the project (or the folder that
``MINILAB_LAB_STATE`` names), apart from any other JupyterLab on the laptop,
so an English choice made elsewhere does not carry over. Before the server
starts, the sample agency spreadsheets are generated when missing and the
workshop notebooks are trusted, so the maps in their saved outputs show when a
notebook is opened again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbformat.sign import NotebookNotary

__all__ = [
    "CONFIG_DIR",
    "LOCALE",
    "WORKSHOP_DIR",
    "arguments",
    "prepare",
    "start",
]

REPO = Path(__file__).resolve().parents[2]
WORKSHOP_DIR = REPO / "notebooks" / "workshop"
CONFIG_DIR = Path(__file__).resolve().parent / "jupyterlab"
STATE_DIR = REPO / ".minilab" / "jupyterlab"
STATE_ENV = "MINILAB_LAB_STATE"
LOCALE = "id_ID"


def arguments(
    folder: Path = WORKSHOP_DIR,
    *,
    port: int | None = None,
    token: str | None = None,
    open_browser: bool = True,
    state_dir: Path = STATE_DIR,
) -> list[str]:
    """The ``jupyter lab`` options that serve ``folder`` for a workshop.

    Parameters
    ----------
    folder : Path
        Folder shown in JupyterLab's file browser (the workshop notebooks).
    port : int, optional
        Port on 127.0.0.1; JupyterLab picks a free one from 8888 when omitted.
    token : str, optional
        Login token; JupyterLab makes one up (and prints the URL) when omitted.
    open_browser : bool
        Whether to open the default browser on the lab.
    state_dir : Path
        Where the participant's settings and workspaces are kept.

    Returns
    -------
    list of str
    """
    options = [
        f"--config={CONFIG_DIR / 'jupyter_lab_config.json'}",
        f"--LabApp.app_settings_dir={CONFIG_DIR / 'settings'}",
        f"--LabApp.user_settings_dir={state_dir / 'user-settings'}",
        f"--LabApp.workspaces_dir={state_dir / 'workspaces'}",
        f"--ServerApp.root_dir={Path(folder).resolve()}",
        f"--ServerApp.open_browser={open_browser}",
    ]
    if port is not None:
        options += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if token is not None:
        options.append(f"--IdentityProvider.token={token}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Containers and CI machines often run everything as root.
        options.append("--allow-root")
    return options


def prepare(folder: Path = WORKSHOP_DIR) -> list[Path]:
    """Generate the sample agency files when missing and trust the notebooks.

    Returns
    -------
    list of Path
        The notebooks that were trusted.
    """
    from lab_lib.workshop import agency_files

    agency_files.ensure(Path(folder) / "data")
    notary = NotebookNotary()
    trusted = []
    for path in sorted(Path(folder).glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        if not notary.check_signature(notebook):
            notary.sign(notebook)
        trusted.append(path)
    return trusted


def start(
    folder: Path = WORKSHOP_DIR,
    *,
    port: int | None = None,
    open_browser: bool = True,
) -> None:
    """Prepare the workshop folder and run JupyterLab on it until it is stopped.

    JupyterLab runs in this process. The lab's own ``bin`` folder goes first on
    ``PATH``, so a ``!minilab`` line in a notebook finds the command.
    """
    from jupyterlab.labapp import LabApp

    prepare(folder)
    bin_dir = str(Path(sys.executable).parent)
    os.environ["PATH"] = os.pathsep.join([bin_dir, os.environ.get("PATH", "")])
    chosen = os.environ.get(STATE_ENV)
    state = Path(chosen).expanduser().resolve() if chosen else STATE_DIR
    options = arguments(folder, port=port, open_browser=open_browser, state_dir=state)
    LabApp.launch_instance(argv=options)
