"""How `home/` and `waarborg.sql` were made: run with the code of commit ecda898 (before the move into
core/engine/modules/audiences), from that checkout: `python tests/migrations/before_move/make.py OUT`.

A home made by `serve` (keys, the shipped Ik zorg in Assen policy), one staff member with a token, one subject
with one record made through the API, and a sealed audit checkpoint; the database is dumped as SQL text.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path.cwd()
sys.path.insert(0, str(ROOT))
from tests.conf.run import clean_env, free_port, wait_for  # noqa: E402

out = Path(sys.argv[1])
home = out / "home"
shutil.rmtree(out, ignore_errors=True)
env = clean_env(WAARBORG_HOME=str(home), WAARBORG_ENV="development")
port = free_port()
proc = subprocess.Popen([sys.executable, "-m", "waarborg", "serve", "--policy", "examples/ikzorginassen.yaml",
                         "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_for(f"http://127.0.0.1:{port}/health/ready", 120)
    add = subprocess.run([sys.executable, "-m", "waarborg", "staff", "add", "anna", "--role", "assessor", "--token"],
                         env=env, capture_output=True, text=True, check=True)
    token = add.stdout.strip().splitlines()[-1]

    def post(path: str, body: dict[str, object], purpose: str = "") -> dict[str, object]:
        headers = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
        if purpose:
            headers["X-Purpose"] = purpose
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/{path}", data=json.dumps(body).encode(),
                                     headers=headers, method="POST")
        with urllib.request.urlopen(req) as answer:  # noqa: S310
            return json.load(answer)  # type: ignore[no-any-return]

    subject = post("subjects", {"birth_date": "1970-05-01"})
    record = post("records", {"subject": subject["id"], "type": "application", "data": {
        "name": "Jan Jansen", "phone": "0592 123456", "address": "Markt 1, Assen", "birth_date": "1970-05-01",
        "care_recipient_address": "Markt 2, Assen", "edition": 2026}}, purpose="eligibility")
finally:
    proc.terminate()
    proc.wait(30)
time.sleep(0.5)
subprocess.run([sys.executable, "-m", "waarborg", "audit", "checkpoint"], env=env, check=True, capture_output=True)
db = home / "waarborg.sqlite3"
(out / "waarborg.sql").write_text("\n".join(sqlite3.connect(db).iterdump()) + "\n")
db.unlink()
(out / "ids.json").write_text(json.dumps({"token": token, "subject": subject["id"], "record": record["id"]}) + "\n")
print("made", out)
