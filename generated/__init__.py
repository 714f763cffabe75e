"""Generated JD Cloud clients.

Services: jdfusion.
Import a service's client from its package, e.g. ``from .jdfusion import ...``.
"""

from ._runtime import (
    APIError,
    ConfigurationError,
    Credentials,
    JDCloudError,
    ParameterError,
    TransportError,
)

__all__ = [
    "APIError",
    "ConfigurationError",
    "Credentials",
    "JDCloudError",
    "ParameterError",
    "TransportError",
]
