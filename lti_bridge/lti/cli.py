"""`jobintech lti tool-config | add-platform | list-platforms | activate | rotate-key | send-scores`.

tool-config needs no database; the others set Django up (migrating first, like `serve`).
Exit codes: 0 done, 2 bad input with a message on stderr.
"""
import argparse
import json
import os
import sys
from pathlib import Path

from .errors import LtiError


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lti_bridge.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def _parser():
    parser = argparse.ArgumentParser(prog="jobintech lti", description="LTI 1.3 registration of the bridge.")
    sub = parser.add_subparsers(dest="command", required=True)
    config = sub.add_parser("tool-config", help="the URLs to give your LMS")
    config.add_argument("--base-url", required=True, help="public URL of the bridge, e.g. https://bridge.um5.ac.ma")
    config.add_argument("--json", action="store_true", help="print JSON")
    add = sub.add_parser("add-platform", help="register an LMS (manual registration)")
    for name, help_ in (("--name", "shown to operators, e.g. 'ENSIAS Moodle'"),
                        ("--issuer", "the platform's issuer (Moodle: its site URL; Canvas: https://canvas.instructure.com)"),
                        ("--client-id", "the client id the LMS gave the tool"),
                        ("--deployment-id", "the deployment id the LMS gave the tool"),
                        ("--auth-login-url", "the platform's OIDC authentication URL"),
                        ("--auth-token-url", "the platform's OAuth2 access token URL")):
        add.add_argument(name, required=True, help=help_)
    add.add_argument("--auth-audience", default="", help="token audience, when it is not the token URL")
    keys = add.add_mutually_exclusive_group(required=True)
    keys.add_argument("--keyset-url", help="the platform's public keyset (JWKS) URL")
    keys.add_argument("--public-key", metavar="PEM", help="the platform's public key: a PEM file or the PEM text")
    add.add_argument("--inactive", action="store_true", help="register without activating it yet")
    listing = sub.add_parser("list-platforms", help="the registered LMSs")
    listing.add_argument("--json", action="store_true", help="print JSON")
    activate = sub.add_parser("activate", help="let a pending platform (dynamic registration) launch")
    activate.add_argument("platform_id", type=int, help="the id shown by list-platforms")
    activate.add_argument("--off", action="store_true", help="deactivate instead")
    rotate = sub.add_parser("rotate-key", help="new signing key (the old one stays in the JWKS for a while)")
    rotate.add_argument("--json", action="store_true")
    send = sub.add_parser("send-scores", help="send pending grades to the LMSs now")
    send.add_argument("--json", action="store_true")
    return parser


def _pem(value):
    path = Path(value)
    if "BEGIN" not in value and path.is_file():
        return path.read_text(encoding="ascii", errors="replace")
    if "BEGIN" not in value:
        raise LtiError("--public-key: %(value)s is neither a PEM file nor PEM text.", value=value)
    return value


def tool_config(args):
    from .registration import tool_config as build
    config = build(args.base_url)
    if args.json:
        print(json.dumps(config, indent=2))
    else:
        for name, value in config.items():
            print(f"{name:26} {' '.join(value) if isinstance(value, list) else value}")
    return 0


def add_platform(args):
    _django()
    from .admin_ops import add_platform as add
    platform = add(name=args.name, issuer=args.issuer, client_id=args.client_id, deployment_id=args.deployment_id,
                   auth_login_url=args.auth_login_url, auth_token_url=args.auth_token_url,
                   auth_audience=args.auth_audience, keyset_url=args.keyset_url or "",
                   public_key=_pem(args.public_key) if args.public_key else "", active=not args.inactive)
    print(f"registered platform {platform.pk}: {platform.name} ({platform.issuer}, client id {platform.client_id})")
    return 0


def list_platforms(args):
    _django()
    from .admin_ops import platform_rows
    rows = platform_rows()
    if args.json:
        print(json.dumps(rows, indent=2))
    elif not rows:
        print("no LTI platform registered; add one with `jobintech lti add-platform` or dynamic registration")
    else:
        for row in rows:
            print(f"{row['id']:>4}  {row['status']:9} {row['name']}  iss={row['issuer']}  client_id={row['client_id']}  "
                  f"deployments={','.join(row['deployments']) or '-'}")
    return 0


def activate(args):
    _django()
    from .admin_ops import set_active
    platform = set_active(args.platform_id, not args.off)
    print(f"platform {platform.pk} ({platform.name}) is now {'active' if platform.is_active else 'inactive'}")
    return 0


def rotate_key(args):
    _django()
    from . import toolkeys
    key, deleted = toolkeys.rotate()
    result = {"kid": key.kid, "deleted_expired_keys": deleted}
    print(json.dumps(result) if args.json else f"new signing key {key.kid}; {deleted} expired key(s) deleted")
    return 0


def send_scores(args):
    _django()
    from . import outbox
    counts = outbox.deliver_due()
    print(json.dumps(counts) if args.json else (", ".join(f"{v} {k}" for k, v in counts.items()) or "nothing due"))
    return 0


COMMANDS = {"tool-config": tool_config, "add-platform": add_platform, "list-platforms": list_platforms,
            "activate": activate, "rotate-key": rotate_key, "send-scores": send_scores}


def main(argv) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    try:
        return COMMANDS[args.command](args)
    except LtiError as error:
        print(f"jobintech lti {args.command}: {error}", file=sys.stderr)
        return 2
