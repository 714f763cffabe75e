"""The clients every generated service client extends: configuration, retries, sending.

Sync and async clients share everything but the sending itself: request
building and signing (``request.prepare``), response parsing
(``response.parse_response``) and the retry decisions (``RetryPolicy``).
"""

from __future__ import annotations

import asyncio
import logging
import time
import urllib.request
import functools
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar

import httpx

from .credentials import Credentials
from .errors import (
    APIError,
    APITimeoutError,
    ConfigurationError,
    ParameterError,
    TransportError,
)
from .request import PreparedRequest, Request, prepare
from .response import APIResponse, parse_response
from .retries import RETRY_STATUSES, RetryPolicy
from .serde import WireModel
from .signing import SignatureVersion

__all__ = [
    "AsyncBaseClient",
    "BaseClient",
    "DEFAULT_TIMEOUT",
    "ResponseHook",
    "async_operation",
]

DEFAULT_TIMEOUT = 30.0
T = TypeVar("T")
P = ParamSpec("P")
HttpClientT = TypeVar("HttpClientT", bound=httpx.Client | httpx.AsyncClient)
TransportT = TypeVar("TransportT", bound=httpx.BaseTransport | httpx.AsyncBaseTransport)
_Sync = TypeVar("_Sync", bound="BaseClient")
_Async = TypeVar("_Async", bound="AsyncBaseClient")
ResponseHook = Callable[[APIResponse[Any]], None]
logger = logging.getLogger(__name__.rsplit(".", 1)[0])


def _env_proxy(scheme: str, endpoint: str) -> str | None:
    """The proxy the environment names for this endpoint, if any (NO_PROXY honoured)."""
    proxy = urllib.request.getproxies().get(scheme)
    if proxy and not urllib.request.proxy_bypass(endpoint.split(":")[0]):
        return proxy
    return None


def _fill_host(request: Request, region: str | None) -> str:
    """An operation's own host, its ``{placeholders}`` filled from the call or the client's region."""
    host = request.host or ""
    values = {**request.path_params, **request.query}
    while "{" in host:
        start = host.index("{")
        end = host.index("}", start)
        name = host[start + 1 : end]
        value = values.get(name)
        if value is None and name.lower() == "regionid":
            value = request.region or region
        if value is None:
            raise ConfigurationError(
                f"host {request.host} needs {name}: pass region= to the client"
            )
        text = str(value)
        if not text or not all(
            c.isascii() and (c.isalnum() or c in "-.") for c in text
        ):
            raise ParameterError(f"{name} {text!r} cannot be part of a host name")
        host = host[:start] + text + host[end + 1 :]
    return host


def _http_request(prepared: PreparedRequest, timeout: float) -> httpx.Request:
    return httpx.Request(
        prepared.method,
        prepared.url,
        headers=prepared.headers,
        content=prepared.content,
        extensions={"timeout": httpx.Timeout(timeout).as_dict()},
    )


class _ClientCore(Generic[HttpClientT, TransportT]):
    """Configuration, signing, retry decisions and parsing, shared by the sync and async clients."""

    SERVICE = ""
    DEFAULT_HOST = ""

    def __init__(
        self,
        credentials: Credentials | None = None,
        *,
        endpoint: str | None = None,
        scheme: str = "https",
        region: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        signature_version: SignatureVersion = "JDCLOUD3",
        on_response: ResponseHook | None = None,
        transport: TransportT | None = None,
        http_client: HttpClientT | None = None,
    ) -> None:
        """Credentials default to the environment (``JDCLOUD_ACCESS_KEY``, ``JDCLOUD_SECRET_KEY``).

        ``endpoint`` (``host[:port]``) and ``scheme`` override the service's host;
        ``region`` signs calls of operations that take no ``regionId``; ``timeout``
        is in seconds; ``retry`` sets retries and backoff; ``on_response`` is called
        with every successful APIResponse (request id, status, headers);
        ``transport`` is the httpx transport requests go through (by default an
        httpx transport with TLS verification on, through the proxy that
        ``HTTPS_PROXY``/``HTTP_PROXY``/``NO_PROXY`` name); ``http_client`` is your own,
        configured httpx client, used with all its features (cookies, event hooks)
        instead of the leaner transport path.
        """
        if scheme not in ("http", "https"):
            raise ConfigurationError(
                f"scheme must be 'http' or 'https', not {scheme!r}"
            )
        if signature_version not in ("JDCLOUD2", "JDCLOUD3"):
            raise ConfigurationError(f"unknown signature version {signature_version!r}")
        self.credentials = (
            credentials if credentials is not None else Credentials.from_env()
        )
        self.endpoint = endpoint or self.DEFAULT_HOST
        self._endpoint_given = endpoint is not None
        self.scheme = scheme
        self.region = region
        self.timeout = timeout
        self.retry = retry if retry is not None else RetryPolicy()
        self.signature_version: SignatureVersion = signature_version
        self.on_response = on_response
        self._http: HttpClientT | None = http_client
        self._transport: TransportT | None = transport
        if transport is None and http_client is None:
            self._transport = self._default_transport(_env_proxy(scheme, self.endpoint))

    def _default_transport(self, proxy: str | None) -> TransportT:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(endpoint={self.scheme}://{self.endpoint})"

    def _prepare(self, request: Request) -> PreparedRequest:
        endpoint = self.endpoint
        if request.host is not None and not self._endpoint_given:
            endpoint = _fill_host(request, self.region)
        return prepare(
            request,
            scheme=self.scheme,
            endpoint=endpoint,
            credentials=self.credentials,
            service=self.SERVICE,
            region=self.region,
            signature_version=self.signature_version,
        )

    def _retry_after_status(
        self, prepared: PreparedRequest, answer: httpx.Response, attempt: int
    ) -> float | None:
        if answer.status_code not in RETRY_STATUSES or not self.retry.allows(
            prepared.method, attempt
        ):
            return None
        delay = self.retry.delay(attempt, answer.headers)
        logger.info(
            "%s -> HTTP %s; retrying in %.2fs", prepared, answer.status_code, delay
        )
        return delay

    def _retry_after_error(
        self, prepared: PreparedRequest, error: httpx.HTTPError, attempt: int
    ) -> float:
        timed_out = isinstance(error, httpx.TimeoutException)
        if not self.retry.allows(prepared.method, attempt):
            what = (
                "timed out" if timed_out else f"failed: {type(error).__name__}: {error}"
            )
            kind = APITimeoutError if timed_out else TransportError
            raise kind(f"{prepared.method} {prepared.url} {what}") from error
        delay = self.retry.delay(attempt)
        logger.info(
            "%s -> %s; retrying in %.2fs", prepared, type(error).__name__, delay
        )
        return delay

    def _finish(
        self,
        prepared: PreparedRequest,
        answer: httpx.Response,
        parse: Callable[[Any], T],
        started: float,
    ) -> APIResponse[T]:
        logger.debug(
            "%s -> HTTP %s in %.3fs",
            prepared,
            answer.status_code,
            time.monotonic() - started,
        )
        raw = parse_response(answer.status_code, answer.headers, answer.content)
        try:
            result = parse(raw.result)
        except (TypeError, ValueError, AttributeError, KeyError) as error:
            raise APIError(
                f"the answer does not have the documented shape ({type(error).__name__}: {error})",
                status_code=raw.status_code,
                request_id=raw.request_id,
                body=answer.content.decode("utf-8", errors="replace"),
            ) from error
        if isinstance(result, WireModel):
            result._request_id = raw.request_id
        response = APIResponse(result, raw.request_id, raw.status_code, raw.headers)
        if self.on_response is not None:
            self.on_response(response)
        return response


class BaseClient(_ClientCore[httpx.Client, httpx.BaseTransport]):
    """A synchronous client (``httpx.Client``). Use it as a context manager, or call ``close()``."""

    def _default_transport(self, proxy: str | None) -> httpx.BaseTransport:
        return httpx.HTTPTransport(proxy=proxy)

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
        if self._transport is not None:
            self._transport.close()

    def _send(self, prepared: PreparedRequest, timeout: float) -> httpx.Response:
        if self._transport is None and self._http is not None:
            return self._http.request(
                prepared.method,
                prepared.url,
                headers=prepared.headers,
                content=prepared.content,
                timeout=timeout,
            )
        assert self._transport is not None
        answer = self._transport.handle_request(_http_request(prepared, timeout))
        try:
            answer.read()
        finally:
            answer.close()
        return answer

    def __enter__(self: _Sync) -> _Sync:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _call(
        self, request: Request, parse: Callable[[Any], T], timeout: float | None = None
    ) -> APIResponse[T]:
        attempt = 0
        while True:
            prepared = self._prepare(request)
            started = time.monotonic()
            try:
                answer = self._send(
                    prepared, self.timeout if timeout is None else timeout
                )
            except httpx.HTTPError as error:
                time.sleep(self._retry_after_error(prepared, error, attempt))
                attempt += 1
                continue
            delay = self._retry_after_status(prepared, answer, attempt)
            if delay is None:
                return self._finish(prepared, answer, parse, started)
            time.sleep(delay)
            attempt += 1


class AsyncBaseClient(_ClientCore[httpx.AsyncClient, httpx.AsyncBaseTransport]):
    """An asynchronous client (``httpx.AsyncClient``). Use ``async with``, or ``await aclose()``."""

    def _default_transport(self, proxy: str | None) -> httpx.AsyncBaseTransport:
        return httpx.AsyncHTTPTransport(proxy=proxy)

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
        if self._transport is not None:
            await self._transport.aclose()

    async def _send(self, prepared: PreparedRequest, timeout: float) -> httpx.Response:
        if self._transport is None and self._http is not None:
            return await self._http.request(
                prepared.method,
                prepared.url,
                headers=prepared.headers,
                content=prepared.content,
                timeout=timeout,
            )
        assert self._transport is not None
        answer = await self._transport.handle_async_request(
            _http_request(prepared, timeout)
        )
        try:
            await answer.aread()
        finally:
            await answer.aclose()
        return answer

    async def __aenter__(self: _Async) -> _Async:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    async def _call(
        self, request: Request, parse: Callable[[Any], T], timeout: float | None = None
    ) -> APIResponse[T]:
        attempt = 0
        while True:
            prepared = self._prepare(request)
            started = time.monotonic()
            try:
                answer = await self._send(
                    prepared, self.timeout if timeout is None else timeout
                )
            except httpx.HTTPError as error:
                await asyncio.sleep(self._retry_after_error(prepared, error, attempt))
                attempt += 1
                continue
            delay = self._retry_after_status(prepared, answer, attempt)
            if delay is None:
                return self._finish(prepared, answer, parse, started)
            await asyncio.sleep(delay)
            attempt += 1


class _Recorder:
    """Stands in for a client while a sync method describes its call."""

    __slots__ = ("call",)
    result = None

    def _call(
        self,
        request: Request,
        parse: Callable[[Any], Any],
        timeout: float | None = None,
    ) -> _Recorder:
        self.call = (request, parse, timeout)
        return self


def async_operation(
    method: Callable[Concatenate[Any, P], T],
) -> Callable[Concatenate[AsyncBaseClient, P], Coroutine[Any, Any, T]]:
    """The async twin of a generated sync method: the same arguments, request and parsing.

    The sync method describes its call (request, parser, timeout) to a recorder;
    the async client then sends that call and awaits it.
    """

    @functools.wraps(method)
    async def operation(
        self: AsyncBaseClient, /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        recorder = _Recorder()
        method(recorder, *args, **kwargs)
        request, parse, timeout = recorder.call
        response = await self._call(request, parse, timeout)
        result: T = response.result
        return result

    return operation
