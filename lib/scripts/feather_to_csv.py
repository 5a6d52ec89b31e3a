#!/usr/bin/env python3
"""Converts a Feather v2 (Arrow IPC file) table to CSV with the standard library only.

Written for NewareNDA's reference tables (tests/reference/*.ftr, written by pandas/pyarrow 20 with
LZ4-frame-compressed buffers), which CathodeKit's Neware readers are tested against; pyarrow is not
needed (it is not on the build machines). Handles what those files use: one schema of Int /
FloatingPoint / Timestamp / Utf8 fields, dictionary-encoded (categorical) string fields, record
batches with or without LZ4_FRAME body compression. Anything else is refused with a message.

Floats are printed exactly (the shortest repr of the stored value widened to a double, so
float32 columns read back bit for bit); timestamps as integers in the stored unit.

Usage: feather_to_csv.py INPUT.ftr OUTPUT.csv [COLUMN ...]   (default: every column)

Layout references: the Arrow columnar format and IPC specification (arrow.apache.org/docs/format),
the FlatBuffers binary format, the LZ4 frame and block format descriptions (lz4/lz4 doc/).
"""
import csv
import struct
import sys


class Flat:
    """Minimal FlatBuffers table access over a bytes object."""

    def __init__(self, buf, pos):
        self.buf = buf
        self.pos = pos
        vt = pos - struct.unpack_from('<i', buf, pos)[0]
        self.vt = vt
        self.vtlen = struct.unpack_from('<H', buf, vt)[0]

    @staticmethod
    def root(buf, base=0):
        return Flat(buf, base + struct.unpack_from('<I', buf, base)[0])

    def _field(self, i):
        o = 4 + 2 * i
        if o >= self.vtlen:
            return 0
        return struct.unpack_from('<H', self.buf, self.vt + o)[0]

    def scalar(self, i, fmt, default=0):
        o = self._field(i)
        return default if o == 0 else struct.unpack_from('<' + fmt, self.buf, self.pos + o)[0]

    def _indirect(self, o):
        p = self.pos + o
        return p + struct.unpack_from('<I', self.buf, p)[0]

    def table(self, i):
        o = self._field(i)
        return None if o == 0 else Flat(self.buf, self._indirect(o))

    def string(self, i):
        o = self._field(i)
        if o == 0:
            return None
        p = self._indirect(o)
        n = struct.unpack_from('<I', self.buf, p)[0]
        return self.buf[p + 4:p + 4 + n].decode('utf-8')

    def vector(self, i):
        """(start, count) of a vector field, or (0, 0)."""
        o = self._field(i)
        if o == 0:
            return 0, 0
        p = self._indirect(o)
        return p + 4, struct.unpack_from('<I', self.buf, p)[0]

    def tables(self, i):
        start, n = self.vector(i)
        out = []
        for k in range(n):
            p = start + 4 * k
            out.append(Flat(self.buf, p + struct.unpack_from('<I', self.buf, p)[0]))
        return out


def lz4_block(src, out):
    i = 0
    n = len(src)
    while i < n:
        token = src[i]
        i += 1
        lit = token >> 4
        if lit == 15:
            while True:
                b = src[i]
                i += 1
                lit += b
                if b != 255:
                    break
        out += src[i:i + lit]
        i += lit
        if i >= n:
            break
        off = src[i] | (src[i + 1] << 8)
        i += 2
        if off == 0:
            raise ValueError('LZ4 block: match offset 0')
        ml = token & 15
        if ml == 15:
            while True:
                b = src[i]
                i += 1
                ml += b
                if b != 255:
                    break
        ml += 4
        s = len(out) - off
        if s < 0:
            raise ValueError('LZ4 block: match before start')
        for k in range(ml):
            out.append(out[s + k])


def lz4_frame(src):
    if struct.unpack_from('<I', src, 0)[0] != 0x184D2204:
        raise ValueError('not an LZ4 frame')
    flg = src[4]
    i = 6
    if flg & 0x08:
        i += 8
    if flg & 0x01:
        i += 4
    i += 1  # header checksum
    out = bytearray()
    while True:
        size = struct.unpack_from('<I', src, i)[0]
        i += 4
        if size == 0:
            break
        raw = size & 0x80000000
        size &= 0x7FFFFFFF
        block = src[i:i + size]
        i += size
        if raw:
            out += block
        else:
            lz4_block(block, out)
        if flg & 0x10:
            i += 4
    return bytes(out)


TYPE_INT, TYPE_FLOAT, TYPE_UTF8, TYPE_BOOL, TYPE_TIMESTAMP = 2, 3, 5, 6, 10


def field_info(f):
    name = f.string(0)
    ttype = f.scalar(2, 'B')
    t = f.table(3)
    dic = f.table(4)
    info = {'name': name, 'type': ttype}
    if ttype == TYPE_INT:
        info['bits'] = t.scalar(0, 'i')
        info['signed'] = bool(t.scalar(1, 'B'))
    elif ttype == TYPE_FLOAT:
        info['precision'] = t.scalar(0, 'h')
    elif ttype in (TYPE_UTF8, TYPE_TIMESTAMP, TYPE_BOOL):
        pass
    else:
        raise ValueError('field %r: Arrow type %d not handled' % (name, ttype))
    if dic is not None:
        it = dic.table(1)
        info['dict_id'] = dic.scalar(0, 'q')
        info['index_bits'] = it.scalar(0, 'i') if it is not None else 32
        info['index_signed'] = bool(it.scalar(1, 'B')) if it is not None else True
    return info


def read_batch(buf, block, want_dictionary=False):
    off, meta_len, body_len = block
    p = off
    if struct.unpack_from('<I', buf, p)[0] == 0xFFFFFFFF:
        p += 8
    else:
        p += 4
    msg = Flat.root(buf, p)
    header_type = msg.scalar(1, 'B')
    header = msg.table(2)
    body = off + meta_len
    dict_id = None
    if want_dictionary:
        if header_type != 2:
            raise ValueError('expected a DictionaryBatch')
        dict_id = header.scalar(0, 'q')
        header = header.table(1)
    elif header_type != 3:
        raise ValueError('expected a RecordBatch, message type %d' % header_type)
    length = header.scalar(0, 'q')
    nstart, ncount = header.vector(1)
    nodes = [struct.unpack_from('<qq', buf, nstart + 16 * k) for k in range(ncount)]
    bstart, bcount = header.vector(2)
    comp = header.table(3)
    codec = None if comp is None else comp.scalar(0, 'b')
    buffers = []
    for k in range(bcount):
        boff, blen = struct.unpack_from('<qq', buf, bstart + 16 * k)
        raw = buf[body + boff:body + boff + blen]
        if codec is not None and blen > 0:
            ulen = struct.unpack_from('<q', raw, 0)[0]
            if ulen == -1:
                raw = raw[8:]
            elif codec == 0:
                raw = lz4_frame(raw[8:])
            else:
                raise ValueError('buffer compression codec %d (ZSTD) not handled' % codec)
        buffers.append(raw)
    return dict_id, length, nodes, buffers


def decode_column(info, length, buffers, bi, dictionaries):
    validity = buffers[bi]

    def valid(k):
        return len(validity) == 0 or (validity[k >> 3] >> (k & 7)) & 1

    if 'dict_id' in info:
        fmt = {8: 'b', 16: 'h', 32: 'i', 64: 'q'}[info['index_bits']]
        if not info['index_signed']:
            fmt = fmt.upper()
        idx = struct.unpack_from('<%d%s' % (length, fmt), buffers[bi + 1], 0)
        words = dictionaries[info['dict_id']]
        return [words[i] if valid(k) else '' for k, i in enumerate(idx)], bi + 2
    t = info['type']
    if t == TYPE_UTF8:
        offs = struct.unpack_from('<%di' % (length + 1), buffers[bi + 1], 0)
        data = buffers[bi + 2]
        return [data[offs[k]:offs[k + 1]].decode('utf-8') if valid(k) else '' for k in range(length)], bi + 3
    if t == TYPE_INT:
        fmt = {8: 'b', 16: 'h', 32: 'i', 64: 'q'}[info['bits']]
        if not info['signed']:
            fmt = fmt.upper()
    elif t == TYPE_FLOAT:
        fmt = {1: 'f', 2: 'd'}[info['precision']]
    elif t == TYPE_TIMESTAMP:
        fmt = 'q'
    else:
        raise ValueError('field %r: type %d not decoded' % (info['name'], t))
    vals = struct.unpack_from('<%d%s' % (length, fmt), buffers[bi + 1], 0)
    return [(repr(v) if t == TYPE_FLOAT else str(v)) if valid(k) else '' for k, v in enumerate(vals)], bi + 2


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    buf = open(argv[1], 'rb').read()
    if buf[:6] != b'ARROW1' or buf[-6:] != b'ARROW1':
        sys.exit('%s: not a Feather v2 / Arrow IPC file (no ARROW1 magic)' % argv[1])
    flen = struct.unpack_from('<i', buf, len(buf) - 10)[0]
    footer = Flat.root(buf, len(buf) - 10 - flen)
    schema = footer.table(1)
    fields = [field_info(f) for f in schema.tables(1)]

    def blocks(i):
        start, n = footer.vector(i)
        return [struct.unpack_from('<qi4xq', buf, start + 24 * k) for k in range(n)]

    dictionaries = {}
    for b in blocks(2):
        dict_id, length, nodes, buffers = read_batch(buf, b, want_dictionary=True)
        offs = struct.unpack_from('<%di' % (length + 1), buffers[1], 0)
        dictionaries[dict_id] = [buffers[2][offs[k]:offs[k + 1]].decode('utf-8') for k in range(length)]
    columns = [[] for _ in fields]
    for b in blocks(3):
        _, length, nodes, buffers = read_batch(buf, b)
        bi = 0
        for c, info in enumerate(fields):
            vals, bi = decode_column(info, length, buffers, bi, dictionaries)
            columns[c].extend(vals)
    wanted = argv[3:] or [f['name'] for f in fields]
    names = [f['name'] for f in fields]
    for w in wanted:
        if w not in names:
            sys.exit('column %r not in %s' % (w, names))
    sel = [names.index(w) for w in wanted]
    with open(argv[2], 'w', newline='') as out:
        wr = csv.writer(out, lineterminator='\n')
        wr.writerow(wanted)
        for r in range(len(columns[0]) if columns else 0):
            wr.writerow([columns[c][r] for c in sel])


if __name__ == '__main__':
    main(sys.argv)
