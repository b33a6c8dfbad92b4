import struct, subprocess, sys, zipfile, re
def values(spv):
    """(member, [full-precision doubles]) for each light table, in order."""
    z = zipfile.ZipFile(spv)
    out = []
    for name in sorted(n for n in z.namelist() if n.endswith('lightTableData.bin')):
        dump = subprocess.run(['pspp-output', 'dump-light-table', '--members=' + name, spv],
                              capture_output=True, text=True).stdout
        approx = [float(m) for m in re.findall(r'^\s*x: (\S+)$', dump, re.M)]
        data = z.read(name); pos = 0; vals = []
        for a in approx:
            while pos + 8 <= len(data):
                d = struct.unpack_from('<d', data, pos)[0]
                pos += 1
                if d == a or (d == d and abs(d) < 1e300 and float('%g' % d) == a):
                    vals.append(d); pos += 7; break
        out.append((name, vals))
    return out
if __name__ == '__main__':
    for name, vals in values(sys.argv[1]):
        print(name, ' '.join(repr(v) for v in vals))
