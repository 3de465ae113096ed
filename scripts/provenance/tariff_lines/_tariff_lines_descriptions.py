"""Parts of the descriptions that several tariff_lines resources share (sources, licences, runs of fields)."""



LICENSES_PUBLIC_DOMAIN_US_GOV = [
    {
        "name": "public-domain-us-gov",
        "title": "US government works (17 U.S.C. 105); compilers' copies used as transport only",
    },
]
