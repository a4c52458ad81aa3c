"""Errors eventwire raises on purpose, each with a message a user can act on."""


class EventwireError(Exception):
    """Base class: the CLI prints these without a traceback."""


class InputError(EventwireError):
    """An input file or record cannot be read as an article."""


class ConfigError(EventwireError):
    """A configuration value is missing or invalid."""


class StoreError(EventwireError):
    """The DuckDB store refused an operation (bad query, newer schema, …)."""


class PipelineError(EventwireError):
    """A document could not be coded (the batch goes on; the API reports it)."""


class MissingExtraError(EventwireError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str):
        super().__init__(f"{package} is not installed; install it with: pip install 'eventwire[{extra}]'")
