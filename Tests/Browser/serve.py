"""Starts `procura serve --demo` on a free port for the browser and schemathesis tests.

`ProcuraServer(binary, database, items)` runs the server, reads the address and the one-time admin
password it prints, and stops it with SIGTERM (checking that it shuts down gracefully, exit 0).
"""
import os
import re
import signal
import subprocess
import threading
import time


class ProcuraServer:
    def __init__(self, binary, database, items=120, locations=2, timeout=600):
        self.binary = binary
        self.database = database
        self.lines = []
        self.process = subprocess.Popen(
            [binary, "serve", "--demo", "--demo-items", str(items), "--demo-locations", str(locations),
             "--port", "0", "--database", database, "--log-level", "warning"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.address = None
        self.password = None
        reader = threading.Thread(target=self._read, daemon=True)
        reader.start()
        deadline = time.time() + timeout
        while time.time() < deadline and (self.address is None or self.password is None):
            if self.process.poll() is not None:
                raise RuntimeError("procura serve exited early:\n" + "".join(self.lines))
            time.sleep(0.1)
        if self.address is None or self.password is None:
            self.stop()
            raise RuntimeError("procura serve did not start in time:\n" + "".join(self.lines))

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)
            found = re.search(r"running at (http://[0-9.:]+)/", line)
            if found:
                self.address = found.group(1)
            found = re.search(r"^Password:\s+(\S+)", line)
            if found:
                self.password = found.group(1)

    def stop(self, timeout=30):
        """SIGTERM, then wait: a graceful shutdown ends with exit status 0."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                return -9
        return self.process.returncode

    def token(self):
        """An API token for the admin, made with `procura user token add`."""
        out = subprocess.run(
            [self.binary, "user", "token", "add", "admin", "--name", "schemathesis", "--database", self.database],
            check=True, capture_output=True, text=True).stdout
        return out.strip().splitlines()[-1]
