"""Fixtures for the render tests: rendered synthetic views and a locked-down browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest

from .graphs import build_small_graph, small_documents

CHROMIUM = Path("/usr/bin/chromium")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a 5,000-node graph (tens of seconds)")
    config.addinivalue_line("markers", "browser: drives a headless chromium")


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    return build_small_graph()


@pytest.fixture(scope="session")
def rendered_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("views")
    from kg.render import render_views

    render_views(build_small_graph(), out, top_n=300, ego_count=5, documents=small_documents())
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by playwright, with everything but file:// refused."""
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed"
    )
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=executable,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()
