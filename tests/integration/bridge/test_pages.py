"""Catalog and learner preview rendered by the real runtime, in French, Arabic and English."""
import pytest

pytestmark = pytest.mark.django_db


def test_catalog_lists_chapters_units_and_activities_in_french(client, course):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    for title in ("Les bases", "Premiers pas", "Somme de deux nombres", "Pour aller plus loin", "Votre avis"):
        assert title in html
    assert 'href="/preview/vertical.u_somme"' in html
    assert "Catalogue" in html  # the page's own strings are translated


def test_catalog_in_arabic_is_right_to_left_and_remembered(client, course):
    html = client.get("/?lang=ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الفهرس" in html
    # The choice is kept in a cookie for the next pages.
    assert '<html lang="ar" dir="rtl">' in client.get("/preview/vertical.u_somme").content.decode()
    assert '<html lang="en" dir="ltr">' in client.get("/?lang=en").content.decode()


def test_browser_language_does_not_override_french(client, course):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="fr"' in html


def test_preview_renders_unit_with_block_resources(client, course):
    response = client.get("/preview/vertical.u_somme")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" in html and "Somme de deux nombres" in html
    assert 'data-usage-id="echo_exercise.ex_somme"' in html
    assert 'data-init="EchoExerciseBlock"' in html
    assert ".echo { border: 1px solid #ccc; }" in html           # the fragment's CSS
    assert "function EchoExerciseBlock(runtime, element, args)" in html  # and its JavaScript
    assert 'class="xblock-json-init-args">{"hint": 1}' in html
    assert "/static/lti_bridge/xblock-runtime.js" in html
    assert 'data-usage-id="thumbs.avis_somme"' in html and 'data-init="ThumbsBlock"' in html
    assert "/xblock/resource/echo_exercise/public/ok.txt" in html
    # LMSs embed these pages in an iframe.
    assert "X-Frame-Options" not in response.headers


def test_preview_navigation_between_units(client, course):
    html = client.get("/preview/vertical.u_inline").content.decode()
    assert 'rel="prev" href="/preview/vertical.u_somme"' in html
    assert 'rel="next" href="/preview/vertical.u_vote"' in html
    assert 'href="/preview/sequential.seq_premiers_pas"' in html  # breadcrumb


def test_preview_of_a_whole_chapter_renders_children_in_order(client, course):
    html = client.get("/preview/chapter.ch_bases").content.decode()
    assert html.index("Somme de deux nombres") < html.index("Unité écrite sur place")
    assert html.index("ex_somme") < html.index("ex_capitale")


def test_unknown_activity_is_a_friendly_404(client, course):
    response = client.get("/preview/vertical.nope")
    assert response.status_code == 404
    assert "vertical.nope" in response.content.decode()


def test_uninstalled_block_shows_a_message_not_an_error(client, tmp_path, settings):
    from lti_bridge.runtime.course import load_course, set_course

    (tmp_path / "course.xml").write_text(
        "<course display_name='X'><chapter url_name='c' display_name='C'><sequential url_name='s'>"
        "<vertical url_name='v' display_name='V'><no_such_block_xyz url_name='b' a='1'/></vertical>"
        "</sequential></chapter></course>", encoding="utf-8")
    set_course(load_course(tmp_path))
    try:
        response = client.get("/preview/vertical.v")
        assert response.status_code == 200
        assert "no_such_block_xyz" in response.content.decode()
        assert "jit-unavailable" in response.content.decode()
    finally:
        set_course(None)


def test_static_files(client, course):
    assert client.get("/static/lti_bridge/bridge.css").status_code == 200
    assert client.get("/static/admin/css/base.css").status_code == 200  # admin works with DEBUG off
    assert client.get("/static/../settings.py").status_code == 404
    response = client.get("/course-static/bienvenue.txt")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"Bienvenue au bootcamp.\n"
    assert client.get("/course-static/../course.xml").status_code == 404
    response = client.get("/xblock/resource/echo_exercise/public/ok.txt")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"ok\n"
    assert client.get("/xblock/resource/echo_exercise/__init__.py").status_code == 404  # not public
    assert client.get("/xblock/resource/echo_exercise/public/../__init__.py").status_code == 404
    assert client.get("/xblock/resource/unknown_type/public/x.txt").status_code == 404


def test_admin_is_not_frameable(client, course):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "DENY"


def test_preview_reset_gives_a_new_learner(client, course):
    from lti_bridge.models import Learner

    client.get("/preview/vertical.u_somme")
    first = client.session["jobintech_learner"]
    assert client.post("/preview/reset", {"next": "//evil.example/"}).url == "/"
    client.get("/preview/vertical.u_somme")
    assert client.session["jobintech_learner"] != first
    assert Learner.objects.filter(platform__kind="preview").count() == 2


def test_page_for_an_lms_learner_has_no_links_out_of_the_activity(rf, course, lti_platform):
    from django.contrib.sessions.backends.db import SessionStore

    from lti_bridge.views.pages import render_block_page

    from .conftest import make_learner

    request = rf.post("/lti/launch")
    request.session = SessionStore()
    response = render_block_page(request, course, make_learner(lti_platform), "vertical.u_somme")
    html = response.content.decode()
    assert response.status_code == 200 and response.xframe_options_exempt
    assert 'data-usage-id="echo_exercise.ex_somme"' in html
    assert 'href="/"' not in html and "?lang=" not in html and "/preview/" not in html


def test_crawlers_are_kept_out_of_the_preview(client, course):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and "Disallow: /preview/" in response.content.decode()


def test_stale_preview_learners_are_purged(client, course, lti_platform):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from lti_bridge.models import Learner, Platform

    from .conftest import make_learner

    old = Learner.objects.create(platform=Platform.preview(), sub="preview-old",
                                 last_seen_at=timezone.now() - timedelta(days=40))
    recent = Learner.objects.create(platform=Platform.preview(), sub="preview-recent")
    lms_learner = make_learner(lti_platform)
    Learner.objects.filter(pk=lms_learner.pk).update(last_seen_at=timezone.now() - timedelta(days=400))
    call_command("purge_preview_learners", "--days", "30")
    assert set(Learner.objects.values_list("pk", flat=True)) == {recent.pk, lms_learner.pk}
