"""An independent LTI 1.3 platform for the tests, built on the `lti1p3platform` package.

The platform side (OIDC login initiation, signed launch messages, access tokens, validation of
our deep linking responses and client assertions) is done by lti1p3platform, not by the code
under test. Its service endpoints (JWKS, token, line items, scores, memberships) are served by a
real HTTP server on 127.0.0.1 in a thread, which the tests can stop and start again.
"""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from lti1p3platform.exceptions import LtiException
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request

from lti_bridge.lti import keys, toolkeys

TOOL = "http://testserver"
LEARNER = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]
INSTRUCTOR = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]
REGISTRATION_TOKEN = "reg-token-123"
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
SCOPES_ALL = [
    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
    "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
    "https://purl.imsglobal.org/spec/lti-ags/scope/score",
]


# A course page of the LMS: frames the tool and offers LTI client-side postMessage storage.
LMS_PAGE = """<!DOCTYPE html><html><body>
<script>
var store = {};
window.addEventListener("message", function (event) {
  var m = event.data || {};
  if (m.subject === "lti.put_data") { store[m.key] = m.value; }
  if (m.subject === "lti.put_data" || m.subject === "lti.get_data") {
    event.source.postMessage({subject: m.subject + ".response", message_id: m.message_id, key: m.key,
                              value: store[m.key]}, event.origin);
  }
});
</script>
<iframe id="tool" name="tool" width="900" height="700"></iframe>
<script>document.getElementById("tool").src = LOGIN_URL;</script>
</body></html>"""

AUTO_POST = """<!DOCTYPE html><html><body>
<form method="post" action="{action}"><input type="hidden" name="id_token" value="{id_token}">
<input type="hidden" name="state" value="{state}"></form><script>document.forms[0].submit();</script>
</body></html>"""


class _Conf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, **kwargs):
        self.stub = kwargs["stub"]

    def get_registration_by_params(self, **kwargs):
        return self.stub.registration


class _Request(Request):
    def build_metadata(self, request):
        return {"method": "GET", "form_data": {}, "get_data": request, "headers": {},
                "content_type": None, "path": "/auth", "json": None}


class _Login(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs):
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url):
        return url


class _Launch(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data, **kwargs):
        return launch_data


class StubPlatform:
    """One LMS: its keys, registration, and HTTP services (start() before use)."""

    def __init__(self, client_id="jobintech-tool", deployment_id="dep-1", tool=TOOL):
        self.tool = tool  # the bridge's origin, as the LMS administrator typed it
        self.private_key = keys.generate_private_key_pem()
        self.client_id, self.deployment_id = client_id, deployment_id
        self.lineitems, self.scores, self.members = {}, [], []
        self.token_requests = 0
        self.registrations = []
        self.browser_block = ""  # what /auth launches when a real browser drives the platform
        self.claimed_issuer = ""  # set to make the OpenID configuration lie about its issuer
        # The tool's public keys as the LMS knows them; read in the test's thread (the HTTP
        # threads must not touch the test database), refreshed by learn_tool_keys().
        self.tool_jwks = {"keys": []}
        self.server, self.port = None, 0
        self.lock = threading.Lock()

    # --- HTTP services -------------------------------------------------------------------
    def start(self):
        handler = type("Handler", (_Handler,), {"platform": self})
        server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        server.daemon_threads = True
        self.port = server.server_address[1]
        self.server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def issuer(self):
        return self.url

    @property
    def registration(self):
        registration = Registration()
        registration.set_iss(self.issuer).set_client_id(self.client_id).set_deployment_id(self.deployment_id)
        registration.set_oidc_login_url(self.tool + "/lti/login").set_launch_url(self.tool + "/lti/launch")
        registration.set_deeplink_launch_url(self.tool + "/lti/launch")
        registration.set_platform_public_key(self.public_key_pem).set_platform_private_key(self.private_key)
        registration.set_tool_key_set(self.tool_jwks)
        return registration

    @property
    def public_key_pem(self):
        from cryptography.hazmat.primitives import serialization
        return keys.load_public_key(self.private_key).public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()

    def learn_tool_keys(self):
        self.tool_jwks = toolkeys.jwks()

    def conf(self):
        return _Conf(stub=self)

    def register_with_tool(self, **overrides):
        from lti_bridge.lti.admin_ops import add_platform
        fields = dict(name="Moodle ENSIAS (stub)", issuer=self.issuer, client_id=self.client_id,
                      deployment_id=self.deployment_id, auth_login_url=self.url + "/auth",
                      auth_token_url=self.url + "/token", keyset_url=self.url + "/jwks")
        fields.update(overrides)
        platform = add_platform(**fields)
        self.learn_tool_keys()
        return platform

    # --- browser flow --------------------------------------------------------------------
    def initiate_login(self, hint="resource-1", user="u-1", **extra):
        login = _Login(None, self.conf())
        login.set_lti_message_hint(hint=hint)
        url = login.initiate_login(user)
        if extra:
            url += "&" + urlencode(extra)
        return url

    def authorize(self, client, method="get", **extra):
        """Run the third-party login on *client*; the authorization request's parameters."""
        url = self.initiate_login(**extra)
        parsed = urlparse(url)
        if method == "post":
            response = client.post(parsed.path, dict(parse_qs(parsed.query)))
        else:
            response = client.get(parsed.path + "?" + parsed.query)
        assert response.status_code in (200, 302), response.content[:500]
        location = response["Location"] if response.status_code == 302 else _next_url(response)
        return {k: v[0] for k, v in parse_qs(urlparse(location).query).items()}, response

    def launch_data(self, auth, user="u-1", roles=LEARNER, block="", message="resource", ags=True,
                    nrps=True, lineitem=True, dl_data=None, name="Salma Benali", locale="fr"):
        """lti1p3platform builds and signs the launch for the authorization request *auth*."""
        launch = _Launch(_Request(auth), self.conf())
        launch.set_user_data(user, list(roles), full_name=name, email_address=f"{user}@um5.ac.ma")
        launch.set_resource_link_claim("rl-" + (block or "course"), title="Activité " + (block or "cours"))
        launch.set_launch_context_claim("ctx-1", context_title="Bootcamp Python 2026")
        launch.set_launch_presentation_claim(document_target="iframe")
        launch.set_extra_claims({"https://purl.imsglobal.org/spec/lti/claim/launch_presentation":
                                 {"document_target": "iframe", "locale": locale}})
        if block:
            launch.set_custom_parameters_claim({"block": block})
        if ags:
            launch.set_ags(lineitems_url=self.url + "/lineitems",
                           lineitem_url=self.url + f"/lineitems/{block}" if (lineitem and block) else None)
            if lineitem and block:
                self.lineitems.setdefault(block, {"id": self.url + f"/lineitems/{block}", "scoreMaximum": 100,
                                                  "label": block, "resourceId": block})
        if nrps:
            launch.set_nrps(self.url + "/memberships")
        if message == "deep_link":
            launch.set_dl(self.url + "/deep_link_return", title="JobInTech", accept_types={"ltiResourceLink"},
                          extra_data=dl_data)
        return launch.lti_launch()

    def launch(self, client, follow_activity=True, **kwargs):
        """A whole launch as a browser does it; a learner's redirect to the activity is followed."""
        auth, _ = self.authorize(client)
        data = self.launch_data(auth, **kwargs)
        response = client.post(urlparse(data["launch_url"]).path, {"id_token": data["id_token"], "state": data["state"]})
        if follow_activity and response.status_code == 303 and response["Location"].startswith("/lti/activity?"):
            response = client.get(response["Location"])
        return response

    def claims_for(self, auth, **kwargs):
        """The claims lti1p3platform would sign, for tests that alter them before signing."""
        data = self.launch_data(auth, **kwargs)
        return jwt.decode(data["id_token"], options={"verify_signature": False}), data

    def sign(self, claims, key=None, headers=None, algorithm="RS256"):
        headers = {"kid": keys.public_jwk(self.private_key)["kid"]} if headers is None else headers
        return jwt.encode(claims, key or self.private_key, algorithm=algorithm, headers=headers)

    def validate_deep_link_response(self, jwt_value):
        conf = self.conf()
        conf.get_registration()
        return conf.validate_deeplinking_resp({"JWT": jwt_value})

    def check_token(self, header, scope):
        conf = self.conf()
        conf.get_registration()
        token = (header or "").removeprefix("Bearer ").strip()
        try:
            return bool(token) and conf.validate_token(token, [scope])
        except Exception:
            return False


def _next_url(response):
    """The auth URL of a storage login page (it navigates there after postMessage)."""
    data = json.loads(response.content.decode().split('id="jit-storage" type="application/json">')[1].split("</script>")[0])
    return data["next"]


class _Handler(BaseHTTPRequestHandler):
    platform: StubPlatform

    def log_message(self, *args):
        pass

    def _send(self, code, body=None, content_type="application/json"):
        payload = json.dumps(body).encode() if body is not None else b""
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _send_html(self, text):
        payload = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def do_GET(self):
        path, query = urlparse(self.path).path, parse_qs(urlparse(self.path).query)
        p = self.platform
        if path == "/jwks":
            return self._send(200, {"keys": p.registration.get_jwks()})
        if path == "/lineitems":
            if not p.check_token(self.headers.get("Authorization"), SCOPES_ALL[0]):
                return self._send(401, {"error": "invalid token"})
            wanted = query.get("resource_id", [None])[0]
            return self._send(200, [i for i in p.lineitems.values() if wanted in (None, i.get("resourceId"))])
        if path == "/lms":
            return self._send_html(LMS_PAGE.replace("LOGIN_URL", json.dumps(query["login"][0])))
        if path == "/auth":
            # The authorization endpoint, as a browser reaches it: sign the launch for this
            # login and post it to the tool's redirect URI (response_mode=form_post).
            auth = {k: v[0] for k, v in query.items()}
            data = p.launch_data(auth, block=p.browser_block)
            return self._send_html(AUTO_POST.format(action=data["launch_url"], id_token=data["id_token"],
                                                    state=data["state"]))
        if path == "/.well-known/openid-configuration":
            if self.headers.get("Authorization") != "Bearer " + REGISTRATION_TOKEN:
                return self._send(401, {"error": "registration token required"})
            return self._send(200, {
                "issuer": p.claimed_issuer or p.issuer, "authorization_endpoint": p.url + "/auth", "token_endpoint": p.url + "/token",
                "jwks_uri": p.url + "/jwks", "registration_endpoint": p.url + "/register",
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                "https://purl.imsglobal.org/spec/lti-platform-configuration": {
                    "product_family_code": "moodle", "version": "4.5",
                    "messages_supported": [{"type": "LtiResourceLinkRequest"}, {"type": "LtiDeepLinkingRequest"}]},
            })
        if path == "/memberships":
            if not p.check_token(self.headers.get("Authorization"),
                                 "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"):
                return self._send(401, {"error": "invalid token"})
            return self._send(200, {"id": p.url + "/memberships", "context": {"id": "ctx-1"}, "members": p.members})
        return self._send(404, {"error": "not found"})

    def do_POST(self):
        path, p = urlparse(self.path).path, self.platform
        body = self._body()
        if path == "/token":
            form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
            conf = p.conf()
            conf.get_registration()
            try:
                answer = conf.get_access_token(form)
            except (LtiException, Exception) as error:  # the library raises assorted types
                return self._send(400, {"error": "invalid_client", "detail": str(error)})
            with p.lock:
                p.token_requests += 1
            return self._send(200, answer)
        if path == "/register":
            if self.headers.get("Authorization") != "Bearer " + REGISTRATION_TOKEN:
                return self._send(401, {"error": "registration token required"})
            p.registrations.append(json.loads(body))
            return self._send(200, {**json.loads(body), "client_id": p.client_id,
                                    TOOL_CONFIGURATION: {**json.loads(body)[TOOL_CONFIGURATION],
                                                         "deployment_id": p.deployment_id}})
        if path == "/lineitems":
            if not p.check_token(self.headers.get("Authorization"), SCOPES_ALL[0]):
                return self._send(401, {"error": "invalid token"})
            item = json.loads(body)
            item["id"] = p.url + f"/lineitems/{item['resourceId']}"
            p.lineitems[item["resourceId"]] = item
            return self._send(201, item)
        if path.startswith("/lineitems/") and path.endswith("/scores"):
            if not p.check_token(self.headers.get("Authorization"), SCOPES_ALL[2]):
                return self._send(401, {"error": "invalid token"})
            if self.headers.get("Content-Type") != "application/vnd.ims.lis.v1.score+json":
                return self._send(415, {"error": "wrong content type"})
            with p.lock:
                p.scores.append({"lineitem": path[len("/lineitems/"):-len("/scores")], **json.loads(body),
                                 "received_at": time.time()})
            return self._send(200, {})
        return self._send(404, {"error": "not found"})
