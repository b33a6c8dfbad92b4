"""Full-precision numbers from a PSPP .spv file (GNU PSPP 1.6).

    /usr/bin/python3 spv_values.py OUT.spv     every light table's numbers

PSPP shows statistics rounded, and `pspp-output dump-light-table` prints
them with 6 significant digits; the .spv's light tables hold the doubles
themselves. Each number the dump prints is found in the binary member, in
order, as the first 8-byte little-endian double at or after the previous
one that prints the same (%g), so the value read is exactly PSPP's.

values(spv): [(member, [numbers in order])] (what test_assoc.c used).
tables(spv): [{"member", "title", "cells"}] with cells mapping a tuple of
category label paths, one per dimension (a path is the tuple of labels
from the outermost group to the leaf, e.g. ("Ordinal by Ordinal",
"Somers' d", "r Dependent")), to the number in that cell. The cell index
of the light-table format is the leaf indices of the dimensions in order,
the last varying fastest (checked against `pspp-output dump`).
"""
import re
import struct
import subprocess
import sys
import zipfile

_X = re.compile(r'^\s*x: (\S+)$')


def _members(z):
    return sorted(n for n in z.namelist() if n.endswith('lightTableData.bin'))


def _dump(spv, name):
    return subprocess.run(['pspp-output', 'dump-light-table',
                           '--members=' + name, spv],
                          capture_output=True, text=True, check=True).stdout


def _doubles(data, approx):
    """The stored double for each printed value, None where not found."""
    pos = 0
    out = []
    for a in approx:
        found = None
        while pos + 8 <= len(data):
            d = struct.unpack_from('<d', data, pos)[0]
            pos += 1
            if d == a or (d == d and abs(d) < 1e300
                          and float('%g' % d) == a):
                found = d
                pos += 7
                break
        out.append(found)
    return out


def _light_tables(spv):
    """(member, dump lines, stored double of each "x:" line in order)."""
    z = zipfile.ZipFile(spv)
    for name in _members(z):
        lines = _dump(spv, name).splitlines()
        approx = [float(m.group(1)) for m in map(_X.match, lines) if m]
        yield name, lines, _doubles(z.read(name), approx)


def values(spv):
    """(member, [full-precision doubles]) for each light table, in order."""
    return [(name, [d for d in full if d is not None])
            for name, _, full in _light_tables(spv)]


_CAT = re.compile(r'^( *)(?:sub)?categories\[\d+\]:')
_LABEL = re.compile(r'^\s*(?:local|s|var-name): "(.*)"$')
_SECTION = re.compile(r'^    (\S+):')


def _parse(lines, full):
    """Title, leaf paths per dimension and {cell index: double}."""
    title, dims, cells = None, [], {}
    section, stack, want_label, index, k = None, [], False, None, 0
    for line in lines:
        m = _SECTION.match(line)
        if m:
            section = m.group(1)
        x = _X.match(line)
        value = full[k] if x else None
        k += 1 if x else 0
        label = _LABEL.match(line)
        if section == 'titles' and title is None and label:
            title = label.group(1)
        elif section == 'dimensions':
            if re.match(r'^        dims\[\d+\]:', line):
                dims.append({})
                stack = []
            cat = _CAT.match(line)
            if cat:
                depth = len(cat.group(1))
                stack = [s for s in stack if s[0] < depth]
                want_label = True
            elif want_label and (label or x):
                stack.append((depth, label.group(1) if label
                              else x.group(1)))
                want_label = False
            leaf = re.match(r'^\s*leaf-index: (\d+)$', line)
            if leaf:
                dims[-1][int(leaf.group(1))] = tuple(s[1] for s in stack)
        elif section == 'cells':
            i = re.match(r'^\s*index: (\d+)$', line)
            if i:
                index = int(i.group(1))
            elif x:
                cells[index] = value
    return title, dims, cells


def tables(spv):
    """Every light table with its cells keyed by label paths."""
    out = []
    for name, lines, full in _light_tables(spv):
        title, dims, cells = _parse(lines, full)
        keyed = {}
        for index, value in cells.items():
            path = []
            for d in reversed(dims):
                path.append(d[index % len(d)])
                index //= len(d)
            keyed[tuple(reversed(path))] = value
        out.append({'member': name, 'title': title, 'cells': keyed})
    return out


if __name__ == '__main__':
    for name, vals in values(sys.argv[1]):
        print(name, ' '.join(repr(v) for v in vals))
