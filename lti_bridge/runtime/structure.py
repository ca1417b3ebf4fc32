"""Open edX's structural tags as small XBlocks of the bridge: course, chapter, sequential, vertical.

In Open edX these come from edx-platform; the bridge only needs them to hold the tree together
and to render their children in order. `UnavailableBlock` stands in for a block whose type is
not installed, so one missing plugin does not take the whole course down.
"""
from django.utils.html import escape
from django.utils.translation import gettext as _
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Dict, Scope, String


class _OlxAttributes:
    """parse_xml for blocks whose unknown attributes (org, start, ...) are kept, not warned about."""

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        extra = {}
        for name, value in node.items():
            if name in block.fields and name not in ("children", "parent", "xml_attributes"):
                setattr(block, name, block.fields[name].from_string(value))
            else:
                extra[name] = value
        block.xml_attributes = extra
        if cls.has_children:
            for child in node:
                if isinstance(child.tag, str):
                    runtime.add_node_as_child(block, child)
        return block


class ContainerBlock(_OlxAttributes, XBlock):
    """A block that shows its children one after the other."""

    has_children = True
    heading_tag = None  # h2/h3 to title the children, or None to show them without a title

    display_name = String(scope=Scope.settings, default="")
    xml_attributes = Dict(scope=Scope.settings, default={})

    def student_view(self, context=None):
        frag = Fragment()
        parts = [f'<div class="jit-container jit-{self.scope_ids.block_type}">']
        # show_title=False is about this block (the page shows its title), never its children.
        child_context = {k: v for k, v in (context or {}).items() if k != "show_title"}
        for child_id in self.children:
            child = self.runtime.get_block(child_id)
            child_frag = self.runtime.render_child(child, "student_view", child_context)
            frag.add_fragment_resources(child_frag)
            title = getattr(child, "display_name", "") or ""
            if self.heading_tag and title:
                parts.append(f"<{self.heading_tag} class=\"jit-child-title\">{escape(title)}</{self.heading_tag}>")
            parts.append(child_frag.body_html())
        parts.append("</div>")
        frag.add_content("".join(parts))
        return frag


class CourseBlock(ContainerBlock):
    heading_tag = "h2"


class ChapterBlock(ContainerBlock):
    heading_tag = "h3"


class SequentialBlock(ContainerBlock):
    heading_tag = "h4"


class VerticalBlock(ContainerBlock):
    heading_tag = None


class UnavailableBlock(_OlxAttributes, XBlock):
    """Shown instead of a block whose XBlock type is not installed on this server."""

    has_children = False
    display_name = String(scope=Scope.settings, default="")
    xml_attributes = Dict(scope=Scope.settings, default={})

    def student_view(self, context=None):
        message = _("This activity cannot be shown: its type “%(type)s” is not installed on this server.") % {
            "type": self.scope_ids.block_type
        }
        return Fragment(f'<div class="jit-unavailable" role="alert">{escape(message)}</div>')


STRUCTURAL_BLOCKS = {
    "course": CourseBlock,
    "chapter": ChapterBlock,
    "sequential": SequentialBlock,
    "vertical": VerticalBlock,
}
