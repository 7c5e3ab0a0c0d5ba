from solution import sort_by_age


def _ascending():
    assert sort_by_age([("cy", 40), ("al", 25), ("bo", 30)]) == [("al", 25), ("bo", 30), ("cy", 40)]


def _descending():
    assert sort_by_age([("cy", 40), ("al", 25), ("bo", 30)], descending=True) == [("cy", 40), ("bo", 30), ("al", 25)]


def _stable():
    people = [("bo", 30), ("al", 25), ("cy", 30), ("di", 25)]
    assert sort_by_age(people) == [("al", 25), ("di", 25), ("bo", 30), ("cy", 30)]


def _no_mutation():
    people = [("bo", 30), ("al", 25)]
    result = sort_by_age(people)
    assert people == [("bo", 30), ("al", 25)]
    assert result is not people


def _stable_descending():
    people = [("bo", 30), ("al", 25), ("cy", 30), ("di", 25)]
    assert sort_by_age(people, True) == [("bo", 30), ("cy", 30), ("al", 25), ("di", 25)]


def _no_name_ties():
    people = [("zed", 20), ("amy", 20), ("kim", 20)]
    assert sort_by_age(people) == [("zed", 20), ("amy", 20), ("kim", 20)]
    assert sort_by_age(people, descending=True) == [("zed", 20), ("amy", 20), ("kim", 20)]


def _empty():
    assert sort_by_age([]) == []
    assert sort_by_age([], descending=True) == []


def _single():
    people = [("al", 1)]
    result = sort_by_age(people)
    assert result == [("al", 1)]
    assert result is not people


cases = {
    "sorts by age ascending": _ascending,
    "sorts by age descending": _descending,
    "keeps input order for equal ages": _stable,
    "does not modify the input list": _no_mutation,
    "keeps input order for equal ages when descending": _stable_descending,
    "does not break ties by name": _no_name_ties,
    "returns an empty list for no people": _empty,
    "returns a new list for a single person": _single,
}
