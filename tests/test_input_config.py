"""The input keys of the config: text-field, id-field, respect-gitignore, max-document-size."""

import pytest

from cnlint.config import ConfigError, config_from_mapping

from conftest import run_cli


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


@pytest.mark.parametrize(
    ("command", "option", "value"),
    [
        ("check", "--text-field", ""),
        ("check", "--id-field", "meta..url"),
        ("fix", "--text-field", ""),
    ],
)
def test_a_bad_key_path_on_the_command_line_is_a_usage_error_not_a_traceback(
    tmp_path, command, option, value
):
    corpus = tmp_path / "a.txt"
    corpus.write_text("利民之事，丝发必兴。\n", encoding="utf-8")  # seed 003, line 1, fixed
    out = ["--out", str(tmp_path / "out")] if command == "fix" else []
    result = run_cli(command, str(corpus), *out, option, value)
    assert result.returncode == 2
    assert result.stderr.startswith(f"cnlint: error: {option}: expected a key path")
    assert "Traceback" not in result.stderr + result.stdout
