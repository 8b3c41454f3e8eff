"""One-off: move src/waarborg into the wings core / engine / modules / audiences (issue 18) and rewrite every
reference (imports, dotted strings, paths) in src, tests, bench, scripts, docs and config.

Re-runnable on any tree that still has the old layout: `python scripts/relayout.py` (uses `git mv`).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "waarborg"

ENGINE = ["policy", "audit", "accounts", "vault", "consent", "retention", "rights", "disclosures", "breaches",
          "decisions", "backups", "jobs", "caseloads", "deidentify", "health"]
MODULES = ["listings", "mailings", "statistics", "recordings", "research", "securemail", "tips"]

# old path (relative to src/waarborg) -> new path; a file or a whole folder. Checked before the app defaults.
EXPLICIT: dict[str, str] = {
    # --- the REST API audience: views, serializers and urls of every capability
    "vault/api.py": "audiences/api/vault/views.py",
    "vault/serializers.py": "audiences/api/vault/serializers.py",
    "vault/urls_api.py": "audiences/api/vault/urls.py",
    "audit/api.py": "audiences/api/audit/views.py",
    "audit/urls_api.py": "audiences/api/audit/urls.py",
    "caseloads/api.py": "audiences/api/caseloads/views.py",
    "caseloads/serializers.py": "audiences/api/caseloads/serializers.py",
    "caseloads/urls_api.py": "audiences/api/caseloads/urls.py",
    "consent/views.py": "audiences/api/consent/views.py",
    "consent/views_switches.py": "audiences/api/consent/views_switches.py",
    "consent/serializers.py": "audiences/api/consent/serializers.py",
    "consent/urls_api.py": "audiences/api/consent/urls.py",
    "retention/views_api.py": "audiences/api/retention/views.py",
    "retention/views_holds.py": "audiences/api/retention/views_holds.py",
    "retention/urls_api.py": "audiences/api/retention/urls.py",
    "rights/views_api.py": "audiences/api/rights/views.py",
    "rights/views_export.py": "audiences/api/rights/views_export.py",
    "rights/serializers.py": "audiences/api/rights/serializers.py",
    "rights/urls_api.py": "audiences/api/rights/urls.py",
    "disclosures/views.py": "audiences/api/disclosures/views.py",
    "disclosures/urls_api.py": "audiences/api/disclosures/urls.py",
    "breaches/views.py": "audiences/api/breaches/views.py",
    "breaches/serializers.py": "audiences/api/breaches/serializers.py",
    "breaches/urls_api.py": "audiences/api/breaches/urls.py",
    "decisions/views.py": "audiences/api/decisions/views.py",
    "decisions/urls_api.py": "audiences/api/decisions/urls.py",
    "accounts/auth.py": "audiences/api/auth.py",
    "accounts/schema.py": "audiences/api/schema.py",
    "recordings/views.py": "audiences/api/recordings/views.py",
    "recordings/urls_api.py": "audiences/api/recordings/urls.py",
    "research/views.py": "audiences/api/research/views.py",
    "research/urls_api.py": "audiences/api/research/urls.py",
    "securemail/views.py": "audiences/api/securemail/views.py",
    "securemail/urls_api.py": "audiences/api/securemail/urls.py",
    "listings/views_api.py": "audiences/api/listings/views.py",
    "listings/serializers.py": "audiences/api/listings/serializers.py",
    "listings/urls_api.py": "audiences/api/listings/urls.py",
    "mailings/views_api.py": "audiences/api/mailings/views.py",
    "mailings/urls_api.py": "audiences/api/mailings/urls.py",
    "statistics/views_api.py": "audiences/api/statistics/views.py",
    "statistics/urls_api.py": "audiences/api/statistics/urls.py",
    "tips/views_api.py": "audiences/api/tips/views.py",
    "tips/urls_api.py": "audiences/api/tips/urls.py",
    "api": "audiences/api",
    # --- the public site: the statement and the organisation's public pages
    "policy/views.py": "audiences/site/privacy/views.py",
    "policy/urls.py": "audiences/site/privacy/urls.py",
    "listings/views.py": "audiences/site/listings/views.py",
    "listings/urls.py": "audiences/site/listings/urls.py",
    "tips/views.py": "audiences/site/tips/views.py",
    "tips/urls.py": "audiences/site/tips/urls.py",
    "tips/texts.py": "audiences/site/tips/texts.py",
    "statistics/views.py": "audiences/site/cookies/views.py",
    "statistics/urls.py": "audiences/site/cookies/urls.py",
    "statistics/middleware.py": "audiences/site/cookies/middleware.py",
    "statistics/templatetags": "audiences/site/templatetags",
    "mailings/views.py": "audiences/site/unsubscribe/views.py",
    "mailings/urls.py": "audiences/site/unsubscribe/urls.py",
    "securemail/pages.py": "audiences/site/securemail/pages.py",
    "securemail/pickup.py": "audiences/site/securemail/pickup.py",
    "securemail/urls_pages.py": "audiences/site/securemail/urls.py",
    "securemail/page_texts.py": "audiences/site/securemail/texts.py",
    "securemail/templatetags/securemail_pages.py": "audiences/site/templatetags/securemail_pages.py",
    # --- shared web plumbing under every HTTP audience
    "conf/web.py": "audiences/web/proxy.py",
    "conf/headers.py": "audiences/web/headers.py",
    "conf/static.py": "audiences/web/static.py",
    "accounts/lockout.py": "audiences/web/lockout.py",
    "accounts/idle.py": "audiences/web/idle.py",
    "health/middleware.py": "audiences/web/probes.py",
    # --- the command line
    "cli.py": "audiences/cli/__init__.py",
    "serve.py": "audiences/cli/serve.py",
    "conf/commands.py": "audiences/cli/conf.py",
    # --- the keyring sits below the audit log and the vault; the erasure journal is the vault's
    "vault/crypto.py": "engine/keyring/crypto.py",
    "vault/keys.py": "engine/vault/keys.py",
    "backups/journal.py": "engine/vault/journal.py",
    # --- the record actions call what a new record sets going (clock, notice, account, caseload): above those
    "vault/actions.py": "engine/records/actions.py",
    "portal/errors.py": "audiences/web/errors.py",
    # --- citizen accounts are domain (engine), their pages are the portal's
    "portal/accounts.py": "engine/citizens/accounts.py",
    "portal/models.py": "engine/citizens/models.py",
    "portal/migrations": "engine/citizens/migrations",
    "portal/apps.py": "engine/citizens/apps.py",
    "portal": "audiences/portal",
    "backoffice": "audiences/backoffice",
    # --- configuration of the installation stays in conf (env, home, system checks): bottom layer with core
}
for _app in ENGINE:
    EXPLICIT.setdefault(f"{_app}/commands.py", f"audiences/cli/{_app}.py")
for _app in ENGINE:
    EXPLICIT.setdefault(_app, f"engine/{_app}")
for _app in MODULES:
    EXPLICIT.setdefault(_app, f"modules/{_app}")


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def plan() -> dict[str, str]:
    """Every tracked file under src/waarborg -> its new path (relative to src/waarborg)."""
    files = [line[len("src/waarborg/"):] for line in git("ls-files", "src/waarborg").splitlines()]
    keys = sorted(EXPLICIT, key=len, reverse=True)
    moves = {}
    for f in files:
        for k in keys:
            if f == k or f.startswith(k + "/"):
                moves[f] = EXPLICIT[k] + f[len(k):]
                break
    return moves


def module_name(rel: str) -> str | None:
    if not rel.endswith(".py"):
        return None
    parts = rel[:-3].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(["waarborg", *parts])


def dotted_map(moves: dict[str, str]) -> dict[str, str]:
    out = {}
    for old, new in moves.items():
        a, b = module_name(old), module_name(new)
        if a and b and a != b:
            out[a] = b
    return out


def main() -> int:
    if not (SRC / "vault").exists():
        print("already moved")
        return 0
    moves = plan()
    dmap = dotted_map(moves)
    pmap = {f"waarborg/{o}": f"waarborg/{n}" for o, n in moves.items() if o != n}
    # folders too (paths like src/waarborg/engine/vault/ in docs and tests)
    dirs: dict[str, str] = {}
    for o, n in moves.items():
        op, np_ = o.rsplit("/", 1)[0] if "/" in o else "", n.rsplit("/", 1)[0] if "/" in n else ""
        if op and op != np_ and op not in dirs:
            dirs[op] = np_
    for o, n in dirs.items():
        pmap.setdefault(f"waarborg/{o}/", f"waarborg/{n}/")
    for old, new in moves.items():
        if old == new:
            continue
        dst = SRC / new
        dst.parent.mkdir(parents=True, exist_ok=True)
        git("mv", f"src/waarborg/{old}", f"src/waarborg/{new}")
    # packages need __init__.py
    for new in moves.values():
        d = (SRC / new).parent
        while d != SRC and d.is_dir():
            init = d / "__init__.py"
            if not init.exists():
                init.write_text(f'"""{d.relative_to(SRC)}"""\n'.replace("/", "."))
                git("add", str(init.relative_to(ROOT)))
            d = d.parent
    rewrite(dmap, pmap)
    apps()
    tidy()
    return 0


def tidy() -> None:
    """Empty old folders go, nested migrations keep their lint exceptions, imports are sorted again."""
    import shutil

    for d in sorted(SRC.rglob("__pycache__"), reverse=True):
        shutil.rmtree(d, ignore_errors=True)
    for d in sorted((p for p in SRC.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(d.iterdir()):
            d.rmdir()
    py = ROOT / "pyproject.toml"
    py.write_text(py.read_text().replace('"src/waarborg/*/migrations/*"', '"src/waarborg/**/migrations/*"'))
    subprocess.run([str(ROOT / ".venv/bin/ruff"), "check", "--select", "I", "--fix", "--quiet", "src", "tests", "bench",
                    "scripts"], cwd=ROOT, check=False)


def apps() -> None:
    """The app configs the move needs: citizens keeps the label `portal` (its tables and migrations), the portal
    pages and the public site become apps of their own (templates, static, template tags)."""
    cit = SRC / "engine/citizens/apps.py"
    cit.write_text(cit.read_text().replace('name = "waarborg.audiences.portal"', 'name = "waarborg.engine.citizens"')
                   .replace("class PortalConfig", "class CitizensConfig"))
    for pkg, cls, label, why in (
        ("audiences/portal", "PortalPagesConfig", "portal_pages", "The citizen portal's pages, templates and static files."),
        ("audiences/site", "SiteConfig", "site", "The public pages: the statement, the sociale kaart, tips, cookies, unsubscribe."),
    ):
        f = SRC / pkg / "apps.py"
        if not f.exists():
            dotted = "waarborg." + pkg.replace("/", ".")
            f.write_text(f'"""{why}"""\n\nfrom django.apps import AppConfig\n\n\nclass {cls}(AppConfig):\n'
                         f'    name = "{dotted}"\n    label = "{label}"\n')
            git("add", str(f.relative_to(ROOT)))
    st = SRC / "settings.py"
    s = st.read_text()
    if "waarborg.engine.citizens" not in s:
        s = s.replace('    "waarborg.engine.consent",\n', '    "waarborg.engine.consent",\n    "waarborg.engine.citizens",\n', 1)
        s = s.replace('    "waarborg.audiences.portal",\n', '    "waarborg.audiences.portal",\n    "waarborg.audiences.site",\n', 1)
        st.write_text(s)


def rewrite(dmap: dict[str, str], pmap: dict[str, str]) -> None:
    keys = sorted(dmap, key=len, reverse=True)
    dotted = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w])")
    pkeys = sorted(pmap, key=len, reverse=True)
    paths = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in pkeys) + r")")
    # `from waarborg.x import sub` where sub is a moved module: rewritten to `from <new parent> import <new> as sub`
    from_import = re.compile(r"^(\s*)from (waarborg[\w.]*) import ([\w, ]+?)([ \t]*#.*)?$", re.M)
    targets = [p for p in git("ls-files").splitlines()
               if p.endswith((".py", ".md", ".toml", ".cfg", ".ini", ".txt", ".sh", ".yaml", ".yml", ".html"))
               or p in ("Makefile", ".ci/run", ".importlinter")]

    def fix_from(m: re.Match[str]) -> str:
        indent, pkg, names = m.group(1), m.group(2), [n.strip() for n in m.group(3).split(",") if n.strip()]
        comment = m.group(4) or ""
        lines, plain = [], []
        for n in names:
            base, _, alias = n.partition(" as ")
            full = f"{pkg}.{base}"
            if full in dmap:
                new = dmap[full]
                parent, leaf = new.rsplit(".", 1)
                lines.append(f"{indent}from {parent} import {leaf}" + (f" as {alias or base}" if (alias or base) != leaf else ""))
            else:
                plain.append(n)
        if not lines:
            return m.group(0)
        if plain:
            lines.insert(0, f"{indent}from {pkg} import {', '.join(plain)}")
        return "\n".join(lines) + comment

    for rel in targets:
        p = ROOT / rel
        if not p.is_file():
            continue
        text = p.read_text()
        new = from_import.sub(fix_from, text)  # before the dotted rewrite: it looks up old names
        new = dotted.sub(lambda m: dmap[m.group(1)], new)
        new = paths.sub(lambda m: pmap[m.group(1)], new)
        if new != text:
            p.write_text(new)


if __name__ == "__main__":
    sys.exit(main())
