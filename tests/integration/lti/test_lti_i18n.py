"""Refusals and LTI pages speak the learner's language: French by default, Arabic right to left."""
import html

from django.test import Client

from lti_bridge.lti import keys


def refused(client, platform_stub):
    auth, _ = platform_stub.authorize(client)
    claims, data = platform_stub.claims_for(auth, block="answer_check.ex_somme")
    kid = keys.public_jwk(platform_stub.private_key)["kid"]
    forged = platform_stub.sign(claims, key=keys.generate_private_key_pem(), headers={"kid": kid})
    return client.post("/lti/launch", {"id_token": forged, "state": data["state"]})


def test_refusal_in_french_by_default(course, platform, platform_stub):
    response = refused(Client(), platform_stub)
    body = html.unescape(response.content.decode())
    assert response.status_code == 400 and 'lang="fr"' in body
    assert "La signature de l'id_token ne se vérifie pas avec la clé de la plateforme." in body
    assert "Le lancement LTI a été refusé" in body


def test_refusal_in_arabic_is_right_to_left(course, platform, platform_stub, settings):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    body = html.unescape(refused(client, platform_stub).content.decode())
    assert 'dir="rtl"' in body and "توقيع الرمز id_token لا يتحقق بمفتاح المنصة." in body


def test_launch_locale_sets_the_page_language(client, course, platform, platform_stub):
    response = platform_stub.launch(client, block="answer_check.ex_somme", locale="ar-MA")
    assert response.status_code == 200 and 'dir="rtl"' in response.content.decode()
    # and the learner's next pages keep it (the bridge's session language)
    assert client.get("/").content.decode().count('dir="rtl"') >= 1


def test_launch_language_survives_a_browser_without_cookies(course, platform, platform_stub):
    client = Client()
    auth, _ = platform_stub.authorize(client)
    data = platform_stub.launch_data(auth, block="answer_check.ex_somme", locale="ar")
    launched = client.post("/lti/launch", {"id_token": data["id_token"], "state": data["state"]})
    assert launched.status_code == 303
    page = Client().get(launched["Location"])  # the activity page, without the session cookie
    assert page.status_code == 200 and 'dir="rtl"' in page.content.decode()
