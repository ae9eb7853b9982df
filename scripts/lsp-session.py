#!/usr/bin/env python3
"""A scripted LSP session against a `deluge` binary, over its standard
input and output, as an editor would drive it.

It shows what the server answers on a small script (diagnostics, hover,
completion, formatting), then measures keystrokes in a 2,000-line file: the
time from sending a change and a completion request until both the
completion and the new diagnostics have arrived.

Usage: scripts/lsp-session.py DELUGE [KEYSTROKES]   (default 200)
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import queue
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = 20


class Server:
    def __init__(self, binary):
        self.proc = subprocess.Popen(
            [binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.messages.put(json.loads(out.read(length)))

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, wanted):
        while True:
            message = self.messages.get(timeout=TIMEOUT)
            if wanted(message):
                return message

    def call(self, method, params):
        id = self.request(method, params)
        return self.wait(lambda m: m.get("id") == id)

    def open(self, uri, text):
        doc = {"uri": uri, "languageId": "deluge", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": doc})
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri)["params"]["diagnostics"]

    def finish(self):
        self.call("shutdown", None)
        self.notify("exit", None)
        return self.proc.wait(timeout=TIMEOUT)


def at(uri, line, character):
    return {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}


def demo(server):
    uri = "file:///demo.dg"
    text = 'm = Map();\nm.put("name", "Ann")\nshort = m.get("name").subString(0, 2);\n'
    print("diagnostics:")
    for d in server.open(uri, text):
        start = d["range"]["start"]
        message = d["message"].splitlines()[0]
        print(f'  {start["line"] + 1}:{start["character"] + 1} {d["code"]} {message}')
    fixed = text.replace('"Ann")', '"Ann");')
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]})
    hover = server.call("textDocument/hover", at(uri, 2, 25))["result"]["contents"]["value"]
    print("hover on subString:\n  " + "\n  ".join(hover.splitlines()))
    items = server.call("textDocument/completion", at(uri, 1, 2))["result"]
    print("completion after m.: " + ", ".join(i["label"] for i in items[:12]) + ", ...")
    options = {"tabSize": 4, "insertSpaces": True}
    messy = 'if(m.get("name")=="Ann"){info "hi";}'
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": messy}]})
    edits = server.call("textDocument/formatting",
                        {"textDocument": {"uri": uri}, "options": options})["result"]
    print("formatting " + json.dumps(messy) + " gives edits: " + json.dumps(edits))


def large_file(lines=2000):
    with open(os.path.join(ROOT, "tests/parse/crm_automation.dg")) as f:
        unit = f.read()
    text, copy = "", 0
    while text.count("\n") < lines:
        copy += 1
        text += unit.replace("automation.", f"automation{copy}.") \
                    .replace("standalone.", f"standalone{copy}.") + "\n"
    return text


def keystrokes(server, count):
    uri = "file:///large.dg"
    text = large_file()
    server.open(uri, text)
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines)
                if i >= len(lines) // 2 and l.strip().startswith("amount ="))
    times = []
    for version in range(2, count + 2):
        start = {"line": line, "character": 1}
        if version % 2 == 0:
            change = {"range": {"start": start, "end": start}, "text": "x"}
        else:
            change = {"range": {"start": start, "end": {"line": line, "character": 2}}, "text": ""}
        began = time.perf_counter()
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        id = server.request("textDocument/completion", at(uri, line, 2))
        answered = published = False
        while not (answered and published):
            m = server.messages.get(timeout=TIMEOUT)
            answered |= m.get("id") == id
            published |= m.get("method") == "textDocument/publishDiagnostics"
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"keystroke in a {len(lines)}-line file (change + completion + diagnostics, "
          f"over stdio): median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
          f"{count} keystrokes")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    server = Server(sys.argv[1])
    server.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    server.notify("initialized", {})
    demo(server)
    keystrokes(server, int(sys.argv[2]) if len(sys.argv) > 2 else 200)
    status = server.finish()
    print(f"shutdown and exit: status {status}")


if __name__ == "__main__":
    main()
