"""leergeschiedenis: from a proeftuin's registrations to its yearly learning history."""

__version__ = "0.1.0"  # before the imports: the cache keys on it

from .config import Config
from .dataset import Dataset, load
from .errors import LeergeschiedenisError, OnleesbareData
from .problems import Accounting, Problem

__all__ = ["Accounting", "Config", "Dataset", "LeergeschiedenisError", "OnleesbareData", "Problem", "__version__", "load"]
