"""Static files: the bridge's own (and Django admin's), blocks' packaged resources, course assets.

Served by the bridge itself so that one `jobintech serve` process is a complete site with no
collectstatic step and no web server in front; a reverse proxy can still cache them (they are
sent with Cache-Control).
"""
import mimetypes

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.views.decorators.clickjacking import xframe_options_exempt
from xblock.exceptions import DisallowedFileError

from lti_bridge.runtime.course import get_course
from lti_bridge.runtime.structure import UnavailableBlock

CACHE_SECONDS = 3600


def _file_response(handle, name):
    content_type, encoding = mimetypes.guess_type(name)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    if encoding:
        response.headers["Content-Encoding"] = encoding
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@xframe_options_exempt
def assets(request, path):
    """Files of the apps' static/ directories (lti_bridge/static, Django admin's)."""
    try:
        found = finders.find(path)
    except SuspiciousFileOperation:
        found = None
    if not found:
        raise Http404(path)
    return _file_response(open(found, "rb"), found)


@xframe_options_exempt
def xblock_resource(request, block_type, uri):
    """A block's public resource (XBlock.open_local_resource decides what is public)."""
    course = get_course()
    block_class = course.block_classes.get(block_type, UnavailableBlock)
    if block_class is UnavailableBlock:
        raise Http404(block_type)
    try:
        handle = block_class.open_local_resource(uri)
    except (DisallowedFileError, FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise Http404(uri) from None
    return _file_response(handle, uri)


@xframe_options_exempt
def course_static(request, path):
    """The course's own assets (course_content/static/), which authors link as /static/<file>."""
    found = get_course().static_file(path)
    if found is None:
        raise Http404(path)
    return _file_response(open(found, "rb"), str(found))
