"""Allow ``python -m reportlint``."""

from .cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess test
    main()
