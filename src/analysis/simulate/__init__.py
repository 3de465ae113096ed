"""Seeded, documented data-generating processes for designs whose microdata are confidential.

One module per study (``energy``: Wehrhöfer's households and firms; ``gvc``: the Mexico GVC design). Every function
takes ``seed`` and draws from a local ``numpy.random.default_rng``; every parameter says whether it comes from the
study, from public data, or is an assumption. Output is always *simulated* and must be labelled so.
"""
