from __future__ import annotations

import os
import sys
import threading

import pytest

from kg.runtime.parallel import extract_all, extract_all_with_client
from kg.schema import Article, Extraction, Mention, Sentence


class FakeExtractor:
    """Cheap, deterministic and picklable, with a lazily "loaded model" like the real one."""

    def __init__(self, *, fail_on: str | None = None) -> None:
        self.fail_on = fail_on
        self._model: str | None = None

    def __getstate__(self) -> dict:
        return {"fail_on": self.fail_on, "_model": None}  # the model never travels

    def fingerprint(self) -> str:
        return "fake-1"

    def load(self) -> str:
        return "model"

    def extract(self, article: Article) -> Extraction:
        if self._model is None:
            self._model = self.load()
        if article.id == self.fail_on:
            raise ValueError(f"cannot extract {article.id}")
        mentions = [
            Mention(i, i + 2, article.text[i : i + 2], "ORG", 0, source=self._model)
            for i in range(0, len(article.text) - 1, 3)
        ]
        return Extraction(article=article, mentions=mentions)

    def extract_many(self, articles: list[Article]) -> list[Extraction]:
        return [self.extract(a) for a in articles]


PROCESS_LOADS = 0


class LoadCountingExtractor(FakeExtractor):
    """Tags each mention with its process id and how many models that process loaded."""

    def load(self) -> str:
        global PROCESS_LOADS
        PROCESS_LOADS += 1
        return f"{os.getpid()}:{PROCESS_LOADS}"


def make_articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = f"第{i}篇文章：市政府召开会议{i * 7}次。"
        out.append(
            Article(
                id=f"a#{i}", source="x.txt", text=text, sentences=[Sentence(0, len(text), text)]
            )
        )
    return out


@pytest.mark.parametrize(
    ("jobs", "batch_size", "n"),
    [(1, 8, 10), (2, 1, 7), (2, 3, 40), (2, 8, 0)],
)
def test_parallel_same_output_in_input_order(jobs: int, batch_size: int, n: int) -> None:
    articles = make_articles(n)
    expected = [FakeExtractor().extract(a) for a in articles]
    done: list[int] = []
    got = list(
        extract_all(
            articles, FakeExtractor(), jobs=jobs, batch_size=batch_size, progress=done.append
        )
    )
    assert got == expected
    assert [e.article.id for e in got] == [a.id for a in articles]
    assert sum(done) == n


def test_parallel_each_worker_loads_the_model_once() -> None:
    got = list(extract_all(make_articles(60), LoadCountingExtractor(), jobs=2, batch_size=2))
    tags = {m.source for e in got for m in e.mentions}
    pids = {t.split(":")[0] for t in tags}
    assert 1 <= len(pids) <= 2 and str(os.getpid()) not in pids
    assert {t.split(":")[1] for t in tags} == {"1"}


def test_parallel_accepts_a_lazy_iterable() -> None:
    articles = make_articles(30)
    got = list(extract_all(iter(articles), FakeExtractor(), jobs=2, batch_size=4))
    assert [e.article.id for e in got] == [a.id for a in articles]


@pytest.mark.parametrize("jobs", [1, 2])
def test_parallel_error_in_an_article_propagates(jobs: int) -> None:
    with pytest.raises(ValueError, match=r"cannot extract a#5"):
        list(extract_all(make_articles(20), FakeExtractor(fail_on="a#5"), jobs=jobs, batch_size=2))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"jobs": 0}, "jobs must be >= 1"),
        ({"batch_size": 0}, "batch_size must be >= 1"),
        ({"engine": "spark"}, "'spark' is not a valid Engine"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "needs engine='dask'"),
    ],
)
def test_parallel_rejects_bad_options(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        extract_all([], FakeExtractor(), **kwargs)


def test_parallel_dask_missing_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import now raises ImportError
    with pytest.raises(RuntimeError, match=r"pip install 'kg\[dask\]'"):
        extract_all([], FakeExtractor(), engine="dask")


def test_parallel_dask_local_cluster_matches_serial() -> None:
    distributed = pytest.importorskip("distributed")
    articles = make_articles(25)
    expected = [FakeExtractor().extract(a) for a in articles]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        done: list[int] = []
        got = list(
            extract_all_with_client(
                articles, FakeExtractor(), client, batch_size=4, progress=done.append
            )
        )
    assert got == expected
    assert sum(done) == len(articles)


def test_parallel_dask_engine_starts_its_own_cluster() -> None:
    pytest.importorskip("distributed")
    articles = make_articles(12)
    expected = [FakeExtractor().extract(a) for a in articles]
    assert (
        list(extract_all(articles, FakeExtractor(), engine="dask", jobs=1, batch_size=5))
        == expected
    )


# --- beside: one function in a forked process ------------------------------------------------

needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork only on Linux")


@needs_fork
def test_beside_runs_in_another_process_at_the_same_time(tmp_path) -> None:
    from kg.runtime.parallel import beside

    marker = tmp_path / "child.pid"

    def work() -> None:
        marker.write_text(str(os.getpid()))

    with beside(work):
        here = os.getpid()
    assert int(marker.read_text()) != here


@needs_fork
def test_beside_raises_the_error_of_the_child() -> None:
    from kg.runtime.parallel import beside

    def work() -> None:
        raise ValueError("bad value")

    with pytest.raises(ValueError, match="bad value") as caught, beside(work):
        pass
    # what the child printed comes along: its traceback, naming the process
    assert isinstance(caught.value.__cause__, RuntimeError)
    assert "the process writing beside this one failed" in str(caught.value.__cause__)
    assert 'raise ValueError("bad value")' in str(caught.value.__cause__)


@needs_fork
def test_beside_raises_an_os_error_of_the_child_as_one() -> None:
    # kg watch reports an OSError (a full disk) and goes on; it must not become another error
    from kg.runtime.parallel import beside

    def work() -> None:
        raise OSError(28, "No space left on device", "/out/graph.graphml")

    with pytest.raises(OSError, match="No space left") as caught, beside(work):
        pass
    assert caught.value.errno == 28 and caught.value.filename == "/out/graph.graphml"


@needs_fork
def test_beside_raises_kg_errors_of_the_child_as_themselves() -> None:
    # the CLI turns a BackendError into one line; it must not arrive as a traceback
    from kg.extract.backends import BackendError
    from kg.runtime.parallel import beside

    def work() -> None:
        raise BackendError("pip install kg[spacy]")

    with pytest.raises(BackendError, match=r"pip install kg\[spacy\]"), beside(work):
        pass


@needs_fork
def test_beside_raises_the_text_of_an_error_that_does_not_pickle() -> None:
    from kg.runtime.parallel import beside

    def work() -> None:
        raise ValueError(threading.Lock())  # a lock cannot be pickled, whatever else is installed

    with pytest.raises(RuntimeError, match=r"ValueError: <unlocked _thread.lock"), beside(work):
        pass


def test_beside_disabled_runs_here_first(tmp_path) -> None:
    from kg.runtime.parallel import beside

    order: list[str] = []
    with beside(lambda: order.append(f"work {os.getpid()}"), enabled=False):
        order.append("body")
    assert order == [f"work {os.getpid()}", "body"]


@needs_fork
def test_shared_counter_hands_each_number_out_once_across_processes(tmp_path) -> None:
    from kg.runtime.parallel import beside, shared_counter

    take = shared_counter()
    theirs = tmp_path / "theirs.txt"

    def work() -> None:
        numbers = []
        while (n := take()) < 2000:
            numbers.append(n)
        theirs.write_text(" ".join(map(str, numbers)))

    mine = []
    with beside(work):
        while (n := take()) < 2000:
            mine.append(n)
    other = [int(n) for n in theirs.read_text().split()]
    assert sorted(mine + other) == list(range(2000))  # none twice, none lost
    assert mine == sorted(mine) and other == sorted(other)
