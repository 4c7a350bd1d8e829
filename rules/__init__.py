"""Built-in rules, one module per family. Each module exposes ``RULES``, the value
its ``reportlint.rules`` entry point names in ``pyproject.toml``."""
