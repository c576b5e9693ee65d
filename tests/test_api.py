"""The public API: curated __all__, type hints and docstrings on every entry."""

import importlib
import inspect
import pkgutil

import pytest

import lab_lib

MODULES = sorted(
    f"lab_lib.{info.name}"
    for info in pkgutil.iter_modules(lab_lib.__path__)
    if not info.name.startswith("_")
)


@pytest.mark.parametrize("name", MODULES)
def test_every_module_declares_its_public_names(name):
    module = importlib.import_module(name)
    assert module.__doc__, f"{name} has no module docstring"
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    for public in module.__all__:
        assert hasattr(module, public), f"{name}.__all__ lists missing {public}"


def _public_callables(module):
    for public in module.__all__:
        obj = getattr(module, public)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            yield public, obj


@pytest.mark.parametrize("name", MODULES)
def test_public_functions_have_docstrings_and_type_hints(name):
    module = importlib.import_module(name)
    for public, obj in _public_callables(module):
        assert inspect.getdoc(obj), f"{name}.{public} has no docstring"
        if inspect.isfunction(obj) and not hasattr(obj, "__wrapped__"):
            signature = inspect.signature(obj)
            assert signature.return_annotation is not inspect.Signature.empty, (
                f"{name}.{public} has no return type"
            )
            for parameter in signature.parameters.values():
                assert parameter.annotation is not inspect.Parameter.empty, (
                    f"{name}.{public}({parameter.name}) has no type hint"
                )


def test_every_user_message_exists_in_both_languages():
    from lab_lib.messages import LANGUAGES, MESSAGES

    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), key
        fields = [
            sorted(
                part.split("}")[0].split(":")[0] for part in texts[lang].split("{")[1:]
            )
            for lang in LANGUAGES
        ]
        assert fields[0] == fields[1], f"{key}: fields differ between languages"
