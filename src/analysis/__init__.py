"""Shared helpers for the notebooks that rebuild the numbers in the policy documents.

One module per concern: ``paths`` (where things live), ``io`` (atomic writes), ``data`` (the one loader,
validated against ``data/datapackage.json``), ``claims`` (the claims ledger), ``figures`` (house style and the
one figure saver), ``run`` (headless notebook execution); estimator and simulation modules build on them.
"""

__version__ = "0.1.0"

import warnings as _warnings

# pyfixest 0.60 calls pandas APIs that pandas 3.1 flags for removal in pandas 4; harmless at the pinned versions,
# and they would bury the notebooks' own output.
try:
    from pandas.errors import Pandas4Warning as _Pandas4Warning

    _warnings.filterwarnings("ignore", category=_Pandas4Warning, module="pyfixest")
except ImportError:  # pragma: no cover - older pandas
    pass

# Tables in the notebooks show their text in full (the site wraps long cells; a reason cut at 50 characters with
# "..." is a reason a reader cannot check).
try:
    import pandas as _pd

    _pd.set_option("display.max_colwidth", None)
except ImportError:  # pragma: no cover - pandas is a dependency
    pass
