#!/usr/bin/env python3
"""Builds src/test/resources/upstream-corpus: Ignition configs (spec 3.0.0-3.3.0) taken from the tests of
Ignition itself and of the libraries it parses configs with, plus deterministic mutations of the valid ones.

UpstreamCorpusAgreesWithIgnitionValidateTest holds our validator's verdict, paths, lines and columns to
/usr/bin/ignition-validate's (Debian's Ignition 2.14.0) on every one of them.

Inputs (local bare git mirrors, read with `git show REV:PATH`; nothing is fetched):
  coreos/ignition        /work/.mirror/coreos+ignition/repo, tag v2.14.0 (the ignition-validate on the build
                         machines), for
                           tests/positive/**, tests/negative/**    blackbox test configs ("blackbox-*")
                           config/v3_{0..3}/types/*_test.go        validation tables, Go literals translated
                                                                   to JSON ("types-*")
                           config/v3_{0..3}/config_test.go         parse tests, JSON strings ("parse-*")
  coreos/go-systemd      /work/.mirror/coreos+go-systemd/repo, tag v22.0.0 (the version Ignition 2.14.0's
                         go.mod names): unit/deserialize_test.go unit texts as systemd.units[].contents and
                         dropins ("systemd-*")
  vincent-petithory/dataurl  /work/.mirror/vincent-petithory+dataurl/repo, tag v1.0.0 (Ignition's go.mod):
                         dataurl_test.go and rfc2396_test.go data URLs as contents.source ("dataurl-*")
  golang/go              src/net/url/url_test.go at commit 011829989365218ba4532e86ab0b6702971daab3: the
                         repository is too big to mirror here, so its test URLs are copied below into
                         NET_URL_TESTS: all inputs of urltests, parseRequestURLTests, TestParseErrors,
                         TestRejectControlCharacters and a few single tests, and a selection of
                         resolveReferenceTests' bases, references and results; each goes in as a file
                         source, a config to merge and (3.1.0 on) an https proxy ("neturl-*")
Mutations ("mutated-*") of the valid configs (positive blackbox tests, type table entries expecting no error):
relative and unclean paths, duplicates, bad and special modes, unit and dropin suffixes, data URLs,
compression, hashes.

Output: one <origin>-<nnnn>-<version>.ign per config (configs identical to an earlier one are dropped) and
SOURCES.tsv naming each one's origin: repository, revision, file, test or table entry, mutation. Nothing
depends on time or on the file system's order, so a rerun reproduces the corpus byte for byte.

Rerun (Python 3 standard library only), from the repository root:
    python3 corpus/build-upstream-corpus.py [--ignition-mirror DIR] [--systemd-mirror DIR] [--dataurl-mirror DIR]
It deletes and rewrites src/test/resources/upstream-corpus/*.ign and SOURCES.tsv.
"""

import argparse
import copy
import json
import re
import subprocess
import sys
from pathlib import Path

IGNITION_REV = "v2.14.0"
SYSTEMD_REV = "v22.0.0"
DATAURL_REV = "v1.0.0"
GO_URL_TEST = ("golang/go", "011829989365218ba4532e86ab0b6702971daab3", "src/net/url/url_test.go")
VERSIONS = ["3.0.0", "3.1.0", "3.2.0", "3.3.0"]
OUT = Path("src/test/resources/upstream-corpus")

# The test URLs of Go's net/url (GO_URL_TEST), in file order, copied by hand from that file.
NET_URL_TESTS = [
    # urltests
    "http://www.google.com", "http://www.google.com/", "http://www.google.com/file%20one%26two",
    "http://www.google.com/#file%20one%26two", "ftp://webmaster@www.google.com/", "ftp://john%20doe@www.google.com/",
    "http://www.google.com/?", "http://www.google.com/?foo=bar?", "http://www.google.com/?q=go+language",
    "http://www.google.com/?q=go%20language", "http://www.google.com/a%20b?q=c+d",
    "http:www.google.com/?q=go+language", "http:%2f%2fwww.google.com/?q=go+language",
    "mailto:/webmaster@golang.org", "mailto:webmaster@golang.org", "/foo?query=http://bad", "//foo",
    "//user@foo/path?a=b", "///threeslashes", "http://user:password@google.com", "http://j@ne:password@google.com",
    "http://jane:p@ssword@google.com", "http://j@ne:password@google.com/p@th?q=@go",
    "http://www.google.com/?q=go+language#foo", "http://www.google.com/?q=go+language#foo&bar",
    "http://www.google.com/?q=go+language#foo%26bar", "file:///home/adg/rabbits", "file:///C:/FooBar/Baz.txt",
    "MaIlTo:webmaster@golang.org", "a/b/c", "http://%3Fam:pa%3Fsword@google.com", "http://192.168.0.1/",
    "http://192.168.0.1:8080/", "http://[fe80::1]/", "http://[fe80::1]:8080/", "http://[fe80::1%25en0]/",
    "http://[fe80::1%25en0]:8080/", "http://[fe80::1%25%65%6e%301-._~]/", "http://[fe80::1%25%65%6e%301-._~]:8080/",
    "http://rest.rsc.io/foo%2fbar/baz%2Fquux?alt=media", "mysql://a,b,c/bar", "scheme://!$&'()*+,;=hello!:1/path",
    "http://host/!$&'()*+,;=:@[hello]", "http://example.com/oid/[order_id]", "http://192.168.0.2:8080/foo",
    "http://192.168.0.2:/foo", "http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:8080/foo",
    "http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:/foo", "http://[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:8080/foo",
    "http://[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:/foo", "http://hello.\u4e16\u754c.com/foo",
    "http://hello.%e4%b8%96%e7%95%8c.com/foo", "http://hello.%E4%B8%96%E7%95%8C.com/foo", "http://example.com//foo",
    "myscheme://authority<\"hi\">/foo", "tcp://[2020::2020:20:2020:2020%25Windows%20Loves%20Spaces]:2020",
    "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn", "mailto:?subject=hi",
    # parseRequestURLTests
    "http://foo.com", "http://foo.com/", "http://foo.com/path", "/", "//not.a.user@not.a.host/just/a/path",
    "//not.a.user@%66%6f%6f.com/just/a/path/also", "*", "foo.html", "../dir/", " http://foo.com",
    "http://192.168.0.%31/", "http://192.168.0.%31:8080/", "http://[fe80::%31]/", "http://[fe80::%31]:8080/",
    "http://[fe80::%31%25en0]/", "http://[fe80::%31%25en0]:8080/", "http://[fe80::1%en0]/",
    "http://[fe80::1%en0]:8080/",
    # resolveReferenceTests (bases, references and results)
    "http://foo.com?a=b", "https://bar.com/", "https://bar.com/?a=b", "https://bar.com/?",
    "http://foo.com/bar", "mailto:foo@example.com", "/baz", "http://foo.com/bar?a=b#f", "http://foo.com/bar?a=b",
    "/baz?", "/baz?c=d", "http://foo.com/baz?", "http://foo.com/baz?c=d", "http://foo.com//baz",
    "http://foo.com///baz/quux", "https://foo.com/bar?a=b", "//bar.com/quux", "https://bar.com/quux", ".",
    "http://foo.com/bar/", "bar", "http://foo.com/bar/baz", "quux", "../quux", "../../../../../quux", "..", "./..",
    "quux/dotdot/../tail", "quux/./dotdot/dotdot/dotdot/./../../.././././tail",
    "http://foo.com/bar/quux/tail", "http://foo.com/dot/./dotdot/../foo/bar", "...", ".#frag",
    "http://example.org/", "#!$&%27()*+,;=", "http://example.org/#!$&%27()*+,;=", "http://foo.com/foo%2fbar/",
    "http://foo.com/1/2%2f/3%2f4/5", "./a%2f../../b/..%2fc", "http://foo.com/1/2/b/..%2fc",
    "http://foo.com/foo%20bar/", "../bar%2fbaz", "http://foo.com/foo%2dbar/baz-quux", "http://a/b/c/d;p?q", "g:h",
    "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "", "./", "../",
    "../g", "../..", "../../", "../../g", "http://a/b/c/g;x?y#s", "http://a/b/c/d;p?q#s", "../../../g", "/./g",
    "/../g", "g.", ".g", "g..", "..g", "g;x=1/./y", "g?y/./x", "g#s/../x", "http://a/b/c/g#s/../x",
    "https://a/b/c/d;p?q", "//g?q", "//g#s", "//g/d/e/f?y#s", "https://g/d/e/f?y#s", "https://a/b/c/d;p#s",
    "https://a/b/c/d;p?q#s", "?", "https://a/b/c/d;p?",
    # TestParseErrors
    "http://[::1]", "http://[::1]:80", "http://[::1]:namedport", "http://x:namedport", "http://[::1]/",
    "http://[::1]a", "http://[::1]%23", "http://[::1%25en0]", "http://[::1]:", "http://x:", "http://[::1]:%38%30",
    "http://[::1%25%41]", "http://[%10::1]", "http://[::1]/%48", "http://%41:8080/", "mysql://x@y(z:123)/foo",
    "mysql://x@y(1.2.3.4:123)/foo", "ht tp://foo.com", "ahttp://foo.com", "1http://foo.com",
    "http://[]%20%48%54%54%50%2f%31%2e%31%0a%4d%79%48%65%61%64%65%72%3a%20%31%32%33%0a%0a/", "http://a b.com/",
    "cache_object://foo", "cache_object:foo", "cache_object:foo/bar", "cache_object/:foo/bar",
    # TestInvalidUserPassword, TestRejectControlCharacters, TestQueryValues, TestJSON
    "http://user^:passwo^rd@foo.com/", "http://foo.com/?foo\nbar", "http\r://foo.com/", "http://foo\x7f.com/",
    "http://foo.com/ctl\x80", "http://x.com?foo=bar&bar=1&bar=2&baz", "https://www.google.com/x?y=z",
    # TestJoinPath
    "https://go.googlesource.com", "https://go.googlesource.com/a/b/c", "https://go.googlesource.com//",
]

SAMPLE = {
    "url": "http://127.0.0.1:8080/config",
    "dataurl": "data:;base64,YQ==",
    "sha512": "sha512-" + "0123456789abcdef" * 8,
    "sha512hex": "0123456789abcdef" * 8,
    "sha256hex": "0123456789abcdef" * 4,
}
PLACEHOLDERS = [("$DEVICE", "/dev/vdb"), ("$disk0", "/dev/vdc"), ("$disk1", "/dev/vdd"), ("$dev0", "/dev/vde"),
                ("$dev1", "/dev/vdf"), ("$dev2", "/dev/vdg"), ("$dev3", "/dev/vdh"), ("$dev", "/dev/vdi")] + [
    ("$uuid%d" % i, "5dfbf5f4-2848-4bac-aa5e-0d9a20b745a%d" % i) for i in range(4)]


def git_show(repo, rev, path):
    return subprocess.run(["git", "-C", str(repo), "show", f"{rev}:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def git_ls(repo, rev, prefix):
    out = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", rev, prefix], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return sorted(out.split())


# ---- a small Go lexer and literal reader ------------------------------------------------------------------

TOKEN = re.compile(r"""
    (?P<ws>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<raw>`[^`]*`)
  | (?P<str>"(?:[^"\\\n]|\\.)*")
  | (?P<rune>'(?:[^'\\\n]|\\.)*')
  | (?P<num>0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|[0-9][0-9_]*(?:\.[0-9]+)?)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>:=|\.\.\.|&&|\|\||==|!=|<-|[-+*/%&|^<>=!(){}\[\],;:.])
""", re.X | re.S)


def lex(src):
    tokens, pos = [], 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            tokens.append(("op", src[pos]))
            pos += 1
            continue
        pos = m.end()
        if m.lastgroup != "ws":
            tokens.append((m.lastgroup, m.group()))
    return tokens


def go_string(tok):
    kind, text = tok
    if kind == "raw":
        return text[1:-1].replace("\r", "")
    # Go and JSON escapes differ in \x, \' and octal; the tests here use only the common ones and \x.
    body = text[1:-1]
    out, i = [], 0
    simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a", "b": "\b", "f": "\f",
              "v": "\v"}
    raw = bytearray()
    while i < len(body):
        c = body[i]
        if c == "\\":
            e = body[i + 1]
            if e in simple:
                raw += simple[e].encode()
                i += 2
            elif e == "x":
                raw.append(int(body[i + 2:i + 4], 16))
                i += 4
            elif e == "u":
                raw += chr(int(body[i + 2:i + 6], 16)).encode()
                i += 6
            elif e in "01234567":
                raw.append(int(body[i + 1:i + 4], 8))
                i += 4
            else:
                raise Unsupported("escape \\" + e)
        else:
            raw += c.encode()
            i += 1
    return raw.decode("utf-8", errors="surrogateescape")


class Unsupported(Exception):
    """A Go construct the translator does not handle; the entry is skipped and counted."""


class GoTypes:
    """The struct types of an Ignition types package (schema.go), with their json names."""

    def __init__(self, schema_src):
        self.structs = {}  # name -> list of (go field name or None, type, json name or None for embedded)
        self.aliases = {}  # named non-struct types: name -> underlying type
        for m in re.finditer(r"^type (\w+) struct \{\n(.*?)^\}", schema_src, re.M | re.S):
            fields = []
            for line in m.group(2).splitlines():
                line = line.strip()
                f = re.match(r"(\w+)\s+(\S+)\s+`json:\"([^,\"]*)", line)
                if f:
                    fields.append((f.group(1), f.group(2), f.group(3)))
                elif re.fullmatch(r"\w+", line):
                    fields.append((line, line, None))
            self.structs[m.group(1)] = fields
        for m in re.finditer(r"^type (\w+) ([^\s{]+)$", schema_src, re.M):
            self.aliases[m.group(1)] = m.group(2)


class LiteralReader:
    """Reads a Go expression from a token list into a JSON value (None: Go's nil, left out)."""

    # util's helpers, and headers_test.go's own toPointer: all take a value's address.
    PTR_HELPERS = {"StrToPtr", "IntToPtr", "BoolToPtr", "StrToPtrStrict", "toPointer"}

    def __init__(self, tokens, types):
        self.t, self.i, self.types = tokens, 0, types

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ("eof", "")

    def take(self, text=None):
        tok = self.peek()
        if text is not None and tok[1] != text:
            raise Unsupported(f"expected {text}, got {tok[1]}")
        self.i += 1
        return tok

    def type_name(self):
        """A type expression: []T, *T, pkg.T, T."""
        prefix = ""
        while self.peek()[1] in ("[", "*", "&"):
            if self.peek()[1] == "[":
                self.take("[")
                self.take("]")
                prefix += "[]"
            elif self.peek()[1] == "*":
                self.take()
            else:
                self.take()
        name = self.take()[1]
        if self.peek()[1] == "." and self.peek(1)[0] == "ident":
            self.take()
            name = self.take()[1]
        return prefix + name

    def value(self, expected=None):
        kind, text = self.peek()
        if kind in ("str", "raw"):
            s = go_string(self.take())
            while self.peek()[1] == "+" and self.peek(1)[0] in ("str", "raw"):
                self.take()
                s += go_string(self.take())
            if self.peek()[1] == "+":
                raise Unsupported("string concatenation with a non-literal")
            return s
        if kind == "num":
            self.take()
            return self.number(text)
        if text == "-" and self.peek(1)[0] == "num":
            self.take()
            return -self.number(self.take()[1])
        if text in ("true", "false"):
            self.take()
            return text == "true"
        if text == "nil":
            self.take()
            return None
        if text == "&":
            self.take()
            return self.value(expected)
        if text == "{":
            if expected is None:
                raise Unsupported("untyped composite literal")
            return self.composite(expected)
        if kind == "ident" or text in ("[", "*"):
            start = self.i
            name = self.type_name()
            if self.peek()[1] == "{":
                return self.composite(name)
            if self.peek()[1] == "(":
                self.take("(")
                if name in self.PTR_HELPERS or name in self.types.aliases or name == "string":
                    v = self.value(self.types.aliases.get(name))
                elif name == "Repeat":
                    s = self.value()
                    self.take(",")
                    n = self.value()
                    v = s * n
                else:
                    raise Unsupported("call of " + name)
                self.take(")")
                return v
            self.i = start
            raise Unsupported("identifier " + text)
        raise Unsupported("token " + text)

    @staticmethod
    def number(text):
        text = text.replace("_", "")
        if re.fullmatch(r"0[0-7]+", text):
            return int(text, 8)
        if "." in text:
            raise Unsupported("float")
        return int(text, 0)

    def composite(self, type_name):
        type_name = self.types.aliases.get(type_name, type_name)
        self.take("{")
        if type_name.startswith("[]"):
            element = type_name[2:]
            out = []
            while self.peek()[1] != "}":
                out.append(self.value(element))
                if self.peek()[1] == ",":
                    self.take()
            self.take("}")
            return [v if v is not None else {} for v in out]
        fields = self.types.structs.get(type_name)
        if fields is None:
            raise Unsupported("type " + type_name)
        out = {}
        position = 0
        while self.peek()[1] != "}":
            if self.peek()[0] == "ident" and self.peek(1)[1] == ":":
                key = self.take()[1]
                self.take(":")
                field = next((f for f in fields if f[0] == key), None)
            else:
                field = fields[position] if position < len(fields) else None
            position += 1
            if field is None:
                raise Unsupported(f"field of {type_name}")
            go_name, go_type, json_name = field
            v = self.value(go_type.lstrip("*"))
            if json_name is None:
                if not isinstance(v, dict):
                    raise Unsupported("embedded non-struct")
                out.update(v)
            elif v is not None:
                out[json_name] = v
            if self.peek()[1] == ",":
                self.take()
        self.take("}")
        return out

    def skip_value(self):
        """Skips one expression up to the next top-level , or closing brace."""
        depth = 0
        while True:
            text = self.peek()[1]
            if depth == 0 and text in (",", "}"):
                return
            if text in ("(", "{", "["):
                depth += 1
            elif text in (")", "}", "]"):
                depth -= 1
            self.take()


# ---- configs ------------------------------------------------------------------------------------------------

def wrap(go_type, value, test_name, version):
    """A whole config holding a value of an Ignition type, or None when there is no natural place for it."""
    ign = {"version": version}
    f = lambda **extra: {"path": "/file", **extra}
    http = "http://example.com/file"
    scalars = {
        "TestModeValidate": lambda v: {"storage": {"files": [f(mode=v)]}},
        "TestPermissionBitsValidate": lambda v: {"storage": {"files": [f(mode=v)]}},
        "TestValidateLabel": lambda v: {"storage": {"disks": [{"device": "/dev/vda", "partitions": [{"label": v}]}]}},
        "TestValidateGUID": lambda v: {"storage": {"disks": [{"device": "/dev/vda", "partitions": [{"guid": v}]}]}},
        "TestPathValidate": lambda v: {"storage": {"files": [{"path": v}]}},
        "TestValidateProxyURL": lambda v: {"ignition": {"proxy": {"httpProxy": v}}},
        "TestSystemdUnitValidateName": lambda v: {"systemd": {"units": [{"name": v}]}},
        "TestURLValidate": lambda v: {"storage": {"files": [f(contents={"source": v})]}},
        "TestHashParts": lambda v: {"storage": {"files": [f(contents={"source": http, "verification": {"hash": v}})]}},
    }
    structs = {
        "Config": lambda v: v,
        "Ignition": lambda v: {"ignition": v},
        "IgnitionConfig": lambda v: {"ignition": {"config": v}},
        "TLS": lambda v: {"ignition": {"security": {"tls": v}}},
        "Proxy": lambda v: {"ignition": {"proxy": v}},
        "Storage": lambda v: {"storage": v},
        "File": lambda v: {"storage": {"files": [v]}},
        "Directory": lambda v: {"storage": {"directories": [v]}},
        "Link": lambda v: {"storage": {"links": [v]}},
        "Node": lambda v: {"storage": {"files": [v]}},
        "NodeUser": lambda v: {"storage": {"files": [f(user=v)]}},
        "NodeGroup": lambda v: {"storage": {"files": [f(group=v)]}},
        "Resource": lambda v: {"storage": {"files": [f(contents=v)]}},
        "FileContents": lambda v: {"storage": {"files": [f(contents=v)]}},
        "Verification": lambda v: {"storage": {"files": [f(contents={"source": http, "verification": v})]}},
        "HTTPHeaders": lambda v: {"storage": {"files": [f(contents={"source": http, "httpHeaders": v})]}},
        "Unit": lambda v: {"systemd": {"units": [v]}},
        "Dropin": lambda v: {"systemd": {"units": [{"name": "test.service", "dropins": [v]}]}},
        "Filesystem": lambda v: {"storage": {"filesystems": [v]}},
        "Raid": lambda v: {"storage": {"raid": [v]}},
        "Disk": lambda v: {"storage": {"disks": [v]}},
        "Partition": lambda v: {"storage": {"disks": [{"device": "/dev/vda", "partitions": [v]}]}},
        "Luks": lambda v: {"storage": {"luks": [v]}},
        "Clevis": lambda v: {"storage": {"luks": [{"name": "luks", "device": "/dev/vdb", "clevis": v}]}},
        "ClevisCustom": lambda v: {"storage": {"luks": [{"name": "luks", "device": "/dev/vdb",
                                                         "clevis": {"custom": v}}]}},
        "KernelArguments": lambda v: {"kernelArguments": v},
        "Passwd": lambda v: {"passwd": v},
        "PasswdUser": lambda v: {"passwd": {"users": [v]}},
    }
    bare = go_type.lstrip("*")
    if bare in ("string", "int", "bool"):
        make = scalars.get(test_name)
        if make is None:
            raise Unsupported(f"{go_type} input of {test_name}")
        value_config = without_nil(make(value))
    else:
        make = structs.get(bare)
        if make is None:
            raise Unsupported("type " + go_type)
        value_config = make({} if value is None else value)
    config = {"ignition": dict(ign)}
    for k, v in value_config.items():
        if k == "ignition":
            config["ignition"].update(v)
            config["ignition"]["version"] = version
        else:
            config[k] = v
    if version == "3.0.0" and "proxy" in config["ignition"]:
        raise Unsupported("proxy in 3.0.0")
    return config


def without_nil(value):
    """Go's nil pointer: the field is left out."""
    if isinstance(value, dict):
        return {k: without_nil(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nil(v) for v in value]
    return value


def dumps(config):
    return json.dumps(config, indent=2, ensure_ascii=False) + "\n"


class Corpus:
    def __init__(self):
        self.entries = []  # (origin, version, text, source columns)
        self.seen = set()
        self.skipped = {}
        self.duplicates = 0
        self.valid = []  # (origin, version, text, source columns) of configs upstream expects no error from

    def add(self, origin, version, text, repo, rev, path, entry, mutation="-"):
        if text in self.seen:
            self.duplicates += 1
            return
        self.seen.add(text)
        self.entries.append((origin, version, text, [repo, rev, path, entry, mutation]))

    def skip(self, origin, why):
        key = (origin, re.sub(r"[\"'].*", "", why))
        self.skipped[key] = self.skipped.get(key, 0) + 1


def versions_from(minimum):
    return [v for v in VERSIONS if tuple(map(int, v.split("."))) >= tuple(map(int, minimum.split(".")))]


# ---- Ignition: blackbox tests -------------------------------------------------------------------------------

def sample_for(arg):
    if "Hash" in arg:
        return SAMPLE["sha256hex"] if "SHA256" in arg else SAMPLE["sha512hex"]
    if "dataurl" in arg or arg.startswith("du."):
        return SAMPLE["dataurl"]
    if "URL" in arg:
        return SAMPLE["url"]
    if arg.startswith("longnames"):
        return "base"
    return "b"


def substitute_format(text, args):
    args = list(args)

    def one(m):
        if m.group() == "%%":
            return "%"
        value = sample_for(args.pop(0)) if args else "x"
        return json.dumps(value) if m.group() == "%q" else value

    return re.sub(r"%[sqdv%]", one, text)


def blackbox(corpus, repo):
    for path in git_ls(repo, IGNITION_REV, "tests/positive") + git_ls(repo, IGNITION_REV, "tests/negative"):
        if not path.endswith(".go"):
            continue
        src = git_show(repo, IGNITION_REV, path)
        positive = path.startswith("tests/positive")
        for fm in re.finditer(r"^func (\w+)\(([^)]*)\)[^{\n]*\{\n(.*?)^\}", src, re.M | re.S):
            name, body = fm.group(1), fm.group(3)
            mv = re.search(r'(?:configMinVersion :=|ConfigMinVersion:)\s*"([^"]+)"', body)
            minimum = mv.group(1) if mv else "3.0.0"
            test_name = re.search(r'name := "([^"]+)"', body)
            label = f"{name} ({test_name.group(1)})" if test_name else name
            for k, rm in enumerate(re.finditer(r"(fmt\.Sprintf\(|strings\.Replace\()?`([^`]*)`([^\n]*)", body)):
                raw = rm.group(2).replace("\r", "")
                if '"ignition"' not in raw:
                    continue
                call, rest = rm.group(1), rm.group(3)
                args = [a.strip().rstrip(")") for a in rest.split(",")[1:]] if rest.startswith(",") else []
                if call == "fmt.Sprintf(":
                    raw = substitute_format(raw, args)
                elif call == "strings.Replace(" and len(args) >= 2:
                    raw = raw.replace(json.loads(args[0]), sample_for(args[1]))
                for old, new in PLACEHOLDERS:
                    raw = raw.replace(old, new)
                try:
                    declared = json.loads(raw.replace("$version", "3.0.0")).get("ignition", {}).get("version")
                except (ValueError, AttributeError):
                    declared = None
                if "$version" in raw:
                    if minimum not in VERSIONS:
                        corpus.skip("blackbox", f"ConfigMinVersion {minimum}")
                        continue
                    targets = versions_from(minimum)
                elif declared in VERSIONS:
                    targets = [declared]
                else:
                    corpus.skip("blackbox", f"version {declared}")
                    continue
                for v in targets:
                    text = raw.replace("$version", v)
                    if not text.endswith("\n"):
                        text += "\n"
                    corpus.add("blackbox", v, text, "coreos/ignition", IGNITION_REV, path,
                               f"{label} config {k}", "-")
                    if positive:
                        corpus.valid.append(("blackbox", v, text, ["coreos/ignition", IGNITION_REV, path,
                                                                    f"{label} config {k}"]))


# ---- Ignition: types tables ----------------------------------------------------------------------------------

def types_tables(corpus, repo):
    for minor in range(4):
        version = VERSIONS[minor]
        pkg = f"config/v3_{minor}/types"
        types = GoTypes(git_show(repo, IGNITION_REV, f"{pkg}/schema.go"))
        for path in git_ls(repo, IGNITION_REV, pkg):
            if not path.endswith("_test.go"):
                continue
            src = git_show(repo, IGNITION_REV, path)
            for fm in re.finditer(r"^func (Test\w+)\(t \*testing\.T\) \{\n(.*?)^\}", src, re.M | re.S):
                test_name, body = fm.group(1), fm.group(2)
                tm = re.search(r"\[\]struct \{(.*?)\n\t\}\{", body, re.S)
                if not tm:
                    continue
                fields = []
                for line in tm.group(1).strip().splitlines():
                    parts = line.split()
                    if len(parts) >= 2:
                        names = " ".join(parts[:-1]).replace(",", " ").split()
                        fields += [(n, parts[-1]) for n in names]
                names = [n for n, _ in fields]
                if "in" not in names:
                    continue
                in_type = fields[names.index("in")][1]
                out_index = names.index("out") if "out" in names else None
                tokens = lex(body[tm.end() - 1:])
                reader = LiteralReader(tokens, types)
                reader.take("{")
                n = 0
                while reader.peek()[1] == "{":
                    entry_start = reader.i
                    label = f"{test_name} #{n}"
                    n += 1
                    try:
                        value, valid = read_entry(reader, names, in_type, out_index)
                        config = wrap(in_type, value, test_name, version)
                    except (Unsupported, IndexError, ValueError) as e:
                        corpus.skip("types", str(e))
                        reader.i = entry_start
                        skip_braces(reader)
                        continue
                    text = dumps(config)
                    corpus.add("types", version, text, "coreos/ignition", IGNITION_REV, path, label)
                    if valid:
                        corpus.valid.append(("types", version, text, ["coreos/ignition", IGNITION_REV, path, label]))
                    if reader.peek()[1] == ",":
                        reader.take()


def skip_braces(reader):
    depth = 0
    while True:
        text = reader.take()[1]
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
            if depth == 0:
                break
    if reader.peek()[1] == ",":
        reader.take()


def read_entry(reader, names, in_type, out_index):
    """One table entry: the value of its `in` field, and whether its `out` is nil (or left out)."""
    reader.take("{")
    value, valid, found = None, True, False
    position = 0
    while reader.peek()[1] != "}":
        if reader.peek()[0] == "ident" and reader.peek(1)[1] == ":" and reader.peek()[1] in names:
            key = reader.take()[1]
            reader.take(":")
        else:
            key = names[position]
        position += 1
        if key == "in":
            value = reader.value(in_type.lstrip("*"))
            found = True
        else:
            start = reader.i
            reader.skip_value()
            if key == "out" and [t[1] for t in reader.t[start:reader.i]] not in (["nil"], ["out", "{", "}"]):
                valid = False
        if reader.peek()[1] == ",":
            reader.take()
    reader.take("}")
    if not found:
        value = None
    return value, valid and out_index is not None


# ---- Ignition: parse tests -----------------------------------------------------------------------------------

def parse_tests(corpus, repo):
    for minor in range(4):
        path = f"config/v3_{minor}/config_test.go"
        src = git_show(repo, IGNITION_REV, path)
        for n, m in enumerate(re.finditer(r"\[\]byte\((`[^`]*`|\"(?:[^\"\\]|\\.)*\")\)", src)):
            text = go_string(("raw" if m.group(1).startswith("`") else "str", m.group(1)))
            try:
                declared = json.loads(text).get("ignition", {}).get("version")
            except (ValueError, AttributeError):
                declared = None
            if declared not in VERSIONS:
                corpus.skip("parse", f"version {declared}")
                continue
            corpus.add("parse", declared, text + "\n", "coreos/ignition", IGNITION_REV, path, f"TestParse #{n}")


# ---- go-systemd, dataurl, net/url ------------------------------------------------------------------------------

def raw_strings(src):
    return [go_string(t) for t in lex(src) if t[0] in ("raw", "str")]


def systemd_units(corpus, repo):
    path = "unit/deserialize_test.go"
    src = git_show(repo, SYSTEMD_REV, path)
    texts = [go_string(("raw", m.group(1))) for m in re.finditer(r"\[\]byte\((`[^`]*`)\)", src)]
    for n, text in enumerate(texts):
        for v in VERSIONS:
            unit = {"ignition": {"version": v},
                    "systemd": {"units": [{"name": "test.service", "enabled": True, "contents": text}]}}
            corpus.add("systemd", v, dumps(unit), "coreos/go-systemd", SYSTEMD_REV, path, f"input #{n}", "-")
            dropin = {"ignition": {"version": v},
                      "systemd": {"units": [{"name": "test.service", "dropins": [{"name": "test.conf",
                                                                                  "contents": text}]}]}}
            corpus.add("systemd", v, dumps(dropin), "coreos/go-systemd", SYSTEMD_REV, path, f"input #{n}",
                       "as a dropin")


def data_urls(corpus, repo):
    for path in ("dataurl_test.go", "rfc2396_test.go"):
        src = git_show(repo, DATAURL_REV, path)
        urls = []
        for s in raw_strings(src):
            if s.startswith("data:") and s not in urls:
                urls.append(s)
        for n, url in enumerate(urls):
            for v in VERSIONS:
                config = {"ignition": {"version": v}, "storage": {"files": [{"path": "/file",
                                                                             "contents": {"source": url}}]}}
                corpus.add("dataurl", v, dumps(config), "vincent-petithory/dataurl", DATAURL_REV, path,
                           f"data URL #{n}")
                if v != "3.0.0":
                    config["storage"]["files"][0]["contents"]["compression"] = "gzip"
                    corpus.add("dataurl", v, dumps(config), "vincent-petithory/dataurl", DATAURL_REV, path,
                               f"data URL #{n}", "compression gzip")


def net_urls(corpus):
    repo, rev, path = GO_URL_TEST
    for n, url in enumerate(NET_URL_TESTS):
        for v in VERSIONS:
            config = {"ignition": {"version": v}, "storage": {"files": [{"path": "/file",
                                                                         "contents": {"source": url}}]}}
            corpus.add("neturl", v, dumps(config), repo, rev, path, f"URL #{n}", "as contents.source")
            config = {"ignition": {"version": v, "config": {"merge": [{"source": url}]}}}
            corpus.add("neturl", v, dumps(config), repo, rev, path, f"URL #{n}", "as ignition.config.merge source")
            if v != "3.0.0":
                config = {"ignition": {"version": v, "proxy": {"httpsProxy": url}}}
                corpus.add("neturl", v, dumps(config), repo, rev, path, f"URL #{n}", "as httpsProxy")


# ---- mutations of valid configs -------------------------------------------------------------------------------

def first(config, *keys):
    node = config
    for k in keys:
        if isinstance(k, int):
            if not isinstance(node, list) or len(node) <= k:
                return None
        elif not isinstance(node, dict) or k not in node:
            return None
        node = node[k]
    return node


def mutations(config, version):
    """(name, mutated config) for each mistake that applies to the config."""
    out = []

    def variant(name, change):
        c = copy.deepcopy(config)
        if change(c) is not False:
            out.append((name, c))

    for kind in ("files", "directories", "links"):
        node = first(config, "storage", kind, 0)
        if not isinstance(node, dict) or not isinstance(node.get("path"), str) or not node["path"].startswith("/"):
            continue
        variant(f"{kind}[0] path relative", lambda c, k=kind: c["storage"][k][0].update(
            path=c["storage"][k][0]["path"].lstrip("/") or "a"))
        variant(f"{kind}[0] path with a trailing /", lambda c, k=kind: c["storage"][k][0].update(
            path=c["storage"][k][0]["path"] + "/"))
        variant(f"{kind}[0] path with /./", lambda c, k=kind: c["storage"][k][0].update(
            path="/." + c["storage"][k][0]["path"]))
        variant(f"{kind}[0] path with ..", lambda c, k=kind: c["storage"][k][0].update(
            path=c["storage"][k][0]["path"] + "/x/.."))
        variant(f"{kind}[0] twice", lambda c, k=kind: c["storage"][k].append(copy.deepcopy(c["storage"][k][0])))
        if kind != "links":
            variant(f"{kind}[0] mode 010000", lambda c, k=kind: c["storage"][k][0].update(mode=0o10000))
            variant(f"{kind}[0] mode -1", lambda c, k=kind: c["storage"][k][0].update(mode=-1))
            variant(f"{kind}[0] mode 04755", lambda c, k=kind: c["storage"][k][0].update(mode=0o4755))
            variant(f"{kind}[0] mode 0755 as a string", lambda c, k=kind: c["storage"][k][0].update(mode="0755"))
    file = first(config, "storage", "files", 0)
    if isinstance(file, dict) and isinstance(file.get("path"), str):
        def contents(c, **values):
            f = c["storage"]["files"][0]
            if not isinstance(f.get("contents"), dict):
                f["contents"] = {}
            f["contents"].update(values)

        variant("contents.source data URL with a quoted charset",
                lambda c: contents(c, source='data:text/plain;charset="utf-8",hello'))
        variant("contents.source data URL with bad base64", lambda c: contents(c, source="data:;base64,YQ"))
        variant("contents.source data URL with a bad media type", lambda c: contents(c, source="data:text,hello"))
        variant("contents.source data URL with a bad escape", lambda c: contents(c, source="data:,100%"))
        variant("contents.source relative", lambda c: contents(c, source="contents/file"))
        variant("contents.source ftp", lambda c: contents(c, source="ftp://example.com/file"))
        variant("contents.compression xz", lambda c: contents(c, compression="xz"))
        variant("contents.compression gzip", lambda c: contents(c, compression="gzip"))
        variant("contents.verification.hash too short",
                lambda c: contents(c, source="http://example.com/f", verification={"hash": "sha512-abc"}))
        variant("contents.verification.hash sha256",
                lambda c: contents(c, source="http://example.com/f",
                                   verification={"hash": "sha256-" + SAMPLE["sha256hex"]}))
        variant("contents.verification.hash md5",
                lambda c: contents(c, source="http://example.com/f",
                                   verification={"hash": "md5-" + "0" * 32}))
        variant("contents.verification.hash without a source",
                lambda c: contents(c, verification={"hash": SAMPLE["sha512"]}) if "source" not in
                (c["storage"]["files"][0].get("contents") or {}) else False)
    unit = first(config, "systemd", "units", 0)
    if isinstance(unit, dict) and isinstance(unit.get("name"), str):
        variant("units[0] name without a unit suffix",
                lambda c: c["systemd"]["units"][0].update(name=unit["name"].rsplit(".", 1)[0]))
        variant("units[0] name with a .conf suffix",
                lambda c: c["systemd"]["units"][0].update(name=unit["name"].rsplit(".", 1)[0] + ".conf"))
        variant("units[0] twice", lambda c: c["systemd"]["units"].append(copy.deepcopy(unit)))
        variant("units[0] enabled", lambda c: c["systemd"]["units"][0].update(enabled=True))
        dropin = first(unit, "dropins", 0)
        if isinstance(dropin, dict) and isinstance(dropin.get("name"), str):
            variant("units[0].dropins[0] name without .conf",
                    lambda c: c["systemd"]["units"][0]["dropins"][0].update(name=dropin["name"].rsplit(".", 1)[0]))
            variant("units[0].dropins[0] twice",
                    lambda c: c["systemd"]["units"][0]["dropins"].append(copy.deepcopy(dropin)))
    return out


MUTATIONS_PER_KIND = 10


def mutate(corpus):
    """Each mistake made in at most MUTATIONS_PER_KIND valid configs of each version, the first ones found."""
    made = {}
    for origin, version, text, source in corpus.valid:
        try:
            config = json.loads(text)
        except ValueError:
            continue
        if not isinstance(config, dict):
            continue
        for name, mutated in mutations(config, version):
            if made.get((name, version), 0) >= MUTATIONS_PER_KIND:
                continue
            made[(name, version)] = made.get((name, version), 0) + 1
            corpus.add("mutated", version, dumps(mutated), *source, mutation=name)


# ---- output ------------------------------------------------------------------------------------------------

def write(corpus):
    OUT.mkdir(parents=True, exist_ok=True)
    for old in sorted(OUT.glob("*.ign")):
        old.unlink()
    counters = {}
    rows = ["# file\trepository\trevision\tpath\ttest or table entry\tmutation"]
    for origin, version, text, source in corpus.entries:
        counters[origin] = counters.get(origin, 0) + 1
        name = f"{origin}-{counters[origin]:04d}-{version}.ign"
        (OUT / name).write_bytes(text.encode("utf-8", errors="surrogateescape"))
        rows.append("\t".join([name] + [c.replace("\t", " ").replace("\n", " ") for c in source]))
    (OUT / "SOURCES.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return counters


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ignition-mirror", default="/work/.mirror/coreos+ignition/repo")
    parser.add_argument("--systemd-mirror", default="/work/.mirror/coreos+go-systemd/repo")
    parser.add_argument("--dataurl-mirror", default="/work/.mirror/vincent-petithory+dataurl/repo")
    args = parser.parse_args()
    corpus = Corpus()
    blackbox(corpus, args.ignition_mirror)
    types_tables(corpus, args.ignition_mirror)
    parse_tests(corpus, args.ignition_mirror)
    systemd_units(corpus, args.systemd_mirror)
    data_urls(corpus, args.dataurl_mirror)
    net_urls(corpus)
    mutate(corpus)
    counters = write(corpus)
    for origin, count in counters.items():
        print(f"{origin}: {count}")
    print(f"total: {len(corpus.entries)} (and {corpus.duplicates} duplicates dropped)")
    for (origin, why), count in sorted(corpus.skipped.items()):
        print(f"skipped {origin}: {count} x {why}", file=sys.stderr)


if __name__ == "__main__":
    main()
