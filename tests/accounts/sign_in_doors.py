"""Which URLs can sign a user in, read from the code each URL can run.

A view can sign someone in if the code it can run reaches Django's `login()` or
allauth's `resume_login()` (where every allauth sign-in ends, in the adapter's
`login()`), or if it carries on a sign-in allauth paused. The walk follows the
functions and classes a view refers to through globals, attributes and imports,
in allauth, Django's auth, Wagtail and this project: it over-approximates, so a
door is not missed for being indirect.
"""

import dis
import functools
import importlib
import importlib.util
import inspect
import re
import types

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import resume_login
from django.contrib.auth import login
from django.urls import resolve
from django.urls.exceptions import Resolver404

from tests import urlwalk

SIGNS_IN = {login, resume_login, DefaultAccountAdapter.login}
# A view behind this decorator finishes a sign-in that allauth paused at a stage
# (the two-factor code): it calls the stage through `self`, out of the walk's sight.
RESUMES_SIGN_IN = "login_stage_required."
FOLLOWED = (
    "allauth",
    "django.contrib.auth",
    "wagtail",
    "accounts",
    "consultations",
    "core",
    "events",
    "forums",
    "gaps",
    "home",
    "themes",
    "statsforum",
)


def url_patterns():
    """(route, name, view) for every pattern in the URL configuration."""
    for found in urlwalk.url_patterns():
        yield found.route, found.pattern.name, found.pattern.callback


def sample_path(route):
    """A path the route matches: each parameter given a plain value."""
    route = re.sub(r"<(?:\w+:)?\w+>", "1", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
    return "/" + route.replace("^", "").replace("$", "")


def reachable(route, view):
    """False for a pattern that an earlier one shadows (Wagtail's admin login)."""
    try:
        return resolve(sample_path(route)).func is view
    except Resolver404:
        return True


def sign_in_urls():
    """The name (or route) of every reachable URL whose view can sign a user in."""
    return {
        name or route
        for route, name, view in url_patterns()
        if reachable(route, view) and can_sign_in(view)
    }


def can_sign_in(view):
    seen = set()
    pending = list(code_of_view(view))
    while pending:
        function = pending.pop()
        if function in seen:
            continue
        seen.add(function)
        if function.__qualname__.startswith(RESUMES_SIGN_IN):
            return True
        things, callees = neighbours(function)
        if any(thing is door for thing in things for door in SIGNS_IN):
            return True
        pending.extend(callees)
    return False


@functools.cache
def neighbours(function):
    """What a function names, and the functions among them to follow."""
    things = tuple(referenced(function))
    callees = [*wrapped_by(function)]
    for thing in things:
        callees.extend(functions_of(thing))
    return things, tuple(callees)


def code_of_view(view):
    view_class = getattr(view, "view_class", None)
    if view_class is None:
        return list(functions_of(view))
    form_classes = [
        getattr(view_class, "form_class", None),
        getattr(view, "view_initkwargs", {}).get("form_class"),
    ]
    return [
        function
        for cls in [view_class, *form_classes]
        if cls is not None
        for function in class_functions(cls)
    ]


def followed(thing):
    return getattr(thing, "__module__", None) and thing.__module__.startswith(FOLLOWED)


def functions_of(thing):
    if isinstance(thing, (staticmethod, classmethod)):
        thing = thing.__func__
    if inspect.isfunction(thing):
        if followed(thing):
            yield thing
        else:  # a decorator of Django's (method_decorator, never_cache): look in
            yield from wrapped_by(thing)
    elif inspect.isclass(thing) and followed(thing):
        yield from class_functions(thing)


def wrapped_by(function):
    """The functions a decorator's wrapper calls: kept in `__wrapped__` or a closure."""
    inner = [getattr(function, "__wrapped__", None)]
    for cell in function.__closure__ or ():
        try:
            contents = cell.cell_contents
        except ValueError:  # not yet filled
            continue
        inner.extend(contents if isinstance(contents, (list, tuple)) else [contents])
    for thing in inner:
        if inspect.isfunction(thing) and thing is not function:
            yield from functions_of(thing)


def class_functions(cls):
    for klass in cls.__mro__:
        if followed(klass):
            for attribute in vars(klass).values():
                if not inspect.isclass(attribute):
                    yield from functions_of(attribute)


def referenced(function):
    """What a function's code names: globals, their attributes, imports."""
    closure = dict(
        zip(
            function.__code__.co_freevars,
            [cell.cell_contents for cell in function.__closure__ or ()],
            strict=False,
        )
    )
    for code in code_objects(function.__code__):
        yield from names_in(code, function, closure)


def code_objects(code):
    yield code
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from code_objects(constant)


def names_in(code, function, closure):
    current, importing, local, constants = None, None, {}, []
    for instruction in dis.get_instructions(code):
        op, arg = instruction.opname, instruction.argval
        if op == "LOAD_GLOBAL":
            current = function.__globals__.get(arg)
        elif op == "LOAD_DEREF":
            current = closure.get(arg)
        elif op == "LOAD_FAST":
            current = local.get(arg)
        elif op in ("LOAD_ATTR", "LOAD_METHOD") and current is not None:
            current = getattr(current, arg, None)
        elif op == "IMPORT_NAME":
            level, names = constants[-2:] if len(constants) >= 2 else (0, None)
            importing = current = imported(
                arg, level, names, function.__globals__.get("__package__")
            )
        elif op == "IMPORT_FROM" and importing is not None:
            current = getattr(importing, arg, None) or imported(
                f"{importing.__name__}.{arg}", 0, (), None
            )
        elif op == "STORE_FAST":
            local[arg] = current
            continue
        else:
            if op == "LOAD_CONST":
                constants.append(arg)
            current = None
            continue
        if current is not None:
            yield current


def imported(name, level, names, package):
    """The object an import statement binds (a package for a plain `import a.b`)."""
    try:
        if level:
            name = importlib.util.resolve_name("." * level + name, package)
        module = importlib.import_module(name)
    except (ImportError, ValueError, TypeError, AttributeError):
        return None
    if not level and names is None:
        return importlib.import_module(name.partition(".")[0])
    return module
