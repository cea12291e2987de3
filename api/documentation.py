"""The API's documentation page: the OpenAPI schema read out as a GOV.UK page, drawn
on the server (no scripts, nothing from elsewhere: the CSP stays as it is)."""

from functools import cache

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext
from drf_spectacular.generators import SchemaGenerator

from api.pagination import DEFAULT_LIMIT, MAX_LIMIT


@cache
def schema():
    """The schema, made once per process: it changes only with the code. In English,
    as programs read it, whatever the language of the page that first asked."""
    with translation.override(None):
        return SchemaGenerator().get_schema(request=None, public=True)


def translated(text):
    """A description from the schema in the reader's language, where the catalogue
    has it (the API's own are marked with gettext_noop)."""
    return gettext(text) if text else text


def resolve(spec, components):
    """A schema with its `$ref` followed, and a list of pages reduced to its rows."""
    while "$ref" in spec:
        spec = components[spec["$ref"].rsplit("/", 1)[1]]
    results = spec.get("properties", {}).get("results")
    if results:
        return resolve(results["items"], components)[0], True
    return spec, False


def type_of(spec, components):
    """A field's type in words: "string (date-time)", "list of string"..."""
    if "$ref" in spec:
        return "object: " + spec["$ref"].rsplit("/", 1)[1]
    if "allOf" in spec:
        return type_of(spec["allOf"][0], components)
    if "oneOf" in spec:
        return " or ".join(type_of(option, components) for option in spec["oneOf"])
    kind = spec.get("type", "object")
    if isinstance(kind, list):
        kind = " or ".join(kind)
    if kind == "array":
        return "list of " + type_of(spec.get("items", {}), components)
    if spec.get("enum"):
        return f"{kind}, one of " + ", ".join(str(v) for v in spec["enum"] if v)
    if spec.get("format"):
        return f"{kind} ({spec['format']})"
    return kind + (" or null" if spec.get("nullable") else "")


def fields_of(spec, components):
    return [
        {
            "name": name,
            "type": type_of(field, components),
            "description": translated(field.get("description", "")),
        }
        for name, field in spec.get("properties", {}).items()
    ]


def endpoints():
    """Each address with what it takes and what each record in it says."""
    found = schema()
    components = found.get("components", {}).get("schemas", {})
    listed = []
    for path, methods in found["paths"].items():
        operation = methods["get"]
        response = operation["responses"].get("200", {})
        body = response.get("content", {}).get("application/json", {}).get("schema")
        record, is_list = resolve(body, components) if body else ({}, False)
        listed.append(
            {
                "path": path,
                "id": operation["operationId"],
                "summary": translated(operation.get("summary", "")),
                "description": translated(operation.get("description", "")),
                "is_list": is_list,
                "parameters": [
                    {
                        "name": parameter["name"],
                        "where": parameter["in"],
                        "type": type_of(parameter.get("schema", {}), components),
                        "description": translated(parameter.get("description", "")),
                    }
                    for parameter in operation.get("parameters", [])
                ],
                "fields": fields_of(record, components),
            }
        )
    return listed


def documentation(request):
    return render(
        request,
        "api/documentation.html",
        {
            "endpoints": endpoints(),
            "default_limit": DEFAULT_LIMIT,
            "max_limit": MAX_LIMIT,
        },
    )
