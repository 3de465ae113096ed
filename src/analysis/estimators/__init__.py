"""Estimators: they take arrays or frames and return estimates; no files, no figures, no study constants."""

import warnings as _warnings

# pyfixest calls pandas APIs that pandas 3.1 flags for removal in pandas 4; harmless at the pinned versions, and
# they would bury the notebooks' own output.
try:
    from pandas.errors import Pandas4Warning as _Pandas4Warning

    _warnings.filterwarnings("ignore", category=_Pandas4Warning, module="pyfixest")
except ImportError:  # pragma: no cover - older pandas
    pass
