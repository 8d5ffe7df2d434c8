#!/usr/bin/env python3
"""Import v2 cancel latency: `chatterm serve` on a store (SQLite file or PostgreSQL URL), the
file uploaded and an import created; AFTER seconds into its run a cancel, then the time until
the task reads cancelled (state 5). Check the store with psql or sqlite3 after.

    swift build -c release --product chatterm
    .build/release/chatterm generate --users 1000 --channels 300 --messages 1000000 -o /tmp/c.jsonl
    grep -v '^{"type":"reaction"' /tmp/c.jsonl > /tmp/cancel.jsonl   # under the 300 MB upload limit
    .build/test-venv/bin/python Benchmarks/import_cancel.py STORE /tmp/cancel.jsonl AFTER
      (STORE: postgres://USER@HOST:PORT/DB of an empty database, or a path for a new SQLite file)
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time

import requests
from stream_chat import StreamChat

store, path, after = sys.argv[1], sys.argv[2], float(sys.argv[3])
binary = "./.build/release/chatterm"
arguments = ["--database", store] if store.startswith("postgres") else ["--db", store]
home = tempfile.mkdtemp(prefix="chatterm-cancel-")  # the server's uploads: as large as the file
server = subprocess.Popen([binary, "serve", *arguments, "--port", "0"], env={"XDG_DATA_HOME": home},
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    while not (started := re.search(r"(http://\S+) api_key=(\S+) secret_file=(\S+)", server.stdout.readline())):
        pass
    url, key, secret_file = started.groups()
    with open(secret_file, encoding="utf-8") as app:
        client = StreamChat(api_key=key, api_secret=json.load(app)["api_secret"], base_url=url)
    client.timeout = 120
    urls = client.create_import_url("cancel.jsonl")
    with open(path, "rb") as file:
        assert requests.put(urls["upload_url"], data=file, timeout=600).status_code == 200
    task = client.post("imports/v2", data={"product": "chat", "settings": {"path": urls["path"]}})
    while client.get(f"imports/v2/{task['id']}")["state"] == 1:
        time.sleep(0.01)
    time.sleep(after)
    start = time.time()
    client.post(f"imports/v2/{task['id']}/cancel")
    while (state := client.get(f"imports/v2/{task['id']}")["state"]) == 2:
        time.sleep(0.005)
    took = time.time() - start
    print(f"cancel {after:g} s into the import: state {state} {took:.3f} s after the cancel was sent")
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(home, ignore_errors=True)
