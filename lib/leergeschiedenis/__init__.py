"""leergeschiedenis: from a proeftuin's registrations to its yearly learning history."""

from .config import Config
from .dataset import Dataset, load
from .errors import LeergeschiedenisError, OnleesbareData
from .problems import Accounting, Problem
from .version import __version__

__all__ = ["Accounting", "Config", "Dataset", "LeergeschiedenisError", "OnleesbareData", "Problem", "__version__", "load"]
