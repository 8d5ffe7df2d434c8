#!/usr/bin/env python3
"""WebSocket fan-out benchmark for `chatterm serve` (loopback only, bounded, stops by itself).

100 clients watch one channel over the WebSocket; 10 senders post messages over REST at the
same time. Reports messages/s sustained, send latency (REST round trip) p50/p99, delivery
latency (send start to arrival, at every watcher) p50/p99, and checks that every watcher got
every message exactly once, in each sender's order.

    swift build -c release
    python3 Benchmarks/ws_fanout.py [--binary .build/release/chatterm] [--watchers 100] [--senders 10] [--messages 100]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse

import requests
import websocket
from stream_chat import StreamChat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "chatterm"))
    parser.add_argument("--watchers", type=int, default=100)
    parser.add_argument("--senders", type=int, default=10)
    parser.add_argument("--messages", type=int, default=100, help="messages per sender")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="chatterm-ws-bench-")
    server = subprocess.Popen([args.binary, "serve", "--db", os.path.join(workdir, "chat.sqlite"), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        match = None
        deadline = time.time() + 30
        while match is None and time.time() < deadline:
            match = re.search(r"(http://\S+) api_key=(\S+) secret_file=(\S+)", server.stdout.readline())
        url, key, secret_file = match.groups()
        with open(secret_file, encoding="utf-8") as app:
            secret = json.load(app)["api_secret"]
        client = StreamChat(api_key=key, api_secret=secret, base_url=url)
        watchers = [f"w{i}" for i in range(args.watchers)]
        senders = [f"s{i}" for i in range(args.senders)]
        for start in range(0, len(watchers + senders), 100):
            client.upsert_users([{"id": u} for u in (watchers + senders)[start:start + 100]])
        channel = client.channel("messaging", "bench", {"members": watchers[:1]})
        channel.create(watchers[0])
        channel.add_members(watchers + senders)

        expected = args.senders * args.messages
        received = {w: [] for w in watchers}
        arrival = {w: [] for w in watchers}
        done = threading.Event()
        sockets = []

        def listen(user, ws):
            while len(received[user]) < expected and not done.is_set():
                try:
                    event = json.loads(ws.recv())
                except Exception:
                    return
                if event.get("type") == "message.new":
                    received[user].append((event["message"]["sender"], event["message"]["seq"]))
                    arrival[user].append(time.time() - event["message"]["sent_at"])

        for user in watchers:
            query = urllib.parse.urlencode({"json": json.dumps({"user_id": user}), "api_key": key,
                                            "authorization": client.create_token(user)})
            ws = websocket.create_connection(f"{url.replace('http://', 'ws://')}/connect?{query}", timeout=60)
            connection = json.loads(ws.recv())["connection_id"]
            requests.post(f"{url}/channels/messaging/bench/query", params={"api_key": key, "connection_id": connection},
                          headers={"Authorization": client.create_token(user), "stream-auth-type": "jwt"},
                          data=json.dumps({"watch": True, "state": False}), timeout=30).raise_for_status()
            sockets.append(ws)
            threading.Thread(target=listen, args=(user, ws), daemon=True).start()

        send_latency = []
        lock = threading.Lock()

        def send(sender):
            session = requests.Session()
            headers = {"Authorization": client.create_token(sender), "stream-auth-type": "jwt", "Content-Type": "application/json"}
            for seq in range(args.messages):
                start = time.time()
                body = {"message": {"text": f"{sender} #{seq}", "sender": sender, "seq": seq, "sent_at": start}}
                session.post(f"{url}/channels/messaging/bench/message", params={"api_key": key}, headers=headers,
                             data=json.dumps(body), timeout=30).raise_for_status()
                with lock:
                    send_latency.append(time.time() - start)

        started = time.time()
        threads = [threading.Thread(target=send, args=(s,)) for s in senders]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        sent_at = time.time()
        deadline = time.time() + 60
        while any(len(r) < expected for r in received.values()) and time.time() < deadline:
            time.sleep(0.05)
        finished = time.time()
        done.set()

        lost = sum(expected - len(set(r)) for r in received.values())
        duplicated = sum(len(r) - len(set(r)) for r in received.values())
        out_of_order = sum(1 for r in received.values() for s in senders
                           if [seq for who, seq in r if who == s] != sorted(seq for who, seq in r if who == s))
        deliveries = [d for a in arrival.values() for d in a]
        print(f"watchers {args.watchers}, senders {args.senders}, messages {expected}, deliveries {len(deliveries)}")
        print(f"messages/s sustained (sends): {expected / (sent_at - started):.0f}; all delivered after {finished - started:.2f} s")
        print(f"send latency     p50 {percentile(send_latency, 50) * 1000:.1f} ms, p99 {percentile(send_latency, 99) * 1000:.1f} ms")
        print(f"delivery latency p50 {percentile(deliveries, 50) * 1000:.1f} ms, p99 {percentile(deliveries, 99) * 1000:.1f} ms")
        print(f"lost {lost}, duplicated {duplicated}, watchers with a sender out of order {out_of_order}")
        for ws in sockets:
            ws.close()
        return 0 if lost == duplicated == out_of_order == 0 else 1
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
