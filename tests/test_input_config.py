"""The input keys of the config: text-field, id-field, respect-gitignore, max-document-size."""

import pytest

from cnlint.config import ConfigError, config_from_mapping


def test_input_keys_are_read():
    config = config_from_mapping(
        {
            "text-field": "content.body",
            "id-field": "meta.uid",
            "respect-gitignore": False,
            "max-document-size": 1000,
        },
        "cnlint.toml",
        None,
    )
    assert (config.text_field, config.id_field) == ("content.body", "meta.uid")
    assert config.respect_gitignore is False and config.max_document_size == 1000


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("text-field", ""),
        ("text-field", "content..body"),
        ("id-field", 3),
        ("respect-gitignore", "no"),
        ("max-document-size", "10MB"),
        ("max-document-size", 0),
    ],
)
def test_bad_values_are_errors_naming_the_key(key, value):
    with pytest.raises(ConfigError, match=key):
        config_from_mapping({key: value}, "cnlint.toml", None)


def test_unknown_key_is_an_error_naming_it():
    with pytest.raises(ConfigError, match="text_field"):
        config_from_mapping({"text_field": "body"}, "cnlint.toml", None)
