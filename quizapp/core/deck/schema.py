"""The deck JSON Schema as editors read it (Taplo / Even Better TOML, VS Code's JSON tools).

pydantic describes the five kinds of card as a `oneOf` with an OpenAPI `discriminator`, which
JSON Schema validators ignore: a typo anywhere in a card then fails all five branches, and an
editor can only say that the whole card "is not valid under any of the schemas listed in the
'oneOf'". Here each kind is chosen by `if` its `kind` is that kind, `then` its schema, so only
that kind's schema speaks and the error names the key (`'answr' was unexpected`) where it is.
An optional table is `X or null` to pydantic; TOML has no null, so it is just X.
"""

from __future__ import annotations

from typing import Any


def _without_null(node: Any) -> Any:
    """`anyOf: [X, {"type": "null"}]` -> X, everywhere (and no `"default": null`)."""
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    shaped = {key: _without_null(value) for key, value in node.items()}
    options = shaped.get("anyOf")
    if isinstance(options, list):
        kept = [option for option in options if option != {"type": "null"}]
        if len(kept) != len(options):
            del shaped["anyOf"]
            if len(kept) == 1 and isinstance(kept[0], dict):
                shaped = {**kept[0], **shaped}
            else:
                shaped["anyOf"] = kept
    if "default" in shaped and shaped["default"] is None:
        del shaped["default"]
    return shaped


def _by_kind(items: dict[str, Any]) -> dict[str, Any]:
    """A card: `kind` one of the kinds, then the schema of that kind alone."""
    mapping: dict[str, str] = items["discriminator"]["mapping"]
    kinds = list(mapping)
    return {
        "type": "object",
        "required": ["kind"],
        "properties": {
            "kind": {
                "enum": kinds,
                "description": "What the card asks: " + ", ".join(kinds) + ".",
            }
        },
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {"$ref": reference},
            }
            for kind, reference in mapping.items()
        ],
    }


def editor_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """pydantic's schema of a deck, shaped for editors (see the module's docstring)."""
    shaped: dict[str, Any] = _without_null(schema)
    cards = shaped["properties"]["cards"]
    if "discriminator" in cards.get("items", {}):
        cards["items"] = _by_kind(cards["items"])
    return shaped
