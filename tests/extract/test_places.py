import zipfile

import pytest

from kg.extract import places
from kg.extract.places import gazetteer, world_countries, world_places


@pytest.mark.parametrize(
    ("surface", "name", "level", "parent"),
    [
        ("聊城", "聊城市", "city", "山东省"),
        ("东昌府区", "东昌府区", "county", "聊城市"),
        ("临清", "临清市", "county", "聊城市"),
        ("山东", "山东省", "province", None),
        ("北京", "北京市", "province", None),  # a municipality is not repeated as its own city
    ],
)
def test_places_resolve_names(surface, name, level, parent):
    place = gazetteer().resolve(surface)
    assert (place.name, place.level, place.parent.name if place.parent else None) == (
        name,
        level,
        parent,
    )


def test_places_ambiguous_town_resolves_near_home():
    gaz = gazetteer()
    assert gaz.resolve("于集镇") is None or gaz.resolve("于集镇").name == "于集镇"
    near = gaz.resolve("聊城市")
    assert gaz.resolve("于集镇", near=near).parent.name == "东昌府区"
    assert gaz.resolve("朝阳区") is None  # Beijing's or Changchun's: nothing to prefer


def test_places_read_zipped_data(tmp_path, monkeypatch):
    # jionlp ships its data zipped and unpacks it on first use; we read the zip without unpacking.
    with zipfile.ZipFile(tmp_path / "china_location.zip", "w") as zf:
        zf.writestr(
            "china_location.txt",
            "山东省\t370000\t山东\n\t聊城市\t371500\t聊城\n\t\t临清市\t371581\t临清\n",
        )
    monkeypatch.setattr(places, "_dictionary_dir", lambda: tmp_path)
    lines = list(places._read_lines("china_location"))
    assert lines[1].strip().split("\t")[0] == "聊城市"
    assert not (tmp_path / "china_location.txt").exists()


def test_places_missing_data_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(places, "_dictionary_dir", lambda: tmp_path)
    with pytest.raises(RuntimeError, match="reinstall jionlp"):
        list(places._read_lines("china_location"))


def test_places_rows_are_cached_and_a_bad_cache_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    read_text = places._read_text
    parsed = places._DIVISION_LINE.findall(read_text("china_location"))
    assert places._division_rows() == parsed  # first use: parsed and stored
    (stored,) = (tmp_path / "cache" / "places").glob("china_location-*.marshal")
    monkeypatch.setattr(places, "_read_text", lambda name: pytest.fail("parsed again"))
    assert places._division_rows() == parsed  # from the cache
    stored.write_bytes(b"\x00not marshal")
    monkeypatch.setattr(places, "_read_text", read_text)
    assert places._division_rows() == parsed  # a broken file is ignored and replaced
    assert [p.name for p in (tmp_path / "cache" / "places").iterdir()] == [stored.name]


def test_places_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KG_CACHE", str(blocker))  # mkdir under a file fails
    rows = places._division_rows()
    assert ("", "山东省", "山东") in rows


def test_places_countries_the_world_list_lacks_are_countries():
    # short forms and former states news writes (lexicons/more_countries.txt)
    assert {"印尼", "苏联", "南斯拉夫"} <= world_countries() <= world_places()


def _doc(words: list[str]):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, spaces=[False] * len(words))


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (
            ["香港", "与", "阿拉伯联合酋", "长国", "签订", "协定"],
            ["阿拉伯联合酋长国"],
        ),  # cut by the model
        (["应", "厄立特里亚国", "政府", "邀请"], ["厄立特里亚国"]),
        (["以色列", "国防部", "发言人"], []),  # 以色列国 does not end on a word's edge
        (["瑞士", "代表团"], []),  # a short name is the model's to find
        # a short name of four characters or more, which the model cut too
        (["访问", "哥斯达黎", "加", "期间"], ["哥斯达黎加"]),
        (["访问", "圣马", "力诺"], ["圣马力诺"]),
        # a place with 的 in its name, which the model cuts at 的
        (["访问", "波罗", "的", "海", "三国"], ["波罗的海"]),
        (["抵达", "的", "黎波里"], ["的黎波里"]),
    ],
)
def test_a_countrys_full_name_is_one_place_on_word_edges(words, found):
    from kg.extract.place_spans import country_spans

    spans = country_spans(_doc(words))
    assert [s.text for s in spans] == found and all(s.label_ == "LOC" for s in spans)
