#!/usr/bin/env python3
"""schemathesis against the live server's /openapi.yaml: no server errors, no responses outside the
documented statuses, content types and schemas. Bounded: --max-examples per operation and a time
limit for the whole run.

    python3 Tests/Browser/schemathesis_test.py --procura .build/debug/procura --schemathesis st
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve import ProcuraServer  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--procura", required=True)
    parser.add_argument("--schemathesis", default="schemathesis")
    parser.add_argument("--max-examples", type=int, default=int(os.environ.get("PROCURA_SCHEMATHESIS_EXAMPLES", "30")))
    parser.add_argument("--time-limit", type=int, default=int(os.environ.get("PROCURA_SCHEMATHESIS_SECONDS", "600")))
    parser.add_argument("--report", default=None, help="JUnit XML report file")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="procura-schemathesis-")
    server = ProcuraServer(args.procura, "sqlite:" + os.path.join(folder, "demo.sqlite"), items=60)
    try:
        token = server.token()
        command = [
            args.schemathesis, "run", server.address + "/openapi.yaml",
            "--header", "Authorization: Bearer " + token,
            "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
            "--max-examples", str(args.max_examples),
            "--workers", "1",
            "--request-timeout", "90",  # a debug build under the whole suite's load: 36,500 simulated periods take ~7 s alone
            "--no-color",
        ]
        if args.report:
            command += ["--report", "junit", "--report-junit-path", args.report]
        print("$", " ".join(c if "Bearer" not in c else "Authorization: Bearer ***" for c in command), flush=True)
        try:
            result = subprocess.run(command, timeout=args.time_limit)
            status = result.returncode
        except subprocess.TimeoutExpired:
            print("schemathesis: stopped after the time limit of %d s" % args.time_limit)
            status = 2
    finally:
        stopped = server.stop()
    if stopped != 0:
        print("server did not shut down gracefully: exit %s" % stopped)
        print("last lines of the server's output:\n" + "".join(server.lines[-60:]))
        status = status or 1
    print("schemathesis: %s" % ("1 passed, 0 failed" if status == 0 else "0 passed, 1 failed"))
    return status


if __name__ == "__main__":
    sys.exit(main())
