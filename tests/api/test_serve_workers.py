"""``storyline serve --workers N``: several server processes on one port, over one store."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_helpers import store_copy

from storyline.api.serve import settings_from_json, settings_to_json
from storyline.api.settings import ApiSettings
from storyline.errors import StorylineError


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_settings_reach_the_workers_without_the_token() -> None:
    settings = ApiSettings(token="t" * 20, cache_seconds=5.0, read_threads=3, ingest_stages=("clean", "copies"))
    text = settings_to_json(settings)
    assert "t" * 20 not in text
    assert settings_from_json(text, "t" * 20) == settings
    assert settings_from_json(text, None).token is None


def test_serve_refuses_a_bad_worker_count(tmp_path: Path) -> None:
    from storyline.api import serve

    with pytest.raises(StorylineError) as refused:
        serve(str(tmp_path / "store.db"), workers=0, settings=ApiSettings())
    assert refused.value.code == "E304"


def test_two_workers_answer_on_one_port(seed_store: dict[str, Any], tmp_path: Path) -> None:
    db = store_copy(seed_store, tmp_path / "store.db")
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if key != "STORYLINE_API_TOKEN"}
    command = [sys.executable, "-m", "storyline", "serve", "--db", str(db), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=5)
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the server did not come up: {server.stdout.read() if server.stdout else ''}")
                time.sleep(0.3)
        assert answer.status_code == 200 and answer.json()["items"]
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            story = answer.json()["items"][0]["id"]
            assert {client.get(f"/api/stories/{story}").status_code for _ in range(20)} == {200}
            refused = client.post("/api/articles", json={"text": "x"})
            assert refused.status_code == 403  # no token configured: writing is off in every worker
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert output.count("Started server process") == 2, output  # two worker processes served
