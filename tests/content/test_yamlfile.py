
import pytest

from generator.content.yamlfile import parse_yaml, read_text
from generator.errors import TimelineError


def test_plain_scalars_stay_text():
    data = parse_yaml("title: no\nyear: 2022\non: yes\ndate: 2022-02-11\nn: 1.5\n")
    assert data == {"title": "no", "year": "2022", "on": "yes", "date": "2022-02-11", "n": "1.5"}


def test_empty_and_null_are_none_but_quoted_null_is_text():
    data = parse_yaml('a:\nb: ~\nc: null\nd: "null"\n')
    assert data == {"a": None, "b": None, "c": None, "d": "null"}


def test_lines_are_recorded_with_offset():
    data = parse_yaml("a: 1\nlist:\n  - x\n  - y\n", line_offset=1)
    assert data.line_of("a") == 2
    assert data.line_of("list") == 3
    assert data["list"].line_of(1) == 5


def test_duplicate_keys_are_an_error_with_both_lines():
    with pytest.raises(TimelineError) as err:
        parse_yaml("title: a\nkind: call\ntitle: b\n", "x.md", line_offset=1)
    assert str(err.value) == "x.md:4: duplicate key 'title' (first on line 2); keep one"


def test_tabs_get_a_hint():
    with pytest.raises(TimelineError, match="spaces, not tabs") as err:
        parse_yaml("people:\n\t- a\n", "x.md")
    assert err.value.line == 2


def test_billion_laughs_is_refused_quickly():
    doc = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        doc += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    with pytest.raises(TimelineError, match="expands"):  # refused, not expanded
        parse_yaml(doc, "bomb.yaml")


def test_unsafe_tags_are_refused():
    with pytest.raises(TimelineError, match="invalid YAML"):
        parse_yaml("a: !!python/object/apply:os.system ['true']\n", "x.yaml")


def test_read_text_handles_bom_crlf_utf16_and_refuses_binary(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"\xef\xbb\xbftitle: x\r\nb: y\r\n")
    assert read_text(p) == "title: x\nb: y\n"
    p.write_bytes("title: Лавров\n".encode("utf-16"))
    assert read_text(p) == "title: Лавров\n"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(TimelineError, match="binary"):
        read_text(p)
    p.write_bytes("title: Jos\xe9\n".encode("latin-1"))
    with pytest.raises(TimelineError, match="UTF-8") as err:
        read_text(p)
    assert err.value.line == 1


@pytest.mark.parametrize("text", ["a: 1\ntitle: !!timestamp 2024-01-01\n  - yes\n",
                                  "a: 1\ntitle: !!int 5\n  - yes\n",
                                  "a: 1\ntitle: !!float x\n"])
def test_a_value_its_explicit_tag_does_not_fit_is_a_located_error(text):
    """Found by the hardening tests: PyYAML raised AttributeError and ValueError."""
    with pytest.raises(TimelineError, match="invalid YAML: the value is not a valid") as err:
        parse_yaml(text, "timeline.yaml")
    assert err.value.path == "timeline.yaml" and err.value.line == 2


def test_many_shallow_lists_take_the_c_parser_and_deep_nesting_does_not():
    from generator.content.yamlfile import _may_nest_deeply

    registry = "".join(f"p{i}:\n  name: P {i}\n  aliases: [A {i}, B {i}]\n" for i in range(3000))
    assert not _may_nest_deeply(registry)
    assert _may_nest_deeply("a: " + "[" * 2500 + "]" * 2500 + "\n")
    assert _may_nest_deeply("a: " + "[x, " * 2500 + "\n")  # unclosed: the pure parser says where
    with pytest.raises(TimelineError):
        parse_yaml("a: " + "[" * 30000 + "]" * 30000 + "\n", "deep.yaml")


def test_a_cached_registry_equals_a_fresh_parse_and_is_not_changed_by_its_users(tmp_path):
    from generator.content.model import Person
    from generator.content.registry import load_cached, load_people, parse_people

    path = tmp_path / "people.yaml"
    path.write_text("a-b:\n  name: A B\n  aliases: [AB]\n")
    cache: dict = {}
    first = load_cached(path, parse_people, cache)
    first.add(Person(id="new", name="New", registered=False))
    second = load_cached(path, parse_people, cache)
    assert len(cache) == 1 and "new" not in second and second.lookup("AB").id == "a-b"
    assert second.items == load_people(path).items
    path.write_text("a-b:\n  name: A B\n  aliases: [Abe]\n")
    third = load_cached(path, parse_people, cache)
    assert third.lookup("AB") is None and third.lookup("Abe").id == "a-b"
