"""URLs of the bridge.

/                      course catalog           /preview/<usage_id>   learner preview (no LMS)
/xblock/...            block handlers and packaged resources
/course-static/<path>  the course's assets      /static/<path>        the site's assets
/admin/                operators: platforms, learners, scores, outbox
/lti/                  the LTI 1.3 tool (lti_bridge/lti/urls.py, when present); instructor
                       pages (grade book, regrade) belong there too, behind the LTI launch roles.
"""
import importlib.util

from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path

from lti_bridge.views import assets, handlers, pages



def robots(request):
    # Each preview visit creates an anonymous learner: keep crawlers out of the preview.
    return HttpResponse("User-agent: *\nDisallow: /preview/\nDisallow: /xblock/\nDisallow: /lti/\n",
                        content_type="text/plain")


urlpatterns = [
    path("", pages.catalog, name="catalog"),
    path("robots.txt", robots, name="robots"),
    path("preview/reset", pages.preview_reset, name="preview_reset"),
    path("preview/<str:usage_id>", pages.preview, name="preview"),
    path("xblock/<str:usage_id>/handler/<str:handler>", handlers.xblock_handler, name="xblock_handler"),
    path("xblock/<str:usage_id>/handler/<str:handler>/<path:suffix>", handlers.xblock_handler,
         name="xblock_handler_suffix"),
    path("xblock/resource/<str:block_type>/<path:uri>", assets.xblock_resource, name="xblock_resource"),
    path("course-static/<path:path>", assets.course_static, name="course_static"),
    path("static/<path:path>", assets.assets, name="assets"),
    path("admin/", admin.site.urls),
]

# The LTI package plugs its views in without editing this file.
if importlib.util.find_spec("lti_bridge.lti.urls") is not None:
    urlpatterns.append(path("lti/", include("lti_bridge.lti.urls")))
