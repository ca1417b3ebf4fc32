"""Markdown to sanitised HTML, with code samples highlighted on the server (Pygments, no JS/CDN).

Authors write Markdown; learners only ever receive HTML that went through nh3's allow-list.
"""
from __future__ import annotations

import re

import markdown
import nh3

_EXTENSIONS = ["fenced_code", "codehilite", "tables", "sane_lists", "attr_list"]
_EXTENSION_CONFIG = {"codehilite": {"guess_lang": False, "css_class": "jit-code"}}

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "span": {"class"}, "div": {"class"}, "code": {"class"}, "pre": {"class"},
    "td": {"align"}, "th": {"align"},
}


def render_markdown(text: str, static_url=None) -> str:
    """Render *text* to safe HTML. *static_url(path)*, if given, rewrites `/static/x.png` image
    and link targets to the course's asset URLs (what Open edX does with /static/ paths)."""
    html = markdown.markdown(text or "", extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIG)
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    if static_url is not None:
        clean = _rewrite_static(clean, static_url)
    return clean


def _rewrite_static(html: str, static_url) -> str:
    def repl(match):
        attr, path = match.group(1), match.group(2)
        return f'{attr}="{static_url(path)}"'

    return re.sub(r'(src|href)="/static/([^"]+)"', repl, html)


def pygments_css() -> str:
    """The stylesheet for highlighted code (class .jit-code), for the blocks' static CSS."""
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style="friendly").get_style_defs(".jit-code")
