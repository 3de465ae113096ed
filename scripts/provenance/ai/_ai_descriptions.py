"""Parts of the descriptions that several ai resources share (sources, licences, runs of fields)."""



LICENSES_CC_BY_4_0 = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": ("Epoch AI data: CC BY 4.0. Cite: Epoch AI, 'Data on AI Models'. Published online at epoch.ai. "
         "Retrieved from https://epoch.ai/data/ai-models"),
    },
]
