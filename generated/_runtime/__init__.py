"""The runtime shared by every generated service client."""

from .credentials import Credentials
from .errors import (
    APIError,
    ConfigurationError,
    JDCloudError,
    ParameterError,
    TransportError,
)
from .serde import WireModel, to_wire
from .transport import BaseClient, Request, Response

__all__ = [
    "APIError",
    "BaseClient",
    "ConfigurationError",
    "Credentials",
    "JDCloudError",
    "ParameterError",
    "Request",
    "Response",
    "TransportError",
    "WireModel",
    "to_wire",
]
