"""Parts of the descriptions that several tariffs resources share (sources, licences, runs of fields)."""



LICENSES_PUBLIC_DOMAIN_US_GOV = [
    {
        "name": "public-domain-us-gov",
        "title": ("US government statistics (17 U.S.C. 105); secondary publishers keep copyright of their text "
         "(facts cited only)"),
    },
]
