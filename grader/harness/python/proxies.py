"""Stand-ins, in the tests sandbox (T), for what lives in the learner sandbox (L).

- RemoteObject: any learner object that is not a plain builtin value. Its methods are requests
  to L. Compared with a plain value it is never equal (so an always-true __eq__ cannot pass
  assertEqual(result, 5)); ordering comparisons are only asked of L between two learner objects,
  and every answer L gives to a comparison must be an exact bool.
- Learner exception classes become real T classes, subclassing the right builtin exception and
  cached by module and name, so that assertRaises(bob.MyError) and `except` work.
- LearnerFinder: a meta-path hook that makes `import bob` return a RemoteModule.
"""
from __future__ import annotations

import builtins
import collections
import importlib.abc
import importlib.machinery
import sys
import types

import wire

CHANNEL = None  # set by the harness: the one channel.Channel to L

# Builtin exceptions a learner exception may be rebuilt as. KeyboardInterrupt and GeneratorExit
# would stop the harness itself; learner code raising them gets an Exception-based stand-in.
_BASES = {name: obj for name, obj in vars(builtins).items()
          if isinstance(obj, type) and issubclass(obj, BaseException)
          and name not in ("BaseException", "KeyboardInterrupt", "GeneratorExit",
                           "BaseExceptionGroup", "ExceptionGroup")}
_exception_classes: dict = {}
_namedtuples: dict = {}


def _request(op, target=None, *args, **kwargs):
    return CHANNEL.request(op, target, args, kwargs)


def _exact(value, kind, what):
    if type(value) is not kind:
        raise TypeError(f"{what} must return {kind.__name__}, not {type(value).__name__}")
    return value


class RemoteObject:
    __slots__ = ("_jt_id", "_jt_hash", "_jt_label", "__weakref__")

    def __init__(self, number, hashed, label):
        object.__setattr__(self, "_jt_id", number)
        object.__setattr__(self, "_jt_hash", hashed)
        object.__setattr__(self, "_jt_label", label)

    def _jt_handle_of(self):
        return [wire.LEARNER_HANDLE, self._jt_id, self._jt_hash, self._jt_label]

    def __getattr__(self, name):
        if name.startswith("_jt_"):
            raise AttributeError(name)
        return _request("getattr", self, name)

    def __setattr__(self, name, value):
        _request("setattr", self, name, value)

    def __delattr__(self, name):
        _request("delattr", self, name)

    def __call__(self, *args, **kwargs):
        return CHANNEL.request("call", self, args, kwargs)

    def __repr__(self):
        try:
            return _exact(_request("repr", self), str, "__repr__")
        except Exception as exc:
            if getattr(exc, "_jt_remote", False):
                raise  # the learner's __repr__ failed (or returned None): as in a plain run
            return f"<{self._jt_label} object>"
        except BaseException:  # L is gone: failure messages must still be written
            return f"<{self._jt_label} object>"

    def __str__(self):
        return _exact(_request("str", self), str, "__str__")

    def __format__(self, spec):
        return _exact(_request("format", self, spec), str, "__format__")

    def __bool__(self):
        return _exact(_request("bool", self), bool, "__bool__")

    def __len__(self):
        return _exact(_request("len", self), int, "__len__")

    def __iter__(self):
        result = _request("iter", self)
        return iter(result) if type(result) is list else result  # list: L sent all items

    def __next__(self):
        return _request("next", self)

    def __reversed__(self):  # the learner's __reversed__, or its sequence protocol, in L
        result = _request("reversed", self)
        return iter(result) if type(result) is list else result

    def __getitem__(self, key):
        return _request("getitem", self, key)

    def __setitem__(self, key, value):
        _request("setitem", self, key, value)

    def __delitem__(self, key):
        _request("delitem", self, key)

    def __contains__(self, item):
        return _exact(_request("contains", self, item), bool, "__contains__")

    def __hash__(self):
        if self._jt_hash is None:
            raise TypeError(f"unhashable type: '{self._jt_label}'")
        return self._jt_hash

    def __dir__(self):
        return list(_request("dir", self))

    def __instancecheck__(self, obj):
        return _exact(_request("isinstance", self, obj), bool, "__instancecheck__")

    def __subclasscheck__(self, cls):
        return _exact(_request("issubclass", self, cls), bool, "__subclasscheck__")

    def __enter__(self):
        return _request("enter", self)

    def __exit__(self, *exc_info):
        return _request("exit", self)

    def __int__(self):
        return _exact(_request("int", self), int, "__int__")

    def __float__(self):
        return _exact(_request("float", self), float, "__float__")

    def __index__(self):
        return _exact(_request("index", self), int, "__index__")

    def __round__(self, *ndigits):
        return _request("round", self, *ndigits)


def _compare(op):
    def method(self, other):
        if not isinstance(other, RemoteObject):
            return NotImplemented  # a learner object never equals / orders with a plain value
        return _exact(_request(op, self, other), bool, f"__{op}__")
    method.__name__ = f"__{op}__"
    return method


def _binary(op, reflected):
    def method(self, other):
        return _request(("r" if reflected else "") + op, self, other)
    method.__name__ = f"__{'r' if reflected else ''}{op.rstrip('_')}__"
    return method


def _unary(op):
    def method(self):
        return _request(op, self)
    method.__name__ = f"__{op}__"
    return method


for _op in ("eq", "ne", "lt", "le", "gt", "ge"):
    setattr(RemoteObject, f"__{_op}__", _compare(_op))
for _op in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "and_", "or_",
            "xor", "lshift", "rshift"):
    setattr(RemoteObject, f"__{_op.rstrip('_')}__", _binary(_op, False))
    setattr(RemoteObject, f"__r{_op.rstrip('_')}__", _binary(_op, True))
for _op in ("neg", "pos", "abs", "invert"):
    setattr(RemoteObject, f"__{_op}__", _unary(_op))


_proxy_classes: dict = {}

# Learner objects of these built-in kinds pass isinstance() for them, as inspect.isgenerator(),
# isfunction(), isgeneratorfunction()... expect: isinstance falls back on __class__. (The
# learner agent labels a learner class of the same name with its module: no confusion.)
_KINDS = {"generator": types.GeneratorType, "function": types.FunctionType,
          "method": types.MethodType, "coroutine": types.CoroutineType,
          "async_generator": types.AsyncGeneratorType,
          "builtin_function_or_method": types.BuiltinFunctionType}


def make_proxy(number, hashed, label):
    """A proxy whose class bears the learner class's name (type(p).__name__ == "Produit"),
    though it is never the learner's class itself."""
    name = label.rpartition(".")[2]
    if not name.isidentifier():
        return RemoteObject(number, hashed, label)
    cls = _proxy_classes.get(label)
    if cls is None:
        namespace = {"__slots__": (), "__qualname__": label, "__module__": "learner"}
        if label in _KINDS:
            namespace["__class__"] = property(lambda self, kind=_KINDS[label]: kind)
        cls = _proxy_classes[label] = type(name, (RemoteObject,), namespace)
    return cls(number, hashed, label)


class RemoteModule(types.ModuleType):
    """A learner module: attributes are fetched from L on every access (module state can
    change between calls), except the import system's own __name__, __spec__, __path__..."""

    def _jt_handle_of(self):
        handle = self.__dict__.get("_jt_module")
        return handle._jt_handle_of() if handle is not None else None

    def __setattr__(self, name, value):
        # mock.patch / monkeypatch on a learner module must change it in L, where the learner's
        # own functions look their globals up; the import system's attributes stay here.
        handle = self.__dict__.get("_jt_module")
        if handle is None or name.startswith(("__", "_jt_")) or isinstance(value, RemoteModule):
            super().__setattr__(name, value)
        else:
            self.__dict__.pop(name, None)
            _request("setattr", handle, name, value)

    def __delattr__(self, name):
        handle = self.__dict__.get("_jt_module")
        if handle is None or name.startswith(("__", "_jt_")) or name in self.__dict__:
            super().__delattr__(name)
        else:
            _request("delattr", handle, name)

    def __getattr__(self, name):
        handle = self.__dict__.get("_jt_module")
        if handle is None or name.startswith("_jt_"):
            raise AttributeError(name)
        try:
            return _request("getattr", handle, name)
        except AttributeError:
            if name == "__all__":  # `from bob import *` with no __all__: its public names
                return [n for n in _request("public_names", handle) if type(n) is str]
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}") from None


class LearnerFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports of the learner's modules are answered by L (first on sys.meta_path, as the
    learner's files come first on sys.path in a plain run)."""

    def __init__(self, top_level_names, test_files):
        self.test_modules = {name[:-3].replace("/", ".") for name in test_files}
        # A test file (a helper the tests import) always wins over a learner file of that name.
        self.names = set(top_level_names) - {m.partition(".")[0] for m in self.test_modules}
        self._pending = {}

    def find_spec(self, fullname, path=None, target=None):
        top = fullname.partition(".")[0]
        if top not in self.names:
            return None
        if top in sys.stdlib_module_names and not self._imported_by_tests():
            return None  # a learner file named like a stdlib module shadows it for tests only
        answer = _request("import", None, fullname, target is not None)
        if type(answer) is dict and answer.get("missing") is True:
            return None
        if (type(answer) is not dict or not isinstance(answer.get("module"), RemoteObject)
                or type(answer.get("package")) is not bool or type(answer.get("file")) is not str):
            raise ImportError(f"module {fullname!r} could not be imported", name=fullname)
        spec = importlib.machinery.ModuleSpec(fullname, self, is_package=answer["package"])
        self._pending[fullname] = answer
        return spec

    def create_module(self, spec):
        return RemoteModule(spec.name)

    def exec_module(self, module):
        answer = self._pending.pop(module.__name__)
        module.__dict__["_jt_module"] = answer["module"]
        module.__dict__["__file__"] = answer["file"] or None
        if answer["package"]:
            module.__dict__["__path__"] = []

    def _imported_by_tests(self):
        frame = sys._getframe(2)
        while frame is not None:
            name = frame.f_globals.get("__name__", "")
            if not name.startswith(("importlib", "_frozen_importlib")) and name != __name__:
                return name in self.test_modules
            frame = frame.f_back
        return False


def exception_class(chain, base_name):
    """The T class standing for a learner (or stdlib) exception class, built once per name."""
    if not isinstance(chain, list) or not isinstance(base_name, str):
        raise wire.ProtocolError("bad exception class")
    cls = _BASES.get(base_name)
    if cls is None:  # KeyboardInterrupt, GeneratorExit...: a stand-in of that name
        chain = chain + [["builtins", base_name[:100]]]
        cls = Exception
    for entry in reversed(chain[:20]):
        module, qualname = (str(part)[:200] for part in entry)
        real = _stdlib_exception(module, qualname, cls)
        if real is not None:
            cls = real
            continue
        key = (module, qualname, cls)
        known = _exception_classes.get(key)
        if known is None:
            known = _exception_classes[key] = type(qualname.rpartition(".")[2] or "Error", (cls,), {
                "__module__": module, "__qualname__": qualname, "__str__": _remote_str,
                "__getattr__": _remote_getattr, "_jt_handle_of": _exception_handle})
        cls = known
    return cls


# Standard modules whose exceptions steer the test run itself: never rebuilt as the real class.
_RUNNER_MODULES = ("unittest", "doctest", "bdb", "pdb", "test", "pytest", "_pytest")


def _stdlib_exception(module, qualname, base):
    """The tests' own class for a standard-library exception (dataclasses.FrozenInstanceError),
    so that assertRaises with it catches what the learner's code raised. Only a public class of
    a standard module T has already imported, and only one that really derives from *base*."""
    top = module.partition(".")[0]
    if (top not in sys.stdlib_module_names or top in _RUNNER_MODULES
            or any(part.startswith("_") for part in module.split(".") + qualname.split("."))):
        return None
    found = sys.modules.get(module)
    for part in qualname.split("."):
        found = getattr(found, part, None) if found is not None else None
    if (isinstance(found, type) and issubclass(found, base) and issubclass(found, Exception)
            and found.__module__ == module and found.__qualname__ == qualname):
        return found
    return None


def _remote_str(exc):
    return exc.__dict__.get("_jt_text", "")


def _remote_getattr(exc, name):
    handle = exc.__dict__.get("_jt_remote_handle")
    if handle is None or name.startswith("_"):
        raise AttributeError(name)
    return _request("getattr", handle, name)


def _exception_handle(exc):
    handle = exc.__dict__.get("_jt_remote_handle")
    return handle._jt_handle_of() if handle is not None else None


def make_exception(info, codec, depth=0):
    """The exception to raise in T for an exception L reported (with its __cause__)."""
    if type(info) is not dict:
        raise wire.ProtocolError("bad exception")
    cls_tree = info["cls"]
    cls = exception_class(cls_tree[1], cls_tree[2])
    args = codec.decode(info.get("args"))
    if type(args) is not tuple:
        args = ()
    text = str(info.get("text", ""))[:4000]
    try:
        exc = cls(*args)
    except Exception:
        cls = exception_class(cls_tree[1], "Exception")
        exc = cls(*args)
    exc._jt_remote = True
    exc._jt_exhausted = info.get("exhausted") is True  # L was really out of memory
    exc._jt_text = text
    where = info.get("where") if type(info.get("where")) is list else []
    exc._jt_where = [[str(part)[:300] for part in w] for w in where[-5:]
                     if type(w) is list and len(w) == 4]
    handle = codec.decode(info.get("handle"))
    if isinstance(handle, RemoteObject):
        exc._jt_remote_handle = handle
    cause = info.get("cause")
    if type(cause) is dict and depth < 3:
        exc.__cause__ = make_exception(cause, codec, depth + 1)
    return exc


def decode_special(tag, tree, items):
    if tag == wire.EXC_CLASS:
        return exception_class(tree[1], tree[2])
    if tag == wire.NAMEDTUPLE:
        module, qualname, fields = str(tree[1])[:200], str(tree[2])[:200], tree[3]
        if (type(fields) is not list or len(fields) != len(items)
                or not all(type(f) is str and f.isidentifier() for f in fields)):
            return tuple(items)
        key = (module, qualname, tuple(fields))
        cls = _namedtuples.get(key)
        if cls is None:
            try:
                cls = collections.namedtuple(qualname.rpartition(".")[2] or "Tuple", fields,
                                             module=module)
            except ValueError:  # a field name namedtuple refuses (a keyword, a duplicate)
                return tuple(items)
            _namedtuples[key] = cls
        return cls(*items)
    raise wire.ProtocolError(f"unknown value tag {tag!r}")
