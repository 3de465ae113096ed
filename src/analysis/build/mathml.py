"""Maths on the site as MathML, rendered at build time (latex2mathml): browsers draw it natively, so the pages need
no MathJax, no web fonts, nothing fetched. Its own module because the generated Sphinx ``conf.py`` imports it, and
Sphinx should not import pandas and matplotlib with the site builder to get it."""

from __future__ import annotations

import html


def mathml(latex: str, display: bool) -> str:
    """MathML for a LaTeX string; the LaTeX itself (as code) if latex2mathml cannot parse it."""
    from latex2mathml.converter import convert

    try:
        return convert(latex.strip(), display="block" if display else "inline")
    except Exception:  # an unsupported macro: show the source rather than fail the build
        return f'<code class="math-source">{html.escape(latex)}</code>'


def setup_mathml(app) -> None:
    """Register the ``mathml`` HTML math renderer (used by the generated conf.py)."""
    from docutils import nodes

    def inline(self, node):
        self.body.append(self.starttag(node, "span", "", CLASS="math notranslate"))
        self.body.append(mathml(node.astext(), False) + "</span>")
        raise nodes.SkipNode

    def block(self, node):
        self.body.append(self.starttag(node, "div", CLASS="math notranslate"))
        latex = node.astext()
        if node.get("nowrap") and not latex.lstrip().startswith("\\begin"):
            latex = latex.strip()
        self.body.append(mathml(latex, True) + "</div>\n")
        raise nodes.SkipNode

    app.add_html_math_renderer("mathml", (inline, None), (block, None))
