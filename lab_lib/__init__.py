"""Mini-Lab IPW: planning analysis for Bappeda Provinsi Maluku Utara.

The data flow runs one way: the MARIMOI catalog (:mod:`lab_lib.catalog`) feeds
the analysis modules, which feed the theme notebooks, which :mod:`lab_lib.paper`
turns into policy briefs. :mod:`lab_lib.regions` is shared by all of them.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("minilab-ipw")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
