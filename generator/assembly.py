"""Groups parsed pages into services and gives every model one final class name.

Rule for models (deterministic, independent of the order pages are read in):
a model name defined on several pages of a service becomes one class when all
definitions have the same shape (same wire names with the same types; the
Required and Default columns may differ, a field required anywhere is
required). When the shapes differ, each shape becomes its own class named
after the first operation (alphabetically) that defines it, e.g.
``DescribeAlarmRuleRule``, and a warning names the pages involved. Every
operation's ``Result`` table becomes ``<Operation>Result``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .diagnostics import Diagnostics
from .ir import Api, Model, Operation, Service, SkippedPage, TypeRef
from .names import METHOD_RESERVED, RUNTIME_EXPORTS, class_name, snake_case, unique_names
from .page_parser import OperationPage, PageModel
from .type_mapping import referenced_models, rename_models

__all__ = ["assemble", "MODELS_MODULE_NAMES"]

# Names the generated modules import or export besides the models: no model class
# and no client class may take them (the runtime's exports, typing helpers).
MODELS_MODULE_NAMES = (
    ("Any", "ClassVar", "Self", "cast", "dataclass", "field")
    + ("WireModel", "Request", "BaseClient", "AsyncBaseClient")
    + RUNTIME_EXPORTS
)

Shape = tuple[tuple[str, TypeRef], ...]


@dataclass(frozen=True)
class _Candidate:
    page: OperationPage
    definition: PageModel

    @property
    def key(self) -> tuple[str, str]:
        name = self.definition.model.wire_name
        if name == "Result":
            return (self.page.operation.name, name)
        return ("", name)

    @property
    def shape(self) -> Shape:
        return tuple((f.wire_name, _strip_source(f.type)) for f in self.definition.model.fields)


def _strip_source(ref: TypeRef) -> TypeRef:
    item = _strip_source(ref.item) if ref.item is not None else None
    return replace(ref, source="", item=item)


def assemble(
    pages: Iterable[OperationPage],
    skipped: Iterable[SkippedPage],
    diagnostics: Diagnostics,
    service_names: Mapping[str, str] | None = None,
) -> Api:
    """Build the Api from every operation page; conflicts become warnings.

    A service is named after the first label of its request host
    (``jdfusion.jdcloud-api.com`` -> ``jdfusion``, ``idata-jmr-api.jcloud.com`` ->
    ``idata-jmr-api``, package ``idata_jmr_api``), unless ``service_names`` maps that
    label to another name.
    """
    renames = service_names or {}
    superseded: list[SkippedPage] = []
    by_service: dict[str, list[OperationPage]] = defaultdict(list)
    for page in sorted(pages, key=lambda p: p.operation.source.file):
        label = page.operation.service_name
        by_service[renames.get(label, label)].append(page)
    ordered = sorted(by_service)
    modules = unique_names(snake_case(name) for name in ordered)
    services = tuple(
        _service(name, module, by_service[name], diagnostics, superseded)
        for name, module in zip(ordered, modules)
    )
    return Api(
        services,
        tuple(sorted(skipped, key=lambda s: s.file)),
        tuple(sorted(superseded, key=lambda s: s.file)),
    )


def _service(
    name: str,
    module_name: str,
    pages: list[OperationPage],
    diagnostics: Diagnostics,
    superseded: list[SkippedPage],
) -> Service:
    pages = _unique_operations(pages, diagnostics, superseded)
    client = class_name(module_name) + "Client"
    if client in MODELS_MODULE_NAMES:
        client = class_name(module_name) + "ServiceClient"
    names = _final_model_names(pages, diagnostics, (client, "Async" + client))
    models: dict[str, Model] = {}
    operations: list[Operation] = []
    for page in pages:
        op = page.operation
        side_names = {
            side: {
                d.model.wire_name: names[(op.name, side, d.model.wire_name)]
                for d in page.models
                if (op.name, side, d.model.wire_name) in names
            }
            for side in ("request", "response")
        }
        for definition in page.models:
            final = names[(op.name, definition.side, definition.model.wire_name)]
            model = _renamed_model(
                definition.model, final, side_names[definition.side], op.name
            )
            known = models.get(final)
            if known is None:
                models[final] = model
            elif _same_shape(known, model):
                models[final] = _merge_required(known, model)
            else:
                diagnostics.warning(
                    model.location,
                    f"model '{definition.model.wire_name}' is defined again with another "
                    f"shape; the definition at {known.location} is used",
                )
        parameters = tuple(
            replace(p, type=rename_models(p.type, side_names["request"]))
            for p in op.parameters
        )
        result = rename_models(op.result, side_names["response"]) if op.result else None
        operations.append(replace(op, parameters=parameters, result=result))

    operations.sort(key=lambda o: o.name)
    method_names = unique_names(
        (o.python_name + ("_" if o.python_name in METHOD_RESERVED else "") for o in operations),
        taken=METHOD_RESERVED,
    )
    operations = [replace(o, python_name=n) for o, n in zip(operations, method_names)]
    final_models = _mark_usage(models, operations)
    hosts = Counter(o.host for o in operations)
    versions = sorted({o.version for o in operations})
    if len(versions) > 1:
        first = operations[0].source
        diagnostics.warning(
            first,
            f"service '{name}' has pages of several API versions ({', '.join(versions)}); "
            "each operation keeps the version of its own page",
        )
    return Service(
        name=name,
        module_name=module_name,
        class_name=client,
        host=sorted(hosts, key=lambda h: (-hosts[h], h))[0],
        version=versions[-1],
        operations=tuple(operations),
        models=tuple(final_models[k] for k in sorted(final_models)),
    )


def _unique_operations(
    pages: list[OperationPage], diagnostics: Diagnostics, superseded: list[SkippedPage]
) -> list[OperationPage]:
    """One page per operation name: the newest API version, then the first page by path.

    Two pages that agree on method and path (e.g. a page and its translation) get a
    note; pages that disagree get a warning.
    """
    by_name: dict[str, list[OperationPage]] = defaultdict(list)
    for page in pages:
        by_name[page.operation.name].append(page)
    kept: list[OperationPage] = []
    for name, candidates in by_name.items():
        chosen = sorted(
            candidates, key=lambda p: (-_version_number(p.operation.version), p.operation.source.file)
        )
        first = chosen[0].operation
        for other in chosen[1:]:
            op = other.operation
            same = (op.method, op.path) == (first.method, first.path)
            superseded.append(SkippedPage(op.source.file, f"superseded by {first.source.file}"))
            report = diagnostics.note if same else diagnostics.warning
            report(
                op.source,
                f"operation '{name}' is also described by {first.source}; that page is used"
                + ("" if same else f" ({first.method} {first.path}, not {op.method} {op.path})"),
            )
        kept.append(chosen[0])
    return sorted(kept, key=lambda p: p.operation.source.file)


def _version_number(version: str) -> int:
    match = re.match(r"v([0-9]{1,9})", version)
    return int(match.group(1)) if match else 0


def _final_model_names(
    pages: list[OperationPage], diagnostics: Diagnostics, taken: tuple[str, ...]
) -> dict[tuple[str, str, str], str]:
    """Map (operation, side, page model name) to the final class name."""
    groups: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
    for page in pages:
        for definition in page.models:
            candidate = _Candidate(page, definition)
            groups[candidate.key].append(candidate)

    wanted: list[tuple[str, list[_Candidate]]] = []
    for (operation, name), candidates in sorted(groups.items()):
        shapes: dict[Shape, list[_Candidate]] = defaultdict(list)
        for candidate in candidates:
            shapes[candidate.shape].append(candidate)
        if operation:
            wanted.append((class_name(operation) + class_name(name), candidates))
        elif len(shapes) == 1:
            wanted.append((class_name(name), candidates))
        else:
            ordered = sorted(shapes.values(), key=lambda cs: min(_op(c) for c in cs))
            places = "; ".join(
                f"{class_name(min(_op(c) for c in cs)) + class_name(name)} from "
                f"{cs[0].definition.model.location}"
                for cs in ordered
            )
            diagnostics.warning(
                ordered[0][0].definition.model.location,
                f"model '{name}' has {len(ordered)} different shapes, one class each "
                f"(named after its first operation): {places}",
            )
            for cs in ordered:
                first_op = min(_op(c) for c in cs)
                wanted.append((class_name(first_op) + class_name(name), cs))

    finals = unique_names(
        (w + ("_" if w in MODELS_MODULE_NAMES or w in taken else "") for w, _ in wanted),
        taken=MODELS_MODULE_NAMES + taken,
    )
    result: dict[tuple[str, str, str], str] = {}
    for final, (_, candidates) in zip(finals, wanted):
        for c in candidates:
            key = (_op(c), c.definition.side, c.definition.model.wire_name)
            result[key] = final
    # A page may refer from one side to a model defined only on the other side.
    for page in pages:
        op = page.operation.name
        for definition in page.models:
            for side in ("request", "response"):
                other = (op, side, definition.model.wire_name)
                if other not in result:
                    result[other] = result[(op, definition.side, definition.model.wire_name)]
    return result


def _op(candidate: _Candidate) -> str:
    return candidate.page.operation.name


def _renamed_model(
    model: Model, final: str, names: dict[str, str], operation: str
) -> Model:
    fields = tuple(replace(f, type=rename_models(f.type, names)) for f in model.fields)
    description = model.description
    if model.wire_name == "Result" and not description:
        description = f"The result of {operation}."
    return replace(model, name=final, fields=fields, description=description)


def _same_shape(a: Model, b: Model) -> bool:
    return [(f.wire_name, _strip_source(f.type)) for f in a.fields] == [
        (f.wire_name, _strip_source(f.type)) for f in b.fields
    ]


def _merge_required(first: Model, second: Model) -> Model:
    fields = tuple(
        replace(
            a,
            required=a.required or b.required,
            default=a.default if a.default is not None else b.default,
            description=a.description or b.description,
        )
        for a, b in zip(first.fields, second.fields)
    )
    return replace(first, fields=fields, description=first.description or second.description)


def _mark_usage(models: dict[str, Model], operations: list[Operation]) -> dict[str, Model]:
    def reach(roots: Iterable[TypeRef]) -> set[str]:
        seen: set[str] = set()
        stack = [n for n in (referenced_models(r) for r in roots) if n]
        while stack:
            name = stack.pop()
            if name in seen or name not in models:
                continue
            seen.add(name)
            stack.extend(
                n for n in (referenced_models(f.type) for f in models[name].fields) if n
            )
        return seen

    requests = reach(p.type for o in operations for p in o.parameters)
    responses = reach(o.result for o in operations if o.result is not None)
    return {
        name: replace(model, used_in_request=name in requests, used_in_response=name in responses)
        for name, model in models.items()
    }
