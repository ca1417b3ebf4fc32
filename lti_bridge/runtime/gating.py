"""Mastery gating enforced by the bridge: a step its module locks is neither shown nor callable.

A bootcamp_module leaves locked steps out of its page, but a learner can still build a locked
step's preview or handler URL by hand. So before rendering a page or calling a handler, the bridge
asks every enclosing block that gates its children whether the block on the way down is locked
for this learner. The rule is the block's own (bootcamp_module's `locked_step_reason`, which uses
progress.gate): the bridge never re-implements it, and staff pass because the block says so.

Only modules at or below the runtime's gating root gate: when a university's LMS places a single
exercise that sits inside a module, the LMS is the course there, and the module's order does not
apply (the preview, rooted at the course, gates everything).
"""
LOCK_METHOD = "locked_step_reason"


def lock_reason(runtime, usage_id):
    """The translated reason why *usage_id* is locked for the runtime's learner, or None if open."""
    course = runtime.course
    path = course.ancestors(usage_id) + [usage_id]
    root = getattr(runtime, "gating_root", None)
    if root in path:
        path = path[path.index(root):]
    for parent, child in zip(path, path[1:]):
        block_class = course.block_class(course.block_type(parent))
        if not callable(getattr(block_class, LOCK_METHOD, None)):
            continue
        runtime.prefetch(course.walk(parent))  # the gate reads every step's score: one query
        reason = getattr(runtime.get_block(parent), LOCK_METHOD)(child)
        if reason:
            return reason
    return None
