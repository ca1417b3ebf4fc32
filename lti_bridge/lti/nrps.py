"""Names and Role Provisioning Services 2.0: the roster of a context, page by page."""
import requests

from . import claims as c
from .ags import AgsError, HTTP_TIMEOUT, check_url

MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
MAX_PAGES = 50  # a runaway 'next' chain must not keep a request busy forever


def _next_link(response):
    link = response.links.get("next") if hasattr(response, "links") else None
    return link.get("url") if link else None


def fetch_members(session, memberships_url, get_token):
    """All members of the context: [{'user_id', 'name', 'email', 'roles', 'status'}, ...]."""
    members, url, pages = [], memberships_url, 0
    while url and pages < MAX_PAGES:
        check_url(url)
        headers = {"Authorization": f"Bearer {get_token([c.SCOPE_NRPS])}", "Accept": MEMBERSHIP_TYPE}
        try:
            response = session.get(url, headers=headers, timeout=HTTP_TIMEOUT)
        except requests.RequestException as exc:
            raise AgsError(f"GET {url} failed: {type(exc).__name__}") from None
        if response.status_code != 200:
            raise AgsError(f"GET {url} answered HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise AgsError(f"GET {url} did not answer JSON") from None
        for member in body.get("members", []) if isinstance(body, dict) else []:
            if isinstance(member, dict) and member.get("user_id"):
                members.append({
                    "user_id": str(member["user_id"]),
                    "name": str(member.get("name") or member.get("given_name") or ""),
                    "email": str(member.get("email") or ""),
                    "roles": [str(r) for r in member.get("roles", []) if isinstance(r, str)],
                    "status": str(member.get("status") or "Active"),
                })
        url, pages = _next_link(response), pages + 1
    return members
