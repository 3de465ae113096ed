"""Shared helpers for the notebooks that rebuild the numbers in the policy documents.

One module per concern: ``paths`` (where things live), ``io`` (atomic writes), ``data`` (the one loader,
validated against ``data/datapackage.json``), ``claims`` (the claims ledger), ``figures`` (house style and the
one figure saver), ``run`` (headless notebook execution); estimator and simulation modules build on them.
"""

__version__ = "0.1.0"
