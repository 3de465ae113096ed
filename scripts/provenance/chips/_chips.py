"""What the chips scripts share: the date the values were read and the source splitter of the compilation."""
import re

READ = "2026-11-28"  # date the values were read (compilation tables re-read and search-tool pages consulted)


def split_source(text):
    """'Publisher note, https://url' -> (publisher text, url)."""
    m = re.search(r"(https?://\S+)\s*$", text)
    if not m:
        return text.strip(), ""
    return text[: m.start()].rstrip(" ,"), m[1]
