from django.urls import path

from . import deep_link_views, instructor_views, register_views, views

app_name = "lti"

urlpatterns = [
    path("login", views.login, name="login"),
    path("launch", views.launch, name="launch"),
    path("jwks.json", views.jwks, name="jwks"),
    path("activity", views.activity, name="activity"),
    path("deep-link", deep_link_views.deep_link, name="deep_link"),
    path("register", register_views.register, name="register"),
    path("instructor", instructor_views.instructor, name="instructor"),
]
