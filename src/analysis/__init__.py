"""Shared helpers for the notebooks that rebuild the numbers in the policy documents.

Layers as folders (docs/CONTRIBUTING.md, "Where new code goes"): ``core`` (paths, atomic writes, the one data
loader, the claims ledger, the figure saver), ``estimators`` (they only estimate), ``studies/<topic>`` (each study's
data preparation, simulation, Monte Carlo and plots) and ``build`` (running the notebooks, the site, exports).
Importing the package imports none of them: each process loads only the layers it uses.
"""

__version__ = "0.1.0"
