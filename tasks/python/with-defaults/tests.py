from solution import with_defaults

DEFAULTS = {"timeout": 30, "retries": 3, "headers": {"Accept": "application/json"}}


def _defaults():
    assert with_defaults() == {"timeout": 30, "retries": 3, "headers": {"Accept": "application/json"}}


def _override():
    assert with_defaults({"retries": 5, "timeout": 1}) == {"timeout": 1, "retries": 5, "headers": {"Accept": "application/json"}}


def _merge_headers():
    result = with_defaults({"headers": {"X-Id": "7"}})
    assert result["headers"] == {"Accept": "application/json", "X-Id": "7"}
    assert result["timeout"] == 30


def _override_header():
    result = with_defaults({"headers": {"Accept": "text/plain", "X-A": "1"}})
    assert result["headers"] == {"Accept": "text/plain", "X-A": "1"}
    assert list(result["headers"]) == ["Accept", "X-A"]


def _order():
    result = with_defaults({"verbose": True, "retries": 5, "name": "job"})
    assert list(result) == ["timeout", "retries", "headers", "verbose", "name"]
    assert result == {"timeout": 30, "retries": 5, "headers": {"Accept": "application/json"}, "verbose": True, "name": "job"}


def _no_leak():
    first = with_defaults()
    first["retries"] = 0
    first["headers"]["X-Leak"] = "yes"
    first["extra"] = 1
    assert with_defaults() == {"timeout": 30, "retries": 3, "headers": {"Accept": "application/json"}}
    second = with_defaults({"timeout": 5})
    second["headers"]["X-Other"] = "1"
    assert with_defaults({"timeout": 5}) == {"timeout": 5, "retries": 3, "headers": {"Accept": "application/json"}}


def _no_mutation():
    headers = {"X-Id": "7"}
    options = {"retries": 1, "headers": headers}
    with_defaults(options)
    assert options == {"retries": 1, "headers": {"X-Id": "7"}}
    assert options["headers"] is headers
    assert headers == {"X-Id": "7"}


def _not_shared():
    headers = {"Accept": "text/html"}
    result = with_defaults({"headers": headers})
    assert result["headers"] is not headers
    result["headers"]["X-New"] = "1"
    assert headers == {"Accept": "text/html"}


def _none_empty():
    assert with_defaults(None) == {"timeout": 30, "retries": 3, "headers": {"Accept": "application/json"}}
    assert with_defaults({}) == {"timeout": 30, "retries": 3, "headers": {"Accept": "application/json"}}


cases = {
    "returns the defaults when no options are given": _defaults,
    "overrides defaults with given options": _override,
    "merges headers with the default headers": _merge_headers,
    "overrides a default header": _override_header,
    "keeps default keys first, then new keys in given order": _order,
    "changing a result does not affect later calls": _no_leak,
    "does not mutate the given options or their headers": _no_mutation,
    "returns headers not shared with the options": _not_shared,
    "treats None and an empty dict like no options": _none_empty,
}
