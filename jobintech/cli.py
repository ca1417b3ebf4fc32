"""`jobintech SUBCOMMAND ...`: dispatches to the module that owns each sub-command.

Imports are lazy so that `jobintech grade` never loads Django.
Each sub-command's main(argv) returns an exit code: 0 done, 2 bad input (message on stderr).
"""
import importlib
import sys

COMMANDS = {
    "grade": ("grader.cli", "Grade submissions against tests or an OLX coding_exercise."),
    "validate": ("xblocks.tools.validate", "Check an OLX course: structure, exercises, quizzes, test quality."),
    "export": ("xblocks.tools.export", "Pack an OLX course into a .tar.gz that Studio imports."),
    "serve": ("lti_bridge.cli", "Run the LTI bridge and course catalog (web server)."),
    "lti": ("lti_bridge.cli", "LTI platform registration: tool-config, add-platform, list-platforms."),
}

USAGE = "usage: jobintech {" + ",".join(COMMANDS) + "} ...\n\n" + "\n".join(
    f"  {name:<9} {help_}" for name, (_, help_) in COMMANDS.items()
)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"jobintech: unknown command {name!r}\n{USAGE}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[name][0])
    entry = getattr(module, "main" if name not in ("serve", "lti") else name)
    return entry(rest)


if __name__ == "__main__":
    sys.exit(main())
