"""The lecturer's link that pulls the workbook (or her course folder) into every student's home.

    python deploy/material_link.py https://jupyter.uni.de https://git.uni.de/lehrstuhl/kurs.git \
        --branch main --folder kurs --open exercises/e01_geheimnis.ipynb

prints two addresses:

1. the nbgitpuller link (`/hub/user-redirect/git-pull?...`) for a web page, a mail or the LMS as
   a plain link: a click logs in (if needed), starts the student's server and pulls;
2. the Tool-URL for an LTI activity in Moodle or ILIAS (`/hub/?next=...`): the LTI login
   carries the student straight on to the same pull.

nbgitpuller clones the repository into ~/FOLDER at the first click and merges the lecturer's
new commits at every later click; the student's own changes win where both changed the same
lines (lawkit.lms.pull_conflicts then reports it), a file the student deleted comes back, and
files git does not track (the saved answers, if the repository's .gitignore lists answers/)
are never touched.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from urllib.parse import quote, urlencode, urlsplit


class LinkError(Exception):
    """A bad argument (German message)."""


def pull_link(hub_url: str, repo: str, branch: str = "main", folder: str | None = None,
              open_path: str | None = None) -> str:
    """The nbgitpuller link through the hub (works logged in or not)."""
    _check_url(hub_url, "Hub-Adresse")
    if not repo.strip():
        raise LinkError("Repository-Adresse fehlt")
    target = folder or repo.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    if not target or target.startswith((".", "/")) or ".." in target.split("/"):
        raise LinkError(f"ungültiger Zielordner {target!r} (erwartet ein Ordnername im Home, z. B. kurs)")
    params = {"repo": repo, "branch": branch, "targetpath": target}
    params["urlpath"] = f"lab/tree/{target}/{open_path}" if open_path else f"lab/tree/{target}"
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{urlencode(params)}"


def lti_tool_url(hub_url: str, link: str) -> str:
    """The Tool-URL (target_link_uri) of an LTI activity that ends at `link` after the login."""
    _check_url(hub_url, "Hub-Adresse")
    parts = urlsplit(link)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return f"{hub_url.rstrip('/')}/hub/?next={quote(path, safe='')}"


def _check_url(url: str, what: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise LinkError(f"{what} {url!r} ist keine URL (erwartet https://…)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="deploy/material_link.py",
        description="Erzeugt den Link, der das Material aus einem Git-Repository in jedes Home holt.")
    parser.add_argument("hub", help="Adresse des Hubs, z. B. https://jupyter.uni.de")
    parser.add_argument("repo", help="Git-Repository des Materials (https://…)")
    parser.add_argument("--branch", default="main", help="Zweig (Standard main)")
    parser.add_argument("--folder", help="Ordner im Home (Standard: Name des Repositorys)")
    parser.add_argument("--open", dest="open_path", help="Datei, die nach dem Holen geöffnet wird")
    args = parser.parse_args(argv)
    try:
        link = pull_link(args.hub, args.repo, args.branch, args.folder, args.open_path)
        tool = lti_tool_url(args.hub, link)
    except LinkError as exc:
        print(f"material_link: {exc}", file=sys.stderr)
        return 2
    print(f"Link für Studierende:       {link}")
    print(f"Tool-URL der LTI-Aktivität: {tool}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
